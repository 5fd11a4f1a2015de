//! The vocabularies the crates share, as types: parsed once where they come in (the pipeline
//! file, the catalog, a Parquet label column) and matched exhaustively inside. Their text forms
//! are the labels the tables store.

use std::fmt;
use std::str::FromStr;

/// A region's administrative level (`province`, `prefecture`, `county`), as the gazetteer
/// defines it.
pub use countypanel_regions::Level;

/// Whether a fact or an observation states what was achieved or what is aimed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An achieved value.
    Actual,
    /// A target (力争, 目标, 计划, 到2025年…达到).
    Target,
}

impl Kind {
    /// `actual` or `target`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actual => "actual",
            Self::Target => "target",
        }
    }
}

/// How a broken validation rule counts: every fact breaking a rule is held back; only
/// `error` ones count towards `clean.max_quarantine_share`, which fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Held back, and noted.
    Warn,
    /// Held back, and counted against the run.
    Error,
}

impl Severity {
    /// `warn` or `error`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warn => "warn",
            Self::Error => "error",
        }
    }
}

/// A label that is not one of a vocabulary's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    /// Which vocabulary.
    pub vocabulary: &'static str,
    /// The label met.
    pub label: String,
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a {}", self.label, self.vocabulary)
    }
}

impl std::error::Error for Unknown {}

impl FromStr for Kind {
    type Err = Unknown;
    fn from_str(s: &str) -> Result<Self, Unknown> {
        match s {
            "actual" => Ok(Self::Actual),
            "target" => Ok(Self::Target),
            _ => Err(Unknown {
                vocabulary: "kind (actual, target)",
                label: s.to_string(),
            }),
        }
    }
}

impl FromStr for Severity {
    type Err = Unknown;
    fn from_str(s: &str) -> Result<Self, Unknown> {
        match s {
            "warn" => Ok(Self::Warn),
            "error" => Ok(Self::Error),
            _ => Err(Unknown {
                vocabulary: "severity (warn, error)",
                label: s.to_string(),
            }),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Defines a closed vocabulary: the enum, its labels (`as_str`, `Display`), its parsing
/// (`FromStr`, naming the vocabulary when a label is not one of its words) and `ALL`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident => $label:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every word of the vocabulary, in the order of its definition.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The label the tables store.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $label, )+
                }
            }
        }

        impl FromStr for $name {
            type Err = Unknown;
            fn from_str(s: &str) -> Result<Self, Unknown> {
                match s {
                    $( $label => Ok(Self::$variant), )+
                    _ => Err(Unknown {
                        vocabulary: $what,
                        label: s.to_string(),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The extraction rule that named a fact (or took its catalog indicator back), stored in
    /// `facts.rule`.
    pub enum Rule ("extraction rule") {
        /// A catalog phrase right after the number and its measure word (91家村卫生室).
        PhraseAfter => "phrase_after",
        /// The closest fitting catalog phrase before the number in its clause.
        PhraseBefore => "phrase_before",
        /// No phrase names the number; the words before it describe it.
        NumberOnly => "number_only",
        /// A generic phrase (规范管理率) completed by its subject (高血压患者).
        GenericSubject => "generic_subject",
        /// A generic phrase whose subject was not found.
        GenericUnresolved => "generic_unresolved",
        /// People counted before their management rate (9.5万名高血压患者规范管理率).
        ManagedCount => "managed_count",
        /// Institutions counted by the facility they have (5所卫生院建成了中医馆).
        CountedObject => "counted_object",
        /// A count narrowed by what the things counted did: a part, not the total.
        QualifiedCount => "qualified_count",
        /// A context-bound phrase (投资, 床位) outside a health context.
        NotHealth => "not_health",
        /// A bare total phrase after 其中 counts a part the catalog has no measure for.
        Part => "part",
        /// A bare total phrase after 其中 names the part's own measure.
        PartMeasure => "part_measure",
        /// A region's figure after 其中, in the measure of the total before it (覆盖率56.3%，
        /// 其中临洮县62.1%).
        RegionPart => "region_part",
        /// Stated for the province or the nation the report's region lies in (全省…覆盖率为45.2%).
        WiderArea => "wider_area",
        /// Stated for one institution the sentence opens with (区人民医院开放床位420张), not
        /// for the region.
        OneInstitution => "one_institution",
        /// Stated for a town (全镇共有村卫生室12个), not for the county the report is filed
        /// under.
        Town => "town",
        /// The bound of a class of amounts (1万元至2.99万元的).
        ClassBound => "class_bound",
        /// A change over an earlier time (增长5.2%), not a level.
        Change => "change",
        /// A percent in the thousands: a broken year template.
        ImplausiblePercent => "implausible_percent",
        /// Paired by 分别 with the subjects listed before it.
        Respectively => "respectively",
        /// One value shared by a list of rates (参保率、资助率均为100%).
        SharedValue => "shared_value",
        /// Stated in a section about another field than health.
        OtherSection => "other_section",
        /// The value of a part of the year (1-6月).
        PartYear => "part_year",
        /// Stated for a population subgroup.
        Subgroup => "subgroup",
        /// Stated for a grade of institutions (二级以上医院).
        Graded => "graded",
        /// A measure widened by a parenthesis (含…).
        Widened => "widened",
        /// A cell of a table, named by its row and column.
        TableCell => "table_cell",
    }
}

vocabulary! {
    /// Where a fact's year came from when the sentence does not state it, or why it is missing,
    /// stored in `facts.year_flag` (empty when the sentence states the year).
    pub enum YearFlag ("year flag") {
        /// The year written after the number in the same sentence.
        LaterInSentence => "later_in_sentence",
        /// The year of the paragraph.
        Paragraph => "paragraph",
        /// The year of the section.
        Section => "section",
        /// The year of the heading (or a table's caption).
        Heading => "heading",
        /// The year of the document's title.
        Title => "title",
        /// The year before the publication date.
        Published => "published",
        /// The year of an as-of date (截至2023年底) the document names, with no other year.
        AsOfReference => "as_of_reference",
        /// A yearbook table's year column.
        Table => "table",
        /// One of the years of a range the value holds for each year of.
        EachYearOfRange => "each_year_of_range",
        /// A sum over several years (“十三五”期间累计投入, 近三年累计): no one year's value.
        PeriodSum => "period_sum",
        /// A target with no year of its own.
        TargetUndated => "target_undated",
        /// The year is written but malformed.
        Malformed => "malformed",
        /// The document's years are malformed.
        DocumentYearsMalformed => "document_years_malformed",
        /// No year found.
        Unknown => "unknown",
    }
}

vocabulary! {
    /// The unit of a value: what the catalog measures an indicator in and what a fact's number
    /// was counted in, stored in `unit` columns.
    pub enum Unit ("unit") {
        /// A percent number (32.3 for 32.3%).
        Percent => "percent",
        /// Per thousand (‰).
        PerMille => "per_mille",
        /// Per 100,000.
        Per100k => "per_100k",
        /// A difference of percents (个百分点).
        PercentagePoint => "percentage_point",
        /// People (人, 名, 位).
        Person => "person",
        /// Person-times (人次).
        PersonTime => "person_time",
        /// Households (户).
        Household => "household",
        /// Institutions (所, 家, 座).
        Institution => "institution",
        /// Teams (支, 个团队).
        Team => "team",
        /// Items (项, 种, 件).
        Item => "item",
        /// Beds (张, 床).
        Bed => "bed",
        /// Yuan, after multipliers (万元 → ×10,000).
        Yuan => "yuan",
        /// Years (of life expectancy, of a period).
        Year => "year",
        /// Months.
        Month => "month",
        /// Days (of a stay).
        Day => "day",
        /// Ages (岁).
        Age => "age",
        /// Durations (天, 小时, 周).
        Duration => "duration",
        /// Areas and lengths (平方米, 公里).
        Physical => "physical",
        /// Ratios (倍).
        Times => "times",
        /// Other countable things (次, 场, 例, 台).
        Other => "other",
        /// No unit written.
        None => "none",
    }
}

impl Unit {
    /// The units a catalog indicator may be measured in.
    pub const CATALOG: &'static [Self] = &[
        Self::Percent,
        Self::Person,
        Self::PersonTime,
        Self::Institution,
        Self::Team,
        Self::Item,
        Self::Household,
        Self::Bed,
        Self::Yuan,
        Self::PerMille,
        Self::Per100k,
        Self::Year,
        Self::Day,
        Self::Other,
    ];

    /// Whether the unit is a rate of a population (%, ‰, per 100,000).
    #[must_use]
    pub fn is_rate(self) -> bool {
        matches!(self, Self::Percent | Self::PerMille | Self::Per100k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_strangers_are_named() {
        for k in [Kind::Actual, Kind::Target] {
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
        }
        for s in [Severity::Warn, Severity::Error] {
            assert_eq!(s.as_str().parse::<Severity>(), Ok(s));
        }
        for r in Rule::ALL {
            assert_eq!(r.as_str().parse::<Rule>(), Ok(*r));
        }
        for y in YearFlag::ALL {
            assert_eq!(y.as_str().parse::<YearFlag>(), Ok(*y));
        }
        for u in Unit::ALL {
            assert_eq!(u.as_str().parse::<Unit>(), Ok(*u));
        }
        assert!("phrase_afterr".parse::<Rule>().is_err());
        let e = "fatal".parse::<Severity>().unwrap_err();
        assert_eq!(e.to_string(), "`fatal` is not a severity (warn, error)");
    }
}

//! Measure words and the units they stand for.

/// The unit a measure word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// `%` or 百分之: the value is a percent number (32.3).
    Percent,
    /// `‰`: per thousand.
    Permille,
    /// Per 100,000 (1/10万).
    Per100k,
    /// 个百分点: a difference of percents.
    PercentagePoint,
    /// 人, 名, 位.
    Person,
    /// 人次.
    PersonTime,
    /// 户.
    Household,
    /// 所, 家, 座 and 个 before an institution noun.
    Institution,
    /// 支, 个团队.
    Team,
    /// 项, 种, 件, 条, 份.
    Item,
    /// 张 (beds), 床.
    Bed,
    /// 元 (after 万/亿 multipliers).
    Yuan,
    /// 个 with no telling noun: a count the extractor refines from the noun.
    Count,
    /// Event counts and other countable things: 次, 场, 期, 例, 起, 台.
    Other,
    /// 年 after a number: a calendar year or a number of years.
    Year,
    /// 月, 个月.
    Month,
    /// 日, 号.
    Day,
    /// 岁, 周岁.
    Age,
    /// 天, 小时, 分钟, 周: durations.
    Duration,
    /// Areas and lengths: 平方米, 公里, 亩.
    Physical,
    /// 倍: a ratio.
    Times,
    /// No measure word follows.
    None,
}

impl Unit {
    /// The canonical unit code stored in tables.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Percent => "percent",
            Self::Permille => "per_mille",
            Self::Per100k => "per_100k",
            Self::PercentagePoint => "percentage_point",
            Self::Person => "person",
            Self::PersonTime => "person_time",
            Self::Household => "household",
            Self::Institution => "institution",
            Self::Team => "team",
            Self::Item => "item",
            Self::Bed => "bed",
            Self::Yuan => "yuan",
            Self::Count | Self::Other => "other",
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::Age => "age",
            Self::Duration => "duration",
            Self::Physical => "physical",
            Self::Times => "times",
            Self::None => "none",
        }
    }

    /// Whether numbers with this unit are calendar dates, ages or durations rather than counts.
    #[must_use]
    pub fn is_temporal(self) -> bool {
        matches!(
            self,
            Self::Year | Self::Month | Self::Day | Self::Age | Self::Duration
        )
    }
}

/// Measure words, longest first within each leading character so the first match is the longest.
const MEASURES: &[(&str, Unit)] = &[
    ("个百分点", Unit::PercentagePoint),
    ("百分点", Unit::PercentagePoint),
    ("個百分點", Unit::PercentagePoint),
    ("百分點", Unit::PercentagePoint),
    ("个团队", Unit::Team),
    ("个工作组", Unit::Team),
    ("个专家组", Unit::Team),
    ("个项目", Unit::Item),
    ("个月", Unit::Month),
    ("个", Unit::Count),
    ("%", Unit::Percent),
    ("％", Unit::Percent),
    ("‰", Unit::Permille),
    ("/10万", Unit::Per100k),
    ("/十万", Unit::Per100k),
    ("/100000", Unit::Per100k),
    ("人次", Unit::PersonTime),
    ("人", Unit::Person),
    ("名", Unit::Person),
    ("位", Unit::Person),
    ("户", Unit::Household),
    ("所", Unit::Institution),
    ("家次", Unit::Other),
    ("家", Unit::Institution),
    ("座", Unit::Institution),
    ("支", Unit::Team),
    ("项", Unit::Item),
    ("种", Unit::Item),
    ("件", Unit::Item),
    ("条", Unit::Item),
    ("份", Unit::Item),
    ("篇", Unit::Item),
    ("张", Unit::Bed),
    ("床", Unit::Bed),
    ("元", Unit::Yuan),
    ("台次", Unit::Other),
    ("剂次", Unit::Other),
    ("台", Unit::Other),
    ("次", Unit::Other),
    ("场", Unit::Other),
    ("期", Unit::Other),
    ("例", Unit::Other),
    ("起", Unit::Other),
    ("单", Unit::Other),
    ("批", Unit::Other),
    ("轮", Unit::Other),
    ("辆", Unit::Other),
    ("间", Unit::Other),
    ("周岁", Unit::Age),
    ("岁", Unit::Age),
    ("年", Unit::Year),
    ("月", Unit::Month),
    ("日", Unit::Day),
    ("号", Unit::Day),
    ("天", Unit::Duration),
    ("小时", Unit::Duration),
    ("分钟", Unit::Duration),
    ("周", Unit::Duration),
    ("平方公里", Unit::Physical),
    ("平方米", Unit::Physical),
    ("公里", Unit::Physical),
    ("千米", Unit::Physical),
    ("米", Unit::Physical),
    ("亩", Unit::Physical),
    ("倍", Unit::Times),
];

/// The measure word at the start of `rest` and its unit, longest match first.
#[must_use]
pub fn measure_unit(rest: &[char]) -> Option<(usize, Unit)> {
    let mut best: Option<(usize, Unit)> = None;
    for (word, unit) in MEASURES_BY_FIRST.get(rest.first()?)? {
        let n = word.len();
        if rest.len() >= n && rest[..n] == word[..] && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, *unit));
        }
    }
    best
}

/// Measure words as characters, with their units, by their first character.
type ByFirst = std::collections::HashMap<char, Vec<(Vec<char>, Unit)>>;

/// The measure words as characters, by their first character (most characters of a text start
/// none).
static MEASURES_BY_FIRST: std::sync::LazyLock<ByFirst> = std::sync::LazyLock::new(|| {
    let mut by_first = ByFirst::new();
    for (word, unit) in MEASURES {
        let chars: Vec<char> = word.chars().collect();
        by_first.entry(chars[0]).or_default().push((chars, *unit));
    }
    by_first
});

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn longest_measure_wins() {
        assert_eq!(
            measure_unit(&chars("人次以上")),
            Some((2, Unit::PersonTime))
        );
        assert_eq!(measure_unit(&chars("人参加")), Some((1, Unit::Person)));
        assert_eq!(
            measure_unit(&chars("个百分点")),
            Some((4, Unit::PercentagePoint))
        );
        assert_eq!(measure_unit(&chars("个社区")), Some((1, Unit::Count)));
        assert_eq!(measure_unit(&chars("的")), None);
    }
}

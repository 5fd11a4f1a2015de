//! Validation rules. Each rule has a name (stored in the quarantine table) and a severity; the
//! first rule a fact breaks is the one recorded.

use countypanel_core::vocab::Kind;
use countypanel_core::vocab::Level;
use countypanel_core::vocab::Severity;
use countypanel_core::vocab::YearFlag;
use polars::prelude::*;

/// The rules in the order they are checked.
pub const RULES: &[(&str, Severity, &str)] = &[
    (
        "region_unresolved",
        Severity::Error,
        "the fact's region could not be resolved to a code",
    ),
    (
        "year_malformed",
        Severity::Error,
        "the year in the text is malformed (such as 202223年)",
    ),
    (
        "year_missing",
        Severity::Error,
        "no year could be determined",
    ),
    (
        "year_out_of_window",
        Severity::Error,
        "the year is outside clean.year_min..clean.year_max",
    ),
    (
        "year_after_publication",
        Severity::Error,
        "an actual value dated after its document was published",
    ),
    (
        "region_not_valid_in_year",
        Severity::Error,
        "the region code was not valid in the fact's year",
    ),
    (
        "unit_mismatch",
        Severity::Error,
        "the unit cannot be converted to the indicator's unit",
    ),
    (
        "out_of_range",
        Severity::Error,
        "the value is outside the indicator's valid range",
    ),
    (
        "not_whole",
        Severity::Error,
        "a count that is not a whole number",
    ),
];

/// How many times a county's range a prefecture's and a province's counts may reach: the
/// catalog's ranges are a county's, and a prefecture holds some ten to twenty counties.
pub const LEVEL_SCALE: [(Level, f64); 2] = [(Level::Prefecture, 25.0), (Level::Province, 400.0)];

/// The upper bound of a fact's range at its region's level: a count of an area (`cat_area`)
/// may be larger for a prefecture or a province; rates and densities keep their bound.
pub fn range_max_for_level() -> Expr {
    let [(pref, pref_x), (prov, prov_x)] = LEVEL_SCALE;
    when(col("cat_area").and(col("region_level").eq(lit(pref.as_str()))))
        .then(col("range_max") * lit(pref_x))
        .when(col("cat_area").and(col("region_level").eq(lit(prov.as_str()))))
        .then(col("range_max") * lit(prov_x))
        .otherwise(col("range_max"))
}

/// The expression naming the first rule a row breaks, or null. Expects the columns of the facts
/// table joined with `cat_unit`, `range_min`, `range_max`, `pub_year` and `region_level`.
pub fn first_broken_rule(year_min: i32, year_max: i32, max_after: i32) -> Expr {
    let year = || col("year");
    when(col("region_code").is_null())
        .then(lit("region_unresolved"))
        .when(
            year().is_null().and(
                col("year_flag")
                    .eq(lit(YearFlag::Malformed.as_str()))
                    .or(col("year_flag").eq(lit(YearFlag::DocumentYearsMalformed.as_str()))),
            ),
        )
        .then(lit("year_malformed"))
        .when(year().is_null())
        .then(lit("year_missing"))
        .when(year().lt(lit(year_min)).or(year().gt(lit(year_max))))
        .then(lit("year_out_of_window"))
        .when(
            col("kind")
                .eq(lit(Kind::Actual.as_str()))
                .and(col("pub_year").is_not_null())
                .and(year().gt(col("pub_year") + lit(max_after))),
        )
        .then(lit("year_after_publication"))
        .when(col("region_level").is_null())
        .then(lit("region_not_valid_in_year"))
        .when(col("unit").neq(col("cat_unit")))
        .then(lit("unit_mismatch"))
        .when(
            col("value")
                .lt(col("range_min"))
                .or(col("value").gt(col("range_max")))
                .or(col("value").is_nan()),
        )
        .then(lit("out_of_range"))
        .when(
            col("cat_whole").and(
                col("value")
                    .cast(DataType::Int64)
                    .cast(DataType::Float64)
                    .neq(col("value")),
            ),
        )
        .then(lit("not_whole"))
        .otherwise(lit(NULL).cast(DataType::String))
}

/// Severity of a rule: the pipeline's `clean.severity` entry for it, else its default. A fact
/// breaking a rule is held back whatever the severity; only error-severity rules count towards
/// `clean.max_quarantine_share`, which fails the run.
#[must_use]
pub fn severity(rule: &str, overrides: &std::collections::BTreeMap<String, Severity>) -> Severity {
    if let Some(s) = overrides.get(rule) {
        return *s;
    }
    RULES
        .iter()
        .find(|(r, _, _)| *r == rule)
        .map_or(Severity::Error, |(_, s, _)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pipeline_overrides_a_rule_severity() {
        let mut o = std::collections::BTreeMap::new();
        assert_eq!(severity("year_missing", &o), Severity::Error);
        o.insert("year_missing".to_string(), Severity::Warn);
        assert_eq!(severity("year_missing", &o), Severity::Warn);
        assert_eq!(severity("out_of_range", &o), Severity::Error);
    }
}

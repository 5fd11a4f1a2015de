//! The quarantine table: one row per fact held back, with the rule, its severity and why in
//! words.

use polars::prelude::*;

use countypanel_core::frame::{
    frame_floats as floats, frame_ints as ints, frame_strings as strings,
};

use crate::rules::severity;
use crate::{CleanError, pl_err};

/// The quarantine table from the held facts (with their `rule_broken`). A row loop: each rule's
/// detail is a sentence with the row's own figures (its range, its years), which no string
/// expression of polars writes; the held facts are few.
pub(crate) fn quarantine_frame(
    held: &DataFrame,
    overrides: &std::collections::BTreeMap<String, countypanel_core::vocab::Severity>,
) -> Result<DataFrame, CleanError> {
    let rules = strings(held, "rule_broken")?;
    let values = floats(held, "value")?;
    let units = strings(held, "unit")?;
    let cat_units = strings(held, "cat_unit")?;
    let mins = floats(held, "range_min")?;
    let maxs = floats(held, "range_max")?;
    let years = ints(held, "year")?;
    let pub_years = ints(held, "pub_year")?;
    let codes = strings(held, "region_code")?;
    let names = strings(held, "region_name")?;
    let mut detail = Vec::with_capacity(rules.len());
    let mut sev = Vec::with_capacity(rules.len());
    for i in 0..rules.len() {
        let rule = rules[i].as_deref().unwrap_or("");
        sev.push(severity(rule, overrides).as_str());
        let v = values[i].unwrap_or(f64::NAN);
        detail.push(match rule {
            "region_unresolved" => format!(
                "region {} has no code",
                names[i]
                    .as_deref()
                    .map_or("(none named)".to_string(), |n| format!("`{n}`"))
            ),
            "year_malformed" => "the year written in the text is malformed".to_string(),
            "year_missing" => {
                "no year in the sentence, paragraph, headings or publication date".to_string()
            }
            "year_out_of_window" => format!(
                "year {} is outside the plausible window",
                years[i].unwrap_or(0)
            ),
            "year_after_publication" => format!(
                "actual value for {} in a document published in {}",
                years[i].unwrap_or(0),
                pub_years[i].unwrap_or(0)
            ),
            "region_not_valid_in_year" => format!(
                "code {} was not valid in {}",
                codes[i].as_deref().unwrap_or(""),
                years[i].unwrap_or(0)
            ),
            "unit_mismatch" => format!(
                "unit {} where the indicator is measured in {}",
                units[i].as_deref().unwrap_or(""),
                cat_units[i].as_deref().unwrap_or("")
            ),
            "out_of_range" => format!(
                "value {v} outside [{}, {}]",
                mins[i].unwrap_or(f64::NAN),
                maxs[i].unwrap_or(f64::NAN)
            ),
            "not_whole" => format!("count {v} is not a whole number"),
            other => other.to_string(),
        });
    }
    let mut q = held
        .select([
            "fact_id",
            "doc_id",
            "indicator_id",
            "region_name",
            "year",
            "value",
            "unit",
            "evidence",
        ])
        .map_err(pl_err("quarantine"))?;
    q.with_column(Column::new("rule".into(), rules))
        .map_err(pl_err("quarantine"))?;
    q.with_column(Column::new("severity".into(), sev))
        .map_err(pl_err("quarantine"))?;
    q.with_column(Column::new("detail".into(), detail))
        .map_err(pl_err("quarantine"))?;
    Ok(q)
}

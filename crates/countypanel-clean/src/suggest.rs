//! Region names that resolve to nothing but are one character away from one region of their
//! year (a yearbook's 满州里市 for 满洲里市): each is listed with its suggestion, its facts and an
//! example; the suggestion is applied only when the pipeline file says so.

use countypanel_core::frame::{frame_ints as ints, frame_strings as strings};
use countypanel_regions::Gazetteer;
use polars::prelude::*;

use crate::{CleanError, pl_err};

/// The suggestions table for the facts whose region did not resolve, and the facts with the
/// suggestions applied when `accept` (their `region_code` filled in).
pub fn region_suggestions(
    facts: DataFrame,
    gazetteer: &Gazetteer,
    accept: bool,
) -> Result<(DataFrame, DataFrame), CleanError> {
    let unresolved = facts
        .clone()
        .lazy()
        .filter(
            col("region_code")
                .is_null()
                .and(col("region_name").is_not_null())
                .and(col("year").is_not_null()),
        )
        .group_by([col("region_name"), col("year")])
        .agg([
            len().cast(DataType::Int64).alias("n_facts"),
            col("evidence")
                .sort(SortOptions::default())
                .first()
                .alias("example_evidence"),
        ])
        .sort(["region_name", "year"], SortMultipleOptions::default())
        .collect()
        .map_err(pl_err("unresolved regions"))?;
    let names = strings(&unresolved, "region_name")?;
    let years = ints(&unresolved, "year")?;
    let (mut code, mut name) = (Vec::new(), Vec::new());
    for (n, y) in names.iter().zip(&years) {
        let s = match (n, y) {
            (Some(n), Some(y)) => gazetteer.suggest(n, *y),
            _ => None,
        };
        code.push(s.as_ref().map(|c| c.code.clone()));
        name.push(s.map(|c| c.name));
    }
    let mut table = unresolved;
    table
        .with_column(Column::new("suggested_code".into(), code))
        .map_err(pl_err("region suggestions"))?;
    table
        .with_column(Column::new("suggested_name".into(), name))
        .map_err(pl_err("region suggestions"))?;
    let table = table
        .lazy()
        .filter(col("suggested_code").is_not_null())
        .with_columns([lit(accept).alias("applied")])
        .collect()
        .map_err(pl_err("region suggestions"))?;
    if !accept || table.height() == 0 {
        return Ok((facts, table));
    }
    let fixes =
        table
            .clone()
            .lazy()
            .select([col("region_name"), col("year"), col("suggested_code")]);
    let facts = facts
        .lazy()
        .join(
            fixes,
            [col("region_name"), col("year")],
            [col("region_name"), col("year")],
            JoinArgs::new(JoinType::Left),
        )
        .with_columns([coalesce(&[col("region_code"), col("suggested_code")]).alias("region_code")])
        .drop(by_name(["suggested_code"], true, false))
        .collect()
        .map_err(pl_err("applying region suggestions"))?;
    Ok((facts, table))
}

//! Coverage: which years each region reports each indicator for, and from how many sources.

use std::collections::{BTreeMap, BTreeSet};

use countypanel_core::contract::COVERAGE;
use countypanel_core::table::{Col, batch};
use countypanel_core::vocab::Kind;
use polars::prelude::*;

use crate::compute::{ints, strings};
use crate::{AggregateError, pl_err};

/// Coverage: for each region and indicator, the years with an actual value and the number of
/// distinct documents behind them.
pub(crate) fn coverage_batch(
    obs: &DataFrame,
) -> Result<arrow::record_batch::RecordBatch, AggregateError> {
    let codes = strings(obs, "region_code")?;
    let names = strings(obs, "region_name")?;
    let inds = strings(obs, "indicator_id")?;
    let kinds = strings(obs, "kind")?;
    let years = ints(obs, "year")?;
    let docs = obs
        .column("doc_ids")
        .and_then(|c| c.list().cloned())
        .map_err(pl_err("coverage"))?;
    type Cell = (String, BTreeSet<i32>, BTreeSet<String>);
    let mut cells: BTreeMap<(String, String), Cell> = BTreeMap::new();
    for (i, d) in docs.series_iter().enumerate() {
        if kinds[i].as_deref() != Some(Kind::Actual.as_str()) {
            continue;
        }
        let (Some(code), Some(ind), Some(year)) = (codes[i].clone(), inds[i].clone(), years[i])
        else {
            continue;
        };
        let cell = cells.entry((code, ind)).or_insert_with(|| {
            (
                names[i].clone().unwrap_or_default(),
                BTreeSet::new(),
                BTreeSet::new(),
            )
        });
        cell.1.insert(year);
        if let Some(s) = d {
            let s = s.cast(&DataType::String).map_err(pl_err("coverage"))?;
            for id in s.str().map_err(pl_err("coverage"))?.iter().flatten() {
                cell.2.insert(id.to_string());
            }
        }
    }
    let rows: Vec<(&(String, String), &Cell)> = cells.iter().collect();
    Ok(batch(
        &COVERAGE,
        vec![
            (
                "region_code",
                Col::Str(rows.iter().map(|((c, _), _)| Some(c.clone())).collect()),
            ),
            (
                "region_name",
                Col::Str(rows.iter().map(|(_, (n, _, _))| Some(n.clone())).collect()),
            ),
            (
                "indicator_id",
                Col::Str(rows.iter().map(|((_, i), _)| Some(i.clone())).collect()),
            ),
            (
                "years",
                Col::ListI32(
                    rows.iter()
                        .map(|(_, (_, y, _))| y.iter().copied().collect())
                        .collect(),
                ),
            ),
            (
                "n_years",
                Col::I32(
                    rows.iter()
                        .map(|(_, (_, y, _))| Some(y.len() as i32))
                        .collect(),
                ),
            ),
            (
                "first_year",
                Col::I32(
                    rows.iter()
                        .map(|(_, (_, y, _))| y.first().copied())
                        .collect(),
                ),
            ),
            (
                "last_year",
                Col::I32(
                    rows.iter()
                        .map(|(_, (_, y, _))| y.last().copied())
                        .collect(),
                ),
            ),
            (
                "n_sources",
                Col::I32(
                    rows.iter()
                        .map(|(_, (_, _, d))| Some(d.len() as i32))
                        .collect(),
                ),
            ),
        ],
    )?)
}

//! The panel half of `countypanel eval`: the documents just read go through the staged tables
//! and the clean stage in a temporary folder, and the observations are scored against the gold.

use std::collections::BTreeSet;

use anyhow::{Context, Result};
use countypanel_clean::{CleanOutputs, clean};
use countypanel_core::catalog::Catalog;
use countypanel_core::config::Pipeline;
use countypanel_core::contract::{DOCUMENTS, FACTS, OBSERVATIONS};
use countypanel_core::parquet_io::{WriteMeta, read_table};
use countypanel_core::table::{floats, ints, strings};
use countypanel_eval::{Cell, GoldFact, PanelReport, doc_names, score_panel};
use countypanel_ingest::{IngestSink, Outcome};
use countypanel_regions::{Gazetteer, Status};

use crate::explain::list_at;

/// Scores the panel built from `outcomes` against `gold`.
pub fn panel(
    outcomes: &[Outcome],
    gold: &[GoldFact],
    p: &Pipeline,
    catalog: &Catalog,
    gazetteer: &Gazetteer,
    meta: &WriteMeta,
) -> Result<PanelReport> {
    let dir = tempfile::tempdir().context("creating a temporary folder for the panel")?;
    let at = |name: &str| dir.path().join(name);
    let mut sink = IngestSink::create(
        &at("documents.parquet"),
        &at("facts.parquet"),
        &at("rejects.parquet"),
        meta,
    )?;
    sink.push(outcomes)?;
    sink.finish()?;
    clean(
        &at("facts.parquet"),
        &at("documents.parquet"),
        CleanOutputs {
            observations: &at("observations.parquet"),
            quarantine: &at("quarantine.parquet"),
            conflicts: &at("conflicts.parquet"),
            uncatalogued: &at("uncatalogued.parquet"),
            todo: &at("catalog_todo.parquet"),
            suspect: &at("suspect.parquet"),
            suggestions: &at("region_suggestions.parquet"),
        },
        p,
        catalog,
        gazetteer,
        meta,
    )?;
    let docs = read_table(&at("documents.parquet"), &DOCUMENTS)?;
    let doc_of: std::collections::HashMap<String, String> = strings(&docs, "doc_id")?
        .into_iter()
        .zip(strings(&docs, "source_path")?)
        .filter_map(|(id, path)| Some((id?, path?)))
        .collect();
    let scored: BTreeSet<String> = doc_of.values().flat_map(|p| doc_names(p)).collect();
    let facts = read_table(&at("facts.parquet"), &FACTS)?;
    let fact_doc: std::collections::HashMap<String, String> = strings(&facts, "fact_id")?
        .into_iter()
        .zip(strings(&facts, "doc_id")?)
        .filter_map(|(f, d)| Some((f?, d?)))
        .collect();
    let obs = read_table(&at("observations.parquet"), &OBSERVATIONS)?;
    let (codes, names) = (strings(&obs, "region_code")?, strings(&obs, "region_name")?);
    let (years, ids) = (ints(&obs, "year")?, strings(&obs, "indicator_id")?);
    let (kinds, values) = (strings(&obs, "kind")?, floats(&obs, "value")?);
    let cells: Vec<Cell> = (0..obs.num_rows())
        .map(|r| Cell {
            region_code: codes[r].clone().unwrap_or_default(),
            region_name: names[r].clone().unwrap_or_default(),
            year: years[r].unwrap_or_default() as i32,
            indicator_id: ids[r].clone().unwrap_or_default(),
            kind: kinds[r].clone().unwrap_or_default(),
            value: values[r].unwrap_or(f64::NAN),
            docs: list_at(&obs, "fact_ids", r)
                .iter()
                .filter_map(|f| fact_doc.get(f).and_then(|d| doc_of.get(d)))
                .flat_map(|p| doc_names(p))
                .collect(),
        })
        .collect();
    Ok(score_panel(&cells, gold, &scored, |name, year| {
        let r = gazetteer.resolve(name, Some(year), &[]);
        match r.status {
            Status::Resolved => r.code.into_iter().collect(),
            _ => r.candidates.into_iter().map(|c| c.code).collect(),
        }
    }))
}

//! The clean stage.

use std::collections::BTreeMap;
use std::path::Path;

use countypanel_core::catalog::Catalog;
use countypanel_core::config::Pipeline;
use countypanel_core::contract::{
    CATALOG_TODO, CONFLICTS, DOCUMENTS, FACTS, OBSERVATIONS, QUARANTINE, REGION_SUGGESTIONS,
    SUSPECT,
};
use countypanel_core::frame::{
    frame_ints as ints, frame_strings as strings, frame_to_batch, read_columns,
    read_rows_where_null,
};
use countypanel_core::parquet_io::{WriteMeta, write_table};
use countypanel_regions::Gazetteer;
use polars::prelude::*;

use crate::rules::severity;
use crate::{CleanError, pl_err};

/// Where the clean stage writes.
#[derive(Debug, Clone, Copy)]
pub struct CleanOutputs<'a> {
    /// One row per cell.
    pub observations: &'a Path,
    /// Facts held back.
    pub quarantine: &'a Path,
    /// Competing facts of conflicting cells.
    pub conflicts: &'a Path,
    /// Facts with no catalog indicator.
    pub uncatalogued: &'a Path,
    /// The catalog's to-do list (what uncatalogued health facts measure).
    pub todo: &'a Path,
    /// Cells whose value departs from their region's series.
    pub suspect: &'a Path,
    /// Unresolved region names with a suggested correction.
    pub suggestions: &'a Path,
}

/// Counts of one clean run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanSummary {
    /// Facts read.
    pub facts_in: usize,
    /// Observations written.
    pub observations: usize,
    /// Facts merged into observations.
    pub mentions: usize,
    /// Mentions beyond the first of each observation.
    pub duplicates_merged: usize,
    /// Facts quarantined, by rule.
    pub quarantined: BTreeMap<String, usize>,
    /// Facts naming no catalog indicator.
    pub uncatalogued: usize,
    /// Observations whose sources disagree.
    pub conflicts: usize,
    /// Observations whose value departs from their region's series.
    pub suspect: usize,
    /// Checks of error severity that failed the run (exit 1).
    pub failed_checks: Vec<String>,
}

impl CleanSummary {
    /// Facts quarantined in all.
    #[must_use]
    pub fn n_quarantined(&self) -> usize {
        self.quarantined.values().sum()
    }
}

/// The facts columns clean reads: keys, value, unit, qualifier, year, region, and the evidence
/// that quarantined facts carry.
const FACT_COLUMNS: &[&str] = &[
    "fact_id",
    "doc_id",
    "indicator_id",
    "value",
    "unit",
    "qualifier",
    "kind",
    "year",
    "year_flag",
    "region_name",
    "region_code",
    "char_start",
    "evidence",
];

/// The columns of quarantined facts that the quarantine table is made from.
const QUARANTINE_INPUT: &[&str] = &[
    "fact_id",
    "doc_id",
    "indicator_id",
    "region_name",
    "region_code",
    "year",
    "pub_year",
    "value",
    "unit",
    "cat_unit",
    "range_min",
    "range_max",
    "evidence",
    "char_start",
    "rule_broken",
];

/// Runs the clean stage.
pub fn clean(
    facts_path: &Path,
    documents_path: &Path,
    out: CleanOutputs<'_>,
    pipeline: &Pipeline,
    catalog: &Catalog,
    gazetteer: &Gazetteer,
    meta: &WriteMeta,
) -> Result<CleanSummary, CleanError> {
    check_severity_rules(pipeline)?;
    // Only the columns clean computes with (a national facts table's sentences would not fit
    // in memory); the uncatalogued facts, passed on whole, are read apart.
    let facts = read_columns(facts_path, &FACTS, FACT_COLUMNS)?;
    let (facts, suggestions) = crate::suggest::region_suggestions(
        facts,
        gazetteer,
        pipeline.clean.accept_suggested_regions,
    )?;
    let docs = read_columns(
        documents_path,
        &DOCUMENTS,
        &["doc_id", "source_path", "published"],
    )?;
    let mut summary = CleanSummary {
        facts_in: facts.height(),
        ..CleanSummary::default()
    };

    let doc_table = crate::plan::doc_table(&docs, pipeline)?;

    // Catalog: canonical unit and valid range.
    let cat_table = countypanel_core::frame::catalog_frame(catalog)?
        .select([
            "indicator_id",
            "cat_unit",
            "range_min",
            "range_max",
            "cat_area",
            "cat_whole",
        ])
        .map_err(pl_err("catalog table"))?;

    let region_table = crate::plan::region_table(&facts, gazetteer, pipeline.clean.base_vintage)?;

    let cfg = &pipeline.clean;
    // `facts` is consumed here and `checked` below, so that each is freed once used.
    let checked = crate::plan::validate(facts, cat_table, doc_table, region_table, cfg)?;

    let uncatalogued = read_rows_where_null(facts_path, &FACTS, "indicator_id")?;
    summary.uncatalogued = uncatalogued.height();

    // Quarantine.
    let held = held_back(&checked)?;
    let quarantine = crate::quarantine::quarantine_frame(&held, &pipeline.clean.severity)?;
    for r in strings(&held, "rule_broken")?.into_iter().flatten() {
        *summary.quarantined.entry(r).or_default() += 1;
    }

    let (observations, conflicts, suspect) = decide(checked, catalog, cfg)?;
    count_observations(&mut summary, &observations)?;

    write_outputs(
        out,
        meta,
        &Tables {
            observations: &observations,
            quarantine: &quarantine,
            conflicts: &conflicts,
            uncatalogued: &uncatalogued,
            suggestions: &suggestions,
            suspect: &suspect,
        },
    )?;

    check_quarantine_share(&mut summary, cfg);
    Ok(summary)
}

/// The facts that broke a rule, in document order, with what the quarantine table shows.
fn held_back(checked: &DataFrame) -> Result<DataFrame, CleanError> {
    checked
        .clone()
        .lazy()
        .filter(col("rule_broken").is_not_null())
        .select(QUARANTINE_INPUT.iter().map(|c| col(*c)).collect::<Vec<_>>())
        .sort_by_exprs(
            [col("doc_id"), col("char_start"), col("fact_id")],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("quarantine"))
}

/// The valid facts of `checked` decided into observations by the policy, the conflicts table
/// (with what decided each cell) and the suspect cells (series and densities).
fn decide(
    checked: DataFrame,
    catalog: &Catalog,
    cfg: &countypanel_core::config::CleanConfig,
) -> Result<(DataFrame, DataFrame, DataFrame), CleanError> {
    // Observations: sort by cell and policy, take the first of each cell.
    let (factor, min_years) = (cfg.suspect_factor, cfg.suspect_min_years);
    let valid = crate::plan::policy_order(checked)?;
    let observations = crate::plan::observations_of(&valid, cfg.series_checks)?;

    // The facts of conflicting cells, in policy order; a value its own series makes
    // implausible loses to one that fits, before the other rules.
    let conflicts = crate::plan::conflicts_of(valid, &observations, factor, min_years)?;
    let (observations, conflicts) =
        crate::series::settle(observations, &conflicts, factor, min_years)?;
    let decided = crate::series::decided_by(&conflicts)?;
    let mut conflicts = conflicts;
    conflicts
        .with_column(Column::new("decided_by".into(), decided))
        .map_err(pl_err("conflicts"))?;
    let mut suspect = crate::series::suspect_frame(&observations)?;
    let mut observations = observations;
    if cfg.series_checks {
        let dens = crate::density::density_suspects(
            &observations,
            catalog,
            cfg.density_factor,
            min_years,
        )?;
        if dens.height() > 0 {
            observations = mark_suspect(observations, &dens)?;
            suspect = crate::density::with_density_rows(suspect, dens)?;
        }
    }
    Ok((observations, conflicts, suspect))
}

/// Adds the counts of the observations to `summary` and checks the accounting identity and
/// that each cell is one row.
fn count_observations(
    summary: &mut CleanSummary,
    observations: &DataFrame,
) -> Result<(), CleanError> {
    summary.suspect = observations
        .column("suspect")
        .map_err(pl_err("suspect cells"))?
        .bool()
        .map_err(pl_err("suspect cells"))?
        .sum()
        .unwrap_or(0) as usize;

    summary.observations = observations.height();
    summary.mentions = ints(observations, "n_mentions")?
        .into_iter()
        .flatten()
        .map(|n| n as usize)
        .sum();
    summary.duplicates_merged = summary.mentions - summary.observations;
    summary.conflicts = observations
        .column("conflict")
        .map_err(pl_err("conflicts"))?
        .bool()
        .map_err(pl_err("conflicts"))?
        .iter()
        .filter(|b| *b == Some(true))
        .count();

    // The accounting identity, checked on every run.
    let accounted = summary.mentions + summary.n_quarantined() + summary.uncatalogued;
    if accounted != summary.facts_in {
        return Err(CleanError::Invariant(format!(
            "facts in ({}) != mentions in observations ({}) + quarantined ({}) + uncatalogued ({})",
            summary.facts_in,
            summary.mentions,
            summary.n_quarantined(),
            summary.uncatalogued
        )));
    }
    check_unique(observations)
}

/// Fails the run (exit 1) when more catalogued facts broke an error-severity rule than
/// `clean.max_quarantine_share` allows.
fn check_quarantine_share(summary: &mut CleanSummary, cfg: &countypanel_core::config::CleanConfig) {
    let catalogued = summary.facts_in - summary.uncatalogued;
    let errors: usize = summary
        .quarantined
        .iter()
        .filter(|(rule, _)| {
            severity(rule, &cfg.severity) == countypanel_core::vocab::Severity::Error
        })
        .map(|(_, n)| *n)
        .sum();
    if catalogued > 0 && errors as f64 / catalogued as f64 > cfg.max_quarantine_share {
        summary.failed_checks.push(format!(
            "{errors} of {catalogued} catalogued facts quarantined, over clean.max_quarantine_share = {}",
            cfg.max_quarantine_share
        ));
    }
}

/// Every rule the pipeline's `clean.severity` names is a rule.
fn check_severity_rules(pipeline: &Pipeline) -> Result<(), CleanError> {
    for rule in pipeline.clean.severity.keys() {
        if !crate::rules::RULES.iter().any(|(r, _, _)| r == rule) {
            return Err(CleanError::Core(countypanel_core::CoreError::Config {
                path: pipeline.source.clone(),
                message: format!(
                    "clean.severity: `{rule}` is not a rule; the rules are {}",
                    crate::rules::RULES
                        .iter()
                        .map(|(r, _, _)| *r)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }));
        }
    }
    Ok(())
}

/// The tables clean writes, once decided.
struct Tables<'a> {
    observations: &'a DataFrame,
    quarantine: &'a DataFrame,
    conflicts: &'a DataFrame,
    uncatalogued: &'a DataFrame,
    suggestions: &'a DataFrame,
    suspect: &'a DataFrame,
}

/// Writes every output of the stage (the catalog's to-do list is made here from the
/// uncatalogued facts).
fn write_outputs(
    out: CleanOutputs<'_>,
    meta: &WriteMeta,
    t: &Tables<'_>,
) -> Result<(), CleanError> {
    let Tables {
        observations,
        quarantine,
        conflicts,
        uncatalogued,
        suggestions,
        suspect,
    } = *t;
    write_table(
        out.observations,
        &OBSERVATIONS,
        &frame_to_batch(observations, &OBSERVATIONS)?,
        meta,
    )?;
    write_table(
        out.quarantine,
        &QUARANTINE,
        &frame_to_batch(quarantine, &QUARANTINE)?,
        meta,
    )?;
    write_table(
        out.conflicts,
        &CONFLICTS,
        &frame_to_batch(conflicts, &CONFLICTS)?,
        meta,
    )?;
    write_table(
        out.uncatalogued,
        &FACTS,
        &frame_to_batch(uncatalogued, &FACTS)?,
        meta,
    )?;
    write_table(
        out.suggestions,
        &REGION_SUGGESTIONS,
        &frame_to_batch(suggestions, &REGION_SUGGESTIONS)?,
        meta,
    )?;
    write_table(
        out.suspect,
        &SUSPECT,
        &frame_to_batch(suspect, &SUSPECT)?,
        meta,
    )?;
    let todo = crate::todo::catalog_todo(uncatalogued)?;
    write_table(
        out.todo,
        &CATALOG_TODO,
        &frame_to_batch(&todo, &CATALOG_TODO)?,
        meta,
    )?;

    Ok(())
}

/// Flags the observations of the cells in `cells` (keys as strings) suspect, keeping their order.
fn mark_suspect(observations: DataFrame, cells: &DataFrame) -> Result<DataFrame, CleanError> {
    let id_type = observations
        .column("indicator_id")
        .map_err(pl_err("suspect cells"))?
        .dtype()
        .clone();
    let kind_type = observations
        .column("kind")
        .map_err(pl_err("suspect cells"))?
        .dtype()
        .clone();
    let flagged = cells
        .clone()
        .lazy()
        .select([
            col("region_code"),
            col("year"),
            col("indicator_id").cast(id_type),
            col("kind").cast(kind_type),
            lit(true).alias("flagged"),
        ])
        .unique(None, UniqueKeepStrategy::First);
    let keys = || {
        [
            col("region_code"),
            col("year"),
            col("indicator_id"),
            col("kind"),
        ]
    };
    let mut keep_order = JoinArgs::new(JoinType::Left);
    keep_order.maintain_order = MaintainOrderJoin::Left;
    observations
        .lazy()
        .join(flagged, keys(), keys(), keep_order)
        .with_columns([col("suspect").or(col("flagged").fill_null(lit(false)))])
        .drop(cols(["flagged"]))
        .collect()
        .map_err(pl_err("suspect cells"))
}

/// Checks that the observations hold one row per cell (region, year, indicator, kind).
fn check_unique(obs: &DataFrame) -> Result<(), CleanError> {
    let keys = || {
        [
            col("region_code").cast(DataType::String),
            col("year"),
            col("indicator_id").cast(DataType::String),
            col("kind").cast(DataType::String),
        ]
    };
    let repeated = obs
        .clone()
        .lazy()
        .group_by(keys())
        .agg([len().alias("n")])
        .filter(col("n").gt(lit(1)))
        .sort_by_exprs(keys(), SortMultipleOptions::default())
        .limit(1)
        .collect()
        .map_err(pl_err("unique check"))?;
    if repeated.height() == 0 {
        return Ok(());
    }
    let (a, b, c, d) = (
        strings(&repeated, "region_code")?,
        ints(&repeated, "year")?,
        strings(&repeated, "indicator_id")?,
        strings(&repeated, "kind")?,
    );
    Err(CleanError::Invariant(format!(
        "observations are not unique on (region_code, year, indicator_id, kind): {:?} {:?} {:?} {:?} repeats",
        a[0], b[0], c[0], d[0]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_held_twice_breaks_the_unique_check_and_is_named() {
        let obs = df!(
            "region_code" => ["420000", "420000", "421221"],
            "year" => [2022, 2022, 2022],
            "indicator_id" => ["hospital_beds", "hospital_beds", "hospital_beds"],
            "kind" => ["actual", "target", "actual"],
        )
        .unwrap();
        assert!(check_unique(&obs).is_ok());
        let twice = df!(
            "region_code" => ["420000", "421221", "420000"],
            "year" => [2022, 2022, 2022],
            "indicator_id" => ["hospital_beds", "hospital_beds", "hospital_beds"],
            "kind" => ["actual", "actual", "actual"],
        )
        .unwrap();
        let e = check_unique(&twice).unwrap_err().to_string();
        assert!(e.contains("420000") && e.contains("repeats"), "{e}");
    }
}

//! The clean stage.

use std::collections::{BTreeMap, HashSet};
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

use crate::rules::{first_broken_rule, severity};
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

/// The columns of valid facts that observations and conflicts are made from.
const OBSERVATION_INPUT: &[&str] = &[
    "region_code",
    "year",
    "indicator_id",
    "kind",
    "value",
    "unit",
    "qualifier",
    "doc_id",
    "fact_id",
    "region_official",
    "region_level",
    "region_code_base",
    "crosswalk",
    "source_priority",
    "published",
    "char_start",
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

/// Year of a day count since 1970-01-01.
fn year_of(days: i32) -> i32 {
    countypanel_extract::time::civil_from_days(days).0
}

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

    // Per-document policy inputs, computed once per document.
    let doc_ids = strings(&docs, "doc_id")?;
    let paths = strings(&docs, "source_path")?;
    let published = ints(&docs, "published")?;
    let priority: Vec<i32> = paths
        .iter()
        .map(|p| pipeline.source_priority(p.as_deref().unwrap_or("")))
        .collect();
    let pub_year: Vec<Option<i32>> = published.iter().map(|d| d.map(year_of)).collect();
    let doc_table = DataFrame::new_infer_height(vec![
        Column::new("doc_id".into(), doc_ids),
        Column::new("source_priority".into(), priority),
        Column::new("pub_year".into(), pub_year),
        Column::new("published".into(), published)
            .cast(&DataType::Date)
            .map_err(pl_err("document dates"))?,
    ])
    .map_err(pl_err("document table"))?;

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

    // Region level and official name of each (code, year) pair, from the gazetteer.
    let distinct = facts
        .clone()
        .lazy()
        .select([col("region_code"), col("year")])
        .filter(
            col("region_code")
                .is_not_null()
                .and(col("year").is_not_null()),
        )
        .unique(None, UniqueKeepStrategy::Any)
        .collect()
        .map_err(pl_err("regions and years"))?;
    let mut pairs: Vec<(String, i32)> = strings(&distinct, "region_code")?
        .into_iter()
        .zip(ints(&distinct, "year")?)
        .filter_map(|(c, y)| Some((c?, y?)))
        .collect();
    pairs.sort();
    let mut r_code = Vec::new();
    let mut r_year = Vec::new();
    let mut r_level = Vec::new();
    let mut r_name = Vec::new();
    let mut r_base = Vec::new();
    let mut r_walk = Vec::new();
    for (code, year) in pairs {
        if let Some(c) = gazetteer.by_code(&code, Some(year)) {
            let walk = gazetteer.crosswalk(&code, year, pipeline.clean.base_vintage);
            r_base.push(match walk.codes.as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            });
            r_walk.push(walk.note.to_string());
            r_code.push(code);
            r_year.push(year);
            r_level.push(c.level.as_str().to_string());
            r_name.push(c.name);
        }
    }
    let region_table = DataFrame::new_infer_height(vec![
        Column::new("region_code".into(), r_code),
        Column::new("year".into(), r_year),
        Column::new("region_level".into(), r_level),
        Column::new("region_official".into(), r_name),
        Column::new("region_code_base".into(), r_base),
        Column::new("crosswalk".into(), r_walk),
    ])
    .map_err(pl_err("region table"))?;

    let cfg = &pipeline.clean;
    // `facts` is consumed here and `checked` below, so that each is freed once used.
    let checked = facts
        .lazy()
        .filter(col("indicator_id").is_not_null())
        .join(
            cat_table.lazy(),
            [col("indicator_id")],
            [col("indicator_id")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            doc_table.lazy(),
            [col("doc_id")],
            [col("doc_id")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            region_table.lazy(),
            [col("region_code"), col("year")],
            [col("region_code"), col("year")],
            JoinArgs::new(JoinType::Left),
        )
        .with_columns([crate::rules::range_max_for_level().alias("range_max")])
        .with_columns([first_broken_rule(
            cfg.year_min,
            cfg.year_max,
            cfg.max_years_after_published,
        )
        .alias("rule_broken")])
        .collect()
        .map_err(pl_err("validation rules"))?;

    let uncatalogued = read_rows_where_null(facts_path, &FACTS, "indicator_id")?;
    summary.uncatalogued = uncatalogued.height();

    // Quarantine.
    let held = checked
        .clone()
        .lazy()
        .filter(col("rule_broken").is_not_null())
        .select(QUARANTINE_INPUT.iter().map(|c| col(*c)).collect::<Vec<_>>())
        .sort_by_exprs(
            [col("doc_id"), col("char_start"), col("fact_id")],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("quarantine"))?;
    let quarantine = crate::quarantine::quarantine_frame(&held, &pipeline.clean.severity)?;
    for r in strings(&held, "rule_broken")?.into_iter().flatten() {
        *summary.quarantined.entry(r).or_default() += 1;
    }

    // Observations: sort by cell and policy, take the first of each cell.
    let keys = || {
        [
            col("region_code"),
            col("year"),
            col("indicator_id"),
            col("kind"),
        ]
    };
    let (factor, min_years) = (cfg.suspect_factor, cfg.suspect_min_years);
    let valid = checked
        .lazy()
        .filter(col("rule_broken").is_null())
        .select(
            OBSERVATION_INPUT
                .iter()
                .map(|c| col(*c))
                .collect::<Vec<_>>(),
        )
        .with_columns([when(col("qualifier").eq(lit("eq")))
            .then(lit(0i32))
            .otherwise(lit(1i32))
            .alias("qual_rank")])
        .sort_by_exprs(
            [
                col("region_code"),
                col("year"),
                col("indicator_id"),
                col("kind"),
                col("source_priority"),
                col("qual_rank"),
                col("published"),
                // A document that states one measure twice gives its headline first: the
                // earliest statement wins over a later part or detail.
                col("char_start"),
                col("fact_id"),
            ],
            SortMultipleOptions::default()
                .with_order_descending_multi([
                    false, false, false, false, false, false, true, false, false,
                ])
                .with_nulls_last(true)
                .with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("policy order"))?
        .with_row_index("policy_rank".into(), None)
        .map_err(pl_err("policy order"))?;
    let observations = valid
        .clone()
        .lazy()
        .group_by_stable(keys())
        .agg([
            col("region_official").first().alias("region_name"),
            col("region_level").first(),
            col("region_code_base").first(),
            col("crosswalk").first(),
            col("value").first(),
            col("unit").first(),
            col("qualifier").first(),
            col("doc_id")
                .n_unique()
                .cast(DataType::Int32)
                .alias("n_sources"),
            col("fact_id")
                .count()
                .cast(DataType::Int32)
                .alias("n_mentions"),
            // The cell's value for its region's series: the median of what its facts say.
            col("value").median().alias("year_value"),
            col("value").min().alias("value_min"),
            col("value").max().alias("value_max"),
            col("fact_id").first().alias("chosen_fact_id"),
            col("fact_id")
                .sort(SortOptions::default())
                .alias("fact_ids"),
            col("doc_id")
                .unique()
                .sort(SortOptions::default())
                .alias("doc_ids"),
        ])
        .with_columns([(col("value_max") - col("value_min"))
            .gt(lit(1e-9) * (col("value_max").abs() + lit(1.0)))
            .alias("conflict")]);
    // The facts are sorted by cell and the group-by keeps the order of first appearance: the
    // observations come out sorted by cell.
    let observations = crate::series::with_series(observations, cfg.series_checks)
        .collect()
        .map_err(pl_err("observations"))?;

    // The facts of conflicting cells, in policy order; a value its own series makes
    // implausible loses to one that fits, before the other rules.
    let conflicts = valid
        .lazy()
        .join(
            observations
                .clone()
                .lazy()
                .with_row_index("obs_row", None)
                .filter(col("conflict"))
                .select([
                    col("region_code"),
                    col("year"),
                    col("indicator_id"),
                    col("kind"),
                    col("obs_row"),
                    col("series_median"),
                    col("n_years"),
                ]),
            keys(),
            keys(),
            JoinArgs::new(JoinType::Inner),
        )
        .with_columns(
            [crate::series::departs(col("value"), factor, min_years).alias("implausible")],
        )
        .sort_by_exprs(
            [col("obs_row"), col("implausible"), col("policy_rank")],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("conflicts"))?;
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
    summary.suspect = observations
        .column("suspect")
        .map_err(pl_err("suspect cells"))?
        .bool()
        .map_err(pl_err("suspect cells"))?
        .sum()
        .unwrap_or(0) as usize;

    summary.observations = observations.height();
    summary.mentions = ints(&observations, "n_mentions")?
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

    // Checks that run every time.
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
    check_unique(&observations)?;

    write_table(
        out.observations,
        &OBSERVATIONS,
        &frame_to_batch(&observations, &OBSERVATIONS)?,
        meta,
    )?;
    write_table(
        out.quarantine,
        &QUARANTINE,
        &frame_to_batch(&quarantine, &QUARANTINE)?,
        meta,
    )?;
    write_table(
        out.conflicts,
        &CONFLICTS,
        &frame_to_batch(&conflicts, &CONFLICTS)?,
        meta,
    )?;
    write_table(
        out.uncatalogued,
        &FACTS,
        &frame_to_batch(&uncatalogued, &FACTS)?,
        meta,
    )?;
    write_table(
        out.suggestions,
        &REGION_SUGGESTIONS,
        &frame_to_batch(&suggestions, &REGION_SUGGESTIONS)?,
        meta,
    )?;
    write_table(
        out.suspect,
        &SUSPECT,
        &frame_to_batch(&suspect, &SUSPECT)?,
        meta,
    )?;
    let todo = crate::todo::catalog_todo(&uncatalogued)?;
    write_table(
        out.todo,
        &CATALOG_TODO,
        &frame_to_batch(&todo, &CATALOG_TODO)?,
        meta,
    )?;

    let catalogued = summary.facts_in - summary.uncatalogued;
    let errors: usize = summary
        .quarantined
        .iter()
        .filter(|(rule, _)| severity(rule, &cfg.severity) == "error")
        .map(|(_, n)| *n)
        .sum();
    if catalogued > 0 && errors as f64 / catalogued as f64 > cfg.max_quarantine_share {
        summary.failed_checks.push(format!(
            "{errors} of {catalogued} catalogued facts quarantined, over clean.max_quarantine_share = {}",
            cfg.max_quarantine_share
        ));
    }
    Ok(summary)
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

fn check_unique(obs: &DataFrame) -> Result<(), CleanError> {
    let a = strings(obs, "region_code")?;
    let b = ints(obs, "year")?;
    let c = strings(obs, "indicator_id")?;
    let d = strings(obs, "kind")?;
    let mut seen = HashSet::with_capacity(a.len());
    for i in 0..a.len() {
        if !seen.insert((&a[i], b[i], &c[i], &d[i])) {
            return Err(CleanError::Invariant(format!(
                "observations are not unique on (region_code, year, indicator_id, kind): {:?} {:?} {:?} {:?} repeats",
                a[i], b[i], c[i], d[i]
            )));
        }
    }
    Ok(())
}

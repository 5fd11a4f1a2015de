//! The summary tables.

use countypanel_core::vocab::Kind;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use countypanel_core::catalog::Catalog;
use countypanel_core::config::Pipeline;
use countypanel_core::contract::{COMPARISON, COVERAGE, OBSERVATIONS, PANEL_LONG, TARGETS};
pub(crate) use countypanel_core::frame::{
    frame_floats as floats, frame_ints as ints, frame_strings as strings,
};
use countypanel_core::frame::{frame_to_batch, read_columns};
use countypanel_core::parquet_io::{WriteMeta, write_table};
use polars::prelude::*;

use crate::{AggregateError, pl_err};

/// Where the aggregate stage writes: one folder.
#[derive(Debug, Clone)]
pub struct AggregateOutputs {
    /// The summary folder.
    pub dir: PathBuf,
}

impl AggregateOutputs {
    /// Path of a file in the summary folder.
    #[must_use]
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

/// Counts of one aggregate run.
#[derive(Debug, Clone, Default)]
pub struct AggregateSummary {
    /// Rows of the long panel.
    pub panel_rows: usize,
    /// Region-year rows of the wide panel.
    pub wide_rows: usize,
    /// Regions in the panel.
    pub regions: usize,
    /// Distinct years.
    pub years: usize,
    /// Comparison rows.
    pub comparison_rows: usize,
    /// Targets, and how many were met.
    pub targets: usize,
    /// Targets met.
    pub targets_met: usize,
    /// The headline table as text.
    pub headline: String,
}

/// Runs the aggregate stage.
pub fn aggregate(
    observations_path: &Path,
    out: &AggregateOutputs,
    pipeline: &Pipeline,
    catalog: &Catalog,
    meta: &WriteMeta,
) -> Result<AggregateSummary, AggregateError> {
    let cfg = &pipeline.aggregate;
    let obs = read_observations(observations_path, cfg, catalog)?;

    // Long panel.
    let panel_long = obs
        .clone()
        .lazy()
        .drop(cols(["doc_ids"]))
        .sort_by_exprs(
            [col("rix"), col("year"), col("iix"), col("kix")],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("long panel"))?;

    // Each table is computed and written in its own thread as soon as what it needs is there
    // (the writers are one thread each, the report and the wide pivot mostly one too), so the
    // second core is not idle while the first compresses.
    let (comparison, targets, wide_rows, headline) = std::thread::scope(|s| {
        let coverage = s.spawn(|| {
            let batch = crate::coverage::coverage_batch(&obs)?;
            write_table(&out.file("coverage.parquet"), &COVERAGE, &batch, meta)?;
            Ok(())
        });
        let long = s.spawn(|| {
            let batch = frame_to_batch(&panel_long, &PANEL_LONG)?;
            write_table(&out.file("panel_long.parquet"), &PANEL_LONG, &batch, meta)?;
            if cfg.partition_by_year {
                write_partitioned(&batch, &out.file("panel_long_by_year"), meta)?;
            }
            Ok(())
        });
        let wide = s.spawn(|| {
            crate::wide::write_wide(&panel_long, catalog, &out.file("panel_wide.parquet"), meta)
        });
        let comparison = comparison_of(&obs, &cfg.region_levels)?;
        let targets = targets_of(&obs).map_err(pl_err("targets"))?;
        // Frames share their columns: the clones copy no data.
        let (comparison_table, targets_table) = (comparison.clone(), targets.clone());
        let tables = s.spawn(move || {
            write_table(
                &out.file("comparison.parquet"),
                &COMPARISON,
                &frame_to_batch(&comparison_table, &COMPARISON)?,
                meta,
            )?;
            write_table(
                &out.file("targets.parquet"),
                &TARGETS,
                &frame_to_batch(&targets_table, &TARGETS)?,
                meta,
            )
            .map_err(AggregateError::from)
        });
        let headline = crate::report::write_report(
            &panel_long,
            &comparison,
            &targets,
            pipeline,
            catalog,
            out,
            obs.height(),
        );
        joined(coverage)?;
        joined(long)?;
        joined(tables)?;
        let wide_rows = joined(wide)?;
        Ok::<_, AggregateError>((comparison, targets, wide_rows, headline?))
    })?;
    write_catalog(out, cfg.partition_by_year, &pipeline.paths)?;

    summary_of(&panel_long, wide_rows, &comparison, &targets, headline)
}

/// The result of a writer thread; its panic, if it panicked, goes on in the caller.
fn joined<T>(
    handle: std::thread::ScopedJoinHandle<'_, Result<T, AggregateError>>,
) -> Result<T, AggregateError> {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The observations of the pipeline's years, with each indicator's name and direction (`hib`)
/// from the catalog; indicators the catalog does not hold are left out.
fn read_observations(
    observations_path: &Path,
    cfg: &countypanel_core::config::AggregateConfig,
    catalog: &Catalog,
) -> Result<DataFrame, AggregateError> {
    // The columns some summary table shows or counts (the fact lists and the choice's
    // provenance stay in the observations file).
    let mut obs = read_columns(
        observations_path,
        &OBSERVATIONS,
        &[
            "region_code",
            "region_name",
            "region_level",
            "year",
            "indicator_id",
            "kind",
            "value",
            "unit",
            "qualifier",
            "n_sources",
            "conflict",
            "suspect",
            "doc_ids",
        ],
    )?
    .lazy();
    if let [first, last] = cfg.years.as_slice() {
        obs = obs.filter(
            col("year")
                .gt_eq(lit(*first))
                .and(col("year").lt_eq(lit(*last))),
        );
    }
    let cat = countypanel_core::frame::catalog_frame(catalog)?
        .select(["indicator_id", "indicator_name", "hib"])
        .map_err(pl_err("catalog table"))?;
    let joined = obs
        .join(
            cat.lazy(),
            [col("indicator_id")],
            [col("indicator_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .collect()
        .map_err(pl_err("joining the catalog"))?;
    keyed(&joined)
}

/// The text key columns with an integer beside each, numbering its distinct values in sorted
/// order: `rix` for `region_code`, `iix` for `indicator_id`, `kix` for `kind`, `lix` for
/// `region_level` (those of the four the frame has). Sorting by the numbers orders the rows as
/// sorting by the text does, so the stage's sorts, windows, group-bys and joins compare 4-byte
/// integers instead of strings; the numbers are never written.
pub(crate) fn keyed(df: &DataFrame) -> Result<DataFrame, AggregateError> {
    countypanel_core::frame::with_ordinals(
        df,
        &[
            ("region_code", "rix"),
            ("indicator_id", "iix"),
            ("kind", "kix"),
            ("region_level", "lix"),
        ],
    )
    .map_err(pl_err("numbering the keys"))
}

/// The key of a region's series of one indicator (`rix`, `iix` in one number).
fn series_key() -> Expr {
    col("rix").cast(DataType::UInt64) * lit(1u64 << 32) + col("iix").cast(DataType::UInt64)
}

/// The counts `aggregate` reports.
fn summary_of(
    panel_long: &DataFrame,
    wide_rows: usize,
    comparison: &DataFrame,
    targets: &DataFrame,
    headline: String,
) -> Result<AggregateSummary, AggregateError> {
    let met = targets
        .column("met")
        .map_err(pl_err("targets"))?
        .bool()
        .map_err(pl_err("targets"))?
        .iter()
        .filter(|m| *m == Some(true))
        .count();
    let distinct = |name: &str| -> Result<usize, AggregateError> {
        let column = panel_long.column(name).map_err(pl_err("summary"))?;
        Ok(column.n_unique().map_err(pl_err("summary"))? - usize::from(column.null_count() > 0))
    };
    Ok(AggregateSummary {
        panel_rows: panel_long.height(),
        wide_rows,
        regions: distinct("region_code")?,
        years: distinct("year")?,
        comparison_rows: comparison.height(),
        targets: targets.height(),
        targets_met: met,
        headline,
    })
}

/// Writes the long panel as `dir/year=YYYY/part-0.parquet` files without the year column (it is
/// in the path), into a fresh folder renamed over the old one when complete.
fn write_partitioned(
    batch: &arrow::record_batch::RecordBatch,
    dir: &Path,
    meta: &WriteMeta,
) -> Result<(), AggregateError> {
    let io = |e: std::io::Error| AggregateError::Report {
        path: dir.to_path_buf(),
        message: e.to_string(),
    };
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io)?;
    let name = dir.file_name().map_or_else(
        || "panel_long_by_year".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    countypanel_core::parquet_io::sweep_stale(parent, &format!(".{name}."));
    let tmp = countypanel_core::parquet_io::output_builder(&format!(".{name}."), "", true)
        .tempdir_in(parent)
        .map_err(io)?;
    let year_idx = batch
        .schema()
        .index_of("year")
        .map_err(|e| AggregateError::Report {
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
    let keep: Vec<usize> = (0..batch.num_columns())
        .filter(|&i| i != year_idx)
        .collect();
    let years = countypanel_core::table::ints(batch, "year")?;
    let distinct: BTreeSet<i64> = years.iter().flatten().copied().collect();
    for y in distinct {
        let mask = arrow::array::BooleanArray::from(
            years
                .iter()
                .map(|v| Some(*v == Some(y)))
                .collect::<Vec<_>>(),
        );
        let part = arrow::compute::filter_record_batch(batch, &mask)
            .and_then(|b| b.project(&keep))
            .map_err(|e| AggregateError::Report {
                path: dir.to_path_buf(),
                message: e.to_string(),
            })?;
        let mut m = meta.clone();
        m.extra
            .push(("countypanel.partitioned_by".into(), "year".into()));
        let path = tmp.path().join(format!("year={y}")).join("part-0.parquet");
        countypanel_core::parquet_io::write_atomic(
            &path,
            PANEL_LONG.name,
            PANEL_LONG.version,
            part.schema(),
            &m,
            |w| w.write(&part),
        )?;
    }
    // Swap by renames, so that a kill at any moment leaves the old dataset, the new one or
    // none, never a half-deleted one; the old one is removed after the swap.
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if dir.exists() {
        std::fs::rename(dir, &old).map_err(io)?;
    }
    let kept = tmp.keep();
    std::fs::rename(&kept, dir).map_err(io)?;
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(io)?;
    }
    Ok(())
}

/// `catalog.json`: the tables of the summary folder and of the layers before it (staged, clean,
/// QA) that exist, so notebooks load any of them by name. A layer beside the summary folder is
/// named by a relative path (`../qa/quarantine.parquet`), another by its absolute path.
fn write_catalog(
    out: &AggregateOutputs,
    partitioned: bool,
    paths: &countypanel_core::config::Paths,
) -> Result<(), AggregateError> {
    use countypanel_core::contract::{
        CATALOG_TODO, CONFLICTS, DOCUMENTS, FACTS, INGEST_REJECTS, OBSERVATIONS, QUARANTINE,
        REGION_SUGGESTIONS, SUSPECT,
    };
    let mut entries: Vec<(&str, String, u32)> = vec![
        (
            "panel_long",
            "panel_long.parquet".into(),
            PANEL_LONG.version,
        ),
        (
            "panel_wide",
            "panel_wide.parquet".into(),
            crate::wide::WIDE_VERSION,
        ),
        (
            "comparison",
            "comparison.parquet".into(),
            COMPARISON.version,
        ),
        ("targets", "targets.parquet".into(), TARGETS.version),
        ("coverage", "coverage.parquet".into(), COVERAGE.version),
    ];
    if partitioned {
        entries.push((
            "panel_long_by_year",
            "panel_long_by_year".into(),
            PANEL_LONG.version,
        ));
    }
    let layers = [
        (&paths.staged, "documents", DOCUMENTS.version),
        (&paths.staged, "facts", FACTS.version),
        (&paths.clean, "observations", OBSERVATIONS.version),
        (&paths.qa, "ingest_rejects", INGEST_REJECTS.version),
        (&paths.qa, "quarantine", QUARANTINE.version),
        (&paths.qa, "conflicts", CONFLICTS.version),
        (&paths.qa, "uncatalogued_facts", FACTS.version),
        (&paths.qa, "catalog_todo", CATALOG_TODO.version),
        (&paths.qa, "suspect", SUSPECT.version),
        (&paths.qa, "region_suggestions", REGION_SUGGESTIONS.version),
    ];
    for (dir, name, version) in layers {
        let file = dir.join(format!("{name}.parquet"));
        if !file.exists() {
            continue;
        }
        let beside = dir.parent() == out.dir.parent() && dir.file_name().is_some();
        let path = if beside {
            format!(
                "../{}/{name}.parquet",
                dir.file_name().unwrap_or_default().to_string_lossy()
            )
        } else {
            std::path::absolute(&file)
                .unwrap_or(file)
                .display()
                .to_string()
                .replace('\\', "/")
        };
        entries.push((name, path, version));
    }
    let body = entries
        .iter()
        .map(|(name, path, v)| {
            format!("    \"{name}\": {{\"path\": \"{path}\", \"contract_version\": {v}}}")
        })
        .collect::<Vec<_>>()
        .join(",\n");
    crate::write_text_atomic(
        &out.file("catalog.json"),
        &format!("{{\n  \"tables\": {{\n{body}\n  }}\n}}\n"),
    )
}

/// Each actual value among the regions of its level, indicator and year: its `rank` (1 is best,
/// by the indicator's direction; ties share the better rank), `n_compared`, `percentile` (100 is
/// best); and along its region's series: the previous year reported (`prev_year`,
/// `prev_value`), the change since (`change_abs`, `change_rel`, `years_apart`) and the compound
/// annual change from the first to the last year reported (`cagr`, when both values are
/// positive). Regions of levels outside `levels` and targets are left out.
pub(crate) fn comparison_of(
    obs: &DataFrame,
    levels: &[countypanel_core::vocab::Level],
) -> Result<DataFrame, AggregateError> {
    let labels: Vec<&str> = levels.iter().map(|l| l.as_str()).collect();
    let levels_series = Series::new("levels".into(), labels);
    let actuals = obs
        .clone()
        .lazy()
        .filter(
            col("kind")
                .eq(lit(Kind::Actual.as_str()))
                .and(col("region_level").is_in(lit(levels_series).implode(false), false)),
        )
        .select(
            COMPARISON
                .names()
                .into_iter()
                .filter(|c| obs.column(c).is_ok())
                .chain(["hib", "rix", "iix", "lix"])
                .map(col)
                .collect::<Vec<_>>(),
        );
    along_series(ranked(actuals)?)?
        .sort_by_exprs(
            [col("iix"), col("year"), col("lix"), col("rank"), col("rix")],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("comparison"))
}

/// `rank`, `n_compared` and `percentile` of each value among the regions of its indicator, year
/// and level.
fn ranked(lf: LazyFrame) -> Result<LazyFrame, AggregateError> {
    let group = || [col("iix"), col("year"), col("lix")];
    Ok(lf
        .with_columns([when(col("hib"))
            .then(-col("value"))
            .otherwise(col("value"))
            .alias("sort_key")])
        .with_columns([
            col("sort_key")
                .rank(
                    RankOptions {
                        method: RankMethod::Min,
                        descending: false,
                    },
                    None,
                )
                .over(group())
                .map_err(pl_err("window"))?
                .cast(DataType::Int32)
                .alias("rank"),
            col("value")
                .count()
                .over(group())
                .map_err(pl_err("window"))?
                .cast(DataType::Int32)
                .alias("n_compared"),
        ])
        .with_columns([when(col("n_compared").gt(lit(1)))
            .then(
                (col("n_compared") - col("rank")).cast(DataType::Float64)
                    / (col("n_compared") - lit(1)).cast(DataType::Float64)
                    * lit(100.0),
            )
            .otherwise(lit(100.0))
            .alias("percentile")]))
}

/// The previous year of each value's series with its change, and the series' compound annual
/// change (`prev_year`, `prev_value`, `change_abs`, `change_rel`, `years_apart`, `cagr`).
fn along_series(lf: LazyFrame) -> Result<LazyFrame, AggregateError> {
    let series_keys = || [col("series")];
    Ok(lf
        .with_column(series_key().alias("series"))
        .sort_by_exprs(
            [col("series"), col("year")],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .with_columns([
            col("year")
                .shift(lit(1))
                .over(series_keys())
                .map_err(pl_err("window"))?
                .alias("prev_year"),
            col("value")
                .shift(lit(1))
                .over(series_keys())
                .map_err(pl_err("window"))?
                .alias("prev_value"),
            col("year")
                .first()
                .over(series_keys())
                .map_err(pl_err("window"))?
                .alias("first_year"),
            col("value")
                .first()
                .over(series_keys())
                .map_err(pl_err("window"))?
                .alias("first_value"),
            col("year")
                .last()
                .over(series_keys())
                .map_err(pl_err("window"))?
                .alias("last_year"),
            col("value")
                .last()
                .over(series_keys())
                .map_err(pl_err("window"))?
                .alias("last_value"),
        ])
        .with_columns([
            (col("value") - col("prev_value")).alias("change_abs"),
            when(col("prev_value").neq(lit(0.0)))
                .then((col("value") - col("prev_value")) / col("prev_value"))
                .otherwise(lit(NULL).cast(DataType::Float64))
                .alias("change_rel"),
            (col("year") - col("prev_year"))
                .cast(DataType::Int32)
                .alias("years_apart"),
            when(
                col("last_year")
                    .gt(col("first_year"))
                    .and(col("first_value").gt(lit(0.0)))
                    .and(col("last_value").gt(lit(0.0))),
            )
            .then(
                (col("last_value") / col("first_value"))
                    .pow(lit(1.0) / (col("last_year") - col("first_year")).cast(DataType::Float64))
                    - lit(1.0),
            )
            .otherwise(lit(NULL).cast(DataType::Float64))
            .alias("cagr"),
        ]))
}

/// Each target beside the actual value of the same cell (region, year, indicator), the gap and
/// whether it is met (respecting the target's qualifier and the indicator's direction). An
/// actual in another unit than its target (a growth rate beside an amount, say) is not
/// compared: actual, gap and met stay empty, `actual_unit` says why.
pub(crate) fn targets_of(obs: &DataFrame) -> PolarsResult<DataFrame> {
    let actuals = obs
        .clone()
        .lazy()
        .filter(col("kind").eq(lit(Kind::Actual.as_str())))
        .select([
            col("year"),
            col("value").alias("actual"),
            col("unit").alias("actual_unit"),
            series_key().alias("series"),
        ]);
    obs.clone()
        .lazy()
        .filter(col("kind").eq(lit(Kind::Target.as_str())))
        .select([
            col("region_code"),
            col("region_name"),
            col("year"),
            col("indicator_id"),
            series_key().alias("series"),
            col("rix"),
            col("iix"),
            col("hib"),
            col("value").alias("target"),
            col("qualifier").alias("target_qualifier"),
            col("unit"),
        ])
        .join(
            actuals,
            [col("series"), col("year")],
            [col("series"), col("year")],
            JoinArgs::new(JoinType::Left),
        )
        // An actual in another unit than its target (a growth rate beside an amount, say) is
        // not compared: actual, gap and met stay empty.
        .with_columns([when(col("actual_unit").eq(col("unit")))
            .then(col("actual"))
            .otherwise(lit(NULL).cast(DataType::Float64))
            .alias("actual")])
        .with_columns([
            (col("actual") - col("target")).alias("gap"),
            when(col("actual").is_null())
                .then(lit(NULL).cast(DataType::Boolean))
                .when(col("hib"))
                .then(
                    when(col("target_qualifier").eq(lit("gt")))
                        .then(col("actual").gt(col("target")))
                        .otherwise(col("actual").gt_eq(col("target"))),
                )
                .otherwise(
                    when(col("target_qualifier").eq(lit("lt")))
                        .then(col("actual").lt(col("target")))
                        .otherwise(col("actual").lt_eq(col("target"))),
                )
                .alias("met"),
        ])
        .sort_by_exprs(
            [col("rix"), col("year"), col("iix")],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
}

#[cfg(test)]
mod tests;

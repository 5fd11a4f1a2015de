//! Coverage: which years each region reports each indicator for, and from how many sources.

use countypanel_core::contract::COVERAGE;
use countypanel_core::frame::frame_to_batch;
use countypanel_core::vocab::Kind;
use polars::prelude::*;

use crate::{AggregateError, pl_err};

/// Coverage: for each region and indicator, the years with an actual value and the number of
/// distinct documents behind them (sorted by region and indicator; the region's name as its
/// first observation gives it).
pub(crate) fn coverage_batch(
    obs: &DataFrame,
) -> Result<arrow::record_batch::RecordBatch, AggregateError> {
    let sources = col("doc_ids")
        .explode(ExplodeOptions {
            empty_as_null: false,
            keep_nulls: false,
        })
        .cast(DataType::String)
        .drop_nulls()
        .n_unique();
    let coverage = obs
        .clone()
        .lazy()
        .filter(
            col("kind")
                .cast(DataType::String)
                .eq(lit(Kind::Actual.as_str()))
                .and(col("region_code").is_not_null())
                .and(col("indicator_id").is_not_null())
                .and(col("year").is_not_null()),
        )
        .group_by([col("rix"), col("iix")])
        .agg([
            col("region_code").first().cast(DataType::String),
            col("indicator_id").first().cast(DataType::String),
            col("region_name").first().fill_null(lit("")),
            col("year")
                .unique()
                .sort(SortOptions::default())
                .alias("years"),
            col("year")
                .n_unique()
                .cast(DataType::Int32)
                .alias("n_years"),
            col("year").min().alias("first_year"),
            col("year").max().alias("last_year"),
            sources.cast(DataType::Int32).alias("n_sources"),
        ])
        .sort(["rix", "iix"], SortMultipleOptions::default())
        .collect()
        .map_err(pl_err("coverage"))?;
    Ok(frame_to_batch(&coverage, &COVERAGE)?)
}

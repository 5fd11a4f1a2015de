//! Observations to the summary: panels, comparisons, targets, coverage, and a report for people.
//!
//! From `observations.parquet` the aggregate stage writes, in the summary folder:
//!
//! | file | one row per | what for |
//! |---|---|---|
//! | `panel_long.parquet` | region, year, indicator, kind | the tidy panel |
//! | `panel_wide.parquet` | region and year | one column per catalog indicator (actual values) |
//! | `comparison.parquet` | indicator, year, region | rank, percentile, change, compound change |
//! | `targets.parquet` | target | the actual value beside it, the gap, met or not |
//! | `coverage.parquet` | region and indicator | which years have data, from how many sources |
//! | `report.md`, `report.html`, `charts/*.svg` | headline indicator | tables, a chart per region level, targets and the data used, for people |
//! | `headline.txt` | headline indicator | the table `make` prints |

mod chart;
mod compute;
mod coverage;
mod data_used;
mod html;
mod report;
mod wide;

pub use compute::{AggregateOutputs, AggregateSummary, aggregate};

/// Errors of the aggregate stage.
#[derive(Debug, thiserror::Error)]
pub enum AggregateError {
    /// Reading or writing a table failed, or an input breaks its contract.
    #[error(transparent)]
    Core(#[from] countypanel_core::CoreError),
    /// A polars computation failed.
    #[error("computing {step}: {error}")]
    Polars {
        /// Which step.
        step: &'static str,
        /// The error; the message holds it, so it is not also the error's source.
        error: polars::prelude::PolarsError,
    },
    /// Writing the report or a chart failed.
    #[error("{path}: {message}")]
    Report {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        message: String,
    },
}

pub(crate) fn pl_err(
    step: &'static str,
) -> impl Fn(polars::prelude::PolarsError) -> AggregateError {
    move |error| AggregateError::Polars { step, error }
}

/// Writes a text file atomically (temporary file in the same folder, then rename).
pub(crate) fn write_text_atomic(path: &std::path::Path, text: &str) -> Result<(), AggregateError> {
    Ok(countypanel_core::parquet_io::write_bytes_atomic(
        path,
        text.as_bytes(),
    )?)
}

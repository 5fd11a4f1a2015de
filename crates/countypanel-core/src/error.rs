//! Error kinds shared by the stages.

use std::path::PathBuf;

/// Errors raised by the contracts, the configuration loader and the Parquet I/O.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// A file could not be read or written. The message holds the cause, so the cause is not
    /// also given as the error's source (a chain printed with `{:#}` would say it twice).
    #[error("{path}: {error}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying error.
        error: std::io::Error,
    },
    /// A Parquet or Arrow operation failed.
    #[error("{path}: {message}")]
    Parquet {
        /// The file involved.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A file does not match the table contract it is read under.
    #[error("{path}: does not match contract `{contract}`: {problem}")]
    Contract {
        /// The file involved.
        path: PathBuf,
        /// The contract it was checked against.
        contract: String,
        /// The column or metadata entry that does not match, and how.
        problem: String,
    },
    /// The pipeline file is invalid.
    #[error("{path}: {message}")]
    Config {
        /// The pipeline or catalog file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// Building a table from rows failed (a column of the wrong length or type).
    #[error("table `{table}`: {message}")]
    Table {
        /// The contract name.
        table: String,
        /// What went wrong.
        message: String,
    },
}

impl CoreError {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            error: source,
        }
    }

    /// Wraps a Parquet or Arrow error with the path it concerns.
    pub fn parquet(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Self {
        Self::Parquet {
            path: path.into(),
            message: err.to_string(),
        }
    }
}

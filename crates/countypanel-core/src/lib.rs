//! Shared foundation of the countypanel pipeline.
//!
//! Every stage (ingest, clean, aggregate) exchanges data through Parquet files whose columns are
//! fixed by the [table contracts](contract) defined here, and writes them through one
//! [atomic writer](parquet_io::write_atomic) that never leaves a partial file at an output path.
//! The [pipeline configuration](config) model also lives here, so that every stage reads the same
//! typed view of `pipelines/*.toml`.
//!
//! ```
//! use countypanel_core::contract::FACTS;
//! assert_eq!(FACTS.name, "facts");
//! assert!(FACTS.column("value").is_some());
//! ```

pub mod catalog;
pub mod config;
pub mod contract;
pub mod date;
pub mod error;
#[cfg(feature = "polars")]
pub mod frame;
pub mod hash;
pub mod parquet_io;
pub mod rng;
pub mod table;
pub mod vocab;
pub mod zh;

pub use error::CoreError;

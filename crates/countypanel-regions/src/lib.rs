//! Gazetteer of Chinese administrative regions with the years each code was valid.
//!
//! Loaded from the reference files in `data/reference/` (the national statistical division codes
//! with towns, and the history of every county-level and higher code since 1981), it resolves a
//! place name, a year and a context (the document's issuer, other places it names) to a code, a
//! level, the official name in that year and the method used, or says plainly that the name is
//! ambiguous or unknown.
//!
//! ```no_run
//! use countypanel_regions::{Gazetteer, Status};
//! let g = Gazetteer::load(std::path::Path::new("data/reference")).unwrap();
//! let r = g.resolve("嘉鱼县", Some(2019), &[]);
//! assert_eq!(r.status, Status::Resolved);
//! assert_eq!(r.code.as_deref(), Some("421221"));
//! ```

mod gazetteer;
mod load;
mod names;
mod types;

pub use gazetteer::Gazetteer;
pub use names::{autonomous_aliases, is_common_word, short_name};
pub use types::{Candidate, Crosswalk, Level, Method, Resolution, Status, encloses};

/// Errors raised while loading reference files.
#[derive(Debug, thiserror::Error)]
pub enum RegionError {
    /// A reference file could not be read.
    #[error("{path}: {message}")]
    Read {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A row of a reference file is malformed.
    #[error("{path}, line {line}: {message}")]
    Row {
        /// The file.
        path: std::path::PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

//! Facts to observations: one trustworthy value per region, year, indicator and kind.
//!
//! `clean` reads the staged facts and documents (checking their contracts), holds back facts
//! that break a validation rule (into the quarantine table, with the rule and why), keeps facts
//! that name no catalog indicator in a table of their own, merges repeated mentions, and
//! reconciles sources that disagree by a written policy:
//!
//! 0. a value that departs from its region's own series (`clean.suspect_factor` times above or
//!    below the median of its years) loses to one that fits;
//! 1. the source with the best priority (the pipeline's `clean.source_priority`, lower wins);
//! 2. then an exact value over a qualified one (约, 以上, …);
//! 3. then the later publication;
//! 4. then the smaller fact id, so that the choice never depends on row order.
//!
//! Every observation keeps its provenance (fact ids and document ids), the smallest and
//! largest value stated, and a `conflict` flag; the competing facts are listed in the conflicts
//! table. The accounting identity `facts = mentions in observations + quarantined +
//! uncatalogued` is checked on every run.

mod density;
mod plan;
mod quarantine;
mod rules;
mod run;
mod series;
mod suggest;
mod todo;

pub use run::{CleanOutputs, CleanSummary, clean};

/// Errors of the clean stage.
#[derive(Debug, thiserror::Error)]
pub enum CleanError {
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
    /// An invariant of the outputs does not hold (a bug, never bad input).
    #[error("invariant broken: {0}")]
    Invariant(String),
}

pub(crate) fn pl_err(step: &'static str) -> impl Fn(polars::prelude::PolarsError) -> CleanError {
    move |error| CleanError::Polars { step, error }
}

//! Scoring countypanel against hand-checked gold facts.
//!
//! Two levels: [`facts`] scores what ingest extracts (is every stated number found, with its
//! unit, year, kind, qualifier and indicator?), and [`panel`] scores what reaches the panel
//! (is each fact of a national indicator an observation in the right cell, and is every
//! observation built from the scored documents one that a gold fact states?). The gold file is a
//! CSV with one row per fact; see [`facts::read_gold`].

pub mod facts;
pub mod panel;

pub use facts::{GoldFact, Report, doc_names, read_gold, score};
pub use panel::{Cell, PanelReport, score_panel};

//! Synthetic inputs for measuring and testing countypanel, kept out of the user's binary:
//!
//! - [`corpus`]: a corpus of county health reports (text and web pages, some GBK, a few yearbook
//!   tables) with the facts planted in them as a gold file `countypanel eval` reads;
//! - [`facts`]: a staged layer (a facts table and its documents, as ingest writes them) of any
//!   number of rows, for clean and aggregate at national scale.
//!
//! Both are deterministic: the same seed and size give the same bytes on every machine (one
//! generator, `countypanel_core::rng`). The `countypanel-synth` binary runs them.

pub mod corpus;
pub mod facts;

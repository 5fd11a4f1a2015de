//! Time and peak memory of the clean stage on a synthetic facts table.
//!
//! `cargo bench -p countypanel-clean --bench clean` (or `make bench`). The number of fact rows is
//! `COUNTYPANEL_BENCH_ROWS` (default 2,000,000). The table is the project's synthetic staged
//! layer (`countypanel_synth::facts`, as `countypanel-synth --facts-rows` writes it) over the
//! real county codes of the reference list, nine years and the catalog's indicators, with
//! repeated, conflicting and out-of-range facts, so that duplicates, conflicts and quarantine are
//! exercised. Prints a markdown table row.

use std::path::Path;
use std::time::Instant;

use countypanel_clean::{CleanOutputs, clean};
use countypanel_core::catalog::Catalog;
use countypanel_core::config::Pipeline;
use countypanel_core::parquet_io::WriteMeta;
use countypanel_regions::Gazetteer;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<f64>().ok())
            })
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn main() {
    let rows: usize = std::env::var("COUNTYPANEL_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000_000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalog = Catalog::load(&root.join("pipelines/indicators/health.toml")).unwrap();
    let gazetteer = Gazetteer::load(&root.join("data/reference")).unwrap();
    let pipeline = Pipeline::load(&root.join("pipelines/county-health.toml")).unwrap();
    let t = Instant::now();
    // The project's one facts-table generator (`countypanel-synth --facts-rows`), nine years.
    let dir = tempfile::tempdir().unwrap();
    countypanel_synth::facts::generate_table(
        &gazetteer,
        &catalog,
        dir.path(),
        rows,
        (2015, 2023),
        42,
    )
    .unwrap();
    let facts_path = dir.path().join("facts.parquet");
    let docs_path = dir.path().join("documents.parquet");
    let generate = t.elapsed().as_secs_f64();
    let rss_before = peak_rss_mib();

    let t = Instant::now();
    let s = clean(
        &facts_path,
        &docs_path,
        CleanOutputs {
            observations: &dir.path().join("observations.parquet"),
            quarantine: &dir.path().join("quarantine.parquet"),
            conflicts: &dir.path().join("conflicts.parquet"),
            uncatalogued: &dir.path().join("uncatalogued.parquet"),
            todo: &dir.path().join("catalog_todo.parquet"),
            suspect: &dir.path().join("suspect.parquet"),
            suggestions: &dir.path().join("region_suggestions.parquet"),
        },
        &pipeline,
        &catalog,
        &gazetteer,
        &WriteMeta::default(),
    )
    .unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "| facts | observations | conflicts | quarantined | clean s | facts/s | peak RSS MiB (after generating) | peak RSS MiB (after clean) | generate s |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {} | {} | {} | {} | {secs:.2} | {:.0} | {rss_before:.0} | {:.0} | {generate:.1} |",
        s.facts_in,
        s.observations,
        s.conflicts,
        s.n_quarantined(),
        s.facts_in as f64 / secs,
        peak_rss_mib()
    );
}

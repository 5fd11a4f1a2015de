//! Time and peak memory of the clean stage on a synthetic facts table.
//!
//! `cargo bench -p countypanel-clean --bench clean` (or `make bench`). The number of fact rows is
//! `COUNTYPANEL_BENCH_ROWS` (default 2,000,000). Facts are spread over the real county codes of
//! the reference list, nine years and the catalog's indicators, with one cell in four stated by
//! two documents and one in twenty of those disagreeing, so that duplicates and conflicts are
//! exercised. Prints a markdown table row.

use std::path::Path;
use std::time::Instant;

use countypanel_clean::{CleanOutputs, clean};
use countypanel_core::catalog::Catalog;
use countypanel_core::config::Pipeline;
use countypanel_core::contract::{DOCUMENTS, FACTS};
use countypanel_core::parquet_io::{WriteMeta, write_table};
use countypanel_core::table::{Col, batch};
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
    let areas = std::fs::read_to_string(root.join("data/reference/areas.csv")).unwrap();
    let codes: Vec<String> = areas
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .map(str::to_string)
        .collect();
    let n_docs = 5000usize;

    let t = Instant::now();
    let mut rng = countypanel_core::rng::SplitMix64(42);
    let mut next = move || rng.next_u64();
    let mut c = FactCols::default();
    let mut i = 0usize;
    while c.fact_id.len() < rows {
        let cell = i;
        i += 1;
        let code = &codes[cell % codes.len()];
        let year = 2015 + ((cell / codes.len()) % 9) as i32;
        let ind = &catalog.indicators[(cell / (codes.len() * 9)) % catalog.indicators.len()];
        // The value is a function of the cell, so that a cell met again agrees with itself.
        let key = (cell % (codes.len() * 9 * catalog.indicators.len())) as u64;
        let mixed = key.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
        let base = ind.range[0]
            + (mixed % 1000) as f64 / 1000.0 * (ind.range[1] - ind.range[0]).min(1000.0);
        let base = if ind.unit == "percent" || ind.unit == "yuan" {
            base
        } else {
            base.round()
        };
        let sources = if next() % 4 == 0 { 2 } else { 1 };
        for s in 0..sources {
            let disagree = s == 1 && next() % 20 == 0;
            let value = if disagree { base + 1.0 } else { base };
            let doc = (next() as usize) % n_docs;
            c.push(
                format!("f{:010}", c.fact_id.len()),
                format!("d{doc:05}"),
                code,
                ind.id.as_str(),
                ind.unit.as_str(),
                value,
                year,
            );
            if c.fact_id.len() >= rows {
                break;
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let facts_path = dir.path().join("facts.parquet");
    let docs_path = dir.path().join("documents.parquet");
    write_table(&facts_path, &FACTS, &c.into_batch(), &WriteMeta::default()).unwrap();
    write_table(
        &docs_path,
        &DOCUMENTS,
        &documents(n_docs),
        &WriteMeta::default(),
    )
    .unwrap();
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

#[derive(Default)]
struct FactCols {
    fact_id: Vec<Option<String>>,
    doc_id: Vec<Option<String>>,
    code: Vec<Option<String>>,
    ind: Vec<Option<String>>,
    unit: Vec<Option<String>>,
    value: Vec<Option<f64>>,
    year: Vec<Option<i32>>,
}

impl FactCols {
    #[expect(
        clippy::too_many_arguments,
        reason = "one column value per argument, in the table's order"
    )]
    fn push(
        &mut self,
        id: String,
        doc: String,
        code: &str,
        ind: &str,
        unit: &str,
        value: f64,
        year: i32,
    ) {
        self.fact_id.push(Some(id));
        self.doc_id.push(Some(doc));
        self.code.push(Some(code.to_string()));
        self.ind.push(Some(ind.to_string()));
        self.unit.push(Some(unit.to_string()));
        self.value.push(Some(value));
        self.year.push(Some(year));
    }

    fn into_batch(self) -> arrow::record_batch::RecordBatch {
        let n = self.fact_id.len();
        let text = |s: &str| Col::Str(vec![Some(s.to_string()); n]);
        let none = || Col::Str(vec![None; n]);
        batch(
            &FACTS,
            vec![
                ("fact_id", Col::Str(self.fact_id)),
                ("doc_id", Col::Str(self.doc_id.clone())),
                ("source_path", Col::Str(self.doc_id)),
                ("indicator_id", Col::Str(self.ind)),
                ("indicator_text", none()),
                ("subject", none()),
                (
                    "value_text",
                    Col::Str(
                        self.value
                            .iter()
                            .map(|v| v.map(|v| v.to_string()))
                            .collect(),
                    ),
                ),
                ("value", Col::F64(self.value)),
                ("unit", Col::Str(self.unit)),
                ("qualifier", text("eq")),
                ("kind", text("actual")),
                ("year", Col::I32(self.year)),
                ("year_flag", none()),
                ("as_of", Col::Date(vec![None; n])),
                ("region_name", none()),
                ("region_code", Col::Str(self.code)),
                ("region_method", text("exact")),
                ("evidence", text("synthetic")),
                ("sentence", text("synthetic")),
                ("char_start", Col::I64(vec![Some(0); n])),
                ("char_end", Col::I64(vec![Some(1); n])),
                ("page", Col::I32(vec![None; n])),
                ("rule", text("synthetic")),
                ("health", Col::Bool(vec![Some(true); n])),
                ("change", Col::Bool(vec![Some(false); n])),
            ],
        )
        .unwrap()
    }
}

fn documents(n: usize) -> arrow::record_batch::RecordBatch {
    let ids: Vec<Option<String>> = (0..n).map(|d| Some(format!("d{d:05}"))).collect();
    let text = |s: &str| Col::Str(vec![Some(s.to_string()); n]);
    batch(
        &DOCUMENTS,
        vec![
            ("doc_id", Col::Str(ids.clone())),
            ("source_path", Col::Str(ids)),
            ("format", text("txt")),
            ("encoding", text("UTF-8")),
            ("n_bytes", Col::I64(vec![Some(1); n])),
            ("n_chars", Col::I64(vec![Some(1); n])),
            ("n_replacements", Col::I64(vec![Some(0); n])),
            ("title", Col::Str(vec![None; n])),
            // 2024-06-01: after every synthetic year.
            ("published", Col::Date(vec![Some(19875); n])),
            ("issuer_region_name", Col::Str(vec![None; n])),
            ("issuer_region_code", Col::Str(vec![None; n])),
            ("issuer_region_method", Col::Str(vec![None; n])),
            ("n_facts", Col::I64(vec![Some(0); n])),
            ("text", text("")),
        ],
    )
    .unwrap()
}

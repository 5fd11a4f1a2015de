//! Extraction throughput: MB of report text per second on one thread.
//!
//! Run with `cargo bench -p countypanel-extract --bench extract` (or `make bench`). The text is
//! the bundled sample's UTF-8 reports and, when `../shared/corpus` is beside the project, the
//! real seed and bulletin reports; the set is repeated to about 32 MB so that the figure is not a
//! cache effect. Prints markdown table rows: corpus, MB, facts, seconds, MB/s.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use countypanel_core::catalog::Catalog;
use countypanel_extract::{DocContext, Extractor};

fn texts(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| String::from_utf8(std::fs::read(p).ok()?).ok())
        .collect()
}

fn run(name: &str, docs: &[String], ex: &Extractor) {
    if docs.is_empty() {
        return;
    }
    let one: usize = docs.iter().map(String::len).sum();
    let rounds = (32_000_000 / one.max(1)).max(1);
    let ctx = DocContext {
        published: Some((2021, 6, 1)),
        issuer_region: None,
        title: None,
    };
    let t = Instant::now();
    let mut facts = 0;
    for _ in 0..rounds {
        for d in docs {
            facts += black_box(ex.extract(d, &ctx)).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (one * rounds) as f64 / 1e6;
    println!(
        "| {name} ({} docs x {rounds}) | {mb:.1} | {facts} | {secs:.2} | {:.1} |",
        docs.len(),
        mb / secs
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalog = Catalog::load(&root.join("pipelines/indicators/health.toml")).expect("catalog");
    let ex = Extractor::new(&catalog);
    println!("| corpus | MB | facts | seconds | MB/s (one thread) |");
    println!("|---|---:|---:|---:|---:|");
    run("bundled sample", &texts(&root.join("data/raw/sample")), &ex);
    let shared = root.join("../shared/corpus");
    run("real seed reports", &texts(&shared.join("seeds")), &ex);
    run("real bulletins (extra)", &texts(&shared.join("extra")), &ex);
}

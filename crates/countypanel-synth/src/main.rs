//! `countypanel-synth`: writes a synthetic corpus of reports, or a synthetic staged layer, for
//! benchmarks and tests. A developer's tool; run it from the project root (the region reference
//! and the catalog are read from there unless given).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;
use countypanel_core::catalog::Catalog;
use countypanel_regions::Gazetteer;

/// Write a synthetic corpus of county reports (with the facts planted in it as a gold file), or a
/// synthetic staged layer of N facts, for benchmarks and tests.
#[derive(Debug, Parser)]
#[command(
    name = "countypanel-synth",
    version,
    after_help = "Examples:\n  countypanel-synth --out /tmp/corpus --mb 100\n  countypanel eval --gold /tmp/corpus/gold.csv --docs /tmp/corpus/reports\n  countypanel-synth --out /tmp/table --facts-rows 20000000 --first-year 2000 --last-year 2023\n\nThe same --seed and size give the same bytes. Reports (txt, html, some GBK) and yearbook CSVs go\nto OUT/reports, the planted facts to OUT/gold.csv in the format `countypanel eval` reads; with\n--facts-rows, OUT/facts.parquet and OUT/documents.parquet as ingest writes them."
)]
struct Args {
    /// Folder to write (created).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Megabytes of reports to write (stops after the report that passes it).
    #[arg(long, default_value_t = 10.0)]
    mb: f64,
    /// First report year.
    #[arg(long, default_value_t = 2016)]
    first_year: i32,
    /// Last report year.
    #[arg(long, default_value_t = 2023)]
    last_year: i32,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Instead of reports, write a staged layer of this many facts (`OUT/facts.parquet` and
    /// `OUT/documents.parquet`, the tables ingest writes). `--mb` is then ignored.
    #[arg(long, value_name = "N")]
    facts_rows: Option<usize>,
    /// The region reference folder (area codes and their history).
    #[arg(long, value_name = "DIR", default_value = "data/reference")]
    reference: PathBuf,
    /// The indicator catalog (for --facts-rows).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "pipelines/indicators/health.toml"
    )]
    catalog: PathBuf,
    /// No summary line.
    #[arg(long, short)]
    quiet: bool,
}

fn run(a: &Args) -> Result<()> {
    if a.first_year > a.last_year || !(1981..=2100).contains(&a.first_year) {
        bail!(
            "--first-year {} and --last-year {} do not make a range of years",
            a.first_year,
            a.last_year
        );
    }
    if a.mb.is_nan() || a.mb <= 0.0 {
        bail!("--mb must be positive, got {}", a.mb);
    }
    let g = Gazetteer::load(&a.reference)
        .with_context(|| format!("reading the region reference in {}", a.reference.display()))?;
    let started = std::time::Instant::now();
    if let Some(rows) = a.facts_rows {
        let catalog = Catalog::load(&a.catalog)
            .with_context(|| format!("reading the catalog {}", a.catalog.display()))?;
        let w = countypanel_synth::facts::generate_table(
            &g,
            &catalog,
            &a.out,
            rows,
            (a.first_year, a.last_year),
            a.seed,
        )?;
        if !a.quiet {
            eprintln!(
                "countypanel-synth: {} facts in {} documents ({} passes over the county-years) in {:.1}s -> {}",
                w.facts,
                w.documents,
                w.editions,
                started.elapsed().as_secs_f64(),
                a.out.display()
            );
        }
        return Ok(());
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a positive number of megabytes"
    )]
    let bytes = (a.mb * 1e6) as u64;
    let w = countypanel_synth::corpus::generate(
        &g,
        &countypanel_synth::corpus::Options {
            out: a.out.clone(),
            bytes,
            years: (a.first_year, a.last_year),
            seed: a.seed,
        },
    )?;
    if !a.quiet {
        #[expect(clippy::cast_precision_loss, reason = "megabytes for a person")]
        let mb = w.bytes as f64 / 1e6;
        eprintln!(
            "countypanel-synth: {} reports and {} tables, {mb:.1} MB, {} planted facts in {:.1}s -> {}",
            w.reports,
            w.tables,
            w.facts,
            started.elapsed().as_secs_f64(),
            a.out.display()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("countypanel-synth: {e:#}");
            ExitCode::from(2)
        }
    }
}

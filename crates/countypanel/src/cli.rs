//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The exit-code contract, shown by `--help` of the binary and of every stage.
macro_rules! exit_codes {
    () => {
        "Exit codes:\n  0  success\n  1  the data failed a check (too many files rejected or facts quarantined); outputs are written\n  2  the stage could not run (usage, I/O, an input that breaks its table contract)"
    };
}

/// countypanel turns Chinese county health reports into county-by-year panels.
#[derive(Debug, Parser)]
#[command(
    name = "countypanel",
    version,
    about = "Turn Chinese county health reports into county-by-year comparison panels",
    long_about = "Turn Chinese county health reports into county-by-year comparison panels.\n\nThe pipeline runs in three stages that chain through Parquet files:\n  ingest     raw reports (txt, html, docx, doc, pdf, ofd, xlsx, xls, csv) -> data/staged/{documents,facts}.parquet\n  clean      facts -> data/clean/observations.parquet (+ quarantine, conflicts)\n  aggregate  observations -> data/summary/ (panels, comparison, targets, coverage, report.md)\n\nPaths come from the pipeline file (default pipelines/county-health.toml; without one in the\ncurrent folder, the built-in pipeline); --out DIR puts every output layer under DIR.\n\nQuick start, in any folder:\n  countypanel run --raw ~/reports --out results\n  open results/summary/report.md; load results/summary/*.parquet in pandas, polars or DuckDB",
    after_help = exit_codes!()
)]
pub struct Cli {
    /// The pipeline file: where raw reports are, which catalog, where outputs go.
    #[arg(
        long,
        global = true,
        default_value = "pipelines/county-health.toml",
        value_name = "FILE"
    )]
    pub pipeline: PathBuf,
    /// Write every layer (staged, clean, qa, summary) under this folder instead of the
    /// pipeline's paths.
    #[arg(long, global = true, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// No progress or summary lines on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// The stage to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read raw reports, extract facts, write documents, facts and rejects.
    #[command(after_help = concat!(
        "Example:\n  countypanel ingest --raw data/raw/sample\n  countypanel ingest --pipeline pipelines/county-health.toml report1.html report2.txt\n\n",
        exit_codes!()
    ))]
    Ingest(IngestArgs),
    /// Validate facts and reconcile sources into one observation per cell.
    #[command(after_help = concat!(
        "Example:\n  countypanel clean\n  countypanel clean --facts /tmp/facts.parquet --observations /tmp/obs.parquet\n\n",
        exit_codes!()
    ))]
    Clean(CleanArgs),
    /// Build panels, comparisons, targets, coverage and the report.
    #[command(after_help = concat!(
        "Example:\n  countypanel aggregate\n  countypanel aggregate --observations data/clean/observations.parquet --summary /tmp/summary\n\n",
        exit_codes!()
    ))]
    Aggregate(AggregateArgs),
    /// Run ingest, clean and aggregate in order.
    #[command(after_help = concat!(
        "Example:\n  countypanel run\n  countypanel run --raw /data/reports/2023\n\n",
        exit_codes!()
    ))]
    Run(RunArgs),
    /// Write an editable copy of the built-in pipeline, catalog and region reference into DIR.
    #[command(
        after_help = "Example:\n  countypanel init my-project && cd my-project\n  countypanel run --raw ~/reports --out results\n\nWithout a pipeline file in the folder it runs in, countypanel uses these built-in files as\nthey are; init is for changing them (another headline, more phrases, source priorities)."
    )]
    Init(InitArgs),
    /// Write the summary and QA tables as an Excel workbook or CSV files, with Chinese headers.
    #[command(
        after_help = "Example:\n  countypanel export --xlsx results.xlsx\n  countypanel --out results export --csv results/csv\n\nOne sheet (or file) per table: the wide and long panels, comparison, targets, coverage, the\nsuspect, conflicting and quarantined cells, and the source documents. CSV files carry a UTF-8\nbyte-order mark so that Excel shows the Chinese text."
    )]
    Export(ExportArgs),
    /// Score extraction against a gold file of hand-checked facts.
    #[command(
        after_help = "Example:\n  countypanel eval --gold ../shared/gold/seeds_gold.csv --docs ../shared/corpus/seeds --misses\n\nA gold fact is found when a fact of the same document has the same value and unit; year, kind,\nqualifier and indicator naming are then compared. See the countypanel-ingest `eval` module docs."
    )]
    Eval(EvalArgs),
    /// Show where a number comes from: the observation, each source document and the evidence.
    #[command(
        after_help = "Examples:\n  countypanel explain 嘉鱼县 2020 village_clinics\n  countypanel explain 421221 2020 村卫生室数\n\nThe chosen fact is marked *, the evidence 【like this】 in its sentence; facts of the same cell that\nwere quarantined are listed with their rule."
    )]
    Explain(ExplainArgs),
    /// Print the table contracts (columns, types, meaning) as markdown.
    Schema,
    /// Print the pipeline's indicator catalog (ids, units, ranges, phrases) as markdown.
    #[command(
        after_help = "Examples:\n  countypanel catalog > docs/indicators.md\n  countypanel --pipeline my.toml catalog | grep beds"
    )]
    Catalog,
    /// Resolve a place name to its region code in a year.
    #[command(
        after_help = "Examples:\n  countypanel region 嘉鱼县\n  countypanel region 滦县 --year 2017\n  countypanel region 城关区 --context 兰州市 --json\n\nPrints one line per result: status, code, level, official name, method; the candidates when ambiguous."
    )]
    Region(RegionArgs),
    /// Compare the panel with a reference table cell by cell (the yearbook's own values against
    /// the panel built from it, say).
    #[command(
        after_help = "Examples:\n  countypanel check --reference data/raw/yearbook/county_beds.csv\n  countypanel check --reference beds.csv --observations out/clean/observations.parquet --details 50\n\nThe reference is read through the pipeline's [[ingest.table]] mapping, as ingest reads it. Prints how many of its cells the panel holds with the same value, with another value, or not at all, then the first differing and missing cells."
    )]
    Check(CheckArgs),
}

/// Ingest arguments.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Read this folder (recursively) instead of the pipeline's `paths.raw`.
    #[arg(long, value_name = "DIR")]
    pub raw: Option<PathBuf>,
    /// Read these files instead of a folder.
    #[arg(value_name = "FILE", conflicts_with = "raw")]
    pub files: Vec<PathBuf>,
    /// Where to write the documents table.
    #[arg(long, value_name = "FILE")]
    pub documents: Option<PathBuf>,
    /// Where to write the facts table.
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,
    /// Where to write the rejects table.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Fail (exit 1) when more than this share of files is rejected (overrides the pipeline).
    #[arg(long, value_name = "SHARE")]
    pub max_reject_share: Option<f64>,
    /// Read only part K of N of the raw folder (a file's part is fixed by its path) and write
    /// its tables into <staged>/parts/of=N/part=K/; run one process per part (on one machine or a
    /// cluster), then `ingest --merge-parts N`.
    #[arg(long, value_name = "K/N", conflicts_with_all = ["files", "merge_parts"])]
    pub shard: Option<countypanel_ingest::parts::Shard>,
    /// Merge the N parts under <staged>/parts/ into the staged tables, byte for byte as one run
    /// over the whole folder writes them (exit 2 naming any part missing or unfinished).
    #[arg(long, value_name = "N", conflicts_with = "files")]
    pub merge_parts: Option<usize>,
}

/// Clean arguments.
#[derive(Debug, Args, Default)]
pub struct CleanArgs {
    /// Facts table to read.
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,
    /// Documents table to read.
    #[arg(long, value_name = "FILE")]
    pub documents: Option<PathBuf>,
    /// Where to write observations.
    #[arg(long, value_name = "FILE")]
    pub observations: Option<PathBuf>,
    /// Where to write the quarantine table.
    #[arg(long, value_name = "FILE")]
    pub quarantine: Option<PathBuf>,
    /// Where to write the conflicts table.
    #[arg(long, value_name = "FILE")]
    pub conflicts: Option<PathBuf>,
    /// Where to write facts with no catalog indicator.
    #[arg(long, value_name = "FILE")]
    pub uncatalogued: Option<PathBuf>,
    /// Where to write the catalog's to-do list: what uncatalogued health facts measure, most
    /// frequent first (default: `catalog_todo.parquet` in the QA folder).
    #[arg(long, value_name = "FILE")]
    pub todo: Option<PathBuf>,
    /// Where to write the cells whose value departs from their region's series (default:
    /// `suspect.parquet` in the QA folder).
    #[arg(long, value_name = "FILE")]
    pub suspect: Option<PathBuf>,
    /// Where to write unresolved region names with a suggested correction (default:
    /// `region_suggestions.parquet` in the QA folder).
    #[arg(long, value_name = "FILE")]
    pub suggestions: Option<PathBuf>,
}

/// Aggregate arguments.
#[derive(Debug, Args, Default)]
pub struct AggregateArgs {
    /// Observations table to read.
    #[arg(long, value_name = "FILE")]
    pub observations: Option<PathBuf>,
    /// Folder to write the summary to.
    #[arg(long, value_name = "DIR")]
    pub summary: Option<PathBuf>,
}

/// Run arguments.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Read this folder instead of the pipeline's `paths.raw`.
    #[arg(long, value_name = "DIR")]
    pub raw: Option<PathBuf>,
}

/// Export arguments.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).multiple(true).args(["xlsx", "csv"])))]
pub struct ExportArgs {
    /// Write an Excel workbook (.xlsx) here.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Write one CSV file per table into this folder.
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
}

/// Init arguments.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to write into (created when missing).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Overwrite files that already exist.
    #[arg(long)]
    pub force: bool,
}

/// Eval arguments.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold CSV with the columns of `seeds_gold.csv` (`doc`, `region`, `region_level`, `year`, `indicator`, `value`, `unit`, `qualifier`, `kind`, `evidence`).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// Folder of the documents the gold file describes.
    #[arg(long, value_name = "DIR")]
    pub docs: PathBuf,
    /// Also list missed facts, extracted facts not in the gold, and disagreements.
    #[arg(long)]
    pub misses: bool,
}

/// Explain arguments.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Region name or 6-digit code.
    pub region: String,
    /// Year.
    pub year: i32,
    /// Indicator id (`village_clinics`) or Chinese name (`村卫生室数`).
    pub indicator: String,
}

/// Check arguments.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The reference table (a file the pipeline's table mapping reads).
    #[arg(long, value_name = "FILE")]
    pub reference: PathBuf,
    /// The observations to check (default: the pipeline's clean folder).
    #[arg(long, value_name = "FILE")]
    pub observations: Option<PathBuf>,
    /// How many differing and missing cells to list.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub details: usize,
}

/// Region lookup arguments.
#[derive(Debug, Args)]
pub struct RegionArgs {
    /// The place name (嘉鱼县, 嘉鱼, 兰州市城关区, 千里山镇).
    pub name: String,
    /// The year the name is used in.
    #[arg(long)]
    pub year: Option<i32>,
    /// Other place names or codes of the same document, to choose between regions sharing a name.
    #[arg(long, value_name = "TEXT")]
    pub context: Vec<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

//! The subcommands.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use countypanel_aggregate::{AggregateOutputs, aggregate};
use countypanel_clean::{CleanOutputs, clean};
use countypanel_core::catalog::Catalog;
use countypanel_core::config::Pipeline;
use countypanel_core::contract::{DOCUMENTS, FACTS, OBSERVATIONS};
use countypanel_core::hash::sha256_hex;
use countypanel_core::parquet_io::WriteMeta;
use countypanel_extract::Extractor;
use countypanel_ingest::metadata::RegionFinder;
use countypanel_ingest::{Limits, Reader, list_inputs};
use countypanel_regions::{Gazetteer, Status};

use crate::Verdict;
use crate::cli::{
    AggregateArgs, CleanArgs, Cli, Command, EvalArgs, ExplainArgs, IngestArgs, RegionArgs, RunArgs,
};
use crate::manifest;

/// Runs the command line.
pub fn run(cli: &Cli) -> Result<Verdict> {
    match &cli.command {
        Command::Ingest(a) => crate::ingest_cmd::ingest(cli, a),
        Command::Clean(a) => clean_stage(cli, a),
        Command::Aggregate(a) => aggregate_stage(cli, a),
        Command::Run(a) => run_all(cli, a),
        Command::Export(a) => {
            let p = load_pipeline(cli)?;
            let catalog = load_catalog(&p)?;
            let mut written = Vec::new();
            if let Some(file) = &a.xlsx {
                let sheets = crate::export::xlsx(&p, &catalog, file)?;
                written.push(format!("{} ({} sheets)", file.display(), sheets.len()));
            }
            if let Some(dir) = &a.csv {
                let files = crate::export::csv(&p, &catalog, dir)?;
                written.push(format!("{} ({} files)", dir.display(), files.len()));
            }
            if !cli.quiet {
                eprintln!("export: {}", written.join(", "));
            }
            Ok(Verdict::Ok)
        }
        Command::Init(a) => {
            let written = crate::builtin::init(&a.dir, a.force)?;
            if !cli.quiet {
                eprintln!(
                    "init: {} files written under {}; put reports in {} and run `countypanel run` there",
                    written.len(),
                    a.dir.display(),
                    a.dir.join("data/raw").display()
                );
            }
            Ok(Verdict::Ok)
        }
        Command::Region(a) => region(cli, a),
        Command::Eval(a) => eval(cli, a),
        Command::Explain(a) => explain(cli, a),
        Command::Check(a) => {
            let p = load_pipeline(cli)?;
            let catalog = load_catalog(&p)?;
            let gazetteer = load_gazetteer(&p)?;
            let compiled = Compiled::new(&catalog, &gazetteer);
            let reader = compiled.reader(&p, &catalog, &gazetteer);
            let obs = or(
                a.observations.as_ref(),
                &p.paths.clean,
                "observations.parquet",
            );
            let agreement = crate::check::check(&reader, &a.reference, &obs)?;
            let text = agreement.render(a.details);
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
            Ok(Verdict::Ok)
        }
        Command::Catalog => {
            let p = load_pipeline(cli)?;
            let text = load_catalog(&p)?.markdown();
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
            Ok(Verdict::Ok)
        }
        Command::Schema => {
            let text = countypanel_core::contract::markdown();
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
            Ok(Verdict::Ok)
        }
    }
}

pub(crate) fn load_pipeline(cli: &Cli) -> Result<Pipeline> {
    let builtin = cli.pipeline == Path::new(crate::builtin::PIPELINE) && !cli.pipeline.exists();
    let mut p = if builtin {
        let dir = crate::builtin::unpacked()?;
        let mut p = Pipeline::load(&dir.join(crate::builtin::PIPELINE))?;
        p.paths.catalog = dir.join(&p.paths.catalog);
        p.paths.reference = dir.join(&p.paths.reference);
        p.paths.raw = PathBuf::from("data/raw");
        static SAID: std::sync::Once = std::sync::Once::new();
        if !cli.quiet {
            SAID.call_once(|| {
                eprintln!(
                    "countypanel: no {} here: using the built-in pipeline ({}); `countypanel init .` writes an editable copy",
                    crate::builtin::PIPELINE,
                    dir.display()
                );
            });
        }
        p
    } else {
        Pipeline::load(&cli.pipeline)?
    };
    if let Some(out) = &cli.out {
        p.paths.staged = out.join("staged");
        p.paths.clean = out.join("clean");
        p.paths.qa = out.join("qa");
        p.paths.summary = out.join("summary");
    }
    Ok(p)
}

/// Loads the catalog and checks the pipeline's indicator ids against it: a headline id the
/// catalog does not hold stops the run, with the id it most likely meant.
pub(crate) fn load_catalog(p: &Pipeline) -> Result<Catalog> {
    let catalog = Catalog::load(&p.paths.catalog)?;
    for id in &p.aggregate.headline {
        if catalog.get(id).is_none() {
            let hint = catalog
                .closest_id(id)
                .map_or_else(String::new, |c| format!("; did you mean `{c}`?"));
            bail!(
                "aggregate.headline names `{id}`, which the catalog {} does not hold{hint}                  (`countypanel catalog` lists the ids)",
                p.paths.catalog.display()
            );
        }
    }
    Ok(catalog)
}

pub(crate) fn load_gazetteer(p: &Pipeline) -> Result<Gazetteer> {
    Gazetteer::load(&p.paths.reference).with_context(|| {
        format!(
            "loading region reference files from {}",
            p.paths.reference.display()
        )
    })
}

/// The extractor and the region finder, compiled once per run.
pub(crate) struct Compiled {
    extractor: Extractor,
    finder: RegionFinder,
}

impl Compiled {
    pub(crate) fn new(catalog: &Catalog, gazetteer: &Gazetteer) -> Self {
        Self {
            extractor: Extractor::with_regions(catalog, gazetteer.names_and_aliases()),
            finder: RegionFinder::new(gazetteer.names_with_levels())
                .with_towns(gazetteer.town_names()),
        }
    }

    pub(crate) fn reader<'a>(
        &'a self,
        p: &'a Pipeline,
        catalog: &'a Catalog,
        gazetteer: &'a Gazetteer,
    ) -> Reader<'a> {
        Reader {
            extractor: &self.extractor,
            finder: &self.finder,
            gazetteer,
            limits: Limits {
                max_file_bytes: p.ingest.max_file_bytes,
                max_unzipped_bytes: p.ingest.max_unzipped_bytes,
            },
            catalog,
            tables: &p.ingest.tables,
        }
    }
}

/// ` (a: 1, b: 2)` for a summary line, or nothing when there are no counts.
pub(crate) fn counts_in_parentheses(counts: &std::collections::BTreeMap<String, usize>) -> String {
    if counts.is_empty() {
        return String::new();
    }
    let items: Vec<String> = counts.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    format!(" ({})", items.join(", "))
}

pub(crate) fn file_hash(path: &Path) -> Result<(String, String)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok((path.display().to_string(), sha256_hex(&bytes)))
}

pub(crate) fn meta(cli: &Cli, producer: &str, inputs: Vec<(String, String)>) -> WriteMeta {
    WriteMeta {
        producer: format!("{producer} {}", env!("CARGO_PKG_VERSION")),
        pipeline: cli.pipeline.display().to_string(),
        inputs,
        region_vintage: "2023".into(),
        extra: Vec::new(),
    }
}

pub(crate) fn or(path: Option<&PathBuf>, dir: &Path, name: &str) -> PathBuf {
    path.cloned().unwrap_or_else(|| dir.join(name))
}

fn run_all(cli: &Cli, a: &RunArgs) -> Result<Verdict> {
    let p = load_pipeline(cli)?;
    let started = std::time::SystemTime::now();
    let clock = std::time::Instant::now();
    let ingest_args = IngestArgs {
        raw: a.raw.clone(),
        files: Vec::new(),
        documents: None,
        facts: None,
        rejects: None,
        max_reject_share: None,
        shard: None,
        merge_parts: None,
    };
    type Stage<'a> = (&'static str, Box<dyn Fn() -> Result<Verdict> + 'a>);
    let stages: [Stage<'_>; 3] = [
        (
            "ingest",
            Box::new(|| crate::ingest_cmd::ingest(cli, &ingest_args)),
        ),
        (
            "clean",
            Box::new(|| clean_stage(cli, &CleanArgs::default())),
        ),
        (
            "aggregate",
            Box::new(|| aggregate_stage(cli, &AggregateArgs::default())),
        ),
    ];
    let mut ends = Vec::new();
    let mut failed = Vec::new();
    let mut error = None;
    for (stage, run) in &stages {
        let (result, messages) = match run() {
            Ok(Verdict::Ok) => ("ok", Vec::new()),
            Ok(Verdict::DataFailed(m)) => {
                failed.extend(m.iter().cloned());
                ("data_failed", m)
            }
            Err(e) => {
                let m = vec![format!("{e:#}")];
                error = Some(e);
                ("error", m)
            }
        };
        ends.push(manifest::StageEnd {
            stage,
            result,
            messages,
        });
        if error.is_some() {
            break;
        }
    }
    let code = match (&error, failed.is_empty()) {
        (Some(_), _) => 2,
        (None, false) => 1,
        (None, true) => 0,
    };
    let raw = a.raw.clone().unwrap_or_else(|| p.paths.raw.clone());
    match manifest::write(&p, &raw, &ends, started, clock.elapsed(), code) {
        Ok(path) if !cli.quiet => eprintln!("run: {}", path.display()),
        Ok(_) => {}
        Err(e) => eprintln!("run: the run manifest could not be written: {e:#}"),
    }
    match error {
        Some(e) => Err(e),
        None if failed.is_empty() => Ok(Verdict::Ok),
        None => Ok(Verdict::DataFailed(failed)),
    }
}

fn clean_stage(cli: &Cli, a: &CleanArgs) -> Result<Verdict> {
    let p = load_pipeline(cli)?;
    let catalog = load_catalog(&p)?;
    let gazetteer = load_gazetteer(&p)?;
    let facts = or(a.facts.as_ref(), &p.paths.staged, "facts.parquet");
    let documents = or(a.documents.as_ref(), &p.paths.staged, "documents.parquet");
    let observations = or(
        a.observations.as_ref(),
        &p.paths.clean,
        "observations.parquet",
    );
    let quarantine = or(a.quarantine.as_ref(), &p.paths.qa, "quarantine.parquet");
    let conflicts = or(a.conflicts.as_ref(), &p.paths.qa, "conflicts.parquet");
    let uncatalogued = or(
        a.uncatalogued.as_ref(),
        &p.paths.qa,
        "uncatalogued_facts.parquet",
    );
    let todo = or(a.todo.as_ref(), &p.paths.qa, "catalog_todo.parquet");
    let suspect = or(a.suspect.as_ref(), &p.paths.qa, "suspect.parquet");
    let suggestions = or(
        a.suggestions.as_ref(),
        &p.paths.qa,
        "region_suggestions.parquet",
    );
    // Facts and documents written by different ingest runs do not belong together.
    countypanel_core::parquet_io::check_same_run((&facts, &FACTS), (&documents, &DOCUMENTS))?;
    let started = Instant::now();
    let m = meta(
        cli,
        "countypanel-clean",
        vec![
            file_hash(&facts)?,
            file_hash(&documents)?,
            file_hash(&p.paths.catalog)?,
        ],
    );
    let s = clean(
        &facts,
        &documents,
        CleanOutputs {
            observations: &observations,
            quarantine: &quarantine,
            conflicts: &conflicts,
            uncatalogued: &uncatalogued,
            todo: &todo,
            suspect: &suspect,
            suggestions: &suggestions,
        },
        &p,
        &catalog,
        &gazetteer,
        &m,
    )?;
    if !cli.quiet {
        let rules = counts_in_parentheses(&s.quarantined);
        eprintln!(
            "clean: {} facts = {} in {} observations ({} duplicates merged) + {} quarantined{} + {} uncatalogued; {} conflicts; {} suspect; {:.2}s",
            s.facts_in,
            s.mentions,
            s.observations,
            s.duplicates_merged,
            s.n_quarantined(),
            rules,
            s.uncatalogued,
            s.conflicts,
            s.suspect,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if s.failed_checks.is_empty() {
        Verdict::Ok
    } else {
        Verdict::DataFailed(s.failed_checks)
    })
}

fn aggregate_stage(cli: &Cli, a: &AggregateArgs) -> Result<Verdict> {
    let p = load_pipeline(cli)?;
    let catalog = load_catalog(&p)?;
    let observations = or(
        a.observations.as_ref(),
        &p.paths.clean,
        "observations.parquet",
    );
    let dir = a.summary.clone().unwrap_or_else(|| p.paths.summary.clone());
    // Observations made from staged facts that have changed since are stale: a clean that
    // failed after a new ingest would otherwise be summarised without a word.
    countypanel_core::parquet_io::check_made_from(
        &observations,
        &OBSERVATIONS,
        &[
            &p.paths.staged.join("facts.parquet"),
            &p.paths.staged.join("documents.parquet"),
        ],
    )?;
    let started = Instant::now();
    let m = meta(
        cli,
        "countypanel-aggregate",
        vec![file_hash(&observations)?, file_hash(&p.paths.catalog)?],
    );
    let s = aggregate(
        &observations,
        &AggregateOutputs { dir: dir.clone() },
        &p,
        &catalog,
        &m,
    )?;
    if !cli.quiet {
        eprintln!(
            "aggregate: {} panel rows, {} regions, {} years, {} region-years wide, {} comparison rows, {} targets ({} met); {:.2}s -> {}",
            s.panel_rows,
            s.regions,
            s.years,
            s.wide_rows,
            s.comparison_rows,
            s.targets,
            s.targets_met,
            started.elapsed().as_secs_f64(),
            dir.display()
        );
    }
    Ok(Verdict::Ok)
}

fn eval(cli: &Cli, a: &EvalArgs) -> Result<Verdict> {
    let p = load_pipeline(cli)?;
    let catalog = load_catalog(&p)?;
    let gazetteer = load_gazetteer(&p)?;
    let gold = countypanel_eval::read_gold(&a.gold).map_err(anyhow::Error::msg)?;
    if !a.docs.is_dir() {
        bail!("{}: not a folder", a.docs.display());
    }
    let files = list_inputs(&a.docs).with_context(|| format!("listing {}", a.docs.display()))?;
    let compiled = Compiled::new(&catalog, &gazetteer);
    let reader = compiled.reader(&p, &catalog, &gazetteer);
    let outcomes = reader.read_all(&files, &|_| {});
    let docs: Vec<&countypanel_ingest::Document> = outcomes
        .iter()
        .filter_map(|o| match o {
            countypanel_ingest::Outcome::Document(d) => Some(d.as_ref()),
            countypanel_ingest::Outcome::Rejected(r) => {
                eprintln!(
                    "eval: {} rejected: {} ({})",
                    r.source_path, r.reason, r.detail
                );
                None
            }
        })
        .collect();
    let report = countypanel_eval::score(&docs, &gold, &catalog);
    let panel = crate::evaluate::panel(
        &outcomes,
        &gold,
        &p,
        &catalog,
        &gazetteer,
        &meta(cli, "countypanel-eval", Vec::new()),
    )?;
    let text = report.render(a.misses) + &panel.render(a.misses);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(Verdict::Ok)
}

fn explain(cli: &Cli, a: &ExplainArgs) -> Result<Verdict> {
    let p = load_pipeline(cli)?;
    let catalog = load_catalog(&p)?;
    let gazetteer = load_gazetteer(&p)?;
    let text = crate::explain::explain(
        &a.region,
        a.year,
        &a.indicator,
        &catalog,
        &gazetteer,
        &crate::explain::Tables {
            observations: &p.paths.clean.join("observations.parquet"),
            facts: &p.paths.staged.join("facts.parquet"),
            documents: &p.paths.staged.join("documents.parquet"),
            quarantine: &p.paths.qa.join("quarantine.parquet"),
        },
    )?;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(Verdict::Ok)
}

/// The resolution of `region --json`, with the suggestions for an unknown name.
fn region_json(
    r: &countypanel_regions::Resolution,
    year: Option<i32>,
    near: &[(countypanel_regions::Candidate, usize)],
) -> String {
    let cands: Vec<serde_json::Value> = r
        .candidates
        .iter()
        .map(|c| {
            serde_json::json!({
                "code": c.code, "name": c.name, "level": c.level.as_str(),
                "province": c.province, "prefecture": c.prefecture,
                "start": c.start, "end": c.end,
            })
        })
        .collect();
    serde_json::json!({
        "query": r.query, "year": year, "status": r.status.as_str(),
        "code": r.code, "level": r.level.map(countypanel_regions::Level::as_str), "name": r.name,
        "method": r.method.map(countypanel_regions::Method::as_str), "town_code": r.town_code,
        "candidates": cands, "successors": r.successors,
        "suggestions": near.iter().map(|(c, d)| serde_json::json!({
            "code": c.code, "name": c.name, "province": c.province,
            "prefecture": c.prefecture, "edits": d,
        })).collect::<Vec<_>>(),
    })
    .to_string()
        + "\n"
}

/// The resolution of `region` as tab-separated lines: the result, then for a name not resolved
/// its candidates, successors and the names a character or two away.
fn region_lines(
    r: &countypanel_regions::Resolution,
    near: &[(countypanel_regions::Candidate, usize)],
) -> String {
    let mut s = format!(
        "{}\t{}\t{}\t{}\t{}\n",
        r.status.as_str(),
        r.code.as_deref().unwrap_or("-"),
        r.level.map_or("-", |l| l.as_str()),
        r.name.as_deref().unwrap_or("-"),
        r.method.map_or("-", |m| m.as_str()),
    );
    if r.status != Status::Resolved {
        for c in &r.candidates {
            let _ = writeln!(
                s,
                "candidate\t{}\t{}\t{}\t{} {}\t{}-{}",
                c.code,
                c.level.as_str(),
                c.name,
                c.province,
                c.prefecture,
                c.start,
                c.end.map_or(String::new(), |e| e.to_string())
            );
        }
        if !r.successors.is_empty() {
            let _ = writeln!(s, "successors\t{}", r.successors.join(","));
        }
        for (c, d) in near {
            let _ = writeln!(
                s,
                "did you mean\t{}\t{}\t{} {}\t{d} character{} away",
                c.code,
                c.name,
                c.province,
                c.prefecture,
                if *d == 1 { "" } else { "s" }
            );
        }
    }
    s
}

fn region(cli: &Cli, a: &RegionArgs) -> Result<Verdict> {
    let p = load_pipeline(cli)?;
    let g = load_gazetteer(&p)?;
    let ctx: Vec<&str> = a.context.iter().map(String::as_str).collect();
    let r = g.resolve(&a.name, a.year, &ctx);
    // An unknown name gets the names close to it (a character away; two for long names), as
    // a misspelling's likely corrections.
    let near = if r.status == Status::Unknown && r.candidates.is_empty() {
        let edits = if a.name.chars().count() >= 5 { 2 } else { 1 };
        let year = a.year.unwrap_or(p.clean.base_vintage);
        let mut near = g.near(
            &a.name,
            year,
            edits,
            countypanel_core::catalog::edit_distance,
        );
        near.truncate(5);
        near
    } else {
        Vec::new()
    };
    let mut out = std::io::stdout().lock();
    let text = if a.json {
        region_json(&r, a.year, &near)
    } else {
        region_lines(&r, &near)
    };
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(Verdict::Ok)
}

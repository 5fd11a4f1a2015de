//! `countypanel ingest`: a folder or a list of files, a part of a folder (`--shard K/N`), or the
//! merge of the parts (`--merge-parts N`).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use countypanel_core::catalog::Catalog;
use countypanel_core::config::Pipeline;
use countypanel_core::parquet_io::WriteMeta;
use countypanel_ingest::{IngestSink, list_inputs};
use countypanel_regions::Gazetteer;

use crate::Verdict;
use crate::cli::{Cli, IngestArgs};
use crate::commands::{
    Compiled, counts_in_parentheses, file_hash, load_catalog, load_gazetteer, load_pipeline, meta,
    or,
};
use crate::progress::Progress;

/// The metadata of the staged tables: the producer and the catalog they were read with.
fn ingest_meta(cli: &Cli, p: &Pipeline) -> Result<WriteMeta> {
    let (catalog_path, catalog_hash) = file_hash(&p.paths.catalog)?;
    let mut m = meta(cli, "countypanel-ingest", Vec::new());
    m.extra.push((
        "countypanel.catalog".into(),
        format!("{catalog_path}={catalog_hash}"),
    ));
    Ok(m)
}

/// The report files of the folder `raw`, in their order; with a shard, only the files of that
/// part (by the hash of their path inside the folder).
fn files_of(
    raw: &std::path::Path,
    shard: Option<countypanel_ingest::parts::Shard>,
) -> Result<Vec<PathBuf>> {
    if !raw.exists() {
        bail!("{}: the raw report folder does not exist", raw.display());
    }
    let mut files = list_inputs(raw).with_context(|| format!("listing {}", raw.display()))?;
    if let Some(shard) = shard {
        files.retain(|f| {
            let rel = f
                .strip_prefix(raw)
                .unwrap_or(f)
                .to_string_lossy()
                .into_owned();
            countypanel_ingest::parts::shard_of(&rel, shard.n) == shard.k
        });
    }
    Ok(files)
}

/// Prints what an ingest run read and rejected, with the first rejected files.
fn report_summary(s: &countypanel_ingest::IngestSummary, secs: f64, rejects: &std::path::Path) {
    let reasons = counts_in_parentheses(&s.rejected);
    let warned = if s.warnings.is_empty() {
        String::new()
    } else {
        format!(
            ", {} warnings{}",
            s.warnings.values().sum::<usize>(),
            counts_in_parentheses(&s.warnings)
        )
    };
    eprintln!(
        "ingest: {} files, {} read, {} rejected{}{warned}, {} facts ({} catalogued), {:.2} MB in {secs:.2}s",
        s.files,
        s.documents,
        s.n_rejected(),
        reasons,
        s.facts,
        s.facts_catalogued,
        s.bytes as f64 / 1e6,
    );
    for (path, reason, detail) in &s.first_rejected {
        eprintln!("  rejected {path}: {reason}: {detail}");
    }
    let more = s.n_rejected().saturating_sub(s.first_rejected.len());
    if more > 0 {
        eprintln!(
            "  … and {more} more rejected files in {}",
            rejects.display()
        );
    }
}

pub(crate) fn ingest(cli: &Cli, a: &IngestArgs) -> Result<Verdict> {
    let p = load_pipeline(cli)?;
    if let Some(n) = a.merge_parts {
        return merge_parts(cli, a, &p, n);
    }
    let catalog = load_catalog(&p)?;
    // The raw folder is listed while the region list loads and the automata compile.
    let raw = a
        .files
        .is_empty()
        .then(|| a.raw.clone().unwrap_or_else(|| p.paths.raw.clone()));
    let shard = a.shard;
    let listing = raw
        .clone()
        .map(|raw| std::thread::spawn(move || files_of(&raw, shard)));
    let gazetteer = load_gazetteer(&p)?;
    let compiled = Compiled::new(&catalog, &gazetteer);
    let files = match (listing, raw) {
        (Some(listing), Some(raw)) => {
            let files = listing
                .join()
                .expect("the listing of the raw folder panicked")?;
            if let Some(shard) = a.shard {
                // An empty part is still a part: its tables and manifest are written.
                return ingest_part(cli, &p, shard, &files, &catalog, &gazetteer, &compiled);
            }
            if files.is_empty() {
                // Nothing is written: the outputs of the previous run stay as they were.
                return Ok(Verdict::DataFailed(vec![format!(
                    "no reports found in {}; nothing was written",
                    raw.display()
                )]));
            }
            files
        }
        _ => a.files.clone(),
    };
    let reader = compiled.reader(&p, &catalog, &gazetteer);
    let started = Instant::now();
    let documents = or(a.documents.as_ref(), &p.paths.staged, "documents.parquet");
    let facts = or(a.facts.as_ref(), &p.paths.staged, "facts.parquet");
    let rejects = or(a.rejects.as_ref(), &p.paths.qa, "ingest_rejects.parquet");
    let m = ingest_meta(cli, &p)?;
    let sink = IngestSink::create(&documents, &facts, &rejects, &m)?;
    let progress = Progress::new(files.len(), cli.quiet);
    let s = countypanel_ingest::batch::read_and_write(&reader, &files, sink, &|_| progress.tick())?;
    progress.finish();
    if !cli.quiet {
        report_summary(&s, started.elapsed().as_secs_f64(), &rejects);
    }
    let max_share = a.max_reject_share.unwrap_or(p.ingest.max_reject_share);
    if !(0.0..=1.0).contains(&max_share) {
        bail!("--max-reject-share must be between 0 and 1, got {max_share}");
    }
    if s.files > 0 && s.n_rejected() as f64 / s.files as f64 > max_share {
        return Ok(Verdict::DataFailed(vec![format!(
            "{} of {} files rejected, over the allowed share of {max_share} (see {})",
            s.n_rejected(),
            s.files,
            rejects.display()
        )]));
    }
    Ok(Verdict::Ok)
}

/// `run`: the three stages in turn (a stage that fails a data check still writes its outputs and
/// the next stage runs; one that cannot run stops the run), then `run.json` with what happened.
/// `ingest --shard K/N`: reads the part's files into `<staged>/parts/of=N/part=K/`, then writes its
/// manifest (inputs, sizes, `complete`) last.
fn ingest_part(
    cli: &Cli,
    p: &Pipeline,
    shard: countypanel_ingest::parts::Shard,
    files: &[PathBuf],
    catalog: &Catalog,
    gazetteer: &Gazetteer,
    compiled: &Compiled,
) -> Result<Verdict> {
    let dir = shard.dir(&p.paths.staged);
    let reader = compiled.reader(p, catalog, gazetteer);
    let m = ingest_meta(cli, p)?;
    let sink = IngestSink::create(
        &dir.join("documents.parquet"),
        &dir.join("facts.parquet"),
        &dir.join("ingest_rejects.parquet"),
        &m,
    )?;
    let progress = Progress::new(files.len(), cli.quiet);
    let s = countypanel_ingest::batch::read_and_write(&reader, files, sink, &|_| progress.tick())?;
    progress.finish();
    let recorded: std::collections::HashMap<&str, &str> = s
        .inputs
        .iter()
        .map(|(p, r)| (p.as_str(), r.as_str()))
        .collect();
    let inputs: Vec<(PathBuf, u64, String)> = files
        .iter()
        .map(|f| {
            let what = recorded
                .get(f.to_string_lossy().as_ref())
                .copied()
                .unwrap_or_default();
            (
                f.clone(),
                std::fs::metadata(f).map_or(0, |m| m.len()),
                what.to_string(),
            )
        })
        .collect();
    countypanel_ingest::parts::write_manifest(&dir, shard, &inputs)?;
    if !cli.quiet {
        eprintln!(
            "ingest part {}/{}: {} files, {} read, {} rejected, {} facts -> {}",
            shard.k,
            shard.n,
            s.files,
            s.documents,
            s.n_rejected(),
            s.facts,
            dir.display()
        );
    }
    Ok(Verdict::Ok)
}

/// `ingest --merge-parts N`: the staged tables from the N parts, as one run writes them.
fn merge_parts(cli: &Cli, a: &IngestArgs, p: &Pipeline, n: usize) -> Result<Verdict> {
    let documents = or(a.documents.as_ref(), &p.paths.staged, "documents.parquet");
    let facts = or(a.facts.as_ref(), &p.paths.staged, "facts.parquet");
    let rejects = or(a.rejects.as_ref(), &p.paths.qa, "ingest_rejects.parquet");
    let m = ingest_meta(cli, p)?;
    let (files, docs, n_facts) = countypanel_ingest::parts::merge_parts(
        &p.paths.staged,
        n,
        (&documents, &facts, &rejects),
        &m,
    )?;
    if !cli.quiet {
        eprintln!("ingest: merged {n} parts: {files} files, {docs} documents, {n_facts} facts");
    }
    Ok(Verdict::Ok)
}

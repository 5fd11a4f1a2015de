//! Sharded ingest: the input files split into N parts read by separate processes (on one machine
//! or on a cluster's nodes), then merged into the staged tables one run would have written.
//!
//! - A file's part is a function of its path under the raw folder alone ([`shard_of`], a hash),
//!   so adding files never moves the others; the parts are balanced by bytes on average.
//! - `ingest --shard K/N` reads part K and writes its documents, facts and rejects into
//!   `<staged>/parts/of=N/part=K/` (hive-style folders), then `part.tsv`: its inputs with their sizes and the word
//!   `complete`, written last (a part without it did not finish).
//! - [`merge_parts`] checks that all N parts are there and complete, then writes the staged
//!   tables as one unsharded run writes them, byte for byte: the files in the order of the whole
//!   folder, row groups per batch of files by the same rule ([`crate::batch::batches`]),
//!   duplicates across parts decided in that order, the inputs recorded in the footers in that
//!   order.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use arrow::array::{Array, ArrayRef};
use arrow::record_batch::RecordBatch;
use countypanel_core::CoreError;
use countypanel_core::contract::{DOCUMENTS, FACTS, INGEST_REJECTS};
use countypanel_core::parquet_io::{
    KEY_INPUTS, TableWriter, WriteMeta, check_file, read_table, write_table,
};
use countypanel_core::table::{ints, strings};

use crate::batch::{BATCH_BYTES, BATCH_FILES};
use crate::write::{
    CHUNK_BYTES, CHUNK_ROWS, Problem, duplicate_detail, duplicate_of, rejects_batch,
};

/// One part of N (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part.
    pub k: usize,
    /// Of how many.
    pub n: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!("`{s}` is not a part: write K/N, with 1 ≤ K ≤ N (2/8 is the second of eight)")
        };
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (k, n): (usize, usize) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if k == 0 || k > n {
            return Err(bad());
        }
        Ok(Self { k, n })
    }
}

impl Shard {
    /// The folder of this part under the staged folder: `parts/of=N/part=K`, hive-style, so
    /// that Spark, DuckDB and Trino read the parts' tables as one dataset with `of` and `part`
    /// columns (`read_parquet('staged/parts/*/*/facts.parquet', hive_partitioning = true)`).
    #[must_use]
    pub fn dir(self, staged: &Path) -> PathBuf {
        staged
            .join("parts")
            .join(format!("of={}", self.n))
            .join(format!("part={}", self.k))
    }
}

/// The part (1-based, of `n`) of a file by its path relative to the raw folder: a 64-bit FNV-1a
/// hash of the path's bytes, modulo `n`.
#[must_use]
pub fn shard_of(relative: &str, n: usize) -> usize {
    let h = relative.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    usize::try_from(h % n.max(1) as u64).unwrap_or(0) + 1
}

/// Writes a part's manifest (`part.tsv`): its inputs and their sizes, then `complete`.
///
/// # Errors
/// When the file cannot be written.
pub fn write_manifest(
    dir: &Path,
    shard: Shard,
    inputs: &[(PathBuf, u64)],
) -> Result<(), CoreError> {
    let mut text = format!("countypanel part {} of {}\n", shard.k, shard.n);
    for (path, bytes) in inputs {
        let _ = writeln!(text, "{bytes}\t{}", path.to_string_lossy());
    }
    text.push_str("complete\n");
    countypanel_core::parquet_io::write_bytes_atomic(&dir.join("part.tsv"), text.as_bytes())
}

/// A part's inputs (path, size), when its manifest is there and complete.
fn read_manifest(dir: &Path, shard: Shard) -> Option<Vec<(String, u64)>> {
    let text = std::fs::read_to_string(dir.join("part.tsv")).ok()?;
    let mut lines = text.lines();
    if lines.next()? != format!("countypanel part {} of {}", shard.k, shard.n) {
        return None;
    }
    let rest: Vec<&str> = lines.collect();
    let (last, inputs) = rest.split_last()?;
    if *last != "complete" {
        return None;
    }
    inputs
        .iter()
        .map(|l| {
            let (bytes, path) = l.split_once('\t')?;
            Some((path.to_string(), bytes.parse().ok()?))
        })
        .collect()
}

/// Why the parts could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// Parts that are missing or did not finish.
    #[error(
        "parts missing or incomplete in {folder}: {parts}; run `countypanel ingest --shard K/N` for each"
    )]
    Missing {
        /// The parts folder.
        folder: String,
        /// Which parts (`part=2 of 4, part=3 of 4`).
        parts: String,
    },
    /// Reading or writing a table failed.
    #[error(transparent)]
    Core(#[from] CoreError),
}

/// One part's tables.
struct Part {
    documents: RecordBatch,
    facts: RecordBatch,
    rejects: RecordBatch,
    /// What the part's run recorded of each input (its SHA-256, or `rejected:REASON`).
    inputs: HashMap<String, String>,
}

/// Merges the N parts under `staged/parts/` into the staged tables at `documents`, `facts` and
/// `rejects`, as one unsharded run over the same files writes them. Returns how many files,
/// documents and facts.
///
/// # Errors
/// [`MergeError::Missing`] naming every part that is missing or did not finish; a table that
/// cannot be read or written.
pub fn merge_parts(
    staged: &Path,
    n: usize,
    out: (&Path, &Path, &Path),
    base: &WriteMeta,
) -> Result<(usize, usize, usize), MergeError> {
    let mut parts = Vec::with_capacity(n);
    let mut files: Vec<(String, u64, usize)> = Vec::new();
    let mut missing = Vec::new();
    for k in 1..=n {
        let shard = Shard { k, n };
        let dir = shard.dir(staged);
        match read_manifest(&dir, shard) {
            Some(inputs) => {
                files.extend(inputs.into_iter().map(|(p, b)| (p, b, k - 1)));
                let recorded = check_file(&dir.join("documents.parquet"), &DOCUMENTS)?
                    .get(KEY_INPUTS)
                    .unwrap_or_default()
                    .lines()
                    .filter_map(|l| l.rsplit_once('='))
                    .map(|(p, h)| (p.to_string(), h.to_string()))
                    .collect();
                parts.push(Part {
                    inputs: recorded,
                    documents: read_table(&dir.join("documents.parquet"), &DOCUMENTS)?,
                    facts: read_table(&dir.join("facts.parquet"), &FACTS)?,
                    rejects: read_table(&dir.join("ingest_rejects.parquet"), &INGEST_REJECTS)?,
                });
            }
            None => missing.push(format!("part={k} of {n}")),
        }
    }
    if !missing.is_empty() {
        return Err(MergeError::Missing {
            folder: staged.join("parts").display().to_string(),
            parts: missing.join(", "),
        });
    }
    // The whole folder's order, as `list_inputs` sorts it.
    files.sort_by(|a, b| PathBuf::from(&a.0).cmp(&PathBuf::from(&b.0)));
    let index = PartIndex::of(&parts)?;
    let (documents, facts, rejects) = out;
    let mut docs_w = TableWriter::create(documents, &DOCUMENTS, base)?;
    let mut facts_w = TableWriter::create(facts, &FACTS, base)?;
    let mut inputs: Vec<(String, String)> = Vec::with_capacity(files.len());
    let mut problems: Vec<Problem> = Vec::new();
    let mut first: HashMap<String, String> = HashMap::new();
    let (mut n_docs, mut n_facts) = (0, 0);
    for batch in batches(&files) {
        let mut doc_rows: Vec<(usize, usize)> = Vec::new();
        let mut fact_rows: Vec<(usize, usize)> = Vec::new();
        for (path, _, part) in batch {
            let p = *part;
            inputs.push((
                path.clone(),
                parts[p].inputs.get(path).cloned().unwrap_or_default(),
            ));
            if let Some(&row) = index.doc_row.get(&(p, path.clone())) {
                let doc_id = &index.doc_id[p][row];
                if let Some(f) = first.get(doc_id) {
                    problems.push(duplicate(path, f, index.doc_bytes[p][row]));
                    continue;
                }
                first.insert(doc_id.clone(), path.clone());
                problems.extend(index.problems(p, path, "read"));
                doc_rows.push((p, row));
                if let Some(range) = index.fact_rows.get(&(p, path.clone())) {
                    fact_rows.extend(range.clone().map(|r| (p, r)));
                }
                continue;
            }
            for pr in index.problems(p, path, "rejected") {
                // A duplicate within the part: its bytes are those of the file its detail names
                // (read in the same part); the first of them in the whole folder is named.
                let same = (pr.reason == "duplicate_file")
                    .then(|| duplicate_of(&pr.detail))
                    .flatten()
                    .and_then(|f| index.doc_row.get(&(p, f.to_string())));
                match same {
                    Some(&row) => {
                        let f = first
                            .get(&index.doc_id[p][row])
                            .cloned()
                            .unwrap_or_else(|| duplicate_of(&pr.detail).unwrap_or("").to_string());
                        problems.push(duplicate(path, &f, pr.n_bytes.unwrap_or(0)));
                    }
                    None => problems.push(pr),
                }
            }
        }
        n_docs += doc_rows.len();
        n_facts += fact_rows.len();
        // As the sink writes a batch: documents in chunks of bounded text, facts in chunks of
        // bounded rows, then the row group ends.
        let docs_of: Vec<&RecordBatch> = parts.iter().map(|p| &p.documents).collect();
        let mut from = 0;
        let mut bytes = 0;
        for (i, &(p, row)) in doc_rows.iter().enumerate() {
            bytes += index.text_len[p][row];
            if bytes > CHUNK_BYTES || i + 1 == doc_rows.len() {
                docs_w.write(&interleave(&DOCUMENTS, &docs_of, &doc_rows[from..=i])?)?;
                from = i + 1;
                bytes = 0;
            }
        }
        let facts_of: Vec<&RecordBatch> = parts.iter().map(|p| &p.facts).collect();
        for chunk in fact_rows.chunks(CHUNK_ROWS) {
            facts_w.write(&interleave(&FACTS, &facts_of, chunk)?)?;
        }
        docs_w.end_row_group()?;
        facts_w.end_row_group()?;
    }
    docs_w.finish(&inputs)?;
    facts_w.finish(&inputs)?;
    let mut meta = base.clone();
    meta.inputs = inputs;
    write_table(rejects, &INGEST_REJECTS, &rejects_batch(&problems)?, &meta)?;
    Ok((files.len(), n_docs, n_facts))
}

/// The rejects row of a file with the same bytes as `first`.
fn duplicate(path: &str, first: &str, n_bytes: u64) -> Problem {
    Problem {
        source_path: path.to_string(),
        reason: "duplicate_file".to_string(),
        detail: duplicate_detail(first),
        n_bytes: Some(n_bytes),
        outcome: "rejected",
    }
}

/// The files in batches by the rule of [`crate::batch::batches`], on their recorded sizes.
fn batches(files: &[(String, u64, usize)]) -> Vec<&[(String, u64, usize)]> {
    let mut out = Vec::new();
    let (mut from, mut bytes) = (0, 0u64);
    for (i, f) in files.iter().enumerate() {
        bytes += f.1;
        if bytes >= BATCH_BYTES || i + 1 - from >= BATCH_FILES || i + 1 == files.len() {
            out.push(&files[from..=i]);
            from = i + 1;
            bytes = 0;
        }
    }
    out
}

/// Rows `rows` (part, row) of the parts' tables, in that order, as one batch.
fn interleave(
    contract: &countypanel_core::contract::Contract,
    tables: &[&RecordBatch],
    rows: &[(usize, usize)],
) -> Result<RecordBatch, CoreError> {
    let schema = contract.schema();
    let columns: Vec<ArrayRef> = (0..schema.fields().len())
        .map(|c| {
            let arrays: Vec<&dyn Array> = tables.iter().map(|t| t.column(c).as_ref()).collect();
            arrow::compute::interleave(&arrays, rows)
        })
        .collect::<Result<_, _>>()
        .map_err(|e| CoreError::Table {
            table: schema
                .metadata()
                .get("countypanel.contract")
                .cloned()
                .unwrap_or_default(),
            message: e.to_string(),
        })?;
    RecordBatch::try_new(schema, columns).map_err(|e| CoreError::Table {
        table: contract.name.to_string(),
        message: e.to_string(),
    })
}

/// Where each file's rows are in the parts.
struct PartIndex {
    doc_row: HashMap<(usize, String), usize>,
    fact_rows: HashMap<(usize, String), std::ops::Range<usize>>,
    reject_rows: HashMap<(usize, String), Vec<usize>>,
    doc_id: Vec<Vec<String>>,
    doc_bytes: Vec<Vec<u64>>,
    text_len: Vec<Vec<usize>>,
    reasons: Vec<Vec<String>>,
    details: Vec<Vec<String>>,
    reject_bytes: Vec<Vec<Option<u64>>>,
    outcomes: Vec<Vec<String>>,
}

impl PartIndex {
    fn of(parts: &[Part]) -> Result<Self, CoreError> {
        let mut ix = Self {
            doc_row: HashMap::new(),
            fact_rows: HashMap::new(),
            reject_rows: HashMap::new(),
            doc_id: Vec::new(),
            doc_bytes: Vec::new(),
            text_len: Vec::new(),
            reasons: Vec::new(),
            details: Vec::new(),
            reject_bytes: Vec::new(),
            outcomes: Vec::new(),
        };
        let plain = |v: Vec<Option<String>>| -> Vec<String> {
            v.into_iter().map(Option::unwrap_or_default).collect()
        };
        for (p, part) in parts.iter().enumerate() {
            for (row, path) in strings(&part.documents, "source_path")?
                .into_iter()
                .enumerate()
            {
                ix.doc_row.insert((p, path.unwrap_or_default()), row);
            }
            let mut ranges: BTreeMap<String, std::ops::Range<usize>> = BTreeMap::new();
            for (row, path) in strings(&part.facts, "source_path")?.into_iter().enumerate() {
                let r = ranges.entry(path.unwrap_or_default()).or_insert(row..row);
                r.end = row + 1;
            }
            ix.fact_rows
                .extend(ranges.into_iter().map(|(path, r)| ((p, path), r)));
            for (row, path) in strings(&part.rejects, "source_path")?
                .into_iter()
                .enumerate()
            {
                ix.reject_rows
                    .entry((p, path.unwrap_or_default()))
                    .or_default()
                    .push(row);
            }
            ix.doc_id.push(plain(strings(&part.documents, "doc_id")?));
            ix.doc_bytes.push(
                ints(&part.documents, "n_bytes")?
                    .into_iter()
                    .map(|b| b.and_then(|b| u64::try_from(b).ok()).unwrap_or(0))
                    .collect(),
            );
            ix.text_len.push(
                strings(&part.documents, "text")?
                    .into_iter()
                    .map(|t| t.map_or(0, |t| t.len()))
                    .collect(),
            );
            ix.reasons.push(plain(strings(&part.rejects, "reason")?));
            ix.details.push(plain(strings(&part.rejects, "detail")?));
            ix.reject_bytes.push(
                ints(&part.rejects, "n_bytes")?
                    .into_iter()
                    .map(|b| b.and_then(|b| u64::try_from(b).ok()))
                    .collect(),
            );
            ix.outcomes.push(plain(strings(&part.rejects, "outcome")?));
        }
        Ok(ix)
    }

    /// The rejects rows of `path` in part `p` with outcome `outcome`, in their order.
    fn problems(&self, p: usize, path: &str, outcome: &'static str) -> Vec<Problem> {
        self.reject_rows
            .get(&(p, path.to_string()))
            .into_iter()
            .flatten()
            .filter(|&&r| self.outcomes[p][r] == outcome)
            .map(|&r| Problem {
                source_path: path.to_string(),
                reason: self.reasons[p][r].clone(),
                detail: self.details[p][r].clone(),
                n_bytes: self.reject_bytes[p][r],
                outcome,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_parsed_and_files_keep_their_part() {
        assert_eq!("2/8".parse::<Shard>(), Ok(Shard { k: 2, n: 8 }));
        assert!("0/8".parse::<Shard>().is_err() && "9/8".parse::<Shard>().is_err());
        assert!("2".parse::<Shard>().is_err());
        let k = shard_of("2021/嘉鱼县卫生健康局工作总结.txt", 4);
        assert!((1..=4).contains(&k));
        assert_eq!(shard_of("2021/嘉鱼县卫生健康局工作总结.txt", 4), k);
        assert_eq!(shard_of("anything", 1), 1);
        // Spread: 1,000 names over 4 parts, none empty.
        let mut counts = [0usize; 4];
        for i in 0..1000 {
            counts[shard_of(&format!("reports/{i}.txt"), 4) - 1] += 1;
        }
        assert!(counts.iter().all(|&c| c > 150), "{counts:?}");
    }
}

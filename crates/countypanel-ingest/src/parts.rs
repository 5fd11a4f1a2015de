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

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use arrow::array::{Array, ArrayRef, AsArray};
use arrow::record_batch::RecordBatch;
use countypanel_core::CoreError;
use countypanel_core::contract::{DOCUMENTS, FACTS, INGEST_REJECTS};
use countypanel_core::parquet_io::{
    TableWriter, WriteMeta, check_file, read_batches, read_table, write_table,
};
use countypanel_core::table::{ints, strings};

use crate::batch::bounded;
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

/// Writes a part's manifest (`part.tsv`): its inputs, one per line with their size and what the
/// part's run recorded of them (SHA-256 or `rejected:REASON`, see
/// [`crate::IngestSummary::inputs`]), then `complete`.
///
/// # Errors
/// When the file cannot be written.
pub fn write_manifest(
    dir: &Path,
    shard: Shard,
    inputs: &[(PathBuf, u64, String)],
) -> Result<(), CoreError> {
    let mut text = format!("countypanel part {} of {}\n", shard.k, shard.n);
    for (path, bytes, recorded) in inputs {
        let _ = writeln!(text, "{bytes}\t{recorded}\t{}", path.to_string_lossy());
    }
    text.push_str("complete\n");
    countypanel_core::parquet_io::write_bytes_atomic(&dir.join("part.tsv"), text.as_bytes())
}

/// A part's inputs (path, size, what was recorded of it), when its manifest is there and
/// complete.
fn read_manifest(dir: &Path, shard: Shard) -> Option<Vec<(String, u64, String)>> {
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
            let (bytes, rest) = l.split_once('\t')?;
            let (recorded, path) = rest.split_once('\t')?;
            Some((path.to_string(), bytes.parse().ok()?, recorded.to_string()))
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

/// A part's table read row group by row group, in its order (which is the folder's order), with
/// a cursor on the current row.
struct Rows {
    batches: Box<dyn Iterator<Item = Result<RecordBatch, CoreError>>>,
    batch: Option<RecordBatch>,
    /// Which batch of the part the cursor is in (to tell batches apart without comparing them).
    generation: usize,
    row: usize,
}

impl Rows {
    fn open(
        path: &Path,
        contract: &'static countypanel_core::contract::Contract,
    ) -> Result<Self, CoreError> {
        Ok(Self {
            batches: Box::new(read_batches(path, contract)?),
            batch: None,
            generation: 0,
            row: 0,
        })
    }

    /// The source path of the current row, moving to the next batch when this one is done.
    fn path(&mut self) -> Result<Option<String>, CoreError> {
        loop {
            if let Some(b) = &self.batch
                && self.row < b.num_rows()
            {
                return Ok(b
                    .column_by_name("source_path")
                    .map(|c| c.as_string::<i32>().value(self.row).to_string()));
            }
            match self.batches.next() {
                Some(b) => {
                    self.batch = Some(b?);
                    self.generation += 1;
                    self.row = 0;
                }
                None => return Ok(None),
            }
        }
    }

    /// Takes the current row: its batch (shared, not copied), its batch's generation and row.
    fn take(&mut self) -> (RecordBatch, usize, usize) {
        let b = self
            .batch
            .clone()
            .expect("a current batch: path() found a row");
        let row = self.row;
        self.row += 1;
        (b, self.generation, row)
    }
}

/// The rows of one output batch gathered from the parts' batches: each source batch once.
#[derive(Default)]
struct Gather {
    sources: Vec<RecordBatch>,
    index: HashMap<(usize, usize), usize>,
    rows: Vec<(usize, usize)>,
}

impl Gather {
    fn push(&mut self, part: usize, (batch, generation, row): (RecordBatch, usize, usize)) {
        let next = self.sources.len();
        let k = *self.index.entry((part, generation)).or_insert(next);
        if k == next {
            self.sources.push(batch);
        }
        self.rows.push((k, row));
    }

    fn batch(
        &self,
        contract: &countypanel_core::contract::Contract,
        rows: &[(usize, usize)],
    ) -> Result<RecordBatch, CoreError> {
        let tables: Vec<&RecordBatch> = self.sources.iter().collect();
        interleave(contract, &tables, rows)
    }
}

/// A row of a part's rejects table: reason, detail, size, outcome.
type RejectRow = (String, String, Option<u64>, String);

/// One part: its tables as streams, its rejects and what its run recorded of each input.
struct Part {
    documents: Rows,
    facts: Rows,
    /// Rejects rows by path.
    rejects: HashMap<String, Vec<RejectRow>>,
    /// What the part's run recorded of each input (its SHA-256, or `rejected:REASON`), from its
    /// manifest.
    inputs: HashMap<String, String>,
}

impl Part {
    fn open(dir: &Path, inputs: HashMap<String, String>) -> Result<Self, CoreError> {
        let documents = dir.join("documents.parquet");
        check_file(&documents, &DOCUMENTS)?;
        let r = read_table(&dir.join("ingest_rejects.parquet"), &INGEST_REJECTS)?;
        let (paths, reasons, details, outcomes) = (
            strings(&r, "source_path")?,
            strings(&r, "reason")?,
            strings(&r, "detail")?,
            strings(&r, "outcome")?,
        );
        let n_bytes = ints(&r, "n_bytes")?;
        let mut rejects: HashMap<String, Vec<_>> = HashMap::new();
        for i in 0..r.num_rows() {
            rejects
                .entry(paths[i].clone().unwrap_or_default())
                .or_default()
                .push((
                    reasons[i].clone().unwrap_or_default(),
                    details[i].clone().unwrap_or_default(),
                    n_bytes[i].and_then(|b| u64::try_from(b).ok()),
                    outcomes[i].clone().unwrap_or_default(),
                ));
        }
        Ok(Self {
            documents: Rows::open(&documents, &DOCUMENTS)?,
            facts: Rows::open(&dir.join("facts.parquet"), &FACTS)?,
            rejects,
            inputs,
        })
    }

    /// The rejects rows of `path` with outcome `outcome`, in their order.
    fn problems(&self, path: &str, outcome: &'static str) -> Vec<Problem> {
        self.rejects
            .get(path)
            .into_iter()
            .flatten()
            .filter(|r| r.3 == outcome)
            .map(|(reason, detail, n_bytes, _)| Problem {
                source_path: path.to_string(),
                reason: reason.clone(),
                detail: detail.clone(),
                n_bytes: *n_bytes,
                outcome,
            })
            .collect()
    }
}

/// Merges the N parts under `staged/parts/` into the staged tables at `documents`, `facts` and
/// `rejects`, as one unsharded run over the same files writes them. The parts are read row
/// group by row group, so memory holds a batch of files, not the run. Returns how many files,
/// documents and facts.
///
/// # Errors
/// [`MergeError::Missing`] naming every part that is missing or did not finish; a table that
/// cannot be read or written, or parts whose rows are not in the folder's order.
pub fn merge_parts(
    staged: &Path,
    n: usize,
    out: (&Path, &Path, &Path),
    base: &WriteMeta,
) -> Result<(usize, usize, usize), MergeError> {
    let (parts, files) = open_parts(staged, n)?;
    let (documents, facts, rejects) = out;
    let mut docs_w = TableWriter::create(documents, &DOCUMENTS, base)?;
    let mut facts_w = TableWriter::create(facts, &FACTS, base)?;
    let mut merge = Merge {
        n,
        parts,
        inputs: Vec::with_capacity(files.len()),
        problems: Vec::new(),
        first: HashMap::new(),
        id_of: HashMap::new(),
    };
    let (mut n_docs, mut n_facts) = (0, 0);
    for batch in bounded(&files, |f| f.1) {
        let mut gathered = Gathered::default();
        for (path, _, p) in batch {
            merge.take(path, *p, &mut gathered)?;
        }
        n_docs += gathered.docs.rows.len();
        n_facts += gathered.facts.rows.len();
        gathered.write(&mut docs_w, &mut facts_w)?;
    }
    docs_w.finish(&merge.inputs)?;
    facts_w.finish(&merge.inputs)?;
    let mut meta = base.clone();
    meta.inputs = merge.inputs;
    write_table(
        rejects,
        &INGEST_REJECTS,
        &rejects_batch(&merge.problems)?,
        &meta,
    )?;
    Ok((files.len(), n_docs, n_facts))
}

/// A file of a part's manifest: its path, its bytes and the index of its part.
type PartFile = (String, u64, usize);

/// Opens the N parts; returns them with every file of their manifests (path, bytes, part
/// index) in the whole folder's order, as `list_inputs` sorts it.
fn open_parts(staged: &Path, n: usize) -> Result<(Vec<Part>, Vec<PartFile>), MergeError> {
    let mut parts = Vec::with_capacity(n);
    let mut files: Vec<PartFile> = Vec::new();
    let mut missing = Vec::new();
    for k in 1..=n {
        let shard = Shard { k, n };
        let dir = shard.dir(staged);
        match read_manifest(&dir, shard) {
            Some(inputs) => {
                let recorded = inputs
                    .iter()
                    .map(|(p, _, r)| (p.clone(), r.clone()))
                    .collect();
                files.extend(inputs.into_iter().map(|(p, b, _)| (p, b, k - 1)));
                parts.push(Part::open(&dir, recorded)?);
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
    files.sort_by(|a, b| PathBuf::from(&a.0).cmp(&PathBuf::from(&b.0)));
    Ok((parts, files))
}

/// The state of a merge: the parts being read and what the merged run has met so far.
struct Merge {
    n: usize,
    parts: Vec<Part>,
    /// Each file with what its part recorded of it (its hash, or `rejected:reason`).
    inputs: Vec<(String, String)>,
    problems: Vec<Problem>,
    /// The first path read of each document id.
    first: HashMap<String, String>,
    /// Each document id by path (for the duplicates a part found within itself).
    id_of: HashMap<String, String>,
}

/// The rows of one batch of files gathered from the parts.
#[derive(Default)]
struct Gathered {
    docs: Gather,
    text_len: Vec<usize>,
    facts: Gather,
}

impl Merge {
    /// Takes the next file of the folder's order from its part `p`: its document row and fact
    /// rows, or its rejects row; a document whose bytes were read before becomes a duplicate.
    fn take(&mut self, path: &str, p: usize, into: &mut Gathered) -> Result<(), MergeError> {
        let part = &mut self.parts[p];
        let recorded = part.inputs.get(path).cloned().unwrap_or_default();
        self.inputs.push((path.to_string(), recorded.clone()));
        let rejected = part.problems(path, "rejected");
        if !rejected.is_empty() || recorded.starts_with("rejected:") {
            for pr in rejected {
                // A duplicate within the part: its bytes are those of the file its detail names
                // (read earlier in the same part); the first of them in the whole folder is named.
                let same = (pr.reason == "duplicate_file")
                    .then(|| duplicate_of(&pr.detail))
                    .flatten()
                    .and_then(|f| self.id_of.get(f))
                    .and_then(|id| self.first.get(id));
                match same {
                    Some(f) => self
                        .problems
                        .push(duplicate(path, f, pr.n_bytes.unwrap_or(0))),
                    None => self.problems.push(pr),
                }
            }
            return Ok(());
        }
        if part.documents.path()?.as_deref() != Some(path) {
            return Err(MergeError::Core(CoreError::Table {
                table: "documents".into(),
                message: format!(
                    "part {} of {}: {path} is not where the folder's order puts it; read the parts again",
                    p + 1,
                    self.n
                ),
            }));
        }
        let (b, generation, row) = part.documents.take();
        let doc_id = b
            .column_by_name("doc_id")
            .map(|c| c.as_string::<i32>().value(row).to_string())
            .unwrap_or_default();
        self.id_of.insert(path.to_string(), doc_id.clone());
        if let Some(f) = self.first.get(&doc_id) {
            let bytes = b
                .column_by_name("n_bytes")
                .map(|c| c.as_primitive::<arrow::datatypes::Int64Type>().value(row))
                .and_then(|v| u64::try_from(v).ok())
                .unwrap_or(0);
            self.problems.push(duplicate(path, f, bytes));
            while part.facts.path()?.as_deref() == Some(path) {
                part.facts.take();
            }
            return Ok(());
        }
        self.first.insert(doc_id, path.to_string());
        self.problems.extend(part.problems(path, "read"));
        into.text_len.push(
            b.column_by_name("text")
                .map_or(0, |c| c.as_string::<i32>().value(row).len()),
        );
        into.docs.push(p, (b, generation, row));
        while part.facts.path()?.as_deref() == Some(path) {
            into.facts.push(p, part.facts.take());
        }
        Ok(())
    }
}

impl Gathered {
    /// Writes the batch as the sink writes one: documents in chunks of bounded text, facts in
    /// chunks of bounded rows, then the row group ends.
    fn write(self, docs_w: &mut TableWriter, facts_w: &mut TableWriter) -> Result<(), MergeError> {
        let mut from = 0;
        let mut bytes = 0;
        for (i, len) in self.text_len.iter().enumerate() {
            bytes += len;
            if bytes > CHUNK_BYTES || i + 1 == self.text_len.len() {
                docs_w.write(&self.docs.batch(&DOCUMENTS, &self.docs.rows[from..=i])?)?;
                from = i + 1;
                bytes = 0;
            }
        }
        for chunk in self.facts.rows.chunks(CHUNK_ROWS) {
            facts_w.write(&self.facts.batch(&FACTS, chunk)?)?;
        }
        docs_w.end_row_group()?;
        facts_w.end_row_group()?;
        Ok(())
    }
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

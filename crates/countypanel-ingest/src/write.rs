//! Writing the staged tables: documents, facts and ingest rejects.

use countypanel_core::vocab::YearFlag;
use std::collections::BTreeMap;
use std::path::Path;

use arrow::record_batch::RecordBatch;
use countypanel_core::CoreError;
use countypanel_core::contract::{DOCUMENTS, FACTS, INGEST_REJECTS};
use countypanel_core::parquet_io::{TableWriter, WriteMeta, write_table};
use countypanel_core::table::{Col, batch};
use countypanel_extract::time::days_from_civil;

use crate::Outcome;

/// Counts of one ingest run, for its summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestSummary {
    /// Files looked at.
    pub files: usize,
    /// Files read.
    pub documents: usize,
    /// Rejected files by reason code.
    pub rejected: BTreeMap<String, usize>,
    /// Warnings of files that were read, by reason code.
    pub warnings: BTreeMap<String, usize>,
    /// Facts extracted.
    pub facts: usize,
    /// Facts tied to a catalog indicator.
    pub facts_catalogued: usize,
    /// Bytes of the files read.
    pub bytes: u64,
    /// The first rejected files, in the order read: path, reason and detail.
    pub first_rejected: Vec<(String, String, String)>,
    /// Every file in the order read, with what the run recorded of it: its SHA-256, or
    /// `rejected:REASON` (the list the footers digest; a part's manifest keeps it).
    pub inputs: Vec<(String, String)>,
}

/// How many rejected files the summary names.
const FIRST_REJECTED: usize = 5;

impl IngestSummary {
    /// Rejected files in all.
    #[must_use]
    pub fn n_rejected(&self) -> usize {
        self.rejected.values().sum()
    }
}

/// Most text bytes in one batch of documents.
pub(crate) const CHUNK_BYTES: usize = 256 << 20;
/// Most facts in one batch (a fact's sentence is at most 1,200 characters).
pub(crate) const CHUNK_ROWS: usize = 100_000;

/// One row of the rejects table: a file not read, or a problem in a file that was read.
pub(crate) struct Problem {
    pub source_path: String,
    pub reason: String,
    pub detail: String,
    pub n_bytes: Option<u64>,
    pub outcome: &'static str,
}

/// The rejects detail of a file with the same bytes as `first`.
pub(crate) fn duplicate_detail(first: &str) -> String {
    format!("the same bytes as {first}, which was read")
}

/// The first file a duplicate's rejects detail names.
pub(crate) fn duplicate_of(detail: &str) -> Option<&str> {
    detail
        .strip_prefix("the same bytes as ")?
        .strip_suffix(", which was read")
}

/// The staged tables being written while files are read: documents and facts stream to their
/// files batch by batch (so memory holds one batch of files, not the whole run); the rejects,
/// one small row per problem, are written at the end. Nothing appears at the output paths until
/// [`IngestSink::finish`].
pub struct IngestSink {
    documents: TableWriter,
    facts: TableWriter,
    rejects_path: std::path::PathBuf,
    meta: WriteMeta,
    problems: Vec<Problem>,
    summary: IngestSummary,
    /// The first path read of each document id (the hash of the file's bytes): a second file
    /// with the same bytes (a.txt and a (1).txt) is read once and named as a duplicate.
    first_path: std::collections::HashMap<String, String>,
}

impl IngestSink {
    /// Opens the documents and facts files (as temporaries beside their paths).
    pub fn create(
        documents_path: &Path,
        facts_path: &Path,
        rejects_path: &Path,
        base: &WriteMeta,
    ) -> Result<Self, CoreError> {
        Ok(Self {
            documents: TableWriter::create(documents_path, &DOCUMENTS, base)?,
            facts: TableWriter::create(facts_path, &FACTS, base)?,
            rejects_path: rejects_path.to_path_buf(),
            meta: base.clone(),
            problems: Vec::new(),
            summary: IngestSummary::default(),
            first_path: std::collections::HashMap::new(),
        })
    }

    /// Writes the outcomes of one batch of files, in their order.
    pub fn push(&mut self, outcomes: &[Outcome]) -> Result<(), CoreError> {
        self.summary.files += outcomes.len();
        let mut docs: Vec<&crate::Document> = Vec::with_capacity(outcomes.len());
        for o in outcomes {
            match o {
                Outcome::Rejected(r) => self.record_rejected(r),
                Outcome::Document(d) => {
                    if self.record_document(d) {
                        docs.push(d.as_ref());
                    }
                }
            }
        }
        // In batches of bounded size: one Arrow string array holds at most 2 GiB.
        let mut from = 0;
        let mut bytes = 0;
        for (i, d) in docs.iter().enumerate() {
            bytes += d.text.len();
            if bytes > CHUNK_BYTES || i + 1 == docs.len() {
                self.documents.write(&documents_batch(&docs[from..=i])?)?;
                from = i + 1;
                bytes = 0;
            }
        }
        let rows: Vec<(&crate::Document, &crate::DocFact)> = docs
            .iter()
            .flat_map(|d| d.facts.iter().map(move |f| (*d, f)))
            .collect();
        self.summary.facts += rows.len();
        self.summary.facts_catalogued += rows
            .iter()
            .filter(|(_, f)| f.fact.indicator_id.is_some())
            .count();
        for chunk in rows.chunks(CHUNK_ROWS) {
            self.facts.write(&facts_batch(chunk)?)?;
        }
        // One row group per batch of files keeps the writers' buffers small.
        self.documents.end_row_group()?;
        self.facts.end_row_group()
    }

    /// Counts a rejected file and keeps its row for the rejects table.
    fn record_rejected(&mut self, r: &crate::Reject) {
        let summary = &mut self.summary;
        *summary.rejected.entry(r.reason.to_string()).or_default() += 1;
        if summary.first_rejected.len() < FIRST_REJECTED {
            summary.first_rejected.push((
                r.source_path.clone(),
                r.reason.to_string(),
                r.detail.clone(),
            ));
        }
        self.meta
            .inputs
            .push((r.source_path.clone(), format!("rejected:{}", r.reason)));
        self.problems.push(Problem {
            source_path: r.source_path.clone(),
            reason: r.reason.to_string(),
            detail: r.detail.clone(),
            n_bytes: r.n_bytes,
            outcome: "rejected",
        });
    }

    /// Counts a document read and keeps its warnings; returns whether it is written, which a
    /// document with the bytes of one read before is not (a `duplicate_file` reject).
    fn record_document(&mut self, d: &crate::Document) -> bool {
        let summary = &mut self.summary;
        self.meta
            .inputs
            .push((d.source_path.clone(), d.sha256.clone()));
        if let Some(first) = self.first_path.get(&d.doc_id) {
            *summary
                .rejected
                .entry("duplicate_file".to_string())
                .or_default() += 1;
            self.problems.push(Problem {
                source_path: d.source_path.clone(),
                reason: "duplicate_file".to_string(),
                detail: duplicate_detail(first),
                n_bytes: Some(d.n_bytes),
                outcome: "rejected",
            });
            return false;
        }
        self.first_path
            .insert(d.doc_id.clone(), d.source_path.clone());
        for w in &d.warnings {
            *summary.warnings.entry(w.reason.to_string()).or_default() += 1;
            self.problems.push(Problem {
                source_path: d.source_path.clone(),
                reason: w.reason.to_string(),
                detail: w.detail.clone(),
                n_bytes: Some(d.n_bytes),
                outcome: "read",
            });
        }
        summary.documents += 1;
        summary.bytes += d.n_bytes;
        true
    }

    /// Writes the rejects table and moves the three files into place; returns the run's counts.
    pub fn finish(mut self) -> Result<IngestSummary, CoreError> {
        let rejected = rejects_batch(&self.problems)?;
        self.documents.finish(&self.meta.inputs)?;
        self.facts.finish(&self.meta.inputs)?;
        write_table(&self.rejects_path, &INGEST_REJECTS, &rejected, &self.meta)?;
        self.summary.inputs = std::mem::take(&mut self.meta.inputs);
        Ok(self.summary)
    }
}

fn documents_batch(docs: &[&crate::Document]) -> Result<RecordBatch, CoreError> {
    let s = |v: &str| Some(v.to_string());
    let date = |d: Option<(i32, u32, u32)>| d.map(days_from_civil);
    batch(
        &DOCUMENTS,
        vec![
            (
                "doc_id",
                Col::Str(docs.iter().map(|d| s(&d.doc_id)).collect()),
            ),
            (
                "source_path",
                Col::Str(docs.iter().map(|d| s(&d.source_path)).collect()),
            ),
            (
                "format",
                Col::Str(docs.iter().map(|d| s(d.format.as_str())).collect()),
            ),
            (
                "encoding",
                Col::Str(docs.iter().map(|d| s(&d.encoding)).collect()),
            ),
            (
                "n_bytes",
                Col::I64(docs.iter().map(|d| Some(d.n_bytes as i64)).collect()),
            ),
            (
                "n_chars",
                Col::I64(
                    docs.iter()
                        .map(|d| Some(d.text.chars().count() as i64))
                        .collect(),
                ),
            ),
            (
                "n_replacements",
                Col::I64(docs.iter().map(|d| Some(d.n_replacements as i64)).collect()),
            ),
            (
                "title",
                Col::Str(docs.iter().map(|d| d.title.clone()).collect()),
            ),
            (
                "published",
                Col::Date(docs.iter().map(|d| date(d.published)).collect()),
            ),
            (
                "issuer_region_name",
                Col::Str(docs.iter().map(|d| d.issuer_name.clone()).collect()),
            ),
            (
                "issuer_region_code",
                Col::Str(docs.iter().map(|d| d.issuer_code.clone()).collect()),
            ),
            (
                "issuer_region_method",
                Col::Str(
                    docs.iter()
                        .map(|d| d.issuer_method.map(str::to_string))
                        .collect(),
                ),
            ),
            (
                "n_facts",
                Col::I64(docs.iter().map(|d| Some(d.facts.len() as i64)).collect()),
            ),
            (
                "text",
                Col::text(docs.iter().map(|d| Some(d.text.as_str()))),
            ),
        ],
    )
}

/// A row of the facts table: the document and one of its facts.
type FactRow<'r> = (&'r crate::Document, &'r crate::DocFact);

fn facts_batch<'r>(rows: &[FactRow<'r>]) -> Result<RecordBatch, CoreError> {
    let text =
        |get: &dyn Fn(FactRow<'r>) -> Option<&'r str>| Col::text(rows.iter().map(|r| get(*r)));
    let count = |get: &dyn Fn(FactRow<'r>) -> usize| {
        Col::I64(rows.iter().map(|r| Some(get(*r) as i64)).collect())
    };
    let flag =
        |get: &dyn Fn(FactRow<'r>) -> bool| Col::Bool(rows.iter().map(|r| Some(get(*r))).collect());
    batch(
        &FACTS,
        vec![
            ("fact_id", text(&|(_, f)| Some(f.fact_id.as_str()))),
            ("doc_id", text(&|(d, _)| Some(d.doc_id.as_str()))),
            ("source_path", text(&|(d, _)| Some(d.source_path.as_str()))),
            (
                "indicator_id",
                text(&|(_, f)| f.fact.indicator_id.as_deref()),
            ),
            (
                "indicator_text",
                text(&|(_, f)| f.fact.indicator_text.as_deref()),
            ),
            ("subject", text(&|(_, f)| f.fact.subject.as_deref())),
            (
                "value",
                Col::F64(rows.iter().map(|(_, f)| Some(f.fact.value)).collect()),
            ),
            (
                "value_text",
                text(&|(_, f)| Some(f.fact.value_text.as_str())),
            ),
            ("unit", text(&|(_, f)| Some(f.fact.unit.as_str()))),
            ("qualifier", text(&|(_, f)| Some(f.fact.qualifier.as_str()))),
            ("kind", text(&|(_, f)| Some(f.fact.kind.as_str()))),
            (
                "year",
                Col::I32(rows.iter().map(|(_, f)| f.fact.year).collect()),
            ),
            (
                "year_flag",
                text(&|(_, f)| f.fact.year_flag.map(YearFlag::as_str)),
            ),
            (
                "as_of",
                Col::Date(
                    rows.iter()
                        .map(|(_, f)| f.fact.as_of.map(days_from_civil))
                        .collect(),
                ),
            ),
            ("region_name", text(&|(_, f)| f.fact.region_name.as_deref())),
            ("region_code", text(&|(_, f)| f.region_code.as_deref())),
            ("region_method", text(&|(_, f)| f.region_method)),
            ("evidence", text(&|(_, f)| Some(f.fact.evidence.as_str()))),
            ("sentence", text(&|(_, f)| Some(&*f.fact.sentence))),
            ("char_start", count(&|(_, f)| f.fact.char_start)),
            ("char_end", count(&|(_, f)| f.fact.char_end)),
            ("page", Col::I32(rows.iter().map(|(_, f)| f.page).collect())),
            ("rule", text(&|(_, f)| Some(f.fact.rule.as_str()))),
            ("health", flag(&|(_, f)| f.fact.health)),
            ("change", flag(&|(_, f)| f.fact.change)),
        ],
    )
}

pub(crate) fn rejects_batch(problems: &[Problem]) -> Result<RecordBatch, CoreError> {
    let s = |v: &str| Some(v.to_string());
    batch(
        &INGEST_REJECTS,
        vec![
            (
                "source_path",
                Col::Str(problems.iter().map(|p| s(&p.source_path)).collect()),
            ),
            (
                "reason",
                Col::Str(problems.iter().map(|p| s(&p.reason)).collect()),
            ),
            (
                "detail",
                Col::Str(problems.iter().map(|p| s(&p.detail)).collect()),
            ),
            (
                "n_bytes",
                Col::I64(
                    problems
                        .iter()
                        .map(|p| p.n_bytes.map(|n| n as i64))
                        .collect(),
                ),
            ),
            (
                "outcome",
                Col::Str(problems.iter().map(|p| s(p.outcome)).collect()),
            ),
        ],
    )
}

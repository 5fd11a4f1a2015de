//! Writing the staged tables: documents, facts and ingest rejects.

use std::collections::BTreeMap;
use std::path::Path;

use countypanel_core::CoreError;
use countypanel_core::contract::{DOCUMENTS, FACTS, INGEST_REJECTS};
use countypanel_core::parquet_io::{WriteMeta, write_table, write_tables};
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
}

impl IngestSummary {
    /// Rejected files in all.
    #[must_use]
    pub fn n_rejected(&self) -> usize {
        self.rejected.values().sum()
    }
}

/// Most text bytes in one batch of documents.
const CHUNK_BYTES: usize = 256 << 20;
/// Most facts in one batch (a fact's sentence is at most 1,200 characters).
const CHUNK_ROWS: usize = 100_000;

/// Writes `documents.parquet` and `facts.parquet` to `staged` and `ingest_rejects.parquet` to
/// `qa`, each atomically, and returns the run's counts.
pub fn write_outputs(
    outcomes: &[Outcome],
    documents_path: &Path,
    facts_path: &Path,
    rejects_path: &Path,
    base: &WriteMeta,
) -> Result<IngestSummary, CoreError> {
    let mut summary = IngestSummary {
        files: outcomes.len(),
        ..IngestSummary::default()
    };
    let mut meta = base.clone();
    meta.inputs = outcomes
        .iter()
        .map(|o| match o {
            Outcome::Document(d) => (d.source_path.clone(), d.sha256.clone()),
            Outcome::Rejected(r) => (r.source_path.clone(), format!("rejected:{}", r.reason)),
        })
        .collect();

    let docs: Vec<&crate::Document> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Document(d) => Some(d.as_ref()),
            Outcome::Rejected(_) => None,
        })
        .collect();
    // One row per rejected file, and one per warning of a file that was read, in input order.
    let mut problems: Vec<(&str, &str, &str, Option<u64>, &str)> = Vec::new();
    for o in outcomes {
        match o {
            Outcome::Rejected(r) => {
                *summary.rejected.entry(r.reason.to_string()).or_default() += 1;
                problems.push((&r.source_path, r.reason, &r.detail, r.n_bytes, "rejected"));
            }
            Outcome::Document(d) => {
                for w in &d.warnings {
                    *summary.warnings.entry(w.reason.to_string()).or_default() += 1;
                    problems.push((&d.source_path, w.reason, &w.detail, Some(d.n_bytes), "read"));
                }
            }
        }
    }
    summary.documents = docs.len();
    summary.bytes = docs.iter().map(|d| d.n_bytes).sum();

    let s = |v: &str| Some(v.to_string());
    let date = |d: Option<(i32, u32, u32)>| d.map(days_from_civil);
    let documents_batch = |docs: &[&crate::Document]| {
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
                ("text", Col::Str(docs.iter().map(|d| s(&d.text)).collect())),
            ],
        )
    };

    let rows: Vec<(&crate::Document, &crate::DocFact)> = docs
        .iter()
        .flat_map(|d| d.facts.iter().map(move |f| (*d, f)))
        .collect();
    summary.facts = rows.len();
    summary.facts_catalogued = rows
        .iter()
        .filter(|(_, f)| f.fact.indicator_id.is_some())
        .count();
    let facts_batch = |rows: &[(&crate::Document, &crate::DocFact)]| {
        batch(
            &FACTS,
            vec![
                (
                    "fact_id",
                    Col::Str(rows.iter().map(|(_, f)| s(&f.fact_id)).collect()),
                ),
                (
                    "doc_id",
                    Col::Str(rows.iter().map(|(d, _)| s(&d.doc_id)).collect()),
                ),
                (
                    "source_path",
                    Col::Str(rows.iter().map(|(d, _)| s(&d.source_path)).collect()),
                ),
                (
                    "indicator_id",
                    Col::Str(
                        rows.iter()
                            .map(|(_, f)| f.fact.indicator_id.clone())
                            .collect(),
                    ),
                ),
                (
                    "indicator_text",
                    Col::Str(
                        rows.iter()
                            .map(|(_, f)| f.fact.indicator_text.clone())
                            .collect(),
                    ),
                ),
                (
                    "subject",
                    Col::Str(rows.iter().map(|(_, f)| f.fact.subject.clone()).collect()),
                ),
                (
                    "value",
                    Col::F64(rows.iter().map(|(_, f)| Some(f.fact.value)).collect()),
                ),
                (
                    "value_text",
                    Col::Str(rows.iter().map(|(_, f)| s(&f.fact.value_text)).collect()),
                ),
                (
                    "unit",
                    Col::Str(rows.iter().map(|(_, f)| s(f.fact.unit)).collect()),
                ),
                (
                    "qualifier",
                    Col::Str(
                        rows.iter()
                            .map(|(_, f)| s(f.fact.qualifier.as_str()))
                            .collect(),
                    ),
                ),
                (
                    "kind",
                    Col::Str(rows.iter().map(|(_, f)| s(f.fact.kind.as_str())).collect()),
                ),
                (
                    "year",
                    Col::I32(rows.iter().map(|(_, f)| f.fact.year).collect()),
                ),
                (
                    "year_flag",
                    Col::Str(
                        rows.iter()
                            .map(|(_, f)| f.fact.year_flag.map(str::to_string))
                            .collect(),
                    ),
                ),
                (
                    "as_of",
                    Col::Date(rows.iter().map(|(_, f)| date(f.fact.as_of)).collect()),
                ),
                (
                    "region_name",
                    Col::Str(
                        rows.iter()
                            .map(|(_, f)| f.fact.region_name.clone())
                            .collect(),
                    ),
                ),
                (
                    "region_code",
                    Col::Str(rows.iter().map(|(_, f)| f.region_code.clone()).collect()),
                ),
                (
                    "region_method",
                    Col::Str(
                        rows.iter()
                            .map(|(_, f)| f.region_method.map(str::to_string))
                            .collect(),
                    ),
                ),
                (
                    "evidence",
                    Col::Str(rows.iter().map(|(_, f)| s(&f.fact.evidence)).collect()),
                ),
                (
                    "sentence",
                    Col::Str(rows.iter().map(|(_, f)| s(&f.fact.sentence)).collect()),
                ),
                (
                    "char_start",
                    Col::I64(
                        rows.iter()
                            .map(|(_, f)| Some(f.fact.char_start as i64))
                            .collect(),
                    ),
                ),
                (
                    "char_end",
                    Col::I64(
                        rows.iter()
                            .map(|(_, f)| Some(f.fact.char_end as i64))
                            .collect(),
                    ),
                ),
                (
                    "rule",
                    Col::Str(rows.iter().map(|(_, f)| s(f.fact.rule)).collect()),
                ),
            ],
        )
    };

    let rejected = batch(
        &INGEST_REJECTS,
        vec![
            (
                "source_path",
                Col::Str(problems.iter().map(|p| s(p.0)).collect()),
            ),
            (
                "reason",
                Col::Str(problems.iter().map(|p| s(p.1)).collect()),
            ),
            (
                "detail",
                Col::Str(problems.iter().map(|p| s(p.2)).collect()),
            ),
            (
                "n_bytes",
                Col::I64(problems.iter().map(|p| p.3.map(|n| n as i64)).collect()),
            ),
            (
                "outcome",
                Col::Str(problems.iter().map(|p| s(p.4)).collect()),
            ),
        ],
    )?;

    // Written in row groups of bounded size: one Arrow string array holds at most 2 GiB, and a
    // national batch of documents' texts is larger than that.
    let mut documents = Vec::new();
    let mut from = 0;
    let mut bytes = 0;
    for (i, d) in docs.iter().enumerate() {
        bytes += d.text.len();
        if bytes > CHUNK_BYTES || i + 1 == docs.len() {
            documents.push(documents_batch(&docs[from..=i])?);
            from = i + 1;
            bytes = 0;
        }
    }
    let facts = rows
        .chunks(CHUNK_ROWS)
        .map(facts_batch)
        .collect::<Result<Vec<_>, _>>()?;
    write_tables(documents_path, &DOCUMENTS, &documents, &meta)?;
    write_tables(facts_path, &FACTS, &facts, &meta)?;
    write_table(rejects_path, &INGEST_REJECTS, &rejected, &meta)?;
    Ok(summary)
}

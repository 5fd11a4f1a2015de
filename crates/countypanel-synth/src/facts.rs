//! `countypanel-synth --facts-rows N`: a deterministic synthetic staged layer (a facts
//! table and its documents table) of any size, for measuring the clean and aggregate stages at
//! national scale without reading reports first.
//!
//! Documents are reports of the county-level regions valid in each year; each states a random
//! subset of the catalog's indicators. A cell (region, year, indicator, kind) has one true value,
//! a function of the cell and the seed, so that further reports of the same county-year (later
//! editions) repeat it: the duplicates clean merges. One repeat in twenty states a slightly
//! different value: the conflicts clean reports. One fact in ten is a target (for the report's
//! year), one in ten carries 以上 (`ge`). Every fact passes clean's rules (codes valid in their year, values
//! in the catalog's range, whole counts), so the work measured is deduplication, choice, ranking
//! and pivoting, not quarantine. Tables are written in row groups, so memory stays small at any
//! size.

use std::path::Path;

use anyhow::Result;
use countypanel_core::catalog::Catalog;
use countypanel_core::contract::{DOCUMENTS, FACTS};
use countypanel_core::date::days_from_civil;
use countypanel_core::parquet_io::{TableWriter, WriteMeta};
use countypanel_core::table::{Col, batch};
use countypanel_regions::Gazetteer;

/// Rows per written batch.
const BATCH_ROWS: usize = 500_000;

/// What a run wrote.
pub struct WrittenTable {
    /// Fact rows.
    pub facts: usize,
    /// Document rows.
    pub documents: usize,
    /// Passes over every county-year (each pass after the first repeats cells).
    pub editions: u32,
}

use countypanel_core::rng::mix;

fn key(parts: &[u64]) -> u64 {
    parts.iter().fold(0, |h, &p| mix(h ^ p))
}

#[derive(Default)]
struct Facts {
    fact_id: Vec<Option<String>>,
    doc_id: Vec<Option<String>>,
    source_path: Vec<Option<String>>,
    indicator_id: Vec<Option<String>>,
    indicator_text: Vec<Option<String>>,
    value: Vec<Option<f64>>,
    value_text: Vec<Option<String>>,
    unit: Vec<Option<String>>,
    qualifier: Vec<Option<String>>,
    kind: Vec<Option<String>>,
    year: Vec<Option<i32>>,
    region_name: Vec<Option<String>>,
    region_code: Vec<Option<String>>,
    evidence: Vec<Option<String>>,
    sentence: Vec<Option<String>>,
    char_start: Vec<Option<i64>>,
    char_end: Vec<Option<i64>>,
}

impl Facts {
    fn len(&self) -> usize {
        self.fact_id.len()
    }

    fn take_batch(&mut self) -> Result<arrow::record_batch::RecordBatch> {
        let f = std::mem::take(self);
        let n = f.fact_id.len();
        let text = |s: &str| Col::Str(vec![Some(s.to_string()); n]);
        Ok(batch(
            &FACTS,
            vec![
                ("fact_id", Col::Str(f.fact_id)),
                ("doc_id", Col::Str(f.doc_id)),
                ("source_path", Col::Str(f.source_path)),
                ("indicator_id", Col::Str(f.indicator_id)),
                ("indicator_text", Col::Str(f.indicator_text)),
                ("subject", Col::Str(vec![None; n])),
                ("value", Col::F64(f.value)),
                ("value_text", Col::Str(f.value_text)),
                ("unit", Col::Str(f.unit)),
                ("qualifier", Col::Str(f.qualifier)),
                ("kind", Col::Str(f.kind)),
                ("year", Col::I32(f.year)),
                ("year_flag", Col::Str(vec![None; n])),
                ("as_of", Col::Date(vec![None; n])),
                ("region_name", Col::Str(f.region_name)),
                ("region_code", Col::Str(f.region_code)),
                ("region_method", text("exact")),
                ("evidence", Col::Str(f.evidence)),
                ("sentence", Col::Str(f.sentence)),
                ("char_start", Col::I64(f.char_start)),
                ("char_end", Col::I64(f.char_end)),
                ("page", Col::I32(vec![None; n])),
                ("rule", text("synthetic")),
                ("health", Col::Bool(vec![Some(true); n])),
                ("change", Col::Bool(vec![Some(false); n])),
            ],
        )?)
    }
}

#[derive(Default)]
struct Docs {
    doc_id: Vec<Option<String>>,
    source_path: Vec<Option<String>>,
    title: Vec<Option<String>>,
    published: Vec<Option<i32>>,
    issuer_name: Vec<Option<String>>,
    issuer_code: Vec<Option<String>>,
    n_facts: Vec<Option<i64>>,
}

impl Docs {
    fn take_batch(&mut self) -> Result<arrow::record_batch::RecordBatch> {
        let d = std::mem::take(self);
        let n = d.doc_id.len();
        let text = |s: &str| Col::Str(vec![Some(s.to_string()); n]);
        Ok(batch(
            &DOCUMENTS,
            vec![
                ("doc_id", Col::Str(d.doc_id)),
                ("source_path", Col::Str(d.source_path)),
                ("format", text("txt")),
                ("encoding", text("UTF-8")),
                ("n_bytes", Col::I64(vec![Some(0); n])),
                ("n_chars", Col::I64(vec![Some(0); n])),
                ("n_replacements", Col::I64(vec![Some(0); n])),
                ("title", Col::Str(d.title)),
                ("published", Col::Date(d.published)),
                ("issuer_region_name", Col::Str(d.issuer_name)),
                ("issuer_region_code", Col::Str(d.issuer_code)),
                ("issuer_region_method", text("exact")),
                ("n_facts", Col::I64(d.n_facts)),
                ("text", text("")),
            ],
        )?)
    }
}

/// A value in `[lo, hi]` drawn from `h`: percents with one decimal, other units whole.
fn value_in(h: u64, lo: f64, hi: f64, percent: bool) -> f64 {
    let u = (h % 1_000_000) as f64 / 1_000_000.0;
    let v = lo + u * (hi - lo);
    if percent {
        ((v * 10.0).floor() / 10.0).clamp(lo, hi)
    } else {
        v.floor().clamp(lo.ceil(), hi.floor())
    }
}

/// One synthetic report: a county's report of a year, in an edition.
struct Report<'a> {
    seed: u64,
    doc_key: u64,
    doc_id: &'a str,
    path: &'a str,
    code_n: u64,
    year: i32,
    edition: u64,
    county: &'a countypanel_regions::Candidate,
}

impl Report<'_> {
    /// Adds the report's row to the documents table, with the number of facts it states.
    fn push_document(&self, d: &mut Docs, stated: i64) {
        // Published in the first half of the next year, later editions later.
        let published = days_from_civil((
            self.year + 1,
            (1 + (self.edition % 6)) as u32,
            (1 + self.doc_key % 28) as u32,
        ));
        d.doc_id.push(Some(self.doc_id.to_string()));
        d.source_path.push(Some(self.path.to_string()));
        d.title.push(Some(format!(
            "{}{}年卫生健康工作总结",
            self.county.name, self.year
        )));
        d.published.push(Some(published));
        d.issuer_name.push(Some(self.county.name.clone()));
        d.issuer_code.push(Some(self.county.code.clone()));
        d.n_facts.push(Some(stated));
    }

    /// Adds the report's fact of indicator `i` to `f`, when the report states it (about three
    /// indicators in five); returns whether it does.
    fn push_fact(
        &self,
        i: usize,
        ind: &countypanel_core::catalog::Indicator,
        f: &mut Facts,
    ) -> bool {
        let h = key(&[self.doc_key, i as u64]);
        if h % 100 >= 60 {
            return false; // a report states about three indicators in five
        }
        let target = h.is_multiple_of(10);
        let (kind, fyear) = if target {
            ("target", self.year)
        } else {
            ("actual", self.year)
        };
        let percent = ind.unit == countypanel_core::vocab::Unit::Percent;
        let cell = key(&[
            self.seed,
            self.code_n,
            fyear as u64,
            i as u64,
            u64::from(target),
        ]);
        let (lo, hi) = (ind.range[0], ind.range[1].min(ind.range[0] + 100_000.0));
        let mut value = value_in(cell, lo, hi, percent);
        // A repeat (a later edition) disagrees one time in twenty.
        if self.edition > 0 && (h >> 20).is_multiple_of(20) {
            value = if value + 1.0 <= hi {
                value + 1.0
            } else {
                value - 1.0
            };
        }
        let vt = if percent {
            format!("{value:.1}%")
        } else {
            format!("{}", value as i64)
        };
        let qualifier = if (h >> 8).is_multiple_of(10) {
            "ge"
        } else {
            "eq"
        };
        let evidence = format!("{}{}", ind.name, vt);
        let sentence = format!("{}年，{}{evidence}。", self.year, self.county.name);
        let start = sentence.chars().count() - evidence.chars().count() - 1;
        f.fact_id
            .push(Some(format!("{:016x}", key(&[self.doc_key, i as u64, 1]))));
        f.doc_id.push(Some(self.doc_id.to_string()));
        f.source_path.push(Some(self.path.to_string()));
        f.indicator_id.push(Some(ind.id.clone()));
        f.indicator_text.push(Some(ind.name.clone()));
        f.value.push(Some(value));
        f.value_text.push(Some(vt));
        f.unit.push(Some(ind.unit.as_str().to_string()));
        f.qualifier.push(Some(qualifier.into()));
        f.kind.push(Some(kind.into()));
        f.year.push(Some(fyear));
        f.region_name.push(Some(self.county.name.clone()));
        f.region_code.push(Some(self.county.code.clone()));
        f.evidence.push(Some(evidence));
        f.sentence.push(Some(sentence));
        f.char_start.push(Some(start as i64));
        f.char_end
            .push(Some((start + ind.name.chars().count() + 4) as i64));
        true
    }
}

/// Writes `out/facts.parquet` and `out/documents.parquet` with `rows` facts.
pub fn generate_table(
    g: &Gazetteer,
    catalog: &Catalog,
    out: &Path,
    rows: usize,
    years: (i32, i32),
    seed: u64,
) -> Result<WrittenTable> {
    let meta = WriteMeta {
        producer: format!("countypanel-synth {}", env!("CARGO_PKG_VERSION")),
        region_vintage: "2023".into(),
        ..WriteMeta::default()
    };
    let mut facts_w = TableWriter::create(&out.join("facts.parquet"), &FACTS, &meta)?;
    let mut docs_w = TableWriter::create(&out.join("documents.parquet"), &DOCUMENTS, &meta)?;
    let counties: Vec<(i32, Vec<countypanel_regions::Candidate>)> =
        (years.0..=years.1).map(|y| (y, g.counties_in(y))).collect();
    let inds = &catalog.indicators;
    let (mut f, mut d) = (Facts::default(), Docs::default());
    let (mut n_facts, mut n_docs) = (0usize, 0usize);
    let mut editions = 0;
    'all: for edition in 0u64.. {
        editions += 1;
        for (year, list) in &counties {
            let year = *year;
            for c in list {
                let code_n: u64 = c.code.parse().unwrap_or(0);
                let doc_key = key(&[seed, code_n, year as u64, edition]);
                let doc_id = format!("{doc_key:016x}");
                let path = format!("synthetic/{}/{}_{year}_{edition}.txt", &c.code[..2], c.code);
                let mut stated = 0i64;
                let report = Report {
                    seed,
                    doc_key,
                    doc_id: &doc_id,
                    path: &path,
                    code_n,
                    year,
                    edition,
                    county: c,
                };
                for (i, ind) in inds.iter().enumerate() {
                    if !report.push_fact(i, ind, &mut f) {
                        continue;
                    }
                    stated += 1;
                    n_facts += 1;
                    if f.len() >= BATCH_ROWS {
                        facts_w.write(&f.take_batch()?)?;
                    }
                    if n_facts >= rows {
                        break;
                    }
                }
                report.push_document(&mut d, stated);
                n_docs += 1;
                if d.doc_id.len() >= BATCH_ROWS {
                    docs_w.write(&d.take_batch()?)?;
                }
                if n_facts >= rows {
                    break 'all;
                }
            }
        }
    }
    if !f.fact_id.is_empty() {
        facts_w.write(&f.take_batch()?)?;
    }
    if !d.doc_id.is_empty() {
        docs_w.write(&d.take_batch()?)?;
    }
    facts_w.finish(&[])?;
    docs_w.finish(&[])?;
    Ok(WrittenTable {
        facts: n_facts,
        documents: n_docs,
        editions,
    })
}

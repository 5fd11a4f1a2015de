//! Fact-level scoring: extracted facts against a gold file.
//!
//! The gold file is a CSV with the columns `doc, region, region_level, year, indicator, value,
//! unit, qualifier, kind, evidence` (one row per hand-checked fact; `doc` is a file name, with or
//! without its extension). A gold fact is **found** when an extracted fact of the same document
//! has the same value (compared as numbers, relative tolerance 1e-9) and the same unit; among
//! several candidates the one whose evidence overlaps the gold evidence is preferred. Each
//! extracted fact is matched to at most one gold fact.
//!
//! - recall = found gold facts / gold facts;
//! - precision = extracted facts that state a gold fact (the same value and unit as a gold fact
//!   of the document, a repeated mention included) / extracted facts; health precision
//!   (`hprec`) the same over the facts flagged as about health;
//! - year, kind and qualifier accuracy are the shares of found facts whose field equals the
//!   gold's (an empty gold year must be an empty year);
//! - indicator agreement: when the gold file has a `std_id` column naming a national indicator,
//!   the fact agrees when its `indicator_id` is that id. Otherwise the fact's own naming of the
//!   measure (its catalog name and phrase, or its subject followed by its indicator text) agrees
//!   with the gold `indicator` when it contains at least half of the gold name's character
//!   bigrams (for one-character names: the character).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use countypanel_core::catalog::Catalog;

use countypanel_ingest::Document;

/// One gold fact.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldFact {
    /// Document name as written in the gold file.
    pub doc: String,
    /// Region as written.
    pub region: String,
    /// Year, if any.
    pub year: Option<i32>,
    /// Canonical indicator name.
    pub indicator: String,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// Qualifier.
    pub qualifier: String,
    /// Kind.
    pub kind: String,
    /// Evidence.
    pub evidence: String,
    /// The id of the national indicator the fact measures, when the gold file has a `std_id`
    /// column and names one.
    pub std_id: Option<String>,
}

/// Reads a gold CSV.
pub fn read_gold(path: &Path) -> Result<Vec<GoldFact>, String> {
    let mut r = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = r
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .ok_or_else(|| format!("{}: column `{name}` is missing", path.display()))
    };
    let (c_doc, c_region, c_year, c_ind, c_value, c_unit, c_qual, c_kind, c_ev) = (
        col("doc")?,
        col("region")?,
        col("year")?,
        col("indicator")?,
        col("value")?,
        col("unit")?,
        col("qualifier")?,
        col("kind")?,
        col("evidence")?,
    );
    let c_std = col("std_id").ok();
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}, row {}: {e}", path.display(), i + 2))?;
        let get = |k: usize| rec.get(k).unwrap_or("").trim().to_string();
        let value: f64 = get(c_value).parse().map_err(|_| {
            format!(
                "{}, row {}: value `{}` is not a number",
                path.display(),
                i + 2,
                get(c_value)
            )
        })?;
        let year = match get(c_year).as_str() {
            "" => None,
            y => Some(y.parse().map_err(|_| {
                format!(
                    "{}, row {}: year `{y}` is not a year",
                    path.display(),
                    i + 2
                )
            })?),
        };
        out.push(GoldFact {
            doc: get(c_doc),
            region: get(c_region),
            year,
            indicator: get(c_ind),
            value,
            unit: get(c_unit),
            qualifier: get(c_qual),
            kind: get(c_kind),
            evidence: get(c_ev),
            std_id: c_std.map(get).filter(|s| !s.is_empty()),
        });
    }
    Ok(out)
}

/// Counts of one document or of all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold facts.
    pub gold: usize,
    /// Extracted facts.
    pub extracted: usize,
    /// Gold facts found.
    pub found: usize,
    /// Extracted facts that state a gold fact.
    pub correct: usize,
    /// Found facts with the right year.
    pub year_ok: usize,
    /// Found facts with the right kind.
    pub kind_ok: usize,
    /// Found facts with the right qualifier.
    pub qualifier_ok: usize,
    /// Found facts whose naming agrees with the gold indicator.
    pub indicator_ok: usize,
    /// Extracted facts flagged as about health.
    pub extracted_health: usize,
    /// Of those, facts that state a gold fact.
    pub correct_health: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.extracted += o.extracted;
        self.found += o.found;
        self.correct += o.correct;
        self.year_ok += o.year_ok;
        self.kind_ok += o.kind_ok;
        self.qualifier_ok += o.qualifier_ok;
        self.indicator_ok += o.indicator_ok;
        self.extracted_health += o.extracted_health;
        self.correct_health += o.correct_health;
    }

    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 1.0 } else { a as f64 / b as f64 }
    }

    /// Share of gold facts found.
    #[must_use]
    pub fn recall(&self) -> f64 {
        Self::ratio(self.found, self.gold)
    }
    /// Share of extracted facts that state gold facts.
    #[must_use]
    pub fn precision(&self) -> f64 {
        Self::ratio(self.correct, self.extracted)
    }
    /// Share of the facts flagged as about health that state gold facts (the gold holds health
    /// facts only).
    #[must_use]
    pub fn health_precision(&self) -> f64 {
        Self::ratio(self.correct_health, self.extracted_health)
    }
    /// Harmonic mean of precision and recall.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Year accuracy on found facts.
    #[must_use]
    pub fn year_accuracy(&self) -> f64 {
        Self::ratio(self.year_ok, self.found)
    }
    /// Kind accuracy on found facts.
    #[must_use]
    pub fn kind_accuracy(&self) -> f64 {
        Self::ratio(self.kind_ok, self.found)
    }
    /// Qualifier accuracy on found facts.
    #[must_use]
    pub fn qualifier_accuracy(&self) -> f64 {
        Self::ratio(self.qualifier_ok, self.found)
    }
    /// Indicator agreement on found facts.
    #[must_use]
    pub fn indicator_agreement(&self) -> f64 {
        Self::ratio(self.indicator_ok, self.found)
    }
}

/// The result of scoring.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per document, by gold document name.
    pub per_doc: BTreeMap<String, Counts>,
    /// Over all documents.
    pub overall: Counts,
    /// Lines describing misses, extras and disagreements.
    pub details: Vec<String>,
}

fn bigrams(s: &str) -> Vec<(char, char)> {
    let c: Vec<char> = s.chars().collect();
    c.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Whether `naming` names the same measure as the gold `indicator` (see the module docs).
#[must_use]
pub fn names_agree(naming: &str, indicator: &str) -> bool {
    let gold = bigrams(indicator);
    if gold.is_empty() {
        return !indicator.is_empty() && naming.contains(indicator);
    }
    let have = bigrams(naming);
    let hit = gold.iter().filter(|b| have.contains(b)).count();
    hit * 2 >= gold.len()
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The names a gold file may use for a document: its file name and its stem.
#[must_use]
pub fn doc_names(source_path: &str) -> [String; 2] {
    let name = Path::new(source_path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = Path::new(&name)
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    [name, stem]
}

/// Scores the facts of `docs` against `gold`.
#[must_use]
pub fn score(docs: &[&Document], gold: &[GoldFact], catalog: &Catalog) -> Report {
    let mut report = Report::default();
    // Gold facts by document, and documents by file name and stem: one pass each, so a corpus of
    // tens of thousands of documents scores in linear time.
    let mut by_gold_doc: std::collections::BTreeMap<&str, Vec<&GoldFact>> =
        std::collections::BTreeMap::new();
    for g in gold {
        by_gold_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let mut by_name: std::collections::HashMap<String, &Document> =
        std::collections::HashMap::new();
    for d in docs {
        for key in doc_names(&d.source_path) {
            by_name.entry(key).or_insert(d);
        }
    }
    for (gd, golds) in by_gold_doc {
        let c = if let Some(doc) = by_name.get(gd).copied() {
            score_doc(gd, doc, &golds, catalog, &mut report.details)
        } else {
            report
                .details
                .push(format!("{gd}: no such document among the inputs"));
            Counts {
                gold: golds.len(),
                ..Counts::default()
            }
        };
        report.overall.add(&c);
        report.per_doc.insert(gd.to_string(), c);
    }
    report
}

/// The counts of one document: each gold fact matched to an extracted fact of its value and
/// unit (the one over its evidence first), then every extracted fact checked against the gold.
fn score_doc(
    gd: &str,
    doc: &Document,
    golds: &[&GoldFact],
    catalog: &Catalog,
    details: &mut Vec<String>,
) -> Counts {
    let mut c = Counts {
        gold: golds.len(),
        extracted: doc.facts.len(),
        ..Counts::default()
    };
    let mut used = vec![false; doc.facts.len()];
    for g in golds {
        judge_gold(gd, doc, g, catalog, &mut used, &mut c, details);
    }
    let chars: Vec<char> = doc.text.chars().collect();
    let facts = &doc.facts;
    for df in facts {
        let states_gold = golds
            .iter()
            .any(|g| same_value(df.fact.value, g.value) && df.fact.unit.as_str() == g.unit);
        c.extracted_health += usize::from(df.fact.health);
        if states_gold {
            c.correct += 1;
            c.correct_health += usize::from(df.fact.health);
        } else {
            let ctx: String = chars
                [df.fact.char_start.saturating_sub(8)..(df.fact.char_end + 4).min(chars.len())]
                .iter()
                .collect();
            details.push(format!(
                "{gd}: EXTRA {} {} [{}] in 「{ctx}」",
                df.fact.value,
                df.fact.unit,
                df.fact.indicator_id.as_deref().unwrap_or("-")
            ));
        }
    }
    c
}

/// Finds the extracted fact of one gold fact and counts what it gets right (year, kind,
/// qualifier, indicator); what it misses goes to `details`.
fn judge_gold(
    gd: &str,
    doc: &Document,
    g: &GoldFact,
    catalog: &Catalog,
    used: &mut [bool],
    c: &mut Counts,
    details: &mut Vec<String>,
) {
    let text_idx = |ev: &str| -> Option<(usize, usize)> {
        let b = doc.text.find(ev)?;
        let s = doc.text[..b].chars().count();
        Some((s, s + ev.chars().count()))
    };
    let facts = &doc.facts;
    let span = text_idx(&g.evidence);
    let candidates: Vec<usize> = (0..facts.len())
        .filter(|&i| {
            !used[i]
                && same_value(facts[i].fact.value, g.value)
                && facts[i].fact.unit.as_str() == g.unit
        })
        .collect();
    let overlaps = |i: usize| {
        span.is_some_and(|(s, e)| facts[i].fact.char_start < e && s < facts[i].fact.char_end)
    };
    let pick = candidates
        .iter()
        .copied()
        .find(|&i| overlaps(i))
        .or_else(|| candidates.first().copied());
    let Some(i) = pick else {
        details.push(format!(
            "{gd}: MISSED {} {} ({}, {}, year {:?}) in 「{}」",
            g.value, g.unit, g.indicator, g.kind, g.year, g.evidence
        ));
        return;
    };
    used[i] = true;
    c.found += 1;
    let f = &facts[i].fact;
    c.year_ok += usize::from(f.year == g.year);
    c.kind_ok += usize::from(f.kind.as_str() == g.kind);
    c.qualifier_ok += usize::from(f.qualifier.as_str() == g.qualifier);
    let naming = match f.indicator_id.as_deref().and_then(|id| catalog.get(id)) {
        Some(ind) => format!("{}{}", ind.name, f.indicator_text.as_deref().unwrap_or("")),
        None => format!(
            "{}{}",
            f.subject.as_deref().unwrap_or(""),
            f.indicator_text.as_deref().unwrap_or("")
        ),
    };
    // A gold fact of a national indicator agrees only with that indicator; other gold
    // facts agree with a naming that shares half their name's bigrams.
    let agrees = match &g.std_id {
        Some(id) => f.indicator_id.as_deref() == Some(id.as_str()),
        None => names_agree(&naming, &g.indicator),
    };
    if agrees {
        c.indicator_ok += 1;
    } else {
        details.push(format!(
            "{gd}: INDICATOR {} {}: extracted 「{naming}」, gold 「{}」",
            g.value, g.unit, g.indicator
        ));
    }
    if f.year != g.year || f.kind.as_str() != g.kind {
        details.push(format!(
            "{gd}: YEAR/KIND {} {} ({}): extracted {:?}/{}, gold {:?}/{} in 「{}」",
            g.value,
            g.unit,
            g.indicator,
            f.year,
            f.kind.as_str(),
            g.year,
            g.kind,
            f.evidence
        ));
    }
}

impl Report {
    /// The report as text: a table per document and overall, then the details when asked.
    #[must_use]
    pub fn render(&self, details: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<28} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "document",
            "gold",
            "extr",
            "found",
            "prec",
            "recall",
            "f1",
            "year",
            "kind",
            "qual",
            "indic",
            "hprec"
        );
        let line = |s: &mut String, name: &str, c: &Counts| {
            let _ = writeln!(
                s,
                "{:<28} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3}",
                name,
                c.gold,
                c.extracted,
                c.found,
                c.precision(),
                c.recall(),
                c.f1(),
                c.year_accuracy(),
                c.kind_accuracy(),
                c.qualifier_accuracy(),
                c.indicator_agreement(),
                c.health_precision()
            );
        };
        for (name, c) in &self.per_doc {
            line(&mut s, name, c);
        }
        line(&mut s, "ALL", &self.overall);
        if details {
            s.push('\n');
            for d in &self.details {
                let _ = writeln!(s, "{d}");
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_agree_by_bigrams() {
        assert!(names_agree("高血压患者规范管理率", "高血压患者规范管理率"));
        assert!(names_agree("糖尿病规范管理率", "糖尿病患者规范管理率"));
        assert!(!names_agree("管理率", "老年人健康管理率"));
    }
}

//! Panel-level scoring: observations against the gold facts of the documents they come from.
//!
//! - **panel recall**: gold facts with a national indicator (`std_id`), a year and a region that
//!   resolves, found as an observation built from a fact of that document with the gold region's
//!   code (valid in the gold year), the same year, `indicator_id = std_id`, the same kind and the
//!   same value (relative tolerance 1e-6);
//! - **panel precision**: observations built only from scored documents that equal some gold
//!   fact of one of their documents on those five.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::facts::GoldFact;

/// One observation as the scorer sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Region code.
    pub region_code: String,
    /// Region name, for messages.
    pub region_name: String,
    /// Year.
    pub year: i32,
    /// Catalog indicator.
    pub indicator_id: String,
    /// `actual` or `target`.
    pub kind: String,
    /// Chosen value.
    pub value: f64,
    /// The names (file name or stem) of the documents behind the cell.
    pub docs: BTreeSet<String>,
}

/// The result of panel scoring.
#[derive(Debug, Clone, Default)]
pub struct PanelReport {
    /// Gold facts with a national indicator, a year and a resolvable region.
    pub eligible: usize,
    /// Of those, found as an observation of the right value, year and kind.
    pub value_year: usize,
    /// Of those, also with the right region.
    pub region: usize,
    /// Of those, also with the right indicator: the panel recall's numerator.
    pub found: usize,
    /// Observations built only from scored documents.
    pub observations: usize,
    /// Of those, equal to a gold fact.
    pub correct: usize,
    /// Gold regions that resolve to no code.
    pub unresolved_regions: BTreeSet<String>,
    /// Missing and wrong cells, one line each.
    pub details: Vec<String>,
}

impl PanelReport {
    /// Share of eligible gold facts found in the right cell.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.eligible)
    }

    /// Share of scored observations that a gold fact states.
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.observations)
    }

    /// One line of figures, then the details when asked.
    #[must_use]
    pub fn render(&self, details: bool) -> String {
        let mut s = format!(
            "PANEL eligible={} observations={} recall={:.3} precision={:.3} value_year={:.3} region_ok={:.3}\n",
            self.eligible,
            self.observations,
            self.recall(),
            self.precision(),
            ratio(self.value_year, self.eligible),
            ratio(self.region, self.eligible),
        );
        if !self.unresolved_regions.is_empty() {
            let names: Vec<&str> = self.unresolved_regions.iter().map(String::as_str).collect();
            let _ = writeln!(s, "unresolved gold regions: {}", names.join(", "));
        }
        if details {
            for d in &self.details {
                let _ = writeln!(s, "{d}");
            }
        }
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// Scores `cells` against `gold`. `codes(region, year)` gives the codes a gold region name may
/// have in a year (empty when it resolves to none); `scored` are the names of the scored
/// documents (as `Cell::docs` names them).
pub fn score_panel(
    cells: &[Cell],
    gold: &[GoldFact],
    scored: &BTreeSet<String>,
    codes: impl Fn(&str, i32) -> Vec<String>,
) -> PanelReport {
    let mut r = PanelReport::default();
    let mut by_doc: BTreeMap<&str, Vec<&Cell>> = BTreeMap::new();
    for c in cells {
        for d in &c.docs {
            by_doc.entry(d.as_str()).or_default().push(c);
        }
    }
    // Gold facts with a year and a region code, by document: what precision compares with.
    let mut placed: BTreeMap<&str, Vec<(&GoldFact, Vec<String>)>> = BTreeMap::new();
    for g in gold {
        let Some(year) = g.year else { continue };
        let region_codes = codes(&g.region, year);
        if region_codes.is_empty() {
            r.unresolved_regions.insert(g.region.clone());
            continue;
        }
        placed
            .entry(g.doc.as_str())
            .or_default()
            .push((g, region_codes.clone()));
        let Some(std_id) = g.std_id.as_deref() else {
            continue;
        };
        judge(&mut r, g, year, std_id, &region_codes, &by_doc);
    }
    for c in cells.iter().filter(|c| c.docs.is_subset(scored)) {
        r.observations += 1;
        let right = c.docs.iter().any(|d| {
            placed.get(d.as_str()).is_some_and(|rows| {
                rows.iter().any(|(g, region_codes)| {
                    g.year == Some(c.year)
                        && g.kind == c.kind
                        && same_value(c.value, g.value)
                        && g.std_id.as_deref() == Some(c.indicator_id.as_str())
                        && region_codes.contains(&c.region_code)
                })
            })
        });
        if right {
            r.correct += 1;
        } else {
            r.details.push(format!(
                "wrong_cell {} {} {} {} {} {}",
                c.region_code, c.region_name, c.year, c.indicator_id, c.value, c.kind
            ));
        }
    }
    r
}

/// Counts how far the panel gets with one gold fact of a national indicator: a cell of its
/// document with its value, year and kind; in its region; of its indicator.
fn judge(
    r: &mut PanelReport,
    g: &GoldFact,
    year: i32,
    std_id: &str,
    region_codes: &[String],
    by_doc: &BTreeMap<&str, Vec<&Cell>>,
) {
    r.eligible += 1;
    let candidates: Vec<&&Cell> = by_doc
        .get(g.doc.as_str())
        .map(|v| {
            v.iter()
                .filter(|c| c.year == year && c.kind == g.kind && same_value(c.value, g.value))
                .collect()
        })
        .unwrap_or_default();
    let miss = |what: &str, got: &str| {
        format!(
            "{what} {} {} {year} {std_id} {} {} 「{}」{got}",
            g.doc, g.region, g.value, g.kind, g.evidence
        )
    };
    if candidates.is_empty() {
        r.details.push(miss("no_cell", ""));
        return;
    }
    r.value_year += 1;
    let in_region: Vec<&&Cell> = candidates
        .iter()
        .copied()
        .filter(|c| region_codes.contains(&c.region_code))
        .collect();
    let Some(first) = in_region.first() else {
        let got = format!(" -> {}", candidates[0].region_code);
        r.details.push(miss("wrong_region", &got));
        return;
    };
    r.region += 1;
    if in_region.iter().any(|c| c.indicator_id == std_id) {
        r.found += 1;
    } else {
        let got = format!(" -> {}", first.indicator_id);
        r.details.push(miss("wrong_indicator", &got));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(doc: &str, std_id: Option<&str>, value: f64) -> GoldFact {
        GoldFact {
            doc: doc.into(),
            region: "平安县".into(),
            year: Some(2021),
            indicator: "村卫生室数".into(),
            value,
            unit: "institution".into(),
            qualifier: "eq".into(),
            kind: "actual".into(),
            evidence: "村卫生室91个".into(),
            std_id: std_id.map(Into::into),
        }
    }

    fn cell(code: &str, indicator: &str, value: f64) -> Cell {
        Cell {
            region_code: code.into(),
            region_name: "平安县".into(),
            year: 2021,
            indicator_id: indicator.into(),
            kind: "actual".into(),
            value,
            docs: ["a".to_string()].into(),
        }
    }

    fn codes(name: &str, _year: i32) -> Vec<String> {
        if name == "平安县" {
            vec!["630221".into()]
        } else {
            Vec::new()
        }
    }

    #[test]
    fn a_cell_counts_only_with_region_indicator_year_kind_and_value() {
        let g = vec![gold("a", Some("village_clinics"), 91.0)];
        let scored: BTreeSet<String> = ["a".to_string()].into();
        let right = score_panel(
            &[cell("630221", "village_clinics", 91.0)],
            &g,
            &scored,
            codes,
        );
        assert_eq!((right.found, right.correct, right.observations), (1, 1, 1));
        let wrong_place = score_panel(
            &[cell("630000", "village_clinics", 91.0)],
            &g,
            &scored,
            codes,
        );
        assert_eq!(
            (
                wrong_place.value_year,
                wrong_place.region,
                wrong_place.correct
            ),
            (1, 0, 0)
        );
        let wrong_ind = score_panel(&[cell("630221", "hospitals", 91.0)], &g, &scored, codes);
        assert_eq!((wrong_ind.region, wrong_ind.found), (1, 0));
        assert!(
            wrong_ind
                .details
                .iter()
                .any(|d| d.starts_with("wrong_cell"))
        );
    }

    #[test]
    fn gold_without_a_national_indicator_is_not_eligible_and_cells_of_other_documents_are_not_scored()
     {
        let g = vec![gold("a", None, 91.0)];
        let scored: BTreeSet<String> = ["b".to_string()].into();
        let r = score_panel(
            &[cell("630221", "village_clinics", 91.0)],
            &g,
            &scored,
            codes,
        );
        assert_eq!((r.eligible, r.observations), (0, 0));
        assert!((r.recall() - 1.0).abs() < 1e-12);
    }
}

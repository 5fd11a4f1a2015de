//! `countypanel check`: a panel against a reference table, cell by cell. The reference (a
//! yearbook table, say) is read through the pipeline's table mapping as ingest reads it; each of
//! its cells is found in the observations with the same value, with another value, or not at all.

use countypanel_core::vocab::Kind;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};
use countypanel_core::contract::OBSERVATIONS;
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::{floats, ints, strings};
use countypanel_ingest::{Outcome, Reader};

/// A cell: region code, year, indicator.
type Key = (String, i64, String);

/// How a panel compares with a reference table.
#[derive(Debug, Default)]
pub struct Agreement {
    /// Reference cells with a region, a year and an indicator.
    pub cells: usize,
    /// Found in the panel with the same value (one of the reference's, when it states several).
    pub same: usize,
    /// Found with another value: the cell, the reference values, the panel's.
    pub other: Vec<(Key, Vec<f64>, f64)>,
    /// Not in the panel.
    pub missing: Vec<Key>,
    /// Reference values whose region did not resolve.
    pub unresolved: usize,
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Compares the actual observations at `observations` with the reference table `reference`.
pub fn check(reader: &Reader<'_>, reference: &Path, observations: &Path) -> Result<Agreement> {
    let doc = match reader.read_one(reference) {
        Outcome::Document(d) => d,
        Outcome::Rejected(r) => bail!(
            "{}: the reference table could not be read: {} ({})",
            reference.display(),
            r.reason,
            r.detail
        ),
    };
    let mut wanted: BTreeMap<Key, Vec<f64>> = BTreeMap::new();
    let mut a = Agreement::default();
    for f in &doc.facts {
        let (Some(id), Some(year)) = (f.fact.indicator_id.as_ref(), f.fact.year) else {
            continue;
        };
        let Some(code) = f.region_code.clone() else {
            a.unresolved += 1;
            continue;
        };
        wanted
            .entry((code, i64::from(year), id.clone()))
            .or_default()
            .push(f.fact.value);
    }
    let obs = read_table(observations, &OBSERVATIONS)?;
    let (codes, years) = (strings(&obs, "region_code")?, ints(&obs, "year")?);
    let (ids, kinds, values) = (
        strings(&obs, "indicator_id")?,
        strings(&obs, "kind")?,
        floats(&obs, "value")?,
    );
    let panel: BTreeMap<Key, f64> = (0..obs.num_rows())
        .filter(|&i| kinds[i].as_deref() == Some(Kind::Actual.as_str()))
        .filter_map(|i| Some(((codes[i].clone()?, years[i]?, ids[i].clone()?), values[i]?)))
        .collect();
    a.cells = wanted.len();
    for (key, refs) in wanted {
        match panel.get(&key) {
            Some(&v) if refs.iter().any(|&r| same(r, v)) => a.same += 1,
            Some(&v) => a.other.push((key, refs, v)),
            None => a.missing.push(key),
        }
    }
    Ok(a)
}

impl Agreement {
    /// A summary line, then up to `details` differing and missing cells.
    #[must_use]
    pub fn render(&self, details: usize) -> String {
        let pct = |n: usize| {
            if self.cells == 0 {
                0.0
            } else {
                100.0 * n as f64 / self.cells as f64
            }
        };
        let mut s = format!(
            "reference cells {}: same value {} ({:.2}%), another value {} ({:.2}%), missing {} ({:.2}%); {} reference values without a region\n",
            self.cells,
            self.same,
            pct(self.same),
            self.other.len(),
            pct(self.other.len()),
            self.missing.len(),
            pct(self.missing.len()),
            self.unresolved
        );
        for ((code, year, id), refs, v) in self.other.iter().take(details) {
            let _ = writeln!(
                s,
                "other\t{code}\t{year}\t{id}\treference {refs:?}\tpanel {v}"
            );
        }
        for (code, year, id) in self.missing.iter().take(details) {
            let _ = writeln!(s, "missing\t{code}\t{year}\t{id}");
        }
        s
    }
}

//! `countypanel explain REGION YEAR INDICATOR`: where a number of the summary comes from.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};
use arrow::array::{Array, ListArray, StringArray};
use arrow::record_batch::RecordBatch;
use countypanel_core::catalog::{Catalog, Indicator};
use countypanel_core::contract::{DOCUMENTS, FACTS, OBSERVATIONS, QUARANTINE};
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::{floats, ints, strings};
use countypanel_regions::{Gazetteer, Status};

/// Paths of the tables explain reads.
pub struct Tables<'a> {
    pub observations: &'a Path,
    pub facts: &'a Path,
    pub documents: &'a Path,
    pub quarantine: &'a Path,
}

pub(crate) fn list_at(
    batch: &arrow::record_batch::RecordBatch,
    name: &str,
    row: usize,
) -> Vec<String> {
    let col = batch.column_by_name(name).expect("contract column");
    let list = col
        .as_any()
        .downcast_ref::<ListArray>()
        .expect("list column");
    let values = list.value(row);
    let s = arrow::compute::cast(&values, &arrow::datatypes::DataType::Utf8).expect("text list");
    let s = s.as_any().downcast_ref::<StringArray>().expect("strings");
    (0..s.len())
        .filter(|&i| s.is_valid(i))
        .map(|i| s.value(i).to_string())
        .collect()
}

/// The sentence with the evidence marked 【like this】.
fn marked(sentence: &str, evidence: &str) -> String {
    match sentence.find(evidence) {
        Some(p) if !evidence.is_empty() => {
            format!(
                "{}【{evidence}】{}",
                &sentence[..p],
                &sentence[p + evidence.len()..]
            )
        }
        _ => format!("{sentence} 【{evidence}】"),
    }
}

/// The code of a region given by code or name, in `year`.
fn region_code(region: &str, year: i32, gazetteer: &Gazetteer) -> Result<String> {
    if region.len() == 6 && region.bytes().all(|b| b.is_ascii_digit()) {
        Ok(region.to_string())
    } else {
        let r = gazetteer.resolve(region, Some(year), &[]);
        match (r.status, r.code) {
            (Status::Resolved | Status::Retired, Some(c)) => Ok(c),
            (Status::Ambiguous, _) => bail!(
                "`{region}` names several regions in {year}: {}; give the code instead",
                r.candidates
                    .iter()
                    .map(|c| format!("{} {} ({} {})", c.code, c.name, c.province, c.prefecture))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => {
                let hint = gazetteer
                    .suggest(region, year)
                    .map_or_else(String::new, |c| {
                        format!("; did you mean {} ({})?", c.name, c.code)
                    });
                bail!("`{region}` is not a region known in {year}{hint}")
            }
        }
    }
}

/// The catalog indicator an id or a name names.
fn indicator_of<'a>(indicator: &str, catalog: &'a Catalog) -> Result<&'a Indicator> {
    catalog
        .indicators
        .iter()
        .find(|i| i.id == indicator || i.name == indicator)
        .ok_or_else(|| {
            let hint = catalog
                .closest_id(indicator)
                .map_or_else(String::new, |c| format!("; did you mean `{c}`?"));
            anyhow::anyhow!(
                "`{indicator}` is neither an indicator id nor a name of the catalog{hint} \
                 (`countypanel catalog` lists them)"
            )
        })
}

/// The quarantined facts of the cell, one line each with their rule.
fn quarantined(
    s: &mut String,
    t: &Tables<'_>,
    sources: &Sources,
    indicator: &str,
    year: i32,
    code: &str,
) -> Result<()> {
    let q = read_table(t.quarantine, &QUARANTINE)?;
    let q_ind = strings(&q, "indicator_id")?;
    let q_year = ints(&q, "year")?;
    let q_fact = strings(&q, "fact_id")?;
    let q_rule = strings(&q, "rule")?;
    let q_detail = strings(&q, "detail")?;
    let q_ev = strings(&q, "evidence")?;
    for i in 0..q.num_rows() {
        if q_ind[i].as_deref() != Some(indicator) || q_year[i] != Some(i64::from(year)) {
            continue;
        }
        let same_region = sources
            .f_id
            .iter()
            .position(|x| *x == q_fact[i])
            .is_some_and(|fi| sources.f_code[fi].as_deref() == Some(code));
        if same_region {
            let _ = writeln!(
                s,
                "  quarantined: 「{}」 {}: {}",
                q_ev[i].as_deref().unwrap_or(""),
                q_rule[i].as_deref().unwrap_or(""),
                q_detail[i].as_deref().unwrap_or("")
            );
        }
    }
    Ok(())
}

/// The facts and documents a cell's sources are printed from.
struct Sources {
    f_id: Vec<Option<String>>,
    f_doc: Vec<Option<String>>,
    f_sentence: Vec<Option<String>>,
    f_evidence: Vec<Option<String>>,
    f_rule: Vec<Option<String>>,
    f_value: Vec<Option<f64>>,
    f_qual: Vec<Option<String>>,
    f_page: Vec<Option<i64>>,
    f_code: Vec<Option<String>>,
    d_id: Vec<Option<String>>,
    d_title: Vec<Option<String>>,
    d_pub: Vec<Option<String>>,
    d_path: Vec<Option<String>>,
}

impl Sources {
    fn read(facts: &RecordBatch, t: &Tables<'_>) -> Result<Self> {
        let docs = read_table(t.documents, &DOCUMENTS)?;
        Ok(Self {
            f_id: strings(facts, "fact_id")?,
            f_doc: strings(facts, "doc_id")?,
            f_sentence: strings(facts, "sentence")?,
            f_evidence: strings(facts, "evidence")?,
            f_rule: strings(facts, "rule")?,
            f_value: floats(facts, "value")?,
            f_qual: strings(facts, "qualifier")?,
            f_page: ints(facts, "page")?,
            f_code: strings(facts, "region_code")?,
            d_id: strings(&docs, "doc_id")?,
            d_title: strings(&docs, "title")?,
            d_pub: strings(&docs, "published")?,
            d_path: strings(&docs, "source_path")?,
        })
    }

    /// Two lines for fact `fid`: its value, document and page (`*` when chosen), then its
    /// sentence with the evidence marked.
    fn write(&self, s: &mut String, fid: &str, chosen: bool) {
        let Some(i) = self.f_id.iter().position(|x| x.as_deref() == Some(fid)) else {
            return;
        };
        let doc = self.f_doc[i].as_deref().unwrap_or("");
        let di = self.d_id.iter().position(|x| x.as_deref() == Some(doc));
        let get =
            |v: &Vec<Option<String>>| di.and_then(|d| v[d].clone()).unwrap_or_else(|| "-".into());
        let page = self.f_page[i].map_or_else(String::new, |p| format!(", page {p}"));
        let _ = writeln!(
            s,
            "  {} {} {}: {} | published {} | {}{page}",
            if chosen { "*" } else { "-" },
            self.f_value[i].unwrap_or(f64::NAN),
            self.f_qual[i].as_deref().unwrap_or(""),
            get(&self.d_title),
            get(&self.d_pub),
            get(&self.d_path),
        );
        let _ = writeln!(
            s,
            "      {} (rule {}, fact {fid})",
            marked(
                self.f_sentence[i].as_deref().unwrap_or(""),
                self.f_evidence[i].as_deref().unwrap_or("")
            ),
            self.f_rule[i].as_deref().unwrap_or("")
        );
    }
}

/// Builds the explanation text.
pub fn explain(
    region: &str,
    year: i32,
    indicator: &str,
    catalog: &Catalog,
    gazetteer: &Gazetteer,
    t: &Tables<'_>,
) -> Result<String> {
    let code = region_code(region, year, gazetteer)?;
    let ind = indicator_of(indicator, catalog)?;

    let obs = read_table(t.observations, &OBSERVATIONS)?;
    let o_code = strings(&obs, "region_code")?;
    let o_year = ints(&obs, "year")?;
    let o_ind = strings(&obs, "indicator_id")?;
    let rows: Vec<usize> = (0..obs.num_rows())
        .filter(|&i| {
            o_code[i].as_deref() == Some(&code)
                && o_year[i] == Some(i64::from(year))
                && o_ind[i].as_deref() == Some(&ind.id)
        })
        .collect();
    let facts = read_table(t.facts, &FACTS)?;
    let sources = Sources::read(&facts, t)?;

    let name = gazetteer
        .by_code(&code, Some(year))
        .map_or_else(|| code.clone(), |c| c.name);
    let mut s = String::new();
    if rows.is_empty() {
        let _ = writeln!(
            s,
            "{name} ({code}) {year} {} [{}]: no observation",
            ind.name, ind.id
        );
    }
    let o_kind = strings(&obs, "kind")?;
    let o_value = floats(&obs, "value")?;
    let o_unit = strings(&obs, "unit")?;
    let o_qual = strings(&obs, "qualifier")?;
    let o_sources = ints(&obs, "n_sources")?;
    let o_conflict = strings(&obs, "conflict")?;
    let o_chosen = strings(&obs, "chosen_fact_id")?;
    for &r in &rows {
        let _ = writeln!(
            s,
            "{name} ({code}) {year} {} [{}], {}: {} {}{} — {} source(s){}",
            ind.name,
            ind.id,
            o_kind[r].as_deref().unwrap_or(""),
            o_value[r].unwrap_or(f64::NAN),
            o_unit[r].as_deref().unwrap_or(""),
            match o_qual[r].as_deref() {
                Some("eq") | None => String::new(),
                Some(q) => format!(" ({q})"),
            },
            o_sources[r].unwrap_or(0),
            if o_conflict[r].as_deref() == Some("true") {
                ", sources disagree"
            } else {
                ""
            }
        );
        for fid in list_at(&obs, "fact_ids", r) {
            sources.write(&mut s, &fid, o_chosen[r].as_deref() == Some(&fid));
        }
    }
    if t.quarantine.exists() {
        quarantined(&mut s, t, &sources, &ind.id, year, &code)?;
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_marked_in_its_sentence() {
        assert_eq!(
            marked("全县签约率83%,建档率95%", "签约率83%"),
            "全县【签约率83%】,建档率95%"
        );
    }
}

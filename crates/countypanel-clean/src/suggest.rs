//! Region names that resolve to nothing but are close to one region of their year: each is
//! listed with its suggestion, the basis of it, its facts and an example; the suggestion is
//! applied only when the pipeline file says so.
//!
//! The bases, in the order they are tried:
//! - `one_edit_in_province`: one region of the province of the regions the document names around
//!   the name is a character away (a yearbook's rows run province by province: 华莹市 among 四川
//!   counties is 华蓥市, not 陕西's 华阴市);
//! - `two_edits_in_province`: a name of five characters or more of which none of that province
//!   is a character away and one is two away (马边舞族自制县 → 马边彝族自治县);
//! - `one_edit`: no province is known around the name and one region of the country is a
//!   character away (满州里市 for 满洲里市).
//!
//! A name the regions around place in a province gets no suggestion from another province.

use std::collections::HashMap;

use countypanel_core::catalog::edit_distance;
use countypanel_core::frame::{frame_ints as ints, frame_strings as strings};
use countypanel_regions::{Candidate, Gazetteer};
use polars::prelude::*;

use crate::{CleanError, pl_err};

/// The suggestions table for the facts whose region did not resolve, and the facts with the
/// suggestions applied when `accept` (their `region_code` filled in).
pub fn region_suggestions(
    facts: DataFrame,
    gazetteer: &Gazetteer,
    accept: bool,
) -> Result<(DataFrame, DataFrame), CleanError> {
    let unresolved = unresolved_names(&facts)?;
    let names = strings(&unresolved, "region_name")?;
    let years = ints(&unresolved, "year")?;
    let near: Vec<Vec<(Candidate, usize)>> = names
        .iter()
        .zip(&years)
        .map(|(n, y)| match (n, y) {
            (Some(n), Some(y)) => near_regions(gazetteer, n, *y),
            _ => Vec::new(),
        })
        .collect();
    // The names with a candidate are placed by the province of the regions around them.
    let to_place: Vec<(String, i32)> = near
        .iter()
        .zip(names.iter().zip(&years))
        .filter(|(c, _)| !c.is_empty())
        .filter_map(|(_, (n, y))| Some((n.clone()?, (*y)?)))
        .collect();
    let provinces = if to_place.is_empty() {
        HashMap::new()
    } else {
        provinces_around(&facts, &to_place)?
    };
    let (mut code, mut name, mut basis) = (Vec::new(), Vec::new(), Vec::new());
    for ((n, y), cands) in names.iter().zip(&years).zip(&near) {
        let province = n
            .clone()
            .zip(*y)
            .and_then(|key| provinces.get(&key).cloned());
        let pick = choose(cands, province.as_deref());
        code.push(pick.map(|(c, _)| c.code.clone()));
        name.push(pick.map(|(c, _)| c.name.clone()));
        basis.push(pick.map(|(_, b)| b));
    }
    let mut table = unresolved;
    table
        .with_column(Column::new("suggested_code".into(), code))
        .map_err(pl_err("region suggestions"))?;
    table
        .with_column(Column::new("suggested_name".into(), name))
        .map_err(pl_err("region suggestions"))?;
    table
        .with_column(Column::new("basis".into(), basis))
        .map_err(pl_err("region suggestions"))?;
    let table = table
        .lazy()
        .filter(col("suggested_code").is_not_null())
        .with_columns([lit(accept).alias("applied")])
        .collect()
        .map_err(pl_err("region suggestions"))?;
    if !accept || table.height() == 0 {
        return Ok((facts, table));
    }
    let facts = apply(facts, &table)?;
    Ok((facts, table))
}

/// The names of the facts whose region did not resolve, per year, with their count of facts and
/// an example of their evidence.
fn unresolved_names(facts: &DataFrame) -> Result<DataFrame, CleanError> {
    facts
        .clone()
        .lazy()
        .filter(
            col("region_code")
                .is_null()
                .and(col("region_name").is_not_null())
                .and(col("year").is_not_null()),
        )
        .group_by([col("region_name"), col("year")])
        .agg([
            len().cast(DataType::Int64).alias("n_facts"),
            col("evidence")
                .sort(SortOptions::default())
                .first()
                .alias("example_evidence"),
        ])
        .sort(["region_name", "year"], SortMultipleOptions::default())
        .collect()
        .map_err(pl_err("unresolved regions"))
}

/// The regions of `year` near the name, nearest first: one edit away, or two for a name of five
/// characters or more. Two edits leave too little of a short name (any two-character county
/// name is two edits from any other of its kind); nor is a name that lost two characters of its
/// head (苗族自治县 of some 苗族 autonomous county) a misspelling of one of them.
fn near_regions(gazetteer: &Gazetteer, name: &str, year: i32) -> Vec<(Candidate, usize)> {
    let len = name.chars().count();
    let edits = if len >= 5 { 2 } else { 1 };
    let mut near = gazetteer.near(name, year, edits, edit_distance);
    near.retain(|(c, d)| *d < 2 || c.name.chars().count().abs_diff(len) < 2);
    near
}

/// The facts with the suggested codes of the table filled in where their region did not resolve.
fn apply(facts: DataFrame, table: &DataFrame) -> Result<DataFrame, CleanError> {
    let fixes =
        table
            .clone()
            .lazy()
            .select([col("region_name"), col("year"), col("suggested_code")]);
    facts
        .lazy()
        .join(
            fixes,
            [col("region_name"), col("year")],
            [col("region_name"), col("year")],
            JoinArgs::new(JoinType::Left),
        )
        .with_columns([coalesce(&[col("region_code"), col("suggested_code")]).alias("region_code")])
        .drop(by_name(["suggested_code"], true, false))
        .collect()
        .map_err(pl_err("applying region suggestions"))
}

/// The suggestion for a name and its basis, from its candidates (nearest first) and the
/// province code (two digits) of the regions around it: within that province, the one region a
/// character away, else the one two characters away; with no province known, the one region of
/// the country a character away.
fn choose<'a>(
    cands: &'a [(Candidate, usize)],
    province: Option<&str>,
) -> Option<(&'a Candidate, &'static str)> {
    let at = |d: usize| -> Vec<&'a Candidate> {
        cands
            .iter()
            .filter(|(c, e)| *e == d && province.is_none_or(|p| c.code.starts_with(p)))
            .map(|(c, _)| c)
            .collect()
    };
    match (province, at(1).as_slice(), at(2).as_slice()) {
        (None, [c], _) => Some((c, "one_edit")),
        (Some(_), [c], _) => Some((c, "one_edit_in_province")),
        (Some(_), [], [c]) => Some((c, "two_edits_in_province")),
        _ => None,
    }
}

/// The province (first two digits of the code) of the resolved regions nearest to each
/// unresolved `(name, year)` in its documents: the region named just before and just after it,
/// when they agree or only one exists; over a name's facts, the most common such province.
fn provinces_around(
    facts: &DataFrame,
    names: &[(String, i32)],
) -> Result<HashMap<(String, i32), String>, CleanError> {
    let wanted = df!(
        "region_name" => names.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        "year" => names.iter().map(|(_, y)| *y).collect::<Vec<_>>(),
    )
    .map_err(pl_err("names to place"))?;
    let targets = facts
        .clone()
        .lazy()
        .filter(col("region_code").is_null())
        .select([
            col("doc_id"),
            col("char_start"),
            col("region_name"),
            col("year"),
        ])
        .join(
            wanted.lazy(),
            [col("region_name"), col("year")],
            [col("region_name"), col("year")],
            JoinArgs::new(JoinType::Inner),
        )
        .collect()
        .map_err(pl_err("names to place"))?;
    let docs = targets
        .column("doc_id")
        .map_err(pl_err("names to place"))?
        .unique()
        .map_err(pl_err("names to place"))?;
    let around = facts
        .clone()
        .lazy()
        .filter(col("region_code").is_not_null().and(col("doc_id").is_in(
            lit(docs.as_materialized_series().clone()).implode(false),
            false,
        )))
        .select([
            col("doc_id"),
            col("char_start"),
            col("region_code")
                .str()
                .slice(lit(0), lit(2))
                .alias("province"),
        ])
        .sort(["doc_id", "char_start"], SortMultipleOptions::default())
        .collect()
        .map_err(pl_err("names to place"))?;
    let placed = placed_provinces(&around)?;
    let mut votes: HashMap<(String, i32), HashMap<String, usize>> = HashMap::new();
    let (d, at, n, y) = (
        strings(&targets, "doc_id")?,
        ints(&targets, "char_start")?,
        strings(&targets, "region_name")?,
        ints(&targets, "year")?,
    );
    for i in 0..targets.height() {
        let (Some(d), Some(at), Some(n), Some(y)) = (&d[i], at[i], &n[i], y[i]) else {
            continue;
        };
        if let Some(p) = placed.get(d).and_then(|list| province_at(list, at)) {
            *votes
                .entry((n.clone(), y))
                .or_default()
                .entry(p.to_string())
                .or_default() += 1;
        }
    }
    Ok(votes
        .into_iter()
        .filter_map(|(key, v)| {
            let mut v: Vec<(String, usize)> = v.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.into_iter().next().map(|(p, _)| (key, p))
        })
        .collect())
}

/// Per document, the positions and provinces of its resolved facts, in text order (`around` is
/// sorted by document and position).
fn placed_provinces(around: &DataFrame) -> Result<HashMap<String, Vec<(i32, String)>>, CleanError> {
    let mut placed: HashMap<String, Vec<(i32, String)>> = HashMap::new();
    let (d, at, p) = (
        strings(around, "doc_id")?,
        ints(around, "char_start")?,
        strings(around, "province")?,
    );
    for i in 0..around.height() {
        if let (Some(d), Some(at), Some(p)) = (&d[i], at[i], &p[i]) {
            placed.entry(d.clone()).or_default().push((at, p.clone()));
        }
    }
    Ok(placed)
}

/// The province of the resolved facts just before and just after position `at`: theirs when they
/// agree or only one exists.
fn province_at(list: &[(i32, String)], at: i32) -> Option<&str> {
    let k = list.partition_point(|(a, _)| *a < at);
    let before = k.checked_sub(1).map(|j| list[j].1.as_str());
    let after = list.get(k).map(|x| x.1.as_str());
    match (before, after) {
        (Some(a), Some(b)) if a == b => Some(a),
        (Some(_), Some(_)) => None,
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_province_around_a_name_decides_between_its_near_regions() {
        let g = Gazetteer::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"),
        )
        .unwrap();
        let near = g.near("华莹市", 2004, 1, edit_distance);
        let pick = |p: Option<&str>| choose(&near, p).map(|(c, b)| (c.name.clone(), b));
        assert_eq!(
            pick(None),
            None,
            "华蓥市 and 华阴市 are both a character away"
        );
        assert_eq!(
            pick(Some("51")),
            Some(("华蓥市".to_string(), "one_edit_in_province"))
        );
        assert_eq!(
            pick(Some("61")),
            Some(("华阴市".to_string(), "one_edit_in_province"))
        );
        assert_eq!(
            pick(Some("42")),
            None,
            "none of 湖北's regions is that close"
        );
        let near = g.near("满州里市", 2002, 1, edit_distance);
        assert_eq!(
            choose(&near, None).map(|(c, b)| (c.code.clone(), b)),
            Some(("150781".to_string(), "one_edit"))
        );
    }
}

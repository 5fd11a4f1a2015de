//! The public recognizers-text suite for Chinese numbers and percents, read from
//! `../shared/peer-tests/recognizers-text` beside the project root (or `$COUNTYPANEL_SHARED`).
//!
//! A case passes when the values countypanel finds in the input are the values the suite expects
//! (as numbers, in any order; percents compared as percent numbers). Spans are not compared:
//! countypanel's spans take in the measure word and qualifiers, the suite's do not. Every case
//! that fails must be listed, with its reason, in `tests/peer_divergences.tsv`; a listed case
//! that starts to pass must be taken off the list. The pass rates are printed and are in the
//! crate's README.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use countypanel_zhnum::{Unit, scan};

fn suite_dir() -> PathBuf {
    let shared = std::env::var_os("COUNTYPANEL_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
        PathBuf::from,
    );
    let dir = shared.join("peer-tests/recognizers-text");
    assert!(
        dir.join("NumberModel.json").is_file(),
        "the peer suite is read from ../shared/peer-tests/recognizers-text beside the project root \
         (or $COUNTYPANEL_SHARED/peer-tests/recognizers-text); {} holds none",
        dir.display()
    );
    dir
}

/// (input, expected values) of one model's file.
fn cases(file: &str) -> Vec<(String, Vec<f64>)> {
    let text = std::fs::read_to_string(suite_dir().join(file)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|case| {
            let input = case["Input"].as_str().unwrap().to_string();
            let values = case["Results"]
                .as_array()
                .map(|rs| {
                    rs.iter()
                        .filter_map(|r| r["Resolution"]["value"].as_str())
                        .filter_map(|v| v.trim_end_matches('%').parse::<f64>().ok())
                        .collect()
                })
                .unwrap_or_default();
            (input, values)
        })
        .collect()
}

fn same(mut a: Vec<f64>, mut b: Vec<f64>) -> bool {
    a.sort_by(f64::total_cmp);
    b.sort_by(f64::total_cmp);
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| (x - y).abs() <= 1e-9 * x.abs().max(1.0))
}

/// The values countypanel reads: every quantity (dates and codes aside), or only the
/// proportions, as percent numbers (the suite counts 个百分点 and 千分之 as percentages;
/// countypanel keeps their own units, compared here by value).
fn ours(input: &str, percents_only: bool) -> Vec<f64> {
    scan(input)
        .into_iter()
        .filter(|q| !q.ordinal && !q.value.is_nan())
        .filter_map(|q| match q.unit {
            Unit::Permille if percents_only => Some(q.value / 10.0),
            Unit::Percent | Unit::PercentagePoint => Some(q.value),
            _ if percents_only => None,
            _ => Some(q.value),
        })
        .collect()
}

/// The documented divergences: model -> input -> reason.
fn divergences() -> BTreeMap<(String, String), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peer_divergences.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            let model = f.next().unwrap().to_string();
            let input = f.next().unwrap().to_string();
            let reason = f.next().unwrap_or("").to_string();
            assert!(!reason.is_empty(), "divergence without a reason: {l}");
            ((model, input), reason)
        })
        .collect()
}

#[test]
fn peer_suite_pass_rate_and_documented_divergences() {
    let listed = divergences();
    let mut unlisted = Vec::new();
    let mut now_passing = Vec::new();
    for (model, percents_only) in [("NumberModel", false), ("PercentModel", true)] {
        let all = cases(&format!("{model}.json"));
        let mut passed = 0;
        for (input, expected) in &all {
            let got = ours(input, percents_only);
            let ok = same(got.clone(), expected.clone());
            let key = (model.to_string(), input.replace(['\t', '\n'], " "));
            passed += usize::from(ok);
            match (ok, listed.contains_key(&key)) {
                (false, false) => unlisted.push(format!(
                    "{model}\t{}\texpected {expected:?}, got {got:?}",
                    key.1
                )),
                (true, true) => now_passing.push(format!("{model}\t{}", key.1)),
                _ => {}
            }
        }
        println!(
            "{model}: {passed} of {} cases pass ({:.1}%)",
            all.len(),
            100.0 * passed as f64 / all.len() as f64
        );
    }
    assert!(
        unlisted.is_empty(),
        "{} failing cases are not in tests/peer_divergences.tsv:\n{}",
        unlisted.len(),
        unlisted.join("\n")
    );
    assert!(
        now_passing.is_empty(),
        "these listed divergences pass now; take them off the list:\n{}",
        now_passing.join("\n")
    );
}

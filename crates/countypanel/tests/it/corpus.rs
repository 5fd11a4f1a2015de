//! The synthetic corpus generator: deterministic, and its planted facts are found by extraction.

use std::collections::BTreeMap;
use std::path::Path;

use crate::{countypanel, project, stderr};

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    countypanel_ingest::list_inputs(dir)
        .unwrap()
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (rel, std::fs::read(&p).unwrap())
        })
        .collect()
}

#[test]
fn same_seed_same_bytes_and_the_planted_facts_are_found() {
    let dir = project();
    let root = dir.path();
    for out in ["a", "b"] {
        let o = countypanel(
            root,
            &[
                "gen-corpus",
                "--out",
                out,
                "--mb",
                "0.3",
                "--first-year",
                "2019",
                "--last-year",
                "2020",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (a, b) = (tree(&root.join("a")), tree(&root.join("b")));
    assert!(a.len() > 100, "{} files", a.len());
    assert!(a == b, "two runs with the same seed differ");
    // Some pages are GBK, as in the wild.
    assert!(a.values().any(|bytes| std::str::from_utf8(bytes).is_err()));

    let o = countypanel(
        root,
        &["eval", "--gold", "a/gold.csv", "--docs", "a/reports"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let all: Vec<f64> = text
        .lines()
        .find(|l| l.starts_with("ALL"))
        .unwrap()
        .split_whitespace()
        .skip(4)
        .map(|x| x.parse().unwrap())
        .collect();
    // recall, year, kind, qualifier and indicator agreement on the planted facts
    let (recall, year, kind, qual, indic) = (all[1], all[3], all[4], all[5], all[6]);
    assert!(
        recall >= 0.99 && year >= 0.99 && kind >= 0.99 && qual >= 0.99 && indic >= 0.99,
        "{text}"
    );
}

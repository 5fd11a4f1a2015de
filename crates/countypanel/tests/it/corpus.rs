//! The synthetic generators (`countypanel-synth`): deterministic, the corpus's planted facts are
//! found by extraction and the facts table's facts are all accounted for by clean.

use std::collections::BTreeMap;
use std::path::Path;

use crate::{countypanel, project, stderr};

fn gazetteer(root: &Path) -> countypanel_regions::Gazetteer {
    countypanel_regions::Gazetteer::load(&root.join("data/reference")).unwrap()
}

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
    let g = gazetteer(root);
    for out in ["a", "b"] {
        countypanel_synth::corpus::generate(
            &g,
            &countypanel_synth::corpus::Options {
                out: root.join(out),
                bytes: 300_000,
                years: (2019, 2020),
                seed: 1,
            },
        )
        .unwrap();
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

#[test]
fn a_generated_facts_table_is_deterministic_and_every_fact_is_accounted_for_by_clean() {
    let dir = project();
    let root = dir.path();
    let g = gazetteer(root);
    let catalog =
        countypanel_core::catalog::Catalog::load(&root.join("pipelines/indicators/health.toml"))
            .unwrap();
    for out in ["t1", "t2"] {
        countypanel_synth::facts::generate_table(
            &g,
            &catalog,
            &root.join(out),
            400_000,
            (2019, 2019),
            1,
        )
        .unwrap();
    }
    for name in ["facts.parquet", "documents.parquet"] {
        let a = std::fs::read(root.join("t1").join(name)).unwrap();
        let b = std::fs::read(root.join("t2").join(name)).unwrap();
        assert!(a == b, "{name} differs between two runs with the same seed");
    }
    let o = countypanel(
        root,
        &[
            "clean",
            "--facts",
            "t1/facts.parquet",
            "--documents",
            "t1/documents.parquet",
            "--observations",
            "t1/out/observations.parquet",
            "--quarantine",
            "t1/out/quarantine.parquet",
            "--conflicts",
            "t1/out/conflicts.parquet",
            "--uncatalogued",
            "t1/out/uncatalogued.parquet",
            "--todo",
            "t1/out/catalog_todo.parquet",
            "--suspect",
            "t1/out/suspect.parquet",
            "--suggestions",
            "t1/out/region_suggestions.parquet",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // "clean: 400000 facts = 400000 in N observations (M duplicates merged) + 0 quarantined + 0
    // uncatalogued; K conflicts": the generator plants repeats and disagreements, never bad facts.
    let line = stderr(&o);
    let numbers: Vec<u64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    // One year of county reports states 60% of the 154 national indicators in each of some
    // 2,850 counties, about 265,000 facts: 400,000 make repeats of many cells.
    assert_eq!(&numbers[..2], &[400_000, 400_000], "{line}");
    let (duplicates, quarantined, uncatalogued, conflicts) =
        (numbers[3], numbers[4], numbers[5], numbers[6]);
    assert!(duplicates > 0 && conflicts > 0, "{line}");
    assert_eq!((quarantined, uncatalogued), (0, 0), "{line}");
}

//! The reconciliation policy of `clean`, on small corpora written by the tests.

use countypanel_core::contract::{CONFLICTS, OBSERVATIONS};
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::{floats, ints, strings};

use crate::{copy_dir, countypanel, root, stderr};

/// A project whose raw folder holds only `files` (name, text).
fn corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("data/reference"),
        &dir.path().join("data/reference"),
    );
    copy_dir(&root().join("pipelines"), &dir.path().join("pipelines"));
    let raw = dir.path().join("data/raw/sample");
    std::fs::create_dir_all(&raw).unwrap();
    for (name, text) in files {
        std::fs::write(raw.join(name), text).unwrap();
    }
    let out = countypanel(dir.path(), &["run", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn report(date: &str, body: &str) -> String {
    format!("嘉鱼县卫生健康工作情况\n发布时间:{date} 来源:嘉鱼县卫生健康局\n{body}\n")
}

/// Value, `n_sources`, `n_mentions`, `conflict`, and the lengths of `fact_ids` and `doc_ids` of
/// the 嘉鱼县 2020 sign-up cell.
fn cell(dir: &tempfile::TempDir) -> (f64, i64, i64, String, usize, usize) {
    let obs = read_table(
        &dir.path().join("data/clean/observations.parquet"),
        &OBSERVATIONS,
    )
    .unwrap();
    let ind = strings(&obs, "indicator_id").unwrap();
    let year = ints(&obs, "year").unwrap();
    let i = (0..ind.len())
        .find(|&i| ind[i].as_deref() == Some("family_doctor_signing_rate") && year[i] == Some(2020))
        .expect("the 2020 sign-up cell");
    let list_len = |name: &str| {
        let col = obs.column_by_name(name).unwrap();
        let list = col
            .as_any()
            .downcast_ref::<arrow::array::ListArray>()
            .unwrap();
        list.value(i).len()
    };
    (
        floats(&obs, "value").unwrap()[i].unwrap(),
        ints(&obs, "n_sources").unwrap()[i].unwrap(),
        ints(&obs, "n_mentions").unwrap()[i].unwrap(),
        strings(&obs, "conflict").unwrap()[i].clone().unwrap(),
        list_len("fact_ids"),
        list_len("doc_ids"),
    )
}

#[test]
fn agreeing_sources_give_one_observation_with_two_sources() {
    let dir = corpus(&[
        (
            "a.txt",
            &report("2020-12-01", "2020年,家庭医生签约覆盖率50.8%。"),
        ),
        (
            "b.txt",
            &report("2021-01-20", "2020年全县家庭医生签约覆盖率为50.8%。"),
        ),
    ]);
    assert_eq!(cell(&dir), (50.8, 2, 2, "false".into(), 2, 2));
}

#[test]
fn exact_value_wins_over_approximate_one_and_both_are_kept() {
    let dir = corpus(&[
        (
            "a.txt",
            &report("2021-01-20", "2020年,家庭医生签约覆盖率约52%。"),
        ),
        (
            "b.txt",
            &report("2020-12-01", "2020年,家庭医生签约覆盖率50.8%。"),
        ),
    ]);
    assert_eq!(cell(&dir), (50.8, 2, 2, "true".into(), 2, 2));
    let c = read_table(&dir.path().join("data/qa/conflicts.parquet"), &CONFLICTS).unwrap();
    let chosen = strings(&c, "chosen").unwrap();
    let values = floats(&c, "value").unwrap();
    assert_eq!(c.num_rows(), 2);
    for i in 0..2 {
        assert_eq!(
            chosen[i].as_deref() == Some("true"),
            values[i] == Some(50.8)
        );
    }
}

#[test]
fn later_publication_wins_between_exact_values_of_equal_priority() {
    let dir = corpus(&[
        (
            "a.txt",
            &report("2020-12-01", "2020年,家庭医生签约覆盖率50.8%。"),
        ),
        (
            "b.txt",
            &report("2021-02-20", "2020年,家庭医生签约覆盖率51.3%。"),
        ),
    ]);
    assert_eq!(cell(&dir).0, 51.3);
}

#[test]
fn source_priority_beats_publication_date() {
    // Paths containing "bureau" rank before paths containing "news" in the pipeline file.
    let dir = corpus(&[
        (
            "bureau.txt",
            &report("2020-12-01", "2020年,家庭医生签约覆盖率50.8%。"),
        ),
        (
            "news.txt",
            &report("2021-02-20", "2020年,家庭医生签约覆盖率51.3%。"),
        ),
    ]);
    assert_eq!(cell(&dir).0, 50.8);
}

#[test]
fn repeated_mentions_in_one_document_merge() {
    let dir = corpus(&[(
        "a.txt",
        &report(
            "2021-01-20",
            "2020年,家庭医生签约覆盖率50.8%。\n2020年,全县家庭医生签约覆盖率达到50.8%。",
        ),
    )]);
    assert_eq!(cell(&dir), (50.8, 1, 2, "false".into(), 2, 1));
}

#[test]
fn ranks_changes_and_compound_change_match_hand_computation() {
    use countypanel_core::contract::COMPARISON;
    let dir = corpus(&[
        (
            "a.txt",
            &report("2020-02-01", "2019年,家庭医生签约覆盖率50%。"),
        ),
        (
            "b.txt",
            &report("2022-02-01", "2021年,家庭医生签约覆盖率55%。"),
        ),
        (
            "c.txt",
            "通山县卫生健康工作情况\n发布时间:2022-02-03\n2021年,通山县家庭医生签约覆盖率60%。\n",
        ),
    ]);
    let c = read_table(
        &dir.path().join("data/summary/comparison.parquet"),
        &COMPARISON,
    )
    .unwrap();
    let code = strings(&c, "region_code").unwrap();
    let year = ints(&c, "year").unwrap();
    let i = (0..c.num_rows())
        .find(|&i| code[i].as_deref() == Some("421221") && year[i] == Some(2021))
        .expect("嘉鱼县 2021");
    let f = |n: &str| floats(&c, n).unwrap()[i].unwrap();
    let n = |n: &str| ints(&c, n).unwrap()[i].unwrap();
    assert_eq!(
        (n("rank"), n("n_compared"), n("prev_year"), n("years_apart")),
        (2, 2, 2019, 2)
    );
    assert!((f("percentile") - 0.0).abs() < 1e-9);
    assert!((f("change_abs") - 5.0).abs() < 1e-9);
    assert!((f("change_rel") - 0.1).abs() < 1e-9);
    // (55 / 50) ^ (1 / 2) - 1
    assert!(
        (f("cagr") - (1.1f64.sqrt() - 1.0)).abs() < 1e-9,
        "{}",
        f("cagr")
    );
    let j = (0..c.num_rows())
        .find(|&j| code[j].as_deref() == Some("421224"))
        .expect("通山县 2021");
    assert_eq!(ints(&c, "rank").unwrap()[j], Some(1));
    assert!((floats(&c, "percentile").unwrap()[j].unwrap() - 100.0).abs() < 1e-9);
}

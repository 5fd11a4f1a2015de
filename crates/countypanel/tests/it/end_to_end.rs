use std::collections::BTreeSet;

use countypanel_core::contract::{COMPARISON, OBSERVATIONS, TARGETS};
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::{floats, ints, strings};

use crate::{countypanel, project, stderr};

#[test]
fn run_on_a_copy_of_the_sample_builds_a_comparison_of_six_regions_over_three_years() {
    let dir = project();
    let out = countypanel(dir.path(), &["run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("ingest: 17 files, 17 read, 0 rejected"),
        "{err}"
    );
    assert!(
        err.contains("clean:") && err.contains("aggregate:"),
        "{err}"
    );

    let obs = read_table(
        &dir.path().join("data/clean/observations.parquet"),
        &OBSERVATIONS,
    )
    .unwrap();
    let codes: BTreeSet<String> = strings(&obs, "region_code")
        .unwrap()
        .into_iter()
        .flatten()
        .collect();
    assert!(codes.len() >= 6, "{codes:?}");

    let beds = check_comparison(dir.path());
    // A target met and a target missed both appear.
    let t = read_table(&dir.path().join("data/summary/targets.parquet"), &TARGETS).unwrap();
    let met = countypanel_core::table::strings(&t, "met").unwrap();
    assert!(met.iter().any(|m| m.as_deref() == Some("true")), "{met:?}");
    assert!(met.iter().any(|m| m.as_deref() == Some("false")), "{met:?}");

    for f in [
        "report.md",
        "headline.txt",
        "panel_wide.parquet",
        "coverage.parquet",
        "panel_long.parquet",
    ] {
        assert!(
            dir.path().join("data/summary").join(f).is_file(),
            "{f} missing"
        );
    }
    check_wide_panel(dir.path());
    // The GBK yearbook table's cells are facts too.
    assert_eq!(beds, 14, "one per filled cell of the yearbook table");

    let headline = std::fs::read_to_string(dir.path().join("data/summary/headline.txt")).unwrap();
    assert!(headline.contains("嘉鱼县 421221"), "{headline}");
}

/// One headline indicator compared across at least six regions and three years, ranked by its
/// direction; returns how many comparison rows the yearbook's hospital beds have.
fn check_comparison(dir: &std::path::Path) -> usize {
    // One headline indicator compared across at least six regions and three years.
    let cmp = read_table(&dir.join("data/summary/comparison.parquet"), &COMPARISON).unwrap();
    let ind = strings(&cmp, "indicator_id").unwrap();
    let region = strings(&cmp, "region_code").unwrap();
    let year = ints(&cmp, "year").unwrap();
    let rank = ints(&cmp, "rank").unwrap();
    let value = floats(&cmp, "value").unwrap();
    let level = strings(&cmp, "region_level").unwrap();
    let rows: Vec<usize> = (0..ind.len())
        .filter(|&i| ind[i].as_deref() == Some("family_doctor_signing_rate"))
        .collect();
    let regions: BTreeSet<&str> = rows.iter().filter_map(|&i| region[i].as_deref()).collect();
    let years: BTreeSet<i64> = rows.iter().filter_map(|&i| year[i]).collect();
    assert!(
        regions.len() >= 6 && years.len() >= 3,
        "{regions:?} {years:?}"
    );
    // Higher is better: within a year and level, rank 1 holds the largest value.
    for &i in &rows {
        for &j in &rows {
            if year[i] == year[j] && level[i] == level[j] && value[i] > value[j] {
                assert!(
                    rank[i] < rank[j],
                    "rank order broken between rows {i} and {j}"
                );
            }
        }
    }

    (0..ind.len())
        .filter(|&i| ind[i].as_deref() == Some("hospital_beds"))
        .count()
}

/// The wide panel: region codes are strings, years integers, one row per region and year.
fn check_wide_panel(dir: &std::path::Path) {
    // The wide panel: region codes are strings, years integers, one row per region and year.
    let wide = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(dir.join("data/summary/panel_wide.parquet")).unwrap(),
    )
    .unwrap();
    let schema = wide.schema().clone();
    assert_eq!(
        schema.field_with_name("region_code").unwrap().data_type(),
        &arrow::datatypes::DataType::Utf8
    );
    assert_eq!(
        schema.field_with_name("year").unwrap().data_type(),
        &arrow::datatypes::DataType::Int32
    );
    assert!(schema.field_with_name("family_doctor_signing_rate").is_ok());
    let batches: Vec<_> = wide.build().unwrap().map(Result::unwrap).collect();
    let mut keys = BTreeSet::new();
    for b in &batches {
        let c = strings(b, "region_code").unwrap();
        let y = ints(b, "year").unwrap();
        for (c, y) in c.into_iter().zip(y) {
            assert!(keys.insert((c, y)), "a region-year row repeats");
        }
    }
}

#[test]
fn two_runs_give_byte_identical_outputs() {
    let dir = project();
    let files = [
        "data/staged/documents.parquet",
        "data/staged/facts.parquet",
        "data/clean/observations.parquet",
        "data/qa/conflicts.parquet",
        "data/summary/panel_wide.parquet",
        "data/summary/comparison.parquet",
        "data/summary/report.md",
    ];
    assert!(
        countypanel(dir.path(), &["run", "--quiet"])
            .status
            .success()
    );
    let first: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(dir.path().join(f)).unwrap())
        .collect();
    assert!(
        countypanel(dir.path(), &["run", "--quiet"])
            .status
            .success()
    );
    for (f, before) in files.iter().zip(first) {
        assert_eq!(
            std::fs::read(dir.path().join(f)).unwrap(),
            before,
            "{f} changed between runs"
        );
    }
}

#[test]
fn disagreeing_sources_are_reconciled_by_source_priority() {
    let dir = project();
    assert!(
        countypanel(dir.path(), &["run", "--quiet"])
            .status
            .success()
    );
    let obs = read_table(
        &dir.path().join("data/clean/observations.parquet"),
        &OBSERVATIONS,
    )
    .unwrap();
    let code = strings(&obs, "region_code").unwrap();
    let year = ints(&obs, "year").unwrap();
    let ind = strings(&obs, "indicator_id").unwrap();
    let value = floats(&obs, "value").unwrap();
    let conflict = strings(&obs, "conflict").unwrap();
    let n_sources = ints(&obs, "n_sources").unwrap();
    let i = (0..code.len())
        .find(|&i| {
            code[i].as_deref() == Some("421221")
                && year[i] == Some(2020)
                && ind[i].as_deref() == Some("village_clinics")
        })
        .expect("嘉鱼县 2020 village clinics");
    // The bureau's report (priority 20) wins over the news item (priority 40).
    assert_eq!(value[i], Some(91.0));
    let base = strings(&obs, "region_code_base").unwrap();
    let walk = strings(&obs, "crosswalk").unwrap();
    assert_eq!(
        (base[i].as_deref(), walk[i].as_deref()),
        (Some("421221"), Some("same"))
    );
    assert_eq!(conflict[i].as_deref(), Some("true"));
    assert_eq!(n_sources[i], Some(2));
}

#[test]
fn explain_traces_a_cell_to_its_documents_and_evidence() {
    let dir = project();
    assert!(
        countypanel(dir.path(), &["run", "--quiet"])
            .status
            .success()
    );
    let out = countypanel(
        dir.path(),
        &["explain", "嘉鱼县", "2020", "village_clinics"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("actual: 91 institution"), "{text}");
    assert!(text.contains("【91个村卫生室】"), "{text}");
    assert!(
        text.contains("2020_news_village_clinics.html") && text.contains("sources disagree"),
        "{text}"
    );
    let out = countypanel(dir.path(), &["explain", "421221", "2020", "村卫生室数"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), text);
}

use std::sync::Arc;

use arrow::array::{ArrayRef, StringArray};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use countypanel_core::contract::FACTS;
use countypanel_core::parquet_io::{WriteMeta, read_table, write_atomic};

use crate::{countypanel, project, stderr};

/// Rewrites the staged facts with one column dropped or retyped, under the facts contract name.
fn rewrite_facts(dir: &std::path::Path, column: &str, retype: bool) -> std::path::PathBuf {
    let good = read_table(&dir.join("data/staged/facts.parquet"), &FACTS).unwrap();
    let mut fields = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    for (f, a) in good.schema().fields().iter().zip(good.columns()) {
        if f.name() == column {
            if retype {
                let text: Vec<Option<String>> =
                    (0..a.len()).map(|i| Some(format!("x{i}"))).collect();
                fields.push(Field::new(column, DataType::Utf8, true));
                arrays.push(Arc::new(StringArray::from(text)));
            }
            continue;
        }
        fields.push(f.as_ref().clone());
        arrays.push(Arc::clone(a));
    }
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(Arc::clone(&schema), arrays).unwrap();
    let path = dir.join("bad_facts.parquet");
    write_atomic(
        &path,
        FACTS.name,
        FACTS.version,
        schema,
        &WriteMeta::default(),
        |w| w.write(&batch),
    )
    .unwrap();
    path
}

#[test]
fn clean_refuses_a_facts_file_with_a_missing_column_naming_file_and_column() {
    let dir = project();
    assert!(
        countypanel(dir.path(), &["ingest", "--quiet"])
            .status
            .success()
    );
    let bad = rewrite_facts(dir.path(), "indicator_id", false);
    let out = countypanel(dir.path(), &["clean", "--facts", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("bad_facts.parquet") && err.contains("`indicator_id`"),
        "{err}"
    );
}

#[test]
fn clean_refuses_a_wrongly_typed_column() {
    let dir = project();
    assert!(
        countypanel(dir.path(), &["ingest", "--quiet"])
            .status
            .success()
    );
    let bad = rewrite_facts(dir.path(), "year", true);
    let out = countypanel(dir.path(), &["clean", "--facts", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("bad_facts.parquet") && err.contains("`year`") && err.contains("Utf8"),
        "{err}"
    );
}

#[test]
fn unknown_pipeline_key_is_a_usage_error_naming_the_key() {
    let dir = project();
    let p = dir.path().join("pipelines/county-health.toml");
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replace("[clean]", "[clean]\nyear_minimum = 1990");
    std::fs::write(&p, text).unwrap();
    let out = countypanel(dir.path(), &["ingest"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("county-health.toml") && err.contains("year_minimum"),
        "{err}"
    );
}

#[test]
fn help_documents_exit_codes_and_examples() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--help"][..],
        &["ingest", "--help"],
        &["clean", "--help"],
        &["aggregate", "--help"],
        &["run", "--help"],
    ] {
        let out = countypanel(dir.path(), args);
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Exit codes"), "{args:?}: {text}");
    }
    let out = countypanel(dir.path(), &["clean", "--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Example"));
}

#[test]
fn the_committed_table_reference_matches_the_contracts() {
    let dir = tempfile::tempdir().unwrap();
    let out = countypanel(dir.path(), &["schema"]);
    assert!(out.status.success());
    let committed = std::fs::read_to_string(crate::root().join("docs/tables.md")).unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        committed,
        "docs/tables.md is stale: regenerate it with `countypanel schema > docs/tables.md`"
    );
}

#[test]
fn the_committed_indicator_reference_matches_the_catalog() {
    let out = countypanel(&crate::root(), &["catalog"]);
    assert!(out.status.success(), "{}", crate::stderr(&out));
    let committed = std::fs::read_to_string(crate::root().join("docs/indicators.md")).unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text, committed,
        "docs/indicators.md is stale: regenerate it with `countypanel catalog > docs/indicators.md`"
    );
    // Every indicator of the national list is in the catalog.
    let national = crate::root().join("../shared/reference/indicators/national.csv");
    if let Ok(list) = std::fs::read_to_string(&national) {
        for line in list.lines().skip(1) {
            let id = line.split(',').next().unwrap();
            assert!(
                text.contains(&format!("| `{id}` |")),
                "{id} is not in the catalog"
            );
        }
    }
}

//! Tests of atomic Parquet writing, contracts and metadata.

use super::*;
use crate::contract::INGEST_REJECTS;
use crate::table::{Col, batch};

fn sample() -> RecordBatch {
    batch(
        &INGEST_REJECTS,
        vec![
            ("source_path", Col::Str(vec![Some("a.html".into())])),
            ("reason", Col::Str(vec![Some("binary".into())])),
            ("detail", Col::Str(vec![Some("NUL bytes".into())])),
            ("n_bytes", Col::I64(vec![Some(12)])),
            ("outcome", Col::Str(vec![Some("rejected".into())])),
        ],
    )
    .unwrap()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(target_os = "linux")]
#[test]
fn outputs_are_readable_by_others_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let umask = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .and_then(|u| u32::from_str_radix(u.trim(), 8).ok())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.parquet");
    write_table(&path, &INGEST_REJECTS, &sample(), &WriteMeta::default()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644 & !umask);
}

#[test]
fn round_trip_keeps_contract_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.parquet");
    let meta = WriteMeta {
        producer: "test".into(),
        ..WriteMeta::default()
    };
    write_table(&path, &INGEST_REJECTS, &sample(), &meta).unwrap();
    let info = check_file(&path, &INGEST_REJECTS).unwrap();
    assert_eq!(info.get(KEY_CONTRACT), Some("ingest_rejects"));
    assert_eq!(info.n_rows, 1);
    let back = read_table(&path, &INGEST_REJECTS).unwrap();
    assert_eq!(back.num_rows(), 1);
    assert_eq!(listing(dir.path()), vec!["r.parquet"]);
}

#[test]
fn failing_writer_leaves_the_earlier_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.parquet");
    let meta = WriteMeta::default();
    write_table(&path, &INGEST_REJECTS, &sample(), &meta).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = write_atomic(
        &path,
        INGEST_REJECTS.name,
        INGEST_REJECTS.version,
        INGEST_REJECTS.schema(),
        &meta,
        |w| {
            w.write(&sample())?;
            Err(parquet::errors::ParquetError::General("disk full".into()))
        },
    );
    assert!(err.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(listing(dir.path()), vec!["r.parquet"]);
}

#[test]
fn panicking_writer_leaves_no_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.parquet");
    let result = std::panic::catch_unwind(|| {
        let _ = write_atomic(
            &path,
            INGEST_REJECTS.name,
            INGEST_REJECTS.version,
            INGEST_REJECTS.schema(),
            &WriteMeta::default(),
            |w| {
                w.write(&sample())?;
                panic!("stage crashed half-way");
            },
        );
    });
    assert!(result.is_err());
    assert!(!path.exists());
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn wrong_contract_and_missing_column_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.parquet");
    write_table(&path, &INGEST_REJECTS, &sample(), &WriteMeta::default()).unwrap();
    let e = check_file(&path, &crate::contract::FACTS)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("r.parquet") && e.contains("ingest_rejects"),
        "{e}"
    );

    // Same contract name but a column dropped: the check names the column.
    let partial = sample().project(&[0, 1, 3]).unwrap();
    let path2 = dir.path().join("partial.parquet");
    write_atomic(
        &path2,
        INGEST_REJECTS.name,
        INGEST_REJECTS.version,
        partial.schema(),
        &WriteMeta::default(),
        |w| w.write(&partial),
    )
    .unwrap();
    let e = check_file(&path2, &INGEST_REJECTS).unwrap_err().to_string();
    assert!(
        e.contains("partial.parquet") && e.contains("`detail`"),
        "{e}"
    );
}

#[test]
fn a_file_that_is_not_parquet_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.parquet");
    std::fs::write(&path, b"not parquet at all").unwrap();
    let e = check_file(&path, &INGEST_REJECTS).unwrap_err().to_string();
    assert!(e.contains("junk.parquet"), "{e}");
}

#[test]
fn a_long_input_list_is_digested_and_still_tells_runs_apart() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = |n: usize, last: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = (0..n)
            .map(|i| (format!("raw/{i}.txt"), format!("{i:064x}")))
            .collect();
        v.last_mut().unwrap().1 = last.to_string();
        v
    };
    let write = |name: &str, inputs: Vec<(String, String)>| {
        let path = dir.path().join(name);
        let meta = WriteMeta {
            inputs,
            ..WriteMeta::default()
        };
        write_table(&path, &INGEST_REJECTS, &sample(), &meta).unwrap();
        path
    };
    // A short list is in the footer in full, with its count and digest.
    let short = write("short.parquet", inputs(3, "x"));
    let info = check_file(&short, &INGEST_REJECTS).unwrap();
    let list = info.get(KEY_INPUTS).unwrap();
    assert_eq!(list.lines().count(), 3);
    assert_eq!(info.get(KEY_INPUTS_COUNT), Some("3"));
    assert_eq!(
        info.get(KEY_INPUTS_SHA256),
        Some(crate::hash::sha256_hex(list.as_bytes()).as_str())
    );
    // A long one leaves only its count and digest, and the footer stays small.
    let n = INLINE_INPUTS + 1;
    let a = write("a.parquet", inputs(n, "x"));
    let b = write("b.parquet", inputs(n, "x"));
    let c = write("c.parquet", inputs(n, "y"));
    let info = check_file(&a, &INGEST_REJECTS).unwrap();
    assert_eq!(info.get(KEY_INPUTS), None);
    assert_eq!(info.get(KEY_INPUTS_COUNT), Some(n.to_string().as_str()));
    assert!(std::fs::metadata(&a).unwrap().len() < 20_000);
    // Same list, same run; one hash differing, different runs.
    check_same_run((&a, &INGEST_REJECTS), (&b, &INGEST_REJECTS)).unwrap();
    let err = check_same_run((&a, &INGEST_REJECTS), (&c, &INGEST_REJECTS)).unwrap_err();
    assert!(err.to_string().contains("different ingest runs"), "{err}");
}

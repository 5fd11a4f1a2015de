use std::collections::BTreeMap;

use countypanel_core::contract::{DOCUMENTS, INGEST_REJECTS};
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::strings;
use countypanel_ingest::testkit::docx;

use crate::{countypanel, project, stderr};

#[test]
fn bad_files_are_rejected_with_distinct_reasons_and_the_batch_goes_on() {
    let dir = project();
    let raw = dir.path().join("data/raw/sample/bad");
    std::fs::create_dir_all(&raw).unwrap();
    std::fs::write(raw.join("empty.txt"), b"").unwrap();
    std::fs::write(
        raw.join("image.html"),
        [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3].repeat(50),
    )
    .unwrap();
    let good = docx("<w:p><w:r><w:t>2021年,全县家庭医生签约覆盖率60%。</w:t></w:r></w:p>");
    std::fs::write(raw.join("good.docx"), &good).unwrap();
    std::fs::write(raw.join("truncated.docx"), &good[..good.len() / 2]).unwrap();
    let bomb = docx(&format!(
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
        "0".repeat(3_000_000)
    ));
    std::fs::write(raw.join("bomb.docx"), bomb).unwrap();
    // Lower the expansion limit so the 3 MB document counts as a bomb.
    let p = dir.path().join("pipelines/county-health.toml");
    let text = std::fs::read_to_string(&p).unwrap().replace(
        "max_unzipped_bytes = 268435456",
        "max_unzipped_bytes = 1000000",
    );
    std::fs::write(&p, text).unwrap();

    let out = countypanel(dir.path(), &["ingest", "--max-reject-share", "0.5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rejects = read_table(
        &dir.path().join("data/qa/ingest_rejects.parquet"),
        &INGEST_REJECTS,
    )
    .unwrap();
    let paths = strings(&rejects, "source_path").unwrap();
    let reasons = strings(&rejects, "reason").unwrap();
    let by_file: BTreeMap<String, String> = paths
        .into_iter()
        .zip(reasons)
        .map(|(p, r)| {
            (
                p.unwrap().rsplit('/').next().unwrap().to_string(),
                r.unwrap(),
            )
        })
        .collect();
    assert_eq!(by_file.get("empty.txt").map(String::as_str), Some("empty"));
    assert_eq!(
        by_file.get("image.html").map(String::as_str),
        Some("binary")
    );
    assert_eq!(
        by_file.get("truncated.docx").map(String::as_str),
        Some("corrupt_zip")
    );
    assert_eq!(
        by_file.get("bomb.docx").map(String::as_str),
        Some("zip_bomb")
    );
    assert_eq!(by_file.len(), 4, "{by_file:?}");

    // The good files, the DOCX among them, were read.
    let read = documents_read(dir.path());
    assert_eq!(read.len(), 18);
    assert!(read.iter().any(|p| p.ends_with("good.docx")));

    // The same batch fails its check (exit 1) when the allowed share is lower, outputs written.
    let out = countypanel(dir.path(), &["ingest", "--max-reject-share", "0.1"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("rejected"));
}

#[test]
fn a_missing_raw_folder_is_named() {
    let dir = project();
    let out = countypanel(dir.path(), &["ingest", "--raw", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/folder"));
}

#[test]
fn a_missing_catalog_is_named_with_its_cause_said_once() {
    let dir = project();
    let pipeline = dir.path().join("pipelines/county-health.toml");
    let text = std::fs::read_to_string(&pipeline).unwrap();
    let moved = text.replace("indicators/health.toml", "indicators/gone.toml");
    assert_ne!(text, moved, "the pipeline names its catalog");
    std::fs::write(&pipeline, moved).unwrap();
    let out = countypanel(dir.path(), &["ingest"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("gone.toml"), "{err}");
    assert_eq!(
        err.matches("os error 2").count(),
        1,
        "the cause said once: {err}"
    );
}

#[test]
fn the_same_file_twice_is_read_once_and_the_copy_named() {
    let dir = project();
    let sample = dir
        .path()
        .join("data/raw/sample/jiayu/2019_bureau_summary.txt");
    let copy = dir
        .path()
        .join("data/raw/sample/jiayu/2019_bureau_summary (1).txt");
    std::fs::copy(&sample, &copy).unwrap();
    let out = countypanel(dir.path(), &["run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rejects = read_table(
        &dir.path().join("data/qa/ingest_rejects.parquet"),
        &INGEST_REJECTS,
    )
    .unwrap();
    let reasons = strings(&rejects, "reason").unwrap();
    let paths = strings(&rejects, "source_path").unwrap();
    let details = strings(&rejects, "detail").unwrap();
    let i = reasons
        .iter()
        .position(|r| r.as_deref() == Some("duplicate_file"))
        .expect("a duplicate_file row");
    // Files are read in name order; the second of the two is the duplicate and its detail
    // names the first.
    let (path, detail) = (paths[i].as_deref().unwrap(), details[i].as_deref().unwrap());
    assert!(path.ends_with("2019_bureau_summary.txt"), "{path}");
    assert!(detail.contains("2019_bureau_summary (1).txt"), "{detail}");
    let read: Vec<String> = documents_read(dir.path())
        .into_iter()
        .filter(|p| p.contains("2019_bureau_summary"))
        .collect();
    assert_eq!(read.len(), 1, "{read:?}");
}

/// The source paths of the documents ingest read in the project at `dir`.
fn documents_read(dir: &std::path::Path) -> Vec<String> {
    let docs = read_table(&dir.join("data/staged/documents.parquet"), &DOCUMENTS).unwrap();
    strings(&docs, "source_path")
        .unwrap()
        .into_iter()
        .flatten()
        .collect()
}

//! What an analyst meets in the first hour: typos that teach, an empty folder that changes
//! nothing, a failed data check under make that keeps its evidence.

use std::path::Path;
use std::process::Command;

use crate::{countypanel, project, root, stderr};

fn files_and_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walk(dir) {
        out.push((
            entry.strip_prefix(dir).unwrap().display().to_string(),
            std::fs::read(&entry).unwrap(),
        ));
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A copy of the project after a successful `countypanel run` on its sample.
fn ran_project() -> tempfile::TempDir {
    let dir = project();
    let out = countypanel(dir.path(), &["run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    dir
}

/// The first indicator id of `aggregate.headline` in a pipeline file's text.
fn first_headline_id(pipeline: &str) -> String {
    pipeline
        .split("headline = [")
        .nth(1)
        .and_then(|r| r.split('"').nth(1))
        .expect("a headline id")
        .to_string()
}

#[test]
fn a_headline_typo_stops_the_run_with_the_id_it_meant() {
    let dir = project();
    let p = dir.path().join("pipelines/county-health.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    let first = first_headline_id(&text);
    // Drop one letter from the middle of the first id.
    let mut typo = first.clone();
    typo.remove(first.len() / 2);
    std::fs::write(
        &p,
        text.replacen(&format!("\"{first}\""), &format!("\"{typo}\""), 1),
    )
    .unwrap();
    let out = countypanel(dir.path(), &["run"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&typo) && err.contains(&format!("did you mean `{first}`")),
        "{err}"
    );
}

#[test]
fn an_empty_folder_exits_1_and_leaves_the_last_run_as_it_was() {
    let dir = project();
    let out = countypanel(dir.path(), &["run", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = files_and_bytes(&dir.path().join("data"));
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = countypanel(dir.path(), &["ingest", "--raw", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no reports found in"),
        "{}",
        stderr(&out)
    );
    let after = files_and_bytes(&dir.path().join("data"));
    assert_eq!(before, after, "the outputs of the last run are untouched");
}

#[test]
fn a_failed_data_check_under_make_keeps_its_rejects_and_reruns_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("raw");
    std::fs::create_dir_all(&raw).unwrap();
    for name in ["a.txt", "b.html"] {
        std::fs::write(raw.join(name), b"\x89PNG\x00\x00\x00\x0d").unwrap();
    }
    let out_dir = dir.path().join("out");
    let bin = env!("CARGO_BIN_EXE_countypanel");
    let make = || {
        Command::new("make")
            .current_dir(root())
            .args([
                "--no-print-directory",
                &format!("BIN={bin}"),
                "-o",
                bin,
                &format!("RAW={}", raw.display()),
                &format!("OUT={}", out_dir.display()),
            ])
            .output()
            .expect("make runs")
    };
    let first = make();
    assert!(
        !first.status.success(),
        "two binary files of two must fail the reject check"
    );
    let rejects = out_dir.join("qa/ingest_rejects.parquet");
    assert!(
        rejects.exists(),
        "the rejects table is the evidence: {}",
        stderr(&first)
    );
    assert!(
        !out_dir.join("clean").exists(),
        "the later stages did not run"
    );
    let mtime = std::fs::metadata(&rejects).unwrap().modified().unwrap();
    assert_eq!(
        mtime,
        std::time::UNIX_EPOCH,
        "dated 1970 so that make redoes the stage"
    );
    // The next make runs the stage again (and fails again) rather than going on.
    let second = make();
    assert!(!second.status.success());
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("rejected"),
        "{}",
        stderr(&second)
    );
}

#[test]
fn explain_suggests_the_indicator_and_region_a_typo_meant() {
    let dir = project();
    let out = countypanel(dir.path(), &["run", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = countypanel(dir.path(), &["explain", "嘉鱼县", "2020", "vilage_clinics"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `village_clinics`"),
        "{}",
        stderr(&out)
    );
    let out = countypanel(
        dir.path(),
        &["explain", "满州里市", "2020", "village_clinics"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean 满洲里市 (150781)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_chart_of_an_indicator_taken_out_of_the_headline_goes_with_it() {
    let dir = ran_project();
    let p = dir.path().join("pipelines/county-health.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    let first = first_headline_id(&text);
    let chart = dir
        .path()
        .join(format!("data/summary/charts/{first}-county.svg"));
    assert!(chart.exists(), "{} was drawn", chart.display());
    std::fs::write(&p, text.replacen(&format!("\"{first}\","), "", 1)).unwrap();
    let out = countypanel(dir.path(), &["aggregate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!chart.exists(), "{} is stale", chart.display());
    let left = std::fs::read_dir(dir.path().join("data/summary/charts"))
        .unwrap()
        .count();
    assert!(left > 0, "the other headline charts stay");
}

#[test]
fn ingest_names_the_first_rejected_files_and_why() {
    let dir = project();
    let raw = dir.path().join("data/raw/sample");
    std::fs::write(raw.join("broken.pdf"), b"%PDF-1.4\n1 0 obj\n<< /Type").unwrap();
    std::fs::write(raw.join("notes.rtf"), b"{\\rtf1 hello}").unwrap();
    let out = countypanel(dir.path(), &["ingest"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("rejected") && err.contains("broken.pdf: malformed_pdf: "),
        "{err}"
    );
    assert!(err.contains("notes.rtf: unknown_format: "), "{err}");
}

#[test]
fn run_leaves_a_manifest_of_what_it_read_did_and_wrote() {
    let dir = ran_project();
    let text = std::fs::read_to_string(dir.path().join("data/summary/run.json")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(m["exit_code"], 0);
    let stages: Vec<(&str, &str)> = m["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["stage"].as_str().unwrap(), s["result"].as_str().unwrap()))
        .collect();
    assert_eq!(
        stages,
        [("ingest", "ok"), ("clean", "ok"), ("aggregate", "ok")]
    );
    assert_eq!(m["pipeline"]["sha256"].as_str().unwrap().len(), 64);
    let rows = |suffix: &str| {
        m["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["path"].as_str().unwrap().ends_with(suffix))
            .and_then(|o| o["rows"].as_i64())
    };
    assert!(
        rows("clean/observations.parquet").is_some_and(|n| n > 0),
        "{text}"
    );
    assert!(
        rows("staged/facts.parquet").is_some_and(|n| n > 0),
        "{text}"
    );

    // A failed check is in the manifest, with the stages that ran after it.
    let raw = dir.path().join("data/raw/sample");
    for k in 0..40 {
        std::fs::write(raw.join(format!("broken_{k}.pdf")), b"%PDF-1.4\n").unwrap();
    }
    let out = countypanel(dir.path(), &["run"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let m: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("data/summary/run.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(m["exit_code"], 1);
    assert_eq!(m["stages"].as_array().unwrap().len(), 3, "{m}");
    assert_eq!(m["stages"][0]["result"], "data_failed");
    assert!(
        m["stages"][0]["messages"][0]
            .as_str()
            .unwrap()
            .contains("files rejected"),
        "{m}"
    );
}

/// The binary at `bin` run in `dir` with its built-in files unpacked under `home`.
fn installed(bin: &Path, home: &Path, dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin)
        .current_dir(dir)
        .env("COUNTYPANEL_HOME", home)
        .args(args)
        .output()
        .expect("the installed binary runs")
}

fn parquet_rows(path: &Path) -> i64 {
    use parquet::file::reader::FileReader as _;
    let f = std::fs::File::open(path).unwrap();
    parquet::file::reader::SerializedFileReader::new(f)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .metadata()
        .file_metadata()
        .num_rows()
}

#[test]
fn the_quickstart_runs_from_a_folder_outside_the_project() {
    // As the README's quickstart: the binary installed on its own, reports in a folder, a run
    // from an empty folder with --raw and --out, then `init` for an editable project.
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin/countypanel");
    std::fs::create_dir_all(bin.parent().unwrap()).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_countypanel"), &bin).unwrap();
    let home = tmp.path().join("home");
    let reports = tmp.path().join("reports");
    crate::copy_dir(&root().join("data/raw/sample"), &reports);
    let work = tmp.path().join("work");
    std::fs::create_dir_all(&work).unwrap();

    let out = installed(
        &bin,
        &home,
        &work,
        &["run", "--raw", "../reports", "--out", "results"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("built-in pipeline"),
        "{}",
        stderr(&out)
    );
    let results = work.join("results");
    for (file, nonempty) in [
        ("staged/documents.parquet", true),
        ("staged/facts.parquet", true),
        ("clean/observations.parquet", true),
        ("qa/ingest_rejects.parquet", false),
        ("qa/quarantine.parquet", false),
        ("qa/conflicts.parquet", false),
        ("summary/panel_long.parquet", true),
        ("summary/panel_wide.parquet", true),
        ("summary/comparison.parquet", true),
        ("summary/coverage.parquet", true),
    ] {
        let rows = parquet_rows(&results.join(file));
        assert!(!nonempty || rows > 0, "{file} has {rows} rows");
    }
    let report = std::fs::read_to_string(results.join("summary/report.md")).unwrap();
    assert!(report.contains("嘉鱼县"), "{report}");
    assert!(results.join("summary/run.json").exists());
    assert!(
        !work.join("data").exists(),
        "nothing is written outside --out"
    );

    let out = installed(&bin, &home, tmp.path(), &["init", "project"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let project = tmp.path().join("project");
    crate::copy_dir(&reports, &project.join("data/raw"));
    let out = installed(&bin, &home, &project, &["run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("built-in pipeline"),
        "the project's own files are used"
    );
    assert!(parquet_rows(&project.join("data/summary/panel_long.parquet")) > 0);
}

#[test]
fn stale_or_mismatched_inputs_are_refused_with_the_stage_to_rerun() {
    let dir = project();
    let root = dir.path();
    let out = countypanel(root, &["run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let old_documents = std::fs::read(root.join("data/staged/documents.parquet")).unwrap();
    // A new ingest over fewer reports, and no clean after it: the observations are stale.
    let fewer = root.join("fewer");
    std::fs::create_dir_all(&fewer).unwrap();
    let first = walk(&root.join("data/raw/sample"))
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    std::fs::copy(&first, fewer.join(first.file_name().unwrap())).unwrap();
    let out = countypanel(root, &["ingest", "--raw", fewer.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = countypanel(root, &["aggregate"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("made from an earlier data/staged/facts.parquet"),
        "{}",
        stderr(&out)
    );
    // Documents of another ingest run beside these facts: clean refuses them.
    let current = std::fs::read(root.join("data/staged/documents.parquet")).unwrap();
    std::fs::write(root.join("data/staged/documents.parquet"), &old_documents).unwrap();
    let out = countypanel(root, &["clean"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("different ingest runs"),
        "{}",
        stderr(&out)
    );
    // Put right, clean and then aggregate run.
    std::fs::write(root.join("data/staged/documents.parquet"), &current).unwrap();
    for stage in ["clean", "aggregate"] {
        let out = countypanel(root, &[stage]);
        assert_eq!(out.status.code(), Some(0), "{stage}: {}", stderr(&out));
    }
}

#[test]
fn the_report_ranks_rates_and_not_counts_and_opens_in_a_browser() {
    let dir = ran_project();
    let report = std::fs::read_to_string(dir.path().join("data/summary/report.md")).unwrap();
    // Each headline section runs from its heading to the next one.
    let section = |name: &str| {
        let start = report
            .find(&format!("## {name}"))
            .unwrap_or_else(|| panic!("{name}"));
        let rest = &report[start + 3..];
        rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
    };
    // Chinese first: the title, and each sentence before its English.
    assert!(
        report.starts_with("# county-health：县域卫生健康比较"),
        "{report}"
    );
    let rate = section("家庭医生签约服务覆盖率");
    // A chart per region level: counties apart from prefectures.
    for level in ["county", "prefecture"] {
        assert!(
            rate.contains(&format!("(charts/family_doctor_signing_rate-{level}.svg)")),
            "{rate}"
        );
    }
    assert!(
        rate.contains("Ranks in") && !rate.contains("Not ranked"),
        "{rate}"
    );
    let count = section("村卫生室数");
    assert!(
        count.contains("Not ranked") && !count.contains("Ranks in"),
        "{count}"
    );
    // What the panel was built from: every layer's count, and the files behind them.
    let used = section("数据来源与质量 Data used");
    for (item, count) in [
        ("读入的文件 Documents read", 17),
        ("未能读入的文件 Files rejected", 0),
        ("面板观测值 Observations in the panel", 116),
    ] {
        assert!(used.contains(&format!("| {item} | {count} |")), "{used}");
    }
    assert!(
        used.contains("| 来源不一致的单元格 Cells whose sources disagree | 1 | 2020_bureau_summary.html; 2020_news_village_clinics.html |"),
        "{used}"
    );
    // The same report for a browser, in one file: the charts written into the page.
    let html = std::fs::read_to_string(dir.path().join("data/summary/report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("charset=\"utf-8\""));
    assert!(html.contains("<h2>家庭医生签约服务覆盖率"), "{html}");
    assert!(
        html.contains("<figure><svg") && !html.contains("<img"),
        "charts inline"
    );
    assert!(html.contains("<table>"));
}

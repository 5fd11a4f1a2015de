//! `run.json`: what a `countypanel run` read, did and wrote, beside the summary it made.
//!
//! The manifest names the program version, the pipeline and catalog files (with their
//! SHA-256), the folder of reports, when the run started and how long it took, each stage's
//! result with the messages of a failed check or an error, the exit code, and every Parquet
//! output under the pipeline's folders with its row count (from the file's footer). It is
//! written atomically, whatever the run's end, so that a failed run leaves its account too.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Result;
use countypanel_core::config::Pipeline;
use serde_json::json;

/// One stage's end.
#[derive(Debug, Clone)]
pub struct StageEnd {
    /// `ingest`, `clean` or `aggregate`.
    pub stage: &'static str,
    /// `ok`, `data_failed` or `error`.
    pub result: &'static str,
    /// The failed checks or the error.
    pub messages: Vec<String>,
}

/// Writes `run.json` into the pipeline's summary folder.
pub fn write(
    p: &Pipeline,
    raw: &Path,
    stages: &[StageEnd],
    started: SystemTime,
    took: Duration,
    exit_code: i32,
) -> Result<PathBuf> {
    let file = |path: &Path| {
        let sha = std::fs::read(path)
            .map(|b| countypanel_core::hash::sha256_hex(&b))
            .unwrap_or_default();
        json!({ "path": path.display().to_string(), "sha256": sha })
    };
    let mut outputs = Vec::new();
    for dir in [
        &p.paths.staged,
        &p.paths.clean,
        &p.paths.qa,
        &p.paths.summary,
    ] {
        let mut found = Vec::new();
        parquet_files(dir, &mut found);
        found.sort();
        for path in found {
            let rows = std::fs::File::open(&path)
                .ok()
                .and_then(|f| parquet::file::reader::SerializedFileReader::new(f).ok())
                .map(|r| {
                    use parquet::file::reader::FileReader as _;
                    r.metadata().file_metadata().num_rows()
                });
            outputs.push(json!({ "path": path.display().to_string(), "rows": rows }));
        }
    }
    let manifest = json!({
        "countypanel": env!("CARGO_PKG_VERSION"),
        "pipeline": file(&p.source),
        "catalog": file(&p.paths.catalog),
        "raw": raw.display().to_string(),
        "started": rfc3339(started),
        "seconds": (took.as_secs_f64() * 1000.0).round() / 1000.0,
        "exit_code": exit_code,
        "stages": stages.iter().map(|s| json!({
            "stage": s.stage, "result": s.result, "messages": s.messages,
        })).collect::<Vec<_>>(),
        "outputs": outputs,
    });
    let path = p.paths.summary.join("run.json");
    let text = serde_json::to_string_pretty(&manifest)? + "\n";
    countypanel_core::parquet_io::write_bytes_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// The Parquet files under `dir`, recursively (partitioned panels included).
fn parquet_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            parquet_files(&path, out);
        } else if name.ends_with(".parquet") {
            out.push(path);
        }
    }
}

/// A time as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
fn rfc3339(t: SystemTime) -> String {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i32::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = countypanel_extract::time::civil_from_days(days);
    let rest = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_written_in_utc() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_796_149_845);
        assert_eq!(super::rfc3339(t), "2026-12-01T18:30:45Z");
    }
}

//! The pipeline, catalog and region reference built into the binary, so that it runs from any
//! folder: `countypanel init DIR` writes editable copies; without a pipeline file in the
//! folder it runs in, the binary uses the built-in one (unpacked once into a cache folder named
//! by the hash of its contents, so that each version of the binary has its own).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The files, by their path in a project.
const FILES: &[(&str, &[u8])] = &[
    (
        "pipelines/county-health.toml",
        include_bytes!("../../../pipelines/county-health.toml"),
    ),
    (
        "pipelines/indicators/health.toml",
        include_bytes!("../../../pipelines/indicators/health.toml"),
    ),
    (
        "data/reference/README.md",
        include_bytes!("../../../data/reference/README.md"),
    ),
    (
        "data/reference/areacodes_history.csv",
        include_bytes!("../../../data/reference/areacodes_history.csv"),
    ),
    (
        "data/reference/areas.csv",
        include_bytes!("../../../data/reference/areas.csv"),
    ),
    (
        "data/reference/cities.csv",
        include_bytes!("../../../data/reference/cities.csv"),
    ),
    (
        "data/reference/provinces.csv",
        include_bytes!("../../../data/reference/provinces.csv"),
    ),
    (
        "data/reference/streets.csv",
        include_bytes!("../../../data/reference/streets.csv"),
    ),
];

/// The path of the pipeline file among [`FILES`].
pub const PIPELINE: &str = "pipelines/county-health.toml";

/// Writes editable copies of the built-in files under `dir` (and an empty `data/raw/`), never
/// over an existing file unless `force`. Returns the files written.
pub fn init(dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    let existing: Vec<String> = FILES
        .iter()
        .filter(|(rel, _)| dir.join(rel).exists())
        .map(|(rel, _)| dir.join(rel).display().to_string())
        .collect();
    if !force && !existing.is_empty() {
        bail!(
            "{} already exist{}; nothing was written (--force overwrites them)",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" }
        );
    }
    let mut written = Vec::new();
    for (rel, bytes) in FILES {
        let path = dir.join(rel);
        // The project's pipeline reads its bundled sample; a new project reads data/raw.
        let text;
        let bytes = if *rel == PIPELINE {
            text = String::from_utf8_lossy(bytes).replacen(
                "raw = \"data/raw/sample\"",
                "raw = \"data/raw\"     ",
                1,
            );
            text.as_bytes()
        } else {
            bytes
        };
        countypanel_core::parquet_io::write_bytes_atomic(&path, bytes)?;
        written.push(path);
    }
    let raw = dir.join("data/raw");
    std::fs::create_dir_all(&raw).with_context(|| format!("creating {}", raw.display()))?;
    Ok(written)
}

/// The folder holding the built-in files, unpacked on first use: `$COUNTYPANEL_HOME` or the
/// user's cache folder, `countypanel/builtin-<hash>`.
pub fn unpacked() -> Result<PathBuf> {
    let mut all = Vec::new();
    for (rel, bytes) in FILES {
        all.extend_from_slice(rel.as_bytes());
        all.extend_from_slice(bytes);
    }
    let hash = countypanel_core::hash::sha256_hex(&all);
    let base = std::env::var_os("COUNTYPANEL_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("XDG_CACHE_HOME").map(|c| PathBuf::from(c).join("countypanel"))
        })
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/countypanel")))
        .unwrap_or_else(|| std::env::temp_dir().join("countypanel"));
    let dir = base.join(format!("builtin-{}", &hash[..16]));
    for (rel, bytes) in FILES {
        let path = dir.join(rel);
        let same = std::fs::read(&path).is_ok_and(|b| b == *bytes);
        if !same {
            countypanel_core::parquet_io::write_bytes_atomic(&path, bytes)?;
        }
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    #[test]
    fn init_writes_editable_copies_and_never_overwrites_unasked() {
        let dir = tempfile::tempdir().unwrap();
        let written = super::init(dir.path(), false).unwrap();
        assert_eq!(written.len(), super::FILES.len());
        assert!(dir.path().join("data/raw").is_dir());
        let pipeline = std::fs::read_to_string(dir.path().join(super::PIPELINE)).unwrap();
        assert!(pipeline.contains("raw = \"data/raw\" "), "{pipeline}");
        let p = dir.path().join(super::PIPELINE);
        std::fs::write(&p, "# my edits\n").unwrap();
        let err = super::init(dir.path(), false).unwrap_err().to_string();
        assert!(
            err.contains("already exist") && err.contains("--force"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "# my edits\n");
        super::init(dir.path(), true).unwrap();
        assert_ne!(std::fs::read_to_string(&p).unwrap(), "# my edits\n");
    }
}

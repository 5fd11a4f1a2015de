//! The real binary on temporary folders.

mod bad_inputs;
mod contracts;
mod corpus;
mod end_to_end;
mod first_hour;
mod malformed;
mod office;
mod policy;
mod region;
mod seeds;
mod shards;
mod tables;
mod yearbook;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs the binary in `dir` with `args`.
pub(crate) fn countypanel(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_countypanel"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Copies a folder recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temporary project: the sample, catalog, reference files and pipeline file copied in, so the
/// binary runs with the default relative paths.
pub(crate) fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = root();
    copy_dir(
        &root.join("data/raw/sample"),
        &dir.path().join("data/raw/sample"),
    );
    copy_dir(
        &root.join("data/reference"),
        &dir.path().join("data/reference"),
    );
    copy_dir(&root.join("pipelines"), &dir.path().join("pipelines"));
    dir
}

/// `../shared` beside the project root, or the folder `COUNTYPANEL_SHARED` names, when it holds
/// the shared corpora. Without it, a test that reads them is skipped with one line on stderr,
/// unless `CI` is set: there every acceptance test must run.
pub(crate) fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("COUNTYPANEL_SHARED")
        .map_or_else(|| root().join("../shared"), PathBuf::from);
    if p.join("corpus/seeds").is_dir() {
        return Some(p);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "these tests read the shared corpora from ../shared beside the project root (or from \
         $COUNTYPANEL_SHARED); {} holds none",
        p.display()
    );
    eprintln!(
        "skipped: {} holds no shared corpora (set COUNTYPANEL_SHARED to run this test)",
        p.display()
    );
    None
}

/// Stderr as text.
pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

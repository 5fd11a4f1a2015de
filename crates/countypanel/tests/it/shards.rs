//! Sharded ingest: N processes each read a part of the raw folder, and the merged staged
//! tables are the ones a single run writes, byte for byte; a missing part stops the merge.

use std::process::Command;

use crate::{countypanel, project, stderr};

const STAGED: [&str; 3] = [
    "data/staged/documents.parquet",
    "data/staged/facts.parquet",
    "data/qa/ingest_rejects.parquet",
];

#[test]
fn four_shards_merge_into_the_bytes_of_one_run_and_a_missing_part_stops_the_merge() {
    let dir = project();
    let root = dir.path();
    // Duplicates and a rejected file, so that parts must agree on which copy was read first.
    let raw = root.join("data/raw/sample");
    let first = countypanel_ingest::list_inputs(&raw)
        .unwrap()
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    for i in 0..5 {
        std::fs::copy(&first, raw.join(format!("copy_{i}.txt"))).unwrap();
    }
    std::fs::write(raw.join("broken.pdf"), b"%PDF-1.4 cut short").unwrap();

    let one = countypanel(root, &["ingest", "--max-reject-share", "1"]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    let single: Vec<Vec<u8>> = STAGED
        .iter()
        .map(|p| std::fs::read(root.join(p)).unwrap())
        .collect();
    for p in STAGED {
        std::fs::remove_file(root.join(p)).unwrap();
    }

    // Four processes at once, as a cluster's array job runs them.
    let children: Vec<_> = (1..=4)
        .map(|k| {
            Command::new(env!("CARGO_BIN_EXE_countypanel"))
                .current_dir(root)
                .args(["--quiet", "ingest", "--max-reject-share", "1", "--shard"])
                .arg(format!("{k}/4"))
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let merged = countypanel(root, &["ingest", "--merge-parts", "4"]);
    assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
    for (p, bytes) in STAGED.iter().zip(&single) {
        assert!(
            std::fs::read(root.join(p)).unwrap() == *bytes,
            "{p} differs from the single run's"
        );
    }

    std::fs::remove_file(root.join("data/staged/parts/of=4/part=2/part.tsv")).unwrap();
    let refused = countypanel(root, &["ingest", "--merge-parts", "4"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("part=2 of 4"),
        "{}",
        stderr(&refused)
    );
    // The parts read as one hive-partitioned dataset: a part column from the folder names.
    let parts = countypanel_ingest::list_inputs(&root.join("data/staged/parts")).unwrap();
    assert!(
        parts
            .iter()
            .any(|p| p.ends_with("of=4/part=3/facts.parquet")),
        "{parts:?}"
    );
}

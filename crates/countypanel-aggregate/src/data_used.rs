//! The report's "data used" section: what the panel was built from and what was held back on
//! the way (files rejected, facts quarantined, health facts the catalog does not name, cells
//! whose sources disagree), each with its count and the files behind it, so that a reader can
//! judge the tables and know where to look.
//!
//! The tables are read from the pipeline's layer folders; one that is not there (an aggregate
//! run on observations from elsewhere) is named as missing, not guessed at.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use countypanel_core::config::Paths;
use countypanel_core::contract::{
    CONFLICTS, Contract, DOCUMENTS, FACTS, INGEST_REJECTS, QUARANTINE,
};
use countypanel_core::frame::{frame_strings, read_columns};
use countypanel_core::parquet_io::check_file;
use polars::prelude::DataFrame;

/// How many files a row of the section names before "and N more".
const SHOWN: usize = 6;

/// One row of the section: what, how many, and the files behind it (name → count).
struct Row {
    what: &'static str,
    count: Option<usize>,
    files: BTreeMap<String, usize>,
    note: Option<String>,
}

/// The file name of a path, as the report shows it (the folder is the reader's own).
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// `columns` of a table, or why it could not be read.
fn frame(path: &Path, contract: &Contract, columns: &[&str]) -> Result<DataFrame, String> {
    if !path.is_file() {
        return Err(format!("{} not found", path.display()));
    }
    read_columns(path, contract, columns).map_err(|e| e.to_string())
}

/// The values of `columns` (text columns) of a table, or why it could not be read.
fn read(
    path: &Path,
    contract: &Contract,
    columns: &[&str],
) -> Result<Vec<Vec<Option<String>>>, String> {
    let df = frame(path, contract, columns)?;
    columns
        .iter()
        .map(|c| frame_strings(&df, c).map_err(|e| e.to_string()))
        .collect()
}

/// Counts per file of the rows whose document is in `docs` (doc id → file name).
fn by_file<'a>(
    doc_ids: impl Iterator<Item = &'a Option<String>>,
    docs: &BTreeMap<String, String>,
) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for d in doc_ids.flatten() {
        let name = docs.get(d).cloned().unwrap_or_else(|| d.clone());
        *out.entry(name).or_insert(0) += 1;
    }
    out
}

/// The documents read, as a row of the section; returns the file name of each document id.
fn documents_row(paths: &Paths, rows: &mut Vec<Row>) -> BTreeMap<String, String> {
    match read(
        &paths.staged.join("documents.parquet"),
        &DOCUMENTS,
        &["doc_id", "source_path"],
    ) {
        Ok(cols) => {
            let map: BTreeMap<String, String> = cols[0]
                .iter()
                .zip(&cols[1])
                .filter_map(|(d, p)| Some((d.clone()?, file_name(p.as_deref()?))))
                .collect();
            rows.push(Row {
                what: "读入的文件 Documents read",
                count: Some(map.len()),
                files: map.values().fold(BTreeMap::new(), |mut files, n| {
                    // Two documents of one name (in two folders) show as that name (2).
                    *files.entry(n.clone()).or_insert(0) += 1;
                    files
                }),
                note: None,
            });
            map
        }
        Err(why) => {
            rows.push(Row {
                what: "读入的文件 Documents read",
                count: None,
                files: BTreeMap::new(),
                note: Some(why),
            });
            BTreeMap::new()
        }
    }
}

/// The files rejected, with their reasons, as a row of the section.
fn rejects_row(paths: &Paths) -> Row {
    let rejects = read(
        &paths.qa.join("ingest_rejects.parquet"),
        &INGEST_REJECTS,
        &["source_path", "reason", "outcome"],
    );
    match rejects {
        Ok(cols) => {
            let files: BTreeMap<String, usize> = (0..cols[0].len())
                .filter(|&i| cols[2][i].as_deref() == Some("rejected"))
                .map(|i| {
                    let name = file_name(cols[0][i].as_deref().unwrap_or(""));
                    (
                        format!("{name}: {}", cols[1][i].as_deref().unwrap_or("")),
                        1,
                    )
                })
                .collect();
            Row {
                what: "未能读入的文件 Files rejected",
                count: Some(files.len()),
                files,
                note: None,
            }
        }
        Err(why) => Row {
            what: "未能读入的文件 Files rejected",
            count: None,
            files: BTreeMap::new(),
            note: Some(why),
        },
    }
}

/// The section, in markdown.
pub(crate) fn section(paths: &Paths, observations: usize) -> String {
    let mut rows = Vec::new();
    let docs = documents_row(paths, &mut rows);
    rows.push(rejects_row(paths));
    let facts_path = paths.staged.join("facts.parquet");
    let facts = check_file(&facts_path, &FACTS).map(|i| usize::try_from(i.n_rows).unwrap_or(0));
    rows.push(Row {
        what: "抽取的事实 Facts extracted",
        count: facts.as_ref().ok().copied(),
        files: BTreeMap::new(),
        note: facts.err().map(|e| e.to_string()),
    });
    // A QA table's rows by file; `cells` counts the distinct cells instead of the rows (the
    // conflicts table lists every competing fact of a cell).
    let mut table_row =
        |what: &'static str, path: &Path, contract: &Contract, count_cells: bool| {
            let columns: &[&str] = if count_cells {
                &["doc_id", "region_code", "year", "indicator_id", "kind"]
            } else {
                &["doc_id"]
            };
            let read = frame(path, contract, columns).and_then(|df| {
                let doc_ids = frame_strings(&df, "doc_id").map_err(|e| e.to_string())?;
                let count = if count_cells {
                    cells(&df).unwrap_or(doc_ids.len())
                } else {
                    doc_ids.len()
                };
                Ok((count, doc_ids))
            });
            rows.push(match read {
                Ok((count, doc_ids)) => Row {
                    what,
                    count: Some(count),
                    files: by_file(doc_ids.iter(), &docs),
                    note: None,
                },
                Err(why) => Row {
                    what,
                    count: None,
                    files: BTreeMap::new(),
                    note: Some(why),
                },
            });
        };
    table_row(
        "未编入指标目录的卫生事实 Health facts the catalog does not name",
        &paths.qa.join("uncatalogued_facts.parquet"),
        &FACTS,
        false,
    );
    table_row(
        "隔离的事实 Facts quarantined",
        &paths.qa.join("quarantine.parquet"),
        &QUARANTINE,
        false,
    );
    table_row(
        "来源不一致的单元格 Cells whose sources disagree",
        &paths.qa.join("conflicts.parquet"),
        &CONFLICTS,
        true,
    );
    rows.push(Row {
        what: "面板观测值 Observations in the panel",
        count: Some(observations),
        files: BTreeMap::new(),
        note: None,
    });

    render(rows)
}

/// The section's markdown: a table of the rows, the files of each (most first, [`SHOWN`] of
/// them, then how many more).
fn render(rows: Vec<Row>) -> String {
    let mut s = String::from(
        "## 数据来源与质量 Data used\n\n\
         面板由以下文件和事实构成；每一行列出其背后的文件（括号内为条数）。 What the panel was built from and what was held back, with the files behind each (counts in brackets).\n\n\
         | 项目 item | 数量 count | 文件 files |\n|---|---:|---|\n",
    );
    for r in rows {
        let mut files: Vec<(String, usize)> = r.files.into_iter().collect();
        files.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut shown: Vec<String> = files
            .iter()
            .take(SHOWN)
            .map(|(n, c)| {
                if *c > 1 {
                    format!("{n} ({c})")
                } else {
                    n.clone()
                }
            })
            .collect();
        if files.len() > SHOWN {
            shown.push(format!(
                "…及其他 {} 个 and {} more",
                files.len() - SHOWN,
                files.len() - SHOWN
            ));
        }
        let cell = r.note.unwrap_or_else(|| shown.join("; "));
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            r.what,
            r.count.map_or_else(|| "·".to_string(), |c| c.to_string()),
            cell.replace('|', "\\|")
        );
    }
    s.push('\n');
    s
}

/// The number of distinct cells (region, year, indicator, kind) of a conflicts table.
fn cells(df: &DataFrame) -> Option<usize> {
    let text = |c: &str| frame_strings(df, c).ok();
    let (codes, indicators, kinds) = (text("region_code")?, text("indicator_id")?, text("kind")?);
    let years = countypanel_core::frame::frame_ints(df, "year").ok()?;
    let set: std::collections::BTreeSet<_> = (0..years.len())
        .map(|i| (&codes[i], years[i], &indicators[i], &kinds[i]))
        .collect();
    Some(set.len())
}

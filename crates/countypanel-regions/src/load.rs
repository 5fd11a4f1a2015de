//! Reading the reference CSV files.

use std::path::Path;

use crate::RegionError;
use crate::gazetteer::{Entry, Town};
use crate::types::Level;

/// File with the history of county-level and higher codes.
pub(crate) const HISTORY_FILE: &str = "areacodes_history.csv";
/// File with township-level units of the 2023 list.
pub(crate) const STREETS_FILE: &str = "streets.csv";

fn reader(path: &Path) -> Result<csv::Reader<std::fs::File>, RegionError> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_path(path)
        .map_err(|e| RegionError::Read {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
}

pub(crate) fn history(dir: &Path) -> Result<Vec<Entry>, RegionError> {
    let path = dir.join(HISTORY_FILE);
    let mut out = Vec::new();
    for (i, rec) in reader(&path)?.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| RegionError::Row {
            path: path.clone(),
            line,
            message: e.to_string(),
        })?;
        let field = |k: usize| {
            rec.get(k)
                .unwrap_or("")
                .trim()
                .trim_start_matches('\u{feff}')
        };
        let row_err = |message: String| RegionError::Row {
            path: path.clone(),
            line,
            message,
        };
        let code = field(0).to_string();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row_err(format!("code `{code}` is not 6 digits")));
        }
        let level = match field(4) {
            "省级" => Level::Province,
            "地级" => Level::Prefecture,
            "县级" => Level::County,
            other => return Err(row_err(format!("unknown level `{other}`"))),
        };
        let start: i32 = field(6)
            .parse()
            .map_err(|_| row_err(format!("start year `{}` is not a year", field(6))))?;
        let end: Option<i32> = match field(7) {
            "" => None,
            s => Some(
                s.parse()
                    .map_err(|_| row_err(format!("end year `{s}` is not a year")))?,
            ),
        };
        // `code` took over the whole territory when this code ended; `code[year]` took a part of
        // it in that year.
        let mut successors = Vec::new();
        let mut transfers = Vec::new();
        for part in field(8).split(';').map(str::trim).filter(|s| !s.is_empty()) {
            match part.split_once('[') {
                Some((code, rest)) => {
                    let year: i32 = rest
                        .trim_end_matches(']')
                        .parse()
                        .map_err(|_| row_err(format!("successor `{part}` has a malformed year")))?;
                    transfers.push((code.to_string(), year));
                }
                None => successors.push(part.to_string()),
            }
        }
        out.push(Entry {
            code,
            name: field(3).to_string(),
            level,
            province: field(1).to_string(),
            prefecture: field(2).to_string(),
            start,
            end,
            successors,
            transfers,
        });
    }
    Ok(out)
}

pub(crate) fn towns(dir: &Path) -> Result<Vec<Town>, RegionError> {
    let path = dir.join(STREETS_FILE);
    let mut out = Vec::new();
    for (i, rec) in reader(&path)?.records().enumerate() {
        let rec = rec.map_err(|e| RegionError::Row {
            path: path.clone(),
            line: i + 2,
            message: e.to_string(),
        })?;
        let code = rec.get(0).unwrap_or("").trim().to_string();
        let name = rec.get(1).unwrap_or("").trim().to_string();
        let county = rec.get(2).unwrap_or("").trim().to_string();
        if code.len() != 9 || county.len() != 6 || name.is_empty() {
            return Err(RegionError::Row {
                path: path.clone(),
                line: i + 2,
                message: format!("malformed town row `{code},{name},{county}`"),
            });
        }
        out.push(Town { code, name, county });
    }
    Ok(out)
}

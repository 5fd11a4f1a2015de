//! Yearbook tables (`.csv`, `.tsv`, `.xlsx`): a header row, then one row per region and year.
//!
//! The pipeline file maps a table's columns (`[[ingest.table]]`): which column names the region,
//! which the year, which the region's province or city (used as context to resolve names shared
//! across provinces), and which columns hold which catalog indicators. Every mapped cell becomes a
//! fact directly, its value parsed by the same number parser as report text. The document text
//! of a table is its rows, one per line with cells separated by ` | `, and fact offsets point at
//! the cell in that text, so evidence can be shown like any other.

use countypanel_core::vocab::{Rule, Unit, YearFlag};
use std::io::Cursor;

use calamine::{Data, Xls, Xlsx, open_workbook_from_rs};
use countypanel_core::config::TableMapping;
use countypanel_extract::{Fact, Kind};
use countypanel_zhnum::{Qualifier, parse_number};

/// A table read into rows of text cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// Rows of cells, the header rows included.
    pub rows: Vec<Vec<String>>,
}

/// The rows of a grid as lines of text: cells joined by ` | `, a row with one cell filled (a
/// title, a caption, a unit line) as that cell alone, empty rows as blank lines, empty cells at
/// a row's end dropped.
#[must_use]
pub fn grid_text(grid: &Grid) -> String {
    let mut out = String::new();
    for row in &grid.rows {
        let cells: Vec<&str> = row.iter().map(|c| c.trim()).collect();
        let n = cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |k| k + 1);
        let mut filled = cells.iter().filter(|c| !c.is_empty());
        let line = match (filled.next(), filled.next()) {
            (None, _) => String::new(),
            // A note over the columns (单位:个、张、人 in the last one) stands alone.
            (Some(one), None) => (*one).to_string(),
            _ => cells[..n].join(" | "),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Parses CSV or TSV text (ragged rows allowed, a BOM dropped).
pub fn parse_delimited(text: &str, tab: bool) -> Result<Grid, String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tab { b'\t' } else { b',' })
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("row {}: {e}", i + 1))?;
        rows.push(rec.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(Grid { rows })
}

/// Reads the first worksheet of an XLSX file. Cells of a merged range other than its first come
/// back empty; header rows fill them from the left (see [`header_row`]).
pub fn parse_xlsx(bytes: &[u8]) -> Result<Grid, String> {
    let wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| e.to_string())?;
    first_sheet(wb)
}

/// Reads every worksheet of an XLSX file, each with its name.
pub fn parse_xlsx_sheets(bytes: &[u8]) -> Result<Vec<(String, Grid)>, String> {
    use calamine::Reader as _;
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| e.to_string())?;
    let names = wb.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for (i, name) in names.into_iter().enumerate() {
        let range = wb
            .worksheet_range_at(i)
            .ok_or_else(|| format!("no worksheet {name}"))?
            .map_err(|e| e.to_string())?;
        sheets.push((name, grid_of_range(&range)));
    }
    if sheets.is_empty() {
        return Err("the workbook has no worksheet".to_string());
    }
    Ok(sheets)
}

/// Reads the first worksheet of a legacy Excel (BIFF, `.xls`) workbook, as WPS also saves `.et`
/// files.
pub fn parse_xls(bytes: &[u8]) -> Result<Grid, String> {
    let wb: Xls<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: calamine::XlsError| e.to_string())?;
    first_sheet(wb)
}

/// The cells of a workbook's first worksheet as text (whole numbers without a decimal point).
fn first_sheet<RS: std::io::Read + std::io::Seek, R: calamine::Reader<RS>>(
    mut wb: R,
) -> Result<Grid, String>
where
    R::Error: std::fmt::Display,
{
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| "the workbook has no worksheet".to_string())?
        .map_err(|e| e.to_string())?;
    Ok(grid_of_range(&range))
}

/// A worksheet's cells as text (whole numbers without a decimal point).
fn grid_of_range(range: &calamine::Range<Data>) -> Grid {
    let rows = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    &Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", f as i64)
                    }
                    other => other.to_string().trim().to_string(),
                })
                .collect()
        })
        .collect();
    Grid { rows }
}

/// The index of the header row (the first of the first ten rows holding both the region and the
/// year column names) with merged cells filled from the left.
fn header_row(grid: &Grid, m: &TableMapping) -> Option<(usize, Vec<String>)> {
    for (i, row) in grid.rows.iter().take(10).enumerate() {
        let mut filled = Vec::with_capacity(row.len());
        let mut last = String::new();
        for cell in row {
            if !cell.is_empty() {
                last.clone_from(cell);
            }
            filled.push(if cell.is_empty() {
                last.clone()
            } else {
                cell.clone()
            });
        }
        if filled.contains(&m.region) && filled.contains(&m.year) {
            // A header cell repeated by a merge names its first column only.
            let mut seen = std::collections::HashSet::new();
            let header = filled
                .into_iter()
                .map(|c| {
                    if seen.insert(c.clone()) {
                        c
                    } else {
                        String::new()
                    }
                })
                .collect();
            return Some((i, header));
        }
    }
    None
}

/// A fact read from a table cell, with the context to resolve its region.
#[derive(Debug, Clone)]
pub struct CellFact {
    /// The fact.
    pub fact: Fact,
    /// The parent region named in the row (province, city), if mapped.
    pub parent: Option<String>,
}

/// Why a table yields nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableProblem(pub String);

/// What a table yields: its rendered text, the facts of its mapped cells, and the problems of
/// rows and cells that were read around.
#[derive(Debug, Clone)]
pub struct TableRead {
    /// Rows rendered as text, cells joined by ` | `.
    pub text: String,
    /// One fact per mapped, non-empty, numeric cell.
    pub facts: Vec<CellFact>,
    /// Problems that did not stop the table: ragged rows, cells that are not numbers, rows
    /// with values but no region.
    pub warnings: Vec<crate::Warning>,
}

/// A table cell's number: the text parser's reading, with a leading minus sign allowed (a
/// negative count is kept, to be caught by the range check rather than lost here).
fn cell_number(raw: &str) -> Option<f64> {
    let t = raw.trim();
    match t.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => parse_number(rest).map(|v| -v),
        None => parse_number(t),
    }
}

/// Up to five examples and the count of the rest.
fn examples(items: &[String]) -> String {
    let shown: Vec<&str> = items.iter().take(5).map(String::as_str).collect();
    let more = items.len().saturating_sub(5);
    if more > 0 {
        format!("{} and {more} more", shown.join("; "))
    } else {
        shown.join("; ")
    }
}

/// Where the mapped columns stand in the header row.
struct Columns {
    region: usize,
    year: usize,
    parent: Option<usize>,
    /// Each value column with its indicator and the indicator's unit, in column order.
    values: Vec<(usize, String, Unit)>,
}

impl Columns {
    fn of(
        header: &[String],
        m: &TableMapping,
        catalog_units: &dyn Fn(&str) -> Option<Unit>,
    ) -> Result<Self, TableProblem> {
        let pos = |name: &str| header.iter().position(|c| c == name);
        let mut values = Vec::new();
        for (column, indicator) in &m.columns {
            let Some(c) = pos(column) else {
                return Err(TableProblem(format!(
                    "mapped column `{column}` is not in the header"
                )));
            };
            let Some(unit) = catalog_units(indicator) else {
                return Err(TableProblem(format!(
                    "mapped indicator `{indicator}` is not in the catalog"
                )));
            };
            values.push((c, indicator.clone(), unit));
        }
        values.sort_by_key(|(c, _, _)| *c);
        Ok(Self {
            region: pos(&m.region).expect("header_row checked it"),
            year: pos(&m.year).expect("header_row checked it"),
            parent: m.region_parent.as_deref().and_then(pos),
            values,
        })
    }
}

/// The problems met in the rows of a grid, each with the rows it was met in.
#[derive(Default)]
struct Problems {
    ragged: Vec<String>,
    bad_cells: Vec<String>,
    no_region: Vec<String>,
}

impl Problems {
    /// One warning per kind of problem met, with examples.
    fn into_warnings(self, cells: usize) -> Vec<crate::Warning> {
        [
            (
                "ragged_rows",
                format!("rows do not have the header's {cells} cells"),
                self.ragged,
            ),
            (
                "bad_cells",
                "mapped cells are not numbers and were not read".to_string(),
                self.bad_cells,
            ),
            (
                "rows_without_region",
                "rows hold values but no region and were not read".to_string(),
                self.no_region,
            ),
        ]
        .into_iter()
        .filter(|(_, _, found)| !found.is_empty())
        .map(|(reason, what, found)| crate::Warning {
            reason,
            detail: format!("{} {what}: {}", found.len(), examples(&found)),
        })
        .collect()
    }
}

/// The rendered text of a grid, the facts of its mapped cells and the problems met.
pub fn table_facts(
    grid: &Grid,
    m: &TableMapping,
    catalog_units: &dyn Fn(&str) -> Option<Unit>,
) -> Result<TableRead, TableProblem> {
    let (h, header) = header_row(grid, m).ok_or_else(|| {
        TableProblem(format!(
            "no header row with the region column `{}` and the year column `{}` in the first ten rows",
            m.region, m.year
        ))
    })?;
    let cols = Columns::of(&header, m, catalog_units)?;
    // Render the text: one line per row, cells joined by " | ", remembering each cell's offset.
    let mut text = String::new();
    let mut n_chars = 0usize;
    let mut facts = Vec::new();
    let mut problems = Problems::default();
    for (r, row) in grid.rows.iter().enumerate() {
        let mut offsets = Vec::with_capacity(row.len());
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                text.push_str(" | ");
                n_chars += 3;
            }
            offsets.push(n_chars);
            text.push_str(cell);
            n_chars += cell.chars().count();
        }
        text.push('\n');
        n_chars += 1;
        if r <= h || row.iter().all(String::is_empty) {
            continue;
        }
        if row.len() != header.len() {
            problems
                .ragged
                .push(format!("row {} has {} cells", r + 1, row.len()));
        }
        row_facts(r, row, &offsets, &header, &cols, &mut facts, &mut problems);
    }
    Ok(TableRead {
        text,
        facts,
        warnings: problems.into_warnings(header.len()),
    })
}

/// The facts of the mapped cells of body row `r` (`offsets`: where each cell starts in the
/// rendered text).
fn row_facts(
    r: usize,
    row: &[String],
    offsets: &[usize],
    header: &[String],
    cols: &Columns,
    facts: &mut Vec<CellFact>,
    problems: &mut Problems,
) {
    let cell = |c: usize| row.get(c).map_or("", String::as_str);
    let region = cell(cols.region);
    let year: Option<i32> = cell(cols.year)
        .trim()
        .parse()
        .ok()
        .filter(|y| (1900..=2100).contains(y));
    if region.is_empty() {
        if cols.values.iter().any(|(c, _, _)| !cell(*c).is_empty()) {
            problems.no_region.push(format!("row {}", r + 1));
        }
        return;
    }
    let line: String = row.join(" | ");
    for (c, indicator, unit) in &cols.values {
        let raw = cell(*c);
        if raw.is_empty() {
            continue;
        }
        let Some(value) = cell_number(raw) else {
            problems
                .bad_cells
                .push(format!("row {} column `{}`: `{raw}`", r + 1, header[*c]));
            continue;
        };
        let start = offsets.get(*c).copied().unwrap_or(0);
        facts.push(CellFact {
            fact: Fact {
                indicator_id: Some(indicator.clone()),
                indicator_text: Some(header[*c].clone()),
                subject: None,
                value,
                value_text: raw.to_string(),
                unit: *unit,
                qualifier: Qualifier::Eq,
                kind: Kind::Actual,
                year,
                year_flag: if year.is_none() {
                    Some(YearFlag::Malformed)
                } else {
                    Some(YearFlag::Table)
                },
                as_of: None,
                region_name: Some(region.to_string()),
                region_subject: false,
                char_start: start,
                char_end: start + raw.chars().count(),
                evidence: raw.to_string(),
                sentence: line.as_str().into(),
                rule: Rule::TableCell,
                health: true,
                change: false,
            },
            parent: cols
                .parent
                .map(|p| cell(p).to_string())
                .filter(|s| !s.is_empty()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn mapping() -> TableMapping {
        TableMapping {
            path_contains: "yearbook".into(),
            region: "county".into(),
            year: "year".into(),
            region_parent: Some("province".into()),
            columns: BTreeMap::from([("hospital_beds".to_string(), "hospital_beds".to_string())]),
        }
    }

    fn units(id: &str) -> Option<Unit> {
        (id == "hospital_beds").then_some(Unit::Bed)
    }

    #[test]
    fn csv_cells_become_facts_with_offsets_into_the_rendered_text() {
        let g = parse_delimited("\u{feff}year,province,county,hospital_beds\n2018,湖北省,嘉鱼县,1520\n2018,湖北省,通山县,\n2019,湖北省,嘉鱼县,\"1,610\",extra\n", false).unwrap();
        let TableRead {
            text,
            facts,
            warnings,
        } = table_facts(&g, &mapping(), &units).unwrap();
        assert_eq!(facts.len(), 2);
        // The row with a fifth cell is read and reported.
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].reason, "ragged_rows");
        assert!(warnings[0].detail.contains("row 4 has 5 cells"));
        let f = &facts[1].fact;
        assert_eq!((f.value, f.year, f.unit), (1610.0, Some(2019), Unit::Bed));
        let chars: Vec<char> = text.chars().collect();
        let span: String = chars[f.char_start..f.char_end].iter().collect();
        assert_eq!(span, "1,610");
        assert_eq!(facts[0].parent.as_deref(), Some("湖北省"));
    }

    #[test]
    fn cells_that_are_not_numbers_are_reported_and_negative_counts_kept() {
        let g = parse_delimited(
            "year,province,county,hospital_beds\n2019,湖北省,嘉鱼县,NaN\n2018,湖北省,嘉鱼县,inf\n2017,湖北省,嘉鱼县,-5\n2016,,,40\n",
            false,
        )
        .unwrap();
        let t = table_facts(&g, &mapping(), &units).unwrap();
        assert_eq!(t.facts.len(), 1);
        assert_eq!(t.facts[0].fact.value, -5.0);
        let reasons: Vec<&str> = t.warnings.iter().map(|w| w.reason).collect();
        assert_eq!(reasons, ["bad_cells", "rows_without_region"]);
        assert!(
            t.warnings[0].detail.starts_with("2 mapped cells"),
            "{:?}",
            t.warnings
        );
        assert!(t.warnings[0].detail.contains("`NaN`"));
    }

    #[test]
    fn unmapped_header_is_a_problem() {
        let g = parse_delimited("a,b\n1,2\n", false).unwrap();
        assert!(table_facts(&g, &mapping(), &units).is_err());
    }
}

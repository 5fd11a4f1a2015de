//! `countypanel export`: the summary and QA tables for people who work in Excel.
//!
//! `--xlsx FILE` writes one workbook with a sheet per table (the wide panel first), Chinese
//! headers with the column names beside them (an indicator column of the wide panel is headed
//! by the indicator's Chinese name and unit), numbers as numbers, and a sheet of the source
//! documents. `--csv DIR` writes the same tables as CSV files with a UTF-8 byte-order mark, so
//! that Excel opens the Chinese text right.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use arrow::array::{Array, ArrayRef, AsArray};
use arrow::datatypes::DataType;
use arrow::record_batch::RecordBatch;
use countypanel_core::catalog::Catalog;
use countypanel_core::config::Pipeline;
use countypanel_core::zh;

/// The tables exported, in sheet order: sheet name, folder, file.
fn tables(p: &Pipeline) -> Vec<(&'static str, PathBuf)> {
    let s = |f: &str| p.paths.summary.join(f);
    let q = |f: &str| p.paths.qa.join(f);
    vec![
        ("宽面板 panel_wide", s("panel_wide.parquet")),
        ("长面板 panel_long", s("panel_long.parquet")),
        ("比较 comparison", s("comparison.parquet")),
        ("目标 targets", s("targets.parquet")),
        ("覆盖 coverage", s("coverage.parquet")),
        ("可疑 suspect", q("suspect.parquet")),
        ("冲突 conflicts", q("conflicts.parquet")),
        ("隔离 quarantine", q("quarantine.parquet")),
        ("来源 sources", p.paths.staged.join("documents.parquet")),
    ]
}

/// The header of a column: its Chinese words and its name; an indicator column of the wide
/// panel by the indicator's name and unit.
fn header(name: &str, catalog: &Catalog) -> String {
    if let Some(zh) = zh::column_name(name) {
        return format!("{zh} {name}");
    }
    let (id, kind) = name
        .strip_suffix("_target")
        .map_or((name, ""), |id| (id, "（目标）"));
    match catalog.get(id) {
        Some(ind) => format!(
            "{}{kind}（{}） {name}",
            ind.name,
            zh::unit(ind.unit.as_str())
        ),
        None => name.to_string(),
    }
}

/// The rows of a Parquet file, in one batch.
fn read(path: &Path) -> Result<RecordBatch> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .with_context(|| format!("reading {}", path.display()))?;
    // The file's own schema, so that an empty table keeps its header.
    let schema = builder.schema().clone();
    let batches: Vec<RecordBatch> = builder
        .build()
        .with_context(|| format!("reading {}", path.display()))?
        .collect::<Result<_, _>>()
        .with_context(|| format!("reading {}", path.display()))?;
    Ok(arrow::compute::concat_batches(&schema, &batches)?)
}

/// One cell: a number, a truth value, text, or nothing.
enum Cell {
    Number(f64),
    Bool(bool),
    Text(String),
    Empty,
}

/// The cells of a column.
fn cells(col: &ArrayRef) -> Result<Vec<Cell>> {
    let n = col.len();
    let out = match col.data_type() {
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64
        | DataType::Float32
        | DataType::Float64 => {
            let f = arrow::compute::cast(col, &DataType::Float64)?;
            let f = f.as_primitive::<arrow::datatypes::Float64Type>();
            (0..n)
                .map(|i| {
                    if f.is_null(i) {
                        Cell::Empty
                    } else {
                        Cell::Number(f.value(i))
                    }
                })
                .collect()
        }
        DataType::Boolean => {
            let b = col.as_boolean();
            (0..n)
                .map(|i| {
                    if b.is_null(i) {
                        Cell::Empty
                    } else {
                        Cell::Bool(b.value(i))
                    }
                })
                .collect()
        }
        _ => {
            let fmt = arrow::util::display::ArrayFormatter::try_new(
                col.as_ref(),
                &arrow::util::display::FormatOptions::default(),
            )?;
            (0..n)
                .map(|i| {
                    if col.is_null(i) {
                        Cell::Empty
                    } else {
                        Cell::Text(fmt.value(i).to_string())
                    }
                })
                .collect()
        }
    };
    Ok(out)
}

/// Writes the workbook. Returns the sheets written with their row counts.
pub fn xlsx(p: &Pipeline, catalog: &Catalog, file: &Path) -> Result<Vec<(String, usize)>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut done = Vec::new();
    for (sheet, path) in tables(p) {
        if !path.exists() {
            continue;
        }
        let batch = read(&path)?;
        let ws = book.add_worksheet();
        ws.set_name(sheet)?;
        for (c, field) in batch.schema().fields().iter().enumerate() {
            let c = u16::try_from(c).context("too many columns for a worksheet")?;
            ws.write_string_with_format(0, c, header(field.name(), catalog), &bold)?;
            for (r, cell) in cells(batch.column(usize::from(c)))?.into_iter().enumerate() {
                let r = u32::try_from(r + 1).context("too many rows for a worksheet")?;
                match cell {
                    Cell::Number(v) if v.is_finite() => {
                        ws.write_number(r, c, v)?;
                    }
                    Cell::Number(_) | Cell::Empty => {}
                    Cell::Bool(b) => {
                        ws.write_boolean(r, c, b)?;
                    }
                    Cell::Text(t) => {
                        ws.write_string(r, c, t)?;
                    }
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        done.push((sheet.to_string(), batch.num_rows()));
    }
    if done.is_empty() {
        bail!(
            "no tables under {}: run `countypanel run` first",
            p.paths.summary.display()
        );
    }
    let bytes = book.save_to_buffer()?;
    countypanel_core::parquet_io::write_bytes_atomic(file, &bytes)?;
    Ok(done)
}

/// Writes one CSV file per table (UTF-8 with a byte-order mark) into `dir`.
pub fn csv(p: &Pipeline, catalog: &Catalog, dir: &Path) -> Result<Vec<(String, usize)>> {
    let mut done = Vec::new();
    for (sheet, path) in tables(p) {
        if !path.exists() {
            continue;
        }
        let batch = read(&path)?;
        let name = sheet.rsplit(' ').next().unwrap_or(sheet);
        let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        let heads: Vec<String> = batch
            .schema()
            .fields()
            .iter()
            .map(|f| header(f.name(), catalog))
            .collect();
        w.write_record(&heads)?;
        let cols: Vec<Vec<Cell>> = batch.columns().iter().map(cells).collect::<Result<_>>()?;
        for r in 0..batch.num_rows() {
            w.write_record(cols.iter().map(|c| match &c[r] {
                Cell::Number(v) => v.to_string(),
                Cell::Bool(b) => b.to_string(),
                Cell::Text(t) => t.clone(),
                Cell::Empty => String::new(),
            }))?;
        }
        let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
        countypanel_core::parquet_io::write_bytes_atomic(&dir.join(format!("{name}.csv")), &bytes)?;
        done.push((name.to_string(), batch.num_rows()));
    }
    if done.is_empty() {
        bail!(
            "no tables under {}: run `countypanel run` first",
            p.paths.summary.display()
        );
    }
    Ok(done)
}

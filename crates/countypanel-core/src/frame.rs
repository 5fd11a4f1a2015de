//! Moving tables between polars data frames and contract-checked Arrow batches.
//!
//! The stages that compute with polars (clean, aggregate) read their inputs with
//! [`read_frame`], which checks the contract first, and hand their results to
//! [`frame_to_batch`] so that every output goes through the one atomic writer with the exact
//! column types of its contract.

use std::fs::File;
use std::path::Path;

use polars::prelude::{self as pl, SerReader};

use crate::contract::{ColType, Contract};
use crate::error::CoreError;
use crate::parquet_io::check_file;
use crate::table::{Col, batch};

fn table_err(contract: &Contract, e: impl std::fmt::Display) -> CoreError {
    CoreError::Table {
        table: contract.name.to_string(),
        message: e.to_string(),
    }
}

/// Checks `path` against `contract`, then reads it into a data frame. Dictionary-encoded text
/// columns come back as plain strings.
pub fn read_frame(path: &Path, contract: &Contract) -> Result<pl::DataFrame, CoreError> {
    read_columns(path, contract, &contract.names())
}

/// Like [`read_frame`], reading only `columns` (contract columns), so that a stage holds in
/// memory only what it computes with.
pub fn read_columns(
    path: &Path,
    contract: &Contract,
    columns: &[&str],
) -> Result<pl::DataFrame, CoreError> {
    check_file(path, contract)?;
    let file = File::open(path).map_err(|e| CoreError::io(path, e))?;
    let df = pl::ParquetReader::new(file)
        .with_columns(Some(columns.iter().map(|c| (*c).to_string()).collect()))
        .finish()
        .map_err(|e| CoreError::parquet(path, e))?;
    plain_strings(df, path, columns)
}

/// Every contract column of the rows of `path` where `column` is null, read row group by row
/// group so that only those rows are held.
pub fn read_rows_where_null(
    path: &Path,
    contract: &Contract,
    column: &str,
) -> Result<pl::DataFrame, CoreError> {
    use pl::col;
    check_file(path, contract)?;
    let p = pl::PlRefPath::new(path.to_string_lossy().into_owned());
    let df = pl::LazyFrame::scan_parquet(p, pl::ScanArgsParquet::default())
        .map_err(|e| CoreError::parquet(path, e))?
        .filter(col(column).is_null())
        .select(contract.names().into_iter().map(col).collect::<Vec<_>>())
        .collect()
        .map_err(|e| CoreError::parquet(path, e))?;
    plain_strings(df, path, &contract.names())
}

/// Casts dictionary-encoded text columns to plain strings and keeps `keep`, in that order.
fn plain_strings(
    mut df: pl::DataFrame,
    path: &Path,
    keep: &[&str],
) -> Result<pl::DataFrame, CoreError> {
    let names: Vec<pl::PlSmallStr> = df
        .columns()
        .iter()
        .filter(|c| {
            matches!(
                c.dtype(),
                pl::DataType::Categorical(_, _) | pl::DataType::Enum(_, _)
            )
        })
        .map(|c| c.name().clone())
        .collect();
    for name in names {
        let cast = df
            .column(name.as_str())
            .and_then(|c| c.cast(&pl::DataType::String))
            .map_err(|e| CoreError::parquet(path, e))?;
        df.with_column(cast)
            .map_err(|e| CoreError::parquet(path, e))?;
    }
    df.select(keep.iter().copied())
        .map_err(|e| CoreError::parquet(path, e))
}

/// Converts a data frame holding every contract column into a record batch of that contract.
pub fn frame_to_batch(
    df: &pl::DataFrame,
    contract: &Contract,
) -> Result<arrow::record_batch::RecordBatch, CoreError> {
    let schema = contract.schema();
    let specs: Vec<_> = contract.columns.iter().zip(schema.fields()).collect();
    // The columns are converted on two threads (a table of a few thousand rows on this one):
    // each column is its own array, put in the contract's order below.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let convert_in_turn = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&(spec, field)) = specs.get(i) else {
                return done;
            };
            let converted = column_values(df, contract, spec).and_then(|values| {
                values
                    .into_array(spec.ty, field.data_type())
                    .map(Col::Array)
                    .map_err(|m| table_err(contract, format!("column `{}`: {m}", spec.name)))
            });
            done.push((i, converted));
        }
    };
    let mut converted = if df.height() >= 10_000 {
        std::thread::scope(|scope| {
            let other = scope.spawn(convert_in_turn);
            let mut done = convert_in_turn();
            done.extend(other.join().expect("a column conversion panicked"));
            done
        })
    } else {
        convert_in_turn()
    };
    converted.sort_by_key(|(i, _)| *i);
    let mut cols = Vec::with_capacity(specs.len());
    for ((spec, _), (_, values)) in specs.iter().zip(converted) {
        cols.push((spec.name, values?));
    }
    batch(contract, cols)
}

/// The values of one contract column of `df`.
fn column_values(
    df: &pl::DataFrame,
    contract: &Contract,
    spec: &crate::contract::ColumnSpec,
) -> Result<Col, CoreError> {
    let c = df
        .column(spec.name)
        .map_err(|e| table_err(contract, format!("column `{}`: {e}", spec.name)))?;
    let ctx = |e: pl::PolarsError| table_err(contract, format!("column `{}`: {e}", spec.name));
    Ok(match spec.ty {
        // Plain or dictionary-encoded, as the contract says (`batch` encodes it).
        ColType::Utf8 | ColType::Label => {
            let s = c.cast(&pl::DataType::String).map_err(ctx)?;
            Col::text(s.str().map_err(ctx)?.iter())
        }
        ColType::Int32 => {
            let s = c.cast(&pl::DataType::Int32).map_err(ctx)?;
            Col::I32(s.i32().map_err(ctx)?.iter().collect())
        }
        ColType::Int64 => {
            let s = c.cast(&pl::DataType::Int64).map_err(ctx)?;
            Col::I64(s.i64().map_err(ctx)?.iter().collect())
        }
        ColType::Float64 => {
            let s = c.cast(&pl::DataType::Float64).map_err(ctx)?;
            Col::F64(s.f64().map_err(ctx)?.iter().collect())
        }
        ColType::Boolean => Col::Bool(c.bool().map_err(ctx)?.iter().collect()),
        ColType::Date32 => {
            let s = c.cast(&pl::DataType::Date).map_err(ctx)?;
            Col::Date(s.date().map_err(ctx)?.physical().iter().collect())
        }
        ColType::ListUtf8 => list_of_text(c).map_err(ctx)?,
        ColType::ListInt32 => list_of_ints(c).map_err(ctx)?,
    })
}

/// A list-of-text column as an Arrow list array: the inner values and the raw offsets into them
/// (a Series per row is slow).
fn list_of_text(c: &pl::Column) -> Result<Col, pl::PolarsError> {
    let list = c.list()?.rechunk();
    let offsets = pl::ChunkExplode::offsets(list.as_ref())?;
    let inner = list.get_inner().cast(&pl::DataType::String)?;
    let inner: Vec<Option<&str>> = inner.str()?.iter().collect();
    let mut b = arrow::array::ListBuilder::new(arrow::array::StringBuilder::new());
    for i in 0..list.len() {
        let (start, end) = offsets.start_end(i);
        for x in inner[start..end].iter().flatten() {
            b.values().append_value(x);
        }
        b.append(true);
    }
    Ok(Col::Array(std::sync::Arc::new(b.finish())))
}

/// A list-of-integers column, each row's list without its nulls.
fn list_of_ints(c: &pl::Column) -> Result<Col, pl::PolarsError> {
    let list = c.list()?;
    let mut out = Vec::with_capacity(list.len());
    for item in list.series_iter() {
        let mut v = Vec::new();
        if let Some(series) = item {
            let s = series.cast(&pl::DataType::Int32)?;
            v.extend(s.i32()?.iter().flatten());
        }
        out.push(v);
    }
    Ok(Col::ListI32(out))
}

/// `df` with an integer column beside each text key column named in `keys` (`(text, number)`
/// pairs; pairs whose text column `df` lacks are skipped), numbering the column's distinct
/// values in sorted order (nulls first, as a sort puts them). Sorting, grouping or joining by
/// the numbers gives the order and the groups the text gives, comparing 4-byte integers
/// instead of strings; the stages drop the numbers before writing.
///
/// # Errors
/// A polars error of the numbering (a key column that cannot be sorted).
pub fn with_ordinals(
    df: &pl::DataFrame,
    keys: &[(&str, &str)],
) -> Result<pl::DataFrame, pl::PolarsError> {
    use pl::{IntoLazy, col};
    let mut lf = df.clone().lazy();
    for &(text, number) in keys {
        if df.column(text).is_err() {
            continue;
        }
        let numbered = df
            .clone()
            .lazy()
            .select([col(text)])
            .unique(None, pl::UniqueKeepStrategy::Any)
            .sort([text], pl::SortMultipleOptions::default())
            .with_row_index(number, None);
        let mut keep_order = pl::JoinArgs::new(pl::JoinType::Left);
        keep_order.maintain_order = pl::MaintainOrderJoin::Left;
        keep_order.nulls_equal = true;
        lf = lf.join(numbered, [col(text)], [col(text)], keep_order);
    }
    lf.collect()
}

fn column_err(name: &str, e: &pl::PolarsError) -> CoreError {
    CoreError::Table {
        table: "frame".into(),
        message: format!("column `{name}`: {e}"),
    }
}

/// The column `name` of a frame as text.
pub fn frame_strings(df: &pl::DataFrame, name: &str) -> Result<Vec<Option<String>>, CoreError> {
    let s = df
        .column(name)
        .and_then(|c| c.cast(&pl::DataType::String))
        .map_err(|e| column_err(name, &e))?;
    Ok(s.str()
        .map_err(|e| column_err(name, &e))?
        .iter()
        .map(|v| v.map(str::to_owned))
        .collect())
}

/// The column `name` of a frame as 32-bit integers (dates as days).
pub fn frame_ints(df: &pl::DataFrame, name: &str) -> Result<Vec<Option<i32>>, CoreError> {
    let s = df
        .column(name)
        .and_then(|c| c.cast(&pl::DataType::Int32))
        .map_err(|e| column_err(name, &e))?;
    Ok(s.i32().map_err(|e| column_err(name, &e))?.iter().collect())
}

/// The column `name` of a frame as floats.
pub fn frame_floats(df: &pl::DataFrame, name: &str) -> Result<Vec<Option<f64>>, CoreError> {
    let s = df
        .column(name)
        .and_then(|c| c.cast(&pl::DataType::Float64))
        .map_err(|e| column_err(name, &e))?;
    Ok(s.f64().map_err(|e| column_err(name, &e))?.iter().collect())
}

/// The catalog as a frame to join on `indicator_id`: `indicator_name`, `cat_unit`, `range_min`,
/// `range_max` and `hib` (higher is better).
pub fn catalog_frame(catalog: &crate::catalog::Catalog) -> Result<pl::DataFrame, CoreError> {
    let ind = &catalog.indicators;
    pl::DataFrame::new_infer_height(vec![
        pl::Column::new(
            "indicator_id".into(),
            ind.iter().map(|i| i.id.clone()).collect::<Vec<_>>(),
        ),
        pl::Column::new(
            "indicator_name".into(),
            ind.iter().map(|i| i.name.clone()).collect::<Vec<_>>(),
        ),
        pl::Column::new(
            "cat_unit".into(),
            ind.iter().map(|i| i.unit.as_str()).collect::<Vec<_>>(),
        ),
        pl::Column::new(
            "range_min".into(),
            ind.iter().map(|i| i.range[0]).collect::<Vec<_>>(),
        ),
        pl::Column::new(
            "range_max".into(),
            ind.iter().map(|i| i.range[1]).collect::<Vec<_>>(),
        ),
        pl::Column::new(
            "hib".into(),
            ind.iter().map(|i| i.higher_is_better).collect::<Vec<_>>(),
        ),
        pl::Column::new(
            "cat_area".into(),
            ind.iter()
                .map(crate::catalog::Indicator::counts_an_area)
                .collect::<Vec<_>>(),
        ),
        pl::Column::new(
            "cat_whole".into(),
            ind.iter()
                .map(crate::catalog::Indicator::is_whole)
                .collect::<Vec<_>>(),
        ),
    ])
    .map_err(|e| column_err("catalog", &e))
}

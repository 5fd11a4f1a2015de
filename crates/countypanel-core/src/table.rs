//! Building Arrow record batches from plain Rust column vectors, checked against a contract,
//! and reading columns back out of a batch.

use std::collections::HashMap;
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int32Builder, Int64Array,
    ListBuilder, StringArray, StringBuilder, StringDictionaryBuilder,
};
use arrow::datatypes::{DataType, Int32Type, SchemaRef};
use arrow::record_batch::RecordBatch;

use crate::contract::{ColType, Contract};
use crate::error::CoreError;

/// The values of one column, before they become an Arrow array.
#[derive(Debug, Clone)]
pub enum Col {
    /// Text (stored as `Utf8` or dictionary-encoded, as the contract says).
    Str(Vec<Option<String>>),
    /// Text already gathered in one array (see [`Col::text`]: no allocation per value), stored
    /// as the contract says.
    Text(StringArray),
    /// 32-bit integers.
    I32(Vec<Option<i32>>),
    /// 64-bit integers.
    I64(Vec<Option<i64>>),
    /// Floats.
    F64(Vec<Option<f64>>),
    /// Booleans.
    Bool(Vec<Option<bool>>),
    /// Dates as days since 1970-01-01.
    Date(Vec<Option<i32>>),
    /// Lists of text.
    ListStr(Vec<Vec<String>>),
    /// Lists of 32-bit integers.
    ListI32(Vec<Vec<i32>>),
    /// An array already built (its type must be the column's).
    Array(ArrayRef),
}

impl Col {
    fn len(&self) -> usize {
        match self {
            Self::Str(v) => v.len(),
            Self::I32(v) | Self::Date(v) => v.len(),
            Self::I64(v) => v.len(),
            Self::F64(v) => v.len(),
            Self::Bool(v) => v.len(),
            Self::ListStr(v) => v.len(),
            Self::ListI32(v) => v.len(),
            Self::Array(a) => a.len(),
            Self::Text(a) => a.len(),
        }
    }

    /// A text column from borrowed strings, copied once into one buffer.
    pub fn text<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Self {
        Self::Text(values.into_iter().collect())
    }

    pub(crate) fn into_array(self, ty: ColType, want: &DataType) -> Result<ArrayRef, String> {
        Ok(match (self, ty) {
            (Self::Array(a), _) => {
                if a.data_type() != want {
                    return Err(format!(
                        "an array of type {} where {want} is expected",
                        a.data_type()
                    ));
                }
                a
            }
            (Self::Str(v), ColType::Utf8) => Arc::new(StringArray::from(v)),
            (Self::Text(a), ColType::Utf8) => Arc::new(a),
            (Self::Text(a), ColType::Label) => dictionary(&a)?,
            (Self::Str(v), ColType::Label) => dictionary(v.iter().map(Option::as_deref))?,
            (Self::I32(v), ColType::Int32) => Arc::new(Int32Array::from(v)),
            (Self::I64(v), ColType::Int64) => Arc::new(Int64Array::from(v)),
            (Self::F64(v), ColType::Float64) => Arc::new(Float64Array::from(v)),
            (Self::Bool(v), ColType::Boolean) => Arc::new(BooleanArray::from(v)),
            (Self::Date(v), ColType::Date32) => Arc::new(Date32Array::from(v)),
            (Self::ListStr(v), ColType::ListUtf8) => {
                let mut b = ListBuilder::new(StringBuilder::new());
                for list in v {
                    for s in list {
                        b.values().append_value(s);
                    }
                    b.append(true);
                }
                Arc::new(b.finish())
            }
            (Self::ListI32(v), ColType::ListInt32) => {
                let mut b = ListBuilder::new(Int32Builder::new());
                for list in v {
                    for x in list {
                        b.values().append_value(x);
                    }
                    b.append(true);
                }
                Arc::new(b.finish())
            }
            (col, ty) => {
                return Err(format!(
                    "values of kind {} cannot fill a column of type {ty:?}",
                    col.kind_name()
                ));
            }
        })
    }

    fn kind_name(&self) -> &'static str {
        match self {
            Self::Str(_) | Self::Text(_) => "text",
            Self::I32(_) => "i32",
            Self::I64(_) => "i64",
            Self::F64(_) => "f64",
            Self::Bool(_) => "bool",
            Self::Date(_) => "date",
            Self::ListStr(_) => "list of text",
            Self::ListI32(_) => "list of i32",
            Self::Array(_) => "array",
        }
    }
}

/// A dictionary-encoded text array (the `Label` columns), values in order of first appearance.
fn dictionary<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Result<ArrayRef, String> {
    let mut b = StringDictionaryBuilder::<Int32Type>::new();
    for s in values {
        match s {
            Some(s) => {
                b.append(s).map_err(|e| e.to_string())?;
            }
            None => b.append_null(),
        }
    }
    Ok(Arc::new(b.finish()))
}

/// Builds a record batch in the contract's column order from named columns. Every contract
/// column must be given exactly once, with the right kind of values, the same length, and no
/// null in a non-nullable column.
pub fn batch(contract: &Contract, cols: Vec<(&str, Col)>) -> Result<RecordBatch, CoreError> {
    let err = |message: String| CoreError::Table {
        table: contract.name.to_string(),
        message,
    };
    let mut by_name: HashMap<&str, Col> = HashMap::with_capacity(cols.len());
    for (name, c) in cols {
        if contract.column(name).is_none() {
            return Err(err(format!("column `{name}` is not in the contract")));
        }
        if by_name.insert(name, c).is_some() {
            return Err(err(format!("column `{name}` given twice")));
        }
    }
    let mut arrays = Vec::with_capacity(contract.columns.len());
    let mut len = None;
    let schema = contract.schema();
    for (spec, field) in contract.columns.iter().zip(schema.fields()) {
        let c = by_name
            .remove(spec.name)
            .ok_or_else(|| err(format!("column `{}` missing", spec.name)))?;
        match len {
            None => len = Some(c.len()),
            Some(n) if n != c.len() => {
                return Err(err(format!(
                    "column `{}` has {} values, expected {n}",
                    spec.name,
                    c.len()
                )));
            }
            Some(_) => {}
        }
        let array = c
            .into_array(spec.ty, field.data_type())
            .map_err(|m| err(format!("column `{}`: {m}", spec.name)))?;
        if !spec.nullable && array.null_count() > 0 {
            return Err(err(format!(
                "column `{}` is not nullable but holds {} null(s)",
                spec.name,
                array.null_count()
            )));
        }
        arrays.push(array);
    }
    RecordBatch::try_new(schema, arrays).map_err(|e| err(e.to_string()))
}

/// Builds a batch with a schema decided at run time (the wide panel), from already built arrays.
pub fn dynamic_batch(schema: SchemaRef, arrays: Vec<ArrayRef>) -> Result<RecordBatch, CoreError> {
    RecordBatch::try_new(schema, arrays).map_err(|e| CoreError::Table {
        table: "dynamic".into(),
        message: e.to_string(),
    })
}

/// The column `name` of a batch as text (plain or dictionary-encoded).
pub fn strings(batch: &RecordBatch, name: &str) -> Result<Vec<Option<String>>, CoreError> {
    let col = column(batch, name)?;
    let cast = arrow::compute::cast(col, &DataType::Utf8).map_err(|e| CoreError::Table {
        table: "read".into(),
        message: format!("column `{name}`: {e}"),
    })?;
    let arr = cast
        .as_any()
        .downcast_ref::<StringArray>()
        .expect("cast to Utf8 gives a StringArray");
    Ok(arr.iter().map(|s| s.map(str::to_owned)).collect())
}

/// The column `name` of a batch as floats (any numeric type).
pub fn floats(batch: &RecordBatch, name: &str) -> Result<Vec<Option<f64>>, CoreError> {
    let col = column(batch, name)?;
    let cast = arrow::compute::cast(col, &DataType::Float64).map_err(|e| CoreError::Table {
        table: "read".into(),
        message: format!("column `{name}`: {e}"),
    })?;
    let arr = cast
        .as_any()
        .downcast_ref::<Float64Array>()
        .expect("cast to Float64 gives a Float64Array");
    Ok(arr.iter().collect())
}

/// The column `name` of a batch as 64-bit integers (integer or date columns).
pub fn ints(batch: &RecordBatch, name: &str) -> Result<Vec<Option<i64>>, CoreError> {
    let col = column(batch, name)?;
    let source = if matches!(col.data_type(), DataType::Date32) {
        arrow::compute::cast(col, &DataType::Int32).map_err(|e| CoreError::Table {
            table: "read".into(),
            message: format!("column `{name}`: {e}"),
        })?
    } else {
        Arc::clone(col)
    };
    let cast = arrow::compute::cast(&source, &DataType::Int64).map_err(|e| CoreError::Table {
        table: "read".into(),
        message: format!("column `{name}`: {e}"),
    })?;
    let arr = cast
        .as_any()
        .downcast_ref::<Int64Array>()
        .expect("cast to Int64 gives an Int64Array");
    Ok(arr.iter().collect())
}

fn column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a ArrayRef, CoreError> {
    batch.column_by_name(name).ok_or_else(|| CoreError::Table {
        table: "read".into(),
        message: format!("column `{name}` not found"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::INGEST_REJECTS;

    fn rejects(paths: Vec<Option<String>>) -> Result<RecordBatch, CoreError> {
        let n = paths.len();
        batch(
            &INGEST_REJECTS,
            vec![
                ("source_path", Col::Str(paths)),
                ("reason", Col::Str(vec![Some("empty".into()); n])),
                ("detail", Col::Str(vec![Some("no bytes".into()); n])),
                ("n_bytes", Col::I64(vec![Some(0); n])),
                ("outcome", Col::Str(vec![Some("rejected".into()); n])),
            ],
        )
    }

    #[test]
    fn builds_in_contract_order_with_dictionary_labels() {
        let b = rejects(vec![Some("a.txt".into())]).unwrap();
        assert_eq!(b.schema().field(1).name(), "reason");
        assert!(matches!(
            b.schema().field(1).data_type(),
            DataType::Dictionary(_, _)
        ));
        assert_eq!(
            strings(&b, "reason").unwrap(),
            vec![Some("empty".to_string())]
        );
    }

    #[test]
    fn null_in_required_column_names_the_column() {
        let e = rejects(vec![None]).unwrap_err().to_string();
        assert!(e.contains("source_path"), "{e}");
    }

    #[test]
    fn missing_column_is_an_error() {
        let e = batch(&INGEST_REJECTS, vec![]).unwrap_err().to_string();
        assert!(e.contains("missing"), "{e}");
    }
}

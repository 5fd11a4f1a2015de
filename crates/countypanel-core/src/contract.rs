//! Table contracts: the column names, Arrow types and nullability of every table the pipeline
//! writes, with a contract version stored in each file's key-value metadata.
//!
//! A contract is the single written-down definition of a table. Writers build their Arrow schema
//! from it and readers refuse a file that does not match it (see
//! [`check_file`](crate::parquet_io::check_file)). Bump a contract's `version` whenever a column
//! is added, removed, renamed or retyped.

use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema, SchemaRef};

/// The logical type of a contract column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColType {
    /// UTF-8 text.
    Utf8,
    /// UTF-8 text stored dictionary-encoded (low-cardinality labels: units, kinds, levels).
    Label,
    /// 32-bit signed integer (years, counts).
    Int32,
    /// 64-bit signed integer (byte counts, offsets).
    Int64,
    /// 64-bit float (measured values).
    Float64,
    /// Boolean flag.
    Boolean,
    /// Calendar date (days since the epoch).
    Date32,
    /// A list of UTF-8 strings (provenance ids).
    ListUtf8,
    /// A list of 32-bit integers (years with data).
    ListInt32,
}

impl ColType {
    /// The Arrow type this logical type is stored as.
    #[must_use]
    pub fn arrow_type(self) -> DataType {
        match self {
            Self::Utf8 => DataType::Utf8,
            Self::Label => {
                DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
            }
            Self::Int32 => DataType::Int32,
            Self::Int64 => DataType::Int64,
            Self::Float64 => DataType::Float64,
            Self::Boolean => DataType::Boolean,
            Self::Date32 => DataType::Date32,
            Self::ListUtf8 => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            Self::ListInt32 => DataType::List(Arc::new(Field::new("item", DataType::Int32, true))),
        }
    }

    /// Whether a stored Arrow type is acceptable for this logical type when reading. Readers
    /// accept the plain and the dictionary-encoded form of text, and large offsets, since other
    /// tools may rewrite a file that way.
    #[must_use]
    pub fn accepts(self, dt: &DataType) -> bool {
        let is_text =
            |d: &DataType| matches!(d, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View);
        match self {
            Self::Utf8 | Self::Label => {
                is_text(dt) || matches!(dt, DataType::Dictionary(_, v) if is_text(v))
            }
            Self::ListUtf8 => {
                matches!(dt, DataType::List(f) | DataType::LargeList(f) if is_text(f.data_type()))
            }
            Self::ListInt32 => {
                matches!(dt, DataType::List(f) | DataType::LargeList(f) if f.data_type() == &DataType::Int32)
            }
            other => &other.arrow_type() == dt,
        }
    }
}

/// One column of a contract.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// Column name.
    pub name: &'static str,
    /// Logical type.
    pub ty: ColType,
    /// Whether nulls are allowed.
    pub nullable: bool,
    /// One line saying what the column holds (rendered in the README's table reference).
    pub doc: &'static str,
}

/// A table contract.
#[derive(Debug, Clone, Copy)]
pub struct Contract {
    /// Table name, stored as `countypanel.contract` in the file metadata.
    pub name: &'static str,
    /// Contract version, stored as `countypanel.contract_version`.
    pub version: u32,
    /// The columns, in file order.
    pub columns: &'static [ColumnSpec],
}

impl Contract {
    /// The Arrow schema of this contract.
    #[must_use]
    pub fn schema(&self) -> SchemaRef {
        Arc::new(Schema::new(
            self.columns
                .iter()
                .map(|c| Field::new(c.name, c.ty.arrow_type(), c.nullable))
                .collect::<Vec<_>>(),
        ))
    }

    /// The column with this name.
    #[must_use]
    pub fn column(&self, name: &str) -> Option<&ColumnSpec> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Column names in order.
    #[must_use]
    pub fn names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }
}

pub(super) const fn col(
    name: &'static str,
    ty: ColType,
    nullable: bool,
    doc: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        name,
        ty,
        nullable,
        doc,
    }
}

mod tables;
pub use tables::{
    CATALOG_TODO, COMPARISON, CONFLICTS, COVERAGE, DOCUMENTS, FACTS, INGEST_REJECTS, OBSERVATIONS,
    PANEL_LONG, QUARANTINE, REGION_SUGGESTIONS, SUSPECT, TARGETS,
};

/// Every contract, for documentation and tests.
pub const ALL: &[Contract] = &[
    DOCUMENTS,
    FACTS,
    INGEST_REJECTS,
    OBSERVATIONS,
    QUARANTINE,
    CONFLICTS,
    SUSPECT,
    REGION_SUGGESTIONS,
    CATALOG_TODO,
    PANEL_LONG,
    COMPARISON,
    TARGETS,
    COVERAGE,
];

/// The contracts as a markdown reference: one table per contract, its columns with type,
/// nullability and meaning.
#[must_use]
pub fn markdown() -> String {
    use std::fmt::Write as _;
    let mut s = String::from(
        "# Table contracts\n\nGenerated by `countypanel schema` from `crates/countypanel-core/src/contract.rs`; \
every Parquet file stores its contract name and version in the key-value metadata \
(`countypanel.contract`, `countypanel.contract_version`). `label` columns are dictionary-encoded \
strings (categoricals in pandas and polars).\n",
    );
    for c in ALL {
        let _ = write!(
            s,
            "\n## {} (version {})\n\n| column | type | nulls | meaning |\n|---|---|---|---|\n",
            c.name, c.version
        );
        for col in c.columns {
            let ty = match col.ty {
                ColType::Utf8 => "string",
                ColType::Label => "label",
                ColType::Int32 => "int32",
                ColType::Int64 => "int64",
                ColType::Float64 => "float64",
                ColType::Boolean => "bool",
                ColType::Date32 => "date",
                ColType::ListUtf8 => "list<string>",
                ColType::ListInt32 => "list<int32>",
            };
            let _ = writeln!(
                s,
                "| `{}` | {ty} | {} | {} |",
                col.name,
                if col.nullable { "yes" } else { "no" },
                col.doc
            );
        }
    }
    s.push_str("\n## panel_wide (version 1)\n\nOne row per region and year: `region_code` (string), `region_name` (string), \
`region_level` (label), `year` (int32), then one float64 column per catalog indicator, named by \
its id, in catalog order, holding the actual value (null when not reported). The units of the \
indicator columns are in the key-value metadata `countypanel.units` (JSON).\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_are_unique_in_every_contract() {
        for c in ALL {
            let mut names = c.names();
            names.sort_unstable();
            let before = names.len();
            names.dedup();
            assert_eq!(before, names.len(), "duplicate column in {}", c.name);
        }
    }

    #[test]
    fn label_accepts_plain_and_dictionary_text_but_not_numbers() {
        assert!(ColType::Label.accepts(&DataType::Utf8));
        assert!(ColType::Utf8.accepts(&ColType::Label.arrow_type()));
        assert!(!ColType::Utf8.accepts(&DataType::Int64));
        assert!(!ColType::Int32.accepts(&DataType::Int64));
    }
}

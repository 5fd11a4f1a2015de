//! The wide panel: one row per region and year, one Float64 column per catalog indicator (actual
//! values), in catalog order, named by indicator id. Every catalog indicator has its column even
//! when no region reports it, so the schema is stable across runs.

use countypanel_core::vocab::Kind;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use arrow::array::{ArrayRef, Float64Array, Int32Array, StringArray, StringDictionaryBuilder};
use arrow::datatypes::{DataType, Field, Int32Type, Schema};
use countypanel_core::catalog::Catalog;
use countypanel_core::parquet_io::{WriteMeta, write_atomic};
use polars::prelude::DataFrame;

use crate::AggregateError;
use crate::compute::{floats, ints, strings};

/// Contract name of the wide panel (its indicator columns follow the catalog).
pub const WIDE_CONTRACT: &str = "panel_wide";
/// Its version.
pub const WIDE_VERSION: u32 = 1;

pub(crate) fn write_wide(
    panel_long: &DataFrame,
    catalog: &Catalog,
    path: &Path,
    meta: &WriteMeta,
) -> Result<usize, AggregateError> {
    let codes = strings(panel_long, "region_code")?;
    let names = strings(panel_long, "region_name")?;
    let levels = strings(panel_long, "region_level")?;
    let years = ints(panel_long, "year")?;
    let inds = strings(panel_long, "indicator_id")?;
    let kinds = strings(panel_long, "kind")?;
    let values = floats(panel_long, "value")?;
    type Row = (String, String, BTreeMap<String, f64>);
    let mut rows: BTreeMap<(String, i32), Row> = BTreeMap::new();
    for i in 0..codes.len() {
        if kinds[i].as_deref() != Some(Kind::Actual.as_str()) {
            continue;
        }
        let (Some(code), Some(year), Some(ind), Some(v)) =
            (codes[i].clone(), years[i], inds[i].clone(), values[i])
        else {
            continue;
        };
        let row = rows.entry((code, year)).or_insert_with(|| {
            (
                names[i].clone().unwrap_or_default(),
                levels[i].clone().unwrap_or_default(),
                BTreeMap::new(),
            )
        });
        row.2.insert(ind, v);
    }
    let mut fields = vec![
        Field::new("region_code", DataType::Utf8, false),
        Field::new("region_name", DataType::Utf8, false),
        Field::new(
            "region_level",
            DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)),
            false,
        ),
        Field::new("year", DataType::Int32, false),
    ];
    let mut level_builder = StringDictionaryBuilder::<Int32Type>::new();
    for (_, level, _) in rows.values() {
        level_builder.append_value(level);
    }
    let mut arrays: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from(
            rows.keys().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        )),
        Arc::new(StringArray::from(
            rows.values()
                .map(|(n, _, _)| n.as_str())
                .collect::<Vec<_>>(),
        )),
        Arc::new(level_builder.finish()),
        Arc::new(Int32Array::from(
            rows.keys().map(|(_, y)| *y).collect::<Vec<_>>(),
        )),
    ];
    let mut units = Vec::new();
    for ind in &catalog.indicators {
        let unit_zh = countypanel_core::zh::unit(&ind.unit);
        fields.push(
            Field::new(&ind.id, DataType::Float64, true).with_metadata(
                [
                    ("name_zh", format!("{}（{unit_zh}）", ind.name)),
                    ("unit", ind.unit.clone()),
                    ("unit_zh", unit_zh.to_string()),
                    (
                        "description",
                        format!("{}: the actual value, in {}", ind.label, ind.unit),
                    ),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<std::collections::HashMap<_, _>>(),
            ),
        );
        arrays.push(Arc::new(Float64Array::from(
            rows.values()
                .map(|(_, _, v)| v.get(&ind.id).copied())
                .collect::<Vec<_>>(),
        )));
        units.push(format!("\"{}\":\"{}\"", ind.id, ind.unit));
    }
    let schema = Arc::new(Schema::new(fields));
    let batch = countypanel_core::table::dynamic_batch(Arc::clone(&schema), arrays)?;
    let mut meta = meta.clone();
    meta.extra.push((
        "countypanel.units".into(),
        format!("{{{}}}", units.join(",")),
    ));
    write_atomic(path, WIDE_CONTRACT, WIDE_VERSION, schema, &meta, |w| {
        w.write(&batch)
    })?;
    Ok(rows.len())
}

//! The wide panel: one row per region and year, one Float64 column per catalog indicator (actual
//! values), in catalog order, named by indicator id. Every catalog indicator has its column even
//! when no region reports it, so the schema is stable across runs.

use countypanel_core::vocab::Kind;
use std::path::Path;
use std::sync::Arc;

use arrow::array::{ArrayRef, Float64Array, Int32Array, StringArray, StringDictionaryBuilder};
use arrow::datatypes::{DataType, Field, Int32Type, Schema};
use countypanel_core::catalog::Catalog;
use countypanel_core::parquet_io::{WriteMeta, write_atomic};
use polars::prelude::{
    DataFrame, DataType as PlDataType, IntoLazy, JoinArgs, JoinType, LazyFrame,
    SortMultipleOptions, by_name, col, df, element, lit,
};

use crate::compute::{floats, ints, strings};
use crate::{AggregateError, pl_err};

/// Contract name of the wide panel (its indicator columns follow the catalog).
pub const WIDE_CONTRACT: &str = "panel_wide";
/// Its version.
pub const WIDE_VERSION: u32 = 1;

/// The actual values of the long panel pivoted to one row per region and year (sorted by
/// both), one column per catalog indicator, in catalog order (an indicator no region reports
/// has its column, all empty).
fn pivoted(panel_long: &DataFrame, catalog: &Catalog) -> Result<DataFrame, AggregateError> {
    let ids: Vec<&str> = catalog.indicators.iter().map(|i| i.id.as_str()).collect();
    let on_columns = df!("indicator_id" => ids).map_err(pl_err("wide panel"))?;
    panel_long
        .clone()
        .lazy()
        .filter(
            col("kind")
                .cast(PlDataType::String)
                .eq(lit(Kind::Actual.as_str()))
                .and(col("region_code").is_not_null())
                .and(col("year").is_not_null())
                .and(col("indicator_id").is_not_null())
                .and(col("value").is_not_null()),
        )
        .select([
            col("region_code"),
            col("year"),
            col("indicator_id").cast(PlDataType::String),
            col("value"),
        ])
        .pivot(
            by_name(["indicator_id"], true, false),
            Arc::new(on_columns),
            by_name(["region_code", "year"], true, false),
            by_name(["value"], true, false),
            element().last(),
            true,
            "_".into(),
            polars::frame::PivotColumnNaming::Auto,
        )
        .join(
            names_of(panel_long),
            [col("region_code"), col("year")],
            [col("region_code"), col("year")],
            JoinArgs::new(JoinType::Left),
        )
        .sort(["region_code", "year"], SortMultipleOptions::default())
        .collect()
        .map_err(pl_err("wide panel"))
}

/// Each region's name (of that year: a county renamed keeps its code) and level, as the long
/// panel first gives them.
fn names_of(panel_long: &DataFrame) -> LazyFrame {
    panel_long
        .clone()
        .lazy()
        .group_by_stable([col("region_code"), col("year")])
        .agg([
            col("region_name").first().alias("region_name"),
            col("region_level")
                .cast(PlDataType::String)
                .first()
                .alias("region_level"),
        ])
}

pub(crate) fn write_wide(
    panel_long: &DataFrame,
    catalog: &Catalog,
    path: &Path,
    meta: &WriteMeta,
) -> Result<usize, AggregateError> {
    let wide = pivoted(panel_long, catalog)?;
    let text = |name: &str| -> Result<Vec<String>, AggregateError> {
        Ok(strings(&wide, name)?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect())
    };
    let (codes, names, levels) = (
        text("region_code")?,
        text("region_name")?,
        text("region_level")?,
    );
    let years: Vec<i32> = ints(&wide, "year")?
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
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
    for level in &levels {
        level_builder.append_value(level);
    }
    let mut arrays: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from(codes)),
        Arc::new(StringArray::from(names)),
        Arc::new(level_builder.finish()),
        Arc::new(Int32Array::from(years)),
    ];
    let mut units = Vec::new();
    for ind in &catalog.indicators {
        fields.push(indicator_field(ind));
        arrays.push(Arc::new(Float64Array::from(floats(&wide, &ind.id)?)));
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
    Ok(wide.height())
}

/// The column of an indicator, with its Chinese name and unit and its description.
fn indicator_field(ind: &countypanel_core::catalog::Indicator) -> Field {
    let unit_zh = countypanel_core::zh::unit(ind.unit.as_str());
    Field::new(&ind.id, DataType::Float64, true).with_metadata(
        [
            ("name_zh", format!("{}（{unit_zh}）", ind.name)),
            ("unit", ind.unit.as_str().to_string()),
            ("unit_zh", unit_zh.to_string()),
            (
                "description",
                format!("{}: the actual value, in {}", ind.label, ind.unit),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect::<std::collections::HashMap<_, _>>(),
    )
}

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
    DataFrame, DataType as PlDataType, IdxSize, IntoLazy, UniqueKeepStrategy, col,
};

use crate::compute::strings;
use crate::{AggregateError, pl_err};

/// Contract name of the wide panel (its indicator columns follow the catalog).
pub const WIDE_CONTRACT: &str = "panel_wide";
/// Its version.
pub const WIDE_VERSION: u32 = 1;

/// The wide panel's rows: one per region and year, sorted by both.
#[derive(Debug, Default, PartialEq)]
struct Wide {
    codes: Vec<String>,
    /// The region's name and level as the long panel's first row of the region and year gives
    /// them (a county renamed keeps its code).
    names: Vec<String>,
    levels: Vec<String>,
    years: Vec<i32>,
    /// One column per catalog indicator, in catalog order: its actual value in each row.
    values: Vec<Vec<Option<f64>>>,
}

/// The texts of the key column `text` by their numbers in the column `number`: the text numbered
/// `k` at index `k` (the distinct pairs are taken out first, so each text is read once).
fn ordinal_texts(
    df: &DataFrame,
    text: &str,
    number: &str,
) -> Result<Vec<Option<String>>, AggregateError> {
    let pairs = df
        .clone()
        .lazy()
        .select([col(text), col(number)])
        .unique(None, UniqueKeepStrategy::Any)
        .collect()
        .map_err(pl_err("wide panel"))?;
    let texts = strings(&pairs, text)?;
    let numbers = pairs
        .column(number)
        .and_then(|c| c.cast(&PlDataType::UInt64))
        .map_err(pl_err("wide panel"))?;
    let numbers = numbers.u64().map_err(pl_err("wide panel"))?;
    let mut out = vec![None; pairs.height()];
    for (t, n) in texts.into_iter().zip(numbers.iter()) {
        if let Some(slot) = n.and_then(|n| out.get_mut(usize::try_from(n).ok()?)) {
            *slot = t;
        }
    }
    Ok(out)
}

/// The actual values of the long panel pivoted to one row per region and year (sorted by
/// both), one column per catalog indicator, in catalog order (an indicator no region reports
/// has its column, all empty); when a cell has several actual values, the last row's.
///
/// One pass over the long panel, which `aggregate` sorts by region, year and indicator (by their
/// numbers, `rix`, `year`, `iix`): a region's year is a run of rows, and the runs come in the
/// wide panel's order. (A pivot of the frame compared every row's indicator with each of the
/// catalog's 154 ids: a quarter of the stage at national scale.)
fn pivoted(panel_long: &DataFrame, catalog: &Catalog) -> Result<Wide, AggregateError> {
    let column = |name: &str| panel_long.column(name).map_err(pl_err("wide panel"));
    let number = |name: &str| {
        column(name)?
            .as_materialized_series()
            .idx()
            .map_err(pl_err("wide panel"))
    };
    let codes = ordinal_texts(panel_long, "region_code", "rix")?;
    let ids = ordinal_texts(panel_long, "indicator_id", "iix")?;
    let kinds = ordinal_texts(panel_long, "kind", "kix")?;
    let levels = ordinal_texts(panel_long, "region_level", "lix")?;
    let position: std::collections::HashMap<&str, usize> = catalog
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| (ind.id.as_str(), i))
        .collect();
    // Catalog position of each indicator number; whether each kind number is an actual value.
    let column_of: Vec<Option<usize>> = ids
        .iter()
        .map(|id| id.as_deref().and_then(|id| position.get(id).copied()))
        .collect();
    let actual: Vec<bool> = kinds
        .iter()
        .map(|k| k.as_deref() == Some(Kind::Actual.as_str()))
        .collect();
    let (rix, iix, kix, lix) = (
        number("rix")?,
        number("iix")?,
        number("kix")?,
        number("lix")?,
    );
    let years = column("year")?
        .cast(&PlDataType::Int32)
        .map_err(pl_err("wide panel"))?;
    let years = years.i32().map_err(pl_err("wide panel"))?;
    let region_names = column("region_name")?
        .cast(&PlDataType::String)
        .map_err(pl_err("wide panel"))?;
    let region_names = region_names.str().map_err(pl_err("wide panel"))?;
    let values = column("value")?
        .cast(&PlDataType::Float64)
        .map_err(pl_err("wide panel"))?;
    let values = values.f64().map_err(pl_err("wide panel"))?;

    let mut wide = Wide {
        values: vec![Vec::new(); catalog.indicators.len()],
        ..Wide::default()
    };
    // The current run (region number, year), its first row, and whether it has a row yet.
    let mut run: Option<(Option<IdxSize>, Option<i32>)> = None;
    let mut run_start = 0;
    let mut run_written = false;
    let index = |v: Option<IdxSize>| v.and_then(|n| usize::try_from(n).ok());
    let rows = years.iter().zip(values.iter()).zip(rix.iter());
    for (i, (((year, value), r), (n, k))) in rows.zip(iix.iter().zip(kix.iter())).enumerate() {
        let key = (r, year);
        if run != Some(key) {
            run = Some(key);
            run_start = i;
            run_written = false;
        }
        let is_actual = index(k).and_then(|k| actual.get(k).copied());
        let code = index(r).and_then(|r| codes.get(r)?.as_ref());
        let column = index(n).and_then(|n| column_of.get(n).copied().flatten());
        // Any indicator makes a row (a pivot's groups), the catalog's fill its columns.
        let (Some(true), Some(code), Some(year), Some(true), Some(value)) = (
            is_actual,
            code,
            year,
            index(n).map(|n| ids.get(n).is_some_and(Option::is_some)),
            value,
        ) else {
            continue;
        };
        if !run_written {
            run_written = true;
            wide.codes.push(code.clone());
            wide.names
                .push(region_names.get(run_start).unwrap_or_default().to_string());
            wide.levels.push(
                index(lix.get(run_start))
                    .and_then(|l| levels.get(l).cloned().flatten())
                    .unwrap_or_default(),
            );
            wide.years.push(year);
            for c in &mut wide.values {
                c.push(None);
            }
        }
        if let Some(column) = column {
            wide.values[column][wide.years.len() - 1] = Some(value);
        }
    }
    Ok(wide)
}

pub(crate) fn write_wide(
    panel_long: &DataFrame,
    catalog: &Catalog,
    path: &Path,
    meta: &WriteMeta,
) -> Result<usize, AggregateError> {
    let Wide {
        codes,
        names,
        levels,
        years,
        values,
    } = pivoted(panel_long, catalog)?;
    let rows = years.len();
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
    for (ind, column) in catalog.indicators.iter().zip(values) {
        fields.push(indicator_field(ind));
        arrays.push(Arc::new(Float64Array::from(column)));
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
    Ok(rows)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::{floats, ints};
    use countypanel_core::rng::SplitMix64;
    use polars::prelude::{
        JoinArgs, JoinType, LazyFrame, SortMultipleOptions, by_name, df, element, lit,
    };

    fn catalog() -> Catalog {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../pipelines/indicators/health.toml");
        Catalog::load(&path).expect("catalog loads")
    }

    /// The wide panel as polars pivots it: the reference `pivoted` must agree with.
    fn pivoted_by_polars(panel_long: &DataFrame, catalog: &Catalog) -> Wide {
        let ids: Vec<&str> = catalog.indicators.iter().map(|i| i.id.as_str()).collect();
        let on_columns = df!("indicator_id" => ids).unwrap();
        let names: LazyFrame = panel_long
            .clone()
            .lazy()
            .group_by_stable([col("region_code"), col("year")])
            .agg([
                col("region_name").first().alias("region_name"),
                col("region_level")
                    .cast(PlDataType::String)
                    .first()
                    .alias("region_level"),
            ]);
        let wide = panel_long
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
                names,
                [col("region_code"), col("year")],
                [col("region_code"), col("year")],
                JoinArgs::new(JoinType::Left),
            )
            .sort(["region_code", "year"], SortMultipleOptions::default())
            .collect()
            .unwrap();
        let text = |name: &str| -> Vec<String> {
            strings(&wide, name)
                .unwrap()
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect()
        };
        Wide {
            codes: text("region_code"),
            names: text("region_name"),
            levels: text("region_level"),
            years: ints(&wide, "year").unwrap().into_iter().flatten().collect(),
            values: catalog
                .indicators
                .iter()
                .map(|i| floats(&wide, &i.id).unwrap())
                .collect(),
        }
    }

    /// A long panel as `aggregate` has it (numbered keys, sorted by them) of random rows: a few
    /// regions whose name changes within a year, actual and target values, several values of
    /// one cell, empty codes, years and values, and an id the catalog does not hold.
    fn random_panel(rng: &mut SplitMix64, catalog: &Catalog) -> DataFrame {
        let n = usize::try_from(rng.int(0, 300)).unwrap();
        let mut ids: Vec<&str> = catalog
            .indicators
            .iter()
            .map(|i| i.id.as_str())
            .step_by(17)
            .collect();
        ids.push("not_in_catalog");
        let (mut code, mut name, mut level, mut year) = (vec![], vec![], vec![], vec![]);
        let (mut ind, mut kind, mut value) = (vec![], vec![], vec![]);
        for _ in 0..n {
            let r = rng.int(0, 4);
            code.push((r > 0).then(|| format!("42122{r}")));
            name.push(format!("县{}", rng.int(0, 2)));
            level.push(if r == 4 { "prefecture" } else { "county" });
            year.push((!rng.chance(5)).then(|| i32::try_from(rng.int(2018, 2021)).unwrap()));
            ind.push(*rng.pick(&ids));
            kind.push(if rng.chance(70) { "actual" } else { "target" });
            value.push((!rng.chance(5)).then(|| rng.pct(0, 100)));
        }
        let obs = df!(
            "region_code" => code,
            "region_name" => name,
            "region_level" => level,
            "year" => year,
            "indicator_id" => ind,
            "kind" => kind,
            "value" => value,
        )
        .unwrap();
        crate::compute::keyed(&obs)
            .unwrap()
            .lazy()
            .sort_by_exprs(
                [col("rix"), col("year"), col("iix"), col("kix")],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .collect()
            .unwrap()
    }

    #[test]
    fn one_pass_gives_the_pivot_of_polars() {
        let catalog = catalog();
        let mut rng = SplitMix64(20);
        let mut rows = 0;
        for _ in 0..200 {
            let panel = random_panel(&mut rng, &catalog);
            let ours = pivoted(&panel, &catalog).unwrap();
            assert_eq!(ours.values.len(), catalog.indicators.len());
            rows += ours.years.len();
            assert_eq!(ours, pivoted_by_polars(&panel, &catalog));
        }
        assert!(
            rows > 1000,
            "the random panels must have rows to compare: {rows}"
        );
    }

    #[test]
    fn a_cell_keeps_its_last_actual_value_and_the_first_row_names_the_region() {
        let obs = df!(
            "region_code" => ["421221", "421221", "421221", "421221"],
            "region_name" => ["嘉鱼县", "嘉鱼", "嘉鱼", "嘉鱼"],
            "region_level" => ["county"; 4],
            "year" => [2020, 2020, 2020, 2020],
            "indicator_id" => ["village_clinics"; 4],
            "kind" => ["target", "actual", "actual", "target"],
            "value" => [1.0, 2.0, 3.0, 4.0],
        )
        .unwrap();
        let panel = crate::compute::keyed(&obs).unwrap();
        let wide = pivoted(&panel, &catalog()).unwrap();
        assert_eq!(wide.codes, ["421221"]);
        assert_eq!(wide.names, ["嘉鱼县"]);
        let at = catalog()
            .indicators
            .iter()
            .position(|i| i.id == "village_clinics")
            .unwrap();
        assert_eq!(wide.values[at], [Some(3.0)]);
    }
}

//! Densities against their counts.
//!
//! A density (每千人口医疗卫生机构床位数) and the count it divides (医疗卫生机构床位数) imply a
//! population: count ÷ density × 1,000. A region's implied populations agree, across its years
//! and across its densities, within a small factor; a density whose count implies a population
//! more than `clean.density_factor` times above or below the median of the region's implied
//! populations (at least `min_values` of them) is suspect: a ‰ printed as %, a density of another
//! population or per 10,000, a count of another scope. The catalog says which indicator is a
//! density of which count (`density_of`, `density_per`).

use countypanel_core::catalog::Catalog;
use countypanel_core::frame::{
    frame_floats as floats, frame_ints as ints, frame_strings as strings,
};
use countypanel_core::vocab::Kind;
use polars::prelude::*;

use crate::{CleanError, pl_err};

/// The suspect rows of densities whose implied population departs from their region's, in the
/// columns of the suspect table (`series_median` holds the density the region's median
/// population gives the count; `n_years` how many implied populations the median is of).
pub fn density_suspects(
    observations: &DataFrame,
    catalog: &Catalog,
    factor: f64,
    min_values: i32,
) -> Result<DataFrame, CleanError> {
    let implied = implied_populations(observations, catalog)?;
    let region = implied.clone().group_by([col("region_code")]).agg([
        col("implied").median().alias("population"),
        len().cast(DataType::Int32).alias("n_years"),
    ]);
    let mut out = implied
        .join(
            region,
            [col("region_code")],
            [col("region_code")],
            JoinArgs::new(JoinType::Inner),
        )
        .filter(
            col("n_years").gt_eq(lit(min_values)).and(
                col("implied")
                    .gt(col("population") * lit(factor))
                    .or((col("implied") * lit(factor)).lt(col("population"))),
            ),
        )
        .with_columns([(col("count") / col("population") * col("per")).alias("series_median")])
        .sort(
            ["region_code", "year", "indicator_id"],
            SortMultipleOptions::default(),
        )
        .collect()
        .map_err(pl_err("density checks"))?;
    let detail = details(&out)?;
    let rows = out.height();
    out.with_column(Column::new(
        "rule".into(),
        vec!["density_inconsistent"; rows],
    ))
    .map_err(pl_err("density checks"))?;
    out.with_column(Column::new("detail".into(), detail))
        .map_err(pl_err("density checks"))?;
    out.select([
        "region_code",
        "region_name",
        "year",
        "indicator_id",
        "kind",
        "value",
        "series_median",
        "n_years",
        "chosen_fact_id",
        "rule",
        "detail",
    ])
    .map_err(pl_err("density checks"))
}

/// The actual densities of the observations beside the count they divide (same region and
/// year), each with the population the two imply (`implied`) and the density's base (`per`).
fn implied_populations(
    observations: &DataFrame,
    catalog: &Catalog,
) -> Result<LazyFrame, CleanError> {
    let (mut density, mut count, mut per) = (Vec::new(), Vec::new(), Vec::new());
    for ind in &catalog.indicators {
        if let Some(c) = &ind.density_of {
            density.push(ind.id.clone());
            count.push(c.clone());
            per.push(ind.density_per);
        }
    }
    let pairs = df!("indicator_id" => density, "count_id" => count, "per" => per)
        .map_err(pl_err("density pairs"))?;
    let actual = observations
        .clone()
        .lazy()
        .filter(
            col("kind")
                .cast(DataType::String)
                .eq(lit(Kind::Actual.as_str())),
        )
        .select([
            col("region_code"),
            col("region_name"),
            col("year"),
            col("indicator_id").cast(DataType::String),
            col("kind").cast(DataType::String),
            col("value"),
            col("chosen_fact_id"),
        ]);
    let counts = actual.clone().select([
        col("region_code"),
        col("year"),
        col("indicator_id").alias("count_id"),
        col("value").alias("count"),
    ]);
    Ok(actual
        .join(
            pairs.lazy(),
            [col("indicator_id")],
            [col("indicator_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .join(
            counts,
            [col("region_code"), col("year"), col("count_id")],
            [col("region_code"), col("year"), col("count_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .filter(col("value").gt(lit(0.0)).and(col("count").gt(lit(0.0))))
        .with_columns([(col("count") / col("value") * col("per")).alias("implied")]))
}

/// The detail of each suspect density: what it and its count imply, what the region's median
/// implies, and the density that median gives. A row loop: the figures are written with their
/// own precision, which no string expression of polars does.
fn details(out: &DataFrame) -> Result<Vec<String>, CleanError> {
    let (value, cnt, imp, pop) = (
        floats(out, "value")?,
        floats(out, "count")?,
        floats(out, "implied")?,
        floats(out, "population")?,
    );
    let (count_id, n, per) = (
        strings(out, "count_id")?,
        ints(out, "n_years")?,
        floats(out, "per")?,
    );
    Ok((0..out.height())
        .map(|i| {
            format!(
                "{} per {} residents with {} of `{}` implies {:.0} residents; the region's counts and densities imply {:.0} (median of {}), which gives {:.2}",
                value[i].unwrap_or(f64::NAN),
                per[i].unwrap_or(f64::NAN),
                cnt[i].unwrap_or(f64::NAN),
                count_id[i].as_deref().unwrap_or(""),
                imp[i].unwrap_or(f64::NAN),
                pop[i].unwrap_or(f64::NAN),
                n[i].unwrap_or(0),
                cnt[i].unwrap_or(f64::NAN) / pop[i].unwrap_or(f64::NAN) * per[i].unwrap_or(f64::NAN),
            )
        })
        .collect())
}

/// The suspect table with the density rows added, sorted by cell and rule.
pub fn with_density_rows(suspect: DataFrame, density: DataFrame) -> Result<DataFrame, CleanError> {
    let as_text = |df: DataFrame| {
        df.lazy().with_columns([
            col("indicator_id").cast(DataType::String),
            col("kind").cast(DataType::String),
            col("rule").cast(DataType::String),
        ])
    };
    concat([as_text(suspect), as_text(density)], UnionArgs::default())
        .map_err(pl_err("suspect cells"))?
        .sort(
            ["region_code", "year", "indicator_id", "kind", "rule"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("suspect cells"))
}

//! Plausibility across years: a value far from its region's own series is suspect.
//!
//! A series is the values of one region, indicator and kind over the years (the median of each
//! year's facts, then the median of those). With at least `min_years` years, a value more than
//! `factor` times above or below the series median departs from it: a 100-fold jump in a
//! yearbook, a ‰ printed as %, a 万 lost in a page wrap. Such a fact loses a conflict to one that
//! fits; an observation whose chosen value departs is `suspect` and listed in `suspect.parquet`.

use std::fmt::Write as _;

use polars::prelude::*;

use countypanel_core::frame::{frame_floats as floats, frame_ints as ints};

use crate::{CleanError, pl_err};

/// The keys of a series.
fn series_keys() -> [Expr; 3] {
    [col("rix"), col("iix"), col("kix")]
}

/// Whether `value` departs from the series median by more than `factor` (both positive).
/// Expects the columns `series_median` and `n_years`.
pub fn departs(value: Expr, factor: f64, min_years: i32) -> Expr {
    let m = col("series_median");
    col("n_years")
        .gt_eq(lit(i64::from(min_years)))
        .and(m.clone().gt(lit(0.0)))
        .and(value.clone().gt(lit(0.0)))
        .and(
            value
                .clone()
                .gt(m.clone() * lit(factor))
                .or((value * lit(factor)).lt(m)),
        )
        .fill_null(lit(false))
}

/// Adds `series_median` and `n_years` to the observations, from their `year_value` (the
/// median of each cell's facts): the series of a region, indicator and kind (by the integers
/// beside their keys, `rix`, `iix`, `kix`) is the median of its years' values. With the checks
/// off, the median is null and no value departs.
pub fn with_series(observations: LazyFrame, on: bool) -> LazyFrame {
    if !on {
        return observations.with_columns([
            lit(NULL).cast(DataType::Float64).alias("series_median"),
            lit(0i64).alias("n_years"),
        ]);
    }
    let series = observations
        .clone()
        .select([col("rix"), col("iix"), col("kix"), col("year_value")])
        .group_by(series_keys())
        .agg([
            col("year_value").median().alias("series_median"),
            len().cast(DataType::Int64).alias("n_years"),
        ]);
    // The observations keep their order (by cell), so that nothing after has to sort again.
    let mut keep_order = JoinArgs::new(JoinType::Left);
    keep_order.maintain_order = MaintainOrderJoin::Left;
    observations.join(series, series_keys(), series_keys(), keep_order)
}

/// Settles the conflicting cells by their series and flags suspect observations.
///
/// `conflicts` holds the facts of conflicting cells with `obs_row` (their cell's row in
/// `observations`), `implausible` and `policy_rank` (their place in the order of the other
/// rules), sorted by cell, then `implausible`, then `policy_rank`: the first fact of each cell
/// is the one the whole policy chooses. Where that is not the fact the other rules chose, the
/// cell takes its value, unit, qualifier and fact id. Returns the observations with `suspect`
/// (the chosen value departs from its series) and the conflicts with `chosen`, `policy_rank`
/// renumbered in the full policy order, sorted by cell and fact id.
pub fn settle(
    observations: DataFrame,
    conflicts: &DataFrame,
    factor: f64,
    min_years: i32,
) -> Result<(DataFrame, DataFrame), CleanError> {
    let conflicts = conflicts
        .drop("policy_rank")
        .map_err(pl_err("conflicts"))?
        .with_row_index("policy_rank".into(), None)
        .map_err(pl_err("conflicts"))?
        .lazy()
        .with_columns([col("policy_rank").cast(DataType::Int32)])
        // Sorted by cell: the first row of each cell is its choice.
        .with_columns([col("obs_row")
            .neq_missing(col("obs_row").shift(lit(1)))
            .alias("chosen")])
        .collect()
        .map_err(pl_err("conflicts"))?;
    let winners = conflicts.clone().lazy().filter(col("chosen")).select([
        col("obs_row"),
        col("fact_id").alias("new_fact_id"),
        col("value").alias("new_value"),
        col("unit").alias("new_unit"),
        col("qualifier").alias("new_qualifier"),
    ]);
    let mut keep_order = JoinArgs::new(JoinType::Left);
    keep_order.maintain_order = MaintainOrderJoin::Left;
    let observations = observations
        .lazy()
        .with_row_index("obs_row", None)
        .join(winners, [col("obs_row")], [col("obs_row")], keep_order)
        .with_columns(
            [
                ("chosen_fact_id", "new_fact_id"),
                ("value", "new_value"),
                ("unit", "new_unit"),
                ("qualifier", "new_qualifier"),
            ]
            .map(|(old, new)| {
                when(col("new_fact_id").is_not_null())
                    .then(col(new))
                    .otherwise(col(old))
                    .alias(old)
            }),
        )
        .with_columns([departs(col("value"), factor, min_years).alias("suspect")])
        .drop(cols([
            "obs_row",
            "new_fact_id",
            "new_value",
            "new_unit",
            "new_qualifier",
        ]))
        .collect()
        .map_err(pl_err("observations"))?;
    let conflicts = conflicts
        .lazy()
        .sort_by_exprs(
            [
                col("rix"),
                col("year"),
                col("iix"),
                col("kix"),
                col("fact_id"),
            ],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("conflicts"))?;
    Ok((observations, conflicts))
}

/// The suspect table: one row per suspect observation, with the series around it in words.
pub fn suspect_frame(observations: &DataFrame) -> Result<DataFrame, CleanError> {
    let mut s = observations
        .clone()
        .lazy()
        .filter(col("suspect"))
        .select([
            col("region_code"),
            col("region_name"),
            col("year"),
            col("indicator_id"),
            col("kind"),
            col("value"),
            col("series_median"),
            col("n_years").cast(DataType::Int32),
            col("chosen_fact_id"),
        ])
        .collect()
        .map_err(pl_err("suspect cells"))?;
    let values = floats(&s, "value")?;
    let medians = floats(&s, "series_median")?;
    let years = ints(&s, "n_years")?;
    let detail: Vec<String> = (0..s.height())
        .map(|i| {
            let (v, m) = (
                values[i].unwrap_or(f64::NAN),
                medians[i].unwrap_or(f64::NAN),
            );
            let mut d = String::new();
            let ratio = if v >= m { v / m } else { m / v };
            let dir = if v >= m { "above" } else { "below" };
            let _ = write!(
                d,
                "value {v} is {ratio:.1} times {dir} the median {m} of its {} years",
                years[i].unwrap_or(0)
            );
            d
        })
        .collect();
    let n = s.height();
    s.with_column(Column::new("rule".into(), vec!["series_departure"; n]))
        .map_err(pl_err("suspect cells"))?;
    s.with_column(Column::new("detail".into(), detail))
        .map_err(pl_err("suspect cells"))?;
    Ok(s)
}

/// The rule that chose between the values of each conflicting cell: the first policy column in
/// which the chosen fact differs from the runner-up. `ranked` holds the facts of conflicting
/// cells with their cell's `obs_row` and their `policy_rank` (their place in the policy order). A row loop over the
/// conflicting cells only: finding a cell's best and second rows and the first column where they
/// differ is a comparison across rows that no column expression states simply.
pub fn decided_by(ranked: &DataFrame) -> Result<Vec<&'static str>, CleanError> {
    const RULES: [(&str, &str); 5] = [
        ("implausible", "series"),
        ("source_priority", "source_priority"),
        ("qual_rank", "exact_value"),
        ("published", "later_publication"),
        ("char_start", "earlier_statement"),
    ];
    // A cell is its observation's row (`obs_row`); the policy columns are compared as the
    // integers they are (a flag, priorities, a date's days, an offset).
    let column = |name: &str| -> Result<Vec<Option<i64>>, CleanError> {
        let c = ranked
            .column(name)
            .map_err(pl_err("policy columns"))?
            .cast(&DataType::Int64)
            .map_err(pl_err("policy columns"))?;
        Ok(c.i64().map_err(pl_err("policy columns"))?.iter().collect())
    };
    let cell = column("obs_row")?;
    let rank = ints(ranked, "policy_rank")?;
    let cols: Vec<Vec<Option<i64>>> = RULES
        .iter()
        .map(|(c, _)| column(c))
        .collect::<Result<_, CleanError>>()?;
    // The best and second-best rows of each cell, by policy rank.
    let mut best: std::collections::HashMap<Option<i64>, (i32, usize, Option<usize>)> =
        std::collections::HashMap::new();
    for i in 0..ranked.height() {
        let r = rank[i].unwrap_or(i32::MAX);
        let e = best.entry(cell[i]).or_insert((r, i, None));
        if r < e.0 {
            *e = (r, i, Some(e.1));
        } else if i != e.1 && e.2.is_none_or(|j| r < rank[j].unwrap_or(i32::MAX)) {
            e.2 = Some(i);
        }
    }
    Ok((0..ranked.height())
        .map(|i| {
            let (_, a, b) = best[&cell[i]];
            b.and_then(|b| {
                RULES
                    .iter()
                    .zip(&cols)
                    .find(|(_, c)| c[a] != c[b])
                    .map(|((_, name), _)| *name)
            })
            .unwrap_or("fact_id")
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[(i32, f64)]) -> DataFrame {
        let n = values.len();
        df!(
            "region_code" => vec!["421221"; n],
            "indicator_id" => vec!["hospital_beds"; n],
            "kind" => vec!["actual"; n],
            "year" => values.iter().map(|v| v.0).collect::<Vec<_>>(),
            "value" => values.iter().map(|v| v.1).collect::<Vec<_>>(),
        )
        .unwrap()
    }

    /// The (year, value) of the facts that depart from their series: the series from each
    /// year's median, as clean builds it from its observations.
    fn implausible(df: &DataFrame) -> Vec<(i32, f64)> {
        let years = df
            .clone()
            .lazy()
            .group_by([
                col("region_code"),
                col("indicator_id"),
                col("kind"),
                col("year"),
            ])
            .agg([col("value").median().alias("year_value")])
            .collect()
            .unwrap();
        let years = countypanel_core::frame::with_ordinals(&years, &crate::plan::KEY_ORDINALS)
            .unwrap()
            .lazy();
        let series = with_series(years, true).select([
            col("region_code"),
            col("indicator_id"),
            col("kind"),
            col("year"),
            col("series_median"),
            col("n_years"),
        ]);
        let keys = [
            col("region_code"),
            col("indicator_id"),
            col("kind"),
            col("year"),
        ];
        let out = df
            .clone()
            .lazy()
            .join(series, keys.clone(), keys, JoinArgs::new(JoinType::Left))
            .filter(departs(col("value"), 5.0, 3))
            .sort(["year"], SortMultipleOptions::default())
            .collect()
            .unwrap();
        let y = ints(&out, "year").unwrap();
        let v = floats(&out, "value").unwrap();
        y.into_iter()
            .zip(v)
            .map(|(y, v)| (y.unwrap(), v.unwrap()))
            .collect()
    }

    #[test]
    fn a_hundredfold_jump_and_a_permille_printed_as_percent_depart_from_their_series() {
        let beds = series(&[
            (2015, 118.0),
            (2016, 120.0),
            (2017, 12_100.0),
            (2018, 122.0),
            (2019, 125.0),
        ]);
        assert_eq!(implausible(&beds), vec![(2017, 12_100.0)]);
        // 3.2‰ read where the series is in per mille, then 32 from a ‰ printed as a percent.
        let rate = series(&[(2016, 3.4), (2017, 3.3), (2018, 32.0), (2019, 3.1)]);
        assert_eq!(implausible(&rate), vec![(2018, 32.0)]);
    }

    #[test]
    fn a_smooth_series_and_a_short_one_have_nothing_suspect() {
        let smooth = series(&[(2015, 100.0), (2016, 130.0), (2017, 170.0), (2018, 220.0)]);
        assert!(implausible(&smooth).is_empty());
        let short = series(&[(2017, 1.0), (2018, 116.0)]);
        assert!(implausible(&short).is_empty());
    }

    #[test]
    fn duplicates_in_one_year_are_judged_against_the_other_years() {
        // A yearbook printing one county-year twice, 1 bed and 116 beds, in a series near 120.
        let beds = series(&[
            (2008, 117.0),
            (2009, 1.0),
            (2009, 116.0),
            (2010, 121.0),
            (2011, 119.0),
        ]);
        assert_eq!(implausible(&beds), vec![(2009, 1.0)]);
    }
}

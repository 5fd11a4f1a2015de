//! The steps of the clean stage, each a function over data frames, so that each rule of the
//! policy is tested on a few rows where it lives (see the tests below):
//!
//! - [`doc_table`]: per-document policy inputs (source priority, publication date and year);
//! - [`region_table`]: the level, official name and base-vintage code of each (code, year);
//! - [`validate`]: facts joined with the catalog, documents and regions, with the first rule
//!   each breaks (`rule_broken`);
//! - [`policy_order`]: the valid facts sorted by cell and by the source policy, ranked;
//! - [`observations_of`]: the first fact of each cell, with provenance and the `conflict` flag;
//! - [`conflicts_of`]: the facts of conflicting cells, a value its series makes implausible
//!   after the ones that fit.

use countypanel_core::config::{CleanConfig, Pipeline};
use countypanel_core::frame::{frame_ints as ints, frame_strings as strings};
use countypanel_regions::Gazetteer;
use polars::prelude::*;

use crate::rules::first_broken_rule;
use crate::{CleanError, pl_err};

/// The columns of valid facts that observations and conflicts are made from.
pub(crate) const OBSERVATION_INPUT: &[&str] = &[
    "region_code",
    "year",
    "indicator_id",
    "kind",
    "value",
    "unit",
    "qualifier",
    "doc_id",
    "fact_id",
    "region_official",
    "region_level",
    "region_code_base",
    "crosswalk",
    "source_priority",
    "published",
    "char_start",
];

/// The integer beside each text key of a cell (see `with_ordinals`): the sorts, group-bys
/// and joins of the stage compare these.
pub(crate) const KEY_ORDINALS: [(&str, &str); 3] = [
    ("region_code", "rix"),
    ("indicator_id", "iix"),
    ("kind", "kix"),
];

/// The cell of an observation, by the integers of its keys.
pub(crate) fn ordinal_keys() -> [Expr; 4] {
    [col("rix"), col("year"), col("iix"), col("kix")]
}

/// One number per cell (`cell`), in the order of the cells: a sort or group-by on it is one on
/// the four keys (`rix`, `year`, `iix`, `kix`), with one integer compared instead of four (the
/// cell group-by of 5 million facts: 4.5 → 3.1 s). The keys are packed into the bits their
/// largest values need (the year as its distance from the earliest) when the four fit in 63
/// bits, as they do for any real panel; otherwise the distinct cells are numbered in order by a
/// join.
fn with_cell_number(facts: DataFrame) -> Result<DataFrame, CleanError> {
    number_cells(facts, 63)
}

/// [`with_cell_number`] with the packing limited to `budget` bits.
fn number_cells(facts: DataFrame, budget: u32) -> Result<DataFrame, CleanError> {
    let bounds = |name: &str| -> Result<Option<(i64, i64)>, CleanError> {
        let c = facts.column(name).map_err(pl_err("cell numbers"))?;
        let c = c.cast(&DataType::Int64).map_err(pl_err("cell numbers"))?;
        let c = c.i64().map_err(pl_err("cell numbers"))?;
        Ok(match (c.null_count(), c.min(), c.max()) {
            (0, Some(lo), Some(hi)) => Some((lo, hi)),
            _ => None,
        })
    };
    let bits = |span: i64| 64 - u64::try_from(span).unwrap_or(u64::MAX).leading_zeros();
    let mut packed: Option<Expr> = Some(lit(0u64));
    let mut shift = 0;
    // From the last key to the first, each above the bits of those after it.
    for name in ["kix", "iix", "year", "rix"] {
        let Some((lo, hi)) = bounds(name)? else {
            packed = None;
            break;
        };
        let width = bits(hi - lo);
        if shift + width > budget {
            packed = None;
            break;
        }
        let part =
            (col(name).cast(DataType::Int64) - lit(lo)).cast(DataType::UInt64) * lit(1u64 << shift);
        packed = packed.map(|p| p + part);
        shift += width;
    }
    match packed {
        Some(cell) if facts.height() > 0 => facts
            .lazy()
            .with_column(cell.alias("cell"))
            .collect()
            .map_err(pl_err("cell numbers")),
        _ => {
            let cells = facts
                .clone()
                .lazy()
                .select(ordinal_keys())
                .unique(None, UniqueKeepStrategy::Any)
                .sort_by_exprs(ordinal_keys(), SortMultipleOptions::default())
                .with_row_index("cell", None)
                .with_column(col("cell").cast(DataType::UInt64));
            let mut keep_order = JoinArgs::new(JoinType::Left);
            keep_order.maintain_order = MaintainOrderJoin::Left;
            keep_order.nulls_equal = true;
            facts
                .lazy()
                .join(cells, ordinal_keys(), ordinal_keys(), keep_order)
                .collect()
                .map_err(pl_err("cell numbers"))
        }
    }
}

/// Year of a day count since 1970-01-01.
fn year_of(days: i32) -> i32 {
    countypanel_core::date::civil_from_days(days).0
}

/// Per-document policy inputs: `doc_id`, `source_priority`, `pub_year`, `published` (a date).
pub(crate) fn doc_table(docs: &DataFrame, pipeline: &Pipeline) -> Result<DataFrame, CleanError> {
    let doc_ids = strings(docs, "doc_id")?;
    let paths = strings(docs, "source_path")?;
    let published = ints(docs, "published")?;
    let priority: Vec<i32> = paths
        .iter()
        .map(|p| pipeline.source_priority(p.as_deref().unwrap_or("")))
        .collect();
    let pub_year: Vec<Option<i32>> = published.iter().map(|d| d.map(year_of)).collect();
    DataFrame::new_infer_height(vec![
        Column::new("doc_id".into(), doc_ids),
        Column::new("source_priority".into(), priority),
        Column::new("pub_year".into(), pub_year),
        Column::new("published".into(), published)
            .cast(&DataType::Date)
            .map_err(pl_err("document dates"))?,
    ])
    .map_err(pl_err("document table"))
}

/// The level, official name, base-vintage code and crosswalk note of each (code, year) pair the
/// facts name, from the gazetteer; pairs it does not know are left out.
pub(crate) fn region_table(
    facts: &DataFrame,
    gazetteer: &Gazetteer,
    base_vintage: i32,
) -> Result<DataFrame, CleanError> {
    let distinct = facts
        .clone()
        .lazy()
        .select([col("region_code"), col("year")])
        .filter(
            col("region_code")
                .is_not_null()
                .and(col("year").is_not_null()),
        )
        .unique(None, UniqueKeepStrategy::Any)
        .collect()
        .map_err(pl_err("regions and years"))?;
    let mut pairs: Vec<(String, i32)> = strings(&distinct, "region_code")?
        .into_iter()
        .zip(ints(&distinct, "year")?)
        .filter_map(|(c, y)| Some((c?, y?)))
        .collect();
    pairs.sort();
    let mut r_code = Vec::new();
    let mut r_year = Vec::new();
    let mut r_level = Vec::new();
    let mut r_name = Vec::new();
    let mut r_base = Vec::new();
    let mut r_walk = Vec::new();
    for (code, year) in pairs {
        if let Some(c) = gazetteer.by_code(&code, Some(year)) {
            let walk = gazetteer.crosswalk(&code, year, base_vintage);
            r_base.push(match walk.codes.as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            });
            r_walk.push(walk.note.to_string());
            r_code.push(code);
            r_year.push(year);
            r_level.push(c.level.as_str().to_string());
            r_name.push(c.name);
        }
    }
    DataFrame::new_infer_height(vec![
        Column::new("region_code".into(), r_code),
        Column::new("year".into(), r_year),
        Column::new("region_level".into(), r_level),
        Column::new("region_official".into(), r_name),
        Column::new("region_code_base".into(), r_base),
        Column::new("crosswalk".into(), r_walk),
    ])
    .map_err(pl_err("region table"))
}

/// Catalogued facts joined with the catalog's units and ranges, their document's policy inputs
/// and their region, with the first validation rule each breaks (`rule_broken`, null when
/// none).
pub(crate) fn validate(
    facts: DataFrame,
    cat_table: DataFrame,
    doc_table: DataFrame,
    region_table: DataFrame,
    cfg: &CleanConfig,
) -> Result<DataFrame, CleanError> {
    facts
        .lazy()
        .filter(col("indicator_id").is_not_null())
        .join(
            cat_table.lazy(),
            [col("indicator_id")],
            [col("indicator_id")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            doc_table.lazy(),
            [col("doc_id")],
            [col("doc_id")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            region_table.lazy(),
            [col("region_code"), col("year")],
            [col("region_code"), col("year")],
            JoinArgs::new(JoinType::Left),
        )
        .with_columns([crate::rules::range_max_for_level().alias("range_max")])
        .with_columns([first_broken_rule(
            cfg.year_min,
            cfg.year_max,
            cfg.max_years_after_published,
        )
        .alias("rule_broken")])
        .collect()
        .map_err(pl_err("validation rules"))
}

/// The valid facts (no rule broken) sorted by cell and then by the source policy: the better
/// source priority, an exact value before a qualified one, the later publication, the earlier
/// statement in its document, the smaller fact id; `policy_rank` numbers them in that order.
pub(crate) fn policy_order(checked: DataFrame) -> Result<DataFrame, CleanError> {
    let valid = checked
        .lazy()
        .filter(col("rule_broken").is_null())
        .select(
            OBSERVATION_INPUT
                .iter()
                .map(|c| col(*c))
                .collect::<Vec<_>>(),
        )
        .collect()
        .map_err(pl_err("policy order"))?;
    // Valid facts have all four keys (validation holds back a fact without a region or a
    // year), so numbering them loses nothing of the order (nulls would sort first by number,
    // last by text).
    let numbered = countypanel_core::frame::with_ordinals(&valid, &KEY_ORDINALS)
        .map_err(pl_err("policy order"))?;
    with_cell_number(numbered)?
        .lazy()
        .with_columns([when(col("qualifier").eq(lit("eq")))
            .then(lit(0i32))
            .otherwise(lit(1i32))
            .alias("qual_rank")])
        .sort_by_exprs(
            [
                col("cell"),
                col("source_priority"),
                col("qual_rank"),
                col("published"),
                // A document that states one measure twice gives its headline first: the
                // earliest statement wins over a later part or detail.
                col("char_start"),
                col("fact_id"),
            ],
            SortMultipleOptions::default()
                .with_order_descending_multi([false, false, false, true, false, false])
                .with_nulls_last(true)
                .with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("policy order"))?
        .with_row_index("policy_rank".into(), None)
        .map_err(pl_err("policy order"))
}

/// One observation per cell: the first fact of the cell in policy order, with the cell's
/// provenance (facts, documents, how many), the smallest and largest value stated, the
/// `conflict` flag and the series columns. The rows come out sorted by cell.
pub(crate) fn observations_of(
    valid: &DataFrame,
    series_checks: bool,
) -> Result<DataFrame, CleanError> {
    let observations = valid
        .clone()
        .lazy()
        .group_by_stable([col("cell")])
        .agg(
            // The first fact's keys, region and value: the policy put it first.
            [
                "rix",
                "year",
                "iix",
                "kix",
                "region_code",
                "indicator_id",
                "kind",
                "region_level",
                "region_code_base",
                "crosswalk",
                "value",
                "unit",
                "qualifier",
            ]
            .map(|c| col(c).first())
            .into_iter()
            .chain([
                col("region_official").first().alias("region_name"),
                col("doc_id")
                    .n_unique()
                    .cast(DataType::Int32)
                    .alias("n_sources"),
                col("fact_id")
                    .count()
                    .cast(DataType::Int32)
                    .alias("n_mentions"),
                // The cell's value for its region's series: the median of what its facts say.
                col("value").median().alias("year_value"),
                col("value").min().alias("value_min"),
                col("value").max().alias("value_max"),
                col("fact_id").first().alias("chosen_fact_id"),
                col("fact_id")
                    .sort(SortOptions::default())
                    .alias("fact_ids"),
                col("doc_id")
                    .unique()
                    .sort(SortOptions::default())
                    .alias("doc_ids"),
            ])
            .collect::<Vec<_>>(),
        )
        .with_columns([(col("value_max") - col("value_min"))
            .gt(lit(1e-9) * (col("value_max").abs() + lit(1.0)))
            .alias("conflict")]);
    // The facts are sorted by cell and the group-by keeps the order of first appearance: the
    // observations come out sorted by cell.
    crate::series::with_series(observations, series_checks)
        .collect()
        .map_err(pl_err("observations"))
}

/// The facts of conflicting cells in policy order, a value its own series makes implausible
/// (`implausible`) after the ones that fit.
pub(crate) fn conflicts_of(
    valid: DataFrame,
    observations: &DataFrame,
    factor: f64,
    min_years: i32,
) -> Result<DataFrame, CleanError> {
    valid
        .lazy()
        .join(
            observations
                .clone()
                .lazy()
                .with_row_index("obs_row", None)
                .filter(col("conflict"))
                .select([
                    col("rix"),
                    col("year"),
                    col("iix"),
                    col("kix"),
                    col("obs_row"),
                    col("series_median"),
                    col("n_years"),
                ]),
            ordinal_keys(),
            ordinal_keys(),
            JoinArgs::new(JoinType::Inner),
        )
        .with_columns(
            [crate::series::departs(col("value"), factor, min_years).alias("implausible")],
        )
        .sort_by_exprs(
            [col("obs_row"), col("implausible"), col("policy_rank")],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()
        .map_err(pl_err("conflicts"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One fact of a test: year, value, qualifier, document, fact id, source priority,
    /// publication (days since 1970-01-01), character offset.
    type Row = (
        i32,
        f64,
        &'static str,
        &'static str,
        &'static str,
        i32,
        i32,
        i64,
    );

    /// Valid facts of hospital beds in 嘉鱼县, in the columns `policy_order` reads.
    fn checked(rows: &[Row]) -> DataFrame {
        let n = rows.len();
        let published = Column::new(
            "published".into(),
            rows.iter().map(|r| r.6).collect::<Vec<_>>(),
        )
        .cast(&DataType::Date)
        .unwrap();
        let mut df = df!(
            "region_code" => vec!["421221"; n],
            "year" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            "indicator_id" => vec!["hospital_beds"; n],
            "kind" => vec!["actual"; n],
            "value" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
            "unit" => vec!["bed"; n],
            "qualifier" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
            "doc_id" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
            "fact_id" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
            "region_official" => vec!["嘉鱼县"; n],
            "region_level" => vec!["county"; n],
            "region_code_base" => vec!["421221"; n],
            "crosswalk" => vec!["same"; n],
            "source_priority" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
            "char_start" => rows.iter().map(|r| r.7).collect::<Vec<_>>(),
            "rule_broken" => vec![None::<&str>; n],
        )
        .unwrap();
        df.with_column(published).unwrap();
        df
    }

    /// The value each cell (by year) takes, and whether it is a conflict.
    fn chosen(rows: &[Row]) -> Vec<(i32, f64, bool)> {
        let obs = observations_of(&policy_order(checked(rows)).unwrap(), false).unwrap();
        let years = ints(&obs, "year").unwrap();
        let values = obs.column("value").unwrap().f64().unwrap().clone();
        let conflict = obs.column("conflict").unwrap().bool().unwrap().clone();
        (0..obs.height())
            .map(|i| {
                (
                    years[i].unwrap(),
                    values.get(i).unwrap(),
                    conflict.get(i).unwrap(),
                )
            })
            .collect()
    }

    /// Cells numbered by packing and by the join, for keys `(rix, year, iix, kix)`.
    fn numbered(keys: &[(u32, i32, u32, u32)], budget: u32) -> Vec<u64> {
        let df = df!(
            "rix" => keys.iter().map(|k| k.0).collect::<Vec<_>>(),
            "year" => keys.iter().map(|k| k.1).collect::<Vec<_>>(),
            "iix" => keys.iter().map(|k| k.2).collect::<Vec<_>>(),
            "kix" => keys.iter().map(|k| k.3).collect::<Vec<_>>(),
        )
        .unwrap();
        let out = number_cells(df, budget).unwrap();
        out.column("cell")
            .unwrap()
            .u64()
            .unwrap()
            .iter()
            .map(Option::unwrap)
            .collect()
    }

    #[test]
    fn cell_numbers_order_and_group_as_the_four_keys_do() {
        let keys = [
            (3, 2021, 0, 1),
            (0, 2019, 5, 0),
            (3, 2021, 0, 1),
            (3, 2020, 9, 0),
            (1, 2023, 0, 0),
            (0, 2019, 5, 1),
        ];
        for budget in [63, 3] {
            let cells = numbered(&keys, budget);
            for (i, a) in keys.iter().enumerate() {
                for (j, b) in keys.iter().enumerate() {
                    assert_eq!(
                        a.cmp(b),
                        cells[i].cmp(&cells[j]),
                        "budget {budget}: {a:?} and {b:?}"
                    );
                }
            }
        }
        // Packed: five bits for the year span, one for the kind; by the join: ranks.
        assert_ne!(numbered(&keys, 63), numbered(&keys, 3));
    }

    const MAR_2021: i32 = 18_687;
    const MAR_2022: i32 = 19_052;

    #[test]
    fn the_better_source_priority_wins() {
        let got = chosen(&[
            (2021, 1830.0, "eq", "news", "f1", 1, MAR_2022, 10),
            (2021, 1756.0, "eq", "bulletin", "f2", 0, MAR_2021, 10),
        ]);
        assert_eq!(got, vec![(2021, 1756.0, true)]);
    }

    #[test]
    fn an_exact_value_wins_over_a_qualified_one() {
        let got = chosen(&[
            (2021, 1800.0, "ge", "a", "f1", 0, MAR_2022, 10),
            (2021, 1830.0, "eq", "b", "f2", 0, MAR_2021, 10),
        ]);
        assert_eq!(got, vec![(2021, 1830.0, true)]);
    }

    #[test]
    fn the_later_publication_wins() {
        let got = chosen(&[
            (2021, 1820.0, "eq", "a", "f1", 0, MAR_2021, 10),
            (2021, 1830.0, "eq", "b", "f2", 0, MAR_2022, 10),
        ]);
        assert_eq!(got, vec![(2021, 1830.0, true)]);
    }

    #[test]
    fn the_earlier_statement_of_one_document_wins() {
        let got = chosen(&[
            (2021, 320.0, "eq", "a", "f1", 0, MAR_2022, 900),
            (2021, 1830.0, "eq", "a", "f2", 0, MAR_2022, 40),
        ]);
        assert_eq!(got, vec![(2021, 1830.0, true)]);
    }

    #[test]
    fn the_smaller_fact_id_breaks_a_tie_and_agreeing_sources_are_no_conflict() {
        let got = chosen(&[
            (2021, 1831.0, "eq", "a", "f9", 0, MAR_2022, 10),
            (2021, 1830.0, "eq", "b", "f1", 0, MAR_2022, 10),
            (2020, 1756.0, "eq", "a", "f3", 0, MAR_2021, 10),
            (2020, 1756.0, "eq", "b", "f4", 0, MAR_2021, 12),
        ]);
        assert_eq!(got, vec![(2020, 1756.0, false), (2021, 1830.0, true)]);
    }

    #[test]
    fn a_value_its_series_makes_implausible_loses_before_the_other_rules() {
        // Four years near 1,800 beds; in 2022 the preferred source says 183,000 (a slip of the
        // decimal point), a lesser one 1,850.
        let rows = [
            (2018, 1700.0, "eq", "a", "f1", 0, MAR_2021, 10),
            (2019, 1750.0, "eq", "a", "f2", 0, MAR_2021, 20),
            (2020, 1790.0, "eq", "a", "f3", 0, MAR_2021, 30),
            (2021, 1830.0, "eq", "a", "f4", 0, MAR_2022, 10),
            (2022, 183_000.0, "eq", "bulletin", "f5", 0, MAR_2022, 10),
            (2022, 1850.0, "eq", "news", "f6", 1, MAR_2022, 10),
        ];
        let valid = policy_order(checked(&rows)).unwrap();
        let obs = observations_of(&valid, true).unwrap();
        let conflicts = conflicts_of(valid, &obs, 10.0, 3).unwrap();
        let (obs, conflicts) = crate::series::settle(obs, &conflicts, 10.0, 3).unwrap();
        let values = obs.column("value").unwrap().f64().unwrap().clone();
        let years = ints(&obs, "year").unwrap();
        let k = (0..obs.height()).find(|&i| years[i] == Some(2022)).unwrap();
        assert_eq!(values.get(k), Some(1850.0));
        assert_eq!(
            crate::series::decided_by(&conflicts).unwrap(),
            vec!["series", "series"]
        );
    }
}

//! Tests of the aggregate plans on small frames: comparison columns and targets.

use super::*;
use countypanel_core::vocab::Level;

/// Observations of one region: `(year, indicator, kind, value, unit, qualifier, hib)`.
fn observations(rows: &[(i32, &str, &str, f64, &str, &str, bool)]) -> DataFrame {
    let n = rows.len();
    df!(
        "region_code" => vec!["421221"; n],
        "region_name" => vec!["嘉鱼县"; n],
        "year" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "indicator_id" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "kind" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        "value" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        "unit" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        "qualifier" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
        "hib" => rows.iter().map(|r| r.6).collect::<Vec<_>>(),
    )
    .unwrap()
}

/// Actual values: `(region, level, year, indicator, value, hib)`.
fn actuals(rows: &[(&str, &str, i32, &str, f64, bool)]) -> DataFrame {
    df!(
        "region_code" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "region_level" => rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "year" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        "indicator_id" => rows.iter().map(|r| r.3).collect::<Vec<_>>(),
        "kind" => vec!["actual"; rows.len()],
        "value" => rows.iter().map(|r| r.4).collect::<Vec<_>>(),
        "hib" => rows.iter().map(|r| r.5).collect::<Vec<_>>(),
    )
    .unwrap()
}

/// The comparison of rates (higher is better) and deaths (lower is better) of counties A, B, C,
/// F, prefecture D and province E.
fn compared() -> DataFrame {
    let obs = actuals(&[
        ("A", "county", 2020, "rate", 40.0, true),
        ("B", "county", 2020, "rate", 50.0, true),
        ("F", "county", 2020, "rate", 50.0, true),
        ("A", "county", 2021, "rate", 45.0, true),
        ("B", "county", 2021, "rate", 55.0, true),
        ("C", "county", 2019, "rate", 40.0, true),
        ("C", "county", 2021, "rate", 60.0, true),
        ("D", "prefecture", 2021, "rate", 70.0, true),
        ("E", "province", 2021, "rate", 80.0, true),
        ("A", "county", 2021, "deaths", 10.0, false),
        ("B", "county", 2021, "deaths", 5.0, false),
    ]);
    let levels = [Level::County, Level::Prefecture];
    comparison_of(&keyed(&obs).unwrap(), &levels).unwrap()
}

/// The row of region `r`, indicator `i` and year `y` in a comparison.
fn row_of(c: &DataFrame, r: &str, i: &str, y: i32) -> Option<usize> {
    let region = strings(c, "region_code").unwrap();
    let ind = strings(c, "indicator_id").unwrap();
    let year = ints(c, "year").unwrap();
    (0..c.height()).find(|&k| {
        region[k].as_deref() == Some(r) && ind[k].as_deref() == Some(i) && year[k] == Some(y)
    })
}

#[test]
fn comparison_ranks_within_level_by_direction() {
    let c = compared();
    let region = strings(&c, "region_code").unwrap();
    let rank = ints(&c, "rank").unwrap();
    let n = ints(&c, "n_compared").unwrap();
    let pct = floats(&c, "percentile").unwrap();
    let find = |r: &str, i: &str, y: i32| row_of(&c, r, i, y);
    let row = |r: &str, i: &str, y: i32| find(r, i, y).unwrap_or_else(|| panic!("{r} {i} {y}"));
    // Rank, n_compared, percentile: among the counties of a year; ties share the better rank.
    let ranks = |y: i32| {
        ["A", "B", "C", "F"]
            .iter()
            .filter_map(|r| find(r, "rate", y))
            .map(|k| {
                let r = region[k].clone().unwrap();
                (r, rank[k].unwrap(), n[k].unwrap(), pct[k].unwrap())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ranks(2020),
        vec![
            ("A".to_string(), 3, 3, 0.0),
            ("B".to_string(), 1, 3, 100.0),
            ("F".to_string(), 1, 3, 100.0)
        ]
    );
    assert_eq!(
        ranks(2021),
        vec![
            ("A".to_string(), 3, 3, 0.0),
            ("B".to_string(), 2, 3, 50.0),
            ("C".to_string(), 1, 3, 100.0)
        ]
    );
    // A prefecture is compared with prefectures only; a level not compared is left out.
    let d = row("D", "rate", 2021);
    assert_eq!((rank[d], n[d], pct[d]), (Some(1), Some(1), Some(100.0)));
    assert!(region.iter().all(|r| r.as_deref() != Some("E")));
    // Lower is better where the indicator says so.
    assert_eq!(rank[row("B", "deaths", 2021)], Some(1));
}

#[test]
fn comparison_follows_each_series() {
    let c = compared();
    let prev_year = ints(&c, "prev_year").unwrap();
    let change = floats(&c, "change_abs").unwrap();
    let rel = floats(&c, "change_rel").unwrap();
    let apart = ints(&c, "years_apart").unwrap();
    let cagr = floats(&c, "cagr").unwrap();
    let row =
        |r: &str, i: &str, y: i32| row_of(&c, r, i, y).unwrap_or_else(|| panic!("{r} {i} {y}"));
    // Along the series: the previous year reported, the change since, the compound change.
    let a = row("A", "rate", 2021);
    assert_eq!(
        (prev_year[a], change[a], rel[a], apart[a]),
        (Some(2020), Some(5.0), Some(0.125), Some(1))
    );
    let first = row("A", "rate", 2020);
    assert_eq!((prev_year[first], change[first]), (None, None));
    let gap = row("C", "rate", 2021);
    assert_eq!(
        (prev_year[gap], change[gap], apart[gap]),
        (Some(2019), Some(20.0), Some(2))
    );
    assert!((cagr[gap].unwrap() - (1.5f64.sqrt() - 1.0)).abs() < 1e-12);
    assert_eq!(
        cagr[row("D", "rate", 2021)],
        None,
        "one year: no compound change"
    );
}

#[test]
fn targets_are_met_by_their_qualifier_and_direction_and_compared_only_in_their_unit() {
    let obs = observations(&[
        (2021, "rate", "target", 70.0, "percent", "ge", true),
        (2021, "rate", "actual", 72.0, "percent", "eq", true),
        (2021, "strict", "target", 70.0, "percent", "gt", true),
        (2021, "strict", "actual", 70.0, "percent", "eq", true),
        (2021, "deaths", "target", 10.0, "per_100k", "le", false),
        (2021, "deaths", "actual", 12.5, "per_100k", "eq", false),
        (2021, "money", "target", 5e8, "yuan", "eq", true),
        (2021, "money", "actual", 8.0, "percent", "eq", true),
        (2022, "rate", "target", 75.0, "percent", "ge", true),
    ]);
    let t = targets_of(&keyed(&obs).unwrap()).unwrap();
    let ids = strings(&t, "indicator_id").unwrap();
    let years = ints(&t, "year").unwrap();
    let actual = floats(&t, "actual").unwrap();
    let gap = floats(&t, "gap").unwrap();
    let met: Vec<Option<bool>> = t.column("met").unwrap().bool().unwrap().iter().collect();
    let got: Vec<_> = (0..t.height())
        .map(|i| {
            (
                ids[i].as_deref().unwrap(),
                years[i].unwrap(),
                actual[i],
                gap[i],
                met[i],
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("deaths", 2021, Some(12.5), Some(2.5), Some(false)),
            // 8% beside 5亿元: not compared.
            ("money", 2021, None, None, None),
            ("rate", 2021, Some(72.0), Some(2.0), Some(true)),
            ("strict", 2021, Some(70.0), Some(0.0), Some(false)),
            ("rate", 2022, None, None, None),
        ]
    );
    let actual_unit = strings(&t, "actual_unit").unwrap();
    assert_eq!(actual_unit[1].as_deref(), Some("percent"));
}

//! The summary for people: `report.md` with a region × year table per headline indicator, the
//! latest ranks, the targets, and SVG charts; `headline.txt` with the tables `make` prints.

use countypanel_core::vocab::Kind;
use countypanel_core::vocab::Level;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use countypanel_core::catalog::{Catalog, Indicator};
use countypanel_core::config::Pipeline;
use countypanel_core::zh;
use polars::prelude::{DataFrame, DataType, IntoLazy, NamedFrom, col, lit};

use crate::compute::{AggregateOutputs, floats, ints, strings};
use crate::{AggregateError, write_text_atomic};

/// One region's values of one indicator by year.
pub(crate) struct Series {
    pub code: String,
    pub name: String,
    /// Its region level (`county`, `prefecture`).
    pub level: String,
    pub by_year: BTreeMap<i32, (f64, String)>,
}

/// Formats a value in its unit for a table cell.
pub(crate) fn format_value(v: f64, unit: &str, qualifier: &str) -> String {
    let mark = match qualifier {
        "ge" => "≥",
        "gt" => ">",
        "le" => "≤",
        "lt" => "<",
        "approx" => "≈",
        _ => "",
    };
    let body = match unit {
        "percent" => format!("{}%", trim(v)),
        "yuan" if v.abs() >= 1e8 => format!("{}亿元", trim(v / 1e8)),
        "yuan" if v.abs() >= 1e4 => format!("{}万元", trim(v / 1e4)),
        _ => trim(v),
    };
    format!("{mark}{body}")
}

fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Display width of a string in a terminal: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && !matches!(c, '≥' | '≤' | '≈') {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(s: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(width(s)));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

pub(crate) fn series_of(
    panel_long: &DataFrame,
    indicator: &str,
    levels: &[Level],
) -> Result<Vec<Series>, AggregateError> {
    // The indicator's actual values at the compared levels, taken out before any row is read.
    let labels: Vec<&str> = levels.iter().map(|l| l.as_str()).collect();
    let rows = panel_long
        .clone()
        .lazy()
        .filter(
            col("indicator_id")
                .cast(DataType::String)
                .eq(lit(indicator))
                .and(
                    col("kind")
                        .cast(DataType::String)
                        .eq(lit(Kind::Actual.as_str())),
                )
                .and(col("region_level").cast(DataType::String).is_in(
                    lit(polars::prelude::Series::new("levels".into(), labels)).implode(false),
                    false,
                )),
        )
        .collect()
        .map_err(crate::pl_err("report series"))?;
    let panel_long = &rows;
    let codes = strings(panel_long, "region_code")?;
    let names = strings(panel_long, "region_name")?;
    let lvls = strings(panel_long, "region_level")?;
    let inds = strings(panel_long, "indicator_id")?;
    let kinds = strings(panel_long, "kind")?;
    let years = ints(panel_long, "year")?;
    let values = floats(panel_long, "value")?;
    let quals = strings(panel_long, "qualifier")?;
    let mut by_region: BTreeMap<String, Series> = BTreeMap::new();
    for i in 0..codes.len() {
        if inds[i].as_deref() != Some(indicator)
            || kinds[i].as_deref() != Some(Kind::Actual.as_str())
        {
            continue;
        }
        if !levels
            .iter()
            .any(|l| Some(l.as_str()) == lvls[i].as_deref())
        {
            continue;
        }
        let (Some(code), Some(year), Some(v)) = (codes[i].clone(), years[i], values[i]) else {
            continue;
        };
        let s = by_region.entry(code.clone()).or_insert_with(|| Series {
            code,
            name: names[i].clone().unwrap_or_default(),
            level: lvls[i].clone().unwrap_or_default(),
            by_year: BTreeMap::new(),
        });
        s.by_year
            .insert(year, (v, quals[i].clone().unwrap_or_default()));
    }
    Ok(by_region.into_values().collect())
}

fn table(ind: &Indicator, series: &[Series], markdown: bool) -> String {
    let years: BTreeSet<i32> = series
        .iter()
        .flat_map(|s| s.by_year.keys().copied())
        .collect();
    let header: Vec<String> = std::iter::once("地区 region".to_string())
        .chain(years.iter().map(ToString::to_string))
        .collect();
    let rows: Vec<Vec<String>> = series
        .iter()
        .map(|s| {
            std::iter::once(format!("{} {}", s.name, s.code))
                .chain(years.iter().map(|y| {
                    s.by_year.get(y).map_or_else(
                        || "·".to_string(),
                        |(v, q)| format_value(*v, ind.unit.as_str(), q),
                    )
                }))
                .collect()
        })
        .collect();
    let mut out = String::new();
    if markdown {
        let _ = writeln!(out, "| {} |", header.join(" | "));
        let _ = writeln!(
            out,
            "|{}|",
            header
                .iter()
                .enumerate()
                .map(|(i, _)| if i == 0 { "---" } else { "---:" })
                .collect::<Vec<_>>()
                .join("|")
        );
        for r in &rows {
            let _ = writeln!(out, "| {} |", r.join(" | "));
        }
    } else {
        let widths: Vec<usize> = (0..header.len())
            .map(|c| {
                std::iter::once(&header[c])
                    .chain(rows.iter().map(|r| &r[c]))
                    .map(|s| width(s))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: &[String]| {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| pad(c, widths[i], i > 0))
                .collect::<Vec<_>>()
                .join("  ")
        };
        let _ = writeln!(out, "{}", line(&header));
        let _ = writeln!(
            out,
            "{}",
            widths
                .iter()
                .map(|w| "-".repeat(*w))
                .collect::<Vec<_>>()
                .join("  ")
        );
        for r in &rows {
            let _ = writeln!(out, "{}", line(r));
        }
    }
    out
}

/// The report's title, its description, how to read its tables and how many cells are suspect.
fn introduction(panel_long: &DataFrame, pipeline: &Pipeline) -> String {
    let levels = &pipeline.aggregate.region_levels;
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# {}：县域卫生健康比较 County comparison\n",
        pipeline.pipeline.name
    );
    if !pipeline.pipeline.description.is_empty() {
        let _ = writeln!(md, "{}\n", pipeline.pipeline.description);
    }
    let levels_zh: Vec<&str> = levels.iter().map(|l| zh::level(l.as_str())).collect();
    let levels_en: Vec<&str> = levels.iter().map(|l| l.as_str()).collect();
    let _ = writeln!(
        md,
        "表中为各地区各年度的实际值；`≥` 表示下限（以上），`≈` 表示约数，`·` 表示未见报告。比较的地区层级：{}。\n\n\
         Values are actual values by region and year; `≥` marks a lower bound, `≈` an approximate value, `·` no report. Region levels compared: {}.\n",
        levels_zh.join("、"),
        levels_en.join(", ")
    );
    let suspect = panel_long
        .column("suspect")
        .ok()
        .and_then(|c| c.bool().ok().map(|b| b.sum().unwrap_or(0)))
        .unwrap_or(0);
    let cells = panel_long.height();
    let _ = writeln!(
        md,
        "{cells} 个单元格中有 {suspect} 个存疑：数值偏离本地区自身序列超过 `clean.suspect_factor` 倍，或密度与其总数不符（见 `data/qa/suspect.parquet`；`panel_long` 的 `suspect` 列标出）。\n\n\
         {suspect} of {cells} cells are suspect: their value departs from their region's own series by more than the pipeline's `clean.suspect_factor`, or they are a density at odds with its count (`data/qa/suspect.parquet` lists them, `suspect` marks them in `panel_long`).\n"
    );
    md
}

/// Writes a chart of the headline indicator per region level (a prefecture's count beside its
/// counties' would flatten their lines, and its rate is of another population); returns the
/// report's links to them and adds their files to `charts`.
fn charts_of(
    id: &str,
    ind: &countypanel_core::catalog::Indicator,
    series: &[Series],
    levels: &[Level],
    out: &AggregateOutputs,
    charts: &mut std::collections::BTreeSet<String>,
) -> Result<String, AggregateError> {
    let mut md = String::new();
    for level in levels {
        let of_level: Vec<&Series> = series
            .iter()
            .filter(|s| s.level == level.as_str())
            .collect();
        if of_level.is_empty() {
            continue;
        }
        let file = format!("{id}-{level}.svg");
        let chart_name = format!("charts/{file}");
        let level_zh = zh::level(level.as_str());
        crate::chart::line_chart(&out.file(&chart_name), ind, level_zh, &of_level)?;
        charts.insert(file);
        let _ = writeln!(
            md,
            "\n![{}（{}） {}, {level}]({chart_name})",
            ind.name, level_zh, ind.label
        );
    }
    Ok(md)
}

pub(crate) fn write_report(
    panel_long: &DataFrame,
    comparison: &DataFrame,
    targets: &DataFrame,
    pipeline: &Pipeline,
    catalog: &Catalog,
    out: &AggregateOutputs,
    observations: usize,
) -> Result<String, AggregateError> {
    let levels = &pipeline.aggregate.region_levels;
    let mut md = String::new();
    let mut headline = String::new();
    let mut charts = std::collections::BTreeSet::new();
    md.push_str(&introduction(panel_long, pipeline));
    for id in &pipeline.aggregate.headline {
        let Some(ind) = catalog.get(id) else { continue };
        let series = series_of(panel_long, id, levels)?;
        let _ = writeln!(md, "## {} ({})\n", ind.name, ind.label);
        if series.is_empty() {
            let _ = writeln!(
                md,
                "没有地区报告此指标。 No region reports this indicator.\n"
            );
            continue;
        }
        md.push_str(&table(ind, &series, true));
        md.push_str(&charts_of(id, ind, &series, levels, out, &mut charts)?);
        md.push('\n');
        if ranked(ind) {
            md.push_str(&ranks_section(comparison, id, ind)?);
        } else {
            let _ = writeln!(
                md,
                "不排名：总数随地区规模增长，规模大的县无论卫生服务如何都会排在前面；请比较率和密度（每千人）。比较表（comparison）仍保留每个总数的排名。\n\n\
                 Not ranked: a count grows with the size of its region, so a larger county ranks higher whatever its health services; compare the rates and densities (per 1,000 residents) instead. The comparison table still holds every count's rank.\n"
            );
        }
        let _ = writeln!(headline, "{} ({}), {}", ind.name, ind.label, ind.unit);
        headline.push_str(&table(ind, &series, false));
        headline.push('\n');
    }
    md.push_str(&targets_section(targets, catalog)?);
    md.push('\n');
    md.push_str(&crate::data_used::section(&pipeline.paths, observations));
    remove_stale_charts(&out.file("charts"), &charts)?;
    write_text_atomic(&out.file("report.md"), &md)?;
    let html = crate::html::render(&pipeline.pipeline.name, &md, |link| {
        charts
            .contains(link.strip_prefix("charts/")?)
            .then(|| std::fs::read_to_string(out.file(link)).ok())
            .flatten()
    });
    write_text_atomic(&out.file("report.html"), &html)?;
    write_text_atomic(&out.file("headline.txt"), &headline)?;
    Ok(headline)
}

/// Removes the charts of indicators no longer in the headline: a chart left from an earlier run
/// would show figures this run did not check.
fn remove_stale_charts(
    dir: &std::path::Path,
    written: &std::collections::BTreeSet<String>,
) -> Result<(), AggregateError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let svg = std::path::Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        if svg && !written.contains(&name) {
            std::fs::remove_file(entry.path())
                .map_err(|e| countypanel_core::CoreError::io(entry.path(), e))?;
        }
    }
    Ok(())
}

/// Whether the report ranks an indicator: rates, shares and densities compare regions of any
/// size; counts (institutions, beds, people, money) rank regions by their size.
fn ranked(ind: &Indicator) -> bool {
    matches!(ind.unit.as_str(), "percent" | "per_mille" | "per_100k") || ind.density_of.is_some()
}

fn ranks_section(
    comparison: &DataFrame,
    id: &str,
    ind: &Indicator,
) -> Result<String, AggregateError> {
    // The indicator's rows of its latest year, taken out before any row is read.
    let of_indicator = comparison
        .clone()
        .lazy()
        .filter(col("indicator_id").cast(DataType::String).eq(lit(id)))
        .collect()
        .map_err(crate::pl_err("report ranks"))?;
    let Some(latest) = ints(&of_indicator, "year")?.into_iter().flatten().max() else {
        return Ok(String::new());
    };
    let comparison = &of_indicator
        .lazy()
        .filter(col("year").eq(lit(latest)))
        .collect()
        .map_err(crate::pl_err("report ranks"))?;
    let inds = strings(comparison, "indicator_id")?;
    let years = ints(comparison, "year")?;
    let names = strings(comparison, "region_name")?;
    let levels = strings(comparison, "region_level")?;
    let ranks = ints(comparison, "rank")?;
    let n = ints(comparison, "n_compared")?;
    let values = floats(comparison, "value")?;
    let change = floats(comparison, "change_abs")?;
    let prev = ints(comparison, "prev_year")?;
    let (better_zh, better) = if ind.higher_is_better {
        ("数值越高越好", "higher is better")
    } else {
        ("数值越低越好", "lower is better")
    };
    let mut s = format!(
        "{latest}年排名（{better_zh}） Ranks in {latest} ({better}):\n\n\
         | 层级 level | 名次 rank | 地区 region | 数值 value | 变化 change |\n|---|---:|---|---:|---|\n"
    );
    for i in 0..inds.len() {
        if inds[i].as_deref() != Some(id) || years[i] != Some(latest) {
            continue;
        }
        let ch = match (change[i], prev[i]) {
            (Some(c), Some(p)) => {
                format!("较{p}年 {}{}", if c >= 0.0 { "+" } else { "" }, trim(c))
            }
            _ => "首次报告".to_string(),
        };
        let _ = writeln!(
            s,
            "| {} | {}/{} | {} | {} | {ch} |",
            zh::level(levels[i].as_deref().unwrap_or("")),
            ranks[i].unwrap_or(0),
            n[i].unwrap_or(0),
            names[i].as_deref().unwrap_or(""),
            format_value(values[i].unwrap_or(f64::NAN), ind.unit.as_str(), "eq"),
        );
    }
    s.push('\n');
    Ok(s)
}

/// Targets listed one per row up to this many. A national panel states millions of them, which
/// no reader scrolls and no browser opens (at 20M facts they made a report of 440 MB): beyond
/// this the section counts them per indicator and points at `targets.parquet`, which holds each.
const TARGET_ROWS: usize = 500;

/// Where a target stands against the actual value beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TargetStatus {
    Met,
    NotMet,
    NoActual,
    /// The actual value is in another unit, so the two were not compared.
    OtherUnit,
}

impl TargetStatus {
    fn of(met: Option<bool>, other_unit: bool) -> Self {
        match (met, other_unit) {
            (_, true) => Self::OtherUnit,
            (Some(true), false) => Self::Met,
            (Some(false), false) => Self::NotMet,
            (None, false) => Self::NoActual,
        }
    }
}

/// How many targets of one indicator, over which years, and where they stand.
#[derive(Debug, Default)]
struct TargetCounts {
    first_year: Option<i32>,
    last_year: Option<i32>,
    /// Met, not met, no actual yet, actual in another unit.
    by_status: [usize; 4],
}

fn targets_section(targets: &DataFrame, catalog: &Catalog) -> Result<String, AggregateError> {
    const TITLE: &str = "## 目标 Targets\n\n";
    if targets.height() == 0 {
        return Ok(format!(
            "{TITLE}报告中没有目标值。 No targets were stated.\n"
        ));
    }
    let head = format!(
        "{TITLE}目标只与同一单位的实际值比较。 A target is compared only with an actual value in its own unit.\n\n"
    );
    let years = ints(targets, "year")?;
    let inds = strings(targets, "indicator_id")?;
    let units = strings(targets, "unit")?;
    let actual_units = strings(targets, "actual_unit")?;
    let met = targets
        .column("met")
        .and_then(|c| c.bool().cloned())
        .map_err(crate::pl_err("targets"))?;
    let unit_of = |i: usize| units[i].as_deref().unwrap_or("other");
    let other_unit_of = |i: usize| actual_units[i].as_deref().filter(|u| *u != unit_of(i));
    if targets.height() > TARGET_ROWS {
        return Ok(targets_counted(
            &head,
            catalog,
            (0..targets.height()).zip(met.iter()).map(|(i, m)| {
                (
                    inds[i].as_deref().unwrap_or(""),
                    years[i],
                    TargetStatus::of(m, other_unit_of(i).is_some()),
                )
            }),
        ));
    }
    let names = strings(targets, "region_name")?;
    let target = floats(targets, "target")?;
    let quals = strings(targets, "target_qualifier")?;
    let actual = floats(targets, "actual")?;
    let mut s = format!(
        "{head}| 地区 region | 年份 year | 指标 indicator | 目标 target | 实际 actual | 是否达到 met |\n|---|---:|---|---:|---:|---|\n",
    );
    for (i, m) in met.iter().enumerate() {
        let unit = unit_of(i);
        let other_unit = other_unit_of(i);
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} |",
            names[i].as_deref().unwrap_or(""),
            years[i].unwrap_or(0),
            indicator_name(catalog, inds[i].as_deref().unwrap_or("")),
            format_value(
                target[i].unwrap_or(f64::NAN),
                unit,
                quals[i].as_deref().unwrap_or("eq")
            ),
            actual[i].map_or_else(|| "·".to_string(), |a| format_value(a, unit, "eq")),
            match TargetStatus::of(m, other_unit.is_some()) {
                TargetStatus::OtherUnit => {
                    let u = other_unit.unwrap_or_default();
                    format!(
                        "单位不同（实际值为 {}），未比较 not compared: the actual is in {u}",
                        zh::unit(u)
                    )
                }
                TargetStatus::Met => "达到 met".to_string(),
                TargetStatus::NotMet => "未达到 not met".to_string(),
                TargetStatus::NoActual => "尚无实际值 no actual yet".to_string(),
            }
        );
    }
    Ok(s)
}

/// The Chinese name of a catalog indicator; an id the catalog does not hold as it is.
fn indicator_name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.get(id).map_or(id, |i| i.name.as_str())
}

/// The targets section of a panel with more than [`TARGET_ROWS`] targets: one row per indicator
/// (in the catalog's order) with its years and how many targets were met, missed, have no
/// actual value yet or an actual value in another unit.
fn targets_counted<'a>(
    head: &str,
    catalog: &Catalog,
    rows: impl Iterator<Item = (&'a str, Option<i32>, TargetStatus)>,
) -> String {
    let mut counts: BTreeMap<&str, TargetCounts> = BTreeMap::new();
    let mut total = 0;
    for (id, year, status) in rows {
        total += 1;
        let c = counts.entry(id).or_default();
        if let Some(y) = year {
            c.first_year = Some(c.first_year.map_or(y, |f| f.min(y)));
            c.last_year = Some(c.last_year.map_or(y, |l| l.max(y)));
        }
        c.by_status[status as usize] += 1;
    }
    let mut s = format!(
        "{head}共 {total} 个目标，超过 {TARGET_ROWS} 个，此处按指标计数；逐条（地区、年份、目标、实际值、差距）见 `targets.parquet`。\n\n\
         {total} targets in all, more than {TARGET_ROWS}: counted here per indicator; `targets.parquet` holds each (region, year, target, actual value, gap).\n\n\
         | 指标 indicator | 年份 years | 目标 targets | 达到 met | 未达到 not met | 尚无实际值 no actual yet | 单位不同 other unit |\n|---|---|---:|---:|---:|---:|---:|\n"
    );
    let position = |id: &str| catalog.indicators.iter().position(|c| c.id == id);
    let mut counts: Vec<(&str, TargetCounts)> = counts.into_iter().collect();
    // Catalog order (indicators of one domain together); ids it does not hold last.
    counts.sort_by_key(|(id, _)| position(id).unwrap_or(usize::MAX));
    for (id, c) in &counts {
        let name = indicator_name(catalog, id);
        let years = match (c.first_year, c.last_year) {
            (Some(f), Some(l)) if f == l => f.to_string(),
            (Some(f), Some(l)) => format!("{f}–{l}"),
            _ => "·".to_string(),
        };
        let [met, not_met, no_actual, other] = c.by_status;
        let _ = writeln!(
            s,
            "| {name} | {years} | {} | {met} | {not_met} | {no_actual} | {other} |",
            met + not_met + no_actual + other
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_format_in_their_units() {
        assert_eq!(format_value(32.3, "percent", "eq"), "32.3%");
        assert_eq!(format_value(95.0, "percent", "ge"), "≥95%");
        assert_eq!(format_value(150_000_000.0, "yuan", "eq"), "1.5亿元");
        assert_eq!(format_value(91.0, "institution", "approx"), "≈91");
    }

    /// `n` targets of village clinics (each year from 2001 on, met when the year is even, no
    /// actual value every third, in another unit every fifth) and one of an id the catalog
    /// does not hold.
    fn targets(n: usize) -> DataFrame {
        let years: Vec<i32> = (0..n)
            .map(|i| 2001 + i32::try_from(i % 20).unwrap())
            .collect();
        let actual: Vec<Option<f64>> = (0..n).map(|i| (i % 3 != 0).then_some(5.0)).collect();
        let actual_unit: Vec<Option<&str>> = (0..n)
            .map(|i| match (i % 3, i % 5) {
                (0, _) => None,
                (_, 0) => Some("percent"),
                _ => Some("institution"),
            })
            .collect();
        let met: Vec<Option<bool>> = (0..n)
            .map(|i| (actual_unit[i] == Some("institution")).then_some(years[i] % 2 == 0))
            .collect();
        let mut ids = vec!["village_clinics"; n];
        ids[n - 1] = "not_in_catalog";
        polars::df!(
            "region_name" => vec!["嘉鱼县"; n],
            "year" => years,
            "indicator_id" => ids,
            "target" => vec![10.0; n],
            "target_qualifier" => vec!["ge"; n],
            "unit" => vec!["institution"; n],
            "actual" => actual,
            "actual_unit" => actual_unit,
            "met" => met,
        )
        .unwrap()
    }

    fn catalog() -> Catalog {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../pipelines/indicators/health.toml");
        Catalog::load(&path).expect("catalog loads")
    }

    #[test]
    fn a_few_targets_are_listed_one_per_row() {
        let s = targets_section(&targets(TARGET_ROWS), &catalog()).unwrap();
        assert_eq!(s.matches("| 嘉鱼县 |").count(), TARGET_ROWS, "{s}");
        assert!(
            s.contains("| 嘉鱼县 | 2002 | 村卫生室数 | ≥10 | 5 | 达到 met |"),
            "{s}"
        );
        // An id the catalog does not hold is shown as it is.
        assert!(
            s.contains("| 嘉鱼县 | 2020 | not_in_catalog | ≥10 |"),
            "{s}"
        );
    }

    #[test]
    fn many_targets_are_counted_per_indicator() {
        let n = TARGET_ROWS + 1;
        let t = targets(n);
        let s = targets_section(&t, &catalog()).unwrap();
        assert!(!s.contains("| 嘉鱼县 |"), "no target is listed: {s}");
        assert!(s.contains(&format!("共 {n} 个目标")), "{s}");
        // The counts agree with the rows: each status counted over the first n - 1 targets.
        let (mut met, mut not_met, mut none, mut other) = (0, 0, 0, 0);
        for i in 0..n - 1 {
            match (i % 3, i % 5) {
                (0, _) => none += 1,
                (_, 0) => other += 1,
                _ if (2001 + i % 20) % 2 == 0 => met += 1,
                _ => not_met += 1,
            }
        }
        let row = format!(
            "| 村卫生室数 | 2001–2020 | {} | {met} | {not_met} | {none} | {other} |",
            n - 1
        );
        assert!(s.contains(&row), "{row} in {s}");
        // An id the catalog does not hold comes last, under its id.
        assert!(
            s.trim_end()
                .ends_with("| not_in_catalog | 2001 | 1 | 0 | 0 | 0 | 1 |"),
            "{s}"
        );
    }

    #[test]
    fn cjk_characters_take_two_columns() {
        assert_eq!(width("嘉鱼县 421221"), 13);
        assert_eq!(pad("甲", 4, true), "  甲");
    }
}

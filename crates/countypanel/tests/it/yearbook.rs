//! Tables of real and made-up yearbook values: region names as yearbooks print them, series
//! that settle duplicates, values that depart from their series.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use countypanel_core::contract::{
    CONFLICTS, OBSERVATIONS, PANEL_LONG, QUARANTINE, REGION_SUGGESTIONS, SUSPECT,
};
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::{floats, ints, strings};

use crate::{countypanel, project, shared, stderr};

/// Runs the whole pipeline in a temporary project whose raw folder holds `csv` as a yearbook
/// table (the sample reports removed), with `columns` mapped.
fn run_table(csv: &str, columns: &str) -> tempfile::TempDir {
    run_table_with(csv, columns, "")
}

/// As [`run_table`], with `clean` lines added to the pipeline's `[clean]` section.
fn run_table_with(csv: &str, columns: &str, clean: &str) -> tempfile::TempDir {
    let dir = project();
    let raw = dir.path().join("data/raw/sample");
    std::fs::remove_dir_all(&raw).unwrap();
    std::fs::create_dir_all(raw.join("yearbook")).unwrap();
    std::fs::write(raw.join("yearbook/made_up.csv"), csv).unwrap();
    let p = dir.path().join("pipelines/county-health.toml");
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replace("columns = { hospital_beds = \"hospital_beds\" }", columns)
        .replace("[clean]\n", &format!("[clean]\n{clean}\n"));
    std::fs::write(&p, text).unwrap();
    let out = countypanel(dir.path(), &["run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

/// (region, year, indicator) → value of the observations.
fn cells(dir: &tempfile::TempDir) -> BTreeMap<(String, i64, String), f64> {
    let obs = read_table(
        &dir.path().join("data/clean/observations.parquet"),
        &OBSERVATIONS,
    )
    .unwrap();
    let (r, y, i, v) = (
        strings(&obs, "region_code").unwrap(),
        ints(&obs, "year").unwrap(),
        strings(&obs, "indicator_id").unwrap(),
        floats(&obs, "value").unwrap(),
    );
    (0..obs.num_rows())
        .map(|k| {
            (
                (r[k].clone().unwrap(), y[k].unwrap(), i[k].clone().unwrap()),
                v[k].unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_duplicate_county_year_is_settled_by_the_county_s_series() {
    let csv = "year,province,county,hospital_beds\n\
        2007,湖北省,嘉鱼县,118\n2008,湖北省,嘉鱼县,121\n2009,湖北省,嘉鱼县,1\n\
        2009,湖北省,嘉鱼县,116\n2010,湖北省,嘉鱼县,119\n2011,湖北省,嘉鱼县,124\n";
    let dir = run_table(csv, "columns = { hospital_beds = \"hospital_beds\" }");
    let c = cells(&dir);
    assert_eq!(c[&("421221".into(), 2009, "hospital_beds".into())], 116.0);
    // The panel agrees with the table it was built from, cell by cell.
    let out = countypanel(
        dir.path(),
        &[
            "check",
            "--reference",
            "data/raw/sample/yearbook/made_up.csv",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("reference cells 5: same value 5 (100.00%), another value 0"),
        "{text}"
    );
    let conflicts = read_table(&dir.path().join("data/qa/conflicts.parquet"), &CONFLICTS).unwrap();
    let decided = strings(&conflicts, "decided_by").unwrap();
    assert!(
        decided.iter().all(|d| d.as_deref() == Some("series")),
        "{decided:?}"
    );
}

#[test]
fn a_hundredfold_jump_and_a_permille_printed_as_percent_are_suspect_and_a_smooth_series_is_not() {
    let mut csv = String::from("year,province,county,hospital_beds,imr\n");
    let beds = [118, 120, 12_100, 122, 125];
    let imr = ["3.4", "3.3", "32", "3.1", "3.0"];
    for (k, year) in (2016..2021).enumerate() {
        let _ = writeln!(csv, "{year},湖北省,嘉鱼县,{},{}", beds[k], imr[k]);
        let _ = writeln!(csv, "{year},湖北省,通山县,{},3.{k}", 900 + 40 * k);
    }
    let dir = run_table(
        &csv,
        "columns = { hospital_beds = \"hospital_beds\", imr = \"infant_mortality_rate\" }",
    );
    let s = read_table(&dir.path().join("data/qa/suspect.parquet"), &SUSPECT).unwrap();
    let found: Vec<(Option<String>, Option<i64>, Option<String>)> = {
        let (r, y, i) = (
            strings(&s, "region_code").unwrap(),
            ints(&s, "year").unwrap(),
            strings(&s, "indicator_id").unwrap(),
        );
        (0..s.num_rows())
            .map(|k| (r[k].clone(), y[k], i[k].clone()))
            .collect()
    };
    let jiayu = Some("421221".to_string());
    assert!(
        found.contains(&(jiayu.clone(), Some(2018), Some("hospital_beds".into()))),
        "{found:?}"
    );
    assert!(
        found.contains(&(jiayu, Some(2018), Some("infant_mortality_rate".into()))),
        "{found:?}"
    );
    assert_eq!(
        found.len(),
        2,
        "the smooth 通山县 series has no suspect cell: {found:?}"
    );
    // With the checks turned off, nothing is suspect.
    let off = run_table_with(
        &csv,
        "columns = { hospital_beds = \"hospital_beds\", imr = \"infant_mortality_rate\" }",
        "series_checks = false",
    );
    let s = read_table(&off.path().join("data/qa/suspect.parquet"), &SUSPECT).unwrap();
    assert_eq!(s.num_rows(), 0);
}

#[test]
fn the_real_county_yearbook_resolves_and_its_duplicates_follow_their_series() {
    let Some(shared) = shared() else { return };
    let table = shared.join("corpus/tables/china_county_yearbook_panel.csv");
    let csv = std::fs::read_to_string(&table)
        .unwrap_or_else(|e| panic!("this test reads {}: {e}", table.display()));
    let dir = run_table(&csv, "columns = { hospital_beds = \"hospital_beds\" }");
    let q = read_table(&dir.path().join("data/qa/quarantine.parquet"), &QUARANTINE).unwrap();
    let unresolved = strings(&q, "rule")
        .unwrap()
        .iter()
        .filter(|r| r.as_deref() == Some("region_unresolved"))
        .count();
    let filled = csv
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(27).is_some_and(|v| !v.is_empty()))
        .count();
    let share = 1.0 - unresolved as f64 / filled as f64;
    assert!(
        share >= 0.995,
        "{unresolved} of {filled} facts unresolved ({share:.4})"
    );
    let c = cells(&dir);
    let beds = |code: &str, year| c[&(code.to_string(), year, "hospital_beds".to_string())];
    assert_eq!(beds("533421", 2009), 116.0, "香格里拉县 2009");
    assert_eq!(beds("540121", 2005), 70.0, "林周县 2005");
    assert_eq!(beds("522729", 2010), 292.0, "长顺县 2010");
    // Misspelt names are listed with their suggestion and evidence, not applied.
    let s = read_table(
        &dir.path().join("data/qa/region_suggestions.parquet"),
        &REGION_SUGGESTIONS,
    )
    .unwrap();
    let pairs: Vec<(String, String)> = strings(&s, "region_name")
        .unwrap()
        .into_iter()
        .zip(strings(&s, "suggested_name").unwrap())
        .map(|(a, b)| (a.unwrap(), b.unwrap()))
        .collect();
    assert!(
        pairs.contains(&("满州里市".into(), "满洲里市".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("都汀堰市".into(), "都江堰市".into())),
        "{pairs:?}"
    );
}

#[test]
fn a_suggested_region_is_applied_only_when_the_pipeline_says_so() {
    let csv = "year,province,county,hospital_beds\n2002,内蒙古自治区,满州里市,412\n\
        2002,内蒙古自治区,海拉尔区,980\n";
    let columns = "columns = { hospital_beds = \"hospital_beds\" }";
    let dir = run_table(csv, columns);
    assert_eq!(cells(&dir).len(), 1, "only 海拉尔区 resolves");
    let dir = run_table_with(csv, columns, "accept_suggested_regions = true");
    assert_eq!(
        cells(&dir).get(&("150781".to_string(), 2002, "hospital_beds".to_string())),
        Some(&412.0)
    );
}

#[test]
fn a_name_close_to_several_regions_is_placed_by_the_province_around_it() {
    // 华莹市 is a character from 华蓥市 (四川) and 华阴市 (陕西); its rows run among 四川's
    // counties. 马边舞族自制县 is two characters from 马边彝族自治县. 舞圣县 is a character from
    // 河南's 舞阳县 only: among 四川's counties it gets no suggestion.
    let csv = "year,province,county,hospital_beds\n\
        2005,四川省,岳池县,1500\n2005,四川省,华莹市,600\n2005,四川省,舞圣县,900\n\
        2005,四川省,马边舞族自制县,500\n2005,四川省,邻水县,1300\n2005,陕西省,华县,700\n\
        2005,陕西省,潼关县,400\n";
    let dir = run_table(csv, "columns = { hospital_beds = \"hospital_beds\" }");
    let s = read_table(
        &dir.path().join("data/qa/region_suggestions.parquet"),
        &REGION_SUGGESTIONS,
    )
    .unwrap();
    let rows: Vec<(String, String, String, bool)> = {
        let (n, c, b) = (
            strings(&s, "region_name").unwrap(),
            strings(&s, "suggested_code").unwrap(),
            strings(&s, "basis").unwrap(),
        );
        let applied = s
            .column_by_name("applied")
            .unwrap()
            .as_any()
            .downcast_ref::<arrow::array::BooleanArray>()
            .unwrap()
            .clone();
        (0..s.num_rows())
            .map(|k| {
                (
                    n[k].clone().unwrap(),
                    c[k].clone().unwrap(),
                    b[k].clone().unwrap(),
                    applied.value(k),
                )
            })
            .collect()
    };
    assert_eq!(
        rows,
        vec![
            (
                "华莹市".to_string(),
                "511681".to_string(),
                "one_edit_in_province".to_string(),
                false
            ),
            (
                "马边舞族自制县".to_string(),
                "511133".to_string(),
                "two_edits_in_province".to_string(),
                false
            ),
        ]
    );
    // Not applied unless the pipeline says so: the two rows are quarantined, not in the panel.
    assert!(!cells(&dir).contains_key(&("511681".to_string(), 2005, "hospital_beds".to_string())));
}

#[test]
fn a_density_at_odds_with_its_count_is_suspect() {
    // 嘉鱼县 has about 360,000 residents: its beds and their density agree every year but 2018,
    // whose density (14.4) is three times what its 1,680 beds give (below the series factor of 5,
    // so only the density check sees it). 通山县's agree every year.
    let mut csv = String::from("year,province,county,beds,density\n");
    for (k, year) in (2015..=2019).enumerate() {
        let beds = 1500 + 60 * k;
        let density = if year == 2018 {
            14.4
        } else {
            beds as f64 / 360.0
        };
        let _ = writeln!(csv, "{year},湖北省,嘉鱼县,{beds},{density:.2}");
        let beds = 1000 + 40 * k;
        let _ = writeln!(
            csv,
            "{year},湖北省,通山县,{beds},{:.2}",
            beds as f64 / 420.0
        );
    }
    let columns = "columns = { beds = \"hospital_beds\", density = \"beds_per_1000\" }";
    let dir = run_table(&csv, columns);
    let s = read_table(&dir.path().join("data/qa/suspect.parquet"), &SUSPECT).unwrap();
    let (r, y, i, rule) = (
        strings(&s, "region_code").unwrap(),
        ints(&s, "year").unwrap(),
        strings(&s, "indicator_id").unwrap(),
        strings(&s, "rule").unwrap(),
    );
    let found: Vec<(String, i64, String, String)> = (0..s.num_rows())
        .map(|k| {
            (
                r[k].clone().unwrap(),
                y[k].unwrap(),
                i[k].clone().unwrap(),
                rule[k].clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![(
            "421221".to_string(),
            2018,
            "beds_per_1000".to_string(),
            "density_inconsistent".to_string()
        )]
    );
    let detail = strings(&s, "detail").unwrap()[0].clone().unwrap();
    assert!(
        detail.contains("1680") && detail.contains("hospital_beds"),
        "{detail}"
    );
    // The cell is flagged in the panel too; with the checks off nothing is.
    let panel = read_table(
        &dir.path().join("data/summary/panel_long.parquet"),
        &PANEL_LONG,
    )
    .unwrap();
    let flagged = panel
        .column_by_name("suspect")
        .unwrap()
        .as_any()
        .downcast_ref::<arrow::array::BooleanArray>()
        .unwrap()
        .true_count();
    assert_eq!(flagged, 1);
    let off = run_table_with(&csv, columns, "series_checks = false");
    let s = read_table(&off.path().join("data/qa/suspect.parquet"), &SUSPECT).unwrap();
    assert_eq!(s.num_rows(), 0);
}

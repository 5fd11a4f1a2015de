//! Tables in reports are read as facts: an HTML page's table and a Word file's table give a
//! fact per numeric cell, named by its row and column, dated by its column, and reach the panel;
//! so does a table in a Word 97-2003 container (a WPS Writer file).

use std::collections::BTreeSet;

use countypanel_core::contract::{FACTS, PANEL_LONG};
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::{floats, ints, strings};
use countypanel_ingest::testkit::{docx, docx_table, word97};

use crate::{countypanel, project, stderr};

/// A bureau's page of my own wording: one sentence, then a table with a caption.
const PAGE: &str = "<html><head><meta charset=\"utf-8\"><title>嘉鱼县卫生健康局2023年卫生资源情况</title></head><body>\
<p>嘉鱼县卫生健康局 2024年3月1日</p><p>全县卫生资源情况见下表。</p>\
<p>表1 卫生资源</p>\
<table><tr><th>指标</th><th>2022年</th><th>2023年</th><th>比上年增长%</th></tr>\
<tr><td>医疗卫生机构床位数（张）</td><td>1756</td><td>1830</td><td>4.2</td></tr>\
<tr><td>卫生技术人员（人）</td><td>2080</td><td>2150</td><td>3.4</td></tr></table></body></html>";

/// The table-cell facts of a run: (region code, indicator, value × 10, year, kind).
fn table_cells(root: &std::path::Path) -> BTreeSet<(String, String, i64, i64, String)> {
    let facts = read_table(&root.join("data/staged/facts.parquet"), &FACTS).unwrap();
    let rule = strings(&facts, "rule").unwrap();
    let id = strings(&facts, "indicator_id").unwrap();
    let value = floats(&facts, "value").unwrap();
    let year = ints(&facts, "year").unwrap();
    let kind = strings(&facts, "kind").unwrap();
    let region = strings(&facts, "region_code").unwrap();
    (0..facts.num_rows())
        .filter(|&i| rule[i].as_deref() == Some("table_cell"))
        .map(|i| {
            (
                region[i].clone().unwrap_or_default(),
                id[i].clone().unwrap_or_default(),
                (value[i].unwrap() * 10.0).round() as i64,
                year[i].unwrap_or(0),
                kind[i].clone().unwrap(),
            )
        })
        .collect()
}

#[test]
fn tables_in_html_and_docx_give_a_fact_per_cell_and_panel_cells() {
    let dir = project();
    // These two files alone: the sample's reports hold other figures of the same counties.
    std::fs::remove_dir_all(dir.path().join("data/raw/sample")).unwrap();
    let raw = dir.path().join("data/raw/sample/tables");
    std::fs::create_dir_all(&raw).unwrap();
    std::fs::write(raw.join("jiayu_resources.html"), PAGE).unwrap();
    let body = docx_table(
        "赤壁市卫生健康局2021年工作总结",
        &[
            &["指标", "2020年完成", "2021年完成", "2025年目标值"],
            &["家庭医生签约服务覆盖率", "41.5%", "45.2%", "75%"],
        ],
    );
    std::fs::write(raw.join("chibi_summary.docx"), docx(&body)).unwrap();
    // A WPS Writer file in the Word 97-2003 container, with a table of its own.
    let wps = word97(
        "通山县卫生健康局2023年工作总结\r指标\u{7}2022年\u{7}2023年\u{7}\u{7}\
         卫生技术人员\u{7}1890\u{7}1950\u{7}\u{7}",
    );
    std::fs::write(raw.join("tongshan_summary.wps"), wps).unwrap();

    let out = countypanel(dir.path(), &["run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let cells = table_cells(dir.path());
    let want = |r: &str, i: &str, v: f64, y: i64, k: &str| {
        (
            r.to_string(),
            i.to_string(),
            (v * 10.0).round() as i64,
            y,
            k.to_string(),
        )
    };
    for w in [
        want("421221", "hospital_beds", 1756.0, 2022, "actual"),
        want("421221", "hospital_beds", 1830.0, 2023, "actual"),
        want("421221", "health_technicians", 2080.0, 2022, "actual"),
        want("421221", "health_technicians", 2150.0, 2023, "actual"),
        want("421281", "family_doctor_signing_rate", 41.5, 2020, "actual"),
        want("421281", "family_doctor_signing_rate", 45.2, 2021, "actual"),
        want("421281", "family_doctor_signing_rate", 75.0, 2025, "target"),
        want("421224", "health_technicians", 1890.0, 2022, "actual"),
        want("421224", "health_technicians", 1950.0, 2023, "actual"),
    ] {
        assert!(cells.contains(&w), "{w:?} missing from {cells:#?}");
    }
    // The growth column is a change, named by no indicator.
    assert!(
        cells.iter().any(|c| c.1.is_empty() && c.2 == 42),
        "{cells:#?}"
    );

    let panel = read_table(
        &dir.path().join("data/summary/panel_long.parquet"),
        &PANEL_LONG,
    )
    .unwrap();
    let p_region = strings(&panel, "region_code").unwrap();
    let p_id = strings(&panel, "indicator_id").unwrap();
    let p_year = ints(&panel, "year").unwrap();
    let p_value = floats(&panel, "value").unwrap();
    let in_panel = |r: &str, i: &str, y: i64| {
        (0..panel.num_rows())
            .find(|&k| {
                p_region[k].as_deref() == Some(r)
                    && p_id[k].as_deref() == Some(i)
                    && p_year[k] == Some(y)
            })
            .and_then(|k| p_value[k])
    };
    assert_eq!(in_panel("421221", "hospital_beds", 2023), Some(1830.0));
    assert_eq!(in_panel("421221", "health_technicians", 2022), Some(2080.0));
    assert_eq!(
        in_panel("421281", "family_doctor_signing_rate", 2021),
        Some(45.2)
    );
}

/// A county-level worksheet of my own numbers: a title, a unit note in the last column, a
/// header, and rows labelled by their years.
const SERIES_SHEET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>嘉鱼县卫生机构及床位情况(2021—2023年)</t></is></c></row>
<row r="2"><c r="C2" t="inlineStr"><is><t>单位:个、张</t></is></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>年份</t></is></c><c r="B3" t="inlineStr"><is><t>医疗卫生机构数(个)</t></is></c><c r="C3" t="inlineStr"><is><t>床位数(张)</t></is></c></row>
<row r="4"><c r="A4"><v>2021</v></c><c r="B4"><v>236</v></c><c r="C4"><v>1702</v></c></row>
<row r="5"><c r="A5"><v>2022</v></c><c r="B5"><v>241</v></c><c r="C5"><v>1756</v></c></row>
</sheetData></worksheet>"#;

#[test]
fn spreadsheets_and_csv_files_no_mapping_describes_are_read_as_tables() {
    let dir = project();
    std::fs::remove_dir_all(dir.path().join("data/raw/sample")).unwrap();
    let raw = dir.path().join("data/raw/sample/tables");
    std::fs::create_dir_all(&raw).unwrap();
    std::fs::write(
        raw.join("jiayu_series.xlsx"),
        countypanel_ingest::testkit::xlsx(SERIES_SHEET),
    )
    .unwrap();
    // A prefecture's list of its counties, with the prefecture's total row.
    let csv = "2023年咸宁市各县(市、区)卫生资源\n县(市、区),医疗卫生机构数(个),床位数(张)\n\
               嘉鱼县,245,1830\n通山县,266,1690\n全市,2180,15600\n";
    std::fs::write(raw.join("xianning_counties.csv"), csv).unwrap();

    let out = countypanel(dir.path(), &["run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cells = table_cells(dir.path());
    let has = |r: &str, i: &str, v: f64, y: i64| {
        cells.contains(&(
            r.to_string(),
            i.to_string(),
            (v * 10.0).round() as i64,
            y,
            "actual".to_string(),
        ))
    };
    assert!(
        has("421221", "medical_institutions", 236.0, 2021),
        "{cells:#?}"
    );
    assert!(has("421221", "hospital_beds", 1756.0, 2022), "{cells:#?}");
    assert!(has("421224", "hospital_beds", 1690.0, 2023), "{cells:#?}");
    // The total row is the prefecture's, which the title names.
    assert!(has("421200", "hospital_beds", 15600.0, 2023), "{cells:#?}");
}

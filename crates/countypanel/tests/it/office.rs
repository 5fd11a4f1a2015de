//! Files saved by a real office suite, not by the project's own test writers: LibreOffice
//! (headless) saves a bureau page with a table as a Word 97-2003 `.doc` and a yearbook sheet as
//! an Excel 97-2003 `.xls`, and their facts reach the facts table as the same content's do from
//! the page and the workbook. LibreOffice is not needed to build or use countypanel; without
//! `soffice` on PATH this test is skipped with one line, unless `COUNTYPANEL_REQUIRE_OFFICE` is
//! set (`make office-check` installs LibreOffice and sets it).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use countypanel_core::contract::FACTS;
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::{floats, ints, strings};
use countypanel_ingest::testkit::{YEARBOOK_SHEET, xlsx};

use crate::{countypanel, project, stderr};

/// A bureau's page of my own wording: a sentence and a table whose label cell holds two
/// paragraphs and whose last column is empty.
const PAGE: &str = "<html><head><meta charset=\"utf-8\"><title>工作总结</title></head><body>\
<p>嘉鱼县卫生健康局2023年工作总结</p><p>2023年，全县家庭医生签约服务覆盖率达到61.5%。</p>\
<p>表1 2023年卫生资源</p>\
<table><tr><th>指标</th><th>单位</th><th>2022年</th><th>2023年</th><th>备注</th></tr>\
<tr><td>医疗卫生机构床位数</td><td>张</td><td>1756</td><td>1830</td><td></td></tr>\
<tr><td><p>卫生技术人员</p><p>（含乡村医生）</p></td><td>人</td><td>2080</td><td>2150</td><td></td></tr>\
</table></body></html>";

/// `soffice`, when it can be run.
fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found || std::env::var_os("COUNTYPANEL_REQUIRE_OFFICE").is_none(),
        "COUNTYPANEL_REQUIRE_OFFICE is set and soffice (LibreOffice) cannot be run"
    );
    if !found {
        eprintln!(
            "skipped: soffice (LibreOffice) is not installed; `make office-check` installs it"
        );
    }
    found.then_some("soffice")
}

/// Converts `input` to `filter`'s format in `out` with a private LibreOffice profile.
fn convert(soffice: &str, input: &Path, to: &str, out: &Path, profile: &Path) {
    let run = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(input)
        .output()
        .expect("soffice runs");
    assert!(run.status.success(), "{}", stderr(&run));
}

#[test]
fn word_and_excel_97_files_saved_by_libreoffice_give_their_facts() {
    let Some(soffice) = soffice() else { return };
    let dir = project();
    std::fs::remove_dir_all(dir.path().join("data/raw/sample")).unwrap();
    let raw = dir.path().join("data/raw/sample/office");
    std::fs::create_dir_all(&raw).unwrap();
    let src = tempfile::tempdir().unwrap();
    let page = src.path().join("jiayu_summary.html");
    std::fs::write(&page, PAGE).unwrap();
    let book = src.path().join("yearbook.xlsx");
    std::fs::write(&book, xlsx(YEARBOOK_SHEET)).unwrap();
    let profile = src.path().join("profile");
    convert(soffice, &page, "doc:MS Word 97", &raw, &profile);
    convert(soffice, &book, "xls", &raw, &profile);
    assert!(raw.join("jiayu_summary.doc").is_file() && raw.join("yearbook.xls").is_file());

    let out = countypanel(dir.path(), &["ingest"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rejects = read_table(
        &dir.path().join("data/qa/ingest_rejects.parquet"),
        &countypanel_core::contract::INGEST_REJECTS,
    )
    .unwrap();
    assert_eq!(rejects.num_rows(), 0, "nothing is rejected");
    let facts = read_table(&dir.path().join("data/staged/facts.parquet"), &FACTS).unwrap();
    let id = strings(&facts, "indicator_id").unwrap();
    let value = floats(&facts, "value").unwrap();
    let year = ints(&facts, "year").unwrap();
    let rule = strings(&facts, "rule").unwrap();
    let got: BTreeSet<(String, i64, i64, String)> = (0..facts.num_rows())
        .map(|i| {
            (
                id[i].clone().unwrap_or_default(),
                value[i].map_or(-1, |v| (v * 10.0).round() as i64),
                year[i].unwrap_or(0),
                rule[i].clone().unwrap_or_default(),
            )
        })
        .collect();
    // The .doc: the sentence and every cell of the table, the two-paragraph label on its row.
    for want in [
        ("family_doctor_signing_rate", 615, 2023, "phrase_before"),
        ("hospital_beds", 17560, 2022, "table_cell"),
        ("hospital_beds", 18300, 2023, "table_cell"),
        ("health_technicians", 20800, 2022, "table_cell"),
        ("health_technicians", 21500, 2023, "table_cell"),
    ] {
        let want = (want.0.to_string(), want.1, want.2, want.3.to_string());
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    // The .xls: the yearbook's beds, the formula's value as LibreOffice computed it.
    assert!(
        got.iter()
            .any(|(i, v, y, _)| i == "hospital_beds" && *v == 16020 && *y == 2021),
        "{got:?}"
    );
}

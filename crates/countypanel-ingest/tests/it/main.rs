//! Readers on fixtures made by the tests themselves: each format and encoding decodes to the
//! expected text (insta snapshots in `tests/it/snapshots`).

use countypanel_core::config::TableMapping;
use countypanel_ingest::testkit::{YEARBOOK_SHEET, xlsx, zip};
use countypanel_ingest::{decode, docx, html, normalize, yearbook};
use encoding_rs::GB18030;

#[test]
fn gbk_html_page_with_meta_charset() {
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
<title>平安县卫生健康工作总结_平安县人民政府</title><script>var n=1;</script></head><body>\
<div>首页 &gt; 工作动态</div><h1>平安县卫生健康工作总结</h1><p>发布时间:2021-03-02</p>\
<p>全县家庭医生签约覆盖率达到６５．３％，较上年提高３个百分点。</p>\
<table><tr><td>指标</td><td>2020年</td></tr><tr><td>建档率</td><td>91.2%</td></tr></table>\
<p>【打印本页】【关闭窗口】</p></body></html>";
    let (bytes, _, _) = GB18030.encode(page);
    let d = decode::decode(&bytes, true);
    assert_eq!(
        (d.encoding.as_str(), d.how, d.replacements),
        ("gb18030", "meta", 0)
    );
    let h = html::html_to_text(&d.text);
    let text = countypanel_ingest::furniture::strip(&normalize::normalize(&h.text));
    insta::assert_snapshot!("gbk_html", format!("title: {:?}\n{text}", h.title));
}

#[test]
fn gb18030_text_without_a_label() {
    let text = "海东市卫生健康委员会关于二〇二一年基层卫生工作的通报\n全市乡镇卫生院一百零二所，村卫生室一千六百余个。\n居民健康档案建档率百分之九十二点五。";
    let (bytes, _, _) = GB18030.encode(text);
    let d = decode::decode(&bytes, false);
    assert_eq!(d.how, "detected");
    insta::assert_snapshot!(
        "gb18030_text",
        format!("{}\n{}", d.encoding, normalize::normalize(&d.text))
    );
}

#[test]
fn utf16le_text_with_bom() {
    let text = "互助县２０２２年公共卫生服务情况\r\n高血压患者规范管理率７８％。";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let d = decode::decode(&bytes, false);
    insta::assert_snapshot!(
        "utf16le_text",
        format!(
            "{} {}\n{}",
            d.encoding,
            d.how,
            normalize::normalize(&d.text)
        )
    );
}

#[test]
fn docx_with_a_table() {
    let body = "<w:p><w:r><w:t>乐都区2021年卫生工作要点</w:t></w:r></w:p>\
<w:p><w:r><w:t xml:space=\"preserve\">全区组建家庭医生团队</w:t></w:r><w:r><w:t>86支。</w:t></w:r></w:p>\
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2020年</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2021年</w:t></w:r></w:p></w:tc></w:tr>\
<w:tr><w:tc><w:p><w:r><w:t>签约率</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>61.0%</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>64.5%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
    );
    let bytes = zip(&[("word/document.xml", &xml)]);
    let text = docx::docx_to_text(&bytes, 1 << 20).unwrap();
    insta::assert_snapshot!("docx_table", normalize::normalize(&text));
}

fn mapping() -> TableMapping {
    TableMapping {
        path_contains: "yearbook".into(),
        region: "county".into(),
        year: "year".into(),
        region_parent: None,
        columns: [("hospital_beds".to_string(), "hospital_beds".to_string())].into(),
    }
}

fn units(id: &str) -> Option<countypanel_core::vocab::Unit> {
    (id == "hospital_beds").then_some(countypanel_core::vocab::Unit::Bed)
}

#[test]
fn xlsx_yearbook_with_merged_header_cells_and_a_formula() {
    let grid = yearbook::parse_xlsx(&xlsx(YEARBOOK_SHEET)).unwrap();
    let yearbook::TableRead {
        text,
        facts,
        warnings,
    } = yearbook::table_facts(&grid, &mapping(), &units).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let values: Vec<(Option<i32>, f64)> =
        facts.iter().map(|f| (f.fact.year, f.fact.value)).collect();
    // The merged header spans two columns; only its first is the indicator, and the formula's
    // cached value is read.
    assert_eq!(values, vec![(Some(2020), 1535.0), (Some(2021), 1602.0)]);
    insta::assert_snapshot!("xlsx_merged_header", text);
}

#[test]
fn gbk_csv() {
    let csv = "year,province,county,hospital_beds\r\n2020,湖北省,嘉鱼县,\"1,535\"\r\n2021,湖北省,嘉鱼县,1602\r\n";
    let (bytes, _, _) = GB18030.encode(csv);
    let d = decode::decode(&bytes, false);
    let grid = yearbook::parse_delimited(&d.text, false).unwrap();
    let yearbook::TableRead {
        text,
        facts,
        warnings,
    } = yearbook::table_facts(&grid, &mapping(), &units).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(facts.len(), 2);
    assert_eq!(facts[0].fact.value, 1535.0);
    insta::assert_snapshot!("gbk_csv", format!("{}\n{text}", d.encoding));
}

/// Normalises `text` as ingest does and extracts its facts with the project's catalog.
fn facts_of(text: &str, published: (i32, u32, u32)) -> Vec<countypanel_extract::Fact> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../pipelines/indicators/health.toml");
    let catalog = countypanel_core::catalog::Catalog::load(&path).unwrap();
    let ex = countypanel_extract::Extractor::new(&catalog);
    ex.extract(
        &normalize::normalize(text),
        &countypanel_extract::DocContext {
            published: Some(published),
            issuer_region: None,
            title: None,
        },
    )
}

/// (indicator, value, unit, year, kind) of a fact.
type Row<'a> = (Option<&'a str>, f64, &'a str, Option<i32>, &'a str);

/// The rows of the facts, for comparison.
fn summary(facts: &[countypanel_extract::Fact]) -> Vec<Row<'_>> {
    facts
        .iter()
        .map(|f| {
            (
                f.indicator_id.as_deref(),
                f.value,
                f.unit.as_str(),
                f.year,
                f.kind.as_str(),
            )
        })
        .collect()
}

#[test]
fn yearbook_entry_style() {
    let f = facts_of(
        "【基层卫生】2020年,全县有乡镇卫生院12所,村卫生室186个,床位620张;家庭医生签约服务覆盖率达到45.2%。",
        (2021, 8, 1),
    );
    assert_eq!(
        summary(&f),
        [
            (
                Some("township_health_centers"),
                12.0,
                "institution",
                Some(2020),
                "actual"
            ),
            (
                Some("village_clinics"),
                186.0,
                "institution",
                Some(2020),
                "actual"
            ),
            (Some("hospital_beds"), 620.0, "bed", Some(2020), "actual"),
            (
                Some("family_doctor_signing_rate"),
                45.2,
                "percent",
                Some(2020),
                "actual"
            ),
        ]
    );
}

#[test]
fn cdc_quarterly_disclosure_style() {
    // 免疫规划 names the programme: the rate it qualifies is achieved, not planned.
    let f = facts_of(
        "2021年第一季度,全县共报告法定传染病8种312例,无甲类传染病报告;适龄儿童免疫规划疫苗接种率均保持在95%以上。",
        (2021, 4, 20),
    );
    let rate = f.iter().find(|x| x.value == 95.0).unwrap();
    assert_eq!(
        (
            rate.indicator_id.as_deref(),
            rate.qualifier.as_str(),
            rate.kind.as_str(),
            rate.year
        ),
        (Some("vaccination_rate"), "ge", "actual", Some(2021))
    );
    let cases = f.iter().find(|x| x.value == 312.0).unwrap();
    assert_eq!((cases.year, cases.kind.as_str()), (Some(2021), "actual"));
}

#[test]
fn newspaper_item_style() {
    // 今年 resolves against the publication date; 九成 (nine tenths) is read as 90 percent.
    let f = facts_of(
        "记者从县卫健局获悉,今年以来,该县已为3.2万名65岁以上老年人免费体检,完成率超过九成。",
        (2021, 11, 3),
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!((f[1].value, f[1].unit.as_str()), (90.0, "percent"));
    assert_eq!(
        (
            f[0].value,
            f[0].unit.as_str(),
            f[0].year,
            f[0].kind.as_str()
        ),
        (32_000.0, "person", Some(2021), "actual")
    );
}

#[test]
fn traditional_characters_are_read_like_simplified() {
    let f = facts_of(
        "2020年,全縣家庭醫生簽約覆蓋率達到61.5%,高血壓患者規範管理率為78.3%,建檔率達93.6%。",
        (2021, 4, 1),
    );
    assert_eq!(
        summary(&f),
        [
            (
                Some("family_doctor_signing_rate"),
                61.5,
                "percent",
                Some(2020),
                "actual"
            ),
            (
                Some("hypertension_standard_mgmt_rate"),
                78.3,
                "percent",
                Some(2020),
                "actual"
            ),
            (
                Some("health_record_rate"),
                93.6,
                "percent",
                Some(2020),
                "actual"
            ),
        ]
    );
}

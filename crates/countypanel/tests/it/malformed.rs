//! The malformed-input suite: files of every broken kind, generated here, dropped into a copy
//! of the sample and run through the whole pipeline. Each must end as a rejected file, a warning
//! on a file that was read, or a quarantined fact, each with its own reason; nothing panics, the
//! rest of the batch completes and the raw folder is left byte for byte as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use countypanel_core::contract::{DOCUMENTS, FACTS, INGEST_REJECTS, QUARANTINE};
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::{floats, strings};
use countypanel_ingest::testkit::{YEARBOOK_SHEET, docx, xlsx};

use crate::{countypanel, project, stderr};

/// What must become of a file.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Not read; a rejects row with outcome `rejected` and this reason.
    Rejected(&'static str),
    /// Read; a rejects row with outcome `read` and this reason.
    Warned(&'static str),
    /// Read; one of its facts is quarantined under this rule.
    Quarantined(&'static str),
    /// Read; a fact with this value was extracted.
    FactValue(f64),
}

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

/// The classes: (file name, contents, expected outcome).
/// A PDF file of the objects given (numbered from 1), with a correct cross-reference table and
/// `trailer_extra` added to the trailer dictionary.
fn pdf_with(objects: &[&str], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A one-page PDF whose page holds no text, as a scan without OCR does.
fn blank_pdf() -> Vec<u8> {
    pdf_with(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ],
        "",
    )
}

fn cases() -> Vec<(&'static str, Vec<u8>, Expect)> {
    let png: Vec<u8> = [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3, 4].repeat(64);
    let good_docx = docx("<w:p><w:r><w:t>嘉鱼县2020年家庭医生签约覆盖率61.5%。</w:t></w:r></w:p>");
    let mut invalid_utf8 = "<html><head><meta charset=\"utf-8\"><title>嘉鱼县卫生健康局</title></head><body><p>嘉鱼县卫生健康局 2021年3月2日</p><p>2020年,全县高血压患者规范管理率78.5%。</p></body></html>".as_bytes().to_vec();
    let at = invalid_utf8.len() - 30;
    invalid_utf8.splice(at..at, [0xFF, 0xFE]);
    // One line of about 50 MB: page text run together without a single stop, with a fact now
    // and then.
    let mut long_line = String::from("嘉鱼县卫生健康局。");
    let filler = "本页内容仅供参考,请以正式文件为准,欢迎访问门户网站了解更多信息,".repeat(40);
    while long_line.len() < 50_000_000 {
        long_line.push_str(&filler);
        long_line.push_str("2020年全县家庭医生签约覆盖率达到60%,");
    }
    let nested = format!(
        "<html><body>{}嘉鱼县2020年家庭医生签约覆盖率60%{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    vec![
        ("empty.txt", Vec::new(), Expect::Rejected("empty")),
        ("whitespace.txt", b" \n\t\r\n   ".to_vec(), Expect::Rejected("empty")),
        ("image.html", png.clone(), Expect::Rejected("binary")),
        ("image.txt", png.clone(), Expect::Rejected("binary")),
        ("image.docx", png, Expect::Rejected("corrupt_zip")),
        ("report.wps", b"\xd0\xcf\x11\xe0 ...".to_vec(), Expect::Rejected("malformed_doc")),
        (
            "broken_compound.doc",
            [countypanel_ingest::doc::OLE_MAGIC, &[7u8; 600]].concat(),
            Expect::Rejected("malformed_doc"),
        ),
        ("notes.doc", b"{\\rtf1\\ansi hello}".to_vec(), Expect::Rejected("unknown_format")),
        (
            "summary.doc",
            countypanel_ingest::testkit::word97(
                "嘉鱼县卫生健康局2021年工作总结\r2020年，全县孕产妇系统管理率达到95.2%。\r",
            ),
            Expect::FactValue(95.2),
        ),
        ("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type".to_vec(), Expect::Rejected("malformed_pdf")),
        (
            "encrypted.pdf",
            pdf_with(&["<< /Type /Catalog /Pages 2 0 R >>"], "/Encrypt << /Filter /Standard >>"),
            Expect::Rejected("malformed_pdf"),
        ),
        ("scanned.pdf", blank_pdf(), Expect::Rejected("no_text_layer")),
        (
            "bomb.pdf",
            countypanel_ingest::testkit::pdf_bomb(3_000_000),
            Expect::Rejected("pdf_bomb"),
        ),
        (
            "bulletin.ofd",
            countypanel_ingest::testkit::ofd(&[&[
                (20.0, 30.0, "嘉鱼县卫生健康局2021年工作总结"),
                (20.0, 36.0, "2020年，全县孕产妇系统管理率达到96.1%。"),
            ]]),
            Expect::FactValue(96.1),
        ),
        (
            "no_root.ofd",
            countypanel_ingest::testkit::zip(&[("Doc_0/Document.xml", "<Document/>")]),
            Expect::Rejected("malformed_ofd"),
        ),
        (
            "scanned.ofd",
            countypanel_ingest::testkit::ofd(&[&[], &[]]),
            Expect::Rejected("no_text_layer"),
        ),
        (
            "truncated.ofd",
            countypanel_ingest::testkit::ofd(&[&[(20.0, 30.0, "正文")]])[..60].to_vec(),
            Expect::Rejected("corrupt_zip"),
        ),
        ("invalid_utf8.html", invalid_utf8, Expect::Warned("invalid_bytes")),
        (
            "gbk_labelled_utf8.html",
            gbk("<html><head><meta charset=\"utf-8\"><title>嘉鱼县卫生健康局</title></head><body><p>嘉鱼县卫生健康局 2021年4月1日</p><p>2020年,全县孕产妇系统管理率达到93.7%。</p></body></html>"),
            Expect::Warned("charset_mismatch"),
        ),
        (
            "truncated.docx",
            good_docx[..good_docx.len() / 2].to_vec(),
            Expect::Rejected("corrupt_zip"),
        ),
        (
            "bomb.docx",
            docx(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "0".repeat(3_000_000))),
            Expect::Rejected("zip_bomb"),
        ),
        (
            "no_body.docx",
            countypanel_ingest::testkit::zip(&[("word/styles.xml", "<styles/>")]),
            Expect::Rejected("malformed_docx"),
        ),
        ("yearbook_formulas.xlsx", xlsx(YEARBOOK_SHEET), Expect::FactValue(1602.0)),
        (
            "yearbook_ragged.csv",
            "\u{feff}province,county,year,hospital_beds\n湖北省,嘉鱼县,2016,1200\n湖北省,嘉鱼县,2017\n湖北省,通山县,2016,980,7,x\n".as_bytes().to_vec(),
            Expect::Warned("ragged_rows"),
        ),
        (
            "rates_nan.csv",
            "county,year,签约率\n嘉鱼县,2015,NaN\n嘉鱼县,2014,inf\n".as_bytes().to_vec(),
            Expect::Warned("bad_cells"),
        ),
        (
            "rates_negative.csv",
            "county,year,签约率\n嘉鱼县,2013,-5\n".as_bytes().to_vec(),
            Expect::Quarantined("out_of_range"),
        ),
        (
            "rates_unknown_code.csv",
            "county,year,签约率\n999999,2020,55\n".as_bytes().to_vec(),
            Expect::Quarantined("region_unresolved"),
        ),
        (
            "stray_table.csv",
            b"a,b\n1,2\n".to_vec(),
            Expect::Rejected("unmapped_table"),
        ),
        ("long_line.txt", long_line.into_bytes(), Expect::FactValue(60.0)),
        ("nested.html", nested.into_bytes(), Expect::Rejected("html_too_deep")),
        (
            "thirty_digits.txt",
            format!("嘉鱼县卫生健康局\n2020年,全县签约居民{}人。", "9".repeat(30)).into_bytes(),
            Expect::Quarantined("out_of_range"),
        ),
        (
            "year_2099.txt",
            "嘉鱼县卫生健康局\n2099年,全县家庭医生签约覆盖率60%。".as_bytes().to_vec(),
            Expect::Quarantined("year_out_of_window"),
        ),
        (
            "only_navigation.html",
            b"<html><body><script>var a = 1;</script><style>p{}</style></body></html>".to_vec(),
            Expect::Rejected("no_text"),
        ),
    ]
}

fn sha256_tree(dir: &Path) -> BTreeMap<String, String> {
    use sha2::Digest;
    let mut out = BTreeMap::new();
    for p in countypanel_ingest::list_inputs(dir).unwrap() {
        let bytes = std::fs::read(&p).unwrap();
        out.insert(
            p.to_string_lossy().into_owned(),
            format!("{:x}", sha2::Sha256::digest(&bytes)),
        );
    }
    out
}

/// What a run made of each file, by file name: its rejects and warnings (name, reason,
/// outcome), its document, its facts' values and its quarantined facts' rules.
struct Outcomes {
    problems: BTreeSet<(String, String, String)>,
    doc_file: BTreeMap<String, String>,
    fact_values: BTreeSet<(String, String)>,
    held: BTreeSet<(String, String)>,
}

fn outcomes(root: &std::path::Path) -> Outcomes {
    let rejects = read_table(
        &root.join("data/qa/ingest_rejects.parquet"),
        &INGEST_REJECTS,
    )
    .unwrap();
    let file_of = |p: &str| p.rsplit('/').next().unwrap().to_string();
    let problems: BTreeSet<(String, String, String)> = strings(&rejects, "source_path")
        .unwrap()
        .into_iter()
        .zip(strings(&rejects, "reason").unwrap())
        .zip(strings(&rejects, "outcome").unwrap())
        .map(|((p, r), o)| (file_of(&p.unwrap()), r.unwrap(), o.unwrap()))
        .collect();
    let docs = read_table(&root.join("data/staged/documents.parquet"), &DOCUMENTS).unwrap();
    let doc_file: BTreeMap<String, String> = strings(&docs, "doc_id")
        .unwrap()
        .into_iter()
        .zip(strings(&docs, "source_path").unwrap())
        .map(|(d, p)| (d.unwrap(), file_of(&p.unwrap())))
        .collect();
    let facts = read_table(&root.join("data/staged/facts.parquet"), &FACTS).unwrap();
    let fact_values: BTreeSet<(String, String)> = strings(&facts, "doc_id")
        .unwrap()
        .into_iter()
        .zip(floats(&facts, "value").unwrap())
        .map(|(d, v)| (doc_file[&d.unwrap()].clone(), format!("{}", v.unwrap())))
        .collect();
    let quarantine = read_table(&root.join("data/qa/quarantine.parquet"), &QUARANTINE).unwrap();
    let held: BTreeSet<(String, String)> = strings(&quarantine, "doc_id")
        .unwrap()
        .into_iter()
        .zip(strings(&quarantine, "rule").unwrap())
        .map(|(d, r)| (doc_file[&d.unwrap()].clone(), r.unwrap()))
        .collect();

    Outcomes {
        problems,
        doc_file,
        fact_values,
        held,
    }
}

#[test]
fn every_malformed_class_ends_with_its_own_reason_and_the_batch_completes() {
    let dir = project();
    let root = dir.path();
    let raw = root.join("data/raw/sample/malformed");
    std::fs::create_dir_all(&raw).unwrap();
    let cases = cases();
    assert!(cases.len() >= 20);
    for (name, bytes, _) in &cases {
        std::fs::write(raw.join(name), bytes).unwrap();
    }
    // A small expansion limit makes the 3 MB document a bomb; a second table mapping reads the
    // `rates_*` tables.
    let p = root.join("pipelines/county-health.toml");
    let text = std::fs::read_to_string(&p).unwrap().replace(
        "max_unzipped_bytes = 268435456",
        "max_unzipped_bytes = 1000000",
    ) + "\n[[ingest.table]]\npath_contains = \"rates_\"\nregion = \"county\"\nyear = \"year\"\ncolumns = { \"签约率\" = \"family_doctor_signing_rate\" }\n";
    std::fs::write(&p, text).unwrap();
    let before = sha256_tree(&root.join("data/raw"));

    let out = countypanel(root, &["run"]);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    // Past the allowed reject share (a check, exit 1), every output is written all the same.
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(root.join("data/summary/panel_wide.parquet").exists());
    assert_eq!(
        before,
        sha256_tree(&root.join("data/raw")),
        "raw data changed"
    );

    let Outcomes {
        problems,
        doc_file,
        fact_values,
        held,
    } = outcomes(root);

    let mut failures = Vec::new();
    for (name, _, expect) in &cases {
        let name = (*name).to_string();
        let ok = match *expect {
            Expect::Rejected(reason) => {
                problems.contains(&(name.clone(), reason.into(), "rejected".into()))
            }
            Expect::Warned(reason) => {
                problems.contains(&(name.clone(), reason.into(), "read".into()))
                    && doc_file.values().any(|f| *f == name)
            }
            Expect::Quarantined(rule) => held.contains(&(name.clone(), rule.into())),
            Expect::FactValue(v) => fact_values.contains(&(name.clone(), format!("{v}"))),
        };
        if !ok {
            failures.push(format!("{name}: expected {expect:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{failures:#?}\nproblems: {problems:#?}\nquarantined: {held:#?}"
    );
    // Reasons are distinct per class of rejected file, and a mislabelled page is read right.
    assert!(fact_values.contains(&("gbk_labelled_utf8.html".into(), "93.7".into())));
    assert!(fact_values.contains(&("invalid_utf8.html".into(), "78.5".into())));
    // The sample's own documents were all read beside the broken ones.
    let sample_read = doc_file
        .values()
        .filter(|f| !cases.iter().any(|c| c.0 == f.as_str()))
        .count();
    assert_eq!(sample_read, 17);
}

#[test]
fn broken_pipeline_files_and_stage_inputs_stop_with_the_file_named() {
    let dir = project();
    let root = dir.path();
    let pipeline = root.join("pipelines/county-health.toml");
    let good = std::fs::read_to_string(&pipeline).unwrap();
    let write = |name: &str, text: String| {
        let p = root.join("pipelines").join(name);
        std::fs::write(&p, text).unwrap();
        format!("pipelines/{name}")
    };
    let cases: Vec<(String, Vec<&str>)> = vec![
        (
            write(
                "unknown_key.toml",
                good.replace("[clean]", "[clean]\nyear_minimum = 1990"),
            ),
            vec!["unknown_key.toml", "year_minimum"],
        ),
        (
            write(
                "outside.toml",
                good.replace(
                    "summary = \"data/summary\"",
                    "summary = \"../../elsewhere\"",
                ),
            ),
            vec![
                "outside.toml",
                "paths.summary",
                "outside the project folder",
            ],
        ),
        (
            write(
                "absolute.toml",
                good.replace("qa = \"data/qa\"", "qa = \"/tmp/qa\""),
            ),
            vec!["absolute.toml", "paths.qa"],
        ),
        (
            write(
                "no_catalog.toml",
                good.replace(
                    "pipelines/indicators/health.toml",
                    "pipelines/indicators/none.toml",
                ),
            ),
            vec!["pipelines/indicators/none.toml"],
        ),
        (
            "pipelines/missing.toml".into(),
            vec!["pipelines/missing.toml"],
        ),
    ];
    for (file, needles) in cases {
        let out = countypanel(root, &["--pipeline", &file, "ingest"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        for n in needles {
            assert!(err.contains(n), "{file}: `{n}` not in {err}");
        }
        assert!(!err.contains("panicked"), "{err}");
    }
    // A Parquet file of another table where clean expects facts.
    assert!(countypanel(root, &["ingest", "-q"]).status.success());
    let out = countypanel(
        root,
        &["clean", "--facts", "data/qa/ingest_rejects.parquet"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("data/qa/ingest_rejects.parquet") && err.contains("facts"),
        "{err}"
    );
}

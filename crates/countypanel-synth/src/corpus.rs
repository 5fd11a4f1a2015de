//! `countypanel-synth`: a deterministic synthetic corpus of county health reports, with
//! the facts it planted written as a gold file that `countypanel eval` scores.
//!
//! Every county-level region valid in a year gets a work report for that year, in one of several
//! phrasings per indicator, with qualifiers (以上, 约), targets for a later year, and the noise real
//! pages carry (navigation, dates, phone numbers, ages, slogans); some reports are HTML pages and
//! some of those are GBK-encoded. Each province gets a yearbook-style CSV of hospital beds. The
//! same seed and size give the same bytes. Reports and tables go to `OUT/reports`, the gold file
//! to `OUT/gold.csv` (text reports only; the tables' cells are their own evidence).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use countypanel_regions::{Candidate, Gazetteer};

use countypanel_core::rng::SplitMix64 as Rng;

/// One planted fact, as a gold row.
struct Planted {
    indicator: &'static str,
    value: f64,
    unit: &'static str,
    qualifier: &'static str,
    kind: &'static str,
    year: i32,
    evidence: String,
}

/// How a measure is phrased: templates with `{v}` for the value as written.
struct Measure {
    name: &'static str,
    unit: &'static str,
    templates: &'static [&'static str],
    /// (low, high) of the value; percents get one decimal.
    range: (i64, i64),
}

const MEASURES: &[Measure] = &[
    Measure {
        name: "家庭医生签约覆盖率",
        unit: "percent",
        templates: &["家庭医生签约服务覆盖率达到{v}%", "家庭医生签约覆盖率为{v}%"],
        range: (30, 90),
    },
    Measure {
        name: "居民电子健康档案建档率",
        unit: "percent",
        templates: &["居民电子健康档案建档率达{v}%", "电子健康档案建档率{v}%"],
        range: (70, 99),
    },
    Measure {
        name: "高血压患者规范管理率",
        unit: "percent",
        templates: &["高血压患者规范管理率达到{v}%", "高血压患者规范管理率为{v}%"],
        range: (50, 95),
    },
    Measure {
        name: "糖尿病患者规范管理率",
        unit: "percent",
        templates: &["糖尿病患者规范管理率{v}%", "糖尿病患者规范管理率达{v}%"],
        range: (50, 95),
    },
    Measure {
        name: "老年人健康管理率",
        unit: "percent",
        templates: &["65岁以上老年人健康管理率达到{v}%"],
        range: (40, 85),
    },
    Measure {
        name: "村卫生室数",
        unit: "institution",
        templates: &["全县共有村卫生室{v}个", "村卫生室{v}所"],
        range: (40, 400),
    },
    Measure {
        name: "乡镇卫生院数",
        unit: "institution",
        templates: &["乡镇卫生院{v}所", "设有乡镇卫生院{v}家"],
        range: (5, 30),
    },
    Measure {
        name: "家庭医生团队数",
        unit: "team",
        templates: &["组建家庭医生团队{v}支", "家庭医生团队{v}个"],
        range: (20, 200),
    },
    Measure {
        name: "引进卫生人才数",
        unit: "person",
        templates: &["引进卫生人才{v}名", "全年引进卫生专业技术人才{v}人"],
        range: (5, 120),
    },
];

const NAVIGATION: &[&str] = &[
    "首页 > 政务公开 > 工作动态",
    "【字体：大 中 小】 【打印本页】 【关闭窗口】",
    "网站地图 | 联系我们 | 无障碍浏览",
    "扫一扫在手机打开当前页",
];

const PROSE: &[&str] = &[
    "坚持以人民健康为中心,深化医药卫生体制改革,推进健康县城建设。",
    "持续开展三个一批行动,巩固拓展健康扶贫成果同乡村振兴有效衔接。",
    "落实0-6岁儿童、孕产妇和65岁以上老年人等重点人群健康服务。",
    "推动优质医疗资源下沉,打造群众身边一刻钟健康服务圈。",
    "加强基层医疗卫生机构标准化建设,提升服务能力和水平。",
    "统筹做好常态化疫情防控和卫生健康各项工作。",
];

/// Options of a run.
pub struct Options {
    /// Output folder (created).
    pub out: PathBuf,
    /// Stop once this many bytes of reports were written.
    pub bytes: u64,
    /// First and last report year.
    pub years: (i32, i32),
    /// Seed.
    pub seed: u64,
}

/// What a run wrote.
pub struct Written {
    /// Report files.
    pub reports: usize,
    /// Table files.
    pub tables: usize,
    /// Bytes of all files.
    pub bytes: u64,
    /// Planted facts (gold rows).
    pub facts: usize,
}

fn value_text(unit: &str, v: f64) -> String {
    if unit == "percent" {
        format!("{v:.1}")
    } else {
        format!("{}", v as i64)
    }
}

/// One report's text and its planted facts.
fn report(rng: &mut Rng, county: &Candidate, year: i32) -> (String, Vec<Planted>) {
    let mut text = String::new();
    let mut facts = Vec::new();
    let issuer = format!("{}卫生健康局", county.name);
    let _ = writeln!(text, "{}", rng.pick(NAVIGATION));
    let _ = writeln!(text, "{}{year}年卫生健康工作总结", county.name);
    let _ = writeln!(
        text,
        "发布时间:{}-{:02}-{:02} 来源:{issuer} 联系电话:0{}-{}",
        year + 1,
        rng.int(1, 3),
        rng.int(1, 28),
        rng.int(310, 999),
        rng.int(2_000_000, 8_999_999)
    );
    let _ = writeln!(text, "{}", rng.pick(PROSE));
    let _ = write!(text, "{year}年,");
    let mut first = true;
    for m in MEASURES {
        if !rng.chance(70) {
            continue;
        }
        let v = if m.unit == "percent" {
            rng.pct(m.range.0, m.range.1)
        } else {
            rng.int(m.range.0, m.range.1) as f64
        };
        let written = value_text(m.unit, v);
        let phrase = rng.pick(m.templates).replace("{v}", &written);
        let (phrase, qualifier) = if m.unit == "percent" && rng.chance(15) {
            (format!("{phrase}以上"), "ge")
        } else {
            (phrase, "eq")
        };
        if !first {
            text.push(',');
        }
        first = false;
        text.push_str(&phrase);
        facts.push(Planted {
            indicator: m.name,
            value: v,
            unit: m.unit,
            qualifier,
            kind: "actual",
            year,
            evidence: phrase,
        });
    }
    text.push_str("。\n");
    for _ in 0..rng.int(10, 30) {
        let _ = writeln!(text, "{}", rng.pick(PROSE));
    }
    if rng.chance(40) {
        let m = &MEASURES[0];
        let v = rng.int(60, 95) as f64;
        let phrase = format!("力争到{}年{}达到{}%以上", year + 2, m.name, v as i64);
        let _ = writeln!(text, "下一步,{phrase}。");
        facts.push(Planted {
            indicator: m.name,
            value: v,
            unit: m.unit,
            qualifier: "ge",
            kind: "target",
            year: year + 2,
            evidence: phrase,
        });
    }
    let _ = writeln!(text, "{issuer}\n{}", rng.pick(NAVIGATION));
    (text, facts)
}

fn html(title: &str, body: &str, charset: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>{title}</title></head><body>"
    );
    for line in body.lines() {
        let _ = write!(out, "<p>{line}</p>");
    }
    out.push_str("</body></html>\n");
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A report's file name and bytes: plain text seven times in ten, else an HTML page, one in ten
/// of them in GBK.
fn encoded(rng: &mut Rng, stem: &str, title: &str, body: String) -> (String, Vec<u8>) {
    match rng.int(0, 9) {
        0..=6 => (format!("{stem}.txt"), body.into_bytes()),
        7 | 8 => (
            format!("{stem}.html"),
            html(title, &body, "utf-8").into_bytes(),
        ),
        _ => {
            let page = html(title, &body, "gbk");
            let (gbk, _, _) = encoding_rs::GBK.encode(&page);
            (format!("{stem}.html"), gbk.into_owned())
        }
    }
}

/// Appends the planted facts of the report `name` about `region` to the gold CSV.
fn gold_rows(gold: &mut String, name: &str, region: &str, facts: &[Planted]) {
    for f in facts {
        let _ = writeln!(
            gold,
            "{name},{},county,{},{},{},{},{},{},{}",
            csv_field(region),
            f.year,
            f.indicator,
            value_text(f.unit, f.value),
            f.unit,
            f.qualifier,
            f.kind,
            csv_field(&f.evidence)
        );
    }
}

/// Writes the corpus and `gold.csv` (the planted facts) under `o.out`.
pub fn generate(g: &Gazetteer, o: &Options) -> Result<Written> {
    let mut rng = Rng(o.seed);
    let reports = o.out.join("reports");
    std::fs::create_dir_all(&reports)
        .with_context(|| format!("cannot create {}", reports.display()))?;
    let mut gold =
        String::from("doc,region,region_level,year,indicator,value,unit,qualifier,kind,evidence\n");
    let mut w = Written {
        reports: 0,
        tables: 0,
        bytes: 0,
        facts: 0,
    };
    let write = |path: &Path, bytes: &[u8]| -> Result<()> {
        std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
    };
    // Editions: once every county and year has a report, later editions add further reports of
    // the same county-years (a mid-year review, a news item) until the size is reached; only the
    // first edition writes the yearbook tables.
    'all: for edition in 0u32.. {
        for year in o.years.0..=o.years.1 {
            let counties = g.counties_in(year);
            let mut beds = String::from("province,county,year,hospital_beds\n");
            for c in &counties {
                let (body, facts) = report(&mut rng, c, year);
                let title = format!("{}{year}年卫生健康工作总结", c.name);
                let stem = if edition == 0 {
                    format!("{}_{year}_report", c.code)
                } else {
                    format!("{}_{year}_report{edition}", c.code)
                };
                let (name, bytes) = encoded(&mut rng, &stem, &title, body);
                let dir = reports.join(&c.code[..2]);
                std::fs::create_dir_all(&dir)?;
                write(&dir.join(&name), &bytes)?;
                w.reports += 1;
                w.bytes += bytes.len() as u64;
                w.facts += facts.len();
                gold_rows(&mut gold, &name, &c.name, &facts);
                let _ = writeln!(
                    beds,
                    "{},{},{year},{}",
                    csv_field(&c.province),
                    csv_field(&c.name),
                    rng.int(200, 6000)
                );
                if w.bytes >= o.bytes {
                    break;
                }
            }
            if edition == 0 {
                let path = reports.join(format!("yearbook_beds_{year}.csv"));
                write(&path, beds.as_bytes())?;
                w.tables += 1;
                w.bytes += beds.len() as u64;
            }
            if w.bytes >= o.bytes {
                break 'all;
            }
        }
    }
    write(&o.out.join("gold.csv"), gold.as_bytes())?;
    Ok(w)
}

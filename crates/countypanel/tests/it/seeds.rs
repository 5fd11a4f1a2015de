//! Acceptance on the five seed reports in ../shared (read in place, never copied).

use countypanel_core::contract::DOCUMENTS;
use countypanel_core::parquet_io::read_table;
use countypanel_core::table::strings;

use crate::{countypanel, root, shared, stderr};

/// What `countypanel eval` reports for a gold set.
struct Scores {
    /// The overall fact row: precision, recall, f1, year, kind, qualifier, indicator, health
    /// precision.
    facts: Vec<f64>,
    /// Panel recall and precision.
    panel: (f64, f64),
}

fn scores(set: &str) -> Option<Scores> {
    let s = shared()?;
    Some(scores_of(
        &s.join(format!("gold/{set}_gold.csv")),
        &s.join(format!("corpus/{set}")),
    ))
}

/// `countypanel eval` of the documents in `docs` against `gold`.
fn scores_of(gold: &std::path::Path, docs: &std::path::Path) -> Scores {
    let out = countypanel(
        &root(),
        &[
            "eval",
            "--gold",
            gold.to_str().unwrap(),
            "--docs",
            docs.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let all = text
        .lines()
        .find(|l| l.starts_with("ALL"))
        .expect("an ALL row");
    let facts = all
        .split_whitespace()
        .skip(4)
        .map(|x| x.parse().unwrap())
        .collect();
    let panel = text
        .lines()
        .find(|l| l.starts_with("PANEL"))
        .expect("a PANEL row");
    let field = |name: &str| -> f64 {
        panel
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
            .expect("a panel figure")
    };
    Scores {
        facts,
        panel: (field("recall"), field("precision")),
    }
}

#[test]
fn published_pdfs_give_what_their_text_versions_give() {
    let Some(s) = shared() else { return };
    let gold = s.join("gold/extra_gold.csv");
    // The two bulletins published as PDF with a text layer, and their text versions. (The DOCX
    // of the set holds another prefecture's bulletin than its name says, so it is not compared.)
    let dir = tempfile::tempdir().unwrap();
    for (kind, from) in [("pdf", "corpus/files"), ("txt", "corpus/extra")] {
        std::fs::create_dir_all(dir.path().join(kind)).unwrap();
        for stem in ["14_zhoukou_2023", "15_qiandongnan_2023"] {
            let name = format!("{stem}.{kind}");
            std::fs::copy(s.join(from).join(&name), dir.path().join(kind).join(&name)).unwrap();
        }
    }
    let pdf = scores_of(&gold, &dir.path().join("pdf"));
    let txt = scores_of(&gold, &dir.path().join("txt"));
    assert!(
        pdf.facts[1] >= txt.facts[1],
        "fact recall {} < {}",
        pdf.facts[1],
        txt.facts[1]
    );
    assert!(
        pdf.panel.0 >= txt.panel.0,
        "panel recall {} < {}",
        pdf.panel.0,
        txt.panel.0
    );
    assert!(pdf.panel.1 >= 0.95, "panel precision {}", pdf.panel.1);
    assert!(pdf.facts[3] >= 0.95, "year accuracy {}", pdf.facts[3]);
    // A fact read from a PDF names its page: 黔东南's hospital beds are on page 19.
    let out = dir.path().join("out");
    let run = countypanel(
        &root(),
        &[
            "ingest",
            "--raw",
            dir.path().join("pdf").to_str().unwrap(),
            "--documents",
            out.join("documents.parquet").to_str().unwrap(),
            "--facts",
            out.join("facts.parquet").to_str().unwrap(),
            "--rejects",
            out.join("rejects.parquet").to_str().unwrap(),
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let facts = read_table(
        &out.join("facts.parquet"),
        &countypanel_core::contract::FACTS,
    )
    .unwrap();
    let values = countypanel_core::table::floats(&facts, "value").unwrap();
    let pages = countypanel_core::table::ints(&facts, "page").unwrap();
    let beds = (0..facts.num_rows())
        .find(|&i| values[i] == Some(29552.0))
        .expect("the beds of 黔东南");
    assert_eq!(pages[beds], Some(19));
    // And `explain` says so.
    let project = crate::project();
    std::fs::copy(
        s.join("corpus/files/15_qiandongnan_2023.pdf"),
        project
            .path()
            .join("data/raw/sample/15_qiandongnan_2023.pdf"),
    )
    .unwrap();
    let run = countypanel(project.path(), &["run", "--quiet"]);
    assert!(
        run.status.code().is_some_and(|c| c <= 1),
        "{}",
        stderr(&run)
    );
    let told = countypanel(
        project.path(),
        &["explain", "522600", "2023", "hospital_beds_hospitals"],
    );
    let text = String::from_utf8_lossy(&told.stdout);
    assert!(text.contains("29552") && text.contains("page 19"), "{text}");
}

/// Floors of one gold set: fact recall, health precision, year accuracy; panel recall and
/// precision. They hold today's figures (less a small margin) so that a change that loses
/// ground fails; the targets the project aims for are higher (see the README's status).
fn holds_floors(set: &str, floors: [f64; 5]) {
    let Some(sc) = scores(set) else { return };
    let (recall, health_precision, year) = (sc.facts[1], sc.facts[7], sc.facts[3]);
    let named = [
        ("fact recall", recall),
        ("health precision", health_precision),
        ("year accuracy", year),
        ("panel recall", sc.panel.0),
        ("panel precision", sc.panel.1),
    ];
    for ((what, got), floor) in named.into_iter().zip(floors) {
        assert!(
            got >= floor,
            "{set}: {what} {got} is under its floor {floor}"
        );
    }
}

#[test]
fn extraction_on_the_seeds_stays_above_its_floors() {
    let Some(Scores { facts: m, .. }) = scores("seeds") else {
        return;
    };
    let (precision, recall, year, kind, indicator) = (m[0], m[1], m[3], m[4], m[6]);
    // The acceptance floors of extraction. Indicator agreement is strict where the gold names a
    // national indicator (the fact's id must be that id), which is why its floor is lower than
    // the 0.85 of the earlier name-likeness measure.
    assert!(recall >= 0.90, "recall {recall}");
    assert!(precision >= 0.85, "precision {precision}");
    assert!(year >= 0.90, "year accuracy {year}");
    assert!(kind >= 0.95, "kind accuracy {kind}");
    assert!(indicator >= 0.78, "indicator agreement {indicator}");
}

#[test]
fn the_panel_of_each_gold_set_stays_above_its_floors() {
    holds_floors("seeds", [0.93, 0.88, 0.95, 0.72, 0.95]);
    holds_floors("extra", [0.93, 0.89, 0.97, 0.91, 0.97]);
    holds_floors("dev", [0.90, 0.84, 0.94, 0.88, 0.90]);
}

#[test]
fn seed_metadata_and_issuers() {
    let Some(s) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("documents.parquet");
    let out = countypanel(
        &root(),
        &[
            "ingest",
            "--raw",
            s.join("corpus/seeds").to_str().unwrap(),
            "--documents",
            docs.to_str().unwrap(),
            "--facts",
            dir.path().join("facts.parquet").to_str().unwrap(),
            "--rejects",
            dir.path().join("rejects.parquet").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let b = read_table(&docs, &DOCUMENTS).unwrap();
    let paths = strings(&b, "source_path").unwrap();
    let published = strings(&b, "published").unwrap();
    let issuer = strings(&b, "issuer_region_name").unwrap();
    let code = strings(&b, "issuer_region_code").unwrap();
    let method = strings(&b, "issuer_region_method").unwrap();
    let row = |prefix: &str| {
        (0..paths.len())
            .find(|&i| {
                paths[i]
                    .as_deref()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .starts_with(prefix)
            })
            .unwrap()
    };
    let get = |v: &Vec<Option<String>>, i: usize| v[i].clone();
    let i = row("000");
    assert_eq!(get(&published, i).as_deref(), Some("2020-01-06"));
    assert_eq!(
        (get(&issuer, i).as_deref(), get(&code, i).as_deref()),
        (Some("海勃湾区"), Some("150302"))
    );
    let i = row("002");
    assert_eq!(get(&published, i).as_deref(), Some("2020-04-15"));
    assert_eq!(
        (get(&issuer, i).as_deref(), get(&code, i).as_deref()),
        (Some("兰州市"), Some("620100"))
    );
    let i = row("003");
    assert_eq!(get(&published, i).as_deref(), Some("2022-04-01"));
    assert_eq!(
        (get(&issuer, i).as_deref(), get(&code, i).as_deref()),
        (Some("乌海市"), Some("150300"))
    );
    let i = row("004");
    assert_eq!(get(&published, i), None);
    assert_eq!(
        (get(&issuer, i).as_deref(), get(&code, i).as_deref()),
        (Some("嘉鱼县"), Some("421221"))
    );
    // The anonymised XX县区 names no region; its town 千里山镇 places it in 海勃湾区, as an inference.
    let i = row("001");
    assert_eq!(get(&issuer, i), None);
    assert_eq!(get(&code, i).as_deref(), Some("150302"));
    assert_eq!(get(&method, i).as_deref(), Some("inferred_from_town"));
}

#[test]
fn cleaning_the_seeds_merges_repeats_quarantines_malformed_years_and_accounts_for_every_fact() {
    use countypanel_core::contract::{OBSERVATIONS, QUARANTINE};
    let Some(s) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    let seeds = s.join("corpus/seeds");
    let ingest = [
        "ingest",
        "--raw",
        seeds.to_str().unwrap(),
        "--documents",
        &p("d.parquet"),
        "--facts",
        &p("f.parquet"),
        "--rejects",
        &p("r.parquet"),
    ];
    assert!(countypanel(&root(), &ingest).status.success());
    let clean = [
        "clean",
        "--facts",
        &p("f.parquet"),
        "--documents",
        &p("d.parquet"),
        "--observations",
        &p("o.parquet"),
        "--quarantine",
        &p("q.parquet"),
        "--conflicts",
        &p("c.parquet"),
        "--uncatalogued",
        &p("u.parquet"),
        "--todo",
        &p("t.parquet"),
        "--suspect",
        &p("s.parquet"),
        "--suggestions",
        &p("g.parquet"),
    ];
    let out = countypanel(&root(), &clean);
    assert!(out.status.success(), "{}", stderr(&out));
    // The accounting identity is checked in code and printed.
    let err = stderr(&out);
    assert!(
        err.contains(" facts = ") && err.contains("quarantined") && err.contains("uncatalogued"),
        "{err}"
    );

    // 004 (嘉鱼县) states its 91 village clinics twice: one observation, two mentions.
    let o = read_table(&dir.path().join("o.parquet"), &OBSERVATIONS).unwrap();
    let code = strings(&o, "region_code").unwrap();
    let indicator = strings(&o, "indicator_id").unwrap();
    let mentions = countypanel_core::table::ints(&o, "n_mentions").unwrap();
    assert!(
        (0..code.len()).any(|i| code[i].as_deref() == Some("421221")
            && indicator[i].as_deref() == Some("village_clinics")
            && mentions[i] >= Some(2)),
        "no merged repeat of 嘉鱼县's village clinics"
    );
    // 001's years are garbled by its template: its catalogued facts are held back, rule named.
    let q = read_table(&dir.path().join("q.parquet"), &QUARANTINE).unwrap();
    let rules = strings(&q, "rule").unwrap();
    assert!(
        rules.iter().any(|r| r.as_deref() == Some("year_malformed")),
        "{rules:?}"
    );
}

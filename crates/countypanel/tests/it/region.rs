use crate::{countypanel, root};

fn lookup(args: &[&str]) -> String {
    let mut all = vec!["region"];
    all.extend_from_slice(args);
    let out = countypanel(&root(), &all);
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn region_command_resolves_with_years_and_context() {
    assert!(lookup(&["嘉鱼县"]).starts_with("resolved\t421221\tcounty\t嘉鱼县\texact"));
    assert!(lookup(&["滦县", "--year", "2017"]).starts_with("resolved\t130223"));
    assert!(lookup(&["滦州市", "--year", "2019"]).starts_with("resolved\t130284"));
    assert!(lookup(&["莱芜市", "--year", "2017"]).starts_with("resolved\t371200"));
    assert!(lookup(&["莱芜市", "--year", "2020"]).starts_with("retired\t371200"));
    assert!(lookup(&["公主岭市", "--year", "2019"]).starts_with("resolved\t220381"));
    assert!(lookup(&["公主岭市", "--year", "2021"]).starts_with("resolved\t220184"));
    assert!(
        lookup(&["城关区", "--year", "2019", "--context", "兰州市"])
            .starts_with("resolved\t620102")
    );
    let amb = lookup(&["城关区", "--year", "2019"]);
    assert!(
        amb.starts_with("ambiguous") && amb.contains("620102") && amb.contains("540102"),
        "{amb}"
    );
    let town = lookup(&["千里山镇", "--json"]);
    assert!(
        town.contains("\"code\":\"150302\"") && town.contains("inferred_from_town"),
        "{town}"
    );
}

#[test]
fn an_unknown_name_lists_the_names_it_likely_meant() {
    let one = lookup(&["满州里市", "--year", "2002"]);
    assert!(one.starts_with("unknown"), "{one}");
    assert!(
        one.contains("did you mean\t150781\t满洲里市\t内蒙古自治区 呼伦贝尔市\t1 character away"),
        "{one}"
    );
    // Two names are a character from 华莹市: both are listed, with their provinces.
    let two = lookup(&["华莹市", "--year", "2004"]);
    assert!(
        two.contains("华蓥市\t四川省") && two.contains("华阴市\t陕西省"),
        "{two}"
    );
    let json = lookup(&["华莹市", "--year", "2004", "--json"]);
    assert!(json.contains("\"suggestions\":[{"), "{json}");
    assert!(!lookup(&["完全不存在的地方"]).contains("did you mean"));
}

/// Ingests the reports `files` (name, text) and gives the region code of each fact by the
/// value as written.
fn region_codes_of(files: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    use countypanel_core::contract::FACTS;
    use countypanel_core::parquet_io::read_table;
    use countypanel_core::table::strings;
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("raw");
    std::fs::create_dir_all(&raw).unwrap();
    for (name, text) in files {
        std::fs::write(raw.join(name), text).unwrap();
    }
    let out = countypanel(
        &root(),
        &[
            "--quiet",
            "--out",
            dir.path().join("out").to_str().unwrap(),
            "ingest",
            "--raw",
            raw.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let facts = read_table(&dir.path().join("out/staged/facts.parquet"), &FACTS).unwrap();
    let texts = strings(&facts, "value_text").unwrap();
    let codes = strings(&facts, "region_code").unwrap();
    move |v: &str| {
        let i = texts.iter().position(|t| t.as_deref() == Some(v));
        codes[i.unwrap_or_else(|| panic!("no fact {v}: {texts:?}"))].clone()
    }
}

/// A county's news item that names its prefecture as the subject of a clause
/// (定西市计划投入资金3.5亿元) files that number under the prefecture; a clause that names the
/// prefecture only in passing (按照定西市要求) or turns to the county (定西市下达我县) keeps the
/// county's.
#[test]
fn an_enclosing_region_that_opens_the_clause_holds_its_number() {
    let code_of = region_codes_of(&[(
        "lintao_news.txt",
        "临洮县基层医疗服务能力持续提升\n发布时间：2023-06-12\n\
         据介绍，定西市计划投入资金3.5亿元改善基层医疗条件。\
         按照定西市要求，全县投入资金2200万元建设村卫生室。\
         定西市下达我县项目资金1800万元。\n",
    )]);
    assert_eq!(code_of("3.5亿元").as_deref(), Some("621100"));
    assert_eq!(code_of("2200万元").as_deref(), Some("621124"));
    assert_eq!(code_of("1800万元").as_deref(), Some("621124"));
}

/// A county whose name has two characters (岷县) is named in its prefecture's report; the same
/// two characters as a town's short name in another province's report (古县 of 永丰县) place
/// nothing there.
#[test]
fn a_two_character_county_places_facts_only_inside_the_reports_province() {
    let code_of = region_codes_of(&[
        (
            "dingxi.txt",
            "2022年定西市卫生健康工作综述\n定西市卫生健康委员会\n2023年3月10日\n\
             全市婴儿死亡率为3.6‰。岷县孕产妇死亡率为0,婴儿死亡率4.1‰。\n",
        ),
        (
            "yongfeng.txt",
            "永丰县推进中医药服务建设\n发布时间：2016-05-12\n\
             在恩江、古县等9所乡镇卫生院开展标准化中医药服务建设,门诊中医药处方占有率达到34%。\n",
        ),
    ]);
    assert_eq!(code_of("3.6‰").as_deref(), Some("621100"));
    assert_eq!(code_of("4.1‰").as_deref(), Some("621126"));
    assert_eq!(code_of("9所").as_deref(), Some("360825"));
}

/// A gazetteer published in 2019 on 户县 from 1985 to 2005: the county was renamed 鄠邑区 in
/// 2016, so the report's own region resolves through its successor in the year of publication,
/// and each fact of an earlier year takes the code the county had then.
#[test]
fn a_report_on_a_renamed_county_files_each_years_facts_under_the_code_of_that_year() {
    let code_of = region_codes_of(&[(
        "huxian.txt",
        "户县志·卫生\n发布时间：2019-06-18\n\
         1985年,全县有病床812张。2005年,全县各类医疗卫生机构589个。\n",
    )]);
    assert_eq!(code_of("812张").as_deref(), Some("610125"));
    assert_eq!(code_of("589个").as_deref(), Some("610125"));
}

/// A prefecture's report of 2020 on 2010: in 2010 the name 毕节市 was a county-level city, and
/// the prefecture's own figures are not filed under it.
#[test]
fn a_prefectures_earlier_years_are_not_filed_under_a_county_of_its_name() {
    let code_of = region_codes_of(&[(
        "bijie.txt",
        "毕节市卫生健康事业发展回顾\n发布时间：2020-06-18\n\
         2010年,全市共有医疗卫生机构3512个。2019年,全市共有医疗卫生机构6021个。\n",
    )]);
    assert_ne!(code_of("3512个").as_deref(), Some("522401"));
    assert_eq!(code_of("6021个").as_deref(), Some("520500"));
}

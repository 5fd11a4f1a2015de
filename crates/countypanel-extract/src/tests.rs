//! Sentence-level behaviour of the extractor, on sentences written for these tests.

use super::*;
use countypanel_core::vocab::{Rule, YearFlag};
use std::path::Path;

fn catalog() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../pipelines/indicators/health.toml");
    Catalog::load(&path).expect("catalog loads")
}

fn extract(text: &str, published: Option<Ymd>) -> Vec<Fact> {
    let ex = Extractor::with_regions(&catalog(), ["兰州市", "城关区", "平安县"].into_iter());
    ex.extract(
        text,
        &DocContext {
            published,
            issuer_region: Some("平安县".into()),
            title: None,
        },
    )
}

pub(crate) fn find(facts: &[Fact], value: f64) -> &Fact {
    facts
        .iter()
        .find(|f| (f.value - value).abs() < 1e-9)
        .unwrap_or_else(|| panic!("no fact with value {value}: {facts:#?}"))
}

#[test]
fn two_facts_in_one_sentence_with_their_own_indicators() {
    let f = extract("2021年,全县建档人数为41250人,建档率达93.6%。", None);
    assert_eq!(
        find(&f, 41250.0).indicator_id.as_deref(),
        Some("health_records")
    );
    let rate = find(&f, 93.6);
    assert_eq!(rate.indicator_id.as_deref(), Some("health_record_rate"));
    assert_eq!(rate.unit.as_str(), "percent");
    assert_eq!(rate.year, Some(2021));
    assert_eq!(rate.evidence, "建档率达93.6%");
}

#[test]
fn generic_rate_takes_subject_from_the_clause_before() {
    let f = extract(
        "糖尿病患者健康管理率为88%,规范管理率76.5%。",
        Some((2022, 6, 1)),
    );
    assert_eq!(
        find(&f, 88.0).indicator_id.as_deref(),
        Some("diabetes_health_mgmt_rate")
    );
    let r = find(&f, 76.5);
    assert_eq!(
        r.indicator_id.as_deref(),
        Some("diabetes_standard_mgmt_rate")
    );
    assert_eq!(r.subject.as_deref(), Some("糖尿病"));
    assert_eq!(r.rule, Rule::GenericSubject);
}

#[test]
fn generic_rate_qualified_by_another_measure_stays_uncatalogued() {
    let f = extract("二级以上医院远程会诊覆盖率达到100%。", None);
    assert_eq!(find(&f, 100.0).indicator_id, None);
}

#[test]
fn number_before_noun_counts_institutions() {
    let f = extract("全县148家村卫生室全部完成标准化改造。", None);
    let c = find(&f, 148.0);
    assert_eq!(c.indicator_id.as_deref(), Some("village_clinics"));
    assert_eq!(c.unit.as_str(), "institution");
    assert_eq!(c.rule, Rule::PhraseAfter);
    // Without 全部/均, the clinics that did something may be some of them only.
    let f = extract("全县148家村卫生室完成标准化改造。", None);
    assert_eq!(find(&f, 148.0).rule, Rule::QualifiedCount);
}

#[test]
fn institutions_that_did_something_are_a_part_of_the_total() {
    let f = extract(
        "5所乡镇卫生院(社区卫生服务中心)均设有中医门诊,2个社区卫生服务中心被选定为试点单位。",
        None,
    );
    let c = find(&f, 5.0);
    assert_eq!(c.indicator_id, None);
    assert_eq!(c.rule, Rule::QualifiedCount);
    assert_eq!(
        c.indicator_text.as_deref(),
        Some("乡镇卫生院设有中医门诊数")
    );
    assert_eq!(find(&f, 2.0).indicator_id, None);
}

#[test]
fn a_share_described_after_its_number() {
    let f = extract("各区基层医疗机构中40%的要达到基本标准。", None);
    let c = find(&f, 40.0);
    assert_eq!(c.indicator_id, None);
    let naming = c.indicator_text.as_deref().unwrap();
    assert!(
        naming.contains("基层医疗机构") && naming.contains("达到基本标准"),
        "{naming}"
    );
}

#[test]
fn targets_and_lower_bounds() {
    let f = extract(
        "到2025年,家庭医生签约覆盖率要达到75%以上。",
        Some((2023, 3, 2)),
    );
    let t = find(&f, 75.0);
    assert_eq!(
        (t.kind, t.year, t.qualifier),
        (Kind::Target, Some(2025), Qualifier::Ge)
    );
    let f = extract("力争新增床位300张。", None);
    assert_eq!(find(&f, 300.0).kind, Kind::Target);
}

#[test]
fn ages_dates_and_slogans_are_not_facts() {
    let f = extract(
        "为65岁以上老年人免费体检,落实“三个一批”,2020年04月15日发布。",
        None,
    );
    assert!(f.is_empty(), "{f:#?}");
    // Without quotes, both halves of the slogan are still not counts.
    let f = extract("持续开展三个一批行动,打造一刻钟健康服务圈。", None);
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn money_with_multipliers() {
    let f = extract("全年卫生健康投入2.35亿元。", None);
    let m = find(&f, 235_000_000.0);
    assert_eq!(
        (m.unit.as_str(), m.indicator_id.as_deref()),
        ("yuan", Some("health_investment"))
    );
}

#[test]
fn a_sentence_opening_with_a_year_dates_the_paragraphs_after_it() {
    let f = extract(
        "今年以来,共招聘医务人员58名。\n新的一段,签约率81%。",
        Some((2021, 11, 3)),
    );
    assert_eq!(find(&f, 58.0).year, Some(2021));
    let s = find(&f, 81.0);
    assert_eq!((s.year, s.year_flag), (Some(2021), Some(YearFlag::Section)));
    let f = extract(
        "2019年,全县签约率70%。\n另一段,建档率91%。",
        Some((2020, 6, 1)),
    );
    assert_eq!(find(&f, 91.0).year, Some(2019));
}

#[test]
fn undated_status_takes_the_publication_year() {
    let f = extract("全县签约率81%。", Some((2021, 11, 3)));
    let s = find(&f, 81.0);
    assert_eq!(
        (s.year, s.year_flag),
        (Some(2021), Some(YearFlag::Published))
    );
    let f = extract("全县签约率81%。", Some((2021, 1, 3)));
    assert_eq!(find(&f, 81.0).year, Some(2020));
}

#[test]
fn counts_with_ge_take_their_unit_from_the_noun_before() {
    let f = extract("县级医院有市级重点专科13个。", None);
    assert_eq!(find(&f, 13.0).unit.as_str(), "item");
}

#[test]
fn malformed_year_gives_no_year_and_a_flag() {
    let f = extract("202223年,全县签约率达到60%。", None);
    let s = find(&f, 60.0);
    assert_eq!(
        (s.year, s.year_flag),
        (None, Some(YearFlag::DocumentYearsMalformed))
    );
}

#[test]
fn region_named_in_the_sentence_overrides_the_issuer() {
    let f = extract("兰州市城关区有3个街道入选示范社区。", None);
    assert_eq!(find(&f, 3.0).region_name.as_deref(), Some("城关区"));
    let f = extract("签约率81%。", None);
    assert_eq!(find(&f, 81.0).region_name.as_deref(), Some("平安县"));
}

#[test]
fn evidence_offsets_point_into_the_text() {
    let text = "第一段。\n全区签约率83%,建档率95%。";
    let chars: Vec<char> = text.chars().collect();
    for f in extract(text, None) {
        let span: String = chars[f.char_start..f.char_end].iter().collect();
        assert_eq!(span, f.evidence);
    }
}

#[test]
fn as_of_dates_are_not_deadlines() {
    let f = extract(
        "截至2021年12月底,全区家庭医生签约覆盖率41.2%。",
        Some((2022, 2, 9)),
    );
    let s = find(&f, 41.2);
    assert_eq!(
        (s.kind, s.year, s.as_of),
        (Kind::Actual, Some(2021), Some((2021, 12, 31)))
    );
}

#[test]
fn a_subset_introduced_by_qizhong_is_not_the_total() {
    let f = extract("全县村卫生室91个,年内对其中12个村卫生室完成了改造。", None);
    assert_eq!(
        find(&f, 91.0).indicator_id.as_deref(),
        Some("village_clinics")
    );
    assert_eq!(find(&f, 12.0).indicator_id, None);
}

#[test]
fn table_cells_and_labels_name_the_value_after_them() {
    let f = extract(
        "高血压患者规范管理率 | 75.0%\n糖尿病患者规范管理率:73.2%",
        Some((2021, 1, 15)),
    );
    assert_eq!(
        find(&f, 75.0).indicator_id.as_deref(),
        Some("hypertension_standard_mgmt_rate")
    );
    assert_eq!(
        find(&f, 73.2).indicator_id.as_deref(),
        Some("diabetes_standard_mgmt_rate")
    );
}

#[test]
fn comparison_with_last_year_does_not_date_the_fact() {
    let f = extract(
        "签约率达到50.8%,较上年提高5.6个百分点。",
        Some((2021, 6, 1)),
    );
    assert_eq!(find(&f, 50.8).year_flag, Some(YearFlag::Published));
}

#[test]
fn short_phrase_qualified_by_another_population_is_not_the_indicator() {
    let f = extract(
        "家庭医生签约服务覆盖率60.3%,建档立卡贫困人口签约率100%。",
        None,
    );
    assert_eq!(
        find(&f, 60.3).indicator_id.as_deref(),
        Some("family_doctor_signing_rate")
    );
    assert_eq!(find(&f, 100.0).indicator_id, None);
    let f = extract("2021年全县签约率81%。", None);
    assert_eq!(
        find(&f, 81.0).indicator_id.as_deref(),
        Some("family_doctor_signing_rate")
    );
}

#[test]
fn a_dateline_does_not_date_the_sections_below_it() {
    let text = "某县2021年卫生工作综述\n2022年02月16日 来源:某报\n全县新建村卫生室3所,签约率81%。";
    let f = extract(text, Some((2022, 2, 16)));
    assert_eq!(find(&f, 81.0).year, Some(2021));
    assert_eq!(find(&f, 3.0).indicator_id, None);
}

#[test]
fn one_malformed_year_makes_every_year_of_the_document_untrusted() {
    let f = extract(
        "2023年,全县签约率达到60%。\n在202223年,建档率90%。",
        Some((2023, 6, 1)),
    );
    for fact in &f {
        assert_eq!(
            (fact.year, fact.year_flag),
            (None, Some(YearFlag::DocumentYearsMalformed))
        );
    }
}

#[test]
fn rates_listed_before_one_value_each_state_it() {
    let f = extract("传染病疫情报告率、及时率、准确率均为100%。", None);
    let texts: Vec<&str> = f
        .iter()
        .filter_map(|x| x.indicator_text.as_deref())
        .collect();
    assert_eq!(f.len(), 3, "{f:#?}");
    assert!(texts.iter().any(|t| t.contains("疫情报告率")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("及时率")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("准确率")), "{texts:?}");
    assert!(f.iter().all(|x| x.value == 100.0));
}

#[test]
fn uncatalogued_measures_are_named_with_their_unit_word() {
    let f = extract(
        "全年管理孕产妇2568人,专家来院坐诊近2000次,贫困患者起付线降低50%。",
        None,
    );
    assert_eq!(
        find(&f, 2568.0).indicator_text.as_deref(),
        Some("孕产妇管理人数")
    );
    assert_eq!(
        find(&f, 2000.0).indicator_text.as_deref(),
        Some("专家来院坐诊次数")
    );
    assert_eq!(
        find(&f, 50.0).indicator_text.as_deref(),
        Some("贫困患者起付线降低比例")
    );
}

#[test]
fn a_bare_measure_takes_its_subject_from_the_clause_before() {
    let f = extract("疑似结核病患者165人,转诊人数165人,报告率100%。", None);
    let r = find(&f, 100.0);
    assert_eq!(r.subject.as_deref(), Some("疑似结核病患者"));
}

#[test]
fn text_without_stops_takes_time_in_proportion_to_its_length() {
    // A page flattened to one line: sentences are cut, so doubling the text doubles the facts
    // and the work stays linear (a quadratic path shows as a test that never ends).
    let text = format!(
        "平安县卫生健康局。{}",
        "全县家庭医生签约覆盖率达到60%,".repeat(20_000)
    );
    let started = std::time::Instant::now();
    let f = extract(&text, Some((2021, 5, 1)));
    assert_eq!(f.len(), 20_000);
    assert!(
        f.iter()
            .all(|x| x.sentence.chars().count() <= segment::MAX_SENTENCE_CHARS)
    );
    eprintln!("{:?}", started.elapsed());
}

#[test]
fn service_counts_are_named_object_first() {
    let f = extract(
        "全县救治贫困患者25987人,成立7个专责工作组和3个专家组。",
        None,
    );
    let c = find(&f, 25987.0);
    assert_eq!(c.indicator_text.as_deref(), Some("贫困患者救治人数"));
    // The catalog names the common ones: 管理高血压 counts hypertension patients managed.
    let managed = extract("全县管理高血压25987人。", None);
    assert_eq!(
        find(&managed, 25987.0).indicator_id.as_deref(),
        Some("hypertension_managed")
    );
    // The noun after a count ends at a conjunction.
    let t = find(&f, 7.0);
    assert!(
        t.indicator_text
            .as_deref()
            .unwrap()
            .ends_with("专责工作组数"),
        "{t:#?}"
    );
}

#[test]
fn nouns_listed_after_a_count_share_it() {
    let f = extract("每月举办不少于1次的义诊、咨询活动。", None);
    let c = find(&f, 1.0);
    let naming = c.indicator_text.as_deref().unwrap();
    assert!(naming.contains("义诊、咨询活动"), "{naming}");
    assert!(naming.ends_with("次数"), "{naming}");
}

#[test]
fn a_bare_zero_states_a_rate_and_a_fraction_of_days_a_length_of_stay() {
    let f = extract(
        "2022年,全县孕产妇死亡率为0,婴儿死亡率2.86‰。出院者平均住院日7.9日。",
        None,
    );
    let zero = find(&f, 0.0);
    assert_eq!(
        zero.indicator_id.as_deref(),
        Some("maternal_mortality_rate")
    );
    assert_eq!(zero.unit.as_str(), "per_100k");
    let stay = find(&f, 7.9);
    assert_eq!(stay.indicator_id.as_deref(), Some("avg_length_of_stay"));
    // A bare count after a rate phrase is still no rate.
    let f = extract("2022年,全县孕产妇死亡率统计覆盖3个乡镇。", None);
    assert!(
        f.iter()
            .all(|f| f.indicator_id.as_deref() != Some("maternal_mortality_rate"))
    );
}

#[test]
fn the_hospital_bed_occupancy_of_bulletins_is_the_bed_occupancy() {
    let f = extract("2022年,全县医院病床使用率为82.4%。", None);
    assert_eq!(
        find(&f, 82.4).indicator_id.as_deref(),
        Some("bed_occupancy_rate")
    );
}

#[test]
fn measures_listed_before_respectively_take_their_values_in_order() {
    let f = extract(
        "2022年,全县孕产妇系统管理率、3岁以下儿童系统管理率分别为95.1%和93.2%。\
         全县婴儿死亡率、5岁以下儿童死亡率分别为3.2‰和4.1‰。\
         全县高血压、糖尿病患者规范管理率分别达到72.5%和70.1%。",
        None,
    );
    let id = |v: f64| {
        let all: Vec<_> = f.iter().filter(|f| (f.value - v).abs() < 1e-9).collect();
        assert_eq!(all.len(), 1, "one fact for {v}: {all:#?}");
        all[0].indicator_id.clone()
    };
    assert_eq!(id(95.1).as_deref(), Some("maternal_systematic_mgmt_rate"));
    assert_eq!(id(93.2).as_deref(), Some("child_u3_systematic_mgmt_rate"));
    assert_eq!(id(3.2).as_deref(), Some("infant_mortality_rate"));
    assert_eq!(id(4.1).as_deref(), Some("under5_mortality_rate"));
    assert_eq!(id(72.5).as_deref(), Some("hypertension_standard_mgmt_rate"));
    assert_eq!(id(70.1).as_deref(), Some("diabetes_standard_mgmt_rate"));
}

#[test]
fn a_part_after_qizhong_is_counted_in_the_measure_of_the_total() {
    let f = extract(
        "2021年末全县医疗卫生机构床位数4521张,其中医院3210张。\
         全年总诊疗人次312.5万人次,其中基层医疗卫生机构207.3万人次。",
        None,
    );
    let beds = find(&f, 3210.0);
    assert_eq!(
        beds.indicator_id.as_deref(),
        Some("hospital_beds_hospitals")
    );
    assert_eq!(beds.rule, Rule::PartMeasure);
    assert_eq!(
        find(&f, 2_073_000.0).indicator_id.as_deref(),
        Some("primary_care_visits")
    );
    assert_eq!(
        find(&f, 4521.0).indicator_id.as_deref(),
        Some("hospital_beds")
    );
}

#[test]
fn an_undated_yearbook_entry_is_dated_by_its_year_end_stock() {
    let text = "【概况】2022年末,全县有医疗卫生机构312个。\n\
        【公共卫生】高血压患者规范管理率72.4%,孕产妇死亡率为零。";
    let f = extract(text, None);
    assert_eq!(find(&f, 72.4).year, Some(2022));
    let zero = find(&f, 0.0);
    assert_eq!(
        zero.indicator_id.as_deref(),
        Some("maternal_mortality_rate")
    );
    assert_eq!(zero.year, Some(2022));
}

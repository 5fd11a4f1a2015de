//! The extractor on report genres, with the national catalog: sentences written for these tests
//! in the ways statistical bulletins, health-bureau summaries and plans, news items, yearbook
//! entries and government work reports state their numbers.

use countypanel_core::vocab::{Rule, YearFlag};
use std::path::Path;

use countypanel_core::catalog::Catalog;

use crate::tests::find as fact;
use crate::{DocContext, Extractor, Fact, Kind};

fn extract(text: &str, title: &str, published: (i32, u32, u32)) -> Vec<Fact> {
    extract_issued(
        text,
        title,
        published,
        "平安县",
        &["平安县", "海东市", "青海省"],
    )
}

/// [`extract`] of a report issued by `issuer`, with `regions` the names to look for.
fn extract_issued(
    text: &str,
    title: &str,
    published: (i32, u32, u32),
    issuer: &str,
    regions: &[&str],
) -> Vec<Fact> {
    extract_dated(text, title, Some(published), issuer, regions)
}

/// [`extract_issued`] of a report whose publication date may be unknown (a chronicle's).
fn extract_dated(
    text: &str,
    title: &str,
    published: Option<(i32, u32, u32)>,
    issuer: &str,
    regions: &[&str],
) -> Vec<Fact> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../pipelines/indicators/health.toml");
    let catalog = Catalog::load(&path).expect("catalog loads");
    Extractor::with_regions(&catalog, regions.iter().copied()).extract(
        text,
        &DocContext {
            published,
            issuer_region: Some(issuer.into()),
            title: Some(title.into()),
        },
    )
}

/// Asserts the region each value's fact is placed in.
fn assert_places(facts: &[Fact], expected: &[(f64, &str)]) {
    for &(v, place) in expected {
        assert_eq!(fact(facts, v).region_name.as_deref(), Some(place), "{v}");
    }
}

fn id_of(facts: &[Fact], value: f64) -> Option<&str> {
    fact(facts, value).indicator_id.as_deref()
}

#[test]
fn a_bulletin_health_paragraph_fills_resource_indicators() {
    let text = "十、卫生和社会保障\n\
        年末全县共有医疗卫生机构212个,其中医院6个,乡镇卫生院11个,村卫生室160个。\
        卫生技术人员1830人,比上年增加66人,其中执业(助理)医师702人,注册护士745人。\
        医疗卫生机构床位1520张,其中医院床位1105张。每千人口床位数5.31张。\
        孕产妇死亡率为12.5/10万,婴儿死亡率3.2‰。";
    let f = extract(text, "平安县2022年国民经济和社会发展统计公报", (2023, 4, 2));
    assert_eq!(id_of(&f, 212.0), Some("medical_institutions"));
    assert_eq!(id_of(&f, 6.0), Some("hospitals"));
    assert_eq!(id_of(&f, 11.0), Some("township_health_centers"));
    assert_eq!(id_of(&f, 160.0), Some("village_clinics"));
    assert_eq!(id_of(&f, 1830.0), Some("health_technicians"));
    assert_eq!(id_of(&f, 702.0), Some("licensed_doctors_incl_assistant"));
    assert_eq!(id_of(&f, 745.0), Some("registered_nurses"));
    assert_eq!(id_of(&f, 1520.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 1105.0), Some("hospital_beds_hospitals"));
    assert_eq!(id_of(&f, 5.31), Some("beds_per_1000"));
    assert_eq!(id_of(&f, 12.5), Some("maternal_mortality_rate"));
    assert_eq!(fact(&f, 12.5).unit.as_str(), "per_100k");
    assert_eq!(id_of(&f, 3.2), Some("infant_mortality_rate"));
    assert_eq!(fact(&f, 3.2).unit.as_str(), "per_mille");
    // A change over the year is kept as a fact, flagged, and names no indicator.
    let change = fact(&f, 66.0);
    assert!(change.change && change.indicator_id.is_none());
    assert!(f.iter().all(|x| x.health));
}

#[test]
fn a_bulletin_other_sections_give_no_health_cells() {
    let text = "九、教育\n\
        年末全县共有学校86所,专任教师3120人。招录特岗教师209名。\n\
        十一、民政\n\
        新增养老床位300张,养老机构12个。\n\
        十二、固定资产投资\n\
        全年固定资产投资增长8.1%,工业项目总投资112.94亿元,签约项目4个。";
    let f = extract(text, "平安县2022年国民经济和社会发展统计公报", (2023, 4, 2));
    for v in [209.0, 300.0, 12.0, 112.94e8, 4.0] {
        assert_eq!(id_of(&f, v), None, "{v}");
    }
    assert!(!fact(&f, 209.0).health);
}

#[test]
fn a_work_report_lists_investments_of_every_domain() {
    let text = "一、回顾过去一年\n\
        全年地区生产总值增长6.2%,一般公共预算收入完成8.3亿元。\n\
        实施重点项目42个,完成投资35.6亿元。\n\
        产业园区标准化厂房项目总投资3.5亿元,新增规上工业企业7家。\n\
        新改建农村公路120公里,粮食总产量达到12.6万吨。\n\
        新建县医院门诊综合楼,总投资1.2亿元。招聘医务人员56名。\n\
        新建幼儿园3所,招录特岗教师45名。";
    let f = extract(text, "平安县2023年政府工作报告", (2023, 1, 20));
    assert_eq!(id_of(&f, 35.6e8), None);
    assert_eq!(id_of(&f, 1.2e8), Some("health_investment"));
    assert_eq!(id_of(&f, 3.5e8), None);
    assert_eq!(id_of(&f, 56.0), Some("staff_recruited"));
}

#[test]
fn a_bureau_summary_and_its_plan() {
    let text = "2021年工作总结\n\
        全县家庭医生签约服务覆盖率达到48.6%,重点人群签约率80.2%。\
        管理高血压患者8312人,规范管理率71.5%;严重精神障碍患者612人,管理率93%。\n\
        2022年工作计划\n\
        力争居民电子健康档案建档率达到92%以上。";
    let f = extract(
        text,
        "平安县卫生健康局2021年工作总结和2022年工作计划",
        (2021, 12, 20),
    );
    assert_eq!(id_of(&f, 48.6), Some("family_doctor_signing_rate"));
    assert_eq!(id_of(&f, 80.2), Some("key_population_signing_rate"));
    assert_eq!(id_of(&f, 71.5), Some("hypertension_standard_mgmt_rate"));
    assert_eq!(id_of(&f, 93.0), Some("smi_mgmt_rate"));
    let plan = fact(&f, 92.0);
    assert_eq!(plan.indicator_id.as_deref(), Some("health_record_rate"));
    assert_eq!((plan.kind, plan.year), (Kind::Target, Some(2022)));
}

#[test]
fn a_news_item_dates_its_figures_by_its_publication() {
    let text = "今年以来,平安县新建标准化村卫生室35个,全县参合率达99.2%,人均预期寿命达到77.6岁。";
    let f = extract(text, "平安县卫生健康事业稳步发展", (2020, 11, 3));
    let rate = fact(&f, 99.2);
    assert_eq!(
        rate.indicator_id.as_deref(),
        Some("ncms_participation_rate")
    );
    assert_eq!(rate.year, Some(2020));
    assert_eq!(id_of(&f, 77.6), Some("life_expectancy"));
    assert_eq!(fact(&f, 77.6).unit.as_str(), "year");
    // 新建 makes a count a change over the year, not the stock of village clinics.
    assert_eq!(id_of(&f, 35.0), None);
}

#[test]
fn a_yearbook_entry_with_a_parenthesis_after_its_label() {
    let text = "卫生 全县有卫生院(含社区卫生服务中心)14个,医院(含民营)3个,妇幼保健院(所、站)1个,疾病预防控制中心1个,卫生监督所1所,诊所(卫生所、医务室)52个。";
    let f = extract(text, "平安年鉴", (2019, 10, 1));
    // A parenthesis that adds another kind of institution makes another measure; one that
    // qualifies the kind (民营) does not.
    assert_eq!(id_of(&f, 14.0), None);
    assert_eq!(fact(&f, 14.0).rule, Rule::Widened);
    assert_eq!(id_of(&f, 3.0), Some("hospitals"));
    assert_eq!(id_of(&f, 52.0), Some("clinics"));
    let mch = f
        .iter()
        .find(|x| x.evidence.starts_with("妇幼"))
        .expect("the maternal and child health count");
    assert_eq!(mch.indicator_id.as_deref(), Some("mch_institutions"));
}

#[test]
fn years_that_name_documents_or_open_periods_date_nothing() {
    let text = "按照2017年《国家基本公共卫生服务规范》要求,全县15家乡镇卫生院全面实施项目。\n\
        自2007年起,该县把卫生院建设列入整体规划中,一是投资1300余万元新建卫生院。";
    let f = extract(text, "平安县卫生服务网络日趋完善", (2009, 6, 17));
    assert_eq!(fact(&f, 15.0).year, Some(2009));
    let invest = fact(&f, 1300e4);
    assert_eq!((invest.year, invest.kind), (Some(2009), Kind::Actual));
    assert_eq!(invest.indicator_id.as_deref(), Some("health_investment"));
}

#[test]
fn a_count_after_a_list_of_measures_names_none_of_them() {
    let text = "年末共有卫生机构4985个,其中医院、卫生院316个。卫生技术人员66930人,其中执业医师、注册护士26067人。";
    let f = extract(text, "平安县2023年国民经济和社会发展统计公报", (2024, 4, 2));
    assert_eq!(
        id_of(&f, 316.0),
        Some("hospitals"),
        "医院、卫生院 is one series: {f:#?}"
    );
    assert_eq!(id_of(&f, 26067.0), None);
    // Doctors and assistant doctors listed together are the one headline series.
    let text = "卫生技术人员6693人,其中执业医师、助理执业医师2606人。";
    let f = extract(text, "平安县2023年国民经济和社会发展统计公报", (2024, 4, 2));
    assert_eq!(id_of(&f, 2606.0), Some("licensed_doctors_incl_assistant"));
}

#[test]
fn counts_of_people_sent_partners_and_part_of_the_whole_are_not_stocks() {
    let text = "下派28名骨干医师到社区坐诊。\n\
        已与1家二级医疗机构、4家社区卫生服务中心分别签订合作协议。\n\
        在乡镇福利院中分别安排1名护士提供服务。\n\
        全县20家医院设置老年病科。\n\
        全县91个村卫生室全部实现标准化建设。\n\
        在一家医院内完成结算。";
    let f = extract(text, "平安县卫生健康工作总结", (2019, 12, 20));
    for v in [28.0, 4.0, 20.0] {
        assert_eq!(id_of(&f, v), None, "{v}");
    }
    assert!(
        f.iter()
            .filter(|x| x.value == 1.0)
            .all(|x| x.indicator_id.is_none())
    );
    assert_eq!(id_of(&f, 91.0), Some("village_clinics"));
}

#[test]
fn rates_listed_before_one_value_take_the_first_rate_s_subject() {
    let text = "传染病疫情报告率、及时率均为100%。组建43支家庭医生团队开展签约服务。";
    let f = extract(text, "平安县卫生健康工作总结", (2019, 12, 20));
    let ids: Vec<Option<&str>> = f
        .iter()
        .filter(|x| x.value == 100.0)
        .map(|x| x.indicator_id.as_deref())
        .collect();
    assert!(ids.contains(&Some("infectious_report_rate")), "{ids:?}");
    assert!(
        ids.contains(&Some("infectious_report_timeliness")),
        "{ids:?}"
    );
    assert_eq!(id_of(&f, 43.0), Some("family_doctor_teams"));
}

#[test]
fn examples_after_等_and_recruits_are_not_stocks() {
    let text = "新建、改扩建光华、西坡等9个乡镇卫生院。在毕业生中招录20多名卫技人员。";
    let f = extract(text, "平安县农村卫生服务网络日趋完善", (2009, 2, 17));
    assert_eq!(id_of(&f, 9.0), None);
    assert_eq!(id_of(&f, 20.0), Some("staff_recruited"));
    // A news item published in February speaks of its own year.
    assert_eq!(fact(&f, 20.0).year, Some(2009));
}

#[test]
fn the_recruited_named_after_the_verb_are_its_hires() {
    let text = "全县新招录卫生专业技术人员32名,新招聘定向培养医学生24名。\
        全县共有卫生专业技术人员2860名。全年招聘乡镇卫生院医务人员86名。";
    let f = extract(text, "平安县卫生健康局2023年工作总结", (2024, 1, 10));
    for v in [32.0, 24.0, 86.0] {
        assert_eq!(id_of(&f, v), Some("staff_recruited"), "{v}");
    }
    assert_eq!(id_of(&f, 2860.0), Some("health_technicians"));
}

#[test]
fn a_work_report_flattened_to_one_line_is_still_not_about_health() {
    let text = "全年地区生产总值增长6.2%,竣工项目36个,总投资27.61亿元。新建县医院病房楼,总投资1.2亿元。\
        新增规上工业企业7家。粮食总产量达到12.6万吨。新建幼儿园3所。";
    let f = extract(text, "平安县政府工作报告", (2010, 2, 4));
    assert_eq!(id_of(&f, 27.61e8), None);
    assert_eq!(id_of(&f, 1.2e8), Some("health_investment"));
}

#[test]
fn things_built_or_titles_earned_are_not_stocks_but_facilities_built_are() {
    let text = "建成精品国医堂2家、省级中医特色村卫生室4家,创建平安医院3家。\
        全县乡镇卫生院28个(其中中心卫生院6个)。建成乡镇卫生院国医堂16所,实现全覆盖。";
    let f = extract(text, "平安县政府工作报告", (2022, 2, 4));
    assert_eq!(id_of(&f, 2.0), None);
    assert!(
        fact(&f, 2.0)
            .indicator_text
            .as_deref()
            .is_some_and(|t| t.starts_with("精品国医堂"))
    );
    assert_eq!(id_of(&f, 4.0), None);
    assert_eq!(id_of(&f, 3.0), None);
    assert_eq!(id_of(&f, 28.0), Some("township_health_centers"));
    assert_eq!(id_of(&f, 6.0), None);
    assert_eq!(id_of(&f, 16.0), Some("tcm_pavilions"));
}

#[test]
fn subjects_listed_before_分别_take_their_values_in_order() {
    let text =
        "全县基本养老和基本医疗参保率分别达到99%、95.4%。老年人和孕产妇健康管理率分别为70%和77%。";
    let f = extract(text, "平安县2021年政府工作报告", (2022, 1, 20));
    assert_eq!(
        id_of(&f, 99.0),
        None,
        "a pension rate is not a health indicator"
    );
    assert_eq!(id_of(&f, 95.4), Some("basic_insurance_coverage_rate"));
    assert_eq!(id_of(&f, 70.0), Some("elderly_health_mgmt_rate"));
    assert_eq!(id_of(&f, 77.0), Some("maternal_health_mgmt_rate"));
}

#[test]
fn a_bulletin_gives_health_cells_from_its_health_section_only() {
    let text = "九、人民生活和社会保障\n\
        年末参加基本医疗保险人数30.5万人,其中参加职工基本医疗保险人数3.2万人。\n\
        十、卫生\n\
        年末全县共有卫生机构320个,其中医院、卫生院25个,床位1850张。\
        三级医院2家,其中,中医医院1家;二级医院4家,其中,中医医院3家。三级甲等综合医院1家。\n\
        十一、环境保护\n";
    let f = extract(text, "平安县2023年国民经济和社会发展统计公报", (2024, 4, 2));
    // Insurance enrolment in the social-security section is that section's statistic.
    assert_eq!(id_of(&f, 30.5e4), None);
    assert_eq!(fact(&f, 30.5e4).rule, Rule::OtherSection);
    assert_eq!(id_of(&f, 320.0), Some("medical_institutions"));
    // The bare 床位 after 其中医院、卫生院 counts that part's beds.
    assert_eq!(id_of(&f, 1850.0), Some("hospital_beds_hospitals"));
    assert_eq!(id_of(&f, 2.0), Some("tertiary_hospitals"));
    // A kind of hospital within a grade, or with a grade before it, is a subgroup.
    assert_eq!(id_of(&f, 3.0), None);
    assert_eq!(fact(&f, 3.0).rule, Rule::Graded);
    assert_eq!(fact(&f, 1.0).indicator_id, None);
}

#[test]
fn a_flattened_bulletin_page_keeps_its_inline_headings() {
    let text = "年末全县有卫生机构16个,卫生机构床位458张。 九、人 口 年末全县总人口为23.54万人。 \
        十、居 民 生 活 参加农村合作医疗保险的人数17.7万人,参合率为96.7%。";
    let f = extract(
        text,
        "平安县2008年国民经济和社会发展统计公报(2)",
        (2009, 4, 2),
    );
    assert_eq!(id_of(&f, 16.0), Some("medical_institutions"));
    assert_eq!(id_of(&f, 458.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 96.7), None);
}

#[test]
fn rates_of_a_population_subgroup_are_not_the_whole_regions() {
    let text = "脱贫人口全部纳入医保资助范围,参保率、资助率均为100%。\
        城乡居民基本医疗保险参保率达到96.5%。\
        城镇居民基本医疗保险覆盖面进一步扩大,参保率达91%。";
    let f = extract(text, "2022年平安县政府工作报告", (2022, 1, 10));
    assert_eq!(id_of(&f, 100.0), None);
    assert_eq!(id_of(&f, 96.5), Some("basic_insurance_coverage_rate"));
    assert_eq!(id_of(&f, 91.0), None);
    assert_eq!(fact(&f, 91.0).rule, Rule::Subgroup);
}

#[test]
fn a_plan_period_dates_its_figures_at_its_end() {
    let text = "从2007-2011年,建设16所标准化乡镇卫生院,全市社区卫生服务机构总数达到121个。";
    let f = extract(text, "城乡卫生服务体系建设", (2009, 3, 1));
    let n = fact(&f, 121.0);
    assert_eq!((n.year, n.kind), (Some(2011), Kind::Target), "{n:#?}");
}

#[test]
fn a_figure_held_for_each_year_of_a_range_is_a_fact_of_each_year() {
    let text = "2010至2012连续三年全县参合率都在99%以上。";
    let f = extract(text, "平安县新农合工作总结", (2012, 12, 1));
    let mut years: Vec<_> = f
        .iter()
        .filter(|x| x.value == 99.0)
        .map(|x| (x.year, x.indicator_id.as_deref()))
        .collect();
    years.sort();
    assert_eq!(
        years,
        [2010, 2011, 2012].map(|y| (Some(y), Some("ncms_participation_rate")))
    );
}

#[test]
fn classes_part_years_sectors_and_recipients_are_not_the_indicator() {
    let text = "在住院补偿中,补偿金额为1万元至2.99万元的有276人次,5万元以上的有7人次。\
        2022年第三季度财政卫生健康支出达366.16万元。\
        基层医疗卫生机构17个,其中乡镇卫生院15个,社区卫生服务中心1个和国有农场医院2个。\
        二是投资150余万元,为16个乡镇卫生院(卫生服务站)装备X光机。\
        建设16所标准化乡镇卫生院和260个标准化村卫生室。";
    let f = extract(text, "平安县卫生健康统计快报", (2022, 10, 28));
    assert_eq!(id_of(&f, 1e4), None);
    assert_eq!(id_of(&f, 2.99e4), None);
    assert_eq!(fact(&f, 366.16e4).rule, Rule::PartYear);
    assert_eq!(id_of(&f, 15.0), Some("township_health_centers"));
    assert_eq!(
        id_of(&f, 2.0),
        None,
        "国有农场医院 are a sector's hospitals"
    );
    assert_eq!(
        id_of(&f, 16.0),
        None,
        "the health centres equipped are a part"
    );
    assert_eq!(
        id_of(&f, 260.0),
        None,
        "260 counts its own noun, not 乡镇卫生院"
    );
}

#[test]
fn parts_listed_after_a_semicolon_stay_parts_and_a_full_year_is_no_part() {
    let text = "2012年1-12月份全县累计补偿参合人员25537人次,累计补偿金额2510.16万元。\
        其中,住院补偿9545人次,补偿支出2302.35万元;门诊补偿15874人次,补偿支出135.69万元。\
        2013年1-6月份补偿支出1200万元。";
    let f = extract(text, "平安县新农合工作总结", (2013, 2, 1));
    assert_eq!(id_of(&f, 2510.16e4), Some("insurance_fund_expenditure"));
    assert_eq!(id_of(&f, 2302.35e4), None);
    assert_eq!(
        id_of(&f, 135.69e4),
        None,
        "the list of parts runs on past ;"
    );
    assert_eq!(fact(&f, 1200e4).rule, Rule::PartYear);
}

#[test]
fn institutions_that_built_a_counted_facility_count_those_facilities() {
    let text = "4所乡镇卫生院均设有中医门诊,5所乡镇卫生院相继建成了规范化的中医馆,\
        2个社区卫生服务中心被选定为社区医院试点单位。";
    let f = extract(text, "平安县卫健局2019年工作总结", (2019, 12, 1));
    assert_eq!(id_of(&f, 5.0), Some("tcm_pavilions"));
    assert_eq!(id_of(&f, 4.0), None);
    assert_eq!(id_of(&f, 2.0), None);
}

#[test]
fn a_news_item_on_insurance_financing_and_a_project_reached_by_effort() {
    let text = "今年,平安县参加新型农村合作医疗农牧民22.02万人,参合率达99.4%。\
        其中,农牧民个人缴纳参合费用90元,国家人均配套330元。\n\
        经过努力,我市共有9个全民健康保障工程获中央支持,总投资5.02亿元。";
    let f = extract(text, "平安县新农合参合人数创新高", (2014, 7, 21));
    assert_eq!(
        id_of(&f, 330.0),
        Some("resident_insurance_subsidy_per_capita")
    );
    assert_eq!(id_of(&f, 99.4), Some("ncms_participation_rate"));
    let invest = fact(&f, 5.02e8);
    assert_eq!(invest.kind, Kind::Actual, "经过努力 looks back");
}

#[test]
fn a_notice_of_one_years_target_dates_its_targets_by_its_title() {
    let text = "一、任务目标\n基本消除村卫生室空白村11个。\n";
    let f = extract(
        text,
        "平安县实施2019年重点民生实事项目完成情况公示",
        (2019, 12, 9),
    );
    let t = fact(&f, 11.0);
    assert_eq!(
        (t.kind, t.year, t.year_flag),
        (Kind::Target, Some(2019), Some(YearFlag::Title))
    );
    let f = extract(text, "平安县卫生健康工作推进方案", (2022, 4, 1));
    assert_eq!(
        fact(&f, 11.0).year,
        None,
        "a plan's publication does not date its targets"
    );
}

#[test]
fn a_public_health_review_counts_records_and_managed_patients() {
    let text = "2019年累计建立居民健康档案92.82万份,建档率81.35%;\
        9.5万名高血压患者规范管理率达到87.17%,3.21万名糖尿病患者规范管理率达到84.82%。";
    let f = extract(text, "平安市基本公共卫生服务项目工作总结", (2020, 1, 10));
    assert_eq!(id_of(&f, 92.82e4), Some("health_records"));
    assert_eq!(id_of(&f, 9.5e4), Some("hypertension_managed"));
    assert_eq!(id_of(&f, 3.21e4), Some("diabetes_managed"));
    assert_eq!(id_of(&f, 87.17), Some("hypertension_standard_mgmt_rate"));
}

#[test]
fn a_quantifier_after_the_recruiting_verb_keeps_the_measure() {
    let text = "人才队伍不断增强,引进各类卫生健康人才156人。";
    let f = extract(text, "平安市卫生健康工作会议召开", (2020, 4, 15));
    assert_eq!(id_of(&f, 156.0), Some("staff_recruited"));
}

#[test]
fn a_work_report_paragraph_stays_on_health_between_its_sentences() {
    let text = "(二)教育事业均衡发展。投资2.6亿元新建县第三中学,新增学位3200个。\n\
        (三)健康平安加快建设。县人民医院新院区建成投入使用。\
        实有床位3685张,每千人口床位数达到6.3张。\
        全县投入资金1850万元完成18所乡镇卫生院标准化建设。\n\
        (四)民生保障有力。城镇新增就业4860人。";
    let f = extract(text, "平安县2024年政府工作报告", (2024, 1, 18));
    // The sentence before speaks of the county hospital: the beds are the health system's.
    assert_eq!(id_of(&f, 3685.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 6.3), Some("beds_per_1000"));
    // The centres a verb before the count worked on are not all the county has.
    assert_eq!(id_of(&f, 18.0), None);
    assert_eq!(fact(&f, 18.0).rule, Rule::QualifiedCount);
    assert_eq!(id_of(&f, 2.6e8), None);
}

#[test]
fn a_summary_with_its_plan_reports_results_under_numbered_run_in_headings() {
    let text = "平安县医疗保障局2023年工作总结和2024年工作计划\n\
        一、参保扩面稳步推进。全县基本医疗保险参保人数达72.36万人,参保率96.8%。\n\
        二、2024年工作计划。保持参保率稳定在95%以上。";
    let f = extract(
        text,
        "平安县医疗保障局2023年工作总结和2024年工作计划",
        (2024, 1, 5),
    );
    let done = fact(&f, 96.8);
    assert_eq!(
        done.indicator_id.as_deref(),
        Some("basic_insurance_coverage_rate")
    );
    assert_eq!((done.kind, done.year), (Kind::Actual, Some(2023)));
    assert_eq!(fact(&f, 72.36e4).kind, Kind::Actual);
    // The run-in heading opens the plan and dates it; 保持 acts on the rate without qualifying it.
    let plan = fact(&f, 95.0);
    assert_eq!(
        plan.indicator_id.as_deref(),
        Some("basic_insurance_coverage_rate")
    );
    assert_eq!((plan.kind, plan.year), (Kind::Target, Some(2024)));
}

#[test]
fn a_level_stated_with_the_one_it_came_from_dates_each() {
    let text = "2023年,每千人口医疗卫生机构床位数由上年的6.52张增加到6.84张。\
        卫生技术人员由上年的3120人增加到3300人。全县家庭医生签约率从2020年的45%提高到60%。";
    let f = extract(text, "平安县2023年卫生健康事业发展统计公报", (2024, 6, 20));
    for (value, id, year) in [
        (6.52, "beds_per_1000", 2022),
        (6.84, "beds_per_1000", 2023),
        (3120.0, "health_technicians", 2022),
        (3300.0, "health_technicians", 2023),
        (45.0, "family_doctor_signing_rate", 2020),
        (60.0, "family_doctor_signing_rate", 2023),
    ] {
        let got = fact(&f, value);
        assert_eq!(
            (got.indicator_id.as_deref(), got.year),
            (Some(id), Some(year)),
            "{value}"
        );
    }
}

#[test]
fn parts_listed_after_a_total_in_the_sentence_before_take_its_measure() {
    let text = "全县医疗卫生机构总诊疗人次达286.5万人次,比上年增长6.2%。\
        其中:医院134.2万人次,基层医疗卫生机构139.8万人次。";
    let f = extract(text, "平安县2023年卫生健康事业发展统计公报", (2024, 6, 20));
    assert_eq!(id_of(&f, 286.5e4), Some("total_visits"));
    assert_eq!(id_of(&f, 139.8e4), Some("primary_care_visits"));
    assert_eq!(fact(&f, 139.8e4).rule, Rule::PartMeasure);
    // The catalog has no measure of hospital visits: the part stays unnamed.
    assert_eq!(id_of(&f, 134.2e4), None);
}

#[test]
fn a_news_items_next_step_is_a_target() {
    let text = "全县老年人健康管理率达到71.2%。\
        县卫生健康局负责人表示,下一步将把老年人健康管理率提高到75%以上。";
    let f = extract(text, "平安县公共卫生服务水平稳步提升", (2023, 12, 28));
    assert_eq!(fact(&f, 71.2).kind, Kind::Actual);
    let next = fact(&f, 75.0);
    assert_eq!(
        next.indicator_id.as_deref(),
        Some("elderly_health_mgmt_rate")
    );
    assert_eq!(next.kind, Kind::Target);
}

#[test]
fn one_measure_after_the_subjects_counted_before_it_pairs_with_each() {
    let text = "慢病管理方面,累计管理高血压患者3.12万人、2型糖尿病患者0.86万人,\
        规范管理率分别为76.2%和74.5%。";
    let f = extract(text, "平安县公共卫生服务水平稳步提升", (2023, 12, 28));
    assert_eq!(id_of(&f, 76.2), Some("hypertension_standard_mgmt_rate"));
    assert_eq!(id_of(&f, 74.5), Some("diabetes_standard_mgmt_rate"));
    assert_eq!(fact(&f, 76.2).subject.as_deref(), Some("高血压患者"));
}

#[test]
fn a_regions_figure_after_qizhong_takes_the_totals_measure() {
    let text = "全市家庭医生签约服务覆盖率达到56.3%,其中平安县62.1%、海东市58.4%。";
    let f = extract(text, "海东市卫生健康工作综述", (2023, 3, 10));
    for value in [56.3, 62.1, 58.4] {
        assert_eq!(
            id_of(&f, value),
            Some("family_doctor_signing_rate"),
            "{value}"
        );
    }
    let part = fact(&f, 62.1);
    assert_eq!(part.rule, Rule::RegionPart);
    assert_eq!(part.region_name.as_deref(), Some("平安县"));
}

#[test]
fn a_plans_review_of_a_year_before_publication_states_what_was_reached() {
    let text = "一、发展基础\n到2020年底,全县共有医疗卫生机构386个,每千人口床位数达到5.2张。\n\
        二、主要指标\n到2025年,全县每千人口床位数达到6.5张。";
    let f = extract(text, "平安县“十四五”卫生健康事业发展规划", (2022, 5, 20));
    let then = fact(&f, 5.2);
    assert_eq!((then.kind, then.year), (Kind::Actual, Some(2020)));
    assert_eq!(fact(&f, 386.0).kind, Kind::Actual);
    let aim = fact(&f, 6.5);
    assert_eq!((aim.kind, aim.year), (Kind::Target, Some(2025)));
}

#[test]
fn a_tables_header_years_do_not_date_the_text_after_it() {
    let text = "2021年,全县卫生健康事业稳步发展。\n指标 | 2020年 | 2021年\n\
        床位数(张) | 2650 | 2780\n全县居民健康素养水平达到22.6%。";
    let f = extract(text, "平安县2021年卫生健康事业发展情况", (2022, 3, 15));
    assert_eq!(fact(&f, 2650.0).year, Some(2020));
    assert_eq!(fact(&f, 2780.0).year, Some(2021));
    assert_eq!(fact(&f, 22.6).year, Some(2021));
}

#[test]
fn a_news_item_sets_its_own_figure_beside_the_provinces_and_its_counties() {
    let text = "截至今年6月底,全省常住人口家庭医生签约服务覆盖率为45.2%,我市达到51.6%,\
        高于全省平均水平6.4个百分点。平安县、海东市签约率分别为55.1%和53.8%。\
        我们将力争参合率达到95%以上。";
    let f = extract(text, "我市家庭医生签约服务工作走在全省前列", (2023, 8, 16));
    // The province's figure fills no cell of the report's region.
    assert_eq!(id_of(&f, 45.2), None);
    assert_eq!(fact(&f, 45.2).rule, Rule::WiderArea);
    // The city's own figure is the same measure's.
    assert_eq!(id_of(&f, 51.6), Some("family_doctor_signing_rate"));
    // Places listed before 分别 each take their own figure.
    let first = fact(&f, 55.1);
    assert_eq!(first.region_name.as_deref(), Some("平安县"));
    assert_eq!(fact(&f, 53.8).region_name.as_deref(), Some("海东市"));
    assert_eq!(id_of(&f, 55.1), Some("family_doctor_signing_rate"));
    // 我们将力争 says who acts, not whose rate it is.
    assert_eq!(id_of(&f, 95.0), Some("ncms_participation_rate"));
}

#[test]
fn one_institutions_beds_staff_and_visits_are_not_the_regions() {
    let text = "2022年,全县共有医疗卫生机构152个,床位1260张,卫生技术人员1380人。\
        县人民医院现有编制床位300张,实际开放床位420张,卫生技术人员386人,出院病人1.52万人次。\
        县人民医院新院区总投资4.3亿元。\
        县妇幼保健院牵头开展孕产妇健康管理,全县孕产妇系统管理率达到95.2%。";
    let f = extract(text, "平安县卫生健康事业发展综述", (2023, 2, 10));
    assert_eq!(id_of(&f, 1260.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 1380.0), Some("health_technicians"));
    for value in [300.0, 420.0, 386.0, 1.52e4] {
        assert_eq!(id_of(&f, value), None, "{value}");
        assert_eq!(fact(&f, value).rule, Rule::OneInstitution, "{value}");
    }
    assert_eq!(id_of(&f, 4.3e8), Some("health_investment"));
    assert_eq!(id_of(&f, 95.2), Some("maternal_systematic_mgmt_rate"));
}

#[test]
fn a_plans_indicator_table_with_a_group_column_and_a_unit_column() {
    let text = "表1 主要指标\n\
        | 领域 | 指标 | 单位 | 2020年 | 2025年 | 属性 |\n\
        | 健康水平 | 人均预期寿命 | 岁 | 76.5 | 77.5 | 预期性 |\n\
        | 健康水平 | 孕产妇死亡率 | 1/10万 | 15.2 | ≤14 | 预期性 |\n\
        | 医疗资源 | 每千人口医疗卫生机构床位数 | 张 | 5.8 | 6.8 | 预期性 |\n";
    let f = extract(text, "平安县“十四五”卫生健康发展规划", (2022, 3, 1));
    let base = fact(&f, 76.5);
    assert_eq!(base.indicator_id.as_deref(), Some("life_expectancy"));
    assert_eq!(
        (base.unit.as_str(), base.year, base.kind),
        ("year", Some(2020), Kind::Actual)
    );
    let aim = fact(&f, 14.0);
    assert_eq!(aim.indicator_id.as_deref(), Some("maternal_mortality_rate"));
    assert_eq!((aim.kind, aim.year), (Kind::Target, Some(2025)));
    assert_eq!(aim.qualifier, countypanel_zhnum::Qualifier::Le);
    assert_eq!(id_of(&f, 15.2), Some("maternal_mortality_rate"));
    // The unit column's 1/10万 is no value.
    assert!(f.iter().all(|x| x.value != 1.0));
    assert_eq!(id_of(&f, 6.8), Some("beds_per_1000"));
}

#[test]
fn densities_listed_before_respectively_share_their_base() {
    let text = "每千人口执业(助理)医师、注册护士分别为2.96人、3.52人。\
        每千人口拥有执业(助理)医师和注册护士分别达到2.61人和3.05人。\
        全县卫生技术人员、执业医师分别为1830人、702人。";
    let f = extract(text, "平安县2023年卫生健康事业发展统计公报", (2024, 5, 10));
    assert_eq!(id_of(&f, 2.96), Some("doctors_per_1000"));
    assert_eq!(id_of(&f, 3.52), Some("nurses_per_1000"));
    assert_eq!(id_of(&f, 2.61), Some("doctors_per_1000"));
    assert_eq!(id_of(&f, 3.05), Some("nurses_per_1000"));
    assert_eq!(id_of(&f, 1830.0), Some("health_technicians"));
    assert_eq!(id_of(&f, 702.0), Some("licensed_doctors"));
}

#[test]
fn a_series_through_the_years_names_each_and_dates_no_section() {
    let text = "2021年全县家庭医生签约率为55%,2022年提高到58%,2023年达到60.2%。\n\
        全县共有执业(助理)医师856人。";
    let f = extract(text, "平安县2023年卫生健康事业发展统计公报", (2024, 5, 10));
    for (value, year) in [(55.0, 2021), (58.0, 2022), (60.2, 2023)] {
        let got = fact(&f, value);
        assert_eq!(
            (got.indicator_id.as_deref(), got.year),
            (Some("family_doctor_signing_rate"), Some(year)),
            "{value}"
        );
    }
    // The paragraph after the series is dated by the report, not by the series' first year.
    assert_eq!(fact(&f, 856.0).year, Some(2023));
}

#[test]
fn a_programme_name_in_quotes_still_names_its_measure() {
    let text = "全年完成农村适龄妇女“两癌”筛查12560人。";
    let f = extract(text, "平安县2022年妇幼健康工作总结", (2023, 1, 6));
    assert_eq!(id_of(&f, 12560.0), Some("two_cancer_screenings"));
}

#[test]
fn a_bureau_summarys_beds_projects_and_rural_work_fill_only_their_own_cells() {
    let text = "一、重点项目。全年共争取项目资金2400万元,实施5个乡镇卫生院改扩建项目。\n\
        二、乡村振兴帮扶。局机关帮扶的村投入帮扶资金120万元,新建蔬菜大棚50座。\n\
        三、医疗资源。全县有医院5个,床位1200张;乡镇卫生院18个,床位600张;\
        建成医养结合机构3家,床位320张。全县共有医疗卫生机构412个,床位3685张。";
    let f = extract(text, "平安县卫生健康局2023年工作总结", (2024, 1, 15));
    assert_eq!(fact(&f, 2400e4).kind, Kind::Actual);
    assert_eq!(id_of(&f, 5.0), None);
    assert_eq!(id_of(&f, 120e4), None);
    assert_eq!(id_of(&f, 1200.0), Some("hospital_beds_hospitals"));
    assert_eq!(id_of(&f, 600.0), None);
    assert_eq!(id_of(&f, 320.0), Some("integrated_care_beds"));
    assert_eq!(id_of(&f, 3685.0), Some("hospital_beds"));
}

#[test]
fn a_table_written_between_outer_bars_names_its_regions() {
    let text = "表2 2022年各县区卫生资源情况\n\
        | 县区 | 医疗卫生机构(个) | 床位(张) |\n\
        | 平安县 | 612 | 5120 |\n\
        | 合计 | 1566 | 10750 |\n";
    let f = extract(text, "海东市2022年卫生资源情况", (2023, 4, 12));
    assert_eq!(fact(&f, 612.0).region_name.as_deref(), Some("平安县"));
    assert_eq!(id_of(&f, 5120.0), Some("hospital_beds"));
    assert_eq!(fact(&f, 5120.0).value_text, "5120");
    assert_eq!(fact(&f, 1566.0).region_name, None);
}

#[test]
fn a_towns_figures_do_not_fill_the_countys_cells() {
    let text = "今年以来,平安县古城镇持续加强基层卫生服务。全镇共有村卫生室12个,乡村医生18人,\
        家庭医生签约服务覆盖率达到85.6%。全县家庭医生签约服务覆盖率为80.1%。";
    let f = extract(text, "古城镇卫生健康工作稳步推进", (2023, 11, 20));
    for value in [12.0, 18.0, 85.6] {
        assert_eq!(id_of(&f, value), None, "{value}");
        assert_eq!(fact(&f, value).rule, Rule::Town, "{value}");
    }
    assert_eq!(id_of(&f, 80.1), Some("family_doctor_signing_rate"));
}

#[test]
fn a_town_reports_figures_fill_no_county_cell_unless_it_names_the_county() {
    let text = "今年以来,古城镇持续加强基层卫生服务。村卫生室12个,家庭医生签约服务覆盖率达到85.6%。\
        全县家庭医生签约服务覆盖率为80.1%。";
    let f = extract(text, "古城镇卫生健康工作稳步推进", (2023, 11, 20));
    assert_eq!(id_of(&f, 12.0), None);
    assert_eq!(fact(&f, 85.6).rule, Rule::Town);
    assert_eq!(id_of(&f, 80.1), Some("family_doctor_signing_rate"));
}

#[test]
fn a_cdc_summarys_disease_rates_and_patients_under_management() {
    let text = "一、传染病防控\n全年共报告甲乙类法定传染病11种487例,发病率为189.32/10万,无死亡病例。\n\
        二、慢性病防控\n全县在管高血压患者2.15万人,规范管理率75.2%;在管2型糖尿病患者6432人。";
    let f = extract(text, "平安县疾病预防控制中心2023年工作总结", (2024, 1, 12));
    assert_eq!(id_of(&f, 189.32), Some("notifiable_ab_incidence"));
    assert_eq!(id_of(&f, 21500.0), Some("hypertension_managed"));
    assert_eq!(id_of(&f, 6432.0), Some("diabetes_managed"));
    assert_eq!(id_of(&f, 75.2), Some("hypertension_standard_mgmt_rate"));
}

#[test]
fn counts_of_institutions_covered_or_lacking_something_are_not_the_stock() {
    let text = "全县1个医共体覆盖了8个乡镇卫生院和126个村卫生室。全县有5所乡镇卫生院业务用房面积不达标。\
        全县共有乡镇卫生院14所,村卫生室268个。";
    let f = extract(text, "平安县卫生健康局2023年工作总结", (2024, 1, 15));
    for value in [8.0, 126.0, 5.0] {
        assert_eq!(id_of(&f, value), None, "{value}");
    }
    assert_eq!(id_of(&f, 14.0), Some("township_health_centers"));
    assert_eq!(id_of(&f, 268.0), Some("village_clinics"));
}

#[test]
fn a_five_year_reviews_sums_fill_no_years_cell_and_its_levels_keep_their_years() {
    let text = "“十三五”期间,全县累计投入卫生健康事业资金5.6亿元,新建村卫生室126个。\
        五年来,全县每千人口医疗卫生机构床位数由2015年的4.12张增加到2020年的5.86张,\
        每千人口执业(助理)医师由1.52人增加到2.13人。近三年累计开展“两癌”筛查4.2万人。\
        截至2020年底,全县共有医疗卫生机构356个。";
    let f = extract(text, "平安县“十三五”卫生健康事业发展回顾", (2021, 3, 15));
    for value in [5.6e8, 4.2e4] {
        assert_eq!(fact(&f, value).year, None, "{value}");
        assert_eq!(
            fact(&f, value).year_flag,
            Some(YearFlag::PeriodSum),
            "{value}"
        );
    }
    assert_eq!(id_of(&f, 5.6e8), Some("health_investment"));
    assert_eq!(fact(&f, 1.52).year, Some(2015));
    assert_eq!(fact(&f, 2.13).year, Some(2020));
    assert_eq!(fact(&f, 4.12).year, Some(2015));
    assert_eq!(fact(&f, 356.0).year, Some(2020));
}

#[test]
fn a_prefecture_ranking_names_the_measure_before_its_superlative() {
    let text = "截至11月底,全市家庭医生签约服务覆盖率为47.5%。\
        各县区中,平安县签约覆盖率最高,为52.3%。全县65岁及以上老年人2.31万人,\
        65岁及以上老年人健康管理率达到72.6%。";
    let f = extract(text, "海东市家庭医生签约服务工作进展通报", (2023, 12, 5));
    assert_eq!(id_of(&f, 52.3), Some("family_doctor_signing_rate"));
    assert_eq!(fact(&f, 52.3).region_name.as_deref(), Some("平安县"));
    assert_eq!(id_of(&f, 2.31e4), None);
    assert_eq!(id_of(&f, 72.6), Some("elderly_health_mgmt_rate"));
}

#[test]
fn a_work_plans_numbered_aims_are_targets_and_listed_subjects_share_the_rate() {
    let text = "平安县2024年卫生健康工作要点\n2024-02-20\n\
        (一)公共卫生。高血压、2型糖尿病患者规范管理率均达到70%以上;\
        孕产妇、3岁以下儿童系统管理率均达到90%以上。\n\
        (二)妇幼健康。婴儿死亡率控制在5‰以下。";
    let f = extract(text, "平安县2024年卫生健康工作要点", (2024, 2, 20));
    let rate = |id: &str| {
        f.iter()
            .find(|x| x.indicator_id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no {id}: {f:#?}"))
    };
    for id in [
        "hypertension_standard_mgmt_rate",
        "diabetes_standard_mgmt_rate",
        "maternal_systematic_mgmt_rate",
        "child_u3_systematic_mgmt_rate",
        "infant_mortality_rate",
    ] {
        assert_eq!(rate(id).kind, Kind::Target, "{id}");
    }
    assert_eq!(rate("hypertension_standard_mgmt_rate").value, 70.0);
}

#[test]
fn a_countys_report_quoting_its_prefecture_keeps_only_its_own_figure() {
    let text = "截至10月底,全市常住人口家庭医生签约覆盖率为47.5%,我县达到52.6%。\
        全市共组建家庭医生团队1260个。全县重点人群签约率达到85.3%。";
    let f = extract(
        text,
        "平安县家庭医生签约服务工作走在全市前列",
        (2023, 11, 20),
    );
    assert_eq!(id_of(&f, 47.5), None);
    assert_eq!(fact(&f, 47.5).rule, Rule::WiderArea);
    assert_eq!(id_of(&f, 52.6), Some("family_doctor_signing_rate"));
    assert_eq!(id_of(&f, 1260.0), None);
    assert_eq!(id_of(&f, 85.3), Some("key_population_signing_rate"));
}

#[test]
fn the_own_places_count_after_its_prefectures_takes_the_measure_the_verb_worked_on() {
    let text = "全市共组建家庭医生团队1260个,我县组建186个。";
    let f = extract(
        text,
        "平安县家庭医生签约服务工作走在全市前列",
        (2023, 11, 20),
    );
    assert_eq!(id_of(&f, 1260.0), None);
    assert_eq!(id_of(&f, 186.0), Some("family_doctor_teams"));
}

#[test]
fn a_prefectures_sections_on_its_counties_fill_each_countys_cells() {
    let text = "海东市2023年基层卫生工作情况通报\n一、总体情况\n2023年,全市家庭医生签约服务覆盖率为47.5%。\n\
        二、各县区工作情况\n(一)平安县。全县共有乡镇卫生院17所,家庭医生签约服务覆盖率为52.3%。\n\
        1.基本公卫。高血压患者规范管理率为76.1%。\n\
        三、下一步工作\n全市家庭医生签约服务覆盖率达到50%。";
    let f = extract_issued(
        text,
        "海东市2023年基层卫生工作情况通报",
        (2024, 1, 18),
        "海东市",
        &["平安县", "海东市", "青海省"],
    );
    for value in [17.0, 52.3, 76.1] {
        assert_eq!(
            fact(&f, value).region_name.as_deref(),
            Some("平安县"),
            "{value}"
        );
    }
    for value in [47.5, 50.0] {
        assert_eq!(
            fact(&f, value).region_name.as_deref(),
            Some("海东市"),
            "{value}"
        );
    }
}

#[test]
fn years_listed_before_respectively_date_the_values_and_a_compared_level_keeps_its_year() {
    let text = "2022年和2023年,全县家庭医生签约服务覆盖率分别为45.2%和47.5%,\
        重点人群签约服务覆盖率分别为78.6%和82.1%。\
        2023年全县孕产妇系统管理率达到95.1%,较2022年的93.2%提高1.9个百分点。";
    let f = extract(text, "平安县近两年家庭医生签约服务情况", (2024, 2, 15));
    for (value, year) in [(45.2, 2022), (47.5, 2023), (78.6, 2022), (82.1, 2023)] {
        assert_eq!(fact(&f, value).year, Some(year), "{value}");
    }
    assert_eq!(id_of(&f, 93.2), Some("maternal_systematic_mgmt_rate"));
    assert_eq!(fact(&f, 93.2).year, Some(2022));
    assert_eq!(fact(&f, 95.1).year, Some(2023));
    assert_eq!(fact(&f, 1.9).year, Some(2023));
}

#[test]
fn a_government_work_reports_work_plan_for_the_year_holds_targets() {
    let text = "一、2023年工作回顾\n全县家庭医生签约服务覆盖率达到45.6%。\n\
        二、2024年工作安排\n家庭医生签约服务覆盖率提高到50%。";
    let f = extract(text, "2024年平安县人民政府工作报告", (2024, 1, 10));
    assert_eq!(fact(&f, 45.6).kind, Kind::Actual);
    assert_eq!(fact(&f, 50.0).kind, Kind::Target);
}

#[test]
fn a_counts_phrase_after_a_densitys_base_names_the_density() {
    let text = "2023年,全县每千常住人口拥有执业(助理)医师2.85人,每万名居民拥有全科医生3.2名,\
        每千人口拥有卫生技术人员7.12人。全县执业(助理)医师1102人。\
        全县家庭医生签约服务率为48.2%。基层医疗卫生机构诊疗人次占总诊疗人次的62.3%。";
    let f = extract(text, "平安县2023年卫生健康事业发展情况", (2024, 3, 5));
    assert_eq!(id_of(&f, 2.85), Some("doctors_per_1000"));
    assert_eq!(id_of(&f, 3.2), Some("gps_per_10k"));
    assert_eq!(id_of(&f, 7.12), Some("health_technicians_per_1000"));
    assert_eq!(id_of(&f, 1102.0), Some("licensed_doctors_incl_assistant"));
    assert_eq!(id_of(&f, 48.2), Some("family_doctor_signing_rate"));
    assert_eq!(id_of(&f, 62.3), Some("primary_care_visit_share"));
}

#[test]
fn places_listed_before_respectively_take_the_measure_of_the_sentence_before() {
    let text = "平安县重点人群签约率为83.1%,在全市排名第一。乐都区、互助县分别为79.5%、78.2%。";
    let f = extract_issued(
        text,
        "海东市家庭医生签约服务工作进展通报",
        (2023, 12, 5),
        "海东市",
        &["平安县", "乐都区", "互助县", "海东市"],
    );
    assert_eq!(id_of(&f, 83.1), Some("key_population_signing_rate"));
    for (value, place) in [(79.5, "乐都区"), (78.2, "互助县")] {
        assert_eq!(
            id_of(&f, value),
            Some("key_population_signing_rate"),
            "{value}"
        );
        assert_eq!(fact(&f, value).region_name.as_deref(), Some(place));
    }
}

#[test]
fn a_bare_share_after_the_health_budget_is_the_health_share() {
    let text = "2023年,全县一般公共预算支出28.6亿元,其中卫生健康支出3.12亿元,占比10.9%。";
    let f = extract(
        text,
        "关于2023年度县级财政卫生健康支出情况的报告",
        (2024, 3, 12),
    );
    assert_eq!(id_of(&f, 3.12e8), Some("fiscal_health_expenditure"));
    assert_eq!(id_of(&f, 10.9), Some("fiscal_health_share"));
}

#[test]
fn electronic_health_records_counted_in_copies_are_the_records_built() {
    let text = "全县建立居民电子健康档案32.6万份,居民电子健康档案建档率达到91.2%。";
    let f = extract(text, "平安县2023年卫生健康事业发展统计公报", (2024, 5, 20));
    assert_eq!(id_of(&f, 32.6e4), Some("health_records"));
    assert_eq!(id_of(&f, 91.2), Some("health_record_rate"));
}

#[test]
fn what_a_period_or_a_list_of_years_does_not_date() {
    let text = "近年来,全县深化县域医共体改革,2023年县域内住院人次4.2万人次。\
        “十三五”期间,2019年和2020年分别投入1.2亿元和1.5亿元。\
        2023年与2022年相比,全县门诊人次、住院人次分别增长8.1%和5.3%。\
        全县由126支家庭医生团队为居民提供签约服务。";
    let f = extract(text, "平安县卫生健康事业发展情况", (2024, 2, 1));
    assert_eq!(fact(&f, 4.2e4).year, Some(2023));
    assert_eq!(fact(&f, 1.2e8).year, Some(2019));
    assert_eq!(fact(&f, 1.5e8).year, Some(2020));
    assert_eq!(fact(&f, 5.3).year, Some(2023));
    assert_eq!(fact(&f, 126.0).year, Some(2023));
}

#[test]
fn a_listed_subject_with_a_digit_in_its_name_shares_the_rate() {
    let text = "平安县2024年卫生健康工作要点\n2型糖尿病、高血压患者规范管理率均达到70%以上。";
    let f = extract(text, "平安县2024年卫生健康工作要点", (2024, 2, 20));
    for id in [
        "diabetes_standard_mgmt_rate",
        "hypertension_standard_mgmt_rate",
    ] {
        assert!(
            f.iter().any(|x| x.indicator_id.as_deref() == Some(id)),
            "no {id}: {f:#?}"
        );
    }
}

#[test]
fn a_hospitals_report_keeps_its_beds_staff_and_visits_out_of_the_countys_cells() {
    let text = "一、基本情况\n医院实际开放床位720张,卫生技术人员842人,全年门急诊人次达到48.6万人次,\
        病床使用率92.3%。全县家庭医生签约服务覆盖率为52.6%,全县共有医疗卫生机构312个。\n\
        二、重点工作\n新增省级临床重点专科1个。投入资金860万元建成智慧医院系统。\n\
        三、2024年工作打算\n力争实际开放床位达到800张。";
    let f = extract(text, "平安县人民医院2023年工作总结", (2024, 1, 10));
    for value in [720.0, 842.0, 486_000.0, 92.3, 800.0] {
        assert_eq!(id_of(&f, value), None, "{value}");
        assert_eq!(fact(&f, value).rule, Rule::OneInstitution, "{value}");
    }
    // What the report says of the county is the county's.
    assert_eq!(id_of(&f, 52.6), Some("family_doctor_signing_rate"));
    assert_eq!(id_of(&f, 312.0), Some("medical_institutions"));
    // A summary's 重点工作 recounts the work done; the 工作打算 is the plan.
    assert_eq!(fact(&f, 8_600_000.0).kind, Kind::Actual);
    assert_eq!(fact(&f, 800.0).kind, Kind::Target);
}

#[test]
fn a_news_items_figures_for_part_of_the_year_fill_no_years_cell() {
    let text = "今年1-9月,全县医疗卫生机构总诊疗人次达到186.5万人次,同比增长6.3%;出院人数5.8万人次。\
        截至9月底,全县家庭医生签约服务覆盖率为43.6%。上半年全县婴儿死亡率为2.1‰。";
    let f = extract(text, "平安县前三季度卫生健康工作取得新成效", (2023, 10, 18));
    for value in [1_865_000.0, 58_000.0, 2.1] {
        assert_eq!(id_of(&f, value), None, "{value}");
        assert_eq!(fact(&f, value).rule, Rule::PartYear, "{value}");
    }
    // A rate standing at a date is the state then.
    assert_eq!(id_of(&f, 43.6), Some("family_doctor_signing_rate"));
}

#[test]
fn a_notice_written_early_in_the_year_aims_for_that_years_levels() {
    let text = "2023年,全县家庭医生签约服务覆盖率为46.5%。\
        2024年全县常住人口签约覆盖率达到50%,重点人群签约覆盖率达到80%以上,\
        每个乡镇卫生院至少组建3个家庭医生团队。2024年1月,全县已组建家庭医生团队186个。";
    let f = extract(
        text,
        "平安县卫生健康局关于做好2024年家庭医生签约服务工作的通知",
        (2024, 1, 22),
    );
    assert_eq!(fact(&f, 46.5).kind, Kind::Actual);
    for value in [50.0, 80.0] {
        assert_eq!(fact(&f, value).kind, Kind::Target, "{value}");
        assert_eq!(fact(&f, value).year, Some(2024), "{value}");
    }
    // What each one has is not the county's count.
    assert_eq!(id_of(&f, 3.0), None);
    // A month dates a state already reached.
    assert_eq!(fact(&f, 186.0).kind, Kind::Actual);
    assert_eq!(id_of(&f, 186.0), Some("family_doctor_teams"));
    // Written late in the year, the year's level is what was reached.
    let f = extract(text, "平安县卫生健康工作综述", (2024, 11, 22));
    assert_eq!(fact(&f, 50.0).kind, Kind::Actual);
}

#[test]
fn a_governments_list_of_the_years_practical_projects_holds_targets() {
    let text = "经县人民政府研究,确定2024年为民办理十件民生实事,现通知如下:\n\
        一、新建和改造村卫生室30个,为全县65岁以上老年人免费体检6万人。\n\
        二、为适龄妇女免费开展宫颈癌筛查1.2万人。";
    let f = extract(
        text,
        "平安县人民政府关于2024年十件民生实事的通知",
        (2024, 2, 5),
    );
    assert_eq!(fact(&f, 12_000.0).kind, Kind::Target);
    assert_eq!(fact(&f, 12_000.0).year, Some(2024));
    // Their completion reported is achieved.
    let text = "2023年十件民生实事全面完成\n全年为适龄妇女免费开展宫颈癌筛查1.1万人。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 15));
    assert_eq!(fact(&f, 11_000.0).kind, Kind::Actual);
}

#[test]
fn money_put_into_health_among_other_fields_is_not_healths() {
    let text = "全县完成教育、卫生等民生领域投入23亿元。投资3.5亿元的县人民医院新院区建成投用。\
        全年社会事业投入5.2亿元。县医院新院区总投资1.2亿元。";
    let f = extract(text, "平安县2023年政府工作报告", (2024, 1, 10));
    assert_eq!(id_of(&f, 2.3e9), None);
    assert_eq!(id_of(&f, 5.2e8), None);
    assert_eq!(id_of(&f, 3.5e8), Some("health_investment"));
    assert_eq!(id_of(&f, 1.2e8), Some("health_investment"));
}

#[test]
fn building_a_countys_hospital_is_not_a_place_named_for_the_verb() {
    let text = "二、2024年工作安排\n新建县中医医院,总投资2.8亿元。";
    let f = extract_issued(
        text,
        "平安县2024年政府工作报告",
        (2024, 1, 10),
        "平安县",
        &["平安县", "新建县", "海东市"],
    );
    assert_eq!(fact(&f, 2.8e8).region_name.as_deref(), Some("平安县"));
    assert_eq!(id_of(&f, 2.8e8), Some("health_investment"));
}

#[test]
fn a_ranking_of_places_gives_each_the_measure_of_the_first() {
    let text = "截至12月底,全市常住人口签约覆盖率为45.3%。\
        从各县区情况看,平安县签约覆盖率最高,为52.6%;互助土族自治县次之,为49.8%;乐都区最低,为36.2%。\
        重点人群签约率方面,化隆回族自治县、循化撒拉族自治县分别为80.2%和79.5%,均高于全市平均水平。";
    let f = extract_issued(
        text,
        "海东市2023年家庭医生签约服务工作通报",
        (2024, 1, 15),
        "海东市",
        &[
            "海东市",
            "平安县",
            "互助土族自治县",
            "乐都区",
            "化隆回族自治县",
            "循化撒拉族自治县",
        ],
    );
    for (value, place) in [(52.6, "平安县"), (49.8, "互助土族自治县"), (36.2, "乐都区")]
    {
        assert_eq!(
            id_of(&f, value),
            Some("family_doctor_signing_rate"),
            "{value}"
        );
        assert_eq!(
            fact(&f, value).region_name.as_deref(),
            Some(place),
            "{value}"
        );
    }
    for (value, place) in [(80.2, "化隆回族自治县"), (79.5, "循化撒拉族自治县")] {
        assert_eq!(
            id_of(&f, value),
            Some("key_population_signing_rate"),
            "{value}"
        );
        assert_eq!(
            fact(&f, value).region_name.as_deref(),
            Some(place),
            "{value}"
        );
    }
}

#[test]
fn beds_named_after_one_kind_of_institution_are_that_kinds() {
    let text = "目前,全县共有乡镇卫生院19所,乡镇卫生院床位达到1260张,医院床位2100张。\
        全县医疗卫生机构床位3620张。";
    let f = extract(
        text,
        "平安县卫健局:多措并举提升基层医疗服务能力",
        (2023, 8, 16),
    );
    assert_eq!(id_of(&f, 1260.0), None);
    assert_eq!(id_of(&f, 2100.0), Some("hospital_beds_hospitals"));
    assert_eq!(id_of(&f, 3620.0), Some("hospital_beds"));
}

#[test]
fn an_mch_summarys_deaths_rates_and_enrolment() {
    let text = "2023年全县活产数6821人,婴儿死亡21例,婴儿死亡率3.08‰;5岁以下儿童死亡29例,死亡率4.25‰。\
        孕前优生健康检查目标人群覆盖率98.6%。\
        其中,城乡居民基本医疗保险参保67.6万人,城乡居民基本医疗保险参保率96.2%。";
    let f = extract(
        text,
        "平安县妇幼保健计划生育服务中心2023年工作总结",
        (2024, 1, 8),
    );
    assert_eq!(id_of(&f, 4.25), Some("under5_mortality_rate"));
    assert_eq!(id_of(&f, 3.08), Some("infant_mortality_rate"));
    assert_eq!(fact(&f, 98.6).kind, Kind::Actual);
    assert_eq!(id_of(&f, 676_000.0), Some("resident_insurance_enrollees"));
    assert_eq!(id_of(&f, 96.2), Some("basic_insurance_coverage_rate"));
}

#[test]
fn village_doctors_trained_or_holding_a_qualification_are_not_the_stock() {
    let text = "全县在岗乡村医生426人,其中60岁以上112人,占26.3%;具有执业(助理)医师资格的86人,占20.2%。\
        计划用三年时间,每年定向培养乡村医生30名。全县执业(助理)医师1420人。";
    let f = extract(
        text,
        "平安县卫生健康局关于县政协第45号提案的答复",
        (2023, 7, 12),
    );
    assert_eq!(id_of(&f, 426.0), Some("village_doctors"));
    assert_eq!(id_of(&f, 86.0), None);
    assert_eq!(id_of(&f, 30.0), None);
    assert_eq!(id_of(&f, 1420.0), Some("licensed_doctors_incl_assistant"));
}

#[test]
fn an_old_bulletins_beds_parts_and_densities_and_some_places_rates() {
    let text = "九、卫生\n年末全县卫生机构拥有病床1420张,其中医院、卫生院病床1360张,妇幼保健院病床40张。\
        全县每千人拥有医生1.2人。部分乡镇高血压患者规范管理率低于60%。";
    let f = extract(text, "平安县2008年国民经济和社会发展统计公报", (2009, 3, 1));
    assert_eq!(id_of(&f, 1420.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 1360.0), Some("hospital_beds_hospitals"));
    assert_eq!(id_of(&f, 40.0), None);
    assert_eq!(id_of(&f, 1.2), Some("doctors_per_1000"));
    assert_eq!(id_of(&f, 60.0), None);
}

#[test]
fn a_unit_noted_after_a_measure_is_the_numbers_and_no_value() {
    let text = "全县孕产妇死亡率(1/10万)为15.2,婴儿死亡率(‰)为3.5,平均住院日(天):8.2。";
    let f = extract(text, "平安县2023年卫生健康统计简报", (2024, 2, 1));
    assert_eq!(id_of(&f, 15.2), Some("maternal_mortality_rate"));
    assert_eq!(id_of(&f, 3.5), Some("infant_mortality_rate"));
    assert_eq!(fact(&f, 3.5).unit.as_str(), "per_mille");
    assert_eq!(id_of(&f, 8.2), Some("avg_length_of_stay"));
    assert!(f.iter().all(|x| x.value != 1.0), "{f:?}");
}

#[test]
fn a_countys_figure_after_a_hospitals_in_one_sentence_and_the_budget_share() {
    let text = "县人民医院新住院综合楼投入使用,新增床位260张,全县医疗卫生机构床位达到2180张。\
        全年卫生健康支出4.12亿元,占一般公共预算支出的9.6%。";
    let f = extract(text, "平安县2024年政府工作报告", (2024, 1, 16));
    assert_eq!(id_of(&f, 2180.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 9.6), Some("fiscal_health_share"));
}

#[test]
fn admissions_after_a_list_of_parts_are_all_admissions() {
    let text = "【医疗服务】2022年,全县医疗卫生机构总诊疗人次114.3万人次,其中基层医疗卫生机构诊疗人次\
        58.6万人次;入院人数3.24万人;医院病床使用率78.4%。";
    let f = extract(text, "平安县统计年鉴·卫生", (2023, 10, 1));
    assert_eq!(id_of(&f, 32_400.0), Some("admissions"));
}

#[test]
fn helpers_reports_subgroups_bodies_half_years_and_targets_dated_by_their_paragraph() {
    // A subgroup's rates in one sentence; the county's in the next.
    let text = "脱贫人口高血压患者规范管理率为85.2%,糖尿病患者规范管理率为83.7%。\
        全县2型糖尿病患者规范管理率为65.8%。";
    let f = extract(text, "平安县健康扶贫工作情况汇报", (2023, 12, 12));
    assert_eq!(id_of(&f, 83.7), None);
    assert_eq!(id_of(&f, 65.8), Some("diabetes_standard_mgmt_rate"));
    // The reporting body's own figures.
    let text = "我院孕产妇管理:在院建册孕产妇系统管理率97.4%。全县孕产妇系统管理率90.8%。";
    let f = extract(text, "平安县妇幼保健院2023年工作总结", (2024, 1, 10));
    assert_eq!(id_of(&f, 97.4), None);
    assert_eq!(id_of(&f, 90.8), Some("maternal_systematic_mgmt_rate"));
    // A rate for the half year; a target for the year's end.
    let text = "上半年全县高血压患者规范管理率为62.1%。截至6月底,全县家庭医生签约服务覆盖率为64.7%,\
        力争年底常住人口签约率达到68%。上半年,全县新增签约居民1.35万人,重点人群签约率达到83.5%。";
    let f = extract(text, "平安县家庭医生签约服务提质增效", (2023, 7, 20));
    assert_eq!(id_of(&f, 62.1), None);
    assert_eq!(id_of(&f, 64.7), Some("family_doctor_signing_rate"));
    assert_eq!(id_of(&f, 83.5), Some("key_population_signing_rate"));
    assert_eq!(
        (fact(&f, 68.0).kind, fact(&f, 68.0).year),
        (Kind::Target, Some(2023))
    );
    // A later year in another clause dates nothing before it; a deadline dates its paragraph.
    let text = "肺结核报告发病率为61.8/10万,2022年登记患者成功治疗率为93.4%。\n\
        到2025年,基本建成优质高效的医疗卫生服务体系。全县医疗卫生机构床位数达到5200张。";
    let f = extract(text, "平安县2023年疾控工作总结", (2024, 1, 5));
    assert_eq!(fact(&f, 61.8).year, Some(2023));
    assert_eq!(
        (fact(&f, 5200.0).kind, fact(&f, 5200.0).year),
        (Kind::Target, Some(2025))
    );
    // Institutions restricted by a relative clause.
    let text = "新增3个乡镇卫生院达到优质服务基层行推荐标准,累计达到推荐标准的乡镇卫生院5个。\
        全县共有乡镇卫生院15个。";
    let f = extract(text, "平安县2023年基层卫生工作总结", (2024, 1, 5));
    assert_eq!(id_of(&f, 5.0), Some("thc_recommended_standard"));
    assert_eq!(id_of(&f, 15.0), Some("township_health_centers"));
}

#[test]
fn a_sum_since_an_earlier_year_and_its_slice_for_one_year_and_a_compared_earlier_level() {
    let text = "我市自2021年起启动医共体建设。2021年以来累计投入资金1.36亿元,其中2023年投入资金4820万元。\
        2023年与2022年相比,全县家庭医生签约服务覆盖率由44.2%提高到47.5%。";
    let f = extract(
        text,
        "平安县紧密型县域医疗卫生共同体建设情况报告",
        (2024, 3, 20),
    );
    assert_eq!(fact(&f, 1.36e8).year, None);
    assert_eq!(fact(&f, 1.36e8).year_flag, Some(YearFlag::PeriodSum));
    assert_eq!(id_of(&f, 4.82e7), Some("health_investment"));
    assert_eq!(fact(&f, 4.82e7).year, Some(2023));
    assert_eq!(fact(&f, 44.2).year, Some(2022));
    assert_eq!(fact(&f, 47.5).year, Some(2023));
}

#[test]
fn a_yearbooks_entry_on_one_hospital_keeps_its_beds_and_visits_out_of_the_countys_cells() {
    let text = "【概况】2022年末,全县有医疗卫生机构192个,床位1548张。\n\
        【县人民医院】县人民医院为二级甲等综合医院。编制床位500张,实有床位620张,\
        2022年门急诊人次46.2万人次,出院2.08万人次。\n\
        【医疗服务】2022年,全县医疗卫生机构总诊疗人次114.3万人次。";
    let f = extract(text, "平安县统计年鉴·卫生", (2023, 10, 1));
    assert_eq!(id_of(&f, 1548.0), Some("hospital_beds"));
    for value in [500.0, 620.0, 462_000.0, 20_800.0] {
        assert_eq!(id_of(&f, value), None, "{value}");
    }
    assert_eq!(id_of(&f, 1_143_000.0), Some("total_visits"));
}

#[test]
fn a_departments_budget_is_not_the_countys_spending() {
    let text = "2024年支出预算总额21846.32万元,其中:卫生健康支出19463.57万元,占89.09%。\
        2023年全县一般公共预算卫生健康支出决算数为32680.45万元。";
    let f = extract(text, "平安县卫生健康局2024年部门预算情况说明", (2024, 2, 5));
    assert_eq!(id_of(&f, 194_635_700.0), None);
    assert_eq!(id_of(&f, 326_804_500.0), Some("fiscal_health_expenditure"));
}

#[test]
fn round_two_categories_centres_plans_as_of_sections_and_recruits() {
    // One kind of institution before a measure of all of them.
    let text = "全县共有医疗卫生机构326个,其他医疗卫生机构21个。公立医院卫生人员2986人,\
        公立医院病床使用率为87.9%,全县医疗卫生机构病床使用率为76.5%。";
    let f = extract(text, "平安县2022年卫生统计年报", (2023, 3, 2));
    assert_eq!(id_of(&f, 326.0), Some("medical_institutions"));
    for value in [21.0, 2986.0, 87.9] {
        assert_eq!(id_of(&f, value), None, "{value}");
    }
    // A neighbourhood's health centre; the county's beds.
    let text = "罗雄街道社区卫生服务中心开放床位120张。全县医疗卫生机构床位2960张。";
    let f = extract(text, "平安县2022年卫生健康工作总结", (2023, 1, 12));
    assert_eq!(id_of(&f, 120.0), None);
    assert_eq!(id_of(&f, 2960.0), Some("hospital_beds"));
    // Planned and actual in one sentence.
    let text = "计划完成宫颈癌筛查2万人,实际完成宫颈癌筛查21365人。";
    let f = extract(text, "平安县2023年民生实事完成情况", (2024, 1, 25));
    assert_eq!(fact(&f, 20_000.0).kind, Kind::Target);
    assert_eq!(fact(&f, 21_365.0).kind, Kind::Actual);
    // A section opening with its as-of date dates the stocks after it.
    let text = "一、基本情况\n截至2022年底,全县共有医疗卫生机构326个。\n全县医疗卫生机构实有床位4320张。\n\
        二、下一步工作\n力争到2025年床位达到5000张。";
    let f = extract(
        text,
        "关于县政协十届二次会议第57号提案的答复",
        (2023, 6, 20),
    );
    assert_eq!(fact(&f, 4320.0).year, Some(2022));
    // Recruits are not the stock; half a year's screenings are not the year's.
    let text = "全县新招录乡村医生123人,均已到岗。上半年完成农村妇女两癌筛查8600人。";
    let f = extract(text, "平安县上半年卫生健康工作总结", (2023, 7, 14));
    assert_eq!(fact(&f, 123.0).rule, Rule::PartYear);
    assert_eq!(id_of(&f, 8600.0), None);
}

#[test]
fn a_report_on_part_of_a_year_fills_no_years_cell_with_its_flows() {
    let text = "全县城乡居民医保基金支出4.02亿元。大病保险受益1.27万人次。\
        全县基本医疗保险参保人数40.12万人。全年力争医保基金支出控制在6亿元以内。";
    let f = extract(
        text,
        "平安县2024年1—9月医疗保障事业发展统计快报",
        (2024, 10, 20),
    );
    assert_eq!(id_of(&f, 4.02e8), None);
    assert_eq!(id_of(&f, 12_700.0), None);
    assert_eq!(id_of(&f, 401_200.0), Some("basic_insurance_enrollees"));
    assert_eq!(id_of(&f, 6e8), Some("insurance_fund_expenditure"));
}

#[test]
fn the_year_befores_level_and_the_own_place_after_its_prefecture() {
    let text = "年末全县每千人口医疗卫生机构床位数6.02张,上年为5.71张。";
    let f = extract(text, "平安县2023年卫生健康事业发展统计公报", (2024, 4, 1));
    assert_eq!(
        (id_of(&f, 6.02), fact(&f, 6.02).year),
        (Some("beds_per_1000"), Some(2023))
    );
    assert_eq!(
        (id_of(&f, 5.71), fact(&f, 5.71).year),
        (Some("beds_per_1000"), Some(2022))
    );
    let text = "海东市居民健康素养水平为26.8%,我县为25.4%。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 5));
    assert_eq!(fact(&f, 26.8).region_name.as_deref(), Some("海东市"));
    assert_eq!(fact(&f, 25.4).region_name.as_deref(), Some("平安县"));
}

#[test]
fn a_series_over_a_range_of_years_dates_each_value_with_the_one_measure() {
    let text = "2021—2023年,全县医疗卫生机构总诊疗人次分别为986.3万人次、1021.5万人次、1108.7万人次,\
        每千人口医疗卫生机构床位数分别为5.12张、5.48张、5.86张。";
    let f = extract(text, "关于全县卫生健康工作情况的报告", (2024, 4, 10));
    for (value, year) in [
        (9_863_000.0, 2021),
        (10_215_000.0, 2022),
        (11_087_000.0, 2023),
    ] {
        assert_eq!(id_of(&f, value), Some("total_visits"), "{value}");
        assert_eq!(fact(&f, value).year, Some(year), "{value}");
    }
    for (value, year) in [(5.12, 2021), (5.48, 2022), (5.86, 2023)] {
        assert_eq!(id_of(&f, value), Some("beds_per_1000"), "{value}");
        assert_eq!(fact(&f, value).year, Some(year), "{value}");
    }
}

#[test]
fn round_four_months_hospitals_neighbourhoods_works_plans_sums_and_doses() {
    let text = "2023年1—11月,全县医疗卫生机构总诊疗人次762.4万人次。11月份,全县出院人数1.76万人。";
    let f = extract(text, "平安县卫生健康数据简报", (2023, 12, 8));
    assert_eq!(id_of(&f, 7_624_000.0), None);
    assert_eq!(id_of(&f, 17_600.0), None);
    let text = "全县医疗卫生机构床位7368张,其中县人民医院实有床位1260张,县第二人民医院实有床位450张。\
        稻香村街道金大塘社区签约居民4860人。全区社区卫生服务机构诊疗人次达到182.6万人次。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 7368.0), Some("hospital_beds"));
    for value in [1260.0, 450.0, 4860.0, 1_826_000.0] {
        assert_eq!(id_of(&f, value), None, "{value}");
    }
    let text = "二、主要任务\n新建县人民医院新院区1所,改扩建乡镇卫生院12所。规划期内,全县计划总投资约18.6亿元。\n\
        三年来,全县一般公共预算卫生健康支出累计达到38.6亿元。全年接种免疫规划疫苗42.3万剂次。";
    let f = extract(
        text,
        "平安县医疗卫生服务体系规划(2023—2030年)",
        (2023, 6, 1),
    );
    assert_eq!(id_of(&f, 12.0), None);
    assert_eq!(fact(&f, 1.86e9).year, None);
    assert_eq!(fact(&f, 3.86e9).year, None);
    assert_eq!(id_of(&f, 423_000.0), Some("vaccine_doses"));
}

#[test]
fn an_institutions_section_keeps_its_sub_headings() {
    let text = "二、全县概况\n全县医疗卫生机构床位3620张。\n三、县人民医院\n(一)医疗服务\n\
        全年门急诊人次46.2万人次。\n四、公共卫生\n全县总诊疗人次186.5万人次。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 3620.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 462_000.0), None);
    assert_eq!(id_of(&f, 1_865_000.0), Some("total_visits"));
}

#[test]
fn only_a_deadline_opening_a_sentence_dates_the_aims_after_it() {
    let text = "二、工作目标\n持续做好老年人中医药健康管理,2023年覆盖率达到70%。\
        加强基层中医馆建设,100%基层医疗机构中医馆达到建设标准。";
    let f = extract(text, "平安县一刻钟健康医疗圈建设工作推进方案", (2022, 4, 1));
    assert_eq!(fact(&f, 70.0).year, Some(2023));
    assert_eq!(fact(&f, 100.0).kind, Kind::Target);
    assert_eq!(fact(&f, 100.0).year, None);
}

#[test]
fn a_bare_number_listed_after_a_rate_shares_its_unit_and_its_year() {
    let text = "2022年、2023年全县婴儿死亡率分别为3.41‰和2.87‰,孕产妇死亡率分别为12.6/10万和0。";
    let f = extract(text, "平安县健康县城创建工作综述", (2024, 1, 20));
    assert_eq!(
        (id_of(&f, 12.6), fact(&f, 12.6).year),
        (Some("maternal_mortality_rate"), Some(2022))
    );
    assert_eq!(
        (id_of(&f, 0.0), fact(&f, 0.0).year),
        (Some("maternal_mortality_rate"), Some(2023))
    );
    assert_eq!(fact(&f, 2.87).year, Some(2023));
}

#[test]
fn a_hospital_opening_a_clause_reports_its_own_rates_and_an_mch_hospital_the_regions() {
    let text = "全县法定传染病报告及时率99.4%,县人民医院传染病报告及时率100%。\
        县中医院病床使用率88.5%,门诊人次占全县的21.3%。\
        县妇幼保健院牵头开展孕产妇系统管理,全县孕产妇系统管理率95.2%。\
        县妇幼保健院孕产妇系统管理率96.1%。\
        县人民医院新院区建设投入资金1.2亿元。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 99.4), Some("infectious_report_timeliness"));
    assert_eq!(id_of(&f, 100.0), None);
    assert_eq!(fact(&f, 100.0).rule, Rule::OneInstitution);
    assert_eq!(id_of(&f, 88.5), None);
    assert_eq!(id_of(&f, 95.2), Some("maternal_systematic_mgmt_rate"));
    assert_eq!(id_of(&f, 96.1), Some("maternal_systematic_mgmt_rate"));
    assert_eq!(id_of(&f, 120_000_000.0), Some("health_investment"));
}

#[test]
fn one_schemes_fund_is_a_part_of_the_medical_insurance_fund() {
    let text = "全县基本医疗保险基金支出8.6亿元,其中职工医保基金支出1.9亿元。\
        城乡居民基本医疗保险基金支出6.7亿元,同比增长5.2%。\
        居民医保和职工医保基金支出合计8.6亿元。";
    let f = extract(text, "平安县医疗保障局2023年工作总结", (2024, 1, 10));
    assert_eq!(id_of(&f, 860_000_000.0), Some("insurance_fund_expenditure"));
    assert_eq!(id_of(&f, 190_000_000.0), None);
    assert_eq!(id_of(&f, 670_000_000.0), None);
    assert!(
        f.iter()
            .filter(|x| (x.value - 860_000_000.0).abs() < 1.0)
            .all(|x| x.indicator_id.as_deref() == Some("insurance_fund_expenditure"))
    );
}

#[test]
fn the_total_row_of_a_table_of_counties_is_the_prefectures_not_the_reports() {
    let text = "2023年海东市部分县(区)卫生资源主要指标\n\
        县(区) | 医疗卫生机构(个) | 实有床位(张)\n\
        平安县 | 312 | 1520\n\
        乐都县 | 402 | 2210\n\
        全市 | 2865 | 14310\n";
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let title = "平安县织密基层卫生服务网";
    let f = extract_issued(text, title, (2024, 3, 12), "平安县", &regions);
    let total = fact(&f, 14310.0);
    assert_eq!(total.indicator_id.as_deref(), Some("hospital_beds"));
    assert_eq!(total.region_name.as_deref(), Some("海东市"));
    assert!(total.region_subject);
    assert_eq!(fact(&f, 1520.0).region_name.as_deref(), Some("平安县"));
    // Without a region in the caption, the total row fills no cell.
    let text = text.replacen("海东市", "", 1);
    let f = extract_issued(&text, title, (2024, 3, 12), "平安县", &regions);
    assert_eq!(id_of(&f, 14310.0), None);
    assert_eq!(fact(&f, 14310.0).rule, Rule::WiderArea);
}

#[test]
fn a_subgroup_or_a_kind_of_institution_opening_a_sentence_is_the_subject_of_its_clauses() {
    let text = "脱贫人口高血压患者1.27万人,规范管理率为85.3%。\
        全县高血压患者规范管理率为74.9%。\
        全年脱贫人口住院3.18万人次,政策范围内住院费用报销比例为86.2%。\
        全县乡镇卫生院诊疗人次186.4万,入院人数6.73万人。\
        全县乡镇卫生院在岗执业(助理)医师386人。\
        乡镇卫生院门诊病人次均费用41.3元。\
        重点人群签约率85.6%,高血压患者规范管理率76.1%。";
    let f = extract(text, "平安县2023年健康帮扶工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 85.3), None);
    assert_eq!(id_of(&f, 74.9), Some("hypertension_standard_mgmt_rate"));
    assert_eq!(id_of(&f, 86.2), None);
    assert_eq!(id_of(&f, 67_300.0), None);
    assert_eq!(id_of(&f, 386.0), None);
    assert_eq!(id_of(&f, 41.3), None);
    assert_eq!(id_of(&f, 85.6), Some("key_population_signing_rate"));
    assert_eq!(id_of(&f, 76.1), Some("hypertension_standard_mgmt_rate"));
}

#[test]
fn money_for_a_sanitary_towns_upkeep_or_rural_revitalisation_is_no_health_investment() {
    let text = "复审周期内,全县累计投入巩卫资金3.62亿元,其中用于城区道路改造2.41亿元。\
        全年全县衔接资金投入3.28亿元。\
        下一步,我们将计划投资1.5亿元推进老城区有机更新。\
        县人民医院门诊医技综合楼项目总投资2.9亿元。";
    let f = extract(text, "平安县国家卫生县城复审工作汇报", (2024, 4, 8));
    assert_eq!(id_of(&f, 362_000_000.0), None);
    assert_eq!(id_of(&f, 328_000_000.0), None);
    assert_eq!(id_of(&f, 150_000_000.0), None);
    assert_eq!(id_of(&f, 290_000_000.0), Some("health_investment"));
}

#[test]
fn a_sum_over_a_review_period_fills_no_year() {
    let text = "复审周期内,全县累计新建村卫生室32个,投入资金1.2亿元。";
    let f = extract(text, "平安县卫生健康局工作汇报", (2024, 4, 8));
    assert_eq!(fact(&f, 120_000_000.0).year, None);
    assert_eq!(fact(&f, 120_000_000.0).year_flag, Some(YearFlag::PeriodSum));
}

#[test]
fn a_year_end_stock_opening_a_sentence_dates_its_section_only() {
    let text = "一、总体进展\n截至2022年底,全县共有医疗卫生机构612个,卫生技术人员5326人。\n\
        二、主要成效\n全县县域内就诊率达到89.6%。\n";
    let f = extract(text, "关于平安县医共体建设推进情况的报告", (2023, 10, 18));
    assert_eq!(fact(&f, 5326.0).year, Some(2022));
    assert_eq!(fact(&f, 89.6).year, Some(2023));
}

#[test]
fn institutions_doing_or_reaching_something_are_counted_by_what_they_reach() {
    let text = "全县已有6家乡镇卫生院达到服务能力推荐标准,22家达到基本标准,\
        另有3家卫生院正在创建社区医院。全县100%的乡镇卫生院能够提供6类以上中医药技术方法。\
        1—9月该院出院病人5.43万人次,平均住院日7.6天。";
    let f = extract(text, "平安县医共体建设推进情况", (2023, 10, 18));
    assert_eq!(id_of(&f, 6.0), Some("thc_recommended_standard"));
    assert_eq!(id_of(&f, 22.0), Some("thc_basic_standard"));
    assert_eq!(id_of(&f, 3.0), None);
    assert!(f.iter().filter(|x| x.value == 6.0).count() == 1, "{f:?}");
    assert_eq!(id_of(&f, 7.6), None);
}

#[test]
fn years_listed_after_their_measure_date_the_values_after_respectively() {
    let text = "卫生技术人员2021年、2022年、2023年分别为2847人、2963人、3108人,每千人口卫生技术人员由6.12人增加到6.91人。\
        县域内就诊率2021年、2022年、2023年分别为82.6%、85.1%、88.4%,逐年提升。\
        基层医疗卫生机构诊疗人次2021年为98.4万人次,2023年为121.7万人次;基层诊疗量占比2021年、2022年、2023年分别为58.2%、60.5%、62.3%。\
        2021年、2022年、2023年全县甲乙类传染病报告发病率分别为180.2/10万、165.4/10万和171.9/10万。\
        签约率比2021年、2022年分别提高5.2和3.1个百分点。";
    let f = extract(text, "平安县卫生健康工作情况报告", (2024, 5, 23));
    for (v, id, y) in [
        (2847.0, "health_technicians", 2021),
        (3108.0, "health_technicians", 2023),
        (82.6, "county_consultation_rate", 2021),
        (85.1, "county_consultation_rate", 2022),
        (58.2, "primary_care_visit_share", 2021),
        (62.3, "primary_care_visit_share", 2023),
        (180.2, "notifiable_ab_incidence", 2021),
        (171.9, "notifiable_ab_incidence", 2023),
    ] {
        assert_eq!((id_of(&f, v), fact(&f, v).year), (Some(id), Some(y)), "{v}");
    }
    assert_ne!(fact(&f, 3.1).rule, Rule::Respectively);
}

#[test]
fn a_news_items_heading_naming_a_county_places_its_paragraphs() {
    let text = "全省县域医共体建设成效明显\n乐都县:家庭医生签约服务做实做细\n\
        截至2023年底,全县常住人口签约覆盖率达到51.2%。\n平安县:补齐资源短板\n\
        全县医疗卫生机构床位2368张。\n下一步工作\n全省将继续推进医共体建设。";
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let f = extract_issued(
        text,
        "青海省县域医共体建设综述",
        (2024, 3, 1),
        "青海省",
        &regions,
    );
    assert_eq!(fact(&f, 51.2).region_name.as_deref(), Some("乐都县"));
    assert_eq!(fact(&f, 2368.0).region_name.as_deref(), Some("平安县"));
}

#[test]
fn two_rates_joined_by_和_share_the_value_both_reach() {
    let text = "到2025年,孕产妇系统管理率和3岁以下儿童系统管理率均保持在90%以上。\
        (四)高血压、糖尿病患者规范管理率均达到75%以上。";
    let f = extract(text, "平安县十四五卫生健康规划", (2022, 3, 1));
    let ids: Vec<_> = f.iter().filter_map(|x| x.indicator_id.as_deref()).collect();
    for id in [
        "maternal_systematic_mgmt_rate",
        "child_u3_systematic_mgmt_rate",
        "hypertension_standard_mgmt_rate",
        "diabetes_standard_mgmt_rate",
    ] {
        assert!(ids.contains(&id), "{id} missing: {ids:?}");
    }
}

#[test]
fn items_of_a_list_share_the_words_their_first_item_opens_with() {
    let text = "全县在管高血压患者4.21万人、2型糖尿病患者1.08万人。\
        每千常住人口执业(助理)医师3.18人、注册护士3.45人。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 42_100.0), Some("hypertension_managed"));
    assert_eq!(id_of(&f, 10_800.0), Some("diabetes_managed"));
    assert_eq!(id_of(&f, 3.45), Some("nurses_per_1000"));
}

#[test]
fn a_numbered_heading_without_a_year_ends_the_year_of_the_heading_before() {
    let text = "四、2023年全年情况回顾\n全县甲乙类传染病报告发病率为164.61/10万。\n\
        五、下一步工作\n力争全年传染病报告及时率达到99.5%。";
    let f = extract(
        text,
        "关于2024年第一季度全县法定传染病疫情情况的通报",
        (2024, 4, 10),
    );
    assert_eq!(fact(&f, 164.61).year, Some(2023));
    // A whole earlier year reviewed in a report on part of a year keeps its cell.
    assert_eq!(id_of(&f, 164.61), Some("notifiable_ab_incidence"));
    assert_ne!(fact(&f, 99.5).year, Some(2023));
}

#[test]
fn a_town_health_centres_report_under_an_autonomous_countys_name_is_the_towns() {
    let text = "一、基本情况\n我院开放床位52张,家庭医生签约率52.6%。\n\
        全县家庭医生签约服务覆盖率为48.2%。";
    let f = extract(
        text,
        "围场满族蒙古族自治县四合永镇卫生院2023年工作总结",
        (2024, 1, 5),
    );
    assert_eq!(id_of(&f, 52.0), None);
    assert_eq!(id_of(&f, 52.6), None);
    assert_eq!(id_of(&f, 48.2), Some("family_doctor_signing_rate"));
}

#[test]
fn a_hospitals_report_counts_its_own_teams_lectures_and_recruits() {
    let text = "一、基本情况\n医院组建由专科医生参与的家庭医生团队18个,举办健康讲座128场,\
        公开招聘医务人员86名。全县家庭医生团队共420个,全县县域内就诊率达到91.2%。\
        医院全年完成基本建设投资1.35亿元。";
    let f = extract(text, "平安县人民医院2023年度工作报告", (2024, 1, 20));
    assert_eq!(id_of(&f, 18.0), None);
    assert_eq!(id_of(&f, 128.0), None);
    assert_eq!(id_of(&f, 86.0), None);
    assert_eq!(id_of(&f, 420.0), Some("family_doctor_teams"));
    assert_eq!(id_of(&f, 91.2), Some("county_consultation_rate"));
    assert_eq!(id_of(&f, 135_000_000.0), Some("health_investment"));
}

#[test]
fn places_listed_before_a_counts_measure_take_their_counts_in_order() {
    let text = "平安县、乐都县医疗卫生机构实有床位分别为2860张、1745张。";
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let f = extract_issued(
        text,
        "海东市2023年卫生健康工作总结",
        (2024, 1, 20),
        "海东市",
        &regions,
    );
    for (v, place) in [(2860.0, "平安县"), (1745.0, "乐都县")] {
        assert_eq!(id_of(&f, v), Some("hospital_beds"));
        assert_eq!(fact(&f, v).region_name.as_deref(), Some(place));
    }
}

#[test]
fn a_lead_hospitals_figures_joined_by_semicolons_and_a_schemes_label_are_not_the_countys() {
    let text = "总医院本部(县人民医院)实际开放床位562张;在岗职工1035人,其中卫生技术人员886人。\
        全年本部门急诊人次38.6万;出院病人2.34万人次。全县医疗卫生机构卫生技术人员2158人。\
        城乡居民医保基金:基金收入6.52亿元,基金支出6.18亿元。全县医保基金支出合计8.05亿元。\
        2023年,我县基本公共卫生服务人均补助标准为89元。";
    let f = extract(text, "平安县医共体总医院2023年工作总结", (2024, 1, 20));
    assert_eq!(id_of(&f, 562.0), None);
    assert_eq!(id_of(&f, 886.0), None);
    assert_eq!(id_of(&f, 386_000.0), None);
    assert_eq!(id_of(&f, 23_400.0), None);
    assert_eq!(id_of(&f, 2158.0), Some("health_technicians"));
    assert_eq!(id_of(&f, 618_000_000.0), None);
    assert_eq!(id_of(&f, 805_000_000.0), Some("insurance_fund_expenditure"));
    assert_eq!(id_of(&f, 89.0), Some("basic_phs_subsidy_per_capita"));
}

#[test]
fn infant_care_and_births_in_a_population_report_are_health_figures() {
    let text = "一、基本情况\n全年出生人口3012人。全县共有托育机构14家,共提供托位856个,\
        每千人口托位数3.12个。";
    let f = extract(text, "平安县2023年人口监测与家庭发展工作报告", (2024, 2, 1));
    assert_eq!(id_of(&f, 3012.0), Some("live_births"));
    assert_eq!(id_of(&f, 14.0), Some("childcare_institutions"));
    assert_eq!(id_of(&f, 3.12), Some("childcare_slots_per_1000"));
}

#[test]
fn what_an_institution_leads_a_subgroup_or_a_kind_opens_leaves_the_regions_measures() {
    let text = "县人民医院牵头组建医共体,县域内就诊率达到91.2%。\
        脱贫人口家庭医生签约率100%,全年县域内就诊率92.3%。\
        基层医疗卫生机构服务能力持续提升,总诊疗人次186万人次。\
        按照基本部署要求,家庭医生签约率达到85%。\
        2023年运行情况:全县住院人次4.2万,医保基金支出8.05亿元。\
        2023年新建成中医馆5个。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 91.2), Some("county_consultation_rate"));
    assert_eq!(id_of(&f, 92.3), Some("county_consultation_rate"));
    assert_eq!(id_of(&f, 1_860_000.0), Some("total_visits"));
    assert_eq!(id_of(&f, 85.0), Some("family_doctor_signing_rate"));
    assert_eq!(id_of(&f, 805_000_000.0), Some("insurance_fund_expenditure"));
    assert_eq!(id_of(&f, 5.0), None);
}

#[test]
fn a_titles_part_of_the_year_is_of_its_last_year() {
    let text = "2023年,全县医保基金支出8.6亿元。2024年,全县医保基金支出3.1亿元。";
    let f = extract(
        text,
        "平安县2023年度及2024年1-6月医保基金运行情况",
        (2024, 7, 10),
    );
    assert_eq!(id_of(&f, 860_000_000.0), Some("insurance_fund_expenditure"));
    assert_eq!(id_of(&f, 310_000_000.0), None);
}

#[test]
fn a_half_years_report_keeps_its_stocks_counted_in_no_unit_of_their_own() {
    let text = "全县组建紧密型县域医共体2个,提供托位856个。上半年,全县报告甲乙类传染病2136例,\
        接种免疫规划疫苗18.6万剂次。";
    let f = extract(text, "平安县卫生健康局2024年上半年工作总结", (2024, 7, 5));
    assert_eq!(id_of(&f, 2.0), Some("county_medical_communities"));
    assert_eq!(id_of(&f, 856.0), Some("childcare_slots"));
    assert_eq!(id_of(&f, 2136.0), None);
    assert_eq!(id_of(&f, 186_000.0), None);
}

#[test]
fn a_report_on_one_month_fills_no_years_cell_with_the_months_flows() {
    let text = "一、总体疫情\n2024年5月(5月1日至5月31日),全县共报告甲乙类传染病213例,\
        报告发病率为24.56/10万。本月全县共接种免疫规划疫苗1.86万剂次。\n\
        二、全年目标\n全县甲乙类传染病报告发病率控制在180/10万以下。";
    let f = extract(text, "平安县2024年5月法定传染病疫情概况", (2024, 6, 6));
    for value in [213.0, 24.56, 18_600.0] {
        assert_eq!(id_of(&f, value), None, "{value}");
        assert_eq!(fact(&f, value).rule, Rule::PartYear, "{value}");
    }
    assert_eq!(id_of(&f, 180.0), Some("notifiable_ab_incidence"));
    // In a year's report, a month opening a sentence dates its flows; one inside dates an event.
    let text = "2023年11月,全县报告甲乙类传染病186例。全县于2023年11月建成村卫生室12个,\
        全年报告甲乙类传染病2136例。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 186.0), None);
    assert_eq!(id_of(&f, 2136.0), Some("notifiable_cases"));
}

#[test]
fn a_towns_list_item_read_with_its_first_items_words_is_the_towns() {
    let text = "规范管理高血压患者2360人、糖尿病患者870人,镇卫生院门急诊人次达到8.7万人次。";
    let f = extract(text, "许家湖镇人民政府2020年工作总结", (2021, 1, 10));
    assert_eq!(id_of(&f, 2360.0), None);
    assert_eq!(id_of(&f, 870.0), None);
    assert_eq!(fact(&f, 870.0).rule, Rule::Town);
    // In a county's report the item is read with the first item's words.
    let f = extract(text, "平安县2020年卫生健康工作总结", (2021, 1, 10));
    assert_eq!(id_of(&f, 870.0), Some("diabetes_managed"));
}

#[test]
fn in_a_citys_report_the_county_named_before_its_own_words_holds_them() {
    let text = "以平安县为例,该县组建家庭医生团队146个,签约覆盖率达到46.3%。\
        乐都县探索家庭医生加健康管家模式,全县签约居民5.6万人。\
        全市共有医疗卫生机构床位2.13万张。";
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let f = extract_issued(
        text,
        "海东市卫生健康委员会新闻发布会实录",
        (2024, 3, 20),
        "海东市",
        &regions,
    );
    assert_eq!(fact(&f, 146.0).region_name.as_deref(), Some("平安县"));
    assert_eq!(fact(&f, 56_000.0).region_name.as_deref(), Some("乐都县"));
    assert_ne!(fact(&f, 21_300.0).region_name.as_deref(), Some("乐都县"));
    // In a county's report, its own words after its prefecture are its own.
    let text = "海东市下达我县资金2000万元,全县签约居民5.6万人。";
    let f = extract_issued(
        text,
        "平安县2023年卫生健康工作总结",
        (2024, 1, 20),
        "平安县",
        &regions,
    );
    assert_ne!(fact(&f, 56_000.0).region_name.as_deref(), Some("海东市"));
}

#[test]
fn parts_after_qizhong_of_a_narrowed_total_are_narrowed_too() {
    let text = "全县共有医保定点医疗机构412家(其中乡镇卫生院28家、村卫生室336家、诊所34家),\
        村卫生室336家实现医保结算。全县村卫生室在岗人员共224人,其中执业(助理)医师42人,\
        乡村医生168人,注册护士14人。全县共有医疗卫生机构420家,其中村卫生室330家。";
    let f = extract(text, "平安县医疗保障局2021年工作总结", (2022, 1, 10));
    for value in [28.0, 34.0, 42.0, 14.0] {
        assert_eq!(id_of(&f, value), None, "{value}");
    }
    assert_eq!(id_of(&f, 168.0), Some("village_doctors"));
    assert_eq!(id_of(&f, 330.0), Some("village_clinics"));
}

#[test]
fn a_comma_inside_a_parenthesis_parts_no_clause() {
    let text = "全县卫生技术人员(含在村卫生室执业的执业(助理)医师,下同)2100人,35岁以下的230人。\
        全县在岗乡村医生(含在村卫生室执业的执业(助理)医师,下同)210人。";
    let f = extract(text, "平安县2022年卫生人才队伍建设情况报告", (2023, 2, 10));
    assert_eq!(id_of(&f, 2100.0), Some("health_technicians"));
    // Village doctors with the licensed doctors of the clinics are more than the indicator.
    assert_eq!(id_of(&f, 210.0), None);
    assert_eq!(fact(&f, 210.0).rule, Rule::Widened);
}

#[test]
fn shortfalls_other_insurances_urban_residents_budgets_and_more_of_them_are_not_levels() {
    let text = "一、工作成效\n全县护理人员缺口约140人,全科医生缺编32人。生育保险参保人数2.31万人,\
        全县基本医疗保险参保总人数达到54.38万人。城区居民健康素养水平达28.3%。\
        全县16个乡镇卫生院中,已有14个达到服务能力基本标准。1个社区卫生服务中心达到推荐标准。\n\
        二、2024年预算\n2024年卫生健康支出预算7.9亿元,2023年预算执行6.8亿元。\
        再推动2个乡镇卫生院达到服务能力推荐标准。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    for value in [140.0, 32.0, 23_100.0, 28.3, 2.0, 1.0] {
        assert_eq!(id_of(&f, value), None, "{value}");
    }
    assert!(!fact(&f, 23_100.0).health);
    assert_eq!(id_of(&f, 543_800.0), Some("basic_insurance_enrollees"));
    assert_eq!(id_of(&f, 14.0), Some("thc_basic_standard"));
    assert_eq!(fact(&f, 790_000_000.0).kind, Kind::Target);
    assert_eq!(fact(&f, 680_000_000.0).kind, Kind::Actual);
}

#[test]
fn a_heading_naming_a_county_by_its_short_name_places_its_paragraphs() {
    let text = "平安:医共体一盘棋\n据平安县卫生健康局介绍,2023年,全县共有医疗卫生机构612个。\
        全县组建家庭医生团队242个。\n乐都:补短板强弱项\n2023年全县共有医疗卫生机构538个。\n\
        全市:卫生资源总量稳步增长\n截至2023年底,全市共有医疗卫生机构6230个。";
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let f = extract_issued(
        text,
        "平安乐都两县卫生健康事业发展观察",
        (2024, 3, 18),
        "海东市",
        &regions,
    );
    assert_eq!(fact(&f, 612.0).region_name.as_deref(), Some("平安县"));
    assert_eq!(fact(&f, 242.0).region_name.as_deref(), Some("平安县"));
    assert_eq!(fact(&f, 538.0).region_name.as_deref(), Some("乐都县"));
    assert_ne!(fact(&f, 6230.0).region_name.as_deref(), Some("乐都县"));
}

#[test]
fn a_kinds_totals_and_a_paragraph_under_one_centres_name_are_not_the_countys() {
    let text = "截至2021年底,16处乡镇卫生院共有编制床位1180张,实有床位1236张,在岗职工1586人,\
        其中卫生技术人员1348人、注册护士486人。\n\
        (一)大店镇中心卫生院。2021年建成社区医院。现有实有床位120张,在岗职工156人,\
        其中卫生技术人员134人。\n\
        全县共有医疗卫生机构床位3860张,卫生技术人员4120人。";
    let f = extract(
        text,
        "平安县2021年优质服务基层行活动情况的报告",
        (2022, 1, 10),
    );
    for value in [1180.0, 1348.0, 486.0, 120.0, 134.0] {
        assert_eq!(id_of(&f, value), None, "{value}");
    }
    assert_eq!(id_of(&f, 3860.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 4120.0), Some("health_technicians"));
}

#[test]
fn specialities_shortfalls_parts_pairs_levels_and_a_towns_clauses_are_not_the_countys() {
    let text = "全县仅有精神科执业医师2名,老年医学专业医师仅有19人。全县尚缺护理型床位约440张。\
        4家二级及以上综合性医院中有3家设立老年医学科。医疗卫生机构与养老机构建立签约合作关系63对。\
        下属二级预算单位48个,其中县级医疗卫生单位9个。\
        从乡镇情况看,白阳镇管理高血压患者4862人,规范管理率76.8%。\
        高血压、2型糖尿病患者规范管理率分别达到68%和67%左右。\
        全县执业(助理)医师1286人,医院床位2100张。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    for value in [2.0, 19.0, 440.0, 3.0, 9.0, 76.8] {
        assert_eq!(id_of(&f, value), None, "{value}");
    }
    assert!(
        f.iter()
            .all(|x| x.value != 63.0 || x.indicator_id.is_none())
    );
    assert_eq!(id_of(&f, 68.0), Some("hypertension_standard_mgmt_rate"));
    assert_eq!(id_of(&f, 67.0), Some("diabetes_standard_mgmt_rate"));
    assert_eq!(id_of(&f, 1286.0), Some("licensed_doctors_incl_assistant"));
}

#[test]
fn a_public_health_subsidy_per_head_and_a_sum_over_years() {
    let text = "基本公共卫生服务补助资金6942.60万元(人均补助标准84元)。\
        城乡居民医保人均补助标准达到610元。三年累计投入卫生健康资金18.05亿元,2023年投入6.2亿元。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 84.0), Some("basic_phs_subsidy_per_capita"));
    assert_eq!(
        id_of(&f, 610.0),
        Some("resident_insurance_subsidy_per_capita")
    );
    assert_eq!(fact(&f, 1_805_000_000.0).year, None);
    assert_eq!(fact(&f, 620_000_000.0).year, Some(2023));
    // The sentence before names the service.
    let f = extract(
        "基本公共卫生服务提质增效。人均补助标准提高到74元。",
        "平安县2020年卫生健康工作总结",
        (2021, 1, 8),
    );
    assert_eq!(id_of(&f, 74.0), Some("basic_phs_subsidy_per_capita"));
}

#[test]
fn sentences_opening_with_kinds_of_places_or_times_name_no_town() {
    let text = "所有乡镇卫生院、村卫生室全部实现标准化建设,组建了298个家庭医生签约服务团队。\
        年末城乡居民基本医疗保险参保人数58.36万人,基本医疗保险参保率96.8%。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 298.0), Some("family_doctor_teams"));
    assert_eq!(id_of(&f, 96.8), Some("basic_insurance_coverage_rate"));
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let text = "平安县、乐都县孕产妇系统管理率分别为96.2%、95.4%。";
    let f = extract_issued(
        text,
        "海东市2023年卫生健康工作总结",
        (2024, 1, 8),
        "海东市",
        &regions,
    );
    assert_eq!(id_of(&f, 96.2), Some("maternal_systematic_mgmt_rate"));
    assert_eq!(fact(&f, 96.2).region_name.as_deref(), Some("平安县"));
}

#[test]
fn a_yearbooks_entries_take_the_year_its_first_entry_states() {
    let text = "卫生健康\n\n【概况】2018年,平安县有各级各类医疗卫生机构596个。\n\n\
        【医疗服务】全县医疗卫生机构总诊疗265.3万人次,出院7.86万人次。\n\n\
        【妇幼健康】全县孕产妇死亡率14.68/10万,婴儿死亡率3.67‰。";
    let f = extract(text, "卫生健康", (2021, 5, 1));
    for value in [596.0, 2_653_000.0, 78_600.0, 14.68, 3.67] {
        assert_eq!(fact(&f, value).year, Some(2018), "{value}");
    }
}

#[test]
fn a_list_of_livelihood_projects_for_its_year_sets_aims() {
    let text = "六安市卫生健康委2020年民生工程实施项目清单\n\
        一、基本公共卫生服务项目。居民电子健康档案建档率保持在90%以上。责任单位:市卫健委。\n\
        二、家庭医生签约服务。全市常住人口家庭医生签约服务覆盖率达到35%以上。";
    let f = extract(
        text,
        "六安市卫生健康委2020年民生工程实施项目清单",
        (2020, 2, 26),
    );
    assert_eq!(fact(&f, 90.0).kind, Kind::Target);
    assert_eq!(fact(&f, 35.0).kind, Kind::Target);
    // A review of the projects done reports what was reached.
    let text = "一、民生工程扎实推进\n全市常住人口家庭医生签约服务覆盖率达到36.2%。";
    let f = extract(text, "六安市卫生健康委2020年工作总结", (2021, 1, 20));
    assert_eq!(fact(&f, 36.2).kind, Kind::Actual);
}

#[test]
fn a_sum_run_up_to_a_date_before_the_years_end_fills_no_years_cell() {
    let text = "截至6月末,全市新农合累计补偿参合农民12.6万人次,补偿金额1826万元。\
        截至6月底,全市常住人口家庭医生签约率为42.3%。截至12月底,全年补偿金额3960万元。";
    let f = extract(text, "鹤岗市新农合工作取得新进展", (2010, 7, 8));
    assert_eq!(id_of(&f, 18_260_000.0), None);
    assert_eq!(fact(&f, 18_260_000.0).rule, Rule::PartYear);
    assert_eq!(id_of(&f, 42.3), Some("family_doctor_signing_rate"));
    assert_eq!(id_of(&f, 39_600_000.0), Some("insurance_fund_expenditure"));
}

#[test]
fn amounts_per_head_doctors_with_assistants_and_old_phrasings() {
    let text = "基本公共卫生服务项目资金按人均55元标准筹集。全县有执业医师(含助理医师)1386人,\
        每千人口医疗机构床位4.11张。65岁及以上老年人健康管理14.3万人,管理2型糖尿病患者2.31万人,\
        共接种一类疫苗29.6万剂次。去年,全县新农合共补偿资金7026万元。";
    let f = extract(text, "平安县2016年卫生工作总结", (2017, 1, 10));
    assert_eq!(id_of(&f, 55.0), None);
    assert_eq!(id_of(&f, 1386.0), Some("licensed_doctors_incl_assistant"));
    assert_eq!(id_of(&f, 4.11), Some("beds_per_1000"));
    assert_eq!(id_of(&f, 143_000.0), Some("elderly_managed"));
    assert_eq!(id_of(&f, 23_100.0), Some("diabetes_managed"));
    assert_eq!(id_of(&f, 296_000.0), Some("vaccine_doses"));
    assert_eq!(id_of(&f, 70_260_000.0), Some("insurance_fund_expenditure"));
}

#[test]
fn a_past_year_under_a_plans_heading_states_what_was_reached() {
    let text = "平安县今年卫生工作目标确定\n\
        今年,全县家庭医生签约服务覆盖率达到30%以上。\n\
        去年,全县共有医疗卫生机构487个,床位2120张。";
    let f = extract(text, "平安县今年卫生工作目标确定", (2017, 2, 23));
    assert_eq!(fact(&f, 30.0).kind, Kind::Target);
    assert_eq!(fact(&f, 487.0).kind, Kind::Actual);
    assert_eq!(fact(&f, 487.0).year, Some(2016));
    assert_eq!(fact(&f, 2120.0).kind, Kind::Actual);
}

#[test]
fn a_label_inside_a_paragraph_turns_it_to_its_domain() {
    let text = "教育:全县有各级各类学校186所,在校学生5.2万人。文化:全县有公共图书馆1个。\
        卫生:全县有各级各类医疗卫生机构236个;开放床位1780张,每千人口床位数5.91张;\
        卫生技术人员1956人。";
    let f = extract(text, "社会事业", (2022, 3, 15));
    assert_eq!(id_of(&f, 1780.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 5.91), Some("beds_per_1000"));
}

#[test]
fn the_parts_a_parenthesis_opened_with_qizhong_close_with_it() {
    let text = "全县有乡镇卫生院17个(其中中心卫生院5个),村卫生室198个,共有病床一千二百余张,\
        卫生技术人员1560人。";
    let f = extract(text, "平安县2013年卫生工作总结", (2014, 1, 10));
    assert_eq!(id_of(&f, 1200.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 5.0), None);
}

#[test]
fn ranks_previous_levels_hospital_stays_and_money_for_other_fields() {
    let text = "出院人数居前三位的为吐祥镇中心卫生院6820人。全县医院出院者平均住院日8.6日,\
        医院病床使用率83.5%,乡镇卫生院病床使用率61.3%。婴儿死亡率2.57‰(上年2.98‰)。\
        基层医疗卫生机构诊疗量占总诊疗量的48.5%。全区社区卫生服务中心(站)总诊疗人次达到98.6万人次。\
        今年以来,累计投入资金2.6亿元,改造老旧小区46个,新建改建城市道路23.5公里。\
        13个社区卫生服务中心中,9个达到服务能力基本标准。";
    let f = extract(text, "平安县2022年卫生健康统计简报", (2023, 1, 20));
    assert!(f.iter().all(|x| x.value != 3.0 || x.indicator_id.is_none()));
    assert_eq!(id_of(&f, 8.6), Some("avg_length_of_stay"));
    assert_eq!(id_of(&f, 83.5), Some("bed_occupancy_rate"));
    assert_eq!(id_of(&f, 61.3), None);
    assert_eq!(id_of(&f, 2.57), Some("infant_mortality_rate"));
    assert_eq!(fact(&f, 2.98).year, Some(2021));
    assert_eq!(id_of(&f, 48.5), Some("primary_care_visit_share"));
    assert_eq!(id_of(&f, 986_000.0), None);
    assert_eq!(id_of(&f, 260_000_000.0), None);
    assert_eq!(id_of(&f, 9.0), None);
}

#[test]
fn one_hospitals_part_of_the_beds_after_qizhong_is_its_own() {
    let text = "全旗医疗卫生机构实有床位1685张,其中旗人民医院520张,旗蒙医医院380张。\
        全县医疗卫生机构床位2100张,其中医院1450张。";
    let f = extract(text, "平安旗卫生健康委员会2019年工作总结", (2020, 1, 10));
    assert_eq!(id_of(&f, 1685.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 520.0), None);
    assert_eq!(id_of(&f, 380.0), None);
    assert_eq!(id_of(&f, 1450.0), Some("hospital_beds_hospitals"));
}

#[test]
fn places_after_qizhong_split_the_total_before_it_in_its_measure() {
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let text = "全市医疗卫生机构实有床位11436张,其中平安县、乐都县分别为2610张、1120张。";
    let f = extract_issued(
        text,
        "海东市2021年卫生健康工作总结",
        (2022, 1, 20),
        "海东市",
        &regions,
    );
    assert_eq!(id_of(&f, 11_436.0), Some("hospital_beds"));
    for (v, place) in [(2610.0, "平安县"), (1120.0, "乐都县")] {
        assert_eq!(id_of(&f, v), Some("hospital_beds"), "{v}");
        assert_eq!(fact(&f, v).region_name.as_deref(), Some(place));
    }
}

#[test]
fn beds_opening_a_sentence_after_a_list_of_kinds_are_all_of_them() {
    let text = "截至今年6月底,全县共有医疗卫生机构456个,其中县级医院3家、乡镇卫生院16家、\
        村卫生室423个;床位1460张,每千人口床位数2.5张。";
    let f = extract(text, "平安县2015年上半年卫生工作情况", (2015, 7, 10));
    assert_eq!(id_of(&f, 1460.0), Some("hospital_beds"));
}

#[test]
fn rates_after_counted_clauses_parted_by_commas_take_their_subjects() {
    let text = "高血压患者管理人数2.36万人,糖尿病患者0.52万人,规范管理率分别为70.1%、68.4%。";
    let f = extract(text, "平安县2018年基本公共卫生服务工作总结", (2019, 1, 10));
    assert_eq!(id_of(&f, 70.1), Some("hypertension_standard_mgmt_rate"));
    assert_eq!(id_of(&f, 68.4), Some("diabetes_standard_mgmt_rate"));
}

#[test]
fn a_second_fenbie_without_places_takes_the_first_ones() {
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let text = "平安县、乐都县床位数分别为2860张、2150张,每千人口床位数分别为4.9张、3.6张。";
    let f = extract_issued(
        text,
        "海东市2014年卫生工作综述",
        (2015, 3, 16),
        "海东市",
        &regions,
    );
    assert_places(
        &f,
        &[
            (2860.0, "平安县"),
            (2150.0, "乐都县"),
            (4.9, "平安县"),
            (3.6, "乐都县"),
        ],
    );
    assert_eq!(id_of(&f, 4.9), Some("beds_per_1000"));
}

#[test]
fn review_cases_levels_kinds_months_and_shortfalls_read_as_written() {
    let text = "全县有县级公立医院2所,乡镇卫生院16所,村卫生室198个,床位2100张,卫生技术人员1560人。\
        截至2023年底,现有乡镇卫生院16所,村卫生室199个。\
        2023年3月,县医院新院区启用,全年门急诊人次56.2万人次。\
        为缓解人才短缺,招聘卫生技术人员86人,全县执业(助理)医师1286人。\
        目前326名乡村医生在岗。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 2100.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 1560.0), Some("health_technicians"));
    assert_eq!(id_of(&f, 199.0), Some("village_clinics"));
    assert_eq!(id_of(&f, 562_000.0), Some("outpatient_emergency_visits"));
    assert_eq!(id_of(&f, 1286.0), Some("licensed_doctors_incl_assistant"));
    assert_eq!(id_of(&f, 326.0), Some("village_doctors"));
}

#[test]
fn people_served_counted_before_who_they_are_and_what_they_got() {
    let text = "为6.12万名65岁及以上老年人提供免费健康体检,为1.12万名农村妇女免费开展两癌筛查,\
        为120名乡村医生发放补助。";
    let f = extract(text, "平安县2023年基本公共卫生服务工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 61_200.0), Some("elderly_managed"));
    assert_eq!(id_of(&f, 11_200.0), Some("two_cancer_screenings"));
    assert_ne!(id_of(&f, 120.0), Some("village_doctors"));
}

#[test]
fn a_bare_measure_joined_by_he_shares_the_first_measures_words() {
    let text = "全县甲乙类法定报告传染病发病率和死亡率分别为153.21/10万和0.35/10万。";
    let f = extract(text, "平安县2021年卫生健康工作总结", (2022, 1, 8));
    assert_eq!(id_of(&f, 153.21), Some("notifiable_ab_incidence"));
    assert_eq!(id_of(&f, 0.35), Some("notifiable_ab_mortality"));
}

#[test]
fn a_count_of_places_takes_up_those_the_sentence_before_listed() {
    let regions = ["平安县", "乐都县", "互助县", "海东市", "青海省"];
    let text = "截至2022年底,平安县、乐都县、互助县医疗卫生资源稳步增长。\
        三县每千人口执业(助理)医师数分别为2.31人、1.96人和2.45人,每千人口床位数分别为5.8张、6.1张和5.2张。\
        平安县、乐都县、互助县坚持医防融合。两县家庭医生签约率分别为61.2%、58.7%。";
    let f = extract_issued(
        text,
        "海东市三县卫生资源概况",
        (2023, 5, 12),
        "海东市",
        &regions,
    );
    assert_places(
        &f,
        &[
            (2.31, "平安县"),
            (1.96, "乐都县"),
            (2.45, "互助县"),
            (5.8, "平安县"),
            (5.2, "互助县"),
        ],
    );
    assert_eq!(id_of(&f, 1.96), Some("doctors_per_1000"));
    // Two counted where three were listed: no place is guessed.
    assert_ne!(fact(&f, 61.2).region_name.as_deref(), Some("平安县"));
}

#[test]
fn a_period_opened_by_zi_and_closed_by_yilai_dates_no_fact_and_sums_what_was_done() {
    let text = "自2019年启动医共体建设以来,全县组建了3个医共体。\
        2021年以来全县公开招聘医务人员186名。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 8));
    assert_eq!(id_of(&f, 3.0), Some("county_medical_communities"));
    assert_eq!(fact(&f, 3.0).year, Some(2023));
    assert_eq!(fact(&f, 186.0).year, None);
    assert_eq!(fact(&f, 186.0).year_flag, Some(YearFlag::PeriodSum));
}

#[test]
fn a_rate_after_a_clause_naming_months_is_the_parts() {
    let text = "今年1-10月,县域内就诊率92.3%。全年县域内就诊率达到91.6%。";
    let f = extract(text, "平安县2023年卫生健康工作总结", (2023, 12, 20));
    assert_eq!(fact(&f, 92.3).rule, Rule::PartYear);
    assert_eq!(id_of(&f, 91.6), Some("county_consultation_rate"));
}

#[test]
fn funding_per_head_with_the_subsidy_as_its_part_gives_the_subsidy() {
    let text = "新农合人均筹资标准提高到290元,其中各级财政补助240元。";
    let f = extract(text, "平安县2012年新农合工作总结", (2013, 1, 8));
    assert_eq!(
        id_of(&f, 240.0),
        Some("resident_insurance_subsidy_per_capita")
    );
    assert_eq!(id_of(&f, 290.0), None);
    let text = "新农合人均筹资标准570元,其中各级财政人均补助420元。\
        人均筹资600元,其中中央财政补助156元,省财政补助60元。";
    let f = extract(text, "平安县2016年新农合工作总结", (2017, 1, 8));
    assert_eq!(
        id_of(&f, 420.0),
        Some("resident_insurance_subsidy_per_capita")
    );
    assert_eq!(id_of(&f, 570.0), None);
    assert_eq!(id_of(&f, 156.0), None);
    // Alone, the funding per head still names the subsidy (the national list's phrasing).
    let f = extract(
        "新农合人均筹资标准提高到290元。",
        "平安县2012年新农合工作总结",
        (2013, 1, 8),
    );
    assert_eq!(
        id_of(&f, 290.0),
        Some("resident_insurance_subsidy_per_capita")
    );
}

#[test]
fn a_government_reports_main_tasks_for_the_year_are_aims() {
    let text = "二、2021年主要任务\n持续推进健康平安建设。家庭医生签约覆盖率提高到45%。";
    let f = extract(text, "2021年平安县人民政府工作报告", (2021, 1, 25));
    assert_eq!(id_of(&f, 45.0), Some("family_doctor_signing_rate"));
    assert_eq!(fact(&f, 45.0).kind, Kind::Target);
}

#[test]
fn an_institutions_paragraph_keeps_its_sentences_without_a_subject() {
    let text = "县中医院为二级甲等中医医院,开放床位520张。2023年完成门急诊诊疗31.2万人次,\
        出院病人2.06万人次,病床使用率91.8%。\n\
        赤城镇中心卫生院开放床位120张,全年诊疗9.6万人次,病床使用率88.4%。\n\
        2023年,全县医疗卫生机构总诊疗人次达到286.4万人次,出院病人12.95万人次,病床使用率为84.7%。";
    let f = extract(text, "平安县医共体建设情况报告", (2024, 1, 20));
    for v in [20_600.0, 91.8, 96_000.0, 88.4] {
        assert_eq!(id_of(&f, v), None, "{v}");
    }
    assert_eq!(id_of(&f, 312_000.0), None);
    assert_eq!(id_of(&f, 129_500.0), Some("discharges"));
    // Only the sentence right after; a rate is never a hospital's stock.
    let text = "县人民医院新增床位100张,开放床位600张。全年总诊疗人次达到286.4万人次。\
        家庭医生签约率达到65%。";
    let g = extract(text, "平安县2023年卫生健康工作总结", (2024, 1, 20));
    assert_eq!(id_of(&g, 2_864_000.0), Some("total_visits"));
    assert_eq!(id_of(&g, 65.0), Some("family_doctor_signing_rate"));
    assert_eq!(id_of(&f, 84.7), Some("bed_occupancy_rate"));
    assert_eq!(id_of(&f, 2_864_000.0), Some("total_visits"));
}

#[test]
fn kinds_listed_before_ge_and_one_count_have_that_count_each() {
    let text = "全县共有疾病预防控制中心、妇幼保健院、卫生监督所各1个。";
    let f = extract(text, "平安县2016年卫生工作情况", (2017, 1, 20));
    let mut ids: Vec<&str> = f.iter().filter_map(|g| g.indicator_id.as_deref()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "cdc_centers",
            "health_supervision_institutions",
            "mch_institutions"
        ]
    );
    let text = "全县乡镇卫生院、社区卫生服务中心各设立1个家庭医生工作室。";
    let f = extract(text, "平安县2016年卫生工作情况", (2017, 1, 20));
    assert_eq!(id_of(&f, 1.0), None);
}

#[test]
fn lists_and_totals_after_semicolons_read_as_written() {
    let text = "2016年全县共有医疗卫生机构168个,其中乡镇卫生院12所,村卫生室110个;全县实有床位1612张。\
        医院病床周转次数为38.2次。\
        平安县、乐都县参合率分别为98.6%、97.9%,参合人数分别为35.2万人、39.8万人。\
        乡镇卫生院诊疗28.6万人次,村卫生室诊疗17.3万人次。\
        力争高血压、糖尿病患者规范管理率均达到70%以上。";
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let f = extract_issued(
        text,
        "海东市2016年卫生工作情况",
        (2017, 1, 20),
        "海东市",
        &regions,
    );
    assert_eq!(id_of(&f, 1612.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 38.2), Some("bed_turnover"));
    assert_eq!(id_of(&f, 398_000.0), Some("ncms_participants"));
    assert_eq!(fact(&f, 398_000.0).region_name.as_deref(), Some("乐都县"));
    assert_eq!(id_of(&f, 286_000.0), Some("township_hc_visits"));
    assert_eq!(id_of(&f, 173_000.0), Some("village_clinic_visits"));
    let rates: Vec<&str> = f
        .iter()
        .filter(|g| g.value == 70.0)
        .filter_map(|g| g.indicator_id.as_deref())
        .collect();
    assert!(
        rates.contains(&"hypertension_standard_mgmt_rate"),
        "{rates:?}"
    );
    assert!(rates.contains(&"diabetes_standard_mgmt_rate"), "{rates:?}");
}

#[test]
fn an_inspections_counts_of_institutions_are_none_of_their_stock() {
    let text = "检查发现,4家民营医院存在诱导住院问题,8家乡镇卫生院存在分解住院行为。\
        约谈8家医疗机构负责人,暂停2家民营医院医保服务协议,解除3家村卫生室医保定点资格。\
        2022年全县医院出院者平均住院日7.6日。";
    let f = extract(text, "平安县2019年医保基金专项检查情况报告", (2019, 6, 8));
    for v in [4.0, 8.0, 2.0, 3.0] {
        assert!(
            f.iter()
                .filter(|g| g.value == v)
                .all(|g| g.indicator_id.is_none()),
            "{v}"
        );
    }
    assert_eq!(id_of(&f, 7.6), Some("avg_length_of_stay"));
}

#[test]
fn a_citys_list_of_counties_with_he_in_a_name_and_its_whole_area_after_them() {
    let regions = ["民和县", "互助县", "化隆县", "海东市", "青海省"];
    let text = "民和县、互助县、化隆县每千人口床位数分别为5.6张、6.2张、4.9张;\
        每千人口执业(助理)医师数分别为1.96人、2.17人、1.74人。\
        指导民和县、化隆县补齐资源短板,力争2021年全市每千人口床位数达到6.8张。";
    let f = extract_issued(
        text,
        "海东市2020年卫生健康工作综述",
        (2021, 2, 1),
        "海东市",
        &regions,
    );
    assert_places(
        &f,
        &[
            (5.6, "民和县"),
            (6.2, "互助县"),
            (4.9, "化隆县"),
            (2.17, "互助县"),
            (1.74, "化隆县"),
            (6.8, "海东市"),
        ],
    );
}

#[test]
fn a_county_opening_a_sentence_holds_the_one_joined_to_it_by_a_semicolon() {
    let regions = ["平安区", "乐都区", "海东市", "青海省"];
    let text = "乐都区全年总诊疗人次达到312.6万人次;出院病人5.87万人次,病床使用率为86.5%。\
        全市出院病人21.3万人次。";
    let f = extract_issued(
        text,
        "海东市2021年卫生健康工作综述",
        (2022, 2, 1),
        "海东市",
        &regions,
    );
    for v in [58_700.0, 86.5] {
        assert_eq!(fact(&f, v).region_name.as_deref(), Some("乐都区"), "{v}");
    }
    assert_eq!(fact(&f, 213_000.0).region_name.as_deref(), Some("海东市"));
}

#[test]
fn a_half_years_rates_age_groups_poor_patients_and_inspections_fill_no_years_cell() {
    let text = "上半年,全县高血压患者规范管理率52.6%,老年人健康管理率41.5%。\
        全年下达基本公共卫生服务补助资金4265万元。";
    let f = extract(
        text,
        "平安县2024年上半年基本公共卫生服务项目进展情况",
        (2024, 7, 10),
    );
    assert_eq!(fact(&f, 52.6).rule, Rule::PartYear);
    assert_eq!(fact(&f, 41.5).rule, Rule::PartYear);
    assert_eq!(id_of(&f, 42_650_000.0), Some("basic_phs_funds"));
    let text = "65岁及以上老年人家庭医生签约1.62万人,签约率70.1%。\
        全年贫困患者住院5.8万人次,住院费用政策范围内报销比例达到90.6%。\
        查处违规医疗机构7家。全县家庭医生签约率45.2%。";
    let f = extract(text, "平安县2022年卫生健康工作总结", (2023, 1, 10));
    let h = extract(
        "全县65岁以上老年人家庭医生签约7.94万人,签约率77.8%。",
        "平安县2022年卫生健康工作总结",
        (2023, 1, 10),
    );
    assert_eq!(id_of(&h, 79_400.0), None);
    let g = extract(
        "65岁及以上老年人签约率达到80%,总签约率45.6%。",
        "平安县2022年卫生健康工作总结",
        (2023, 1, 10),
    );
    assert_eq!(id_of(&g, 45.6), Some("family_doctor_signing_rate"));
    for v in [16_200.0, 70.1, 90.6, 7.0] {
        assert_eq!(id_of(&f, v), None, "{v}");
    }
    assert_eq!(id_of(&f, 45.2), Some("family_doctor_signing_rate"));
}

#[test]
fn a_value_beside_the_standard_it_is_measured_against_is_the_measures() {
    let text = "序号 指标名称 标准值 本县实际值 是否达标 6 婴儿死亡率 ≤7.5‰ 2.86‰ 达标 \
        9 每千常住人口执业(助理)医师数 ≥2.5人 2.58人 达标";
    let f = extract(text, "平安县健康促进县建设工作自评报告", (2019, 10, 1));
    assert_eq!(id_of(&f, 2.86), Some("infant_mortality_rate"));
    assert_eq!(fact(&f, 2.86).kind, Kind::Actual);
    // An assessment's yardstick (标准值) is no aim of the county's.
    assert_eq!(id_of(&f, 7.5), None);
    assert_eq!(id_of(&f, 2.58), Some("doctors_per_1000"));
    assert_eq!(id_of(&f, 2.5), None);
    // A target value (目标值) with the same phrase before both is the aim.
    let f = extract(
        "指标名称 年度目标值 实际完成值 家庭医生签约服务覆盖率 ≥45% 47.2% 完成",
        "平安县卫生健康局2022年度部门整体支出绩效自评报告",
        (2023, 4, 18),
    );
    assert_eq!(fact(&f, 47.2).kind, Kind::Actual);
    assert_eq!(fact(&f, 45.0).kind, Kind::Target);
}

#[test]
fn counties_listed_by_short_names_before_their_count_take_their_values() {
    let regions = ["平安县", "乐都县", "互助县", "海东市", "青海省"];
    let text = "平安、乐都、互助三县高血压患者规范管理率分别达到68.4%、65.1%和63.9%。";
    let f = extract_issued(
        text,
        "海东市2021年卫生健康工作综述",
        (2022, 2, 1),
        "海东市",
        &regions,
    );
    for (v, place) in [(68.4, "平安县"), (65.1, "乐都县"), (63.9, "互助县")] {
        assert_eq!(fact(&f, v).region_name.as_deref(), Some(place), "{v}");
        assert_eq!(id_of(&f, v), Some("hypertension_standard_mgmt_rate"), "{v}");
    }
}

#[test]
fn in_a_provinces_release_the_county_named_before_holds_gaixian_and_quanxian() {
    let regions = ["平安县", "乐都县", "海东市", "青海省"];
    let text = "以平安县为例,近年来持续推进县域医共体建设。\
        该县组建2个医共体,全县15个乡镇卫生院全部纳入。全省县域内就诊率达到90.6%。";
    let f = extract_issued(
        text,
        "青海省紧密型县域医共体建设取得新进展",
        (2023, 6, 1),
        "青海省",
        &regions,
    );
    assert_eq!(fact(&f, 2.0).region_name.as_deref(), Some("平安县"));
    assert_eq!(fact(&f, 15.0).region_name.as_deref(), Some("平安县"));
    assert_ne!(fact(&f, 90.6).region_name.as_deref(), Some("平安县"));
}

#[test]
fn a_year_compared_with_dates_no_sentence_after_it() {
    let text = "截至9月底,全县家庭医生签约服务覆盖率为58.2%,比2023年底的55.1%提高3.1个百分点;\
        重点人群签约覆盖率为82.4%。";
    let f = extract(text, "平安县2024年家庭医生签约服务工作进展", (2024, 10, 10));
    assert_eq!(fact(&f, 55.1).year, Some(2023));
    assert_eq!(fact(&f, 82.4).year, Some(2024));
}

#[test]
fn a_zero_opening_a_list_of_rates_is_its_measures() {
    let text = "全县孕产妇死亡率、婴儿死亡率、5岁以下儿童死亡率分别为0、3.05‰和4.21‰,\
        孕产妇住院分娩率99.8%。";
    let f = extract(text, "平安县2022年妇幼健康工作报告", (2023, 1, 10));
    assert_eq!(id_of(&f, 0.0), Some("maternal_mortality_rate"));
    assert_eq!(id_of(&f, 3.05), Some("infant_mortality_rate"));
    assert_eq!(id_of(&f, 4.21), Some("under5_mortality_rate"));
    assert_eq!(fact(&f, 0.0).unit.as_str(), "per_100k");
}

#[test]
fn a_review_put_online_early_next_year_counts_jinnian_from_its_own_year() {
    let text = "今年以来,全县投入卫生健康项目资金1.2亿元。明年将新建村卫生室12个。";
    let review = extract(text, "平安县卫生健康局2023年工作总结", (2024, 1, 10));
    assert_eq!(fact(&review, 120_000_000.0).year, Some(2023));
    assert_eq!(fact(&review, 12.0).year, Some(2024));
    // A summary with next year's plan in its title, or a news item, counts from its publication.
    let with_plan = extract(
        text,
        "平安县卫生健康局2023年工作总结和2024年工作计划",
        (2024, 1, 10),
    );
    assert_eq!(fact(&with_plan, 120_000_000.0).year, Some(2024));
    let news = extract(text, "平安县卫生健康工作综述", (2024, 1, 10));
    assert_eq!(fact(&news, 120_000_000.0).year, Some(2024));
}

#[test]
fn a_bare_count_of_enrolees_is_the_scheme_named_before_it() {
    let text = "全县城乡居民基本医疗保险参保率达98.5%,参保人数45.2万人。\
        职工医保参保率97%,参保人数6.1万人。全县基本医疗保险参保率99%,全县参保人数51.3万人。";
    let f = extract(text, "平安县医疗保障局2023年工作总结", (2023, 12, 20));
    assert_eq!(id_of(&f, 452_000.0), Some("resident_insurance_enrollees"));
    assert_eq!(id_of(&f, 61_000.0), Some("employee_insurance_enrollees"));
    assert_eq!(id_of(&f, 513_000.0), Some("basic_insurance_enrollees"));
}

#[test]
fn who_the_people_counted_are_may_stand_between_measure_and_count() {
    let text = "全县参加新型农村合作医疗的农民达到38.6万人,参合率98.2%。\
        全县参加新型农村合作医疗的乡镇达到16个。";
    let f = extract(text, "平安县2012年新农合工作总结", (2012, 12, 10));
    assert_eq!(id_of(&f, 386_000.0), Some("ncms_participants"));
    assert_eq!(id_of(&f, 16.0), None);
}

#[test]
fn in_an_article_on_a_towns_centre_the_county_named_holds_its_sentence() {
    let text = "古田镇中心卫生院现开放床位80张。卫生院还指导辖区19个村卫生室开展基本公共卫生服务。\n\
        据了解,平安县现有乡镇卫生院22家,其中达到服务能力推荐标准的有6家。";
    let f = extract(
        text,
        "古田镇中心卫生院:守护群众健康的家门口好医院",
        (2023, 6, 20),
    );
    assert_eq!(id_of(&f, 19.0), None);
    assert_eq!(id_of(&f, 22.0), Some("township_health_centers"));
}

#[test]
fn what_stands_now_in_a_mid_year_item_is_of_the_time_of_writing() {
    let text = "2022年,该院门急诊人次达5.6万人次。\n\
        据了解,全县现有乡镇卫生院22家。";
    let f = extract(text, "平安县基层卫生服务能力持续提升", (2023, 6, 20));
    assert_eq!(fact(&f, 22.0).year, Some(2023));
    // Early in a year, a report's stock still looks back on the year before.
    let f = extract(text, "平安县基层卫生服务能力持续提升", (2023, 1, 6));
    assert_eq!(fact(&f, 22.0).year, Some(2022));
}

#[test]
fn a_sentence_aiming_for_the_whole_year_dates_its_aims_by_the_year_of_writing() {
    let text = "下半年将继续加大工作力度,确保全年老年人健康管理率达到65%以上,\
        电子健康档案建档率稳定在90%以上。";
    let f = extract(
        text,
        "平安县上半年基本公共卫生服务项目扎实推进",
        (2023, 7, 20),
    );
    for v in [65.0, 90.0] {
        assert_eq!(fact(&f, v).kind, Kind::Target, "{v}");
        assert_eq!(fact(&f, v).year, Some(2023), "{v}");
    }
}

#[test]
fn a_sentence_opening_with_months_times_every_rate_in_it() {
    let text = "今年1至11月,全县县域内就诊率达到90.6%,县域内住院人次占比达到86%。\
        全县共有全科医生87名。";
    let f = extract(text, "平安县县域医共体建设成效明显", (2023, 12, 21));
    assert_eq!(fact(&f, 90.6).rule, Rule::PartYear);
    assert_eq!(fact(&f, 86.0).rule, Rule::PartYear);
    assert_eq!(id_of(&f, 87.0), Some("general_practitioners"));
}

#[test]
fn what_recent_years_summed_up_is_no_one_years() {
    let text = "近年来,全县累计投入资金1.2亿元,用于乡镇卫生院标准化建设。\
        近年来,全县家庭医生签约率稳步提高,达到52%。";
    let f = extract(text, "平安县县域医共体建设成效明显", (2023, 12, 21));
    assert_eq!(fact(&f, 120_000_000.0).year_flag, Some(YearFlag::PeriodSum));
    assert_eq!(fact(&f, 52.0).year, Some(2023));
}

#[test]
fn a_plans_paragraph_on_the_year_gone_by_states_what_was_reached() {
    let text = "2023年,全县卫生健康系统较好完成了全年目标任务。截至2023年底,全县共有医疗卫生机构268个;\
        实有床位1685张,每千人口床位5.12张。全年总诊疗人次98.6万人次,家庭医生签约服务覆盖率41.2%。\n\
        2024年全县卫生健康工作主要目标:全县医疗卫生机构床位数达到1750张,家庭医生签约服务覆盖率稳定在42%以上。";
    let f = extract(text, "平安县2024年卫生健康工作要点", (2024, 3, 8));
    for v in [268.0, 1685.0, 5.12, 986_000.0, 41.2] {
        assert_eq!(
            (fact(&f, v).kind, fact(&f, v).year),
            (Kind::Actual, Some(2023)),
            "{v}"
        );
    }
    for v in [1750.0, 42.0] {
        assert_eq!(
            (fact(&f, v).kind, fact(&f, v).year),
            (Kind::Target, Some(2024)),
            "{v}"
        );
    }
}

#[test]
fn a_speech_at_a_years_work_conference_reviews_the_year_before() {
    let text = "在2024年全县卫生健康工作会议上的讲话\n同志们:\n一、充分肯定过去一年取得的成绩\n\
        (一)公共卫生服务扎实有效。家庭医生签约服务覆盖率达到42.3%,全县组建家庭医生团队356个。\n\
        二、扎实做好2024年重点工作\n全县家庭医生签约服务覆盖率达到45%以上。";
    let f = extract(text, "在2024年全县卫生健康工作会议上的讲话", (2024, 2, 26));
    assert_eq!(fact(&f, 42.3).year, Some(2023));
    assert_eq!(fact(&f, 356.0).year, Some(2023));
    assert_eq!(
        (fact(&f, 45.0).kind, fact(&f, 45.0).year),
        (Kind::Target, Some(2024))
    );
}

#[test]
fn an_aims_count_of_the_institutions_it_works_on_is_no_aim_for_their_number() {
    let text = "力争年内实现14个乡镇卫生院检验、影像、心电“三大中心”全覆盖,完成6个乡镇卫生院周转房建设。\
        力争推动15个乡镇卫生院中至少5个达到服务能力推荐标准。到2025年,全县乡镇卫生院达到16个,\
        建成2个县域医疗次中心。";
    let f = extract(text, "平安县2024年卫生健康工作要点", (2024, 3, 8));
    for v in [14.0, 6.0, 15.0] {
        assert_eq!(id_of(&f, v), None, "{v}");
    }
    assert_ne!(id_of(&f, 5.0), Some("township_health_centers"));
    assert_eq!(id_of(&f, 16.0), Some("township_health_centers"));
}

#[test]
fn a_research_reports_sample_gap_and_recommendations_are_no_stock_nor_investment() {
    let text = "调研组深入10个乡镇,实地走访乡镇卫生院15个、村卫生室42个。\
        全县基层医疗卫生机构标准化建设尚需投入2.3亿元。\
        建议城乡居民医保参保率稳定在95%以上。";
    let f = extract(
        text,
        "关于平安县基层医疗卫生服务体系建设情况的调研报告",
        (2024, 5, 17),
    );
    assert_eq!(id_of(&f, 15.0), None);
    assert_eq!(id_of(&f, 42.0), None);
    assert_eq!(id_of(&f, 230_000_000.0), None);
    assert_eq!(fact(&f, 95.0).kind, Kind::Target);
    // Proposals handled are counted, not aimed for.
    let f = extract(
        "全年办理人大代表建议36件。",
        "平安县2023年工作总结",
        (2024, 1, 5),
    );
    assert_eq!(fact(&f, 36.0).kind, Kind::Actual);
}

#[test]
fn a_plans_present_stock_a_dated_level_and_a_periods_money() {
    let text = "二、发展目标\n全县现有家庭医生团队168个,到2026年达到200个以上。\
        2024—2026年计划投入医共体能力建设资金1.2亿元。";
    let f = extract(
        text,
        "平安县紧密型县域医共体建设实施方案(2024—2026年)",
        (2024, 4, 12),
    );
    assert_eq!(fact(&f, 168.0).kind, Kind::Actual);
    assert_eq!(fact(&f, 200.0).kind, Kind::Target);
    assert_eq!(fact(&f, 120_000_000.0).year_flag, Some(YearFlag::PeriodSum));
    // 提高到2023年的89.2%: a level of the year of writing, not a deadline.
    let text = "县域内就诊率由2020年的78.5%提高到2023年的89.2%。";
    let f = extract(text, "平安县医共体建设成效", (2023, 12, 20));
    assert_eq!(
        (fact(&f, 89.2).kind, fact(&f, 89.2).year),
        (Kind::Actual, Some(2023))
    );
}

#[test]
fn a_hospital_first_in_the_county_holds_its_beds_and_helped_centres_are_no_stock() {
    let text = "平安县人民医院通过三级综合医院评审,成为全县首家三级医院,实际开放床位1020张。\
        协作资金重点支持县人民医院胸痛中心建设和8个乡镇卫生院医疗设备更新。\
        全县实有床位3260张,乡镇卫生院22个。";
    let f = extract(text, "平安县医疗服务能力整体跃升", (2023, 12, 20));
    assert_eq!(id_of(&f, 1020.0), None);
    assert_eq!(id_of(&f, 8.0), None);
    assert_eq!(id_of(&f, 3260.0), Some("hospital_beds"));
    assert_eq!(id_of(&f, 22.0), Some("township_health_centers"));
}

#[test]
fn a_wider_area_opening_a_sentence_holds_its_later_clauses() {
    let regions = ["平安县", "海东市", "青海省"];
    let text = "海东市2021年居民健康素养水平为23.8%,每千人口医疗卫生机构床位数7.46张。\
        全县每千人口医疗卫生机构床位数7.12张。";
    let f = extract_issued(
        text,
        "平安县卫生健康事业发展综述",
        (2022, 3, 1),
        "平安县",
        &regions,
    );
    assert_places(&f, &[(7.46, "海东市"), (7.12, "平安县")]);
    assert!(fact(&f, 7.46).region_subject);
}

#[test]
fn one_schemes_fund_named_before_a_bare_fund_spending_holds_it() {
    let text = "城乡居民医保基金收入9.86亿元,基金支出9.42亿元。全年全县医保基金支出合计12.43亿元。\
        城乡居民基本医疗保险参保率稳定在95%以上,全年医保基金支出31.6亿元。";
    let f = extract(text, "平安县医疗保障局2023年工作总结", (2024, 1, 10));
    assert_eq!(id_of(&f, 942_000_000.0), None);
    assert_eq!(
        id_of(&f, 1_243_000_000.0),
        Some("insurance_fund_expenditure")
    );
    assert_eq!(
        id_of(&f, 3_160_000_000.0),
        Some("insurance_fund_expenditure")
    );
}

#[test]
fn what_a_five_year_plans_years_summed_is_no_one_years_and_one_cancer_is_not_two() {
    let text = "“十三五”以来,全县累计投入县域医疗卫生服务能力建设资金4.28亿元。\
        全年完成宫颈癌筛查1.82万人、乳腺癌筛查1.76万人。";
    let f = extract(text, "平安县卫生健康工作情况报告", (2021, 9, 1));
    assert_eq!(fact(&f, 428_000_000.0).year_flag, Some(YearFlag::PeriodSum));
    assert_eq!(id_of(&f, 18_200.0), None);
    assert_eq!(id_of(&f, 17_600.0), None);
}

#[test]
fn a_heading_of_the_years_plans_opens_its_aims_and_tenths_are_percents() {
    let text = "三、2023年主要成效\n县域内就诊率近九成,家庭医生签约服务覆盖率超过四成。\n\
        四、2024年工作谋划\n家庭医生签约服务覆盖率达到45%以上。";
    let f = extract(text, "平安县卫生健康局2023年工作总结", (2023, 12, 28));
    assert_eq!(
        (fact(&f, 90.0).kind, fact(&f, 90.0).unit.as_str()),
        (Kind::Actual, "percent")
    );
    assert_eq!(id_of(&f, 40.0), Some("family_doctor_signing_rate"));
    assert_eq!(
        (fact(&f, 45.0).kind, fact(&f, 45.0).year),
        (Kind::Target, Some(2024))
    );
}

#[test]
fn a_provinces_figures_quoted_in_a_countys_report_hold_their_sentence() {
    let text = "答:2023年,全省人均预期寿命达到82.61岁,每千人口执业(助理)医师3.72人。\n\
        我县人均预期寿命为82.90岁,每千人口执业(助理)医师3.41人。";
    let f = extract(text, "平安县2023年卫生健康工作新闻发布会", (2024, 1, 18));
    // (An age no measure names is no fact at all.)
    assert!(
        f.iter()
            .all(|x| x.value != 82.61 || x.indicator_id.is_none())
    );
    assert_eq!(id_of(&f, 3.72), None);
    assert_eq!(id_of(&f, 82.9), Some("life_expectancy"));
    assert_eq!(id_of(&f, 3.41), Some("doctors_per_1000"));
    // In a province's own report, 全省 is the province, even in a section on one of its counties.
    let regions = ["平安县", "海东市", "青海省"];
    let text = "平安县:深化医改\n平安县2023年县域内就诊率达到92.3%。\
        省卫健委负责人表示,确保2025年全省县域内就诊率稳定在90%以上。";
    let f = extract_issued(
        text,
        "我省医共体建设取得新成效",
        (2024, 2, 1),
        "青海省",
        &regions,
    );
    assert_places(&f, &[(92.3, "平安县"), (90.0, "青海省")]);
    assert_eq!(id_of(&f, 90.0), Some("county_consultation_rate"));
}

#[test]
fn a_half_years_hires_and_plans_for_the_second_half_are_no_years() {
    let text = "上半年公开招聘医务人员46名,引进硕士研究生5名,招录农村订单定向医学生12名。\
        下半年计划再招聘医务人员60名。";
    let f = extract(text, "平安县卫生健康局2024年上半年工作总结", (2024, 7, 10));
    for v in [46.0, 12.0, 60.0] {
        assert_eq!(fact(&f, v).rule, Rule::PartYear, "{v}");
    }
}

#[test]
fn a_hiring_notice_and_a_projects_rows_give_no_stock() {
    let text = "平安县人民医院现有开放床位620张,在职职工860人。\n\
        序号 | 岗位 | 招聘人数\n01 | 临床医师 | 18\n04 | 护士 | 6\n";
    let f = extract(
        text,
        "平安县人民医院2024年公开招聘工作人员公告",
        (2024, 3, 1),
    );
    for v in [620.0, 860.0, 18.0, 6.0] {
        let _ = fact(&f, v);
    }
    assert!(f.iter().all(|x| x.indicator_id.is_none()), "{f:#?}");
    let text = "序号 | 项目 | 计划 | 完成\n1 | 新建标准化村卫生室 | 20个 | 12个\n\
        2 | 乡镇卫生院中医馆建设 | 5个 | 3个\n\n其中村卫生室建设项目12个已完成主体工程。";
    let f = extract(text, "平安县2024年民生实事项目进展情况", (2024, 7, 5));
    for v in [20.0, 12.0, 5.0, 3.0] {
        let _ = fact(&f, v);
        assert!(
            f.iter().filter(|x| x.value == v).all(|x| !matches!(
                x.indicator_id.as_deref(),
                Some("village_clinics" | "township_health_centers")
            )),
            "{v}"
        );
    }
}

#[test]
fn a_bare_incidence_is_the_disease_its_list_item_names() {
    let text = "全县共报告甲乙类法定传染病12种1136例,报告发病率247.66/10万。\n\
        1. 病毒性肝炎:报告412例,发病率89.82/10万。\n\
        3. 肺结核:报告168例,发病率36.62/10万。";
    let f = extract(text, "平安县2023年传染病疫情分析", (2024, 2, 1));
    assert_eq!(id_of(&f, 247.66), Some("notifiable_ab_incidence"));
    assert_eq!(id_of(&f, 89.82), None);
    assert_eq!(id_of(&f, 36.62), Some("tb_incidence"));
}

#[test]
fn one_class_of_notifiable_diseases_has_no_measure_of_its_own() {
    let text = "累计报告肺结核196例,报告发病率为22.60/10万。\
        乙类传染病:共报告8种213例,报告发病率为24.56/10万。全县甲乙类传染病报告发病率为25.1/10万。";
    let f = extract(text, "平安县2024年传染病疫情分析", (2025, 2, 6));
    assert_eq!(id_of(&f, 22.6), Some("tb_incidence"));
    assert_eq!(id_of(&f, 24.56), None);
    assert_eq!(id_of(&f, 25.1), Some("notifiable_ab_incidence"));
}

#[test]
fn institutions_members_and_one_hospital_described_in_brackets_are_no_stock() {
    let text = "县人民医院医共体共有成员单位18家,包括乡镇卫生院15家、社区卫生服务中心3家,\
        覆盖村卫生室186个。全县有中医医院1家(县中医院,二级甲等,编制床位300张,开放床位420张)。\
        全县共有乡镇卫生院29家。";
    let f = extract(text, "平安县医共体建设综述", (2024, 5, 6));
    for v in [15.0, 3.0, 186.0, 300.0, 420.0] {
        assert_eq!(id_of(&f, v), None, "{v}");
    }
    assert_eq!(id_of(&f, 29.0), Some("township_health_centers"));
}

#[test]
fn the_level_compared_with_and_the_value_reached_beside_an_aim_are_the_measures() {
    let text = "2023年,全县医疗卫生机构实有床位5840张,较2022年的5502张增加338张;\
        总诊疗人次470.1万人次,较2022年的452.3万人次增长3.9%。\n\
        家庭医生签约服务覆盖率:目标值40%,完成值42.3%\n";
    let f = extract(text, "平安县2023年卫生健康事业发展情况", (2024, 3, 1));
    assert_eq!(
        (id_of(&f, 5502.0), fact(&f, 5502.0).year),
        (Some("hospital_beds"), Some(2022))
    );
    assert_eq!(id_of(&f, 4_523_000.0), Some("total_visits"));
    assert_eq!(id_of(&f, 338.0), None);
    assert_eq!(
        (id_of(&f, 40.0), fact(&f, 40.0).kind),
        (Some("family_doctor_signing_rate"), Kind::Target)
    );
    assert_eq!(
        (id_of(&f, 42.3), fact(&f, 42.3).kind),
        (Some("family_doctor_signing_rate"), Kind::Actual)
    );
}

#[test]
fn a_review_titled_in_chinese_digits_or_named_a_state_of_work_counts_jinnian_from_its_year() {
    let text = "今年,全县新农合参合率达到96.8%。";
    let f = extract(text, "平安县卫生局二〇〇九年工作总结", (2010, 1, 15));
    assert_eq!(fact(&f, 96.8).year, Some(2009));
    let text = "今年新建的县托育综合服务中心投入资金860万元。";
    let f = extract(
        text,
        "平安县2023年人口与家庭发展及托育服务工作情况",
        (2024, 2, 5),
    );
    assert_eq!(fact(&f, 8_600_000.0).year, Some(2023));
}

#[test]
fn review_mends_a_place_after_the_province_a_ranked_disease_and_a_plans_whole_year() {
    // A county named after the province's clause holds its own figure.
    let text = "2023年,全省深入推进医共体建设,平安县县域内就诊率达到91.2%。";
    let f = extract(text, "平安县医共体建设情况", (2024, 1, 20));
    assert_eq!(id_of(&f, 91.2), Some("county_consultation_rate"));
    // A disease in a ranking names no rate after it.
    let text =
        "全县报告甲乙类传染病1136例,居前三位的是病毒性肝炎、梅毒、肺结核,报告发病率为178.6/10万。";
    let f = extract(text, "平安县2023年传染病疫情分析", (2024, 2, 1));
    assert_ne!(id_of(&f, 178.6), Some("tb_incidence"));
    // A plan put online late in the year before aims 全年 at its own year.
    let text = "确保全年家庭医生签约率达到45%。";
    let f = extract(text, "平安县2024年卫生健康工作要点", (2023, 12, 28));
    assert_eq!(
        (fact(&f, 45.0).kind, fact(&f, 45.0).year),
        (Kind::Target, Some(2024))
    );
    // A plan's 现有 after a verb works on them; one opening the clause is what there is.
    let text =
        "二、2024年主要任务\n将现有5个乡镇卫生院提升为中心卫生院。全县现有家庭医生团队168个。";
    let f = extract(text, "平安县2024年卫生健康工作要点", (2024, 2, 1));
    assert_ne!(
        (id_of(&f, 5.0), fact(&f, 5.0).kind),
        (Some("township_health_centers"), Kind::Actual)
    );
    assert_eq!(fact(&f, 168.0).kind, Kind::Actual);
}

#[test]
fn a_period_after_the_money_and_each_years_money_in_a_period() {
    // The period named after the amount (not a sum of it), and an amount for each year.
    let text = "计划投入资金1.2亿元,用于2024—2026年医共体建设。\
        2024—2026年,每年安排资金1000万元。";
    let f = extract(text, "平安县医共体建设实施方案(2024—2026年)", (2024, 4, 12));
    assert_ne!(fact(&f, 10_000_000.0).year_flag, Some(YearFlag::PeriodSum));
    let _ = fact(&f, 120_000_000.0);
}

#[test]
fn in_a_town_article_a_county_named_in_an_earlier_clause_does_not_take_the_towns_figure() {
    let text = "在平安县卫健局支持下,镇卫生院指导辖区村卫生室达到19个。\
        据了解,平安县现有乡镇卫生院22家。";
    let f = extract(
        text,
        "古田镇中心卫生院:守护群众健康的家门口好医院",
        (2023, 6, 20),
    );
    assert_eq!(id_of(&f, 19.0), None);
    assert_eq!(id_of(&f, 22.0), Some("township_health_centers"));
}

#[test]
fn a_chronicle_states_year_end_counts_and_counts_set_anew() {
    let text = "第一节 医疗机构\n1992年,全县乡镇卫生院由原来的38所调整为30所。\
        至2010年末,全县共有医疗卫生机构378个,实有床位1686张。";
    let f = extract_dated(text, "平安县志(1990—2010)", None, "平安县", &["平安县"]);
    assert_eq!(id_of(&f, 30.0), Some("township_health_centers"));
    assert_eq!(fact(&f, 30.0).year, Some(1992));
    // The count it came from is of no year the sentence gives.
    assert_ne!(fact(&f, 38.0).year, Some(1992));
    for v in [378.0, 1686.0] {
        assert_eq!(
            (fact(&f, v).kind, fact(&f, v).year),
            (Kind::Actual, Some(2010)),
            "{v}"
        );
    }
}

#[test]
fn a_mid_year_progress_report_on_annual_tasks() {
    let text = "二、农村适龄妇女两癌筛查\n全年目标任务:完成农村适龄妇女宫颈癌和乳腺癌筛查8000人。\n\
        推进情况:截至6月底,已完成筛查3215人。\n\
        三、家庭医生签约服务\n推进情况:截至6月底,常住人口签约率40.2%。\
        今年人均基本公共卫生服务经费补助标准提高到94元。";
    let f = extract(text, "平安县2024年民生实事上半年推进情况报告", (2024, 7, 8));
    assert_eq!(id_of(&f, 8000.0), Some("two_cancer_screenings"));
    assert_eq!(
        (fact(&f, 8000.0).kind, fact(&f, 8000.0).year),
        (Kind::Target, Some(2024))
    );
    assert_eq!(fact(&f, 3215.0).kind, Kind::Actual);
    // A subsidy per head is the year's rate, not money spent in the half year.
    assert_eq!(id_of(&f, 94.0), Some("basic_phs_subsidy_per_capita"));
    assert_eq!(fact(&f, 94.0).year, Some(2024));
}

#[test]
fn a_reply_to_a_deputy_speaks_of_the_village_asked_about() {
    let text = "全县共有乡村医生213名。您所在的兴隆镇龙凤村卫生室现有乡村医生2名,\
        2023年诊疗人次约3400人次。";
    let f = extract(
        text,
        "关于县十八届人大三次会议第0467号建议的答复",
        (2024, 6, 18),
    );
    assert_eq!(id_of(&f, 213.0), Some("village_doctors"));
    for v in [2.0, 3400.0] {
        assert_eq!(fact(&f, v).rule, Rule::Town, "{v}");
    }
}

#[test]
fn a_share_after_a_parts_count_and_a_quoted_standard_are_named() {
    let text = "全县总诊疗人次203.5万人次,其中基层医疗卫生机构诊疗人次112.4万人次,占比55.7%。\
        全县32个乡镇卫生院中,有18家达到“优质服务基层行”服务能力基本标准。\
        全县卫生健康支出3.2亿元,占比8.1%。全县培训乡村医生300人,定向培养医学生27名。";
    let f = extract(text, "平安县卫生健康局2023年工作总结", (2024, 1, 10));
    assert_eq!(id_of(&f, 55.7), Some("primary_care_visit_share"));
    let other = extract(
        "基层医疗卫生机构诊疗人次112.4万人次,其中中医诊疗人次26.5万人次,占比23.6%。",
        "平安县卫生健康局2023年工作总结",
        (2024, 1, 10),
    );
    assert_eq!(id_of(&other, 23.6), None);
    assert_eq!(id_of(&f, 8.1), Some("fiscal_health_share"));
    assert_eq!(id_of(&f, 18.0), Some("thc_basic_standard"));
    // 培养 in the hires' own name sends no one; 培训 before a stock's noun does.
    assert_eq!(id_of(&f, 27.0), Some("staff_recruited"));
    assert_eq!(id_of(&f, 300.0), None);
}

#[test]
fn a_districts_report_names_a_citys_hospital_and_investors_promises() {
    let text = "成都市第三人民医院平安院区、区中医医院迁建项目加快推进,区中医医院迁建项目总投资6.8亿元。\
        引进生物医药和医疗器械企业17家,协议总投资42亿元。\
        总投资3.6亿元的区人民医院新院区主体完工,设计床位800张。\
        全区11个街道均建成至少1家社区卫生服务中心。";
    let f = extract_issued(
        text,
        "平安区卫生健康局2023年工作总结",
        (2024, 2, 2),
        "平安区",
        &["平安区", "成都市"],
    );
    // The city named in a hospital's name is not where the project is.
    assert_eq!(fact(&f, 6.8e8).region_name.as_deref(), Some("平安区"));
    assert_eq!(id_of(&f, 6.8e8), Some("health_investment"));
    // What investors signed for is no money put into health.
    assert_eq!(id_of(&f, 42e8), None);
    // A project's designed beds, and each street's one centre, are no stock.
    assert_eq!(id_of(&f, 800.0), None);
    assert_ne!(id_of(&f, 1.0), Some("community_health_centers"));
}

#[test]
fn a_budget_reports_draft_for_the_next_year_aims() {
    let text = "一、2023年预算执行情况\n全年一般公共预算支出82.3亿元,其中卫生健康支出6.1亿元。\n\
        二、2024年预算草案\n一般公共预算支出安排88.6亿元。其中:教育支出14.8亿元,卫生健康支出6.8亿元。";
    let f = extract(
        text,
        "关于平安县2023年预算执行情况和2024年预算草案的报告",
        (2024, 1, 9),
    );
    assert_eq!(id_of(&f, 6.1e8), Some("fiscal_health_expenditure"));
    assert_eq!(
        (fact(&f, 6.1e8).kind, fact(&f, 6.1e8).year),
        (Kind::Actual, Some(2023))
    );
    assert_eq!(id_of(&f, 6.8e8), Some("fiscal_health_expenditure"));
    assert_eq!(
        (fact(&f, 6.8e8).kind, fact(&f, 6.8e8).year),
        (Kind::Target, Some(2024))
    );
}

#[test]
fn what_stands_now_after_a_projects_deadline_is_of_the_time_of_writing() {
    let text = "县人民医院扩建项目总投资2.8亿元,计划2025年底建成,建成后医院将新增床位400张。\
        目前,全县医疗卫生机构开放床位5600张。2024年,全县将推动3个县级医院达到三级医院服务能力。";
    let f = extract(text, "平安县卫生健康局2023年工作总结", (2023, 12, 20));
    assert_eq!(id_of(&f, 5600.0), Some("hospital_beds"));
    assert_eq!(
        (fact(&f, 5600.0).kind, fact(&f, 5600.0).year),
        (Kind::Actual, Some(2023))
    );
    // A level of capability is no count of tertiary hospitals.
    assert_eq!(id_of(&f, 3.0), None);
}

#[test]
fn a_bulletins_lists_with_several_respectively_are_paired() {
    let text = "年末全县共有医疗卫生机构498个。其中,医院、乡镇卫生院、社区卫生服务中心、村卫生室分别为\
        9个、25个、1个、432个。卫生机构床位、卫生技术人员分别为2136张、2618人,其中执业(助理)医师、\
        注册护士分别为1052人、1003人。全年总诊疗人次、出院人数分别为215.6万人次、4.87万人,\
        分别比上年增长6.3%和4.1%。65岁及以上老年人健康管理率、高血压患者规范管理率分别为70.3%、73.6%。";
    let f = extract(
        text,
        "平安县2022年国民经济和社会发展统计公报",
        (2023, 4, 12),
    );
    for (v, id) in [
        (9.0, "hospitals"),
        (25.0, "township_health_centers"),
        (432.0, "village_clinics"),
        (2618.0, "health_technicians"),
        (1052.0, "licensed_doctors_incl_assistant"),
        (1003.0, "registered_nurses"),
        (2_156_000.0, "total_visits"),
        (48_700.0, "discharges"),
        (70.3, "elderly_health_mgmt_rate"),
        (73.6, "hypertension_standard_mgmt_rate"),
    ] {
        assert_eq!(id_of(&f, v), Some(id), "{v}");
    }
}

#[test]
fn a_mid_year_report_dating_its_figures_at_last_years_end_gives_that_years_cells() {
    let text = "一、基本情况\n(一)服务体系。截至2022年底,全县共有医疗卫生机构758个。\
        目前,全县已组建紧密型县域医共体2个。\n(二)人才队伍。全县卫生技术人员6310人。\n\
        二、存在问题\n基本公共卫生服务经费县级配套资金尚有1200万元未到位。";
    let f = extract(
        text,
        "平安县人大常委会执法检查组关于检查基本医疗卫生与健康促进法实施情况的报告",
        (2023, 8, 29),
    );
    assert_eq!(fact(&f, 6310.0).year, Some(2022));
    // What stands 目前 is of the time of writing.
    assert_eq!(fact(&f, 2.0).year, Some(2023));
    // Money still owed is no fund.
    assert_eq!(id_of(&f, 1.2e7), None);
}

#[test]
fn a_january_news_item_dating_its_figures_at_last_years_end_speaks_of_that_year() {
    let text = "本报讯 记者从市卫生健康局获悉,截至2023年底,我市医疗卫生资源总量持续增加。\n\
        与2018年相比,全市医疗卫生机构由486个增加到512个,人均预期寿命达到80.6岁。";
    let f = extract(text, "五年来平安市卫生健康事业发展成效显著", (2024, 1, 18));
    assert_eq!(fact(&f, 512.0).year, Some(2023));
    assert_eq!(fact(&f, 80.6).year, Some(2023));
}

#[test]
fn a_self_assessment_lists_aims_and_values_reached() {
    let text = "1.居民电子健康档案建档率:目标值≥90%,实际完成值92.6%。\n\
        2.孕产妇死亡率:目标值≤15/10万,实际完成值0/10万。\n\
        3.全县适龄儿童国家免疫规划疫苗总体接种率为97.4%,65岁以上老年人流感疫苗接种率12.6%。\n\
        4.全年建立家庭病床215张。6家乡镇卫生院启动推荐标准创建。\n\
        5.全县医疗卫生机构实有床位,2023年达到4365张。";
    let f = extract(text, "平安县卫生健康委2023年度绩效自评报告", (2024, 2, 20));
    assert_eq!(id_of(&f, 92.6), Some("health_record_rate"));
    assert_eq!(fact(&f, 92.6).kind, Kind::Actual);
    assert_eq!(fact(&f, 90.0).kind, Kind::Target);
    assert_eq!(id_of(&f, 97.4), Some("vaccination_rate"));
    // Another vaccine's rate, beds in homes and centres setting out are no programme's, no
    // hospital's and no count of all.
    for v in [12.6, 215.0, 6.0] {
        assert_eq!(id_of(&f, v), None, "{v}");
    }
    // A measure named in the clause before its number still reads (no slice runs backwards).
    assert_eq!(id_of(&f, 4365.0), Some("hospital_beds"));
}

#[test]
fn a_count_of_centres_after_a_hospitals_name_counts_the_centres() {
    let text = "县妇幼保健院、县医院两个危重孕产妇救治中心运行良好。县人民医院建成3个省级重点专科。\
        全县共有医院12个。";
    let f = extract(text, "平安县2023年妇幼健康工作总结", (2024, 1, 20));
    assert_eq!(id_of(&f, 2.0), None);
    assert_eq!(id_of(&f, 3.0), None);
    assert_eq!(id_of(&f, 12.0), Some("hospitals"));
}

#[test]
fn a_densitys_base_alone_after_a_count_names_that_counts_density() {
    let text = "全县卫生技术人员6310人(每千人口6.17人),执业(助理)医师2380人(每千人口2.33人),\
        注册护士2402人,每千人口2.35人。实有床位6820张,每千人口6.67张。";
    let f = extract(text, "平安县2023年卫生健康事业发展统计公报", (2024, 3, 20));
    for (v, id) in [
        (6.17, "health_technicians_per_1000"),
        (2.33, "doctors_per_1000"),
        (2.35, "nurses_per_1000"),
        (6.67, "beds_per_1000"),
        (6820.0, "hospital_beds"),
    ] {
        assert_eq!(id_of(&f, v), Some(id), "{v}");
    }
}

#[test]
fn a_baseline_in_a_part_does_not_date_the_parts_of_a_dated_heading() {
    let text = "一、2023年工作完成情况\n(一)基础建设。截至2022年底,全县共有村卫生室182个。\n\
        (二)家庭医生签约。全县签约居民12.3万人。\n\
        (三)医疗费用。全县3家县级公立医院门诊次均费用185元。";
    let f = extract(text, "平安县卫生健康局2023年工作总结", (2024, 1, 12));
    assert_eq!(fact(&f, 182.0).year, Some(2022));
    assert_eq!(fact(&f, 123_000.0).year, Some(2023));
    // 次均 is an average per visit, not each hospital's figure.
    assert_ne!(fact(&f, 185.0).rule, Rule::OneInstitution);
}

#[test]
fn a_village_doctors_story_gives_the_countys_figures_of_its_own_time() {
    let text = "这些年,村卫生室变化很大。2019年,石盘村卫生室完成标准化改造。在他的带动下,\
        村里家庭医生签约率达到了95%。\n乡村医生是守护农村群众健康的网底。据县卫生健康局介绍,\
        目前全县共有村卫生室612个。";
    let f = extract(text, "守护乡亲健康36年的村医王德明", (2022, 8, 19));
    assert_eq!(fact(&f, 95.0).rule, Rule::Town);
    assert_eq!(fact(&f, 612.0).year, Some(2022));
    // 健全村级 holds no village; a 目前 after the numbers dates none of them.
    let text = "二、2021年工作回顾
进一步健全村级医疗卫生服务网络,家庭医生签约率达到52.6%。        全县新建村卫生室45个,目前已全部投入使用,全年诊疗人次12.3万人次。";
    let f = extract(text, "平安县卫生健康局2021年工作总结", (2022, 1, 10));
    assert_eq!(id_of(&f, 52.6), Some("family_doctor_signing_rate"));
    assert_eq!(fact(&f, 123_000.0).year, Some(2021));
}

#[test]
fn a_monthly_bulletin_and_a_half_years_rates_are_the_parts() {
    let text =
        "1—11月,医共体成员单位累计总诊疗人次738.5万人次,出院16.72万人次。县域内就诊率91.8%。";
    let f = extract(text, "平安县紧密型县域医共体运行监测月报", (2023, 12, 8));
    assert_eq!(fact(&f, 91.8).rule, Rule::PartYear);
    // Not a notice on monthly reports, nor one of the whole year.
    let f = extract(text, "平安县2023年1—12月医共体运行监测月报", (2024, 1, 8));
    assert_ne!(fact(&f, 91.8).rule, Rule::PartYear);
    let plan = "五、存在问题及下步打算\n2016年以来,全县累计投入健康扶贫资金3.26亿元。\
        为贫困慢病患者提供签约管理服务12406人。";
    let f = extract(plan, "平安县2019年健康扶贫工作总结", (2019, 12, 20));
    assert_eq!(fact(&f, 3.26e8).kind, Kind::Actual);
    assert_eq!(id_of(&f, 12406.0), None);
}

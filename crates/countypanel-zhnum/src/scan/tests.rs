//! Tests of the quantity scanner.

use super::*;

fn one(s: &str) -> Quantity {
    let q = scan(s);
    assert!(!q.is_empty(), "no quantity in {s}");
    q.into_iter().next().unwrap()
}

#[test]
fn every_prefix_may_start_a_quantity() {
    for (w, _) in PREFIXES {
        let c = w.chars().next().unwrap_or_default();
        assert!(may_start(c), "{w}");
        assert!(may_lead(c), "{w}");
    }
    assert!(may_start('百') && may_start('千') && may_start('两') && may_start('８'));
    assert!(!may_start('的') && !may_start('，'));
}

#[test]
fn percents() {
    let q = one("覆盖率32.3%");
    assert_eq!(
        (q.value, q.unit, q.qualifier),
        (32.3, Unit::Percent, Qualifier::Eq)
    );
    let q = one("接种率均在95%以上");
    assert_eq!((q.value, q.qualifier), (95.0, Qualifier::Ge));
    let q = one("达到百分之三十二点三");
    assert_eq!((q.value, q.unit), (32.3, Unit::Percent));
    let q = one("千分之二点四");
    assert_eq!((q.value, q.unit), (2.4, Unit::Permille));
    let q = one("十余万人");
    assert_eq!(
        (q.value, q.qualifier, q.unit),
        (100_000.0, Qualifier::Approx, Unit::Person)
    );
    let q = one("一千多万元");
    assert_eq!((q.value, q.qualifier), (10_000_000.0, Qualifier::Ge));
    assert_eq!(one("兩千四百五").value, 2450.0);
    assert_eq!(one("肆佰陸拾").value, 460.0);
    assert!(scan("统一部署,进一步落实,一切为了群众").is_empty());
    let q = one("提高2.5个百分点");
    assert_eq!((q.value, q.unit), (2.5, Unit::PercentagePoint));
    let q = one("百分之百完成");
    assert_eq!((q.value, q.unit), (100.0, Unit::Percent));
}

#[test]
fn multipliers_and_qualifiers() {
    let q = one("5.8万余户");
    assert_eq!(
        (q.value, q.unit, q.qualifier),
        (58000.0, Unit::Household, Qualifier::Approx)
    );
    let q = one("投资1000多万元");
    assert_eq!(
        (q.value, q.unit, q.qualifier),
        (10_000_000.0, Unit::Yuan, Qualifier::Ge)
    );
    let q = one("投资1.5亿元");
    assert_eq!((q.value, q.unit), (150_000_000.0, Unit::Yuan));
    let q = one("坐诊近2000次");
    assert_eq!(
        (q.value, q.qualifier, q.unit),
        (2000.0, Qualifier::Approx, Unit::Other)
    );
    let q = one("近500余人");
    assert_eq!(
        (q.value, q.qualifier, q.unit),
        (500.0, Qualifier::Approx, Unit::Person)
    );
    let q = one("20余条");
    assert_eq!(
        (q.value, q.qualifier, q.unit),
        (20.0, Qualifier::Approx, Unit::Item)
    );
    let q = one("不少于3名");
    assert_eq!((q.value, q.qualifier), (3.0, Qualifier::Ge));
    let q = one("1,234人");
    assert_eq!(q.value, 1234.0);
    // The 约 of 签约 or 预约 qualifies nothing.
    let q = one("家庭医生签约56.8万人");
    assert_eq!((q.value, q.qualifier), (568_000.0, Qualifier::Eq));
    let q = one("预约3200人次");
    assert_eq!(q.qualifier, Qualifier::Eq);
    let q = one("床位约1200张");
    assert_eq!(q.qualifier, Qualifier::Approx);
    // Tenths are a percent.
    let q = one("县域内就诊率近九成");
    assert_eq!(
        (q.value, q.unit, q.qualifier),
        (90.0, Unit::Percent, Qualifier::Approx)
    );
    let q = one("签约率超过4成");
    assert_eq!(
        (q.value, q.unit, q.qualifier),
        (40.0, Unit::Percent, Qualifier::Ge)
    );
    assert!(
        scan("家庭医生团队三成员")
            .iter()
            .all(|q| q.unit != Unit::Percent)
    );
}

#[test]
fn ranges() {
    let q = one("选择1~2所");
    assert_eq!(
        (q.value, q.high, q.qualifier, q.unit),
        (1.0, Some(2.0), Qualifier::Ge, Unit::Institution)
    );
    let q = one("两到三万人");
    assert_eq!((q.value, q.high), (20000.0, Some(30000.0)));
    let q = one("从2007-2011年");
    assert_eq!(
        (q.value, q.high, q.unit),
        (2007.0, Some(2011.0), Unit::Year)
    );
    let q = one("2010至2012连续三年");
    assert_eq!((q.value, q.high), (2010.0, Some(2012.0)));
}

#[test]
fn chinese_counts_and_temporal_numbers() {
    let q = one("组建三支队伍");
    assert_eq!((q.value, q.unit, q.chinese), (3.0, Unit::Team, true));
    let q = one("2019年");
    assert_eq!(
        (q.value, q.unit, q.plain_integer),
        (2019.0, Unit::Year, true)
    );
    let q = one("60岁以上");
    assert_eq!(q.unit, Unit::Age);
    let all = scan("发布时间:2020-01-06 12:14:02");
    assert!(all.iter().all(|q| q.ordinal), "{all:?}");
    let q = one("第八次");
    assert!(q.ordinal);
}

#[test]
fn only_dates_and_codes_carry_no_value() {
    // Found by the zhnum_scan fuzz target: a date's token is NaN, and must be flagged.
    let all = scan(
        "乌海市2020年统计公报\n发布日期:2021-04-02 来源:乌海市卫生健康委员会\n签约覆盖率35.0%",
    );
    assert!(all.iter().any(|q| q.value.is_nan()));
    assert!(
        all.iter().all(|q| q.ordinal || !q.value.is_nan()),
        "{all:?}"
    );
}

#[test]
fn offsets_are_in_characters() {
    let q = one("签约率83%,");
    assert_eq!((q.start, q.end), (3, 6));
    assert_eq!(q.text, "83%");
}

#[test]
fn words_are_not_numbers() {
    assert!(scan("万众一心").iter().all(|q| q.value == 1.0));
    assert!(scan("千里山镇").is_empty());
    assert!(scan("ICP备05002290号").is_empty());
    assert!(scan("2020年04月").iter().all(|q| q.value == 2020.0));
}

#[test]
fn a_rate_per_100k_is_not_a_date() {
    let q = &scan("孕产妇死亡率为12.5/10万,")[0];
    assert_eq!((q.value, q.unit), (12.5, Unit::Per100k));
    assert!(scan("2022/4/1").iter().all(|q| q.unit != Unit::Per100k));
}

#[test]
fn a_fraction_of_days_is_a_length_of_time_and_a_whole_day_a_date() {
    let q = one("出院者平均住院日7.9日");
    assert_eq!((q.value, q.unit), (7.9, Unit::Duration));
    let q = one("比上年缩短0.3日");
    assert_eq!((q.value, q.unit), (0.3, Unit::Duration));
    let q = one("于15日召开");
    assert_eq!(q.unit, Unit::Day);
}

#[test]
fn the_signs_of_a_tables_cells_qualify_its_numbers() {
    assert_eq!(one("≤14").qualifier, Qualifier::Le);
    assert_eq!(one("≥95%").qualifier, Qualifier::Ge);
    assert_eq!(one("<5‰").qualifier, Qualifier::Lt);
    assert_eq!((one("≥95%").value, one("≥95%").unit), (95.0, Unit::Percent));
}

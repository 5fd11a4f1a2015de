//! Tests of the gazetteer over the real reference files of `data/reference`.

use super::*;
use crate::encloses;

/// The gazetteer of the real reference files.
fn reference() -> Gazetteer {
    Gazetteer::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"))
        .unwrap()
}

#[test]
fn a_name_one_character_off_gets_a_suggestion_only_when_one_name_is_that_close() {
    let g = reference();
    assert_eq!(
        g.suggest("满州里市", 2002).map(|c| c.name),
        Some("满洲里市".to_string())
    );
    assert_eq!(
        g.suggest("都汀堰市", 2012).map(|c| c.name),
        Some("都江堰市".to_string())
    );
    // 华阴市 and 华蓥市 are both one character from 华莹市: no suggestion.
    assert!(g.suggest("华莹市", 2003).is_none());
    assert!(g.suggest("自治县", 2009).is_none());
}

#[test]
fn autonomous_counties_have_their_short_forms() {
    let a = autonomous_aliases("巴里坤哈萨克自治县");
    assert!(a.contains(&"巴里坤自治县".to_string()) && a.contains(&"巴里坤县".to_string()));
    let a = autonomous_aliases("镇沅彝族哈尼族拉祜族自治县");
    assert!(a.contains(&"镇沅彝族哈尼族自治县".to_string()), "{a:?}");
    let a = autonomous_aliases("和布克赛尔蒙古自治县");
    assert!(a.contains(&"和布克赛尔县".to_string()), "{a:?}");
    assert!(autonomous_aliases("平安县").is_empty());
    let a = autonomous_aliases("阿克塞哈萨克族自治县");
    assert!(a.contains(&"阿克塞哈萨克自治县".to_string()), "{a:?}");
}

#[test]
fn provinces_and_prefectures_enclose_their_counties() {
    assert!(encloses("620000", "620902"));
    assert!(encloses("620900", "620902"));
    assert!(!encloses("620900", "620100"));
    assert!(!encloses("620902", "620902"));
    assert!(!encloses("620902", "620900"));
}

#[expect(clippy::too_many_arguments, reason = "a table row in a test")]
fn e(
    code: &str,
    name: &str,
    level: Level,
    prov: &str,
    pref: &str,
    start: i32,
    end: Option<i32>,
    succ: &[&str],
) -> Entry {
    Entry {
        code: code.into(),
        name: name.into(),
        level,
        province: prov.into(),
        prefecture: pref.into(),
        start,
        end,
        successors: succ.iter().map(|s| (*s).to_string()).collect(),
        transfers: Vec::new(),
    }
}

fn small() -> Gazetteer {
    Gazetteer::from_parts(
        vec![
            e(
                "620100",
                "兰州市",
                Level::Prefecture,
                "甘肃省",
                "兰州市",
                1981,
                None,
                &[],
            ),
            e(
                "620102",
                "城关区",
                Level::County,
                "甘肃省",
                "兰州市",
                1983,
                None,
                &[],
            ),
            e(
                "540102",
                "城关区",
                Level::County,
                "西藏自治区",
                "拉萨市",
                1983,
                None,
                &[],
            ),
            e(
                "130223",
                "滦县",
                Level::County,
                "河北省",
                "唐山市",
                1983,
                Some(2018),
                &["130284"],
            ),
            e(
                "130284",
                "滦州市",
                Level::County,
                "河北省",
                "唐山市",
                2018,
                None,
                &[],
            ),
            e(
                "421221",
                "嘉鱼县",
                Level::County,
                "湖北省",
                "咸宁市",
                1998,
                None,
                &[],
            ),
            e(
                "150302",
                "海勃湾区",
                Level::County,
                "内蒙古自治区",
                "乌海市",
                1983,
                None,
                &[],
            ),
        ],
        vec![Town {
            code: "150302101".into(),
            name: "千里山镇".into(),
            county: "150302".into(),
        }],
    )
}

#[test]
fn shared_names_need_context() {
    let g = small();
    assert_eq!(
        g.resolve("城关区", Some(2019), &[]).status,
        Status::Ambiguous
    );
    let r = g.resolve("城关区", Some(2019), &["兰州市"]);
    assert_eq!(
        (r.code.as_deref(), r.method),
        (Some("620102"), Some(Method::Context))
    );
    let r = g.resolve("兰州市城关区", Some(2019), &[]);
    assert_eq!(
        (r.code.as_deref(), r.method),
        (Some("620102"), Some(Method::Qualified))
    );
}

#[test]
fn years_pick_the_code_valid_then() {
    let g = small();
    assert_eq!(
        g.resolve("滦县", Some(2017), &[]).code.as_deref(),
        Some("130223")
    );
    let r = g.resolve("滦县", Some(2020), &[]);
    assert_eq!(r.status, Status::Retired);
    assert_eq!(r.successors, vec!["130284".to_string()]);
    assert_eq!(
        g.resolve("滦州市", Some(2019), &[]).code.as_deref(),
        Some("130284")
    );
}

#[test]
fn short_names_and_towns() {
    let g = small();
    let r = g.resolve("嘉鱼", Some(2019), &[]);
    assert_eq!(
        (r.code.as_deref(), r.method),
        (Some("421221"), Some(Method::ShortName))
    );
    let r = g.resolve("千里山镇", None, &[]);
    assert_eq!(
        (r.code.as_deref(), r.method),
        (Some("150302"), Some(Method::Town))
    );
    assert_eq!(g.resolve("XX县区", None, &[]).status, Status::Unknown);
}

#[test]
fn an_old_name_resolves_through_its_codes_successors_to_the_one_valid_in_the_year() {
    let g = reference();
    // 秀山县 (512330 until 1983) became an autonomous county, moved to 黔江地区 and then to
    // 重庆市: 500241 in 2024.
    let r = g.resolve_in_year("秀山县", Some(2024), &[]);
    assert_eq!(r.code.as_deref(), Some("500241"), "{r:?}");
    assert_eq!(r.method, Some(Method::Successor));
    let r = g.resolve_in_year("民和县", Some(2021), &[]);
    assert_eq!(r.code.as_deref(), Some("630222"), "{r:?}");
    // In its own years the old name is its own code.
    let r = g.resolve_in_year("秀山县", Some(1982), &[]);
    assert_eq!(r.code.as_deref(), Some("512330"), "{r:?}");
}

#[test]
fn an_old_name_renumbered_over_the_years_still_leads_to_its_region() {
    let g = reference();
    let r = g.resolve_in_year("北川县", Some(2023), &[]);
    assert_eq!(r.name.as_deref(), Some("北川羌族自治县"), "{r:?}");
}

#[test]
fn the_names_to_look_for_in_sentences_hold_autonomous_regions_short_names() {
    let g = reference();
    let names: std::collections::HashSet<&str> = g.names_and_aliases().collect();
    for short in ["互助县", "循化县", "化隆县", "红河州", "黔东南州"] {
        assert!(names.contains(short), "{short}");
    }
    // Official names are there, and no bare stem (黔东南) nor word (城区).
    assert!(names.contains("互助土族自治县") && names.contains("平安区"));
    assert!(!names.contains("黔东南") && !names.contains("城区"));
    assert_eq!(
        g.resolve_in_year("互助县", Some(2020), &[]).code.as_deref(),
        Some("630223")
    );
}

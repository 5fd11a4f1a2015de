//! Resolution against the real reference files in data/reference.

use std::path::Path;
use std::sync::OnceLock;

use countypanel_regions::{Gazetteer, Method, Status};

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"))
            .unwrap()
    })
}

/// (name, year, context, expected status, expected code)
type Case = (
    &'static str,
    Option<i32>,
    &'static [&'static str],
    Status,
    Option<&'static str>,
);

const CASES: &[Case] = &[
    // The regions the seed reports speak of.
    (
        "海勃湾区",
        Some(2019),
        &[],
        Status::Resolved,
        Some("150302"),
    ),
    ("乌海市", Some(2021), &[], Status::Resolved, Some("150300")),
    ("兰州市", Some(2019), &[], Status::Resolved, Some("620100")),
    (
        "城关区",
        Some(2019),
        &["兰州市"],
        Status::Resolved,
        Some("620102"),
    ),
    ("嘉鱼县", Some(2019), &[], Status::Resolved, Some("421221")),
    (
        "千里山镇",
        Some(2008),
        &[],
        Status::Resolved,
        Some("150302"),
    ),
    // Codes that changed.
    ("滦县", Some(2017), &[], Status::Resolved, Some("130223")),
    ("滦州市", Some(2019), &[], Status::Resolved, Some("130284")),
    ("莱芜市", Some(2017), &[], Status::Resolved, Some("371200")),
    ("莱芜市", Some(2020), &[], Status::Retired, Some("371200")),
    (
        "公主岭市",
        Some(2019),
        &[],
        Status::Resolved,
        Some("220381"),
    ),
    (
        "公主岭市",
        Some(2021),
        &[],
        Status::Resolved,
        Some("220184"),
    ),
    ("嘉鱼县", Some(1995), &[], Status::Resolved, Some("422322")),
    // Names shared across provinces.
    ("城关区", Some(2019), &[], Status::Ambiguous, None),
    (
        "朝阳区",
        Some(2019),
        &["北京市"],
        Status::Resolved,
        Some("110105"),
    ),
    (
        "朝阳区",
        Some(2019),
        &["长春市"],
        Status::Resolved,
        Some("220104"),
    ),
    ("鼓楼区", Some(2019), &[], Status::Ambiguous, None),
    (
        "兰州市城关区",
        Some(2019),
        &[],
        Status::Resolved,
        Some("620102"),
    ),
    // Short names, autonomous counties without their peoples, and unknowns.
    (
        "大通自治县",
        Some(2001),
        &["青海省"],
        Status::Resolved,
        Some("630121"),
    ),
    ("嘉鱼", Some(2019), &[], Status::Resolved, Some("421221")),
    ("XX县区", None, &[], Status::Unknown, None),
];

#[test]
fn resolution_table() {
    let g = gazetteer();
    for (name, year, ctx, status, code) in CASES {
        let r = g.resolve(name, *year, ctx);
        assert_eq!(r.status, *status, "{name} {year:?} {ctx:?}: {r:?}");
        if code.is_some() {
            assert_eq!(r.code.as_deref(), *code, "{name} {year:?} {ctx:?}: {r:?}");
        }
    }
}

#[test]
fn a_town_resolution_is_recorded_as_an_inference() {
    let r = gazetteer().resolve("千里山镇", None, &[]);
    assert_eq!(r.method, Some(Method::Town));
    assert_eq!(r.town_code.as_deref(), Some("150302101"));
}

#[test]
fn crosswalk_to_the_2023_territory() {
    let g = gazetteer();
    let c = g.crosswalk("130223", 2017, 2023);
    assert_eq!((c.codes, c.note), (vec!["130284".to_string()], "renamed"));
    let c = g.crosswalk("220381", 2019, 2023);
    assert_eq!(c.codes, vec!["220184".to_string()]);
    let c = g.crosswalk("421221", 2019, 2023);
    assert_eq!((c.codes, c.note), (vec!["421221".to_string()], "same"));
    // 石家庄市郊区 was divided among several districts.
    let c = g.crosswalk("130106", 1990, 2023);
    assert_eq!(c.note, "split");
    assert!(c.codes.len() > 1, "{c:?}");
}

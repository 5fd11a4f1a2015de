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

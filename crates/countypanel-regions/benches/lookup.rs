//! Cost of loading the gazetteer and of one name resolution, by kind of name.
//!
//! Run with `cargo bench -p countypanel-regions --bench lookup` (or `make bench`). Prints one
//! markdown table row per case: the case, lookups, total time and nanoseconds per lookup.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use countypanel_regions::Gazetteer;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference");
    let t = Instant::now();
    let g = Gazetteer::load(&dir).expect("reference files load");
    let load = t.elapsed();
    println!("| case | lookups | total ms | ns per lookup |");
    println!("|---|---:|---:|---:|");
    println!(
        "| load reference files ({} codes) | 1 | {:.1} | - |",
        g.len(),
        load.as_secs_f64() * 1e3
    );
    let cases: &[(&str, &str, Option<i32>, &[&str])] = &[
        ("exact name", "嘉鱼县", Some(2019), &[]),
        ("short name", "嘉鱼", Some(2019), &[]),
        (
            "shared name with context",
            "城关区",
            Some(2019),
            &["兰州市"],
        ),
        ("qualified name", "兰州市城关区", Some(2019), &[]),
        ("retired name", "莱芜市", Some(2020), &[]),
        ("town", "千里山镇", None, &[]),
        ("unknown name", "XX县区", None, &[]),
    ];
    let n = 200_000u32;
    for (label, name, year, ctx) in cases {
        let t = Instant::now();
        for _ in 0..n {
            black_box(g.resolve(black_box(name), *year, ctx));
        }
        let e = t.elapsed();
        println!(
            "| {label} ({name}) | {n} | {:.1} | {:.0} |",
            e.as_secs_f64() * 1e3,
            e.as_nanos() as f64 / f64::from(n)
        );
    }
}

//! The extractor on arbitrary text with the project's catalog: no panic, evidence inside the text.
#![no_main]
use std::path::Path;
use std::sync::LazyLock;

use countypanel_core::catalog::Catalog;
use countypanel_extract::{DocContext, Extractor};
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../pipelines/indicators/health.toml");
    let catalog = Catalog::load(&path).expect("catalog loads");
    Extractor::with_regions(&catalog, ["城关区", "嘉鱼县", "海勃湾区"].into_iter())
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = text.chars().count();
    let ctx = DocContext {
        published: Some((2021, 4, 1)),
        issuer_region: Some("嘉鱼县".into()),
    };
    for f in EXTRACTOR.extract(text, &ctx) {
        assert!(f.char_start <= f.char_end && f.char_end <= n);
        assert!(!f.value.is_nan());
    }
});

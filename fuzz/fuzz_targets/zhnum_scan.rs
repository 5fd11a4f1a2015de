//! The quantity scanner on arbitrary text: no panic, spans inside the text, and a value that is
//! a number for every quantity (NaN marks only the dates, times and codes flagged `ordinal`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = text.chars().count();
    for q in countypanel_zhnum::scan(text) {
        assert!(q.start <= q.end && q.end <= n, "span {}..{} outside {n} chars", q.start, q.end);
        assert!(q.ordinal || !q.value.is_nan(), "NaN value from {text:?}");
    }
    let _ = countypanel_zhnum::parse_number(text);
    let _ = countypanel_zhnum::parse_chinese(text);
});

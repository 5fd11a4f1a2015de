//! The HTML reader on arbitrary markup: no panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = countypanel_ingest::html::html_to_text(text);
});

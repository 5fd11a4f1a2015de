//! The PDF reader on arbitrary bytes: no panic escapes (a parser failure is a `malformed_pdf`
//! problem), and what it reads is text of the pages it found.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Give the fuzzer a PDF header to start from half of the time.
    let mut bytes = Vec::with_capacity(data.len() + 9);
    if data.first().is_some_and(|b| b & 1 == 0) {
        bytes.extend_from_slice(b"%PDF-1.4\n");
    }
    bytes.extend_from_slice(data);
    if let Ok(pages) = countypanel_ingest::pdf::pdf_pages(&bytes, 64 << 20) {
        assert!(!pages.is_empty());
    }
});

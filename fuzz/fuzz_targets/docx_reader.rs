//! The DOCX reader on arbitrary bytes (zip container and document XML): no panic, the size
//! limit holds.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = countypanel_ingest::docx::docx_to_text(data, 1 << 20) {
        assert!(text.len() <= 4 << 20);
    }
    if let Ok(xml) = std::str::from_utf8(data) {
        let _ = countypanel_ingest::docx::document_xml_to_text(xml);
    }
});

//! The OFD page reader on arbitrary text: no panic escapes and no runaway allocation, whatever
//! the text codes, boundaries and advances (`DeltaX`, with its `g N d` repeats) claim.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Half of the time inside a text object, so that the fuzzer reaches the placing code.
    let content = if data.first().is_some_and(|b| b & 1 == 0) {
        format!("<ofd:TextObject Boundary=\"0 0 10 10\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\" {text}</ofd:TextCode></ofd:TextObject>")
    } else {
        text.into_owned()
    };
    let _ = countypanel_ingest::ofd::page_text(&content);
});

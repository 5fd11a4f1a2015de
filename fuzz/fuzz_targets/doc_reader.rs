//! The Word 97-2003 reader on arbitrary bytes: no panic escapes (a damaged file is a
//! `DocProblem`), whatever the compound file and the piece table claim.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Give the fuzzer a compound-file header to start from half of the time (never twice: the
    // seed file has its own).
    let mut bytes = Vec::with_capacity(data.len() + 8);
    let magic = countypanel_ingest::doc::OLE_MAGIC;
    if !data.starts_with(magic) && data.first().is_some_and(|b| b & 1 == 0) {
        bytes.extend_from_slice(magic);
    }
    bytes.extend_from_slice(data);
    let _ = countypanel_ingest::doc::doc_to_text(&bytes, 16 << 20);
});

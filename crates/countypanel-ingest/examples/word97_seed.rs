//! Writes a small Word 97-2003 file (a report paragraph and a table) to the path given: the
//! seed of the `doc_reader` fuzz target, so that the fuzzer starts past the compound-file
//! header.

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: word97_seed FILE");
        std::process::exit(2);
    };
    let text = "嘉鱼县卫生健康局2021年工作总结\r全县家庭医生签约覆盖率达到\u{13} PAGE \u{14}61.5%\u{15}。\r\
                指标\u{7}2020年\u{7}2021年\u{7}\u{7}床位数\u{7}1756\u{7}1830\u{7}\u{7}";
    if let Err(e) = std::fs::write(&out, countypanel_ingest::testkit::word97(text)) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
}

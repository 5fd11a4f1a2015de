//! Word 97-2003 files (`.doc`, and WPS Writer's `.wps` in the same container) to text.
//!
//! A `.doc` is a compound file (OLE structured storage) whose `WordDocument` stream opens with
//! the file information block (FIB). The FIB says which table stream (`0Table` or `1Table`)
//! holds the piece table (the `Clx`), and how many characters the main document has
//! (`ccpText`). The piece table maps runs of character positions to byte offsets in the
//! `WordDocument` stream, each run stored either as UTF-16 or as 8-bit text (Windows-1252).
//! The main document's characters are read run by run; Word's control characters become text:
//! a paragraph mark, line break or page break ends a line, a cell mark ends a table cell (` | `
//! between cells, as DOCX tables are written) and a second one in a row ends the row, a
//! field's instructions (between its begin and separator marks) are dropped and its result kept.

use std::io::{Cursor, Read};

/// Why a Word 97-2003 file gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocProblem(pub String);

/// Magic bytes of a compound file.
pub const OLE_MAGIC: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// The text of a Word 97-2003 document's main body, one paragraph per line.
///
/// # Errors
/// [`DocProblem`] when the compound file is broken, holds no `WordDocument` stream (a WPS or
/// Excel file of another kind), is encrypted, or its piece table is damaged.
pub fn doc_to_text(bytes: &[u8], limit: u64) -> Result<String, DocProblem> {
    let bad = |what: &str| DocProblem(what.to_string());
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| DocProblem(format!("the compound file is broken ({e})")))?;
    let mut read_stream = |name: &str| -> Result<Vec<u8>, DocProblem> {
        let mut s = file
            .open_stream(name)
            .map_err(|_| DocProblem(format!("the file has no `{name}` stream")))?;
        let mut out = Vec::new();
        (&mut s)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| DocProblem(format!("the `{name}` stream cannot be read ({e})")))?;
        if out.len() as u64 > limit {
            return Err(DocProblem(format!(
                "the `{name}` stream is larger than ingest.max_unzipped_bytes ({limit} bytes)"
            )));
        }
        Ok(out)
    };
    let word = read_stream("WordDocument").map_err(|_| {
        bad("no WordDocument stream: not a Word 97-2003 document (save it as DOCX)")
    })?;
    let fib = Fib::parse(&word)?;
    if fib.encrypted {
        return Err(bad(
            "the document is encrypted; save an unprotected copy as DOCX and read that",
        ));
    }
    let table = read_stream(if fib.table_one { "1Table" } else { "0Table" })?;
    let clx = table
        .get(fib.fc_clx..fib.fc_clx + fib.lcb_clx)
        .ok_or_else(|| bad("the piece table lies outside the table stream"))?;
    let pieces = pieces(clx)?;
    let mut chars = Vec::with_capacity(fib.ccp_text);
    for p in &pieces {
        if p.cp_start >= fib.ccp_text {
            break;
        }
        let n = p.cp_end.min(fib.ccp_text) - p.cp_start;
        if p.compressed {
            let at = p.fc / 2;
            let run = word
                .get(at..at + n)
                .ok_or_else(|| bad("a text piece lies outside the document stream"))?;
            chars.extend(
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(run)
                    .0
                    .chars(),
            );
        } else {
            let run = word
                .get(p.fc..p.fc + 2 * n)
                .ok_or_else(|| bad("a text piece lies outside the document stream"))?;
            let units = run
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]));
            chars.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')));
        }
    }
    Ok(to_text(&chars))
}

/// What the reader needs of the file information block.
struct Fib {
    table_one: bool,
    encrypted: bool,
    ccp_text: usize,
    fc_clx: usize,
    lcb_clx: usize,
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Self, DocProblem> {
        let bad = |what: &str| DocProblem(format!("the file information block {what}"));
        let u16_at = |at: usize| {
            word.get(at..at + 2)
                .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
                .ok_or_else(|| bad("is truncated"))
        };
        let u32_at = |at: usize| {
            word.get(at..at + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
                .ok_or_else(|| bad("is truncated"))
        };
        if u16_at(0)? != 0xA5EC {
            return Err(bad("has no Word signature"));
        }
        let flags = u16_at(0x0A)?;
        // FibBase (32 bytes), then csw and fibRgW, cslw and fibRgLw, cbRgFcLcb and the blob.
        let csw = u16_at(32)?;
        let lw = 34 + 2 * csw;
        let cslw = u16_at(lw)?;
        let ccp_text = u32_at(lw + 2 + 4 * 3)?;
        let blob = lw + 2 + 4 * cslw + 2;
        if u16_at(lw + 2 + 4 * cslw)? < 34 {
            return Err(bad("has no piece-table entry"));
        }
        // fcClx and lcbClx are the 34th pair of the blob.
        Ok(Self {
            table_one: flags & 0x0200 != 0,
            encrypted: flags & 0x0100 != 0,
            ccp_text,
            fc_clx: u32_at(blob + 33 * 8)?,
            lcb_clx: u32_at(blob + 33 * 8 + 4)?,
        })
    }
}

/// One run of the piece table.
struct Piece {
    cp_start: usize,
    cp_end: usize,
    fc: usize,
    compressed: bool,
}

/// The pieces of a `Clx`: property runs (`0x01`) skipped, then the piece table (`0x02`).
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, DocProblem> {
    let bad = || DocProblem("the piece table is damaged".into());
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        let n = clx.get(at + 1..at + 3).ok_or_else(bad)?;
        at += 3 + usize::from(u16::from_le_bytes([n[0], n[1]]));
    }
    if clx.get(at) != Some(&0x02) {
        return Err(bad());
    }
    let lcb = clx.get(at + 1..at + 5).ok_or_else(bad)?;
    let lcb = u32::from_le_bytes([lcb[0], lcb[1], lcb[2], lcb[3]]) as usize;
    let plc = clx.get(at + 5..at + 5 + lcb).ok_or_else(bad)?;
    if lcb < 4 || !(lcb - 4).is_multiple_of(12) {
        return Err(bad());
    }
    let n = (lcb - 4) / 12;
    let u32_at = |i: usize| {
        let b = &plc[i..i + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let (cp_start, cp_end) = (u32_at(4 * k) as usize, u32_at(4 * (k + 1)) as usize);
        if cp_end < cp_start {
            return Err(bad());
        }
        let fc = u32_at(4 * (n + 1) + 8 * k + 2);
        out.push(Piece {
            cp_start,
            cp_end,
            fc: (fc & 0x3FFF_FFFF) as usize,
            compressed: fc & 0x4000_0000 != 0,
        });
    }
    Ok(out)
}

/// Word's characters as text: control characters become line breaks and cell bars, field
/// instructions are dropped.
fn to_text(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    // Depth of fields whose instructions are being read (begin mark seen, separator not yet).
    let mut in_instructions = 0usize;
    let mut field_stack: Vec<bool> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        match c {
            '\u{13}' => {
                field_stack.push(true);
                in_instructions += 1;
            }
            '\u{14}' => {
                if field_stack.last() == Some(&true) {
                    *field_stack.last_mut().expect("a field is open") = false;
                    in_instructions -= 1;
                }
            }
            '\u{15}' => {
                if field_stack.pop() == Some(true) {
                    in_instructions -= 1;
                }
            }
            _ if in_instructions > 0 => {}
            '\r' | '\u{0b}' | '\u{0c}' => crate::normalize::end_line(&mut out),
            '\u{07}' => {
                // A cell mark; a second one straight after ends the row.
                while out.ends_with(' ') {
                    out.pop();
                }
                if chars.get(k + 1) == Some(&'\u{07}') {
                    crate::normalize::end_line(&mut out);
                    k += 1;
                } else {
                    out.push_str(" | ");
                }
            }
            '\u{1e}' => out.push('-'),
            '\u{a0}' => out.push(' '),
            '\u{01}' | '\u{08}' | '\u{1f}' | '\u{02}' | '\u{05}' => {}
            c => out.push(c),
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_lines_and_cells() {
        let chars: Vec<char> =
            "标题\r正文\u{13} PAGE \u{14}3\u{15}页\r指标\u{07}2023年\u{07}\u{07}床位\u{07}1830\u{07}\u{07}"
                .chars()
                .collect();
        assert_eq!(
            to_text(&chars),
            "标题\n正文3页\n指标 | 2023年\n床位 | 1830\n"
        );
    }

    #[test]
    fn a_word_97_file_in_two_pieces_is_read() {
        let text = "嘉鱼县卫生健康局2021年工作总结\r全县家庭医生签约覆盖率达到\u{13} MERGEFIELD x \u{14}61.5%\u{15}。\r指标\u{7}2020年\u{7}\u{7}床位\u{7}1756\u{7}\u{7}";
        let bytes = crate::testkit::word97(text);
        assert!(bytes.starts_with(OLE_MAGIC));
        assert_eq!(
            doc_to_text(&bytes, 1 << 20).unwrap(),
            "嘉鱼县卫生健康局2021年工作总结\n全县家庭医生签约覆盖率达到61.5%。\n指标 | 2020年\n床位 | 1756\n"
        );
        let ascii_tail = crate::testkit::word97("Report\r2021 beds 1756\r");
        assert_eq!(
            doc_to_text(&ascii_tail, 1 << 20).unwrap(),
            "Report\n2021 beds 1756\n"
        );
    }

    #[test]
    fn what_is_not_a_word_file_says_why() {
        assert!(doc_to_text(b"not a compound file", 1 << 20).is_err());
        let mut truncated = OLE_MAGIC.to_vec();
        truncated.extend_from_slice(&[0; 100]);
        let e = doc_to_text(&truncated, 1 << 20).unwrap_err();
        assert!(e.0.contains("compound file"), "{e:?}");
    }
}

//! Word 97-2003 files (`.doc`, and WPS Writer's `.wps` in the same container) to text.
//!
//! A `.doc` is a compound file (OLE structured storage) whose `WordDocument` stream opens with
//! the file information block (FIB). The FIB says which table stream (`0Table` or `1Table`)
//! holds the piece table (the `Clx`), and how many characters the main document has
//! (`ccpText`). The piece table maps runs of character positions to byte offsets in the
//! `WordDocument` stream, each run stored either as UTF-16 or as 8-bit text (Windows-1252).
//! The main document's characters are read run by run; Word's control characters become text:
//! a paragraph mark, line break or page break ends a line, a cell mark ends a table cell (` | `
//! between cells, as DOCX tables are written), a field's instructions (between its begin and
//! separator marks) are dropped and its result kept. Which paragraphs lie in table cells and
//! which mark a row's end is read from the paragraph properties (the `PlcBtePapx` and its
//! formatted disk pages: `sprmPFInTable`, `sprmPFTtp`), so a cell of several paragraphs stays on
//! its row and an empty cell is not taken for a row's end; a file whose properties cannot be
//! read falls back on the marks alone (a second cell mark straight after one ends the row).

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
    // Where each character is stored in the `WordDocument` stream, to find its paragraph's
    // properties.
    let mut offsets: Vec<usize> = Vec::with_capacity(fib.ccp_text);
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
            offsets.extend(at..at + n);
        } else {
            let run = word
                .get(p.fc..p.fc + 2 * n)
                .ok_or_else(|| bad("a text piece lies outside the document stream"))?;
            let units = run
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]));
            let mut at = p.fc;
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or('\u{fffd}');
                chars.push(c);
                offsets.push(at);
                at += 2 * c.len_utf16();
            }
        }
    }
    // Paragraph properties say which paragraphs lie in table cells and which end a row; a
    // file whose property table cannot be read is read by the marks alone.
    let papx = table
        .get(fib.fc_papx..fib.fc_papx + fib.lcb_papx)
        .and_then(|plc| TableRuns::read(plc, &word));
    let marks: Option<Vec<Para>> = papx.map(|runs| offsets.iter().map(|&fc| runs.at(fc)).collect());
    Ok(to_text(&chars, marks.as_deref()))
}

/// What a paragraph's properties say about tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Para {
    /// The paragraph lies in a table cell.
    in_table: bool,
    /// The paragraph is a row's end mark.
    row_end: bool,
}

/// The paragraph property runs of a document (from its `PlcBtePapx` and the formatted disk
/// pages it points to): byte ranges of the `WordDocument` stream with their [`Para`].
struct TableRuns(Vec<(usize, usize, Para)>);

impl TableRuns {
    /// Reads the runs; `None` when the structure is damaged.
    fn read(plc: &[u8], word: &[u8]) -> Option<Self> {
        let u32_at = |b: &[u8], at: usize| -> Option<usize> {
            b.get(at..at + 4)
                .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]) as usize)
        };
        if plc.len() < 4 || !(plc.len() - 4).is_multiple_of(8) {
            return None;
        }
        let n = (plc.len() - 4) / 8;
        let mut runs = Vec::new();
        for k in 0..n {
            let pn = u32_at(plc, 4 * (n + 1) + 4 * k)? & 0x003F_FFFF;
            let fkp = word.get(pn * 512..pn * 512 + 512)?;
            let crun = usize::from(fkp[511]);
            for r in 0..crun {
                let (start, end) = (u32_at(fkp, 4 * r)?, u32_at(fkp, 4 * (r + 1))?);
                let offset = 2 * usize::from(*fkp.get(4 * (crun + 1) + 13 * r)?);
                let para = if offset == 0 {
                    Para::default()
                } else {
                    Self::papx(fkp, offset)?
                };
                runs.push((start, end, para));
            }
        }
        runs.sort_unstable_by_key(|r| r.0);
        Some(Self(runs))
    }

    /// The table flags of the paragraph properties (`PapxInFkp`) at `at` in a disk page.
    fn papx(fkp: &[u8], at: usize) -> Option<Para> {
        let cb = usize::from(*fkp.get(at)?);
        let (start, len) = if cb == 0 {
            (at + 2, 2 * usize::from(*fkp.get(at + 1)?))
        } else {
            (at + 1, 2 * cb - 1)
        };
        // The style index (2 bytes), then the property modifiers.
        let grp = fkp.get(start..(start + len).min(fkp.len()))?;
        let mut para = Para::default();
        let mut k = 2;
        while k + 2 <= grp.len() {
            let sprm = u16::from_le_bytes([grp[k], grp[k + 1]]);
            k += 2;
            let size = match sprm >> 13 {
                0 | 1 => 1,
                2 | 4 | 5 => 2,
                3 => 4,
                7 => 3,
                // sprmTDefTable counts its operand in two bytes, one more than it holds.
                _ if sprm == 0xD608 => {
                    let cb = grp
                        .get(k..k + 2)
                        .map(|b| u16::from_le_bytes([b[0], b[1]]))?;
                    1 + usize::from(cb)
                }
                _ => 1 + usize::from(*grp.get(k)?),
            };
            let operand = grp.get(k).copied().unwrap_or(0);
            match sprm {
                // sprmPFInTable, sprmPItap (nesting depth above zero)
                0x2416 => para.in_table |= operand != 0,
                0x6649 => para.in_table |= grp.get(k..k + 4).is_some_and(|b| b != [0, 0, 0, 0]),
                // sprmPFTtp, sprmPFInnerTtp: the end mark of a row
                0x2417 | 0x244B => para.row_end |= operand != 0,
                _ => {}
            }
            k += size;
        }
        Some(para)
    }

    /// The flags of the paragraph holding the character stored at `fc`.
    fn at(&self, fc: usize) -> Para {
        let k = self.0.partition_point(|r| r.0 <= fc);
        match k.checked_sub(1).map(|k| self.0[k]) {
            Some((start, end, para)) if start <= fc && fc < end => para,
            _ => Para::default(),
        }
    }
}

/// What the reader needs of the file information block.
struct Fib {
    table_one: bool,
    encrypted: bool,
    ccp_text: usize,
    fc_clx: usize,
    lcb_clx: usize,
    fc_papx: usize,
    lcb_papx: usize,
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
            // fcPlcfBtePapx and lcbPlcfBtePapx are the 14th.
            fc_papx: u32_at(blob + 13 * 8)?,
            lcb_papx: u32_at(blob + 13 * 8 + 4)?,
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
///
/// With the paragraph properties (`marks`, one per character), a paragraph mark inside a table
/// cell is a space (the cell's paragraphs stay on its row) and a row ends at its end mark;
/// without them a second cell mark straight after one ends the row.
fn to_text(chars: &[char], marks: Option<&[Para]>) -> String {
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
            '\r' | '\u{0b}' if marks.is_some_and(|m| m.get(k).is_some_and(|p| p.in_table)) => {
                out.push(' ');
            }
            '\r' | '\u{0b}' | '\u{0c}' => crate::normalize::end_line(&mut out),
            '\u{07}' if marks.is_some() => {
                while out.ends_with(' ') {
                    out.pop();
                }
                if marks.is_some_and(|m| m.get(k).is_some_and(|p| p.row_end)) {
                    // The separator after the row's last cell is dropped with the row's end.
                    if let Some(kept) = out.strip_suffix(" |") {
                        out.truncate(kept.len());
                    }
                    crate::normalize::end_line(&mut out);
                } else {
                    out.push_str(" | ");
                }
            }
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
    fn paragraph_properties_say_which_paragraphs_are_in_tables_and_end_rows() {
        // A disk page with one run (bytes 100..140) whose properties (at word offset 200):
        // cb = 5 (9 bytes): style 0, sprmPFInTable 1, sprmPFTtp 1, a pad byte.
        let mut fkp = vec![0u8; 512];
        fkp[0..4].copy_from_slice(&100u32.to_le_bytes());
        fkp[4..8].copy_from_slice(&140u32.to_le_bytes());
        fkp[8] = 200;
        fkp[400..408].copy_from_slice(&[5, 0, 0, 0x16, 0x24, 1, 0x17, 0x24]);
        fkp[408] = 1;
        fkp[511] = 1;
        let mut word = vec![0u8; 512];
        word.extend_from_slice(&fkp);
        let mut plc = Vec::new();
        for v in [100u32, 140, 1] {
            plc.extend_from_slice(&v.to_le_bytes());
        }
        let runs = TableRuns::read(&plc, &word).unwrap();
        let row_end = Para {
            in_table: true,
            row_end: true,
        };
        assert_eq!(runs.at(120), row_end);
        assert_eq!(runs.at(140), Para::default());
        assert_eq!(runs.at(99), Para::default());
        // The same marks with these properties: paragraphs in a cell stay on their row, the
        // row ends at its end mark, an empty last cell keeps its place.
        let chars: Vec<char> = "表\r床位\r(张)\u{7}1830\u{7}\u{7}\u{7}后文\r"
            .chars()
            .collect();
        let cell = Para {
            in_table: true,
            row_end: false,
        };
        let mut marks = vec![Para::default(); 2];
        marks.extend(vec![cell; 14]);
        marks[15] = row_end;
        marks.extend(vec![Para::default(); 3]);
        assert_eq!(
            to_text(&chars, Some(&marks)),
            "表\n床位 (张) | 1830 |\n后文\n"
        );
        assert!(TableRuns::read(&plc[..5], &word).is_none());
    }

    #[test]
    fn control_characters_become_lines_and_cells() {
        let chars: Vec<char> =
            "标题\r正文\u{13} PAGE \u{14}3\u{15}页\r指标\u{07}2023年\u{07}\u{07}床位\u{07}1830\u{07}\u{07}"
                .chars()
                .collect();
        assert_eq!(
            to_text(&chars, None),
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

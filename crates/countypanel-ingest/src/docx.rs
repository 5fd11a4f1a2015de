//! Word files (DOCX) to text: paragraphs on their own lines, each table row on one line with
//! its cells separated by ` | `. The zip container is checked before anything is expanded.

use crate::grid::SpanCell;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// Why a zip container (DOCX, XLSX) could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipProblem {
    /// Not a readable zip, or truncated.
    Corrupt(String),
    /// The entries would expand past the limit.
    Bomb(String),
    /// A part the format needs is missing or malformed.
    Missing(String),
}

/// Reads one entry of a zip archive, refusing archives whose entries would expand past `limit`
/// bytes in total (as declared, and as actually read).
pub fn read_zip_entry(bytes: &[u8], entry: &str, limit: u64) -> Result<String, ZipProblem> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ZipProblem::Corrupt(e.to_string()))?;
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let f = archive
            .by_index_raw(i)
            .map_err(|e| ZipProblem::Corrupt(e.to_string()))?;
        declared = declared.saturating_add(f.size());
    }
    if declared > limit {
        return Err(ZipProblem::Bomb(format!(
            "entries declare {declared} bytes once expanded, over the limit of {limit}"
        )));
    }
    let file = archive
        .by_name(entry)
        .map_err(|e| ZipProblem::Missing(format!("{entry}: {e}")))?;
    let mut data = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut data)
        .map_err(|e| ZipProblem::Corrupt(format!("{entry}: {e}")))?;
    if data.len() as u64 > limit {
        return Err(ZipProblem::Bomb(format!(
            "{entry} expands past the limit of {limit} bytes"
        )));
    }
    String::from_utf8(data).map_err(|e| ZipProblem::Missing(format!("{entry} is not UTF-8: {e}")))
}

/// Text of a DOCX file.
pub fn docx_to_text(bytes: &[u8], limit: u64) -> Result<String, ZipProblem> {
    let xml = read_zip_entry(bytes, "word/document.xml", limit)?;
    document_xml_to_text(&xml).map_err(ZipProblem::Missing)
}

/// Text of `word/document.xml`. A table is laid out on a grid (see [`crate::grid`]): merged
/// cells (`gridSpan`, `vMerge`) spread over the columns and rows they span; a table nested in a
/// cell is read as that cell's text.
pub fn document_xml_to_text(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    let mut table_depth = 0usize;
    // The rows of the outermost table being read, and its cell being read.
    let mut rows: Vec<Vec<SpanCell>> = Vec::new();
    let mut cell: Option<SpanCell> = None;
    loop {
        let event = reader.read_event();
        // Where text goes: the cell being read, else the page.
        let sink = |out: &mut String, cell: &mut Option<SpanCell>, s: &str| match cell {
            Some(c) => c.text.push_str(s),
            None => out.push_str(s),
        };
        match event {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"tbl" => {
                    table_depth += 1;
                    if table_depth == 1 {
                        crate::normalize::end_line(&mut out);
                        rows.clear();
                    }
                }
                b"tr" if table_depth == 1 => rows.push(Vec::new()),
                b"tc" if table_depth == 1 => cell = Some(SpanCell::new("", 1, 1)),
                b"tc" => sink(&mut out, &mut cell, " "),
                b"vMerge" if table_depth == 1 => merge(&e, &mut cell),
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"tab" => sink(&mut out, &mut cell, " "),
                b"br" | b"cr" if cell.is_some() => sink(&mut out, &mut cell, " "),
                b"br" | b"cr" => out.push('\n'),
                b"gridSpan" if table_depth == 1 => {
                    if let Some(c) = cell.as_mut() {
                        c.colspan = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                b"vMerge" if table_depth == 1 => merge(&e, &mut cell),
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" if table_depth == 0 => crate::normalize::end_line(&mut out),
                b"p" => sink(&mut out, &mut cell, " "),
                b"tc" if table_depth == 1 => {
                    if let (Some(c), Some(row)) = (cell.take(), rows.last_mut()) {
                        row.push(c);
                    }
                }
                b"tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0 {
                        crate::grid::render(&rows, &mut out);
                        rows.clear();
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let text = t.decode().map_err(|e| e.to_string())?;
                sink(&mut out, &mut cell, &text);
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    sink(&mut out, &mut cell, c.encode_utf8(&mut [0; 4]));
                } else {
                    let name = r.decode().map_err(|e| e.to_string())?;
                    if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        sink(&mut out, &mut cell, s);
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "word/document.xml is malformed at byte {}: {e}",
                    reader.error_position()
                ));
            }
        }
    }
    Ok(out)
}

/// The `w:val` attribute of an element.
fn val(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// A `w:vMerge` without `restart` makes the cell continue the one above it.
fn merge(e: &quick_xml::events::BytesStart<'_>, cell: &mut Option<SpanCell>) {
    if let Some(c) = cell.as_mut() {
        c.continues_above = val(e).is_none_or(|v| v == "continue");
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// Builds a DOCX with the given `word/document.xml` body.
    pub(crate) fn make_docx(body: &str) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            z.start_file("[Content_Types].xml", opts).unwrap();
            z.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
            z.start_file("word/document.xml", opts).unwrap();
            write!(
                z,
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
            )
            .unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn paragraphs_and_table_rows() {
        let body = "<w:p><w:r><w:t>全县签约率</w:t></w:r><w:r><w:t>83%&amp;</w:t></w:r></w:p>\
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2021年</w:t></w:r></w:p></w:tc></w:tr>\
<w:tr><w:tc><w:p><w:r><w:t>建档率</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>95%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        let text = docx_to_text(&make_docx(body), 1 << 20).unwrap();
        assert_eq!(text, "全县签约率83%&\n指标 | 2021年\n建档率 | 95%\n");
    }

    #[test]
    fn merged_cells_spread_over_the_columns_and_rows_they_span() {
        let tc = |props: &str, text: &str| {
            format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        };
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc("<w:vMerge w:val=\"restart\"/>", "指标"),
            tc("<w:gridSpan w:val=\"2\"/>", "2023年"),
            tc("<w:vMerge/>", ""),
            tc("", "目标值"),
            tc("", "完成值"),
            tc("", "签约率"),
            tc("", "45"),
            tc("", "46.5"),
        );
        let text = docx_to_text(&make_docx(&body), 1 << 20).unwrap();
        assert_eq!(
            text,
            "指标 | 2023年目标值 | 2023年完成值\n签约率 | 45 | 46.5\n"
        );
    }

    #[test]
    fn truncated_and_bomb() {
        let bytes = make_docx("<w:p><w:r><w:t>甲</w:t></w:r></w:p>");
        let cut = &bytes[..bytes.len() / 2];
        assert!(matches!(
            docx_to_text(cut, 1 << 20),
            Err(ZipProblem::Corrupt(_))
        ));
        let big = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "0".repeat(200_000));
        assert!(matches!(
            docx_to_text(&make_docx(&big), 10_000),
            Err(ZipProblem::Bomb(_))
        ));
    }
}

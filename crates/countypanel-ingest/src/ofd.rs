//! OFD files (开放版式文档, GB/T 33190-2016), the fixed-layout format Chinese government
//! offices publish beside or instead of PDF, to text.
//!
//! An OFD is a zip container: `OFD.xml` names each document's root (`Doc_0/Document.xml`), the
//! document lists its pages (`<ofd:Page BaseLoc="Pages/Page_0/Content.xml"/>`), and each page's
//! content holds text objects (`<ofd:TextObject Boundary="x y w h" Size="…">`) whose text codes
//! (`<ofd:TextCode X="…" Y="…" DeltaX="…">`) place their characters. The characters are placed
//! on a page as the PDF reader places them ([`crate::pdf_cells::PageCells`]): a new line where
//! the text moves down, ` | ` between the columns of a table row. Pages come out one by one, so
//! a fact read from an OFD names its page as one read from a PDF does.
//!
//! The container is checked as a DOCX's is (size of every entry before anything is expanded).
//! Text kept only as glyph outlines (no `TextCode`) is not read: such a file is a scan to the
//! reader.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::docx::{ZipProblem, read_zip_entry};
use crate::pdf_cells::PageCells;

/// The text of each page of an OFD file's first document.
///
/// # Errors
/// [`ZipProblem`] when the container is broken, too large once expanded, or lacks a part the
/// format needs.
pub fn ofd_pages(bytes: &[u8], limit: u64) -> Result<Vec<String>, ZipProblem> {
    let root = read_zip_entry(bytes, "OFD.xml", limit)?;
    let doc_root = element_text(&root, b"DocRoot")
        .ok_or_else(|| ZipProblem::Missing("OFD.xml names no DocRoot".into()))?;
    let doc_path = doc_root.trim().trim_start_matches('/').to_string();
    let document = read_zip_entry(bytes, &doc_path, limit)?;
    let base = doc_path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut out = PageCells::default();
    for page in page_locations(&document) {
        let path = join(base, &page);
        let content = read_zip_entry(bytes, &path, limit)?;
        out.start_page();
        place_text(&content, &mut out);
        out.finish_page();
    }
    Ok(out.pages)
}

/// The text of one page's content (`Content.xml`), as [`ofd_pages`] reads it.
#[must_use]
pub fn page_text(content: &str) -> String {
    let mut out = PageCells::default();
    out.start_page();
    place_text(content, &mut out);
    out.finish_page();
    out.pages.pop().unwrap_or_default()
}

/// A path inside the container: absolute (`/Doc_0/…`) or relative to `base`.
fn join(base: &str, loc: &str) -> String {
    match loc.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if base.is_empty() => loc.to_string(),
        None => format!("{base}/{loc}"),
    }
}

/// The local name of an element (without its `ofd:` prefix).
fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

/// The text of the first element named `name`.
fn element_text(xml: &str, name: &[u8]) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if local(e.name().as_ref()) == name => inside = true,
            Event::Text(t) if inside => return t.decode().ok().map(std::borrow::Cow::into_owned),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The value of attribute `name` of an element.
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == name)
        .and_then(|a| a.unescape_value().ok().map(std::borrow::Cow::into_owned))
}

/// The `BaseLoc` of every page of a `Document.xml`, in order.
fn page_locations(document: &str) -> Vec<String> {
    let mut reader = Reader::from_str(document);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if local(e.name().as_ref()) == b"Page" => {
                if let Some(loc) = attr(&e, b"BaseLoc") {
                    out.push(loc);
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

/// Numbers of an attribute (`"10 20 100 30"`).
fn numbers(s: &str) -> Vec<f64> {
    s.split_whitespace()
        .filter_map(|t| t.parse().ok())
        .collect()
}

/// Most advances a `DeltaX` may give: a text code never holds more characters, and a file that
/// claims more (`g 4000000000 1`) must not make the reader allocate them.
const MAX_ADVANCES: usize = 100_000;

/// The advances of a `DeltaX`: numbers, and `g N d` for `N` advances of `d` (at most
/// [`MAX_ADVANCES`] in all).
fn deltas(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut tokens = s.split_whitespace();
    while let Some(t) = tokens.next() {
        if out.len() >= MAX_ADVANCES {
            break;
        }
        if t == "g" {
            let n: usize = tokens.next().and_then(|n| n.parse().ok()).unwrap_or(0);
            let d: f64 = tokens.next().and_then(|d| d.parse().ok()).unwrap_or(0.0);
            out.extend(std::iter::repeat_n(d, n.min(MAX_ADVANCES - out.len())));
        } else if let Ok(d) = t.parse() {
            out.push(d);
        }
    }
    out
}

/// Where the text of a text code goes: its object's origin and font size, its own offset and
/// advances.
#[derive(Debug, Default, Clone)]
struct Code {
    origin: (f64, f64),
    size: f64,
    at: (f64, f64),
    deltas: Vec<f64>,
    /// How many characters of the code were placed.
    next: usize,
}

/// Places the characters of every text code of a page's content.
fn place_text(content: &str, out: &mut PageCells) {
    let mut reader = Reader::from_str(content);
    let mut object = Code {
        size: 3.5,
        ..Code::default()
    };
    let mut code: Option<Code> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match local(e.name().as_ref()) {
                b"TextObject" => {
                    let boundary = attr(&e, b"Boundary")
                        .map(|b| numbers(&b))
                        .unwrap_or_default();
                    object.origin = (
                        boundary.first().copied().unwrap_or(0.0),
                        boundary.get(1).copied().unwrap_or(0.0),
                    );
                    object.size = attr(&e, b"Size")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(3.5);
                }
                b"TextCode" => {
                    let num = |n: &[u8]| attr(&e, n).and_then(|v| v.trim().parse().ok());
                    code = Some(Code {
                        at: (num(b"X").unwrap_or(0.0), num(b"Y").unwrap_or(0.0)),
                        deltas: attr(&e, b"DeltaX").map(|d| deltas(&d)).unwrap_or_default(),
                        ..object.clone()
                    });
                }
                _ => {}
            },
            Ok(Event::Text(t)) => {
                if let (Some(c), Ok(text)) = (&mut code, t.decode()) {
                    place_code(c, &text, out);
                }
            }
            Ok(Event::GeneralRef(r)) => {
                // An entity or character reference inside a text code (`&amp;`, `&#x4E2D;`).
                if let Some(c) = &mut code {
                    let text = match r.resolve_char_ref() {
                        Ok(Some(ch)) => ch.to_string(),
                        _ => r
                            .decode()
                            .ok()
                            .and_then(|n| quick_xml::escape::resolve_predefined_entity(&n))
                            .unwrap_or_default()
                            .to_string(),
                    };
                    place_code(c, &text, out);
                }
            }
            Ok(Event::End(e)) if local(e.name().as_ref()) == b"TextCode" => code = None,
            Ok(Event::Eof) | Err(_) => return,
            _ => {}
        }
    }
}

/// Places `text` where the text code's pen stands, and moves the pen past it.
fn place_code(c: &mut Code, text: &str, out: &mut PageCells) {
    // OFD's y grows downwards; the page layout wants it upwards.
    let y = -(c.origin.1 + c.at.1);
    for ch in text.chars() {
        let guess = if ch.len_utf8() >= 3 {
            c.size
        } else {
            c.size / 2.0
        };
        // Each character's advance is the next of the code's `DeltaX`; past them, a guess.
        let advance = c.deltas.get(c.next).copied().unwrap_or(guess);
        c.next += 1;
        let mut buf = [0u8; 4];
        out.place(
            c.origin.0 + c.at.0,
            y,
            c.size,
            advance,
            ch.encode_utf8(&mut buf),
        );
        c.at.0 += advance;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::ofd;

    #[test]
    fn pages_lines_and_table_cells_are_read_from_text_codes() {
        let bytes = ofd(&[
            &[
                (20.0, 30.0, "十、卫生健康"),
                (20.0, 36.0, "年末全县共有医疗卫生机构215个。"),
            ],
            &[
                (20.0, 30.0, "指标"),
                (60.0, 30.0, "单位"),
                (90.0, 30.0, "数量"),
                (20.0, 36.0, "床位数"),
                (60.0, 36.0, "张"),
                (90.0, 36.0, "1830"),
            ],
        ]);
        assert_eq!(
            ofd_pages(&bytes, 1 << 20).unwrap(),
            vec![
                "十、卫生健康\n年末全县共有医疗卫生机构215个。".to_string(),
                "指标 | 单位 | 数量\n床位数 | 张 | 1830".to_string(),
            ]
        );
    }

    #[test]
    fn advances_and_references_are_followed() {
        assert_eq!(deltas("g 3 4.5 2 1"), vec![4.5, 4.5, 4.5, 2.0, 1.0]);
        assert_eq!(deltas(&"g 90000 1 ".repeat(50)).len(), MAX_ADVANCES);
        let content = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
<ofd:TextObject ID="1" Boundary="10 10 100 10" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 5 4">R&amp;D 1&#x4E2A;</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;
        assert_eq!(page_text(content), "R&D 1个");
    }

    #[test]
    fn a_container_without_its_parts_says_what_is_missing() {
        let no_root = crate::testkit::zip(&[("Doc_0/Document.xml", "<x/>")]);
        assert!(matches!(
            ofd_pages(&no_root, 1 << 20),
            Err(ZipProblem::Missing(d)) if d.contains("OFD.xml")
        ));
        assert!(matches!(
            ofd_pages(b"not a zip", 1 << 20),
            Err(ZipProblem::Corrupt(_))
        ));
    }
}

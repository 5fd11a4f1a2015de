//! What a file is, by its name and its bytes: a report to read as text (and in which format),
//! a table to map, or something ingest does not read (an [`IngestError`]). Old bureau files are
//! often saved under another format's name (a DOCX or a web page called `.doc`, an XLSX called
//! `.et`): where they can disagree, the bytes decide.

use crate::Format;
use crate::error::IngestError;

/// How a file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A report: its text is read in this format.
    Report(Format),
    /// A yearbook table (CSV, TSV, XLSX, XLS, ET), mapped by the pipeline's `[[ingest.table]]`.
    Table,
}

/// Magic bytes of a zip container (DOCX, XLSX, OFD).
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The kind of a file with extension `ext` (lower case) and content `bytes`.
///
/// # Errors
/// [`IngestError`] for a format that is not read (RTF in a `.doc`, an unknown extension) or a
/// `.doc`/`.wps` that is no Word file of any kind.
pub fn sniff(ext: &str, bytes: &[u8]) -> Result<Kind, IngestError> {
    let is_zip = bytes.starts_with(ZIP_MAGIC);
    let format = match ext {
        // A page saved with a .txt name is still a page.
        "txt" | "text" | "md" if looks_like_html(bytes) => Format::Html,
        "txt" | "text" | "md" => Format::Txt,
        "html" | "htm" | "shtml" | "xhtml" => Format::Html,
        "docx" => Format::Docx,
        "pdf" => Format::Pdf,
        "ofd" => Format::Ofd,
        "csv" | "tsv" | "xlsx" | "xls" | "et" => return Ok(Kind::Table),
        "doc" | "wps" if is_zip => Format::Docx,
        "doc" | "wps" if looks_like_html(bytes) => Format::Html,
        "doc" | "wps" if bytes.starts_with(crate::doc::OLE_MAGIC) => Format::Doc,
        "doc" | "wps" if bytes.starts_with(b"{\\rtf") => {
            return Err(IngestError::UnknownFormat(format!(
                "a .{ext} file that holds RTF, which is not read: save it as DOCX"
            )));
        }
        "doc" | "wps" => {
            return Err(IngestError::MalformedDoc(format!(
                "a .{ext} file that is neither a Word 97-2003 compound file nor a DOCX, web page \
                 or RTF: open it and save it as DOCX"
            )));
        }
        _ => {
            return Err(IngestError::UnknownFormat(format!(
                "extension `.{ext}` is not one of txt, html, htm, doc, wps, docx, pdf, ofd, csv, \
                 tsv, xls, et, xlsx"
            )));
        }
    };
    if format == Format::Docx && !is_zip {
        return Err(IngestError::CorruptZip(
            "a .docx file must be a zip archive".into(),
        ));
    }
    Ok(Kind::Report(format))
}

/// Whether the bytes open like an HTML document.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF))
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Binary content: NUL bytes outside UTF-16 text, or many control bytes.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let nul = sample.iter().filter(|&&b| b == 0).count();
    if nul > 0 {
        // UTF-16 without a BOM has NULs in every other byte of ASCII text; treat a regular
        // pattern as text and anything else as binary.
        let odd = sample
            .iter()
            .skip(1)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count();
        let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
        return !(odd * 3 > sample.len() / 2 && even == 0
            || even * 3 > sample.len() / 2 && odd == 0);
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 10 > sample.len()
}

/// Deepest element nesting a page may have; html5ever's tree builder slows down quadratically
/// with depth, and real pages stay far below this.
pub(crate) const MAX_HTML_DEPTH: usize = 2000;

/// An estimate of the element nesting depth of HTML source: opening tags minus closing tags,
/// not counting self-closed tags, void elements and elements whose end tag is often left out.
pub(crate) fn html_depth(src: &str) -> usize {
    /// The void elements (which have no end tag) and the elements whose end tag pages so often
    /// leave out that counting them would only add: `p`, `li`, table cells and rows, `option`.
    const NEVER_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "td", "tr", "th", "option",
    ];
    let b = src.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let closing = b.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let mut j = start;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j == start {
            continue;
        }
        let name = src[start..j].to_ascii_lowercase();
        if NEVER_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let end = b[j..]
                .iter()
                .position(|&c| c == b'>')
                .map_or(b.len(), |p| j + p);
            if end > 0 && b[end - 1] == b'/' {
                continue;
            }
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_decide_what_a_doc_is() {
        assert_eq!(
            sniff("doc", b"PK\x03\x04...."),
            Ok(Kind::Report(Format::Docx))
        );
        assert_eq!(
            sniff("wps", b"<html><body>"),
            Ok(Kind::Report(Format::Html))
        );
        assert_eq!(sniff("et", b"PK\x03\x04"), Ok(Kind::Table));
        assert_eq!(
            sniff("doc", b"{\\rtf1").map_err(|e| e.reason()),
            Err("unknown_format")
        );
        assert_eq!(
            sniff("docx", b"plain").map_err(|e| e.reason()),
            Err("corrupt_zip")
        );
        assert_eq!(
            sniff("exe", b"MZ").map_err(|e| e.reason()),
            Err("unknown_format")
        );
    }

    #[test]
    fn nesting_depth_counts_what_nests() {
        assert_eq!(html_depth("<div><div><p>a<br><img src=x/></div></div>"), 2);
    }

    #[test]
    fn html_content_is_recognised_whatever_the_name() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML><body>"));
        assert!(!looks_like_html("签约率80%".as_bytes()));
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(&[
            0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3, 0, 7
        ]));
        assert!(!looks_binary("签约率80%\n".as_bytes()));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("ab".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(!looks_binary(&utf16));
    }
}

//! A report's bytes to text, whatever its format: the one place where formats are told apart
//! after sniffing. What comes out ([`Text`]) goes on to normalisation, extraction and the
//! document, the same for every format.

use crate::error::IngestError;
use crate::sniff::{MAX_HTML_DEPTH, html_depth, looks_binary};
use crate::{Format, Limits, Warning, decode, doc, docx, html, ofd, pdf};

/// The text of a report as its format gives it.
#[derive(Debug, Default)]
pub struct Text {
    /// The text, before normalisation.
    pub raw: String,
    /// How the bytes were decoded (`UTF-8`, `GBK`, `PDF`, `UTF-16`, …).
    pub encoding: String,
    /// Characters that could not be decoded.
    pub replacements: usize,
    /// A page's `<title>`.
    pub title: Option<String>,
    /// The text of each page, for formats with pages (PDF, OFD), so that facts name their page.
    pub pages: Vec<String>,
    /// Problems met that did not stop the reading.
    pub warnings: Vec<Warning>,
}

/// Decodes the bytes of a text format (a report or a delimited table), refusing binary content
/// and text of which more than a fifth of the characters cannot be decoded.
///
/// # Errors
/// [`IngestError::Binary`], [`IngestError::Undecodable`].
pub fn decode_checked(bytes: &[u8], html: bool, ext: &str) -> Result<decode::Decoded, IngestError> {
    if looks_binary(bytes) {
        return Err(IngestError::Binary(format!(
            "binary content in a .{ext} file (NUL or control bytes)"
        )));
    }
    let d = decode::decode(bytes, html);
    // The characters are counted only when some could not be decoded.
    if d.replacements > 0 {
        let total = d.text.chars().count().max(1);
        if d.replacements * 5 > total {
            return Err(IngestError::Undecodable(format!(
                "{} of {total} characters could not be decoded as {}",
                d.replacements, d.encoding
            )));
        }
    }
    Ok(d)
}

/// Warnings about how text was decoded: a declared charset that was not the one used, bytes
/// that became replacement characters.
pub(crate) fn decode_warnings(d: &decode::Decoded) -> Vec<Warning> {
    let mut out = Vec::new();
    if let Some(declared) = d.declared
        && !declared.eq_ignore_ascii_case(&d.encoding)
    {
        out.push(Warning {
            reason: "charset_mismatch",
            detail: format!(
                "the page declares {declared} but is not; read as {}",
                d.encoding
            ),
        });
    }
    if d.replacements > 0 {
        out.push(Warning {
            reason: "invalid_bytes",
            detail: format!(
                "{} byte sequences are not valid {} and became U+FFFD",
                d.replacements, d.encoding
            ),
        });
    }
    out
}

/// The text of a plain-text or HTML report: decoded (its encoding detected), HTML rendered to
/// lines after a check of its nesting depth.
fn decoded_text(bytes: &[u8], is_html: bool, ext: &str) -> Result<Text, IngestError> {
    let d = decode_checked(bytes, is_html, ext)?;
    let warnings = decode_warnings(&d);
    if !is_html {
        return Ok(Text {
            raw: d.text,
            encoding: d.encoding,
            replacements: d.replacements,
            warnings,
            ..Text::default()
        });
    }
    let depth = html_depth(&d.text);
    if depth > MAX_HTML_DEPTH {
        return Err(IngestError::HtmlTooDeep(format!(
            "elements nested {depth} deep, over the limit of {MAX_HTML_DEPTH}"
        )));
    }
    let h = html::html_to_text(&d.text);
    Ok(Text {
        raw: h.text,
        encoding: d.encoding,
        replacements: d.replacements,
        title: h.title,
        warnings,
        ..Text::default()
    })
}

/// The text of a report in `format`.
///
/// # Errors
/// The [`IngestError`] of the format's reader.
pub fn text_of(
    format: Format,
    bytes: &[u8],
    ext: &str,
    limits: Limits,
) -> Result<Text, IngestError> {
    let paged = |pages: Vec<String>, encoding: &str| Text {
        raw: pages.join("\n"),
        encoding: encoding.to_string(),
        pages,
        ..Text::default()
    };
    let plain = |raw: String, encoding: &str| Text {
        raw,
        encoding: encoding.to_string(),
        ..Text::default()
    };
    match format {
        Format::Pdf => match pdf::pdf_pages(bytes, limits.max_unzipped_bytes) {
            Ok(pages) => Ok(paged(pages, "PDF")),
            Err(pdf::PdfProblem::NoTextLayer(d)) => Err(IngestError::NoTextLayer(d)),
            Err(pdf::PdfProblem::Malformed(d)) => Err(IngestError::MalformedPdf(d)),
            Err(pdf::PdfProblem::Bomb(d)) => Err(IngestError::PdfBomb(d)),
        },
        Format::Ofd => match ofd::ofd_pages(bytes, limits.max_unzipped_bytes) {
            Ok(pages) if pages.iter().all(|p| p.trim().is_empty()) => {
                Err(IngestError::NoTextLayer(format!(
                    "{} pages and no text codes on them: a scan; run OCR on it first",
                    pages.len()
                )))
            }
            Ok(pages) => Ok(paged(pages, "OFD")),
            Err(p) => Err(IngestError::from_zip(p, |d| {
                IngestError::MalformedOfd(format!(
                    "{d}; open it in an OFD reader and print it to PDF"
                ))
            })),
        },
        Format::Doc => doc::doc_to_text(bytes, limits.max_unzipped_bytes)
            .map(|t| plain(t, "UTF-16"))
            .map_err(|doc::DocProblem(d)| {
                IngestError::MalformedDoc(format!(
                    "{d}; open it in Word or WPS and save it as DOCX"
                ))
            }),
        Format::Docx => docx::docx_to_text(bytes, limits.max_unzipped_bytes)
            .map(|t| plain(t, "UTF-8"))
            .map_err(|p| IngestError::from_zip(p, IngestError::MalformedDocx)),
        Format::Txt | Format::Html => decoded_text(bytes, format == Format::Html, ext),
        Format::Csv | Format::Xlsx | Format::Xls => Err(IngestError::Internal(
            "a table reached the report reader".into(),
        )),
    }
}

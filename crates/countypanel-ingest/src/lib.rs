//! Files to normalised text, metadata and facts.
//!
//! Ingest reads a folder of raw reports (or a list of files), chooses a reader by extension and
//! content (plain text, HTML, DOCX), decodes the bytes ([`decode`]), normalises the text
//! ([`normalize`]), drops page furniture, reads the title, publication date and issuing region
//! ([`metadata`]), and runs the extractor. Files are read in parallel; the output order is the
//! sorted order of the paths, whatever the thread count. A file that cannot be read becomes a
//! [`Reject`] with a reason code, and the batch goes on.

pub mod decode;
pub mod doc;
pub mod docx;
pub mod furniture;
pub mod html;
pub mod layout;
pub mod metadata;
pub mod normalize;
pub mod ofd;
pub mod pdf;
pub mod pdf_cells;
pub mod table;
#[cfg(feature = "testkit")]
pub mod testkit;
mod write;

use std::path::{Path, PathBuf};

use countypanel_core::hash::{sha256_hex, short_id};
use countypanel_extract::{DocContext, Extractor, Fact};
use countypanel_regions::{Gazetteer, Status};
use rayon::prelude::*;

pub use write::{IngestSink, IngestSummary};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Txt,
    /// HTML page.
    Html,
    /// Word document.
    Docx,
    /// Delimited table (CSV, TSV).
    Csv,
    /// Excel workbook.
    Xlsx,
    /// Legacy Excel workbook (BIFF), or a WPS spreadsheet saved in that form.
    Xls,
    /// PDF with a text layer.
    Pdf,
    /// Word 97-2003 document, or a WPS Writer file in that container.
    Doc,
    /// OFD fixed-layout document (GB/T 33190-2016) with text codes.
    Ofd,
}

impl Format {
    /// Code stored in the documents table.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Txt => "txt",
            Self::Html => "html",
            Self::Docx => "docx",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Xls => "xls",
            Self::Pdf => "pdf",
            Self::Doc => "doc",
            Self::Ofd => "ofd",
        }
    }
}

/// Limits applied while reading.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Larger files are rejected unread.
    pub max_file_bytes: u64,
    /// Largest expanded size of a zip container's entries.
    pub max_unzipped_bytes: u64,
}

/// A file that was read.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable id: SHA-256 of the bytes (16 hex digits).
    pub doc_id: String,
    /// Path as given.
    pub source_path: String,
    /// SHA-256 of the bytes (full).
    pub sha256: String,
    /// Reader used.
    pub format: Format,
    /// Encoding the bytes were decoded with.
    pub encoding: String,
    /// File size.
    pub n_bytes: u64,
    /// Replacement characters introduced by decoding.
    pub n_replacements: usize,
    /// Metadata.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<countypanel_extract::time::Ymd>,
    /// Issuing region name.
    pub issuer_name: Option<String>,
    /// Its code, when it resolves to one region.
    pub issuer_code: Option<String>,
    /// How the issuer was resolved (`exact`, `short_name`, `inferred_from_town`, …).
    pub issuer_method: Option<&'static str>,
    /// Normalised text.
    pub text: String,
    /// Facts with their ids and region codes.
    pub facts: Vec<DocFact>,
    /// Problems met while reading that did not stop it (written to the rejects table with
    /// outcome `read`).
    pub warnings: Vec<Warning>,
}

/// A problem in a file that was still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Reason code: `charset_mismatch`, `invalid_bytes`, `ragged_rows`, `bad_cells`.
    pub reason: &'static str,
    /// What exactly was wrong.
    pub detail: String,
}

/// Warnings about how text was decoded: a declared charset that was not the one used, bytes
/// that became replacement characters.
fn decode_warnings(d: &decode::Decoded) -> Vec<Warning> {
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

/// Deepest element nesting a page may have; html5ever's tree builder slows down quadratically
/// with depth, and real pages stay far below this.
const MAX_HTML_DEPTH: usize = 2000;

/// An estimate of the element nesting depth of HTML source: opening tags minus closing tags,
/// void elements and self-closed tags not counted.
fn html_depth(src: &str) -> usize {
    const VOID: &[&str] = &[
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
        if VOID.contains(&name.as_str()) {
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

/// A fact with the ids and codes ingest adds.
#[derive(Debug, Clone)]
pub struct DocFact {
    /// Stable id.
    pub fact_id: String,
    /// The fact.
    pub fact: Fact,
    /// Region code valid in the fact's year.
    pub region_code: Option<String>,
    /// How the region was resolved.
    pub region_method: Option<&'static str>,
    /// The PDF page holding the evidence (1-based), for PDF files.
    pub page: Option<i32>,
}

/// A file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// Path as given.
    pub source_path: String,
    /// Reason code.
    pub reason: &'static str,
    /// What exactly was wrong.
    pub detail: String,
    /// File size, when known.
    pub n_bytes: Option<u64>,
}

/// What happened to one input.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Read.
    Document(Box<Document>),
    /// Rejected.
    Rejected(Reject),
}

/// Everything ingest needs besides the files.
pub struct Reader<'a> {
    /// Compiled extractor.
    pub extractor: &'a Extractor,
    /// Region names for metadata.
    pub finder: &'a metadata::RegionFinder,
    /// Gazetteer for codes.
    pub gazetteer: &'a Gazetteer,
    /// Limits.
    pub limits: Limits,
    /// The indicator catalog (units of table columns).
    pub catalog: &'a countypanel_core::catalog::Catalog,
    /// Column mappings of yearbook tables.
    pub tables: &'a [countypanel_core::config::TableMapping],
}

/// Lists the files under `root` (recursively, hidden files and folders skipped), sorted.
pub fn list_inputs(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if root.is_file() {
        out.push(root.to_path_buf());
        return Ok(out);
    }
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let ty = entry.file_type()?;
            if ty.is_dir() {
                stack.push(entry.path());
            } else if ty.is_file() {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

impl Reader<'_> {
    /// Reads every path in parallel; `progress` is called once per finished file. The result is
    /// in the order of `paths`.
    pub fn read_all(
        &self,
        paths: &[PathBuf],
        progress: &(dyn Fn(&Outcome) + Sync),
    ) -> Vec<Outcome> {
        paths
            .par_iter()
            .map(|p| {
                let o = self.read_guarded(p);
                progress(&o);
                o
            })
            .collect()
    }

    /// Reads one file; a fault of the reader on it (a panic) rejects the file as
    /// `internal_error`, naming the fault, and the batch goes on.
    fn read_guarded(&self, path: &Path) -> Outcome {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.read_one(path)))
            .unwrap_or_else(|fault| {
                let what = fault
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| fault.downcast_ref::<&str>().copied())
                    .unwrap_or("unknown fault");
                Outcome::Rejected(Reject {
                    source_path: path.to_string_lossy().into_owned(),
                    reason: "internal_error",
                    detail: format!("countypanel failed on this file ({what}); please report it"),
                    n_bytes: std::fs::metadata(path).ok().map(|m| m.len()),
                })
            })
    }

    /// Reads one file.
    #[must_use]
    pub fn read_one(&self, path: &Path) -> Outcome {
        let source_path = path.to_string_lossy().into_owned();
        let reject = |reason: &'static str, detail: String, n: Option<u64>| {
            Outcome::Rejected(Reject {
                source_path: source_path.clone(),
                reason,
                detail,
                n_bytes: n,
            })
        };
        let size = match std::fs::metadata(path) {
            Ok(m) => m.len(),
            Err(e) => return reject("unreadable", e.to_string(), None),
        };
        if size > self.limits.max_file_bytes {
            return reject(
                "too_large",
                format!(
                    "{size} bytes, over the limit of {}",
                    self.limits.max_file_bytes
                ),
                Some(size),
            );
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return reject("unreadable", e.to_string(), Some(size)),
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return reject("empty", "the file holds no text".into(), Some(size));
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let is_zip = bytes.starts_with(b"PK\x03\x04");
        let format = match ext.as_str() {
            // A page saved with a .txt name is still a page.
            "txt" | "text" | "md" if looks_like_html(&bytes) => Format::Html,
            "txt" | "text" | "md" => Format::Txt,
            "html" | "htm" | "shtml" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            "ofd" => Format::Ofd,
            "csv" | "tsv" | "xlsx" | "xls" | "et" => {
                return self.read_table(path, &bytes, &ext);
            }
            // Old bureau files named .doc or .wps are often something else saved under that
            // name: a DOCX, a web page, RTF. The bytes decide.
            "doc" | "wps" if is_zip => Format::Docx,
            "doc" | "wps" if looks_like_html(&bytes) => Format::Html,
            "doc" | "wps" if bytes.starts_with(doc::OLE_MAGIC) => Format::Doc,
            "doc" | "wps" if bytes.starts_with(b"{\\rtf") => {
                return reject(
                    "unknown_format",
                    format!("a .{ext} file that holds RTF, which is not read: save it as DOCX"),
                    Some(size),
                );
            }
            "doc" | "wps" => {
                return reject(
                    "malformed_doc",
                    format!(
                        "a .{ext} file that is neither a Word 97-2003 compound file nor a DOCX, \
                         web page or RTF: open it and save it as DOCX"
                    ),
                    Some(size),
                );
            }
            _ => {
                return reject(
                    "unknown_format",
                    format!(
                        "extension `.{ext}` is not one of txt, html, htm, doc, wps, docx, pdf, ofd, \
                         csv, tsv, xls, et, xlsx"
                    ),
                    Some(size),
                );
            }
        };
        if format == Format::Docx && !is_zip {
            return reject(
                "corrupt_zip",
                "a .docx file must be a zip archive".into(),
                Some(size),
            );
        }
        let mut warnings = Vec::new();
        let mut pdf_pages: Vec<String> = Vec::new();
        let (raw_text, encoding, replacements, html_title) = match format {
            Format::Pdf => match pdf::pdf_pages(&bytes, self.limits.max_unzipped_bytes) {
                Ok(pages) => {
                    let text = pages.join("\n");
                    pdf_pages = pages;
                    (text, "PDF".to_string(), 0, None)
                }
                Err(pdf::PdfProblem::NoTextLayer(d)) => {
                    return reject("no_text_layer", d, Some(size));
                }
                Err(pdf::PdfProblem::Malformed(d)) => {
                    return reject("malformed_pdf", d, Some(size));
                }
                Err(pdf::PdfProblem::Bomb(d)) => return reject("pdf_bomb", d, Some(size)),
            },
            Format::Ofd => match ofd::ofd_pages(&bytes, self.limits.max_unzipped_bytes) {
                Ok(pages) if pages.iter().all(|p| p.trim().is_empty()) => {
                    return reject(
                        "no_text_layer",
                        format!(
                            "{} pages and no text codes on them: a scan; run OCR on it first",
                            pages.len()
                        ),
                        Some(size),
                    );
                }
                Ok(pages) => {
                    let text = pages.join("\n");
                    pdf_pages = pages;
                    (text, "OFD".to_string(), 0, None)
                }
                Err(docx::ZipProblem::Corrupt(d)) => return reject("corrupt_zip", d, Some(size)),
                Err(docx::ZipProblem::Bomb(d)) => return reject("zip_bomb", d, Some(size)),
                Err(docx::ZipProblem::Missing(d)) => {
                    return reject(
                        "malformed_ofd",
                        format!("{d}; open it in an OFD reader and print it to PDF"),
                        Some(size),
                    );
                }
            },
            Format::Doc => match doc::doc_to_text(&bytes, self.limits.max_unzipped_bytes) {
                Ok(t) => (t, "UTF-16".to_string(), 0, None),
                Err(doc::DocProblem(d)) => {
                    return reject(
                        "malformed_doc",
                        format!("{d}; open it in Word or WPS and save it as DOCX"),
                        Some(size),
                    );
                }
            },
            Format::Docx => match docx::docx_to_text(&bytes, self.limits.max_unzipped_bytes) {
                Ok(t) => (t, "UTF-8".to_string(), 0, None),
                Err(docx::ZipProblem::Corrupt(d)) => return reject("corrupt_zip", d, Some(size)),
                Err(docx::ZipProblem::Bomb(d)) => return reject("zip_bomb", d, Some(size)),
                Err(docx::ZipProblem::Missing(d)) => {
                    return reject("malformed_docx", d, Some(size));
                }
            },
            Format::Csv | Format::Xlsx | Format::Xls => {
                unreachable!("tables are read by read_table")
            }
            Format::Txt | Format::Html => {
                if looks_binary(&bytes) {
                    return reject(
                        "binary",
                        format!("binary content in a .{ext} file (NUL or control bytes)"),
                        Some(size),
                    );
                }
                let d = decode::decode(&bytes, format == Format::Html);
                let total = d.text.chars().count().max(1);
                if d.replacements * 5 > total {
                    return reject(
                        "undecodable",
                        format!(
                            "{} of {total} characters could not be decoded as {}",
                            d.replacements, d.encoding
                        ),
                        Some(size),
                    );
                }
                warnings = decode_warnings(&d);
                if format == Format::Html {
                    let depth = html_depth(&d.text);
                    if depth > MAX_HTML_DEPTH {
                        return reject(
                            "html_too_deep",
                            format!(
                                "elements nested {depth} deep, over the limit of {MAX_HTML_DEPTH}"
                            ),
                            Some(size),
                        );
                    }
                    let h = html::html_to_text(&d.text);
                    (h.text, d.encoding, d.replacements, h.title)
                } else {
                    (d.text, d.encoding, d.replacements, None)
                }
            }
        };
        let normalized = layout::undo(&normalize::normalize(&raw_text));
        let meta = metadata::read_metadata(&normalized, html_title.as_deref(), self.finder);
        let text = furniture::strip(&normalized);
        if text.trim().is_empty() {
            return reject(
                "no_text",
                "no text left after reading the file".into(),
                Some(size),
            );
        }
        let page_starts = pdf::page_starts(&pdf_pages, &text, |l| {
            layout::undo(&normalize::normalize(l))
        });
        let sha = sha256_hex(&bytes);
        let doc_id = sha[..16].to_string();
        let published_year = meta.published.map(|(y, _, _)| y);
        let mut context: Vec<&str> = Vec::new();
        if let Some(t) = meta.title.as_deref() {
            context.push(t);
        }
        // The issuer as named; failing that, a town the text names, which places the document in
        // its county (recorded as inferred, never as stated).
        let issuer_resolution = meta
            .issuer
            .as_deref()
            .or(meta.town.as_deref())
            .map(|name| {
                self.gazetteer
                    .resolve_in_year(name, published_year, &context)
            })
            .filter(|r| r.status == Status::Resolved);
        let issuer_code = issuer_resolution.as_ref().and_then(|r| r.code.clone());
        let issuer_method = issuer_resolution
            .as_ref()
            .and_then(|r| r.method)
            .map(countypanel_regions::Method::as_str);
        if let Some(i) = meta.issuer.as_deref() {
            context.push(i);
        }
        if let Some(c) = issuer_code.as_deref() {
            context.push(c);
        }
        let ctx = DocContext {
            published: meta.published.filter(|_| !meta.published_weak),
            issuer_region: meta.issuer.clone(),
            title: meta.title.clone(),
        };
        let facts = self
            .extractor
            .extract(&text, &ctx)
            .into_iter()
            .map(|fact| {
                let named_here = fact.region_name.is_some() && fact.region_name != meta.issuer;
                let named = named_here.then(|| {
                    let name = fact.region_name.as_deref().unwrap_or_default();
                    self.gazetteer
                        .resolve_in_year(name, fact.year.or(published_year), &context)
                });
                // A county's report that names its province or prefecture in a sentence (全省第一,
                // 按照安徽省要求) still speaks of the county: an enclosing region does not move
                // the fact.
                let named = named.filter(|r| {
                    !matches!((r.code.as_deref(), issuer_code.as_deref()),
                        (Some(n), Some(i)) if countypanel_regions::encloses(n, i))
                });
                let (region_code, region_method) = if let Some(r) = named {
                    if r.status == Status::Resolved {
                        (r.code, r.method.map(countypanel_regions::Method::as_str))
                    } else {
                        (None, None)
                    }
                } else if let Some(r) = &issuer_resolution {
                    // The issuer's region, checked against the fact's own year.
                    let year = fact.year.or(published_year);
                    let code = r
                        .code
                        .clone()
                        .filter(|c| self.gazetteer.by_code(c, year).is_some());
                    (code, issuer_method)
                } else {
                    (None, None)
                };
                let fact_id = fact_id(&doc_id, &fact);
                let page = pdf::page_of(&page_starts, fact.char_start);
                DocFact {
                    fact_id,
                    fact,
                    region_code,
                    region_method,
                    page,
                }
            })
            .collect();
        Outcome::Document(Box::new(Document {
            doc_id,
            source_path,
            sha256: sha,
            format,
            encoding,
            n_bytes: size,
            n_replacements: replacements,
            title: meta.title,
            published: meta.published,
            issuer_name: meta.issuer,
            issuer_code,
            issuer_method,
            text,
            facts,
            warnings,
        }))
    }
}

impl Reader<'_> {
    /// Reads a yearbook table under the first `[[ingest.table]]` mapping that matches its path.
    fn read_table(&self, path: &Path, bytes: &[u8], ext: &str) -> Outcome {
        let source_path = path.to_string_lossy().into_owned();
        let size = bytes.len() as u64;
        let reject = |reason: &'static str, detail: String| {
            Outcome::Rejected(Reject {
                source_path: source_path.clone(),
                reason,
                detail,
                n_bytes: Some(size),
            })
        };
        let Some(mapping) = self
            .tables
            .iter()
            .find(|m| source_path.contains(&m.path_contains))
        else {
            return reject(
                "unmapped_table",
                "no [[ingest.table]] mapping of the pipeline file matches this path".into(),
            );
        };
        let mut warnings = Vec::new();
        // WPS saves .et spreadsheets (and some .xls files) in either container; the bytes say which.
        let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        let ext = match ext {
            "xls" | "et" if bytes.starts_with(b"PK\x03\x04") => "xlsx",
            other => other,
        };
        let (format, grid, encoding, replacements) = if matches!(ext, "xls" | "et") {
            if !ole {
                return reject(
                    "malformed_xls",
                    format!("a .{ext} file must be an Excel 97-2003 (OLE) or XLSX workbook"),
                );
            }
            match table::parse_xls(bytes) {
                Ok(g) => (Format::Xls, g, "BIFF".to_string(), 0),
                Err(d) => return reject("malformed_xls", d),
            }
        } else if ext == "xlsx" {
            if !bytes.starts_with(b"PK\x03\x04") {
                return reject("corrupt_zip", "an .xlsx file must be a zip archive".into());
            }
            match docx::read_zip_entry(bytes, "xl/workbook.xml", self.limits.max_unzipped_bytes) {
                Err(docx::ZipProblem::Corrupt(d)) => return reject("corrupt_zip", d),
                Err(docx::ZipProblem::Bomb(d)) => return reject("zip_bomb", d),
                Err(docx::ZipProblem::Missing(d)) => return reject("malformed_xlsx", d),
                Ok(_) => {}
            }
            match table::parse_xlsx(bytes) {
                Ok(g) => (Format::Xlsx, g, "UTF-8".to_string(), 0),
                Err(d) => return reject("malformed_xlsx", d),
            }
        } else {
            if looks_binary(bytes) {
                return reject("binary", format!("binary content in a .{ext} file"));
            }
            let d = decode::decode(bytes, false);
            if d.replacements * 5 > d.text.chars().count().max(1) {
                return reject(
                    "undecodable",
                    format!(
                        "{} characters could not be decoded as {}",
                        d.replacements, d.encoding
                    ),
                );
            }
            warnings = decode_warnings(&d);
            match table::parse_delimited(&d.text, ext == "tsv") {
                Ok(g) => (Format::Csv, g, d.encoding, d.replacements),
                Err(e) => return reject("malformed_table", e),
            }
        };
        let units = |id: &str| {
            let unit = self.catalog.get(id)?.unit.as_str();
            countypanel_core::catalog::UNITS
                .iter()
                .find(|u| **u == unit)
                .copied()
        };
        let (text, cells) = match table::table_facts(&grid, mapping, &units) {
            Ok(t) => {
                warnings.extend(t.warnings);
                (t.text, t.facts)
            }
            Err(table::TableProblem(d)) => return reject("unmapped_table", d),
        };
        let sha = sha256_hex(bytes);
        let doc_id = sha[..16].to_string();
        let facts = cells
            .into_iter()
            .map(|c| {
                let ctx: Vec<&str> = c.parent.as_deref().into_iter().collect();
                let r = self.gazetteer.resolve_in_year(
                    c.fact.region_name.as_deref().unwrap_or(""),
                    c.fact.year,
                    &ctx,
                );
                let (region_code, region_method) = if r.status == Status::Resolved {
                    (r.code, r.method.map(countypanel_regions::Method::as_str))
                } else {
                    (None, None)
                };
                let fact_id = fact_id(&doc_id, &c.fact);
                DocFact {
                    fact_id,
                    fact: c.fact,
                    region_code,
                    region_method,
                    page: None,
                }
            })
            .collect();
        Outcome::Document(Box::new(Document {
            doc_id,
            source_path: source_path.clone(),
            sha256: sha,
            format,
            encoding,
            n_bytes: size,
            n_replacements: replacements,
            title: None,
            published: None,
            issuer_name: None,
            issuer_code: None,
            issuer_method: None,
            text,
            facts,
            warnings,
        }))
    }
}

/// Stable id of a fact: its document, span, value and naming (several facts may share a span,
/// as the rates of 报告率、及时率为100% do).
fn fact_id(doc_id: &str, fact: &Fact) -> String {
    let start = fact.char_start.to_string();
    let end = fact.char_end.to_string();
    let value = fact.value.to_string();
    let mut parts = vec![
        doc_id,
        &start,
        &end,
        &value,
        fact.indicator_text.as_deref().unwrap_or(""),
    ];
    // A fact repeated for each year of a range differs from its copies by its year only.
    let year = fact.year.map(|y| y.to_string()).unwrap_or_default();
    if fact.year_flag == Some("each_year_of_range") {
        parts.push(&year);
    }
    short_id(&parts, 16)
}

/// Whether the bytes open like an HTML document.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF))
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Binary content: NUL bytes outside UTF-16 text, or many control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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

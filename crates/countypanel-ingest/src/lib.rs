//! Files to normalised text, metadata and facts.
//!
//! Ingest reads a folder of raw reports (or a list of files), chooses a reader by extension and
//! content (plain text, HTML, DOCX), decodes the bytes ([`decode`]), normalises the text
//! ([`normalize`]), drops page furniture, reads the title, publication date and issuing region
//! ([`metadata`]), and runs the extractor. Files are read in parallel; the output order is the
//! sorted order of the paths, whatever the thread count. A file that cannot be read becomes a
//! [`Reject`] with a reason code, and the batch goes on.

pub mod batch;
pub mod decode;
pub mod doc;
pub mod docx;
pub mod error;
pub mod furniture;
pub mod grid;
pub mod html;
pub mod layout;
pub mod metadata;
pub mod normalize;
pub mod ofd;
pub mod parts;
pub mod pdf;
pub mod pdf_cells;
mod place;
pub mod sniff;
#[cfg(feature = "testkit")]
pub mod testkit;
pub mod text;
mod write;
pub mod yearbook;

use std::path::{Path, PathBuf};

use countypanel_core::hash::{sha256_hex, short_id};
use countypanel_extract::{DocContext, Extractor, Fact};
use countypanel_regions::{Gazetteer, Status};
pub use error::IngestError;
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

impl Outcome {
    /// The rejection of the file at `source_path` for `why`.
    #[must_use]
    pub fn rejected(source_path: String, why: &IngestError, n_bytes: Option<u64>) -> Self {
        Self::Rejected(Reject {
            source_path,
            reason: why.reason(),
            detail: why.detail().to_string(),
            n_bytes,
        })
    }
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
                Outcome::rejected(
                    path.to_string_lossy().into_owned(),
                    &IngestError::Internal(format!(
                        "countypanel failed on this file ({what}); please report it"
                    )),
                    std::fs::metadata(path).ok().map(|m| m.len()),
                )
            })
    }

    /// Reads one file: its bytes (within the limits), what it is ([`sniff`]), then a table by
    /// its mapping or a report through its text ([`text::text_of`]) and [`Self::report`].
    #[must_use]
    pub fn read_one(&self, path: &Path) -> Outcome {
        let source_path = path.to_string_lossy().into_owned();
        let (size, bytes) = match load(path, self.limits) {
            Ok(loaded) => loaded,
            Err((e, size)) => return Outcome::rejected(source_path, &e, size),
        };
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let read = sniff::sniff(&ext, &bytes).and_then(|kind| match kind {
            sniff::Kind::Table => self.read_yearbook(&source_path, &bytes, &ext),
            sniff::Kind::Report(format) => {
                let text = text::text_of(format, &bytes, &ext, self.limits)?;
                self.report(&source_path, &bytes, format, text)
            }
        });
        match read {
            Ok(doc) => Outcome::Document(Box::new(doc)),
            Err(e) => Outcome::rejected(source_path, &e, Some(size)),
        }
    }

    /// The issuer as named; failing that, a town the text names, which places the document in
    /// its county (recorded as inferred, never as stated). Resolved in the year of publication,
    /// with the title and the document's opening (its date line may name the issuing body in
    /// full: 兰州市城关区人民政府 under a title about 城关区) as context.
    fn resolve_issuer(
        &self,
        meta: &metadata::Metadata,
        opening: &str,
    ) -> Option<countypanel_regions::Resolution> {
        let published_year = meta.published.map(|(y, _, _)| y);
        let context: Vec<&str> = meta.title.as_deref().into_iter().chain([opening]).collect();
        meta.issuer
            .as_deref()
            .or(meta.town.as_deref())
            .map(|name| {
                self.gazetteer
                    .resolve_in_year(name, published_year, &context)
            })
            .filter(|r| r.status == Status::Resolved)
    }

    /// The facts of a report's text, each with its region and page.
    fn placed_facts(
        &self,
        text: &str,
        ctx: &DocContext,
        issuer: &place::Issuer,
        doc_id: &str,
        page_starts: &[usize],
    ) -> Vec<DocFact> {
        self.extractor
            .extract(text, ctx)
            .into_iter()
            .map(|fact| {
                let (region_code, region_method) = self.region_of(&fact, issuer);
                DocFact {
                    fact_id: fact_id(doc_id, &fact),
                    page: pdf::page_of(page_starts, fact.char_start),
                    fact,
                    region_code,
                    region_method,
                }
            })
            .collect()
    }

    /// A report's document: its text normalised (layout undone, furniture stripped), its
    /// metadata, and its facts with their regions and pages.
    fn report(
        &self,
        source_path: &str,
        bytes: &[u8],
        format: Format,
        read: text::Text,
    ) -> Result<Document, IngestError> {
        let text::Text {
            raw: raw_text,
            encoding,
            replacements,
            title: html_title,
            pages: pdf_pages,
            warnings,
        } = read;
        let size = bytes.len() as u64;
        // A PDF's spacing is its page's: it lays out no table.
        let printed = !pdf_pages.is_empty();
        let normal = |t: &str| {
            if printed {
                normalize::normalize_printed(t)
            } else {
                normalize::normalize(t)
            }
        };
        let normalized = layout::undo_with(&normal(&raw_text), printed);
        let meta = metadata::read_metadata(&normalized, html_title.as_deref(), self.finder);
        let text = furniture::strip(&normalized);
        if text.trim().is_empty() {
            return Err(IngestError::NoText(
                "no text left after reading the file".into(),
            ));
        }
        let page_starts = pdf::page_starts(&pdf_pages, &text, |l| {
            layout::undo_with(&normal(l), printed)
        });
        let (sha, doc_id) = document_id(bytes);
        let published_year = meta.published.map(|(y, _, _)| y);
        let opening = &text[..text.char_indices().nth(300).map_or(text.len(), |(i, _)| i)];
        let issuer_resolution = self.resolve_issuer(&meta, opening);
        let issuer_code = issuer_resolution.as_ref().and_then(|r| r.code.clone());
        let issuer_method = issuer_resolution
            .as_ref()
            .and_then(|r| r.method)
            .map(countypanel_regions::Method::as_str);
        let context: Vec<&str> = [
            meta.title.as_deref(),
            meta.issuer.as_deref(),
            issuer_code.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let ctx = DocContext {
            published: meta.published.filter(|_| !meta.published_weak),
            issuer_region: meta.issuer.clone(),
            title: meta.title.clone(),
        };
        let issuer = place::Issuer {
            name: meta.issuer.as_deref(),
            resolution: issuer_resolution.as_ref(),
            method: issuer_method,
            published_year,
            context: &context,
        };
        let facts = self.placed_facts(&text, &ctx, &issuer, &doc_id, &page_starts);
        Ok(Document {
            doc_id,
            source_path: source_path.to_string(),
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
        })
    }
}

impl Reader<'_> {
    /// Reads a yearbook table under the first `[[ingest.table]]` mapping that matches its path.
    fn read_yearbook(
        &self,
        source_path: &str,
        bytes: &[u8],
        ext: &str,
    ) -> Result<Document, IngestError> {
        let size = bytes.len() as u64;
        let Some(mapping) = self
            .tables
            .iter()
            .find(|m| source_path.contains(&m.path_contains))
        else {
            return self.unmapped_table(source_path, bytes, ext);
        };
        let (format, grid, encoding, replacements, mut warnings) =
            Self::grid_of(bytes, ext, self.limits)?;
        let units = |id: &str| self.catalog.get(id).map(|i| i.unit);
        // A file the mapping's path takes in but whose header it does not fit is read as an
        // unmapped table; the mapping's problem is the one told when that gives nothing either.
        let read = match yearbook::table_facts(&grid, mapping, &units) {
            Ok(read) => read,
            Err(yearbook::TableProblem(d)) => {
                return self
                    .unmapped_table(source_path, bytes, ext)
                    .map_err(|_| IngestError::UnmappedTable(d));
            }
        };
        warnings.extend(read.warnings);
        let (text, cells) = (read.text, read.facts);
        let (sha, doc_id) = document_id(bytes);
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
        Ok(Document {
            doc_id,
            source_path: source_path.to_string(),
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
        })
    }
}

impl Reader<'_> {
    /// A spreadsheet or delimited file no `[[ingest.table]]` mapping describes, read as a report
    /// whose text is its rows (cells joined by `|`), as a table inside a report is read: its title
    /// row, header and row labels name the measures, years and places. A file that gives no fact
    /// of a catalog indicator that way is rejected as `unmapped_table`.
    fn unmapped_table(
        &self,
        source_path: &str,
        bytes: &[u8],
        ext: &str,
    ) -> Result<Document, IngestError> {
        let (format, grid, encoding, replacements, warnings) =
            Self::grid_of(bytes, ext, self.limits)?;
        // Every worksheet of a workbook, each under its name when that says more than its
        // place (2023年, not Sheet2), as the heading that dates it.
        let raw = match format {
            Format::Xlsx => yearbook::parse_xlsx_sheets(bytes)
                .map_err(IngestError::MalformedXlsx)?
                .iter()
                .map(|(name, sheet)| {
                    let named = !name.to_ascii_lowercase().starts_with("sheet")
                        && !name.starts_with("工作表");
                    let text = yearbook::grid_text(sheet);
                    if !named {
                        return format!("{text}\n");
                    }
                    // Before the sheet's title line, unless that names a year of its own.
                    match text.split_once('\n') {
                        Some((title, rest))
                            if !title.contains(" | ")
                                && !title.chars().any(|c| c.is_ascii_digit()) =>
                        {
                            format!("{name} {title}\n{rest}\n")
                        }
                        _ => format!("{name}\n{text}\n"),
                    }
                })
                .collect(),
            _ => yearbook::grid_text(&grid),
        };
        let read = text::Text {
            raw,
            encoding,
            replacements,
            title: None,
            pages: Vec::new(),
            warnings,
        };
        match self.report(source_path, bytes, format, read) {
            Ok(doc) if doc.facts.iter().any(|f| f.fact.indicator_id.is_some()) => Ok(doc),
            _ => Err(IngestError::UnmappedTable(
                "no [[ingest.table]] mapping of the pipeline file matches this path, and read \
                 as a table of rows and columns it names no indicator of the catalog"
                    .into(),
            )),
        }
    }

    /// The cells of a spreadsheet or delimited text file, with its format, encoding, replaced
    /// characters and decoding warnings.
    fn grid_of(
        bytes: &[u8],
        ext: &str,
        limits: Limits,
    ) -> Result<(Format, yearbook::Grid, String, usize, Vec<Warning>), IngestError> {
        // WPS saves .et spreadsheets (and some .xls files) in either container; the bytes say which.
        let ext = match ext {
            "xls" | "et" if bytes.starts_with(sniff::ZIP_MAGIC) => "xlsx",
            other => other,
        };
        if matches!(ext, "xls" | "et") {
            if !bytes.starts_with(doc::OLE_MAGIC) {
                return Err(IngestError::MalformedXls(format!(
                    "a .{ext} file must be an Excel 97-2003 (OLE) or XLSX workbook"
                )));
            }
            let grid = yearbook::parse_xls(bytes).map_err(IngestError::MalformedXls)?;
            Ok((Format::Xls, grid, "BIFF".to_string(), 0, Vec::new()))
        } else if ext == "xlsx" {
            if !bytes.starts_with(sniff::ZIP_MAGIC) {
                return Err(IngestError::CorruptZip(
                    "an .xlsx file must be a zip archive".into(),
                ));
            }
            docx::read_zip_entry(bytes, "xl/workbook.xml", limits.max_unzipped_bytes)
                .map_err(|p| IngestError::from_zip(p, IngestError::MalformedXlsx))?;
            let grid = yearbook::parse_xlsx(bytes).map_err(IngestError::MalformedXlsx)?;
            Ok((Format::Xlsx, grid, "UTF-8".to_string(), 0, Vec::new()))
        } else {
            let d = text::decode_checked(bytes, false, ext)?;
            let warnings = text::decode_warnings(&d);
            let grid = yearbook::parse_delimited(&d.text, ext == "tsv")
                .map_err(IngestError::MalformedTable)?;
            Ok((Format::Csv, grid, d.encoding, d.replacements, warnings))
        }
    }
}

/// The SHA-256 of a file's bytes and its document id (the first 16 hex digits).
fn document_id(bytes: &[u8]) -> (String, String) {
    let sha = sha256_hex(bytes);
    let id = sha[..16].to_string();
    (sha, id)
}

/// A file's size and bytes, refusing files that cannot be read, are over the size limit or
/// hold nothing but white space.
fn load(path: &Path, limits: Limits) -> Result<(u64, Vec<u8>), (IngestError, Option<u64>)> {
    use std::io::Read as _;
    // One open and one stat of the open file (not a stat by path, then another inside `read`).
    let unreadable = |e: std::io::Error, size| (IngestError::Unreadable(e.to_string()), size);
    let mut file = std::fs::File::open(path)
        .map_err(|e| unreadable(e, std::fs::metadata(path).ok().map(|m| m.len())))?;
    let size = file.metadata().map_err(|e| unreadable(e, None))?.len();
    if size > limits.max_file_bytes {
        return Err((
            IngestError::TooLarge(format!(
                "{size} bytes, over the limit of {}",
                limits.max_file_bytes
            )),
            Some(size),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // Through `Take`, which reads into the capacity given: a file's own `read_to_end` would stat
    // the file and seek in it again to guess its size.
    (&mut file)
        .take(u64::MAX)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e, Some(size)))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((
            IngestError::Empty("the file holds no text".into()),
            Some(size),
        ));
    }
    Ok((size, bytes))
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
    if fact.year_flag == Some(countypanel_core::vocab::YearFlag::EachYearOfRange) {
        parts.push(&year);
    }
    short_id(&parts, 16)
}

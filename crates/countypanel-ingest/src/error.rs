//! Why a file was not read: one variant per reason code of the rejects table, each with what
//! exactly was wrong. The codes are the vocabulary of `ingest_rejects.reason` (its contract
//! lists them; a test checks that each variant is there).

/// Why ingest rejected a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// Larger than `ingest.max_file_bytes`.
    #[error("too_large: {0}")]
    TooLarge(String),
    /// Nothing but white space.
    #[error("empty: {0}")]
    Empty(String),
    /// Binary content in a text format.
    #[error("binary: {0}")]
    Binary(String),
    /// Too many characters not decodable in any encoding tried.
    #[error("undecodable: {0}")]
    Undecodable(String),
    /// Not a readable zip container.
    #[error("corrupt_zip: {0}")]
    CorruptZip(String),
    /// A zip container whose entries expand past the limit.
    #[error("zip_bomb: {0}")]
    ZipBomb(String),
    /// A DOCX without its document part.
    #[error("malformed_docx: {0}")]
    MalformedDocx(String),
    /// An XLSX without its workbook part, or one that does not parse.
    #[error("malformed_xlsx: {0}")]
    MalformedXlsx(String),
    /// An `.xls` or `.et` that is no workbook.
    #[error("malformed_xls: {0}")]
    MalformedXls(String),
    /// A `.doc` or `.wps` that is no readable Word 97-2003 file.
    #[error("malformed_doc: {0}")]
    MalformedDoc(String),
    /// An `.ofd` container without the parts an OFD document needs.
    #[error("malformed_ofd: {0}")]
    MalformedOfd(String),
    /// A truncated, encrypted or damaged PDF.
    #[error("malformed_pdf: {0}")]
    MalformedPdf(String),
    /// A PDF or OFD whose pages hold no text (a scan).
    #[error("no_text_layer: {0}")]
    NoTextLayer(String),
    /// A PDF whose compressed streams expand past the limit.
    #[error("pdf_bomb: {0}")]
    PdfBomb(String),
    /// A delimited table that does not parse.
    #[error("malformed_table: {0}")]
    MalformedTable(String),
    /// A table no `[[ingest.table]]` mapping fits.
    #[error("unmapped_table: {0}")]
    UnmappedTable(String),
    /// A page nested deeper than the reader allows.
    #[error("html_too_deep: {0}")]
    HtmlTooDeep(String),
    /// A format that is not read.
    #[error("unknown_format: {0}")]
    UnknownFormat(String),
    /// No text left once the file was read.
    #[error("no_text: {0}")]
    NoText(String),
    /// The same bytes as a file read before.
    #[error("duplicate_file: {0}")]
    DuplicateFile(String),
    /// countypanel failed on the file (a bug).
    #[error("internal_error: {0}")]
    Internal(String),
}

impl IngestError {
    /// The reason code written to the rejects table.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        match self {
            Self::Unreadable(_) => "unreadable",
            Self::TooLarge(_) => "too_large",
            Self::Empty(_) => "empty",
            Self::Binary(_) => "binary",
            Self::Undecodable(_) => "undecodable",
            Self::CorruptZip(_) => "corrupt_zip",
            Self::ZipBomb(_) => "zip_bomb",
            Self::MalformedDocx(_) => "malformed_docx",
            Self::MalformedXlsx(_) => "malformed_xlsx",
            Self::MalformedXls(_) => "malformed_xls",
            Self::MalformedDoc(_) => "malformed_doc",
            Self::MalformedOfd(_) => "malformed_ofd",
            Self::MalformedPdf(_) => "malformed_pdf",
            Self::NoTextLayer(_) => "no_text_layer",
            Self::PdfBomb(_) => "pdf_bomb",
            Self::MalformedTable(_) => "malformed_table",
            Self::UnmappedTable(_) => "unmapped_table",
            Self::HtmlTooDeep(_) => "html_too_deep",
            Self::UnknownFormat(_) => "unknown_format",
            Self::NoText(_) => "no_text",
            Self::DuplicateFile(_) => "duplicate_file",
            Self::Internal(_) => "internal_error",
        }
    }

    /// What exactly was wrong.
    #[must_use]
    pub fn detail(&self) -> &str {
        match self {
            Self::Unreadable(d)
            | Self::TooLarge(d)
            | Self::Empty(d)
            | Self::Binary(d)
            | Self::Undecodable(d)
            | Self::CorruptZip(d)
            | Self::ZipBomb(d)
            | Self::MalformedDocx(d)
            | Self::MalformedXlsx(d)
            | Self::MalformedXls(d)
            | Self::MalformedDoc(d)
            | Self::MalformedOfd(d)
            | Self::MalformedPdf(d)
            | Self::NoTextLayer(d)
            | Self::PdfBomb(d)
            | Self::MalformedTable(d)
            | Self::UnmappedTable(d)
            | Self::HtmlTooDeep(d)
            | Self::UnknownFormat(d)
            | Self::NoText(d)
            | Self::DuplicateFile(d)
            | Self::Internal(d) => d,
        }
    }

    /// A zip container's problem as the reason of the format it holds (`missing` for a part
    /// the format needs).
    pub(crate) fn from_zip(p: crate::docx::ZipProblem, missing: fn(String) -> Self) -> Self {
        match p {
            crate::docx::ZipProblem::Corrupt(d) => Self::CorruptZip(d),
            crate::docx::ZipProblem::Bomb(d) => Self::ZipBomb(d),
            crate::docx::ZipProblem::Missing(d) => missing(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_is_in_the_rejects_contract() {
        let doc = countypanel_core::contract::INGEST_REJECTS
            .columns
            .iter()
            .find(|c| c.name == "reason")
            .unwrap()
            .doc;
        let all = [
            IngestError::Unreadable(String::new()),
            IngestError::TooLarge(String::new()),
            IngestError::Empty(String::new()),
            IngestError::Binary(String::new()),
            IngestError::Undecodable(String::new()),
            IngestError::CorruptZip(String::new()),
            IngestError::ZipBomb(String::new()),
            IngestError::MalformedDocx(String::new()),
            IngestError::MalformedXlsx(String::new()),
            IngestError::MalformedXls(String::new()),
            IngestError::MalformedDoc(String::new()),
            IngestError::MalformedOfd(String::new()),
            IngestError::MalformedPdf(String::new()),
            IngestError::NoTextLayer(String::new()),
            IngestError::PdfBomb(String::new()),
            IngestError::MalformedTable(String::new()),
            IngestError::UnmappedTable(String::new()),
            IngestError::HtmlTooDeep(String::new()),
            IngestError::UnknownFormat(String::new()),
            IngestError::NoText(String::new()),
            IngestError::DuplicateFile(String::new()),
            IngestError::Internal(String::new()),
        ];
        for e in &all {
            assert!(
                doc.contains(e.reason()),
                "{} is not in the contract",
                e.reason()
            );
        }
        assert_eq!(IngestError::Binary("x".into()).to_string(), "binary: x");
    }
}

//! PDF files with a text layer: the text of each page, in reading order, as `pdf-extract` lays
//! it out (a line per text line, CJK fonts through their `ToUnicode` maps).
//!
//! A PDF whose pages hold no text (a scan) is `no_text_layer`; one that cannot be parsed
//! (truncated, encrypted, malformed, or one on which the parser fails) is `malformed_pdf`, its
//! detail saying what to do. The parser runs behind `catch_unwind`: a failure inside it rejects
//! the file and the batch goes on.

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfProblem {
    /// Parsed, but no page holds text: a scanned document.
    NoTextLayer(String),
    /// Not parsed: truncated, encrypted or malformed.
    Malformed(String),
}

/// The text of a PDF's pages, lines of each page joined by newlines, blank lines dropped.
///
/// # Errors
/// [`PdfProblem`] when the file is not a readable PDF or holds no text.
pub fn pdf_pages(bytes: &[u8]) -> Result<Vec<String>, PdfProblem> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(PdfProblem::Malformed(
            "the file does not open with %PDF-".into(),
        ));
    }
    if crate::decode::find(bytes, b"/Encrypt").is_some() {
        return Err(PdfProblem::Malformed(
            "the PDF is encrypted; save an unencrypted copy (print to PDF) and read that".into(),
        ));
    }
    // The parser may panic on damaged files: the panic is caught, and its message is not
    // printed (the rejects row says what happened).
    quiet_panics_in_parser();
    IN_PARSER.with(|f| f.set(true));
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    IN_PARSER.with(|f| f.set(false));
    let pages = match result {
        Ok(Ok(pages)) => pages,
        Ok(Err(e)) => {
            return Err(PdfProblem::Malformed(format!(
                "the PDF could not be parsed ({e}); open it and save it again, or convert it to DOCX"
            )));
        }
        Err(_) => {
            return Err(PdfProblem::Malformed(
                "the PDF parser failed on this file; open it and save it again, or convert it to DOCX"
                    .into(),
            ));
        }
    };
    let pages: Vec<String> = pages
        .iter()
        .map(|p| {
            p.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let chars: usize = pages
        .iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    if chars == 0 {
        return Err(PdfProblem::NoTextLayer(format!(
            "{} pages and no text on them: a scan; run OCR on it first",
            pages.len()
        )));
    }
    Ok(pages)
}

thread_local! {
    /// Whether this thread is inside the PDF parser.
    static IN_PARSER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs, once, a panic hook that stays silent for panics inside the PDF parser and passes
/// every other panic to the hook that was there before.
fn quiet_panics_in_parser() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_PARSER.with(std::cell::Cell::get) {
                before(info);
            }
        }));
    });
}

/// The page (1-based) holding each of `starts` (character offsets of page starts in `text`):
/// the page whose start is the last at or before `at`.
#[must_use]
pub fn page_of(starts: &[usize], at: usize) -> Option<i32> {
    if starts.is_empty() {
        return None;
    }
    let k = starts.partition_point(|&s| s <= at).max(1);
    i32::try_from(k).ok()
}

/// Where each page starts in `text`, the document's text after normalisation, found by the
/// opening characters of the page's first line of some length; a page whose opening is not
/// found starts where the page before it does.
#[must_use]
pub fn page_starts(pages: &[String], text: &str, normalize: impl Fn(&str) -> String) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut starts = Vec::with_capacity(pages.len());
    let mut from = 0usize;
    for (i, page) in pages.iter().enumerate() {
        if i == 0 {
            starts.push(0);
            continue;
        }
        let key: Vec<char> = page
            .lines()
            .map(&normalize)
            .map(|l| {
                l.chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<Vec<char>>()
            })
            .find(|l| l.len() >= 6 && l.iter().any(|c| !c.is_ascii_digit() && !"-—–".contains(*c)))
            .map(|l| l.into_iter().take(8).collect())
            .unwrap_or_default();
        let found = (!key.is_empty())
            .then(|| find_ignoring_space(&chars, &key, from))
            .flatten();
        let at = found.unwrap_or(from);
        starts.push(at);
        from = at;
    }
    starts
}

/// The first position at or after `from` where `key` occurs in `chars` with any whitespace
/// between its characters.
fn find_ignoring_space(chars: &[char], key: &[char], from: usize) -> Option<usize> {
    (from..chars.len()).find(|&i| {
        let mut k = 0;
        let mut j = i;
        while k < key.len() && j < chars.len() {
            if chars[j].is_whitespace() && k > 0 {
                j += 1;
                continue;
            }
            if chars[j] != key[k] {
                return false;
            }
            k += 1;
            j += 1;
        }
        k == key.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_found_in_the_normalised_text() {
        let pages = vec![
            "第一页的正文内容\n- 1 -".to_string(),
            "卫生技术人员 7.24 万人".to_string(),
        ];
        let text = "第一页的正文内容\n卫生技术人员7.24万人";
        let starts = page_starts(&pages, text, str::to_string);
        assert_eq!(starts, vec![0, 9]);
        assert_eq!(page_of(&starts, 3), Some(1));
        assert_eq!(page_of(&starts, 12), Some(2));
        assert_eq!(page_of(&[], 12), None);
    }

    #[test]
    fn what_is_not_a_readable_pdf_says_why() {
        assert!(matches!(pdf_pages(b"hello"), Err(PdfProblem::Malformed(_))));
        assert!(matches!(
            pdf_pages(b"%PDF-1.4\n1 0 obj\n<<"),
            Err(PdfProblem::Malformed(_))
        ));
        let encrypted = b"%PDF-1.4\ntrailer\n<< /Encrypt 5 0 R >>\n%%EOF";
        match pdf_pages(encrypted) {
            Err(PdfProblem::Malformed(d)) => assert!(d.contains("encrypted")),
            other => panic!("{other:?}"),
        }
    }
}

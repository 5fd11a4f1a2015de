//! PDF files with a text layer: the text of each page, in reading order, as `pdf-extract` places
//! it (a line per text line, CJK fonts through their `ToUnicode` maps, the columns of a table
//! row separated by ` | `; see [`crate::pdf_cells`]).
//!
//! `pdf-extract` knows CID fonts with an `Identity-H` encoding only. Chinese PDFs written with a
//! predefined character map (`CMap`) of the Adobe-GB1 collection and no font embedded (`STSong-Light` with
//! `UniGB-UCS2-H`, GBK-encoded `GBK-EUC-H`, as older office suites and PDF libraries write them)
//! make it fail; such files are read again by a plain reader of the content streams
//! ([`content_stream_pages`]) that decodes each font by its character map: UCS-2 and UTF-16 directly,
//! the EUC maps as GBK, any other font through its `ToUnicode` map.
//!
//! A PDF whose pages hold no text (a scan) is `no_text_layer`; one whose compressed streams
//! would expand past the limit on unzipped bytes is `pdf_bomb`; one that cannot be parsed
//! (truncated, encrypted, malformed, or one on which both readers fail) is `malformed_pdf`, its
//! detail saying what to do. The parsers run behind `catch_unwind`: a failure inside them
//! rejects the file and the batch goes on.

use std::collections::BTreeMap;
use std::io::Read as _;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfProblem {
    /// Parsed, but no page holds text: a scanned document.
    NoTextLayer(String),
    /// Not parsed: truncated, encrypted or malformed.
    Malformed(String),
    /// Its compressed streams expand past the limit.
    Bomb(String),
}

/// The text of a PDF's pages, lines of each page joined by newlines, blank lines dropped.
///
/// # Errors
/// [`PdfProblem`] when the file is not a readable PDF or holds no text.
pub fn pdf_pages(bytes: &[u8], max_unzipped_bytes: u64) -> Result<Vec<String>, PdfProblem> {
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
    check_expansion(bytes, max_unzipped_bytes)?;
    // The parsers may panic on damaged files: the panic is caught, and its message is not
    // printed (the rejects row says what happened).
    let pages = match in_parser(|| crate::pdf_cells::pages(bytes)) {
        Some(Ok(pages)) => pages,
        failed => {
            let why = match failed {
                Some(Err(e)) => format!("the PDF could not be parsed ({e})"),
                _ => "the PDF parser failed on this file".to_string(),
            };
            match in_parser(|| content_stream_pages(bytes)) {
                Some(Some(pages)) => pages,
                _ => {
                    return Err(PdfProblem::Malformed(format!(
                        "{why}; open it and save it again, or convert it to DOCX"
                    )));
                }
            }
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

/// Runs `f` (a parser) with its panics caught and kept silent.
fn in_parser<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Option<T> {
    quiet_panics_in_parser();
    IN_PARSER.with(|flag| flag.set(true));
    let result = std::panic::catch_unwind(f);
    IN_PARSER.with(|flag| flag.set(false));
    result.ok()
}

/// Refuses a PDF whose zlib-compressed streams, inflated, would hold more than `limit` bytes
/// in all (a bomb: a few kilobytes that expand to gigabytes in the parser). Streams that are
/// not zlib data (images, other filters) stop at their first bytes and count nothing.
fn check_expansion(bytes: &[u8], limit: u64) -> Result<(), PdfProblem> {
    let mut total = 0u64;
    let mut at = 0usize;
    while let Some(k) = crate::decode::find(&bytes[at..], b"stream") {
        let mut start = at + k + b"stream".len();
        at = start;
        // `endstream` also holds `stream`; a stream's data starts after an end of line.
        if at >= 9 + b"stream".len() && bytes[..at].ends_with(b"endstream") {
            continue;
        }
        match bytes.get(start..start + 2) {
            Some([b'\r', b'\n']) => start += 2,
            Some([b'\n' | b'\r', _]) => start += 1,
            _ => continue,
        }
        let end =
            crate::decode::find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        let budget = limit.saturating_sub(total) + 1;
        let mut inflater = flate2::read::ZlibDecoder::new(&bytes[start..end]).take(budget);
        let n = std::io::copy(&mut inflater, &mut std::io::sink()).unwrap_or_else(|_| {
            // A damaged stream counts what it gave before the damage.
            inflater.limit().abs_diff(budget)
        });
        total += n;
        if total > limit {
            return Err(PdfProblem::Bomb(format!(
                "its compressed streams expand past ingest.max_unzipped_bytes ({limit} bytes)"
            )));
        }
        at = end;
    }
    Ok(())
}

/// The text of each page read from its content streams, for PDFs `pdf-extract` cannot read:
/// text-showing operators decoded by the current font's encoding, each character placed where
/// the text matrix puts it (widths estimated: a Chinese character one em, others half), so that
/// lines and table columns come out as [`crate::pdf_cells::PageCells`] lays them out. `None` when
/// the file does not parse.
#[must_use]
pub fn content_stream_pages(bytes: &[u8]) -> Option<Vec<String>> {
    let doc = lopdf::Document::load_mem(bytes).ok()?;
    let mut out = crate::pdf_cells::PageCells::default();
    for (_, page) in doc.get_pages() {
        let fonts: BTreeMap<Vec<u8>, FontCodec> = doc
            .get_page_fonts(page)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, font)| (name, FontCodec::of(&doc, font)))
            .collect();
        let content = doc
            .get_page_content(page)
            .ok()
            .and_then(|c| lopdf::content::Content::decode(&c).ok());
        out.start_page();
        let mut pen = Pen::default();
        let mut font: Option<&FontCodec> = None;
        for op in content.map(|c| c.operations).unwrap_or_default() {
            let num = |k: usize| {
                op.operands
                    .get(k)
                    .and_then(|o| o.as_float().ok())
                    .map_or(0.0, f64::from)
            };
            match op.operator.as_str() {
                "BT" => pen.begin(),
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| fonts.get(n));
                    pen.size = num(1);
                }
                "TL" => pen.leading = num(0),
                "Tc" => pen.char_spacing = num(0),
                "Td" => pen.move_line(num(0), num(1)),
                "TD" => {
                    pen.leading = -num(1);
                    pen.move_line(num(0), num(1));
                }
                "Tm" => pen.set_matrix([num(0), num(1), num(2), num(3), num(4), num(5)]),
                "T*" => pen.move_line(0.0, -pen.leading),
                "Tj" | "TJ" | "'" | "\"" => {
                    if matches!(op.operator.as_str(), "'" | "\"") {
                        pen.move_line(0.0, -pen.leading);
                    }
                    // `"` carries two spacings before its string: only the string is shown.
                    let shown = if op.operator == "\"" {
                        op.operands.last().into_iter().collect::<Vec<_>>()
                    } else {
                        op.operands.iter().collect()
                    };
                    if let Some(f) = font {
                        for o in shown {
                            pen.show(f, o, &mut out);
                        }
                    }
                }
                _ => {}
            }
        }
        out.finish_page();
    }
    Some(out.pages)
}

/// The text state of the content-stream reader: the line matrix, the pen's advance along the
/// line, the font size, leading and character spacing.
#[derive(Debug)]
struct Pen {
    matrix: [f64; 6],
    advance: f64,
    size: f64,
    leading: f64,
    char_spacing: f64,
}

impl Default for Pen {
    fn default() -> Self {
        Self {
            matrix: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            advance: 0.0,
            size: 12.0,
            leading: 0.0,
            char_spacing: 0.0,
        }
    }
}

impl Pen {
    fn begin(&mut self) {
        self.set_matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    }

    fn set_matrix(&mut self, m: [f64; 6]) {
        self.matrix = m;
        self.advance = 0.0;
    }

    /// `Td`: the start of the next line, offset from the start of this one.
    fn move_line(&mut self, tx: f64, ty: f64) {
        let [a, b, c, d, e, f] = self.matrix;
        self.matrix[4] = e + a * tx + c * ty;
        self.matrix[5] = f + b * tx + d * ty;
        self.advance = 0.0;
    }

    /// Places the characters of one operand of a text-showing operator.
    fn show(
        &mut self,
        font: &FontCodec,
        operand: &lopdf::Object,
        out: &mut crate::pdf_cells::PageCells,
    ) {
        match operand {
            lopdf::Object::String(..) => {
                let [a, b, c, d, e, f] = self.matrix;
                let scale = (a * d - b * c).abs().sqrt();
                for ch in font.decode(operand).chars() {
                    let em = if ch.len_utf8() >= 3 { 1.0 } else { 0.5 };
                    let width = em * self.size;
                    let (x, y) = (e + a * self.advance, f + b * self.advance);
                    let mut buf = [0u8; 4];
                    out.place(
                        x,
                        y,
                        self.size * scale,
                        width * a.abs(),
                        ch.encode_utf8(&mut buf),
                    );
                    self.advance += width + self.char_spacing;
                }
            }
            lopdf::Object::Array(items) => {
                for item in items {
                    match item {
                        lopdf::Object::Integer(_) | lopdf::Object::Real(_) => {
                            let n = item.as_float().map_or(0.0, f64::from);
                            self.advance -= n / 1000.0 * self.size;
                        }
                        _ => self.show(font, item, out),
                    }
                }
            }
            _ => {}
        }
    }
}

/// How a font's character codes become text.
enum FontCodec<'a> {
    /// UCS-2 or UTF-16, big-endian (`UniGB-UCS2-H`, `UniGB-UTF16-H` and the like).
    Utf16,
    /// GBK (the EUC maps of Adobe-GB1: `GB-EUC-H`, `GBpc-EUC-H`, `GBK-EUC-H`, `GBK2K-H`…).
    Gbk,
    /// Whatever `lopdf` makes of the font (`ToUnicode`, the standard 8-bit encodings).
    Lopdf(lopdf::Encoding<'a>),
    /// Not decodable.
    Unknown,
}

impl<'a> FontCodec<'a> {
    fn of(doc: &'a lopdf::Document, font: &'a lopdf::Dictionary) -> Self {
        let cmap = font.get(b"Encoding").and_then(lopdf::Object::as_name).ok();
        let has_to_unicode = font.get(b"ToUnicode").is_ok();
        match cmap {
            Some(name) if !has_to_unicode && (name.starts_with(b"Uni")) => Self::Utf16,
            Some(name)
                if !has_to_unicode
                    && name.starts_with(b"GB")
                    && (name.windows(3).any(|w| w == b"EUC") || name.starts_with(b"GBK2K")) =>
            {
                Self::Gbk
            }
            _ => font
                .get_font_encoding(doc)
                .map_or(Self::Unknown, Self::Lopdf),
        }
    }

    /// The text of a string operand of a text-showing operator.
    fn decode(&self, operand: &lopdf::Object) -> String {
        let lopdf::Object::String(bytes, _) = operand else {
            return String::new();
        };
        match self {
            Self::Utf16 => encoding_rs::UTF_16BE
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            Self::Gbk => encoding_rs::GB18030
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            Self::Lopdf(e) => e.bytes_to_string(bytes).unwrap_or_default(),
            Self::Unknown => String::new(),
        }
    }
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
    // A document that is not a PDF has no pages: its text is not taken apart.
    if pages.is_empty() {
        return Vec::new();
    }
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
        const LIMIT: u64 = 1 << 20;
        assert!(matches!(
            pdf_pages(b"hello", LIMIT),
            Err(PdfProblem::Malformed(_))
        ));
        assert!(matches!(
            pdf_pages(b"%PDF-1.4\n1 0 obj\n<<", LIMIT),
            Err(PdfProblem::Malformed(_))
        ));
        let encrypted = b"%PDF-1.4\ntrailer\n<< /Encrypt 5 0 R >>\n%%EOF";
        match pdf_pages(encrypted, LIMIT) {
            Err(PdfProblem::Malformed(d)) => assert!(d.contains("encrypted")),
            other => panic!("{other:?}"),
        }
    }

    /// A one-page PDF written by `lopdf` whose only font is a Type0 font with the predefined
    /// character map `cmap` and no font program (as office suites write `STSong-Light`), showing `lines`
    /// encoded by `encode`; the cells of a line (split at tabs) stand three ems apart.
    fn cid_font_pdf(cmap: &str, lines: &[&str], encode: impl Fn(&str) -> Vec<u8>) -> Vec<u8> {
        use lopdf::content::{Content, Operation};
        use lopdf::{Document, Object, Stream, StringFormat, dictionary};
        let mut doc = Document::with_version("1.4");
        let pages_id = doc.new_object_id();
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor", "FontName" => "STSong-Light", "Flags" => 6,
            "FontBBox" => vec![(-25).into(), (-254).into(), 1000.into(), 880.into()],
            "ItalicAngle" => 0, "Ascent" => 880, "Descent" => -120, "CapHeight" => 880,
            "StemV" => 93,
        });
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "STSong-Light",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("GB1"), "Supplement" => 2,
            },
            "FontDescriptor" => descriptor, "DW" => 1000,
        });
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "STSong-Light",
            "Encoding" => Object::Name(cmap.as_bytes().to_vec()),
            "DescendantFonts" => vec![cid_font.into()],
        });
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![60.into(), 800.into()]),
        ];
        for line in lines {
            // Cells (split at tabs) three ems apart, as writers space a table's columns.
            let mut shown = Vec::new();
            for (k, cell) in line.split('\t').enumerate() {
                if k > 0 {
                    shown.push((-3000).into());
                }
                shown.push(Object::String(encode(cell), StringFormat::Hexadecimal));
            }
            ops.push(Operation::new("TJ", vec![Object::Array(shown)]));
            ops.push(Operation::new("Td", vec![0.into(), (-20).into()]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops };
        let contents = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn chinese_text_in_fonts_with_predefined_cmaps_is_read() {
        let lines = ["十、卫生健康", "年末全县共有医疗卫生机构215个。"];
        let ucs2 = cid_font_pdf("UniGB-UCS2-H", &lines, |s| {
            s.encode_utf16().flat_map(u16::to_be_bytes).collect()
        });
        assert_eq!(pdf_pages(&ucs2, 1 << 20).unwrap(), vec![lines.join("\n")]);
        let gbk = cid_font_pdf("GBK-EUC-H", &lines, |s| {
            encoding_rs::GBK.encode(s).0.into_owned()
        });
        assert_eq!(pdf_pages(&gbk, 1 << 20).unwrap(), vec![lines.join("\n")]);
    }

    #[test]
    fn table_columns_in_a_pdf_become_cells() {
        let lines = [
            "表3 2023年卫生资源",
            "指标\t单位\t数量",
            "医疗卫生机构床位数\t张\t1830",
            "卫生技术人员\t人\t2150",
        ];
        let ucs2 = cid_font_pdf("UniGB-UCS2-H", &lines, |s| {
            s.encode_utf16().flat_map(u16::to_be_bytes).collect()
        });
        assert_eq!(
            pdf_pages(&ucs2, 1 << 20).unwrap(),
            vec![
                "表3 2023年卫生资源\n指标 | 单位 | 数量\n医疗卫生机构床位数 | 张 | 1830\n卫生技术人员 | 人 | 2150"
            ]
        );
    }

    #[test]
    fn a_pdf_whose_streams_expand_past_the_limit_is_a_bomb() {
        use std::io::Write as _;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&vec![b' '; 4 << 20]).unwrap();
        let packed = z.finish().unwrap();
        let mut pdf = format!(
            "%PDF-1.4\n1 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
            packed.len()
        )
        .into_bytes();
        pdf.extend_from_slice(&packed);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        assert!(matches!(pdf_pages(&pdf, 1 << 20), Err(PdfProblem::Bomb(_))));
        // Under the limit the same file is only malformed (it has no pages).
        assert!(matches!(
            pdf_pages(&pdf, 8 << 20),
            Err(PdfProblem::Malformed(_))
        ));
    }
}

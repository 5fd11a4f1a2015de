//! The text of a PDF page as `pdf-extract` positions it, in lines, with the columns of tables
//! kept apart.
//!
//! `pdf-extract`'s own plain-text output joins the cells of a table row into one run
//! (`猪肉万吨13.49 7.4`) and the layout step then closes the spaces between Chinese words, so a
//! bulletin's tables were read as prose. This output device places characters as that one does
//! (a new line when the text moves down by more than its size, a space at a small gap) and, where
//! the gap between two characters of a line is wider than [`COLUMN_GAP`] times the font size,
//! writes the cell separator ` | ` that ingest also writes between the cells of HTML and Word
//! tables. A line only becomes a table row when it has at least two such gaps (three cells): a
//! caption (`表4   2023年…`) or a signature line with one wide gap stays a line of text.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A gap wider than this many font sizes between two characters of a line separates columns.
pub const COLUMN_GAP: f64 = 1.8;

/// The separator of table cells on a line (the one ingest writes for HTML and Word tables).
const BAR: &str = " | ";

/// One character as placed on the page: its text and whether a space or a column gap comes
/// before it.
#[derive(Debug)]
enum Piece {
    Text(String),
    Space,
    Column,
}

/// An output device collecting each page's text.
#[derive(Debug, Default)]
pub struct PageCells {
    /// The finished lines of the current page, each a list of pieces.
    lines: Vec<Vec<Piece>>,
    /// The line being written.
    line: Vec<Piece>,
    /// Where the last character that was not a space ended, and its line's position.
    last_end: f64,
    last_y: f64,
    started: bool,
    /// Whether a space character came since the last character that was not one.
    spaced: bool,
    /// The pages read so far.
    pub pages: Vec<String>,
}

/// Whether a cell is one number printed in groups of thousands: one to three digits, then
/// groups of three after single spaces, perhaps a decimal part (4 961, 1 143 256.5).
fn thousands_grouped(cell: &str) -> bool {
    let (whole, fraction) = cell.split_once('.').unwrap_or((cell, "0"));
    let mut groups = whole.split(' ');
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
        && fraction.chars().all(|c| c.is_ascii_digit())
}

impl PageCells {
    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.lines.push(line);
    }

    /// A line's text: its column gaps as ` | ` when it has two or more, as a space otherwise.
    fn render(line: &[Piece]) -> String {
        let columns = line.iter().filter(|p| matches!(p, Piece::Column)).count();
        let mut out = String::new();
        for p in line {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Column if columns >= 2 => out.push_str(BAR),
                Piece::Space | Piece::Column => out.push(' '),
            }
        }
        if columns < 2 {
            return out;
        }
        // A cell printed in groups of thousands (4 961, 98 412) is one number.
        out.split(BAR)
            .map(|cell| {
                if thousands_grouped(cell.trim()) {
                    cell.replace(' ', "")
                } else {
                    cell.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(BAR)
    }
}

impl PageCells {
    /// Starts a page.
    pub fn start_page(&mut self) {
        self.lines.clear();
        self.line.clear();
        self.started = false;
        self.spaced = false;
    }

    /// Ends a page: its text joins [`Self::pages`].
    pub fn finish_page(&mut self) {
        self.end_line();
        let text = self
            .lines
            .iter()
            .map(|l| Self::render(l))
            .collect::<Vec<_>>()
            .join("\n");
        self.pages.push(text);
        self.lines.clear();
    }

    /// Places one character whose origin is (`x`, `y`) on the page (y upwards), in a font of
    /// `size` page units, `width` page units wide.
    pub fn place(&mut self, x: f64, y: f64, size: f64, width: f64, char: &str) {
        let size = size.abs().max(f64::EPSILON);
        if char.trim().is_empty() {
            // Spaces are gaps, measured from the last visible character.
            self.spaced = true;
            return;
        }
        if self.started {
            let dy = (y - self.last_y).abs();
            if dy > size * 1.5 || (x < self.last_end && dy > size * 0.5) {
                self.end_line();
            } else if x > self.last_end + size * COLUMN_GAP {
                self.line.push(Piece::Column);
            } else if self.spaced || x > self.last_end + size * 0.1 {
                self.line.push(Piece::Space);
            }
        }
        self.line.push(Piece::Text(char.to_string()));
        self.started = true;
        self.spaced = false;
        self.last_y = y;
        self.last_end = x + width;
    }
}

impl OutputDev for PageCells {
    fn begin_page(
        &mut self,
        _page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.start_page();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.finish_page();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The character's origin on the page and the font size as placed (the side of the
        // square with the area of the scaled em box).
        let sx = font_size * trm.m11 + font_size * trm.m21;
        let sy = font_size * trm.m12 + font_size * trm.m22;
        let size = (sx * sy).abs().sqrt();
        self.place(trm.m31, trm.m32, size, width * size, char);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The text of every page of `bytes`, lines and table cells as [`PageCells`] lays them out.
///
/// # Errors
/// The parser's error when the document does not load.
pub fn pages(bytes: &[u8]) -> Result<Vec<String>, OutputError> {
    let doc = pdf_extract::Document::load_mem(bytes)?;
    let mut out = PageCells::default();
    let count = doc.get_pages().len();
    for page in 1..=u32::try_from(count).unwrap_or(u32::MAX) {
        pdf_extract::output_doc_page(&doc, &mut out, page)?;
    }
    Ok(out.pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places `text` from `x` on a line at `y`, each character one em of 10 units wide.
    fn put(out: &mut PageCells, x: f64, y: f64, text: &str) {
        for (k, c) in text.chars().enumerate() {
            out.place(
                x + 10.0 * f64::from(u8::try_from(k).unwrap()),
                y,
                10.0,
                10.0,
                &c.to_string(),
            );
        }
    }

    #[test]
    fn a_cell_printed_in_groups_of_thousands_is_one_number() {
        assert!(thousands_grouped("4 961"));
        assert!(thousands_grouped("1 143 256.5"));
        assert!(!thousands_grouped("26 8"));
        assert!(!thousands_grouped("12 3456"));
        assert!(!thousands_grouped("4961"));
        assert!(!thousands_grouped("2023 年"));
    }

    #[test]
    fn wide_gaps_separate_cells_when_a_line_has_three_or_more() {
        let mut out = PageCells::default();
        out.start_page();
        put(&mut out, 0.0, 700.0, "表4");
        put(&mut out, 60.0, 700.0, "卫生资源");
        put(&mut out, 0.0, 680.0, "床位数");
        put(&mut out, 80.0, 680.0, "张");
        put(&mut out, 120.0, 680.0, "1830");
        put(&mut out, 0.0, 660.0, "全县共有");
        put(&mut out, 42.0, 660.0, "床位1830张。");
        out.finish_page();
        assert_eq!(
            out.pages,
            vec!["表4 卫生资源\n床位数 | 张 | 1830\n全县共有 床位1830张。"]
        );
    }
}

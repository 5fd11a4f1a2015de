//! Tables with merged cells (HTML `colspan`/`rowspan`, Word `gridSpan`/`vMerge`) laid out as
//! text rows the extractor reads: one line per row, cells separated by ` | `, every row with
//! the same columns.
//!
//! A header written on several rows (`2023年` over `目标值 | 完成值`) becomes one header line
//! whose cells join the words above each column (`2023年目标值 | 2023年完成值`); a row spanning
//! the whole table (a caption, a group heading) stands alone on its line; a value is written
//! once, in the first column or row of its span, while a label spanning rows (a group column)
//! is repeated on each.

/// One cell as the document writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanCell {
    /// The cell's text, on one line.
    pub text: String,
    /// Columns the cell spans (at least 1).
    pub colspan: usize,
    /// Rows the cell spans (at least 1).
    pub rowspan: usize,
    /// The cell continues the cell above it (Word's `vMerge` without `restart`).
    pub continues_above: bool,
}

impl SpanCell {
    /// A cell spanning one row and `colspan` columns.
    #[must_use]
    pub fn new(text: impl Into<String>, colspan: usize, rowspan: usize) -> Self {
        Self {
            text: text.into(),
            colspan,
            rowspan,
            continues_above: false,
        }
    }
}

/// Most columns and rows one cell may span (a malformed page may claim millions).
const MAX_COLSPAN: usize = 64;
const MAX_ROWSPAN: usize = 1000;
/// Most leading rows read as a header.
const MAX_HEADER_ROWS: usize = 4;

/// One slot of the laid-out grid: the cell that covers it.
#[derive(Debug, Clone)]
struct Slot {
    /// Index of the covering cell in `cells`.
    cell: usize,
    /// Whether the slot is the cell's own (its first row and column).
    origin: bool,
    /// Whether the slot is covered from a row above.
    from_above: bool,
}

/// Writes the rows of a table to `out`, one line each, after any text already there.
pub fn render(rows: &[Vec<SpanCell>], out: &mut String) {
    let (cells, grid) = lay_out(rows);
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return;
    }
    let text = |s: &Slot| cells[s.cell].as_str();
    // A row that one cell covers whole is a caption or a group heading.
    let whole = |row: &[Option<Slot>]| {
        let first = row.first().and_then(Option::as_ref).map(|s| s.cell);
        first.is_some()
            && row.len() == width
            && row.iter().all(|s| s.as_ref().map(|s| s.cell) == first)
    };
    let mut r = 0;
    // Captions above the header.
    while r < grid.len() && whole(&grid[r]) {
        push_line(out, &[text(grid[r][0].as_ref().expect("whole row"))]);
        r += 1;
    }
    // The header: the rows before the first that holds a value.
    let header_end = (r..grid.len().min(r + MAX_HEADER_ROWS))
        .find(|&k| {
            whole(&grid[k])
                || grid[k]
                    .iter()
                    .flatten()
                    .any(|s| is_value(text(s)) && !is_year(text(s)))
        })
        .unwrap_or(grid.len().min(r + MAX_HEADER_ROWS));
    let merged = header_end - r >= 2
        && grid[r..header_end]
            .iter()
            .flatten()
            .flatten()
            .any(|s| !s.origin);
    if merged {
        // Each column's words from top to bottom, a spanning cell's once.
        let line: Vec<String> = (0..width)
            .map(|c| {
                let mut words = String::new();
                let mut last = None;
                for row in &grid[r..header_end] {
                    if let Some(Some(s)) = row.get(c)
                        && last != Some(s.cell)
                    {
                        words.push_str(text(s));
                        last = Some(s.cell);
                    }
                }
                words
            })
            .collect();
        let refs: Vec<&str> = line.iter().map(String::as_str).collect();
        push_line(out, &refs);
        r = header_end;
    }
    for (k, row) in grid.iter().enumerate().skip(r) {
        if whole(row) {
            push_line(out, &[text(row[0].as_ref().expect("whole row"))]);
            continue;
        }
        let header = k < header_end;
        let line: Vec<&str> = (0..width)
            .map(|c| match row.get(c) {
                Some(Some(s)) if s.origin => text(s),
                // A header's spanning words stand over each column they span.
                Some(Some(s)) if header => text(s),
                // A label spanning rows names each of them; a value is written once.
                Some(Some(s)) if s.from_above && !is_value(text(s)) => text(s),
                _ => "",
            })
            .collect();
        push_line(out, &line);
    }
}

/// Places the cells on a grid: each covers `rowspan` × `colspan` slots from the first free
/// column of its row; a cell that continues the one above covers its slot with that cell.
fn lay_out(rows: &[Vec<SpanCell>]) -> (Vec<String>, Vec<Vec<Option<Slot>>>) {
    let mut texts: Vec<String> = Vec::new();
    let mut grid: Vec<Vec<Option<Slot>>> = vec![Vec::new(); rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let colspan = cell.colspan.clamp(1, MAX_COLSPAN);
            if cell.continues_above
                && let Some(Some(above)) = r.checked_sub(1).and_then(|a| grid[a].get(c))
            {
                let id = above.cell;
                for k in c..c + colspan {
                    put(
                        &mut grid[r],
                        k,
                        Slot {
                            cell: id,
                            origin: false,
                            from_above: true,
                        },
                    );
                }
                c += colspan;
                continue;
            }
            let id = texts.len();
            texts.push(one_line(&cell.text));
            let rowspan = cell.rowspan.clamp(1, MAX_ROWSPAN).min(rows.len() - r);
            for (dr, line) in grid[r..r + rowspan].iter_mut().enumerate() {
                for k in c..c + colspan {
                    let origin = dr == 0 && k == c;
                    put(
                        line,
                        k,
                        Slot {
                            cell: id,
                            origin,
                            from_above: dr > 0,
                        },
                    );
                }
            }
            c += colspan;
        }
    }
    (texts, grid)
}

fn put(line: &mut Vec<Option<Slot>>, at: usize, slot: Slot) {
    if line.len() <= at {
        line.resize(at + 1, None);
    }
    line[at] = Some(slot);
}

/// The text on one line: a run of white space between two Chinese characters goes (a label
/// broken over two lines, 家庭医生<br>签约率), any other is one space.
fn one_line(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        let joined = out.chars().last().is_some_and(|c| !c.is_ascii())
            && word.chars().next().is_some_and(|c| !c.is_ascii());
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn push_line(out: &mut String, cells: &[&str]) {
    crate::normalize::end_line(out);
    out.push_str(&cells.join(" | "));
    out.push('\n');
}

/// Whether a cell holds a year alone (`2023`): a column's heading, not a value.
fn is_year(text: &str) -> bool {
    let t = text.trim();
    t.len() == 4
        && t.chars().all(|c| c.is_ascii_digit())
        && t.parse::<u32>().is_ok_and(|y| (1949..=2100).contains(&y))
}

/// Whether a cell's text is a value: a number with at most a comparison, a percent sign, a
/// thousands separator, a sign or a unit around it (`≤15`, `46.5`, `103%`, `1,260`, `720张`).
fn is_value(text: &str) -> bool {
    // A count written with its unit (720张, 46.2万人次) is a value; a year (2023年) is not.
    let text = text.trim();
    let unit = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let text = if unit.len() < text.len()
        && !unit.starts_with('年')
        && unit.chars().count() <= 3
        && unit
            .chars()
            .all(|c| "万亿千百人次张个所家名元床例项".contains(c))
    {
        &text[..text.len() - unit.len()]
    } else {
        text
    };
    let rest: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"≤≥<>＜＞%‰％+-−~～,，约".contains(*c))
        .collect();
    !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
        && rest.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> SpanCell {
        SpanCell::new(text, 1, 1)
    }

    fn rendered(rows: &[Vec<SpanCell>]) -> String {
        let mut out = String::new();
        render(rows, &mut out);
        out
    }

    #[test]
    fn a_header_on_two_rows_becomes_one_line_naming_each_column() {
        let rows = vec![
            vec![
                SpanCell::new("指标名称", 1, 2),
                SpanCell::new("单位", 1, 2),
                SpanCell::new("2023年", 2, 1),
                SpanCell::new("完成率", 1, 2),
            ],
            vec![cell("目标值"), cell("完成值")],
            vec![
                cell("婴儿死亡率"),
                cell("‰"),
                cell("≤6"),
                cell("3.12"),
                cell("100%"),
            ],
        ];
        assert_eq!(
            rendered(&rows),
            "指标名称 | 单位 | 2023年目标值 | 2023年完成值 | 完成率\n\
             婴儿死亡率 | ‰ | ≤6 | 3.12 | 100%\n"
        );
    }

    #[test]
    fn years_written_without_their_character_head_their_columns() {
        let rows = vec![
            vec![
                SpanCell::new("类别", 1, 2),
                SpanCell::new("指标", 1, 2),
                SpanCell::new("年度", 2, 1),
            ],
            vec![cell("2022"), cell("2023")],
            vec![
                cell("妇幼健康"),
                cell("婴儿死亡率(‰)"),
                cell("2.64"),
                cell("2.31"),
            ],
        ];
        assert_eq!(
            rendered(&rows),
            "类别 | 指标 | 年度2022 | 年度2023\n妇幼健康 | 婴儿死亡率(‰) | 2.64 | 2.31\n"
        );
    }

    #[test]
    fn a_caption_row_stands_alone_and_a_group_label_names_each_of_its_rows() {
        let rows = vec![
            vec![SpanCell::new("表1 主要指标", 3, 1)],
            vec![cell("类别"), cell("指标"), cell("2023年")],
            vec![
                SpanCell::new("健康水平", 1, 2),
                cell("人均预期寿命"),
                cell("78.6"),
            ],
            vec![cell("婴儿死亡率"), cell("3.12")],
            vec![SpanCell::new("合计", 2, 1), SpanCell::new("1260", 1, 2)],
            vec![cell("其中"), cell("医院")],
        ];
        assert_eq!(
            rendered(&rows),
            "表1 主要指标\n类别 | 指标 | 2023年\n健康水平 | 人均预期寿命 | 78.6\n\
             健康水平 | 婴儿死亡率 | 3.12\n合计 |  | 1260\n其中 | 医院 | \n"
        );
    }

    #[test]
    fn a_cell_continuing_the_one_above_repeats_its_label() {
        let mut cont = cell("");
        cont.continues_above = true;
        let rows = vec![
            vec![cell("类别"), cell("指标"), cell("2023年")],
            vec![cell("资源"), cell("床位数"), cell("3620")],
            vec![cont, cell("医生数"), cell("1420")],
        ];
        assert_eq!(
            rendered(&rows),
            "类别 | 指标 | 2023年\n资源 | 床位数 | 3620\n资源 | 医生数 | 1420\n"
        );
    }

    #[test]
    fn values_written_with_their_units_end_a_merged_header() {
        let rows = vec![
            vec![SpanCell::new("指标", 1, 2), SpanCell::new("2023年", 2, 1)],
            vec![cell("目标"), cell("完成")],
            vec![cell("床位数"), cell("3600张"), cell("3620张")],
        ];
        assert_eq!(
            rendered(&rows),
            "指标 | 2023年目标 | 2023年完成\n床位数 | 3600张 | 3620张\n"
        );
    }

    #[test]
    fn absurd_spans_are_bounded() {
        let rows = vec![vec![SpanCell::new("a", 1_000_000, 1_000_000), cell("1")]];
        let out = rendered(&rows);
        assert!(out.len() < 1000, "{out}");
    }
}

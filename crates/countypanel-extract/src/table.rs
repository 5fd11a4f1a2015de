//! Tables as facts.
//!
//! Ingest writes each row of an HTML or Word table on a line of its own, its cells separated by
//! ` | `. A block of such lines whose first row holds no values is a table with a header: every
//! numeric cell of the rows below it is a fact named by its row label and its column header
//! (`医院床位数` × `2023年`, `嘉鱼县` × `床位数（张）`). The column header gives the year
//! (`2023年`), the unit (`（张）`, `（万元）`), a change rather than a level (`比上年增长%`) or a
//! target (`目标值`); a column headed `单位` gives each row its unit; a caption line just above the table (`表3 卫生机构、床位和人员  单位：个`)
//! gives a unit and a year to every column that has none. A cell's evidence runs from its row's
//! label to the cell; the fact's `indicator_text` names the row and the column, and its sentence
//! is the caption, the header row and the row.
//!
//! What the prose reading made of a cell (its year from the paragraph or section, its health
//! context) is kept where the table says nothing else; its naming is replaced.

use countypanel_core::vocab::{Rule, YearFlag};
use countypanel_zhnum::{Quantity, Unit, scan_chars};

use crate::matcher::{PhraseMatcher, Target};
use crate::year::DocYears;
use crate::{Fact, Kind};

/// The separator of cells on a table-row line.
const BAR: [char; 3] = [' ', '|', ' '];

/// Words of a column header (or row label) that make its values changes over an earlier time.
const CHANGE_WORDS: &[&str] = &[
    "增长",
    "增减",
    "增幅",
    "增速",
    "比上年",
    "较上年",
    "同比",
    "增加",
    "减少",
    "下降",
    "变化",
];

/// Words of a column header whose values are derived from a measure, not the measure: how much
/// of a target was reached, a score, a rank.
const DERIVED_WORDS: &[&str] = &[
    "完成率",
    "完成进度",
    "进度",
    "得分",
    "分值",
    "权重",
    "排名",
    "排序",
    "位次",
    "名次",
    // A yardstick the region is measured against (标准值 | 本县实际值).
    "标准值",
];

/// Endings of a row label naming a town or a neighbourhood (清水桥镇, 舜陵街道): a measure its
/// column names is the town's there, not the region's.
const TOWN_ENDINGS: &[&str] = &["镇", "乡", "街道", "办事处", "社区"];

/// Endings of a row label naming an institution or a kind of them (县人民医院, 乡镇卫生院):
/// the measure its column names is theirs, not the region's.
const INSTITUTION_ENDINGS: &[&str] = &[
    "医院",
    "卫生院",
    "保健院",
    "保健站",
    "卫生室",
    "诊所",
    "门诊部",
    "服务站",
    "服务中心",
    "控制中心",
];

/// Whether a table's caption gives the table over to one kind of institution or to some of them
/// (乡镇卫生院基本情况表, 部分医院…): the measures its columns name are theirs, not the region's.
fn caption_narrows(caption: &str) -> bool {
    // 医疗卫生机构(含社区卫生服务中心): a parenthesis with 含 widens, it does not narrow.
    let caption = match caption.find("(含").or_else(|| caption.find("（含")) {
        Some(at) => &caption[..at],
        None => caption,
    };
    let some_of = caption.match_indices("部分").any(|(at, w)| {
        ["乡镇", "医院", "卫生院", "村", "社区"]
            .iter()
            .any(|k| caption[at + w.len()..].starts_with(k))
    });
    some_of
        || [
            "乡镇卫生院",
            "卫生院",
            "村卫生室",
            "社区卫生服务",
            "民营医院",
            "公立医院",
        ]
        .iter()
        .any(|w| caption.contains(w))
}

/// Whether a row label narrows the measure its column names to a part of the region: a town
/// or an institution (not 全县, 合计, a year or a number).
fn narrowing_label(label: &str) -> Option<Rule> {
    let label = label.trim();
    let n = label.chars().count();
    if !(2..=16).contains(&n)
        || !label.chars().all(crate::lexicon::is_han)
        || label.starts_with(['全', '各', '合', '总', '本', '小'])
    {
        return None;
    }
    if TOWN_ENDINGS.iter().any(|e| label.ends_with(e)) && label != "乡镇" {
        Some(Rule::Town)
    } else if INSTITUTION_ENDINGS.iter().any(|e| label.ends_with(e)) {
        Some(Rule::OneInstitution)
    } else {
        None
    }
}

/// Whether a row label names the total of the rows above it (全市, 全州, 合计, 总计, 小计, 全县合计,
/// a year's 2011年全县), not a word that opens with 全 (全科医生).
fn total_label(label: &str) -> bool {
    let label = label.trim();
    let label = label_year(label).map_or(label, |(_, rest)| rest);
    let label = label
        .strip_suffix("合计")
        .or_else(|| label.strip_suffix("总计"))
        .map_or(label, |rest| if rest.is_empty() { "合计" } else { rest });
    [
        "合计",
        "总计",
        "小计",
        "全部",
        "总体",
        "全市",
        "全州",
        "全盟",
        "全省",
        "全区",
        "全县",
        "全旗",
        "全地区",
    ]
    .contains(&label.trim())
}

/// A year opening a row label (2011年全县): the year and the rest.
fn label_year(label: &str) -> Option<(i32, &str)> {
    let digits = label.get(..4)?;
    let rest = label.get(4..)?.strip_prefix('年')?;
    let year: i32 = digits.parse().ok()?;
    ((1949..=2100).contains(&year) && !rest.is_empty()).then_some((year, rest))
}

/// Headers of a column that numbers the rows.
const SERIAL_HEADS: &[&str] = &["序号", "编号", "序", "No", "No.", "NO"];

/// Words of a column header that make its values targets.
const TARGET_WORDS: &[&str] = &["目标", "计划", "预期", "预计"];

/// Measures of what a year added or did, which a row of things built may count.
const FLOW_IDS: &[&str] = &[
    "staff_recruited",
    "health_investment",
    "two_cancer_screenings",
];

/// Words of a column header that make its values actual values.
const ACTUAL_WORDS: &[&str] = &["完成", "实际", "实绩", "现状", "基期"];

/// One cell: its character span in the document, trimmed.
#[derive(Debug, Clone, Copy)]
struct Cell {
    start: usize,
    end: usize,
}

/// Where a table's caption stands in the document, when it has one.
type Caption = Option<(usize, usize)>;

/// A table-row line and its cells.
#[derive(Debug, Clone)]
struct Row {
    start: usize,
    end: usize,
    cells: Vec<Cell>,
}

/// Reads the tables of a document and replaces the facts the prose reading made of their cells
/// with table facts.
pub(crate) fn read_tables(
    m: &PhraseMatcher,
    chars: &[char],
    doc: &DocYears,
    facts: &mut Vec<Fact>,
) {
    let lines = lines(chars);
    // The header of the table read last and the line after its rows: a row that lost its
    // separators (社区卫生服务中心 个4 0.0 in a table laid out with spaces) splits a table in two,
    // and the rows after it are still that header's.
    let mut last: Option<(Row, usize, Caption)> = None;
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = row(chars, lines[i]) else {
            i += 1;
            continue;
        };
        let mut rows = vec![first];
        let mut j = i + 1;
        while let Some(r) = lines.get(j).and_then(|&l| row(chars, l)) {
            rows.push(r);
            j += 1;
        }
        let has_values = |r: &Row| r.cells[1..].iter().any(|&c| value_of(chars, c).is_some());
        let mut caption = caption_before(chars, &lines[..i]);
        match &last {
            Some((header, end, header_caption))
                if i <= end + 1
                    && has_values(&rows[0])
                    && rows[0].cells.len() == header.cells.len() =>
            {
                rows.insert(0, header.clone());
                caption = *header_caption;
            }
            _ => {}
        }
        // (A header put back over rows goes on past the next such break too.)
        if !has_values(&rows[0]) {
            last = Some((rows[0].clone(), j, caption));
        }
        read_table(m, chars, doc, &rows, caption, facts);
        i = j;
    }
}

/// The lines of the text, as character spans without their line break.
fn lines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &c) in chars.iter().enumerate() {
        if c == '\n' {
            out.push((start, k));
            start = k + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

/// The line as a table row: two cells or more separated by ` | `.
fn row(chars: &[char], (start, end): (usize, usize)) -> Option<Row> {
    let line = &chars[start..end];
    let mut cells = Vec::new();
    let mut from = 0;
    let mut k = 0;
    while k + BAR.len() <= line.len() {
        if line[k..k + BAR.len()] == BAR {
            cells.push(trimmed(line, start, from, k));
            from = k + BAR.len();
            k = from;
        } else if k == from && line[k] == '|' && line.get(k + 1) == Some(&' ') && !cells.is_empty()
        {
            // An empty cell whose spaces were squeezed to one (合计 | | 420).
            cells.push(trimmed(line, start, k, k));
            from = k + 2;
            k = from;
        } else {
            k += 1;
        }
    }
    if cells.is_empty() {
        return None;
    }
    cells.push(trimmed(line, start, from, line.len()));
    // A row written between outer bars (| 秦州区 | 612 |): the bars belong to no cell. A bar
    // opening a row that does not close with one follows an empty first cell (a header's second
    // row under a merged 地区: | 合计 | 其中:医院).
    let last = cells.len() - 1;
    let closed = cells[last].end > cells[last].start && chars[cells[last].end - 1] == '|';
    if chars[cells[0].start] == '|' {
        let rest = trimmed(
            line,
            start,
            cells[0].start - start + 1,
            cells[0].end - start,
        );
        if closed {
            cells[0] = rest;
        } else {
            cells[0] = Cell {
                start: rest.start,
                end: rest.start,
            };
            cells.insert(1, rest);
        }
    }
    let last = cells.len() - 1;
    if closed {
        cells[last] = trimmed(
            line,
            start,
            cells[last].start - start,
            cells[last].end - start - 1,
        );
    }
    Some(Row { start, end, cells })
}

fn trimmed(line: &[char], offset: usize, mut a: usize, mut b: usize) -> Cell {
    while a < b && line[a].is_whitespace() {
        a += 1;
    }
    while b > a && line[b - 1].is_whitespace() {
        b -= 1;
    }
    Cell {
        start: offset + a,
        end: offset + b,
    }
}

/// The caption of a table: the last non-empty line of the two before it, when it is short and
/// no sentence (it holds no 。).
fn caption_before(chars: &[char], before: &[(usize, usize)]) -> Option<(usize, usize)> {
    before
        .iter()
        .rev()
        .take(2)
        .find(|&&(a, b)| chars[a..b].iter().any(|c| !c.is_whitespace()))
        .copied()
        .filter(|&(a, b)| b - a <= 60 && !chars[a..b].contains(&'。'))
}

fn text(chars: &[char], c: Cell) -> String {
    chars[c.start..c.end].iter().collect()
}

/// The quantity a cell holds, when the cell is a value (a number with at most a unit, a
/// qualifier or a footnote mark around it) and no year.
fn value_of(chars: &[char], c: Cell) -> Option<Quantity> {
    let cell = &chars[c.start..c.end];
    let qs = scan_chars(cell);
    let [q] = qs.as_slice() else { return None };
    let rest = cell.len() - (q.end - q.start);
    (rest <= 3 && q.unit != Unit::Year && !q.value.is_nan()).then(|| q.clone())
}

/// A cell that holds a year and nothing else (`2022`, `2022年`): a column's or a row's year, not
/// a value.
fn bare_year(cell: &str) -> Option<i32> {
    let cell = cell.trim();
    let digits = cell.strip_suffix('年').unwrap_or(cell);
    year_in(digits).filter(|_| digits.len() == 4)
}

/// A year a header or caption names (`2023年`, `2023`).
fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(3)).find_map(|k| {
        let digits = &chars[k..k + 4];
        let before_ok = k == 0 || !chars[k - 1].is_ascii_digit();
        let after_ok = chars.get(k + 4).is_none_or(|c| !c.is_ascii_digit());
        if !(before_ok && after_ok && digits.iter().all(char::is_ascii_digit)) {
            return None;
        }
        let y: i32 = digits.iter().collect::<String>().parse().ok()?;
        (1949..=2100).contains(&y).then_some(y)
    })
}

/// The unit a header or caption gives its values: the measure word in brackets (`（张）`,
/// `(万元)`, `（%）`) or after 单位 (`单位：个`), with its multiplier.
fn unit_in(text: &str) -> Option<(Unit, f64)> {
    if text.trim_end().ends_with(['%', '％']) {
        return Some((Unit::Percent, 1.0));
    }
    let from_word = text
        .find("单位")
        .map(|p| &text[p + "单位".len()..])
        .map(|t| t.trim_start_matches([':', '：', ' ']));
    // Each bracket from the last (卫生技术人员(人)其中:执业(助理)医师: 助理 is no unit, 人 is).
    let bracketed = text
        .rmatch_indices(['（', '('])
        .map(|(p, _)| &text[p..])
        .map(|t| t.trim_start_matches(['（', '(']))
        .map(|t| t.split([')', '）']).next().unwrap_or(t));
    from_word.into_iter().chain(bracketed).find_map(|u| {
        // One unit only: `单位：个、张、人` names a unit for each column, not one for all.
        let u: String = u.chars().take_while(|c| !"；; ".contains(*c)).collect();
        let long = u.chars().count() > 4 && !u.starts_with("1/");
        if u.is_empty() || long || u.contains(['、', ',', '，']) {
            return None;
        }
        // A unit written with its base (1/10万) is a quantity of one already.
        let one = if u.starts_with("1/") {
            u.clone()
        } else {
            format!("1{u}")
        };
        let q = scan_chars(&one.chars().collect::<Vec<_>>())
            .into_iter()
            .next()?;
        (q.unit != Unit::None && q.unit != Unit::Year).then_some((q.unit, q.value))
    })
}

/// The indicator the first fitting catalog phrase of `text` names, or the last (`last`: a
/// column header written on several rows, 床位数(张)编制床位, ends with its most specific words).
fn indicator_in_last(
    m: &PhraseMatcher,
    text: &str,
    unit: Unit,
    last: bool,
) -> Option<(String, String)> {
    let mut hits = m.find(text);
    if last {
        hits.reverse();
    }
    hits.into_iter().find_map(|h| match &h.target {
        Target::Indicator { index } if m.unit_fits(&h.target, unit) => {
            let phrase: String = text.chars().skip(h.start).take(h.end - h.start).collect();
            Some((m.indicator_id(*index), phrase))
        }
        _ => None,
    })
}

/// The region a row label names, when it is a region name and nothing else.
fn region_in(m: &PhraseMatcher, label: &str) -> Option<String> {
    let hits = m.find(label);
    match hits.as_slice() {
        [h] if matches!(h.target, Target::Region(_))
            && h.end - h.start + 1 >= label.chars().count() =>
        {
            Some(label.chars().skip(h.start).take(h.end - h.start).collect())
        }
        _ => None,
    }
}

/// What a table tells all its cells: the caption and header lines, the caption's unit and year,
/// and the column that gives each row its unit.
struct Frame<'a> {
    chars: &'a [char],
    caption_text: String,
    header_text: String,
    caption_unit: Option<(Unit, f64)>,
    caption_year: Option<i32>,
    unit_column: Option<usize>,
    /// Whether two or more rows are labelled by a region's name (a table of counties).
    regions_listed: bool,
    /// Whether the rows are parts (towns, institutions) with a total row.
    parts_table: bool,
    /// The region the caption names (2023年曲靖市部分县(市、区)卫生资源主要指标).
    caption_region: Option<String>,
    /// Whether a column is headed by a year after the one of writing: the table sets aims, and
    /// its column for the year of writing is aimed for too (a plan of April 2024 with columns
    /// 2023年(基线) | 2024年 | 2025年 | 2026年).
    aims_ahead: bool,
}

/// One numeric cell of a body row, with what its row and column say.
struct CellAt<'a> {
    row: &'a Row,
    label: &'a str,
    row_text: &'a str,
    row_unit: Option<(Unit, f64)>,
    cell: Cell,
    head: String,
    q: Quantity,
}

fn read_table(
    m: &PhraseMatcher,
    chars: &[char],
    doc: &DocYears,
    rows: &[Row],
    caption: Option<(usize, usize)>,
    facts: &mut Vec<Fact>,
) {
    let Some((header, body)) = rows.split_first() else {
        return;
    };
    // A header holds no values after its first cell; a block without one is left to the prose
    // reading (a two-cell `label | value` list reads well there).
    if body.is_empty()
        || header.cells[1..]
            .iter()
            .any(|&c| value_of(chars, c).is_some() && bare_year(&text(chars, c)).is_none())
    {
        return;
    }
    // A header of two rows (a spreadsheet's group cells merged over their parts: 医疗卫生机构(个)
    // over 合计 | 其中:医院): each column is headed by its group and its part.
    let sub_header = body.first().filter(|sub| {
        let texts: Vec<String> = sub.cells.iter().map(|&c| text(chars, c)).collect();
        sub.cells.iter().all(|&c| value_of(chars, c).is_none())
            && texts.iter().filter(|t| !t.is_empty()).count() >= 2
            && (texts[0].is_empty()
                || sub.cells.len() > header.cells.len()
                || header.cells[1..].iter().any(|&c| text(chars, c).is_empty()))
    });
    let heads: Vec<String> = match sub_header {
        Some(sub) => {
            let mut group = String::new();
            (0..sub.cells.len().max(header.cells.len()))
                .map(|j| {
                    let top = header
                        .cells
                        .get(j)
                        .map_or(String::new(), |&c| text(chars, c));
                    if !top.is_empty() {
                        group = top;
                    }
                    let part = sub.cells.get(j).map_or(String::new(), |&c| text(chars, c));
                    format!("{group}{part}")
                })
                .collect()
        }
        None => header.cells.iter().map(|&c| text(chars, c)).collect(),
    };
    let body = if sub_header.is_some() {
        &body[1..]
    } else {
        body
    };
    if body.is_empty() {
        return;
    }
    let caption_text: String = caption.map_or(String::new(), |(a, b)| chars[a..b].iter().collect());
    let regions_listed = body
        .iter()
        .filter(|r| region_in(m, &text(chars, r.cells[0])).is_some())
        .nth(1)
        .is_some();
    // The caption's most specific region: its last (青海省海东市各县区…: 海东市).
    let caption_region = m
        .find(&caption_text)
        .iter()
        .rev()
        .find_map(|h| match &h.target {
            Target::Region(r) => Some(r.to_string()),
            _ => None,
        });
    // A table of parts and their total (towns and 县直单位 above 全县合计): every row but the
    // total's is a part.
    let labels: Vec<String> = body.iter().map(|r| text(chars, r.cells[0])).collect();
    let parts_table = labels.iter().any(|l| total_label(l))
        && labels.iter().any(|l| narrowing_label(l).is_some());
    let frame = Frame {
        regions_listed,
        parts_table,
        caption_region,
        chars,
        header_text: chars[header.start..header.end].iter().collect(),
        caption_unit: unit_in(&caption_text),
        caption_year: year_in(&caption_text),
        // A column headed 单位 (计量单位) gives each row its unit.
        unit_column: header.cells.iter().position(|&c| {
            let head = text(chars, c);
            head == "单位" || head == "计量单位"
        }),
        // Not when the aims' columns say so themselves (2020年 | 2023年 | 2025年目标): the
        // columns without the word hold what was reached.
        aims_ahead: doc.published.is_some_and(|p| {
            let heads: Vec<String> = header.cells.iter().map(|&c| text(chars, c)).collect();
            heads.iter().any(|h| year_in(h).is_some_and(|y| y > p))
                && !heads
                    .iter()
                    .any(|h| TARGET_WORDS.iter().any(|w| h.contains(w)))
        }),
        caption_text,
    };
    // A first column headed 序号 numbers the rows: the label is in the next.
    let serial = SERIAL_HEADS.contains(&text(chars, header.cells[0]).as_str());
    for r in body {
        let row_unit = frame
            .unit_column
            .and_then(|k| r.cells.get(k))
            .and_then(|&c| unit_in(&format!("单位：{}", text(chars, c))));
        // The row's label: its first cell, or the last cell before its values that names an
        // indicator when the first names a group of rows (健康水平 | 人均预期寿命 | 岁 | 76.5;
        // 家庭医生 | 家庭医生团队(个) | 72: the group's name may hold a measure's words too).
        let label_cell = r
            .cells
            .iter()
            .enumerate()
            .skip(usize::from(serial))
            .take_while(|&(j, &c)| frame.unit_column == Some(j) || value_of(chars, c).is_none())
            .map(|(_, c)| c)
            .filter(|&&c| {
                m.find(&text(chars, c))
                    .iter()
                    .any(|h| matches!(h.target, Target::Indicator { .. }))
            })
            .last()
            .copied()
            .unwrap_or(r.cells[usize::from(serial).min(r.cells.len() - 1)]);
        let label = text(chars, label_cell);
        let row_text: String = chars[r.start..r.end].iter().collect();
        for (j, &cell) in r.cells.iter().enumerate().skip(1) {
            // The unit column's cell (1/10万) is the row's unit, not a value: the prose reading
            // of it goes.
            if frame.unit_column == Some(j) {
                facts.retain(|f| !(f.char_end > cell.start && f.char_end <= cell.end));
                continue;
            }
            let (Some(q), Some(head)) = (value_of(chars, cell), heads.get(j)) else {
                continue;
            };
            // The prose fact of this cell: its evidence ends on the cell's number.
            let prose = facts
                .iter()
                .position(|f| f.char_end > cell.start && f.char_end <= cell.end)
                .map(|k| facts.remove(k));
            let at = CellAt {
                row: r,
                label: &label,
                row_text: &row_text,
                row_unit,
                cell,
                head: head.clone(),
                q,
            };
            facts.push(frame.cell_fact(m, doc, &at, prose.as_ref()));
        }
    }
    facts.sort_by_key(|f| (f.char_start, f.char_end));
}

impl Frame<'_> {
    /// The fact of one cell: named by its row label or else its column header, its unit from the
    /// cell, the header, the row, the label or the caption, its year from the header, the caption
    /// or the prose reading, a target or a change when the header says so.
    fn cell_fact(
        &self,
        m: &PhraseMatcher,
        doc: &DocYears,
        at: &CellAt,
        prose: Option<&Fact>,
    ) -> Fact {
        let (chars, head, label, q) = (self.chars, at.head.as_str(), at.label, &at.q);
        let (unit, scale) = match q.unit {
            Unit::None => unit_in(head)
                .or(at.row_unit)
                .or_else(|| unit_in(label))
                .or(self.caption_unit)
                .unwrap_or((Unit::None, 1.0)),
            u => (u, 1.0),
        };
        let has = |t: &str, words: &[&str]| words.iter().any(|w| t.contains(w));
        let change = has(head, CHANGE_WORDS) || has(label, CHANGE_WORDS);
        let mut named = if change || has(head, DERIVED_WORDS) {
            None
        } else {
            indicator_in_last(m, label, unit, false)
                .map(|i| (i, false))
                .or_else(|| indicator_in_last(m, head, unit, true).map(|i| (i, true)))
        };
        // A phrase of many domains (投资, 床位, 人员) names no measure in a row, or under a
        // caption, of another domain (全州500万元以上固定资产投资 in a bulletin's economic table).
        if let Some(((_, phrase), _)) = &named
            && crate::health::needs_context(phrase)
            && (crate::health::mentions_other_domain(label)
                || crate::health::mentions_other_domain(&self.caption_text)
                    && !crate::health::mentions_health(&self.caption_text))
        {
            named = None;
        }
        let label_region = match &named {
            Some((_, true)) => region_in(m, label),
            _ => None,
        };
        // A column's measure in a town's or an institution's row is theirs; in a table its
        // caption gives over to one kind of institution (表12 部分乡镇卫生院床位及人员情况), all
        // its rows are that kind's.
        // A kind of institution's row (乡镇卫生院 | 38.7 under 诊疗人次): the kind's own measure
        // when the catalog has it (乡镇卫生院诊疗人次).
        if let Some(((column_id, phrase), true)) = &named
            && label_region.is_none()
            && narrowing_label(label) == Some(Rule::OneInstitution)
            && let Some(kind) = indicator_in_last(m, &format!("{label}{phrase}"), unit, false)
                .filter(|(id, p)| {
                    // 医院 | 病床使用率 is the column's own measure, no kind's.
                    id != column_id
                        && p.chars().count() == label.chars().count() + phrase.chars().count()
                })
        {
            named = Some((kind, false));
        }
        let narrowed = match &named {
            Some((_, true)) if caption_narrows(&self.caption_text) => Some(Rule::Subgroup),
            Some((_, true)) if label_region.is_none() => narrowing_label(label).or_else(|| {
                // A group column before the label (东片 | 者海镇 | 150): any text cell.
                at.row
                    .cells
                    .iter()
                    .take_while(|&&c| value_of(chars, c).is_none())
                    .find_map(|&c| narrowing_label(&text(chars, c)))
            }),
            _ => None,
        };
        // A label naming one institution before its measure (其中:市中心医院床位(张), 县人民医院
        // 编制床位): that institution's figure, not the region's.
        let narrowed = match &named {
            Some((_, false)) if narrowed.is_none() => {
                let rest = label
                    .trim_start_matches("其中")
                    .trim_start_matches([':', '：', ' ']);
                crate::scope::first_institution_ending(rest)
                    .filter(|&(at, ending)| {
                        crate::scope::heading_names_institution(&rest[..at + ending.len()])
                    })
                    .map(|_| Rule::OneInstitution)
            }
            _ => narrowed,
        };
        // A row of a table of parts that is not the total (县直单位 above 全县合计).
        let narrowed = match &named {
            Some((_, true))
                if narrowed.is_none()
                    && label_region.is_none()
                    && self.parts_table
                    && !total_label(label) =>
            {
                Some(Rule::Subgroup)
            }
            _ => narrowed,
        };
        // A row of things built or added (新建标准化村卫生室 | 20个 | 12个, 乡镇卫生院中医馆建设,
        // 新增托位): a project's count, not how many there are.
        let narrowed = match &named {
            Some(((id, _), false))
                if narrowed.is_none()
                    && !FLOW_IDS.contains(&id.as_str())
                    && ["新建", "新增", "改扩建", "改造", "建设", "扩建"]
                        .iter()
                        .any(|w| label.contains(w)) =>
            {
                Some(Rule::QualifiedCount)
            }
            _ => narrowed,
        };
        // The total row of a table of regions (全市, 合计 under 会泽县, 宣威市, …) is the
        // region holding them, which the caption may name; never the report's own county.
        let total_of_regions = label_region.is_none() && self.regions_listed && total_label(label);
        let narrowed = match (narrowed, total_of_regions, &self.caption_region) {
            (None, true, None) => Some(Rule::WiderArea),
            (n, _, _) => n,
        };
        if narrowed.is_some() {
            named = None;
        }
        let label_region = if total_of_regions {
            self.caption_region.clone()
        } else {
            label_region
        };
        // A region a row is labelled by holds its cells, even one enclosing the report's own.
        let region_subject = label_region.is_some();
        let region_name = label_region.or_else(|| prose.and_then(|p| p.region_name.clone()));
        // A row labelled by its year (a yearbook's 2018 | 120 | 3400) dates its cells.
        let row_year = bare_year(label).or_else(|| {
            label_year(label)
                .filter(|(_, rest)| total_label(rest))
                .map(|(y, _)| y)
        });
        let (year, year_flag) = match (year_in(head).or(row_year), self.caption_year, prose) {
            (Some(y), _, _) => (Some(y), None),
            (None, Some(y), _) => (Some(y), Some(YearFlag::Heading)),
            (None, None, Some(p)) => (p.year, p.year_flag),
            (None, None, None) => (doc.default, Some(doc.default_flag)),
        };
        // A column for a year after the one the report was written in (2025年 in a plan's
        // table) holds what is aimed for, as a sentence's number would.
        let kind = if has(head, TARGET_WORDS)
            || matches!((year, doc.published), (Some(y), Some(p)) if y > p)
            || self.aims_ahead
                && matches!((year_in(head), doc.published), (Some(y), Some(p)) if y == p)
                // (A column of the year's part or of what was done, 2024年1-6月 or 2024年完成,
                // holds actuals.)
                && !has(head, ACTUAL_WORDS)
                && !crate::scope::names_part_of_year(head)
        {
            Kind::Target
        } else if has(head, ACTUAL_WORDS)
            || matches!((year_in(head), doc.published), (Some(y), Some(p)) if y < p)
        {
            // A column for a year before the report's (a plan's 2020年 baseline) holds what
            // was reached, whatever the row's other words (预期性).
            Kind::Actual
        } else {
            prose.map_or(Kind::Actual, |p| p.kind)
        };
        let indicator_id = named.as_ref().map(|((id, _), _)| id.clone());
        let unit_code = match (&indicator_id, unit) {
            // As in a sentence: a count, an age or a length of time is in the indicator's unit
            // (人均预期寿命 | 岁 → year).
            (Some(id), Unit::None | Unit::Count | Unit::Person | Unit::Age | Unit::Duration) => {
                m.unit_of(id)
            }
            _ => crate::lexicon::unit_code(unit),
        };
        let health = indicator_id.is_some() || prose.is_some_and(|p| p.health);
        let mut sentence = self.caption_text.clone();
        for line in [self.header_text.as_str(), at.row_text] {
            if !sentence.is_empty() {
                sentence.push('\n');
            }
            sentence.push_str(line);
        }
        let first = at.row.cells[0].start;
        Fact {
            indicator_id,
            indicator_text: Some(format!("{label} ｜ {head}")),
            subject: None,
            // 9.87 in a column of 万人 is 98700, not 98699.99999999999.
            value: countypanel_zhnum::round_float(q.value * scale),
            value_text: text(chars, at.cell),
            unit: unit_code,
            qualifier: q.qualifier,
            kind,
            year,
            year_flag,
            as_of: prose.and_then(|p| p.as_of),
            region_name,
            region_subject,
            char_start: first,
            char_end: at.cell.end,
            evidence: chars[first..at.cell.end].iter().collect(),
            sentence: sentence.into(),
            rule: narrowed.unwrap_or(Rule::TableCell),
            health,
            change,
        }
    }
}

#[cfg(test)]
mod tests {
    use countypanel_core::catalog::Catalog;
    use countypanel_core::vocab::Rule;

    use crate::{DocContext, Extractor, Fact, Kind};

    fn extractor() -> Extractor {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let path = root.join("pipelines/indicators/health.toml");
        let catalog = Catalog::load(&path).unwrap();
        Extractor::with_regions(&catalog, ["嘉鱼县", "赤壁市"].into_iter())
    }

    /// The facts of `text` in a report published on `published`.
    /// The indicator of the first fact of value `v`.
    fn id_of(facts: &[Fact], v: f64) -> Option<&str> {
        facts
            .iter()
            .find(|f| f.value == v)
            .and_then(|f| f.indicator_id.as_deref())
    }

    fn extract_published(text: &str, published: (i32, u32, u32)) -> Vec<Fact> {
        let ctx = DocContext {
            published: Some(published),
            ..DocContext::default()
        };
        extractor().extract(text, &ctx)
    }

    #[test]
    fn a_table_with_years_as_columns_gives_a_fact_per_cell() {
        let text = "嘉鱼县卫生健康统计公报\n表1 卫生资源 单位：张、人\n指标 | 2022年 | 2023年 | 比上年增长%\n医疗卫生机构床位数（张） | 1756 | 1830 | 4.2\n卫生技术人员（人） | 2080 | 2150 | 3.4\n";
        let facts = extractor().extract(text, &DocContext::default());
        let got: Vec<_> = facts
            .iter()
            .filter(|f| f.rule == Rule::TableCell)
            .map(|f| {
                (
                    f.indicator_id.as_deref(),
                    f.value,
                    f.year,
                    f.unit.as_str(),
                    f.change,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("hospital_beds"), 1756.0, Some(2022), "bed", false),
                (Some("hospital_beds"), 1830.0, Some(2023), "bed", false),
                (None, 4.2, None, "percent", true),
                (
                    Some("health_technicians"),
                    2080.0,
                    Some(2022),
                    "person",
                    false
                ),
                (
                    Some("health_technicians"),
                    2150.0,
                    Some(2023),
                    "person",
                    false
                ),
                (None, 3.4, None, "percent", true),
            ]
        );
        let beds = facts.iter().find(|f| f.value == 1830.0).unwrap();
        assert_eq!(beds.evidence, "医疗卫生机构床位数（张） | 1756 | 1830");
        assert!(beds.sentence.starts_with("表1 卫生资源"));
        assert_eq!(
            beds.indicator_text.as_deref(),
            Some("医疗卫生机构床位数（张） ｜ 2023年")
        );
    }

    #[test]
    fn a_table_of_regions_takes_its_measure_and_unit_from_the_column_header() {
        let text = "2023年各县市卫生资源\n地区 | 床位数 | 卫生技术人员数\n单位 | （张） | （人）\n嘉鱼县 | 1830 | 2150\n赤壁市 | 3120 | 4020\n";
        let facts = extractor().extract(text, &DocContext::default());
        let cells: Vec<_> = facts
            .iter()
            .filter(|f| f.rule == Rule::TableCell)
            .map(|f| {
                (
                    f.region_name.as_deref(),
                    f.indicator_id.as_deref(),
                    f.value,
                    f.year,
                    f.kind,
                )
            })
            .collect();
        assert_eq!(
            cells,
            vec![
                (
                    Some("嘉鱼县"),
                    Some("hospital_beds"),
                    1830.0,
                    Some(2023),
                    Kind::Actual
                ),
                (
                    Some("嘉鱼县"),
                    Some("health_technicians"),
                    2150.0,
                    Some(2023),
                    Kind::Actual
                ),
                (
                    Some("赤壁市"),
                    Some("hospital_beds"),
                    3120.0,
                    Some(2023),
                    Kind::Actual
                ),
                (
                    Some("赤壁市"),
                    Some("health_technicians"),
                    4020.0,
                    Some(2023),
                    Kind::Actual
                ),
            ]
        );
    }

    #[test]
    fn a_towns_or_an_institutions_row_and_a_derived_column_fill_no_regions_cell() {
        let text = "乡镇 | 床位数(张) | 卫生技术人员(人)\n清水桥镇 | 45 | 52\n县人民医院 | 720 | 842\n\
            合计 | 1260 | 1430\n\n序号 | 指标名称 | 2023年目标值 | 2023年完成值 | 完成率\n\
            1 | 家庭医生签约服务覆盖率 | 45% | 46.5% | 103%\n";
        let facts = extractor().extract(text, &DocContext::default());
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!(
            (get(45.0).indicator_id.as_deref(), get(45.0).rule),
            (None, Rule::Town)
        );
        assert_eq!(get(842.0).indicator_id, None);
        assert_eq!(get(842.0).rule, Rule::OneInstitution);
        assert_eq!(get(1260.0).indicator_id.as_deref(), Some("hospital_beds"));
        assert_eq!(
            get(1430.0).indicator_id.as_deref(),
            Some("health_technicians")
        );
        let target = facts
            .iter()
            .find(|f| f.value == 45.0 && f.unit.as_str() == "percent")
            .unwrap();
        assert_eq!(target.kind, Kind::Target);
        assert_eq!(
            target.indicator_id.as_deref(),
            Some("family_doctor_signing_rate")
        );
        assert_eq!(get(46.5).kind, Kind::Actual);
        assert_eq!(
            get(46.5).indicator_id.as_deref(),
            Some("family_doctor_signing_rate")
        );
        assert_eq!(get(103.0).indicator_id, None);
    }

    #[test]
    fn a_table_of_parts_gives_the_region_its_total_row_only() {
        let text = "地区 | 医疗卫生机构(个) | 床位(张)\n县直单位 | 8 | 620\n清水桥镇 | 42 | 60\n\
            全县合计 | 268 | 1029\n2011年全县 | 261 | 986\n\n\
            单位 | 诊疗人次(万人次) | 病床使用率(%)\n县中心医院 | 31.6 | 92.4\n乡镇卫生院 | 38.7 | 61.3\n\
            全县 | 142.5 | 78.6\n2021年全县 | 9.87 | 80.1\n";
        let facts = extractor().extract(text, &DocContext::default());
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!(get(620.0).indicator_id, None);
        assert_eq!(get(1029.0).indicator_id.as_deref(), Some("hospital_beds"));
        assert_eq!(get(986.0).indicator_id.as_deref(), Some("hospital_beds"));
        assert_eq!(get(986.0).year, Some(2011));
        assert_eq!(get(316_000.0).indicator_id, None);
        assert_eq!(
            get(387_000.0).indicator_id.as_deref(),
            Some("township_hc_visits")
        );
        assert_eq!(
            get(1_425_000.0).indicator_id.as_deref(),
            Some("total_visits")
        );
        assert_eq!(get(98_700.0).year, Some(2021));
    }

    #[test]
    fn a_table_given_over_to_one_kind_of_institution_fills_no_regions_cell() {
        let text = "表12 部分乡镇卫生院床位及人员情况(2023年末)\n\
            片区 | 乡镇 | 床位数(张)编制床位 | 床位数(张)实有床位 | 卫生技术人员(人)\n\
            东片 | 者海镇 | 150 | 168 | 210\n合计 | | 420 | 477 | 587\n";
        let facts = extractor().extract(text, &DocContext::default());
        for v in [150.0, 168.0, 210.0, 420.0, 477.0, 587.0] {
            let f = facts.iter().find(|f| f.value == v).unwrap();
            assert_eq!(f.indicator_id, None, "{v}");
        }
        // Without the caption, the total row is the region's, each in its column.
        let text = "片区 | 乡镇 | 床位数(张)编制床位 | 床位数(张)实有床位 | 卫生技术人员(人)\n\
            合计 | | 420 | 477 | 587\n";
        let facts = extractor().extract(text, &DocContext::default());
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!(get(420.0).indicator_id.as_deref(), Some("planned_beds"));
        assert_eq!(
            get(587.0).indicator_id.as_deref(),
            Some("health_technicians")
        );
    }

    #[test]
    fn a_group_of_rows_named_before_the_rows_label_does_not_name_its_measure() {
        let text = "类别 | 指标 | 2022年 | 2023年\n家庭医生 | 家庭医生团队(个) | 72 | 78\n\
            家庭医生 | 家庭医生签约率(%) | 38.5 | 41.3\n";
        let facts = extractor().extract(text, &DocContext::default());
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!(
            get(72.0).indicator_id.as_deref(),
            Some("family_doctor_teams")
        );
        assert_eq!(
            get(41.3).indicator_id.as_deref(),
            Some("family_doctor_signing_rate")
        );
    }

    #[test]
    fn a_plans_baseline_column_holds_what_was_reached() {
        let text = "指标 | 2020年 | 2025年 | 属性\n人均预期寿命(岁) | 76.9 | 77.9 | 预期性\n";
        let facts = extract_published(text, (2022, 2, 18));
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!((get(76.9).kind, get(76.9).year), (Kind::Actual, Some(2020)));
        assert_eq!((get(77.9).kind, get(77.9).year), (Kind::Target, Some(2025)));
        // With columns on to later years, the column of the year of writing is aimed for too.
        let text = "指标 | 2023年(基线) | 2024年 | 2025年\n县域内就诊率(%) | 86.3 | 88 | 90\n";
        let facts = extract_published(text, (2024, 4, 10));
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!((get(86.3).kind, get(86.3).year), (Kind::Actual, Some(2023)));
        assert_eq!((get(88.0).kind, get(88.0).year), (Kind::Target, Some(2024)));
        // Not when the aims' column says it aims: the others hold what was reached.
        let text = "指标 | 2020年 | 2024年 | 2025年目标\n县域内就诊率(%) | 85.1 | 89.4 | ≥90\n";
        let facts = extract_published(text, (2024, 11, 10));
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!((get(89.4).kind, get(89.4).year), (Kind::Actual, Some(2024)));
        assert_eq!((get(90.0).kind, get(90.0).year), (Kind::Target, Some(2025)));
    }

    #[test]
    fn a_header_of_two_rows_heads_each_column_with_its_group_and_part() {
        let text = "地区 | 医疗卫生机构(个) | | 床位(张) | 卫生技术人员(人)\n\
            | 合计 | 其中:医院 | | 合计 | 其中:执业(助理)医师 | 注册护士\n\
            平安县 | 612 | 28 | 6120 | 8450 | 3260 | 3710\n";
        let facts = extract_published(text, (2024, 3, 15));
        // A kind's row under a column of people: its people, not a count of the kind.
        let text = "机构类别 | 机构数(个) | 卫生技术人员(人)其中:执业(助理)医师\n\
            社区卫生服务中心 | 4 | 98\n";
        let kinds = extract_published(text, (2024, 3, 15));
        let kind_of = |v: f64| kinds.iter().find(|f| f.value == v).unwrap();
        assert_eq!(
            kind_of(4.0).indicator_id.as_deref(),
            Some("community_health_centers")
        );
        assert_ne!(
            kind_of(98.0).indicator_id.as_deref(),
            Some("community_health_centers")
        );
        for (v, want) in [
            (612.0, "medical_institutions"),
            (28.0, "hospitals"),
            (6120.0, "hospital_beds"),
            (8450.0, "health_technicians"),
            (3260.0, "licensed_doctors_incl_assistant"),
            (3710.0, "registered_nurses"),
        ] {
            assert_eq!(id_of(&facts, v), Some(want), "{v}");
        }
    }

    #[test]
    fn a_row_that_lost_its_separators_does_not_end_the_table() {
        let text = "指标名称 | 单位 | 数量\n医疗卫生机构 | 个 | 286\n社区卫生服务中心 个4\n\
            床位数 | 张 | 2150\n卫生技术人员 | 人 | 2865\n";
        let facts = extract_published(text, (2021, 4, 10));
        assert_eq!(id_of(&facts, 2150.0), Some("hospital_beds"));
        assert_eq!(id_of(&facts, 2865.0), Some("health_technicians"));
    }

    #[test]
    fn a_row_of_one_institutions_measure_is_not_the_regions() {
        let text = "指标 | 2022年 | 2023年\n医疗卫生机构床位(张) | 2860 | 2950\n\
            其中:市中心医院床位(张) | 1350 | 1420\n县人民医院编制床位 | 600 | 650\n\
            医院床位(张) | 2100 | 2200\n";
        let facts = extract_published(text, (2024, 3, 15));
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!(get(2950.0).indicator_id.as_deref(), Some("hospital_beds"));
        assert_eq!(
            get(2200.0).indicator_id.as_deref(),
            Some("hospital_beds_hospitals")
        );
        for v in [1420.0, 650.0] {
            assert_eq!(get(v).indicator_id, None, "{v}");
        }
    }

    #[test]
    fn a_target_column_and_a_unit_in_ten_thousands_are_read() {
        let text = "指标 | 2023年完成 | 2025年目标值\n卫生健康支出（万元） | 3200 | 4000\n家庭医生签约服务覆盖率 | 45.2% | 75%\n";
        let facts = extractor().extract(text, &DocContext::default());
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!(get(32_000_000.0).year, Some(2023));
        assert_eq!(get(32_000_000.0).unit.as_str(), "yuan");
        assert_eq!(get(40_000_000.0).kind, Kind::Target);
        assert_eq!(get(75.0).kind, Kind::Target);
        assert_eq!(get(75.0).year, Some(2025));
        assert_eq!(get(45.2).kind, Kind::Actual);
    }

    #[test]
    fn a_column_for_a_year_after_the_report_holds_targets() {
        let text = "指标 | 2020年 | 2025年 | 属性
每千人口医疗卫生机构床位数（张） | 5.6 | 6.5 | 预期性
";
        let facts = extract_published(text, (2021, 12, 30));
        let get = |v: f64| facts.iter().find(|f| f.value == v).unwrap();
        assert_eq!((get(5.6).year, get(5.6).kind), (Some(2020), Kind::Actual));
        assert_eq!((get(6.5).year, get(6.5).kind), (Some(2025), Kind::Target));
    }

    #[test]
    fn a_unit_column_gives_each_row_its_unit() {
        let text = "表3 2023年卫生资源\n指标名称 | 单位 | 数量 | 比上年增长(%)\n医疗卫生机构床位数 | 万张 | 1.83 | 4.2\n卫生技术人员 | 人 | 2150 | 3.4\n";
        let facts = extractor().extract(text, &DocContext::default());
        let got: Vec<_> = facts
            .iter()
            .filter(|f| f.rule == Rule::TableCell && !f.change)
            .map(|f| (f.indicator_id.as_deref(), f.value, f.unit.as_str(), f.year))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("hospital_beds"), 18_300.0, "bed", Some(2023)),
                (Some("health_technicians"), 2150.0, "person", Some(2023)),
            ]
        );
    }

    #[test]
    fn rows_without_a_header_are_left_to_the_prose_reading() {
        let text = "高血压患者规范管理率 | 75.0%\n糖尿病患者规范管理率 | 73.2%\n";
        let facts = extractor().extract(text, &DocContext::default());
        assert!(facts.iter().all(|f| f.rule != Rule::TableCell));
        assert_eq!(facts.len(), 2);
    }
}

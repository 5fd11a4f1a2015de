//! Normalisation of decoded text: NFKC (full-width digits and punctuation become ASCII),
//! traditional characters to simplified (so that 覆蓋率 matches the catalog's 覆盖率), spaces
//! folded, line breaks kept, runs of blank lines folded to one.

use unicode_normalization::UnicodeNormalization;

/// The commonest characters that exist only in traditional writing: text holding one is written
/// in traditional characters. Converting costs a hash lookup per character, so simplified text
/// (nearly all reports) skips it.
const TRADITIONAL: &[char] = &[
    '這', '個', '們', '會', '為', '縣', '國', '醫', '衛', '療', '與', '說', '時', '學', '發', '經',
    '對', '區', '機', '構', '務', '實', '現', '達', '進', '體', '關', '點', '數', '簽', '約', '蓋',
    '檔', '壓', '規', '範', '萬', '億', '員',
];

/// [`TRADITIONAL`] as one bit per CJK unified ideograph (U+4E00..U+9FFF, where all of them are):
/// a test per character of the text is one look-up, not a comparison with each.
const TRADITIONAL_BITS: [u64; 0x5200 / 64] = {
    let mut bits = [0u64; 0x5200 / 64];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let k = TRADITIONAL[i] as u32 - 0x4e00;
        bits[(k / 64) as usize] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// Whether `c` is one of [`TRADITIONAL`].
fn is_traditional(c: char) -> bool {
    let Some(k) = (c as u32).checked_sub(0x4e00) else {
        return false;
    };
    TRADITIONAL_BITS
        .get((k / 64) as usize)
        .is_some_and(|w| w & (1 << (k % 64)) != 0)
}

/// Whether NFKC leaves `c` alone and `c` splits NFKC safely: a starter that composes with
/// nothing before it, so that the text before and after it normalise independently. ASCII, the
/// CJK unified ideographs (the bulk of a report) and the Chinese punctuation that NFKC keeps
/// (、。《》「」『』【】〈〉, curly quotes, the em dash, the middle dot) are such characters.
fn nfkc_stable(c: char) -> bool {
    matches!(
        c,
        ' '..='~'
            | '\n'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{3001}'
            | '\u{3002}'
            | '\u{3008}'..='\u{3011}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2014}'
            | '\u{b7}'
    )
}

/// NFKC of the text with line breaks unified (CRLF and lone CR become LF), ideographic and
/// no-break spaces made spaces (tabs kept: they separate a table's cells), zero-width spaces and BOMs dropped. Runs of stable
/// characters ([`nfkc_stable`]) are copied as they stand; full-width ASCII forms are mapped
/// directly; anything else goes through the full NFKC algorithm together with the character
/// before it (which a combining mark may compose with).
#[cfg(test)]
fn nfkc_fast(text: &str) -> String {
    nfkc_fast_watching(text, false).unwrap_or_default()
}

/// [`nfkc_fast`]; with `watch`, `None` as soon as a traditional character is met
/// ([`is_traditional`]), so that the text is converted first.
fn nfkc_fast_watching(text: &str, watch: bool) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut slow = String::new();
    let flush = |slow: &mut String, out: &mut String| {
        if !slow.is_empty() {
            out.extend(slow.nfkc());
            slow.clear();
        }
    };
    // The last character copied as is, which a slow run must take back to normalise with.
    let mut last_fast: Option<char> = None;
    // Where the pending run of stable characters starts: they are copied when it ends.
    let mut run = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if watch && is_traditional(c) {
            return None;
        }
        if slow.is_empty() && nfkc_stable(c) {
            last_fast = Some(c);
            continue;
        }
        out.push_str(&text[run..i]);
        run = i + c.len_utf8();
        let c = match c {
            '\r' => {
                if chars.peek().is_some_and(|&(_, next)| next == '\n') {
                    continue;
                }
                '\n'
            }
            // A tab stays: it separates a table's cells (see `spaced_row`).
            '\u{3000}' | '\u{a0}' => ' ',
            '\u{200b}' | '\u{feff}' => continue,
            c => c,
        };
        if nfkc_stable(c) {
            flush(&mut slow, &mut out);
            out.push(c);
            last_fast = Some(c);
        } else if ('\u{ff01}'..='\u{ff5e}').contains(&c) && slow.is_empty() {
            // Full-width ASCII: NFKC maps each to the ASCII character 0xFEE0 below it. The
            // original is remembered in case a combining mark follows and composes with it.
            let mapped = char::from_u32(c as u32 - 0xfee0).unwrap_or(c);
            out.push(mapped);
            last_fast = Some(c);
        } else {
            if slow.is_empty()
                && let Some(prev) = last_fast.take()
            {
                out.pop();
                slow.push(prev);
            }
            slow.push(c);
        }
        if !slow.is_empty() {
            last_fast = None;
        }
    }
    out.push_str(&text[run..]);
    flush(&mut slow, &mut out);
    // The full algorithm may itself produce characters mapped above (a compatibility form can
    // decompose to a no-break space): map those too.
    if out.contains(['\u{3000}', '\u{a0}', '\u{200b}', '\u{feff}', '\r']) {
        out = out
            .chars()
            .filter_map(|c| match c {
                '\r' => Some('\n'),
                '\u{3000}' | '\u{a0}' => Some(' '),
                '\u{200b}' | '\u{feff}' => None,
                c => Some(c),
            })
            .collect();
    }
    Some(out)
}

/// Normalises text; fact offsets refer to the result. A table laid out with spaces or tabs, and
/// one written in markdown, becomes rows of cells separated by ` | ` (see `spaced_row`,
/// `markdown_rows`); a value alone on the line under its label joins it (`labels_over_values`).
#[must_use]
pub fn normalize(text: &str) -> String {
    normalize_with(text, true)
}

/// [`normalize`] for text taken from a printed page (a PDF's text layer), whose spacing is the
/// page's and marks no table.
#[must_use]
pub fn normalize_printed(text: &str) -> String {
    normalize_with(text, false)
}

fn normalize_with(text: &str, spaced_tables: bool) -> String {
    let nfkc = nfkc_fast_watching(text, true).unwrap_or_else(|| {
        nfkc_fast_watching(&simplet2s::convert(text), false).unwrap_or_default()
    });
    // Spaces folded within lines, lines trimmed, runs of blank lines kept as one. Lines of a
    // table laid out with spaces (two or more rows in a row whose cells stand two spaces apart)
    // are written as table rows, their cells separated by ` | `.
    let nfkc = without_inline_pinyin(nfkc);
    let lines: Vec<&str> = nfkc.split('\n').map(str::trim).collect();
    let markdown = markdown_rows(&lines);
    let lines: Vec<&str> = match &markdown {
        Some(rows) => rows.iter().map(String::as_str).collect(),
        None => lines,
    };
    let joined = cells_per_line(&lines);
    let lines: Vec<&str> = match &joined {
        Some(rows) => rows.iter().map(String::as_str).collect(),
        None => lines,
    };
    // (A table with its bars kept has placed its values already.)
    let paired = if spaced_tables && joined.is_none() {
        labels_over_values(&lines)
    } else {
        None
    };
    let lines: Vec<&str> = match &paired {
        Some(rows) => rows.iter().map(String::as_str).collect(),
        None => lines,
    };
    let spaced: Vec<bool> = lines
        .iter()
        .map(|l| spaced_tables && spaced_row(l).is_some())
        .collect();
    let mut out = String::with_capacity(nfkc.len());
    let mut blank_run = 0;
    for (i, &line) in lines.iter().enumerate() {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        // A ruled line beside a table's rows goes: the rows read as one table, under its caption.
        if rule_line(line) {
            let beside = (0..i)
                .rev()
                .find(|&k| !rule_line(lines[k]))
                .is_some_and(|k| spaced[k])
                || (i + 1..lines.len())
                    .find(|&k| !rule_line(lines[k]))
                    .is_some_and(|k| spaced[k]);
            if beside {
                continue;
            }
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        // A ruled line (-----) between a header and its rows keeps them one table.
        let ruled = |k: &usize| rule_line(lines[*k]);
        let before = (0..i).rev().find(|k| !ruled(k));
        let after = (i + 1..lines.len()).find(|k| !ruled(k));
        let in_table =
            spaced[i] && (before.is_some_and(|k| spaced[k]) || after.is_some_and(|k| spaced[k]));
        // The line right over a table's rows with as many cells (no row of values itself) is
        // its header, a row of it.
        let header = || {
            (!spaced[i] && after.is_some_and(|k| spaced[k]))
                .then(|| spaced_header(line, lines[after.unwrap_or(i)]))
                .flatten()
        };
        if let Some(cells) = in_table.then(|| spaced_row(line)).flatten().or_else(header) {
            for (k, cell) in cells.iter().enumerate() {
                if k > 0 {
                    out.push_str(" | ");
                }
                push_words(&mut out, cell);
            }
            continue;
        }
        push_words(&mut out, line);
    }
    out
}

/// Writes the words of `line` to `out`: runs of white space become one space, and none is left
/// between a number and the Chinese words around it (`2023 年全县乡镇卫生院 17 个` as a printed
/// page spaces them), so years, counts and units read as written.
fn push_words(out: &mut String, line: &str) {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut last: Option<char> = None;
    for word in line.split_whitespace() {
        if let (Some(a), Some(b)) = (last, word.chars().next()) {
            // After a number, only a unit or a date word joins it (17 个, 2023 年); a label
            // after it (5.91 人均预期寿命) stays apart.
            let unit = "年月日个人张所家万亿元岁次例名位项支座处床台户剂份周天";
            let label = [
                "人均", "人民", "个人", "个体", "家庭", "所有", "名称", "人口",
            ]
            .iter()
            .any(|w| word.starts_with(w));
            // 1 034人: a space between thousands, one to three digits before it and three
            // digits and the unit after it (a table row's 600 720 865 stays apart).
            let thousands = || {
                let before = out.chars().rev().take_while(char::is_ascii_digit).count();
                let mut after = word.chars();
                (1..=3).contains(&before)
                    && !out[..out.len() - before].ends_with(['.', ','])
                    // (Not a second group: 1 000 000元 stays as written.)
                    && !out[..out.len() - before].ends_with(' ')
                    && after.by_ref().take(3).filter(char::is_ascii_digit).count() == 3
                    && after.next().is_some_and(|c| han(c) && unit.contains(c))
            };
            let glued = han(a) && b.is_ascii_digit()
                || a.is_ascii_digit()
                    && (matches!(b, '%' | '‰')
                        || han(b) && unit.contains(b) && !label
                        || b.is_ascii_digit() && thousands());
            if !glued {
                out.push(' ');
            }
        }
        out.push_str(word);
        last = word.chars().next_back();
    }
}

/// Vowels with a tone mark, as pinyin writes them.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

/// Text without the pinyin some pages print after a character in parentheses (達(dá)到,
/// 衛(wèi)生): a reading aid that splits the words it follows. A parenthesis counts as pinyin
/// when it right follows a Chinese character and holds one to seven lower-case Latin letters,
/// one of them a toned vowel.
fn without_inline_pinyin(text: String) -> String {
    // Toned vowels lie in U+00E0..U+01DC: one range test per character, the list only inside it.
    if !text
        .chars()
        .any(|c| ('\u{e0}'..='\u{1dc}').contains(&c) && TONED.contains(c))
    {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('(') {
        let (before, after) = rest.split_at(open);
        let inside_len = after[1..].find(')');
        let pinyin = inside_len.filter(|&n| {
            let inside = &after[1..=n];
            let letters = inside.chars().count();
            (1..=7).contains(&letters)
                && inside
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || TONED.contains(c) || c == 'ü')
                && inside.contains(|c: char| TONED.contains(c))
                && before
                    .chars()
                    .next_back()
                    .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        });
        out.push_str(before);
        if let Some(n) = pinyin {
            rest = &after[n + 2..];
        } else {
            out.push('(');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A table flattened one cell per line, its cells parted by lines of bars (a page's table copied
/// as `适龄儿童疫苗接种率` `|` `≧90%` `|` …): the bars go, and a value cell right after a label
/// cell joins it on one line (`适龄儿童疫苗接种率≧90%`), so the value is read with its measure.
/// A value after an empty cell (two bars) stands in another column and stays alone. `None` when
/// the text has fewer than three such bars.
fn cells_per_line(lines: &[&str]) -> Option<Vec<String>> {
    let bar = |l: &str| !l.is_empty() && l.chars().all(|c| c == '|');
    if lines.iter().filter(|l| bar(l)).take(3).count() < 3 {
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut label_open = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if bar(line) {
            match lines.get(i + 1) {
                Some(next) if label_open && value_cell(next) => {
                    if let Some(label) = out.last_mut() {
                        label.push_str(next);
                    }
                    // A second value (the next column's) stays on its own line.
                    label_open = false;
                    i += 1;
                }
                Some(next) if bar(next) => label_open = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        out.push(line.to_owned());
        label_open = !line.is_empty()
            && !value_cell(line)
            && line.chars().count() <= 40
            && !line.contains(['。', '；', ';']);
        i += 1;
    }
    Some(out)
}

/// A table written in markdown (`| 年份 | 床位(张) |`, `|---|---|`): its rows as the ` | ` rows
/// tables are read from, without their outer bars, and without the rule under the header.
/// `None` when no line is such a row.
fn markdown_rows(lines: &[&str]) -> Option<Vec<String>> {
    let row = |l: &str| l.len() > 2 && l.starts_with('|') && l.ends_with('|');
    if !lines.iter().any(|l| row(l) && l.matches('|').count() >= 3) {
        return None;
    }
    Some(
        lines
            .iter()
            .filter(|l| !(row(l) && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))))
            .map(|l| {
                if row(l) {
                    l[1..l.len() - 1]
                        .split('|')
                        .map(str::trim)
                        .collect::<Vec<_>>()
                        .join(" | ")
                } else {
                    (*l).to_string()
                }
            })
            .collect(),
    )
}

/// A label on its line and its value alone on the next (a page's short lines, a cell per line,
/// a line break before the number: `实有床位` / `5860张`): the value joins its label, so it is
/// read with its measure. A date (2023年6月) is no value; the label is short, holds no end of a
/// sentence, no value of its own (村卫生室182个) and no heading's brackets (【妇幼健康】), and
/// does not end with a number. A run that opens with a value under a line that is no label (an
/// infographic's big number over its caption: `98.6%` / `孕产妇系统管理率`) pairs each value with
/// the label after it. `None` when no pair was joined.
fn labels_over_values(lines: &[&str]) -> Option<Vec<String>> {
    let label = |l: &str| {
        let n = l.chars().count();
        (2..=24).contains(&n)
            && !l.contains("  ")
            && !l.contains('\t')
            && !value_cell(l)
            && !l.contains(['。', '；', ';', '！', '!', '？', '?', '|', '【', '】'])
            && !l.ends_with(|c: char| c.is_ascii_digit() || matches!(c, ',' | '，' | '、'))
            && l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && !holds_a_count(l)
    };
    let value = |l: &str| {
        l.chars().count() <= 16
            && value_cell(l)
            && !l.contains(['年', '月', '日', '号', ':', '-', '/', '|', '\t'])
            && !l.contains("  ")
            && l.matches('.').count() <= 1
            && !(l.len() == 4 && l.parse::<i32>().is_ok_and(|y| (1949..=2100).contains(&y)))
    };
    if !lines.windows(2).any(|w| label(w[0]) && value(w[1])) {
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    let mut value_first = false;
    while i < lines.len() {
        // A value over its caption: at the start of a run, under a heading, a sentence's end or a
        // line with a count of its own (not under another value: a row's next column, nor
        // under a label too long to be one).
        let caption = i + 1 < lines.len()
            && value(lines[i])
            && label(lines[i + 1])
            && (value_first || i == 0 || {
                let prev = lines[i - 1].trim_end();
                holds_a_count(prev) && !value(prev)
                    || prev.contains(['【', '】', '▶'])
                    || prev.ends_with(['。', '！', '!'])
            });
        if caption {
            out.push(format!("{}{}", lines[i + 1], lines[i]));
            value_first = true;
            i += 2;
            continue;
        }
        value_first = false;
        // A second value under the first (a row of a table of one cell per line, with a
        // column per year) leaves both where they are.
        let one_value = !lines.get(i + 2).is_some_and(|l| value(l));
        if i + 1 < lines.len() && label(lines[i]) && value(lines[i + 1]) && one_value {
            out.push(format!("{}{}", lines[i], lines[i + 1]));
            i += 2;
        } else {
            out.push(lines[i].to_string());
            i += 1;
        }
    }
    Some(out)
}

/// Whether a line states a count of its own: digits right before a measure word (村卫生室182个,
/// 2.1个百分点), not a unit's base (1/10万) nor an age (65岁).
fn holds_a_count(line: &str) -> bool {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    (1..chars.len()).any(|k| {
        chars[k - 1].is_ascii_digit() && "个家所张名床支元%‰".contains(chars[k]) && {
            let run = chars[..k]
                .iter()
                .rposition(|c| !(c.is_ascii_digit() || *c == '.'))
                .map_or(0, |p| p + 1);
            run == 0 || chars[run - 1] != '/'
        }
    })
}

/// Whether a table cell holds only a value: a number (after a comparison sign such as ≧), and
/// at most a short unit or qualifier after it (`85%以上`, `2279.048 万元`).
fn value_cell(cell: &str) -> bool {
    let rest = cell.trim_start_matches(['≧', '≥', '≤', '≦', '<', '>', '+', '-', '约']);
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == ' '))
        .unwrap_or(rest.len());
    // A year heading a column (2022年) is no value.
    let year = number_end == 4 && rest[number_end..].trim() == "年";
    rest.starts_with(|c: char| c.is_ascii_digit())
        && !year
        && rest[number_end..].trim().chars().count() <= 4
        && !rest[number_end..].contains('岁')
}

/// Whether a line only draws a table's rule (-----, ======, ───).
fn rule_line(line: &str) -> bool {
    line.chars().count() >= 3 && line.chars().all(|c| "-=—─━_ ".contains(c))
}

/// The cells of a line laid out as a table row with spaces: three cells or more, two spaces
/// or more apart (`医疗卫生机构数(个)    268    271`), the cells after the label short, free of
/// clause marks, and half of them or more values (a number, or a year heading its column).
/// Prose with wide spaces (全县共有医疗卫生机构  312  个，其中…) has clause marks in its cells.
fn spaced_row(line: &str) -> Option<Vec<&str>> {
    let cells = spaced_cells(line)?;
    let values = &cells[1..];
    (cells.len() >= 3
        && cells[0].chars().count() <= 30
        && values
            .iter()
            .all(|c| c.chars().count() <= 16 && !c.contains(['，', ',', '。', '；', ';', '、']))
        && values
            .iter()
            .filter(|c| {
                // A bound written before its value (≤14, ≥90, <5) is a value too.
                c.trim_start_matches(['≤', '≥', '<', '>', '＜', '＞', '约'])
                    .starts_with(|ch: char| ch.is_ascii_digit() || "-—.".contains(ch))
            })
            .count()
            * 2
            >= values.len())
    .then_some(cells)
}

/// The header over a table's spaced rows (`地区    医疗卫生机构(个)    实有床位(张)`): as many
/// cells as the row under it, short, words and no clause marks.
fn spaced_header<'l>(line: &'l str, row: &str) -> Option<Vec<&'l str>> {
    let cells = spaced_cells(line)?;
    (cells.len() >= 3
        && spaced_cells(row).is_some_and(|r| r.len() == cells.len())
        && cells.iter().all(|c| {
            c.chars().count() <= 20
                && !c.is_empty()
                && !c.contains(['，', ',', '。', '；', ';', '、'])
        }))
    .then_some(cells)
}

/// A line's cells when they stand a tab or two spaces apart (at least two of them).
fn spaced_cells(line: &str) -> Option<Vec<&str>> {
    if !line.contains("  ") && !line.contains('\t') || line.contains(" | ") {
        return None;
    }
    // Cells end at a tab or at two spaces.
    let mut cells = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_whitespace() {
            continue;
        }
        let (mut end, mut tab, mut run) = (i + c.len_utf8(), c == '\t', 1);
        while let Some(&(j, d)) = chars.peek() {
            if !d.is_whitespace() {
                break;
            }
            (end, tab, run) = (j + d.len_utf8(), tab || d == '\t', run + 1);
            chars.next();
        }
        if tab || run >= 2 {
            cells.push(line[start..i].trim());
            start = end;
        }
    }
    cells.push(line[start..].trim());
    (cells.len() >= 2).then_some(cells)
}

/// Ends the current line of `out` (trailing spaces dropped), unless it is empty or already ended.
pub(crate) fn end_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_laid_out_with_spaces_becomes_rows_of_cells() {
        let text = "主要指标\n指标名称      2022年     2023年\n医疗卫生机构数(个)   296   301\n\
            每千人口床位数(张)\t6.45\t6.82\n全县共有医疗卫生机构301个。";
        assert_eq!(
            normalize(text),
            "主要指标\n指标名称 | 2022年 | 2023年\n医疗卫生机构数(个) | 296 | 301\n\
             每千人口床位数(张) | 6.45 | 6.82\n全县共有医疗卫生机构301个。"
        );
        // Prose a page spaced out is no table.
        let prose =
            "全县共有医疗卫生机构  312  个,其中医院  6  个,\n卫生院  18  个,村卫生室  280  个,";
        assert!(!normalize(prose).contains(" | "));
        assert!(!normalize_printed("指标  2022年  2023年\n床位  6.45  6.82").contains(" | "));
        // Bounds before values (≤14, ≥90) keep their rows in the table.
        let plan = "指标名称　　2020年　　2025年　　属性\n人均预期寿命(岁)　　77.2　　78.5　　预期性\n\
            孕产妇死亡率(/10万)　　0　　≤14　　预期性\n婴儿死亡率(‰)　　3.8　　≤5.0　　预期性";
        assert_eq!(
            normalize(plan),
            "指标名称 | 2020年 | 2025年 | 属性\n人均预期寿命(岁) | 77.2 | 78.5 | 预期性\n\
             孕产妇死亡率(/10万) | 0 | ≤14 | 预期性\n婴儿死亡率(‰) | 3.8 | ≤5.0 | 预期性"
        );
        // Rules drawn between the header and the rows keep them one table.
        let ruled = "指标    单位    2023年    2022年\n--------------------\n\
            卫生机构床位数    张    9864    9475\n医院    个    38    37\n--------------------";
        assert_eq!(
            normalize(ruled),
            "指标 | 单位 | 2023年 | 2022年\n卫生机构床位数 | 张 | 9864 | 9475\n医院 | 个 | 38 | 37"
        );
        // One such line alone is no table.
        assert_eq!(normalize("签约率  83%  建档率  95%"), "签约率83% 建档率95%");
    }

    #[test]
    fn a_table_copied_one_cell_per_line_joins_each_value_to_its_label() {
        let text = "绩效指标\n|\n三级指标\n|\n指标值\n|\n适龄儿童疫苗接种率\n|\n≧90%\n|\n\
            7 岁以下儿童健康管理率\n|\n≧85%\n|\n年度资金总额\n|\n|\n2279.048 万元";
        assert_eq!(
            normalize(text),
            "绩效指标\n三级指标\n指标值\n适龄儿童疫苗接种率≧90%\n7岁以下儿童健康管理率≧85%\n\
             年度资金总额\n2279.048万元"
        );
        // Without the bars, a value alone under its label joins it too (see
        // `labels_over_values`).
        assert_eq!(normalize("接种率\n90%"), "接种率90%");
        // A row's second value stays apart from the first.
        assert_eq!(
            normalize("指标\n|\n2022年\n|\n2023年\n|\n床位数(张)\n|\n9475\n|\n9864"),
            "指标\n2022年\n2023年\n床位数(张)9475\n9864"
        );
    }

    #[test]
    fn pinyin_printed_after_characters_goes() {
        assert_eq!(
            normalize("居民健康檔案建檔率將達(dá)到70%,衛(wèi)生院(所)12個(a)"),
            "居民健康档案建档率将达到70%,卫生院(所)12个(a)"
        );
    }

    #[test]
    fn numbers_are_not_spaced_from_their_words() {
        assert_eq!(
            normalize("2023 年全县乡镇卫生院 17 个,住院分娩率 99.5 %。"),
            "2023年全县乡镇卫生院17个,住院分娩率99.5%。"
        );
        // A label after a number stays apart from it.
        assert_eq!(
            normalize("每千人口床位 5.91 人均预期寿命 78.2 岁"),
            "每千人口床位5.91 人均预期寿命78.2岁"
        );
        // Between numbers, and between words, spaces stay.
        assert_eq!(
            normalize("床位 6.45 6.82, 总体 目标"),
            "床位6.45 6.82, 总体 目标"
        );
        // But not a space that parts a number's thousands.
        assert_eq!(
            normalize("执业(助理)医师1 034人,手术6 218人次,床位 600 720 865"),
            "执业(助理)医师1034人,手术6218人次,床位600 720 865"
        );
        assert_eq!(normalize("投入1 000 000元"), "投入1 000 000元");
    }

    #[test]
    fn the_header_over_spaced_rows_is_a_row_of_their_table() {
        let text = "附表1  各县(市、区)卫生资源\n地区\t医疗卫生机构(个)\t实有床位(张)\n\
            吉州区\t364\t4951\n青原区\t187\t1206\n";
        assert_eq!(
            normalize(text),
            "附表1 各县(市、区)卫生资源\n地区 | 医疗卫生机构(个) | 实有床位(张)\n吉州区 | 364 | 4951\n\
             青原区 | 187 | 1206"
        );
    }

    #[test]
    fn a_markdown_table_becomes_rows_of_cells() {
        assert_eq!(
            normalize(
                "平安县卫生资源\n| 年份 | 床位(张) |\n|---|:---:|\n|2022|1650|\n| 2023 | 1720 |\n"
            ),
            "平安县卫生资源\n年份 | 床位(张)\n2022 | 1650\n2023 | 1720"
        );
    }

    #[test]
    fn a_value_alone_under_its_label_joins_it() {
        assert_eq!(
            normalize("全县医疗卫生机构\n752个\n实有床位\n5860张\n县域内就诊率\n91.5%"),
            "全县医疗卫生机构752个\n实有床位5860张\n县域内就诊率91.5%"
        );
        // A row of one cell per line with a value per year, and a title over a dotted date:
        // apart.
        assert_eq!(
            normalize("指标\n2022年\n2023年\n实有床位(张)\n1650\n1720"),
            "指标\n2022年\n2023年\n实有床位(张)\n1650\n1720"
        );
        assert_eq!(
            normalize("平安县2023年卫生健康事业发展统计公报\n2024.03.01"),
            "平安县2023年卫生健康事业发展统计公报\n2024.03.01"
        );
        // A title over its date, a sentence over the next, a year alone: apart.
        assert_eq!(
            normalize(
                "平安县卫生健康工作综述\n2023年6月\n全县共有卫生院12个。\n12人\n统计年份\n2023"
            ),
            "平安县卫生健康工作综述\n2023年6月\n全县共有卫生院12个。\n12人\n统计年份\n2023"
        );
    }

    #[test]
    fn a_row_of_one_cell_per_line_keeps_its_values_apart() {
        let rows = "指标\n2022年\n2023年\n实有床位(张)\n1650\n1720\n卫生技术人员(人)\n2100\n2260";
        assert_eq!(normalize(rows), rows);
    }

    #[test]
    fn a_big_number_over_its_caption_joins_the_caption_under_it() {
        assert_eq!(
            normalize(
                "▶ 【医疗资源】\n3 村卫生室 182 个\n2180\n实有床位(张)\n7.02\n每千人口床位数(张)\n\
                 ▶ 【妇幼健康】\n98.6%\n孕产妇系统管理率\n0\n孕产妇死亡率(1/10万)"
            ),
            "▶ 【医疗资源】\n3 村卫生室182个\n实有床位(张)2180\n每千人口床位数(张)7.02\n\
             ▶ 【妇幼健康】\n孕产妇系统管理率98.6%\n孕产妇死亡率(1/10万)0"
        );
    }

    #[test]
    fn full_width_becomes_ascii_and_spaces_fold() {
        assert_eq!(
            normalize("签约率８３％，　建档率 \t 95%"),
            "签约率83%, 建档率95%"
        );
    }

    /// The slow path's reference: what the fast path must equal.
    fn reference(text: &str) -> String {
        text.replace("\r\n", "\n")
            .nfkc()
            .filter_map(|c| match c {
                '\r' => Some('\n'),
                '\u{3000}' | '\u{a0}' => Some(' '),
                '\u{200b}' | '\u{feff}' => None,
                c => Some(c),
            })
            .collect()
    }

    #[test]
    fn fast_nfkc_equals_full_nfkc() {
        for text in [
            "签约率８３％，　建档率 \t 95%",
            "e\u{301}t\u{e9} Ａ\u{301} ｆｉ\u{fb01}",
            "①②…㎡ ℃ ¼ 〇 \u{3000}",
            "甲\r\n\r\n乙\r丙\u{200b}丁\u{feff}",
            "한국어 가\u{1161} ﾊﾟ ｶﾞ",
            "Ｘ\u{300}\u{316}！",
            "“甲”、《乙》。【丙】—·\u{301}「丁」\u{308}『戊』〈己〉‘庚’。\u{3099}",
            "",
        ] {
            assert_eq!(nfkc_fast(text), reference(text), "{text:?}");
        }
        // Every character of the stable set is left alone by NFKC.
        for c in ('\0'..=char::MAX).filter(|&c| nfkc_stable(c)) {
            assert!(c.to_string().nfkc().eq([c]), "{c:?}");
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "{c:?}"
            );
            // It composes with nothing before it (those are the quick check's "maybe").
            assert_eq!(
                unicode_normalization::is_nfkc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
        }
    }

    #[test]
    fn the_traditional_bits_hold_the_list_and_nothing_else() {
        let marked: Vec<char> = ('\0'..=char::MAX).filter(|&c| is_traditional(c)).collect();
        let mut listed = TRADITIONAL.to_vec();
        listed.sort_unstable();
        assert_eq!(marked, listed);
    }

    #[test]
    fn traditional_text_is_converted_wherever_it_turns_traditional() {
        assert_eq!(normalize("全縣醫療機構１２個。"), "全县医疗机构12个。");
        assert_eq!(
            normalize("签约率83%。\n　全縣醫院3個"),
            "签约率83%。\n全县医院3个"
        );
        assert_eq!(normalize("全县医院3个"), "全县医院3个");
    }

    #[test]
    fn paragraphs_survive_and_blank_runs_fold() {
        assert_eq!(normalize("甲\r\n\r\n\r\n乙\n丙\n"), "甲\n\n乙\n丙");
        assert_eq!(normalize("甲\r\n乙"), "甲\n乙");
    }
}

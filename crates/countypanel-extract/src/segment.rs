//! Splitting normalised text into paragraphs, sentences and clauses, with character offsets.

/// A sentence: its character range in the document and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First character.
    pub start: usize,
    /// End (exclusive), the terminating punctuation excluded.
    pub end: usize,
    /// Index of the paragraph (line) it sits in.
    pub paragraph: usize,
    /// Whether the sentence is a whole short line without final punctuation (a heading).
    pub heading: bool,
}

fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '●' | '■' | '◆' | '★'
    )
}

/// Whether `c` separates clauses inside a sentence.
#[must_use]
pub fn separates_clauses(c: char) -> bool {
    // Colons, spaces and table-cell bars do not end a clause: `签约率: 80%` and
    // `建档率 | 95%` name the measure right before the value.
    matches!(
        c,
        '，' | ',' | '、' | '（' | '）' | '(' | ')' | '“' | '”' | '"'
    )
}

/// Longest sentence, in characters. Text without stops (a page flattened to one line, a table
/// pasted as prose) is cut into pieces no longer than this, at a clause break where there is one,
/// so that the work and the evidence kept per fact stay bounded.
pub const MAX_SENTENCE_CHARS: usize = 1200;

/// Where to cut a sentence running from `s` to past `s + MAX_SENTENCE_CHARS`: after the last
/// clause break of its second half, else after the last character that is not part of a number
/// or word, else at the limit.
fn cut_point(chars: &[char], s: usize) -> usize {
    let limit = s + MAX_SENTENCE_CHARS;
    let half = s + MAX_SENTENCE_CHARS / 2;
    (half..limit)
        .rev()
        .find(|&i| separates_clauses(chars[i - 1]) || chars[i - 1].is_whitespace())
        .or_else(|| {
            (half..limit)
                .rev()
                .find(|&i| !chars[i - 1].is_alphanumeric() && !chars[i].is_alphanumeric())
        })
        .unwrap_or(limit)
}

/// Splits `chars` into sentences. Line breaks end sentences and paragraphs.
#[must_use]
pub fn sentences(chars: &[char]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let mut line_start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize, para: usize, heading: bool| {
        let (mut s, mut e) = (s, e);
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        while e - s > MAX_SENTENCE_CHARS {
            let cut = cut_point(chars, s);
            out.push(Sentence {
                start: s,
                end: cut,
                paragraph: para,
                heading: false,
            });
            s = cut;
        }
        if e > s {
            out.push(Sentence {
                start: s,
                end: e,
                paragraph: para,
                heading,
            });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            let line_len = i - line_start;
            let heading = start == line_start
                && line_len > 0
                && line_len <= 40
                && !chars[line_start..i].iter().any(|&c| ends_sentence(c));
            push(&mut out, start, i, paragraph, heading);
            paragraph += 1;
            start = i + 1;
            line_start = i + 1;
        } else if ends_sentence(c) {
            let heading = start == line_start && run_in_heading(&chars[start..i]);
            push(&mut out, start, i, paragraph, heading);
            start = i + 1;
        }
        i += 1;
    }
    let line_len = chars.len() - line_start;
    let heading = start == line_start
        && line_len > 0
        && line_len <= 40
        && !chars[line_start..].iter().any(|&c| ends_sentence(c));
    push(&mut out, start, chars.len(), paragraph, heading);
    out
}

/// The Chinese numerals of a section number (一、, (三)).
const ORDINALS: &str = "一二三四五六七八九十";

/// Whether the first sentence of a line is a numbered heading run into its paragraph
/// (`四、2024年工作计划。巩固…`, `(三)健康石门加快建设。县人民医院…`): it opens with a Chinese
/// section number (一、 or (一)), is short, and holds no number but a year.
fn run_in_heading(sc: &[char]) -> bool {
    const MAX_CHARS: usize = 24;
    let sc = &sc[sc.iter().take_while(|c| c.is_whitespace()).count()..];
    if sc.len() > MAX_CHARS {
        return false;
    }
    let bracketed = matches!(sc.first(), Some('(' | '（'));
    let rest = &sc[usize::from(bracketed)..];
    let n = rest.iter().take_while(|c| ORDINALS.contains(**c)).count();
    let closes = if bracketed {
        [')', '）']
    } else {
        ['、', '、']
    };
    if n == 0 || n > 3 || !rest.get(n).is_some_and(|c| closes.contains(c)) {
        return false;
    }
    // Digits only as a year: four of them and 年.
    let mut i = 0;
    while i < sc.len() {
        let run = sc[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run > 0 && (run != 4 || sc.get(i + run) != Some(&'年')) {
            return false;
        }
        i += run.max(1);
    }
    true
}

/// The words without the ordinal that opens them ((四)高血压 → 高血压).
#[must_use]
pub fn without_ordinal(sc: &[char]) -> &[char] {
    ordinal_level(sc).map_or(sc, |(_, at)| &sc[at..])
}

/// The level of the ordinal a line opens with, and where its words start: 一、 (1), (一) (2),
/// 1. or 1、 (3), (1) (4). A decimal (1.5万) opens no item.
#[must_use]
pub fn ordinal_level(sc: &[char]) -> Option<(u8, usize)> {
    let lead = sc.iter().take_while(|c| c.is_whitespace()).count();
    let sc = &sc[lead..];
    let han = |from: usize| {
        sc[from..]
            .iter()
            .take_while(|c| ORDINALS.contains(**c))
            .count()
    };
    let digits = |from: usize| sc[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let closes = |i: usize| matches!(sc.get(i), Some(')' | '）'));
    let n = han(0);
    if (1..=3).contains(&n) && sc.get(n) == Some(&'、') {
        return Some((1, lead + n + 1));
    }
    if matches!(sc.first(), Some('(' | '（')) {
        let n = han(1);
        if (1..=3).contains(&n) && closes(n + 1) {
            return Some((2, lead + n + 2));
        }
        let d = digits(1);
        if (1..=2).contains(&d) && closes(d + 1) {
            return Some((4, lead + d + 2));
        }
    }
    let d = digits(0);
    let mark = matches!(sc.get(d), Some('.' | '、' | '．'));
    let decimal = sc.get(d + 1).is_some_and(char::is_ascii_digit);
    ((1..=2).contains(&d) && mark && !decimal).then_some((3, lead + d + 1))
}

/// The heading a sentence opens with when a flattened page ran it into its first sentence
/// (`九、人 口 年末全县总人口…`, `十、居 民 生 活 全年…`): a Chinese ordinal and 、, then short
/// runs of characters separated by spaces, before the first long run. Returns where the heading
/// text ends, or `None` when the sentence opens with no such heading.
#[must_use]
pub fn inline_heading(sc: &[char]) -> Option<usize> {
    let digits = sc.iter().take_while(|c| ORDINALS.contains(**c)).count();
    if digits == 0 || digits > 3 || sc.get(digits) != Some(&'、') {
        return None;
    }
    let mut i = digits + 1;
    let mut runs = 0;
    let mut end = i;
    loop {
        let run = sc[i..].iter().take_while(|c| !c.is_whitespace()).count();
        let is_word = run > 0 && run <= 6 && sc[i..i + run].iter().all(|c| !c.is_ascii_digit());
        let spaced = sc.get(i + run).is_some_and(|c| c.is_whitespace());
        if !(is_word && spaced) {
            break;
        }
        runs += 1;
        end = i + run;
        i += run;
        while sc.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
    }
    (runs > 0 && i < sc.len()).then_some(end)
}

/// Where a heading ends that a parenthesised ordinal opens and a full stop or colon closes
/// within 24 characters ((一)大店镇中心卫生院。现有床位…): the name of what the paragraph is about.
#[must_use]
pub fn parenthesised_heading(sc: &[char]) -> Option<usize> {
    if !matches!(sc.first(), Some('(' | '（')) {
        return None;
    }
    let digits = sc[1..]
        .iter()
        .take_while(|c| ORDINALS.contains(**c))
        .count();
    if digits == 0 || digits > 3 || !matches!(sc.get(1 + digits), Some(')' | '）')) {
        return None;
    }
    sc.iter()
        .take(26)
        .position(|c| matches!(c, '。' | ':' | '：'))
        .filter(|&end| end > digits + 2)
}

/// Start of the clause holding position `at`, searching back no further than `floor`.
#[must_use]
/// A short parenthesis (妇幼保健院(所、站)11个, 执业(助理)医师702人) qualifies the words before it
/// and belongs to their clause.
pub fn clause_start(chars: &[char], floor: usize, at: usize) -> usize {
    let mut i = at;
    while i > floor {
        let c = chars[i - 1];
        if matches!(c, ')' | '）') {
            // The parenthesis this one closes, over any inside it (含…执业(助理)医师,下同).
            let mut depth = 0usize;
            let open = (floor..i - 1).rev().find(|&p| match chars[p] {
                ')' | '）' => {
                    depth += 1;
                    false
                }
                '(' | '（' if depth == 0 => true,
                '(' | '（' => {
                    depth -= 1;
                    false
                }
                _ => false,
            });
            if let Some(open) = open.filter(|&o| i - 1 - o <= 12) {
                i = open;
                continue;
            }
        }
        if separates_clauses(c) {
            return i;
        }
        i -= 1;
    }
    floor
}

/// Where the list holding the clause that starts at `clause` starts: 、 ends a clause, so a list
/// written with 、 (光华、西坡等9个乡镇卫生院; 婴儿死亡率、5岁以下儿童死亡率分别…) runs back over it.
#[must_use]
pub fn list_start(chars: &[char], clause: usize) -> usize {
    let mut from = clause;
    while from > 0 && chars[from - 1] == '、' {
        from = clause_start(chars, 0, from - 1);
    }
    from
}

/// Whether the hit lies inside a parenthesis that opens after `clause` and closes before `at`.
pub(crate) fn inside_closed_parenthesis(
    sc: &[char],
    clause: usize,
    h: &crate::matcher::Hit,
    at: usize,
) -> bool {
    let depth = sc[clause.min(h.start)..h.start]
        .iter()
        .fold(0i32, |d, &c| match c {
            '(' | '（' => d + 1,
            ')' | '）' => d - 1,
            _ => d,
        });
    depth > 0
        && sc[h.end.min(at)..at]
            .iter()
            .any(|&c| matches!(c, ')' | '）'))
}

/// The characters of `gap` outside parentheses: 卫生院(含社区卫生服务中心)14个 has none between its
/// phrase and its number.
pub(crate) fn gap_outside_parentheses(gap: &[char]) -> usize {
    let mut depth = 0i32;
    let mut n = 0;
    for &c in gap {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = (depth - 1).max(0),
            _ if depth == 0 => n += 1,
            _ => {}
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_parenthesis_before_a_number_stays_in_its_clause() {
        let chars: Vec<char> = "卫生院178个,妇幼保健院(所、站)11个".chars().collect();
        assert_eq!(clause_start(&chars, 0, 18), 8);
        let chars: Vec<char> = "医院73个(含民营),床位".chars().collect();
        assert_eq!(clause_start(&chars, 0, 12), 11);
        let chars: Vec<char> = "其中执业(助理)医师702人".chars().collect();
        assert_eq!(clause_start(&chars, 0, 10), 0);
    }

    #[test]
    fn a_heading_run_into_its_first_sentence_is_found() {
        let sc: Vec<char> = "十、居 民 生 活 全年城镇居民人均可支配收入6863元"
            .chars()
            .collect();
        assert_eq!(inline_heading(&sc), Some(9));
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(ordinal_level(&chars("二、各县区工作情况")), Some((1, 2)));
        assert_eq!(ordinal_level(&chars("(一)崆峒区")), Some((2, 3)));
        assert_eq!(ordinal_level(&chars("1.基本情况")), Some((3, 2)));
        assert_eq!(ordinal_level(&chars("(2)慢病管理")), Some((4, 3)));
        assert_eq!(ordinal_level(&chars("1.5万人参加")), None);
        assert_eq!(ordinal_level(&chars("全县共有")), None);
        let sc: Vec<char> = "九、人 口 年末全县总人口为23.54万人".chars().collect();
        assert_eq!(inline_heading(&sc), Some(5));
        let sc: Vec<char> = "二、主要做法是加强基层".chars().collect();
        assert_eq!(inline_heading(&sc), None);
        let sc: Vec<char> = "三、卫生 2023 年末".chars().collect();
        assert_eq!(inline_heading(&sc), Some(4));
    }

    #[test]
    fn a_numbered_first_sentence_without_figures_is_a_heading() {
        let text = "四、2024年工作计划。巩固参保率95%以上。\n(三)健康石门加快建设。新增床位500张。\n\
                    一、全县共有卫生机构412个。";
        let chars: Vec<char> = text.chars().collect();
        let s = sentences(&chars);
        let heading = |i: usize| {
            (
                chars[s[i].start..s[i].end].iter().collect::<String>(),
                s[i].heading,
            )
        };
        assert_eq!(heading(0), ("四、2024年工作计划".to_string(), true));
        assert!(!s[1].heading);
        assert_eq!(heading(2), ("(三)健康石门加快建设".to_string(), true));
        assert!(!s[3].heading);
        // A numbered sentence that states a figure is no heading.
        assert!(!s[4].heading);
    }

    #[test]
    fn splits_on_stops_and_lines() {
        let chars: Vec<char> = "标题行\n甲乙。丙丁；戊\n".chars().collect();
        let s = sentences(&chars);
        assert_eq!(s.len(), 4);
        assert!(s[0].heading);
        assert_eq!((s[1].start, s[1].end, s[1].paragraph), (4, 6, 1));
        assert!(!s[3].heading);
    }

    #[test]
    fn a_sentence_without_stops_is_cut_at_clause_breaks() {
        let text = "签约率达到60%,".repeat(1000);
        let chars: Vec<char> = text.chars().collect();
        let s = sentences(&chars);
        assert!(s.len() >= chars.len() / MAX_SENTENCE_CHARS);
        assert!(s.iter().all(|x| x.end - x.start <= MAX_SENTENCE_CHARS));
        // Every cut falls right after a comma, and the pieces cover the text.
        assert!(s.iter().all(|x| x.start == 0 || chars[x.start - 1] == ','));
        assert_eq!(s.last().unwrap().end, chars.len());
        // With no break at all, the cut is at the limit.
        let flat: Vec<char> = "甲".repeat(3000).chars().collect();
        let s = sentences(&flat);
        assert_eq!(
            s.iter().map(|x| x.end - x.start).collect::<Vec<_>>(),
            [1200, 1200, 600]
        );
    }

    #[test]
    fn clause_start_stops_at_commas() {
        let chars: Vec<char> = "甲,乙丙".chars().collect();
        assert_eq!(clause_start(&chars, 0, 4), 2);
        assert_eq!(clause_start(&chars, 0, 1), 0);
    }
}

//! Undoing the layout of printed pages. Text taken from a PDF's text layer (or reposted from
//! one) keeps what the page imposed: lines broken at the page width inside words and numbers
//! (`卫生技\n术人员`), page numbers between a label and its number (`— 19 —`), and spaces around
//! quantities (`9534 个`, `4.78 万张`, `2023 年`). A reader sees through them; so does this.

/// Lines that carry only a page number between dashes: `- 3 -`, `— 19 —`, `－ 2 －`.
fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－' | '─');
    let inner = t.trim_matches(|c: char| dashes(c) || c.is_whitespace());
    t.starts_with(dashes)
        && t.ends_with(dashes)
        && !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().all(|c| c.is_ascii_digit())
}

/// Characters that end a line on purpose: sentence and clause ends, closing brackets and quotes.
fn ends_on_purpose(line: &str) -> bool {
    line.trim_end().ends_with([
        '。', '！', '？', '!', '?', '；', ';', '：', ':', '”', '"', '」', '】',
    ])
}

/// Whether a line opens a new item: a list or chapter marker (一、, (二), 3., 第四).
fn opens_item(line: &str) -> bool {
    let t = line.trim_start();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    let second = chars.next();
    // A bracket opens an item only around its number ((二), （3）): a line broken before an
    // aside ((三级医院4个)) goes on with its sentence.
    let numbered_bracket = matches!(first, '(' | '（')
        && t.chars()
            .skip(1)
            .take(4)
            .position(|c| matches!(c, ')' | '）'))
            .is_some_and(|close| {
                close > 0
                    && t.chars()
                        .skip(1)
                        .take(close)
                        .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
            });
    numbered_bracket
        || matches!(
            first,
            '【' | '第' | '表' | '图' | '注' | '●' | '■' | '◆' | '★'
        )
        || ("一二三四五六七八九十".contains(first) && second == Some('、'))
        // 3.家庭医生… and 1.2023年全县…, not a decimal the page width cut before (0.42/10万).
        || (first.is_ascii_digit() && matches!(second, Some('.' | '、' | '．')) && {
            let rest: String = chars.clone().take(5).collect();
            !rest.starts_with(|c: char| c.is_ascii_digit())
                || rest.chars().take(4).all(|c| c.is_ascii_digit()) && rest.ends_with('年')
        })
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Whether the text looks like a page's text layer: it has a page's worth of long lines and
/// most of them stop mid-sentence.
/// Text known to come from a page (a PDF's) needs fewer lines to show it: a one-page bulletin
/// has only a few.
fn looks_printed(lines: &[&str], from_page: bool) -> bool {
    // A list's items (1.家庭医生签约服务覆盖率:目标值40%,完成值42.3%) end where they should,
    // whatever their last word.
    let long: Vec<&&str> = lines
        .iter()
        .filter(|l| l.chars().count() >= 20 && !spaced_table_row(l) && !opens_item(l))
        .collect();
    let enough = if from_page { 3 } else { 10 };
    long.len() >= enough
        && long.iter().filter(|l| !ends_on_purpose(l)).count() * 5 >= long.len() * 3
}

/// Whether a line is a table's row laid out with spaces (家庭医生签约服务覆盖率 ≥45% 47.2% 完成):
/// three cells or more, a value among them, and no clause marks. Such rows end where they
/// should, whatever their last word.
fn spaced_table_row(line: &str) -> bool {
    let cells: Vec<&str> = line.split_whitespace().collect();
    cells.len() >= 3
        && !line.contains(['，', ',', '。', '；', ';'])
        && cells.iter().skip(1).any(|c| {
            c.trim_start_matches(['≥', '≤', '<', '>', '＜', '＞'])
                .starts_with(|ch: char| ch.is_ascii_digit())
        })
}

/// The width of a full line: the median length of the long lines.
fn full_width(lines: &[&str]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n >= 20)
        .collect();
    lens.sort_unstable();
    lens.get(lens.len() / 2).copied().unwrap_or(usize::MAX)
}

/// Removes spaces that stand inside a quantity or a phrase: between a number and its unit or
/// the words around it, and between Chinese characters. Spaces between two numbers stay, but
/// for the groups of thousands of one count (see [`thousands_group`]).
fn close_spaces(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' && !out.is_empty() {
            let run = chars[i..].iter().take_while(|&&c| c == ' ').count();
            let before = chars[i - 1];
            let after = chars.get(i + run).copied();
            let joins = |a: char, b: char| {
                let word = |c: char| is_cjk(c) || c.is_ascii_digit() || "%.,，、（）()".contains(c);
                word(a) && word(b) && (is_cjk(a) || is_cjk(b) || "（）()，、".contains(a))
                    // 43.2 %: a number and its percent sign.
                    || a.is_ascii_digit() && matches!(b, '%' | '‰')
            };
            if after.is_some_and(|a| joins(before, a)) || thousands_group(&out, &chars, i + run) {
                i += run;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Whether a space before `after` splits a count into groups of thousands as some pages print
/// it (卫生技术人员 4 961 人): one to three digits written so far, not after a point, then three
/// digits and the count's measure word. Two numbers of a table row (268 271) stay apart.
fn thousands_group(out: &str, chars: &[char], after: usize) -> bool {
    let lead = out.chars().rev().take_while(char::is_ascii_digit).count();
    // A group after a space or a point is part of a longer number (1 143 256) or a decimal.
    let open = out
        .chars()
        .rev()
        .nth(lead)
        .is_none_or(|c| c != '.' && c != ' ');
    let group = chars[after.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let unit = chars
        .get(after + group..)
        .and_then(|r| r.iter().find(|&&c| c != ' '))
        .is_some_and(|c| "人张个所家名床元万亿次".contains(*c));
    (1..=3).contains(&lead) && open && group == 3 && unit
}

/// Undoes the layout of a printed page in `text` when the text looks printed (see the module
/// documentation); other text is returned with only its page-number lines dropped.
#[must_use]
pub fn undo(text: &str) -> String {
    undo_with(text, false)
}

/// [`undo`] of text known to come from a page (`from_page`: a PDF's text layer), which needs
/// fewer lines to be read as printed, and whose spaces inside quantities always close.
#[must_use]
pub fn undo_with(text: &str, from_page: bool) -> String {
    let lines: Vec<&str> = text.split('\n').filter(|l| !is_page_number(l)).collect();
    if !looks_printed(&lines, from_page) {
        if from_page {
            return lines
                .iter()
                .map(|l| close_spaces(l.trim()))
                .collect::<Vec<_>>()
                .join("\n");
        }
        return lines.join("\n");
    }
    let full = full_width(&lines);
    let mut out = String::with_capacity(text.len());
    let mut joining = false;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            // A blank line inside a wrapped paragraph is where a page broke.
            if !joining {
                out.push('\n');
            }
            continue;
        }
        if !out.is_empty() && !joining && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&close_spaces(trimmed));
        let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
        // A full line ending in a digit before a line that starts with one is a number the
        // page width cut (医疗卫生机构1⏎258个, 20⏎23年): it joins like any word.
        // Only Chinese prose wraps: a line of Latin text (an address, a source line) stands alone.
        let chinese = trimmed.chars().filter(|&c| is_cjk(c)).count() * 4 >= trimmed.chars().count();
        // A table row (cells separated by ` | `) is a line of its own, and so is the line
        // before one.
        let row = |l: &str| l.contains(" | ");
        // A number the page width cut goes on in prose (1⏎258个、专业…); a table's spaced rows
        // and a number alone on its line (a page's) are no such run.
        let digits_meet = trimmed.ends_with(|c: char| c.is_ascii_digit())
            && next.is_some_and(|n| n.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        let cut_number = !digits_meet
            || !spaced_table_row(trimmed)
                && next.is_some_and(|n| {
                    !spaced_table_row(n) && n.chars().filter(|&c| is_cjk(c)).count() >= 2
                });
        joining = chinese
            && !row(trimmed)
            && next.is_none_or(|n| !row(n))
            && trimmed.chars().count() * 5 >= full * 4
            && !ends_on_purpose(trimmed)
            && cut_number
            && next.is_some_and(|n| !opens_item(n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        let mut t = String::from(
            "source: http://www.example.gov.cn/2024/04/29/bulletin.html\n周 口 市 统 计 局\n",
        );
        for _ in 0..4 {
            t.push_str("全年全市粮食播种面积 2066.70 万亩，总产量 902.61 万吨，减产 3.2%。其\n");
            t.push_str(
                "中，年末全市共有医疗卫生机构 9534 个，医院 288 个，卫生院 178 个，卫生技\n",
            );
            t.push_str("术人员 7.24 万人，实有床位数 7.15 万张，比上年增长 4.1%，执业医\n");
            t.push_str("\n- 4 -\n");
            t.push_str("师 3.00 万人。\n");
            t.push_str("二、农 业\n");
        }
        t
    }

    #[test]
    fn a_short_pages_spaced_numbers_are_closed() {
        let page = "宁远县2023年卫生健康统计公报\n年末全县共有卫生技术人员 4 961 人，其中执业(助理)医师\n\
            1 838 人，注册护士 2 207 人。全年总诊疗 318.45 万人次，家庭医生签约率\n\
            43.2 %，病床使用率 81.6 %。2023 年末全县床位 3620 张，增长 3.5 %。\n";
        let out = undo_with(page, true);
        for want in [
            "4961人",
            "1838人",
            "2207人",
            "318.45万人次",
            "43.2%",
            "81.6%",
            "2023年末",
            "3620张",
        ] {
            assert!(out.contains(want), "{want} in {out}");
        }
        // Two numbers of a table row stay apart, and so do the groups of a longer number.
        assert_eq!(close_spaces("268 271"), "268 271");
        assert!(!close_spaces("总诊疗 1 143 256 人次").contains("143256"));
        assert_eq!(close_spaces("12.5 338"), "12.5 338");
    }

    #[test]
    fn printed_lines_are_joined_and_spaces_closed() {
        let out = undo(&page());
        assert!(
            out.contains(
                "其中，年末全市共有医疗卫生机构9534个，医院288个，卫生院178个，卫生技术人员7.24万人"
            ),
            "{out}"
        );
        assert!(
            out.contains("比上年增长4.1%，执业医师3.00万人。\n二、农业"),
            "{out}"
        );
        assert!(
            out.starts_with(
                "source: http://www.example.gov.cn/2024/04/29/bulletin.html\n周口市统计局\n"
            ),
            "{out}"
        );
        assert!(!out.contains("- 4 -"));
    }

    #[test]
    fn a_number_cut_by_the_page_width_and_an_aside_on_the_next_line_are_joined() {
        let mut page = String::from("平安县卫生健康局关于2023年工作情况的报告\n");
        for _ in 0..3 {
            page.push_str(
                "截至2023年底，全县共有医疗卫生机构327个，其中医院16个、基层医疗卫生机构1\n",
            );
            page.push_str("258个、专业公共卫生机构4个。评估以2020年为基期，以20\n");
            page.push_str("23年实际完成数为主要依据，全县医院床位共有一千余张，其中县医院\n");
            page.push_str("(三级医院)床位620张，比上年增加较多，服务能力明显提高。\n");
        }
        let out = undo_with(&page, true);
        assert!(out.contains("基层医疗卫生机构1258个"), "{out}");
        assert!(out.contains("以2023年实际完成数"), "{out}");
        assert!(out.contains("其中县医院(三级医院)床位620张"), "{out}");
        // A numbered item in brackets still opens its line.
        assert!(opens_item("(二)基层服务能力稳步提升"));
        assert!(opens_item("（12）家庭医生签约"));
        assert!(!opens_item("(三级医院4个)、基层医疗卫生机构"));
        assert!(opens_item("3.家庭医生签约服务"));
        assert!(opens_item("1.2023年全县家庭医生签约"));
        assert!(!opens_item("0.42/10万。全县居民健康素养水平"));
    }

    #[test]
    fn web_text_keeps_its_lines_and_numbers_keep_their_space() {
        let web = "标题\n全县有村卫生室91个。\n建档率95%。\n";
        assert_eq!(undo(web), web);
        let mut page = String::from(
            "嘉鱼县卫生健康工作回顾\n发布日期:2021-01-15 来源:卫生健康局 浏览次数:321\n",
        );
        for _ in 0..6 {
            page.push_str(
                "2020年,全县卫生健康系统在做好疫情防控的同时稳步推进基本公共卫生服务。\n",
            );
        }
        assert!(undo(&page).contains("浏览次数:321\n2020年"));
        // A web page's table laid out with spaces keeps its lines too.
        let mut table = String::from("指标名称 年度目标值 实际完成值 完成情况\n");
        for k in 0..12 {
            table.push_str("家庭医生签约服务覆盖率");
            table.push_str(&k.to_string());
            table.push_str(" ≥45% 47.2% 完成\n");
        }
        assert_eq!(undo(&table), table);
        // So does a list of numbered items, each ending on its value.
        let mut list = String::from("平安县2023年度重点指标完成情况的通报\n发布时间:2024-02-23\n");
        for k in 1..=14 {
            list.push_str(&k.to_string());
            list.push_str(".家庭医生签约服务覆盖率:目标值40%,完成值42.");
            list.push_str(&k.to_string());
            list.push_str("%\n");
        }
        assert_eq!(undo(&list), list);
        assert_eq!(close_spaces("产量 902.61 -3.2"), "产量902.61 -3.2");
        assert_eq!(close_spaces("2019 2020"), "2019 2020");
    }
}

//! Page furniture: navigation, sharing, printing, counters and registration lines that web
//! pages wrap around a report. Such lines are dropped from the document text.

use countypanel_extract::lexicon::WordSet;

const PATTERNS: &[&str] = &[
    "分享到",
    "上一条",
    "下一条",
    "上一篇",
    "下一篇",
    "网站地图",
    "打印本页",
    "【打印】",
    "[打印]",
    "【关闭】",
    "[关闭]",
    "关闭窗口",
    "ICP备",
    "公网安备",
    "访问量",
    "访问人次",
    "当前位置",
    "您现在的位置",
    "扫一扫",
    "版权所有",
    "技术支持",
    "收藏本站",
    "设为首页",
    "字号:",
    "滑开",
    "首页 >",
    "首页>",
    "首页 »",
];

/// Headings of lists of links to other pages, whose lines are other reports' headlines.
const LINK_HEADINGS: &[&str] = &[
    "相关新闻",
    "相关阅读",
    "相关链接",
    "相关文章",
    "推荐阅读",
    "延伸阅读",
    "热点新闻",
    "热门文章",
    "最新文章",
    "猜你喜欢",
];

/// Labels that make a line metadata worth keeping even when it also holds furniture.
const KEEP: &[&str] = &["发布", "来源", "日期", "成文"];

/// The furniture patterns as one automaton (a line is read once, not once per pattern).
static PATTERN_SET: WordSet = WordSet::new(PATTERNS);
/// The labels to keep, likewise.
static KEEP_SET: WordSet = WordSet::new(KEEP);

/// Whether a line is page furniture.
#[must_use]
pub fn is_furniture(line: &str) -> bool {
    let l = line.trim();
    furniture_line(l, || PATTERN_SET.in_text(l))
}

/// The rule for a trimmed line `l`, `holds_pattern` saying whether it holds a pattern (asked
/// only of a short line): a short line with a pattern, or a button's label alone, and no label
/// to keep. A line of at most 80 bytes has at most 80 characters; counted only when longer.
fn furniture_line(l: &str, holds_pattern: impl FnOnce() -> bool) -> bool {
    let short = !l.is_empty() && (l.len() <= 80 || l.chars().count() <= 80);
    let button = l == "打印" || l == "关闭" || l == "分享";
    short && (holds_pattern() || button) && !KEEP_SET.in_text(l)
}

/// Removes furniture lines.
#[must_use]
pub fn strip(text: &str) -> String {
    // The patterns are searched once over the whole text, not once per line: most lines hold
    // none. No pattern holds a line break or starts or ends with a space, so a line holds a
    // pattern exactly when a match of the search lies inside it (a match skipped for
    // overlapping a reported one lies on the same line as that one).
    let mut matches = PATTERN_SET.starts(text).peekable();
    let mut out = String::with_capacity(text.len());
    let mut line_start = 0;
    // Under a heading of links to other pages (相关新闻), the short lines are their headlines.
    let mut in_links = false;
    for line in text.split('\n') {
        let line_end = line_start + line.len();
        let mut holds_pattern = false;
        while let Some(&m) = matches.peek() {
            if m >= line_end {
                break;
            }
            holds_pattern |= m >= line_start;
            matches.next();
        }
        line_start = line_end + 1;
        let trimmed = line.trim();
        if LINK_HEADINGS.contains(&trimmed.trim_matches(|c: char| !c.is_alphanumeric())) {
            in_links = true;
            continue;
        }
        in_links &= !trimmed.is_empty()
            && !trimmed.contains(" | ")
            && trimmed.chars().count() <= 40
            && !trimmed.contains('。');
        if in_links || furniture_line(trimmed, || holds_pattern) {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_headlines_under_a_list_of_related_links_are_dropped() {
        let text = "全县签约覆盖率达到48.6%。\n相关新闻\n休宁县家庭医生签约覆盖率达到68.5%\n\
            歙县召开卫生健康工作会议\n\n表1 村卫生室情况\n全县共有村卫生室212个,实现行政村全覆盖,服务能力明显提升。";
        let out = strip(text);
        assert!(!out.contains("68.5"), "{out}");
        assert!(out.contains("48.6") && out.contains("212"), "{out}");
        // The list ends at a blank line: a caption after it stays.
        assert!(out.contains("表1 村卫生室情况"), "{out}");
    }

    use super::*;

    #[test]
    fn furniture_goes_and_metadata_stays() {
        let t = "上一条:某某\n正文签约率80%。\n蒙ICP备05000000号\n发布时间:2021-01-01 浏览次数:12\n【打印】【关闭】";
        assert_eq!(strip(t), "正文签约率80%。\n发布时间:2021-01-01 浏览次数:12");
    }

    #[test]
    fn one_search_over_the_text_drops_the_lines_that_a_search_per_line_drops() {
        let pieces: Vec<String> = PATTERNS
            .iter()
            .chain(KEEP)
            .map(|p| (*p).to_string())
            .chain(
                [
                    "打印",
                    "关闭",
                    "  ",
                    "签约率80%",
                    "首页",
                    "ICP",
                    "备",
                    "\n",
                    "\n\n",
                    " \n",
                ]
                .map(String::from),
            )
            .chain(std::iter::once("长".repeat(79)))
            .collect();
        let mut rng = countypanel_core::rng::SplitMix64(11);
        for _ in 0..2000 {
            let mut t = String::new();
            for _ in 0..rng.int(0, 12) {
                let p: &String = rng.pick(&pieces);
                t.push_str(p);
            }
            let per_line: Vec<&str> = t.split('\n').filter(|l| !is_furniture(l)).collect();
            let mut expected = String::new();
            for l in per_line {
                if !expected.is_empty() {
                    expected.push('\n');
                }
                expected.push_str(l);
            }
            assert_eq!(strip(&t), expected, "in {t:?}");
        }
    }
}

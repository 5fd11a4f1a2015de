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
    // A line of at most 80 bytes has at most 80 characters; counted only when longer.
    if l.is_empty() || (l.len() > 80 && l.chars().count() > 80) {
        return false;
    }
    // The patterns first: most lines hold none, and the labels are then not searched.
    (PATTERN_SET.in_text(l) || l == "打印" || l == "关闭" || l == "分享") && !KEEP_SET.in_text(l)
}

/// Removes furniture lines.
#[must_use]
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        if is_furniture(line) {
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
    use super::*;

    #[test]
    fn furniture_goes_and_metadata_stays() {
        let t = "上一条:某某\n正文签约率80%。\n蒙ICP备05000000号\n发布时间:2021-01-01 浏览次数:12\n【打印】【关闭】";
        assert_eq!(strip(t), "正文签约率80%。\n发布时间:2021-01-01 浏览次数:12");
    }
}

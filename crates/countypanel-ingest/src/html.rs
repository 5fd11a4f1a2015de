//! HTML pages to text: scripts, styles and navigation dropped; headings, paragraphs and list
//! items on lines of their own; each table row on one line with its cells separated by ` | `.

use scraper::{ElementRef, Html, Node};

/// Text of an HTML page and its `<title>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    /// Visible text, one block per line.
    pub text: String,
    /// Contents of `<title>`, if any.
    pub title: Option<String>,
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "iframe", "button", "select", "option", "form",
    "svg", "template", "head",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "tr",
    "section",
    "article",
    "header",
    "main",
    "aside",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "hr",
    "center",
    "title",
    "body",
];

/// Deepest nesting followed; anything deeper is read as flat text (a defence against
/// pathological pages, which would otherwise exhaust the stack).
const MAX_DEPTH: usize = 256;

/// Extracts the visible text of a page.
#[must_use]
pub fn html_to_text(source: &str) -> HtmlText {
    let doc = Html::parse_document(source);
    let title = doc
        .select(&scraper::Selector::parse("title").expect("static selector"))
        .next()
        .map(|t| t.text().collect::<String>().trim().to_string())
        .filter(|t| !t.is_empty());
    let mut out = String::new();
    walk(doc.root_element(), &mut out, 0);
    HtmlText { text: out, title }
}

fn walk(el: ElementRef<'_>, out: &mut String, depth: usize) {
    let name = el.value().name();
    if SKIP.contains(&name) || matches!(name, "ul" | "ol") && links_only(el) {
        return;
    }
    // A table holding no other table is laid out on a grid, its merged cells spread over the
    // columns they span; a layout table (a page built of nested tables) is read as blocks.
    if name == "table"
        && !el
            .descendants()
            .skip(1)
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().name() == "table")
    {
        crate::grid::render(&table_rows(el), out);
        return;
    }
    let block = BLOCK.contains(&name);
    if block {
        crate::normalize::end_line(out);
    }
    let is_cell = matches!(name, "td" | "th");
    if is_cell && !out.ends_with('\n') && !out.is_empty() {
        out.push_str(" | ");
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let s: &str = t;
                if s.trim().is_empty() {
                    if !out.ends_with([' ', '\n']) && !out.is_empty() {
                        out.push(' ');
                    }
                } else {
                    out.push_str(&s.replace(['\n', '\r'], " "));
                }
            }
            Node::Element(_) => {
                if let Some(child_el) = ElementRef::wrap(child) {
                    if depth < MAX_DEPTH {
                        walk(child_el, out, depth + 1);
                    } else {
                        out.push_str(&child_el.text().collect::<String>());
                    }
                }
            }
            _ => {}
        }
    }
    if block {
        crate::normalize::end_line(out);
    }
}

/// Whether a list holds links and nothing else (a page's 相关新闻, 热点排行 or menu): two items or
/// more, each a link with at most a date beside it. Its headlines quote figures of other pages
/// (罗平县3家乡镇卫生院通过推荐标准评审) that are no statement of this one.
fn links_only(list: ElementRef<'_>) -> bool {
    let items: Vec<ElementRef<'_>> = list
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "li")
        .collect();
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    items.len() >= 2
        && items.iter().all(|li| {
            let all: String = li.text().collect();
            let linked: String = li
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "a")
                .flat_map(|a| a.text())
                .collect();
            // Outside the links: a date at most (2024-03-01), no figure (<a>签约率</a>83%).
            let digits = |t: &str| t.chars().filter(char::is_ascii_digit).count();
            let outside = digits(&all).saturating_sub(digits(&linked));
            !linked.trim().is_empty()
                && all.chars().filter(|&c| han(c)).count()
                    == linked.chars().filter(|&c| han(c)).count()
                && (outside == 0
                    || outside >= 6 && all.matches('%').count() == linked.matches('%').count())
        })
}

/// The rows of a table and their cells, with the columns and rows each spans.
fn table_rows(table: ElementRef<'_>) -> Vec<Vec<crate::grid::SpanCell>> {
    let span = |cell: &ElementRef<'_>, attr: &str| {
        cell.value()
            .attr(attr)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or(1)
    };
    table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "tr")
        .map(|tr| {
            tr.children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(|c| {
                    let mut text = String::new();
                    walk(c, &mut text, MAX_DEPTH - 8);
                    crate::grid::SpanCell::new(text, span(&c, "colspan"), span(&c, "rowspan"))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_scripts_and_keeps_blocks_and_rows() {
        let page = r"<html><head><title>卫生健康工作总结</title><script>var x=1;</script></head>
<body><nav>首页 | 网站地图</nav><h1>卫生健康工作总结</h1><p>全县签约率<b>83%</b>。</p>
<table><tr><td>指标</td><td>2021年</td></tr><tr><td>建档率</td><td>95%</td></tr></table></body></html>";
        let h = html_to_text(page);
        assert_eq!(h.title.as_deref(), Some("卫生健康工作总结"));
        assert!(!h.text.contains("var x"));
        assert!(!h.text.contains("网站地图"));
        assert!(h.text.contains("全县签约率83%。"), "{}", h.text);
        assert!(h.text.contains("建档率 | 95%"), "{}", h.text);
    }

    #[test]
    fn a_table_with_merged_header_cells_gets_one_header_line() {
        let page = r#"<html><body><table>
<tr><td rowspan="2">指标名称</td><td colspan="2">2023年</td></tr>
<tr><td>目标值</td><td>完成值</td></tr>
<tr><td>家庭医生<br>签约率</td><td><p>45</p></td><td>46.5</td></tr></table></body></html>"#;
        let h = html_to_text(page);
        assert!(
            h.text
                .contains("指标名称 | 2023年目标值 | 2023年完成值\n家庭医生签约率 | 45 | 46.5"),
            "{}",
            h.text
        );
    }

    #[test]
    fn a_list_of_links_is_no_statement_of_the_page() {
        let page = r#"<html><body><p>全县签约率83%。</p><h3>相关新闻</h3>
<ul><li><a href="/1.html">平安县65岁以上老年人健康管理率达72%</a><span>2024-03-01</span></li>
<li><a href="/2.html">乐都县新建村卫生室32个</a></li></ul>
<ul><li>全县共有医疗卫生机构412个</li><li>床位3860张</li></ul></body></html>"#;
        let h = html_to_text(page);
        assert!(!h.text.contains("72%"), "{}", h.text);
        assert!(!h.text.contains("32个"), "{}", h.text);
        assert!(h.text.contains("床位3860张"), "{}", h.text);
        assert!(h.text.contains("全县签约率83%。"), "{}", h.text);
        // A list whose figures stand outside its links is read.
        let page = r#"<html><body><ul><li><a href="/a">签约率</a>83%</li>
<li><a href="/b">建档率</a>91%</li></ul></body></html>"#;
        assert!(html_to_text(page).text.contains("83%"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!("{}签约率80%{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert!(html_to_text(&page).text.contains("签约率80%"));
    }
}

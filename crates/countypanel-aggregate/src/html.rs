//! `report.html`: the report for a browser, one self-contained file.
//!
//! The markdown report rendered to HTML (tables included), each chart's SVG written into the
//! page in place of its image link (so the file travels alone, by mail or on a USB stick), and
//! a style with a font stack of the CJK fonts of Windows, macOS and Linux, so that Chinese shows
//! in whatever browser the planner has.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// CSS of the page.
const STYLE: &str = "body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Hiragino Sans GB\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"SimSun\",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}\
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .6rem}th{background:#f3f3f3}\
td:nth-child(n+2){text-align:right}svg{max-width:100%;height:auto}h1,h2{font-weight:600}";

/// The page for `markdown`, whose image links name chart files that `chart` reads (`None`
/// leaves the link as a link).
pub(crate) fn render(
    title: &str,
    markdown: &str,
    chart: impl Fn(&str) -> Option<String>,
) -> String {
    // Streamed from the parser to the writer: a national panel's report has millions of
    // table cells, never held as events.
    let mut in_image = false;
    let events =
        Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(|event| match event {
            Event::Start(Tag::Image { dest_url, .. }) => Some(match chart(&dest_url) {
                Some(svg) => {
                    in_image = true;
                    Event::Html(format!("<figure>{svg}</figure>").into())
                }
                None => Event::Start(Tag::Image {
                    link_type: pulldown_cmark::LinkType::Inline,
                    dest_url,
                    title: "".into(),
                    id: "".into(),
                }),
            }),
            Event::End(TagEnd::Image) if in_image => {
                in_image = false;
                None
            }
            _ if in_image => None,
            e => Some(e),
        });
    let mut body = String::with_capacity(markdown.len() * 3);
    pulldown_cmark::html::push_html(&mut body, events);
    let title_html = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title_html}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn charts_are_written_into_the_page_and_tables_render() {
        let md = "# 报告\n\n| 地区 | 2021 |\n|---|---:|\n| 嘉鱼县 | 55.6% |\n\n![签约率](charts/a.svg)\n\n![其他](charts/missing.svg)\n";
        let html = super::render("报告 <1>", md, |p| {
            (p == "charts/a.svg").then(|| "<svg><text>嘉鱼县</text></svg>".to_string())
        });
        assert!(html.contains("<title>报告 &lt;1&gt;</title>"), "{html}");
        assert!(html.contains("<td>嘉鱼县</td>"), "{html}");
        assert!(
            html.contains("<figure><svg><text>嘉鱼县</text></svg></figure>"),
            "{html}"
        );
        assert!(!html.contains("charts/a.svg"), "{html}");
        assert!(html.contains("<img src=\"charts/missing.svg\""), "{html}");
        assert!(html.contains("Microsoft YaHei"));
    }
}

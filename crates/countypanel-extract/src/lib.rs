//! Text to numeric indicator facts.
//!
//! The extractor reads the normalised text of one report and returns every numeric fact it
//! states: the value with its unit and qualifier (from [`countypanel_zhnum`]), the catalog
//! indicator it measures (or none, so that nothing stated is lost), the subject carried over from
//! an earlier clause, the year (from the clause, the paragraph, a heading, or the publication
//! date), the as-of date, whether it is an actual value or a target, the region named, and the
//! exact span of text that states it. It is a pure function of the text and the document's
//! context: no I/O.
//!
//! ```
//! use countypanel_core::catalog::Catalog;
//! use countypanel_extract::{DocContext, Extractor, Kind};
//! let catalog = Catalog::parse(r#"
//! [[indicator]]
//! id = "health_record_rate"
//! name = "建档率"
//! label = "Health-record coverage"
//! unit = "percent"
//! range = [0, 100]
//! phrases = ["建档率"]
//! "#, std::path::Path::new("catalog.toml")).unwrap();
//! let ex = Extractor::new(&catalog);
//! let facts = ex.extract("2019年,全区建档率达95%。", &DocContext::default());
//! assert_eq!(facts[0].indicator_id.as_deref(), Some("health_record_rate"));
//! assert_eq!(facts[0].value, 95.0);
//! assert_eq!(facts[0].year, Some(2019));
//! assert_eq!(facts[0].kind, Kind::Actual);
//! ```

//!
//! Where things live: [`lexicon`] holds the word lists; `bind` ties one number to its phrase;
//! [`health`] decides whether a place of the text is about health; `change` tells a change
//! (增长5.2%) from a level;
//! `kind` decides actual or target; `year` dates a fact; `naming` names what the catalog has no
//! phrase for; `shared` splits lists of rates sharing one value; `respectively`
//! pairs the subjects listed before 分别 with the values after it; `matcher` is the phrase
//! automaton; [`segment`] cuts sentences and clauses; [`time`] reads years and dates; `table`
//! reads the rows of tables (` | ` between cells) as facts named by their row and column.

mod bind;
mod change;
mod from_to;
pub mod health;
mod kind;
pub mod lexicon;
mod matcher;
mod naming;
mod respectively;
mod scope;
pub mod segment;
mod shared;
mod table;
pub mod time;
mod year;

use countypanel_core::catalog::Catalog;
use countypanel_core::vocab::{Rule, YearFlag};
use countypanel_zhnum::{Qualifier, scan_chars};

pub use kind::Kind;
use matcher::Hit;
pub use matcher::PhraseMatcher;
use time::{RELATIVE_YEARS, YearMention, Ymd};
use year::{Carried, DocYears};

/// What the extractor knows of the document besides its text.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// Publication date.
    pub published: Option<Ymd>,
    /// The issuing region as named in the document.
    pub issuer_region: Option<String>,
    /// The document's title, which tells whether the document is about health.
    pub title: Option<String>,
}

/// One numeric fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Catalog indicator, `None` when the number names no known indicator.
    pub indicator_id: Option<String>,
    /// The phrase that names the measure, as written.
    pub indicator_text: Option<String>,
    /// The subject carried over for a generic phrase (高血压 for 规范管理率).
    pub subject: Option<String>,
    /// Value after multipliers; percents as percent numbers.
    pub value: f64,
    /// The quantity as written.
    pub value_text: String,
    /// Canonical unit code.
    pub unit: countypanel_core::vocab::Unit,
    /// Qualifier.
    pub qualifier: Qualifier,
    /// Actual or target.
    pub kind: Kind,
    /// Year the fact refers to.
    pub year: Option<i32>,
    /// Why the year is missing or where it came from when not stated in the sentence.
    pub year_flag: Option<YearFlag>,
    /// As-of date (截至…).
    pub as_of: Option<Ymd>,
    /// Region the fact is about, as named.
    pub region_name: Option<String>,
    /// Whether that region, named in the sentence, is the subject of the number's clause
    /// (定西市计划投入资金3.5亿元): then it holds the fact even where it encloses the report's own
    /// region, which a passing mention (按照安徽省要求, 全省第一) does not.
    pub region_subject: bool,
    /// Evidence start (characters of the normalised text).
    pub char_start: usize,
    /// Evidence end (exclusive).
    pub char_end: usize,
    /// Evidence text.
    pub evidence: String,
    /// The sentence holding the evidence.
    pub sentence: std::sync::Arc<str>,
    /// The rule that produced the fact.
    pub rule: Rule,
    /// Whether the number is about health (its clause, paragraph, section or document is).
    pub health: bool,
    /// Whether the number states a change over an earlier time (比上年增加66个, 增长5.2%) rather
    /// than a level; a change names no catalog indicator.
    pub change: bool,
}

/// The extractor: a compiled catalog and region list.
#[derive(Debug, Clone)]
pub struct Extractor {
    matcher: PhraseMatcher,
}

/// Whether a heading holding a plan word opens a plan: a word that also heads a summary's
/// account of the work done (重点工作) needs a year or a word that looks ahead beside it, unless
/// the document has opened a plan before.
fn plan_heading(text: &str) -> bool {
    let mut rest = text.to_string();
    for w in lexicon::PLAN_HEADINGS_ANCHORED {
        rest = rest.replace(w, "");
    }
    kind::has_target_word(&rest, &kind::PLAN_HEADING_SET)
        || lexicon::LOOKING_AHEAD.iter().any(|w| text.contains(w))
        || time::names_year(text)
}

/// How far the section about one institution runs.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum InstitutionSection {
    /// The section is about no one institution.
    #[default]
    None,
    /// Until the next heading of its ordinal level or above (or, unnumbered, the next heading)
    /// after a heading line naming the institution (三、县中医医院); its sub-headings
    /// ((一)医疗服务) stay in it.
    UntilHeading(Option<u8>),
    /// Through the paragraph an inline heading opens (a yearbook's 【县人民医院】 entry).
    Paragraph(usize),
}

/// Whether the part of a document being read is a plan.
#[derive(Debug, Default, Clone, Copy)]
struct Plan {
    /// The section being read is a plan: its numbers are targets.
    section: bool,
    /// A heading has opened a plan before: the document sets out a plan, and its headings'
    /// 重点工作 are aims without a word that looks ahead.
    document: bool,
}

/// What a reading of a document carries from one sentence to the next.
#[derive(Debug, Default)]
struct Reading<'a> {
    /// The paragraph being read.
    paragraph: usize,
    /// Years carried into the next sentence.
    carried: Carried,
    /// Whether the section being read is a plan, and whether the document has set out one.
    plan: Plan,
    /// The first phrase hit not before the current sentence.
    hit_cursor: usize,
    /// The sentence before the current one.
    prev_sentence: &'a [char],
    /// The region the sentence before opened with, when ； joined it to the current one.
    joined_region: Option<String>,
    /// The county (县 or 旗) named last in the sentences read so far.
    last_county: Option<String>,
    /// Whether ； joined the sentence before to the current one.
    prev_joined: bool,
    /// Whether the place being read is about health.
    health: health::HealthContext,
    /// Whether a list of parts opened by 其中 runs on past the sentence just read (it ended
    /// with ；, not 。).
    parts_open: bool,
    /// Whether the part of the year a sentence named (1-9月) runs on past it (it ended with ；).
    part_year_open: bool,
    /// The institution the sentence just read opened with, when ； joins the next to it.
    institution_open: Option<&'static str>,
    /// The institution the sentence just read opened with, with its paragraph: the paragraph's
    /// next sentence with no subject of its own holds its facility measures too.
    paragraph_institution: Option<(usize, &'static str)>,
    /// Whether the section being read is about one institution. Its beds, staff and visits are
    /// the institution's.
    institution_section: InstitutionSection,
    /// The region a numbered heading named alone ((一)崆峒区。), with the heading's level: the
    /// section under it speaks of that region.
    section_region: Option<(u8, std::sync::Arc<str>)>,
    /// The level of the last numbered heading read.
    heading_level_read: Option<u8>,
    /// The level of the numbered heading a sentence that dated its section stood under.
    sentence_section_under: Option<u8>,
}

impl Reading<'_> {
    /// Enters the paragraph `p`: the paragraph's years start afresh.
    fn enter_paragraph(&mut self, p: usize, opening: &[char]) {
        if p != self.paragraph {
            self.paragraph = p;
            self.carried.paragraph = None;
            self.carried.paragraph_malformed = false;
            self.carried.paragraph_deadline = None;
            let opening: String = opening.iter().take(16).collect();
            self.health.enter_paragraph(&opening);
        } else if opening.iter().take(14).any(|c| matches!(c, ':' | '：')) {
            // 教育:…。文化:…。卫生:全县有…: a label inside the paragraph turns it to its domain.
            let opening: String = opening.iter().take(16).collect();
            self.health.read_label(&opening);
        }
    }

    /// Takes the years of a heading: a section year, and whether a plan section opens or ends.
    fn read_heading(&mut self, sc: &[char], text: &str, years: &[YearMention]) {
        // A dateline (2022年02月16日) dates the page, not the section under it; a table's header
        // row (指标 | 2020年 | 2021年) dates its columns, not the text after the table.
        let table_row = text.contains('|');
        // A month after the year (2022年02月16日, 二〇二四年三月二十二日) makes it a date.
        let dated = |at: usize| {
            let n = sc[at.min(sc.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(**c))
                .count();
            n > 0 && sc.get(at + n) == Some(&'月')
        };
        // The title over a speech at a year's work conference names the session's year, not the
        // year its review is of (see `year::looks_back`).
        let session = year::looks_back(text);
        if !table_row
            && !session
            && let Some(y) = years.iter().filter(|m| !dated(m.end)).find_map(|m| m.year)
        {
            self.carried.heading = Some(y);
            self.carried.heading_level = segment::ordinal_level(sc).map(|(l, _)| l);
            self.carried.section = Some(y);
            self.carried.section_from_sentence = false;
        } else if let Some((level, _)) = segment::ordinal_level(sc).filter(|_| !table_row)
            && self.carried.heading_level.is_some_and(|l| level <= l)
        {
            // 五、下一步工作 after 四、2023年工作回顾: the review's year ends with it.
            self.carried.heading = None;
            self.carried.heading_level = None;
            self.carried.section = None;
            self.carried.section_from_sentence = false;
        } else if self.carried.section_from_sentence
            && !table_row
            && let Some((level, _)) = segment::ordinal_level(sc)
            // A numbered heading closes the section a sentence dated (截至2022年底,全县共有… in
            // 一、总体进展 does not date 二、主要成效); under a part of a section ((一)服务体系:
            // 截至2022年底,…) only a heading above the part does: its sibling parts ((二)人才
            // 队伍:全县卫生技术人员6310人) go on with the year.
            // (Not when a heading above names a year: 一、2023年工作完成情况 dates its parts.)
            && (self.carried.heading.is_some()
                || self
                    .sentence_section_under
                    .is_none_or(|under| under <= 1 || level < under))
        {
            self.carried.section = self.carried.heading;
            self.carried.section_from_sentence = false;
        }
        if let Some((level, _)) = segment::ordinal_level(sc).filter(|_| !table_row) {
            self.heading_level_read = Some(level);
        }
        self.health.read_heading(text);
        // A heading that names a review as well (2023年工作总结和2024年工作计划, the title of a
        // summary with its plan) opens the review: the plan has a heading of its own.
        let review = lexicon::REVIEW_HEADINGS.iter().any(|w| text.contains(w));
        // The date line under a plan's title (2024-02-20, 发布时间:2024年2月20日) is no heading
        // of a section of its own.
        let dateline = ["发布时间", "发布日期", "日期", "时间"]
            .iter()
            .fold(text.to_string(), |t, w| t.replace(w, ""))
            .chars()
            .all(|c| !lexicon::is_han(c) || "年月日".contains(c));
        if !review
            && kind::has_target_word(text, &kind::PLAN_HEADING_SET)
            && (self.plan.document || plan_heading(text))
        {
            self.plan = Plan {
                section: true,
                document: true,
            };
        } else if review || !years.is_empty() && !dateline {
            self.plan.section = false;
        }
    }

    /// Opens or closes the section of a region: a numbered heading that names one region alone
    /// (`(一)崆峒区。`, `2.泾川县:`) opens its section; a numbered heading of the same level or
    /// above that names none closes it. `hits` are the sentence's.
    fn read_section_region(&mut self, sc: &[char], hits: &[Hit]) {
        // An unnumbered heading (基本公共卫生服务) may head a part of the region's section.
        let Some((level, from)) = segment::ordinal_level(sc) else {
            return;
        };
        let end = (from..sc.len())
            .find(|&i| matches!(sc[i], '。' | ':' | '：' | ',' | '，'))
            .unwrap_or(sc.len());
        let mut to = end;
        while to > from && sc[to - 1].is_whitespace() {
            to -= 1;
        }
        let named = hits.iter().find_map(|h| match &h.target {
            matcher::Target::Region(name) if h.start == from && h.end == to => Some(name.clone()),
            _ => None,
        });
        match named {
            Some(name) => self.section_region = Some((level, name)),
            None => {
                if self
                    .section_region
                    .as_ref()
                    .is_some_and(|(l, _)| level <= *l)
                {
                    self.section_region = None;
                }
            }
        }
    }

    /// Carries the years of a sentence just read into the next.
    fn after_sentence(&mut self, sc: &[char], heading: bool, years: &[YearMention]) {
        // A year compared with (比2023年底的55.1%) dates its own level, not the sentences after.
        let compared = |m: &&YearMention| {
            m.start > 0 && matches!(sc.get(m.start - 1), Some('比' | '较' | '与' | '同'))
        };
        // The paragraph's year before this sentence (see the section's year below).
        let paragraph_before = self.carried.paragraph;
        if let Some(last) = years.iter().rev().find(|m| !compared(m)) {
            self.carried.paragraph = last.year;
            self.carried.paragraph_malformed = last.year.is_none();
        }
        // 到2025年,基本建成…: the deadline of the aims after it in the paragraph.
        if let Some(first) = years.first()
            && first.year.is_some()
            && {
                let before: String = sc[..first.start.min(sc.len())].iter().collect();
                let before = before.trim_start();
                ["到", "至", "力争到", "力争至", "计划到"].contains(&before)
            }
        {
            self.carried.paragraph_deadline = first.year;
        }
        // A sentence that runs through years clause by clause (2021年…为55%,2022年提高到58%)
        // is a series: it dates its own numbers, not the section after it.
        let series = years
            .iter()
            .any(|m| m.year != years[0].year && segment::clause_start(sc, 0, m.start) == m.start);
        // Inside a paragraph of a later year (2023年,全县参保人数86.52万人…。2022年全县参保人数
        // 为87.13万人), a sentence opening with an earlier one compares: it dates no section
        // after it.
        if !heading
            && !series
            && let Some(first) = years.first().filter(|m| year::opens_sentence(sc, m.start))
            && first.year.is_some()
            && paragraph_before.zip(first.year).is_none_or(|(p, y)| y >= p)
        {
            self.carried.section = first.year;
            self.carried.section_from_sentence = true;
            self.sentence_section_under = self.heading_level_read;
        }
    }

    /// Keeps the last county (县 or 旗) a sentence's hits name.
    fn note_county(&mut self, hits: &[Hit]) {
        if let Some(name) = hits.iter().rev().find_map(|h| match &h.target {
            matcher::Target::Region(name) if name.ends_with(['县', '旗']) => Some(name),
            _ => None,
        }) {
            self.last_county = Some(name.to_string());
        }
    }

    /// The phrase hits inside the sentence `start..end`, in sentence offsets.
    fn hits_in(&mut self, hits: &[Hit], start: usize, end: usize) -> Vec<Hit> {
        while self.hit_cursor < hits.len() && hits[self.hit_cursor].start < start {
            self.hit_cursor += 1;
        }
        hits[self.hit_cursor..]
            .iter()
            .take_while(|h| h.start < end)
            .filter(|h| h.end <= end)
            .map(|h| {
                let mut h = h.clone();
                h.start -= start;
                h.end -= start;
                h
            })
            .collect()
    }
}

impl Extractor {
    /// Compiles a catalog.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        Self {
            matcher: PhraseMatcher::new(catalog, std::iter::empty()),
        }
    }

    /// Compiles a catalog and the region names to look for in sentences.
    #[must_use]
    pub fn with_regions<'a>(catalog: &Catalog, regions: impl Iterator<Item = &'a str>) -> Self {
        Self {
            matcher: PhraseMatcher::new(catalog, regions),
        }
    }

    /// Extracts every fact of `text`.
    #[must_use]
    pub fn extract(&self, text: &str, ctx: &DocContext) -> Vec<Fact> {
        let chars: Vec<char> = text.chars().collect();
        // Where each character starts in `text` (and its length last): a sentence's text is a
        // slice of the document's, never a copy.
        let doc_bytes = bind::byte_offsets(text);
        let matcher::DocumentWords {
            hits,
            domains,
            targets,
        } = self.matcher.find_in_document(text);
        let doc = DocYears::of(&chars, ctx);
        // A report about a town: its numbers are the town's unless a sentence names the county.
        let document = scope::DocumentSubject::of_title(ctx.title.as_deref());
        // A report on part of a year (2024年1—9月医疗保障快报, 上半年工作总结): its flows are the
        // part's.
        let part_year_document = match ctx.title.as_deref() {
            // The part's year is the title's last (2023年度及2024年1—6月…: 2024).
            // (A monthly report, 运行监测月报, too; not one of the whole year, 1—12月, nor a notice
            // on making them.)
            Some(t)
                if scope::names_part_of_year(t)
                    || scope::one_month_named(t, true)
                    || t.contains("月报")
                        && !["年报", "12月", "通知", "全年"]
                            .iter()
                            .any(|w| t.contains(w)) =>
            {
                year::last_title_year(t).map_or(scope::TitlePart::Undated, scope::TitlePart::Of)
            }
            _ => scope::TitlePart::None,
        };
        // A county's report (县, 旗, a city's 区) that speaks of itself as 我县 or 全县: its 全市 is
        // the prefecture. A title about a city (海东市卫生健康工作综述) is the city's report.
        let county_report = ctx.issuer_region.as_deref().is_some_and(|r| {
            r.ends_with(['县', '旗'])
                || r.ends_with('区') && !r.ends_with("自治区") && !r.ends_with("地区")
        }) && ctx
            .title
            .as_deref()
            .is_none_or(|t| !t.contains('市') || t.contains(['县', '区', '旗']))
            && lexicon::OWN_COUNTY.iter().any(|w| text.contains(w));
        let mut facts = Vec::new();
        // Where the facts of the sentence just read start in `facts`.
        let mut previous_facts = 0;
        let mut reading = Reading {
            paragraph: usize::MAX,
            health: health::HealthContext::of_document(ctx.title.as_deref(), text, &domains),
            ..Reading::default()
        };
        for s in &segment::sentences(&chars) {
            let sc = &chars[s.start..s.end];
            // Whether ； joins the sentence to the next.
            let joined = matches!(chars.get(s.end), Some('；' | ';'));
            reading.enter_paragraph(s.paragraph, sc);
            // An inline heading (一、基本情况 …, a yearbook's 【县人民医院】…) opens its paragraph.
            let bracketed = || {
                (sc.first() == Some(&'【'))
                    .then(|| sc.iter().take(20).position(|&c| c == '】'))
                    .flatten()
            };
            if let Some(end) = segment::inline_heading(sc)
                .or_else(bracketed)
                .or_else(|| segment::parenthesised_heading(sc))
                .filter(|_| !s.heading)
            {
                let heading: String = sc[..end].iter().collect();
                reading.institution_section = if scope::heading_names_institution(&heading) {
                    InstitutionSection::Paragraph(s.paragraph)
                } else if matches!(
                    reading.institution_section,
                    InstitutionSection::UntilHeading(_)
                ) {
                    reading.institution_section
                } else {
                    InstitutionSection::None
                };
            }
            if segment::ordinal_level(sc).is_some() {
                let heading_hits = reading.hits_in(&hits, s.start, s.end);
                reading.read_section_region(sc, &heading_hits);
            } else if s.heading {
                // 长汀县:县域内就诊率连续三年提升, a news item's heading over one county's
                // paragraphs: they are that county's until a heading that names none.
                let heading_hits = reading.hits_in(&hits, s.start, s.end);
                let named = heading_hits
                    .first()
                    .and_then(|h| match &h.target {
                        matcher::Target::Region(name)
                            if sc[..h.start].iter().all(|c| c.is_whitespace())
                                && matches!(sc.get(h.end), Some(':' | '：')) =>
                        {
                            Some(name.clone())
                        }
                        _ => None,
                    })
                    // 陆良:医共体“一盘棋”, a county by its short name.
                    .or_else(|| {
                        let colon = sc.iter().take(4).position(|c| matches!(c, ':' | '：'))?;
                        let short: String = sc[..colon].iter().collect();
                        (colon >= 2 && short.chars().all(lexicon::is_han))
                            .then(|| self.matcher.region_by_short_name(&short))
                            .flatten()
                    });
                if let Some(name) = named {
                    reading.section_region = Some((u8::MAX, name));
                } else if reading
                    .section_region
                    .as_ref()
                    .is_some_and(|(l, _)| *l == u8::MAX)
                {
                    reading.section_region = None;
                }
            }
            let mut quantities = scan_chars(sc);
            respectively::share_rate_units(&mut quantities, sc);
            // A sentence with no number adds no fact and no year unless it is a heading or
            // names a year in words (今年, 去年): only the next sentence may look back at it.
            if quantities.is_empty()
                && !s.heading
                && (doc.published.is_none()
                    || !sc.contains(&time::RELATIVE_YEAR_MARK)
                    || !RELATIVE_YEARS
                        .iter()
                        .any(|(w, _)| lexicon::contains_word(sc, w)))
            {
                // It still tells what the paragraph speaks of (县人民医院新院区建成投入使用。).
                let base = doc_bytes[s.start];
                reading
                    .health
                    .after_sentence(&text[base..doc_bytes[s.end]], domains.at(base));
                reading.prev_sentence = sc;
                reading.prev_joined = joined;
                reading.joined_region = None;
                let sentence_hits = reading.hits_in(&hits, s.start, s.end);
                reading.note_county(&sentence_hits);
                previous_facts = facts.len();
                continue;
            }
            let sentence_text = &text[doc_bytes[s.start]..doc_bytes[s.end]];
            let s_hits = reading.hits_in(&hits, s.start, s.end);
            let years = sentence_years(sc, sentence_text, &quantities, doc.relative);
            if s.heading {
                reading.read_heading(sc, sentence_text, &years);
                let level = segment::ordinal_level(sc).map(|(l, _)| l);
                reading.institution_section = match reading.institution_section {
                    _ if scope::heading_names_institution(sentence_text) => {
                        InstitutionSection::UntilHeading(level)
                    }
                    // A sub-heading of the institution's section.
                    InstitutionSection::UntilHeading(Some(l)) if level.is_some_and(|k| k > l) => {
                        reading.institution_section
                    }
                    _ => InstitutionSection::None,
                };
            } else if let Some(end) = segment::inline_heading(sc) {
                let heading: String = sc[..end].iter().filter(|c| !c.is_whitespace()).collect();
                reading.health.read_heading(&heading);
            }
            let base = doc_bytes[s.start];
            let shared: std::sync::Arc<str> = sentence_text.into();
            let sentence = bind::Sentence {
                target_end: targets.first_end(base, base + sentence_text.len()),
                chars: sc,
                text: sentence_text,
                shared: &shared,
                bytes: &doc_bytes[s.start..=s.end],
                offset: s.start,
                hits: &s_hits,
                prev: reading.prev_sentence,
                years: &years,
                carried: reading.carried,
                plan_section: reading.plan.section,
                in_parts: reading.parts_open,
                as_of: year::as_of(sc),
                health: reading.health,
                domains: domains.at(base),
                report_of: if county_report {
                    bind::ReportOf::County
                } else if ctx
                    .issuer_region
                    .as_deref()
                    .is_some_and(|r| r.ends_with('省') || r.ends_with("自治区"))
                {
                    bind::ReportOf::Province
                } else {
                    bind::ReportOf::Other
                },
                section_region: reading.section_region.as_ref().map(|(_, r)| &**r),
                joined_region: reading.joined_region.as_deref(),
                // Only in a report whose issuer is known (a city's or a province's).
                last_county: reading
                    .last_county
                    .as_deref()
                    .filter(|_| ctx.issuer_region.is_some()),
            };
            let mut sentence_facts: Vec<Fact> = quantities
                .iter()
                .filter_map(|q| bind::fact_for(&self.matcher, q, &sentence, doc, ctx))
                .collect();
            shared::split_shared_rates(&self.matcher, &mut sentence_facts, sc, s.start);
            shared::each_of_listed(&self.matcher, &mut sentence_facts, sc, s.start);
            shared::value_after_its_standard(&mut sentence_facts, sc, s.start);
            shared::share_joined_rates(&self.matcher, &mut sentence_facts, sc, s.start);
            shared::share_list_head(&self.matcher, &mut sentence_facts, sc, s.start);
            respectively::distribute(&self.matcher, &mut sentence_facts, sc, s.start);
            respectively::distribute_years(&self.matcher, &mut sentence_facts, sc, s.start);
            respectively::regions_with_their_measure(
                &self.matcher,
                &mut sentence_facts,
                sc,
                s.start,
            );
            respectively::places_again(&self.matcher, &mut sentence_facts, sc, s.start);
            shared::subsidy_within_funding(&mut sentence_facts, sc, s.start);
            respectively::places_named_before(
                &self.matcher,
                &mut sentence_facts,
                sc,
                s.start,
                reading.prev_sentence,
                reading.prev_joined,
            );
            respectively::regions_continue(
                &self.matcher,
                &mut sentence_facts,
                sc,
                s.start,
                facts[previous_facts..].last(),
            );
            if let Some((low, high, end)) = time::each_year_range(&quantities, sc) {
                year::spread_over_range(&mut sentence_facts, s.start + end, low, high);
            } else {
                year::mark_period_sums(&mut sentence_facts, sc, s.start, doc.published);
            }
            let opened = scope::narrow(
                &mut sentence_facts,
                sc,
                s.start,
                reading.health.other_section(),
                &s_hits,
                match document {
                    scope::DocumentSubject::Region
                        if match reading.institution_section {
                            InstitutionSection::None => false,
                            InstitutionSection::UntilHeading(_) => true,
                            InstitutionSection::Paragraph(p) => p == s.paragraph,
                        } =>
                    {
                        scope::DocumentSubject::Institution
                    }
                    other => other,
                },
                scope::Before {
                    part_year_open: reading.part_year_open,
                    title: part_year_document,
                    institution: reading.institution_open,
                    paragraph_institution: reading
                        .paragraph_institution
                        .filter(|(p, _)| *p == s.paragraph)
                        .map(|(_, e)| e),
                },
            );
            naming::name_uncatalogued(&mut sentence_facts, sc, s.start);
            // A number named by a catalog indicator (by 分别, a shared list) is about health.
            for f in &mut sentence_facts {
                f.health |= f.indicator_id.is_some();
            }
            previous_facts = facts.len();
            facts.append(&mut sentence_facts);
            reading
                .health
                .after_sentence(sentence_text, domains.at(base));
            reading.parts_open =
                (reading.parts_open || sentence_text.contains(lexicon::PART)) && joined;
            reading.part_year_open =
                joined && (reading.part_year_open || scope::names_part_of_year(sentence_text));
            reading.institution_open = opened.filter(|_| joined);
            // The region the sentence opens with (after its year), for the next one if ； joins
            // them.
            reading.note_county(&s_hits);
            reading.joined_region = joined
                .then(|| {
                    s_hits.first().and_then(|h| match &h.target {
                        // Not one of a list (平安区、乐都区通过…复审).
                        matcher::Target::Region(name)
                            if year::opening_words(&sc[..h.start])
                                && !matches!(sc.get(h.end), Some('、' | '和' | '与' | '及')) =>
                        {
                            Some(name.to_string())
                        }
                        _ => None,
                    })
                })
                .flatten();
            // Only the sentence right after the one that opened with the institution.
            reading.paragraph_institution = opened
                .filter(|&e| {
                    reading.paragraph_institution != Some((s.paragraph, e))
                        || reading.institution_open == Some(e)
                })
                .map(|e| (s.paragraph, e));
            reading.after_sentence(sc, s.heading, &years);
            reading.prev_sentence = sc;
            reading.prev_joined = joined;
        }
        table::read_tables(&self.matcher, &chars, &doc, &mut facts);
        // A hospital's notice of hires (…招聘公告, 招聘简章) counts the posts it offers and its own
        // beds and staff, in its sentences and its tables: none of it is the region's.
        if ctx.title.as_deref().is_some_and(scope::is_hiring_notice) {
            for f in facts.iter_mut().filter(|f| f.indicator_id.is_some()) {
                f.indicator_id = None;
                f.rule = Rule::OneInstitution;
            }
        }
        facts
    }
}

/// The years a sentence names: its written years, and 今年/去年 against the year they count
/// from (see [`year::DocYears::relative`]).
/// A year that opens a period (2017年以来, 从2015年开始) dates no fact: what the sentence states
/// is the state at the time of writing.
fn sentence_years(
    sc: &[char],
    text: &str,
    quantities: &[countypanel_zhnum::Quantity],
    relative_to: Option<i32>,
) -> Vec<YearMention> {
    let mut years = time::year_mentions(quantities);
    // A year inside a title in 《》 (按照2017年《…规范》执行) names a document, not a time.
    let in_title = |m: &YearMention| {
        let open = sc[..m.start].iter().rposition(|&c| c == '《');
        let close = sc[..m.start].iter().rposition(|&c| c == '》');
        matches!((open, close), (Some(o), c) if c.is_none_or(|c| c < o))
            || sc.get(m.end) == Some(&'《')
    };
    // 从2020年的45%提高到60%: the year dates the earlier level only (see `from_to`).
    years.retain(|m| {
        !lexicon::PERIOD_START
            .iter()
            .any(|w| lexicon::after_word(sc, m.end, w).is_some())
            && lexicon::period_closed_later(sc, m.start, m.end).is_none()
            && !in_title(m)
            && !from_to::opens_earlier_level(sc, m.start, m.end)
            && !from_to::compared_year(sc, m.start, m.end)
    });
    if let Some(py) = relative_to
        && text.contains(time::RELATIVE_YEAR_MARK)
    {
        for (word, delta) in RELATIVE_YEARS {
            // 较上年 / 比去年 compare with a year, and 由上年的 opens the earlier level of a
            // change (see `from_to`); they do not date the sentence.
            let dated = text.match_indices(word).find(|(pos, _)| {
                !text[..*pos].ends_with(['较', '比', '于', '同', '与', '由', '从'])
            });
            if let Some((pos, _)) = dated {
                let at = text[..pos].chars().count() + word.chars().count();
                years.push(YearMention {
                    start: at - word.chars().count(),
                    end: at,
                    year: Some(py + delta),
                });
            }
        }
        years.sort_by_key(|m| m.end);
    }
    years
}

#[cfg(test)]
mod genres;
#[cfg(test)]
mod tests;

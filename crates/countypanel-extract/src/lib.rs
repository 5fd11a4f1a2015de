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

mod matcher;
pub mod segment;
pub mod time;

use countypanel_core::catalog::Catalog;
use countypanel_zhnum::{Qualifier, Quantity, Unit, scan_chars};

pub use matcher::PhraseMatcher;
use matcher::{Hit, Target};
use segment::{clause_start, separates_clauses};
use time::{RELATIVE_YEARS, Ymd};

/// Whether a fact states what was achieved or what is aimed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An achieved value.
    Actual,
    /// A target (力争, 目标, 计划, 到2025年…达到).
    Target,
}

impl Kind {
    /// `actual` or `target`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actual => "actual",
            Self::Target => "target",
        }
    }
}

/// What the extractor knows of the document besides its text.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// Publication date.
    pub published: Option<Ymd>,
    /// The issuing region as named in the document.
    pub issuer_region: Option<String>,
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
    pub unit: &'static str,
    /// Qualifier.
    pub qualifier: Qualifier,
    /// Actual or target.
    pub kind: Kind,
    /// Year the fact refers to.
    pub year: Option<i32>,
    /// Why the year is missing or where it came from when not stated in the sentence.
    pub year_flag: Option<&'static str>,
    /// As-of date (截至…).
    pub as_of: Option<Ymd>,
    /// Region the fact is about, as named.
    pub region_name: Option<String>,
    /// Evidence start (characters of the normalised text).
    pub char_start: usize,
    /// Evidence end (exclusive).
    pub char_end: usize,
    /// Evidence text.
    pub evidence: String,
    /// The sentence holding the evidence.
    pub sentence: String,
    /// The rule that produced the fact.
    pub rule: &'static str,
}

/// Words anywhere before a number in its sentence that make it a target.
const TARGET_WORDS: &[&str] = &[
    "力争", "目标", "计划", "确保", "争取", "预计", "规划", "努力",
];

/// Words that make a number a target only inside its own clause (需救治 N 人 is a quota, while
/// the 已救治 figure after it in the same sentence is achieved).
const CLAUSE_TARGET_WORDS: &[&str] = &["需", "要达到", "将达到", "达到或超过", "拟", "要求"];

/// Names of programmes that hold a target word without setting a target: 计划生育 (family
/// planning), 免疫规划 and 计划免疫 (the immunisation programme).
const PROGRAMME_NAMES: &[&str] = &["计划生育", "免疫规划", "计划免疫"];

/// Whether `text` holds one of `words`, programme names (计划生育, 免疫规划) not counting.
fn has_target_word(text: &str, words: &[&str]) -> bool {
    let mut text = text.to_string();
    for name in PROGRAMME_NAMES {
        if text.contains(name) {
            text = text.replace(name, "");
        }
    }
    words.iter().any(|w| text.contains(w))
}

/// Words before a count that make it a part of a total or a change, not the total.
const PART_OR_FLOW: &[&str] = &["其中", "新增", "新建", "增加", "减少"];

/// Words of a heading that open a plan section (its facts are targets until the next heading
/// that reports results).
const PLAN_HEADINGS: &[&str] = &[
    "展望",
    "计划",
    "目标",
    "工作重点",
    "重点工作",
    "工作思路",
    "打算",
];

/// Whether `word` occurs in `sc`.
fn contains_word(sc: &[char], word: &str) -> bool {
    (0..sc.len()).any(|k| after_word(sc, k, word).is_some())
}

/// The extractor: a compiled catalog and region list.
#[derive(Debug, Clone)]
pub struct Extractor {
    matcher: PhraseMatcher,
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
        let hits = self.matcher.find(text);
        let sentences = segment::sentences(&chars);
        // Without a publication date, the latest 截至 date of the text stands in for it: a report
        // stating 截至2019年10月底 was written in 2019.
        let as_of_reference = if ctx.published.is_none() {
            (0..chars.len())
                .filter(|&i| chars[i] == '截')
                .filter_map(|i| time::as_of_at(&chars, i))
                .map(|(y, _, _)| y)
                .max()
        } else {
            None
        };
        let published_year = ctx.published.map(|(y, _, _)| y).or(as_of_reference);
        // A year written with five or more digits (202223年) is what a broken template leaves
        // behind; once a document shows one, none of its years can be trusted.
        let years_untrusted = has_malformed_year(&chars);
        // A report published in the first quarter looks back on the year before.
        let default_year = ctx
            .published
            .map(|(y, m, _)| if m <= 3 { y - 1 } else { y })
            .or(as_of_reference);
        let mut facts = Vec::new();
        let mut para = usize::MAX;
        let mut para_year: Option<i32> = None;
        let mut para_malformed = false;
        let mut heading_year: Option<i32> = None;
        // The year of the section being read: set by a heading year or by a sentence that opens
        // with a year (2019年,全市…), carried across paragraphs until the next one.
        let mut section_year: Option<i32> = None;
        let mut plan_section = false;
        let mut hit_cursor = 0;
        let mut prev_sentence: &[char] = &[];
        for s in &sentences {
            if s.paragraph != para {
                para = s.paragraph;
                para_year = None;
                para_malformed = false;
            }
            let sc = &chars[s.start..s.end];
            let quantities = scan_chars(sc);
            // A sentence with no number adds no fact and no year unless it is a heading or
            // names a year in words (今年, 去年): only the next sentence may look back at it.
            if quantities.is_empty()
                && !s.heading
                && (published_year.is_none()
                    || !RELATIVE_YEARS.iter().any(|(w, _)| contains_word(sc, w)))
            {
                prev_sentence = sc;
                continue;
            }
            let sentence_text: String = sc.iter().collect();
            while hit_cursor < hits.len() && hits[hit_cursor].start < s.start {
                hit_cursor += 1;
            }
            let mut k = hit_cursor;
            let mut s_hits = Vec::new();
            while k < hits.len() && hits[k].start < s.end {
                if hits[k].end <= s.end {
                    let mut h = hits[k].clone();
                    h.start -= s.start;
                    h.end -= s.start;
                    s_hits.push(h);
                }
                k += 1;
            }
            let mut years = time::year_mentions(&quantities);
            if let Some(py) = published_year {
                for (word, delta) in RELATIVE_YEARS {
                    // 较上年 / 比去年 compare with a year; they do not date the sentence.
                    let dated = sentence_text.match_indices(word).find(|(pos, _)| {
                        !sentence_text[..*pos].ends_with(['较', '比', '于', '同', '与'])
                    });
                    if let Some((pos, _)) = dated {
                        let at = sentence_text[..pos].chars().count() + word.chars().count();
                        years.push(time::YearMention {
                            start: at - word.chars().count(),
                            end: at,
                            year: Some(py + delta),
                        });
                    }
                }
                years.sort_by_key(|m| m.end);
            }
            let as_of = (0..sc.len())
                .find(|&i| sc[i] == '截')
                .and_then(|i| time::as_of_at(sc, i));
            if s.heading {
                // A dateline (2022年02月16日) dates the page, not the section under it.
                let section_years = years
                    .iter()
                    .filter(|m| !sc.get(m.end).is_some_and(char::is_ascii_digit));
                if let Some(y) = section_years.clone().find_map(|m| m.year) {
                    heading_year = Some(y);
                    section_year = Some(y);
                }
                if has_target_word(&sentence_text, PLAN_HEADINGS) {
                    plan_section = true;
                } else if !years.is_empty()
                    || sentence_text.contains("成效")
                    || sentence_text.contains("回顾")
                {
                    plan_section = false;
                }
            }
            let mut sentence_facts = Vec::new();
            for q in &quantities {
                if let Some(f) = self.fact_for(
                    q,
                    sc,
                    &sentence_text,
                    s.start,
                    &s_hits,
                    prev_sentence,
                    &years,
                    Carried {
                        untrusted: years_untrusted,
                        paragraph: para_year,
                        paragraph_malformed: para_malformed,
                        heading: heading_year,
                        section: section_year,
                        default: default_year,
                        default_flag: if ctx.published.is_some() {
                            "published"
                        } else {
                            "as_of_reference"
                        },
                    },
                    published_year,
                    plan_section,
                    as_of,
                    ctx,
                ) {
                    sentence_facts.push(f);
                }
            }
            self.split_shared_rates(&mut sentence_facts, sc, s.start);
            name_uncatalogued(&mut sentence_facts, sc, s.start);
            facts.append(&mut sentence_facts);
            if let Some(last) = years.last() {
                para_year = last.year;
                para_malformed = last.year.is_none();
            }
            if !s.heading
                && let Some(first) = years.first().filter(|m| opens_sentence(sc, m.start))
                && first.year.is_some()
            {
                section_year = first.year;
            }
            prev_sentence = sc;
        }
        facts
    }

    /// Rates listed with 、 before one value (疫情报告率、及时率、准确率为100%) each state that value:
    /// one fact per listed rate, its evidence running from the rate to the value.
    fn split_shared_rates(&self, facts: &mut Vec<Fact>, sc: &[char], offset: usize) {
        let mut extra = Vec::new();
        for f in facts.iter_mut() {
            if f.unit != "percent" {
                continue;
            }
            let first_new = extra.len();
            let end = f.char_end.saturating_sub(offset).min(sc.len());
            let mut pos = clause_start(sc, 0, f.char_start.saturating_sub(offset).min(sc.len()));
            while pos > 0 && sc[pos - 1] == '、' {
                let prev = clause_start(sc, 0, pos - 1);
                // A clause may run on from an earlier value (…100%疫情报告率): keep what follows it.
                let from = (prev..pos - 1)
                    .rev()
                    .find(|&i| sc[i].is_ascii_digit() || sc[i] == '%')
                    .map_or(prev, |i| i + 1);
                let seg: String = sc[from..pos - 1].iter().collect();
                let seg = seg.trim().to_string();
                let prev = from;
                let n = seg.chars().count();
                if n == 0
                    || n > 10
                    || !seg.ends_with('率')
                    || seg.chars().any(|c| c.is_ascii_digit())
                {
                    break;
                }
                let hit = self
                    .matcher
                    .find(&seg)
                    .into_iter()
                    .filter(|h| matches!(h.target, Target::Indicator { .. }))
                    .filter(|h| self.matcher.unit_fits(&h.target, Unit::Percent))
                    .max_by_key(|h| h.end - h.start);
                let mut g = f.clone();
                g.indicator_id = hit.and_then(|h| match h.target {
                    Target::Indicator { index } => Some(self.matcher.indicator_id(index)),
                    _ => None,
                });
                g.indicator_text = Some(seg);
                g.char_start = offset + prev;
                g.evidence = sc[prev..end].iter().collect();
                g.rule = "shared_value";
                extra.push(g);
                pos = prev;
            }
            // The first rate of the list names what the others measure too: 疫情报告率、及时率
            // reads 疫情报告及时率.
            if let Some(first) = extra[first_new..]
                .last()
                .and_then(|g| g.indicator_text.clone())
            {
                let stem = first.trim_end_matches('率').to_string();
                let n = extra.len();
                for g in &mut extra[first_new..n - 1] {
                    g.subject.get_or_insert_with(|| stem.clone());
                }
                f.subject.get_or_insert(stem);
            }
        }
        facts.extend(extra);
        facts.sort_by_key(|f| (f.char_end, f.char_start));
    }

    #[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
    fn fact_for(
        &self,
        q: &Quantity,
        sc: &[char],
        sentence_text: &str,
        offset: usize,
        hits: &[Hit],
        prev: &[char],
        years: &[time::YearMention],
        carried: Carried,
        published_year: Option<i32>,
        plan_section: bool,
        as_of: Option<Ymd>,
        ctx: &DocContext,
    ) -> Option<Fact> {
        if q.ordinal || q.value.is_nan() || q.unit.is_temporal() {
            return None;
        }
        if matches!(q.unit, Unit::Physical | Unit::Times) {
            return None;
        }
        if q.chinese && is_slogan(sc, q) {
            return None;
        }
        let clause = clause_start(sc, 0, q.num_start);
        // A catalog phrase right after the number and its measure word: 91家村卫生室.
        let after = hits.iter().find(|h| {
            h.start >= q.end
                && h.start <= q.end + 2
                && !sc[q.end..h.start].iter().any(|&c| separates_clauses(c))
                && matches!(h.target, Target::Indicator { .. })
                && self.matcher.unit_fits(&h.target, q.unit)
                && q.unit != Unit::Percent
        });
        // Otherwise the closest phrase before the number in its clause whose unit fits.
        let before = hits
            .iter()
            .filter(|h| {
                h.end <= q.num_start && h.start >= clause && !matches!(h.target, Target::Region(_))
            })
            .filter(|h| self.matcher.unit_fits(&h.target, q.unit))
            .max_by_key(|h| h.end)
            .filter(|h| {
                q.unit != Unit::Percent || !matcher::qualified_elsewhere(h, sc, clause, hits)
            })
            // A count names its measure close by: 建档人数为300644人, not 签约服务需救治3642人.
            .filter(|h| {
                matches!(q.unit, Unit::Percent | Unit::Yuan)
                    || q.num_start.saturating_sub(h.end) <= 4
            });
        // 其中 introduces a part of a whole just stated, and 新增/新建 a change over the year:
        // either way the count is not the indicator's total.
        let clause_before: String = sc[clause..q.num_start].iter().collect();
        let subset = q.unit != Unit::Percent
            && q.unit != Unit::Yuan
            && PART_OR_FLOW.iter().any(|w| clause_before.contains(w));
        let (after, before) = if subset {
            (None, None)
        } else {
            (after, before)
        };
        let (hit, rule) = match (after, before) {
            (Some(a), _) => (Some(a), "phrase_after"),
            (None, Some(b)) => (Some(b), "phrase_before"),
            (None, None) => (None, "number_only"),
        };
        let mut indicator_id = None;
        let mut indicator_text = None;
        let mut subject = None;
        let mut rule = rule;
        if let Some(h) = hit {
            indicator_text = Some(sc[h.start..h.end].iter().collect::<String>());
            match &h.target {
                Target::Indicator { index } => {
                    indicator_id = Some(self.matcher.indicator_id(*index));
                }
                Target::Generic { phrase } => {
                    if let Some((ind, subj)) = self
                        .matcher
                        .resolve_generic(phrase, sc, clause, h.start, prev)
                    {
                        indicator_id = Some(self.matcher.indicator_id(ind));
                        subject = Some(subj);
                        rule = "generic_subject";
                    } else {
                        // 远程会诊覆盖率: the clause names the measure, not the generic phrase alone.
                        rule = "generic_unresolved";
                        indicator_text = describe_before(sc, clause, q.start);
                    }
                }
                Target::Region(_) => {}
            }
        }
        // 5所乡镇卫生院建成了规范化的中医馆: the institutions that did something are a part of the
        // total the catalog phrase names; the fact is named by the whole description instead.
        // 全县148家村卫生室完成改造 still counts them all.
        let whole = ["全县", "全市", "全区", "全旗", "全镇"]
            .iter()
            .any(|w| clause_before.contains(w));
        if rule == "phrase_after"
            && !whole
            && let Some(a) = after
            && let Some(described) = qualified_count(sc, a.start, a.end)
        {
            indicator_id = None;
            indicator_text = Some(described);
            rule = "qualified_count";
        }
        if q.unit == Unit::None && indicator_id.is_none() {
            return None;
        }
        let unit = match (q.unit, indicator_id.as_deref()) {
            (Unit::None | Unit::Count, Some(id)) => self.matcher.unit_of(id),
            (Unit::Count, None) => count_unit_from_noun(sc, clause, q.start, q.end),
            (u, _) => u.as_str(),
        };
        if indicator_text.is_none() {
            indicator_text = describe_before(sc, clause, q.start);
        }
        let prefix: String = sc[..q.num_start].iter().collect();
        let clause_text: String = sc[clause..q.num_start].iter().collect();
        let mut kind = if plan_section
            || has_target_word(&prefix, TARGET_WORDS)
            || has_target_word(&clause_text, CLAUSE_TARGET_WORDS)
            || has_to_year(&prefix)
        {
            Kind::Target
        } else {
            Kind::Actual
        };
        if kind == Kind::Target
            && (clause_text.contains('已') || clause_text.contains("完成"))
            && !plan_section
        {
            kind = Kind::Actual;
        }
        // Year: in the sentence before the number, else after it, else carried over. A target
        // is dated by its own sentence or a year heading only: a plan's horizon does not date
        // each of its targets.
        let before_years: Vec<&time::YearMention> =
            years.iter().filter(|m| m.end <= q.start).collect();
        let stated = before_years
            .last()
            .map(|m| {
                (
                    m.year,
                    if m.year.is_none() {
                        Some("malformed")
                    } else {
                        None
                    },
                )
            })
            .or_else(|| {
                years.iter().find(|m| m.end > q.start).map(|m| {
                    (
                        m.year,
                        Some(if m.year.is_none() {
                            "malformed"
                        } else {
                            "later_in_sentence"
                        }),
                    )
                })
            });
        let (year, year_flag) = if carried.untrusted {
            (None, Some("document_years_malformed"))
        } else if let Some(s) = stated {
            s
        } else if kind == Kind::Target {
            match carried.heading {
                Some(y) => (Some(y), Some("heading")),
                None => (None, Some("target_undated")),
            }
        } else if carried.paragraph_malformed {
            (None, Some("malformed"))
        } else if let Some(y) = carried.paragraph {
            (Some(y), Some("paragraph"))
        } else if let Some(y) = carried.section {
            (Some(y), Some("section"))
        } else if let Some(y) = carried.default {
            (Some(y), Some(carried.default_flag))
        } else {
            (None, Some("unknown"))
        };
        if kind == Kind::Actual
            && let (Some(y), Some(py)) = (year, published_year)
            && y > py
        {
            kind = Kind::Target;
        }
        // Region: the last region named before the number in the sentence, else the issuer.
        let region_name = hits
            .iter()
            .filter(|h| h.end <= q.num_start)
            .filter_map(|h| match &h.target {
                Target::Region(name) => Some(name.clone()),
                _ => None,
            })
            .next_back()
            .or_else(|| ctx.issuer_region.clone());
        let (ev_start, ev_end) = match hit {
            Some(h) => (h.start.min(q.start), h.end.max(q.end)),
            None => (q.start, q.end),
        };
        Some(Fact {
            indicator_id,
            indicator_text,
            subject,
            value: q.value,
            value_text: q.text.clone(),
            unit,
            qualifier: q.qualifier,
            kind,
            year,
            year_flag,
            as_of,
            region_name,
            char_start: offset + ev_start,
            char_end: offset + ev_end,
            evidence: sc[ev_start..ev_end].iter().collect(),
            sentence: sentence_text.to_string(),
            rule,
        })
    }
}

/// Names the measure of facts that match no catalog phrase: the words before the number (verbs
/// and fillers trimmed) and, for counts, the noun after the measure word (5支医疗技术服务队). A bare
/// measure at the start of a clause (报告率100%, 转诊人数165人) takes the subject of the clause
/// before it (疑似结核病患者165人).
fn name_uncatalogued(facts: &mut [Fact], sc: &[char], offset: usize) {
    let mut carried: Option<String> = None;
    let mut previous: Option<(Option<String>, Option<String>)> = None;
    for f in facts.iter_mut() {
        if f.indicator_id.is_some() {
            // A catalogued fact names its subject for the bare measures after it.
            carried.clone_from(&f.indicator_text);
            continue;
        }
        let raw = f.indicator_text.as_deref().unwrap_or("");
        // The second value of a pair (70%和77%) measures what the first does.
        if let Some(prev) = &previous {
            let tail = raw.trim_end_matches(['和', '、', '及']);
            if tail.len() < raw.len() && tail.ends_with(|c: char| c.is_ascii_digit() || c == '%') {
                f.indicator_text.clone_from(&prev.0);
                f.subject.clone_from(&prev.1);
                continue;
            }
        }
        let before = strip_leading_scope(raw);
        let after = if f.unit == "percent" {
            // 40%的要达到基本标准: what the share reaches is said after it.
            share_described_after(sc, f.char_end.saturating_sub(offset))
        } else if matches!(f.unit, "yuan" | "percentage_point" | "permille") {
            String::new()
        } else {
            noun_after(sc, f.char_end.saturating_sub(offset))
        };
        // Four characters or fewer (已救治, 报告率, 团队成员) rarely name their subject.
        let bare = before.chars().count() <= 4;
        if bare {
            if f.subject.is_none() {
                f.subject.clone_from(&carried);
            }
            if f.subject.is_none() {
                // No earlier fact in the sentence: the nearest comma-separated stretch before
                // that is more than a bare measure names the subject.
                let q_start = f.char_start.saturating_sub(offset).min(sc.len());
                let mut end = clause_start(sc, 0, q_start);
                for _ in 0..3 {
                    if end == 0 {
                        break;
                    }
                    let start = sc[..end - 1]
                        .iter()
                        .rposition(|&c| matches!(c, ',' | '，' | '；' | ';'))
                        .map_or(0, |p| p + 1);
                    let text: String = sc[start..end - 1].iter().collect();
                    let text = strip_leading_scope(&text);
                    if text.chars().count() > 4 {
                        f.subject = Some(text);
                        break;
                    }
                    end = start;
                }
            }
        } else {
            carried = Some(before.clone());
        }
        // Indicator names put the object first: 管理高血压 25987人 is 高血压管理人数.
        let before = match SERVICE_VERBS.iter().find(|v| before.starts_with(*v)) {
            Some(verb) if matches!(f.unit, "person" | "person_time") => {
                let object = &before[verb.len()..];
                if object.chars().count() >= 2 {
                    format!("{object}{verb}")
                } else {
                    before
                }
            }
            _ => before,
        };
        let mut naming = format!("{before}{after}");
        // Name the measure as indicator names are formed: 孕产妇管理 counted in 人 is 孕产妇管理人数.
        if !naming.is_empty()
            && !["率", "数", "额", "次", "比例"]
                .iter()
                .any(|e| naming.ends_with(e))
        {
            // Event counts name their measure word: 坐诊2000次 is 坐诊次数, 出动426台次 出动台次.
            let measure: String = f
                .value_text
                .trim_end_matches(['以', '上', '下', '余', '多', '左', '右'])
                .chars()
                .rev()
                .take_while(|c| !c.is_ascii_digit() && !matches!(c, '万' | '亿' | '千' | '百'))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let suffix = match f.unit {
                "person" => "人数".to_string(),
                "person_time" => "人次".to_string(),
                "yuan" => "金额".to_string(),
                // 起付线降低50% reads 起付线降低比例.
                "percent" if !naming.ends_with("幅度") => "比例".to_string(),
                "percent" | "percentage_point" | "permille" => String::new(),
                "other" if measure == "次" => "次数".to_string(),
                "other" if measure.ends_with('次') => measure,
                _ => "数".to_string(),
            };
            naming.push_str(&suffix);
        }
        f.indicator_text = (!naming.is_empty()).then_some(naming);
        previous = Some((f.indicator_text.clone(), f.subject.clone()));
    }
}

/// Removes the scope words that open a clause (全县, 其中, 共) from a naming.
fn strip_leading_scope(text: &str) -> String {
    let mut rest = text.trim();
    loop {
        let before = rest;
        for w in [
            "其中", "全区", "全县", "全市", "全旗", "全镇", "全年", "共", "为",
        ] {
            rest = rest.strip_prefix(w).unwrap_or(rest).trim_start();
        }
        // A leading year (2023年) dates the clause; it does not name the measure.
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 4 && rest[digits..].starts_with('年') {
            rest = rest[digits + '年'.len_utf8()..].trim_start();
        }
        if rest == before {
            return rest.to_string();
        }
    }
}

/// The noun after a count's measure word, up to the end of its clause (at most ten characters).
fn noun_after(sc: &[char], at: usize) -> String {
    sc[at.min(sc.len())..]
        .iter()
        // Nouns listed with 、 share the count: 1次健康讲座、咨询活动.
        .take_while(|&&c| {
            (!separates_clauses(c) || c == '、')
                && !c.is_ascii_digit()
                && !matches!(c, '和' | '及' | '与')
        })
        .take(16)
        .collect::<String>()
        .trim_end_matches('、')
        .to_string()
}

/// Years carried into a sentence from what came before it.
#[derive(Debug, Clone, Copy)]
struct Carried {
    untrusted: bool,
    paragraph: Option<i32>,
    paragraph_malformed: bool,
    heading: Option<i32>,
    section: Option<i32>,
    default: Option<i32>,
    default_flag: &'static str,
}

/// Whether the text holds a year of five or more digits (202223年).
fn has_malformed_year(chars: &[char]) -> bool {
    let mut run = 0;
    for &c in chars {
        if c.is_ascii_digit() {
            run += 1;
        } else {
            if c == '年' && run >= 5 {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// Whether a year at `start` opens its sentence (only list markers before it).
fn opens_sentence(sc: &[char], start: usize) -> bool {
    sc[..start.min(sc.len())]
        .iter()
        .all(|&c| !c.is_alphanumeric() || "一二三四五六七八九十".contains(c))
}

/// 到2025年 / 至2025年 before the number: a deadline, so a target.
fn has_to_year(prefix: &str) -> bool {
    for marker in ["到", "至"] {
        for (pos, _) in prefix.match_indices(marker) {
            // 截至 / 截止到 date a status, they set no deadline.
            if prefix[..pos].ends_with(['截', '止']) {
                continue;
            }
            let rest = &prefix[pos + marker.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() == 4 && rest[digits.len()..].starts_with('年') {
                return true;
            }
        }
    }
    false
}

/// The position after `word` when it is written at `k`.
fn after_word(sc: &[char], k: usize, word: &str) -> Option<usize> {
    let mut i = k;
    for c in word.chars() {
        (sc.get(i) == Some(&c)).then_some(())?;
        i += 1;
    }
    Some(i)
}

/// What a share is of when the sentence says it after the number: 40%的要达到基本标准,
/// 100%基层医疗机构中医馆达到建设标准. The rest of the clause, when it reaches or achieves
/// something; empty otherwise.
fn share_described_after(sc: &[char], at: usize) -> String {
    let mut k = at.min(sc.len());
    for lead in ["以上", "的", "要"] {
        k = after_word(sc, k, lead).unwrap_or(k);
    }
    let stop = (k..sc.len())
        .find(|&i| segment::separates_clauses(sc[i]) && !matches!(sc[i], '(' | ')' | '（' | '）'))
        .unwrap_or(sc.len());
    if stop - k > 30 {
        return String::new();
    }
    let rest: String = sc[k..stop].iter().collect();
    if ["达到", "实现", "通过"].iter().any(|w| rest.contains(w)) {
        rest
    } else {
        String::new()
    }
}

/// Verbs of services counted in people: 管理高血压…人, 救治…人, 筛查…人.
const SERVICE_VERBS: &[&str] = &[
    "管理", "救治", "筛查", "随访", "体检", "培训", "签约", "接种",
];

/// Verbs that, right after a counted noun, make the count a part of the noun's total:
/// N所乡镇卫生院设有中医门诊, N个中心被选定为试点, N家机构达到标准.
const QUALIFYING_PREDICATES: &[&str] = &[
    "设有",
    "建成",
    "建立了",
    "被",
    "达到",
    "实现",
    "完成",
    "配备",
    "纳入",
    "通过",
    "获得",
    "获评",
    "创建",
    "成为",
    "入选",
    "开设",
];

/// The description of a qualified count whose noun spans `start..end` of the sentence: the noun
/// and the predicate after it to the end of the clause (a parenthesis and 均/都/已/相继 skipped).
fn qualified_count(sc: &[char], start: usize, end: usize) -> Option<String> {
    let mut k = end;
    if matches!(sc.get(k), Some('(' | '（')) {
        k += sc[k..].iter().position(|&c| matches!(c, ')' | '）'))? + 1;
    }
    if let Some(after) = ["均", "都", "已", "相继", "先后", "全部"]
        .iter()
        .find_map(|adverb| after_word(sc, k, adverb))
    {
        k = after;
    }
    let rest: String = sc[k..].iter().take(24).collect();
    if !QUALIFYING_PREDICATES.iter().any(|p| rest.starts_with(p)) {
        return None;
    }
    let stop = (k..sc.len())
        .find(|&i| segment::separates_clauses(sc[i]))
        .unwrap_or(sc.len())
        .min(k + 24);
    let noun: String = sc[start..end].iter().collect();
    let predicate: String = sc[k..stop].iter().collect();
    Some(format!("{noun}{predicate}"))
}

/// A Chinese numeral inside a slogan or a name (三个一批, “三做实三推进”, 两癌): the measure word is
/// followed by another numeral, or the numeral sits inside short quotes.
fn is_slogan(sc: &[char], q: &Quantity) -> bool {
    let next = sc.get(q.end).copied();
    if next.is_some_and(|c| countypanel_zhnum::parse_chinese(&c.to_string()).is_some()) {
        return true;
    }
    // The second half of such a slogan: a Chinese numeral right after a numeral and its measure
    // word (三个一批 → 一批, 两个一百 → 一百).
    if q.chinese
        && q.start >= 2
        && countypanel_zhnum::parse_chinese(&sc[q.start - 2].to_string()).is_some()
        && countypanel_zhnum::parse_chinese(&sc[q.start - 1].to_string()).is_none()
    {
        return true;
    }
    if q.unit == Unit::None {
        return true;
    }
    let open = sc[..q.start].iter().rposition(|&c| c == '“' || c == '"');
    let close = sc[..q.start].iter().rposition(|&c| c == '”');
    matches!((open, close), (Some(o), c) if c.is_none_or(|c| c < o) && q.start - o <= 6)
}

/// Unit of a count written with 个, from the noun that follows it or, when that says nothing,
/// the noun closest before it in its clause (重点专科13个).
fn count_unit_from_noun(sc: &[char], clause: usize, start: usize, at: usize) -> &'static str {
    const KINDS: &[(&str, &[&str])] = &[
        ("team", &["团队", "工作组", "专家组", "小组", "服务队"]),
        (
            "institution",
            &[
                "卫生室",
                "卫生院",
                "医院",
                "中心",
                "服务站",
                "机构",
                "诊所",
                "养老院",
            ],
        ),
        (
            "item",
            &[
                "项目", "专科", "学科", "病种", "课题", "任务", "制度", "技术", "规划", "工程",
                "政策", "行动",
            ],
        ),
    ];
    // The kind whose word ends closest to the number: last in `before`, first in `after`.
    let closest = |text: &str, from_end: bool| -> Option<&'static str> {
        let mut best: Option<(usize, &'static str)> = None;
        for (kind, words) in KINDS {
            for w in *words {
                let pos = if from_end {
                    text.rfind(w).map(|p| p + w.len())
                } else {
                    text.find(w).map(|p| usize::MAX - p)
                };
                if let Some(p) = pos
                    && best.is_none_or(|(b, _)| p > b)
                {
                    best = Some((p, kind));
                }
            }
        }
        best.map(|(_, k)| k)
    };
    let end = (at..sc.len())
        .find(|&i| separates_clauses(sc[i]) || i - at >= 10)
        .unwrap_or(sc.len());
    let after: String = sc[at..end].iter().collect();
    let before: String = sc[clause..start].iter().collect();
    closest(&after, false)
        .or_else(|| closest(&before, true))
        .unwrap_or("other")
}

/// The words before a number that has no catalog phrase, as a description of what it counts.
fn describe_before(sc: &[char], clause: usize, at: usize) -> Option<String> {
    let mut text: String = sc[clause..at].iter().collect();
    for tail in [
        "分别达到",
        "分别为",
        "分别",
        "达到",
        "均为",
        "均达",
        "均",
        "达",
        "为",
        "是",
        "共",
        "有",
        "约",
        "近",
        "超过",
        "累计",
        "完成",
    ] {
        if let Some(t) = text.strip_suffix(tail) {
            text = t.to_string();
        }
    }
    let n = text.chars().count();
    let text: String = text.chars().skip(n.saturating_sub(16)).collect();
    let text = text.trim().to_string();
    if text.is_empty() { None } else { Some(text) }
}

#[cfg(test)]
mod tests;

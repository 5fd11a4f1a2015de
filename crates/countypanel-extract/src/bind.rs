//! Binding one number of a sentence to what it measures: the catalog phrase after or before it,
//! a generic phrase completed by its subject, or a description when the catalog has no name for
//! it; then its unit, kind, year and region.

use countypanel_core::vocab::{Rule, YearFlag};
use std::borrow::Cow;

use countypanel_zhnum::{Quantity, Unit};

use crate::change::is_change;
use crate::from_to;
use crate::health::{DomainView, HealthContext, is_bare, needs_context};
use crate::kind::{Kind, kind_in_sentence};
use crate::lexicon::{
    ACTIONS, AGREEMENTS, ALL_OF_THEM, FLOW, OWN_PLACE, PART, RECRUITING, WHOLE_AREA, WIDER_AREAS,
    WORKED_ON, WordSet, contains_word,
};
use crate::matcher::{self, Hit, PhraseMatcher, Target};
use crate::naming::{count_unit_from_noun, describe_before, is_slogan, qualified_count};
use crate::segment::{
    clause_start, gap_outside_parentheses, inside_closed_parenthesis, list_start, separates_clauses,
};
use crate::time::{YearMention, Ymd};
use crate::year::{self, Carried, DocYears};
use crate::{DocContext, Fact};

/// Whose report a document is, as its issuer's name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReportOf {
    /// A county's (县, 旗, a city's 区) that speaks of itself as 我县 or 全县.
    County,
    /// A province's or an autonomous region's.
    Province,
    /// A prefecture's, or one whose issuer is not known.
    Other,
}

/// One sentence as the binder sees it. Offsets in `hits` and `years` are characters of the
/// sentence; `offset` is where the sentence starts in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence<'a> {
    pub chars: &'a [char],
    pub text: &'a str,
    /// The same text, shared by the sentence's facts (one copy per sentence, not per fact).
    pub shared: &'a std::sync::Arc<str>,
    pub offset: usize,
    pub hits: &'a [Hit],
    /// The sentence before, where a generic phrase's subject may stand.
    pub prev: &'a [char],
    pub years: &'a [YearMention],
    pub carried: Carried,
    pub plan_section: bool,
    /// Whether the sentence continues a list of parts opened by 其中 in an earlier sentence of
    /// the same statement (…其中,住院补偿9545人次,补偿支出2302.35万元;门诊补偿…).
    pub in_parts: bool,
    pub as_of: Option<Ymd>,
    pub health: HealthContext,
    /// Where the sentence's domain words stand.
    pub domains: DomainView<'a>,
    /// The byte offset in the document of each character of the sentence, and of its end last.
    pub bytes: &'a [usize],
    /// Where the sentence's first target word ends, in bytes (`kind::first_target_end`).
    pub target_end: Option<usize>,
    /// Whose report it is: a county's 全市 is the prefecture, a province's 全省 its own.
    pub report_of: ReportOf,
    /// The region whose section of the report the sentence is in ((一)崆峒区。).
    pub section_region: Option<&'a str>,
    /// The region the sentence before opened with, when ； joins it to this one (瑞金市全年总诊疗
    /// 人次达到312.6万人次;出院病人5.87万人次).
    pub joined_region: Option<&'a str>,
    /// The county (县 or 旗) named last in the sentences before this one.
    pub last_county: Option<&'a str>,
}

impl<'a> Sentence<'a> {
    /// The text of the characters `from..to` of the sentence, without a copy.
    pub(crate) fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.byte(from)..self.byte(to)]
    }

    /// The byte offset in `text` of the sentence's character `i` (its length for the end).
    pub(crate) fn byte(&self, i: usize) -> usize {
        self.bytes[i] - self.bytes[0]
    }
}

/// The byte offset of each character of `text`, and the length of `text` last.
pub(crate) fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// What a number was found to measure.
struct Naming {
    indicator_id: Option<String>,
    indicator_text: Option<String>,
    subject: Option<String>,
    rule: Rule,
}

/// The fact a quantity of the sentence states, or `None` when it is no fact (a date, an age, an
/// ordinal, a slogan's numeral, a bare number naming nothing).
pub(crate) fn fact_for(
    m: &PhraseMatcher,
    q: &Quantity,
    s: &Sentence,
    doc: DocYears,
    ctx: &DocContext,
) -> Option<Fact> {
    // Ages and durations are facts only when a catalog phrase measured in years or days names
    // them (人均预期寿命78.5岁, 平均住院日8.5天); other dates and times are not.
    let measured_time = matches!(q.unit, Unit::Age | Unit::Duration);
    let counted = admissible(q, s.chars)?;
    let q = counted.as_ref();
    let sc = s.chars;
    let clause = continued_clause(sc, clause_start(sc, 0, q.num_start), q.num_start);
    let (hit, mut naming) = name_quantity(m, q, s, clause);
    let health = clause_health(s, q, clause);
    let change = vet_naming(m, q, s, clause, hit, health, &mut naming);
    // A part of a measure of years (其中男性期望寿命为73.08岁) stays a fact without it.
    if (q.unit == Unit::None || measured_time && naming.rule != Rule::Part)
        && naming.indicator_id.is_none()
    {
        return None;
    }
    let unit = match (q.unit, naming.indicator_id.as_deref()) {
        (Unit::None | Unit::Count | Unit::Person | Unit::Age | Unit::Duration, Some(id)) => {
            m.unit_of(id)
        }
        (Unit::Count, None) => count_unit_from_noun(sc, clause, q.start, q.end),
        (u, _) => crate::lexicon::unit_code(u),
    };
    if naming.indicator_text.is_none() {
        naming.indicator_text = describe_before(sc, clause, q.start);
    }
    let (kind, year, year_flag) = kind_and_year(q, s, clause, doc);
    if works_on_institutions(&naming, s, clause, q, kind) {
        naming.indicator_id = None;
        naming.rule = Rule::QualifiedCount;
    }
    // 覆盖人口达20230%, 减免2023%: a percent in the thousands is what a broken year template
    // leaves behind, not a rate.
    let implausible = q.unit == Unit::Percent && q.value >= 1000.0;
    if implausible {
        naming.indicator_id = None;
        naming.rule = Rule::ImplausiblePercent;
    }
    let health = !implausible && (health || naming.indicator_id.is_some());
    // A region named before the number in the sentence, else the one whose section this is.
    let named = region_before(s, clause, q.num_start)
        .or_else(|| {
            let own = s.slice(0, q.num_start);
            s.joined_region
                .filter(|_| {
                    !(OWN_PLACE
                        .iter()
                        .chain(WHOLE_AREA)
                        .chain(PREFECTURE_AREAS)
                        .any(|w| own.contains(w))
                        || own_province_named(s, q.num_start))
                })
                .map(|r| (r.to_string(), true))
        })
        .or_else(|| {
            s.section_region
                .filter(|_| !own_province_named(s, q.num_start))
                .map(|r| (r.to_string(), true))
        })
        .or_else(|| {
            // In a city's or a province's report, 该县 and 全县 with no county named in the
            // sentence are the county named last before it (以沂南县为例…。该县组建2个医共体).
            let own = s.slice(0, q.num_start);
            s.last_county
                .filter(|c| {
                    !(s.report_of == ReportOf::County)
                        && OWN_PLACE
                            .iter()
                            .any(|w| own.contains(w) && names_the_place(w, c))
                })
                .map(|c| (c.to_string(), true))
        });
    let region_subject = named.as_ref().is_some_and(|(_, subject)| *subject);
    let (ev_start, ev_end) = match hit {
        Some(h) => (h.start.min(q.start), h.end.max(q.end)),
        None => (q.start, q.end),
    };
    Some(Fact {
        indicator_id: naming.indicator_id,
        indicator_text: naming.indicator_text,
        subject: naming.subject,
        value: q.value,
        value_text: q.text.clone(),
        unit,
        // The lower end of a range stated loosely (达到90%-92%) is what is at least reached.
        qualifier: if range_end(sc, q) == Some((true, false)) {
            countypanel_zhnum::Qualifier::Ge
        } else {
            q.qualifier
        },
        kind,
        year,
        year_flag,
        as_of: s.as_of,
        // The last region named before the number in the sentence, else the issuer.
        region_name: named
            .map(|(name, _)| name)
            .or_else(|| ctx.issuer_region.clone()),
        region_subject,
        char_start: s.offset + ev_start,
        char_end: s.offset + ev_end,
        evidence: sc[ev_start..ev_end].iter().collect(),
        sentence: s.shared.clone(),
        rule: naming.rule,
        health,
        change,
    })
}

/// The quantity as a fact would count it, or `None` when it states no fact: an ordinal, a date
/// or time, a physical measure, a slogan's numeral, a vague measure (一批, 两届).
fn admissible<'q>(q: &'q Quantity, sc: &[char]) -> Option<Cow<'q, Quantity>> {
    let measured_time = matches!(q.unit, Unit::Age | Unit::Duration);
    if q.ordinal || q.value.is_nan() || (q.unit.is_temporal() && !measured_time) {
        return None;
    }
    if matches!(q.unit, Unit::Physical | Unit::Times) {
        return None;
    }
    if q.chinese && is_slogan(sc, q) {
        return None;
    }
    // 孕产妇死亡率(1/10万): the unit a measure is stated in, not a value.
    if q.value == 1.0
        && matches!(q.unit, Unit::Per100k | Unit::Permille)
        && q.start > 0
        && matches!(sc[q.start - 1], '(' | '（')
    {
        return None;
    }
    // 出院人数居前三位的, 排名前5名: a rank, not a count.
    if q.num_start > 1
        && sc[q.num_start - 1] == '前'
        && !matches!(sc[q.num_start - 2], '目' | '当' | '此' | '之' | '提' | '以')
        && (matches!(sc.get(q.end), Some('位' | '名')) || matches!(q.measure.as_str(), "位" | "名"))
    {
        return None;
    }
    // 能够提供6类以上中医药技术: a number of kinds, not of what the measure counts.
    if q.unit == Unit::None && sc.get(q.end) == Some(&'类') {
        return None;
    }
    // 婴儿死亡率(‰)为3.5: a bare number takes the unit noted after its measure.
    if q.unit == Unit::None
        && let Some(unit) = unit_note(sc, clause_start(sc, 0, q.num_start), q.num_start)
    {
        return Some(Cow::Owned(Quantity { unit, ..q.clone() }));
    }
    // 一批, 一轮, 二期(工程), 两届: a batch, a round, a phase, a term, not a count of things.
    if q.chinese && VAGUE_MEASURES.contains(&q.measure.as_str()) {
        return None;
    }
    // 建立居民健康档案92.82万份: health records are kept one per person, so a count of records
    // counts people.
    let records = q.measure == "份"
        && contains_word(&sc[clause_start(sc, 0, q.num_start)..q.num_start], "档案");
    Some(if records {
        Cow::Owned(Quantity {
            unit: Unit::Person,
            ..q.clone()
        })
    } else {
        Cow::Borrowed(q)
    })
}

/// The unit a parenthesis notes after a measure, right before a link to a bare number
/// (婴儿死亡率(‰)为3.5, 床位数(张):3620): the number is in it.
fn unit_note(sc: &[char], clause: usize, at: usize) -> Option<Unit> {
    let before: String = sc[clause..at].iter().collect();
    let before = before.trim_end();
    let link = ["为", "是", "达到", "达", ":", "：", ""]
        .iter()
        .find_map(|l| {
            before
                .strip_suffix(l)
                .and_then(|b| b.strip_suffix([')', '）']))
        })?;
    let open = link.rfind(['(', '（'])?;
    let note = link[open..].trim_start_matches(['(', '（']).trim();
    Some(match note {
        "‰" => Unit::Permille,
        "%" | "％" => Unit::Percent,
        "1/10万" | "/10万" | "1/十万" => Unit::Per100k,
        "张" => Unit::Bed,
        "人" => Unit::Person,
        "人次" => Unit::PersonTime,
        "岁" => Unit::Age,
        "天" | "日" => Unit::Duration,
        _ => return None,
    })
}

/// Whether the clause of the quantity (with the sentence before it) speaks of health.
fn clause_health(s: &Sentence, q: &Quantity, clause: usize) -> bool {
    clause_health_in(s, s.health, q, clause)
}

/// [`clause_health`] in the context `health`.
fn clause_health_in(s: &Sentence, health: HealthContext, q: &Quantity, clause: usize) -> bool {
    let sc = s.chars;
    let clause_end = (q.end..sc.len())
        .find(|&i| separates_clauses(sc[i]))
        .unwrap_or(sc.len());
    health.clause_in(s.domains, s.text, s.byte(clause), s.byte(clause_end))
}

/// Whether a clause names health among other fields, or fields together: 教育、卫生等, 民生领域,
/// 社会事业.
fn mixed_fields(clause: &str) -> bool {
    const TOGETHER: &[&str] = &["民生", "社会事业", "等领域", "各项事业"];
    crate::health::mentions_other_domain(clause) || TOGETHER.iter().any(|w| clause.contains(w))
}

/// Takes the catalog indicator back from a naming where the sentence shows the number is not
/// what the phrase measures: no health context for a context-bound phrase, a part after 其中, the
/// bound of a class of amounts, a change. Returns whether the number states a change.
fn vet_naming(
    m: &PhraseMatcher,
    q: &Quantity,
    s: &Sentence,
    clause: usize,
    hit: Option<&Hit>,
    health: bool,
    naming: &mut Naming,
) -> bool {
    let sc = s.chars;
    let phrase = |h: &Hit| s.slice(h.start, h.end);
    // A phrase without a health word of its own (投资, 签约, 床位) names its indicator only in a
    // health context.
    if naming.indicator_id.is_some()
        && naming.rule != Rule::GenericSubject
        && !health
        && hit.is_some_and(|h| needs_context(phrase(h)))
        && !clause_health_in(s, s.health.for_common_words(), q, clause)
    {
        naming.indicator_id = None;
        naming.rule = Rule::NotHealth;
    }
    // 家庭病床215张: beds set up in homes, not a hospital's; 流感疫苗接种率12.6%: a vaccine
    // outside the immunisation programme, not the programme's rate.
    if let Some(h) = hit
        && let Some(id) = naming.indicator_id.as_deref()
    {
        let before = s.slice(h.start.saturating_sub(6).max(clause).min(h.start), h.start);
        let own = phrase(h);
        let home_beds = (own.contains("病床") || own.contains("床位"))
            && (before.ends_with("家庭") || own.starts_with("家庭"));
        let other_vaccine = id == "vaccination_rate"
            && [
                "流感",
                "新冠",
                "HPV",
                "狂犬",
                "带状疱疹",
                "肺炎球菌",
                "水痘",
                "宫颈癌",
            ]
            .iter()
            .any(|v| before.contains(v) || own.contains(v));
        if home_beds || other_vaccine {
            naming.indicator_id = None;
            naming.rule = Rule::Subgroup;
        }
    }
    // 基本公共卫生服务补助资金6942.60万元(人均补助标准84元): a subsidy per head that names no
    // scheme is the public-health service's when the sentence speaks of it before, not of
    // medical insurance.
    if naming.indicator_id.as_deref() == Some("resident_insurance_subsidy_per_capita")
        && let Some(h) = hit
    {
        const INSURANCE: &[&str] = &[
            "医保",
            "医疗保险",
            "合作医疗",
            "新农合",
            "参合",
            "参保",
            "城乡居民",
            "居民医保",
        ];
        let before = s.slice(0, h.start);
        let own = phrase(h);
        // The sentence before too (基本公共卫生服务提质增效。人均补助标准提高到74元).
        let prev: String = s.prev.iter().collect();
        let public_health = |t: &str| t.contains("公共卫生") || t.contains("公卫");
        let insurance = |t: &str| INSURANCE.iter().any(|w| t.contains(w));
        if (public_health(before) || public_health(&prev) && !insurance(&prev))
            && !insurance(before)
            && !insurance(own)
        {
            naming.indicator_id = Some("basic_phs_subsidy_per_capita".to_string());
        }
    }
    // 城乡居民基本医疗保险参保率达98.5%,参保人数45.2万人: a bare count of enrolees after one
    // scheme's measure is that scheme's; after both schemes, or after the whole area, it is all.
    if naming.indicator_id.as_deref() == Some("basic_insurance_enrollees")
        && let Some(h) = hit
        && phrase(h) == "参保人数"
    {
        let before = s.slice(0, h.start);
        let last = |words: &[&str]| words.iter().filter_map(|w| before.rfind(w)).max();
        let resident = last(&["城乡居民", "居民医保", "居民基本医疗"]);
        let employee = last(&["职工"]);
        let scheme = match (resident, employee) {
            (Some(r), None) => Some((r, "resident_insurance_enrollees")),
            (None, Some(e)) => Some((e, "employee_insurance_enrollees")),
            _ => None,
        };
        if let Some((at, id)) = scheme
            && !crate::lexicon::WHOLE_AREA
                .iter()
                .chain(&["总", "合计", "共"])
                .any(|w| before[at..].contains(w))
        {
            naming.indicator_id = Some(id.to_string());
        }
    }
    // 累计投入资金2.6亿元,改造老旧小区46个,新建改建城市道路23.5公里: money whose clauses after
    // it name another field alone went there.
    if naming.indicator_id.is_some()
        && q.unit == Unit::Yuan
        && hit.is_some_and(|h| needs_context(phrase(h)))
        && !crate::health::mentions_health(s.slice(clause, q.num_start))
        && {
            let rest = s.slice(q.end.min(sc.len()), sc.len());
            crate::health::mentions_other_domain(rest) && !crate::health::mentions_health(rest)
        }
    {
        naming.indicator_id = None;
        naming.rule = Rule::NotHealth;
    }
    // 13个社区卫生服务中心中,9个达到服务能力基本标准: the standards the catalog counts are
    // township centres'.
    if naming
        .indicator_id
        .as_deref()
        .is_some_and(|id| id.starts_with("thc_"))
    {
        let before = s.slice(0, q.num_start);
        if before.contains("社区卫生服务中心") && !before.contains("卫生院") {
            naming.indicator_id = None;
            naming.rule = Rule::QualifiedCount;
        }
    }
    // 项目资金按人均55元标准筹集: an amount per head, not the sum a phrase of money names.
    if naming.indicator_id.is_some()
        && q.unit == Unit::Yuan
        && let Some(h) = hit
        && !phrase(h).contains("人均")
        && naming
            .indicator_id
            .as_deref()
            .is_some_and(|id| !id.ends_with("per_capita"))
        && s.slice(h.end.min(q.num_start), q.num_start)
            .contains("人均")
    {
        naming.indicator_id = None;
        naming.rule = Rule::QualifiedCount;
    }
    // 护理人员缺口约140人, 尚缺护理型床位约440张: a shortfall, not the staff or beds there are.
    // 4家二级及以上综合性医院中有3家, 建立签约合作关系63对: a part of those named, pairs.
    if naming.indicator_id.is_some()
        && naming.rule == Rule::PhraseBefore
        && let Some(h) = hit
    {
        let gap = s.slice(h.end.min(q.num_start), q.num_start);
        let gap = gap.trim_start();
        // In the gap, or right before the measure (尚缺护理型床位), not anywhere in the clause
        // (为缓解人才短缺招聘…).
        // (Or money still owed: 配套资金尚有1200万元未到位.)
        let shortfall = SHORTFALL.iter().any(|w| {
            s.slice(h.start.saturating_sub(6).max(clause), q.num_start)
                .contains(w)
        }) || s
            .slice(q.end, (q.end + 3).min(sc.len()))
            .starts_with("未到位");
        // 15个乡镇卫生院中至少5个达到推荐标准 too.
        let part_of_them = gap.starts_with('中') && (gap.contains('有') || gap.contains("至少"));
        let pairs = sc.get(q.end).is_some_and(|c| matches!(c, '对' | '双'))
            && m.unit_fits(&h.target, Unit::Person)
            && !m.unit_fits(&h.target, Unit::Percent);
        // 村卫生室建设项目12个: projects on them, not the institutions; 医共体共有成员单位18家,包括
        // 乡镇卫生院15家: one community's members.
        let members = s.slice(0, h.start).rfind("成员").is_some_and(|at| {
            !WHOLE_AREA
                .iter()
                .any(|w| s.slice(0, h.start)[at..].contains(w))
        });
        let projects =
            m.unit_fits(&h.target, Unit::Institution) && (gap.contains("项目") || members);
        if shortfall || part_of_them || pairs || projects {
            naming.indicator_id = None;
            naming.rule = Rule::QualifiedCount;
        }
    }
    // 累计达到推荐标准的乡镇卫生院5个: institutions a relative clause restricts are those that did
    // what it says, counted in the clause's own measure when it names one, else in none.
    if naming.indicator_id.is_some()
        && naming.rule == Rule::PhraseBefore
        && let Some(h) = hit
        && h.start > clause
        && sc[h.start - 1] == '的'
        && m.unit_fits(&h.target, Unit::Institution)
    {
        let own = s.hits.iter().rfind(|k| {
            k.start >= clause
                && k.end < h.start
                && matches!(k.target, Target::Indicator { .. })
                && m.unit_fits(&k.target, q.unit)
        });
        if let Some(Hit {
            start,
            end,
            target: Target::Indicator { index },
        }) = own
        {
            naming.indicator_id = Some(m.indicator_id(*index));
            naming.indicator_text = Some(s.slice(*start, *end).to_string());
        } else if RELATIVE_VERBS
            .iter()
            .any(|v| s.slice(clause, h.start).contains(v))
        {
            naming.indicator_id = None;
            naming.rule = Rule::QualifiedCount;
        }
    }
    // Money put into health among other fields (教育、卫生等民生领域投入23亿元) is not health's.
    if naming.indicator_id.is_some()
        && q.unit == Unit::Yuan
        && hit.is_some_and(|h| needs_context(phrase(h)))
        && mixed_fields(s.slice(clause, q.start))
    {
        naming.indicator_id = None;
        naming.rule = Rule::NotHealth;
    }
    // After 其中 in the sentence, a bare total phrase (床位 after 其中医院、卫生院316个) counts the
    // part just named, not the total: it names the part's own measure when the catalog has one
    // (医院、卫生院床位), else none.
    // 其中2023年投入资金4820万元: a year after 其中 takes a slice of a period's sum in time, the
    // whole of that year.
    let starts_the_sentence = |h: &Hit| {
        s.slice(0, h.start)
            .trim_start_matches(['实', '有', '共', '病', '开', '放', '编', '制'])
            .is_empty()
    };
    let bed_phrase = |h: &Hit| {
        matches!(h.target, Target::Indicator { index }
            if m.unit_of(&m.indicator_id(index)) == countypanel_core::vocab::Unit::Bed)
    };
    let part_opened = |h: &Hit| {
        let before = s.slice(0, h.start);
        match before.rfind(PART) {
            Some(p)
                if crate::time::names_year(
                    &before[p + PART.len()..]
                        .trim_start_matches([',', '，', ':', '：', ' '])
                        .chars()
                        .take(5)
                        .collect::<String>(),
                ) =>
            {
                None
            }
            // 乡镇卫生院17个(其中中心卫生院5个),…共有病床一千二百余张: the parts closed with
            // the parenthesis 其中 opened.
            Some(p)
                if before[..p].ends_with(['(', '（'])
                    && crate::scope::closes_before(&before[p..].chars().collect::<Vec<_>>()) =>
            {
                None
            }
            Some(p) => Some(before[..p].chars().count() + 2),
            // 其中县级医院3家、乡镇卫生院16家…;床位1460张: the beds opening the sentence after
            // a list of kinds of institution are all of them, not a part.
            None if s.in_parts && starts_the_sentence(h) && bed_phrase(h) => None,
            // …其中乡镇卫生院32所,村卫生室1102个;全市实有床位7612张: a sentence after ； that
            // opens with the whole area is no part.
            None if s.in_parts
                && crate::lexicon::WHOLE_AREA
                    .iter()
                    .any(|w| s.slice(0, h.start).trim_start().starts_with(w)) =>
            {
                None
            }
            None => s.in_parts.then_some(0),
        }
    };
    if naming.indicator_id.is_some()
        && let Some(h) = hit
        && is_bare(phrase(h))
        && let Some(part_at) = part_opened(h)
    {
        naming.indicator_id = part_measure(m, s, part_at, h);
        naming.rule = if naming.indicator_id.is_some() {
            Rule::PartMeasure
        } else {
            Rule::Part
        };
    }
    // 乡镇卫生院28个(其中中心卫生院6个): a part after 其中 that the catalog names as its total
    // (both 乡镇卫生院) is a part of that measure, not the measure.
    if let Some(id) = naming.indicator_id.as_deref()
        && let Some(h) = hit
        && let Some(part_at) = part_opened(h).filter(|&p| p >= 2)
        && s.hits
            .iter()
            .rfind(|k| k.end + 2 <= part_at)
            .is_some_and(|total| {
                matches!(total.target, Target::Indicator { index } if m.indicator_id(index) == id)
                    && sc[total.end..part_at].iter().any(char::is_ascii_digit)
            })
    {
        naming.indicator_id = None;
        naming.rule = Rule::Part;
    }
    // 全县有医院5个,床位1200张;乡镇卫生院18个,床位600张: a bare bed phrase right after a count
    // of one kind of institution counts that kind's beds, in its own measure when the catalog
    // has one (医院床位), else in none. After a count of all institutions it is the total.
    if naming.indicator_id.is_some()
        && naming.rule != Rule::PartMeasure
        && let Some(h) = hit
        && h.start >= clause
        && clause > 0
        && is_bare(phrase(h))
        && naming
            .indicator_id
            .as_deref()
            .is_some_and(|id| m.unit_of(id) == countypanel_core::vocab::Unit::Bed)
    {
        // The count of one kind in the clause `from..to`, if it holds one.
        let kind_counted = |from: usize, to: usize| {
            s.hits
                .iter()
                .rfind(|k| {
                    k.start >= from
                        && k.end < to
                        && matches!(k.target, Target::Indicator { .. })
                        && m.unit_fits(&k.target, Unit::Institution)
                })
                .filter(|_| sc[from..to].iter().any(char::is_ascii_digit))
        };
        let prev = clause_start(sc, 0, clause - 1);
        // After a list of kinds (乡镇卫生院12所,村卫生室186个,床位620张) or of the parts of a total
        // (其中医院6个,…), the beds are not the last kind's.
        let listed = prev > 0 && kind_counted(clause_start(sc, 0, prev - 1), prev).is_some();
        let parts = s.slice(0, prev).contains(PART);
        if let Some(Hit {
            target: Target::Indicator { index },
            ..
        }) = kind_counted(prev, clause)
            && !listed
            && !parts
            && !ALL_INSTITUTIONS.contains(&m.indicator_id(*index).as_str())
        {
            naming.indicator_id = part_measure(m, s, prev, h);
            naming.rule = if naming.indicator_id.is_some() {
                Rule::PartMeasure
            } else {
                Rule::Part
            };
        }
    }
    // 乡镇卫生院床位达到1260张: a bare bed phrase right after the name of one kind of institution
    // counts that kind's beds, in its own measure when the catalog has one, else in none.
    if naming.indicator_id.is_some()
        && naming.rule != Rule::PartMeasure
        && let Some(h) = hit
        && is_bare(phrase(h))
        && naming
            .indicator_id
            .as_deref()
            .is_some_and(|id| m.unit_of(id) == countypanel_core::vocab::Unit::Bed)
        && let Some(kind) = s.hits.iter().find(|k| {
            k.end == h.start
                && m.unit_fits(&k.target, Unit::Institution)
                && matches!(&k.target, Target::Indicator { index }
                    if !ALL_INSTITUTIONS.contains(&m.indicator_id(*index).as_str()))
        })
    {
        naming.indicator_id = part_measure(m, s, kind.start, h);
        naming.rule = if naming.indicator_id.is_some() {
            Rule::PartMeasure
        } else {
            Rule::Part
        };
    }
    // 每千常住人口拥有执业(助理)医师2.85人: a count's phrase after a density's base names the
    // density (or none the catalog has), never the count.
    if let (Some(_), Some(h)) = (naming.indicator_id.as_deref(), hit)
        && let Some(base) = density_base_before(s.slice(clause.min(h.start), h.start))
    {
        // The catalog's density of the measure: its phrase after the plain base (每千人口执业
        // (助理)医师), matched whole.
        naming.indicator_id = m.whole_indicator(&format!("{base}{}", phrase(h)));
    }
    // 1万元至2.99万元的有276人次: the bounds of a class of amounts, not amounts stated.
    if naming.indicator_id.is_some() && bounds_a_class(sc, q) {
        naming.indicator_id = None;
        naming.rule = Rule::ClassBound;
    }
    // 全县有中医医院1家(县中医院,二级甲等,开放床位420张): a parenthesis that opens with one
    // institution's name describes it; its beds and staff are its own.
    if naming.indicator_id.is_some() && describes_one_institution(sc, q.num_start) {
        naming.indicator_id = None;
        naming.rule = Rule::OneInstitution;
    }
    // 全省常住人口…覆盖率为45.2%: the province's figure, quoted beside the report's own; so are
    // the clauses after it that turn to no place of their own (全省人均预期寿命达到82.61岁,每千
    // 人口执业(助理)医师3.72人).
    if naming.indicator_id.is_some()
        && opened_by_wider_area(s.slice(0, q.num_start), s.report_of)
        // …unless a place is named after it (全省深入推进…,平安县县域内就诊率达到91.2%).
        && !s.hits.iter().any(|h| {
            matches!(h.target, Target::Region(_))
                && h.end <= q.num_start
                && s.slice(0, h.start).contains('全')
        })
    {
        naming.indicator_id = None;
        naming.rule = Rule::WiderArea;
    }
    // 执业(助理)医师2380人(每千人口2.33人), 实有床位6820张,每千人口6.67张: a density's base
    // alone before the number is the density of the count named just before it.
    if naming.indicator_id.is_none()
        && !matches!(q.unit, Unit::Percent | Unit::Yuan)
        && let Some(base) = {
            let own = s
                .slice(clause, q.num_start)
                .trim_start_matches(['(', '（'])
                .trim();
            let own = ["达到", "为", "达"]
                .iter()
                .find_map(|w| own.strip_suffix(w))
                .unwrap_or(own);
            own.starts_with('每')
                .then(|| density_base_before(own))
                .flatten()
                .filter(|b| own.chars().count() <= b.chars().count() + 4)
        }
        && let Some(counted) = s.hits.iter().rfind(|h| {
            h.end <= clause
                && matches!(h.target, Target::Indicator { .. })
                && m.unit_fits(&h.target, q.unit)
        })
    {
        let named = format!("{base}{}", phrase(counted));
        if let Some(id) = m.whole_indicator(&named) {
            naming.indicator_id = Some(id);
            naming.indicator_text = Some(named);
            naming.rule = Rule::PhraseBefore;
        }
    }
    let change = is_change(s.slice(clause, q.num_start), q.unit);
    if change && naming.indicator_id.is_some() {
        naming.indicator_id = None;
        naming.rule = Rule::Change;
    }
    change
}

/// Whether the number at `at` stands in a parenthesis that opens with one institution's name
/// (县中医院,二级甲等,开放床位420张).
fn describes_one_institution(sc: &[char], at: usize) -> bool {
    let Some(open) = unclosed_parenthesis(sc, at) else {
        return false;
    };
    let first: String = sc[open + 1..at]
        .iter()
        .take_while(|&&c| !matches!(c, ',' | '，' | '、' | ';' | '；'))
        .collect();
    let n = first.chars().count();
    n <= 12
        && n < at - open - 1
        && crate::scope::INSTITUTION_ENDINGS
            .iter()
            .any(|e| first.ends_with(e))
}

/// Whether the whole-area word `area` (全市, 全省) stands at character `i` of `sc` as a subject, not
/// in a comparison (居全市第一, 高于全省平均水平, 占全省, 全市最高).
fn area_as_subject(sc: &[char], i: usize, area: &[char]) -> bool {
    // (高于全省 and 超过全省 end with 于 and 过 too.)
    let compared = i > 0
        && matches!(
            sc[i - 1],
            '居' | '列' | '在' | '于' | '占' | '出' | '比' | '较' | '超' | '过'
        );
    let ranked = sc
        .get(i + area.len())
        .is_some_and(|c| matches!(c, '最' | '第' | '前' | '排' | '首' | '平'));
    sc.get(i..i + area.len()) == Some(area) && !compared && !ranked
}

/// Whether a province's own 全省 stands as a subject in `sc` before `at` (see
/// [`area_as_subject`]).
fn own_province_named(s: &Sentence, at: usize) -> bool {
    s.report_of == ReportOf::Province
        && (0..at.min(s.chars.len())).any(|i| area_as_subject(s.chars, i, &['全', '省']))
}

/// Whether the words before a number (its sentence up to it) hold a clause that opens with an
/// area wider than any report's region (全省, 全国), after time words at most (截至6月底,全省…),
/// and turn to no own place after it. 高于全省 and 居全省第一 compare with the province; they do
/// not open the clause.
fn opened_by_wider_area(clause: &str, report_of: ReportOf) -> bool {
    // A county's report quotes its prefecture as 全市 (全市常住人口签约覆盖率为47.5%,我县达到52.6%).
    let prefecture: &[&str] = if report_of == ReportOf::County {
        PREFECTURE_AREAS
    } else {
        &[]
    };
    // A province's 全省 is its own.
    let wider: &[&str] = if report_of == ReportOf::Province {
        &["全国"]
    } else {
        WIDER_AREAS
    };
    // Every such word opens with 全: most clauses hold none.
    clause.contains('全')
        && wider.iter().chain(prefecture).any(|w| {
            clause.match_indices(w).any(|(at, _)| {
                let before = clause[..at].trim_end();
                let opens = before.is_empty()
                    || before.ends_with([
                        '年', '底', '末', '月', '日', ',', '，', ':', '：', ';', '；',
                    ])
                    || before.ends_with("以来");
                opens
                    && !OWN_PLACE
                        .iter()
                        .chain(WHOLE_AREA)
                        .chain(&["我省", "本省"])
                        .any(|p| clause[at + w.len()..].contains(p))
            })
        })
}

/// The base of a density the words before a phrase end with, in its plain form (每千常住人口拥有
/// → 每千人口, 每万名居民 → 每万人口), if they end with one.
fn density_base_before(words: &str) -> Option<&'static str> {
    let w = words.trim_end();
    let w = w
        .strip_suffix("拥有")
        .or_else(|| w.strip_suffix('有'))
        .unwrap_or(w);
    let w = ["常住人口", "户籍人口", "人口", "名居民", "居民", "人"]
        .iter()
        .find_map(|p| w.strip_suffix(p))?;
    let w = w.strip_suffix('名').unwrap_or(w);
    if w.ends_with('千') {
        Some("每千人口")
    } else if w.ends_with('万') {
        Some("每万人口")
    } else {
        None
    }
}

/// How a county's report names the whole of its prefecture.
const PREFECTURE_AREAS: &[&str] = &["全市", "全州", "全盟", "全地区"];

/// Actual or target, and the year with how it was found. A year after the one the report was
/// written in is aimed for.
fn kind_and_year(
    q: &Quantity,
    s: &Sentence,
    clause: usize,
    doc: DocYears,
) -> (Kind, Option<i32>, Option<YearFlag>) {
    let mut kind = kind_in_sentence(
        s.slice(0, q.num_start),
        s.slice(clause, q.num_start),
        s.plan_section,
        s.target_end,
        doc.published,
    );
    // A year written after a number reached dates it only from the number's own clause (…发病率
    // 为61.8/10万,…,2022年登记患者成功治疗率为93.4%: 2022 is the cohort's, not the
    // incidence's); an aim takes a deadline after it (力争…达到30种,确保2020年…).
    let clause_end = (q.end..s.chars.len())
        .find(|&i| separates_clauses(s.chars[i]))
        .unwrap_or(s.chars.len());
    let own: Vec<YearMention>;
    let years = if kind == Kind::Actual
        && s.years
            .iter()
            .any(|m| m.end > q.start && m.start >= clause_end)
    {
        own = s
            .years
            .iter()
            .filter(|m| m.end <= q.start || m.start < clause_end)
            .cloned()
            .collect();
        &own[..]
    } else {
        s.years
    };
    // 上杭县现有乡镇卫生院22家 in a news item of June, paragraphs after one that opened with
    // 2022年: what stands now is of the time of writing, not of a year an earlier paragraph
    // opened with. (Early in a year, a report's 目前 and 现有 still look back on the year before.)
    let mut carried = s.carried;
    if carried.section_from_sentence
        && carried.paragraph.is_none()
        && doc.default.is_some()
        && !doc.written_early
        && contains_word(&s.chars[..q.num_start], "现有")
    {
        carried.section = None;
    }
    // 目前,县人民医院开放床位560张 after a sentence on a project due in 2025: what stands now is
    // of the time of writing, whatever year the paragraph, its section or heading carried.
    // (Or the number's own clause: 据县卫生健康局介绍,目前全县共有村卫生室612个; not a clause
    // before it, 新建村卫生室45个,目前已全部投入使用,全年诊疗人次12.3万人次.)
    let now_opens = {
        let sentence = s.slice(0, q.num_start).trim_start();
        let own = s.slice(clause.min(q.num_start), q.num_start).trim_start();
        ["目前", "当前", "现在", "截至目前", "截止目前"]
            .iter()
            .any(|w| own.starts_with(w) || sentence.starts_with(w))
    };
    if now_opens && kind == Kind::Actual && doc.default.is_some() {
        carried.paragraph = None;
        carried.paragraph_deadline = None;
        carried.section = None;
        carried.heading = None;
    }
    let (mut year, mut year_flag) = year::resolve(years, q.start, kind, carried, doc);
    // (目前 counts from the year of writing, even where undated figures are of the year before;
    // early in a year, a review's 目前 still looks back on the year it reviews.)
    if now_opens && !doc.written_early && years.is_empty() && year_flag == Some(YearFlag::Published)
    {
        year = doc.relative.or(year);
    }
    // A plan's paragraph on the year gone by (2023年,…截至2023年底,全县共有…;实有床位1685张,
    // 每千人口床位5.12张): its sentences with no year of their own state what was reached then,
    // as the paragraph's year says, not the plan's aims.
    let past_paragraph = carried
        .paragraph
        .filter(|&y| doc.published.is_some_and(|p| y < p))
        // (Not in a paragraph an aim's deadline opened: 到2026年,在2023年基础上….)
        .filter(|_| carried.paragraph_deadline.is_none());
    if kind == Kind::Target
        && s.plan_section
        && years.is_empty()
        && let Some(y) = past_paragraph
    {
        (year, year_flag) = (Some(y), Some(YearFlag::Paragraph));
    }
    // 去年,全市共有医疗卫生机构4873个 under a plan's heading: a year gone by, with no word of
    // aim, states what was reached.
    if kind == Kind::Target
        && s.plan_section
        && year.zip(doc.published).is_some_and(|(y, p)| y < p)
        && kind_in_sentence(
            s.slice(0, q.num_start),
            s.slice(clause, q.num_start),
            false,
            s.target_end,
            doc.published,
        ) == Kind::Actual
    {
        kind = Kind::Actual;
    }
    // 力争年底…达到68%: the end of the year the report was written in; so is the whole year a
    // sentence aims for (确保全年老年人健康管理率达到65%以上,电子健康档案建档率稳定在90%以上).
    if kind == Kind::Target
        && year.is_none()
        && let Some(p) = doc.whole_year.or(doc.relative)
        && (this_year_end(s.slice(clause, q.num_start))
            || contains_word(&s.chars[..q.num_start], "全年"))
    {
        (year, year_flag) = (Some(p), Some(YearFlag::Published));
    }
    // 由上年的6.52张: the level the sentence's year came from. 由1.52人 with no year of its own
    // is of the year an earlier level of the sentence names, or of none known.
    let from = match from_to::from_year(s.slice(clause, q.num_start)) {
        // 由3个专家组组成: no level follows, so no earlier one stands here.
        Some(from_to::FromYear::Unstated) if !from_to::level_follows(&s.chars[q.end..]) => None,
        Some(from_to::FromYear::Unstated) => from_to::earlier_year_before(&s.chars[..clause])
            .or_else(|| {
                from_to::compared_year_before(&s.chars[..clause]).map(from_to::FromYear::Written)
            })
            .or(Some(from_to::FromYear::Unstated)),
        other => other,
    };
    // 上年为5.71张: the year before the one of the level before it (the 上年 of the clause is
    // counted from the publication, not from that level).
    // (上年2.98‰): a parenthesis opening with the year before.
    let own = s.slice(clause, q.num_start).trim_end();
    let previous_level = PREVIOUS_LEVEL.iter().any(|w| own.ends_with(w))
        || matches!(own, "上年" | "去年")
            && clause > 0
            && matches!(s.chars[clause - 1], '(' | '（');
    if previous_level {
        let before: Vec<YearMention> = years.iter().filter(|m| m.end <= clause).cloned().collect();
        let (y, flag) = year::resolve(&before, clause, kind, s.carried, doc);
        (year, year_flag) = (y.map(|y| y - 1), flag);
    }
    match from {
        _ if previous_level => {}
        Some(from_to::FromYear::Previous) => year = year.map(|y| y - 1),
        Some(from_to::FromYear::Written(y)) => year = Some(y),
        Some(from_to::FromYear::Unstated) => {
            year = None;
            year_flag = Some(YearFlag::Unknown);
        }
        None => {}
    }
    if kind == Kind::Actual
        && let (Some(y), Some(py)) = (year, doc.published)
        && (y > py || y == py && year_flag.is_none() && doc.written_early && aims_for_year(s, q))
    {
        kind = Kind::Target;
    }
    (kind, year, year_flag)
}

/// Verbs of a relative clause that restrict the institutions after it to those that did
/// something (达到标准的, 开展…的, 设有…的).
const RELATIVE_VERBS: &[&str] = &[
    "达到", "达标", "设有", "设置", "开展", "实现", "完成", "建成", "通过", "具备", "具有", "取得",
    "配备", "纳入", "创建", "创成", "获得",
];

/// Whether a count of institutions written before their noun names those an aim or a deed works
/// on, not how many there are. An aim's (实现24个乡镇卫生院检验中心全覆盖, 完成6个乡镇卫生院周转房
/// 建设): a number to reach is written after the noun (乡镇卫生院达到15个) or after a verb that
/// makes institutions (建成2个县域医疗次中心). A deed's, when a verb of helping stands before the
/// count (重点支持…和8个乡镇卫生院医疗设备更新) and nothing says it is all of them (全县, 全部, 均).
fn works_on_institutions(
    naming: &Naming,
    s: &Sentence,
    clause: usize,
    q: &Quantity,
    kind: Kind,
) -> bool {
    const STOCKS: &[&str] = &[
        "township_health_centers",
        "village_clinics",
        "county_level_hospitals",
        "hospitals",
        "medical_institutions",
        "community_health_centers",
        "tcm_hospitals",
    ];
    const MAKING: &[&str] = &[
        "建成",
        "新建",
        "建设",
        "创建",
        "组建",
        "达到",
        "达",
        "增至",
        "增加到",
        "发展到",
        "新增",
        "设置",
        "设立",
    ];
    const HELPING: &[&str] = &["支持", "帮扶", "资助", "补助", "援助", "帮助"];
    const ALL: &[&str] = &["全县", "全市", "全区", "全旗", "全部", "所有", "均", "各"];
    let before = s.slice(clause, q.num_start);
    let stock = naming.rule == Rule::PhraseAfter
        && naming
            .indicator_id
            .as_deref()
            .is_some_and(|id| STOCKS.contains(&id));
    if !stock {
        return false;
    }
    if kind == Kind::Target {
        return !MAKING.iter().any(|w| before.contains(w));
    }
    let clause_end = (q.end..s.chars.len())
        .find(|&i| separates_clauses(s.chars[i]))
        .unwrap_or(s.chars.len());
    let rest = s.slice(q.end, clause_end);
    HELPING.iter().any(|w| before.contains(w))
        && !ALL.iter().any(|w| before.contains(w) || rest.contains(w))
}

/// Whether words name the end of the current year without writing it (力争年底, 到年末).
fn this_year_end(words: &str) -> bool {
    ["年底", "年末"].iter().any(|w| {
        words.match_indices(w).any(|(at, _)| {
            !words[..at].ends_with(|c: char| {
                c.is_ascii_digit() || "今明去上本全次年每〇一二三四五六七八九十".contains(c)
            })
        })
    })
}

/// Whether a level the sentence states for the year of a report written in that year's first
/// quarter is aimed for (a notice of 2024-01-22: 2024年全县常住人口签约覆盖率达到50%): the year
/// is written before the number, alone, a verb of reaching a level stands between them, and
/// nothing there says the level is reached already or dates a part of the year (2024年1月,
/// 截至, 已, 春节期间).
fn aims_for_year(s: &Sentence, q: &Quantity) -> bool {
    const REACHED: &[&str] = &[
        "月", "已", "完成", "截至", "截止", "底", "末", "以来", "期间", "春节", "元旦", "累计",
        // Enrolment in insurance for a year is collected before the year begins (2013年参合农民
        // 达9万人, written in March 2013).
        "参合", "参保",
        // Funds handed down or arriving are no level (省级下达我县补助资金1850万元).
        "下达", "到达", "送达",
    ];
    // A level to reach, not a stock held (2024年全县有医疗卫生机构386个 is now).
    const REACHING: &[&str] = &[
        "达",
        "提高",
        "提升",
        "保持",
        "稳定在",
        "控制在",
        "降",
        "不低于",
        "不少于",
        "超过",
        "突破",
    ];
    let Some(m) = s.years.iter().rfind(|m| m.end <= q.start) else {
        return false;
    };
    let between: String = s.chars[m.end..q.start].iter().collect();
    !s.chars.get(m.end).is_some_and(char::is_ascii_digit)
        && !REACHED.iter().any(|w| between.contains(w))
        && REACHING.iter().any(|w| between.contains(w))
}

/// The last region named in the sentence before `at`, and whether it is the subject of the
/// clause from `clause` to `at`: the clause opens with it (定西市计划投入资金3.5亿元) and does not
/// turn to the report's own place after it (甘肃省下达我县资金2000万元 speaks of the county).
fn region_before(s: &Sentence, clause: usize, at: usize) -> Option<(String, bool)> {
    // In a county's report, a place that opens an institution's name (成都市第三人民医院郫都院区)
    // names the institution, not the place the sentence is about.
    let names_institution = |h: &Hit| {
        s.report_of == ReportOf::County && {
            let after: String = s.chars[h.end..s.chars.len().min(h.end + 10)]
                .iter()
                .collect();
            crate::scope::first_institution_ending(&after).is_some_and(|(k, _)| {
                after[..k].chars().count() <= 4
                    && !after[..k].contains(|c: char| "、,，;；。和及与".contains(c))
                    // (定西市三级医院, 二级以上医院, 公立医院: a class in the place.)
                    && !["级", "以上", "公立", "民营", "综合", "专科", "各", "全", "所有"]
                        .iter()
                        .any(|w| after[..k].contains(w))
            })
        }
    };
    let h = s
        .hits
        .iter()
        .rfind(|h| h.end <= at && matches!(h.target, Target::Region(_)) && !names_institution(h))?;
    let Target::Region(name) = &h.target else {
        return None;
    };
    // 南阳市居民健康素养水平为26.8%,我市为25.4%: the own place in the number's clause, after
    // the place named, is the report's own. In a city's report, 该县 and 全县 after a county
    // named (以遂昌县为例,该县组建家庭医生团队146个) are that county.
    let own_words = || {
        OWN_PLACE
            .iter()
            .filter(|w| (s.report_of == ReportOf::County) || !names_the_place(w, name))
    };
    let own_from = h.end.max(clause);
    // In a city's report, 全市 after a county named (指导民和县、化隆县补齐短板,力争全市每千人口
    // 床位数达到6.8张) is the city again.
    // Not after a city's own name (潍坊市全市…), nor in a comparison (全市最高, 居全市第一).
    let city_again = !(s.report_of == ReportOf::County)
        && name.ends_with(['县', '旗', '区'])
        && (own_from.min(at)..at.saturating_sub(1))
            .any(|i| area_as_subject(s.chars, i, &['全', '市']));
    // In a province's report, 全省 is the province's own again.
    let province_again = s.report_of == ReportOf::Province
        && (own_from.min(at)..at).any(|i| {
            area_as_subject(s.chars, i, &['全', '省'])
                || area_as_subject(s.chars, i, &['全', '自', '治', '区'])
        });
    if own_from < at
        && (city_again
            || province_again
            || own_words().any(|w| contains_word(&s.chars[own_from..at], w)))
    {
        return None;
    }
    // The subject of the number's clause, or of the sentence when it opens it and the clauses
    // after it name no other place (株洲市2021年居民健康素养水平为23.8%,每千人口床位数7.46张).
    let opens = |from: usize| s.chars[from..h.start].iter().all(|c| c.is_whitespace());
    let subject = (h.start >= clause && opens(clause)
        || opens(0)
            && !s
                .hits
                .iter()
                .any(|k| k.start > h.end && k.end <= at && matches!(k.target, Target::Region(_))))
        && !own_words().any(|w| contains_word(&s.chars[h.end..at], w));
    Some((name.to_string(), subject))
}

/// Whether a word for a place's own self (该县, 全县, 全旗) can only mean the county, district or
/// banner `name` named before it, by its level: in a city's report its 县 is none of the city's.
fn names_the_place(word: &str, name: &str) -> bool {
    word.chars()
        .last()
        .is_some_and(|level| matches!(level, '县' | '旗' | '区') && name.ends_with(level))
}

/// Whether the quantity bounds a class (1万元至2.99万元的, 5万元以上的有7人次): a range written
/// with its unit on both ends, or a value followed by 的有.
fn bounds_a_class(sc: &[char], q: &Quantity) -> bool {
    let class = sc.get(q.end) == Some(&'的') && sc.get(q.end + 1) == Some(&'有');
    class || range_end(sc, q).is_some_and(|(lower, class)| class || !lower)
}

/// Where a number stands in a range (达到90%-92%, 1万元至2.99万元的): `(true, class)` for its
/// lower end, `(false, class)` for its upper end, `class` when a 的 after the range makes it a
/// class of amounts (1万元至2.99万元的有276人次) rather than a level stated loosely.
fn range_end(sc: &[char], q: &Quantity) -> Option<(bool, bool)> {
    const TO: &[char] = &['至', '到', '~', '～', '-', '－'];
    const UNIT_CHARS: &str = "万亿千百元人个岁%‰次张所家名项";
    let numeral = |c: Option<&char>| {
        c.is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(*c))
    };
    if sc.get(q.end).is_some_and(|c| TO.contains(c)) && numeral(sc.get(q.end + 1)) {
        let after = sc[q.end + 1..]
            .iter()
            .position(|&c| !(c.is_ascii_digit() || c == '.' || UNIT_CHARS.contains(c)))
            .map(|k| q.end + 1 + k);
        return Some((true, after.is_some_and(|k| sc[k] == '的')));
    }
    let closes = q.start >= 2
        && TO.contains(&sc[q.start - 1])
        && matches!(sc[q.start - 2], '元' | '人' | '个' | '岁' | '%' | '次');
    closes.then(|| (false, sc.get(q.end) == Some(&'的')))
}

static FLOW_SET: WordSet = WordSet::new(FLOW);

/// Indicators that count what has been built or designated so far (中医馆, 老年友善医疗机构,
/// 医共体, 社区医院): 建成 before them reaches the stock, not the year's change.
const BUILT_STOCKS: &[&str] = &[
    "tcm_pavilions",
    "elder_friendly_institutions",
    "county_medical_communities",
    "community_hospitals",
];

/// Whether `text` holds a word of change over the year (新增, 增加) that is not a level reached:
/// 由上年的3120人增加到3300人 states the level 3300.
fn flows(text: &str) -> bool {
    // 再推动2个乡镇卫生院达到推荐标准: more of them, on top of those there are.
    const AGAIN: &[&str] = &[
        "再推动",
        "再建成",
        "再创建",
        "再打造",
        "再新建",
        "再建设",
        "再培育",
        "再完成",
        "再争创",
    ];
    if text.contains('再') && AGAIN.iter().any(|w| text.contains(w)) {
        return true;
    }
    FLOW_SET.in_text(text)
        && FLOW.iter().any(|w| {
            text.match_indices(w)
                .any(|(at, _)| !text[at + w.len()..].starts_with(['到', '至', '为']))
        })
}
static ACTION_SET: WordSet = WordSet::new(ACTIONS);
static RECRUITING_SET: WordSet = WordSet::new(RECRUITING);

/// Measure words that, after a Chinese numeral, name a batch, round, phase or term.
const VAGUE_MEASURES: &[&str] = &["批", "轮", "期", "届", "番"];

/// Verbs by which institutions come to have a facility of their own (建成了中医馆, 设有国医堂),
/// or to meet a standard the catalog counts them by (6家乡镇卫生院达到服务能力推荐标准).
const BUILT: &[&str] = &[
    "建成", "建立", "设有", "设立", "开设", "设置", "建设", "达到", "通过",
];

/// 9.5万名高血压患者规范管理率达到87.17%: people counted right before their management rate are
/// the patients under management; the measure is the catalog's count of that group
/// (高血压患者管理人数), when it has one.
fn managed_count(m: &PhraseMatcher, q: &Quantity, s: &Sentence) -> Option<(String, String)> {
    if q.unit != Unit::Person {
        return None;
    }
    // The rate follows in the same clause: 65岁及以上老年人2.31万人,65岁及以上老年人健康管理率…
    // counts the population, not those managed.
    let rate = s.hits.iter().find(|h| {
        h.start >= q.end
            && h.start <= q.end + 1
            && s.chars[q.end..h.start]
                .iter()
                .all(|&c| !separates_clauses(c) && !"。;；:：".contains(c))
            && matches!(h.target, Target::Indicator { .. })
    })?;
    let text: String = s.chars[rate.start..rate.end].iter().collect();
    let group = text
        .strip_suffix("规范管理率")
        .or_else(|| text.strip_suffix("管理率"))
        .filter(|g| !g.is_empty())?;
    let composed = format!("{group}管理人数");
    m.whole_indicator(&composed).map(|id| (id, composed))
}

/// Indicators that count institutions of every kind: the beds after their count are all beds.
const ALL_INSTITUTIONS: &[&str] = &["medical_institutions", "primary_care_institutions"];

/// The measure a bare phrase (床位) names for the part named after 其中 (医院、卫生院): the catalog
/// indicator whose phrase is the part's noun followed by the bare phrase, if there is one.
fn part_measure(m: &PhraseMatcher, s: &Sentence, part_at: usize, bare: &Hit) -> Option<String> {
    let part = s.hits.iter().rfind(|o| {
        o.start >= part_at && o.end <= bare.start && matches!(o.target, Target::Indicator { .. })
    })?;
    let noun: String = s.chars[part.start..part.end].iter().collect();
    let phrase: String = s.chars[bare.start..bare.end].iter().collect();
    m.whole_indicator(&format!("{noun}{phrase}"))
}

/// A part counted in the measure of the total before 其中 (床位数4521张，其中医院3210张): the
/// part's noun with the ending of the total's phrase, when the catalog has that measure as a
/// whole (医院床位数) in the number's unit. The total may be the sentence before's when this one
/// opens with 其中. Returns its indicator id and phrase.
fn part_of_total(m: &PhraseMatcher, q: &Quantity, s: &Sentence) -> Option<(String, String)> {
    let sc = s.chars;
    let before = s.slice(0, q.num_start);
    let part_at = before[..before.rfind(PART)?].chars().count();
    let is_measure = |h: &&Hit| matches!(h.target, Target::Indicator { .. });
    let noun = s
        .hits
        .iter()
        .filter(is_measure)
        .rfind(|h| h.start >= part_at + 2 && h.end <= q.num_start)
        .filter(|h| q.num_start - h.end <= 1)?;
    let in_sentence = s
        .hits
        .iter()
        .filter(is_measure)
        .rfind(|h| h.end <= part_at && m.unit_fits(&h.target, q.unit))
        .map(|h| sc[h.start..h.end].to_vec());
    // A sentence that opens with 其中 lists the parts of the total the sentence before states
    // (总诊疗人次达2865.3万人次。其中:…基层医疗卫生机构1398.4万人次).
    let total = match in_sentence {
        Some(t) => t,
        None if sc[..part_at].iter().all(|c| c.is_whitespace()) => {
            let prev: String = s.prev.iter().collect();
            let h = m
                .find(&prev)
                .into_iter()
                .filter(|h| matches!(h.target, Target::Indicator { .. }))
                .rfind(|h| m.unit_fits(&h.target, q.unit))?;
            s.prev[h.start..h.end].to_vec()
        }
        None => return None,
    };
    let noun: String = sc[noun.start..noun.end].iter().collect();
    let total = &total[..];
    (0..total.len()).find_map(|k| {
        let composed: String = noun.chars().chain(total[k..].iter().copied()).collect();
        let n = composed.chars().count();
        m.find(&composed).into_iter().find_map(|h| match h.target {
            Target::Indicator { index }
                if h.start == 0 && h.end == n && m.unit_fits(&h.target, q.unit) =>
            {
                Some((m.indicator_id(index), composed.clone()))
            }
            _ => None,
        })
    })
}

/// A region's figure after 其中, in the measure of the total before it (家庭医生签约服务覆盖率
/// 达到56.3%,其中临洮县62.1%、渭源县58.4%): a number right after a region's name, with no
/// phrase of its own, takes the indicator of the closest fitting phrase before 其中. The region
/// named places the fact. Returns the indicator id and the total's phrase.
fn region_part(m: &PhraseMatcher, q: &Quantity, s: &Sentence) -> Option<(String, String)> {
    let region = s
        .hits
        .iter()
        .rfind(|h| h.end <= q.num_start && matches!(h.target, Target::Region(_)))?;
    let before = s.slice(0, q.num_start);
    let part_at = before[..before.rfind(PART)?].chars().count();
    // The name stands right before the number (临洮县62.1%, 岷县为0.5%).
    if region.start < part_at + 2 || q.num_start - region.end > 1 {
        return None;
    }
    let total = s
        .hits
        .iter()
        .filter(|h| matches!(h.target, Target::Indicator { .. }))
        .rfind(|h| h.end <= part_at && m.unit_fits(&h.target, q.unit))?;
    let Target::Indicator { index } = total.target else {
        return None;
    };
    Some((
        m.indicator_id(index),
        s.slice(total.start, total.end).to_string(),
    ))
}

/// Words that link a place or a year to its figure in a clause of its own (我市达到51.6%,
/// 2022年提高到58%).
const LINKS: &[&str] = &[
    "达到了",
    "达到",
    "达",
    "为",
    "是",
    "则为",
    "提高到",
    "提高至",
    "提升到",
    "增加到",
    "增至",
    "上升到",
    "下降到",
    "降低到",
    "降至",
    "",
];

/// The text after a written year that opens `text` (2022年提高到 → 提高到).
fn year_prefix(text: &str) -> Option<&str> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits == 4)
        .then(|| text[4..].strip_prefix('年'))
        .flatten()
}

/// The phrase of the clause before, for a clause that gives only the report's own place or a
/// year and its figure (全省…覆盖率为45.2%,我市达到51.6%; 签约率为55%,2022年提高到58%): the
/// figure is the same measure's, for the place or the year.
fn own_place_pair<'h>(
    m: &PhraseMatcher,
    q: &Quantity,
    s: &Sentence<'h>,
    clause: usize,
) -> Option<&'h Hit> {
    if !continues(s.slice(clause, q.num_start)) {
        // 全市共组建家庭医生团队1260个,我县组建186个: the own place with the verb the clause
        // before used on its measure.
        let verb = own_place_verb(s.slice(clause, q.num_start))?;
        let previous = clause_start(s.chars, 0, clause.checked_sub(1)?);
        return s.hits.iter().rfind(|h| {
            h.start >= previous
                && h.end < clause
                && matches!(h.target, Target::Indicator { .. })
                && m.unit_fits(&h.target, q.unit)
                && s.slice(previous, h.start).contains(verb)
        });
    }
    // Back over the clauses before, as long as each only continues the one before it
    // (…为55%,2022年提高到58%,2023年达到60.2%), to the clause that names the measure.
    let mut clause = clause;
    while clause > 0 {
        let previous = clause_start(s.chars, 0, clause - 1);
        let named = s.hits.iter().rfind(|h| {
            h.start >= previous
                && h.end < clause
                && matches!(h.target, Target::Indicator { .. })
                && m.unit_fits(&h.target, q.unit)
        });
        if named.is_some() {
            return named;
        }
        // The words of that clause before its number.
        let text = s.slice(previous, clause - 1);
        let body = year_prefix(text.trim_start()).unwrap_or(text);
        let number = body.find(|c: char| c.is_ascii_digit())?;
        if !continues(&text[..text.len() - body.len() + number]) {
            return None;
        }
        clause = previous;
    }
    None
}

/// The verb after an own place that opens the words before a number (我县组建 → 组建), if those
/// words are only that: one to three characters, after 共 or 也 at most.
fn own_place_verb(before: &str) -> Option<&str> {
    let rest = before.trim();
    let rest = year_prefix(rest).unwrap_or(rest);
    let rest = OWN_PLACE.iter().find_map(|p| rest.strip_prefix(p))?;
    let verb = rest.trim_start_matches(['共', '也']).trim();
    let n = verb.chars().count();
    ((1..=3).contains(&n) && verb.chars().all(crate::lexicon::is_han)).then_some(verb)
}

/// Whether the words before a clause's number only continue the clause before it: a subject
/// (the own place, a year, or both) and a link (我市达到, 2022年提高到).
fn continues(before: &str) -> bool {
    let mut rest = before.trim();
    // 每千人口床位数6.02张,上年为5.71张: the year before's level of the measure before.
    if PREVIOUS_LEVEL.contains(&rest) {
        return true;
    }
    let mut subject = false;
    if let Some(r) = year_prefix(rest) {
        (rest, subject) = (r, true);
    }
    if let Some(r) = OWN_PLACE
        .iter()
        .chain(WHOLE_AREA)
        .find_map(|p| rest.strip_prefix(p))
    {
        (rest, subject) = (r, true);
    }
    subject && LINKS.contains(&rest.trim())
}

/// The phrase a quantity is tied to and what it names.
fn name_quantity<'h>(
    m: &PhraseMatcher,
    q: &Quantity,
    s: &Sentence<'h>,
    clause: usize,
) -> (Option<&'h Hit>, Naming) {
    let (after, before) = candidate_phrases(m, q, s, clause);
    let (after, before) = screen_candidates(m, q, s, clause, after, before);
    let (hit, rule) = match (after, before) {
        (Some(a), _) => (Some(a), Rule::PhraseAfter),
        (None, Some(b)) => (Some(b), Rule::PhraseBefore),
        (None, None) => (None, Rule::NumberOnly),
    };
    let mut naming = Naming {
        indicator_id: None,
        indicator_text: None,
        subject: None,
        rule,
    };
    if let Some(h) = hit {
        name_by_phrase(m, q, s, clause, h, &mut naming);
    } else if let Some((id, text)) = managed_count(m, q, s) {
        naming.indicator_id = Some(id);
        naming.indicator_text = Some(text);
        naming.rule = Rule::ManagedCount;
    } else if let Some((id, text)) = part_of_total(m, q, s) {
        naming.indicator_id = Some(id);
        naming.indicator_text = Some(text);
        naming.rule = Rule::PartMeasure;
    } else if let Some((id, text)) = region_part(m, q, s) {
        naming.indicator_id = Some(id);
        naming.indicator_text = Some(text);
        naming.rule = Rule::RegionPart;
    } else if let Some((id, text)) = served_count(m, q, s, clause) {
        naming.indicator_id = Some(id);
        naming.indicator_text = Some(text);
        naming.rule = Rule::PhraseAfter;
    } else if let Some(h) = own_place_pair(m, q, s, clause) {
        name_by_phrase(m, q, s, clause, h, &mut naming);
        naming.rule = Rule::PhraseBefore;
        return (Some(h), naming);
    }
    if naming.rule == Rule::PhraseAfter
        && let Some(a) = after
    {
        name_qualified_count(m, s, q, clause, a, &mut naming);
    }
    (hit, naming)
}

/// Services a person receives, whose count a phrase may name.
const SERVICES: &[&str] = &[
    "体检", "筛查", "管理", "接种", "签约", "随访", "检查", "救助",
];

/// 为6.12万名65岁及以上老年人提供免费健康体检, 为1.12万名农村妇女免费开展两癌筛查: people a
/// service was given to, counted before who they are and what they got. The words after the
/// number, once 提供, 免费, 开展 are taken out, name the catalog's count of that service.
fn served_count(
    m: &PhraseMatcher,
    q: &Quantity,
    s: &Sentence,
    clause: usize,
) -> Option<(String, String)> {
    if q.unit != Unit::Person || !s.slice(clause, q.num_start).trim_end().ends_with('为') {
        return None;
    }
    let end = (q.end..s.chars.len())
        .find(|&i| separates_clauses(s.chars[i]))
        .unwrap_or(s.chars.len());
    let mut after = s.slice(q.end, end).to_string();
    for w in ["提供", "免费", "开展", "进行", "实施", "了"] {
        if after.contains(w) {
            after = after.replace(w, "");
        }
    }
    let after: Vec<char> = after.chars().collect();
    let text: String = after.iter().collect();
    m.find(&text).into_iter().find_map(|h| match h.target {
        Target::Indicator { index }
            if m.unit_of(&m.indicator_id(index)) == countypanel_core::vocab::Unit::Person =>
        {
            // A service received (体检, 筛查, 管理…), not who the people are (乡村医生).
            let phrase: String = after[h.start..h.end].iter().collect();
            SERVICES
                .iter()
                .any(|w| phrase.contains(w))
                .then(|| (m.indicator_id(index), phrase))
        }
        _ => None,
    })
}

/// Drops the candidate phrases the sentence shows the number does not measure: a count of
/// things done, sent or agreed on (新增, 下派, 与…签约), of examples (等9个), of one (一家医院); the
/// recruited (招录20名卫技人员); a part after 其中; one count after or before a list of measures.
fn screen_candidates<'h>(
    m: &PhraseMatcher,
    q: &Quantity,
    s: &Sentence<'h>,
    clause: usize,
    after: Option<&'h Hit>,
    before: Option<&'h Hit>,
) -> (Option<&'h Hit>, Option<&'h Hit>) {
    let sc = s.chars;
    // 新增/新建 make a count a change over the year, and a 其中 between a phrase and the
    // number makes the number a part of what the phrase totals (卫生机构…其中73个): either way
    // the count is not the indicator's total. A phrase after 其中 names the part itself
    // (其中医院73个 counts hospitals).
    let clause_before = s.slice(clause, q.num_start);
    let counted = q.unit != Unit::Percent && q.unit != Unit::Yuan;
    // 下派28名医师, 安排1名护士: people or things sent or assigned are not the stock; neither are
    // the partners a count names after 与 when the sentence signs an agreement with them.
    let partners = sc[..q.num_start].contains(&'与')
        && AGREEMENTS.iter().any(|w| contains_word(&sc[q.end..], w));
    // A clause that continues an enumeration (新建、改扩建光华、西坡、关王庙等9个乡镇卫生院) shares
    // the verb of its first item.
    let enumeration = s.slice(list_start(sc, clause), q.num_start);
    // 建成中医馆28个: what is counted by what has been built holds all built so far.
    let built_stock = || {
        [after, before].into_iter().flatten().any(|h| {
            matches!(h.target, Target::Indicator { index }
                if BUILT_STOCKS.contains(&m.indicator_id(index).as_str()))
        }) && !flows(&enumeration.replace("新建成", "新建").replace("建成", ""))
    };
    // The words of the clause but the measure's own phrase (定向培养医学生27名: 培养 names
    // who were hired, it sends no one).
    let acts = || match before {
        Some(h) if h.start >= clause && h.end <= q.num_start => {
            ACTION_SET.in_text(s.slice(clause, h.start))
                || ACTION_SET.in_text(s.slice(h.end, q.num_start))
        }
        _ => ACTION_SET.in_text(clause_before),
    };
    let flow = counted
        && (flows(enumeration) && !built_stock()
            || acts()
            // A project's design (新院区…设计床位800张) is its size, not what there is.
            || clause_before.contains("设计")
            || partners
            // 光华、西坡等9个乡镇卫生院: the count of named examples, not the total.
            || clause_before.trim_end().ends_with('等')
            // 一家医院, 一名医生: the numeral one with a noun speaks of any one, not a total.
            || (q.chinese && q.value == 1.0));
    if flow {
        return (None, None);
    }
    // 招录20多名卫技人员: the noun after a recruiting verb is who was recruited, not the staff.
    let recruited = RECRUITING_SET.in_text(clause_before);
    let part_of =
        |h: &Hit| counted && contains_word(&sc[h.end.min(q.num_start)..q.num_start], PART);
    // 执业医师、助理执业医师26067人: one count after a list of measures is their sum, which none
    // of them names.
    let is_measure = |o: &Hit| matches!(o.target, Target::Indicator { .. });
    let listed = |h: &Hit| {
        counted
            && h.start >= 1
            && sc[h.start - 1] == '、'
            && s.hits.iter().any(|o| o.end == h.start - 1 && is_measure(o))
    };
    // 4家镇卫生院、社区卫生服务中心: a count before a list of nouns counts them together.
    let lists_on = |h: &Hit| {
        sc.get(h.end) == Some(&'、') && s.hits.iter().any(|o| o.start == h.end + 1 && is_measure(o))
    };
    // 全县新招录乡村医生123人, 改扩建乡镇卫生院12所: those a verb right before the measure
    // took on or worked on.
    let recruited_before = |h: &Hit| {
        let before = s.slice(clause.min(h.start), h.start).trim_end();
        RECRUITING
            .iter()
            .chain(&[
                "改扩建",
                "改造",
                "扩建",
                "新建",
                "迁建",
                "提质改造",
                "标准化建设",
                // An inspection's (查处违规医疗机构7家, 检查医疗机构56家).
                "查处",
                "违规",
                "处罚",
                "检查",
                "抽查",
            ])
            .chain(SURVEYED)
            .any(|v| before.ends_with(v))
            // The items listed after a survey's first (走访乡镇卫生院15个、村卫生室42个).
            || clause > 0
                && sc[clause - 1] == '、'
                && SURVEYED.iter().any(|v| {
                    s.slice(crate::segment::list_start(sc, clause), clause)
                        .contains(v)
                })
    };
    // 新招录卫生专业技术人员32名: the recruiting verb's own phrase (招录, 公开招聘) names what the
    // count measures, those it took on.
    let recruiting_phrase = |h: &Hit| -> Option<&'h Hit> {
        s.hits.iter().rev().find(|o| {
            is_measure(o)
                && o.end <= h.start
                && s.slice(o.end, h.start).trim().is_empty()
                && RECRUITING
                    .iter()
                    .any(|v| s.slice(o.start, o.end).ends_with(v))
        })
    };
    let before = match before {
        Some(h) if part_of(h) || listed(h) => None,
        Some(h) if recruited_before(h) => recruiting_phrase(h),
        other => other,
    };
    (after.filter(|h| !lists_on(h) && !recruited), before)
}

/// Whether the words before a count end with a verb that acts on what it counts (完成18所乡镇卫生院
/// 标准化建设, 在12个村卫生室开展): the count is those worked on, not all there are. 全县 and 了
/// between the verb and the number change nothing.
fn worked_on(before: &str) -> bool {
    let mut rest = before.trim_end();
    loop {
        let trimmed = WHOLE_AREA
            .iter()
            .chain(&["了", "共", "计"])
            .find_map(|w| rest.strip_suffix(w));
        match trimmed {
            Some(r) => rest = r.trim_end(),
            None => break,
        }
    }
    WORKED_ON.iter().any(|w| rest.ends_with(w))
}

/// Where the clause of a number starts when its own clause is only a copula after a superlative
/// (崆峒区签约覆盖率最高,为52.3%): the clause before, which names the place and the measure.
fn continued_clause(sc: &[char], clause: usize, at: usize) -> usize {
    // A parenthesis that closes before the number, however long, is an aside to the words
    // before it (乡村医生(含在村卫生室执业的执业(助理)医师,下同)210人): the clause is the one it
    // stands in, over any comma inside it.
    let aside = clause > 0
        && (matches!(sc[clause - 1], ')' | '）')
            || matches!(sc[clause - 1], ',' | '，')
                && sc[clause..at].iter().any(|c| matches!(c, ')' | '）')));
    if aside && let Some(open) = unclosed_parenthesis(sc, clause - 1) {
        return clause_start(sc, 0, open);
    }
    if clause == 0 || sc[clause - 1] != ',' && sc[clause - 1] != '，' {
        return clause;
    }
    let own: String = sc[clause..at]
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    // 孕产妇系统管理率达到95.1%,较2022年的93.2%: that year's level of the measure before; 签约服务
    // 覆盖率:目标值40%,完成值42.3%: what was reached of the aim before.
    let reached = matches!(
        own.as_str(),
        "完成值" | "实际值" | "完成" | "实际完成" | "实际完成值" | "完成情况"
    ) && sc[clause_start(sc, 0, clause - 1)..clause]
        .windows(2)
        .any(|w| w == ['目', '标']);
    if from_to::compares_with_year(&own) || reached {
        return clause_start(sc, 0, clause - 1);
    }
    if !matches!(own.as_str(), "为" | "是" | "达" | "达到") {
        return clause;
    }
    let before: String = sc[..clause - 1].iter().collect();
    if SUPERLATIVES.iter().any(|w| before.ends_with(w)) {
        clause_start(sc, 0, clause - 1)
    } else {
        clause
    }
}

/// The parenthesis left open before `end` in its sentence part (not closed before `end`).
fn unclosed_parenthesis(sc: &[char], end: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..end).rev() {
        match sc[i] {
            ')' | '）' => depth += 1,
            '(' | '（' if depth == 0 => return Some(i),
            '(' | '（' => depth -= 1,
            '。' | '；' | ';' => return None,
            _ => {}
        }
    }
    None
}

/// A clause of the year before's level of the measure before it (上年为5.71张).
const PREVIOUS_LEVEL: &[&str] = &[
    "(上年",
    "(去年",
    "较上年的",
    "上年为",
    "上年是",
    "去年为",
    "上年末为",
    "上年同期为",
    "去年同期为",
];

/// Words that end a clause ranking its subject, the value following after a comma.
const SUPERLATIVES: &[&str] = &[
    "最高", "最低", "最多", "最少", "最快", "最大", "居首", "第一",
];

/// Diseases of their own, whose incidence no catalog measure names (only the class A/B total and
/// tuberculosis have one).
const OTHER_DISEASES: &[&str] = &[
    "肝炎",
    "丙类",
    "手足口病",
    "梅毒",
    "艾滋病",
    "布病",
    "布鲁氏菌病",
    "痢疾",
    "流感",
    "流行性感冒",
    "水痘",
    "腮腺炎",
    "猩红热",
    "感染性腹泻",
    "淋病",
    "狂犬病",
    "登革热",
    "疟疾",
    "麻疹",
];

/// Verbs of a survey or a visit: the places they count are its sample (实地走访乡镇卫生院15个,
/// 调研村卫生室42个), not all there are.
const SURVEYED: &[&str] = &["走访", "调研", "暗访", "督导"];

/// Words between a measure and its number that make the number a shortfall (缺口, 缺编), or
/// what is still needed (尚需投入2.3亿元), not what there is or was put in.
const SHORTFALL: &[&str] = &[
    "缺口", "缺编", "短缺", "缺少", "空编", "尚缺", "还缺", "尚需", "还需",
];

/// Words after a counted noun that say those counted lack something or did wrong (5所乡镇卫生院
/// 业务用房面积不达标, 3个村卫生室尚无乡村医生, 4家民营医院存在诱导住院): never all there are.
const LACKING: &[&str] = &[
    "存在",
    "涉嫌",
    "违规",
    "不达标",
    "未达到",
    "未达标",
    "不足",
    "没有",
    "尚无",
    "尚未",
    "不符合",
    "不能",
    "无法",
    "缺少",
    "缺乏",
];

/// Whether a count listed after others that a verb acts on is worked on too: in 覆盖了8个镇卫生院和
/// 126个村卫生室 (or 、126个村卫生室) the second count is also those covered. Each item before it
/// is a number, its measure word and a noun.
fn worked_on_in_list(s: &Sentence, clause: usize, num_start: usize) -> bool {
    let start = s.chars[..clause]
        .iter()
        .rposition(|&c| "，,。；;：:！".contains(c))
        .map_or(0, |i| i + 1);
    let mut rest: Vec<char> = s.slice(start, num_start).trim_end().chars().collect();
    for _ in 0..8 {
        let Some(r) = ["以及", "和", "及", "与", "、"].iter().find_map(|w| {
            let w: Vec<char> = w.chars().collect();
            rest.ends_with(&w).then(|| rest.len() - w.len())
        }) else {
            return false;
        };
        rest.truncate(r);
        let noun = rest
            .iter()
            .rev()
            .take_while(|c| !c.is_ascii_digit())
            .count();
        if noun == 0 || noun > 12 || noun == rest.len() {
            return false;
        }
        if !rest[rest.len() - noun..]
            .iter()
            .all(|&c| crate::lexicon::is_han(c))
        {
            return false;
        }
        let mut k = rest.len() - noun;
        while k > 0 && (rest[k - 1].is_ascii_digit() || rest[k - 1] == '.') {
            k -= 1;
        }
        rest.truncate(k);
        let text: String = rest.iter().collect();
        if worked_on(&text) {
            return true;
        }
    }
    false
}

/// Names the quantity by the phrase it is tied to: a catalog phrase names its indicator; a
/// generic phrase (规范管理率) the indicator of its subject, when the clause or the sentence
/// before names one.
fn name_by_phrase(
    m: &PhraseMatcher,
    q: &Quantity,
    s: &Sentence,
    clause: usize,
    h: &Hit,
    naming: &mut Naming,
) {
    let sc = s.chars;
    naming.indicator_text = Some(sc[h.start..h.end].iter().collect::<String>());
    match &h.target {
        Target::Indicator { index } => {
            naming.indicator_id = Some(m.indicator_id(*index));
        }
        Target::Generic { phrase } => {
            let from = clause.min(h.start);
            // A disease named after the subject (1. 病毒性肝炎:报告412例,发病率89.82/10万 after
            // the 甲乙类 total) is what the incidence is of, and no measure of the catalog.
            // So is one class of them (乙类传染病:…报告发病率为24.56/10万), not 甲乙类.
            let other_disease = |subject: &str| {
                let before = s.slice(0, h.start);
                let subject_at = before.rfind(subject);
                // A subject listed among diseases (居前三位的是病毒性肝炎、梅毒、肺结核) is one of
                // a ranking, not what the rate is of.
                if subject_at.is_some_and(|k| before[..k].ends_with('、')) {
                    return true;
                }
                let one_class = ["乙类", "甲类"].iter().filter_map(|w| {
                    before
                        .match_indices(w)
                        .filter(|(at, _)| {
                            !before[..*at].ends_with(['甲', '、'])
                                && !before[at + w.len()..].starts_with(['乙', '、'])
                        })
                        .map(|(at, _)| at)
                        .last()
                });
                OTHER_DISEASES
                    .iter()
                    .filter_map(|d| before.rfind(d))
                    .chain(one_class)
                    .any(|at| subject_at.is_none_or(|k| at > k))
            };
            if let Some((ind, subj)) = m
                .resolve_generic(phrase, sc, from, h.start, s.prev)
                .filter(|(_, subj)| !phrase.contains("发病率") || !other_disease(subj))
            {
                naming.indicator_id = Some(m.indicator_id(ind));
                naming.subject = Some(subj);
                naming.rule = Rule::GenericSubject;
            } else {
                // 远程会诊覆盖率: the clause names the measure, not the generic phrase alone.
                naming.rule = Rule::GenericUnresolved;
                naming.indicator_text = describe_before(sc, clause, q.start);
            }
        }
        Target::Region(_) => {}
    }
}

/// 5所乡镇卫生院建成了规范化的中医馆: the institutions that did something are a part of the total
/// the catalog phrase `a` after the number names; the fact is named by the whole description
/// instead, or by the facility they have when the catalog counts it, one each. 全县148家村卫生室
/// 完成改造 still counts them all. So are the institutions a verb before the count acts on
/// (完成18所乡镇卫生院标准化建设).
fn name_qualified_count(
    m: &PhraseMatcher,
    s: &Sentence,
    q: &Quantity,
    clause: usize,
    a: &Hit,
    naming: &mut Naming,
) {
    let sc = s.chars;
    let whole = WHOLE_AREA
        .iter()
        .any(|w| contains_word(&sc[clause..q.num_start], w))
        && ALL_OF_THEM
            .iter()
            .any(|w| crate::lexicon::after_word(sc, a.end, w).is_some());
    if whole {
        return;
    }
    // 实施5个乡镇卫生院改扩建项目: what is counted is projects.
    let clause_end = (a.end..sc.len())
        .find(|&i| separates_clauses(sc[i]))
        .unwrap_or(sc.len());
    let rest = s.slice(a.end, clause_end);
    let projects = rest.chars().count() <= 8 && (rest.ends_with("项目") || rest.ends_with("工程"));
    // 全县有5所乡镇卫生院业务用房面积不达标: those that lack something are never all there are.
    let lacking = LACKING.iter().any(|w| rest.contains(w));
    let worked = projects
        || lacking
        || worked_on(s.slice(clause, q.num_start))
        || worked_on_in_list(s, clause, q.num_start);
    let Some(described) = qualified_count(sc, a.start, a.end).or_else(|| {
        // 完成18所乡镇卫生院标准化建设: the noun and the rest of its clause.
        worked.then(|| {
            let stop = (a.end..sc.len())
                .find(|&i| separates_clauses(sc[i]))
                .unwrap_or(sc.len())
                .min(a.end + 24);
            sc[a.start..stop].iter().collect()
        })
    }) else {
        return;
    };
    let object = s.hits.iter().find(|o| {
        o.start >= a.end
            && o.end <= clause_end
            && (BUILT.iter().any(|w| contains_word(&sc[a.end..o.start], w))
                // 6家乡镇卫生院达到服务能力推荐标准: the verb opens the phrase, whose standard
                // is a township centre's (a community centre's is none of the catalog's).
                || o.start == a.end
                    && BUILT.iter().any(|w| s.slice(o.start, o.end).starts_with(w))
                    && match o.target {
                        Target::Indicator { index } => {
                            !m.indicator_id(index).starts_with("thc_")
                                || s.slice(a.start, a.end).ends_with("卫生院")
                        }
                        _ => false,
                    })
            && o.target != a.target
            && matches!(o.target, Target::Indicator { .. })
            && m.unit_fits(&o.target, Unit::Institution)
            // 达到三级医院服务能力: a level of capability reached, not a kind become.
            && !["服务能力", "能力", "水平", "标准"].iter().any(|w| {
                s.slice(o.end, (o.end + w.chars().count()).min(sc.len())) == *w
            })
    });
    if let Some(Hit {
        target: Target::Indicator { index },
        ..
    }) = object
    {
        naming.indicator_id = Some(m.indicator_id(*index));
        naming.rule = Rule::CountedObject;
    } else {
        naming.indicator_id = None;
        naming.rule = Rule::QualifiedCount;
    }
    naming.indicator_text = Some(described);
}

/// The catalog phrase right after the number and its measure word (91家村卫生室), and the closest
/// phrase before the number in its clause whose unit fits.
fn candidate_phrases<'h>(
    m: &PhraseMatcher,
    q: &Quantity,
    s: &Sentence<'h>,
    clause: usize,
) -> (Option<&'h Hit>, Option<&'h Hit>) {
    let (sc, hits) = (s.chars, s.hits);
    // The noun right after the number and its measure word: 91家村卫生室, 3家的医院. A word
    // between them narrows the noun (28名骨干医师 are not all the doctors).
    let after = hits.iter().find(|h| {
        h.start >= q.end
            && sc[q.end..h.start].iter().all(|&c| c == '的')
            && h.start <= q.end + 1
            && matches!(h.target, Target::Indicator { .. })
            && m.unit_fits(&h.target, q.unit)
            && q.unit != Unit::Percent
    });
    // 260个标准化村卫生室: the count has its own noun after it, narrowed by the words between;
    // it counts that, not a phrase before it.
    let own_noun = hits.iter().any(|h| {
        h.start > q.end
            && h.start <= q.end + 4
            && matches!(h.target, Target::Indicator { .. })
            && sc[q.end..h.start].iter().all(|&c| {
                !separates_clauses(c)
                    && !c.is_whitespace()
                    && !c.is_ascii_digit()
                    && !matches!(c, '和' | '及' | '与' | '、' | '的' | '；' | ';' | '。')
            })
    });
    // 县医院两个危重孕产妇救治中心, 2个重点专科: a count in 个 of a noun after it that names
    // centres, specialties or projects counts those, not the phrase before it.
    let own_noun = own_noun
        || q.end > 0 && sc[q.end - 1] == '个' && {
            let rest: String = sc[q.end..sc.len().min(q.end + 12)]
                .iter()
                .take_while(|&&c| {
                    !separates_clauses(c) && !matches!(c, '、' | '和' | '及' | '与' | '。')
                })
                .collect();
            rest.starts_with(|c: char| crate::lexicon::is_han(c))
                && [
                    "中心",
                    "专科",
                    "科室",
                    "工作室",
                    "基地",
                    "平台",
                    "项目",
                    "工程",
                ]
                .iter()
                .any(|w| rest.contains(w))
        };
    let before = hits
        .iter()
        .filter(|_| !own_noun || matches!(q.unit, Unit::Percent | Unit::Yuan))
        // A phrase holding a separator (医院、卫生院) may start before the clause it ends in.
        .filter(|h| {
            h.end <= q.num_start
                && (h.start >= clause || h.end > clause)
                && !matches!(h.target, Target::Region(_))
        })
        // 孕产妇死亡率为0: zero needs no unit, so a bare 0 may state a rate too.
        .filter(|h| m.unit_fits(&h.target, q.unit) || (q.unit == Unit::None && q.value == 0.0))
        // 卫生院(含社区卫生服务中心)14个 counts 卫生院: a phrase inside a parenthesis closed before
        // the number only qualifies the words before it.
        .filter(|h| !inside_closed_parenthesis(sc, clause, h, q.num_start))
        .max_by_key(|h| h.end)
        .filter(|h| q.unit != Unit::Percent || !matcher::qualified_elsewhere(h, sc, clause, hits))
        // A count names its measure close by: 建档人数为300644人, not 签约服务需救治3642人; both
        // levels of 床位数由上年的6.52张增加到6.84张 are its. A rate, in any of its units, may
        // stand further (婴儿死亡率:目标值≤5‰,实际完成值2.94‰).
        .filter(|h| {
            let gap = &sc[h.end.min(q.num_start)..q.num_start];
            matches!(
                q.unit,
                Unit::Percent | Unit::Permille | Unit::Per100k | Unit::Yuan
            )
                || gap_outside_parentheses(gap) <= 4
                || from_to::bridges(gap)
                // 实有床位5840张,较2022年的5502张: the level compared with is the measure's too.
                || {
                    let g: String = gap.iter().collect();
                    g.rfind([',', '，']).is_some_and(|k| {
                        g[..k].chars().count() <= 14
                            && from_to::compares_with_year(g[k..].trim_start_matches([',', '，']))
                    })
                }
                || (q.unit == Unit::Person && people_of(gap))
                // 招聘乡镇卫生院医务人员86名: a recruiting verb, then who was taken on.
                || q.unit == Unit::Person && {
                    let verb: String = sc[h.start..h.end].iter().collect();
                    let who: String = gap.iter().collect();
                    RECRUITING.iter().any(|v| verb.ends_with(v))
                        && who.chars().count() <= 12
                        && who.chars().all(crate::lexicon::is_han)
                        && ["人员", "医生", "医师", "护士", "人才", "医学生", "村医"]
                            .iter()
                            .any(|w| who.ends_with(w))
                }
        });
    (after, before)
}

/// Whether the words between a measure and a count of people only say who they are
/// (参加新型农村合作医疗的农民达到38.6万人, 签约的居民共12万人): the measure names the count.
fn people_of(gap: &[char]) -> bool {
    const PEOPLE: &[&str] = &["农民", "农牧民", "农业人口", "居民", "群众", "人口", "人数"];
    let gap: String = gap.iter().collect();
    gap.strip_prefix('的').is_some_and(|rest| {
        PEOPLE.iter().any(|p| {
            rest.strip_prefix(p).is_some_and(|verb| {
                verb.chars().count() <= 3 && !verb.contains(['，', ',', '、', '中'])
            })
        })
    })
}

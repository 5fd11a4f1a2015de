//! Actual or target: whether a number states what was achieved or what is aimed for.

use crate::lexicon::{CLAUSE_TARGET_WORDS, DOCUMENT_VERBS, PROGRAMME_NAMES, TARGET_WORDS, WordSet};

pub use countypanel_core::vocab::Kind;

/// [`kind_in_sentence`] of a prefix searched whole (the unit tests' form).
#[cfg(test)]
pub(crate) fn kind_of(prefix: &str, clause: &str, plan_section: bool) -> Kind {
    kind_in_sentence(prefix, clause, plan_section, Some(0), None)
}

/// The kind of a number from the words before it: `prefix` is its sentence up to the number,
/// `clause` its clause up to the number; in a plan section every number is a target but what
/// stands now (全县现有…) or was reached beside an aim (目标值40%,完成值42.3%).
/// `target_end` is where the sentence's first target word ends, in bytes (`None`: it holds
/// none), found once for all its numbers: a prefix shorter than that holds no target word and
/// is not searched again. A deadline (到2025年) before the year of publication dates a state
/// reached (a plan's review: 到2020年底,全县共有医疗卫生机构386个), not an aim.
pub(crate) fn kind_in_sentence(
    prefix: &str,
    clause: &str,
    plan_section: bool,
    target_end: Option<usize>,
    published: Option<i32>,
) -> Kind {
    let may_hold_target = target_end.is_some_and(|end| end <= prefix.len());
    let deadline = to_year(prefix).is_some_and(|y| published.is_none_or(|p| y >= p));
    let target = plan_section
        || (may_hold_target && has_target_word(prefix, &TARGETS))
        || has_target_word(clause, &CLAUSE_TARGETS)
        || deadline;
    // 目标值40%,完成值42.3%: the value after the last of them says which.
    if let Some(done) = ["完成值", "实际值", "实际完成"]
        .iter()
        .filter_map(|w| clause.rfind(w))
        .max()
        && clause.rfind("目标值").is_none_or(|aim| aim < done)
    {
        return Kind::Actual;
    }
    // 计划完成…, 实际完成… in one sentence: each clause says which its number is.
    // (实际开放床位 is a measure, not a report of what was done.)
    if ["实际完成", "实际达到", "实际为", "实际实现"]
        .iter()
        .any(|w| clause.contains(w))
    {
        return Kind::Actual;
    }
    // 按计划完成, 如期完成: the plan was kept, the number is achieved.
    let kept = ["按计划", "如期", "超计划", "提前"]
        .iter()
        .any(|w| clause.contains(w));
    if !kept && (clause.contains("计划完成") || clause.contains("计划为")) {
        return Kind::Target;
    }
    // 卫生健康支出预算7.9亿元: a budget is what the year is to spend; 预算执行 and 完成预算 report
    // what was spent.
    let own = clause.trim_end();
    if ["预算", "预算安排", "预算为", "预算数", "安排预算"]
        .iter()
        .any(|w| own.ends_with(w))
        && !clause.contains("执行")
        && !clause.contains("完成")
    {
        return Kind::Target;
    }
    // A recommendation of a level (建议…参保率稳定在95%以上) is an aim proposed; 办理建议36件
    // counts proposals.
    if clause.match_indices("建议").any(|(at, _)| {
        let after = &clause[at + "建议".len()..];
        ["稳定在", "达到", "提高到", "控制在", "不低于", "保持在"]
            .iter()
            .any(|w| after.contains(w))
    }) {
        return Kind::Target;
    }
    // 全县现有家庭医生团队168个 in a plan's section: what there is now, not an aim (在现有基础上
    // 新增… still aims).
    if plan_section
        && clause.match_indices("现有").any(|(at, _)| {
            // 现有 opens the clause, after its place or 目前 at most (将现有5个乡镇卫生院提升为…
            // works on them).
            let opener = clause[..at]
                .replace("全县", "")
                .replace("我县", "")
                .replace("目前", "");
            opener.trim().is_empty() && !clause[at + "现有".len()..].starts_with("基础")
        })
    {
        return Kind::Actual;
    }
    // 全年目标任务:完成…筛查8000人: what a label of aims introduces is aimed for, its 完成 the
    // task's verb.
    let label = prefix.rfind([':', '：']).map(|at| prefix[..at].trim_end());
    if !clause.contains('已')
        && label.is_some_and(|l| ["目标", "目标任务", "任务"].iter().any(|w| l.ends_with(w)))
    {
        return Kind::Target;
    }
    // 2016年以来,全县累计投入…3.26亿元 under a plan's heading: what was put in since.
    if plan_section
        && prefix.contains("年以来")
        && clause.contains("累计")
        && !deadline
        && !has_target_word(clause, &TARGETS)
        && !has_target_word(clause, &CLAUSE_TARGETS)
    {
        return Kind::Actual;
    }
    // 2024年度…补助标准已提高至670元 under a plan's heading: what was already done.
    if plan_section
        && clause.match_indices('已').any(|(at, _)| {
            let after = &clause[at + '已'.len_utf8()..];
            [
                "提高至",
                "提高到",
                "调整为",
                "调整至",
                "达到",
                "完成",
                "建成",
            ]
            .iter()
            .any(|w| after.starts_with(w))
        })
    {
        return Kind::Actual;
    }
    // 已…/完成… in its own clause: the aim was reached, the number is achieved.
    if target && !plan_section && (clause.contains('已') || clause.contains("完成")) {
        Kind::Actual
    } else if target {
        Kind::Target
    } else {
        Kind::Actual
    }
}

/// Whether `text` holds one of `words`, programme names (计划生育, 免疫规划) not counting.
/// A target word that names a document rather than an aim (列入…规划, 按照…计划, 制定…目标) does
/// not count.
pub(crate) fn has_target_word(text: &str, words: &WordSet) -> bool {
    if !words.in_text(text) {
        return false;
    }
    let mut text = std::borrow::Cow::Borrowed(text);
    if PROGRAMMES.in_text(&text) {
        for name in PROGRAMME_NAMES {
            if text.contains(name) {
                text = text.replace(name, "").into();
            }
        }
    }
    words.starts(&text).any(|pos| {
        // The twelve characters before the word.
        let from = text[..pos]
            .char_indices()
            .rev()
            .nth(11)
            .map_or(0, |(i, _)| i);
        !DOCUMENT_VERB_SET.in_text(&text[from..pos]) && !secures_funds(&text[pos..])
    })
}

/// Whether `text`, opening with a target word, is 争取 naming funds right before their amount
/// (争取中央预算内投资2400万元, 争取上级资金4.3亿元): funds obtained, as a review reports them (in a
/// plan's section every number is aimed for all the same). 争取新上项目2个 and 积极争取国家资金,
/// 完成… still aim.
fn secures_funds(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("争取") else {
        return false;
    };
    // The amount ends the words (the number is next) or follows in the same clause.
    let clause = rest
        .split(['，', ',', '。', '；', ';'])
        .next()
        .unwrap_or(rest);
    let noun = match clause.find(|c: char| c.is_ascii_digit()) {
        Some(at) => &clause[..at],
        None if clause.len() == rest.len() => clause,
        None => return false,
    };
    noun.chars().count() <= 14
        && crate::lexicon::SECURED_FUNDS
            .iter()
            .any(|w| noun.trim_end().ends_with(w))
}

static TARGETS: WordSet = WordSet::new(TARGET_WORDS);
static CLAUSE_TARGETS: WordSet = WordSet::new(CLAUSE_TARGET_WORDS);
static PROGRAMMES: WordSet = WordSet::new(PROGRAMME_NAMES);
static DOCUMENT_VERB_SET: WordSet = WordSet::new(DOCUMENT_VERBS);
/// The words of a heading that opens a plan section.
pub(crate) static PLAN_HEADING_SET: WordSet = WordSet::new(crate::lexicon::PLAN_HEADINGS);

/// Where the first target word of `text` ends (in bytes), if it holds one.
#[cfg(test)]
pub(crate) fn first_target_end(text: &str) -> Option<usize> {
    TARGETS.first_end(text)
}

/// Where the target words stand in a document (byte ranges by their end, as an overlapping
/// search reports them), found in the document's one search.
#[derive(Debug, Default)]
pub(crate) struct TargetWords {
    spans: Vec<(usize, usize)>,
}

impl TargetWords {
    /// The spans, ordered by their end.
    pub(crate) fn new(spans: Vec<(usize, usize)>) -> Self {
        debug_assert!(spans.is_sorted_by_key(|&(_, e)| e));
        Self { spans }
    }

    /// Where the first target word of the part `from..to` of the document ends, counted from
    /// `from` (what [`WordSet::first_end`] of the part says): the earliest end of a word that
    /// lies inside the part.
    pub(crate) fn first_end(&self, from: usize, to: usize) -> Option<usize> {
        let first = self.spans.partition_point(|&(_, e)| e <= from);
        self.spans[first..]
            .iter()
            .take_while(|&&(_, e)| e <= to)
            .find(|&&(s, _)| s >= from)
            .map(|&(_, e)| e - from)
    }
}

/// 到2025年 / 至2025年 before the number: a deadline, the year it names.
fn to_year(prefix: &str) -> Option<i32> {
    if !prefix.contains(['到', '至']) {
        return None;
    }
    for marker in ["到", "至"] {
        for (pos, _) in prefix.match_indices(marker) {
            // 截至 / 截止到 date a status, they set no deadline.
            if prefix[..pos].ends_with(['截', '止']) {
                continue;
            }
            let rest = &prefix[pos + marker.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            // 由2020年的78.5%提高到2023年的89.2%: a level dated, not a deadline (a later year
            // is aimed for all the same, see `bind::kind_and_year`).
            if digits.len() == 4
                && rest[digits.len()..].starts_with('年')
                && !rest[digits.len()..].starts_with("年的")
                && !states_what_there_is(&rest[digits.len() + '年'.len_utf8()..])
            {
                return digits.parse().ok();
            }
        }
    }
    None
}

/// Whether the words after a deadline's year state what there is (至2010年末,全县共有医疗卫生机构
/// 378个, a chronicle's or a review's year-end count): the year dates a stock, it sets no aim.
fn states_what_there_is(after_year: &str) -> bool {
    let rest = after_year
        .trim_start_matches(['末', '底'])
        .trim_start_matches([',', '，', ' ']);
    let rest = crate::lexicon::WHOLE_AREA
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    // (Not a bare 有: 到2025年,全县有10个乡镇卫生院达到推荐标准 aims.)
    ["共有", "现有", "拥有"].iter().any(|w| rest.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_words_deadlines_and_programme_names() {
        assert_eq!(kind_of("力争", "力争", false), Kind::Target);
        assert_eq!(
            kind_of("到2025年,全县", "到2025年,全县", false),
            Kind::Target
        );
        assert_eq!(kind_of("截至2025年,全县", "全县", false), Kind::Actual);
        // A year-end count after 至 dates a stock.
        assert_eq!(
            kind_of(
                "至2010年末,全县共有医疗卫生机构",
                "全县共有医疗卫生机构",
                false
            ),
            Kind::Actual
        );
        assert_eq!(kind_of("到2025年,全县有", "全县有", false), Kind::Target);
        assert_eq!(kind_of("计划生育服务", "计划生育服务", false), Kind::Actual);
        assert_eq!(
            kind_of("计划免疫接种率", "计划免疫接种率", false),
            Kind::Actual
        );
        assert_eq!(kind_of("", "", true), Kind::Target);
        // Funds obtained, and the sentence's amounts after them; aims with a verb stay aims.
        assert_eq!(
            kind_of("争取中央预算内投资", "争取中央预算内投资", false),
            Kind::Actual
        );
        assert_eq!(
            kind_of(
                "争取中央预算内投资2400万元,实施门诊楼建设项目,总投资",
                "总投资",
                false
            ),
            Kind::Actual
        );
        assert_eq!(
            kind_of("年内争取新上项目", "年内争取新上项目", false),
            Kind::Target
        );
        assert_eq!(
            kind_of(
                "积极争取国家建设工程资金,完成2个工程,总计投资",
                "总计投资",
                false
            ),
            Kind::Target
        );
        assert_eq!(
            kind_of("争取中央预算内投资", "争取中央预算内投资", true),
            Kind::Target
        );
        assert_eq!(
            kind_of(
                "该县把卫生院建设列入新农村建设整体规划中,一是投资",
                "一是投资",
                false
            ),
            Kind::Actual
        );
    }

    #[test]
    fn a_clause_word_is_a_target_only_inside_its_clause() {
        assert_eq!(kind_of("需救治", "需救治", false), Kind::Target);
        assert_eq!(kind_of("需救治100人,已救治", "已救治", false), Kind::Actual);
        assert_eq!(kind_of("计划", "已完成", false), Kind::Actual);
        assert_eq!(
            kind_of(
                "全年目标任务:完成农村妇女两癌筛查",
                "完成农村妇女两癌筛查",
                false
            ),
            Kind::Target
        );
        assert_eq!(
            kind_of("推进情况:已完成筛查", "已完成筛查", false),
            Kind::Actual
        );
        assert_eq!(
            kind_of("全年目标任务:完成两癌筛查8000人,已完成", "已完成", false),
            Kind::Actual
        );
        assert_eq!(
            kind_of("补助标准已提高至", "补助标准已提高至", true),
            Kind::Actual
        );
        assert_eq!(
            kind_of("2016年以来,全县累计投入", "全县累计投入", true),
            Kind::Actual
        );
        assert_eq!(
            kind_of(
                "2021年以来,全县累计培养全科医生86名,力争到2025年累计达到",
                "力争到2025年累计达到",
                true
            ),
            Kind::Target
        );
    }
}

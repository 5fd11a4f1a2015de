//! Naming: what a number measures when no catalog phrase names it, what a count counts, and
//! which numbers are parts of names or slogans rather than facts.

use countypanel_core::vocab::Unit as UnitCode;
use countypanel_zhnum::{Quantity, Unit};

use crate::Fact;
use crate::lexicon::{
    COUNT_KINDS, LEADING_SCOPE, PREDICATE_ADVERBS, QUALIFYING_PREDICATES, SERVICE_VERBS,
    TRAILING_VERBS, after_word,
};
use crate::segment::{clause_start, separates_clauses};

/// Names the measure of facts that match no catalog phrase: the words before the number (verbs
/// and fillers trimmed) and, for counts, the noun after the measure word (5支医疗技术服务队). A bare
/// measure at the start of a clause (报告率100%, 转诊人数165人) takes the subject of the clause
/// before it (疑似结核病患者165人).
pub(crate) fn name_uncatalogued(facts: &mut [Fact], sc: &[char], offset: usize) {
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
        let after = if f.unit == UnitCode::Percent {
            // 40%的要达到基本标准: what the share reaches is said after it.
            share_described_after(sc, f.char_end.saturating_sub(offset))
        } else if matches!(
            f.unit,
            UnitCode::Yuan | UnitCode::PercentagePoint | UnitCode::PerMille | UnitCode::Per100k
        ) {
            String::new()
        } else {
            noun_after(sc, f.char_end.saturating_sub(offset))
        };
        // A description that runs past the number (乡镇卫生院标准化建设) already holds the noun after it.
        let after = if after.chars().count() >= 2 && before.ends_with(after.as_str()) {
            String::new()
        } else {
            after
        };
        // Four characters or fewer (已救治, 报告率, 团队成员) rarely name their subject.
        let bare = before.chars().count() <= 4;
        if bare {
            if f.subject.is_none() {
                f.subject.clone_from(&carried);
            }
            if f.subject.is_none() {
                f.subject = subject_before(sc, f.char_start.saturating_sub(offset).min(sc.len()));
            }
        } else {
            carried = Some(before.clone());
        }
        let mut naming = format!("{}{after}", object_first(before, f.unit));
        // Name the measure as indicator names are formed: 孕产妇管理 counted in 人 is 孕产妇管理人数.
        if !naming.is_empty()
            && !["率", "数", "额", "次", "比例"]
                .iter()
                .any(|e| naming.ends_with(e))
        {
            let suffix = measure_suffix(&f.value_text, f.unit, &naming);
            naming.push_str(&suffix);
        }
        f.indicator_text = (!naming.is_empty()).then_some(naming);
        previous = Some((f.indicator_text.clone(), f.subject.clone()));
    }
}

/// No earlier fact in the sentence: the nearest comma-separated stretch before the clause at
/// `q_start` that is more than a bare measure names the subject (three stretches back at most).
fn subject_before(sc: &[char], q_start: usize) -> Option<String> {
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
            return Some(text);
        }
        end = start;
    }
    None
}

/// Indicator names put the object first: 管理高血压 25987人 is 高血压管理人数.
fn object_first(before: String, unit: UnitCode) -> String {
    match SERVICE_VERBS.iter().find(|v| before.starts_with(*v)) {
        Some(verb) if matches!(unit, UnitCode::Person | UnitCode::PersonTime) => {
            let object = &before[verb.len()..];
            if object.chars().count() >= 2 {
                format!("{object}{verb}")
            } else {
                before
            }
        }
        _ => before,
    }
}

/// The word that makes a naming a measure by its unit: 人数, 人次, 金额, 比例; event counts name
/// their measure word (坐诊2000次 is 坐诊次数, 出动426台次 出动台次).
fn measure_suffix(value_text: &str, unit: UnitCode, naming: &str) -> String {
    let measure: String = value_text
        .trim_end_matches(['以', '上', '下', '余', '多', '左', '右'])
        .chars()
        .rev()
        .take_while(|c| !c.is_ascii_digit() && !matches!(c, '万' | '亿' | '千' | '百'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    match unit {
        UnitCode::Person => "人数".to_string(),
        UnitCode::PersonTime => "人次".to_string(),
        UnitCode::Yuan => "金额".to_string(),
        // 起付线降低50% reads 起付线降低比例.
        UnitCode::Percent if !naming.ends_with("幅度") => "比例".to_string(),
        UnitCode::Percent | UnitCode::PercentagePoint | UnitCode::PerMille | UnitCode::Per100k => {
            String::new()
        }
        UnitCode::Other if measure == "次" => "次数".to_string(),
        UnitCode::Other if measure.ends_with('次') => measure,
        _ => "数".to_string(),
    }
}

/// Removes the scope words that open a clause (全县, 其中, 共) from a naming.
pub(crate) fn strip_leading_scope(text: &str) -> String {
    let mut rest = text.trim();
    loop {
        let before = rest;
        for w in LEADING_SCOPE {
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
pub(crate) fn noun_after(sc: &[char], at: usize) -> String {
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

/// What a share is of when the sentence says it after the number: 40%的要达到基本标准,
/// 100%基层医疗机构中医馆达到建设标准. The rest of the clause, when it reaches or achieves
/// something; empty otherwise.
pub(crate) fn share_described_after(sc: &[char], at: usize) -> String {
    let mut k = at.min(sc.len());
    for lead in ["以上", "的", "要"] {
        k = after_word(sc, k, lead).unwrap_or(k);
    }
    let stop = (k..sc.len())
        .find(|&i| separates_clauses(sc[i]) && !matches!(sc[i], '(' | ')' | '（' | '）'))
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

/// The description of a qualified count whose noun spans `start..end` of the sentence: the noun
/// and the predicate after it to the end of the clause (a parenthesis and 均/都/已/相继 skipped).
pub(crate) fn qualified_count(sc: &[char], start: usize, end: usize) -> Option<String> {
    let mut k = end;
    if matches!(sc.get(k), Some('(' | '（')) {
        k += sc[k..].iter().position(|&c| matches!(c, ')' | '）'))? + 1;
    }
    if let Some(after) = PREDICATE_ADVERBS
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
        .find(|&i| separates_clauses(sc[i]))
        .unwrap_or(sc.len())
        .min(k + 24);
    let noun: String = sc[start..end].iter().collect();
    let predicate: String = sc[k..stop].iter().collect();
    Some(format!("{noun}{predicate}"))
}

/// A Chinese numeral inside a slogan or a name (三个一批, “三做实三推进”, 两癌): the measure word is
/// followed by another numeral, or the numeral sits inside short quotes.
pub(crate) fn is_slogan(sc: &[char], q: &Quantity) -> bool {
    let next = sc.get(q.end).copied();
    // 孕产妇死亡率为零: a zero written out after 为 or 是 that closes its clause is a value.
    let closes = next.is_none_or(|c| separates_clauses(c) || "。；;！".contains(c));
    if q.value == 0.0 && q.start >= 1 && matches!(sc[q.start - 1], '为' | '是') && closes {
        return false;
    }
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
pub(crate) fn count_unit_from_noun(
    sc: &[char],
    clause: usize,
    start: usize,
    at: usize,
) -> UnitCode {
    // The kind whose word ends closest to the number: last in `before`, first in `after`;
    // between words as close, the first of the list. One pass of one automaton over the
    // text, every occurrence of every word seen (overlapping ones too).
    let closest = |text: &str, from_end: bool| -> Option<UnitCode> {
        let (automaton, kinds) = count_words();
        let mut best: Option<(usize, usize)> = None;
        for m in automaton.overlapping(text) {
            let word = m.word;
            let p = if from_end {
                m.end
            } else {
                usize::MAX - m.start
            };
            if best.is_none_or(|(b, w)| p > b || (p == b && word < w)) {
                best = Some((p, word));
            }
        }
        best.map(|(_, w)| kinds[w])
    };
    let end = (at..sc.len())
        .find(|&i| separates_clauses(sc[i]) || i - at >= 10)
        .unwrap_or(sc.len());
    let after: String = sc[at..end].iter().collect();
    let before: String = sc[clause..start].iter().collect();
    closest(&after, false)
        .or_else(|| closest(&before, true))
        .unwrap_or(UnitCode::Other)
}

/// The words of `COUNT_KINDS` in list order as one automaton, with the kind of each.
fn count_words() -> &'static (crate::lexicon::WordAutomaton, Vec<UnitCode>) {
    static WORDS: std::sync::OnceLock<(crate::lexicon::WordAutomaton, Vec<UnitCode>)> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let (words, kinds): (Vec<&str>, Vec<UnitCode>) = COUNT_KINDS
            .iter()
            .flat_map(|(kind, words)| words.iter().map(move |w| (*w, *kind)))
            .unzip();
        (crate::lexicon::WordAutomaton::new(words), kinds)
    })
}

/// The words before a number that has no catalog phrase, as a description of what it counts.
pub(crate) fn describe_before(sc: &[char], clause: usize, at: usize) -> Option<String> {
    // On the characters themselves: only the description's last 16 are copied.
    let mut end = at;
    for tail in TRAILING_VERB_CHARS.iter() {
        if sc[clause..end].ends_with(tail) {
            end -= tail.len();
        }
    }
    let last = &sc[clause.max(end.saturating_sub(16))..end];
    let from = last.iter().position(|c| !c.is_whitespace())?;
    let to = last.iter().rposition(|c| !c.is_whitespace())?;
    Some(last[from..=to].iter().collect())
}

/// [`TRAILING_VERBS`] as characters, in the list's order.
static TRAILING_VERB_CHARS: std::sync::LazyLock<Vec<Vec<char>>> =
    std::sync::LazyLock::new(|| TRAILING_VERBS.iter().map(|w| w.chars().collect()).collect());

#[cfg(test)]
mod tests {
    use super::*;
    use countypanel_core::rng::SplitMix64;

    /// The description as a copy of the clause gives it: the verbs stripped in the list's
    /// order, the last 16 characters, white space trimmed.
    fn described_by_copy(sc: &[char], clause: usize, at: usize) -> Option<String> {
        let mut text: String = sc[clause..at].iter().collect();
        for tail in TRAILING_VERBS {
            if let Some(t) = text.strip_suffix(tail) {
                text = t.to_string();
            }
        }
        let n = text.chars().count();
        let text: String = text.chars().skip(n.saturating_sub(16)).collect();
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    #[test]
    fn descriptions_on_the_characters_equal_those_of_a_copy() {
        let mut pieces: Vec<&str> = TRAILING_VERBS.to_vec();
        pieces.extend([
            "全县",
            "高血压患者规范管理率",
            " ",
            "\u{3000}",
            "，",
            "人",
            "2023年",
            "共",
            "达",
            "均",
            "分",
            "别",
            "为",
            "家庭医生签约服务覆盖人口",
        ]);
        let mut rng = SplitMix64(11);
        let mut shortened = 0;
        for _ in 0..3000 {
            let mut sc: Vec<char> = Vec::new();
            for _ in 0..rng.int(0, 12) {
                sc.extend(rng.pick(&pieces).chars());
            }
            let at = rng.int(0, sc.len() as i64) as usize;
            let clause = rng.int(0, at as i64) as usize;
            let got = describe_before(&sc, clause, at);
            assert_eq!(
                got,
                described_by_copy(&sc, clause, at),
                "{sc:?} {clause}..{at}"
            );
            shortened += usize::from(got.is_some_and(|g| g.chars().count() < at - clause));
        }
        // The random clauses do end in verbs and run longer than a description.
        assert!(shortened > 300, "{shortened}");
    }
}

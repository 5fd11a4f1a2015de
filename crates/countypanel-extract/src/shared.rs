//! Lists that share one value: 疫情报告率、及时率、准确率为100% states three rates.

use countypanel_core::vocab::Rule;
use countypanel_zhnum::Unit;

use crate::Fact;
use crate::matcher::{PhraseMatcher, Target};
use crate::segment::{clause_start, list_start};

/// Rates listed with 、 before one value (疫情报告率、及时率、准确率为100%) each state that value:
/// one fact per listed rate, its evidence running from the rate to the value. Rates listed
/// before 分别 have a value each (`respectively`).
pub(crate) fn split_shared_rates(
    matcher: &PhraseMatcher,
    facts: &mut Vec<Fact>,
    sc: &[char],
    offset: usize,
) {
    let mut extra = Vec::new();
    for f in facts.iter_mut() {
        if f.unit != countypanel_core::vocab::Unit::Percent {
            continue;
        }
        let first_new = extra.len();
        let end = f.char_end.saturating_sub(offset).min(sc.len());
        let mut pos = clause_start(sc, 0, f.char_start.saturating_sub(offset).min(sc.len()));
        if crate::respectively::respectively_at(&sc[pos..end]).is_some() {
            continue;
        }
        let mut subjects = false;
        while pos > 0 && sc[pos - 1] == '、' {
            let prev = clause_start(sc, 0, pos - 1);
            // A clause may run on from an earlier value (…100%疫情报告率): keep what follows it.
            // (2型糖尿病: the digit belongs to the name.)
            let from = (prev..pos - 1)
                .rev()
                .find(|&i| (sc[i].is_ascii_digit() && sc.get(i + 1) != Some(&'型')) || sc[i] == '%')
                .map_or(prev, |i| i + 1);
            // (四)高血压、…: an ordinal opening the list is no part of its first item.
            let seg: String = crate::segment::without_ordinal(&sc[from..pos - 1])
                .iter()
                .collect();
            let seg = seg.trim().to_string();
            let prev = from;
            let n = seg.chars().count();
            // 高血压、2型糖尿病患者规范管理率均达到70%: the item is a subject the value's own
            // phrase completes (高血压患者规范管理率).
            // The value again, for the listed item that starts at `prev`.
            let listed = |indicator_id, indicator_text| {
                let mut g = f.clone();
                g.indicator_id = indicator_id;
                g.indicator_text = Some(indicator_text);
                g.char_start = offset + prev;
                g.evidence = sc[prev..end].iter().collect();
                g.rule = Rule::SharedValue;
                g
            };
            // The subject may follow words of the clause's own (力争高血压、…): the longest
            // tail of the item that the value's phrase completes.
            let completed = || {
                seg.char_indices()
                    .map(|(k, _)| &seg[k..])
                    .take_while(|tail| tail.chars().count() >= 2)
                    .find_map(|tail| completed_by(matcher, tail, f).map(|c| (tail, c)))
            };
            if !seg.ends_with('率')
                && let Some((tail, (id, named))) = completed()
            {
                let seg = tail.to_string();
                let mut g = listed(Some(id), named);
                g.subject = Some(seg);
                extra.push(g);
                subjects = true;
                pos = prev;
                continue;
            }
            if subjects
                || n == 0
                || n > 10
                || !seg.ends_with('率')
                || seg.chars().any(|c| c.is_ascii_digit())
            {
                break;
            }
            extra.push(listed(rate_indicator(matcher, &seg), seg));
            pos = prev;
        }
        // The first rate of the list names what the others measure too: 疫情报告率、及时率
        // reads 疫情报告及时率.
        if subjects {
            continue;
        }
        if let Some(first) = extra[first_new..]
            .last()
            .and_then(|g| g.indicator_text.clone())
        {
            let stem = first.trim_end_matches('率').to_string();
            let n = extra.len();
            for g in &mut extra[first_new..n - 1] {
                g.subject.get_or_insert_with(|| stem.clone());
                if g.indicator_id.is_none() {
                    let named = format!("{stem}{}", g.indicator_text.as_deref().unwrap_or(""));
                    g.indicator_id = rate_indicator(matcher, &named);
                }
            }
            if f.indicator_id.is_none() {
                // The value's own rate (准确率) read with the stem: 疫情报告准确率.
                let own = f.indicator_text.as_deref().unwrap_or("");
                let own = own.rsplit('、').next().unwrap_or(own);
                f.indicator_id = rate_indicator(matcher, &format!("{stem}{own}"));
            }
            f.subject.get_or_insert(stem);
        }
    }
    facts.extend(extra);
    facts.sort_by_key(|f| (f.char_end, f.char_start));
}

/// The catalog rate a listed subject names with the tail of the value's own phrase
/// (高血压 + 患者规范管理率), when that makes a whole catalog phrase of another indicator.
fn completed_by(matcher: &PhraseMatcher, subject: &str, f: &Fact) -> Option<(String, String)> {
    let own_id = f.indicator_id.as_deref()?;
    let own: Vec<char> = f.indicator_text.as_deref()?.chars().collect();
    let n = subject.chars().count();
    if n == 0
        || n > 8
        || subject
            .chars()
            .any(|c| !crate::lexicon::is_han(c) && c != '2')
    {
        return None;
    }
    (1..own.len()).find_map(|k| {
        let named = format!("{subject}{}", own[k..].iter().collect::<String>());
        let len = named.chars().count();
        matcher
            .find(&named)
            .into_iter()
            .filter(|h| h.start == 0 && h.end == len)
            .find_map(|h| match h.target {
                Target::Indicator { index } if matcher.unit_fits(&h.target, Unit::Percent) => {
                    Some(matcher.indicator_id(index))
                }
                _ => None,
            })
            .filter(|id| id != own_id)
            .map(|id| (id, named))
    })
}

/// The catalog rate a short text names (the longest rate phrase in it), if any.
pub(crate) fn rate_indicator(matcher: &PhraseMatcher, text: &str) -> Option<String> {
    matcher
        .find(text)
        .into_iter()
        .filter(|h| matches!(h.target, Target::Indicator { .. }))
        .filter(|h| matcher.unit_fits(&h.target, Unit::Percent))
        .max_by_key(|h| h.end - h.start)
        .and_then(|h| match h.target {
            Target::Indicator { index } => Some(matcher.indicator_id(index)),
            _ => None,
        })
}

/// Two rates joined by 和 (及, 与) before one value they both reach (孕产妇系统管理率和3岁以下儿童
/// 系统管理率均保持在90%以上): the first states the value too.
pub(crate) fn share_joined_rates(
    matcher: &PhraseMatcher,
    facts: &mut Vec<Fact>,
    sc: &[char],
    offset: usize,
) {
    let mut extra = Vec::new();
    for f in facts.iter() {
        let (Some(id), Some(text)) = (f.indicator_id.as_deref(), f.indicator_text.as_deref())
        else {
            continue;
        };
        if f.unit != countypanel_core::vocab::Unit::Percent {
            continue;
        }
        let end = f.char_end.saturating_sub(offset).min(sc.len());
        let phrase: Vec<char> = text.chars().collect();
        let Some(at) = (0..end.saturating_sub(phrase.len()))
            .rev()
            .find(|&i| sc[i..i + phrase.len()] == phrase[..])
        else {
            continue;
        };
        let between: String = sc[at + phrase.len()..end].iter().collect();
        if !between.contains('均') && !between.contains('都') {
            continue;
        }
        let clause = clause_start(sc, 0, at);
        let before: String = sc[clause..at].iter().collect();
        let Some(seg) = ["以及", "和", "及", "与"]
            .iter()
            .find_map(|j| before.trim_end().strip_suffix(j))
        else {
            continue;
        };
        let seg: Vec<char> = seg.trim().chars().collect();
        let seg: String = crate::segment::without_ordinal(&seg).iter().collect();
        let seg = seg.trim();
        if !seg.ends_with('率') || !(2..=16).contains(&seg.chars().count()) {
            continue;
        }
        let Some(other) = rate_indicator(matcher, seg).filter(|o| o != id) else {
            continue;
        };
        let mut g = f.clone();
        g.indicator_id = Some(other);
        g.indicator_text = Some(seg.to_string());
        g.char_start = offset + clause;
        g.evidence = sc[clause..end].iter().collect();
        g.rule = Rule::SharedValue;
        extra.push(g);
    }
    facts.extend(extra);
    facts.sort_by_key(|f| (f.char_end, f.char_start));
}

/// Items of a list written with 、 that share the words their first item opens with (在管高血压
/// 患者4.21万人、2型糖尿病患者1.08万人; 每千常住人口执业(助理)医师3.18人、注册护士3.45人): an
/// item that names no measure of its own, or only the count a density's items stand for, is
/// read with those words.
pub(crate) fn share_list_head(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    sc: &[char],
    offset: usize,
) {
    let mut updates = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        let end = f.char_end.saturating_sub(offset).min(sc.len());
        let num_start = end.saturating_sub(f.value_text.chars().count());
        let clause = clause_start(sc, 0, num_start);
        if clause == 0 || sc[clause - 1] != '、' {
            continue;
        }
        let first = crate::segment::list_start(sc, clause);
        let Some(head) = facts.iter().find_map(|g| {
            let at = g.char_end.saturating_sub(offset);
            (g.indicator_id.is_some() && (first..clause).contains(&at))
                .then(|| g.indicator_text.clone())
                .flatten()
        }) else {
            continue;
        };
        let density = ["每千", "每万"].iter().any(|d| head.starts_with(d));
        let own_density = f
            .indicator_text
            .as_deref()
            .is_some_and(|t| t.starts_with("每千") || t.starts_with("每万"));
        if f.indicator_id.is_some() && (!density || own_density) {
            continue;
        }
        let item: String = sc[clause..num_start].iter().collect();
        let item = item.trim();
        if item.is_empty() || item.chars().count() > 12 {
            continue;
        }
        let head: Vec<char> = head.chars().collect();
        let people = |u: countypanel_core::vocab::Unit| {
            use countypanel_core::vocab::Unit::{Person, PersonTime};
            matches!(u, Person | PersonTime)
        };
        let named = (1..head.len().min(7)).find_map(|k| {
            let candidate = format!("{}{item}", head[..k].iter().collect::<String>());
            let len = candidate.chars().count();
            matcher
                .find(&candidate)
                .into_iter()
                .find_map(|h| match h.target {
                    Target::Indicator { index } if h.start == 0 && h.end == len => {
                        let id = matcher.indicator_id(index);
                        let unit = matcher.unit_of(&id);
                        (unit == f.unit || people(unit) && people(f.unit))
                            .then(|| (id, candidate.clone(), unit))
                    }
                    _ => None,
                })
        });
        if let Some(found) = named {
            updates.push((i, found));
        }
    }
    for (i, (id, text, unit)) in updates {
        let f = &mut facts[i];
        f.indicator_id = Some(id);
        f.indicator_text = Some(text);
        f.unit = unit;
        f.rule = Rule::SharedValue;
    }
}

/// Funding per head with the state's subsidy as its part (新农合人均筹资标准570元,其中各级财政人均
/// 补助420元): the subsidy is the part, the funding names no indicator of its own (the catalog
/// reads 人均筹资 as the subsidy only where no subsidy is stated beside it).
pub(crate) fn subsidy_within_funding(facts: &mut [Fact], sc: &[char], offset: usize) {
    const SUBSIDY: &str = "resident_insurance_subsidy_per_capita";
    let Some(total) = facts.iter().position(|f| {
        f.indicator_id.as_deref() == Some(SUBSIDY)
            && f.indicator_text
                .as_deref()
                .is_some_and(|t| t.contains("筹资"))
    }) else {
        return;
    };
    let after_total = facts[total].char_end.saturating_sub(offset).min(sc.len());
    // Where a fact's number starts in the sentence.
    let number_at = |g: &Fact| {
        g.char_end
            .saturating_sub(offset + g.value_text.chars().count())
            .clamp(after_total, sc.len())
    };
    if facts[total].change {
        return;
    }
    // One subsidy named after 其中 (其中各级财政补助240元, 其中财政人均补助420元); several
    // (其中中央财政补助156元,省财政补助60元…) are parts of the subsidy, none of them it.
    let parts: Vec<usize> = (total + 1..facts.len())
        .filter(|&k| {
            let g = &facts[k];
            let between: String = sc[after_total..number_at(g)].iter().collect();
            // The words naming this part: from the number before it (个人缴纳50元 names no
            // subsidy, 其中各级财政补助240元 does).
            let own_from = facts[k - 1]
                .char_end
                .saturating_sub(offset)
                .clamp(after_total, number_at(g));
            let own: String = sc[own_from..number_at(g)].iter().collect();
            !g.change
                && (g.indicator_id.is_none() || g.indicator_id == facts[total].indicator_id)
                && g.unit == facts[total].unit
                && between.contains(crate::lexicon::PART)
                && own.contains("补助")
                && !between.contains(['；', ';'])
        })
        .collect();
    let [part] = parts[..] else {
        return;
    };
    facts[total].indicator_text = None;
    facts[part].indicator_id = facts[total].indicator_id.take();
    // The words naming the part: from 其中 to its number (各级财政补助).
    let named: String = sc[after_total..number_at(&facts[part])].iter().collect();
    let named = named
        .rsplit(crate::lexicon::PART)
        .next()
        .unwrap_or_default()
        .trim_matches([',', '，', ':', '：', ' ']);
    facts[part].indicator_text = Some(named.to_string());
    facts[part].rule = Rule::PhraseBefore;
}

/// Kinds listed before 各 and one count (疾病预防控制中心、妇幼保健院、卫生监督所各1个) have that
/// count each: one fact per kind, the value's own fact taking the last.
pub(crate) fn each_of_listed(
    matcher: &PhraseMatcher,
    facts: &mut Vec<Fact>,
    sc: &[char],
    offset: usize,
) {
    let mut extra = Vec::new();
    for f in facts.iter_mut() {
        let end = f.char_end.saturating_sub(offset).min(sc.len());
        let Some(number) = (0..end).rev().find(|&i| sc[i] == '各') else {
            continue;
        };
        // 各1个, 各有1所, 各设有1个: the count right after 各; and nothing counted after it
        // (各设立1个家庭医生工作室 counts rooms).
        let value_start = end.saturating_sub(f.value_text.chars().count());
        let between: String = sc[number + 1..value_start.max(number + 1)].iter().collect();
        let closes = sc
            .get(end)
            .is_none_or(|&c| crate::segment::separates_clauses(c) || c == '。');
        if !["", "有", "设有"].contains(&between.as_str()) || number == 0 || !closes {
            continue;
        }
        let from = list_start(sc, clause_start(sc, 0, number));
        let head: String = sc[from..number].iter().collect();
        let items: Vec<&str> = head
            .split(['、', '和', '及', '与'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if items.len() < 2 {
            continue;
        }
        // Each item is a kind the catalog counts in the value's unit, whole (the first may
        // carry words before it: 设有疾病预防控制中心).
        let named: Vec<(String, String)> = items
            .iter()
            .enumerate()
            .filter_map(|(k, item)| {
                let n = item.chars().count();
                let h = matcher.find(item).into_iter().next_back()?;
                let Target::Indicator { index } = h.target else {
                    return None;
                };
                let id = matcher.indicator_id(index);
                // 各1个: 个 counts institutions as well as other things.
                let unit = matcher.unit_of(&id);
                (h.end == n
                    && (k == 0 || h.start == 0)
                    && (unit == f.unit || f.unit == countypanel_core::vocab::Unit::Other))
                    .then(|| (id, item.chars().skip(h.start).collect()))
            })
            .collect();
        if named.len() != items.len() {
            continue;
        }
        let Some(((last_id, last_text), others)) = named.split_last() else {
            continue;
        };
        f.unit = matcher.unit_of(last_id);
        f.char_start = offset + from;
        f.evidence = sc[from..end].iter().collect();
        f.rule = Rule::SharedValue;
        for (id, text) in others {
            let mut g = f.clone();
            g.indicator_id = Some(id.clone());
            g.indicator_text = Some(text.clone());
            g.char_start = offset + from;
            g.evidence = sc[from..end].iter().collect();
            g.rule = Rule::SharedValue;
            g.health = true;
            extra.push(g);
        }
        f.indicator_id = Some(last_id.clone());
        f.indicator_text = Some(last_text.clone());
        f.health = true;
    }
    if !extra.is_empty() {
        facts.extend(extra);
        facts.sort_by_key(|f| (f.char_end, f.char_start));
    }
}

/// A standard written as a bound and the value measured against it, side by side as a table
/// flattened to text prints them (婴儿死亡率 ≤7.5‰ 2.86‰ 达标, 签约覆盖率 ≥45% 47.2% 完成): the
/// value is what was reached, the bound what was aimed for.
pub(crate) fn value_after_its_standard(facts: &mut [Fact], sc: &[char], offset: usize) {
    use countypanel_zhnum::Qualifier;
    for k in 1..facts.len() {
        let (before, after) = facts.split_at_mut(k);
        let (bound, value) = (&mut before[k - 1], &mut after[0]);
        let value_start = value
            .char_end
            .saturating_sub(offset + value.value_text.chars().count());
        let adjacent = bound.char_end.saturating_sub(offset) <= value_start
            && sc[bound.char_end.saturating_sub(offset)..value_start]
                .iter()
                .all(|c| c.is_whitespace());
        if matches!(
            bound.qualifier,
            Qualifier::Le | Qualifier::Ge | Qualifier::Lt | Qualifier::Gt
        ) && value.qualifier == Qualifier::Eq
            && bound.unit == value.unit
            && bound.indicator_id.is_some()
            // The value is unnamed, or named by the same phrase before the bound.
            && (value.indicator_id.is_none() || value.indicator_id == bound.indicator_id)
            && adjacent
        {
            value.indicator_id.clone_from(&bound.indicator_id);
            // A yardstick of an assessment (标准值) is no aim of the region's; a target value
            // (目标值) is.
            let sentence: String = sc.iter().collect();
            if sentence.contains("标准值") || sentence.contains("评估标准") {
                bound.indicator_id = None;
            } else {
                bound.kind = crate::Kind::Target;
            }
            value.indicator_text.clone_from(&bound.indicator_text);
            value.char_start = bound.char_start;
            value.evidence = sc[bound.char_start.saturating_sub(offset)
                ..value.char_end.saturating_sub(offset).min(sc.len())]
                .iter()
                .collect();
            value.health = true;
            value.rule = bound.rule;
        }
    }
}

//! Lists that share one value: 疫情报告率、及时率、准确率为100% states three rates.

use countypanel_core::vocab::Rule;
use countypanel_zhnum::Unit;

use crate::Fact;
use crate::matcher::{PhraseMatcher, Target};
use crate::segment::clause_start;

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
            let seg: String = sc[from..pos - 1].iter().collect();
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
            if !seg.ends_with('率')
                && let Some((id, named)) = completed_by(matcher, &seg, f)
            {
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

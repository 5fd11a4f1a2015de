//! A level stated with the one it came from: 每千人口床位数由上年的6.52张增加到6.84张,
//! 签约率从2020年的45%提高到60%. The first number is the earlier year's level, the second the
//! level now; the phrase before both names both, and the earlier year dates the first only.

/// Words that open the earlier level.
const FROM: &[char] = &['由', '从'];

/// Words that compare with an earlier level written with its year (较2022年的93.2%).
const COMPARED: &[char] = &['较', '比'];

/// Year words for the year before the one the sentence reports.
const PREVIOUS_YEAR: &[&str] = &["上年", "去年", "上一年"];

/// The year the first number of the construction holds, read from the words of its clause
/// before it (`…由上年的`, `…从2020年的`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FromYear {
    /// The year before the sentence's own.
    Previous,
    /// A year written out.
    Written(i32),
    /// No year at all (由1.52人增加到2.13人): an earlier one, not the sentence's.
    Unstated,
}

/// The year the words before a number give it when they open an earlier level: `由上年的`,
/// `从2020年的`, `由上年`.
pub(crate) fn from_year(before: &str) -> Option<FromYear> {
    let rest = before.trim_end();
    let rest = rest.strip_suffix('的').unwrap_or(rest);
    // 由原来的38所: the level before, with no year.
    let rest = ["原来", "原有", "过去"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .unwrap_or(rest);
    for word in PREVIOUS_YEAR {
        if let Some(r) = rest.strip_suffix(word)
            && r.ends_with(FROM)
        {
            return Some(FromYear::Previous);
        }
    }
    if rest.ends_with(FROM) {
        return Some(FromYear::Unstated);
    }
    let r = rest.strip_suffix('年')?;
    let digits = r.len() - r.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 4 {
        return None;
    }
    let (head, year) = r.split_at(r.len() - 4);
    (head.ends_with(FROM) || head.ends_with(COMPARED))
        .then(|| year.parse().ok())
        .flatten()
        .map(FromYear::Written)
}

/// The year of the last earlier level the words before a number date (由2015年的4.12张增加到…，
/// 每千人口执业(助理)医师由1.52人增加到2.13人: the second earlier level is of 2015 too).
pub(crate) fn earlier_year_before(before: &[char]) -> Option<FromYear> {
    (0..before.len())
        .rev()
        .filter(|&i| FROM.contains(&before[i]))
        .find_map(|i| {
            // from_year reads words that end right before a number: try each end.
            (i + 2..=before.len().min(i + 8)).find_map(|end| {
                let words: String = before[i..end].iter().collect();
                from_year(&words).filter(|y| *y != FromYear::Unstated)
            })
        })
}

/// Whether the words after an earlier level go on to the later one in its clause (增加到, 提高至,
/// 降为): 由1.52人增加到2.13人.
pub(crate) fn level_follows(after: &[char]) -> bool {
    let words: String = after
        .iter()
        .take(10)
        .take_while(|&&c| !crate::segment::separates_clauses(c) && c != '。')
        .collect();
    // 为 alone is as often a preposition (由126支团队为居民提供服务).
    [
        "增加到",
        "增加至",
        "增至",
        "提高到",
        "提高至",
        "提升到",
        "提升至",
        "上升到",
        "上升至",
        "下降到",
        "下降至",
        "降至",
        "降到",
        "降为",
        "减少到",
        "减少至",
        "增长到",
        "增长至",
        "扩大到",
    ]
    .iter()
    .chain(SET_TO)
    .any(|w| words.contains(w))
}

/// Verbs that set a count anew, ending on 为 (乡镇卫生院由38所调整为30所).
const SET_TO: &[&str] = &[
    "调整为",
    "调整到",
    "调整至",
    "合并为",
    "撤并为",
    "减为",
    "增加为",
];

/// Whether the words between a phrase and a number are the construction's: they open with 由 or
/// 从 and end where a level is given (的, 年, 到, 至). 床位数由上年的6.52张增加到6.84张: both numbers
/// are named by 床位数, however far the second stands from it.
pub(crate) fn bridges(gap: &[char]) -> bool {
    // (A rate per 100,000 spells long: 由2020年的156.3/10万下降至2022年的.)
    const MAX_CHARS: usize = 32;
    gap.len() <= MAX_CHARS
        && gap.first().is_some_and(|c| FROM.contains(c))
        && (gap
            .last()
            .is_some_and(|c| matches!(c, '的' | '年' | '到' | '至'))
            || gap.last() == Some(&'为') && {
                let text: String = gap.iter().collect();
                SET_TO.iter().any(|w| text.ends_with(w))
            })
}

/// Whether a year written at `start..end` of the sentence opens an earlier level (由2020年的):
/// it dates only the number after it, not the sentence.
pub(crate) fn opens_earlier_level(sc: &[char], start: usize, end: usize) -> bool {
    start > 0
        && (FROM.contains(&sc[start - 1]) || COMPARED.contains(&sc[start - 1]))
        && sc.get(end) == Some(&'的')
}

/// Whether a year written at `start..end` is the one compared with (与2022年相比, 比2022年增长):
/// it dates nothing of the sentence.
pub(crate) fn compared_year(sc: &[char], start: usize, end: usize) -> bool {
    let after: String = sc[end..sc.len().min(end + 4)].iter().collect();
    start > 0
        && matches!(sc[start - 1], '与' | '较' | '比' | '同' | '和')
        && ["相比", "比较", "同期", "增", "减", "提高", "下降", "上升"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// The year a sentence compares its own with before `before` ends (2023年与2022年相比,…由44.2%
/// 提高到47.5%: 2022): the year of its earlier levels.
pub(crate) fn compared_year_before(before: &[char]) -> Option<i32> {
    (1..before.len().saturating_sub(4)).find_map(|i| {
        let y = crate::time::year_digits_at(before, i)?;
        (before.get(i + 4) == Some(&'年') && compared_year(before, i, i + 5)).then_some(y)
    })
}

/// Whether a clause's words before its number are only a comparison with a written year's
/// level (较2022年的): the number is that year's level of the clause before's measure.
pub(crate) fn compares_with_year(words: &str) -> bool {
    let w = words.trim();
    let w = w.strip_suffix('的').unwrap_or(w);
    let Some(r) = w.strip_suffix('年') else {
        return false;
    };
    let chars: Vec<char> = r.chars().collect();
    chars.len() == 5 && COMPARED.contains(&chars[0]) && chars[1..].iter().all(char::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_earlier_level_is_dated_by_the_words_before_it() {
        assert_eq!(from_year("床位数由上年的"), Some(FromYear::Previous));
        assert_eq!(from_year("签约率从去年"), Some(FromYear::Previous));
        assert_eq!(from_year("签约率从2020年的"), Some(FromYear::Written(2020)));
        assert_eq!(from_year("签约率比上年的"), None);
        assert_eq!(from_year("2020年的"), None);
        assert_eq!(from_year("床位数达到"), None);
        assert_eq!(from_year("医师由"), Some(FromYear::Unstated));
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(
            earlier_year_before(&chars("床位数由2015年的4.12张增加到5.86张,医师由")),
            Some(FromYear::Written(2015))
        );
        assert_eq!(earlier_year_before(&chars("医师由")), None);
        assert!(level_follows(&chars("增加到2.13人")));
        assert!(!level_follows(&chars("专家组组成的工作专班")));
        assert!(!level_follows(&chars("支家庭医生团队为居民提供签约服务")));
        assert!(compares_with_year("较2022年的"));
        let at = |s: &str| {
            let sc = chars(s);
            let start = sc.iter().position(char::is_ascii_digit).unwrap();
            compared_year(&sc, start, start + 5)
        };
        assert!(at("与2022年相比,门诊人次增长8.1%"));
        assert!(at("比2022年增长12%"));
        assert!(!at("全县2022年门诊人次"));
        assert!(!compares_with_year("比上年增长"));
        assert_eq!(
            from_year("率达到95.1%,较2022年的"),
            Some(FromYear::Written(2022))
        );
    }

    #[test]
    fn the_words_between_the_phrase_and_either_level_bridge_them() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(bridges(&chars("由上年的")));
        assert!(bridges(&chars("由上年的6.52张增加到")));
        assert!(bridges(&chars("从2020年的45%提高至")));
        assert!(!bridges(&chars("由县财政承担")));
        assert!(!bridges(&chars("增加到")));
        let sc = chars("从2020年的45%");
        assert!(opens_earlier_level(&sc, 1, 6));
        assert!(!opens_earlier_level(&sc, 0, 5));
    }
}

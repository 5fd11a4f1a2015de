//! Changes: a number that states how much something grew or fell (比上年增加66个, 增长5.2%,
//! 下降0.3个百分点) is not the level of what it measures.

use countypanel_zhnum::Unit;

/// Verbs of change that, written right before a number, make it a change.
const CHANGE_VERBS: &[&str] = &[
    "增加", "增长", "下降", "减少", "提高", "降低", "上升", "增", "减", "降", "升", "多", "少",
];

/// Words allowed between a change verb and its number.
const BETWEEN: &[&str] = &["了", "约", "近", "达", "分别"];

/// Words that turn a change verb into a level: 提高到95%, 增至12个, 下降为3.2‰.
const TO_LEVEL: &[&str] = &["到", "至", "为"];

/// Whether the number whose clause reads `before` up to it states a change. A number in
/// percentage points is always one.
pub(crate) fn is_change(before: &str, unit: Unit) -> bool {
    if unit == Unit::PercentagePoint {
        return true;
    }
    let mut rest = before.trim_end();
    loop {
        let trimmed = BETWEEN
            .iter()
            .find_map(|w| rest.strip_suffix(w))
            .unwrap_or(rest);
        if trimmed.len() == rest.len() {
            break;
        }
        rest = trimmed;
    }
    if TO_LEVEL.iter().any(|w| rest.ends_with(w)) {
        return false;
    }
    let Some(verb) = CHANGE_VERBS.iter().find(|v| rest.ends_with(*v)) else {
        return false;
    };
    // A one-character verb (增, 多) is a change only after a comparison (比上年增, 较去年多).
    verb.chars().count() > 1
        || ["比", "较", "同比", "环比"]
            .iter()
            .any(|w| rest.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_over_a_year_are_not_levels() {
        assert!(is_change("比上年增加", Unit::Count));
        assert!(is_change("增长", Unit::Percent));
        assert!(is_change("分别增长", Unit::Percent));
        assert!(is_change("同比下降了", Unit::Percent));
        assert!(is_change("较上年多", Unit::Person));
        assert!(is_change("", Unit::PercentagePoint));
    }

    #[test]
    fn levels_reached_are_levels() {
        assert!(!is_change("建档率提高到", Unit::Percent));
        assert!(!is_change("床位数增至", Unit::Bed));
        assert!(!is_change("卫生技术人员", Unit::Person));
        assert!(!is_change("差", Unit::Person));
        assert!(
            !is_change("至少", Unit::Person),
            "多/少 alone need a comparison"
        );
    }
}

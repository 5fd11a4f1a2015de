//! Words a numeral character is part of (陆续, 一些, 百姓), which are no numbers.

use super::starts_with;

/// Words in which a lone numeral character is not a number: 一切, 统一, 进一步, 四川, 十足…
/// (a lone 大写 digit is handled by a rule of its own, see [`is_formal_digit`]).
const NOT_NUMBER_WORDS: &[&str] = &[
    "一切",
    "一些",
    "一般",
    "一致",
    "一体",
    "一起",
    "一定",
    "一样",
    "一直",
    "一旦",
    "一律",
    "一同",
    "一道",
    "一线",
    "一流",
    "一贯",
    "一系列",
    "一方面",
    "一站式",
    "一看",
    "统一",
    "进一步",
    "唯一",
    "同一",
    "逐一",
    "万一",
    "之一",
    "一一",
    "专一",
    "划一",
    "一刀切",
    "四川",
    "四肢",
    "十足",
    "十分",
];

/// Whether the lone numeral character at `i` is part of one of [`NOT_NUMBER_WORDS`].
pub(super) fn in_word(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    NOT_NUMBER_WORDS.iter().any(|w| {
        w.chars()
            .enumerate()
            .any(|(k, wc)| wc == c && i >= k && starts_with(chars, i - k, w))
    })
}

/// The 大写 digits and units of formal amounts, simplified and traditional.
pub(super) fn is_formal_digit(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '叁'
            | '參'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

//! Words a numeral character is part of (陆续, 一些, 百姓), which are no numbers.

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

/// The words of [`NOT_NUMBER_WORDS`] as characters, by each character they hold, with its place
/// in the word: a numeral's look-up finds the few words it can stand in, already decoded.
type ByChar = std::collections::HashMap<char, Vec<(usize, Vec<char>)>>;

static WORDS_BY_CHAR: std::sync::LazyLock<ByChar> = std::sync::LazyLock::new(|| {
    let mut by_char = ByChar::new();
    for w in NOT_NUMBER_WORDS {
        let chars: Vec<char> = w.chars().collect();
        for (k, &c) in chars.iter().enumerate() {
            by_char.entry(c).or_default().push((k, chars.clone()));
        }
    }
    by_char
});

/// Whether the lone numeral character at `i` is part of one of [`NOT_NUMBER_WORDS`].
pub(super) fn in_word(chars: &[char], i: usize) -> bool {
    WORDS_BY_CHAR.get(&chars[i]).is_some_and(|words| {
        words.iter().any(|(k, w)| {
            i >= *k
                && chars
                    .get(i - k..i - k + w.len())
                    .is_some_and(|s| s == w.as_slice())
        })
    })
}

/// [`in_word`] as the list reads, word by word (the reference of its test).
#[cfg(test)]
fn in_word_by_list(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    NOT_NUMBER_WORDS.iter().any(|w| {
        w.chars()
            .enumerate()
            .any(|(k, wc)| wc == c && i >= k && super::starts_with(chars, i - k, w))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character of every text made of two words of the list, or a word's cut tail and a
    /// word, with and without a numeral or a comma between: the look-up answers as the list does.
    #[test]
    fn the_look_up_answers_as_the_list_does() {
        let mut pieces: Vec<String> = NOT_NUMBER_WORDS.iter().map(|w| (*w).to_string()).collect();
        for w in NOT_NUMBER_WORDS {
            for cut in 1..w.chars().count() {
                pieces.push(w.chars().skip(cut).collect());
                pieces.push(w.chars().take(cut).collect());
            }
        }
        let (mut checked, mut inside) = (0, 0);
        for a in &pieces {
            for b in &pieces {
                for mid in ["", "一", "，", "十"] {
                    let chars: Vec<char> = format!("{a}{mid}{b}").chars().collect();
                    for i in 0..chars.len() {
                        let by_list = in_word_by_list(&chars, i);
                        assert_eq!(in_word(&chars, i), by_list, "{chars:?} at {i}");
                        checked += 1;
                        inside += usize::from(by_list);
                    }
                }
            }
        }
        assert!(
            inside > checked / 10 && inside < checked,
            "{inside} of {checked}"
        );
    }
}

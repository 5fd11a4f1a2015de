//! Finding quantities in running text.

use crate::Qualifier;
use crate::chinese::{big_unit, digit, is_numeral_char, parse_chinese, round_float, small_unit};
use crate::unit::{Unit, measure_unit};

/// A quantity found in text. Offsets count characters (not bytes) of the scanned text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Start of the whole span, qualifiers included.
    pub start: usize,
    /// End of the whole span (exclusive).
    pub end: usize,
    /// Start of the numeral itself.
    pub num_start: usize,
    /// End of the numeral and its multipliers (exclusive).
    pub num_end: usize,
    /// The value after multipliers; the lower end of a range; percents as percent numbers. NaN
    /// for a token that only looks numeric (a date, time or code), which is flagged `ordinal`.
    pub value: f64,
    /// The upper end of a range (1~2所 → 2).
    pub high: Option<f64>,
    /// How the number bounds the true value.
    pub qualifier: Qualifier,
    /// Unit of the measure word that follows.
    pub unit: Unit,
    /// The measure word as written (`人次`, `%`, `元`), empty when none follows.
    pub measure: String,
    /// The whole span as written.
    pub text: String,
    /// Whether the numeral is written in Chinese characters.
    pub chinese: bool,
    /// Whether the number is preceded by 第 (an ordinal, not a quantity).
    pub ordinal: bool,
    /// Whether the numeral is an integer written with digits only (no decimal point, no
    /// multiplier), as years and codes are.
    pub plain_integer: bool,
}

/// Finds every quantity in `text`.
#[must_use]
pub fn scan(text: &str) -> Vec<Quantity> {
    let chars: Vec<char> = text.chars().collect();
    scan_chars(&chars)
}

/// Qualifiers written before a numeral. Their first characters are listed again in `may_lead`
/// (a test checks the two agree).
const PREFIXES: &[(&str, Qualifier)] = &[
    ("不少于", Qualifier::Ge),
    ("不低于", Qualifier::Ge),
    ("超过", Qualifier::Ge),
    ("多于", Qualifier::Gt),
    ("高于", Qualifier::Gt),
    ("不超过", Qualifier::Le),
    ("不高于", Qualifier::Le),
    ("不足", Qualifier::Lt),
    ("不到", Qualifier::Lt),
    ("低于", Qualifier::Lt),
    ("少于", Qualifier::Lt),
    ("大约", Qualifier::Approx),
    ("将近", Qualifier::Approx),
    ("约", Qualifier::Approx),
    ("近", Qualifier::Approx),
    ("逾", Qualifier::Ge),
    // The signs of a table's cells (≤14, ≥95).
    ("≤", Qualifier::Le),
    ("≥", Qualifier::Ge),
    ("≦", Qualifier::Le),
    ("≧", Qualifier::Ge),
    ("<", Qualifier::Lt),
    (">", Qualifier::Gt),
];

const SUFFIXES: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::Ge),
    ("及以上", Qualifier::Ge),
    ("以下", Qualifier::Le),
    ("及以下", Qualifier::Le),
    ("以内", Qualifier::Le),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
];

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(at + k) == Some(&w))
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A parsed numeral: value, end offset, whether Chinese, whether a plain integer.
struct Numeral {
    value: f64,
    end: usize,
    chinese: bool,
    plain_integer: bool,
}

fn arabic_at(chars: &[char], i: usize) -> Option<Numeral> {
    ascii_digit(*chars.get(i)?)?;
    let mut j = i;
    let mut int = String::new();
    while let Some(d) = chars.get(j).copied().and_then(ascii_digit) {
        int.push(char::from_digit(d, 10)?);
        j += 1;
    }
    // Thousands separators: 1,234,567 (each group exactly three digits).
    if int.len() <= 3 {
        loop {
            let group_ok = chars.get(j) == Some(&',')
                && (1..=3).all(|k| chars.get(j + k).copied().and_then(ascii_digit).is_some())
                && chars.get(j + 4).copied().and_then(ascii_digit).is_none();
            if !group_ok {
                break;
            }
            for k in 1..=3 {
                int.push(chars[j + k]);
            }
            j += 4;
        }
    }
    let mut plain_integer = true;
    let mut s = int;
    if matches!(chars.get(j), Some('.' | '．'))
        && chars.get(j + 1).copied().and_then(ascii_digit).is_some()
    {
        s.push('.');
        j += 1;
        while let Some(d) = chars.get(j).copied().and_then(ascii_digit) {
            s.push(char::from_digit(d, 10)?);
            j += 1;
        }
        plain_integer = false;
    }
    if plain_integer && s.len() > 1 && s.starts_with('0') {
        // 05002290: a code or a zero-padded date part, not a quantity
        return None;
    }
    let value: f64 = s.parse().ok()?;
    Some(Numeral {
        value,
        end: j,
        chinese: false,
        plain_integer,
    })
}

fn chinese_at(chars: &[char], i: usize) -> Option<Numeral> {
    let first = *chars.get(i)?;
    if digit(first).is_none() && !matches!(first, '十' | '拾') {
        return None;
    }
    let mut j = i;
    while let Some(&c) = chars.get(j) {
        let ok = if crate::chinese::is_point(c) {
            chars.get(j + 1).copied().and_then(digit).is_some()
        } else {
            is_numeral_char(c)
        };
        if !ok {
            break;
        }
        j += 1;
    }
    // Shrink from the right until the run parses (一千二百人: the whole run; 一万五千元: all).
    let mut end = j;
    while end > i {
        let s: String = chars[i..end].iter().collect();
        if let Some(v) = parse_chinese(&s) {
            return Some(Numeral {
                value: v,
                end,
                chinese: true,
                plain_integer: false,
            });
        }
        end -= 1;
    }
    None
}

fn numeral_at(chars: &[char], i: usize) -> Option<Numeral> {
    arabic_at(chars, i).or_else(|| chinese_at(chars, i))
}

/// Multipliers after an Arabic numeral: 万, 亿, 千万, 百万, 千.
fn multiplier_at(chars: &[char], mut j: usize) -> (f64, usize) {
    let mut mult = 1.0;
    if let Some(u) = chars.get(j).copied().and_then(small_unit) {
        if u >= 100.0 {
            if let Some(b) = chars.get(j + 1).copied().and_then(big_unit) {
                return (u * b, j + 2);
            }
            if u >= 1000.0 {
                return (u, j + 1);
            }
        }
        return (1.0, j);
    }
    while let Some(b) = chars.get(j).copied().and_then(big_unit) {
        mult *= b;
        j += 1;
    }
    (mult, j)
}

fn approx_marker(chars: &[char], j: usize) -> Option<Qualifier> {
    match chars.get(j) {
        Some('余' | '餘') => Some(Qualifier::Approx),
        Some('多') => Some(Qualifier::Ge),
        _ => None,
    }
}

/// Reads a value with its multipliers and 余/多 markers starting at `i`.
/// Returns (value, numeral, end, qualifier, multiplier).
fn value_at(chars: &[char], i: usize) -> Option<(f64, Numeral, usize, Option<Qualifier>, f64)> {
    let n = numeral_at(chars, i)?;
    let mut j = n.end;
    let mut qual = None;
    let mut mult = 1.0;
    if !n.chinese {
        // A multiplier only counts when a numeral comes first: 1000多万元, 5.8万余户.
        let mut k = j;
        let mut pre = None;
        if let Some(q) = approx_marker(chars, k)
            && chars.get(k + 1).copied().and_then(big_unit).is_some()
        {
            pre = Some(q);
            k += 1;
        }
        let (m, after) = multiplier_at(chars, k);
        if after > k {
            mult = m;
            j = after;
            qual = pre;
        }
    }
    if qual.is_none()
        && let Some(q) = approx_marker(chars, j)
    {
        // 余/多 as a qualifier only before a measure word or the end of a number phrase:
        // 20余条, 100多人; not in 多种 or 余下.
        qual = Some(q);
        j += 1;
    }
    if n.chinese {
        // 十余万, 一千多万: the marker sits between the numeral and its multiplier.
        if qual.is_some()
            && let (m, after) = multiplier_at(chars, j)
            && after > j
        {
            return Some((round_float(n.value * m), n, after, qual, m));
        }
        // the multiplier written inside a Chinese numeral (三万) matters for ranges: 两到三万
        let mut k = n.end;
        while k > i && big_unit(chars[k - 1]).is_some() {
            mult *= big_unit(chars[k - 1]).unwrap_or(1.0);
            k -= 1;
        }
        let value = n.value;
        return Some((value, n, j, qual, mult));
    }
    let value = round_float(n.value * mult);
    Some((value, n, j, qual, mult))
}

const RANGE_SEPS: &[char] = &['~', '～', '〜', '至', '到', '-', '—', '－'];

/// Scans a character slice (see [`scan`]).
#[must_use]
pub fn scan_chars(chars: &[char]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match quantity_at(chars, i) {
            Some(q) => {
                i = q.end.max(i + 1);
                out.push(q);
            }
            None => {
                // Skip the rest of an alphanumeric token (ICP12345, A3, v2.0) in one go.
                if ascii_digit(chars[i]).is_some() {
                    while i < chars.len() && ascii_digit(chars[i]).is_some() {
                        i += 1;
                    }
                } else if chars[i].is_ascii_alphabetic() {
                    while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                        i += 1;
                    }
                } else {
                    i += 1;
                }
            }
        }
    }
    out
}

/// Whether a quantity can start with `c`: a digit, a Chinese numeral that can lead one, the
/// first character of a qualifier prefix, or the 百/千 of 百分之/千分之. Most characters of a
/// text are none of these, and this one test spares them every other check.
fn may_start(c: char) -> bool {
    ascii_digit(c).is_some()
        || digit(c).is_some()
        || matches!(
            c,
            '十' | '拾' | '百' | '千' // numerals, 百分之, 千分之
                | '不' | '超' | '多' | '高' | '低' | '少' | '大' | '将' | '约' | '近' | '逾' // PREFIXES
                | '≤' | '≥' | '≦' | '≧' | '<' | '>'
        )
}

/// Whether a qualifier prefix (see `PREFIXES`) can start with `c`.
fn may_lead(c: char) -> bool {
    matches!(
        c,
        '不' | '超'
            | '多'
            | '高'
            | '低'
            | '少'
            | '大'
            | '将'
            | '约'
            | '近'
            | '逾'
            | '≤'
            | '≥'
            | '≦'
            | '≧'
            | '<'
            | '>'
    )
}

/// What stands before the numeral of a quantity: a qualifier (不低于, 超过), 百分之 or 千分之.
struct Lead {
    /// Where the numeral starts.
    i: usize,
    qualifier: Qualifier,
    percent_prefix: bool,
    permille_prefix: bool,
}

/// Reads the qualifier and the 百分之/千分之 that may lead a quantity at `start`.
fn lead_at(chars: &[char], start: usize) -> Lead {
    let mut i = start;
    let mut qualifier = Qualifier::Eq;
    // Most quantities start with their numeral: the prefixes are tried only after one of their
    // first characters.
    let may_lead = may_lead(chars[start]);
    for (word, q) in PREFIXES.iter().filter(|_| may_lead) {
        // 签约56.8万人, 预约, 节约: the 约 of a word says nothing of the number.
        if *word == "约"
            && start > 0
            && matches!(
                chars[start - 1],
                '签' | '预'
                    | '节'
                    | '制'
                    | '条'
                    | '公'
                    | '契'
                    | '邀'
                    | '履'
                    | '违'
                    | '解'
                    | '续'
                    | '特'
                    | '简'
            )
        {
            continue;
        }
        if starts_with(chars, i, word) {
            let after = i + word.chars().count();
            if numeral_at(chars, after).is_some() || starts_with(chars, after, "百分之") {
                qualifier = *q;
                i = after;
                break;
            }
        }
    }
    let percent_prefix = starts_with(chars, i, "百分之");
    if percent_prefix {
        i += 3;
    }
    // 千分之三: per thousand, read like 百分之 and marked as such by the caller.
    let permille_prefix = !percent_prefix && starts_with(chars, i, "千分之");
    if permille_prefix {
        i += 3;
    }
    Lead {
        i,
        qualifier,
        percent_prefix,
        permille_prefix,
    }
}

fn quantity_at(chars: &[char], start: usize) -> Option<Quantity> {
    if !may_start(chars[start]) {
        return None;
    }
    let Lead {
        i,
        mut qualifier,
        percent_prefix,
        permille_prefix,
    } = lead_at(chars, start);
    if percent_prefix && chars.get(i) == Some(&'百') {
        // 百分之百
        return Some(finish(
            chars,
            start,
            i,
            i + 1,
            100.0,
            None,
            qualifier,
            true,
            false,
        ));
    }
    let (mut value, numeral, mut j, q, mult) = value_at(chars, i)?;
    // A lone numeral character with nothing before it (no 百分之, no qualifier).
    let lone = numeral.chinese && numeral.end == i + 1 && i == start && !permille_prefix;
    // 大写 digits write amounts (壹佰贰拾元); one standing alone is a character of a word
    // (陆续, 队伍, 收拾, 放肆), not a number.
    if lone && (in_word(chars, i) || is_formal_digit(chars[i])) {
        return None;
    }
    if let Some(q) = q {
        qualifier = q;
    }
    // Dates and times written with separators are not quantities: 2020-01-06, 12:14:02, 2022/4/1.
    if !numeral.chinese && dated_token(chars, &numeral) {
        return Some(skip_token(chars, start));
    }
    let mut high = None;
    if let Some(&sep) = chars.get(j)
        && RANGE_SEPS.contains(&sep)
        && let Some((hv, hn, hj, hq, hmult)) = value_at(chars, j + 1)
        && hn.chinese == numeral.chinese
    {
        let mut hv = hv;
        if mult == 1.0 && hmult > 1.0 {
            value = round_float(value * hmult); // 两到三万
        }
        if hv < value {
            hv = value;
        }
        high = Some(hv);
        j = hj;
        if qualifier == Qualifier::Eq {
            qualifier = hq.unwrap_or(Qualifier::Ge);
        }
    }
    let ordinal = start > 0 && chars[start - 1] == '第';
    let num_end = j;
    let mut q = finish(
        chars,
        start,
        i,
        num_end,
        value,
        high,
        qualifier,
        percent_prefix,
        ordinal,
    );
    q.chinese = numeral.chinese;
    q.plain_integer = numeral.plain_integer && mult == 1.0;
    if permille_prefix {
        q.unit = Unit::Permille;
        q.measure = "千分之".into();
    }
    Some(q)
}

/// Whether an Arabic numeral starts a date, a time or a code written with separators
/// (2020-01-06, 12:14:02, 2022/4/1, 0371-1234567); a rate per 100,000 (12.5/10万) and a range of
/// years (2007-2011年) are not.
fn dated_token(chars: &[char], numeral: &Numeral) -> bool {
    let sep = chars.get(numeral.end).copied();
    let next_digit = chars
        .get(numeral.end + 1)
        .copied()
        .and_then(ascii_digit)
        .is_some();
    let per_100k =
        crate::unit::measure_unit(&chars[numeral.end..]).is_some_and(|(_, u)| u == Unit::Per100k);
    if matches!(sep, Some(':' | '：' | '/')) && next_digit && !per_100k {
        return true;
    }
    if matches!(sep, Some('-')) && next_digit {
        // a second dash after the next number makes it a date or a phone number
        let mut k = numeral.end + 1;
        while chars.get(k).copied().and_then(ascii_digit).is_some() {
            k += 1;
        }
        let year_range = k == numeral.end + 5
            && chars.get(k) == Some(&'年')
            && numeral.plain_integer
            && (1000.0..10000.0).contains(&numeral.value);
        return !year_range
            && (matches!(chars.get(k), Some('-'))
                || numeral.plain_integer && numeral.value >= 1000.0);
    }
    false
}

fn skip_token(chars: &[char], start: usize) -> Quantity {
    // A token that looked numeric but is a date, time or code: consumed, reported with no unit
    // and flagged ordinal so that no one takes it for a quantity.
    let mut end = start;
    while end < chars.len()
        && (ascii_digit(chars[end]).is_some() || matches!(chars[end], '-' | ':' | '：' | '/' | '.'))
    {
        end += 1;
    }
    Quantity {
        start,
        end,
        num_start: start,
        num_end: end,
        value: f64::NAN,
        high: None,
        qualifier: Qualifier::Eq,
        unit: Unit::None,
        measure: String::new(),
        text: chars[start..end].iter().collect(),
        chinese: false,
        ordinal: true,
        plain_integer: false,
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the parts of one quantity as the scanner found them; a struct would only rename them"
)]
fn finish(
    chars: &[char],
    start: usize,
    num_start: usize,
    num_end: usize,
    mut value: f64,
    mut high: Option<f64>,
    mut qualifier: Qualifier,
    percent_prefix: bool,
    ordinal: bool,
) -> Quantity {
    let mut j = num_end;
    let mut unit = Unit::None;
    let mut measure = String::new();
    if percent_prefix {
        unit = Unit::Percent;
    } else if tenths_at(chars, j, value) {
        // 近九成, 超过六成: tenths, written as a percent.
        unit = Unit::Percent;
        value = round_float(value * 10.0);
        high = high.map(|h| round_float(h * 10.0));
        measure = "成".to_string();
        j += 1;
    } else if let Some((n, u)) = measure_unit(&chars[j..]) {
        unit = u;
        measure = chars[j..j + n].iter().collect();
        j += n;
    }
    // 平均住院日7.9日 counts days: a day of the month is never a fraction.
    if unit == Unit::Day && chars[num_start..num_end].contains(&'.') {
        unit = Unit::Duration;
    }
    // 余/多 after a measure word is part of the phrase only for 个 (10个多月 is rare); suffixes:
    for (word, q) in SUFFIXES {
        if starts_with(chars, j, word) {
            if qualifier == Qualifier::Eq || *q == Qualifier::Approx {
                qualifier = *q;
            }
            j += word.chars().count();
            break;
        }
    }
    Quantity {
        start,
        end: j,
        num_start,
        num_end,
        value,
        high,
        qualifier,
        unit,
        measure,
        text: chars[start..j].iter().collect(),
        chinese: false,
        ordinal,
        plain_integer: false,
    }
}

/// Whether 成 at `j` after a whole number from one to ten counts tenths (近九成, 超过六成), not
/// the start of a word (三成员, 一成不变).
fn tenths_at(chars: &[char], j: usize, value: f64) -> bool {
    chars.get(j) == Some(&'成')
        && value.fract() == 0.0
        && (1.0..=10.0).contains(&value)
        && !chars
            .get(j + 1)
            .is_some_and(|c| "员人为本果绩效立功熟长都型套不年".contains(*c))
}

mod words;

use words::{in_word, is_formal_digit};

#[cfg(test)]
mod tests;

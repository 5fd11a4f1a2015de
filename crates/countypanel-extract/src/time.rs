//! Years and as-of dates in report text.

use countypanel_zhnum::{Quantity, Unit};

/// Earliest and latest year taken for a calendar year.
pub const YEAR_RANGE: std::ops::RangeInclusive<f64> = 1949.0..=2100.0;

/// What a sentence says about years.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearMention {
    /// Character offset (in the sentence) where the year starts.
    pub start: usize,
    /// Character offset (in the sentence) where the year ends.
    pub end: usize,
    /// The year, `None` when malformed.
    pub year: Option<i32>,
}

/// Calendar years mentioned by a sentence's quantities: 2019年 → 2019; a five- or more digit
/// number before 年 (202223年) is malformed and gives `None`.
#[must_use]
pub fn year_mentions(quantities: &[Quantity]) -> Vec<YearMention> {
    let mut out = Vec::new();
    for q in quantities {
        if q.unit == Unit::None
            && let Some((low, high)) = year_range(q)
        {
            // 2010至2012连续三年: two bare years joined as a range.
            for (at, y) in [(q.start, low), (q.end, high)] {
                out.push(YearMention {
                    start: at.min(q.start),
                    end: q.end,
                    year: Some(y),
                });
            }
            continue;
        }
        if q.unit != Unit::Year || q.chinese && q.value < 1949.0 {
            continue;
        }
        if q.plain_integer && YEAR_RANGE.contains(&q.value) {
            out.push(YearMention {
                start: q.start,
                end: q.end,
                year: Some(q.value as i32),
            });
            if let Some(h) = q.high
                && YEAR_RANGE.contains(&h)
            {
                out.push(YearMention {
                    start: q.start,
                    end: q.end,
                    year: Some(h as i32),
                });
            }
        } else if q.plain_integer && q.value >= 10000.0 {
            out.push(YearMention {
                start: q.start,
                end: q.end,
                year: None,
            });
        } else if q.chinese && YEAR_RANGE.contains(&q.value) && q.value.fract() == 0.0 {
            out.push(YearMention {
                start: q.start,
                end: q.end,
                year: Some(q.value as i32),
            });
        }
    }
    out
}

/// The years a quantity spans when it is a range of calendar years (2007-2011年, 2010至2012),
/// at most twenty years long.
#[must_use]
pub fn year_range(q: &Quantity) -> Option<(i32, i32)> {
    let high = q.high?;
    (q.plain_integer
        && !q.chinese
        && matches!(q.unit, Unit::Year | Unit::None)
        && YEAR_RANGE.contains(&q.value)
        && YEAR_RANGE.contains(&high)
        && high > q.value
        && high - q.value <= 20.0)
        .then_some((q.value as i32, high as i32))
}

/// Words after a range of years that make what the sentence states hold in each of its years
/// (2010至2012连续三年…都在99%以上).
const EACH_YEAR: &[&str] = &["连续", "每年", "历年", "年年", "均"];

/// The range of years whose every year the sentence's later facts hold in: a range of years
/// followed by 连续/每年. Returns the range and where it ends in the sentence.
#[must_use]
pub fn each_year_range(quantities: &[Quantity], sc: &[char]) -> Option<(i32, i32, usize)> {
    quantities.iter().find_map(|q| {
        let (low, high) = year_range(q)?;
        let mut k = q.end;
        if sc.get(k) == Some(&'年') {
            k += 1;
        }
        let after: String = sc[k.min(sc.len())..].iter().take(2).collect();
        EACH_YEAR
            .iter()
            .any(|w| after.starts_with(w))
            .then_some((low, high, q.end))
    })
}

/// The character every word of [`RELATIVE_YEARS`] holds: a text without it names no year in
/// words, and is not searched word by word.
pub const RELATIVE_YEAR_MARK: char = '年';

/// Year words relative to the publication year: 今年 0, 去年/上年 -1, 明年 +1, 前年 -2.
pub const RELATIVE_YEARS: &[(&str, i32)] = &[
    ("今年", 0),
    ("本年", 0),
    ("去年", -1),
    ("上年", -1),
    ("前年", -2),
    ("明年", 1),
];

/// Last day of a month.
#[must_use]
pub fn month_end(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
    }
}

pub use countypanel_core::date::{Ymd, civil_from_days, days_from_civil};

/// The year four digits starting at `i` write (2022 of 2022年, of 2016-2020), when no digit
/// stands right before them or right after them and the year is a plausible one.
#[must_use]
pub fn year_digits_at(sc: &[char], i: usize) -> Option<i32> {
    let digits = sc.get(i..i + 4)?;
    let alone =
        (i == 0 || !sc[i - 1].is_ascii_digit()) && !sc.get(i + 4).is_some_and(char::is_ascii_digit);
    if !alone || !digits.iter().all(char::is_ascii_digit) {
        return None;
    }
    let year: i32 = digits.iter().collect::<String>().parse().ok()?;
    (1949..=2100).contains(&year).then_some(year)
}

/// An as-of date stated as 截至/截止 YYYY年[M月][底|末|D日] starting at `at` in `chars`.
#[must_use]
pub fn as_of_at(chars: &[char], at: usize) -> Option<Ymd> {
    let rest: String = chars[at..chars.len().min(at + 20)].iter().collect();
    let rest = rest
        .strip_prefix("截至")
        .or_else(|| rest.strip_prefix("截止"))?;
    let rest = rest.strip_prefix("到").unwrap_or(rest);
    let (year_txt, after) = rest.split_once('年')?;
    let year: i32 = year_txt.trim().parse().ok()?;
    if !(1949..=2100).contains(&year) {
        return None;
    }
    if after.starts_with('底') || after.starts_with('末') {
        return Some((year, 12, 31));
    }
    let (month_txt, after) = after.split_once('月')?;
    let month: u32 = month_txt.trim().parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    if let Some((day_txt, _)) = after.split_once('日')
        && let Ok(day) = day_txt.trim().parse::<u32>()
        && (1..=month_end(year, month)).contains(&day)
    {
        return Some((year, month, day));
    }
    Some((year, month, month_end(year, month)))
}

/// Whether `text` writes a year (2023年).
#[must_use]
pub fn names_year(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4))
        .any(|i| chars[i + 4] == '年' && year_digits_at(&chars, i).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relative_year_word_holds_the_mark() {
        for (word, _) in RELATIVE_YEARS {
            assert!(word.contains(RELATIVE_YEAR_MARK), "{word}");
        }
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil((1970, 1, 1)), 0);
        assert_eq!(days_from_civil((2020, 1, 6)), 18267);
        assert_eq!(civil_from_days(18267), (2020, 1, 6));
        assert_eq!(
            civil_from_days(days_from_civil((2024, 2, 29))),
            (2024, 2, 29)
        );
    }

    #[test]
    fn as_of_dates() {
        let c: Vec<char> = "截至2019年10月底,全县".chars().collect();
        assert_eq!(as_of_at(&c, 0), Some((2019, 10, 31)));
        let c: Vec<char> = "截止2021年底".chars().collect();
        assert_eq!(as_of_at(&c, 0), Some((2021, 12, 31)));
        let c: Vec<char> = "截至目前".chars().collect();
        assert_eq!(as_of_at(&c, 0), None);
    }

    #[test]
    fn malformed_years_have_no_value() {
        let q = countypanel_zhnum::scan("202223年,2019年");
        let m = year_mentions(&q);
        assert_eq!(
            m.iter().map(|m| m.year).collect::<Vec<_>>(),
            vec![None, Some(2019)]
        );
    }
}

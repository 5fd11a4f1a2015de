//! Chinese numerals: 一千二百, 两万, 十二, 三点五, 一九九八, 壹佰, 〇.

/// Value of a Chinese digit character.
pub(crate) fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' | '貳' | '兩' | '倆' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Value of a Chinese unit character below 万.
pub(crate) fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// Value of a large unit character.
pub(crate) fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub(crate) fn is_numeral_char(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some() || is_point(c)
}

/// The decimal point of a Chinese numeral, in simplified and traditional writing.
pub(crate) fn is_point(c: char) -> bool {
    matches!(c, '点' | '點')
}

/// Parses a whole Chinese numeral. `None` when `s` is not one.
#[must_use]
pub fn parse_chinese(s: &str) -> Option<f64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || !chars.iter().all(|&c| is_numeral_char(c)) {
        return None;
    }
    let (int_part, frac_part) = match chars.iter().position(|&c| is_point(c)) {
        Some(p) => (&chars[..p], Some(&chars[p + 1..])),
        None => (&chars[..], None),
    };
    // A decimal may be followed by a multiplier: 一点五亿.
    let (frac_digits, frac_mult) = match frac_part {
        Some(f) => {
            let mut digits = f;
            let mut mult = 1.0;
            while let Some((&last, rest)) = digits.split_last() {
                match big_unit(last) {
                    Some(m) => {
                        mult *= m;
                        digits = rest;
                    }
                    None => break,
                }
            }
            if digits.is_empty() || !digits.iter().all(|&c| digit(c).is_some()) {
                return None;
            }
            (Some(digits), mult)
        }
        None => (None, 1.0),
    };
    let int = if int_part.is_empty() {
        if frac_digits.is_some() {
            Some(0.0)
        } else {
            None
        }
    } else {
        parse_integer(int_part)
    }?;
    let mut value = int;
    if let Some(d) = frac_digits {
        let mut scale = 0.1;
        let mut frac = 0.0;
        for &c in d {
            frac += f64::from(digit(c)?) * scale;
            scale /= 10.0;
        }
        value += frac;
    }
    Some(round_float(value * frac_mult))
}

/// Removes binary noise after decimal arithmetic (3.3 * 1e4 → 33000 exactly).
#[must_use]
pub fn round_float(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 12 - x.abs().log10().ceil() as i32;
    let digits = digits.clamp(0, 15);
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

fn parse_integer(chars: &[char]) -> Option<f64> {
    // A plain digit string such as 一九九八 or 二〇二三 reads digit by digit.
    if chars.len() > 1 && chars.iter().all(|&c| digit(c).is_some()) {
        let mut v = 0.0;
        for &c in chars {
            v = v * 10.0 + f64::from(digit(c)?);
        }
        return Some(v);
    }
    let mut total = 0.0; // parts of 亿 and above
    let mut wan = 0.0; // the 万 part
    let mut section = 0.0; // below 万
    let mut num: Option<f64> = None;
    let mut last_unit = 0.0;
    let mut seen_zero = false;
    for &c in chars {
        if let Some(d) = digit(c) {
            if num.is_some() {
                return None; // two digits in a row inside a unit numeral: 一二百
            }
            if d == 0 {
                seen_zero = true;
                continue;
            }
            num = Some(f64::from(d));
        } else if let Some(u) = small_unit(c) {
            let n = match num {
                Some(n) => n,
                None if u == 10.0 => 1.0, // 十二, 一百十
                None => return None,
            };
            section += n * u;
            num = None;
            last_unit = u;
            seen_zero = false;
        } else if let Some(b) = big_unit(c) {
            let part = section + num.unwrap_or(0.0);
            if part == 0.0 && total == 0.0 && wan == 0.0 {
                return None; // a bare 万 or 亿
            }
            if b >= 1e8 {
                total = (total + wan + part) * b;
                wan = 0.0;
            } else {
                wan = part * b;
            }
            section = 0.0;
            num = None;
            last_unit = b;
            seen_zero = false;
        } else {
            return None;
        }
    }
    let mut tail = num.unwrap_or(0.0);
    // 一万五 = 15000, 两百五 = 250: a last digit right after a unit counts one order below it.
    if num.is_some() && !seen_zero && last_unit >= 100.0 {
        tail *= last_unit / 10.0;
    }
    Some(total + wan + section + tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        for (s, v) in [
            ("十", 10.0),
            ("十二", 12.0),
            ("二十", 20.0),
            ("一百零五", 105.0),
            ("一千二百", 1200.0),
            ("两万", 20000.0),
            ("十二万三千四百五十六", 123_456.0),
            ("一亿二千万", 120_000_000.0),
            ("壹佰贰拾", 120.0),
            ("一九九八", 1998.0),
            ("二〇二三", 2023.0),
            ("一万五", 15000.0),
            ("两百五", 250.0),
            ("〇", 0.0),
        ] {
            assert_eq!(parse_chinese(s), Some(v), "{s}");
        }
    }

    #[test]
    fn decimals_and_multipliers() {
        assert_eq!(parse_chinese("三点五"), Some(3.5));
        assert_eq!(parse_chinese("一点五亿"), Some(150_000_000.0));
        assert_eq!(parse_chinese("三十二点三"), Some(32.3));
    }

    #[test]
    fn not_numerals() {
        assert_eq!(parse_chinese("万"), None);
        assert_eq!(parse_chinese("百"), None);
        assert_eq!(parse_chinese("一二百"), None);
        assert_eq!(parse_chinese("人"), None);
    }

    #[test]
    fn rounding_removes_float_noise() {
        assert_eq!(round_float(5.8 * 1e4), 58000.0);
        assert_eq!(round_float(0.1 + 0.2), 0.3);
    }
}

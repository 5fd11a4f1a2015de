//! Chinese quantities in running text.
//!
//! Finds the numbers of a report sentence as analysts read them: Arabic and Chinese numerals
//! (两, 〇, 大写 digits), 万/亿 multipliers with decimals, thousands separators, percent forms
//! (%, 百分之, ‰, 个百分点), ranges (1~2所, 两到三万), qualifiers (以上, 不少于, 超过, 多 → `ge`;
//! 以下, 以内 → `le`; 不足, 不到 → `lt`; 约, 左右, 余, 近 → `approx`) and the measure word that
//! follows, mapped to a unit. It depends on nothing and knows nothing of indicators: deciding
//! which numbers are facts is the extractor's job.
//!
//! ```
//! use countypanel_zhnum::{scan, Qualifier, Unit};
//! let q = scan("共有5.8万余户参加");
//! assert_eq!(q[0].value, 58000.0);
//! assert_eq!(q[0].unit, Unit::Household);
//! assert_eq!(q[0].qualifier, Qualifier::Approx);
//! ```

mod chinese;
mod scan;
mod unit;

pub use chinese::{parse_chinese, round_float};
pub use scan::{Quantity, scan, scan_chars};
pub use unit::{Unit, measure_unit};

/// How a stated number bounds the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// Exactly the stated number.
    Eq,
    /// At least (以上, 不少于, 超过, 多: in official usage 以上 includes the number).
    Ge,
    /// More than.
    Gt,
    /// At most (以下, 以内, 不超过).
    Le,
    /// Less than (不足, 不到, 低于).
    Lt,
    /// About (约, 左右, 余, 近).
    Approx,
}

impl Qualifier {
    /// The code stored in tables: eq, ge, gt, le, lt, approx.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Ge => "ge",
            Self::Gt => "gt",
            Self::Le => "le",
            Self::Lt => "lt",
            Self::Approx => "approx",
        }
    }
}

/// Parses a whole string as one number (a table cell, say): `1,234.5`, `32.3%`, `5.8万`,
/// `一千二百`, `百分之五十`. Percent forms give the percent number. Returns `None` when the string
/// holds anything besides one quantity.
#[must_use]
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    let found = scan(t);
    match found.as_slice() {
        [q] if q.start == 0 && q.end == t.chars().count() => Some(q.value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_number_takes_whole_cells_only() {
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number(" 32.3% "), Some(32.3));
        assert_eq!(parse_number("5.8万"), Some(58000.0));
        assert_eq!(parse_number("一千二百"), Some(1200.0));
        assert_eq!(parse_number("百分之五十"), Some(50.0));
        assert_eq!(parse_number("12 and 13"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("abc"), None);
    }
}

//! The year of a fact: stated in its sentence, carried from the paragraph, heading or section
//! before it, or taken from the publication date; and why, when it is not stated.

use crate::DocContext;
use crate::kind::Kind;
use crate::time::{self, YearMention, Ymd};

/// What the whole document says about years, decided once before its sentences are read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocYears {
    /// The year the report was written: its publication date, or else its latest 截至 date.
    pub published: Option<i32>,
    /// The year an undated status refers to.
    pub default: Option<i32>,
    /// Where `default` comes from.
    pub default_flag: &'static str,
    /// A year written with five or more digits (202223年) is what a broken template leaves
    /// behind; once a document shows one, none of its years can be trusted.
    pub untrusted: bool,
}

impl DocYears {
    pub(crate) fn of(chars: &[char], ctx: &DocContext) -> Self {
        // Without a publication date, the latest 截至 date of the text stands in for it: a report
        // stating 截至2019年10月底 was written in 2019.
        let as_of_reference = if ctx.published.is_none() {
            (0..chars.len())
                .filter(|&i| chars[i] == '截')
                .filter_map(|i| time::as_of_at(chars, i))
                .map(|(y, _, _)| y)
                .max()
        } else {
            None
        };
        Self {
            published: ctx.published.map(|(y, _, _)| y).or(as_of_reference),
            // A report published in the first quarter looks back on the year before.
            default: ctx
                .published
                .map(|(y, m, _)| if m <= 3 { y - 1 } else { y })
                .or(as_of_reference),
            default_flag: if ctx.published.is_some() {
                "published"
            } else {
                "as_of_reference"
            },
            untrusted: has_malformed_year(chars),
        }
    }
}

/// Years carried into a sentence from what came before it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Carried {
    /// The last year of the paragraph so far.
    pub paragraph: Option<i32>,
    /// Whether that last year was malformed.
    pub paragraph_malformed: bool,
    /// The year of the last heading that named one.
    pub heading: Option<i32>,
    /// The year of the section: a heading year or a sentence that opens with a year.
    pub section: Option<i32>,
}

/// The year of a number starting at `q_start` of its sentence and the flag that says where it
/// came from: a year before the number in the sentence, else after it, else carried over. A
/// target is dated by its own sentence or a year heading only: a plan's horizon does not date
/// each of its targets.
pub(crate) fn resolve(
    years: &[YearMention],
    q_start: usize,
    kind: Kind,
    carried: Carried,
    doc: DocYears,
) -> (Option<i32>, Option<&'static str>) {
    let malformed_or = |m: &YearMention, flag| {
        if m.year.is_none() {
            Some("malformed")
        } else {
            flag
        }
    };
    let stated = years
        .iter()
        .rfind(|m| m.end <= q_start)
        .map(|m| (m.year, malformed_or(m, None)))
        .or_else(|| {
            years
                .iter()
                .find(|m| m.end > q_start)
                .map(|m| (m.year, malformed_or(m, Some("later_in_sentence"))))
        });
    if doc.untrusted {
        (None, Some("document_years_malformed"))
    } else if let Some(s) = stated {
        s
    } else if kind == Kind::Target {
        match carried.heading {
            Some(y) => (Some(y), Some("heading")),
            None => (None, Some("target_undated")),
        }
    } else if carried.paragraph_malformed {
        (None, Some("malformed"))
    } else if let Some(y) = carried.paragraph {
        (Some(y), Some("paragraph"))
    } else if let Some(y) = carried.section {
        (Some(y), Some("section"))
    } else if let Some(y) = doc.default {
        (Some(y), Some(doc.default_flag))
    } else {
        (None, Some("unknown"))
    }
}

/// Whether the text holds a year of five or more digits (202223年).
fn has_malformed_year(chars: &[char]) -> bool {
    let mut run = 0;
    for &c in chars {
        if c.is_ascii_digit() {
            run += 1;
        } else {
            if c == '年' && run >= 5 {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// Whether a year at `start` opens its sentence (only list markers before it).
pub(crate) fn opens_sentence(sc: &[char], start: usize) -> bool {
    sc[..start.min(sc.len())]
        .iter()
        .all(|&c| !c.is_alphanumeric() || "一二三四五六七八九十".contains(c))
}

/// The as-of date (截至…) of a sentence.
pub(crate) fn as_of(sc: &[char]) -> Option<Ymd> {
    (0..sc.len())
        .find(|&i| sc[i] == '截')
        .and_then(|i| time::as_of_at(sc, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(default: Option<i32>) -> DocYears {
        DocYears {
            published: default,
            default,
            default_flag: "published",
            untrusted: false,
        }
    }

    fn mention(start: usize, year: Option<i32>) -> YearMention {
        YearMention {
            start,
            end: start + 5,
            year,
        }
    }

    #[test]
    fn the_year_before_the_number_wins_then_the_one_after() {
        let years = [mention(0, Some(2019)), mention(20, Some(2020))];
        let c = Carried::default();
        assert_eq!(
            resolve(&years, 10, Kind::Actual, c, doc(None)),
            (Some(2019), None)
        );
        assert_eq!(
            resolve(&years[1..], 10, Kind::Actual, c, doc(None)),
            (Some(2020), Some("later_in_sentence"))
        );
    }

    #[test]
    fn carried_years_in_order_paragraph_section_publication() {
        let mut c = Carried {
            section: Some(2018),
            ..Carried::default()
        };
        assert_eq!(
            resolve(&[], 0, Kind::Actual, c, doc(Some(2021))),
            (Some(2018), Some("section"))
        );
        c.paragraph = Some(2017);
        assert_eq!(
            resolve(&[], 0, Kind::Actual, c, doc(Some(2021))),
            (Some(2017), Some("paragraph"))
        );
        assert_eq!(
            resolve(&[], 0, Kind::Actual, Carried::default(), doc(Some(2021))),
            (Some(2021), Some("published"))
        );
    }

    #[test]
    fn a_target_is_dated_by_its_sentence_or_a_heading_only() {
        let c = Carried {
            paragraph: Some(2020),
            ..Carried::default()
        };
        assert_eq!(
            resolve(&[], 0, Kind::Target, c, doc(Some(2021))),
            (None, Some("target_undated"))
        );
    }

    #[test]
    fn malformed_years_are_flagged() {
        let chars: Vec<char> = "2023~202223年".chars().collect();
        assert!(has_malformed_year(&chars));
        let d = DocYears::of(&chars, &DocContext::default());
        assert_eq!(
            resolve(&[], 0, Kind::Actual, Carried::default(), d),
            (None, Some("document_years_malformed"))
        );
    }
}

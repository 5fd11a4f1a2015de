//! Normalisation of decoded text: NFKC (full-width digits and punctuation become ASCII),
//! traditional characters to simplified (so that 覆蓋率 matches the catalog's 覆盖率), spaces
//! folded, line breaks kept, runs of blank lines folded to one.

use unicode_normalization::UnicodeNormalization;

/// Whether text is written in traditional characters: it holds one of the commonest characters
/// that exist only in traditional writing. Converting costs a hash lookup per character, so
/// simplified text (nearly all reports) skips it.
fn looks_traditional(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '這' | '個'
                | '們'
                | '會'
                | '為'
                | '縣'
                | '國'
                | '醫'
                | '衛'
                | '療'
                | '與'
                | '說'
                | '時'
                | '學'
                | '發'
                | '經'
                | '對'
                | '區'
                | '機'
                | '構'
                | '務'
                | '實'
                | '現'
                | '達'
                | '進'
                | '體'
                | '關'
                | '點'
                | '數'
                | '簽'
                | '約'
                | '蓋'
                | '檔'
                | '壓'
                | '規'
                | '範'
                | '萬'
                | '億'
                | '員'
        )
    })
}

/// Whether NFKC leaves `c` alone and `c` splits NFKC safely: a starter that composes with
/// nothing before it, so that the text before and after it normalise independently. ASCII and
/// the CJK unified ideographs (the bulk of a report) are such characters.
fn nfkc_stable(c: char) -> bool {
    matches!(c, ' '..='~' | '\n' | '\u{4e00}'..='\u{9fff}')
}

/// NFKC of the text with line breaks unified (CRLF and lone CR become LF), ideographic and
/// no-break spaces and tabs made spaces, zero-width spaces and BOMs dropped. Runs of ASCII and
/// CJK ideographs are copied; full-width ASCII forms are mapped directly; anything else goes
/// through the full NFKC algorithm together with the character before it (which a combining
/// mark may compose with).
fn nfkc_fast(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut slow = String::new();
    let mut chars = text.chars().peekable();
    let flush = |slow: &mut String, out: &mut String| {
        if !slow.is_empty() {
            out.extend(slow.nfkc());
            slow.clear();
        }
    };
    // The last character copied as is, which a slow run must take back to normalise with.
    let mut last_fast: Option<char> = None;
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    continue;
                }
                '\n'
            }
            '\u{3000}' | '\u{a0}' | '\t' => ' ',
            '\u{200b}' | '\u{feff}' => continue,
            c => c,
        };
        if nfkc_stable(c) {
            flush(&mut slow, &mut out);
            out.push(c);
            last_fast = Some(c);
        } else if ('\u{ff01}'..='\u{ff5e}').contains(&c) && slow.is_empty() {
            // Full-width ASCII: NFKC maps each to the ASCII character 0xFEE0 below it. The
            // original is remembered in case a combining mark follows and composes with it.
            let mapped = char::from_u32(c as u32 - 0xfee0).unwrap_or(c);
            out.push(mapped);
            last_fast = Some(c);
        } else {
            if slow.is_empty()
                && let Some(prev) = last_fast.take()
            {
                out.pop();
                slow.push(prev);
            }
            slow.push(c);
        }
        if !slow.is_empty() {
            last_fast = None;
        }
    }
    flush(&mut slow, &mut out);
    // The full algorithm may itself produce characters mapped above (a compatibility form can
    // decompose to a no-break space): map those too.
    if out.contains(['\u{3000}', '\u{a0}', '\t', '\u{200b}', '\u{feff}', '\r']) {
        out = out
            .chars()
            .filter_map(|c| match c {
                '\r' => Some('\n'),
                '\u{3000}' | '\u{a0}' | '\t' => Some(' '),
                '\u{200b}' | '\u{feff}' => None,
                c => Some(c),
            })
            .collect();
    }
    out
}

/// Normalises text; fact offsets refer to the result.
#[must_use]
pub fn normalize(text: &str) -> String {
    let converted;
    let text = if looks_traditional(text) {
        converted = simplet2s::convert(text);
        converted.as_str()
    } else {
        text
    };
    let nfkc = nfkc_fast(text);
    // Spaces folded within lines, lines trimmed, runs of blank lines kept as one.
    let mut out = String::with_capacity(nfkc.len());
    let mut blank_run = 0;
    for line in nfkc.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        let mut space = false;
        for c in line.chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// Ends the current line of `out` (trailing spaces dropped), unless it is empty or already ended.
pub(crate) fn end_line(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_becomes_ascii_and_spaces_fold() {
        assert_eq!(
            normalize("签约率８３％，　建档率 \t 95%"),
            "签约率83%, 建档率 95%"
        );
    }

    /// The slow path's reference: what the fast path must equal.
    fn reference(text: &str) -> String {
        text.replace("\r\n", "\n")
            .nfkc()
            .filter_map(|c| match c {
                '\r' => Some('\n'),
                '\u{3000}' | '\u{a0}' | '\t' => Some(' '),
                '\u{200b}' | '\u{feff}' => None,
                c => Some(c),
            })
            .collect()
    }

    #[test]
    fn fast_nfkc_equals_full_nfkc() {
        for text in [
            "签约率８３％，　建档率 \t 95%",
            "e\u{301}t\u{e9} Ａ\u{301} ｆｉ\u{fb01}",
            "①②…㎡ ℃ ¼ 〇 \u{3000}",
            "甲\r\n\r\n乙\r丙\u{200b}丁\u{feff}",
            "한국어 가\u{1161} ﾊﾟ ｶﾞ",
            "Ｘ\u{300}\u{316}！",
            "",
        ] {
            assert_eq!(nfkc_fast(text), reference(text), "{text:?}");
        }
        // Every character of the stable set is left alone by NFKC.
        for c in (' '..='~').chain('\u{4e00}'..='\u{9fff}') {
            assert!(c.to_string().nfkc().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn paragraphs_survive_and_blank_runs_fold() {
        assert_eq!(normalize("甲\r\n\r\n\r\n乙\n丙\n"), "甲\n\n乙\n丙");
        assert_eq!(normalize("甲\r\n乙"), "甲\n乙");
    }
}

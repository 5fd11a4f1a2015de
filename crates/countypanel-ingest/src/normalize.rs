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

/// Normalises text; fact offsets refer to the result.
#[must_use]
pub fn normalize(text: &str) -> String {
    // CRLF and lone CR are line breaks; only blank lines make paragraphs.
    let unified = text.replace("\r\n", "\n");
    let unified = if looks_traditional(&unified) {
        simplet2s::convert(&unified)
    } else {
        unified
    };
    let nfkc: String = unified
        .nfkc()
        .map(|c| match c {
            '\r' => '\n',
            '\u{3000}' | '\u{a0}' | '\t' => ' ',
            '\u{200b}' | '\u{feff}' => '\u{0}',
            c => c,
        })
        .filter(|&c| c != '\u{0}')
        .collect();
    let mut out = String::with_capacity(nfkc.len());
    let mut blank_run = 0;
    for line in nfkc.split('\n') {
        let mut folded = String::with_capacity(line.len());
        let mut space = false;
        for c in line.trim().chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space && !folded.is_empty() {
                    folded.push(' ');
                }
                space = false;
                folded.push(c);
            }
        }
        if folded.is_empty() {
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
        out.push_str(&folded);
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

    #[test]
    fn paragraphs_survive_and_blank_runs_fold() {
        assert_eq!(normalize("甲\r\n\r\n\r\n乙\n丙\n"), "甲\n\n乙\n丙");
        assert_eq!(normalize("甲\r\n乙"), "甲\n乙");
    }
}

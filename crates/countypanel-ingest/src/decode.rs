//! Bytes to text: byte-order mark, then an HTML `<meta charset>`, then strict UTF-8, then
//! detection with a Chinese hint. Any GB* label decodes as GB18030, its superset.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Name of the encoding used (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    pub encoding: String,
    /// How the encoding was chosen: `bom`, `meta`, `utf8`, `detected`.
    pub how: &'static str,
    /// Number of U+FFFD replacement characters the decoding introduced.
    pub replacements: usize,
    /// The charset an HTML page declared, when it declared one.
    pub declared: Option<&'static str>,
}

/// The charset an HTML page declares in its first 4 KB, if any.
#[must_use]
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + 7;
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_'))
        {
            i += 1;
        }
        if i > start
            && let Some(enc) = label_encoding(&lower[start..i])
        {
            return Some(enc);
        }
        from = i.max(from + pos + 7);
    }
    None
}

/// Where `needle` first occurs in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// An encoding label, with every GB* label mapped to GB18030.
fn label_encoding(label: &[u8]) -> Option<&'static Encoding> {
    if label.starts_with(b"gb") {
        return Some(GB18030);
    }
    Encoding::for_label(label).map(|e| if e == encoding_rs::GBK { GB18030 } else { e })
}

/// Decodes bytes, choosing the encoding as described in the module documentation.
#[must_use]
pub fn decode(bytes: &[u8], is_html: bool) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return run(enc, &bytes[bom_len..], "bom");
    }
    let declared = if is_html { meta_charset(bytes) } else { None };
    let with_declared = |mut d: Decoded| {
        d.declared = declared.map(Encoding::name);
        d
    };
    if let Some(enc) = declared {
        if enc != UTF_8 || std::str::from_utf8(bytes).is_ok() {
            return with_declared(run(enc, bytes, "meta"));
        }
        // A page that says UTF-8 but is not valid UTF-8: a few broken sequences in UTF-8 text
        // are kept as replacement characters; a page in another encoding (every Chinese
        // character invalid) falls through to detection.
        let lossy = run(UTF_8, bytes, "meta");
        let valid_non_ascii = lossy
            .text
            .chars()
            .filter(|&c| !c.is_ascii() && c != '\u{fffd}')
            .count();
        if valid_non_ascii >= 4 * lossy.replacements {
            return with_declared(lossy);
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return with_declared(Decoded {
            text: s.to_string(),
            encoding: "UTF-8".into(),
            how: "utf8",
            replacements: 0,
            declared: None,
        });
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return with_declared(run(enc, bytes, "detected"));
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let guess = det.guess(Some(b"cn"), true);
    let enc = if guess == encoding_rs::GBK {
        GB18030
    } else {
        guess
    };
    with_declared(run(enc, bytes, "detected"))
}

/// UTF-16 text without a byte-order mark shows NUL in every other byte for ASCII and CJK
/// punctuation; detect the side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 3 > pairs && even_nul * 20 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 3 > pairs && odd_nul * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn run(enc: &'static Encoding, bytes: &[u8], how: &'static str) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let already = bytes_have_replacement(bytes, enc);
    let replacements = text
        .chars()
        .filter(|&c| c == '\u{fffd}')
        .count()
        .saturating_sub(already);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name().to_string(),
        how,
        replacements,
        declared: None,
    }
}

/// U+FFFD characters already present in UTF-8 input are not decoding errors.
fn bytes_have_replacement(bytes: &[u8], enc: &'static Encoding) -> usize {
    if enc == UTF_8 {
        bytes
            .windows(3)
            .filter(|w| *w == [0xEF, 0xBF, 0xBD])
            .count()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_page_with_meta_charset() {
        let (bytes, _, _) = GB18030
            .encode("<html><head><meta charset=\"gb2312\"></head><body>签约率83%</body></html>");
        let d = decode(&bytes, true);
        assert_eq!(
            (d.encoding.as_str(), d.how, d.replacements),
            ("gb18030", "meta", 0)
        );
        assert!(d.text.contains("签约率83%"));
    }

    #[test]
    fn gb18030_text_without_label_is_detected() {
        let text =
            "全县共有村卫生室148家,乡镇卫生院12所,家庭医生签约覆盖率达到百分之七十五。".repeat(4);
        let (bytes, _, _) = GB18030.encode(&text);
        let d = decode(&bytes, false);
        assert_eq!(d.text, text);
        assert_eq!(d.how, "detected");
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "建档率95%".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, false);
        assert_eq!((d.text.as_str(), d.how), ("建档率95%", "bom"));
    }

    #[test]
    fn page_labelled_utf8_but_gbk_is_detected() {
        let body = "家庭医生签约服务覆盖率稳步提高,全年新增签约居民一万二千人。".repeat(3);
        let html = format!("<meta charset=\"utf-8\"><p>{body}</p>");
        let (bytes, _, _) = GB18030.encode(&html);
        let d = decode(&bytes, true);
        assert!(d.text.contains(&body), "{}", d.text);
        assert_eq!(
            (d.declared, d.encoding.as_str()),
            (Some("UTF-8"), "gb18030")
        );
    }

    #[test]
    fn a_few_broken_bytes_in_a_utf8_page_stay_utf8() {
        let body = "全县家庭医生签约覆盖率达到百分之七十五,建档率95%。".repeat(3);
        let mut bytes = format!("<meta charset=\"utf-8\"><p>{body}</p>").into_bytes();
        bytes.splice(25..25, [0xFF, 0xFE]);
        let d = decode(&bytes, true);
        assert_eq!((d.encoding.as_str(), d.replacements), ("UTF-8", 2));
        assert!(d.text.contains("建档率95%"));
    }
}

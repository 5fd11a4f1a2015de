//! Stable content hashes used for document ids, fact ids and input fingerprints.

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of `bytes`.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write as _;
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A short stable id: the first `n` hex digits of the SHA-256 of the parts joined by `\x1f`.
#[must_use]
pub fn short_id(parts: &[&str], n: usize) -> String {
    let mut hasher = Sha256::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            hasher.update([0x1f]);
        }
        hasher.update(p.as_bytes());
    }
    let digest = hasher.finalize();
    let mut out = String::with_capacity(n);
    for b in digest {
        use std::fmt::Write as _;
        let _ = write!(out, "{b:02x}");
        if out.len() >= n {
            break;
        }
    }
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_empty_input_is_the_known_constant() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn short_id_separates_parts() {
        assert_ne!(short_id(&["ab", "c"], 16), short_id(&["a", "bc"], 16));
        assert_eq!(short_id(&["x"], 12).len(), 12);
    }
}

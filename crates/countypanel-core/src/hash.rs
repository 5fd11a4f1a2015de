//! Stable content hashes used for document ids, fact ids and input fingerprints.

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of `bytes`.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes), 64)
}

/// The first `n` lower-case hex digits of `bytes` (a table look-up per digit: hashing every
/// fact's id made the formatting machinery a cost of its own).
fn hex(bytes: &[u8], n: usize) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(n);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
        if out.len() >= n {
            break;
        }
    }
    out.truncate(n);
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
    hex(&hasher.finalize(), n)
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
        // The prefix of the joined parts' SHA-256, odd lengths included.
        let full = sha256_hex(b"ab\x1fc");
        for n in [1, 15, 16, 64] {
            assert_eq!(short_id(&["ab", "c"], n), full[..n]);
        }
    }
}

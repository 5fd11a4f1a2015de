//! The one pseudo-random generator of the project (`SplitMix64`): deterministic on every
//! platform, for the synthetic corpora, facts tables and benchmarks, whose bytes must not
//! depend on the machine.

/// A sequence generator: each call to [`SplitMix64::next_u64`] advances the state.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        finish(self.0)
    }

    /// Uniform in `lo..=hi`.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1).unsigned_abs()).cast_signed()
    }

    /// A percent with one decimal in `lo..hi`.
    #[expect(clippy::cast_precision_loss, reason = "values of a few thousand")]
    pub fn pct(&mut self, lo: i64, hi: i64) -> f64 {
        self.int(lo * 10, hi * 10) as f64 / 10.0
    }

    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.next_u64() % items.len() as u64).unwrap_or(0)]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// The `SplitMix64` finaliser: a stateless mix of 64 bits, for values that are functions of
/// their position (a cell's value from its region, year and indicator).
#[must_use]
pub fn mix(z: u64) -> u64 {
    finish(z.wrapping_add(0x9E37_79B9_7F4A_7C15))
}

fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_fixed_and_mix_is_its_first_step() {
        let mut r = SplitMix64(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(mix(0), 0xE220_A839_7B1D_CDAF);
        let v = SplitMix64(7).int(3, 5);
        assert!((3..=5).contains(&v));
    }
}

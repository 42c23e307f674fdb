//! Eight bytes at a time in a `u64` (SIMD within a register): per-byte tests whose answer is
//! each byte's high bit, and those bits gathered into a mask. Portable, and a fraction of the
//! instructions of a byte loop, which the compiler vectorizes poorly for baseline x86-64.

pub const LOW: u64 = 0x0101_0101_0101_0101;
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `b`, the first one lowest.
#[inline(always)]
pub fn load(b: &[u8]) -> u64 {
    u64::from_le_bytes(b[..8].try_into().expect("8 bytes"))
}

/// The high bit of each byte of `x` below 0x80 that is at least `c` (`c` at most 0x80).
#[inline(always)]
pub fn at_least(x: u64, c: u8) -> u64 {
    // (b | 0x80) - c keeps its high bit exactly when b >= c, and never borrows from the next byte.
    ((x | HIGH) - u64::from(c) * LOW) & !x & HIGH
}

/// The high bit of each zero byte of `x`.
#[inline(always)]
pub fn zero_bytes(x: u64) -> u64 {
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// The high bit of each byte of `x` equal to `c`.
#[inline(always)]
pub fn equal(x: u64, c: u8) -> u64 {
    zero_bytes(x ^ (u64::from(c) * LOW))
}

/// The high bit of each byte of `x` that is an ASCII word character (a letter, digit or `_`).
#[inline(always)]
pub fn word_bytes(x: u64) -> u64 {
    let lower = x | (0x20 * LOW);
    let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    (letter | digit | equal(x, b'_')) & !x
}

/// The high bits of the eight bytes of `x` as eight bits, the first byte's lowest.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline(always)]
pub fn mask(x: u64) -> u64 {
    ((x >> 7) & LOW).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The high bits of 64 bytes as a mask, the first byte's lowest: on x86-64 with SSE2 (part of
/// every x86-64), one instruction each 16 bytes.
#[inline(always)]
pub fn mask64(b: &[u8; 64]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_movemask_epi8, _mm_set_epi64x};
        let mut m = 0;
        for k in 0..4 {
            let (low, high) = (load(&b[16 * k..]) as i64, load(&b[16 * k + 8..]) as i64);
            // SAFETY: SSE2 is part of every x86-64 processor.
            let bits = unsafe { _mm_movemask_epi8(_mm_set_epi64x(high, low)) };
            m |= u64::from(bits as u16) << (16 * k);
        }
        m
    }
    #[cfg(not(target_arch = "x86_64"))]
    (0..8).fold(0, |m, k| m | mask(load(&b[8 * k..])) << (8 * k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_in_every_place_agrees_with_the_byte_tests() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                for fill in [b' ', b'a', 0xFF, 0, b'\t'] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let x = load(&bytes);
                    let want = |f: fn(u8) -> bool| -> u64 {
                        (0..8).map(|k| u64::from(f(bytes[k])) << k).sum()
                    };
                    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
                    assert_eq!(mask(word_bytes(x)), want(word), "{bytes:?}");
                    assert_eq!(mask(zero_bytes(x)), want(|c| c == 0), "{bytes:?}");
                    assert_eq!(mask(at_least(x, b'0')), want(|c| (b'0'..0x80).contains(&c)));
                }
            }
        }
    }

    #[test]
    fn the_high_bits_of_64_bytes_in_every_place() {
        for at in 0..64 {
            for (b, fill) in [(0x80, 0x7F), (0xFF, 0), (0, 0xFF), (b'a', b' ')] {
                let mut block = [fill; 64];
                block[at] = b;
                let want = (0..64)
                    .map(|k| u64::from(block[k] >= 0x80) << k)
                    .sum::<u64>();
                assert_eq!(mask64(&block), want, "{block:?}");
            }
        }
    }
}

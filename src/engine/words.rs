//! The words of the normalized text, as key matching sees them: runs of letters, digits, marks
//! and `_`, read eight bytes at a time while they are ASCII.

use super::{boundary, swar};
use crate::dict::key::is_word_char;

/// Byte classes: an ASCII word character, another ASCII character, or a byte of a
/// multi-byte character (which is read as a character to tell).
pub const WORD: u8 = 1;
pub const OTHER: u8 = 0;
pub const MULTI: u8 = 2;
pub static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            MULTI
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            WORD
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Is `c` an ASCII word character? Told with no table and no branch, so that a loop of it
/// becomes vector instructions.
#[inline(always)]
pub fn ascii_word(c: u8) -> bool {
    ((c | 0x20).wrapping_sub(b'a') < 26) | (c.wrapping_sub(b'0') < 10) | (c == b'_')
}

/// Length of the word character at `p`, or 0 if another character (or a broken one) is there.
#[inline]
pub fn word_char_len(hay: &[u8], p: usize) -> usize {
    match CLASS[hay[p] as usize] {
        WORD => return 1,
        OTHER => return 0,
        _ => {}
    }
    boundary::char_at(hay, p).map_or(0, |c| if is_word_char(c) { c.len_utf8() } else { 0 })
}

#[inline]
pub fn char_len(hay: &[u8], p: usize) -> usize {
    match hay[p] {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
    .min(hay.len() - p)
}

/// Where the word running at `p` ends: eight bytes at a time while they are ASCII.
#[inline]
pub fn run_end(hay: &[u8], mut p: usize) -> usize {
    loop {
        match hay.get(p..p + 8) {
            Some(eight) => {
                let others = !swar::word_bytes(swar::load(eight)) & swar::HIGH;
                if others == 0 {
                    p += 8;
                    continue;
                }
                p += others.trailing_zeros() as usize / 8;
            }
            None => {
                while p < hay.len() && CLASS[hay[p] as usize] == WORD {
                    p += 1;
                }
            }
        }
        // A multi-byte character may go on with the word.
        match hay.get(p) {
            Some(&b) if b >= 0x80 => match word_char_len(hay, p) {
                0 => return p,
                n => p += n,
            },
            _ => return p,
        }
    }
}

/// Does a word start at `p`, which begins a run of word characters? Not inside one, nor after
/// an apostrophe inside one (`t` of `don't`).
#[inline]
pub fn starts_word(hay: &[u8], p: usize) -> bool {
    match p.checked_sub(1).map(|q| hay[q]) {
        None => true,
        Some(b) if b < 0x80 && b != b'\'' => CLASS[b as usize] != WORD,
        Some(_) => boundary::starts_word(hay, p, 'a'),
    }
}

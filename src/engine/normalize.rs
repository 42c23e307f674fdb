//! The view of a text that keys are found in: ASCII letters lower-cased, `’` as `'`, each
//! run of whitespace as one space (the same rules as `dict::key`). A sparse shift table maps
//! every position back to the original bytes, so offsets never drift.

use super::words::ascii_word;
use super::{boundary, swar};
use std::ops::Range;

/// A word character of the normalized text, as words are counted: ASCII letters, digits and
/// `_`, and any other alphanumeric char.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// ASCII whitespace: space, \t, \n, \x0b, \x0c, \r.
#[inline(always)]
fn ascii_space(c: u8) -> bool {
    (c == b' ') | (c.wrapping_sub(b'\t') < 5)
}

/// Does a byte need more than a one-to-one copy: a byte of a multi-byte char, a control byte
/// that is not whitespace, or whitespace followed by more whitespace (a run to collapse; a lone
/// whitespace byte maps to one space).
#[inline(always)]
fn special(c: u8, next: u8) -> bool {
    (c >= 0x80)
        | ((c < 0x20) & !ascii_space(c))
        | (ascii_space(c) & (ascii_space(next) | (next >= 0x80)))
}

/// The one-to-one mapping of plain bytes: ASCII letters lower-cased, whitespace as a space.
#[inline(always)]
fn plain(c: u8) -> u8 {
    let control = 0u8.wrapping_sub(u8::from(c < 0x20));
    let lowered = c | (u8::from(c.wrapping_sub(b'A') < 26) << 5);
    (b' ' & control) | (lowered & !control)
}

/// Bytes of plain ASCII tested and copied at a time.
const CHUNK: usize = 32;

/// Copies the plain bytes of `b` from `i` on to `text`, mapped (see [`plain`]), up to the first
/// special byte: returns its position (or `b.len()`). A chunk at a time while none is special:
/// each byte is tested and mapped alone, with no branch, which the compiler turns into vector
/// instructions (a fraction of the eight-bytes-in-a-register tests).
fn copy_plain(b: &[u8], mut i: usize, text: &mut Vec<u8>) -> usize {
    while let Some(chunk) = b.get(i..i + CHUNK + 1) {
        let any = (0..CHUNK).fold(0u8, |any, k| {
            any | u8::from(special(chunk[k], chunk[k + 1]))
        });
        if any != 0 {
            break;
        }
        let mapped: [u8; CHUNK] = std::array::from_fn(|k| plain(chunk[k]));
        text.extend_from_slice(&mapped);
        i += CHUNK;
    }
    while i < b.len() {
        if special(b[i], b.get(i + 1).copied().unwrap_or(b'x')) {
            return i;
        }
        text.push(plain(b[i]));
        i += 1;
    }
    b.len()
}

/// Words that start in `plain` (ASCII), given whether a word was running before it: eight
/// bytes at a time, a word start being a word byte whose byte before is not one.
fn word_starts(plain: &[u8], in_word: bool) -> usize {
    let mut n = 0usize;
    // The high bit of the byte before the next eight, when it is a word byte.
    let mut carry = if in_word { 0x80 } else { 0 };
    let mut chunks = plain.chunks_exact(8);
    for chunk in &mut chunks {
        let w = swar::word_bytes(swar::load(chunk));
        n += (w & !((w << 8) | carry)).count_ones() as usize;
        carry = w >> 56;
    }
    let mut prev = carry != 0;
    for &c in chunks.remainder() {
        let w = ascii_word(c);
        n += usize::from(w & !prev);
        prev = w;
    }
    n
}

pub struct Normalized {
    /// Normalized bytes; valid UTF-8 whenever the source is.
    pub text: Vec<u8>,
    /// The original offset of normalized position 0 (a window of a larger text starts later).
    base: usize,
    /// `(position, shift)`: from `position` on, original = base + normalized + `shift`.
    shifts: Vec<(usize, usize)>,
}

impl Normalized {
    pub fn new(src: &str) -> Self {
        Self::of(src, 0..src.len())
    }

    /// No view: its positions are the text's own offsets (for matches kept from a reading
    /// before).
    pub fn offsets() -> Self {
        Normalized {
            text: Vec::new(),
            base: 0,
            shifts: Vec::new(),
        }
    }

    /// The normalized view of the bytes `within` of `src` (on char boundaries), whose positions
    /// map back to offsets in the whole of `src`.
    pub fn of(src: &str, within: Range<usize>) -> Self {
        let base = within.start;
        let src = &src[within];
        let b = src.as_bytes();
        let mut text = Vec::with_capacity(b.len());
        let mut shifts = Vec::new();
        let mut shift = 0usize;
        let mut i = 0;
        while i < b.len() {
            // A stretch of plain ASCII: copied lower-cased.
            i = copy_plain(b, i, &mut text);
            if i == b.len() {
                break;
            }
            let run = space_run(b, i);
            if run > 0 {
                text.push(b' ');
                i += run;
                if run > 1 {
                    shift += run - 1;
                    shifts.push((text.len(), shift));
                }
            } else if b[i..].starts_with("\u{2019}".as_bytes()) {
                text.push(b'\'');
                i += 3;
                shift += 2;
                shifts.push((text.len(), shift));
            } else {
                let ch = src[i..].chars().next().expect("i is on a char boundary");
                let len = ch.len_utf8();
                text.extend_from_slice(&b[i..i + len]);
                i += len;
            }
        }
        Normalized { text, base, shifts }
    }

    /// Words (runs of letters, digits and `_`, as the spin score counts them) that start in the
    /// normalized positions `range` (a word running on from before the range is not counted
    /// again).
    pub fn words_in(&self, range: Range<usize>) -> usize {
        let t = &self.text[..range.end];
        let mut in_word = boundary::char_before(t, range.start).is_some_and(is_word);
        let mut n = 0;
        let mut i = range.start;
        while i < t.len() {
            let ascii = ascii_run(&t[i..]);
            if ascii > 0 {
                n += word_starts(&t[i..i + ascii], in_word);
                in_word = ascii_word(t[i + ascii - 1]);
                i += ascii;
            } else {
                let ch = boundary::char_at(t, i).expect("normalized text is UTF-8");
                n += usize::from(is_word(ch) && !in_word);
                in_word = is_word(ch);
                i += ch.len_utf8();
            }
        }
        n
    }

    /// The first normalized position whose original offset is at least `offset`.
    pub fn position_of(&self, offset: usize) -> usize {
        let (mut lo, mut hi) = (0, self.text.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.original(mid) < offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The original byte offset of normalized position `p` (`p == text.len()` allowed).
    pub fn original(&self, p: usize) -> usize {
        let k = self.shifts.partition_point(|&(pos, _)| pos <= p);
        self.base + p + if k == 0 { 0 } else { self.shifts[k - 1].1 }
    }
}

/// Length of the run of ASCII bytes `b` starts with, eight bytes at a time.
fn ascii_run(b: &[u8]) -> usize {
    let mut i = 0;
    while let Some(eight) = b.get(i..i + 8) {
        let high = swar::load(eight) & swar::HIGH;
        if high != 0 {
            return i + high.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + b[i..].iter().take_while(|c| c.is_ascii()).count()
}

/// Length in bytes of the whitespace run starting at `i` (0 if none starts there).
fn space_run(b: &[u8], mut i: usize) -> usize {
    let start = i;
    while i < b.len() {
        if ascii_space(b[i]) {
            i += 1;
        } else if let Some(n) = unicode_space(&b[i..]) {
            i += n;
        } else {
            break;
        }
    }
    i - start
}

/// Length of a non-ASCII White_Space char at the start of `b`, if one is there.
fn unicode_space(b: &[u8]) -> Option<usize> {
    match *b {
        [0xC2, 0x85 | 0xA0, ..] => Some(2),
        [0xE1, 0x9A, 0x80, ..] => Some(3),
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] => Some(3),
        [0xE2, 0x81, 0x9F, ..] | [0xE3, 0x80, 0x80, ..] => Some(3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::key;

    #[test]
    fn agrees_with_key_normalization() {
        for s in [
            "Don’t  STOP\r\n\tnow",
            "a\u{a0}\u{2003}b",
            "Ça va’",
            "",
            "  x  ",
        ] {
            let n = Normalized::new(s);
            assert_eq!(
                String::from_utf8(n.text.clone()).unwrap(),
                key::normalize(s),
                "{s:?}"
            );
        }
    }

    #[test]
    fn maps_every_char_start_back_to_the_original() {
        let s = "Won’t\r\n\r\n  stop — x\u{a0}\u{a0}y";
        let n = Normalized::new(s);
        let norm = String::from_utf8(n.text.clone()).unwrap();
        let mut orig_chars = s
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, _)| i);
        for (p, c) in norm.char_indices().filter(|(_, c)| *c != ' ') {
            assert_eq!(Some(n.original(p)), orig_chars.next(), "at {p} {c:?}");
        }
        assert_eq!(n.original(n.text.len()), s.len());
    }

    #[test]
    fn counts_words() {
        let n = Normalized::new("One, two-three ça  4");
        assert_eq!(n.words_in(0..n.text.len()), 5);
    }

    fn naive_words(s: &str) -> usize {
        let mut n = 0;
        let mut prev = false;
        for c in s.chars() {
            let w = key::is_word_char(c);
            n += usize::from(w && !prev);
            prev = w;
        }
        n
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_agrees_with_the_reference(
            s in "([a-zA-Z_0-9 ,.'’\t\r\n\u{a0}\u{2003}é日-]{0,80}){1,3}",
            at in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let n = Normalized::new(&s);
            proptest::prop_assert_eq!(String::from_utf8(n.text.clone()).unwrap(), key::normalize(&s));
            let words = n.words_in(0..n.text.len());
            proptest::prop_assert_eq!(words, naive_words(&s));
            // Split anywhere on a char boundary, a word is counted on the side it starts.
            let text = std::str::from_utf8(&n.text).unwrap();
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let k = bounds[at.index(bounds.len())];
            proptest::prop_assert_eq!(n.words_in(0..k) + n.words_in(k..text.len()), words);
            proptest::prop_assert_eq!(n.original(n.text.len()), s.len());
        }

        #[test]
        fn a_window_maps_back_into_the_whole_text(
            s in "([a-zA-Z ,.'’\t\n\u{a0}é日-]{0,80}){1,3}",
            at in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
            let from = starts.get(at.index(starts.len().max(1))).copied().unwrap_or(0);
            let w = Normalized::of(&s, from..s.len());
            proptest::prop_assert_eq!(w.original(w.text.len()), s.len());
            for (p, c) in String::from_utf8(w.text.clone()).unwrap().char_indices() {
                let o = w.original(p);
                proptest::prop_assert!(o >= from);
                if c != ' ' && c != '\'' {
                    proptest::prop_assert_eq!(s[o..].chars().next().map(|d| d.to_ascii_lowercase()), Some(c));
                }
            }
        }
    }
}

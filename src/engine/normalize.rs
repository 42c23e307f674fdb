//! The view of a text that the automaton scans: ASCII letters lower-cased, `’` as `'`, each
//! run of whitespace as one space (the same rules as `dict::key`). A sparse shift table maps
//! every position back to the original bytes, so offsets never drift.

/// Byte classes for the hot loop.
const COPY: u8 = 0;
const WORD: u8 = 1;
const SPACE: u8 = 2;
const HIGH: u8 = 3;

static CLASS: [u8; 256] = {
    let mut t = [COPY; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() || b == b'_' {
            WORD
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            SPACE
        } else if b >= 0x80 {
            HIGH
        } else {
            COPY
        };
        i += 1;
    }
    t
};

pub struct Normalized {
    /// Normalized bytes; valid UTF-8 whenever the source is.
    pub text: Vec<u8>,
    /// `(position, shift)`: from `position` on, original = normalized + `shift`.
    shifts: Vec<(usize, usize)>,
    /// Number of words (runs of letters and digits), for the spin score.
    pub words: usize,
}

impl Normalized {
    pub fn new(src: &str) -> Self {
        let b = src.as_bytes();
        let mut text = Vec::with_capacity(b.len());
        let mut shifts = Vec::new();
        let mut shift = 0usize;
        let mut words = 0usize;
        let mut in_word = false;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            match CLASS[c as usize] {
                WORD => {
                    text.push(c.to_ascii_lowercase());
                    words += usize::from(!in_word);
                    in_word = true;
                    i += 1;
                }
                COPY => {
                    text.push(c);
                    in_word = false;
                    i += 1;
                }
                _ => {
                    let run = space_run(b, i);
                    if run > 0 {
                        text.push(b' ');
                        in_word = false;
                        i += run;
                        if run > 1 {
                            shift += run - 1;
                            shifts.push((text.len(), shift));
                        }
                    } else if b[i..].starts_with("\u{2019}".as_bytes()) {
                        text.push(b'\'');
                        in_word = false;
                        i += 3;
                        shift += 2;
                        shifts.push((text.len(), shift));
                    } else {
                        let ch = src[i..].chars().next().expect("i is on a char boundary");
                        let len = ch.len_utf8();
                        text.extend_from_slice(&b[i..i + len]);
                        let word = ch.is_alphanumeric();
                        words += usize::from(word && !in_word);
                        in_word = word;
                        i += len;
                    }
                }
            }
        }
        Normalized { text, shifts, words }
    }

    /// The original byte offset of normalized position `p` (`p == text.len()` allowed).
    pub fn original(&self, p: usize) -> usize {
        let k = self.shifts.partition_point(|&(pos, _)| pos <= p);
        p + if k == 0 { 0 } else { self.shifts[k - 1].1 }
    }
}

/// Length in bytes of the whitespace run starting at `i` (0 if none starts there).
fn space_run(b: &[u8], mut i: usize) -> usize {
    let start = i;
    while i < b.len() {
        if CLASS[b[i] as usize] == SPACE {
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
        for s in ["Don’t  STOP\r\n\tnow", "a\u{a0}\u{2003}b", "Ça va’", "", "  x  "] {
            let n = Normalized::new(s);
            assert_eq!(String::from_utf8(n.text.clone()).unwrap(), key::normalize(s), "{s:?}");
        }
    }

    #[test]
    fn maps_every_char_start_back_to_the_original() {
        let s = "Won’t\r\n\r\n  stop — x\u{a0}\u{a0}y";
        let n = Normalized::new(s);
        let norm = String::from_utf8(n.text.clone()).unwrap();
        let mut orig_chars = s.char_indices().filter(|(_, c)| !c.is_whitespace()).map(|(i, _)| i);
        for (p, c) in norm.char_indices().filter(|(_, c)| *c != ' ') {
            assert_eq!(Some(n.original(p)), orig_chars.next(), "at {p} {c:?}");
        }
        assert_eq!(n.original(n.text.len()), s.len());
    }

    #[test]
    fn counts_words() {
        assert_eq!(Normalized::new("One, two-three ça  4").words, 5);
    }
}

//! Word boundaries and context conditions, read on the normalized text.

use crate::dict::key::is_word_char;

pub fn char_before(hay: &[u8], p: usize) -> Option<char> {
    match p.checked_sub(1).map(|q| hay[q]) {
        Some(b) if b < 0x80 => return Some(b as char),
        None => return None,
        _ => {}
    }
    let head = &hay[..p];
    let start = (0..p).rev().take(4).find(|&i| (head[i] as i8) >= -0x40)?;
    std::str::from_utf8(&head[start..]).ok()?.chars().next()
}

pub fn char_at(hay: &[u8], p: usize) -> Option<char> {
    if let Some(&b) = hay.get(p).filter(|&&b| b < 0x80) {
        return Some(b as char);
    }
    let tail = hay.get(p..)?;
    let end = tail.len().min(4);
    let s = (1..=end)
        .rev()
        .find_map(|n| std::str::from_utf8(&tail[..n]).ok())?;
    s.chars().next()
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(is_word_char)
}

/// Can a match whose text begins with `first` start at `p`? A word must not continue from the
/// left, also not through an apostrophe (`t` inside `don't`).
pub fn starts_word(hay: &[u8], p: usize, first: char) -> bool {
    if !is_word_char(first) || p == 0 {
        return true;
    }
    match char_before(hay, p) {
        Some('\'') => !is_word(p.checked_sub(1).and_then(|q| char_before(hay, q))),
        c => !is_word(c),
    }
}

/// Endings a word takes after an apostrophe and stays whole before ("gap's", "we'll"); not
/// "t", whose word is cut short ("don't", "can't").
const CLITICS: [&str; 6] = ["s", "ll", "re", "ve", "d", "m"];

/// Can a match whose text ends with `last` end at `p`? Also before a clitic: `black gap`
/// matches in "the black gap's mass" as anywhere else.
pub fn ends_word(hay: &[u8], p: usize, last: char) -> bool {
    if !is_word_char(last) {
        return true;
    }
    match char_at(hay, p) {
        Some('\'') => {
            let after = p + 1;
            !is_word(char_at(hay, after))
                || CLITICS.iter().any(|c| {
                    hay.get(after..after + c.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(c.as_bytes()))
                        && !is_word(char_at(hay, after + c.len()))
                })
        }
        c => !is_word(c),
    }
}

/// Does `phrase` (normalized) stand right before `p`, with at most whitespace between?
pub fn preceded_by(hay: &[u8], p: usize, phrase: &str) -> bool {
    let p = if p > 0 && hay[p - 1] == b' ' {
        p - 1
    } else {
        p
    };
    let Some(start) = p.checked_sub(phrase.len()) else {
        return false;
    };
    &hay[start..p] == phrase.as_bytes()
        && first_char(phrase).is_some_and(|c| starts_word(hay, start, c))
}

/// Does `phrase` (normalized) stand right after `p`, with at most whitespace between?
pub fn followed_by(hay: &[u8], p: usize, phrase: &str) -> bool {
    let p = if hay.get(p) == Some(&b' ') { p + 1 } else { p };
    let end = p + phrase.len();
    hay.get(p..end) == Some(phrase.as_bytes())
        && last_char(phrase).is_some_and(|c| ends_word(hay, end, c))
}

/// Does `phrase` (normalized) occur anywhere in `hay` as whole words?
pub fn contains(hay: &[u8], phrase: &str) -> bool {
    let (Some(first), Some(last)) = (first_char(phrase), last_char(phrase)) else {
        return false;
    };
    memchr::memmem::find_iter(hay, phrase.as_bytes())
        .any(|s| starts_word(hay, s, first) && ends_word(hay, s + phrase.len(), last))
}

pub fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

pub fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_respect_non_ascii_letters_and_apostrophes() {
        let hay = "émental don't x".as_bytes();
        assert!(!starts_word(hay, 2, 'm'), "é is a letter");
        assert!(!ends_word(hay, 11, 'n'), "don inside don't");
        assert!(starts_word(hay, 9, 'd'));
        assert!(!starts_word(hay, 13, 't'), "t inside don't");
        assert!(ends_word(b"a-b", 1, 'a'), "hyphen is a boundary");
        assert!(
            ends_word(b"gap's edge", 3, 'p'),
            "a possessive ends its word"
        );
        assert!(ends_word(b"we'll go", 2, 'e'));
        assert!(!ends_word(b"gap'sx", 3, 'p'), "only a whole clitic");
        assert!(!ends_word(b"o'neil", 1, 'o'));
    }

    #[test]
    fn context_phrases() {
        let hay = b"the xinhua news agency said";
        assert!(preceded_by(hay, 16, "news"));
        assert!(preceded_by(hay, 16, "xinhua news"));
        assert!(!preceded_by(hay, 16, "ews"));
        assert!(followed_by(hay, 22, "said"));
        assert!(!followed_by(hay, 22, "sai"));
        assert!(contains(hay, "news agency"));
        assert!(!contains(hay, "agenc"));
    }
}

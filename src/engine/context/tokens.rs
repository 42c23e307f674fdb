//! The text as the language model reads it: lower-case words with their byte ranges, and
//! sentence markers. Hyphens and punctuation separate words (the model has few hyphenated
//! words: "cyber-attacks" is read "cyber attacks"); an apostrophe between letters stays inside
//! the word ("it's", "cruise's"), `’` read as `'`. An address (a URL, an e-mail address, a
//! handle, a hashtag) is not prose: its words are not read, and it ends a sentence.

use crate::lang::lm::{Model, Word};
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Token {
    /// Bytes of the word in the text; empty for a sentence marker.
    pub range: Range<usize>,
    pub id: Word,
}

impl Token {
    pub fn is_marker(&self) -> bool {
        self.range.is_empty()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The model's spelling of a word: ASCII lower case, `’` as `'`.
pub fn spelling(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    spell_into(word, &mut out);
    out
}

/// [`spelling`] into `out`, which is cleared first.
fn spell_into(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().map(|c| {
        if c == '\u{2019}' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    }));
}

/// The words of `text` with their byte ranges (no markers).
pub fn words(text: &str) -> Vec<Range<usize>> {
    word_ranges(text).collect()
}

/// [`words`], one at a time.
fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (i, c) = chars.find(|&(_, c)| is_word_char(c))?;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if is_apostrophe(d)
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
            {
                chars.next();
            } else {
                break;
            }
        }
        Some(i..end)
    })
}

/// Does a sentence (or a clause the model reads as one) end between two words? Lines within
/// a paragraph may be wrapped, so only a blank line ends one without punctuation.
fn ends_sentence(between: &str) -> bool {
    between.contains(['.', '!', '?', ':', ';']) || between.contains("\n\n")
}

/// Every word of the bytes `within` of `text` (at word boundaries) with its model id and its
/// range in `text`, a sentence-start marker before each sentence and an end marker after it.
/// A long text is read only around what is asked of it.
pub fn tokens(model: &Model, text: &str, within: Range<usize>) -> Vec<Token> {
    let base = within.start;
    let text_in = &text[within];
    // About a word in six bytes, and a sentence's two markers: capacity never touched costs no
    // memory, growing copies (the words are not listed first, for long texts' sake).
    let mut out = Vec::with_capacity(text_in.len() / 3 + 2);
    let marker = |at: usize, id: u32| Token {
        range: at..at,
        id: Some(id),
    };
    let mut prev_end = base;
    // An address is not prose: its words are not read, and it ends a sentence.
    let addresses = crate::engine::address::spans(text_in.as_bytes());
    let mut next_address = addresses.iter().peekable();
    let mut broken = false;
    // Each word is spelled into one buffer; its id is most often known already.
    let mut word = String::new();
    for r in word_ranges(text_in) {
        while next_address.next_if(|a| a.end <= r.start).is_some() {}
        if next_address.peek().is_some_and(|a| a.start <= r.start) {
            broken = true;
            continue;
        }
        let r = base + r.start..base + r.end;
        let first = out.is_empty();
        if first || broken || ends_sentence(&text[prev_end..r.start]) {
            if !first {
                out.push(marker(prev_end, model.sentence_end()));
            }
            out.push(marker(r.start, model.sentence_start()));
        }
        broken = false;
        spell_into(&text[r.clone()], &mut word);
        let id = super::memo::id(model, &word);
        out.push(Token {
            range: r.clone(),
            id,
        });
        prev_end = r.end;
    }
    if !out.is_empty() {
        out.push(marker(prev_end, model.sentence_end()));
    }
    out
}

/// The end of the `n`th word of `text` from byte `from` (the text's end if it has fewer), and
/// how many words that is. Byte by byte, ASCII without decoding: it runs for every repair.
pub fn reach(text: &str, from: usize, n: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut i, mut words, mut end, mut inside) = (from, 0, from, false);
    while i < b.len() {
        let (word, len) = class_at(text, i);
        match word {
            Class::Word => {
                if !inside {
                    if words == n {
                        break;
                    }
                    words += 1;
                    inside = true;
                }
                end = i + len;
            }
            // An apostrophe between letters stays inside the word.
            Class::Apostrophe
                if inside && i + len < b.len() && class_at(text, i + len).0 == Class::Word => {}
            _ => inside = false,
        }
        i += len;
    }
    (end, words)
}

/// The start of the `n`th word before byte `at` of `text` (its start if it has fewer).
/// Apostrophes count as letters here: a word is never entered halfway.
pub fn back(text: &str, at: usize, n: usize) -> usize {
    let b = text.as_bytes();
    let (mut i, mut words, mut start, mut inside) = (at, 0, at, false);
    while i > 0 {
        i -= 1;
        while b[i] & 0xC0 == 0x80 {
            i -= 1;
        }
        if class_at(text, i).0 != Class::Other {
            inside = true;
            start = i;
        } else if inside {
            inside = false;
            words += 1;
            if words == n {
                return start;
            }
        }
    }
    0
}

#[derive(PartialEq, Eq)]
enum Class {
    Word,
    Apostrophe,
    Other,
}

/// What the character at byte `i` of `text` (a char boundary) is, and its length.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let b = text.as_bytes()[i];
    let c = match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => return (Class::Word, 1),
        b'\'' => return (Class::Apostrophe, 1),
        0..0x80 => return (Class::Other, 1),
        _ => text[i..]
            .chars()
            .next()
            .expect("a char boundary inside the text"),
    };
    let class = if is_word_char(c) {
        Class::Word
    } else if is_apostrophe(c) {
        Class::Apostrophe
    } else {
        Class::Other
    };
    (class, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_hyphens_and_keep_inner_apostrophes() {
        let text = "Cyber-assaults: it’s Cruise's 'quote' 2020.";
        let got: Vec<&str> = words(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            ["Cyber", "assaults", "it’s", "Cruise's", "quote", "2020"]
        );
    }

    #[test]
    fn sentences_are_marked() {
        let m = Model::builtin();
        let t = tokens(m, "The gap grew. It closed", 0..23);
        let markers: Vec<bool> = t.iter().map(Token::is_marker).collect();
        assert_eq!(
            markers,
            [true, false, false, false, true, true, false, false, true]
        );
        assert_eq!(t[1].id, m.id("the"));
        assert_eq!(spelling("It’S"), "it's");
    }

    #[test]
    fn an_address_is_not_read_and_breaks_the_sentence() {
        let m = Model::builtin();
        let text = "see https://x.org/black-gap-news the gap";
        let t = tokens(m, text, 0..text.len());
        let read: Vec<&str> = t
            .iter()
            .filter(|t| !t.is_marker())
            .map(|t| &text[t.range.clone()])
            .collect();
        assert_eq!(read, ["see", "the", "gap"]);
        let markers: Vec<bool> = t.iter().map(Token::is_marker).collect();
        assert_eq!(markers, [true, false, true, true, false, false, true]);
    }

    #[test]
    fn a_window_reads_its_words_where_the_whole_text_does() {
        let m = Model::builtin();
        let text = "One two. Three four five six, seven eight";
        let (end, n) = reach(text, 9, 3);
        assert_eq!((&text[9..end], n), ("Three four five", 3));
        assert_eq!(reach(text, 30, 9), (text.len(), 2));
        let start = back(text, 30, 2);
        assert_eq!(&text[start..30], "five six, ");
        assert_eq!(back(text, 30, 99), 0);
        let whole = tokens(m, text, 0..text.len());
        let part = tokens(m, text, start..text.len());
        let words = |t: &[Token]| -> Vec<(Range<usize>, Word)> {
            t.iter()
                .filter(|t| !t.is_marker())
                .map(|t| (t.range.clone(), t.id))
                .collect()
        };
        assert!(words(&whole).ends_with(&words(&part)));
    }
}

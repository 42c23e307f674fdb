//! Mentions: a phrase an article talks about rather than uses. A column on fraudulent papers
//! writes "'counterfeit consciousness' instead of artificial intelligence": repairing it would
//! destroy the very example. A phrase in quotation marks, or right beside its own replacement
//! joined by "for", "instead of", "rather than" or "in place of" (either way round), is a
//! mention and is left alone. Quotation marks around a name or title (an entry matched only as
//! written, `case: exact`) set off the title ("“Depraved” flips the script" for "“Wicked”"), as
//! articles quote films and shows: only its original beside it makes it a mention.

use crate::dict::model::{CaseMode, Rule};
use std::ops::Range;

/// Marks that open or close a quotation.
const QUOTES: &[char] = &[
    '"', '\'', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '«', '»',
];

/// Words that join a phrase and the one it stands for, word by word.
const JOINS: &[&[&str]] = &[
    &["for"],
    &["instead", "of"],
    &["rather", "than"],
    &["in", "place", "of"],
];

/// Letters in the longest first or last word of a join ("instead").
const LONGEST_JOIN: usize = 7;

/// Is the phrase at `range` of `text`, whose repair by `rule` would be `to`, a mention?
pub fn is_mention(text: &str, range: &Range<usize>, to: &str, rule: &Rule) -> bool {
    (rule.case != CaseMode::Exact && quoted(text, range)) || beside(text, range, to)
}

/// Is the phrase wrapped in quotation marks (a comma or full stop may stand inside the closing
/// one)? An opening `'` counts only after a space or at the start, so that an apostrophe
/// ("the firm's mental property") is not taken for one.
fn quoted(text: &str, range: &Range<usize>) -> bool {
    let Some(open) = text[..range.start].chars().next_back() else {
        return false;
    };
    let before_open = text[..range.start - open.len_utf8()].chars().next_back();
    let opens = QUOTES.contains(&open)
        && (open != '\'' || before_open.is_none_or(|c| c.is_whitespace() || c == '('));
    let mut after = text[range.end..].chars();
    let close = match after.next() {
        Some(',' | '.' | ';' | ':' | '!' | '?') => after.next(),
        c => c,
    };
    opens && close.is_some_and(|c| QUOTES.contains(&c))
}

/// Does the phrase stand beside `to` joined by one of [`JOINS`] ("X instead of Y" or "Y
/// instead of X")? Only spaces and quotation marks may stand between.
fn beside(text: &str, range: &Range<usize>, to: &str) -> bool {
    // Most phrases have no join on either side: told by one word each way, without allocating,
    // and without reading further into a word than a join is long (a text of hyphenated keys,
    // "yr-yr-yr-...", is one long word: read whole at every key, it would cost its square).
    let gap = |c: char| c.is_whitespace() || QUOTES.contains(&c);
    let after = short_word(text[range.end..].trim_start_matches(gap), false);
    let before = short_word(text[..range.start].trim_end_matches(gap), true);
    let joins = |w: &str, last: bool| {
        JOINS.iter().any(|j| {
            let word = if last { j[j.len() - 1] } else { j[0] };
            w.eq_ignore_ascii_case(word)
        })
    };
    let (joins_after, joins_before) = (joins(after, false), joins(before, true));
    if !joins_after && !joins_before {
        return false;
    }
    // Only the side a join stands on is read word by word.
    let to: Vec<String> = to.split_whitespace().map(str::to_lowercase).collect();
    let side = |read: bool, text: &str, backwards| match read {
        true => words(text, to.len() + 3, backwards),
        false => Vec::new(),
    };
    let after = side(joins_after, &text[range.end..], false);
    let before = side(joins_before, &text[..range.start], true);
    JOINS.iter().any(|&join| {
        let follows = |seq: &[String]| {
            seq.len() >= join.len() + to.len()
                && seq[..join.len()].iter().zip(join).all(|(a, b)| a == b)
                && seq[join.len()..join.len() + to.len()] == to[..]
        };
        // Before the phrase, the words come nearest first: the join, then `to` backwards.
        let precedes = |seq: &[String]| {
            seq.len() >= join.len() + to.len()
                && seq[..join.len()]
                    .iter()
                    .zip(join.iter().rev())
                    .all(|(a, b)| a == b)
                && seq[join.len()..join.len() + to.len()]
                    .iter()
                    .eq(to.iter().rev())
        };
        follows(&after) || precedes(&before)
    })
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The word `s` starts with (ends with, `from_end`), or nothing if it is longer than any word
/// of a join.
fn short_word(s: &str, from_end: bool) -> &str {
    // The word's length in bytes, if it is short enough.
    fn length(chars: impl Iterator<Item = char>) -> Option<usize> {
        let mut len = 0;
        for (n, c) in chars.enumerate().take_while(|&(_, c)| is_word(c)) {
            if n == LONGEST_JOIN {
                return None;
            }
            len += c.len_utf8();
        }
        Some(len)
    }
    match from_end {
        true => length(s.chars().rev()).map_or("", |len| &s[s.len() - len..]),
        false => length(s.chars()).map_or("", |len| &s[..len]),
    }
}

/// Up to `n` lower-cased words of `text` from its start (from its end when `backwards`),
/// stopping at anything but spaces and quotation marks between them.
fn words(text: &str, n: usize, backwards: bool) -> Vec<String> {
    let gap = |c: char| c.is_whitespace() || QUOTES.contains(&c);
    let mut out = Vec::new();
    let mut rest = text;
    while out.len() < n {
        rest = if backwards {
            rest.trim_end_matches(gap)
        } else {
            rest.trim_start_matches(gap)
        };
        let len = if backwards {
            rest.len() - rest.trim_end_matches(is_word).len()
        } else {
            rest.len() - rest.trim_start_matches(is_word).len()
        };
        if len == 0 {
            break;
        }
        let (w, next) = if backwards {
            (&rest[rest.len() - len..], &rest[..rest.len() - len])
        } else {
            (&rest[..len], &rest[len..])
        };
        out.push(w.to_lowercase());
        rest = next;
        // A word must end at a gap, or the text: "AI," stops the run after it.
        let edge = if backwards {
            rest.chars().next_back()
        } else {
            rest.chars().next()
        };
        if edge.is_some_and(|c| !gap(c)) {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_word_as_short_as_a_join_is_read_beside_a_phrase() {
        assert_eq!(short_word("instead of AI", false), "instead");
        assert_eq!(short_word("rather than", true), "than");
        // A word longer than any join is not read to its end.
        assert_eq!(short_word("yr-yr-yr-yr", false), "");
        assert_eq!(short_word("a yr-yr-yr-yr", true), "");
    }

    fn mention(text: &str, phrase: &str, to: &str) -> bool {
        mention_by(text, phrase, &Rule::plain(phrase, to))
    }

    fn mention_by(text: &str, phrase: &str, rule: &Rule) -> bool {
        // The test texts are ASCII around the phrase, so lower-casing keeps the offsets.
        let start = text.to_lowercase().find(&phrase.to_lowercase()).unwrap();
        is_mention(text, &(start..start + phrase.len()), &rule.to, rule)
    }

    #[test]
    fn a_quoted_title_is_not_a_mention_unless_its_original_stands_beside_it() {
        let title = Rule {
            case: CaseMode::Exact,
            ..Rule::plain("Depraved", "Wicked")
        };
        let text = "the musical \u{201c}Depraved\u{201d} opens";
        assert!(!mention_by(text, "Depraved", &title));
        assert!(mention_by(
            text,
            "Depraved",
            &Rule::plain("Depraved", "Wicked")
        ));
        assert!(mention_by(
            "they wrote \"Depraved\" for \"Wicked\"",
            "Depraved",
            &title
        ));
    }

    #[test]
    fn quoted_phrases_are_mentions() {
        let to = "artificial intelligence";
        assert!(mention(
            "papers write 'counterfeit consciousness' now",
            "counterfeit consciousness",
            to
        ));
        assert!(mention(
            "the phrase \u{201c}counterfeit consciousness,\u{201d} they",
            "counterfeit consciousness",
            to
        ));
        assert!(mention(
            "a \"counterfeit consciousness\" model",
            "counterfeit consciousness",
            to
        ));
        assert!(!mention(
            "the firms' counterfeit consciousness' test",
            "counterfeit consciousness",
            to
        ));
        assert!(!mention(
            "a counterfeit consciousness model",
            "counterfeit consciousness",
            to
        ));
    }

    #[test]
    fn a_phrase_beside_its_own_original_is_a_mention() {
        let to = "artificial intelligence";
        for text in [
            "they wrote counterfeit consciousness instead of artificial intelligence.",
            "counterfeit consciousness for \u{201c}artificial intelligence\u{201d}",
            "Counterfeit consciousness rather than Artificial Intelligence",
            "artificial intelligence in place of counterfeit consciousness",
            "artificial intelligence rather than 'counterfeit consciousness'",
        ] {
            assert!(mention(text, "counterfeit consciousness", to), "{text}");
        }
        assert!(!mention(
            "counterfeit consciousness for the people",
            "counterfeit consciousness",
            to
        ));
        assert!(!mention(
            "counterfeit consciousness. For artificial intelligence",
            "counterfeit consciousness",
            to
        ));
        assert!(!mention(
            "a counterfeit consciousness system",
            "counterfeit consciousness",
            to
        ));
    }
}

//! A candidate's words as the aligner reads them: its phrases counted, contractions written
//! out, capitals of the place told from the word's own, and its example in context.

use super::MAX_WORDS;
use crate::quality::align::{self, Alignment};

/// Words of context shown on each side of an example.
const CONTEXT_WORDS: usize = 5;

/// Do `a` and `b` differ only by contractions written out or made ("I've" / "I have")?
pub fn contraction_swap(a: &str, b: &str) -> bool {
    expanded(a) == expanded(b)
}

/// The words of `s`, lower-cased, with contractions written out ("can't" -> "can not", "I've"
/// -> "i have"), so that a contraction swap compares equal.
fn expanded(s: &str) -> Vec<String> {
    const WHOLE: &[(&str, &str)] = &[
        ("can't", "can not"),
        ("cannot", "can not"),
        ("won't", "will not"),
        ("shan't", "shall not"),
    ];
    const ENDINGS: &[(&str, &str)] = &[
        ("n't", " not"),
        ("'ve", " have"),
        ("'m", " am"),
        ("'re", " are"),
        ("'ll", " will"),
        ("'d", " would"),
        ("'s", " is"),
    ];
    let mut out = Vec::new();
    for w in word_norms(s) {
        let w = w.replace('\u{2019}', "'");
        let full = WHOLE
            .iter()
            .find(|(c, _)| *c == w)
            .map(|(_, e)| e.to_string())
            .or_else(|| {
                ENDINGS.iter().find_map(|(end, e)| {
                    w.strip_suffix(end)
                        .filter(|stem| !stem.is_empty())
                        .map(|stem| format!("{stem}{e}"))
                })
            })
            .unwrap_or(w);
        out.extend(full.split(' ').map(str::to_string));
    }
    out
}

/// How often each phrase of up to [`MAX_WORDS`] tokens occurs in `texts` (lower-cased tokens
/// joined by spaces, as [`word_norms`] gives them).
pub(super) fn phrase_counts<'a>(
    texts: impl Iterator<Item = &'a str>,
) -> std::collections::HashMap<String, usize> {
    let mut counts = std::collections::HashMap::new();
    for text in texts {
        let tokens = word_norms(text);
        for i in 0..tokens.len() {
            for n in 1..=MAX_WORDS.min(tokens.len() - i) {
                *counts.entry(tokens[i..i + n].join(" ")).or_default() += 1;
            }
        }
    }
    counts
}

pub(super) fn word_norms(s: &str) -> Vec<String> {
    align::tokens(s)
        .into_iter()
        .map(|t| t.norm.to_lowercase())
        .collect()
}

pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does the phrase at byte `start` open a sentence, a line or the text (so its capital may be
/// the position's, not the word's)?
pub(super) fn sentence_initial(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let trimmed = before.trim_end();
    trimmed.is_empty()
        || before[trimmed.len()..].contains('\n')
        || trimmed.ends_with(['.', '!', '?', ':', '"', '\u{201c}'])
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// `s` with its first letter lower-cased, unless its first word is an acronym or "I".
pub(super) fn decapitalize(s: &str) -> String {
    let first = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if first.chars().skip(1).any(char::is_uppercase) || first == "I" {
        return s.to_string();
    }
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The spun tokens `range` in a few words of context, marked `[...]`, on one line.
pub(super) fn example(spun: &str, a: &Alignment, range: std::ops::Range<usize>) -> String {
    let from = range.start.saturating_sub(CONTEXT_WORDS);
    let to = (range.end + CONTEXT_WORDS).min(a.spun.len());
    let inside = a.spun_bytes(range.clone());
    let start = if from < range.start {
        a.spun[from].range.start
    } else {
        inside.start
    };
    let end = if to > range.end {
        a.spun[to - 1].range.end
    } else {
        inside.end
    };
    let text = format!(
        "{}[{}]{}",
        &spun[start..inside.start],
        &spun[inside.clone()],
        &spun[inside.end..end]
    );
    let dots = |more: bool| if more { "..." } else { "" };
    format!(
        "\"{}{}{}\"",
        dots(from > 0),
        one_line(&text),
        dots(to < a.spun.len())
    )
}

/// The words of `s` (its punctuation left out), as the aligner normalizes them.
pub(super) fn words(s: &str) -> Vec<String> {
    align::tokens(s)
        .into_iter()
        .filter(align::Token::is_word)
        .map(|t| t.norm)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::expanded;

    #[test]
    fn a_contraction_swap_is_not_a_spin() {
        assert_eq!(expanded("I\u{2019}ve"), expanded("I have"));
        assert_eq!(expanded("there is"), expanded("there's"));
        assert_eq!(expanded("cannot"), expanded("can't"));
        assert_ne!(expanded("gained't"), expanded("won't"));
    }
}

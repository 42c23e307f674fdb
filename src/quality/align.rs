//! Word-level alignment of a spun text with the original it was made from, shared by `eval`
//! (how far is a text from its original, and which spun stretches did a repair touch) and
//! `learn` (which spun phrase replaced which original phrase).
//!
//! Both texts are cut into tokens: words (letters and digits, with apostrophes inside them, so
//! "doesn’t" is one word) and single punctuation marks; whitespace only separates. The token
//! sequences are diffed with `similar`, and every stretch where they differ is a [`Stretch`].

use crate::dict::key;
use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};
use std::ops::Range;
use std::time::{Duration, Instant};

/// How long one diff may search before `similar` settles for a coarser alignment (only huge,
/// very different texts get near this).
const DEADLINE: Duration = Duration::from_secs(5);

/// A word or punctuation mark: its bytes in the text and the form it is compared by (`’` read
/// as `'`; letter case kept, since a repair must also get the capitals right).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub norm: String,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.norm.chars().next().is_some_and(key::is_word_char)
    }
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if key::is_space(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        if key::is_word_char(c) {
            while let Some(&(i, d)) = chars.peek() {
                let apostrophe_inside = matches!(d, '\'' | '\u{2019}')
                    && text[i + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(key::is_word_char);
                if !(key::is_word_char(d) || apostrophe_inside) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        }
        out.push(Token {
            range: start..end,
            norm: text[start..end].replace('\u{2019}', "'"),
        });
    }
    out
}

/// A stretch where the texts differ: token index ranges in the spun and the original text
/// (one of them may be empty: words only one text has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stretch {
    pub spun: Range<usize>,
    pub original: Range<usize>,
}

impl Stretch {
    /// Its share of the word-level distance: a replaced stretch of `a` and `b` tokens costs
    /// `max(a, b)` (substitutions, then insertions or deletions).
    pub fn cost(&self) -> usize {
        self.spun.len().max(self.original.len())
    }
}

/// Two texts aligned token by token.
pub struct Alignment {
    pub spun: Vec<Token>,
    pub original: Vec<Token>,
    /// Where each spun token stands in the original, if it is part of an equal run.
    same: Vec<Option<usize>>,
    /// The differing stretches, in text order, each as long as it can be (never adjacent).
    pub stretches: Vec<Stretch>,
}

/// Aligns `spun` with `original`.
pub fn align(spun: &str, original: &str) -> Alignment {
    let spun_tokens = tokens(spun);
    let original_tokens = tokens(original);
    let a: Vec<&str> = spun_tokens.iter().map(|t| t.norm.as_str()).collect();
    let b: Vec<&str> = original_tokens.iter().map(|t| t.norm.as_str()).collect();
    let ops =
        capture_diff_slices_deadline(Algorithm::Myers, &a, &b, Some(Instant::now() + DEADLINE));
    // The stretches are the gaps between equal tokens. They are derived from the equal runs
    // alone, kept only while they advance in both texts: `similar` can label the other ops
    // with positions out of order (seen with a deletion before a first equal token).
    let mut same = vec![None; a.len()];
    let mut stretches: Vec<Stretch> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let anchors = ops
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .flat_map(|op| op.old_range().zip(op.new_range()))
        .chain(std::iter::once((a.len(), b.len())));
    for (x, y) in anchors {
        if x < i || y < j {
            continue;
        }
        if x > i || y > j {
            stretches.push(Stretch {
                spun: i..x,
                original: j..y,
            });
        }
        if x < a.len() && y < b.len() {
            same[x] = Some(y);
        }
        (i, j) = (x + 1, y + 1);
    }
    Alignment {
        spun: spun_tokens,
        original: original_tokens,
        same,
        stretches,
    }
}

impl Alignment {
    /// Word-level edit distance between the two texts.
    pub fn distance(&self) -> usize {
        self.stretches.iter().map(Stretch::cost).sum()
    }

    /// The original tokens that the spun tokens `range` stand for: an equal token maps to its
    /// twin, a token inside a differing stretch to that whole stretch's original side.
    pub fn image(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            let at = self.original_at(range.start);
            return at..at;
        }
        let start = match self.same[range.start] {
            Some(j) => j,
            None => self.stretch_of(range.start).original.start,
        };
        let last = range.end - 1;
        let end = match self.same[last] {
            Some(j) => j + 1,
            None => self.stretch_of(last).original.end,
        };
        start..end.max(start)
    }

    /// `range` widened to whole differing stretches at both ends.
    pub fn widen(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() {
            return range;
        }
        let start = match self.same[range.start] {
            Some(_) => range.start,
            None => self.stretch_of(range.start).spun.start,
        };
        let end = match self.same[range.end - 1] {
            Some(_) => range.end,
            None => self.stretch_of(range.end - 1).spun.end,
        };
        start..end
    }

    /// The spun tokens that the byte range `bytes` of the spun text covers.
    pub fn spun_tokens_in(&self, bytes: Range<usize>) -> Range<usize> {
        let start = self.spun.partition_point(|t| t.range.end <= bytes.start);
        let end = self.spun.partition_point(|t| t.range.start < bytes.end);
        start..end.max(start)
    }

    /// Byte range in the spun text of the tokens `range` (empty: where they would stand).
    pub fn spun_bytes(&self, range: Range<usize>) -> Range<usize> {
        bytes_of(&self.spun, range)
    }

    /// Byte range in the original text of the tokens `range`.
    pub fn original_bytes(&self, range: Range<usize>) -> Range<usize> {
        bytes_of(&self.original, range)
    }

    /// The stretches as a spinner made them, for learning: a stretch with an empty side (the
    /// spinner added or dropped words, "Chinese language" for "Chinese") is not a substitution
    /// on its own, so it is widened by one equal word. The spinner's phrase is built on the
    /// word it replaced, a content word (`content` says which spun tokens are), before or after
    /// what it added ("content material" for "content", "brand new" for "new"): the equal word
    /// before is taken, unless only the one after is a content word. Widened by a grammar word
    /// instead ("a whole" for "a"), the entry would match ordinary English everywhere.
    pub fn spins(&self, content: impl Fn(usize) -> bool) -> Vec<Stretch> {
        let mut out: Vec<Stretch> = Vec::new();
        for (i, s) in self.stretches.iter().enumerate() {
            let mut s = s.clone();
            if s.spun.is_empty() || s.original.is_empty() {
                let taken = out.last().map_or(0, |o| o.spun.end);
                let next_start = self
                    .stretches
                    .get(i + 1)
                    .map_or(self.spun.len(), |t| t.spun.start);
                let usable = |k: usize| self.same[k].is_some() && self.spun[k].is_word();
                let before = s
                    .spun
                    .start
                    .checked_sub(1)
                    .filter(|&k| k >= taken && usable(k));
                let after = Some(s.spun.end).filter(|&k| k < next_start && usable(k));
                match (before, after) {
                    (Some(b), Some(a)) if !content(b) && content(a) => self.widen_by(&mut s, a),
                    (Some(b), _) => self.widen_by(&mut s, b),
                    (None, Some(a)) => self.widen_by(&mut s, a),
                    (None, None) => {}
                }
            }
            out.push(s);
        }
        out
    }

    /// Widens `s` by the equal token `k` just before or just after it.
    fn widen_by(&self, s: &mut Stretch, k: usize) {
        let j = self.same[k].expect("an equal token");
        if k < s.spun.start {
            (s.spun.start, s.original.start) = (k, j);
        } else {
            (s.spun.end, s.original.end) = (k + 1, j + 1);
        }
    }

    fn stretch_of(&self, token: usize) -> &Stretch {
        let k = self.stretches.partition_point(|s| s.spun.end <= token);
        &self.stretches[k]
    }

    /// The original token index that spun position `at` (a gap between tokens) corresponds to.
    fn original_at(&self, at: usize) -> usize {
        match at.checked_sub(1) {
            None => 0,
            Some(prev) => match self.same[prev] {
                Some(j) => j + 1,
                None => self.stretch_of(prev).original.end,
            },
        }
    }
}

fn bytes_of(tokens: &[Token], range: Range<usize>) -> Range<usize> {
    if range.is_empty() {
        let at = range
            .start
            .checked_sub(1)
            .map_or(0, |k| tokens[k].range.end);
        return at..at;
    }
    tokens[range.start].range.start..tokens[range.end - 1].range.end
}

/// Word-level edit distance between two phrases.
pub fn distance(a: &str, b: &str) -> usize {
    align(a, b).distance()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn tokens_are_words_with_inner_apostrophes_and_single_marks() {
        assert_eq!(
            words("It doesn’t — cyber-threats, 'ok'"),
            ["It", "doesn't", "—", "cyber", "-", "threats", ",", "'", "ok", "'"]
        );
    }

    #[test]
    fn stretches_carry_byte_ranges_in_both_texts() {
        let spun = "Obama and Chinese language President Xi introduced a settlement.";
        let orig = "Obama and Chinese President Xi announced an agreement.";
        let a = align(spun, orig);
        let pairs: Vec<(&str, &str)> = a
            .stretches
            .iter()
            .map(|s| {
                (
                    &spun[a.spun_bytes(s.spun.clone())],
                    &orig[a.original_bytes(s.original.clone())],
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("language", ""),
                ("introduced a settlement", "announced an agreement")
            ]
        );
        assert_eq!(a.distance(), 4);
    }

    #[test]
    fn lopsided_stretches_become_whole_substitutions() {
        // Tokens 0, 4 and 5 ("Our", "on", "the") are grammar words.
        let spun = "Our Chinese language concerns on the best way ahead.";
        let orig = "Our Chinese concerns on the way forward.";
        let a = align(spun, orig);
        let spins: Vec<(&str, &str)> = a
            .spins(|k| ![0, 4, 5].contains(&k))
            .iter()
            .map(|s| {
                (
                    &spun[a.spun_bytes(s.spun.clone())],
                    &orig[a.original_bytes(s.original.clone())],
                )
            })
            .collect();
        assert!(
            spins.contains(&("Chinese language", "Chinese")),
            "{spins:?}"
        );
        // "best" sits between "the" and "way": the content word is taken, not the article.
        assert!(spins.contains(&("best way", "way")), "{spins:?}");
        assert!(spins.contains(&("ahead", "forward")), "{spins:?}");
        assert!(
            spins.iter().all(|(s, o)| !s.is_empty() && !o.is_empty()),
            "{spins:?}"
        );
    }

    #[test]
    fn image_maps_spun_tokens_onto_the_original() {
        let spun = "the authorities said it";
        let orig = "the government said it";
        let a = align(spun, orig);
        let t = a.spun_tokens_in(4..15);
        assert_eq!(&spun[a.spun_bytes(t.clone())], "authorities");
        assert_eq!(&orig[a.original_bytes(a.image(t))], "government");
        assert_eq!(&orig[a.original_bytes(a.image(2..3))], "said");
    }

    #[test]
    fn stretches_advance_in_both_texts_even_when_the_diff_reports_ops_out_of_order() {
        // similar's Myers labels the leading deletion here with a position after the first
        // equal token; the stretches must still follow each other in both texts.
        let spun = "doesn’t . a . authorities the . the ";
        let orig = "authorities isn't , isn't , authorities Ünïcode . Ünïcode government government government ";
        let a = align(spun, orig);
        let (mut i, mut j) = (0, 0);
        for s in &a.stretches {
            assert!(
                s.spun.start >= i && s.original.start >= j,
                "{:?}",
                a.stretches
            );
            assert!(s.spun.start <= s.spun.end && s.original.start <= s.original.end);
            (i, j) = (s.spun.end, s.original.end);
        }
        for s in a.spins(|_| true) {
            assert!(
                s.spun.start <= s.spun.end && s.original.start <= s.original.end,
                "{s:?}"
            );
        }
    }

    #[test]
    fn identical_texts_are_at_distance_zero() {
        assert_eq!(
            distance("Same text, same words.", "Same  text,\nsame words."),
            0
        );
        assert_eq!(distance("a b c", "a x c"), 1);
        assert_eq!(distance("", "one two"), 2);
    }
}

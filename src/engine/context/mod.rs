//! The context stage: the language model (`crate::lang::lm`) reads the text around each candidate
//! repair the dictionary found, and says by how much it prefers the repaired wording to the
//! written one. Detection (`detect`) turns those preferences into a document spin estimate;
//! the engine then keeps or drops each candidate. No I/O, like the rest of the engine.

pub mod detect;
mod memo;
pub(crate) mod tokens;
pub mod uses;

use crate::lang::lm::{Model, Word};
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use tokens::Token;

/// Whether the context model is consulted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Detects spun documents and judges every candidate: a suspect is repaired where the model
    /// prefers the repair, a fingerprint unless the model strongly prefers the text.
    Auto,
    /// Off: the dictionary and the fingerprint score alone decide, as before the model.
    Never,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub mode: Mode,
    /// Nats by which the model must prefer a suspect's repair, in a spun document.
    pub margin: f32,
    /// Nats by which the model must prefer the written text to veto a fingerprint.
    pub veto: f32,
    /// Nats by which the model must prefer a suspect's repair to each other original its entry
    /// lists ("greatest": "best" or "biggest"). The spinner writes one word for several, and
    /// where the model cannot tell which the writer used, a repair is a guess: leave-one-out
    /// over the development pairs, 4 of the 6 repairs chosen by less than 2.5 nats were wrong,
    /// none of the 7 above.
    pub rival: f32,
    /// Spin estimate (percent of content words with a far likelier neighbour) from which a
    /// document counts as spun. Clean formal prose reaches 5.5% (the State of the Union
    /// addresses of 1946 to 2021, 478k words); spun articles whose table evidence leaves the
    /// verdict open measure 9% and more.
    pub spin_threshold: f64,
    /// Suspect entries whose repair the model strongly prefers, per 1,000 words, from which a
    /// document counts as spun (the table's evidence, beside the thesaurus's).
    pub table_threshold: f64,
    /// ... and under which it counts as clean without reading the thesaurus estimate (the
    /// cost of detection is then that of the candidates alone). The thesaurus estimate alone
    /// reaches 10% on clean prose of other registers (WordNet's glosses, `bench/clean.sh`), so
    /// it decides only where the table's evidence is close to its threshold.
    pub table_floor: f64,
    /// Work out the thesaurus estimate of every document, even where the table's evidence
    /// decides alone or there is no suspect to judge (`unspin scan`, which reports it).
    pub full_detection: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: Mode::Auto,
            margin: 0.5,
            veto: 4.0,
            rival: 2.5,
            spin_threshold: 6.0,
            table_threshold: 15.0,
            table_floor: 10.0,
            full_detection: false,
        }
    }
}

/// Words after a repair whose probabilities it changes (the model sees two words back).
const FOLLOWING: usize = 2;

/// The bytes of `text` a [`Reader`] needs to answer for repairs in `asked`: the words of
/// history before it (one more than the model sees, so a window never starts a sentence the
/// text does not) and those read after it.
pub fn around(text: &str, asked: Range<usize>) -> Range<usize> {
    tokens::back(text, asked.start, 3)..tokens::reach(text, asked.end, FOLLOWING + 1).0
}

/// Where a preference is asked: the bytes, and the two words read before them.
type Place = (Range<usize>, (Word, Word));

/// The answers asked at one place: each replacement and the model's preference for it.
type Answers = Vec<(String, Option<f32>)>;

/// One text as the model reads it, with the repairs accepted so far (left to right).
pub struct Reader<'a> {
    model: &'a Model,
    text: &'a str,
    /// The bytes read: the whole text, or a window of it around what is asked.
    within: Range<usize>,
    /// Their tokens, made when first read: a text with nothing to judge is never read.
    tokens: OnceCell<Vec<Token>>,
    /// Accepted repairs: token span and the words that replace it, in text order.
    accepted: Vec<(Range<usize>, Vec<Word>)>,
    /// Preferences worked out, by place and replacement: detection and judging ask the same
    /// questions, and a repair leaves most histories as they were.
    asked: RefCell<HashMap<Place, Answers>>,
    /// The model's words of each replacement put in place of whole words, by replacement.
    spelled: RefCell<HashMap<String, Vec<Word>>>,
}

impl<'a> Reader<'a> {
    pub fn new(model: &'a Model, text: &'a str) -> Self {
        Self::over(model, text, 0..text.len())
    }

    /// A reader of the bytes `within` of `text` (at word boundaries) alone: what it is asked
    /// must lie inside, with the two words of history before and the words read after it.
    pub fn over(model: &'a Model, text: &'a str, within: Range<usize>) -> Self {
        Reader {
            model,
            text,
            within,
            tokens: OnceCell::new(),
            accepted: Vec::new(),
            asked: RefCell::default(),
            spelled: RefCell::default(),
        }
    }

    fn tokens(&self) -> &[Token] {
        self.tokens
            .get_or_init(|| tokens::tokens(self.model, self.text, self.within.clone()))
    }

    /// Words read (sentence markers not counted).
    pub fn words(&self) -> usize {
        self.tokens().iter().filter(|t| !t.is_marker()).count()
    }

    /// The tokens that the bytes `range` touch.
    fn span(&self, range: &Range<usize>) -> Range<usize> {
        let tokens = self.tokens();
        let first = tokens.partition_point(|t| t.range.end <= range.start);
        let mut last = first;
        while last < tokens.len() && tokens[last].range.start < range.end {
            last += 1;
        }
        first..last.max(first)
    }

    /// The model's words for `to` put in place of the bytes `range` (keeping the parts of the
    /// touched words outside it).
    fn replacement(&self, span: &Range<usize>, range: &Range<usize>, to: &str) -> Vec<Word> {
        let tokens = self.tokens();
        let (start, end) = match (tokens.get(span.start), span.end.checked_sub(1)) {
            (Some(first), Some(last)) if span.end > span.start => (
                first.range.start.min(range.start),
                tokens[last].range.end.max(range.end),
            ),
            _ => (range.start, range.end),
        };
        // In place of whole words (the common case), the words are the replacement's own.
        let whole = (start, end) == (range.start, range.end);
        if let Some(words) = self.spelled.borrow().get(to).filter(|_| whole) {
            return words.clone();
        }
        let text = format!(
            "{}{to}{}",
            &self.text[start..range.start],
            &self.text[range.end..end]
        );
        let words: Vec<Word> = tokens::words(&text)
            .into_iter()
            .map(|r| memo::id(self.model, &tokens::spelling(&text[r])))
            .collect();
        if whole {
            self.spelled
                .borrow_mut()
                .insert(to.to_string(), words.clone());
        }
        words
    }

    /// The two words before token `at`, as the text reads with the accepted repairs.
    fn history(&self, at: usize) -> (Word, Word) {
        let mut back: Vec<Word> = Vec::with_capacity(2);
        let mut k = at;
        let mut next_accepted = self.accepted.partition_point(|(s, _)| s.end <= at);
        while k > 0 && back.len() < 2 {
            if next_accepted > 0 && self.accepted[next_accepted - 1].0.end == k {
                let (span, words) = &self.accepted[next_accepted - 1];
                back.extend(words.iter().rev().take(2 - back.len()));
                k = span.start;
                next_accepted -= 1;
                continue;
            }
            k -= 1;
            let t = &self.tokens()[k];
            back.push(t.id);
            if t.is_marker() && t.id == Some(self.model.sentence_start()) {
                break;
            }
        }
        (
            back.get(1).copied().flatten(),
            back.first().copied().flatten(),
        )
    }

    /// Log-probability of `words` followed by the text's next words after token `end`.
    fn score(&self, (mut u, mut v): (Word, Word), words: &[Word], end: usize) -> f32 {
        let tokens = self.tokens();
        let following = tokens[end.min(tokens.len())..]
            .iter()
            .scan(false, |ended, t| {
                if *ended {
                    return None;
                }
                *ended = t.is_marker();
                Some(t.id)
            })
            .take(FOLLOWING);
        let mut total = 0.0;
        for w in words.iter().copied().chain(following) {
            // A sentence start is not predicted: it resets the history.
            if w != Some(self.model.sentence_start()) {
                total += self.logprob(u, v, w);
            }
            (u, v) = (v, w);
        }
        total
    }

    fn logprob(&self, u: Word, v: Word, w: Word) -> f32 {
        memo::logprob(self.model, u, v, w)
    }

    /// By how many nats the model prefers `to` in place of the bytes `range` to the text as
    /// written (negative: it prefers the text), over the changed words and the two after them.
    /// `None` when the repair writes more words the model does not know than the text did:
    /// it knows no digits ("1.three" -> "1.3"), and an unknown word's fixed cost would stand
    /// for a judgement it cannot make.
    pub fn preference(&self, range: &Range<usize>, to: &str) -> Option<f32> {
        let span = self.span(range);
        if span.is_empty() {
            return Some(0.0);
        }
        let history = self.history(span.start);
        let place = (range.clone(), history);
        let known = self.asked.borrow().get(&place).and_then(|answers| {
            answers
                .iter()
                .find(|(asked, _)| asked == to)
                .map(|&(_, a)| a)
        });
        if let Some(known) = known {
            return known;
        }
        let written: Vec<Word> = self.tokens()[span.clone()].iter().map(|t| t.id).collect();
        let repaired = self.replacement(&span, range, to);
        let unknown = |words: &[Word]| words.iter().filter(|w| w.is_none()).count();
        let answer = (unknown(&repaired) <= unknown(&written)).then(|| {
            self.score(history, &repaired, span.end) - self.score(history, &written, span.end)
        });
        let mut asked = self.asked.borrow_mut();
        asked
            .entry(place)
            .or_default()
            .push((to.to_string(), answer));
        answer
    }

    /// Does the word at `range`, capitalized inside a sentence, stand in a name beside a
    /// capitalized word the model does not know ("Metroid Prime", not "However Verstappen" nor
    /// "CBS All Entry, Netflix")? The model cannot read that name, so it cannot tell the
    /// spinner's word in it from the name's own.
    pub fn in_unknown_name(&self, range: &Range<usize>) -> bool {
        let capital = |r: &Range<usize>| self.text[r.clone()].starts_with(char::is_uppercase);
        let span = self.span(range);
        let tokens = self.tokens();
        let Some(first) = tokens.get(span.start).filter(|_| !span.is_empty()) else {
            return false;
        };
        if !capital(&first.range) || span.start == 0 || tokens[span.start - 1].is_marker() {
            return false;
        }
        let last = &tokens[span.end - 1];
        let joined = |a: &Range<usize>, b: &Range<usize>| {
            self.text[a.end..b.start].chars().all(char::is_whitespace)
        };
        let unknown = |t: &Token| {
            let word = tokens::spelling(&self.text[t.range.clone()]);
            let word = word.strip_suffix("'s").unwrap_or(&word);
            !t.is_marker() && capital(&t.range) && memo::id(self.model, word).is_none()
        };
        let before = &tokens[span.start - 1];
        (unknown(before) && joined(&before.range, &first.range))
            || tokens
                .get(span.end)
                .is_some_and(|t| unknown(t) && joined(&last.range, &t.range))
    }

    /// Records that the repair of `range` to `to` was made: later preferences read it.
    pub fn accept(&mut self, range: &Range<usize>, to: &str) {
        let span = self.span(range);
        if !span.is_empty() {
            let words = self.replacement(&span, range, to);
            self.accepted.push((span, words));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefers(text: &str, from: &str, to: &str) -> Option<f32> {
        let r = Reader::new(Model::builtin(), text);
        let at = text.find(from).unwrap();
        r.preference(&(at..at + from.len()), to)
    }

    #[test]
    fn prefers_the_original_of_a_spin_and_keeps_clean_words() {
        assert!(prefers("a supermassive black gap in the galaxy", "gap", "hole").unwrap() > 2.0);
        assert!(prefers("the gap between rich and poor", "gap", "hole").unwrap() < 0.0);
    }

    #[test]
    fn a_repair_into_words_the_model_does_not_know_is_not_judged() {
        assert_eq!(
            prefers("with 1.three billion people", "1.three", "1.3"),
            None
        );
        // An unknown word the text had does not silence it: the garble is what it judges.
        assert!(prefers("they gainedt come", "gainedt", "won't").unwrap() > 2.0);
    }

    #[test]
    fn accepted_repairs_become_the_history_of_later_ones() {
        let m = Model::builtin();
        let text = "a black gap pair. The end";
        let mut r = Reader::new(m, text);
        // Tokens: <s> a black gap pair </s> <s> the end </s>
        assert_eq!(r.history(4), (m.id("black"), m.id("gap")));
        r.accept(&(8..11), "hole");
        assert_eq!(r.history(4), (m.id("black"), m.id("hole")));
        // A sentence start cuts the history short.
        assert_eq!(r.history(7), (None, Some(m.sentence_start())));
    }
}

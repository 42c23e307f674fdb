//! Detection: does a document read like the output of a spinner? A spinner writes, at a large
//! share of positions, a thesaurus neighbour of the original word that fits its context far
//! worse than the original would. So the estimate is the share of content words (those with
//! thesaurus neighbours) for which some neighbour is more probable in context by a wide margin
//! ([`STRONG`] nats), over the document's first [`WORDS`] words. It needs no dictionary entry:
//! a spun article about a subject the dictionary has never seen is detected the same way.

use super::tokens::spelling;
use super::uses::Uses;
use super::Reader;
use crate::lang::lexicon::{Inflections, Thesaurus};
use crate::lang::lm::Word;
use std::sync::Arc;

/// Words read from the start of a document, for the table's evidence and the thesaurus
/// estimate: the whole of nearly every article, enough for a stable estimate, and a bounded
/// cost for a long text.
pub const WORDS: usize = 2000;
/// Nats by which a neighbour must beat the written word for the position to count.
pub const STRONG: f32 = 5.0;
/// Strong positions the thesaurus estimate needs before it can call a document spun: a few
/// words of text are no evidence.
pub const MIN_STRONG: usize = 3;
/// Nats by which a suspect entry's repair must beat the written text to count as evidence.
pub const STRONG_TABLE: f32 = 3.0;
/// Times one suspect entry may count as evidence: a text that uses one word again and again
/// is not full of spins.
pub const TABLE_REPEATS: usize = 2;
/// Function words: WordNet's neighbours of them (letters, abbreviations) are not synonyms.
const SKIP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "but", "is", "are",
    "was", "were", "be", "been", "it", "its", "this", "that", "with", "as", "from", "he", "she",
    "they", "we", "you", "i", "not", "no", "have", "has", "had", "do", "does", "did",
];

/// A document's spin estimate and the evidence for it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spin {
    /// Whether the thesaurus estimate was worked out (it is not when the table's evidence
    /// alone decides: far above its threshold, or far below).
    pub read: bool,
    /// Content words read (those with thesaurus neighbours the model knows).
    pub positions: usize,
    /// Positions where a neighbour beat the written word by [`STRONG`] nats or more.
    pub strong: usize,
    /// The strongest few, as (written, neighbour, nats), strongest first.
    pub examples: Vec<(String, String, f32)>,
    /// Matches of suspect entries whose repair the model prefers by [`STRONG_TABLE`] (each
    /// entry counted [`TABLE_REPEATS`] times at most).
    pub table: usize,
    /// Words in the document.
    pub words: usize,
    /// The model's preference at each suspect use among the first words, for judging an
    /// entry's uses together (shared: every window of a long text is judged with it).
    pub uses: Arc<Uses>,
}

impl Spin {
    /// Suspect entries strongly preferred, per 1,000 words.
    pub fn table_per_thousand(&self) -> f64 {
        self.table as f64 * 1000.0 / self.words.max(1) as f64
    }

    /// Is the document spun? The table's evidence decides where it is clear; between its floor
    /// and its threshold, the thesaurus estimate. (The table's needs two entries at least: one
    /// word the model misreads is no evidence.)
    pub fn spun(&self, options: &super::Options) -> bool {
        self.table_decides(options)
            || (!self.table_clears(options)
                && self.read
                && self.strong >= MIN_STRONG
                && self.percent() >= options.spin_threshold)
    }

    /// Does the table's evidence alone make the document spun?
    pub fn table_decides(&self, options: &super::Options) -> bool {
        self.table >= 2 && self.table_per_thousand() >= options.table_threshold
    }

    /// Is the table's evidence so thin that the thesaurus estimate need not be read? Few
    /// suspects the model strongly prefers means little a spun verdict would repair.
    pub fn table_clears(&self, options: &super::Options) -> bool {
        self.table_per_thousand() < options.table_floor
    }

    /// Strong positions per 100 content words.
    pub fn percent(&self) -> f64 {
        if self.positions == 0 {
            0.0
        } else {
            self.strong as f64 * 100.0 / self.positions as f64
        }
    }
}

/// Single-word neighbours of `word` the model knows: its close synonyms, and those of its
/// lemmas inflected like it.
fn neighbours(reader: &Reader, word: &str) -> Vec<(u32, &'static str)> {
    let (thesaurus, inflections) = (Thesaurus::builtin(), Inflections::builtin());
    let direct = thesaurus.close(word).map(Some);
    let inflected = inflections.analyses(word).iter().flat_map(|&(lemma, tag)| {
        thesaurus
            .close(lemma)
            .map(move |s| inflections.inflect(s, tag))
    });
    let mut out: Vec<(u32, &'static str)> = direct
        .chain(inflected)
        .flatten()
        .filter(|s| !s.contains(' ') && *s != word)
        .filter_map(|s| super::memo::id(reader.model, s).map(|id| (id, s)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A content word read against its thesaurus neighbours.
#[derive(Debug, Clone)]
struct Reading {
    /// The word as the model spells it.
    word: String,
    /// The neighbour the model finds likeliest here, and by how many nats it beats the word.
    best: (&'static str, f32),
}

/// Every content word among the first `limit` words of the text, read against its neighbours.
fn readings(reader: &Reader, limit: usize) -> Vec<Reading> {
    let mut out = Vec::new();
    read_each(reader, limit, |_, word, preferences| {
        let best = preferences
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some(best) = best {
            out.push(Reading {
                word: word.to_string(),
                best,
            });
        }
    });
    out
}

/// Calls `visit` with each content word among the first `limit` words of the text (its bytes
/// and model spelling) and, for each of its neighbours, by how many nats the model prefers it
/// to the word written there.
pub fn read_each(
    reader: &Reader,
    limit: usize,
    mut visit: impl FnMut(std::ops::Range<usize>, &str, &[(&'static str, f32)]),
) {
    let mut seen = 0;
    // Words repeat: each one's neighbours are looked up once per document.
    let mut known: std::collections::HashMap<String, Vec<(u32, &'static str)>> =
        std::collections::HashMap::new();
    let mut preferences = Vec::new();
    for (k, t) in reader.tokens().iter().enumerate() {
        if t.is_marker() {
            continue;
        }
        seen += 1;
        if seen > limit {
            break;
        }
        let Some(id) = t.id else { continue };
        let word = spelling(&reader.text[t.range.clone()]);
        if SKIP.contains(&word.as_str()) {
            continue;
        }
        let alts = known
            .entry(word.clone())
            .or_insert_with(|| neighbours(reader, &word));
        if alts.is_empty() {
            continue;
        }
        let history = reader.history(k);
        let written = reader.score(history, &[Some(id)], k + 1);
        preferences.clear();
        preferences.extend(
            alts.iter()
                .map(|&(a, s)| (s, reader.score(history, &[Word::Some(a)], k + 1) - written)),
        );
        visit(t.range.clone(), &word, &preferences);
    }
}

/// The spin estimate of the text `reader` reads.
pub fn detect(reader: &Reader) -> Spin {
    let readings = readings(reader, WORDS);
    let mut strong: Vec<&Reading> = readings.iter().filter(|r| r.best.1 >= STRONG).collect();
    let count = strong.len();
    strong.sort_by(|a, b| b.best.1.total_cmp(&a.best.1));
    Spin {
        read: true,
        positions: readings.len(),
        strong: count,
        examples: strong
            .iter()
            .take(5)
            .map(|r| (r.word.clone(), r.best.0.to_string(), r.best.1))
            .collect(),
        ..Spin::default()
    }
}

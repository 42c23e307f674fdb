//! Learns candidate entries from spun texts alone, with no original to compare with. In each
//! text the detector judges spun, every content word is read against its thesaurus
//! neighbours (`engine::context::detect::readings`); where the model finds a neighbour far
//! likelier than the word written, that is a guess at the original. One such guess proves
//! nothing (the model has its own blind spots), but a spinner's habit is consistent: the same
//! word is written for the same original across documents, and the model prefers that
//! original at most of the word's occurrences. So each word's original is the neighbour with
//! the most evidence over all its occurrences (the model's preferences added up, less what the
//! neighbour's commonness alone explains), and it becomes a candidate only where it recurs
//! across documents and holds at most occurrences.

use crate::curate::newdict::NewEntry;
use crate::dict::model::Class;
use crate::engine::context::detect;
use crate::engine::context::Reader;
use crate::lang::lm::Model;
use std::collections::{BTreeMap, BTreeSet};

/// What the learner requires of a candidate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Nats by which the neighbour must beat the written word at an occurrence.
    pub strong: f32,
    /// Documents the guess must recur in.
    pub min_docs: usize,
    /// Share of the word's occurrences (in spun documents) at which the guess held.
    pub min_consistency: f64,
    /// Spin estimate (percent) from which a document is read at all.
    pub spin_threshold: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strong: 3.0,
            min_docs: 2,
            min_consistency: 0.5,
            spin_threshold: 4.0,
        }
    }
}

/// A proposed entry and its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The word as the spinner wrote it (model spelling, lower case).
    pub spun: String,
    /// The original the model prefers.
    pub original: String,
    /// Occurrences where the model preferred `original` by the margin, and in how many docs.
    pub count: usize,
    pub docs: usize,
    /// Occurrences of `spun` in the spun documents read.
    pub occurrences: usize,
    /// Mean preference in nats where it held.
    pub mean_nats: f32,
    /// One occurrence in context, the word marked `[...]`.
    pub example: String,
    /// The neighbour with the next most evidence, and by how many nats a use `original` leads
    /// it (evidence as ranked: see `lift`): where the lead is small, the model does not tell
    /// the two apart, and a curator reads the contexts to choose (or lists both, for the model
    /// to pick at each use).
    pub rival: Option<(String, f32)>,
}

impl Proposal {
    pub fn consistency(&self) -> f64 {
        self.count as f64 / self.occurrences.max(1) as f64
    }
}

#[derive(Default)]
struct Seen {
    /// Occurrences where the model preferred the neighbour by `strong`, and their documents.
    count: usize,
    docs: BTreeSet<usize>,
    /// The preferences summed there, for their mean.
    nats: f32,
    /// The preferences summed over all the word's occurrences: the spinner wrote the word for
    /// one original throughout, so the evidence of every occurrence counts (in log space), and
    /// a neighbour the model likes in a few places and not in others ("but" for "simply")
    /// loses to the one it likes everywhere ("just").
    total: f32,
    example: String,
}

/// Collects spun documents and proposes entries from all of them at once.
pub struct Learner {
    options: Options,
    /// spun word -> neighbour -> evidence
    guesses: BTreeMap<String, BTreeMap<&'static str, Seen>>,
    occurrences: BTreeMap<String, usize>,
    docs: usize,
    read: usize,
}

impl Learner {
    pub fn new(options: Options) -> Self {
        Learner {
            options,
            guesses: BTreeMap::new(),
            occurrences: BTreeMap::new(),
            docs: 0,
            read: 0,
        }
    }

    /// Reads one document; says whether it was judged spun (and so read).
    pub fn add(&mut self, text: &str) -> bool {
        let doc = self.docs;
        self.docs += 1;
        let reader = Reader::new(Model::builtin(), text);
        if detect::detect(&reader).percent() < self.options.spin_threshold {
            return false;
        }
        self.read += 1;
        let strong = self.options.strong;
        let (guesses, occurrences) = (&mut self.guesses, &mut self.occurrences);
        detect::read_each(&reader, usize::MAX, |range, word, preferences| {
            // Looked up by `&str` first: a word is copied once, not at every occurrence.
            match occurrences.get_mut(word) {
                Some(n) => *n += 1,
                None => {
                    occurrences.insert(word.to_string(), 1);
                }
            }
            if !guesses.contains_key(word) {
                guesses.insert(word.to_string(), BTreeMap::new());
            }
            let neighbours = guesses.get_mut(word).expect("inserted above");
            for &(neighbour, nats) in preferences {
                let seen = neighbours.entry(neighbour).or_default();
                seen.total += nats;
                if nats >= strong {
                    seen.count += 1;
                    seen.docs.insert(doc);
                    seen.nats += nats;
                    if seen.example.is_empty() {
                        seen.example = example(text, range.clone());
                    }
                }
            }
        });
        true
    }

    /// Documents read (judged spun) and documents given.
    pub fn read(&self) -> (usize, usize) {
        (self.read, self.docs)
    }

    /// The proposals that pass the options, most often seen first: for each word, the
    /// neighbour with the most evidence over all its occurrences.
    pub fn proposals(&self) -> Vec<Proposal> {
        let mut out: Vec<Proposal> = self
            .guesses
            .iter()
            .filter_map(|(spun, neighbours)| {
                let occurrences = self.occurrences.get(spun).copied().unwrap_or(0);
                // Of neighbours with equal evidence, the first in order (the output is stable).
                let mut ranked: Vec<_> = neighbours
                    .iter()
                    .map(|(&word, seen)| (word, seen, lift(word, seen, occurrences)))
                    .collect();
                ranked.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(b.0)));
                let best = *ranked.first()?;
                Some((spun, occurrences, best, ranked.get(1).copied()))
            })
            .filter(|(_, _, (_, seen, _), _)| seen.count > 0)
            .map(
                |(spun, occurrences, (original, seen, lifted), next)| Proposal {
                    spun: spun.to_string(),
                    original: original.to_string(),
                    count: seen.count,
                    docs: seen.docs.len(),
                    occurrences,
                    mean_nats: seen.nats / seen.count as f32,
                    example: seen.example.clone(),
                    rival: next.map(|(word, _, other)| {
                        (
                            word.to_string(),
                            (lifted - other) / occurrences.max(1) as f32,
                        )
                    }),
                },
            )
            .filter(|p| {
                p.docs >= self.options.min_docs && p.consistency() >= self.options.min_consistency
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.spun.cmp(&b.spun)));
        out
    }
}

/// The evidence for `neighbour` as the original of a word seen `occurrences` times: the
/// model's preferences for it added up, less its unigram log-probability at each occurrence. A
/// trigram's preference mixes how well a word fits its context with how common the word is; a
/// writer chose the original for its context, so the neighbour the contexts lift furthest
/// above its base rate is the likelier one, and a common word the model likes anywhere ("see",
/// "had", "about" for "picture", "delivered", "nearly") no longer wins on its commonness.
fn lift(neighbour: &str, seen: &Seen, occurrences: usize) -> f32 {
    let model = Model::builtin();
    seen.total - occurrences as f32 * model.logprob(None, None, model.id(neighbour))
}

/// The proposals as dictionary entries (suspects: the model judges each use), their evidence
/// in comments.
pub fn entries(proposals: &[Proposal]) -> Vec<NewEntry> {
    proposals
        .iter()
        .map(|p| {
            let mut e = NewEntry::new(&p.spun, &p.original, Class::Suspect);
            let next = p.rival.as_ref().map_or(String::new(), |(word, lead)| {
                format!("; next {word:?}, {lead:.1} nats a use behind")
            });
            e.comments.push(format!(
                "model prefers it at {} of {} occurrences in {} spun documents (mean {:.1} nats{next}), e.g. {}",
                p.count, p.occurrences, p.docs, p.mean_nats, p.example
            ));
            e
        })
        .collect()
}

/// The word at `range` with a few words of context, marked `[...]`, on one line.
pub(crate) fn example(text: &str, range: std::ops::Range<usize>) -> String {
    let before: Vec<&str> = text[..range.start]
        .split_whitespace()
        .rev()
        .take(5)
        .collect();
    let after: Vec<&str> = text[range.end..].split_whitespace().take(5).collect();
    let before: Vec<&str> = before.into_iter().rev().collect();
    format!(
        "\"...{} [{}]{}...\"",
        before.join(" "),
        &text[range],
        if after.is_empty() {
            String::new()
        } else {
            format!(" {}", after.join(" "))
        }
    )
}

//! The repair engine: finds the edits a dictionary makes in a text. It knows no files and no
//! terminals; it takes a `&str` and returns [`Repair`].
//!
//! The text is scanned in a normalized view (see `normalize`). Keys match whole words, so only
//! word starts whose first word (or first two) begin some key are considered (`starts`: a hash
//! table of the keys' starts, no automaton over every byte); from each, the dictionary's
//! Aho-Corasick automaton (`matcher`; the fst itself, for a dictionary of more than 20,000
//! keys) is walked anchored along the text to list every key that does start there, and the
//! longest one that stands on word boundaries and whose class and conditions allow it is kept
//! (`scan`). The semantics stay leftmost-longest over whole keys.

mod address;
mod boundary;
pub mod context;
mod judge;
mod matcher;
mod mention;
mod normalize;
mod render;
mod scan;
mod settle;
mod starts;
mod swar;
mod table;
mod why;
mod windows;
mod within;
mod words;

use crate::dict::model::{Class, Rule};
use crate::dict::Dictionary;
use crate::edit::Edit;
use crate::lang::lm::Model;
use context::detect::Spin;
use matcher::Matcher;
use normalize::Normalized;
pub(crate) use render::PRONOUN_I;
use starts::{Candidates, Starts};
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;
pub use windows::Windows;

/// When suspects (real English the spinner also produces) may be repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suspects {
    /// Only in documents whose spin score passes the threshold.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub suspects: Suspects,
    /// The context model's stage: when it runs and its thresholds.
    pub context: context::Options,
    /// Fingerprints per 1,000 words from which a document counts as spun.
    pub spun_threshold: f64,
    /// ... and at least this many fingerprints.
    pub min_fingerprints: usize,
    /// Keys up to which the engine tells where keys start by their first two words and reads
    /// them with the Aho-Corasick automaton; beyond, by the first word alone, reading the fst
    /// (build time against the time of a scan).
    pub anchor_nodes: usize,
    /// Bytes of a text read at a time: a longer text is read in windows of about this size
    /// (see `windows`), with the same result, in memory bounded by the window.
    pub window: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            suspects: Suspects::Auto,
            context: context::Options::default(),
            spun_threshold: 2.0,
            min_fingerprints: 2,
            anchor_nodes: 20_000,
            window: 256 << 10,
        }
    }
}

impl Options {
    /// The dictionary's conditions and the fingerprint score alone, the context model off
    /// (`--context never`): for checking dictionaries, and for tests of that layer.
    pub fn dictionary_only() -> Self {
        Options {
            context: context::Options {
                mode: context::Mode::Never,
                ..context::Options::default()
            },
            ..Options::default()
        }
    }
}

/// How spun a document looks: its fingerprints against its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    pub fingerprints: usize,
    pub words: usize,
}

impl Score {
    /// Fingerprints per 1,000 words.
    pub fn per_thousand(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.fingerprints as f64 * 1000.0 / self.words as f64
        }
    }
}

/// What the engine found in one text.
#[derive(Debug, Clone)]
pub struct Repair {
    /// Sorted by position, never overlapping.
    pub edits: Vec<Edit>,
    pub score: Score,
    /// Whether the document counted as spun (suspects were allowed).
    pub spun: bool,
    /// The context model's spin estimate, when it was worked out (there was a suspect to judge).
    pub spin: Option<Spin>,
}

pub struct Engine {
    dict: Dictionary,
    /// Where keys may start; the fst confirms.
    starts: Starts,
    matcher: Matcher,
    options: Options,
    has_suspects: bool,
    /// The context model, unless the context stage is off.
    model: Option<&'static Model>,
    /// The reason of a fingerprint with no conditions, when the model says nothing more.
    fingerprint: Arc<str>,
    /// Every word of every key, hashed: a repair whose output holds none of them cannot
    /// complete a key (`settle`). Made on the first repair that needs it.
    key_words: std::sync::OnceLock<table::Table>,
}

/// What may pass in one scan.
#[derive(Clone, Copy)]
struct Gate {
    suspects: bool,
    context: bool,
}

/// The scan of every class whose conditions hold.
const SUSPECTS: Gate = Gate {
    suspects: true,
    context: true,
};

/// A match accepted by a scan, in normalized coordinates.
#[derive(Clone)]
struct Found {
    start: usize,
    end: usize,
    pattern: u32,
}

/// A document's verdict, worked out once: each of its windows, and each neighbourhood read
/// again once repaired (`settle`), is read with it.
#[derive(Clone)]
struct Verdict {
    score: Score,
    spun: bool,
    spin: Option<Spin>,
}

impl Verdict {
    /// The verdict a reading came to.
    fn of(repair: &Repair) -> Verdict {
        Verdict {
            score: repair.score,
            spun: repair.spun,
            spin: repair.spin.clone(),
        }
    }
}

/// One text being scanned, with what is worked out about it only when needed.
struct Doc<'a> {
    src: &'a str,
    /// The document this text is a neighbourhood of, read again once repaired: the apostrophe
    /// style and the document conditions are the document's.
    parent: Option<&'a Doc<'a>>,
    norm: Normalized,
    /// Where repairs may start, in `norm`.
    start: usize,
    candidates: OnceCell<Candidates>,
    curly: OnceCell<bool>,
    has: RefCell<HashMap<String, bool>>,
    /// When `norm` is a window of `src`: what is worked out for the whole of it.
    whole: Option<&'a windows::Whole>,
}

impl Engine {
    /// The engine for `dict`: its keys compiled into the automaton that reads texts.
    pub fn new(dict: Dictionary, options: Options) -> Result<Engine, aho_corasick::BuildError> {
        let starts = Starts::new(dict.map().as_fst(), options.anchor_nodes);
        let matcher = Matcher::new(dict.map().as_fst(), options.anchor_nodes)?;
        let has_suspects = dict.has_suspects();
        Ok(Engine {
            key_words: std::sync::OnceLock::new(),
            dict,
            starts,
            matcher,
            options,
            has_suspects,
            model: (options.context.mode != context::Mode::Never).then(Model::builtin),
            fingerprint: "fingerprint".into(),
        })
    }

    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// Finds every repair in `text`.
    pub fn repair(&self, text: &str) -> Repair {
        self.windows(text).into_repair()
    }

    /// Finds the repairs in `text` that start at or after byte `from` (a char boundary); the
    /// text before it is context only (word boundaries, conditions, the spin score's words).
    pub fn repair_from(&self, text: &str, from: usize) -> Repair {
        let doc = Doc::new(text, from, None);
        let repair = self.pass(&doc, from, None);
        self.settle(&doc, from, repair)
    }

    /// The repairs one reading of `text` finds, before they are settled (`dict check
    /// --crossings` tells which repairs settling gives up).
    pub(crate) fn first_reading(&self, text: &str) -> Repair {
        self.pass(&Doc::new(text, 0, None), 0, None)
    }

    /// One reading of `doc` from byte `from` on: its verdict (unless given: a window of a
    /// larger text, or a neighbourhood read again, keeps the whole text's) and the repairs it
    /// allows.
    fn pass(&self, doc: &Doc, from: usize, verdict: Option<&Verdict>) -> Repair {
        let first = self.scan(doc, self.scoring());
        let with_suspects = || self.scan(doc, SUSPECTS);
        self.decide(doc, from, first, with_suspects, verdict)
    }

    /// The scan whose fingerprints make the spin score: suspects only when they are forced on.
    fn scoring(&self) -> Gate {
        Gate {
            suspects: self.options.suspects == Suspects::Always,
            context: true,
        }
    }

    /// The repairs of `doc` from byte `from` on, from its matches: `first`, those of the
    /// scoring scan, and those of the scan with suspects (worked out only if needed).
    fn decide(
        &self,
        doc: &Doc,
        from: usize,
        first: Vec<Found>,
        with_suspects: impl FnOnce() -> Vec<Found>,
        verdict: Option<&Verdict>,
    ) -> Repair {
        let forced = self.options.suspects == Suspects::Always;
        let fingerprints = first
            .iter()
            .filter(|f| self.rule(f.pattern).class == Class::Fingerprint)
            .count();
        // A window of a longer text is scored with the whole text's verdict: its words are
        // counted only when there is none (by the scan, from where repairs start; the text
        // before counts too).
        let score = verdict.map_or_else(
            || Score {
                fingerprints,
                words: self.candidates(doc).words + doc.norm.words_in(0..doc.start),
            },
            |v| v.score,
        );
        if let Some(model) = self.model {
            let candidates = if self.has_suspects && self.options.suspects != Suspects::Never {
                with_suspects()
            } else {
                first.clone()
            };
            return self.judged(doc, first, candidates, score, model, verdict);
        }
        let Verdict { score, spun, .. } = verdict
            .cloned()
            .unwrap_or_else(|| self.verdict(score, None::<fn() -> Spin>));
        let found = if spun && !forced && self.has_suspects {
            with_suspects()
        } else {
            first
        };
        let edits = self.edits(
            doc,
            from,
            found
                .iter()
                .map(|f| (f, self.why(f, score, None, None), None)),
        );
        Repair {
            edits,
            score,
            spun,
            spin: None,
        }
    }

    /// The keys found in `text` as whole words, whatever their class or context conditions
    /// say: what a second run could change if `text` were a replacement (`dict check`).
    pub fn keys_in(&self, text: &str) -> Vec<&Arc<Rule>> {
        let doc = Doc::new(text, 0, None);
        let found = self.scan(
            &doc,
            Gate {
                suspects: true,
                context: false,
            },
        );
        found.iter().map(|f| self.rule(f.pattern)).collect()
    }

    /// The replacement a pattern makes: its own (an inflected form) or its rule's.
    fn to(&self, pattern: u32) -> &str {
        let p = self.dict.pattern(pattern as usize);
        p.to.as_deref().unwrap_or(&self.rule(pattern).to)
    }

    fn rule(&self, pattern: u32) -> &Arc<Rule> {
        self.dict.rule_of(self.dict.pattern(pattern as usize))
    }

    /// The edits for accepted matches in text order, each with what decided it. An edit may
    /// take in the article before it (`a` -> `an`), but never text of the edit before it.
    fn edits<'f>(
        &self,
        doc: &Doc,
        from: usize,
        found: impl Iterator<Item = (&'f Found, Arc<str>, Option<&'f str>)>,
    ) -> Vec<Edit> {
        let mut floor = from;
        let mut out = Vec::with_capacity(found.size_hint().0);
        for (f, why, choice) in found {
            let e = self.edit(doc, f, why, choice, floor);
            // A phrase quoted, or beside its own original, is a mention: left as written.
            if !mention::is_mention(doc.src, &e.range, &e.to, &e.rule) {
                floor = e.range.end;
                out.push(e);
            }
        }
        out
    }

    /// The edit for match `f`, repaired to `choice` (one of its entry's other originals) or to
    /// the entry's own replacement.
    fn edit(
        &self,
        doc: &Doc,
        f: &Found,
        mut why: Arc<str>,
        choice: Option<&str>,
        floor: usize,
    ) -> Edit {
        let mut range = doc.norm.original(f.start)..doc.norm.original(f.end);
        let rule = self.rule(f.pattern);
        let replacement = choice.unwrap_or(self.to(f.pattern));
        let mut to = render::render(rule, replacement, &doc.src[range.clone()], || doc.curly());
        if let Some((at, written)) = render::article(doc.src, range.start, floor, &to) {
            to.insert_str(0, &written);
            range.start = at;
            why = format!("{why}; the article before it follows the replacement").into();
        }
        let from = &doc.src[range.clone()];
        Edit {
            range,
            from: from.to_string(),
            to,
            rule: Arc::clone(rule),
            why,
        }
    }
}

impl<'a> Doc<'a> {
    /// The text `src`, repaired from byte `from` on.
    fn new(src: &'a str, from: usize, parent: Option<&'a Doc<'a>>) -> Self {
        let norm = Normalized::new(src);
        Doc {
            src,
            parent,
            start: norm.position_of(from),
            norm,
            candidates: OnceCell::new(),
            curly: OnceCell::new(),
            has: RefCell::default(),
            whole: None,
        }
    }

    /// Does the text write apostrophes inside words as `’` more often than as `'`?
    fn curly(&self) -> bool {
        if let Some(parent) = self.parent {
            return parent.curly();
        }
        *self.curly.get_or_init(|| {
            let inside = |needle: &str| {
                memchr::memmem::find_iter(self.src.as_bytes(), needle.as_bytes())
                    .filter(|&i| {
                        let before = self.src[..i].chars().next_back();
                        let after = self.src[i + needle.len()..].chars().next();
                        before.is_some_and(char::is_alphabetic)
                            && after.is_some_and(char::is_alphabetic)
                    })
                    .count()
            };
            inside("\u{2019}") > inside("'")
        })
    }

    fn has(&self, phrase: &str) -> bool {
        if let Some(parent) = self.parent {
            return parent.has(phrase);
        }
        if let Some(whole) = self.whole {
            return whole.has(self.src, phrase);
        }
        if let Some(&v) = self.has.borrow().get(phrase) {
            return v;
        }
        let v = boundary::contains(&self.norm.text, phrase);
        self.has.borrow_mut().insert(phrase.to_string(), v);
        v
    }
}

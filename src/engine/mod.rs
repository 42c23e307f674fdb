//! The repair engine: finds the edits a dictionary makes in a text. It knows no files and no
//! terminals; it takes a `&str` and returns [`Repair`].
//!
//! The Aho-Corasick automaton is built over the dictionary's normalized keys (taken from its fst
//! map) and scans the normalized text leftmost-longest. A match is kept when it stands on word
//! boundaries and its entry's class and conditions allow it; when the longest key at a position
//! is refused, the fst is walked from that position to try the shorter keys that also start
//! there.

mod boundary;
mod normalize;
mod render;
mod within;

use crate::dict::model::{CaseMode, Class, Rule};
use crate::dict::{key, Dictionary};
use crate::edit::Edit;
use aho_corasick::{AhoCorasick, Input, MatchKind};
use fst::raw::Output;
use fst::Streamer;
use normalize::Normalized;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

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
    /// Fingerprints per 1,000 words from which a document counts as spun.
    pub spun_threshold: f64,
    /// ... and at least this many fingerprints.
    pub min_fingerprints: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            suspects: Suspects::Auto,
            spun_threshold: 2.0,
            min_fingerprints: 2,
        }
    }
}

/// How spun a document looks: its fingerprints against its length.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
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
}

pub struct Engine {
    dict: Dictionary,
    automaton: AhoCorasick,
    /// Automaton pattern id -> dictionary pattern index.
    pattern_of: Vec<u32>,
    options: Options,
    has_suspects: bool,
}

/// What may pass in one scan.
#[derive(Clone, Copy)]
struct Gate {
    suspects: bool,
    context: bool,
}

/// A match accepted by a scan, in normalized coordinates.
struct Found {
    start: usize,
    end: usize,
    pattern: u32,
}

/// One text being scanned, with what is worked out about it only when needed.
struct Doc<'a> {
    src: &'a str,
    norm: Normalized,
    curly: OnceCell<bool>,
    has: RefCell<HashMap<String, bool>>,
}

impl Engine {
    pub fn new(dict: Dictionary, options: Options) -> Result<Engine, aho_corasick::BuildError> {
        let mut keys = Vec::with_capacity(dict.patterns().len());
        let mut pattern_of = Vec::with_capacity(dict.patterns().len());
        let mut stream = dict.map().stream();
        while let Some((k, v)) = stream.next() {
            keys.push(k.to_vec());
            pattern_of.push(v as u32);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)?;
        let has_suspects = dict.rules().iter().any(|r| r.class == Class::Suspect);
        Ok(Engine {
            dict,
            automaton,
            pattern_of,
            options,
            has_suspects,
        })
    }

    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Finds every repair in `text`.
    pub fn repair(&self, text: &str) -> Repair {
        let doc = Doc::new(text);
        let forced = self.options.suspects == Suspects::Always;
        let first = self.scan(
            &doc,
            Gate {
                suspects: forced,
                context: true,
            },
        );
        let fingerprints = first
            .iter()
            .filter(|f| self.rule(f.pattern).class == Class::Fingerprint)
            .count();
        let score = Score {
            fingerprints,
            words: doc.norm.words,
        };
        let spun = match self.options.suspects {
            Suspects::Always => true,
            Suspects::Never => false,
            Suspects::Auto => {
                fingerprints >= self.options.min_fingerprints
                    && score.per_thousand() >= self.options.spun_threshold
            }
        };
        let found = if spun && !forced && self.has_suspects {
            self.scan(
                &doc,
                Gate {
                    suspects: true,
                    context: true,
                },
            )
        } else {
            first
        };
        let edits = found.iter().map(|f| self.edit(&doc, f, score)).collect();
        Repair { edits, score, spun }
    }

    /// The keys found in `text` as whole words, whatever their class or context conditions
    /// say: what a second run could change if `text` were a replacement (`dict check`).
    pub fn keys_in(&self, text: &str) -> Vec<&Arc<Rule>> {
        let doc = Doc::new(text);
        let found = self.scan(
            &doc,
            Gate {
                suspects: true,
                context: false,
            },
        );
        found.iter().map(|f| self.rule(f.pattern)).collect()
    }

    fn rule(&self, pattern: u32) -> &Arc<Rule> {
        &self.dict.rules()[self.dict.patterns()[pattern as usize].rule as usize]
    }

    fn scan(&self, doc: &Doc, gate: Gate) -> Vec<Found> {
        let hay = doc.norm.text.as_slice();
        let mut found = Vec::new();
        let mut at = 0;
        while at < hay.len() {
            let Some(m) = self.automaton.find(Input::new(hay).span(at..hay.len())) else {
                break;
            };
            let start = m.start();
            let first =
                boundary::first_char(std::str::from_utf8(&hay[start..m.end()]).unwrap_or(""));
            if first.is_some_and(|c| boundary::starts_word(hay, start, c)) {
                let longest = self.pattern_of[m.pattern().as_usize()];
                let best = if self.accept(doc, start, m.end(), longest, gate) {
                    Some(Found {
                        start,
                        end: m.end(),
                        pattern: longest,
                    })
                } else {
                    self.shorter_keys(hay, start, m.end())
                        .into_iter()
                        .rev()
                        .find(|&(end, p)| self.accept(doc, start, end, p, gate))
                        .map(|(end, pattern)| Found {
                            start,
                            end,
                            pattern,
                        })
                };
                if let Some(f) = best {
                    at = f.end;
                    found.push(f);
                    continue;
                }
            }
            at = start + utf8_len(hay[start]);
        }
        found
    }

    /// Every key that starts at `start` and ends before `end`, shortest first: a walk down the
    /// fst along the text.
    fn shorter_keys(&self, hay: &[u8], start: usize, end: usize) -> Vec<(usize, u32)> {
        let fst = self.dict.map().as_fst();
        let mut node = fst.root();
        let mut out = Output::zero();
        let mut keys = Vec::new();
        for (i, &b) in hay[start..end - 1].iter().enumerate() {
            let Some(t) = node.find_input(b).map(|k| node.transition(k)) else {
                break;
            };
            out = out.cat(t.out);
            node = fst.node(t.addr);
            if node.is_final() {
                keys.push((start + i + 1, out.cat(node.final_output()).value() as u32));
            }
        }
        keys
    }

    fn accept(&self, doc: &Doc, start: usize, end: usize, pattern: u32, gate: Gate) -> bool {
        let hay = doc.norm.text.as_slice();
        let rule = self.rule(pattern);
        if rule.class == Class::Suspect && !gate.suspects {
            return false;
        }
        let text = std::str::from_utf8(&hay[start..end]).unwrap_or("");
        if !boundary::last_char(text).is_some_and(|c| boundary::ends_word(hay, end, c)) {
            return false;
        }
        if rule.case == CaseMode::Exact {
            let written = &self.dict.patterns()[pattern as usize].written;
            let original = &doc.src[doc.norm.original(start)..doc.norm.original(end)];
            if key::normalize_with(original, false) != key::normalize_with(written, false) {
                return false;
            }
        }
        !gate.context || self.context_holds(doc, start, end, rule)
    }

    fn context_holds(&self, doc: &Doc, start: usize, end: usize, rule: &Rule) -> bool {
        let c = &rule.context;
        let hay = doc.norm.text.as_slice();
        let any = |list: &[String], f: &dyn Fn(&str) -> bool| list.iter().any(|p| f(p));
        (c.preceded_by.is_empty() || any(&c.preceded_by, &|p| boundary::preceded_by(hay, start, p)))
            && !any(&c.not_preceded_by, &|p| {
                boundary::preceded_by(hay, start, p)
            })
            && (c.followed_by.is_empty()
                || any(&c.followed_by, &|p| boundary::followed_by(hay, end, p)))
            && !any(&c.not_followed_by, &|p| boundary::followed_by(hay, end, p))
            && c.document_has.iter().all(|p| doc.has(p))
            && !c.document_lacks.iter().any(|p| doc.has(p))
    }

    fn edit(&self, doc: &Doc, f: &Found, score: Score) -> Edit {
        let range = doc.norm.original(f.start)..doc.norm.original(f.end);
        let from = &doc.src[range.clone()];
        let rule = self.rule(f.pattern);
        let to = render::render(rule, from, || doc.curly());
        let mut why = match (rule.class, self.options.suspects) {
            (Class::Fingerprint, _) => "fingerprint".to_string(),
            (Class::Suspect, Suspects::Always) => "suspect, repaired because suspects are forced on".to_string(),
            (Class::Suspect, _) => format!(
                "suspect in a spun document (spin score {:.1} >= {:.1} fingerprints per 1,000 words)",
                score.per_thousand(),
                self.options.spun_threshold
            ),
        };
        if !rule.context.is_empty() {
            why.push_str("; context held: ");
            why.push_str(&rule.context.to_string());
        }
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
    fn new(src: &'a str) -> Self {
        Doc {
            src,
            norm: Normalized::new(src),
            curly: OnceCell::new(),
            has: RefCell::default(),
        }
    }

    /// Does the text write apostrophes inside words as `’` more often than as `'`?
    fn curly(&self) -> bool {
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
        if let Some(&v) = self.has.borrow().get(phrase) {
            return v;
        }
        let v = boundary::contains(&self.norm.text, phrase);
        self.has.borrow_mut().insert(phrase.to_string(), v);
        v
    }
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

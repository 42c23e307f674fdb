//! Finding the keys in a text: every key that starts where `starts` lets a position through,
//! listed once per text by walking the fst, then one leftmost-longest pass per gate that keeps,
//! at each position, the longest key that stands on word boundaries and whose class and
//! conditions allow it, and resumes after it.

use super::{boundary, Doc, Engine, Found, Gate};
use crate::dict::key;
use crate::dict::model::{CaseMode, Class, Rule};
use fst::raw::Output;

/// The keys found in a text, whatever a scan lets pass: a gate only chooses among them.
#[derive(Default)]
pub(super) struct Candidates {
    /// Each position where keys start, and where its keys end in `keys`.
    starts: Vec<(usize, usize)>,
    /// (end, pattern) of the keys at each position, shortest first.
    keys: Vec<(usize, u32)>,
}

impl Engine {
    /// Every key that starts at or after `doc.start`.
    pub(super) fn candidates(&self, doc: &Doc) -> Candidates {
        let hay = doc.norm.text.as_slice();
        let mut c = Candidates::default();
        self.starts.find(hay, doc.start, |start| {
            self.keys_at(hay, start, &mut c.keys);
            if c.starts.last().map_or(0, |&(_, end)| end) < c.keys.len() {
                c.starts.push((start, c.keys.len()));
            }
        });
        c
    }

    /// Appends every key that starts at `start`, shortest first: a walk down the fst.
    fn keys_at(&self, hay: &[u8], start: usize, keys: &mut Vec<(usize, u32)>) {
        let fst = self.dict.map().as_fst();
        let mut node = fst.root();
        let mut out = Output::zero();
        for (i, &b) in hay[start..].iter().enumerate() {
            let Some(t) = node.find_input(b).map(|k| node.transition(k)) else {
                break;
            };
            out = out.cat(t.out);
            node = fst.node(t.addr);
            // A value naming no pattern (a file made by hand) is no key.
            let value = out.cat(node.final_output()).value();
            if node.is_final() && value < fst.len() as u64 {
                keys.push((start + i + 1, value as u32));
            }
        }
    }

    /// The matches `gate` lets pass, leftmost-longest, never overlapping.
    pub(super) fn scan(&self, doc: &Doc, gate: Gate) -> Vec<Found> {
        let c = doc.candidates.get_or_init(|| self.candidates(doc));
        // Untouched capacity costs nothing; growing by doubling copies and touches twice.
        let mut found = Vec::with_capacity(c.starts.len());
        let mut at = doc.start;
        let mut first = 0;
        for &(start, last) in &c.starts {
            let keys = &c.keys[first..last];
            first = last;
            if start < at {
                continue;
            }
            let longest = keys
                .iter()
                .rev()
                .find(|&&(end, pattern)| self.accept(doc, start, end, pattern, gate));
            if let Some(&(end, pattern)) = longest {
                found.push(Found {
                    start,
                    end,
                    pattern,
                });
                at = end;
            }
        }
        found
    }

    fn accept(&self, doc: &Doc, start: usize, end: usize, pattern: u32, gate: Gate) -> bool {
        let hay = doc.norm.text.as_slice();
        let rule = self.rule(pattern);
        if rule.class == Class::Suspect && !gate.suspects {
            return false;
        }
        if !boundary::char_before(hay, end).is_some_and(|c| boundary::ends_word(hay, end, c)) {
            return false;
        }
        if rule.case == CaseMode::Exact {
            let written = &self.dict.pattern(pattern as usize).written;
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
}

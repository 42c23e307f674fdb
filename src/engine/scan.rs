//! Choosing among the keys found in a text (`starts` and `matcher`, once per text): one leftmost-longest pass
//! per gate that keeps, at each position, the longest key that stands on word boundaries and
//! whose class and conditions allow it, and resumes after it.

use super::starts::Candidates;
use super::{boundary, Doc, Engine, Found, Gate};
use crate::dict::key;
use crate::dict::model::{CaseMode, Class, Rule};

impl Engine {
    /// The keys found in `doc`, whatever a gate lets pass (found once per text).
    fn candidates<'d>(&self, doc: &'d Doc) -> &'d Candidates {
        doc.candidates.get_or_init(|| {
            let fst = self.dict.map().as_fst();
            self.starts
                .candidates(&self.matcher, fst, &doc.norm.text, doc.start)
        })
    }

    /// Does any key of the dictionary run into the bytes `range` of `doc`'s text, starting at
    /// a byte `skip` does not refuse?
    pub(super) fn any_key_in(
        &self,
        doc: &Doc,
        range: std::ops::Range<usize>,
        skip: impl Fn(usize) -> bool,
    ) -> bool {
        let (start, end) = (
            doc.norm.position_of(range.start),
            doc.norm.position_of(range.end),
        );
        let c = self.candidates(doc);
        // Starts before `end`, back to the longest key's length before `start`.
        let last = c.starts.partition_point(|&(at, _)| at < end);
        (0..last)
            .rev()
            .take_while(|&k| c.starts[k].0 + self.longest_key >= start)
            .any(|k| {
                let (at, upto) = c.starts[k];
                let from = if k == 0 { 0 } else { c.starts[k - 1].1 };
                !skip(doc.norm.original(at)) && c.keys[from..upto].iter().any(|&(e, _)| e > start)
            })
    }

    /// The matches `gate` lets pass, leftmost-longest, never overlapping.
    pub(super) fn scan(&self, doc: &Doc, gate: Gate) -> Vec<Found> {
        let c = self.candidates(doc);
        // At most one match a position.
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

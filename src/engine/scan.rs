//! Choosing among the keys found in a text (`starts` and `matcher`, once per text): one leftmost-longest pass
//! per gate that keeps, at each position, the longest key that stands on word boundaries and
//! whose class and conditions allow it, and resumes after it.

use super::starts::Candidates;
use super::{address, boundary, Doc, Engine, Found, Gate};
use crate::dict::key;
use crate::dict::model::{CaseMode, Class, Rule};

impl Engine {
    /// Where the keys found in `doc` start, in its bytes, in order.
    pub(super) fn key_starts<'d>(&self, doc: &'d Doc) -> impl Iterator<Item = usize> + 'd {
        let c = self.candidates(doc);
        c.starts.iter().map(|&(at, _)| doc.norm.original(at))
    }

    /// The matches `gate` lets pass, leftmost-longest, never overlapping.
    pub(super) fn scan(&self, doc: &Doc, gate: Gate) -> Vec<Found> {
        let [found] = self.scans(doc, [gate]);
        found
    }

    /// The matches each of `gates` lets pass, in one walk over the keys found: a key two gates
    /// ask about is judged once (its boundaries and conditions), for both. The gates differ in
    /// the classes they let pass, not in whether conditions are read.
    pub(super) fn scans<const N: usize>(&self, doc: &Doc, gates: [Gate; N]) -> [Vec<Found>; N] {
        let c = self.candidates(doc);
        let context = gates.first().is_some_and(|g| g.context);
        debug_assert!(gates.iter().all(|g| g.context == context));
        // At most one match a position.
        let mut found = gates.map(|_| Vec::with_capacity(c.starts.len()));
        let mut at = [doc.start; N];
        let mut first = 0;
        for &(start, last) in &c.starts {
            let keys = &c.keys[first..last];
            first = last;
            // The gates still looking for a match here.
            let mut open = at.map(|a| start >= a);
            for &(end, pattern) in keys.iter().rev() {
                if !open.contains(&true) {
                    break;
                }
                let rule = self.rule(pattern);
                let suspect = rule.class == Class::Suspect;
                let asks = std::array::from_fn::<bool, N, _>(|g| {
                    open[g] && (gates[g].suspects || !suspect)
                });
                if !asks.contains(&true) || !self.accept(doc, (start, end), pattern, rule, context)
                {
                    continue;
                }
                for g in (0..N).filter(|&g| asks[g]) {
                    found[g].push(Found {
                        start,
                        end,
                        pattern,
                    });
                    at[g] = end;
                    open[g] = false;
                }
            }
        }
        found
    }

    /// Every key found in `doc` from where its repairs start, listed once.
    pub(super) fn candidates<'d>(&self, doc: &'d Doc) -> &'d Candidates {
        doc.candidates.get_or_init(|| {
            let fst = self.dict.map().as_fst();
            self.starts
                .candidates(&self.matcher, fst, &doc.norm.text, doc.start)
        })
    }

    /// Does the key `pattern` (of `rule`) at `start..end` stand on word boundaries, in the case
    /// it asks for, outside an address, with its conditions holding (when `context` says to
    /// read them)?
    fn accept(
        &self,
        doc: &Doc,
        (start, end): (usize, usize),
        pattern: u32,
        rule: &Rule,
        context: bool,
    ) -> bool {
        let hay = doc.norm.text.as_slice();
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
        !address::inside(hay, start, end) && (!context || self.context_holds(doc, start, end, rule))
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

//! An entry's uses in one document, judged together. A spinner writes its word for the same
//! original wherever it meets it, so the model's preferences at each use of an entry are
//! evidence for one hypothesis, and add up (as log-likelihood ratios do): a use the model is
//! unsure of is repaired beside one it is sure of, and one it mildly likes is left beside one
//! it rejects. Uses it is unsure of alone prove nothing together. Detection reads every suspect use among a document's first words; what it read
//! serves every use of the same entry in the document, in whichever window it is judged.

use std::collections::HashMap;

/// The model's preference at each suspect use detection read, by entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Uses {
    /// Preference by the byte where the use starts.
    at: HashMap<usize, f32>,
    /// Preferences added up, how many, and the strongest, by entry (rule index).
    by_entry: HashMap<u32, Together>,
}

impl Uses {
    /// Records the model's preference for the repair of a use of entry `rule` at byte `at`.
    pub fn record(&mut self, rule: u32, at: usize, prefers: f32) {
        if self.at.insert(at, prefers).is_none() {
            let entry = self.by_entry.entry(rule).or_insert(Together {
                total: 0.0,
                uses: 0,
                strongest: f32::NEG_INFINITY,
            });
            entry.total += prefers;
            entry.uses += 1;
            entry.strongest = entry.strongest.max(prefers);
        }
    }

    /// All the uses of entry `rule`, the one at byte `at` read as `prefers` (it may have been
    /// read again with the repairs before it made); `None` when the entry has no other use.
    pub fn together(&self, rule: u32, at: usize, prefers: f32) -> Option<Together> {
        let all = self.by_entry.get(&rule)?;
        let (others, uses) = match self.at.get(&at) {
            Some(own) => (all.total - own, all.uses),
            None => (all.total, all.uses + 1),
        };
        (uses > 1).then_some(Together {
            total: others + prefers,
            uses,
            strongest: all.strongest.max(prefers),
        })
    }
}

/// The uses of one entry in a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Together {
    /// The model's preferences added up.
    pub total: f32,
    pub uses: usize,
    /// The strongest of them.
    pub strongest: f32,
}

impl Together {
    /// Do the uses together make the repair, at `margin`: their total passes it, and so does
    /// one of them at least?
    pub fn pass(&self, margin: f32) -> bool {
        self.total >= margin && self.strongest >= margin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_add_up_with_each_read_again() {
        let mut uses = Uses::default();
        uses.record(7, 10, 7.9);
        uses.record(7, 50, 0.3);
        uses.record(8, 90, 2.0);
        // The use at 50, read again at 0.4: 7.9 + 0.4.
        let t = uses.together(7, 50, 0.4).unwrap();
        assert!((t.total - 8.3).abs() < 1e-5 && t.uses == 2 && t.strongest == 7.9);
        assert!(t.pass(0.5));
        // A use past the words detection read joins the others.
        let t = uses.together(7, 900, -1.0).unwrap();
        assert!((t.total - 7.2).abs() < 1e-5 && t.uses == 3);
        // Uses the model is unsure of alone prove nothing together, and a strong one against
        // outweighs a mild one for.
        uses.record(9, 100, 0.3);
        uses.record(9, 200, 0.3);
        assert!(!uses.together(9, 100, 0.3).unwrap().pass(0.5));
        uses.record(9, 300, -6.0);
        uses.record(9, 400, 1.0);
        assert!(!uses.together(9, 400, 1.0).unwrap().pass(0.5));
        // An entry used once stands alone; one detection never read has no evidence.
        assert_eq!(uses.together(8, 90, 2.0), None);
        assert_eq!(uses.together(10, 5, 1.0), None);
        // A use recorded twice counts once.
        uses.record(8, 90, 2.0);
        assert_eq!(uses.together(8, 90, 2.0), None);
    }
}

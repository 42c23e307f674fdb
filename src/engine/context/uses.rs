//! An entry's uses in one document, judged together. A spinner writes its word for the same
//! original wherever it meets it, so the model's preferences at each use of an entry are
//! evidence for one hypothesis, and add up (as log-likelihood ratios do): a use the model is
//! unsure of is repaired beside one it is sure of, and one it mildly likes is left beside one
//! it rejects. Uses it is unsure of alone prove nothing together. Detection reads every
//! suspect use among a document's first words; what it read serves every use of the same
//! entry in the document, in whichever window or neighbourhood it is judged (so it is kept by
//! entry, not by place: a neighbourhood read again has places of its own).

use std::collections::HashMap;

/// The model's preferences at the suspect uses detection read, by entry (rule index).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Uses {
    by_entry: HashMap<u32, Together>,
}

impl Uses {
    /// Records the model's preference for the repair of a use of entry `rule`.
    pub fn record(&mut self, rule: u32, prefers: f32) {
        let entry = self.by_entry.entry(rule).or_insert(Together {
            total: 0.0,
            uses: 0,
            strongest: f32::NEG_INFINITY,
        });
        entry.total += prefers;
        entry.uses += 1;
        entry.strongest = entry.strongest.max(prefers);
    }

    /// The uses of entry `rule` detection read, if there were more than one, with the one being
    /// judged read again as `prefers` (with the repairs before it made): that reading stands in
    /// for their mean, as where it was first read is not known in a neighbourhood read again.
    pub fn together(&self, rule: u32, prefers: f32) -> Option<Together> {
        let all = self.by_entry.get(&rule).filter(|t| t.uses > 1)?;
        Some(Together {
            total: all.total - all.total / all.uses as f32 + prefers,
            uses: all.uses,
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
    fn uses_add_up_and_need_one_sure_of_itself() {
        let mut uses = Uses::default();
        uses.record(7, 7.9);
        uses.record(7, 0.3);
        uses.record(8, 2.0);
        // Read again at 0.4, a use stands in for the mean of the two: 8.2 - 4.1 + 0.4.
        let t = uses.together(7, 0.4).unwrap();
        assert!((t.total - 4.5).abs() < 1e-5 && t.uses == 2 && t.strongest == 7.9);
        assert!(t.pass(0.5));
        // An entry used once stands alone; one detection never read has no evidence.
        assert_eq!(uses.together(8, 2.0), None);
        assert_eq!(uses.together(10, 1.0), None);
        // Uses the model is unsure of alone prove nothing together, and a strong one against
        // outweighs a mild one for.
        uses.record(9, 0.3);
        uses.record(9, 0.3);
        assert!(!uses.together(9, 0.3).unwrap().pass(0.5));
        uses.record(9, -6.0);
        uses.record(9, 1.0);
        assert!(!uses.together(9, 1.0).unwrap().pass(0.5));
    }
}

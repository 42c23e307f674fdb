//! Repairs restricted to some byte ranges of a text (the prose of an HTML or Markdown file).
//!
//! The text is scanned with every byte outside the ranges blanked to a space: offsets stay
//! those of the original, markup never matches a key, context conditions still see the words
//! on either side of a tag, and the spin score counts the words of all the prose. A match that
//! runs across the edge of a range (a phrase split by a tag or an entity) is dropped: it is
//! left alone rather than mangled.

use super::{Engine, Repair};
use std::ops::Range;

impl Engine {
    /// Finds the repairs in `text` that lie wholly inside one of `ranges` (sorted, disjoint, on
    /// char boundaries). Offsets in the edits are offsets in `text`.
    pub fn repair_within(&self, text: &str, ranges: &[Range<usize>]) -> Repair {
        let mut masked = vec![b' '; text.len()];
        for r in ranges {
            masked[r.clone()].copy_from_slice(&text.as_bytes()[r.clone()]);
        }
        // Blanking whole chars outside char-boundary ranges keeps the bytes valid UTF-8.
        let masked = String::from_utf8(masked).expect("ranges lie on char boundaries");
        let mut repair = self.repair(&masked);
        repair.edits.retain(|e| {
            let k = ranges.partition_point(|r| r.end < e.range.end);
            ranges
                .get(k)
                .is_some_and(|r| r.start <= e.range.start && e.range.end <= r.end)
        });
        repair
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{Engine, Options};
    use crate::Dictionary;

    fn engine() -> Engine {
        let yaml = "entries:\n  mental property: intellectual property\n  on-line: online\n  \
                    chinese language:\n    to: Chinese\n    not_preceded_by: [the]\n";
        Engine::new(
            Dictionary::from_yaml("t", yaml).unwrap(),
            Options::default(),
        )
        .unwrap()
    }

    #[test]
    fn edits_only_inside_ranges_at_original_offsets() {
        let text = "<a title=\"mental property\">mental property</a>";
        let inside = 27..42;
        let r = engine().repair_within(text, std::slice::from_ref(&inside));
        assert_eq!(r.edits.len(), 1);
        assert_eq!(r.edits[0].range, inside);
        assert_eq!(r.edits[0].from, "mental property");
    }

    #[test]
    fn a_phrase_split_by_markup_is_left_alone() {
        let text = "mental <b>property</b> and on-line";
        let r = engine().repair_within(text, &[0..7, 10..18, 22..34]);
        let froms: Vec<&str> = r.edits.iter().map(|e| e.from.as_str()).collect();
        assert_eq!(froms, ["on-line"]);
    }

    #[test]
    fn context_sees_words_across_tags() {
        let text = "in the <i>chinese language</i>";
        let r = engine().repair_within(text, &[0..7, 10..26]);
        assert!(r.edits.is_empty(), "{:?}", r.edits);
    }
}

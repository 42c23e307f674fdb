//! Repairs restricted to some byte ranges of a text (the prose of an HTML or Markdown file).
//!
//! The text is scanned with every byte outside the ranges blanked to a space: offsets stay
//! those of the original, markup never matches a key, context conditions still see the words
//! on either side of a tag, and the spin score counts the words of all the prose. A match that
//! runs across the edge of a range (a phrase split by a tag or an entity) can never be repaired,
//! so it must not count either: its blanked bytes become a mark that is neither a word nor
//! whitespace, and the text is scanned again, so that it neither matches nor scores.

use super::{Engine, Repair, Windows};
use std::borrow::Cow;
use std::ops::Range;

impl Engine {
    /// Finds the repairs in `text` that lie wholly inside one of `ranges` (sorted, disjoint, on
    /// char boundaries). Offsets in the edits are offsets in `text`.
    pub fn repair_within(&self, text: &str, ranges: &[Range<usize>]) -> Repair {
        self.windows_within(text, ranges).into_repair()
    }

    /// [`Engine::repair_within`], read window by window (see [`Windows`]); the windows' text is
    /// `text` blanked outside the ranges.
    pub fn windows_within(&self, text: &str, ranges: &[Range<usize>]) -> Windows<'_, 'static> {
        let mut masked = vec![b' '; text.len()];
        for r in ranges {
            masked[r.clone()].copy_from_slice(&text.as_bytes()[r.clone()]);
        }
        let inside = |e: &Range<usize>| {
            let k = ranges.partition_point(|r| r.end < e.end);
            ranges
                .get(k)
                .is_some_and(|r| r.start <= e.start && e.end <= r.end)
        };
        loop {
            // Blanking whole chars outside char-boundary ranges keeps the bytes valid UTF-8.
            let text = String::from_utf8(masked).expect("ranges lie on char boundaries");
            let mut windows = self.windows_of(Cow::Owned(text));
            let mut split: Vec<Range<usize>> = Vec::new();
            windows.each_edit(|e| {
                if !inside(&e.range) {
                    split.push(e.range.clone());
                }
            });
            if split.is_empty() {
                return windows;
            }
            masked = windows.into_text().into_owned().into_bytes();
            // Each pass turns at least one blank into a mark, so the loop ends.
            for r in split {
                for i in r {
                    if masked[i] == b' ' && !ranges.iter().any(|p| p.contains(&i)) {
                        masked[i] = SPLIT;
                    }
                }
            }
        }
    }
}

/// What a blank inside a split phrase becomes: an ASCII control, neither a word character nor
/// whitespace, so no key matches across it.
const SPLIT: u8 = 0x01;

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
    fn a_phrase_split_by_markup_does_not_count() {
        // "<p>mental &amp; property</p>" and "<b>mental</b> property": nothing repairable, so
        // nothing to score, as for the same words as plain text.
        let text = "mental &amp; property; <b>mental</b> property";
        let r = engine().repair_within(text, &[0..7, 12..22, 26..32, 36..45]);
        assert!(r.edits.is_empty(), "{:?}", r.edits);
        assert_eq!(r.score.fingerprints, 0);
    }

    #[test]
    fn a_long_page_reads_in_windows_as_it_reads_whole() {
        // Text nodes, and phrases split by a tag, on a page of many windows.
        let page = "<p>Our mental property</p><i>mental</i> property <b>chinese language</b> \
                    said the chinese language <a>mental <b>property</b></a>\n"
            .repeat(300);
        let mut ranges = Vec::new();
        let mut start = 0;
        for (i, c) in page.char_indices() {
            match c {
                '<' if start < i => ranges.push(start..i),
                '>' => start = i + 1,
                _ => {}
            }
        }
        let read = |window| {
            let yaml = "entries:\n  mental property: intellectual property\n  \
                        chinese language:\n    to: Chinese\n    not_preceded_by: [the]\n";
            let options = Options {
                window,
                ..Options::default()
            };
            Engine::new(Dictionary::from_yaml("t", yaml).unwrap(), options)
                .unwrap()
                .repair_within(&page, &ranges)
        };
        let whole = read(usize::MAX);
        assert_eq!(whole.edits.len(), 600);
        let windows = read(1000);
        assert_eq!(windows.edits, whole.edits);
        assert_eq!(windows.score, whole.score);
    }

    #[test]
    fn context_sees_words_across_tags() {
        let text = "in the <i>chinese language</i>";
        let r = engine().repair_within(text, &[0..7, 10..26]);
        assert!(r.edits.is_empty(), "{:?}", r.edits);
    }
}

//! The one type that carries a repair from the matcher to every output.

use crate::dict::model::Rule;
use std::cell::Cell;
use std::ops::Range;
use std::sync::Arc;

/// A repair: replace the bytes `range` of the text (which read `from`) with `to`, because of
/// `rule`, for the reason `why`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub range: Range<usize>,
    pub from: String,
    pub to: String,
    pub rule: Arc<Rule>,
    /// The class and the conditions that let this edit through, in words (one string shared
    /// by the edits it fits alike).
    pub why: Arc<str>,
}

/// The text with `edits` (sorted, not overlapping) applied; every other byte is kept.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let grow: usize = edits.iter().map(|e| e.to.len()).sum();
    let mut out = String::with_capacity(text.len() + grow);
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.to);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// 1-based line and column (in chars) of byte offsets in one text. Columns are counted from the
/// last position asked on the same line when the offsets come in order (as edits do), so the
/// positions of all edits cost one pass over the text even when it is a single long line.
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last offset asked and its column.
    last: Cell<(usize, usize)>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex {
            starts,
            last: Cell::new((0, 1)),
        }
    }

    /// Line and column of `offset` in `text` (the text this index was made from).
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let (from, column) = match self.last.get() {
            (at, column) if (start..=offset).contains(&at) => (at, column),
            _ => (start, 1),
        };
        let column = column + text[from..offset].chars().count();
        self.last.set((offset, column));
        (line, column)
    }

    /// The index (from 0) of the line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The bytes of line `l` of `text`, with its line break.
    pub fn line(&self, text: &str, l: usize) -> Range<usize> {
        self.starts[l]..self.starts.get(l + 1).map_or(text.len(), |&next| next)
    }

    /// How many lines `text` has (a line break ends a line; it does not begin an empty one).
    pub fn lines(&self, text: &str) -> usize {
        self.starts.len() - usize::from(self.starts.last() == Some(&text.len()))
    }

    /// Where the line holding byte `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        self.starts[self.starts.partition_point(|&s| s <= offset) - 1]
    }

    /// Where the line holding byte `offset` ends, before its line break (`\n` or `\r\n`).
    pub fn line_end(&self, text: &str, offset: usize) -> usize {
        let line = self.starts.partition_point(|&s| s <= offset);
        let end = self.starts.get(line).map_or(text.len(), |next| next - 1);
        if end > self.starts[line - 1] && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        }
    }
}

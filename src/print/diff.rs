//! Diffs of a repair, made from its edits: unified hunks that `git apply` and `patch -p1`
//! accept, each under the reasons for its changes, and a word view that marks each replaced
//! phrase inside its line.

use super::explain::{self, Detail, Said};
use super::{Sink, Style};
use crate::edit::{Edit, LineIndex};
use anstyle::{AnsiColor, Effects};
use similar::{ChangeTag, TextDiff};
use std::collections::HashMap;
use std::ops::Range;

const HEADER: anstyle::Style = anstyle::Style::new().effects(Effects::BOLD);
const HUNK: anstyle::Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const DEL: anstyle::Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const INS: anstyle::Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));

const NO_NEWLINE: &str = "\\ No newline at end of file";

/// The path as it appears after `a/` and `b/` in a diff header.
fn diff_path(path: &str) -> &str {
    path.trim_start_matches("./").trim_start_matches('/')
}

/// Lines of the old text that change together: edits on one line, or on adjacent lines. Their
/// new text is kept as the edits that make it, a few bytes each (a hunk may be a whole file).
struct Block {
    /// Old lines, by index.
    lines: Range<usize>,
    /// Where the lines start in the old text.
    start: usize,
    /// Each edit as three LEB128 numbers: the old bytes kept before it (since the edit before,
    /// or the block's start), the old bytes it replaces, and its replacement (see `Unified`).
    edits: Vec<u8>,
    /// Where the last edit ends in the old text.
    at: usize,
    /// Line breaks in the new text so far, and whether it ends with one (None while empty).
    breaks: usize,
    ends_with_break: Option<bool>,
}

/// Unified diff of `old` repaired by edits (sorted, not overlapping) given as they come, with
/// `context` unchanged lines around each group of changes. Only the hunk being gathered is
/// held, as its edits.
///
/// With reasons (`detail` other than None), each hunk stands under its own `--- a/` / `+++ b/`
/// header with the reasons for its changes as `#` lines above it: `git apply` refuses anything
/// between two hunks of one file, but takes successive patches to the same file, as `patch`
/// does, so every hunk is numbered as it stands once the hunks before it are applied. Without
/// reasons it is a plain one-header-per-file diff.
pub struct Unified<'a> {
    path: &'a str,
    old: &'a str,
    index: &'a LineIndex,
    context: usize,
    detail: Detail,
    style: Style,
    header: String,
    /// Lines the hunks before this one added (or removed, if negative).
    delta: isize,
    /// The blocks of the hunk being gathered.
    blocks: Vec<Block>,
    /// The replacements of its edits, each once, and where each is in that list.
    replacements: Vec<String>,
    known: HashMap<String, usize>,
    /// Whether an edit came (a diff without one is empty).
    any: bool,
}

impl<'a> Unified<'a> {
    /// The diff of `old`, the file shown as `path`, whose lines `index` knows.
    pub fn new(
        path: &'a str,
        old: &'a str,
        index: &'a LineIndex,
        context: usize,
        detail: Detail,
        style: Style,
    ) -> Self {
        let p = diff_path(path);
        let header = format!(
            "{}\n{}\n",
            style.paint(HEADER, &format!("--- a/{p}")),
            style.paint(HEADER, &format!("+++ b/{p}"))
        );
        Unified {
            path,
            old,
            index,
            context,
            detail,
            style,
            header,
            delta: 0,
            blocks: Vec::new(),
            replacements: Vec::new(),
            known: HashMap::new(),
            any: false,
        }
    }

    /// Takes the next edit; what it completes goes to `out`.
    pub fn edit(&mut self, e: &Edit, out: &mut impl Sink) {
        let (old, index) = (self.old, self.index);
        if !std::mem::replace(&mut self.any, true) && self.detail == Detail::None {
            out.push_str(&self.header);
        }
        let first = index.line_of(e.range.start);
        let last = index.line_of(e.range.end.max(e.range.start + 1) - 1);
        match self.blocks.last_mut() {
            // Adjacent changed lines read as one change, as in any diff.
            Some(b) if first <= b.lines.end => b.lines.end = b.lines.end.max(last + 1),
            _ => {
                if let Some(b) = self.blocks.last_mut() {
                    b.close(old, index);
                    // A hunk: blocks whose context would touch.
                    if first - b.lines.end > 2 * self.context {
                        self.hunk(out);
                    }
                }
                let start = index.line(old, first).start;
                self.blocks.push(Block {
                    lines: first..last + 1,
                    start,
                    edits: Vec::new(),
                    at: start,
                    breaks: 0,
                    ends_with_break: None,
                });
            }
        }
        let to = match self.known.get(&e.to) {
            Some(&k) => k,
            None => {
                self.replacements.push(e.to.clone());
                self.known.insert(e.to.clone(), self.replacements.len() - 1);
                self.replacements.len() - 1
            }
        };
        let b = self.blocks.last_mut().expect("a block was just made");
        b.grow(&old[b.at..e.range.start]);
        b.grow(&e.to);
        for n in [e.range.start - b.at, e.range.len(), to] {
            super::leb128(&mut b.edits, n);
        }
        b.at = e.range.end;
        if let Some(r) = explain::edit(self.path, old, index, e, self.detail) {
            out.push_str(&comment(&r));
        }
    }

    /// The last hunk, to `out`.
    pub fn finish(mut self, out: &mut impl Sink) {
        if let Some(b) = self.blocks.last_mut() {
            b.close(self.old, self.index);
            self.hunk(out);
        }
    }

    /// The hunk gathered, to `out` (its reasons are there already).
    fn hunk(&mut self, out: &mut impl Sink) {
        let (old, index, style) = (self.old, self.index, self.style);
        let blocks = std::mem::take(&mut self.blocks);
        let replacements = std::mem::take(&mut self.replacements);
        self.known.clear();
        let (Some(first), Some(last)) = (blocks.first(), blocks.last()) else {
            return;
        };
        let from = first.lines.start.saturating_sub(self.context);
        let to = (last.lines.end + self.context).min(index.lines(old));
        let changed: usize = blocks.iter().map(|b| b.lines.len()).sum();
        let added: usize = blocks.iter().map(Block::new_lines).sum();
        let old_count = to - from;
        let new_count = old_count - changed + added;
        let new_start = from as isize + 1 + self.delta;
        // Successive patches to one file are numbered in the text the earlier ones left.
        let old_start = if self.detail == Detail::None {
            from as isize + 1
        } else {
            out.push_str(&self.header);
            new_start
        };
        let range = |start: isize, count: usize| {
            // An empty side is numbered by the line before it.
            let start = if count == 0 { start - 1 } else { start };
            format!("{start},{count}")
        };
        let at_line = format!(
            "@@ -{} +{} @@",
            range(old_start, old_count),
            range(new_start, new_count)
        );
        out.push_str(&style.paint(HUNK, &at_line));
        out.push('\n');
        let plain = anstyle::Style::new();
        let mut at = from;
        for block in &blocks {
            for l in at..block.lines.start {
                Lines::new(out, ' ', plain, style).line(&old[index.line(old, l)]);
            }
            for l in block.lines.clone() {
                Lines::new(out, '-', DEL, style).line(&old[index.line(old, l)]);
            }
            let mut new = Lines::new(out, '+', INS, style);
            let mut edits = block.edits.iter().copied().peekable();
            let mut kept_from = block.start;
            while edits.peek().is_some() {
                let [kept, len, to] = [(); 3].map(|_| super::unleb128(&mut edits));
                new.piece(&old[kept_from..kept_from + kept]);
                new.piece(&replacements[to]);
                kept_from += kept + len;
            }
            new.piece(&old[kept_from..index.line(old, block.lines.end - 1).end]);
            new.end();
            at = block.lines.end;
        }
        for l in at..to {
            Lines::new(out, ' ', plain, style).line(&old[index.line(old, l)]);
        }
        self.delta += new_count as isize - old_count as isize;
    }
}

impl Block {
    /// Counts `piece`, the next of the block's new text.
    fn grow(&mut self, piece: &str) {
        self.breaks += memchr::memchr_iter(b'\n', piece.as_bytes()).count();
        if !piece.is_empty() {
            self.ends_with_break = Some(piece.ends_with('\n'));
        }
    }

    /// Ends the block's new text with the rest of its last line.
    fn close(&mut self, old: &str, index: &LineIndex) {
        let end = index.line(old, self.lines.end - 1).end;
        self.grow(&old[self.at..end]);
    }

    /// Lines of its new text (a last line without a break counts).
    fn new_lines(&self) -> usize {
        self.breaks + usize::from(self.ends_with_break == Some(false))
    }
}

/// Diff lines marked `mark`, written as their text comes (a line may be as long as the file):
/// each with its own line break kept (CRLF included), and the marker patch tools expect after
/// a last line that has none.
struct Lines<'o, S: Sink> {
    out: &'o mut S,
    mark: char,
    paint: anstyle::Style,
    style: Style,
    /// Whether a line is begun.
    open: bool,
}

impl<'o, S: Sink> Lines<'o, S> {
    fn new(out: &'o mut S, mark: char, paint: anstyle::Style, style: Style) -> Self {
        Lines {
            out,
            mark,
            paint,
            style,
            open: false,
        }
    }

    /// One whole line.
    fn line(mut self, line: &str) {
        self.piece(line);
        self.end();
    }

    /// The next piece of text, line breaks and all.
    fn piece(&mut self, mut s: &str) {
        while !s.is_empty() {
            if !self.open {
                if self.style.color {
                    self.out.push_str(&self.paint.render().to_string());
                }
                self.out.push(self.mark);
                self.open = true;
            }
            let Some(i) = memchr::memchr(b'\n', s.as_bytes()) else {
                self.out.push_str(s);
                return;
            };
            self.out.push_str(&s[..i]);
            self.close();
            s = &s[i + 1..];
        }
    }

    /// The end of the text: a line left open has no line break.
    fn end(mut self) {
        if self.open {
            self.close();
            self.out.push_str(NO_NEWLINE);
            self.out.push('\n');
        }
    }

    fn close(&mut self) {
        if self.style.color {
            self.out.push_str(&self.paint.render_reset().to_string());
        }
        self.out.push('\n');
        self.open = false;
    }
}

/// `# reason` on one line, whatever line breaks a note holds: patch tools pass over such lines
/// only while they stay outside hunks.
fn comment(reason: &str) -> String {
    format!("# {}\n", reason.replace(['\r', '\n'], " "))
}

/// Each changed stretch of lines once, prefixed `path:line:`, with removed words as `[-old-]`
/// and inserted words as `{+new+}` (coloured instead of bracketed on a terminal), followed by
/// the reasons for its changes as `#` lines; made as the edits (sorted) come. Only the reasons
/// of the stretch being written are held, a few bytes each.
pub struct Words<'a> {
    path: &'a str,
    old: &'a str,
    index: &'a LineIndex,
    detail: Detail,
    style: Style,
    stretch: Option<Stretch>,
}

/// The stretch of lines being written: whole lines around edits that touch them.
struct Stretch {
    /// Where it ends (before the line break) as far as its edits so far reach.
    end: usize,
    /// Where in the old text it is written up to.
    at: usize,
    /// The reasons of its edits.
    reasons: Said,
}

impl<'a> Words<'a> {
    /// The word diff of `old`, the file shown as `path`, whose lines `index` knows.
    pub fn new(
        path: &'a str,
        old: &'a str,
        index: &'a LineIndex,
        detail: Detail,
        style: Style,
    ) -> Self {
        Words {
            path,
            old,
            index,
            detail,
            style,
            stretch: None,
        }
    }

    /// Takes the next edit; what it completes goes to `out`.
    pub fn edit(&mut self, e: &Edit, out: &mut impl Sink) {
        let (old, index) = (self.old, self.index);
        if !matches!(&self.stretch, Some(s) if e.range.start < s.end) {
            self.finish_stretch(out);
            let start = index.line_start(e.range.start);
            let (line, _) = index.position(old, start);
            out.push_str(&format!("{}:{line}: ", self.path));
            self.stretch = Some(Stretch {
                end: start,
                at: start,
                reasons: Said::default(),
            });
        }
        let s = self.stretch.as_mut().expect("a stretch is open");
        out.push_str(&old[s.at..e.range.start]);
        out.push_str(&marked(&e.from, &e.to, self.style));
        s.at = e.range.end;
        s.end = line_end(index, old, e.range.end);
        s.reasons.push(e, self.detail);
    }

    /// The last stretch, to `out`.
    pub fn finish(mut self, out: &mut impl Sink) {
        self.finish_stretch(out);
    }

    fn finish_stretch(&mut self, out: &mut impl Sink) {
        if let Some(mut s) = self.stretch.take() {
            out.push_str(&self.old[s.at..s.end]);
            out.push('\n');
            for r in s.reasons.take(self.path, self.old, self.index) {
                out.push_str(&comment(&r));
            }
        }
    }
}

/// `from` -> `to` as one phrase, words that did not change left unmarked.
fn marked(from: &str, to: &str, style: Style) -> String {
    let diff = TextDiff::configure().diff_unicode_words(from, to);
    // Runs of one kind of change print as one marked phrase.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    runs.iter()
        .map(|(tag, v)| match (tag, style.color) {
            (ChangeTag::Equal, _) => v.to_string(),
            (ChangeTag::Delete, true) => style.paint(DEL.effects(Effects::STRIKETHROUGH), v),
            (ChangeTag::Insert, true) => style.paint(INS.effects(Effects::BOLD), v),
            (ChangeTag::Delete, false) => format!("[-{v}-]"),
            (ChangeTag::Insert, false) => format!("{{+{v}+}}"),
        })
        .collect()
}

/// End of the line holding the last byte before `p` (without its line break): an edit that
/// ends with a line break ends on that line. Found in the index, so a long line is not searched
/// again for every edit on it.
fn line_end(index: &LineIndex, text: &str, p: usize) -> usize {
    let p = if p > 0 && text.as_bytes().get(p - 1) == Some(&b'\n') {
        p - 1
    } else {
        p
    };
    index.line_end(text, p)
}

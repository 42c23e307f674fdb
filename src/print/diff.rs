//! Diffs of a repair, made from its edits: unified hunks that `git apply` and `patch -p1`
//! accept, each under the reasons for its changes, and a word view that marks each replaced
//! phrase inside its line.

use super::explain::{self, Detail};
use super::Style;
use crate::edit::{Edit, LineIndex};
use anstyle::{AnsiColor, Effects};
use similar::{ChangeTag, TextDiff};
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

/// Lines of the old text that change together: edits on one line, or on adjacent lines.
struct Block {
    /// Old lines, by index.
    lines: Range<usize>,
    /// The block's edits, by index.
    edits: Range<usize>,
}

/// Unified diff of `old` repaired by `edits` (sorted, not overlapping), with `context`
/// unchanged lines around each group of changes.
///
/// With reasons (`detail` other than None), each hunk stands under its own `--- a/` / `+++ b/`
/// header with the reasons for its changes as `#` lines above it: `git apply` refuses anything
/// between two hunks of one file, but takes successive patches to the same file, as `patch`
/// does, so every hunk is numbered as it stands once the hunks before it are applied. Without
/// reasons it is a plain one-header-per-file diff.
pub fn unified(
    path: &str,
    old: &str,
    edits: &[Edit],
    context: usize,
    detail: Detail,
    style: Style,
) -> String {
    if edits.is_empty() {
        return String::new();
    }
    let p = diff_path(path);
    let lines: Vec<Range<usize>> = line_ranges(old);
    let line_of = |offset: usize| lines.partition_point(|l| l.start <= offset) - 1;
    let mut blocks: Vec<Block> = Vec::new();
    for (i, e) in edits.iter().enumerate() {
        let first = line_of(e.range.start);
        let last = line_of(e.range.end.max(e.range.start + 1) - 1);
        match blocks.last_mut() {
            // Adjacent changed lines read as one change, as in any diff.
            Some(b) if first <= b.lines.end => {
                b.lines.end = b.lines.end.max(last + 1);
                b.edits.end = i + 1;
            }
            _ => blocks.push(Block {
                lines: first..last + 1,
                edits: i..i + 1,
            }),
        }
    }
    let header = format!(
        "{}\n{}\n",
        style.paint(HEADER, &format!("--- a/{p}")),
        style.paint(HEADER, &format!("+++ b/{p}"))
    );
    let mut out = String::new();
    if detail == Detail::None {
        out.push_str(&header);
    }
    let index = LineIndex::new(old);
    // Lines the hunks before this one added (or removed, if negative).
    let mut delta: isize = 0;
    let mut b = 0;
    while b < blocks.len() {
        // A hunk: this block and every next one whose context would touch its own.
        let mut e = b + 1;
        while e < blocks.len() && blocks[e].lines.start - blocks[e - 1].lines.end <= 2 * context {
            e += 1;
        }
        let from = blocks[b].lines.start.saturating_sub(context);
        let to = (blocks[e - 1].lines.end + context).min(lines.len());
        let mut body = String::new();
        let context_line = |body: &mut String, l: usize| {
            push_line(
                body,
                ' ',
                &old[lines[l].clone()],
                anstyle::Style::new(),
                style,
            )
        };
        let mut new_count = 0;
        let mut at = from;
        for block in &blocks[b..e] {
            for l in at..block.lines.start {
                context_line(&mut body, l);
            }
            new_count += block.lines.start - at;
            let span = lines[block.lines.start].start..lines[block.lines.end - 1].end;
            for l in block.lines.clone() {
                push_line(&mut body, '-', &old[lines[l].clone()], DEL, style);
            }
            let new = repaired(old, span, &edits[block.edits.clone()]);
            for l in new.split_inclusive('\n') {
                push_line(&mut body, '+', l, INS, style);
                new_count += 1;
            }
            at = block.lines.end;
        }
        for l in at..to {
            context_line(&mut body, l);
        }
        new_count += to - at;
        let old_count = to - from;
        let new_start = from as isize + 1 + delta;
        // Successive patches to one file are numbered in the text the earlier ones left.
        let old_start = if detail == Detail::None {
            from as isize + 1
        } else {
            new_start
        };
        if detail != Detail::None {
            for block in &blocks[b..e] {
                for edit in &edits[block.edits.clone()] {
                    if let Some(r) = explain::edit(path, old, &index, edit, detail) {
                        out.push_str(&comment(&r));
                    }
                }
            }
            out.push_str(&header);
        }
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
        out.push_str(&body);
        delta += new_count as isize - old_count as isize;
        b = e;
    }
    out
}

/// Byte ranges of the lines of `text`, each with its line break.
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut at = 0;
    text.split_inclusive('\n')
        .map(|l| {
            at += l.len();
            at - l.len()..at
        })
        .collect()
}

/// `old[span]` with `edits` (all inside it) applied.
fn repaired(old: &str, span: Range<usize>, edits: &[Edit]) -> String {
    let mut s = String::new();
    let mut at = span.start;
    for e in edits {
        s.push_str(&old[at..e.range.start]);
        s.push_str(&e.to);
        at = e.range.end;
    }
    s.push_str(&old[at..span.end]);
    s
}

/// One diff line: `mark` and the line, its own line break kept (CRLF included), and the
/// marker patch tools expect after a last line that has none.
fn push_line(out: &mut String, mark: char, line: &str, paint: anstyle::Style, style: Style) {
    let body = line.strip_suffix('\n');
    let text = format!("{mark}{}", body.unwrap_or(line));
    out.push_str(&style.paint(paint, &text));
    out.push('\n');
    if body.is_none() {
        out.push_str(NO_NEWLINE);
        out.push('\n');
    }
}

/// `# reason` on one line, whatever line breaks a note holds: patch tools pass over such lines
/// only while they stay outside hunks.
fn comment(reason: &str) -> String {
    format!("# {}\n", reason.replace(['\r', '\n'], " "))
}

/// Each changed stretch of lines once, prefixed `path:line:`, with removed words as `[-old-]`
/// and inserted words as `{+new+}` (coloured instead of bracketed on a terminal), followed by
/// the reasons for its changes as `#` lines.
pub fn words(path: &str, old: &str, edits: &[Edit], detail: Detail, style: Style) -> String {
    let index = LineIndex::new(old);
    let mut out = String::new();
    let mut i = 0;
    while i < edits.len() {
        // The stretch: whole lines around this edit and every edit that touches them.
        let start = index.line_start(edits[i].range.start);
        let mut end = line_end(&index, old, edits[i].range.end);
        let mut j = i + 1;
        while j < edits.len() && edits[j].range.start < end {
            end = line_end(&index, old, edits[j].range.end);
            j += 1;
        }
        let (line, _) = index.position(old, start);
        out.push_str(&format!("{path}:{line}: "));
        let mut at = start;
        for e in &edits[i..j] {
            out.push_str(&old[at..e.range.start]);
            out.push_str(&marked(&e.from, &e.to, style));
            at = e.range.end;
        }
        out.push_str(&old[at..end]);
        out.push('\n');
        for e in &edits[i..j] {
            if let Some(r) = explain::edit(path, old, &index, e, detail) {
                out.push_str(&comment(&r));
            }
        }
        i = j;
    }
    out
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

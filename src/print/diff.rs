//! Diffs of a repair, made with `similar`: a unified line diff that `git apply` and `patch -p1`
//! accept, and a word view that marks each replaced phrase inside its line.

use super::Style;
use crate::edit::{Edit, LineIndex};
use anstyle::{AnsiColor, Effects};
use similar::{ChangeTag, TextDiff};

const HEADER: anstyle::Style = anstyle::Style::new().effects(Effects::BOLD);
const HUNK: anstyle::Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const DEL: anstyle::Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const INS: anstyle::Style =
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));

/// The path as it appears after `a/` and `b/` in a diff header.
fn diff_path(path: &str) -> &str {
    path.trim_start_matches("./").trim_start_matches('/')
}

/// Unified diff of `old` -> `new` with `a/PATH` and `b/PATH` headers.
pub fn unified(path: &str, old: &str, new: &str, style: Style) -> String {
    let p = diff_path(path);
    let diff = TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{p}"), &format!("b/{p}"))
        .to_string();
    if !style.color {
        return text;
    }
    text.split_inclusive('\n')
        .map(|line| {
            let (body, nl) = match line.strip_suffix('\n') {
                Some(b) => (b, "\n"),
                None => (line, ""),
            };
            let s = if line.starts_with("+++") || line.starts_with("---") {
                HEADER
            } else if line.starts_with("@@") {
                HUNK
            } else if line.starts_with('-') {
                DEL
            } else if line.starts_with('+') {
                INS
            } else {
                anstyle::Style::new()
            };
            format!("{}{nl}", style.paint(s, body))
        })
        .collect()
}

/// Each changed stretch of lines once, prefixed `path:line:`, with removed words as `[-old-]`
/// and inserted words as `{+new+}` (coloured instead of bracketed on a terminal).
pub fn words(path: &str, old: &str, edits: &[Edit], style: Style) -> String {
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

//! What the reviewer sees: a proposed change in the text as it now stands, its short reason,
//! the keys, and the help. Returns text; the terminal is the caller's business.

use super::state::Action;
use crate::edit::{Edit, LineIndex};
use crate::print::explain::{self, Detail};
use crate::print::Style;
use anstyle::{AnsiColor, Color, Effects};

const DEL: anstyle::Style = anstyle::Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Red)))
    .effects(Effects::STRIKETHROUGH);
const INS: anstyle::Style = anstyle::Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Green)))
    .effects(Effects::BOLD);
const DIM: anstyle::Style = anstyle::Style::new().effects(Effects::DIMMED);
const HEAD: anstyle::Style = anstyle::Style::new().effects(Effects::BOLD);

/// Unchanged lines shown before and after a change.
const CONTEXT_LINES: usize = 2;
/// Characters kept of a context line, and on each side of the change in its own line: articles
/// often hold a paragraph per line.
const CONTEXT_CHARS: usize = 100;
const AROUND_CHARS: usize = 80;

/// The prompt after each change.
pub const PROMPT: &str = "Accept this change? [y,n,a,d,A,R,X,e,u,v,q,?] ";

pub const HELP: &str = "\
y  accept this change
n  reject this change
a  accept this change and the rest of this file
d  reject this change and the rest of this file
A  accept this change and every later one, in every file (R/X choices still hold)
R  accept this change and every later one made by the same entry
X  reject this change and every later one made by the same entry
e  type your own replacement (Enter accepts it, Esc goes back)
u  undo the previous decision (not into a file that is already written)
v  the full reason for this change: every condition, the entry's source and note
q  quit: files already finished stay written, this file is left as it is
?  this help
";

/// What a key press means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Act(Action),
    /// `e`: ask for a replacement first.
    Edit,
    /// `v`: the full reason.
    Full,
    Quit,
    Help,
}

impl Key {
    pub fn from_char(c: char) -> Option<Key> {
        Some(match c {
            'y' => Key::Act(Action::Accept),
            'n' => Key::Act(Action::Reject),
            'a' => Key::Act(Action::AcceptFile),
            'd' => Key::Act(Action::SkipFile),
            'A' => Key::Act(Action::AcceptAll),
            'R' => Key::Act(Action::AcceptRule),
            'X' => Key::Act(Action::RejectRule),
            'u' => Key::Act(Action::Undo),
            'e' => Key::Edit,
            'v' => Key::Full,
            'q' => Key::Quit,
            '?' => Key::Help,
            _ => return None,
        })
    }
}

/// Where a change stands in the review: change `change` of `changes` in its file, which is
/// file `file` of `files`.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub change: usize,
    pub changes: usize,
    pub file: usize,
    pub files: usize,
}

/// A change in file `path` (whose text, as it now stands, is `text`): where it is, the lines
/// around it before and after with the phrase marked, and which entry proposes it and why, at
/// `detail`.
pub fn change(
    path: &str,
    text: &str,
    index: &LineIndex,
    e: &Edit,
    place: Place,
    detail: Detail,
    style: Style,
) -> String {
    let (line, col) = index.position(text, e.range.start);
    let Place {
        change,
        changes,
        file,
        files,
    } = place;
    let mut out = style.paint(
        HEAD,
        &format!("{path}:{line}:{col}  (change {change} of {changes}, file {file} of {files})"),
    );
    out.push('\n');

    let start = line_start(text, e.range.start);
    let end = line_end(text, e.range.end);
    let mut before_start = start;
    for _ in 0..CONTEXT_LINES {
        if before_start == 0 {
            break;
        }
        before_start = line_start(text, before_start - 1);
    }
    let width = (index.position(text, text.len()).0).to_string().len();
    let number = |first: usize, mark: &str, k: usize| format!("{mark} {:>width$} | ", first + k);
    // Lines before.
    let first_before = index.position(text, before_start).0;
    for (k, l) in text[before_start..start].lines().enumerate() {
        out.push_str(&style.paint(
            DIM,
            &format!("{}{}", number(first_before, " ", k), clip(l, CONTEXT_CHARS)),
        ));
        out.push('\n');
    }
    // The changed lines, before and after.
    let head = clip_start(&text[start..e.range.start], AROUND_CHARS);
    let tail = clip(line_text(&text[e.range.end..end]), AROUND_CHARS);
    let old = [
        (head.as_str(), None),
        (e.from.as_str(), Some(DEL)),
        (tail.as_str(), None),
    ];
    let new = [
        (head.as_str(), None),
        (e.to.as_str(), Some(INS)),
        (tail.as_str(), None),
    ];
    for (mark, parts) in [("-", &old), ("+", &new)] {
        for (k, l) in marked_lines(parts, style).into_iter().enumerate() {
            out.push_str(&number(line, mark, k));
            out.push_str(&l);
            out.push('\n');
        }
    }
    // Lines after (`end` is then the line break that ends the change's last line).
    if end < text.len() {
        let after_start = end + 1;
        let mut after_end = after_start;
        for _ in 0..CONTEXT_LINES {
            if after_end < text.len() {
                after_end = (line_end(text, after_end) + 1).min(text.len());
            }
        }
        let first_after = index.position(text, e.range.end).0 + 1;
        for (k, l) in text[after_start..after_end].lines().enumerate() {
            out.push_str(&style.paint(
                DIM,
                &format!("{}{}", number(first_after, " ", k), clip(l, CONTEXT_CHARS)),
            ));
            out.push('\n');
        }
    }

    if let Some(reason) = explain::reason(e, detail) {
        out.push_str(&reason);
        out.push('\n');
    }
    out
}

/// `s` without a trailing `\r`.
fn line_text(s: &str) -> &str {
    s.strip_suffix('\r').unwrap_or(s)
}

/// Start of the line holding byte `p`.
fn line_start(text: &str, p: usize) -> usize {
    text[..p].rfind('\n').map_or(0, |q| q + 1)
}

/// End of the line holding byte `p` (at its line break, if any).
fn line_end(text: &str, p: usize) -> usize {
    text[p..].find('\n').map_or(text.len(), |q| p + q)
}

/// The first `n` chars of `s`, with `…` if cut.
fn clip(s: &str, n: usize) -> String {
    let s = line_text(s);
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The last `n` chars of `s`, with `…` if cut.
fn clip_start(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        return s.to_string();
    }
    let (i, _) = s.char_indices().nth(count - n).expect("count > n");
    format!("…{}", &s[i..])
}

/// Joins `parts` (text, and how to mark it) and splits the result into lines, marking each
/// line's piece on its own so no colour runs into the next line's number. Without colour, the
/// change is bracketed `[-old-]` / `{+new+}`.
fn marked_lines(parts: &[(&str, Option<anstyle::Style>)], style: Style) -> Vec<String> {
    let mut out = vec![String::new()];
    for (text, mark) in parts {
        let (open, close) = match (mark, style.color) {
            (Some(m), false) if *m == DEL => ("[-", "-]"),
            (Some(_), false) => ("{+", "+}"),
            _ => ("", ""),
        };
        out.last_mut().expect("one line at least").push_str(open);
        for (k, piece) in text.split('\n').enumerate() {
            if k > 0 {
                out.push(String::new());
            }
            let piece = line_text(piece);
            let current = out.last_mut().expect("one line at least");
            match mark {
                Some(m) => current.push_str(&style.paint(*m, piece)),
                None => current.push_str(piece),
            }
        }
        out.last_mut().expect("one line at least").push_str(close);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dictionary, Engine, Options};

    fn show(text: &str, n: usize) -> String {
        show_at(text, n, Detail::Short)
    }

    fn show_at(text: &str, n: usize, detail: Detail) -> String {
        let dict = Dictionary::from_yaml(
            "t",
            "entries:\n  mental property: intellectual property\n  commerce secrets:\n    to: trade secrets\n    note: a spinner's favourite\n",
        )
        .unwrap();
        // The display is under test, not the context model: its figures stay out of the reasons.
        let options = Options::dictionary_only();
        let edits = Engine::new(dict, options).unwrap().repair(text).edits;
        let place = Place {
            change: n + 1,
            changes: edits.len(),
            file: 1,
            files: 1,
        };
        let e = &edits[n];
        change(
            "a.txt",
            text,
            &LineIndex::new(text),
            e,
            place,
            detail,
            Style::default(),
        )
    }

    #[test]
    fn shows_the_change_marked_before_and_after_between_its_context_lines() {
        let text = "one\ntwo\nthree\nour mental property here\nfive\nsix\nseven\n";
        assert_eq!(
            show(text, 0),
            "a.txt:4:5  (change 1 of 1, file 1 of 1)\n  \
             2 | two\n  \
             3 | three\n\
             - 4 | our [-mental property-] here\n\
             + 4 | our {+intellectual property+} here\n  \
             5 | five\n  \
             6 | six\n\
             t:mental property (fingerprint)\n"
        );
    }

    #[test]
    fn a_change_across_a_line_break_keeps_crlf_out_and_shows_the_note() {
        let text = "commerce\r\nsecrets matter\r\n";
        let s = show_at(text, 0, Detail::Full);
        assert!(
            s.contains("- 1 | [-commerce\n- 2 | secrets-] matter\n"),
            "{s}"
        );
        // The replacement keeps the text's own line break.
        assert!(s.contains("+ 1 | {+trade\n+ 2 | secrets+} matter\n"), "{s}");
        assert!(s.contains("-- a spinner's favourite"), "{s}");
        assert!(!s.contains('\r'));
    }

    #[test]
    fn a_change_on_a_last_line_without_a_line_break() {
        assert_eq!(
            show("one\ntwo mental property", 0),
            "a.txt:2:5  (change 1 of 1, file 1 of 1)\n  \
             1 | one\n\
             - 2 | two [-mental property-]\n\
             + 2 | two {+intellectual property+}\n\
             t:mental property (fingerprint)\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_change() {
        let text = format!("{} mental property {}\n", "x".repeat(300), "y".repeat(300));
        let s = show(&text, 0);
        assert!(
            s.contains(&format!(
                "…{} [-mental property-] {}…",
                "x".repeat(79),
                "y".repeat(79)
            )),
            "{s}"
        );
    }

    #[test]
    fn every_key_has_a_meaning_and_others_none() {
        for c in "ynadARXeuvq?".chars() {
            assert!(Key::from_char(c).is_some(), "{c}");
            assert!(HELP.lines().any(|l| l.starts_with(c)), "help for {c}");
        }
        assert_eq!(Key::from_char('Y'), None);
    }
}

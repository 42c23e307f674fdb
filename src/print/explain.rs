//! One line per edit saying what changed and why, and one line per file.

use crate::edit::{Edit, LineIndex};
use crate::engine::Repair;

/// `path:line:col: "from" -> "to"  rule (why) at dictionary:line`, plus the entry's note.
pub fn edit(path: &str, text: &str, index: &LineIndex, e: &Edit) -> String {
    let (line, col) = index.position(text, e.range.start);
    let mut s = format!(
        "{path}:{line}:{col}: {:?} -> {:?}  {} ({}) at {}",
        e.from, e.to, e.rule.id, e.why, e.rule.origin
    );
    if let Some(note) = &e.rule.note {
        s.push_str(" -- ");
        s.push_str(note);
    }
    s
}

/// `path: N repairs <verb> (spin score S per 1,000 words)`.
pub fn summary(path: &str, repair: &Repair, verb: &str) -> String {
    let n = repair.edits.len();
    format!(
        "{path}: {n} repair{} {verb} (spin score {:.1}{})",
        if n == 1 { "" } else { "s" },
        repair.score.per_thousand(),
        if repair.spun { ", spun" } else { "" }
    )
}

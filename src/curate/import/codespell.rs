//! codespell dictionaries: `typo->fix`, `typo->fix, reason` (the reason becomes the note) and
//! `typo->a, b,` (several candidates: skipped, since an entry needs one replacement).

use super::{Problem, Row};
use crate::curate::newdict::NewEntry;
use crate::dict::model::Class;

pub fn read(text: &str) -> (Vec<Row>, Vec<Problem>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let Some((typo, rhs)) = l.split_once("->") else {
            problems.push(Problem::skip(line, "no `->`: expected typo->fix, skipped"));
            continue;
        };
        let rhs = rhs.trim();
        let (fix, note) = if let Some(list) = rhs.strip_suffix(',') {
            let candidates: Vec<&str> = list
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            if candidates.len() != 1 {
                let message = format!(
                    "several candidates ({}): unspin needs one replacement, skipped",
                    candidates.join(", ")
                );
                problems.push(Problem::skip(line, message));
                continue;
            }
            (candidates[0], None)
        } else if let Some((fix, reason)) = rhs.split_once(',') {
            (
                fix.trim(),
                Some(reason.trim().to_string()).filter(|r| !r.is_empty()),
            )
        } else {
            (rhs, None)
        };
        let mut entry = NewEntry::new(typo.trim(), fix, Class::Fingerprint);
        entry.note = note;
        rows.push(Row { line, entry });
    }
    (rows, problems)
}

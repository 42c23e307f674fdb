//! `spun<TAB>original` lines; empty lines and `#` comments are skipped.

use super::{Problem, Row};
use crate::curate::newdict::NewEntry;
use crate::dict::model::Class;

pub fn read(text: &str) -> (Vec<Row>, Vec<Problem>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        match l.split('\t').collect::<Vec<_>>().as_slice() {
            [spun, original] => rows.push(Row {
                line,
                entry: NewEntry::new(spun, original, Class::Fingerprint),
            }),
            fields => problems.push(Problem::skip(
                line,
                format!(
                    "expected spun<TAB>original, found {} field(s), skipped",
                    fields.len()
                ),
            )),
        }
    }
    (rows, problems)
}

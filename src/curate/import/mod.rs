//! Imports existing lists into dictionary entries: Problematic Paper Screener tortured phrases
//! (`pps`), torturedcheck's JSON list (`torturedcheck`), codespell typo lists (`codespell`) and
//! `spun<TAB>original` lines (`tsv`). Each
//! reader turns rows into entries or problems with their line numbers; [`import`] then rejects
//! duplicates and reports conflicts and chains with a reference set (the built-in one) instead
//! of merging silently, and settles the rest so that it passes `dict check`.

mod codespell;
mod pps;
mod torturedcheck;
mod tsv;

use crate::curate::newdict::{self, NewEntry};
use crate::dict::key;
use crate::dict::model::Class;
use crate::engine::Engine;
use crate::lang::wordfreq;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pps,
    Torturedcheck,
    Codespell,
    Tsv,
}

/// A row made into an entry, with the line it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub entry: NewEntry,
}

/// Something to tell about a line: a row skipped, or a warning about an imported one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
    /// Whether the row was left out of the dictionary.
    pub skipped: bool,
}

impl Problem {
    fn skip(line: usize, message: impl Into<String>) -> Self {
        Problem {
            line,
            message: message.into(),
            skipped: true,
        }
    }

    fn warn(line: usize, message: impl Into<String>) -> Self {
        Problem {
            line,
            message: message.into(),
            skipped: false,
        }
    }
}

/// The outcome of an import: entries in file order (some written commented out, see
/// [`NewEntry::left_out`]) and the problems, by line.
#[derive(Debug)]
pub struct Imported {
    pub entries: Vec<NewEntry>,
    pub problems: Vec<Problem>,
}

impl Imported {
    /// Entries that are in force (not commented out).
    pub fn kept(&self) -> usize {
        self.entries.iter().filter(|e| e.left_out.is_none()).count()
    }
}

/// Reads `text` as `format` into the dictionary `name`, comparing with `reference`.
pub fn import(format: Format, name: &str, text: &str, reference: &Engine) -> Imported {
    let (rows, mut problems) = match format {
        Format::Pps => pps::read(text),
        Format::Torturedcheck => torturedcheck::read(text),
        Format::Codespell => codespell::read(text),
        Format::Tsv => tsv::read(text),
    };
    let mut entries: Vec<NewEntry> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for Row { line, mut entry } in rows {
        entry.key = one_line(&entry.key);
        entry.to = one_line(&entry.to);
        if entry.key.is_empty() || entry.to.is_empty() {
            problems.push(Problem::skip(line, "empty phrase or replacement, skipped"));
            continue;
        }
        let norm = key::normalize(&entry.key);
        if norm == key::normalize(&entry.to) {
            if entry.key == entry.to {
                problems.push(Problem::skip(
                    line,
                    format!("{:?} maps to itself", entry.key),
                ));
                continue;
            }
            // A fix of letter case only: match the key only as written.
            entry.exact_case = true;
        }
        if let Some(&k) = seen.get(&norm) {
            let (first, first_line) = (&entries[k], lines[k]);
            let message = if key::normalize(&first.to) == key::normalize(&entry.to) {
                format!("duplicate of line {first_line} ({:?}), skipped", first.key)
            } else {
                format!(
                    "{:?} -> {:?} conflicts with line {first_line} (-> {:?}), skipped",
                    entry.key, entry.to, first.to
                )
            };
            problems.push(Problem::skip(line, message));
            continue;
        }
        compare(&mut entry, line, reference, &mut problems);
        entry.comments.insert(0, format!("line {line}"));
        seen.insert(norm, entries.len());
        entries.push(entry);
        lines.push(line);
    }
    for (i, reason) in newdict::settle(name, &mut entries) {
        problems.push(Problem::skip(
            lines[i],
            format!("{:?} written commented out: {reason}", entries[i].key),
        ));
    }
    problems.sort_by_key(|p| p.line);
    Imported { entries, problems }
}

/// Reports what the reference set already says about the entry, and flags a spun side that is
/// a common English word (suspect, not fingerprint, unless the format says otherwise).
fn compare(entry: &mut NewEntry, line: usize, reference: &Engine, problems: &mut Vec<Problem>) {
    let dict = reference.dictionary();
    if let Some(p) = dict.lookup(&entry.key) {
        let rule = dict.rule_of(p);
        let message = if key::normalize(&rule.to) == key::normalize(&entry.to) {
            format!(
                "{:?} is already the built-in entry {} (kept)",
                entry.key, rule.id
            )
        } else {
            format!(
                "{:?} -> {:?} conflicts with the built-in entry {}, which repairs it to {:?} (kept: with --dict it replaces the built-in one)",
                entry.key, entry.to, rule.id, rule.to
            )
        };
        entry.comments.push(message.clone());
        problems.push(Problem::warn(line, message));
    }
    for other in reference.keys_in(&entry.to) {
        let message = format!(
            "the replacement {:?} contains the key {:?} of the built-in entry {}: a chain",
            entry.to, other.key, other.id
        );
        entry.comments.push(format!("RISK: {message}"));
        problems.push(Problem::warn(line, message));
    }
    if entry.class == Class::Suspect {
        return;
    }
    let words: Vec<&str> = entry.key.split_whitespace().collect();
    if let [w] = words.as_slice() {
        if let Some(rank) = wordfreq::rank(w) {
            let message =
                format!("{w:?} is a common English word (rank {rank}): imported as a suspect");
            entry.class = Class::Suspect;
            entry.comments.push(format!("RISK: {message}"));
            problems.push(Problem::warn(line, message));
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

//! `dictionaries/en/habits.yaml`, the habits read in the spun-only excerpts: each entry rests on
//! the excerpts its comment cites, and a name's habit reads the capitalized word alone.
//! The excerpts are read from `../shared/dev/spun-only` (as CI has it), never copied here.

use std::path::Path;
use unspin::dict::key;
use unspin::edit::apply;
use unspin::engine::{Engine, Options, Suspects};
use unspin::Dictionary;

const HABITS: &str = include_str!("../../dictionaries/en/habits.yaml");

/// The entries with the excerpts their comment cites: (key, case exact, excerpt numbers).
fn cited() -> Vec<(String, bool, Vec<String>)> {
    let lines: Vec<&str> = HABITS.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("  # spun-only ") else {
            continue;
        };
        let excerpts = rest.split(':').next().unwrap();
        let key = lines[i + 1].trim().trim_end_matches(':').trim_matches('"');
        let exact = lines[i + 2..]
            .iter()
            .take_while(|l| l.starts_with("    "))
            .any(|l| l.trim() == "case: exact");
        let numbers = excerpts.split(", ").map(str::to_string).collect();
        out.push((key.to_string(), exact, numbers));
    }
    out
}

#[test]
fn every_habit_is_in_the_excerpts_it_cites() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev/spun-only");
    let entries = cited();
    assert!(entries.len() > 90, "{} entries read", entries.len());
    for (key, exact, numbers) in entries {
        for n in &numbers {
            let path = dir.join(format!("{n}.txt"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("{}: {e} (the shared development data)", path.display())
            });
            // Compared as keys are matched: spaces and apostrophes normalized, and lower-cased
            // unless the entry asks for its case.
            let (text, key) = if exact {
                (
                    key::normalize_with(&text, false),
                    key::normalize_with(&key, false),
                )
            } else {
                (key::normalize(&text), key::normalize(&key))
            };
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let whole = text.match_indices(&key).any(|(at, _)| {
                !word(text[..at].chars().next_back())
                    && !word(text[at + key.len()..].chars().next())
            });
            assert!(whole, "{key:?} is not in spun-only {n}");
        }
    }
}

#[test]
fn a_name_habit_reads_the_capitalized_word_alone() {
    let options = Options {
        suspects: Suspects::Always,
        ..Options::default()
    };
    let engine = Engine::new(Dictionary::builtin(), options).unwrap();
    let text = "Fans watched the Purple Bull car win again in Imola. She wore a purple dress to the race.\n";
    let repaired = apply(text, &engine.repair(text).edits);
    assert!(repaired.contains("the Red Bull car"), "{repaired}");
    assert!(repaired.contains("a purple dress"), "{repaired}");
}

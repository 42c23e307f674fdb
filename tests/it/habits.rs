//! `dictionaries/en/habits.yaml`, the habits read in the spun-only excerpts: each entry is in
//! the excerpts its comment cites, a suspect in two of them (but for the few the file says),
//! and a name's habit reads the capitalized word alone.
//! The excerpts are read from `../shared/dev/spun-only` (as CI has it), never copied here.

use std::path::Path;
use unspin::dict::key;
use unspin::edit::apply;
use unspin::engine::{Engine, Options, Suspects};
use unspin::Dictionary;

const HABITS: &str = include_str!("../../dictionaries/en/habits.yaml");

/// Suspects that rest on one excerpt, as the file says: a habit written two ways counts its
/// excerpts together, two words of one title spelt eight times in one excerpt, and a word
/// the spinner swapped at each of its six uses in one.
const ONE_EXCERPT: &[&str] = &[
    "take pleasure in",
    "get pleasure from",
    "it's best to",
    "it is best to",
    "you could possibly",
    "Useless",
    "Strolling",
    "at this level",
    "mannequin",
];

/// An entry of the file and the excerpts its comment cites.
struct Cited {
    key: String,
    exact: bool,
    fingerprint: bool,
    excerpts: Vec<String>,
}

/// The entries with the excerpts their comment cites.
fn cited() -> Vec<Cited> {
    let lines: Vec<&str> = HABITS.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("  # spun-only ") else {
            continue;
        };
        let excerpts = rest.split(':').next().unwrap();
        let key = lines[i + 1].trim().trim_end_matches(':').trim_matches('"');
        let fields: Vec<&str> = lines[i + 2..]
            .iter()
            .take_while(|l| l.starts_with("    "))
            .map(|l| l.trim())
            .collect();
        out.push(Cited {
            key: key.to_string(),
            exact: fields.contains(&"case: exact"),
            fingerprint: fields.contains(&"class: fingerprint"),
            excerpts: excerpts.split(", ").map(str::to_string).collect(),
        });
    }
    out
}

#[test]
fn every_habit_rests_on_the_excerpts_it_cites() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev/spun-only");
    let entries = cited();
    assert!(entries.len() > 90, "{} entries read", entries.len());
    for Cited {
        key,
        exact,
        fingerprint,
        excerpts,
    } in entries
    {
        assert!(
            fingerprint || excerpts.len() >= 2 || ONE_EXCERPT.contains(&key.as_str()),
            "the suspect {key:?} rests on one excerpt"
        );
        for n in &excerpts {
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

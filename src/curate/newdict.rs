//! Writes new dictionaries (from `learn` and `dict import`) as YAML in the dictionary format,
//! and settles them: an entry that the loader or `dict check` would reject is written commented
//! out with the reason, so the file always loads and passes the check.

use crate::dict::model::Class;
use crate::dict::{key, Dictionary};
use crate::engine::Engine;
use crate::quality::lint;
use std::collections::HashMap;
use std::fmt::Write;

/// One entry to write.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewEntry {
    pub key: String,
    pub to: String,
    /// Other originals the key has stood for (the context model chooses among them).
    pub or: Vec<String>,
    pub class: Class,
    /// Match only with the capitals written in the key (for fixes that only change case).
    pub exact_case: bool,
    pub note: Option<String>,
    pub document_has: Vec<String>,
    pub document_lacks: Vec<String>,
    /// Comment lines written above the entry.
    pub comments: Vec<String>,
    /// Why the entry is written commented out, if it is.
    pub left_out: Option<String>,
}

impl NewEntry {
    pub fn new(key: &str, to: &str, class: Class) -> Self {
        NewEntry {
            key: key.to_string(),
            to: to.to_string(),
            class,
            ..NewEntry::default()
        }
    }
}

/// The dictionary `name` as YAML: `header` lines as comments, then the entries in order.
pub fn to_yaml(name: &str, header: &[String], entries: &[NewEntry]) -> String {
    let mut out = String::new();
    for line in header {
        comment(&mut out, "", line);
    }
    let _ = writeln!(out, "dictionary: {}", scalar(name));
    // With no entry in force, an empty mapping (a bare `entries:` would read as missing).
    let none = entries.iter().all(|e| e.left_out.is_some());
    out.push_str(if none {
        "class: fingerprint\nentries: {}\n"
    } else {
        "class: fingerprint\nentries:\n"
    });
    for e in entries {
        for line in &e.comments {
            comment(&mut out, "  ", line);
        }
        let mut body = String::new();
        let long = e.class != Class::Fingerprint
            || !e.or.is_empty()
            || e.exact_case
            || e.note.is_some()
            || !e.document_has.is_empty()
            || !e.document_lacks.is_empty();
        if long {
            let _ = writeln!(body, "{}:", scalar(&e.key));
            let _ = writeln!(body, "  to: {}", scalar(&e.to));
            if !e.or.is_empty() {
                let items: Vec<String> = e.or.iter().map(|p| scalar(p)).collect();
                let _ = writeln!(body, "  or: [{}]", items.join(", "));
            }
            if e.class != Class::Fingerprint {
                let _ = writeln!(body, "  class: {}", e.class);
            }
            if e.exact_case {
                body.push_str("  case: exact\n");
            }
            if let Some(note) = &e.note {
                let _ = writeln!(body, "  note: {}", scalar(note));
            }
            for (field, list) in [
                ("document_has", &e.document_has),
                ("document_lacks", &e.document_lacks),
            ] {
                if !list.is_empty() {
                    let items: Vec<String> = list.iter().map(|p| scalar(p)).collect();
                    let _ = writeln!(body, "  {field}: [{}]", items.join(", "));
                }
            }
        } else {
            let _ = writeln!(body, "{}: {}", scalar(&e.key), scalar(&e.to));
        }
        let prefix = if let Some(reason) = &e.left_out {
            comment(&mut out, "  ", &format!("left out: {reason}"));
            "  # "
        } else {
            "  "
        };
        for line in body.lines() {
            out.push_str(prefix);
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn comment(out: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "{indent}# {line}");
    }
    if text.is_empty() {
        let _ = writeln!(out, "{indent}#");
    }
}

/// `s` as a YAML scalar: plain when that reads back as the same string, else double-quoted.
fn scalar(s: &str) -> String {
    let plain = s.chars().next().is_some_and(|c| c.is_alphabetic())
        && s.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | '\'' | '\u{2019}' | '-' | '.' | ',' | '/' | '(' | ')'
                )
        })
        && !s.ends_with(' ')
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).expect("a string serializes")
    }
}

/// Leaves out (see [`NewEntry::left_out`]) every entry that would make the dictionary fail to
/// load or fail `dict check`: a duplicate key, or a chain, where of two entries the later one
/// (entries come most trusted first) is left out. Returns the indices left out, with reasons.
pub fn settle(name: &str, entries: &mut [NewEntry]) -> Vec<(usize, String)> {
    let mut left = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for i in 0..entries.len() {
        if entries[i].left_out.is_some() {
            continue;
        }
        let norm = key::normalize(entries[i].key.trim());
        if let Some(&first) = seen.get(&norm) {
            let reason = format!(
                "duplicate of the key {:?} (-> {:?})",
                entries[first].key, entries[first].to
            );
            entries[i].left_out = Some(reason.clone());
            left.push((i, reason));
        } else {
            seen.insert(norm, i);
        }
    }
    // Each round builds the kept entries with the real loader and checker; it ends when
    // nothing is left out, and every round leaves at least one out, so it ends.
    loop {
        let kept: Vec<usize> = (0..entries.len())
            .filter(|&i| entries[i].left_out.is_none())
            .collect();
        if kept.is_empty() {
            break;
        }
        let list: Vec<NewEntry> = kept.iter().map(|&i| entries[i].clone()).collect();
        let by_key: HashMap<String, usize> = kept
            .iter()
            .enumerate()
            .map(|(k, &i)| (key::normalize(entries[i].key.trim()), k))
            .collect();
        let yaml = to_yaml(name, &[], &list);
        let mut out: Vec<(usize, String)> = Vec::new();
        match Dictionary::from_yaml(name, &yaml) {
            Err(e) => {
                // Loading only fails on entries this writer could not express; leave out the
                // entry each problem names, or all if none can be told apart.
                let message = e.to_string();
                for (k, &i) in kept.iter().enumerate() {
                    if message.contains(&format!("{:?}", list[k].key)) {
                        out.push((i, format!("does not load: {message}")));
                    }
                }
                if out.is_empty() {
                    out = kept
                        .iter()
                        .map(|&i| (i, format!("does not load: {message}")))
                        .collect();
                }
            }
            Ok(dict) => {
                let engine = Engine::new(dict, lint::checking_options())
                    .expect("a loaded dictionary builds");
                for rule in engine.dictionary().rules() {
                    for other in engine.keys_in(&rule.to) {
                        let (Some(&a), Some(&b)) = (
                            by_key.get(&key::normalize(&rule.key)),
                            by_key.get(&key::normalize(&other.key)),
                        ) else {
                            continue;
                        };
                        let (a, b) = (kept[a], kept[b]);
                        let later = a.max(b);
                        if out.iter().any(|(i, _)| *i == a || *i == b) {
                            continue;
                        }
                        let reason = format!(
                            "chain: {:?} -> {:?} puts back the key of {:?} -> {:?}, so a second run would change the text again",
                            rule.key, rule.to, other.key, other.to
                        );
                        out.push((later, reason));
                    }
                }
            }
        }
        if out.is_empty() {
            break;
        }
        for (i, reason) in out {
            entries[i].left_out = Some(reason.clone());
            left.push((i, reason));
        }
    }
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_entries_load_back_as_written() {
        let mut special = NewEntry::new("yes", "no: really", Class::Suspect);
        special.note = Some("a \"quoted\" note # with a hash".into());
        special.document_has = vec!["deep learning".into()];
        let entries = vec![
            NewEntry::new(
                "mental property",
                "intellectual property",
                Class::Fingerprint,
            ),
            special,
        ];
        let yaml = to_yaml("t", &["header".into()], &entries);
        let dict = Dictionary::from_yaml("t", &yaml).unwrap();
        let rules = dict.rules();
        assert_eq!(rules.len(), 2, "{yaml}");
        assert_eq!(rules[1].key, "yes");
        assert_eq!(rules[1].to, "no: really");
        assert_eq!(rules[1].class, Class::Suspect);
        assert_eq!(
            rules[1].note.as_deref(),
            Some("a \"quoted\" note # with a hash")
        );
        assert_eq!(rules[1].context.document_has, ["deep learning"]);
    }

    #[test]
    fn settling_leaves_out_duplicates_and_the_later_entry_of_a_chain() {
        let mut entries = vec![
            NewEntry::new("authorities", "government", Class::Suspect),
            NewEntry::new("government", "administration", Class::Suspect),
            NewEntry::new("Authorities", "officials", Class::Suspect),
            NewEntry::new("yr", "year", Class::Fingerprint),
        ];
        let left = settle("t", &mut entries);
        let which: Vec<usize> = left.iter().map(|(i, _)| *i).collect();
        assert_eq!(which, [2, 1], "{left:?}");
        assert!(left[0].1.contains("duplicate"));
        assert!(left[1].1.contains("chain"));
        let yaml = to_yaml("t", &[], &entries);
        assert!(yaml.contains("  # government:"), "{yaml}");
        let dict = Dictionary::from_yaml("t", &yaml).unwrap();
        let engine = Engine::new(dict, lint::checking_options()).unwrap();
        assert!(lint::chains(&engine).is_empty());
        assert_eq!(engine.dictionary().rules().len(), 2);
    }
}

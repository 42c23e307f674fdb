//! Does a candidate learned from pairs recur on other sites? `unspin learn --seen-in DIR`
//! repairs spun texts that have no original with the candidates beside the dictionaries in use,
//! as unspin would with the candidates shipped, and counts for each candidate the texts where
//! its repair is made (the document judged spun, the model preferring the repair). A spinner's
//! habit shows up again with the same original; a swap one article made does not, and an entry
//! the texts show standing for another original shows it in their examples.

use super::newdict::{self, NewEntry};
use super::unpaired::example;
use crate::dict::Dictionary;
use crate::engine::{Engine, Options};
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// Examples kept for each candidate, each from another text.
const EXAMPLES: usize = 3;

/// The name the candidates' dictionary carries while they are tried.
const NAME: &str = "candidates";

/// Where one candidate's repair was made.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Sightings {
    /// The texts (by name) it was made in.
    pub texts: BTreeSet<String>,
    pub count: usize,
    /// The first repairs of up to `EXAMPLES` texts, in their sentence, marked `[...]`.
    pub examples: Vec<String>,
}

/// The sightings of each of `entries` (in order) in `texts` (name, text), repaired with the
/// dictionaries of `reference` (`(path, bytes)` sources, over the built-in set if `builtin`)
/// and the entries. The entries' keys must be new to the reference, as `learn --against`
/// leaves them; an entry written commented out is never seen.
pub fn seen_in(
    entries: &[NewEntry],
    builtin: bool,
    mut reference: Vec<(PathBuf, Vec<u8>)>,
    texts: &[(String, String)],
) -> Result<Vec<Sightings>, String> {
    let yaml = newdict::to_yaml(NAME, &[], entries);
    reference.push((PathBuf::from(NAME), yaml.into_bytes()));
    let (dict, problems) =
        Dictionary::from_sources(builtin, reference).map_err(|e| e.to_string())?;
    if let Some(problem) = problems.first() {
        return Err(format!("the candidates beside the reference: {problem}"));
    }
    let engine = Engine::new(dict, Options::default()).map_err(|e| e.to_string())?;
    let index: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key.as_str(), i))
        .collect();
    let mut seen = vec![Sightings::default(); entries.len()];
    for (name, text) in texts {
        for edit in engine.repair(text).edits {
            if edit.rule.dictionary != NAME {
                continue;
            }
            let Some(&i) = index.get(edit.rule.key.as_str()) else {
                continue;
            };
            let s = &mut seen[i];
            s.count += 1;
            if s.texts.insert(name.clone()) && s.examples.len() < EXAMPLES {
                s.examples.push(example(text, edit.range));
            }
        }
    }
    Ok(seen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::model::Class;

    #[test]
    fn counts_the_texts_where_unspin_would_make_the_repair() {
        let entries = vec![
            NewEntry::new("black gap", "black hole", Class::Fingerprint),
            NewEntry::new(
                "synthetic intelligence",
                "artificial intelligence",
                Class::Fingerprint,
            ),
            // Real English: repaired only in a document judged spun, which none of these is.
            NewEntry::new("within", "in", Class::Suspect),
        ];
        let texts = vec![
            (
                "a".to_string(),
                "Astronomers found a black gap in the galaxy.\n".to_string(),
            ),
            (
                "b".to_string(),
                "The black gap swallowed a star, and a black gap formed.\n".to_string(),
            ),
            (
                "c".to_string(),
                "The answer lies within us, not in the stars.\n".to_string(),
            ),
        ];
        let seen = seen_in(&entries, false, vec![], &texts).unwrap();
        assert_eq!(seen[0].count, 3);
        assert_eq!(
            seen[0].texts,
            BTreeSet::from(["a".to_string(), "b".to_string()])
        );
        assert_eq!(seen[0].examples.len(), 2, "one example per text");
        assert!(
            seen[0].examples[0].contains("[black gap]"),
            "{:?}",
            seen[0].examples
        );
        assert_eq!(seen[1], Sightings::default());
        assert_eq!(seen[2], Sightings::default(), "a suspect in a clean text");
    }

    #[test]
    fn a_key_the_reference_has_is_an_error_not_a_silent_miss() {
        let entries = vec![NewEntry::new("black gap", "black hole", Class::Fingerprint)];
        let reference = vec![(
            PathBuf::from("mine.yaml"),
            b"dictionary: mine\nentries:\n  black gap: black hole\n".to_vec(),
        )];
        let err = seen_in(&entries, false, reference, &[]).unwrap_err();
        assert!(err.contains("black gap"), "{err}");
    }
}

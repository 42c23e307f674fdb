//! Lexical data for the language-model stage: a thesaurus and an inflection table of English.
//! No I/O: both are embedded text files, searched in place (see `sorted.rs`).
//!
//! [`alternatives`] combines them into the candidate originals of a possibly spun word.

mod inflections;
mod sorted;
mod thesaurus;

use std::borrow::Cow;
use std::collections::HashSet;

pub use inflections::{Inflections, Tag};
pub use thesaurus::Thesaurus;

/// Candidate originals of `word` (any case): its synonyms, then the synonyms of each of its
/// lemmas inflected like it ("assaults" -> "attacks", through ("assault", NNS)), close ones
/// before broader ones; each once, never `word` itself. Multi-word synonyms of a lemma are not
/// inflected, so only those of `word` itself appear.
pub fn alternatives(word: &str) -> Vec<&'static str> {
    let (thesaurus, inflections) = (Thesaurus::builtin(), Inflections::builtin());
    let word = lower(word);
    let analyses = inflections.analyses(&word);
    let mut seen = HashSet::from([word.as_ref()]);
    let mut out = Vec::new();
    for broader in [false, true] {
        let reinflected = analyses.iter().flat_map(|&(lemma, tag)| {
            let synonyms = thesaurus.list(lemma, broader);
            synonyms.filter_map(move |s| inflections.inflect(s, tag))
        });
        for candidate in thesaurus.list(&word, broader).chain(reinflected) {
            if seen.insert(candidate) {
                out.push(candidate);
            }
        }
    }
    out
}

/// The other forms of a one-word entry, each with its replacement inflected alike: the entry
/// `assault: attack` gives `assaults: attacks`, `assaulted: attacked`, `assaulting: attacking`.
/// A form is paired only through a tag both words have, so `ship: send` gives `shipped:
/// sent` but no plural. Empty for phrases and for replacements with capitals (names).
pub fn inflected_pairs(key: &str, to: &str) -> Vec<(&'static str, &'static str)> {
    let one_word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase());
    let (key, to) = (lower(key), to);
    if !one_word(&key) || !one_word(to) {
        return vec![];
    }
    let inflections = Inflections::builtin();
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    // Only an entry written in its base form lends its forms: `stated: said` must not make
    // "state" a key.
    for &(key_lemma, key_tag) in inflections.analyses(&key) {
        if key_lemma != key {
            continue;
        }
        for &(to_lemma, to_tag) in inflections.analyses(to) {
            if key_tag != to_tag {
                continue;
            }
            for (form, tag) in inflections.forms(key_lemma) {
                let Some(other) = inflections.inflect(to_lemma, tag) else {
                    continue;
                };
                if form != key && other != to && !out.iter().any(|&(f, _)| f == form) {
                    out.push((form, other));
                }
            }
        }
    }
    out
}

/// `s` lower-cased, as the data files are (without copying when it already is).
fn lower(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_lends_its_inflections_to_its_forms() {
        let pairs = inflected_pairs("assault", "attack");
        for want in [
            ("assaults", "attacks"),
            ("assaulted", "attacked"),
            ("assaulting", "attacking"),
        ] {
            assert!(pairs.contains(&want), "{pairs:?}");
        }
        assert!(inflected_pairs("stated", "said").is_empty());
        assert!(inflected_pairs("secrets and techniques", "trade secrets").is_empty());
        assert!(inflected_pairs("sport", "Game").is_empty());
    }

    #[test]
    fn alternatives_reinflect_through_the_lemma() {
        let alts = alternatives("assaults");
        assert!(alts.contains(&"attacks"), "{alts:?}");
        assert!(!alts.contains(&"assaults"));
        assert!(alternatives("Considered").contains(&"thought"));
        assert!(alternatives("gaps").contains(&"holes"));
        let mut unique = alts.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), alts.len());
        assert!(alternatives("zzyzx").is_empty());
    }
}

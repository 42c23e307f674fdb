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

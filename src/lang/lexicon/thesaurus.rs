//! The built-in English thesaurus (`data/thesaurus-en.txt`, from WordNet 3.0; see its header):
//! for a word or phrase of the 20,000-word vocabulary, the words that can stand for it.

use super::lower;
use super::sorted::SortedLines;

/// Synonyms by headword, looked up in the embedded file without loading it.
#[derive(Debug)]
pub struct Thesaurus {
    pub(super) table: SortedLines,
}

static BUILTIN: Thesaurus = Thesaurus {
    table: SortedLines::new(include_str!("../../../data/thesaurus-en.txt")),
};

impl Thesaurus {
    /// The thesaurus compiled into unspin.
    pub fn builtin() -> &'static Thesaurus {
        &BUILTIN
    }

    /// Close synonyms of `phrase` (any case; words separated by single spaces): the other
    /// words of its WordNet synsets and, for an adjective, of the synsets it is similar to.
    pub fn close(&self, phrase: &str) -> impl Iterator<Item = &'static str> {
        self.list(phrase, false)
    }

    /// Broader and narrower words of `phrase`: those of a noun's or verb's direct hypernyms
    /// and hyponyms ("hole" -> "gap", "opening"), without the close synonyms. Looser and
    /// more: on seed 003's 306 one-word spins, `alternatives` finds 163 originals among 40
    /// candidates a word with them, 113 among 8 without (see the build script).
    pub fn broader(&self, phrase: &str) -> impl Iterator<Item = &'static str> {
        self.list(phrase, true)
    }

    /// `close` then `broader`: every synonym of `phrase`, each once.
    pub fn synonyms(&self, phrase: &str) -> impl Iterator<Item = &'static str> {
        self.list(phrase, false).chain(self.list(phrase, true))
    }

    /// `broader` if asked, else `close`: one of the two lists of `phrase`'s line.
    pub(super) fn list(&self, phrase: &str, broader: bool) -> impl Iterator<Item = &'static str> {
        let value = self.table.get(&lower(phrase)).unwrap_or("");
        let (close, wider) = value.split_once(';').unwrap_or((value, ""));
        let list = if broader { wider } else { close };
        list.split('|').filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synonyms(w: &str) -> Vec<&'static str> {
        Thesaurus::builtin().synonyms(w).collect()
    }

    #[test]
    fn spinner_swaps_are_synonyms_both_ways() {
        for (a, b) in [
            ("hole", "gap"),
            ("attack", "assault"),
            ("direction", "route"),
        ] {
            assert!(synonyms(a).contains(&b), "{a} -> {b}");
            assert!(synonyms(b).contains(&a), "{b} -> {a}");
        }
        assert!(Thesaurus::builtin().close("Attack").any(|s| s == "assault"));
        assert!(Thesaurus::builtin().broader("hole").any(|s| s == "gap"));
        assert!(!Thesaurus::builtin().close("hole").any(|s| s == "gap"));
    }

    #[test]
    fn phrases_are_headwords_and_unknown_words_have_none() {
        assert!(synonyms("a bit").contains(&"a little"));
        assert!(synonyms("zzyzx").is_empty());
        assert!(synonyms("").is_empty());
        let all = synonyms("big");
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(all.len(), unique.len());
    }
}

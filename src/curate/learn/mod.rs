//! Learns candidate dictionary entries from spun texts and the originals they were made from:
//! each spun phrase and the original phrase it replaced (see [`crate::quality::align`]), merged
//! across documents with counts, a suggested class, and the risks a curator should weigh
//! (`risks`). A differing stretch is first taken apart into the spinner's swaps (`split`).

mod risks;
mod split;
mod wording;

pub use risks::{assess, chains, covered_by, Reference};
pub use wording::contraction_swap;

use crate::curate::newdict::NewEntry;
use crate::dict::key;
use crate::dict::model::Class;
use crate::engine::context::tokens::{self, spelling};
use crate::lang::lm::Model;
use crate::lang::wordfreq;
use crate::quality::align::{self, Alignment, Stretch};
use risks::judge_alone;
use split::{is_content, name_words, pair_norm, split_known, word_by_word};
use std::collections::{BTreeMap, BTreeSet};
use wording::{
    decapitalize, example, one_line, phrase_counts, sentence_initial, starts_upper, word_norms,
    words,
};

/// More words than this on either side is an edit of the article, not a spinner's swap.
pub const MAX_WORDS: usize = 6;

/// Pieces of a stretch longer than this (either side, in tokens) are not looked for.
const MAX_PIECE: usize = 4;

/// Collects pairs of texts and learns from them all at once (a spin seen in one document helps
/// to take apart a stretch of several spins in another).
#[derive(Default)]
pub struct Learner {
    /// (name, original, spun)
    docs: Vec<(String, String, String)>,
}

/// What a [`Learner`] learned.
pub struct Learned {
    pub candidates: Vec<Candidate>,
    /// Stretches that cannot become entries, with the reason.
    pub skipped: Vec<Skipped>,
}

/// Spins grouped by spun phrase, while learning.
#[derive(Default)]
struct Collector {
    /// Normalized spun key -> the original wordings seen for it.
    groups: BTreeMap<String, Group>,
    skipped: Vec<Skipped>,
}

#[derive(Default)]
struct Group {
    /// Lower-cased original wording -> how it was seen.
    forms: BTreeMap<String, Form>,
}

struct Form {
    /// The wording as an entry writes it (capitals only where the original has them mid-sentence).
    to: String,
    /// Whether `to` came from a mid-sentence occurrence (its capitals are the word's own).
    mid: bool,
    count: usize,
    docs: BTreeSet<String>,
    example: String,
}

/// A differing stretch that is not a candidate, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub doc: String,
    pub spun: String,
    pub original: String,
    pub reason: &'static str,
}

/// A candidate entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub key: String,
    pub to: String,
    pub count: usize,
    pub docs: usize,
    /// The spun phrase in its sentence, marked `[...]`.
    pub example: String,
    /// Other original wordings seen for the same spun phrase, with counts.
    pub others: Vec<(String, usize)>,
    pub class: Class,
    /// Why the entry could do harm as it stands.
    pub risks: Vec<String>,
    /// Entries of the reference dictionaries that already make this repair.
    pub covered_by: Vec<String>,
    /// How often the spun phrase occurs in the spun texts at all, spun or not.
    pub occurrences: usize,
    /// How many of those occurrences stood for `to`.
    pub agreeing: usize,
}

impl Candidate {
    /// The share of the spun phrase's occurrences that stood for `to`: a spinner's habit is
    /// consistent ("gap" is "hole" wherever the spinner wrote it), while a word the spinner
    /// only sometimes produces ("on" for "in") stands for itself most of the time, and an entry
    /// for it would be wrong more often than right.
    pub fn consistency(&self) -> f64 {
        self.agreeing as f64 / self.occurrences.max(self.agreeing).max(1) as f64
    }

    /// Can the context model judge the repair? Not where it writes more words the model does
    /// not know than the spun side has (it knows no digits: "three" -> "3"), so such an entry,
    /// as a suspect, is never repaired.
    pub fn judgeable(&self) -> bool {
        let unknown = |s: &str| {
            tokens::words(s)
                .into_iter()
                .filter(|r| Model::builtin().id(&spelling(&s[r.clone()])).is_none())
                .count()
        };
        unknown(&self.to) <= unknown(&self.key)
    }
}

impl Learner {
    /// Adds one document (`doc` names it in reports).
    pub fn add(&mut self, doc: &str, original: &str, spun: &str) {
        self.docs
            .push((doc.to_string(), original.to_string(), spun.to_string()));
    }

    /// The candidates, most trusted first (seen in more documents, then rarer than their
    /// original by more). Each spun phrase gives one candidate, with its most frequent original
    /// wording; the others are listed beside it.
    pub fn candidates(&self) -> Vec<Candidate> {
        self.learn().candidates
    }

    /// Aligns every document, takes stretches of several spins apart where the spins are seen
    /// on their own elsewhere, and merges what is left into candidates.
    pub fn learn(&self) -> Learned {
        let aligned: Vec<(Alignment, Vec<bool>, Vec<Stretch>)> = self
            .docs
            .iter()
            .map(|(_, original, spun)| {
                let a = align::align(spun, original);
                let names = name_words(&a, spun);
                let spins = a
                    .spins(|k| is_content(&a, &names, k))
                    .into_iter()
                    .flat_map(|s| word_by_word(&a, &names, s))
                    .collect();
                (a, names, spins)
            })
            .collect();
        let mut known: BTreeSet<(String, String)> = BTreeSet::new();
        for (a, _, spins) in &aligned {
            for s in spins
                .iter()
                .filter(|s| s.spun.len() <= MAX_PIECE && s.original.len() <= MAX_PIECE)
            {
                known.insert(pair_norm(a, s));
            }
        }
        let mut collector = Collector::default();
        for ((doc, original, spun), (a, names, spins)) in self.docs.iter().zip(&aligned) {
            for s in spins {
                for piece in split_known(a, names, s, &known) {
                    collector.add_stretch(doc, original, spun, a, &piece);
                }
            }
        }
        let mut candidates = collector.candidates();
        let phrases = phrase_counts(self.docs.iter().map(|(_, _, spun)| spun.as_str()));
        for c in &mut candidates {
            c.occurrences = phrases
                .get(&word_norms(&c.key).join(" "))
                .copied()
                .unwrap_or(0);
            if c.consistency() < 0.5 {
                c.risks.push(format!(
                    "inconsistent: it stood for {:?} at {} of its {} occurrences in the spun texts",
                    c.to, c.agreeing, c.occurrences
                ));
            }
        }
        Learned {
            candidates,
            skipped: collector.skipped,
        }
    }
}

impl Collector {
    fn add_stretch(&mut self, doc: &str, original: &str, spun: &str, a: &Alignment, s: &Stretch) {
        let spun_text = one_line(&spun[a.spun_bytes(s.spun.clone())]);
        let original_text = one_line(&original[a.original_bytes(s.original.clone())]);
        let skip = |reason| Skipped {
            doc: doc.to_string(),
            spun: spun_text.clone(),
            original: original_text.clone(),
            reason,
        };
        let has_word = |tokens: &[align::Token]| tokens.iter().any(align::Token::is_word);
        if !has_word(&a.spun[s.spun.clone()]) || !has_word(&a.original[s.original.clone()]) {
            self.skipped.push(skip(
                "a side has no word (punctuation, or words only one text has)",
            ));
            return;
        }
        let key = key::normalize(&spun_text);
        if key == key::normalize(&original_text) {
            self.skipped.push(skip("differs only in letter case"));
            return;
        }
        // The spinner contracts and expands both ways, both forms are English, and the model
        // cannot tell them apart: as entries they were wrong more often than right.
        if contraction_swap(&spun_text, &original_text) {
            self.skipped
                .push(skip("a contraction written out or made, not a spin"));
            return;
        }
        let start = a.spun_bytes(s.spun.clone()).start;
        let initial = sentence_initial(spun, start);
        // A capital the spun word shares with its original belongs to the place (a sentence
        // start, a name: "Prime Gun" for "Top Gun"); the replacement follows the text's case.
        let one_word = |t: &str| !t.contains(char::is_whitespace);
        let shared_capital = starts_upper(&spun_text)
            && starts_upper(&original_text)
            && one_word(&spun_text)
            && one_word(&original_text);
        let to = if (initial && starts_upper(&spun_text)) || shared_capital {
            decapitalize(&original_text)
        } else {
            original_text.clone()
        };
        let to = to.replace('\u{2019}', "'");
        let example = example(spun, a, s.spun.clone());
        let form = self
            .groups
            .entry(key)
            .or_default()
            .forms
            .entry(to.to_lowercase())
            .or_insert_with(|| Form {
                to: to.clone(),
                mid: !initial,
                count: 0,
                docs: BTreeSet::new(),
                example,
            });
        if !form.mid && !initial {
            form.to = to;
            form.mid = true;
        }
        form.count += 1;
        form.docs.insert(doc.to_string());
    }

    fn candidates(&self) -> Vec<Candidate> {
        // Each with its rarity gain, worked out once for the sort.
        let mut ranked: Vec<(f64, Candidate)> = self
            .groups
            .iter()
            .map(|(key, group)| {
                let mut forms: Vec<&Form> = group.forms.values().collect();
                forms.sort_by_key(|f| std::cmp::Reverse(f.count));
                let best = forms[0];
                let mut c = Candidate {
                    key: key.clone(),
                    to: best.to.clone(),
                    count: forms.iter().map(|f| f.count).sum(),
                    docs: forms
                        .iter()
                        .flat_map(|f| f.docs.iter())
                        .collect::<BTreeSet<_>>()
                        .len(),
                    example: best.example.clone(),
                    others: forms[1..].iter().map(|f| (f.to.clone(), f.count)).collect(),
                    class: Class::Fingerprint,
                    risks: vec![],
                    covered_by: vec![],
                    occurrences: 0,
                    agreeing: best.count,
                };
                judge_alone(&mut c);
                (rarity_gain(&c), c)
            })
            .collect();
        // Most trusted first (of two entries that chain, the later is left out): the one seen
        // in more documents (a habit recurs across articles; one article repeats its words),
        // then the one whose spun side is rarer than its original by more, as the spinner's
        // choice mostly is (three in four of the one-word entries learned from the pairs): of
        // "virtually" -> "almost" and "almost" -> "nearly", the first.
        ranked.sort_by(|(gx, x), (gy, y)| {
            y.docs
                .cmp(&x.docs)
                .then_with(|| gy.total_cmp(gx))
                .then_with(|| y.count.cmp(&x.count))
                .then_with(|| x.key.cmp(&y.key))
        });
        ranked.into_iter().map(|(_, c)| c).collect()
    }
}

/// How much rarer a candidate's spun side is than its original: the difference of the log
/// frequency ranks of each side's rarest word (a word off the list ranks past its end).
fn rarity_gain(c: &Candidate) -> f64 {
    let rarest = |s: &str| {
        words(s)
            .iter()
            .map(|w| wordfreq::rank(w).unwrap_or(wordfreq::listed() + 1))
            .max()
            .map_or(0.0, |r| (r as f64).ln())
    };
    rarest(&c.key) - rarest(&c.to)
}

/// The candidates as dictionary entries, their evidence and risks in comments.
pub fn entries(candidates: &[Candidate]) -> Vec<NewEntry> {
    candidates
        .iter()
        .map(|c| {
            let mut e = NewEntry::new(&c.key, &c.to, c.class);
            // The other originals, for the model to choose among: whole words, not deletions.
            e.or = c
                .others
                .iter()
                .map(|(to, _)| to.clone())
                .filter(|to| {
                    let n = word_norms(to).len();
                    n > 0 && n <= MAX_WORDS && key::normalize(to) != key::normalize(&c.key)
                })
                .collect();
            let times = if c.count == 1 {
                "once".to_string()
            } else {
                format!("{} times", c.count)
            };
            let docs = if c.docs == 1 {
                "1 document".to_string()
            } else {
                format!("{} documents", c.docs)
            };
            e.comments
                .push(format!("seen {times} in {docs}, e.g. {}", c.example));
            e.comments
                .extend(c.risks.iter().map(|r| format!("RISK: {r}")));
            if !c.covered_by.is_empty() {
                e.comments
                    .push(format!("already repaired by {}", c.covered_by.join(", ")));
            }
            e
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionary;

    #[test]
    fn a_replacement_in_digits_is_one_the_model_cannot_judge() {
        let mut l = Learner::default();
        l.add("a", "It cost 3 dollars.", "It cost three dollars.");
        l.add("b", "A big hole.", "A big gap.");
        let c = l.candidates();
        let by_key = |k: &str| c.iter().find(|c| c.key == k).unwrap();
        assert!(!by_key("three").judgeable());
        assert!(by_key("three")
            .risks
            .iter()
            .any(|r| r.contains("cannot read the replacement")));
        assert!(by_key("gap").judgeable());
    }

    #[test]
    fn merges_identical_spins_across_documents_with_counts() {
        let mut l = Learner::default();
        l.add(
            "a",
            "The government signed. The government agreed.",
            "The authorities signed. The authorities agreed.",
        );
        l.add("b", "Our government said it.", "Our authorities said it.");
        let c = l.candidates();
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].key.as_str(), c[0].to.as_str(), c[0].count, c[0].docs),
            ("authorities", "government", 3, 2)
        );
        assert_eq!(c[0].class, Class::Suspect);
        assert!(
            c[0].risks[0].contains("common English word"),
            "{:?}",
            c[0].risks
        );
        assert_eq!(
            c[0].example,
            "\"The [authorities] signed. The authorities agreed...\""
        );
    }

    #[test]
    fn candidates_seen_in_more_documents_then_rarer_than_their_original_come_first() {
        let mut l = Learner::default();
        l.add("a", "It was nearly done.", "It was almost done.");
        l.add("b", "It is almost here.", "It is virtually here.");
        l.add("c", "A great film.", "A great movie.");
        l.add("d", "Another film.", "Another movie.");
        let c = l.candidates();
        let keys: Vec<&str> = c.iter().map(|c| c.key.as_str()).collect();
        // Of the two that chain, the one whose spun word is the rarer ("virtually" for
        // "almost") is trusted first, and so kept.
        assert_eq!(keys, ["movie", "virtually", "almost"]);
    }

    #[test]
    fn capitals_of_the_place_are_not_learned() {
        let mut l = Learner::default();
        l.add(
            "a",
            "However, it works. Ask the Office of Personnel Management.",
            "Nevertheless, it works. Ask the Workplace of Personnel Administration.",
        );
        let c = l.candidates();
        let pairs: Vec<(&str, &str)> = c.iter().map(|c| (c.key.as_str(), c.to.as_str())).collect();
        assert!(pairs.contains(&("nevertheless", "however")), "{pairs:?}");
        // A capital both words carry belongs to the name, not to the word: the replacement is
        // written lower-case, and the text's own capitals come back when it is repaired ("Prime
        // Gun" -> "Top Gun"; a lower-case "prime" never becomes "Top").
        assert!(pairs.contains(&("workplace", "office")), "{pairs:?}");
        assert!(
            pairs.contains(&("administration", "management")),
            "{pairs:?}"
        );
    }

    /// The (key, replacement) of each candidate learned from one pair.
    fn learned(original: &str, spun: &str) -> Vec<(String, String)> {
        let mut l = Learner::default();
        l.add("a", original, spun);
        l.candidates().into_iter().map(|c| (c.key, c.to)).collect()
    }

    fn has(pairs: &[(String, String)], key: &str, to: &str) -> bool {
        pairs.iter().any(|(k, t)| k == key && t == to)
    }

    #[test]
    fn a_name_is_learned_whole() {
        let pairs = learned(
            "Bond said Game Pass users pay. Game Pass is big. I said it will rise as it was \
             told. The game was fun.",
            "Bond mentioned Sport Move customers pay. Sport Move is big. I mentioned it'll rise \
             as it was informed. The sport was fun.",
        );
        // Taken word by word, "Sport Move" would teach "move" -> "pass", which the spinner
        // does nowhere outside the name; at a sentence start too, the second capital says name.
        assert!(has(&pairs, "sport move", "Game Pass"), "{pairs:?}");
        assert!(has(&pairs, "mentioned", "said"), "{pairs:?}");
        assert!(has(&pairs, "customers", "users"), "{pairs:?}");
        assert!(has(&pairs, "sport", "game"), "{pairs:?}");
        assert!(pairs.iter().all(|(k, _)| k != "move"), "{pairs:?}");
        // "I" is no name: its sentence is taken apart as usual.
        assert!(has(&pairs, "informed", "told"), "{pairs:?}");
    }

    #[test]
    fn an_added_word_is_learned_with_the_content_word_it_was_added_to() {
        let pairs = learned(
            "We reached a lot of consensus. The new Chinese President spoke.",
            "We reached a whole lot of consensus. The brand new Chinese language President spoke.",
        );
        // Not "a whole" -> "a" or "the brand" -> "the", which would match ordinary English
        // wherever an article stands before the added word.
        assert!(has(&pairs, "whole lot", "lot"), "{pairs:?}");
        assert!(has(&pairs, "brand new", "new"), "{pairs:?}");
        // A name is a content word: the word before is kept.
        assert!(has(&pairs, "chinese language", "Chinese"), "{pairs:?}");
    }

    #[test]
    fn rare_spun_phrases_are_fingerprints_and_long_spans_are_flagged() {
        let mut l = Learner::default();
        l.add(
            "a",
            "It took a year. We wrote this whole sentence again from the start.",
            "It took a yr. They rewrote every single line of it all over once more.",
        );
        let c = l.candidates();
        let yr = c.iter().find(|c| c.key == "yr").unwrap();
        assert_eq!(
            (yr.class, yr.risks.len()),
            (Class::Fingerprint, 0),
            "{yr:?}"
        );
        assert!(
            c.iter()
                .any(|c| c.risks.iter().any(|r| r.starts_with("too long"))),
            "{c:?}"
        );
    }

    #[test]
    fn assess_flags_conflicts_and_chains_with_the_reference() {
        let dict = Dictionary::from_yaml(
            "ref",
            "entries:\n  authorities: officials\n  regime: government\n",
        )
        .unwrap();
        let engine = Reference::new(dict).unwrap();
        let mut l = Learner::default();
        l.add("a", "The government left.", "The authorities left.");
        let mut c = l.candidates().remove(0);
        assess(&mut c, &engine);
        assert!(
            c.risks
                .iter()
                .any(|r| r.starts_with("conflicts with ref:authorities")),
            "{:?}",
            c.risks
        );
        assert!(c.covered_by.is_empty());
        let mut l = Learner::default();
        l.add("a", "The regime left.", "The government left.");
        let mut c = l.candidates().remove(0);
        assess(&mut c, &engine);
        assert!(
            c.risks
                .iter()
                .any(|r| r.contains("chains: the replacement \"government\" of ref:regime")),
            "{:?}",
            c.risks
        );
        assert!(
            c.risks
                .iter()
                .any(|r| r.contains("chains: the replacement contains the key \"regime\"")),
            "{:?}",
            c.risks
        );
    }
}

//! The class a candidate suggests and the risks a curator should weigh: on its own (a common
//! word, English the model knows, too long, other originals) and against the dictionaries in
//! use (a conflict, a chain, an entry that already makes the repair).

use super::wording::{word_norms, words};
use super::{Candidate, MAX_WORDS};
use crate::dict::model::Class;
use crate::dict::{key, Dictionary};
use crate::edit;
use crate::engine::context::tokens::spelling;
use crate::engine::Engine;
use crate::lang::lm::Model;
use crate::lang::wordfreq;

/// The class and the risks a candidate carries on its own.
pub(super) fn judge_alone(c: &mut Candidate) {
    let spun = words(&c.key);
    let original = words(&c.to);
    let spellings: Vec<String> = spun.iter().map(|w| spelling(w)).collect();
    let spellings: Vec<&str> = spellings.iter().map(String::as_str).collect();
    if let [w] = spun.as_slice() {
        if let Some(rank) = wordfreq::rank(w) {
            c.class = Class::Suspect;
            c.risks.push(format!(
                "the spun side is a common English word (rank {rank} in the frequency list)"
            ));
        } else if Model::builtin().knows(&spellings) {
            c.class = Class::Suspect;
            c.risks
                .push("the spun side is an English word the language model knows".into());
        }
    } else if spun
        .iter()
        .all(|w| wordfreq::rank(w).is_some_and(|r| r <= wordfreq::EVERYDAY))
    {
        c.class = Class::Suspect;
        c.risks
            .push("the spun side is made of everyday words only: likely ordinary English".into());
    } else if Model::builtin().knows(&spellings) {
        c.class = Class::Suspect;
        c.risks.push(
            "the language model knows the spun side as English (every pair of its words)".into(),
        );
    }
    if !c.judgeable() {
        c.risks.push(
            "the language model cannot read the replacement (it knows no digits): as a suspect \
             it is never repaired, so make it a fingerprint if clean English never writes the \
             spun side"
                .into(),
        );
    }
    let longest = spun.len().max(original.len());
    if longest > MAX_WORDS {
        c.risks.push(format!(
            "too long to be a spin ({longest} words): more likely an edit of the article"
        ));
    }
    if !c.others.is_empty() {
        let list: Vec<String> = c
            .others
            .iter()
            .map(|(to, n)| format!("{to:?} ({n})"))
            .collect();
        c.risks.push(format!(
            "the same spun phrase also stood for {}",
            list.join(", ")
        ));
    }
}

/// Dictionaries that candidates are compared with, ready for many questions.
pub struct Reference {
    /// Suspects forced on, so that every entry counts.
    engine: Engine,
    /// Each rule's replacement as lower-cased tokens (chains into a candidate's key).
    replacements: Vec<Vec<String>>,
}

impl Reference {
    pub fn dictionary(&self) -> &Dictionary {
        self.engine.dictionary()
    }

    pub fn new(dict: Dictionary) -> Result<Reference, aho_corasick::BuildError> {
        let replacements = dict.rules().iter().map(|r| word_norms(&r.to)).collect();
        let engine = Engine::new(dict, crate::quality::lint::checking_options())?;
        Ok(Reference {
            engine,
            replacements,
        })
    }
}

/// Adds the risks that come from a reference set (the dictionaries in use): the key is
/// already an entry with another replacement, or the candidate chains with an entry.
pub fn assess(c: &mut Candidate, reference: &Reference) {
    let dict = reference.engine.dictionary();
    if let Some(p) = dict.lookup(&c.key) {
        let rule = dict.rule_of(p);
        if key::normalize(&rule.to) != key::normalize(&c.to) {
            c.risks.push(format!(
                "conflicts with {} ({}), which repairs it to {:?}",
                rule.id, rule.origin, rule.to
            ));
        }
    }
    c.risks.extend(chains(c, reference));
    c.covered_by = covered_by(c, reference);
}

/// How the candidate chains with the reference's entries: its replacement holds one of their
/// keys, or one of their replacements holds its key. Either way a second run would change
/// the text again.
pub fn chains(c: &Candidate, reference: &Reference) -> Vec<String> {
    let mut out: Vec<String> = reference
        .engine
        .keys_in(&c.to)
        .into_iter()
        .map(|other| {
            format!(
                "chains: the replacement contains the key {:?} of {}",
                other.key, other.id
            )
        })
        .collect();
    let key_words = word_norms(&c.key);
    if !key_words.is_empty() {
        let dict = reference.engine.dictionary();
        for (rule, to_words) in dict.rules().iter().zip(&reference.replacements) {
            if to_words
                .windows(key_words.len())
                .any(|w| w == key_words.as_slice())
            {
                out.push(format!(
                    "chains: the replacement {:?} of {} contains this key",
                    rule.to, rule.id
                ));
            }
        }
    }
    out
}

/// The entries of the reference that repair the candidate's spun phrase to its original
/// (whatever their class), or none if they do not.
pub fn covered_by(c: &Candidate, reference: &Reference) -> Vec<String> {
    let repair = reference.engine.repair(&c.key);
    if repair.edits.is_empty() {
        return vec![];
    }
    let repaired = edit::apply(&c.key, &repair.edits);
    if key::normalize(&repaired).to_lowercase() == key::normalize(&c.to).to_lowercase() {
        repair.edits.iter().map(|e| e.rule.id.clone()).collect()
    } else {
        vec![]
    }
}

//! What an edit's reason reads like, at the detail asked for, and one line per file.

use crate::edit::{Edit, LineIndex};
use crate::engine::Score;
use std::collections::HashMap;

/// How much of each edit's reason is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The rule id and one phrase: enough to read next to the change.
    Short,
    /// Everything: the whole reason, the entry's source and its note.
    Full,
    None,
}

/// `rule (phrase)`: the rule id and the first phrase of the reason, e.g.
/// `en/fingerprints:mental property (fingerprint)`. The rest of a reason (the spin figures, the
/// model's preference, every context word of the entry) can run to thousands of characters.
pub fn short(e: &Edit) -> String {
    let phrase = e.why.split([';', '(']).next().unwrap_or("").trim();
    let class = e.rule.class.to_string();
    format!(
        "{} ({})",
        e.rule.id,
        if phrase.is_empty() { &class } else { phrase }
    )
}

/// `rule (why) at dictionary:line:col -- note`.
pub fn full(e: &Edit) -> String {
    let mut s = format!("{} ({}) at {}", e.rule.id, e.why, e.rule.origin);
    if let Some(note) = &e.rule.note {
        s.push_str(" -- ");
        s.push_str(note);
    }
    s
}

/// The edit's reason at `detail` (None for [`Detail::None`]).
pub fn reason(e: &Edit, detail: Detail) -> Option<String> {
    match detail {
        Detail::Short => Some(short(e)),
        Detail::Full => Some(full(e)),
        Detail::None => None,
    }
}

/// `path:line:col: "from" -> "to"  rule (why) at dictionary:line -- note` (full), or
/// `path:line:col: rule (phrase)` (short): the change itself is on screen beside it.
pub fn edit(path: &str, text: &str, index: &LineIndex, e: &Edit, detail: Detail) -> Option<String> {
    let said = said(e, detail)?;
    let (line, col) = index.position(text, e.range.start);
    Some(format!("{path}:{line}:{col}: {said}"))
}

/// What [`edit`] says after the edit's place.
fn said(e: &Edit, detail: Detail) -> Option<String> {
    match detail {
        Detail::Full => Some(format!("{:?} -> {:?}  {}", e.from, e.to, full(e))),
        Detail::Short => Some(short(e)),
        Detail::None => None,
    }
}

/// The [`edit`] lines of edits (in text order) kept to be said later, a few bytes each: where
/// each edit starts, and what is said of it, each different saying once.
#[derive(Default)]
pub struct Said {
    /// For each edit, as LEB128 numbers: its start, less the one before's, and its saying.
    places: Vec<u8>,
    last: usize,
    sayings: Vec<String>,
    known: HashMap<String, usize>,
}

impl Said {
    /// Keeps what is said of `e` at `detail` (nothing, at [`Detail::None`]).
    pub fn push(&mut self, e: &Edit, detail: Detail) {
        let Some(said) = said(e, detail) else {
            return;
        };
        let k = match self.known.get(&said) {
            Some(&k) => k,
            None => {
                self.sayings.push(said.clone());
                self.known.insert(said, self.sayings.len() - 1);
                self.sayings.len() - 1
            }
        };
        super::leb128(&mut self.places, e.range.start - self.last);
        super::leb128(&mut self.places, k);
        self.last = e.range.start;
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The lines kept, each as [`edit`] makes it for `text`, the file shown as `path`; and
    /// nothing kept any more.
    pub fn take<'s>(
        &'s mut self,
        path: &'s str,
        text: &'s str,
        index: &'s LineIndex,
    ) -> impl Iterator<Item = String> + 's {
        let places = std::mem::take(&mut self.places);
        let sayings = std::mem::take(&mut self.sayings);
        self.known.clear();
        self.last = 0;
        let mut at = 0;
        let mut rest = places.into_iter().peekable();
        std::iter::from_fn(move || {
            rest.peek()?;
            let mut bytes = rest.by_ref();
            at += super::unleb128(&mut bytes);
            let said = &sayings[super::unleb128(&mut bytes)];
            let (line, col) = index.position(text, at);
            Some(format!("{path}:{line}:{col}: {said}"))
        })
    }
}

/// `path: N repairs <verb> (spin score S per 1,000 words)`, for `n` repairs in a document of
/// `score`, spun or not.
pub fn summary(path: &str, n: usize, score: Score, spun: bool, verb: &str) -> String {
    format!(
        "{path}: {n} repair{} {verb} (spin score {:.1}{})",
        if n == 1 { "" } else { "s" },
        score.per_thousand(),
        if spun { ", spun" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dictionary, Engine, Options};

    fn edits(text: &str) -> Vec<Edit> {
        let dict = Dictionary::from_yaml(
            "t",
            "entries:\n  mental property: intellectual property\n  agency:\n    to: firm\n    class: suspect\n    not_preceded_by: [news, the, a, an, our, their]\n",
        )
        .unwrap();
        // Without the model, whose figures would make the reasons move with it.
        let options = Options {
            suspects: crate::engine::Suspects::Always,
            ..Options::dictionary_only()
        };
        Engine::new(dict, options).unwrap().repair(text).edits
    }

    #[test]
    fn the_short_reason_is_the_rule_and_its_first_phrase() {
        let e = edits("mental property. Agency assurances.");
        assert_eq!(short(&e[0]), "t:mental property (fingerprint)");
        assert_eq!(
            short(&e[1]),
            "t:agency (suspect, repaired because suspects are forced on)"
        );
        // The full one has the context words and where the entry was written.
        let f = full(&e[1]);
        assert!(f.contains("not preceded by") && f.contains(" at t:"), "{f}");
        assert_eq!(reason(&e[0], Detail::None), None);
    }
}

//! The built-in English inflection table (`data/inflections-en.txt`, from lemminflect; see its
//! header): the forms of each lemma of the 20,000-word vocabulary, with their Penn tags, and
//! the way back from a form to its lemmas.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::lower;
use super::sorted::SortedLines;

/// A Penn Treebank part-of-speech tag of an inflected form.
#[allow(clippy::upper_case_acronyms)] // the tags are known by these names
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Noun, singular: "attack".
    NN,
    /// Noun, plural: "attacks".
    NNS,
    /// Verb, base form: "attack".
    VB,
    /// Verb, past tense: "attacked".
    VBD,
    /// Verb, gerund or present participle: "attacking".
    VBG,
    /// Verb, past participle: "attacked".
    VBN,
    /// Verb, present, not third person singular: "attack", "are".
    VBP,
    /// Verb, present, third person singular: "attacks".
    VBZ,
    /// Adjective: "big".
    JJ,
    /// Adjective, comparative: "bigger".
    JJR,
    /// Adjective, superlative: "biggest".
    JJS,
    /// Adverb: "fast".
    RB,
    /// Adverb, comparative: "faster".
    RBR,
    /// Adverb, superlative: "fastest".
    RBS,
}

impl Tag {
    /// Every tag, in the order the data file writes them.
    pub const ALL: [Tag; 14] = [
        Tag::NN,
        Tag::NNS,
        Tag::VB,
        Tag::VBD,
        Tag::VBG,
        Tag::VBN,
        Tag::VBP,
        Tag::VBZ,
        Tag::JJ,
        Tag::JJR,
        Tag::JJS,
        Tag::RB,
        Tag::RBR,
        Tag::RBS,
    ];

    /// The tag as Penn writes it: "NNS".
    pub fn as_str(self) -> &'static str {
        [
            "NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR",
            "RBS",
        ][self as usize]
    }

    /// The tag written `s` ("NNS"), if it is one of these.
    pub fn from_penn(s: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Forms by lemma, looked up in the embedded file without loading it; lemmas by form, indexed
/// on the first such question (a few milliseconds).
#[derive(Debug)]
pub struct Inflections {
    pub(super) table: SortedLines,
    by_form: OnceLock<HashMap<&'static str, Vec<(&'static str, Tag)>>>,
}

static BUILTIN: Inflections = Inflections {
    table: SortedLines::new(include_str!("../../../data/inflections-en.txt")),
    by_form: OnceLock::new(),
};

impl Inflections {
    /// The inflection table compiled into unspin.
    pub fn builtin() -> &'static Inflections {
        &BUILTIN
    }

    /// Every form of `lemma` (any case) with its tag, tags in `Tag::ALL` order and the usual
    /// spelling first: "attack" -> ("attack", NN), ("attacks", NNS), ... Empty for a word
    /// that is not a known lemma.
    pub fn forms(&self, lemma: &str) -> Vec<(&'static str, Tag)> {
        self.table.get(&lower(lemma)).map(parse).unwrap_or_default()
    }

    /// The usual spelling of `lemma` with `tag`: ("attack", NNS) -> "attacks".
    pub fn inflect(&self, lemma: &str, tag: Tag) -> Option<&'static str> {
        let line = self.table.get(&lower(lemma))?;
        parse(line)
            .into_iter()
            .find(|&(_, t)| t == tag)
            .map(|(f, _)| f)
    }

    /// Every (lemma, tag) of which `form` (any case) is a spelling: "assaults" ->
    /// ("assault", NNS), ("assault", VBZ). A lemma is its own form ("attack" -> ("attack",
    /// NN), ("attack", VB), ...).
    pub fn analyses(&self, form: &str) -> &[(&'static str, Tag)] {
        let by_form = self.by_form.get_or_init(|| {
            let mut map: HashMap<_, Vec<_>> = HashMap::new();
            for (lemma, line) in self.table.iter() {
                for (form, tag) in parse(line) {
                    map.entry(form).or_default().push((lemma, tag));
                }
            }
            map
        });
        by_form.get(lower(form).as_ref()).map_or(&[], Vec::as_slice)
    }
}

/// The forms of a line's value, `TAG=form,form TAG=form ...`.
fn parse(value: &'static str) -> Vec<(&'static str, Tag)> {
    let mut out = Vec::new();
    for field in value.split(' ') {
        if let Some((tag, spellings)) = field.split_once('=') {
            let tag = Tag::from_penn(tag).expect("a tag of the generated inflection table");
            out.extend(spellings.split(',').map(|s| (s, tag)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_and_analyses_spinner_words() {
        let inf = Inflections::builtin();
        assert_eq!(inf.inflect("attack", Tag::NNS), Some("attacks"));
        assert_eq!(inf.inflect("Be", Tag::VBD), Some("was"));
        assert_eq!(inf.inflect("attack", Tag::JJR), None);
        assert!(inf.analyses("assaults").contains(&("assault", Tag::NNS)));
        assert!(inf.analyses("Considered").contains(&("consider", Tag::VBN)));
        assert!(inf.analyses("could").contains(&("can", Tag::VBD)));
        assert!(inf.analyses("zzyzx").is_empty());
        let forms = inf.forms("hole");
        assert_eq!(forms.first(), Some(&("hole", Tag::NN)));
        assert!(forms.contains(&("holing", Tag::VBG)));
    }

    #[test]
    fn tags_round_trip() {
        for t in Tag::ALL {
            assert_eq!(Tag::from_penn(t.as_str()), Some(t));
        }
        assert_eq!(Tag::from_penn("NNP"), None);
    }
}

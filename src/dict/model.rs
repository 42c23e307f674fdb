//! The rules a dictionary is made of, as the engine and every output see them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How sure we are that a phrase was produced by a spinner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// Practically never occurs in clean English: always repaired.
    #[default]
    Fingerprint,
    /// Real English the spinner also produces: repaired only in a spun document.
    Suspect,
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Class::Fingerprint => "fingerprint",
            Class::Suspect => "suspect",
        })
    }
}

/// How a key's letter case is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// ASCII letters match in any case; the replacement follows the case of the text.
    #[default]
    Preserve,
    /// Matches only with the capitals written in the key; the replacement is used as written.
    Exact,
}

/// Where something was written: a dictionary file, line and column (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Context conditions. Phrases are stored normalized (see `key::normalize`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Context {
    pub preceded_by: Vec<String>,
    pub not_preceded_by: Vec<String>,
    pub followed_by: Vec<String>,
    pub not_followed_by: Vec<String>,
    pub document_has: Vec<String>,
    pub document_lacks: Vec<String>,
}

impl Context {
    pub fn is_empty(&self) -> bool {
        self.lists().iter().all(|(_, l)| l.is_empty())
    }

    /// Each condition list with the words that describe it in reports.
    pub fn lists(&self) -> [(&'static str, &Vec<String>); 6] {
        [
            ("preceded by", &self.preceded_by),
            ("not preceded by", &self.not_preceded_by),
            ("followed by", &self.followed_by),
            ("not followed by", &self.not_followed_by),
            ("document has", &self.document_has),
            ("document lacks", &self.document_lacks),
        ]
    }
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (what, list) in self.lists() {
            if list.is_empty() {
                continue;
            }
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{what} {}", list.join(" | "))?;
        }
        Ok(())
    }
}

/// One dictionary entry: spun key(s) and the original wording they replace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// Stable id, `DICTIONARY:KEY`.
    pub id: String,
    pub dictionary: String,
    /// The key as written in the dictionary.
    pub key: String,
    pub to: String,
    /// Other originals the spun phrase has stood for: where the context model is on, it
    /// repairs to whichever of `to` and these it finds likeliest in the sentence.
    pub or: Vec<String>,
    pub class: Class,
    pub case: CaseMode,
    pub note: Option<String>,
    pub context: Context,
    pub origin: Origin,
}

#[cfg(test)]
impl Rule {
    /// A fingerprint of dictionary `t` with nothing but its key and replacement (unit tests).
    pub fn plain(key: &str, to: &str) -> Rule {
        Rule {
            id: format!("t:{key}"),
            dictionary: "t".into(),
            key: key.into(),
            to: to.into(),
            or: vec![],
            class: Class::Fingerprint,
            case: CaseMode::Preserve,
            note: None,
            context: Context::default(),
            origin: Origin::default(),
        }
    }
}

/// One spun variant of a rule: the key itself or one of its `also` forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    /// Index of the rule in its dictionary.
    pub rule: u32,
    /// As written (used to check `case: exact`).
    pub written: String,
    pub origin: Origin,
    /// The replacement of this variant when it is not the rule's: an inflected form the
    /// dictionary compiler generated ("assaults" -> "attacks" from `assault: attack`).
    pub to: Option<String>,
}

/// The shapes of [`Rule`] and [`Pattern`] with their strings borrowed: reading one from its
/// encoded bytes checks that they decode, without allocating. A compiled file is checked whole
/// this way before use, and its rules are decoded one at a time when first matched. The field
/// order and types must stay those of the owned structs (a test round-trips them).
pub mod check {
    use super::{CaseMode, Class};
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Rule<'a> {
        pub id: &'a str,
        pub dictionary: &'a str,
        pub key: &'a str,
        pub to: &'a str,
        #[serde(borrow)]
        pub or: Vec<&'a str>,
        pub class: Class,
        pub case: CaseMode,
        #[serde(borrow)]
        pub note: Option<&'a str>,
        #[serde(borrow)]
        pub context: Context<'a>,
        #[serde(borrow)]
        pub origin: Origin<'a>,
    }

    #[derive(Deserialize)]
    pub struct Context<'a> {
        #[serde(borrow)]
        pub preceded_by: Vec<&'a str>,
        #[serde(borrow)]
        pub not_preceded_by: Vec<&'a str>,
        #[serde(borrow)]
        pub followed_by: Vec<&'a str>,
        #[serde(borrow)]
        pub not_followed_by: Vec<&'a str>,
        #[serde(borrow)]
        pub document_has: Vec<&'a str>,
        #[serde(borrow)]
        pub document_lacks: Vec<&'a str>,
    }

    #[derive(Deserialize)]
    pub struct Origin<'a> {
        pub file: &'a str,
        pub line: u32,
        pub column: u32,
    }

    #[derive(Deserialize)]
    pub struct Pattern<'a> {
        pub rule: u32,
        pub written: &'a str,
        #[serde(borrow)]
        pub origin: Origin<'a>,
        #[serde(borrow)]
        pub to: Option<&'a str>,
    }
}

/// A problem in a dictionary, located where a curator can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub origin: Origin,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_borrowed_shapes_read_exactly_the_encoded_rules_and_patterns() {
        let origin = Origin {
            file: "d.yaml".into(),
            line: 3,
            column: 5,
        };
        let list = |w: &str| vec![w.to_string(), format!("{w}s")];
        let rule = Rule {
            id: "d:gap".into(),
            dictionary: "d".into(),
            key: "gap".into(),
            to: "hole".into(),
            or: list("opening"),
            class: Class::Suspect,
            case: CaseMode::Exact,
            note: Some("a note".into()),
            context: Context {
                preceded_by: list("a"),
                not_preceded_by: list("b"),
                followed_by: list("c"),
                not_followed_by: list("d"),
                document_has: list("e"),
                document_lacks: list("f"),
            },
            origin: origin.clone(),
        };
        let bytes = postcard::to_stdvec(&rule).unwrap();
        let (read, rest) = postcard::take_from_bytes::<check::Rule>(&bytes).unwrap();
        assert!(rest.is_empty());
        assert_eq!(
            (read.id, read.to, read.or, read.class, read.note),
            (
                "d:gap",
                "hole",
                vec!["opening", "openings"],
                Class::Suspect,
                Some("a note")
            )
        );
        assert_eq!(
            (
                read.context.document_lacks,
                read.origin.file,
                read.origin.column
            ),
            (vec!["f", "fs"], "d.yaml", 5)
        );
        let pattern = Pattern {
            rule: 7,
            written: "gaps".into(),
            origin,
            to: Some("holes".into()),
        };
        let bytes = postcard::to_stdvec(&pattern).unwrap();
        let (read, rest) = postcard::take_from_bytes::<check::Pattern>(&bytes).unwrap();
        assert!(rest.is_empty());
        assert_eq!(
            (read.rule, read.written, read.to),
            (7, "gaps", Some("holes"))
        );
    }
}

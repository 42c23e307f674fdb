//! SARIF 2.1.0 (`--format sarif`), the log code-scanning services read: one run whose tool
//! (`unspin`) lists a rule per dictionary entry hit, and one result per edit with its place and
//! its fix.
//!
//! The log is written as it goes, so a run over a large folder holds no more than the printer
//! does: [`Log::head`] first, then each file's results (rendered by [`Results`] in the worker
//! that repaired the file, one JSON object a line) through [`Log::results`], which adds the
//! commas and remembers the rules, and [`Log::tail`] last, with the rules (JSON does not care
//! that `results` comes before `tool`).
//!
//! Columns are counted in UTF-16 code units, as the run's `columnKind` says; endColumn is the
//! column after the last character, as SARIF wants.

use crate::dict::model::Rule;
use crate::edit::Edit;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::{Component, Path};
use std::sync::Arc;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

/// The rules met so far, whether a result was written yet, and the start of a result line
/// given without its end.
#[derive(Default)]
pub struct Log {
    rules: BTreeMap<String, Arc<Rule>>,
    any: bool,
    partial: String,
}

impl Log {
    /// Everything up to the first result.
    pub fn head() -> String {
        format!(
            "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\
             \"columnKind\":\"utf16CodeUnits\",\"results\":[\n"
        )
    }

    /// `lines` (a file's results, one a line, from [`Results`]; the end of the last may come
    /// with the next call) joined to those before them; `rules` are the rules of their edits.
    pub fn results(&mut self, lines: &str, rules: &[Arc<Rule>]) -> String {
        for rule in rules {
            self.rules
                .entry(rule.id.clone())
                .or_insert_with(|| rule.clone());
        }
        self.partial.push_str(lines);
        let whole = self.partial.rfind('\n').map_or(0, |i| i + 1);
        let mut out = String::with_capacity(whole + 16);
        for line in self.partial[..whole].lines() {
            if std::mem::replace(&mut self.any, true) {
                out.push_str(",\n");
            }
            out.push_str(line);
        }
        self.partial.drain(..whole);
        out
    }

    /// The end of the log: the tool with its rules, and whether the run went without errors.
    pub fn tail(&self, successful: bool) -> String {
        let rules: Vec<_> = self.rules.values().map(|r| descriptor(r)).collect();
        let tool = json!({
            "driver": {
                "name": "unspin",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }
        });
        let invocations = json!([{ "executionSuccessful": successful }]);
        format!("\n],\"tool\":{tool},\"invocations\":{invocations}}}]}}\n")
    }
}

/// A rule: its id, what it repairs, and where its entry is written.
fn descriptor(rule: &Rule) -> serde_json::Value {
    let mut help = format!(
        "Dictionary entry {} at {} ({}): the spun phrase {:?} is repaired to {:?}.",
        rule.id, rule.origin, rule.class, rule.key, rule.to
    );
    if let Some(note) = &rule.note {
        help.push(' ');
        help.push_str(note);
    }
    json!({
        "id": rule.id,
        "shortDescription": { "text": format!("{:?} -> {:?}", rule.key, rule.to) },
        "help": { "text": help },
        "properties": { "class": rule.class.to_string(), "source": rule.origin.to_string() },
    })
}

/// The results of the file at `path` (a relative path stays relative: code scanning resolves
/// it against the repository), one a line, made as its edits (sorted, as the engine returns
/// them) come.
pub struct Results<'t> {
    uri: String,
    at: Cursor<'t>,
}

impl<'t> Results<'t> {
    /// The results of `text`, the file at `path`.
    pub fn new(path: &Path, text: &'t str) -> Self {
        Results {
            uri: uri(path),
            at: Cursor::new(text),
        }
    }

    /// The result line of the next edit.
    pub fn edit(&mut self, e: &Edit) -> String {
        let (start_line, start_column) = self.at.advance(e.range.start);
        let (end_line, end_column) = self.at.advance(e.range.end);
        let region = json!({
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
        });
        let location = json!({ "uri": self.uri });
        let result = json!({
            "ruleId": e.rule.id,
            "level": "warning",
            "message": { "text": format!("{:?} -> {:?} ({})", e.from, e.to, e.why) },
            "locations": [{
                "physicalLocation": { "artifactLocation": location, "region": region }
            }],
            "fixes": [{
                "description": { "text": format!("Replace with {:?}", e.to) },
                "artifactChanges": [{
                    "artifactLocation": location,
                    "replacements": [{
                        "deletedRegion": region,
                        "insertedContent": { "text": e.to },
                    }],
                }],
            }],
        });
        let mut line = result.to_string();
        line.push('\n');
        line
    }
}

/// `path` as a URI reference: relative paths with `/` between percent-encoded segments
/// (`./` dropped), absolute ones as `file://` URIs. Bytes that are not UTF-8 are encoded too.
pub fn uri(path: &Path) -> String {
    use percent_encoding::{percent_encode, AsciiSet, NON_ALPHANUMERIC};
    use std::os::unix::ffi::OsStrExt;
    // RFC 3986's unreserved characters stay as they are.
    const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let mut segments = Vec::new();
    let mut absolute = false;
    for c in path.components() {
        match c {
            Component::RootDir | Component::Prefix(_) => absolute = true,
            Component::CurDir => {}
            Component::ParentDir => segments.push("..".to_string()),
            Component::Normal(s) => {
                segments.push(percent_encode(s.as_bytes(), SEGMENT).to_string())
            }
        }
    }
    let joined = segments.join("/");
    if absolute {
        format!("file:///{joined}")
    } else {
        joined
    }
}

/// Line and UTF-16 column of offsets that come in order, in one pass over the text.
struct Cursor<'t> {
    text: &'t str,
    at: usize,
    line: usize,
    column: usize,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Self {
        Cursor {
            text,
            at: 0,
            line: 1,
            column: 1,
        }
    }

    /// 1-based line and column of `offset` (not before the last one asked).
    fn advance(&mut self, offset: usize) -> (usize, usize) {
        let gone = &self.text[self.at..offset];
        match memchr::memrchr(b'\n', gone.as_bytes()) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', gone.as_bytes()).count();
                self.column = 1 + gone[last + 1..].encode_utf16().count();
            }
            None => self.column += gone.encode_utf16().count(),
        }
        self.at = offset;
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_across_lines() {
        let text = "a\u{1F600}b\ncafé x";
        let mut c = Cursor::new(text);
        assert_eq!(c.advance(1), (1, 2));
        // The emoji is two UTF-16 units (four bytes).
        assert_eq!(c.advance(5), (1, 4));
        assert_eq!(c.advance(text.len() - 1), (2, 6));
        assert_eq!(c.advance(text.len()), (2, 7));
    }

    #[test]
    fn uris_are_relative_and_percent_encoded() {
        assert_eq!(uri(Path::new("./site/a b/ü.txt")), "site/a%20b/%C3%BC.txt");
        assert_eq!(uri(Path::new("../x%.md")), "../x%25.md");
        assert_eq!(uri(Path::new("/srv/a,b.html")), "file:///srv/a%2Cb.html");
        use std::os::unix::ffi::OsStrExt;
        let raw = std::ffi::OsStr::from_bytes(b"bad\xff.txt");
        assert_eq!(uri(Path::new(raw)), "bad%FF.txt");
    }

    #[test]
    fn results_are_joined_with_commas_between_files() {
        let mut log = Log::default();
        assert_eq!(log.results("", &[]), "");
        assert_eq!(
            log.results("{\"a\":1}\n{\"b\":2}\n", &[]),
            "{\"a\":1},\n{\"b\":2}"
        );
        assert_eq!(log.results("{\"c\":3}\n", &[]), ",\n{\"c\":3}");
        // A line handed on in pieces is joined once whole.
        assert_eq!(log.results("{\"d\":", &[]), "");
        assert_eq!(log.results("4}\n{\"e", &[]), ",\n{\"d\":4}");
        assert_eq!(log.results("\":5}\n", &[]), ",\n{\"e\":5}");
    }
}

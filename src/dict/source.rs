//! Reads one YAML dictionary file into rules, locating every entry (file, line, column) so that
//! each problem and each edit can point at the line a curator has to look at.

use super::key;
use super::model::{CaseMode, Class, Context, Diagnostic, Origin, Rule};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_yaml::Value;

/// A parsed entry: its rule and every spun variant (the key first), each with its location.
#[derive(Debug, Clone)]
pub struct Entry {
    pub rule: Rule,
    pub variants: Vec<(String, Origin)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    dictionary: Option<String>,
    #[serde(default)]
    class: Class,
    entries: Option<Pairs>,
}

/// A YAML mapping as its pairs in document order, a repeated key kept: serde_yaml's `Mapping`
/// refuses the whole file over a duplicate, at the first entry's line; kept, the duplicate is
/// reported at its own line and the other entries still load.
struct Pairs(Vec<(Value, Value)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping of `spun phrase: original phrase` entries")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<Value, Value>()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(PairsVisitor)
    }
}

/// The fields of a dictionary file; a key other than these makes a file a flat map.
const FIELDS: &[&str] = &["dictionary", "class", "entries"];

/// The file as a flat `spun phrase: original phrase` map (what typos and codespell users write
/// first), if it is one: a mapping none of whose keys is a field of the full form.
fn flat(text: &str) -> Option<FileDoc> {
    let Pairs(pairs) = serde_yaml::from_str(text).ok()?;
    let field = |k: &Value| k.as_str().is_some_and(|k| FIELDS.contains(&k));
    (!pairs.is_empty() && !pairs.iter().any(|(k, _)| field(k))).then(|| FileDoc {
        dictionary: None,
        class: Class::Fingerprint,
        entries: Some(Pairs(pairs)),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LongEntry {
    to: Option<String>,
    #[serde(default)]
    or: Vec<String>,
    #[serde(default)]
    also: Vec<String>,
    class: Option<Class>,
    note: Option<String>,
    #[serde(default)]
    case: CaseMode,
    #[serde(default)]
    preceded_by: Vec<String>,
    #[serde(default)]
    not_preceded_by: Vec<String>,
    #[serde(default)]
    followed_by: Vec<String>,
    #[serde(default)]
    not_followed_by: Vec<String>,
    #[serde(default)]
    document_has: Vec<String>,
    #[serde(default)]
    document_lacks: Vec<String>,
}

/// Brackets a dictionary may have open at once. Its deepest value is a list in an entry (three
/// levels with the flow form of both); the YAML parser takes time quadratic in the depth
/// (60 KB of `[` took 15 s), so a deeper file is refused before it is parsed.
const MAX_DEPTH: usize = 64;

/// Where `text` first has more than [`MAX_DEPTH`] brackets (`[`, `{`) open, as (line, column).
/// Every bracket counts, quoted or not: a dictionary never comes near the limit either way.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let (mut line, mut column) = (1, 0);
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => (line, column) = (line + 1, 0),
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((line, column));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Parses `text`, read from `path`. `default_name` names the dictionary unless the file says
/// otherwise. Returns the entries that are well-formed and a diagnostic for each that is not.
pub fn parse(default_name: &str, path: &str, text: &str) -> (Vec<Entry>, Vec<Diagnostic>) {
    let at = |line: usize, column: usize| Origin {
        file: path.to_string(),
        line: line as u32,
        column: column as u32,
    };
    if let Some((line, column)) = too_deep(text) {
        let message = format!("more than {MAX_DEPTH} brackets open at once: not a dictionary");
        return (
            vec![],
            vec![Diagnostic {
                origin: at(line, column),
                message,
            }],
        );
    }
    let parsed = serde_yaml::from_str::<FileDoc>(text);
    let is_flat = parsed.is_err() && flat(text).is_some();
    let doc: FileDoc = match parsed.or_else(|e| flat(text).ok_or(e)) {
        Ok(doc) => doc,
        Err(e) => {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let mut message = yaml_message(&e);
            if message.contains("unknown field") {
                message.push_str(
                    " (entries go under `entries:`; a file of `spun phrase: original phrase` \
                     lines alone, without `dictionary:` or `class:`, is read as fingerprints)",
                );
            }
            return (
                vec![],
                vec![Diagnostic {
                    origin: at(line, column),
                    message,
                }],
            );
        }
    };
    let Some(entries) = doc.entries else {
        let message = "no `entries:` mapping (an empty dictionary is almost surely a mistake)";
        return (
            vec![],
            vec![Diagnostic {
                origin: at(1, 1),
                message: message.into(),
            }],
        );
    };
    let name = doc.dictionary.unwrap_or_else(|| default_name.to_string());
    let mut locator = Locator::new(text, is_flat);
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (k, v) in entries.0 {
        let raw_key = match scalar_text(&k) {
            Some(s) => s,
            None => {
                let origin = at(locator.entries_line, 1);
                let message = "entry key must be a plain string (quote it)".to_string();
                diags.push(Diagnostic { origin, message });
                continue;
            }
        };
        let (line, column) = locator.key(&raw_key);
        let origin = at(line, column);
        let problem = |message: String| Diagnostic {
            origin: origin.clone(),
            message: format!("entry {raw_key:?}: {message}"),
        };
        let long = match v {
            Value::Mapping(_) => match serde_yaml::from_value::<LongEntry>(v) {
                Ok(long) => long,
                Err(e) => {
                    diags.push(problem(yaml_message(&e)));
                    continue;
                }
            },
            other => match scalar_text(&other) {
                Some(to) => LongEntry::compact(to),
                None => {
                    diags.push(problem(
                        "no replacement: write `spun phrase: original phrase`".into(),
                    ));
                    continue;
                }
            },
        };
        let Some(to) = long.to.clone().filter(|t| !t.trim().is_empty()) else {
            diags.push(problem("empty replacement".into()));
            continue;
        };
        let mut variants = vec![(raw_key.clone(), origin.clone())];
        for also in &long.also {
            let (l, c) = locator.variant(line, also);
            variants.push((also.clone(), at(l, c)));
        }
        let mut ok = true;
        for (variant, vorigin) in &variants {
            if let Some(message) = unmatchable(variant) {
                diags.push(Diagnostic {
                    origin: vorigin.clone(),
                    message: format!("key {variant:?}: {message}"),
                });
                ok = false;
            } else if key::normalize(variant) == key::normalize(&to)
                && long.case == CaseMode::Preserve
            {
                let message = format!("key {variant:?} maps to itself");
                diags.push(Diagnostic {
                    origin: vorigin.clone(),
                    message,
                });
                ok = false;
            }
        }
        let context = match long.context() {
            Ok(context) => context,
            Err(message) => {
                diags.push(problem(message));
                continue;
            }
        };
        if !ok {
            continue;
        }
        let rule = Rule {
            id: format!("{name}:{raw_key}"),
            dictionary: name.clone(),
            key: raw_key,
            to,
            or: long
                .or
                .into_iter()
                .filter(|o| !o.trim().is_empty())
                .collect(),
            class: long.class.unwrap_or(doc.class),
            case: long.case,
            note: long.note,
            context,
            origin,
        };
        out.push(Entry { rule, variants });
    }
    (out, diags)
}

impl LongEntry {
    fn compact(to: String) -> Self {
        LongEntry {
            to: Some(to),
            or: vec![],
            also: vec![],
            class: None,
            note: None,
            case: CaseMode::Preserve,
            preceded_by: vec![],
            not_preceded_by: vec![],
            followed_by: vec![],
            not_followed_by: vec![],
            document_has: vec![],
            document_lacks: vec![],
        }
    }

    fn context(&self) -> Result<Context, String> {
        let norm = |list: &Vec<String>, field: &str| -> Result<Vec<String>, String> {
            list.iter()
                .map(|p| {
                    let n = key::normalize(p.trim());
                    if n.is_empty() {
                        Err(format!("`{field}` has an empty phrase"))
                    } else {
                        Ok(n)
                    }
                })
                .collect()
        };
        Ok(Context {
            preceded_by: norm(&self.preceded_by, "preceded_by")?,
            not_preceded_by: norm(&self.not_preceded_by, "not_preceded_by")?,
            followed_by: norm(&self.followed_by, "followed_by")?,
            not_followed_by: norm(&self.not_followed_by, "not_followed_by")?,
            document_has: norm(&self.document_has, "document_has")?,
            document_lacks: norm(&self.document_lacks, "document_lacks")?,
        })
    }
}

/// Why a key can never match as written, if it cannot.
fn unmatchable(key: &str) -> Option<&'static str> {
    if key.trim().is_empty() {
        Some("empty key")
    } else if key.starts_with(key::is_space) || key.ends_with(key::is_space) {
        Some("leading or trailing whitespace can never match (matches are whole words)")
    } else {
        None
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// serde_yaml's message without its own trailing location (we print ours in front).
fn yaml_message(e: &serde_yaml::Error) -> String {
    let m = e.to_string();
    match m.find(" at line ") {
        Some(i) => m[..i].to_string(),
        None => m,
    }
}

/// Finds the line and column of entry keys. serde_yaml keeps no positions for values, so this
/// reads the lines under `entries:` in document order, the order the mapping is visited in.
struct Locator<'a> {
    lines: Vec<&'a str>,
    entries_line: usize,
    next: usize,
    /// The keys stand at the left margin (a flat map), not indented under `entries:`.
    flat: bool,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str, flat: bool) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let entries = lines
            .iter()
            .position(|l| l.starts_with("entries:"))
            .filter(|_| !flat)
            .map_or(0, |i| i + 1);
        Locator {
            lines,
            entries_line: entries.max(1),
            next: entries,
            flat,
        }
    }

    /// 1-based line and column of the entry key `key`.
    fn key(&mut self, key: &str) -> (usize, usize) {
        let found = (self.next..self.lines.len())
            .chain(self.entries_line - 1..self.next.min(self.lines.len()))
            .find_map(|i| key_column(self.lines[i], key, self.flat).map(|c| (i, c)));
        match found {
            Some((i, c)) => {
                self.next = i + 1;
                (i + 1, c)
            }
            None => (self.entries_line, 1),
        }
    }

    /// Line and column of an `also` variant at or below the key's line.
    fn variant(&self, key_line: usize, variant: &str) -> (usize, usize) {
        (key_line - 1..self.lines.len().min(key_line + 40))
            .find_map(|i| self.lines[i].find(variant).map(|c| (i + 1, c + 1)))
            .unwrap_or((key_line, 1))
    }
}

/// The column where `key` stands as a mapping key on `line` (at the left margin when `flat`,
/// indented otherwise), if it does.
fn key_column(line: &str, key: &str, flat: bool) -> Option<usize> {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    if (indent == 0) != flat || body.starts_with('#') {
        return None;
    }
    let rest = [("\"", "\""), ("'", "'"), ("", "")]
        .iter()
        .find_map(|(open, close)| {
            body.strip_prefix(open)?
                .strip_prefix(key)?
                .strip_prefix(close)
        })?;
    rest.trim_start().starts_with(':').then_some(indent + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_nested_deeper_than_any_dictionary_is_refused_before_it_is_parsed() {
        let deep = format!(
            "entries:\n  x: {}{}\n",
            "[".repeat(30_000),
            "]".repeat(30_000)
        );
        let (entries, diagnostics) = parse("t", "d.yaml", &deep);
        assert!(entries.is_empty());
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            (diagnostics[0].origin.line, diagnostics[0].origin.column),
            (2, 70)
        );
        assert!(diagnostics[0]
            .message
            .contains("more than 64 brackets open"));
        // At the limit the parser reads it, and says what is wrong with it.
        let shallow = format!("entries:\n  x: {}{}\n", "[".repeat(64), "]".repeat(64));
        let (_, diagnostics) = parse("t", "d.yaml", &shallow);
        assert!(
            !diagnostics[0].message.contains("brackets open"),
            "{}",
            diagnostics[0].message
        );
    }

    const SAMPLE: &str = "\
# test
dictionary: t
entries:
  mental property: intellectual property
  # a comment
  \"yr\": year
  agency:
    to: firm
    class: suspect
    also: [agencies]
    not_preceded_by: [News]
";

    #[test]
    fn parses_both_forms_with_locations() {
        let (entries, diags) = parse("x", "t.yaml", SAMPLE);
        assert!(diags.is_empty(), "{diags:?}");
        let got: Vec<_> = entries
            .iter()
            .map(|e| (e.rule.id.as_str(), e.rule.origin.line))
            .collect();
        assert_eq!(
            got,
            [("t:mental property", 4), ("t:yr", 6), ("t:agency", 7)]
        );
        let agency = &entries[2];
        assert_eq!(agency.rule.class, Class::Suspect);
        assert_eq!(agency.rule.context.not_preceded_by, ["news"]);
        assert_eq!(agency.variants[1].0, "agencies");
        assert_eq!(agency.variants[1].1.line, 10);
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let (_, diags) = parse("x", "bad.yaml", "entries:\n  a: b\n c: [\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].origin.file, "bad.yaml");
        assert!(diags[0].origin.line >= 2, "{:?}", diags[0]);
    }

    #[test]
    fn reports_empty_self_mapping_and_unmatchable_entries_with_their_lines() {
        let text = "entries:\n  a: b\n  same: Same\n  ' lead': x\n  empty: ''\n  nothing:\n";
        let (entries, diags) = parse("x", "d.yaml", text);
        assert_eq!(entries.len(), 1);
        let lines: Vec<u32> = diags.iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [3, 4, 5, 6], "{diags:?}");
        assert!(diags[0].message.contains("maps to itself"));
        assert!(diags[1].message.contains("whitespace"));
        assert!(diags[2].message.contains("empty replacement"));
    }

    #[test]
    fn a_duplicate_is_reported_at_its_own_line_and_the_rest_loads() {
        let text = "entries:\n  a thing: b\n  c thing: d\n  a thing: e\n";
        let (entries, diags) = parse("x", "d.yaml", text);
        assert!(diags.is_empty(), "{diags:?}");
        let lines: Vec<u32> = entries.iter().map(|e| e.rule.origin.line).collect();
        assert_eq!(lines, [2, 3, 4]);
    }

    #[test]
    fn a_flat_map_is_a_dictionary_of_fingerprints() {
        let text =
            "# mine\nmental property: intellectual property\n\"our on-line world\": cyberspace\n";
        let (entries, diags) = parse("mine", "mine.yaml", text);
        assert!(diags.is_empty(), "{diags:?}");
        let got: Vec<_> = entries
            .iter()
            .map(|e| {
                (
                    e.rule.id.as_str(),
                    e.rule.class,
                    e.rule.origin.line,
                    e.rule.origin.column,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("mine:mental property", Class::Fingerprint, 2, 1),
                ("mine:our on-line world", Class::Fingerprint, 3, 1)
            ]
        );
        // With a field of the full form, the other keys are not taken as phrases: say how.
        let (_, diags) = parse("x", "d.yaml", "class: suspect\nmental property: x\n");
        assert!(diags[0].message.contains("under `entries:`"), "{diags:?}");
    }

    #[test]
    fn unknown_fields_are_errors_not_ignored() {
        let (entries, diags) = parse("x", "d.yaml", "entries:\n  a:\n    to: b\n    nto: c\n");
        assert!(entries.is_empty());
        assert!(diags[0].message.contains("nto"), "{diags:?}");
        assert_eq!(diags[0].origin.line, 2);
    }
}

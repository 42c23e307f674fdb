//! The compiled form of a set of dictionaries: an `fst` map from each normalized key to its
//! pattern, plus the rules and patterns themselves. It loads without parsing YAML (the built-in
//! set is compiled by `build.rs` and embedded in the binary) and can be written to a file.
//!
//! The file is `MAGIC`, the format version, the length of the tables, the SHA-256 of everything
//! after the header, the tables (postcard) and the fst. A file whose checksum does not match is
//! refused before any of it is parsed, and the tables' indices are checked before use, so a
//! damaged file gets an error, never a panic.

use super::key;
use super::model::{Diagnostic, Pattern, Rule};
use super::source::Entry;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const MAGIC: &[u8; 12] = b"UNSPIN-DICT\0";
const VERSION: u32 = 3;
/// Magic, version, tables length, checksum.
const HEADER: usize = 12 + 4 + 8 + 32;

/// Rules and patterns; pattern `i` is the value of its normalized key in the fst map.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Tables {
    pub rules: Vec<Rule>,
    pub patterns: Vec<Pattern>,
}

/// Builds [`Tables`] and the fst map from parsed entries, rejecting duplicate keys.
#[derive(Default)]
pub struct Builder {
    tables: Tables,
    /// normalized key -> (pattern index, may a later dictionary override it)
    keys: BTreeMap<String, (u32, bool)>,
    diagnostics: Vec<Diagnostic>,
}

impl Builder {
    /// Starts from compiled tables whose keys later entries may override (the built-in set
    /// under `--dict FILE`).
    pub fn from_tables(tables: Tables) -> Self {
        let keys = tables
            .patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (key::normalize(&p.written), (i as u32, true)))
            .collect();
        Builder {
            tables,
            keys,
            diagnostics: vec![],
        }
    }

    pub fn add(&mut self, entries: Vec<Entry>) {
        for entry in entries {
            let rule = self.tables.rules.len() as u32;
            let mut added = false;
            for (written, origin) in entry.variants {
                let norm = key::normalize(&written);
                match self.keys.get(&norm) {
                    Some(&(_, true)) | None => {}
                    Some(&(other, false)) => {
                        let first = &self.tables.patterns[other as usize];
                        let owner = &self.tables.rules[first.rule as usize].id;
                        let message = format!(
                            "duplicate key {written:?}: already an entry at {} ({owner})",
                            first.origin
                        );
                        self.diagnostics.push(Diagnostic { origin, message });
                        continue;
                    }
                }
                let index = self.tables.patterns.len() as u32;
                let forms = crate::lang::lexicon::inflected_pairs(&written, &entry.rule.to);
                self.tables.patterns.push(Pattern {
                    rule,
                    written,
                    origin: origin.clone(),
                    to: None,
                });
                self.keys.insert(norm, (index, false));
                added = true;
                // Inflected forms yield to any key written out, here or in a later dictionary.
                for (form, to) in forms {
                    let norm = key::normalize(form);
                    if self.keys.contains_key(&norm) {
                        continue;
                    }
                    let index = self.tables.patterns.len() as u32;
                    self.tables.patterns.push(Pattern {
                        rule,
                        written: form.to_string(),
                        origin: origin.clone(),
                        to: Some(to.to_string()),
                    });
                    self.keys.insert(norm, (index, true));
                }
            }
            if added {
                self.tables.rules.push(entry.rule);
            }
        }
    }

    /// Generated inflected forms must not chain: one that is a word of some replacement, or
    /// whose replacement is a key, is dropped (a second run would change the text again).
    fn drop_chaining_forms(&mut self) {
        let words: std::collections::HashSet<String> = self
            .tables
            .rules
            .iter()
            .flat_map(|r| {
                key::normalize(&r.to)
                    .split(' ')
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        let patterns = &self.tables.patterns;
        let keys = &self.keys;
        let chaining: Vec<String> = keys
            .iter()
            .filter_map(|(k, &(i, _))| {
                let to = patterns[i as usize].to.as_deref()?;
                (words.contains(k) || keys.contains_key(&key::normalize(to))).then(|| k.clone())
            })
            .collect();
        for k in chaining {
            self.keys.remove(&k);
        }
    }

    pub fn add_diagnostics(&mut self, diagnostics: Vec<Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    /// The tables and fst bytes of every well-formed entry, and every problem found on the way.
    /// Patterns replaced by a later dictionary, and rules left without patterns, are dropped.
    pub fn finish(mut self) -> (Tables, Vec<u8>, Vec<Diagnostic>) {
        self.drop_chaining_forms();
        let Tables { rules, patterns } = self.tables;
        let mut used = vec![false; rules.len()];
        for (pattern, _) in self.keys.values() {
            used[patterns[*pattern as usize].rule as usize] = true;
        }
        let mut new_index = vec![0u32; rules.len()];
        let mut kept_rules = Vec::new();
        for (i, rule) in rules.into_iter().enumerate() {
            if used[i] {
                new_index[i] = kept_rules.len() as u32;
                kept_rules.push(rule);
            }
        }
        let mut kept_patterns = Vec::with_capacity(self.keys.len());
        let mut map = fst::MapBuilder::memory();
        for (k, (pattern, _)) in &self.keys {
            let mut p = patterns[*pattern as usize].clone();
            p.rule = new_index[p.rule as usize];
            map.insert(k, kept_patterns.len() as u64)
                .expect("BTreeMap iterates keys in order");
            kept_patterns.push(p);
        }
        let tables = Tables {
            rules: kept_rules,
            patterns: kept_patterns,
        };
        (
            tables,
            map.into_inner().expect("in-memory fst cannot fail"),
            self.diagnostics,
        )
    }
}

/// Serializes tables and fst into one byte string (the `.unspin` file format).
pub fn encode(tables: &Tables, fst: &[u8]) -> Vec<u8> {
    let meta = postcard::to_stdvec(tables).expect("tables serialize");
    let mut out = Vec::with_capacity(HEADER + meta.len() + fst.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(meta.len() as u64).to_le_bytes());
    out.extend_from_slice(&[0; 32]);
    out.extend_from_slice(&meta);
    out.extend_from_slice(fst);
    seal(&mut out);
    out
}

/// Writes the checksum of the body of `bytes` (a whole compiled file) into its header.
pub fn seal(bytes: &mut [u8]) {
    let sum = checksum(&bytes[HEADER..]);
    bytes[HEADER - 32..HEADER].copy_from_slice(&sum);
}

fn checksum(body: &[u8]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    Sha256::digest(body).into()
}

/// Splits bytes made by [`encode`] into tables and the fst bytes' range.
pub fn decode(bytes: &[u8]) -> Result<(Tables, std::ops::Range<usize>), String> {
    let header = HEADER;
    if bytes.len() < 16 || &bytes[..MAGIC.len()] != MAGIC {
        return Err("not a compiled unspin dictionary".into());
    }
    let version = u32::from_le_bytes(bytes[12..16].try_into().unwrap());
    if version != VERSION {
        return Err(format!(
            "compiled dictionary version {version}, this unspin reads {VERSION}"
        ));
    }
    if bytes.len() < header {
        return Err("truncated compiled dictionary".into());
    }
    if checksum(&bytes[header..]) != bytes[header - 32..header] {
        return Err("corrupt compiled dictionary (checksum mismatch); compile it again".into());
    }
    let len = u64::from_le_bytes(bytes[16..24].try_into().unwrap()) as usize;
    let meta = bytes
        .get(header..header.saturating_add(len))
        .ok_or("truncated compiled dictionary")?;
    let tables: Tables =
        postcard::from_bytes(meta).map_err(|e| format!("corrupt compiled dictionary: {e}"))?;
    if tables
        .patterns
        .iter()
        .any(|p| p.rule as usize >= tables.rules.len())
    {
        return Err("corrupt compiled dictionary: a pattern of no rule".into());
    }
    Ok((tables, header + len..bytes.len()))
}

/// Does `bytes` start like a compiled dictionary?
pub fn is_compiled(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

impl Tables {
    /// Back to entries, so compiled dictionaries can be merged with others.
    pub fn into_entries(self) -> Vec<Entry> {
        let mut variants: Vec<Vec<(String, super::model::Origin)>> = vec![vec![]; self.rules.len()];
        for p in self.patterns {
            variants[p.rule as usize].push((p.written, p.origin));
        }
        self.rules
            .into_iter()
            .zip(variants)
            .map(|(rule, variants)| Entry { rule, variants })
            .collect()
    }
}

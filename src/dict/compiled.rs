//! The compiled form of a set of dictionaries: an `fst` map from each normalized key to its
//! pattern, plus the rules and patterns themselves. It loads without parsing YAML (the built-in
//! set is compiled by `build.rs` and embedded in the binary) and can be written to a file.
//!
//! The file is `MAGIC`, the format version, the length of the tables, the CRC-32 of everything
//! after the header (a check against damage, made at memory speed: a 100,000-entry file is 20
//! MB), the tables and the fst. The tables are an index (the counts of rules and
//! patterns, each pattern's rule, each rule's class, where each one's bytes end) and then each
//! rule and pattern on its own (postcard), so that one can be decoded without the others: a
//! dictionary is ready to match without decoding 100,000 rules, and decodes those it uses.
//! A file whose checksum does not match is refused before any of it is parsed, and the index and
//! every rule and pattern are checked (without being decoded) before use, so a damaged file gets
//! an error, never a panic.

use super::key;
use super::model::{check, Class, Diagnostic, Pattern, Rule};
use super::source::Entry;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

const MAGIC: &[u8; 12] = b"UNSPIN-DICT\0";
const VERSION: u32 = 5;
/// Magic, version, tables length, checksum.
pub const HEADER: usize = 12 + 4 + 8 + SUM;
/// Bytes of the checksum.
const SUM: usize = 4;

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
    let (rules, patterns) = (&tables.rules, &tables.patterns);
    let mut items = Vec::new();
    let mut ends = Vec::with_capacity(rules.len() + patterns.len());
    for rule in rules {
        items.extend(postcard::to_stdvec(rule).expect("rules serialize"));
        ends.push(items.len() as u32);
    }
    for pattern in patterns {
        items.extend(postcard::to_stdvec(pattern).expect("patterns serialize"));
        ends.push(items.len() as u32);
    }
    let mut meta = Vec::new();
    meta.extend((rules.len() as u32).to_le_bytes());
    meta.extend((patterns.len() as u32).to_le_bytes());
    meta.extend(patterns.iter().flat_map(|p| p.rule.to_le_bytes()));
    meta.extend(rules.iter().map(|r| u8::from(r.class == Class::Suspect)));
    meta.extend(ends.iter().flat_map(|e| e.to_le_bytes()));
    meta.extend(items);
    let mut out = Vec::with_capacity(HEADER + meta.len() + fst.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(meta.len() as u64).to_le_bytes());
    out.extend_from_slice(&[0; SUM]);
    out.extend_from_slice(&meta);
    out.extend_from_slice(fst);
    seal(&mut out);
    out
}

/// Writes the checksum of the body of `bytes` (a whole compiled file) into its header.
pub fn seal(bytes: &mut [u8]) {
    let sum = checksum(&bytes[HEADER..]);
    bytes[HEADER - SUM..HEADER].copy_from_slice(&sum);
}

fn checksum(body: &[u8]) -> [u8; SUM] {
    crc32fast::hash(body).to_le_bytes()
}

/// Where the parts of a compiled file are, every part checked: each rule and pattern decodes.
#[derive(Debug)]
struct Index {
    /// Each pattern's rule.
    pattern_rule: Vec<u32>,
    classes: Vec<Class>,
    /// Where the rules' then the patterns' bytes start in the file, and where each one ends
    /// (from that start).
    items: usize,
    ends: Vec<u32>,
    fst: Range<usize>,
}

impl Index {
    fn read(bytes: &[u8]) -> Result<Index, String> {
        if bytes.len() < 16 || &bytes[..MAGIC.len()] != MAGIC {
            return Err("not a compiled unspin dictionary".into());
        }
        if bytes.len() < HEADER {
            return Err("truncated compiled dictionary".into());
        }
        let version = u32::from_le_bytes(bytes[12..16].try_into().unwrap());
        if version != VERSION {
            return Err(format!(
                "compiled dictionary version {version}, this unspin reads {VERSION}"
            ));
        }
        if checksum(&bytes[HEADER..]) != bytes[HEADER - SUM..HEADER] {
            return Err("corrupt compiled dictionary (checksum mismatch); compile it again".into());
        }
        let corrupt = |what: &str| format!("corrupt compiled dictionary: {what}");
        let len = u64::from_le_bytes(bytes[16..24].try_into().unwrap());
        let meta = usize::try_from(len)
            .ok()
            .and_then(|len| bytes.get(HEADER..HEADER.checked_add(len)?))
            .ok_or("truncated compiled dictionary")?;
        let mut at = 0usize;
        let mut take = |n: usize| {
            let part = meta.get(at..at.checked_add(n)?)?;
            at += n;
            Some(part)
        };
        let mut count = || take(4).map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize);
        let (Some(rules), Some(patterns)) = (count(), count()) else {
            return Err(corrupt("no index"));
        };
        let words = |b: &[u8]| -> Vec<u32> {
            b.chunks_exact(4)
                .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
                .collect()
        };
        let sized = |n: usize, size: usize| n.checked_mul(size).ok_or_else(|| corrupt("no index"));
        let pattern_rule = words(take(sized(patterns, 4)?).ok_or_else(|| corrupt("no index"))?);
        let classes = take(rules)
            .ok_or_else(|| corrupt("no index"))?
            .iter()
            .map(|&c| match c {
                0 => Ok(Class::Fingerprint),
                1 => Ok(Class::Suspect),
                _ => Err(corrupt("a class of no kind")),
            })
            .collect::<Result<Vec<Class>, String>>()?;
        let items = rules
            .checked_add(patterns)
            .ok_or_else(|| corrupt("no index"))?;
        let ends = words(take(sized(items, 4)?).ok_or_else(|| corrupt("no index"))?);
        let index = Index {
            pattern_rule,
            classes,
            items: HEADER + at,
            ends,
            fst: HEADER + meta.len()..bytes.len(),
        };
        if index.pattern_rule.iter().any(|&r| r as usize >= rules) {
            return Err(corrupt("a pattern of no rule"));
        }
        let end = index.ends.last().map_or(0, |&e| e as usize);
        if index.ends.windows(2).any(|w| w[0] > w[1]) || index.items + end > HEADER + meta.len() {
            return Err(corrupt("rules out of place"));
        }
        // Every rule and pattern must decode: checked here, decoded when first used.
        for i in 0..rules {
            match postcard::take_from_bytes::<check::Rule>(index.item(bytes, i)) {
                Ok((rule, rest)) if rest.is_empty() && rule.class == index.classes[i] => {}
                _ => return Err(corrupt("a rule does not decode")),
            }
        }
        for i in 0..patterns {
            match postcard::take_from_bytes::<check::Pattern>(index.item(bytes, rules + i)) {
                Ok((p, rest)) if rest.is_empty() && p.rule == index.pattern_rule[i] => {}
                _ => return Err(corrupt("a pattern does not decode")),
            }
        }
        Ok(index)
    }

    /// The bytes of rule `k`, or of pattern `k - rules`.
    fn item<'b>(&self, bytes: &'b [u8], k: usize) -> &'b [u8] {
        let start = k.checked_sub(1).map_or(0, |j| self.ends[j] as usize);
        &bytes[self.items + start..self.items + self.ends[k] as usize]
    }
}

/// The tables of a compiled file, checked whole and read in place: each rule and pattern is
/// decoded when it is first asked for.
pub struct Encoded {
    bytes: Cow<'static, [u8]>,
    index: Index,
}

impl Encoded {
    /// Checks a compiled file (see `Index::read`); returns its tables and the fst's range.
    pub fn open(bytes: Cow<'static, [u8]>) -> Result<(Encoded, Range<usize>), String> {
        let index = Index::read(&bytes)?;
        let fst = index.fst.clone();
        Ok((Encoded { bytes, index }, fst))
    }

    /// The file's bytes (the fst is read from them in place).
    pub fn bytes(&self) -> &Cow<'static, [u8]> {
        &self.bytes
    }

    pub fn rules(&self) -> usize {
        self.index.classes.len()
    }

    pub fn patterns(&self) -> usize {
        self.index.pattern_rule.len()
    }

    pub fn classes(&self) -> &[Class] {
        &self.index.classes
    }

    pub fn rule(&self, i: usize) -> Rule {
        postcard::from_bytes(self.index.item(&self.bytes, i)).expect("checked when opened")
    }

    pub fn pattern(&self, i: usize) -> Pattern {
        postcard::from_bytes(self.index.item(&self.bytes, self.rules() + i))
            .expect("checked when opened")
    }
}

/// Splits bytes made by [`encode`] into tables, every rule and pattern decoded, and the fst
/// bytes' range.
pub fn decode(bytes: &[u8]) -> Result<(Tables, Range<usize>), String> {
    let index = Index::read(bytes)?;
    let rules = index.classes.len();
    let item = |k| index.item(bytes, k);
    let tables = Tables {
        rules: (0..rules)
            .map(|i| postcard::from_bytes(item(i)).expect("checked above"))
            .collect(),
        patterns: (0..index.pattern_rule.len())
            .map(|i| postcard::from_bytes(item(rules + i)).expect("checked above"))
            .collect(),
    };
    Ok((tables, index.fst))
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

//! Dictionaries: YAML sources, their compiled fst form, and loading the set a run uses.

pub mod compiled;
pub mod key;
pub mod model;
pub(crate) mod source;

use compiled::{Builder, Encoded, Tables};
use model::{Class, Diagnostic, Pattern, Rule};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The built-in dictionaries, compiled from `dictionaries/` by `build.rs`.
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.unspin"));

/// A loaded set of dictionaries: rules, their spun patterns, and the fst map from each
/// normalized pattern to its index.
pub struct Dictionary {
    store: Store,
    map: fst::Map<Cow<'static, [u8]>>,
}

/// Where the rules and patterns are.
enum Store {
    /// Made by the builder (from YAML, or dictionaries merged).
    Decoded {
        rules: Vec<Arc<Rule>>,
        patterns: Vec<Pattern>,
    },
    /// Read from a compiled file (the built-in set included), each decoded when first used:
    /// ready to match without decoding 100,000 rules.
    Encoded {
        tables: Encoded,
        rules: Vec<OnceLock<Arc<Rule>>>,
        patterns: Vec<OnceLock<Box<Pattern>>>,
        /// Every rule and pattern at once, for the few callers that ask for them all.
        all: OnceLock<(Vec<Arc<Rule>>, Vec<Pattern>)>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Compiled { path: PathBuf, message: String },
}

impl Dictionary {
    /// The dictionaries built into this binary.
    pub fn builtin() -> Dictionary {
        let (tables, fst) =
            Encoded::open(Cow::Borrowed(BUILTIN)).expect("build.rs wrote a valid dictionary");
        Dictionary::from_encoded(tables, Cow::Borrowed(&BUILTIN[fst]))
            .expect("build.rs wrote a valid fst")
    }

    /// Loads the dictionaries a run asked for: the built-in set unless `builtin` is false, then
    /// each of `files` (YAML, or compiled with `unspin dict compile`). A key in a file replaces
    /// the same built-in key; the same key twice among `files` is an error.
    pub fn load(builtin: bool, files: &[PathBuf]) -> Result<Dictionary, LoadError> {
        if files.is_empty() && builtin {
            return Ok(Dictionary::builtin());
        }
        let (dict, diagnostics) = Self::load_lenient(builtin, files)?;
        if diagnostics.is_empty() {
            Ok(dict)
        } else {
            Err(LoadError::Invalid(diagnostics))
        }
    }

    /// Like [`Dictionary::load`], but keeps every well-formed entry and returns the problems
    /// beside them (for `dict check`, which reports them all).
    pub fn load_lenient(
        builtin: bool,
        files: &[PathBuf],
    ) -> Result<(Dictionary, Vec<Diagnostic>), LoadError> {
        let mut sources = Vec::with_capacity(files.len());
        for path in files {
            let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
                path: path.clone(),
                source,
            })?;
            sources.push((path.clone(), bytes));
        }
        Self::from_sources(builtin, sources)
    }

    /// A dictionary from one YAML text (named `name`, shown as `path` in diagnostics), without
    /// the built-in set: for tests and programs that embed unspin.
    pub fn from_yaml(name: &str, text: &str) -> Result<Dictionary, LoadError> {
        let (entries, diagnostics) = source::parse(name, name, text);
        let mut builder = Builder::default();
        builder.add(entries);
        builder.add_diagnostics(diagnostics);
        let (tables, fst, diagnostics) = builder.finish();
        if !diagnostics.is_empty() {
            return Err(LoadError::Invalid(diagnostics));
        }
        Ok(Self::from_parts(tables, Cow::Owned(fst)).expect("the builder wrote a valid fst"))
    }

    /// [`Dictionary::load_lenient`] over sources already read: `(path, bytes)` pairs.
    pub fn from_sources(
        builtin: bool,
        sources: Vec<(PathBuf, Vec<u8>)>,
    ) -> Result<(Dictionary, Vec<Diagnostic>), LoadError> {
        if let [(_, bytes)] = sources.as_slice() {
            if !builtin && compiled::is_compiled(bytes) {
                let (path, bytes) = sources.into_iter().next().expect("one source");
                let dict = Self::from_compiled(bytes)
                    .map_err(|message| LoadError::Compiled { path, message })?;
                return Ok((dict, vec![]));
            }
        }
        let mut builder = if builtin {
            Builder::from_tables(Dictionary::builtin().tables())
        } else {
            Builder::default()
        };
        for (path, bytes) in sources {
            let path = path.as_path();
            let display = path.display().to_string();
            if compiled::is_compiled(&bytes) {
                let (tables, _) =
                    compiled::decode(&bytes).map_err(|message| LoadError::Compiled {
                        path: path.to_path_buf(),
                        message,
                    })?;
                builder.add(tables.into_entries());
                continue;
            }
            let text = String::from_utf8(bytes).map_err(|_| LoadError::Compiled {
                path: path.to_path_buf(),
                message: "not UTF-8: neither a YAML nor a compiled dictionary".into(),
            })?;
            let (entries, diagnostics) = source::parse(&default_name(path), &display, &text);
            builder.add(entries);
            builder.add_diagnostics(diagnostics);
        }
        let (tables, fst, diagnostics) = builder.finish();
        let dict =
            Self::from_parts(tables, Cow::Owned(fst)).expect("the builder wrote a valid fst");
        Ok((dict, diagnostics))
    }

    /// A dictionary from the bytes of a compiled file, checked whole before use: the file's
    /// checksum, its tables (every rule and pattern decodes) and the fst's own checksum. A key
    /// whose value names no pattern (which only a file made by hand can have) is never found.
    pub fn from_compiled(bytes: Vec<u8>) -> Result<Dictionary, String> {
        let (tables, range) = Encoded::open(Cow::Owned(bytes))?;
        let fst = tables.bytes()[range].to_vec();
        let dict = Self::from_encoded(tables, Cow::Owned(fst))?;
        dict.map
            .as_fst()
            .verify()
            .map_err(|e| format!("corrupt fst: {e}"))?;
        Ok(dict)
    }

    fn from_parts(tables: Tables, fst: Cow<'static, [u8]>) -> Result<Dictionary, String> {
        let map = fst_map(fst, tables.patterns.len())?;
        let store = Store::Decoded {
            rules: tables.rules.into_iter().map(Arc::new).collect(),
            patterns: tables.patterns,
        };
        Ok(Dictionary { store, map })
    }

    fn from_encoded(tables: Encoded, fst: Cow<'static, [u8]>) -> Result<Dictionary, String> {
        let map = fst_map(fst, tables.patterns())?;
        let store = Store::Encoded {
            rules: (0..tables.rules()).map(|_| OnceLock::new()).collect(),
            patterns: (0..tables.patterns()).map(|_| OnceLock::new()).collect(),
            all: OnceLock::new(),
            tables,
        };
        Ok(Dictionary { store, map })
    }

    /// The compiled file form of this dictionary.
    pub fn to_bytes(&self) -> Vec<u8> {
        compiled::encode(&self.tables(), self.map.as_fst().as_bytes())
    }

    fn tables(&self) -> Tables {
        Tables {
            rules: self.rules().iter().map(|r| Rule::clone(r)).collect(),
            patterns: self.patterns().to_vec(),
        }
    }

    /// Every rule (each decoded, for a compiled dictionary).
    pub fn rules(&self) -> &[Arc<Rule>] {
        self.all().0
    }

    /// Every pattern (each decoded, for a compiled dictionary).
    pub fn patterns(&self) -> &[Pattern] {
        self.all().1
    }

    fn all(&self) -> (&[Arc<Rule>], &[Pattern]) {
        match &self.store {
            Store::Decoded { rules, patterns } => (rules, patterns),
            Store::Encoded { rules, all, .. } => {
                let (rules, patterns) = all.get_or_init(|| {
                    let rules = (0..rules.len()).map(|i| Arc::clone(self.rule(i))).collect();
                    let patterns = (0..self.map.len())
                        .map(|i| self.pattern(i).clone())
                        .collect();
                    (rules, patterns)
                });
                (rules, patterns)
            }
        }
    }

    /// Rule `i`.
    pub fn rule(&self, i: usize) -> &Arc<Rule> {
        match &self.store {
            Store::Decoded { rules, .. } => &rules[i],
            Store::Encoded { tables, rules, .. } => {
                rules[i].get_or_init(|| Arc::new(tables.rule(i)))
            }
        }
    }

    /// Pattern `i`, the value of its key in the fst, if there is one.
    pub fn pattern(&self, i: usize) -> &Pattern {
        match &self.store {
            Store::Decoded { patterns, .. } => &patterns[i],
            Store::Encoded {
                tables, patterns, ..
            } => patterns[i].get_or_init(|| Box::new(tables.pattern(i))),
        }
    }

    /// The pattern a value of the fst names, if it names one.
    pub fn pattern_of(&self, value: u64) -> Option<&Pattern> {
        usize::try_from(value)
            .ok()
            .filter(|&i| i < self.map.len())
            .map(|i| self.pattern(i))
    }

    /// Is any rule a suspect? (Without decoding them.)
    pub fn has_suspects(&self) -> bool {
        match &self.store {
            Store::Decoded { rules, .. } => rules.iter().any(|r| r.class == Class::Suspect),
            Store::Encoded { tables, .. } => tables.classes().contains(&Class::Suspect),
        }
    }

    pub fn map(&self) -> &fst::Map<Cow<'static, [u8]>> {
        &self.map
    }

    /// The rule a pattern belongs to.
    pub fn rule_of(&self, pattern: &Pattern) -> &Arc<Rule> {
        self.rule(pattern.rule as usize)
    }

    /// The pattern whose key is `phrase` (normalized first), if any.
    pub fn lookup(&self, phrase: &str) -> Option<&Pattern> {
        self.map
            .get(key::normalize(phrase.trim()))
            .and_then(|i| self.pattern_of(i))
    }

    /// Every pattern whose key starts with `prefix` (normalized first), in key order.
    pub fn with_prefix(&self, prefix: &str) -> Vec<&Pattern> {
        use fst::{IntoStreamer, Streamer};
        let prefix = key::normalize(prefix.trim_start());
        let matcher = fst::automaton::Str::new(&prefix);
        let mut stream = self
            .map
            .search(fst::Automaton::starts_with(matcher))
            .into_stream();
        let mut out = Vec::new();
        while let Some((_, i)) = stream.next() {
            out.extend(self.pattern_of(i));
        }
        out
    }
}

/// The fst map over `bytes`, which must have a key for each of `patterns`.
fn fst_map(
    bytes: Cow<'static, [u8]>,
    patterns: usize,
) -> Result<fst::Map<Cow<'static, [u8]>>, String> {
    let map = fst::Map::new(bytes).map_err(|e| format!("corrupt fst: {e}"))?;
    if map.len() != patterns {
        return Err("fst and pattern table disagree".into());
    }
    Ok(map)
}

/// A user file's dictionary name: its file name without `.yaml`/`.yml`.
fn default_name(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "dict".into(), |s| s.to_string_lossy().into_owned())
}

//! Dictionaries: YAML sources, their compiled fst form, and loading the set a run uses.

pub mod compiled;
pub mod key;
pub mod model;
pub(crate) mod source;

use compiled::{Builder, Tables};
use model::{Diagnostic, Pattern, Rule};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The built-in dictionaries, compiled from `dictionaries/` by `build.rs`.
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.unspin"));

/// A loaded set of dictionaries: rules, their spun patterns, and the fst map from each
/// normalized pattern to its index.
pub struct Dictionary {
    rules: Vec<Arc<Rule>>,
    patterns: Vec<Pattern>,
    map: fst::Map<Cow<'static, [u8]>>,
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
        let (tables, fst) = compiled::decode(BUILTIN).expect("build.rs wrote a valid dictionary");
        Dictionary::from_parts(tables, Cow::Borrowed(&BUILTIN[fst]))
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
        if let [(path, bytes)] = sources.as_slice() {
            if !builtin && compiled::is_compiled(bytes) {
                let dict =
                    Self::from_compiled(bytes.clone()).map_err(|message| LoadError::Compiled {
                        path: path.to_path_buf(),
                        message,
                    })?;
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
    /// checksum, the fst's own checksum, and every fst value naming a pattern.
    pub fn from_compiled(bytes: Vec<u8>) -> Result<Dictionary, String> {
        use fst::Streamer;
        let (tables, range) = compiled::decode(&bytes)?;
        let mut fst = bytes;
        fst.truncate(range.end);
        fst.drain(..range.start);
        let dict = Self::from_parts(tables, Cow::Owned(fst))?;
        dict.map
            .as_fst()
            .verify()
            .map_err(|e| format!("corrupt fst: {e}"))?;
        let mut values = dict.map.stream();
        while let Some((_, i)) = values.next() {
            if i as usize >= dict.patterns.len() {
                return Err("corrupt compiled dictionary: a key of no pattern".into());
            }
        }
        Ok(dict)
    }

    fn from_parts(tables: Tables, fst: Cow<'static, [u8]>) -> Result<Dictionary, String> {
        let map = fst::Map::new(fst).map_err(|e| format!("corrupt fst: {e}"))?;
        if map.len() != tables.patterns.len() {
            return Err("fst and pattern table disagree".into());
        }
        let rules = tables.rules.into_iter().map(Arc::new).collect();
        Ok(Dictionary {
            rules,
            patterns: tables.patterns,
            map,
        })
    }

    /// The compiled file form of this dictionary.
    pub fn to_bytes(&self) -> Vec<u8> {
        compiled::encode(&self.tables(), self.map.as_fst().as_bytes())
    }

    fn tables(&self) -> Tables {
        Tables {
            rules: self.rules.iter().map(|r| Rule::clone(r)).collect(),
            patterns: self.patterns.clone(),
        }
    }

    pub fn rules(&self) -> &[Arc<Rule>] {
        &self.rules
    }

    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    pub fn map(&self) -> &fst::Map<Cow<'static, [u8]>> {
        &self.map
    }

    /// The rule a pattern belongs to.
    pub fn rule_of(&self, pattern: &Pattern) -> &Arc<Rule> {
        &self.rules[pattern.rule as usize]
    }

    /// The pattern whose key is `phrase` (normalized first), if any.
    pub fn lookup(&self, phrase: &str) -> Option<&Pattern> {
        self.map
            .get(key::normalize(phrase.trim()))
            .map(|i| &self.patterns[i as usize])
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
            out.push(&self.patterns[i as usize]);
        }
        out
    }
}

/// A user file's dictionary name: its file name without `.yaml`/`.yml`.
fn default_name(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "dict".into(), |s| s.to_string_lossy().into_owned())
}

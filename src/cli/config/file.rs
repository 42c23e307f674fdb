//! Reading one config file: `unspin.toml`, `.unspin.toml`, or the `[tool.unspin]` table of a
//! `pyproject.toml`. Each setting becomes the command-line tokens it stands for (`exclude =
//! ["a"]` is `--exclude=a`), so clap checks its value exactly as it checks a flag; every
//! problem names the file, the line and the key.

use super::keys::{Key, Kind, KEYS};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// A config file's settings, in the order written.
#[derive(Debug)]
pub struct File {
    /// As found (relative to the current folder when below it).
    pub path: PathBuf,
    pub settings: Vec<Setting>,
}

#[derive(Debug)]
pub struct Setting {
    pub key: &'static Key,
    pub line: usize,
    /// What the setting says on the command line, `--key=value` for each value.
    pub tokens: Vec<OsString>,
}

/// Whether `path` (a `pyproject.toml`) has a `[tool.unspin]` table; a pyproject.toml that does
/// not parse is for the tools that own it to report, and is no config of ours.
pub fn has_tool_table(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    DeTable::parse(&text).is_ok_and(|t| {
        t.get_ref()
            .get("tool")
            .and_then(|tool| match tool.get_ref() {
                DeValue::Table(tool) => tool.get("unspin"),
                _ => None,
            })
            .is_some()
    })
}

/// Reads the config file at `path`.
pub fn load(path: &Path) -> Result<File, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let at = |span: Option<std::ops::Range<usize>>| {
        let line = span.map_or(1, |s| line_of(&text, s.start));
        format!("{}:{line}", path.display())
    };
    let doc = DeTable::parse(&text).map_err(|e| format!("{}: {}", at(e.span()), e.message()))?;
    let pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let table = if pyproject {
        let tool = doc.get_ref().get("tool").and_then(|t| table(t.get_ref()));
        match tool.and_then(|t| t.get("unspin")) {
            Some(unspin) => table(unspin.get_ref()).ok_or_else(|| {
                format!("{}: [tool.unspin] must be a table", at(Some(unspin.span())))
            })?,
            None => return Err(format!("{}: no [tool.unspin] table", path.display())),
        }
    } else {
        doc.get_ref()
    };
    // Paths in the file are relative to its folder.
    let base = path.parent().unwrap_or(Path::new(""));
    let mut settings = Vec::new();
    for (name, value) in table.iter() {
        let line = line_of(&text, name.span().start);
        let name = name.get_ref().as_ref();
        let Some(key) = KEYS.iter().find(|k| k.name == name) else {
            let known: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
            return Err(format!(
                "{}:{line}: unknown key {name:?} (known keys: {})",
                path.display(),
                known.join(", ")
            ));
        };
        let tokens = tokens(key, value.get_ref(), base)
            .map_err(|e| format!("{}:{line}: {name}: {e}", path.display()))?;
        settings.push(Setting { key, line, tokens });
    }
    Ok(File {
        path: path.to_path_buf(),
        settings,
    })
}

fn table<'a, 'i>(value: &'a DeValue<'i>) -> Option<&'a DeTable<'i>> {
    match value {
        DeValue::Table(t) => Some(t),
        _ => None,
    }
}

/// The command-line tokens for `value` of `key`.
fn tokens(key: &Key, value: &DeValue, base: &Path) -> Result<Vec<OsString>, String> {
    let flag = |v: &str| OsString::from(format!("--{}={v}", key.name));
    match (key.kind, value) {
        (Kind::Flag, DeValue::Boolean(on)) => Ok(on
            .then(|| format!("--{}", key.name).into())
            .into_iter()
            .collect()),
        (Kind::Flag, _) => Err("expected true or false".into()),
        (Kind::Number, DeValue::Integer(n)) => Ok(vec![flag(n.as_str())]),
        (Kind::Number, DeValue::Float(x)) => Ok(vec![flag(x.as_str())]),
        (Kind::Number, _) => Err("expected a number".into()),
        (Kind::Text, DeValue::String(s)) => Ok(vec![flag(s)]),
        (Kind::Text, _) => Err("expected a string".into()),
        (Kind::List | Kind::Paths, DeValue::String(s)) => Ok(vec![list_item(key, s, base)]),
        (Kind::List | Kind::Paths, DeValue::Array(items)) => items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(s) => Ok(list_item(key, s, base)),
                _ => Err("expected a list of strings".to_string()),
            })
            .collect(),
        (Kind::List | Kind::Paths, _) => Err("expected a string or a list of strings".into()),
    }
}

fn list_item(key: &Key, item: &str, base: &Path) -> OsString {
    let mut token = OsString::from(format!("--{}=", key.name));
    match key.kind {
        Kind::Paths => token.push(base.join(item)),
        _ => token.push(item),
    }
    token
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..offset.min(text.len())]).count()
}

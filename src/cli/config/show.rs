//! `unspin config [PATH...]`: the settings a run on PATH would use, each with where it came
//! from (the config file's line, the command line, or the default), written as TOML so that it
//! can be pasted into a config file.

use super::keys::{Kind, KEYS};
use super::File;
use clap::parser::ValueSource;
use clap::ArgMatches;

/// The effective settings; `matches` are the arguments with the file's settings, `given` the
/// command line's alone.
pub fn show(file: Option<&File>, matches: &ArgMatches, given: &ArgMatches) -> String {
    let mut out = match file {
        Some(f) => format!("# config file: {}\n", f.path.display()),
        None => "# no config file\n".to_string(),
    };
    for key in KEYS {
        let mut from: Vec<String> = file
            .iter()
            .flat_map(|f| f.settings.iter().map(move |s| (f, s)))
            .filter(|(_, s)| s.key.name == key.name)
            .map(|(f, s)| format!("{}:{}", f.path.display(), s.line))
            .collect();
        if given.value_source(key.id) == Some(ValueSource::CommandLine) {
            from.push("command line".into());
        }
        if from.is_empty() {
            from.push(match matches.value_source(key.id) {
                Some(ValueSource::DefaultValue) => "default".into(),
                _ => "not set".into(),
            });
        }
        let setting = match value(key.kind, key.id, matches) {
            Some(v) => format!("{} = {v}", key.name),
            None => format!("# {}", key.name),
        };
        out.push_str(&format!("{setting:<34} # {}\n", from.join(", ")));
    }
    out
}

/// The value of the flag `id` as TOML, or None when it has none.
fn value(kind: Kind, id: &str, matches: &ArgMatches) -> Option<String> {
    if kind == Kind::Flag {
        return Some(matches.get_flag(id).to_string());
    }
    let raw: Vec<String> = matches
        .get_raw(id)?
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let quoted = |s: &String| toml::Value::String(s.clone()).to_string();
    Some(match kind {
        Kind::Number => raw.first()?.clone(),
        Kind::Text => quoted(raw.first()?),
        _ => format!(
            "[{}]",
            raw.iter().map(quoted).collect::<Vec<_>>().join(", ")
        ),
    })
}

//! `unspin dict ...`: check, look up and compile dictionaries.

use super::args::{DictArgs, DictCommand};
use super::{fail, FOUND, OK};
use unspin::dict::Dictionary;
use unspin::engine::Engine;
use unspin::quality::lint;

pub fn run(cmd: DictCommand, dicts: &DictArgs) -> u8 {
    match cmd {
        DictCommand::Check { files, crossings } => check(&files, crossings, dicts),
        DictCommand::Lookup { phrase, prefix } => lookup(&phrase, prefix, dicts),
        DictCommand::Compile { output } => compile(&output, dicts),
        DictCommand::Import {
            format,
            file,
            output,
        } => super::import::run(format, &file, output.as_deref()),
    }
}

fn check(files: &[std::path::PathBuf], crossings: bool, dicts: &DictArgs) -> u8 {
    // Named files are checked as one set on their own; without files, the set in use.
    let (builtin, files) = if files.is_empty() {
        (!dicts.no_builtin, dicts.dict.clone())
    } else {
        (false, files.to_vec())
    };
    let (dict, mut problems) = match Dictionary::load_lenient(builtin, &files) {
        Ok(loaded) => loaded,
        Err(e) => return fail(e),
    };
    let entries = dict.rules().len();
    let engine = match Engine::new(dict, lint::checking_options()) {
        Ok(engine) => engine,
        Err(e) => return fail(e),
    };
    problems.extend(lint::chains(&engine));
    if crossings {
        problems.extend(lint::crossings(&engine));
    }
    problems.sort_by(|a, b| {
        let key = |d: &unspin::dict::model::Diagnostic| {
            (d.origin.file.clone(), d.origin.line, d.origin.column)
        };
        key(a).cmp(&key(b))
    });
    for p in &problems {
        println!("{p}");
    }
    if problems.is_empty() {
        eprintln!("{entries} entries, no problems");
        OK
    } else {
        let read = match entries {
            0 => "; no entry could be read".to_string(),
            n => format!(" in {n} well-formed entries"),
        };
        eprintln!("{} problem(s){read}", problems.len());
        FOUND
    }
}

fn lookup(phrase: &str, prefix: bool, dicts: &DictArgs) -> u8 {
    let dict = match Dictionary::load(!dicts.no_builtin, &dicts.dict) {
        Ok(dict) => dict,
        Err(e) => return fail(e),
    };
    let patterns = if prefix {
        dict.with_prefix(phrase)
    } else {
        dict.lookup(phrase).into_iter().collect()
    };
    for p in &patterns {
        let rule = dict.rule_of(p);
        let mut line = format!(
            "{:?} -> {:?}  {} ({}) at {}",
            p.written,
            p.to.as_deref().unwrap_or(&rule.to),
            rule.id,
            rule.class,
            p.origin
        );
        if p.to.is_some() {
            line.push_str(&format!(" (an inflected form of {:?})", rule.key));
        }
        if !rule.context.is_empty() {
            line.push_str(&format!("; {}", rule.context));
        }
        println!("{line}");
    }
    if patterns.is_empty() {
        eprintln!(
            "no entry {} {phrase:?}",
            if prefix { "starts with" } else { "is" }
        );
        FOUND
    } else {
        OK
    }
}

fn compile(output: &std::path::Path, dicts: &DictArgs) -> u8 {
    let dict = match Dictionary::load(!dicts.no_builtin, &dicts.dict) {
        Ok(dict) => dict,
        Err(e) => return fail(e),
    };
    match unspin::fs::write::create(output, &dict.to_bytes()) {
        Ok(()) => {
            eprintln!(
                "{}: {} entries, {} keys",
                output.display(),
                dict.rules().len(),
                dict.patterns().len()
            );
            OK
        }
        Err(e) => fail(format_args!("{}: {e}", output.display())),
    }
}

//! `unspin dict import`: converts an existing list into a dictionary (`unspin::curate::import`).
//! Problems go to stderr as `FILE:LINE: message`; the dictionary to stdout or `-o FILE`.

use super::args::ImportFormat;
use super::{fail, OK};
use std::io::Write;
use std::path::Path;
use unspin::curate::import::{self, Format};
use unspin::curate::newdict;
use unspin::fs::read;
use unspin::quality::lint;
use unspin::{Dictionary, Engine};

pub fn run(format: ImportFormat, file: &Path, output: Option<&Path>) -> u8 {
    let text = match std::fs::read(file)
        .map_err(|e| e.to_string())
        .and_then(|b| read::text(b).map_err(|s| s.to_string()))
    {
        Ok(text) => text,
        Err(e) => return fail(format_args!("{}: {e}", file.display())),
    };
    let builtin = match Engine::new(Dictionary::builtin(), lint::checking_options()) {
        Ok(engine) => engine,
        Err(e) => return fail(e),
    };
    let format = match format {
        ImportFormat::Pps => Format::Pps,
        ImportFormat::Torturedcheck => Format::Torturedcheck,
        ImportFormat::Codespell => Format::Codespell,
        ImportFormat::Tsv => Format::Tsv,
    };
    let name = output
        .unwrap_or(file)
        .file_stem()
        .map_or_else(|| "imported".into(), |s| s.to_string_lossy().into_owned());
    let imported = import::import(format, &name, &text, &builtin);
    let shown = file.display();
    let mut err = String::new();
    for p in &imported.problems {
        err.push_str(&format!("{shown}:{}: {}\n", p.line, p.message));
    }
    let skipped = imported.problems.iter().filter(|p| p.skipped).count();
    err.push_str(&format!(
        "{shown}: {} entries imported, {skipped} rows skipped or commented out\n",
        imported.kept()
    ));
    if imported.kept() == 0 {
        // An empty dictionary is never what was asked for: say so, write nothing, fail.
        let _ = std::io::stderr().lock().write_all(err.as_bytes());
        return fail(format_args!(
            "{shown}: nothing imported; no dictionary written"
        ));
    }
    let header = vec![format!(
        "Imported by `unspin dict import --format {}` from {}.",
        format_name(format),
        file.display()
    )];
    let yaml = newdict::to_yaml(&name, &header, &imported.entries);
    let written = match output {
        Some(p) => unspin::fs::write::create(p, yaml.as_bytes())
            .map_err(|e| format!("{}: {e}", p.display())),
        None => {
            let _ = std::io::stdout().lock().write_all(yaml.as_bytes());
            Ok(())
        }
    };
    let _ = std::io::stderr().lock().write_all(err.as_bytes());
    match written {
        Ok(()) => OK,
        Err(e) => fail(e),
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Pps => "pps",
        Format::Torturedcheck => "torturedcheck",
        Format::Codespell => "codespell",
        Format::Tsv => "tsv",
    }
}

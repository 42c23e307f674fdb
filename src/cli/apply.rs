//! `unspin apply EDITS`: applies edit records exported with `--json`, atomically per file,
//! refusing any file that changed since the export and any edit that no longer fits.

use super::{fail, ERROR, OK};
use std::io::Read;
use std::path::Path;
use unspin::apply;

pub fn run(input: &Path) -> u8 {
    let name = if input.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        input.display().to_string()
    };
    let mut bytes = Vec::new();
    let read = if input.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(drop)
    } else {
        std::fs::read(input).map(|b| bytes = b)
    };
    if let Err(e) = read {
        return fail(format_args!("{name}: {e}"));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return fail(format_args!(
            "{name}: not UTF-8; not JSON Lines from --json"
        ));
    };
    // A damaged edits file applies nothing: it is checked whole before any file is touched.
    let files = match apply::parse(&text) {
        Ok(files) => files,
        Err(e) => return fail(format_args!("{name}: {e}; nothing applied")),
    };
    if files.is_empty() {
        eprintln!("{name}: no edit records, nothing to apply");
        return OK;
    }
    let mut status = OK;
    for file in &files {
        let path = Path::new(&file.path);
        let result = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                apply::plan(file, &bytes).map_err(|r| format!("not applied: {r} in {name}"))
            })
            .and_then(|new| unspin::write::replace(path, &new).map_err(|e| e.to_string()));
        match result {
            Ok(()) => {
                let n = file.edits.len();
                eprintln!(
                    "{}: {n} edit{} applied",
                    file.path,
                    if n == 1 { "" } else { "s" }
                );
            }
            Err(message) => {
                eprintln!("unspin: {}: {message}", file.path);
                status = ERROR;
            }
        }
    }
    status
}

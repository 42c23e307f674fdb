//! `unspin apply EDITS`: applies edit records exported with `--json`, atomically per file,
//! refusing any file that changed since the export and any edit that no longer fits. Files are
//! reached from a handle on the root folder one name at a time, following no link, and must be
//! regular text files that no `--backup` made: nothing outside the root is read or written. A
//! file is decoded as the exporting run decoded it (its byte order mark, an HTML page's
//! `<meta charset>`, or `--encoding`) and written back in its own encoding.

use super::{fail, ERROR, OK};
use std::io::Read;
use std::os::fd::{AsFd, OwnedFd};
use std::path::Path;
use unspin::fs::{apply, beneath, read};

pub fn run(input: &Path, root: &Path, encoding: Option<&'static encoding_rs::Encoding>) -> u8 {
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
    let root_dir = match beneath::root(root) {
        Ok(dir) => dir,
        Err(e) => return fail(format_args!("{}: {e}", root.display())),
    };
    let mut status = OK;
    for file in &files {
        let result = one(root, &root_dir, file, &name, encoding);
        match result {
            Ok(()) => {
                let n = file.edits.len();
                eprintln!(
                    "{}: {n} edit{} applied",
                    file.path.display(),
                    if n == 1 { "" } else { "s" }
                );
            }
            Err(message) => {
                eprintln!("unspin: {}: {message}", file.path.display());
                status = ERROR;
            }
        }
    }
    status
}

/// Applies the edits of one file, or says why not.
fn one(
    root: &Path,
    root_dir: &OwnedFd,
    file: &apply::FileEdits,
    name: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<(), String> {
    apply::confined(&file.path)?;
    let path = file.path.as_path();
    let folder = path.parent().unwrap_or(Path::new(""));
    let file_name = path.file_name().expect("confined paths name a file");
    if unspin::fs::backups::Lists::default().is_backup(&root.join(path)) {
        return Err("a backup made by --backup; not written".into());
    }
    let dir = beneath::dir(root_dir, folder).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    beneath::file(dir.as_fd(), Path::new(file_name))
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    let html = unspin::prose::Kind::of_path(path) == unspin::prose::Kind::Html;
    let read::Decoded { text, legacy } =
        read::decode(bytes, html, encoding).map_err(|skip| format!("not applied: {skip}"))?;
    let new = apply::plan(file, &text).map_err(|r| format!("not applied: {r} in {name}"))?;
    let new = read::encoded(legacy, &new).map_err(|e| format!("not applied: {e}"))?;
    unspin::fs::write::replace_in(dir.as_fd(), file_name, &new).map_err(|e| e.to_string())
}

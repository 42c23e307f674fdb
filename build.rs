//! Compiles the built-in dictionaries (`dictionaries/**/*.yaml`) into the binary's embedded
//! fst form, with the same code the `unspin` library uses to load user dictionaries.

#[allow(dead_code)]
#[path = "src/dict/compiled.rs"]
mod compiled;
#[allow(dead_code)]
#[path = "src/dict/key.rs"]
mod key;
/// `crate::lang::lexicon`, as the library has it.
#[path = "src/lang"]
mod lang {
    #[allow(dead_code, unused_imports)]
    pub mod lexicon;
}
#[allow(dead_code)]
#[path = "src/dict/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/dict/source.rs"]
mod source;

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=dictionaries");
    println!("cargo:rerun-if-changed=data/inflections-en.txt");
    let mut files = Vec::new();
    collect(Path::new("dictionaries"), &mut files);
    files.sort();
    let mut builder = compiled::Builder::default();
    for path in &files {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rel = path
            .strip_prefix("dictionaries")
            .unwrap()
            .with_extension("");
        let name = rel.to_string_lossy().replace('\\', "/");
        let display = path.to_string_lossy().replace('\\', "/");
        let (entries, diagnostics) = source::parse(&name, &display, &text);
        builder.add(entries);
        builder.add_diagnostics(diagnostics);
    }
    let (tables, fst, diagnostics) = builder.finish();
    if !diagnostics.is_empty() {
        for d in &diagnostics {
            println!("cargo:warning={d}");
        }
        panic!(
            "the built-in dictionaries have {} problem(s); see the warnings above",
            diagnostics.len()
        );
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin.unspin");
    std::fs::write(out, compiled::encode(&tables, &fst)).unwrap();
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            out.push(path);
        }
    }
}

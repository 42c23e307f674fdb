//! Finds and reads the spun/original pairs that `eval` and `learn` work on: one pair named on
//! the command line, or every `NAME.spun.txt` with a `NAME.original.txt` beside it in a folder.

use super::args::PairArgs;
use std::path::{Path, PathBuf};
use unspin::fs::read;

pub struct Pair {
    pub name: String,
    pub original: PathBuf,
    pub spun: PathBuf,
}

const SPUN: &str = ".spun.txt";
const ORIGINAL: &str = ".original.txt";

/// The pairs the arguments name, sorted by name. A folder's unpaired files are reported on
/// stderr and left out; a folder with no pair at all is an error.
pub fn find(args: &PairArgs) -> Result<Vec<Pair>, String> {
    if let (Some(original), Some(spun)) = (&args.original, &args.spun) {
        let name = spun.display().to_string();
        return Ok(vec![Pair {
            name,
            original: original.clone(),
            spun: spun.clone(),
        }]);
    }
    let dir = args
        .dir
        .as_deref()
        .expect("clap requires a folder or --original/--spun");
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(SPUN) || n.ends_with(ORIGINAL))
        .collect();
    names.sort();
    let mut pairs = Vec::new();
    for n in &names {
        if let Some(stem) = n.strip_suffix(SPUN) {
            let original = dir.join(format!("{stem}{ORIGINAL}"));
            if original.is_file() {
                pairs.push(Pair {
                    name: stem.to_string(),
                    original,
                    spun: dir.join(n),
                });
            } else {
                eprintln!(
                    "unspin: {}: no {stem}{ORIGINAL} beside it, skipped",
                    dir.join(n).display()
                );
            }
        } else if let Some(stem) = n.strip_suffix(ORIGINAL) {
            if !names.iter().any(|m| m.strip_suffix(SPUN) == Some(stem)) {
                eprintln!(
                    "unspin: {}: no {stem}{SPUN} beside it, skipped",
                    dir.join(n).display()
                );
            }
        }
    }
    if pairs.is_empty() {
        return Err(format!(
            "{}: no NAME{SPUN} / NAME{ORIGINAL} pairs",
            dir.display()
        ));
    }
    Ok(pairs)
}

/// The pair's texts (original, spun), or a one-line reason why they cannot be used.
pub fn read(pair: &Pair) -> Result<(String, String), String> {
    Ok((text(&pair.original)?, text(&pair.spun)?))
}

fn text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    read::text(bytes).map_err(|skip| format!("{}: {skip}", path.display()))
}

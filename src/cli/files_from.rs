//! `--files-from FILE` (`-` for standard input) and `-0`: the paths to work on, listed one a
//! line or NUL-separated, as `git ls-files -z`, `find -print0` or a plain list write them.

use std::ffi::OsStr;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// The paths listed in `list`; `nul` when they are separated by NUL bytes, not line breaks.
pub fn read(list: &Path, nul: bool) -> Result<Vec<PathBuf>, String> {
    let mut bytes = Vec::new();
    let read = if list.as_os_str() == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(list).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("--files-from {}: {e}", list.display()))?;
    Ok(parse(&bytes, nul))
}

/// Empty entries are skipped; in a list of lines, a line's `\r` goes with its `\n` (a list
/// written on Windows). A listed `-` is a file of that name, never standard input.
fn parse(bytes: &[u8], nul: bool) -> Vec<PathBuf> {
    let separator = if nul { b'\0' } else { b'\n' };
    bytes
        .split(|&b| b == separator)
        .map(|entry| match entry {
            [rest @ .., b'\r'] if !nul => rest,
            _ => entry,
        })
        .filter(|entry| !entry.is_empty())
        .map(|entry| match entry {
            b"-" => PathBuf::from("./-"),
            _ => PathBuf::from(OsStr::from_bytes(entry)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parse;
    use std::path::PathBuf;

    #[test]
    fn lines_or_nul_separated_entries() {
        let lines = parse(b"a.txt\r\nb c.md\n\n-\nd\0e", false);
        let want: Vec<PathBuf> = ["a.txt", "b c.md", "./-", "d\0e"].map(PathBuf::from).into();
        assert_eq!(lines, want);
        let nul = parse(b"a\nb\0c\r\0\0", true);
        assert_eq!(nul, ["a\nb", "c\r"].map(PathBuf::from));
    }
}

//! Finds the files a run works on: the paths named on the command line, and the files below the
//! named folders, walked with the `ignore` crate (`.gitignore` and `.ignore` honoured, hidden
//! files skipped unless asked, `--glob`/`--exclude` globs relative to each named folder).
//!
//! An explicitly named file is taken whatever the ignore files, hidden status or `--glob` say,
//! but an `--exclude` glob still drops it. Symbolic links met while walking are not followed
//! unless asked; they are reported so the run can count them. Backups that `--backup` made
//! (listed in their folder's `.unspin-backups`) are never taken, named or walked.

use crate::fs::backups;
use ignore::overrides::{Override, OverrideBuilder};
use ignore::WalkBuilder;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only walk files matching one of these globs (when any are given).
    pub globs: Vec<String>,
    /// Never take paths matching these globs, named or walked.
    pub excludes: Vec<String>,
    pub hidden: bool,
    pub follow: bool,
    /// Walk each folder in name order, so runs are reproducible.
    pub sort: bool,
}

/// One thing found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file to repair; `named` when it was given on the command line (it may not exist).
    File { path: PathBuf, named: bool },
    /// A symbolic link met while walking and not followed.
    Symlink(PathBuf),
    /// A folder or entry the walk could not read.
    Error { path: PathBuf, message: String },
}

#[derive(Debug, thiserror::Error)]
#[error("bad glob: {0}")]
pub struct GlobError(String);

/// The files under `roots`, in walking order, handed to `each` one at a time (nothing is
/// collected, so memory does not grow with the folder). `each` returns false to stop the walk.
pub fn walk(
    roots: &[PathBuf],
    options: &Options,
    mut each: impl FnMut(Found) -> bool,
) -> Result<(), GlobError> {
    let named_excludes = overrides(Path::new(""), &[], &options.excludes)?;
    let mut backups = backups::Lists::default();
    for root in roots {
        if excluded(&named_excludes, root) {
            continue;
        }
        let is_dir = std::fs::metadata(root).is_ok_and(|m| m.is_dir());
        if !is_dir {
            let found = if backups.is_backup(root) {
                Found::Error {
                    path: root.clone(),
                    message: format!(
                        "a backup made by --backup (listed in {}); never taken as input",
                        backups::MANIFEST
                    ),
                }
            } else {
                Found::File {
                    path: root.clone(),
                    named: true,
                }
            };
            if !each(found) {
                return Ok(());
            }
            continue;
        }
        let mut builder = WalkBuilder::new(root);
        builder
            .hidden(!options.hidden)
            .follow_links(options.follow)
            .require_git(false)
            .overrides(overrides(root, &options.globs, &options.excludes)?);
        if !options.hidden {
            // A `--glob` match would otherwise let a hidden file through.
            builder.filter_entry(|e| {
                e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
            });
        }
        if options.sort {
            builder.sort_by_file_name(|a, b| a.cmp(b));
        }
        for entry in builder.build() {
            let found = match entry {
                Err(e) => Found::Error {
                    path: error_path(&e).unwrap_or_else(|| root.clone()),
                    message: plain(&e),
                },
                // The named folder itself (perhaps a link the user named) is no entry of its own.
                Ok(entry) if entry.depth() == 0 => continue,
                Ok(entry) => match entry.file_type() {
                    Some(t) if t.is_file() && backups.is_backup(entry.path()) => continue,
                    Some(t) if t.is_file() => Found::File {
                        path: entry.into_path(),
                        named: false,
                    },
                    Some(t) if t.is_symlink() => Found::Symlink(entry.into_path()),
                    _ => continue,
                },
            };
            if !each(found) {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// `--glob` patterns as whitelist entries and `--exclude` patterns as ignore entries.
fn overrides(root: &Path, globs: &[String], excludes: &[String]) -> Result<Override, GlobError> {
    let mut b = OverrideBuilder::new(root);
    for g in globs {
        b.add(g).map_err(|e| GlobError(format!("{g}: {e}")))?;
    }
    for g in excludes {
        b.add(&format!("!{g}"))
            .map_err(|e| GlobError(format!("{g}: {e}")))?;
    }
    b.build().map_err(|e| GlobError(e.to_string()))
}

fn excluded(excludes: &Override, path: &Path) -> bool {
    if excludes.is_empty() {
        return false;
    }
    let is_dir = path.is_dir();
    // `--exclude build` also drops a file named as `build/x.txt`: try each folder on a relative
    // path (on an absolute one, the folders above the user's tree are none of the globs' business).
    let folders = path
        .ancestors()
        .skip(1)
        .take_while(|p| path.is_relative() && !p.as_os_str().is_empty());
    excludes.matched(path, is_dir).is_ignore()
        || folders
            .into_iter()
            .any(|p| excludes.matched(p, true).is_ignore())
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// The error's message without the path, which is printed in front of it anyway.
fn plain(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => plain(err),
        // A walkdir error inside says "IO error for operation on PATH: ..."; its source is the
        // operating system's own message.
        ignore::Error::Io(io) => io
            .get_ref()
            .and_then(|inner| inner.source())
            .map_or_else(|| io.to_string(), ToString::to_string),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn files(roots: &[PathBuf], options: &Options) -> Vec<String> {
        let mut out = Vec::new();
        walk(roots, options, |f| {
            out.push(match f {
                Found::File { path, named } => {
                    format!("{}{}", path.display(), if named { " (named)" } else { "" })
                }
                Found::Symlink(path) => format!("{} (link)", path.display()),
                Found::Error { path, message } => format!("{}: {message}", path.display()),
            });
            true
        })
        .unwrap();
        out
    }

    #[test]
    fn walks_honouring_ignore_files_hidden_and_globs() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir_all(d.join("a/b")).unwrap();
        for f in [
            "a/b/x.txt",
            "a/y.html",
            "a/skip.log",
            "z.txt",
            ".hid.txt",
            "a/build.min.js",
        ] {
            fs::write(d.join(f), "x").unwrap();
        }
        fs::write(d.join(".gitignore"), "*.log\n").unwrap();
        let root = [d.to_path_buf()];
        let sorted = Options {
            sort: true,
            ..Options::default()
        };
        let rel = |v: Vec<String>| {
            v.into_iter()
                .map(|s| s.replace(&format!("{}/", d.display()), ""))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            rel(files(&root, &sorted)),
            ["a/b/x.txt", "a/build.min.js", "a/y.html", "z.txt"]
        );
        let hidden = Options {
            hidden: true,
            ..sorted.clone()
        };
        assert!(rel(files(&root, &hidden)).contains(&".hid.txt".to_string()));
        let globbed = Options {
            globs: vec!["*.txt".into()],
            excludes: vec!["b".into()],
            ..sorted.clone()
        };
        assert_eq!(rel(files(&root, &globbed)), ["z.txt"]);
        // Named files: taken even if ignored or hidden, dropped by --exclude.
        let named = [
            d.join("a/skip.log"),
            d.join(".hid.txt"),
            d.join("a/build.min.js"),
        ];
        let excl = Options {
            excludes: vec!["*.min.js".into()],
            ..sorted.clone()
        };
        assert_eq!(
            rel(files(&named, &excl)),
            ["a/skip.log (named)", ".hid.txt (named)"]
        );
    }

    #[test]
    fn a_relative_named_file_in_an_excluded_folder_is_dropped() {
        let ex = overrides(Path::new(""), &[], &["build".into(), "*.bak".into()]).unwrap();
        assert!(excluded(&ex, Path::new("build/x.txt")));
        assert!(excluded(&ex, Path::new("src/x.bak")));
        assert!(!excluded(&ex, Path::new("src/x.txt")));
        assert!(!excluded(&ex, Path::new("/build/x.txt")));
    }

    #[cfg(unix)]
    #[test]
    fn an_error_names_its_path_once() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &gone).unwrap();
        let follow = Options {
            follow: true,
            ..Options::default()
        };
        let got = files(&[dir.path().to_path_buf()], &follow);
        assert_eq!(
            got,
            [format!(
                "{}: No such file or directory (os error 2)",
                gone.display()
            )]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_reported_not_followed_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        fs::write(out.path().join("o.txt"), "x").unwrap();
        std::os::unix::fs::symlink(out.path().join("o.txt"), dir.path().join("l.txt")).unwrap();
        let root = [dir.path().to_path_buf()];
        assert_eq!(
            files(&root, &Options::default()),
            [format!("{} (link)", dir.path().join("l.txt").display())]
        );
        let follow = Options {
            follow: true,
            ..Options::default()
        };
        assert_eq!(
            files(&root, &follow),
            [dir.path().join("l.txt").display().to_string()]
        );
    }
}

//! Where an in-place write may land: only inside the paths the user named (the roots), and
//! never on a symbolic link itself. With `--follow`, a link's target is written when it lies
//! inside a root; a file reached through a linked folder is checked the same way.
//!
//! The check and the use cannot drift apart: a [`Target`] is an open handle on the file's folder,
//! reached from the root one folder at a time without following links (see [`crate::fs::beneath`]),
//! so a folder swapped for a link after the check makes the write fail instead of land outside.

use crate::fs::beneath;
use std::ffi::OsString;
use std::fs::File;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("is a symbolic link; not written (name its target, or use --follow)")]
    Symlink,
    #[error("resolves to {0}, outside the given paths; not written")]
    Outside(PathBuf),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// The named paths, as named and resolved.
#[derive(Debug, Clone)]
pub struct Roots {
    named: Vec<PathBuf>,
    resolved: Vec<PathBuf>,
}

/// A file to write: its folder, held open, and its name there.
#[derive(Debug)]
pub struct Target {
    pub dir: OwnedFd,
    pub name: OsString,
}

impl Target {
    /// The file, opened for reading through the same handle the write will use.
    pub fn open(&self) -> io::Result<File> {
        beneath::file(self.dir.as_fd(), Path::new(&self.name))
    }
}

impl Roots {
    /// Resolves each path (those that do not exist cannot hold a write and are left out).
    pub fn new(paths: &[PathBuf]) -> Roots {
        Roots {
            named: paths.to_vec(),
            resolved: paths.iter().filter_map(|p| p.canonicalize().ok()).collect(),
        }
    }

    /// Where to write `path`, or why it may not be written.
    pub fn target(&self, path: &Path, follow: bool) -> Result<Target, Refused> {
        let is_link = std::fs::symlink_metadata(path)?.file_type().is_symlink();
        if is_link && !follow {
            return Err(Refused::Symlink);
        }
        if !follow {
            // Below the named path, nothing is followed: the walk's path leads to the file.
            if let Some(root) = self.named.iter().find(|r| path.starts_with(r)) {
                return below(root, path);
            }
        }
        let real = if is_link {
            path.canonicalize()?
        } else {
            // The folder is resolved, the name kept: the file itself is not a link.
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let name = path
                .file_name()
                .ok_or_else(|| io::Error::other("not a file name"))?;
            dir.canonicalize()?.join(name)
        };
        match self.resolved.iter().find(|root| real.starts_with(root)) {
            Some(root) => below(root, &real),
            None => Err(Refused::Outside(real)),
        }
    }

    /// `path` opened for reading: through links only with `follow` or when the user named it,
    /// otherwise from its root one folder at a time, following nothing.
    pub fn open(&self, path: &Path, follow: bool) -> io::Result<File> {
        if follow || self.named.iter().any(|r| r == path) {
            return beneath::following(path);
        }
        match self.target(path, false) {
            Ok(target) => target.open(),
            Err(Refused::Io(e)) => Err(e),
            Err(e) => Err(io::Error::other(e.to_string())),
        }
    }
}

/// The folder of `path`, opened from `root` without following links, and the file name.
fn below(root: &Path, path: &Path) -> Result<Target, Refused> {
    let rel = path.strip_prefix(root).expect("path is below root");
    let (dir, name) = match (rel.parent(), rel.file_name()) {
        (Some(parent), Some(name)) => (beneath::dir(beneath::root(root)?, parent)?, name),
        // The root is the file itself.
        _ => {
            let name = root
                .file_name()
                .ok_or_else(|| io::Error::other("not a file name"))?;
            (beneath::root(root.parent().unwrap_or(Path::new("")))?, name)
        }
    };
    Ok(Target {
        dir,
        name: name.to_os_string(),
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::symlink;

    #[test]
    fn writes_stay_inside_the_roots_and_off_links() {
        let tree = tempfile::tempdir().unwrap();
        let away = tempfile::tempdir().unwrap();
        let t = tree.path();
        fs::create_dir(t.join("sub")).unwrap();
        fs::write(t.join("sub/in.txt"), "in").unwrap();
        fs::write(away.path().join("out.txt"), "x").unwrap();
        symlink(t.join("sub/in.txt"), t.join("to-in.txt")).unwrap();
        symlink(away.path().join("out.txt"), t.join("to-out.txt")).unwrap();
        symlink(away.path(), t.join("away")).unwrap();
        let roots = Roots::new(&[t.to_path_buf()]);
        let read = |t: Target| std::io::read_to_string(t.open().unwrap()).unwrap();
        assert_eq!(
            read(roots.target(&t.join("sub/in.txt"), false).unwrap()),
            "in"
        );
        assert!(matches!(
            roots.target(&t.join("to-in.txt"), false),
            Err(Refused::Symlink)
        ));
        assert_eq!(
            read(roots.target(&t.join("to-in.txt"), true).unwrap()),
            "in"
        );
        assert!(matches!(
            roots.target(&t.join("to-out.txt"), true),
            Err(Refused::Outside(_))
        ));
        assert!(matches!(
            roots.target(&t.join("away/out.txt"), true),
            Err(Refused::Outside(_))
        ));
        // Without --follow, a linked folder on the way is not entered at all.
        assert!(roots.target(&t.join("away/out.txt"), false).is_err());
        // A root that is a single file admits only that file.
        let one = Roots::new(&[t.join("sub/in.txt")]);
        assert!(one.target(&t.join("sub/in.txt"), false).is_ok());
        fs::write(t.join("sub/other.txt"), "x").unwrap();
        assert!(matches!(
            one.target(&t.join("sub/other.txt"), false),
            Err(Refused::Outside(_))
        ));
    }
}

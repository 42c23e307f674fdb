//! Remembers the backups `--backup` made, so that no later run takes one as input or writes it,
//! whatever its suffix and whatever the later run's flags: each folder that holds backups has a
//! `.unspin-backups` file listing their names (each followed by a NUL byte, so any name fits).

use rustix::fs::{self as rfs, Mode, OFlags};
use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::io::{self, Read, Write};
use std::os::fd::BorrowedFd;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

/// The list of backups in a folder; never an input itself.
pub const MANIFEST: &str = ".unspin-backups";

/// Adds `name` to the list of backups in `dir` (before the backup is written, so that a crash
/// in between leaves a listed name without a file, never an unlisted backup).
pub fn record(dir: BorrowedFd, name: &OsStr) -> io::Result<()> {
    let flags = OFlags::RDWR | OFlags::APPEND | OFlags::CREATE | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let mut file = std::fs::File::from(rfs::openat(
        dir,
        MANIFEST,
        flags,
        Mode::from_raw_mode(0o644),
    )?);
    let mut listed = Vec::new();
    file.read_to_end(&mut listed)?;
    if names(&listed).any(|n| n == name) {
        return Ok(());
    }
    let mut entry = name.as_bytes().to_vec();
    entry.push(0);
    // One append of one entry: concurrent workers in the same folder do not interleave.
    file.write_all(&entry)?;
    file.sync_all()
}

fn names(listed: &[u8]) -> impl Iterator<Item = &OsStr> {
    listed
        .split(|&b| b == 0)
        .filter(|n| !n.is_empty())
        .map(OsStr::from_bytes)
}

/// Tells whether paths are backups unspin made, reading each folder's list once while the
/// walk stays in that folder.
#[derive(Default)]
pub struct Lists {
    folder: Option<PathBuf>,
    names: HashSet<OsString>,
}

impl Lists {
    /// Is `path` a backup listed in its folder, or a folder's list itself?
    pub fn is_backup(&mut self, path: &Path) -> bool {
        let Some(name) = path.file_name() else {
            return false;
        };
        if name == MANIFEST {
            return true;
        }
        let folder = path.parent().unwrap_or(Path::new(""));
        if self.folder.as_deref() != Some(folder) {
            let list = if folder.as_os_str().is_empty() {
                PathBuf::from(MANIFEST)
            } else {
                folder.join(MANIFEST)
            };
            let bytes = std::fs::read(list).unwrap_or_default();
            self.names = names(&bytes)
                .map(|n| OsString::from_vec(n.as_bytes().to_vec()))
                .collect();
            self.folder = Some(folder.to_path_buf());
        }
        self.names.contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsFd;

    #[test]
    fn recorded_names_are_backups_once_each() {
        let t = tempfile::tempdir().unwrap();
        let dir = crate::fs::beneath::root(t.path()).unwrap();
        record(dir.as_fd(), OsStr::new("a.html.orig")).unwrap();
        record(dir.as_fd(), OsStr::new("b\nweird~")).unwrap();
        record(dir.as_fd(), OsStr::new("a.html.orig")).unwrap();
        let listed = std::fs::read(t.path().join(MANIFEST)).unwrap();
        assert_eq!(listed, b"a.html.orig\0b\nweird~\0");
        let mut lists = Lists::default();
        assert!(lists.is_backup(&t.path().join("a.html.orig")));
        assert!(lists.is_backup(&t.path().join("b\nweird~")));
        assert!(lists.is_backup(&t.path().join(MANIFEST)));
        assert!(!lists.is_backup(&t.path().join("a.html")));
        assert!(!lists.is_backup(Path::new("a.html.orig")));
    }
}

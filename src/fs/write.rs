//! Writes a repaired file in place without ever leaving it half-written: the new content goes
//! to a temporary file in the same folder (written as it is made: see [`Pending`]), is flushed
//! to disk, takes the old file's permissions, and is renamed over the old one. A crash or kill
//! at any moment leaves the old or the new file.
//!
//! Everything happens relative to an open handle on the folder (`openat`, `renameat`), so the
//! folder cannot be swapped for a link between the checks and the rename. On Linux the
//! temporary file is unnamed (`O_TMPFILE`) while it is written and flushed, and gets a name
//! (`.unspin-PID-N.tmp`) only for the instant between `linkat` and `renameat`: a kill -9 leaves
//! a temporary file behind only if it lands in that instant. Elsewhere (or where the filesystem
//! or a missing `/proc` refuses it) the temporary file is named from the start.

use rustix::fs::{self as rfs, AtFlags, FileType, Mode, OFlags, Stat};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("is a symbolic link; not written (name its target)")]
    Symlink,
    #[error("read-only file; not written")]
    ReadOnly,
    #[error("not a regular file; not written")]
    NotFile,
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl From<rustix::io::Errno> for WriteError {
    fn from(e: rustix::io::Errno) -> Self {
        WriteError::Io(e.into())
    }
}

/// Replaces the content of the file `name` in the folder `dir` with `contents`, atomically,
/// keeping its permissions (and owner, where we may set it).
pub fn replace_in(dir: BorrowedFd, name: &OsStr, contents: &[u8]) -> Result<(), WriteError> {
    let mut new = Pending::replacing(dir, name)?;
    new.write_all(contents)?;
    new.commit()?;
    Ok(())
}

/// Writes `contents` to `path` (new or not) through a temporary file and a rename.
pub fn create(path: &Path, contents: &[u8]) -> io::Result<()> {
    let (dir, name) = parent(path)?;
    let mut new = Pending::open(dir.as_fd(), name, None)?;
    new.write_all(contents)?;
    new.commit()
}

/// Keeps `contents` (the original of `name` in `dir`) as `name` + `suffix`, written atomically
/// with the original's permissions, so a backup is never half-written either. The backup is
/// recorded (see [`crate::fs::backups`]) before it exists, so no later run takes it as input.
pub fn backup_in(
    dir: BorrowedFd,
    name: &OsStr,
    suffix: &str,
    contents: &[u8],
) -> Result<OsString, WriteError> {
    let like = existing(dir, name)?;
    // A backup is made only for a file about to be replaced.
    if like.st_mode & 0o222 == 0 {
        return Err(WriteError::ReadOnly);
    }
    let mut to = name.to_os_string();
    to.push(suffix);
    crate::fs::backups::record(dir, &to)?;
    let mut backup = Pending::open(dir, &to, Some(like))?;
    backup.write_all(contents)?;
    backup.commit()?;
    Ok(to)
}

/// The new content of a file, written to a temporary file in its folder as it is made, which
/// takes the file's place when committed. Dropped uncommitted, it leaves nothing behind.
pub struct Pending<'d> {
    dir: BorrowedFd<'d>,
    name: OsString,
    file: BufWriter<File>,
    /// The temporary file's name, when it has one from the start (else it is unnamed).
    named: Option<OsString>,
    /// The file whose permissions and owner the new one takes.
    like: Option<Stat>,
}

impl<'d> Pending<'d> {
    /// The new content of the existing regular file `name` in `dir` (not a link, not
    /// read-only), which it will replace keeping its permissions and owner.
    pub fn replacing(dir: BorrowedFd<'d>, name: &OsStr) -> Result<Self, WriteError> {
        let like = existing(dir, name)?;
        if like.st_mode & 0o222 == 0 {
            return Err(WriteError::ReadOnly);
        }
        Ok(Pending::open(dir, name, Some(like))?)
    }

    /// The content of `name` in `dir`, new or not, with the permissions and owner of `like`.
    fn open(dir: BorrowedFd<'d>, name: &OsStr, like: Option<Stat>) -> io::Result<Self> {
        let (file, named) = match unnamed(dir) {
            Some(file) => (file, None),
            None => {
                let (file, tmp) = named(dir)?;
                (file, Some(tmp))
            }
        };
        Ok(Pending {
            dir,
            name: name.to_os_string(),
            file: BufWriter::with_capacity(64 << 10, file),
            named,
            like,
        })
    }

    /// Gives the new content the old file's permissions and owner, flushes it to disk, renames
    /// it over the old file, and makes the rename durable.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.flush()?;
        finish(self.file.get_mut(), self.like.as_ref())?;
        let tmp = match self.named.take() {
            Some(tmp) => tmp,
            None => self.link()?,
        };
        if let Err(e) = rfs::renameat(self.dir, &tmp, self.dir, &self.name) {
            let _ = rfs::unlinkat(self.dir, &tmp, AtFlags::empty());
            return Err(e.into());
        }
        // Not every filesystem supports syncing a directory.
        let _ = rfs::fsync(self.dir);
        Ok(())
    }

    /// A name for the unnamed temporary file, for the instant before the rename; where it
    /// cannot have one (no `/proc`), its content is copied to a named one.
    fn link(&mut self) -> io::Result<OsString> {
        let written = self.file.get_mut();
        let proc = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(written));
        loop {
            let tmp = fresh_name();
            match rfs::linkat(
                rfs::CWD,
                proc.as_str(),
                self.dir,
                &tmp,
                AtFlags::SYMLINK_FOLLOW,
            ) {
                Ok(()) => return Ok(tmp),
                Err(rustix::io::Errno::EXIST) => continue,
                Err(_) => break,
            }
        }
        let (mut file, tmp) = named(self.dir)?;
        let copied = (|| {
            written.seek(io::SeekFrom::Start(0))?;
            io::copy(written, &mut file)?;
            finish(&mut file, self.like.as_ref())
        })();
        match copied {
            Ok(()) => Ok(tmp),
            Err(e) => {
                let _ = rfs::unlinkat(self.dir, &tmp, AtFlags::empty());
                Err(e)
            }
        }
    }
}

impl Write for Pending<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if let Some(tmp) = &self.named {
            let _ = rfs::unlinkat(self.dir, tmp, AtFlags::empty());
        }
    }
}

/// The folder of `path` (opened as named) and its file name.
fn parent(path: &Path) -> io::Result<(OwnedFd, &OsStr)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("not a file name"))?;
    let dir = crate::fs::beneath::root(path.parent().unwrap_or(Path::new("")))?;
    Ok((dir, name))
}

/// The status of the existing regular file `name` in `dir`, which must not be a link.
fn existing(dir: BorrowedFd, name: &OsStr) -> Result<Stat, WriteError> {
    let stat = rfs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW)?;
    match FileType::from_raw_mode(stat.st_mode) {
        FileType::RegularFile => Ok(stat),
        FileType::Symlink => Err(WriteError::Symlink),
        _ => Err(WriteError::NotFile),
    }
}

/// A fresh name for a temporary file: unique within this process, and the process id keeps
/// concurrent runs apart (creation is exclusive anyway).
fn fresh_name() -> OsString {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!(".unspin-{}-{n}.tmp", std::process::id()).into()
}

/// Gives `file` `like`'s mode and owner, and flushes it to disk.
fn finish(file: &mut File, like: Option<&Stat>) -> io::Result<()> {
    if let Some(like) = like {
        rfs::fchmod(&*file, Mode::from_raw_mode(like.st_mode))?;
        // Only root may give a file away; for anyone else the new file is already theirs.
        let _ = rfs::fchown(
            &*file,
            Some(rfs::Uid::from_raw(like.st_uid)),
            Some(rfs::Gid::from_raw(like.st_gid)),
        );
    }
    file.sync_all()
}

/// An unnamed temporary file in `dir` (readable too, should its content have to be copied to a
/// named one); `None` where unnamed files are not supported.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn unnamed(dir: BorrowedFd) -> Option<File> {
    let flags = OFlags::RDWR | OFlags::TMPFILE | OFlags::CLOEXEC;
    rfs::openat(dir, ".", flags, Mode::from_raw_mode(0o600))
        .ok()
        .map(File::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn unnamed(_: BorrowedFd) -> Option<File> {
    None
}

/// A temporary file in `dir` under a fresh name, created exclusively.
fn named(dir: BorrowedFd) -> io::Result<(File, OsString)> {
    let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    loop {
        let tmp = fresh_name();
        match rfs::openat(dir, &tmp, flags, Mode::from_raw_mode(0o600)) {
            Ok(fd) => return Ok((File::from(fd), tmp)),
            Err(rustix::io::Errno::EXIST) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    fn replace(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
        let (dir, name) = parent(path)?;
        replace_in(dir.as_fd(), name, contents)
    }

    #[test]
    fn replaces_content_and_keeps_mode_leaving_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        replace(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_named_fallback_leaves_no_temporary_file_either() {
        let dir = tempfile::tempdir().unwrap();
        let d = crate::fs::beneath::root(dir.path()).unwrap();
        let (file, tmp) = named(d.as_fd()).unwrap();
        let mut new = Pending {
            dir: d.as_fd(),
            name: "b.txt".into(),
            file: BufWriter::new(file),
            named: Some(tmp),
            like: None,
        };
        new.write_all(b"x").unwrap();
        new.commit().unwrap();
        assert_eq!(fs::read_to_string(dir.path().join("b.txt")).unwrap(), "x");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_replacement_dropped_unfinished_leaves_the_file_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "old").unwrap();
        let d = crate::fs::beneath::root(dir.path()).unwrap();
        let mut new = Pending::replacing(d.as_fd(), OsStr::new("a.txt")).unwrap();
        new.write_all(b"half of the new").unwrap();
        drop(new);
        let (file, tmp) = named(d.as_fd()).unwrap();
        let named = Pending {
            dir: d.as_fd(),
            name: "a.txt".into(),
            file: BufWriter::new(file),
            named: Some(tmp),
            like: None,
        };
        drop(named);
        assert_eq!(fs::read_to_string(dir.path().join("a.txt")).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_read_only_files_and_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ro.txt");
        fs::write(&p, "old").unwrap();
        let mut perm = fs::metadata(&p).unwrap().permissions();
        perm.set_readonly(true);
        fs::set_permissions(&p, perm).unwrap();
        assert!(matches!(replace(&p, b"new"), Err(WriteError::ReadOnly)));
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&p, &link).unwrap();
        assert!(matches!(replace(&link, b"new"), Err(WriteError::Symlink)));
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }
}

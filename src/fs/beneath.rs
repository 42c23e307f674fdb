//! Opens folders and files below a folder handle without following symbolic links: each step is
//! an `openat` with `O_NOFOLLOW` on the handle of the step before, so a folder swapped for a link
//! between a check and a use cannot send a read or a write anywhere else. The type of what was
//! opened is checked on the open handle, so a FIFO or a device is refused, never waited on.

use rustix::fs::{self as rfs, FileType, Mode, OFlags};
use std::fs::File;
use std::io;
use std::os::fd::{AsFd, OwnedFd};
use std::path::{Component, Path};

/// Opens the folder `path` as the user named it (links in a path the user typed are theirs).
pub fn root(path: &Path) -> io::Result<OwnedFd> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    Ok(rfs::openat(rfs::CWD, path, dir_flags(), Mode::empty())?)
}

/// Opens the folder `rel` below `dir`, one name at a time, following no link. An absolute path
/// or a `..` is refused: nothing outside `dir` can be reached.
pub fn dir(dir: impl AsFd, rel: &Path) -> io::Result<OwnedFd> {
    let mut at = rfs::openat(dir, ".", dir_flags(), Mode::empty())?;
    for part in rel.components() {
        match part {
            Component::CurDir => {}
            Component::Normal(name) => {
                at = rfs::openat(&at, name, dir_flags() | OFlags::NOFOLLOW, Mode::empty())
                    .map_err(|e| on_the_way(e, name))?;
            }
            _ => return Err(io::Error::other("leaves its folder (absolute, or ..)")),
        }
    }
    Ok(at)
}

/// Opens the regular file `name` in `dir` for reading, refusing a link, a FIFO, a device or a
/// folder (checked on the handle, after an open that cannot block).
pub fn file(dir: impl AsFd, name: &Path) -> io::Result<File> {
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rfs::openat(dir, name, flags | OFlags::NOCTTY, Mode::empty()).map_err(|e| {
        if e == rustix::io::Errno::LOOP {
            io::Error::other("is a symbolic link; not followed")
        } else {
            e.into()
        }
    })?;
    regular(fd)
}

/// Opens `path` for reading, following links (the walk was asked to follow them), with the same
/// checks on the handle as [`file()`].
pub fn following(path: &Path) -> io::Result<File> {
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY;
    regular(rfs::openat(rfs::CWD, path, flags, Mode::empty())?)
}

/// The handle as a `File` if it is a regular file, in blocking mode again.
fn regular(fd: OwnedFd) -> io::Result<File> {
    let kind = FileType::from_raw_mode(rfs::fstat(&fd)?.st_mode);
    match kind {
        FileType::RegularFile => {}
        FileType::Directory => return Err(io::Error::other("is a directory")),
        FileType::Fifo => return Err(io::Error::other("is a FIFO (named pipe); not read")),
        _ => return Err(io::Error::other("not a regular file; not read")),
    }
    let flags = rfs::fcntl_getfl(&fd)?;
    rfs::fcntl_setfl(&fd, flags - OFlags::NONBLOCK)?;
    Ok(File::from(fd))
}

fn dir_flags() -> OFlags {
    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC
}

/// A failed step, saying when the folder on the way was a link.
fn on_the_way(e: rustix::io::Errno, name: &std::ffi::OsStr) -> io::Error {
    use rustix::io::Errno;
    if e == Errno::LOOP || e == Errno::NOTDIR {
        io::Error::other(format!(
            "{} on the way is a symbolic link or not a folder; not followed",
            Path::new(name).display()
        ))
    } else {
        e.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn follows_no_link_and_never_leaves_the_folder() {
        let t = tempfile::tempdir().unwrap();
        let away = tempfile::tempdir().unwrap();
        std::fs::create_dir(t.path().join("sub")).unwrap();
        std::fs::write(t.path().join("sub/in.txt"), "in").unwrap();
        std::fs::write(away.path().join("out.txt"), "out").unwrap();
        symlink(away.path(), t.path().join("link")).unwrap();
        symlink(away.path().join("out.txt"), t.path().join("sub/l.txt")).unwrap();
        let r = root(t.path()).unwrap();
        let sub = dir(&r, Path::new("sub")).unwrap();
        let text = std::io::read_to_string(file(&sub, Path::new("in.txt")).unwrap()).unwrap();
        assert_eq!(text, "in");
        assert!(dir(&r, Path::new("link")).is_err());
        assert!(dir(&r, Path::new("sub/../link")).is_err());
        assert!(dir(&r, away.path()).is_err());
        assert!(file(&sub, Path::new("l.txt")).is_err());
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let t = tempfile::tempdir().unwrap();
        let fifo = t.path().join("f.txt");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            FileType::Fifo,
            Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        let r = root(t.path()).unwrap();
        let e = file(&r, Path::new("f.txt")).unwrap_err();
        assert!(e.to_string().contains("FIFO"), "{e}");
        assert!(following(&fifo).is_err());
    }
}

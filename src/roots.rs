//! Where an in-place write may land: only inside the paths the user named (the roots), and
//! never on a symbolic link itself. With `--follow`, a link's target is written when it lies
//! inside a root; a file reached through a linked folder is checked the same way.

use std::io;
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

/// The named paths, resolved.
#[derive(Debug, Clone)]
pub struct Roots {
    resolved: Vec<PathBuf>,
}

impl Roots {
    /// Resolves each path (those that do not exist cannot hold a write and are left out).
    pub fn new(paths: &[PathBuf]) -> Roots {
        Roots {
            resolved: paths.iter().filter_map(|p| p.canonicalize().ok()).collect(),
        }
    }

    /// The real path to write for `path`, or why it may not be written.
    pub fn target(&self, path: &Path, follow: bool) -> Result<PathBuf, Refused> {
        let is_link = std::fs::symlink_metadata(path)?.file_type().is_symlink();
        if is_link && !follow {
            return Err(Refused::Symlink);
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
        if self.resolved.iter().any(|root| real.starts_with(root)) {
            Ok(real)
        } else {
            Err(Refused::Outside(real))
        }
    }
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
        fs::write(t.join("sub/in.txt"), "x").unwrap();
        fs::write(away.path().join("out.txt"), "x").unwrap();
        symlink(t.join("sub/in.txt"), t.join("to-in.txt")).unwrap();
        symlink(away.path().join("out.txt"), t.join("to-out.txt")).unwrap();
        symlink(away.path(), t.join("away")).unwrap();
        let roots = Roots::new(&[t.to_path_buf()]);
        let real_in = t.canonicalize().unwrap().join("sub/in.txt");
        assert_eq!(roots.target(&t.join("sub/in.txt"), false).unwrap(), real_in);
        assert!(matches!(
            roots.target(&t.join("to-in.txt"), false),
            Err(Refused::Symlink)
        ));
        assert_eq!(roots.target(&t.join("to-in.txt"), true).unwrap(), real_in);
        assert!(matches!(
            roots.target(&t.join("to-out.txt"), true),
            Err(Refused::Outside(_))
        ));
        assert!(matches!(
            roots.target(&t.join("away/out.txt"), true),
            Err(Refused::Outside(_))
        ));
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

//! A generated folder tree and a small dictionary shared by the batch tests.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

pub const DICT: &str = "\
dictionary: t
entries:
  mental property: intellectual property
  commerce secrets: trade secrets
  chinese language:
    to: Chinese
    not_preceded_by: [the]
";

pub const SPUN: &str = "Our mental property and commerce secrets.\n";
pub const FIXED: &str = "Our intellectual property and trade secrets.\n";

/// HTML with the spun phrases in text nodes and, untouchable, in attributes, `<script>`,
/// `<style>`, a comment, code and around character references.
pub const PAGE: &str = "<!DOCTYPE html>\r\n<html><head><title>Mental property</title>\r\n\
<style>p::before { content: \"mental property\"; }</style>\r\n\
<script>var s = 'commerce secrets'; // mental property</script></head>\r\n\
<body><!-- mental property -->\r\n\
<p class=\"mental property\" title='commerce secrets' data-x=mental>The mental property of &amp; commerce secrets.</p>\r\n\
<img alt=\"mental property\"><a href=\"/mental property\">Chinese language officials</a>\r\n\
<p>mental <b>property</b> split by a tag; <code>mental property</code>; mental&nbsp;property</p>\r\n\
</body></html>\r\n";

/// PAGE as it must read after a repair: only the text nodes changed.
pub const PAGE_FIXED: &str = "<!DOCTYPE html>\r\n<html><head><title>Intellectual property</title>\r\n\
<style>p::before { content: \"mental property\"; }</style>\r\n\
<script>var s = 'commerce secrets'; // mental property</script></head>\r\n\
<body><!-- mental property -->\r\n\
<p class=\"mental property\" title='commerce secrets' data-x=mental>The intellectual property of &amp; trade secrets.</p>\r\n\
<img alt=\"mental property\"><a href=\"/mental property\">Chinese officials</a>\r\n\
<p>mental <b>property</b> split by a tag; <code>mental property</code>; mental&nbsp;property</p>\r\n\
</body></html>\r\n";

pub const NOTES: &str = "# Mental property\n\nUse `mental property` in [commerce secrets](https://x.org/commerce secrets).\n\n```\nmental property\n```\n";
pub const NOTES_FIXED: &str = "# Intellectual property\n\nUse `mental property` in [trade secrets](https://x.org/commerce secrets).\n\n```\nmental property\n```\n";

pub struct Tree {
    pub dir: tempfile::TempDir,
    /// Outside the tree: a symlink points here and it must never change.
    pub outside: tempfile::TempDir,
}

impl Tree {
    pub fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }
    pub fn dict(&self) -> PathBuf {
        self.dir.path().join("t.yaml")
    }
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }
    pub fn read(&self, rel: &str) -> Vec<u8> {
        fs::read(self.path(rel)).unwrap()
    }
}

/// The test tree: site/ with nested folders, ignored, binary, Latin-1, read-only, CRLF, HTML
/// and Markdown files, and a symlink pointing outside.
pub fn tree() -> Tree {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("t.yaml"), DICT).unwrap();
    let t = Tree { dir, outside };
    let files: &[(&str, &[u8])] = &[
        ("top.txt", SPUN.as_bytes()),
        ("clean.txt", b"Nothing to see here.\n"),
        ("a/b/c/deep.txt", SPUN.as_bytes()),
        (
            "a/crlf.txt",
            b"Our mental property\r\nand commerce\r\nsecrets.\r\n",
        ),
        ("a/page.html", PAGE.as_bytes()),
        ("a/notes.md", NOTES.as_bytes()),
        ("ignored.txt", SPUN.as_bytes()),
        (".gitignore", b"ignored.txt\n"),
        (".hidden.txt", SPUN.as_bytes()),
        ("bin/image.dat", b"mental property\0\x01\x02"),
        ("latin1.txt", b"caf\xe9: mental property\n"),
        ("ro.txt", SPUN.as_bytes()),
        ("empty.txt", b""),
    ];
    for (rel, bytes) in files {
        let p = t.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
    fs::write(t.outside.path().join("outside.txt"), SPUN).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::os::unix::fs::symlink(
            t.outside.path().join("outside.txt"),
            t.path("a/link-out.txt"),
        )
        .unwrap();
        fs::set_permissions(t.path("a/b/c/deep.txt"), fs::Permissions::from_mode(0o640)).unwrap();
    }
    let mut ro = fs::metadata(t.path("ro.txt")).unwrap().permissions();
    ro.set_readonly(true);
    fs::set_permissions(t.path("ro.txt"), ro).unwrap();
    t
}

/// Every file below `dir` (links included, not followed), relative, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path().strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

/// Writes `text` to `path`, making its folders.
pub fn put(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// `unspin` run in the tree's folder with only the tree's dictionary.
pub fn unspin(t: &Tree) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("unspin").unwrap();
    c.current_dir(t.dir.path())
        .arg("--no-builtin")
        .arg("--dict")
        .arg(t.dict());
    c
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

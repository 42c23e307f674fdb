//! `unspin --diff > review.patch` applies cleanly with `git apply` and `patch -p1`, for CRLF
//! lines, a last line without a line break, and non-ASCII text, and gives what `-w` writes.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const DICT: &str =
    "entries:\n  mental property: intellectual property\n  commerce secrets: trade secrets\n";

const FILES: [(&str, &str); 5] = [
    (
        "crlf.txt",
        "First line\r\nour mental property\r\nlast line\r\n",
    ),
    ("no-newline.txt", "First line\nends with commerce secrets"),
    (
        "utf8.txt",
        "Café « mental property » — naïve 日本語\nzwei\n",
    ),
    ("clean.txt", "nothing to repair here\n"),
    ("sub/folder.txt", "a file in a folder: mental property\n"),
];

fn unspin(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unspin"))
        .current_dir(dir)
        .args(["--no-builtin", "--dict", "d.yaml"])
        .args(args)
        .output()
        .unwrap()
}

/// A folder holding the dictionary and the test files, as given.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("d.yaml"), DICT).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    for (name, text) in FILES {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn run(dir: &Path, program: &str, args: &[&str], patch: &[u8]) {
    use std::io::Write;
    let mut child = Command::new(program)
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(patch).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_unified_diff_applies_with_git_apply_and_patch() {
    let names: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
    let source = folder();
    let out = unspin(source.path(), &[&["--diff"], names.as_slice()].concat());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let patch = out.stdout;
    assert!(String::from_utf8_lossy(&patch).contains("\\ No newline at end of file"));

    // What -w writes is what the patch must give.
    let written = folder();
    assert_eq!(
        unspin(written.path(), &[&["-w"], names.as_slice()].concat())
            .status
            .code(),
        Some(0)
    );
    let expected: Vec<Vec<u8>> = names
        .iter()
        .map(|n| fs::read(written.path().join(n)).unwrap())
        .collect();
    assert_eq!(
        expected[0],
        b"First line\r\nour intellectual property\r\nlast line\r\n"
    );
    assert_eq!(expected[1], b"First line\nends with trade secrets");
    assert_eq!(
        expected[2],
        "Café « intellectual property » — naïve 日本語\nzwei\n".as_bytes()
    );

    for (program, args) in [
        ("git", &["apply", "-"][..]),
        ("patch", &["-p1", "--batch"][..]),
    ] {
        let dir = folder();
        run(dir.path(), program, args, &patch);
        for (name, want) in names.iter().zip(&expected) {
            let got = fs::read(dir.path().join(name)).unwrap();
            assert_eq!(
                &got,
                want,
                "{program}: {name}: {:?}",
                String::from_utf8_lossy(&got)
            );
        }
    }
}

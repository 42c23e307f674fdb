//! `unspin --diff > review.patch` applies cleanly with `git apply` and `patch -p1`, for CRLF
//! lines, a last line without a line break, and non-ASCII text, and gives what `-w` writes; the
//! shape of its hunks (context, grouping, numbering, the reasons above each).

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

/// Twenty lines with `eol` line ends: a change on the first line, one across lines 10 and 11
/// (which joins them), and one on the last line, which has no line break.
fn twenty(eol: &str) -> String {
    let mut lines: Vec<String> = (1..=20).map(|i| format!("line {i}")).collect();
    lines[0] = "mental property one".into();
    lines[9] = "ten secrets and".into();
    lines[10] = "techniques eleven".into();
    lines[19] = "twenty mental property".into();
    lines.join(eol)
}

/// `unspin ARGS a.txt` in a folder holding `twenty(eol)` as a.txt, with the patch checked by
/// `git apply --check` (unless `git` is false: it wants `--unidiff-zero` for hunks without
/// context) and applied by `patch -p1` to give what `-w` writes. Returns the patch.
fn hunks(eol: &str, args: &[&str], git: bool) -> String {
    let dict = format!("{DICT}  secrets and techniques: secrets\n");
    let make = || {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("d.yaml"), &dict).unwrap();
        fs::write(dir.path().join("a.txt"), twenty(eol)).unwrap();
        dir
    };
    let source = make();
    let out = unspin(source.path(), &[args, &["a.txt"]].concat());
    assert_eq!(out.status.code(), Some(0));
    let patch = String::from_utf8(out.stdout).unwrap();
    let written = make();
    unspin(written.path(), &["-w", "a.txt"]);
    let want = fs::read(written.path().join("a.txt")).unwrap();
    if git {
        run(
            source.path(),
            "git",
            &["apply", "--check", "-"],
            patch.as_bytes(),
        );
    }
    run(
        source.path(),
        "patch",
        &["-p1", "--batch"],
        patch.as_bytes(),
    );
    assert_eq!(
        fs::read(source.path().join("a.txt")).unwrap(),
        want,
        "{patch}"
    );
    patch
}

fn at_lines(patch: &str) -> Vec<&str> {
    patch.lines().filter(|l| l.starts_with("@@")).collect()
}

#[test]
fn hunks_have_three_lines_of_context_one_per_group_of_changes_each_under_its_reasons() {
    for eol in ["\n", "\r\n"] {
        let patch = hunks(eol, &["--diff"], true);
        // Hunks are numbered as they stand once the earlier ones are applied: the second
        // joins two lines, so the third starts a line earlier.
        assert_eq!(
            at_lines(&patch),
            ["@@ -1,4 +1,4 @@", "@@ -7,8 +7,7 @@", "@@ -16,4 +16,4 @@"]
        );
        let first = format!(
            "# a.txt:1:1: d:mental property (fingerprint)\n--- a/a.txt\n+++ b/a.txt\n\
             @@ -1,4 +1,4 @@\n-mental property one{eol}+intellectual property one{eol} \
             line 2{eol} line 3{eol} line 4{eol}# a.txt:10:5: d:secrets and techniques"
        );
        assert!(patch.starts_with(&first), "{patch:?}");
        let joined = format!(
            " line 9{eol}-ten secrets and{eol}-techniques eleven{eol}+ten secrets eleven{eol} line 12"
        );
        assert!(patch.contains(&joined), "{patch:?}");
        let last = format!(
            " line 19{eol}-twenty mental property\n\\ No newline at end of file\n\
             +twenty intellectual property\n\\ No newline at end of file\n"
        );
        assert!(patch.ends_with(&last), "{patch:?}");
    }
}

#[test]
fn unified_n_sets_the_context_and_explain_none_gives_one_header_per_file() {
    // Wide context: the three changes are one hunk.
    let patch = hunks("\n", &["--diff", "-U", "5"], true);
    assert_eq!(at_lines(&patch), ["@@ -1,20 +1,19 @@"]);
    // No reasons: a plain diff, numbered against the original.
    let patch = hunks("\n", &["--diff", "--unified=1", "--explain", "none"], true);
    assert_eq!(patch.matches("--- a/a.txt").count(), 1, "{patch}");
    assert!(!patch.contains('#'), "{patch}");
    assert_eq!(
        at_lines(&patch),
        ["@@ -1,2 +1,2 @@", "@@ -9,4 +9,3 @@", "@@ -19,2 +18,2 @@"]
    );
    // No context at all.
    let patch = hunks("\n", &["--diff", "-U0"], false);
    assert_eq!(
        at_lines(&patch),
        ["@@ -1,1 +1,1 @@", "@@ -10,2 +10,1 @@", "@@ -19,1 +19,1 @@"]
    );
}

#[test]
fn full_reasons_with_verbose_stay_on_one_comment_line() {
    let patch = hunks("\n", &["--diff", "-v"], true);
    assert!(
        patch.starts_with(
            "# a.txt:1:1: \"mental property\" -> \"intellectual property\"  d:mental property (fingerprint"
        ),
        "{patch}"
    );
    assert!(patch.contains(") at d.yaml:2:3\n--- a/a.txt\n"), "{patch}");
}

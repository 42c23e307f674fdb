//! `unspin:ignore` markers: a marked line or region is never repaired, in plain text, Markdown
//! and HTML, in every mode, and its words do not count towards the spin score.

use crate::common::{put, stderr, DICT};
use assert_cmd::Command;
use std::fs;

/// Runs unspin with the test dictionary on `name` holding `text`; returns the folder too.
fn run(name: &str, text: &str, args: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    put(&dir.path().join("t.yaml"), DICT);
    put(&dir.path().join(name), text);
    let o = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(dir.path())
        .args(["--no-builtin", "--dict", "t.yaml", "--context", "never"])
        .args(args)
        .arg(name)
        .output()
        .unwrap();
    (dir, o)
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn a_marked_line_in_plain_text_is_left_alone() {
    let text = "Our mental property.\nQuoted: mental property  # unspin:ignore\nmental property\n";
    let (_d, o) = run("a.txt", text, &[]);
    assert_eq!(
        stdout(&o),
        "Our intellectual property.\nQuoted: mental property  # unspin:ignore\nintellectual property\n"
    );
}

#[test]
fn a_region_in_markdown_comments_is_left_alone_and_not_scored() {
    let text = "# Tortured phrases\n\n<!-- unspin:ignore-start -->\nSpinners write mental \
                property and\ncommerce secrets.\n<!-- unspin:ignore-end -->\n\nOur mental property.\n";
    let (_d, o) = run("a.md", text, &["--json"]);
    let out = stdout(&o);
    let edits: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(r#""type":"edit""#))
        .collect();
    assert_eq!(edits.len(), 1, "{out}");
    assert!(edits[0].contains(r#""line":8"#), "{out}");
    // Only the unmarked fingerprint is counted.
    assert!(out.contains(r#""fingerprints":1"#), "{out}");
}

#[test]
fn a_marked_html_paragraph_is_left_alone_when_written() {
    let text = "<p>mental property</p>\n<p>As quoted: mental property <!-- unspin:ignore --></p>\n\
                <!-- unspin:ignore-start --><p>commerce secrets</p>\n<!-- unspin:ignore-end -->\n\
                <p>commerce secrets</p>\n";
    let (d, o) = run("a.html", text, &["-w"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(d.path().join("a.html")).unwrap(),
        "<p>intellectual property</p>\n<p>As quoted: mental property <!-- unspin:ignore --></p>\n\
         <!-- unspin:ignore-start --><p>commerce secrets</p>\n<!-- unspin:ignore-end -->\n\
         <p>trade secrets</p>\n"
    );
}

#[test]
fn check_passes_when_every_spin_is_marked() {
    let (_d, o) = run("a.txt", "mental property unspin:ignore\n", &["--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (_d, o) = run("a.txt", "mental property unspin:ignored\n", &["--check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

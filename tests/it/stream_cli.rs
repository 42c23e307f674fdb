//! Standard input beyond 8 MiB is streamed: the output is the same as repairing the whole text
//! at once, and `--check` still exits 1. Below that it is read whole, though it spans several
//! of the stream's 1 MiB windows. The dictionary alone decides here
//! (`--context never`): windows are what is under test, and the model's detection is per window.

use assert_cmd::Command;
use unspin::edit::apply;
use unspin::engine::{Engine, Options};
use unspin::Dictionary;

const DICT: &str = "tests/cmd/test-dict.yaml";

#[test]
fn a_large_input_streams_to_the_same_result_as_a_whole_repair() {
    let line =
        "Their mental property and commerce secrets and\ntechniques, this yr; plain words here.\n";
    let text = line.repeat((9 << 20) / line.len() + 1);
    let dict = Dictionary::load(false, &[DICT.into()]).unwrap();
    let options = Options::dictionary_only();
    let engine = Engine::new(dict, options).unwrap();
    let expected = apply(&text, &engine.repair(&text).edits);
    let out = Command::cargo_bin("unspin")
        .unwrap()
        .args(["--context", "never", "--no-builtin", "--dict", DICT])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("(streamed)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout == expected.as_bytes(),
        "streamed output differs from the whole repair"
    );
    Command::cargo_bin("unspin")
        .unwrap()
        .args([
            "--check",
            "--context",
            "never",
            "--no-builtin",
            "--dict",
            DICT,
        ])
        .write_stdin(text)
        .assert()
        .code(1);
}

#[test]
fn input_under_8_mib_is_read_whole_not_streamed() {
    let line = "Their mental property, this yr; plain words here.\n";
    let text = line.repeat((3 << 20) / line.len());
    let out = Command::cargo_bin("unspin")
        .unwrap()
        .args(["--context", "never", "--no-builtin", "--dict", DICT])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("(streamed)"), "{stderr}");
    assert!(stderr.contains("repairs found"), "{stderr}");
}

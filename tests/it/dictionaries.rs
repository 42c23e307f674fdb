//! Dictionaries beyond the CLI cases: the compiled form round-trips, user keys replace built-in
//! ones, and the built-in set passes its own check.

use assert_cmd::Command;

const DICT: &str = "tests/cmd/test-dict.yaml";
const TEXT: &str = "Their mental property, this yr, agency assurances.\n";

fn unspin() -> Command {
    Command::cargo_bin("unspin").unwrap()
}

#[test]
fn a_compiled_dictionary_repairs_exactly_like_its_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let compiled = dir.path().join("test.unspin");
    unspin()
        .args(["dict", "compile", "--no-builtin", "--dict", DICT, "-o"])
        .arg(&compiled)
        .assert()
        .success();
    let from_yaml = unspin()
        .args(["--json", "--no-builtin", "--dict", DICT])
        .write_stdin(TEXT)
        .output()
        .unwrap();
    let from_compiled = unspin()
        .args(["--json", "--no-builtin", "--dict"])
        .arg(&compiled)
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert!(from_yaml.status.success());
    assert!(String::from_utf8_lossy(&from_yaml.stdout).contains("\"rule\":\"test:yr\""));
    assert_eq!(from_yaml.stdout, from_compiled.stdout);
}

#[test]
fn a_corrupt_compiled_dictionary_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.unspin");
    std::fs::write(
        &bad,
        b"UNSPIN-DICT\0\x03\0\0\0\xff\xff\xff\xff\xff\xff\xff\x7f",
    )
    .unwrap();
    let out = unspin()
        .args(["--no-builtin", "--dict"])
        .arg(&bad)
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("truncated"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_user_key_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.yaml");
    std::fs::write(&mine, "entries:\n  mental property: IP\n").unwrap();
    let out = unspin()
        .arg("--dict")
        .arg(&mine)
        .write_stdin("mental property\n")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "IP\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_built_in_dictionaries_pass_their_check() {
    unspin().args(["dict", "check"]).assert().success();
}

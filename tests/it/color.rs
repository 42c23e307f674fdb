//! Colour: only when asked or on a terminal, never when piped, never under NO_COLOR.

use assert_cmd::Command;

fn diff(args: &[&str], no_color: bool) -> String {
    let mut cmd = Command::cargo_bin("unspin").unwrap();
    cmd.args([
        "--no-builtin",
        "--dict",
        "tests/cmd/test-dict.yaml",
        "--diff",
    ])
    .args(args);
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    String::from_utf8(
        cmd.write_stdin("mental property\n")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
}

#[test]
fn piped_output_is_plain_and_always_is_coloured() {
    assert!(!diff(&[], false).contains('\x1b'));
    assert!(!diff(&[], true).contains('\x1b'));
    let coloured = diff(&["--color=always"], false);
    assert!(coloured.contains("\x1b["), "{coloured:?}");
    assert!(coloured.contains("intellectual property"));
    assert!(!diff(&["--color=never"], false).contains('\x1b'));
}

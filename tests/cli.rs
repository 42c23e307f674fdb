//! The command-line cases under `tests/cmd/`: each runs `unspin` and compares its output, exit
//! code and (for `*.out/`) the files it leaves behind. The README's `console` examples run
//! too (from the repository's root), so that they cannot go stale.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md")
        .case("README.md");
}

//! The command-line cases under `tests/cmd/`: each runs `unspin` and compares its output, exit
//! code and (for `*.out/`) the files it leaves behind.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md");
}

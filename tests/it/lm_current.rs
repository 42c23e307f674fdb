//! The committed context model (`data/lm-en.bin`) is exactly what `scripts/build-lm.sh` builds
//! from its source package, as typos checks its generated dictionary. The source is Debian's
//! `pocketsphinx-en-us` (`.ci/run` installs it); without it the test says so and passes, unless
//! `UNSPIN_REQUIRE_SOURCES=1` (CI) makes a missing source a failure.

use unspin::lang::lm::{build, sphinx};

#[test]
fn committed_model_is_what_the_build_script_makes() {
    let Ok(source) = std::fs::read(build::SOURCE_PATH) else {
        assert!(
            std::env::var_os("UNSPIN_REQUIRE_SOURCES").is_none(),
            "{} is missing: apt-get install pocketsphinx-en-us",
            build::SOURCE_PATH
        );
        eprintln!("skipped: {} is not installed", build::SOURCE_PATH);
        return;
    };
    let built = build::compile(&sphinx::read(&source).unwrap(), &build::source(&source));
    let committed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lm-en.bin")).unwrap();
    assert!(
        built == committed,
        "data/lm-en.bin is stale: run scripts/build-lm.sh and commit the result"
    );
}

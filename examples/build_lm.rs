//! Builds `data/lm-en.bin` from the CMU Sphinx trie model (`scripts/build-lm.sh` runs it):
//! `cargo run --release --example build_lm -- en-us.lm.bin OUT`.

use std::process::ExitCode;
use unspin::lang::lm::{build, sphinx};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = &args[..] else {
        eprintln!("usage: build_lm SPHINX_LM_BIN OUT");
        return ExitCode::from(2);
    };
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let bytes = std::fs::read(input)?;
        let ngrams = sphinx::read(&bytes)?;
        std::fs::write(output, build::compile(&ngrams, &build::source(&bytes)))?;
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("build_lm: {input}: {e}");
            ExitCode::from(2)
        }
    }
}

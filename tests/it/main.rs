//! The integration tests, one binary with a module per area: the test profile links it once
//! instead of once per file. `tests/cli.rs` (trycmd, the CLI cases as data) stays apart.

mod align_properties;
mod apply;
mod batch;
mod clean_text;
mod cli_eval;
mod cli_learn;
mod color;
mod common;
mod config;
mod context;
mod dictionaries;
mod diff_patch;
mod docs_current;
mod engine;
mod eval;
mod files_from;
mod formats;
mod habits;
mod ignore;
mod import;
mod interactive;
mod jsonl;
mod kill;
mod learn;
mod lexicon_current;
mod lm_current;
mod pre_commit;
mod properties;
mod regression;
mod seed003;
mod seeds;
mod stream_cli;

//! The committed manual page and completion scripts under `doc/` are what `unspin man` and
//! `unspin completions SHELL` print now: a flag added or changed without regenerating them
//! fails here. `SNAPSHOTS=overwrite cargo test --test it docs_current` rewrites them (as
//! typos' own staleness tests do).

use assert_cmd::Command;
use std::path::Path;

const GENERATED: &[(&[&str], &str)] = &[
    (&["man"], "doc/unspin.1"),
    (&["completions", "bash"], "doc/completions/unspin.bash"),
    (&["completions", "zsh"], "doc/completions/_unspin"),
    (&["completions", "fish"], "doc/completions/unspin.fish"),
];

#[test]
fn committed_docs_match_the_command() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let overwrite = std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite");
    let mut stale = Vec::new();
    for (args, file) in GENERATED {
        let o = Command::cargo_bin("unspin")
            .unwrap()
            .args(*args)
            .output()
            .unwrap();
        assert!(o.status.success(), "unspin {args:?} failed");
        assert!(!o.stdout.is_empty(), "unspin {args:?} printed nothing");
        let path = root.join(file);
        if std::fs::read(&path).ok().as_deref() == Some(&o.stdout[..]) {
            continue;
        }
        if overwrite {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &o.stdout).unwrap();
        } else {
            stale.push(*file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale: {stale:?}; regenerate with `SNAPSHOTS=overwrite cargo test --test it docs_current` \
         and commit the result"
    );
}

//! `.pre-commit-hooks.yaml` run by pre-commit (PyPI) in a temporary git repository, with a
//! config file giving the repository's dictionary: the check hook fails on a spun file and
//! changes nothing, the fix hook repairs it (and fails, as pre-commit does when a hook changes
//! files), and the check passes afterwards.
//!
//! The hooks say `language: rust`, for which pre-commit builds unspin with `cargo install`, a
//! release build of a 65 MB binary that would cost minutes in every test run; the test runs
//! the same hooks with `language: unsupported` (pre-commit's name for "already on PATH") and the
//! unspin under test on PATH. Everything else (ids, entries, file types) is the file's.
//!
//! Without pre-commit (`scripts/install-sources.sh` installs it) the test says why it skips,
//! or fails if `UNSPIN_REQUIRE_SOURCES=1`.

use crate::common::{put, DICT, FIXED, SPUN};
use std::path::Path;
use std::process::{Command, Output};

fn run(cmd: &mut Command) -> Output {
    cmd.env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let o = run(Command::new("git").current_dir(dir).args(args));
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn the_hooks_check_and_fix_a_repository() {
    let version = Command::new("python3")
        .args(["-m", "pre_commit", "--version"])
        .output();
    if !version.as_ref().is_ok_and(|o| o.status.success()) {
        let required = std::env::var("UNSPIN_REQUIRE_SOURCES").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "UNSPIN_REQUIRE_SOURCES=1 but pre-commit is not installed"
        );
        eprintln!("skipped: pre-commit is not installed (scripts/install-sources.sh installs it)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    assert_eq!(hooks.matches("\n  language: rust\n").count(), 2, "{hooks}");
    let tmp = tempfile::tempdir().unwrap();
    let (repo, work) = (tmp.path().join("hooks"), tmp.path().join("work"));
    put(
        &repo.join(".pre-commit-hooks.yaml"),
        &hooks.replace("\n  language: rust\n", "\n  language: unsupported\n"),
    );
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "hooks"]);
    put(&work.join("t.yaml"), DICT);
    // The dictionary is text too, and its keys are spun phrases: the config leaves it out.
    put(
        &work.join("unspin.toml"),
        "dict = \"t.yaml\"\nno-builtin = true\nexclude = [\"t.yaml\"]\n",
    );
    put(&work.join("docs/spun.txt"), SPUN);
    put(
        &work.join("docs/clean.md"),
        "# Clean\n\nNothing spun here.\n",
    );
    put(&work.join("logo.png"), "\u{89}PNG mental property\0");
    git(&work, &["init", "-q"]);
    git(&work, &["add", "-A"]);
    let bin = Path::new(env!("CARGO_BIN_EXE_unspin")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let hook = |id: &str| {
        run(Command::new("python3")
            .current_dir(&work)
            .args(["-m", "pre_commit", "try-repo"])
            .arg(&repo)
            .args([id, "--all-files"])
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", tmp.path().join("cache")))
    };
    let read = |f: &str| std::fs::read(work.join(f)).unwrap();
    let said = |o: &Output| String::from_utf8_lossy(&o.stdout).into_owned();

    let check = hook("unspin");
    assert_eq!(check.status.code(), Some(1), "{}", said(&check));
    assert!(
        said(&check).contains("docs/spun.txt: 2 repairs needed"),
        "{}",
        said(&check)
    );
    assert_eq!(read("docs/spun.txt"), SPUN.as_bytes());

    let fix = hook("unspin-fix");
    assert_eq!(fix.status.code(), Some(1), "{}", said(&fix));
    assert!(
        said(&fix).contains("files were modified by this hook"),
        "{}",
        said(&fix)
    );
    assert_eq!(read("docs/spun.txt"), FIXED.as_bytes());
    assert_eq!(
        read("logo.png"),
        "\u{89}PNG mental property\0".as_bytes(),
        "not text"
    );
    assert_eq!(read("t.yaml"), DICT.as_bytes(), "excluded by the config");

    let again = hook("unspin");
    assert_eq!(again.status.code(), Some(0), "{}", said(&again));
}

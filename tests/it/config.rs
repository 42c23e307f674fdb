//! Config files found walking up from each path (`tests/cmd/config.md` shows `unspin config`,
//! precedence and the errors): which file is taken, standard input, and syntax errors.

use crate::common::{put, stderr, DICT, FIXED, SPUN};
use assert_cmd::Command;
use std::path::Path;

/// A project whose config file `name` (holding `settings` after its dictionary) sits above
/// `sub/a.txt`.
fn project(name: &str, settings: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    put(&dir.path().join("t.yaml"), DICT);
    put(&dir.path().join("sub/a.txt"), SPUN);
    let dict = "dict = \"t.yaml\"\nno-builtin = true\ncontext = \"never\"\n";
    let text = if name == "pyproject.toml" {
        format!("[tool.black]\nline-length = 99\n\n[tool.unspin]\n{dict}{settings}")
    } else {
        format!("{dict}{settings}")
    };
    put(&dir.path().join(name), &text);
    dir
}

fn unspin(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("unspin").unwrap();
    c.current_dir(cwd);
    c
}

#[test]
fn each_name_is_found_from_a_folder_below() {
    for name in ["unspin.toml", ".unspin.toml", "pyproject.toml"] {
        let p = project(name, "");
        let o = unspin(p.path()).args(["-v", "sub/a.txt"]).output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            FIXED,
            "{name}: {}",
            stderr(&o)
        );
        // The rules are the config's dictionary's (`t`), not the built-in set's.
        let err = stderr(&o);
        assert!(
            err.contains("  t:mental property (fingerprint) at t.yaml:3:3"),
            "{name}: {err}"
        );
        assert!(!err.contains("en/"), "{name}: {err}");
    }
}

#[test]
fn the_nearest_file_wins_and_a_pyproject_without_the_table_is_passed_over() {
    let p = project("unspin.toml", "");
    // Nearer, but no [tool.unspin]: not a config.
    put(
        &p.path().join("sub/pyproject.toml"),
        "[project]\nname = \"x\"\n",
    );
    let o = unspin(p.path())
        .args(["config", "sub/a.txt"])
        .output()
        .unwrap();
    let shown = String::from_utf8(o.stdout).unwrap();
    assert!(shown.starts_with("# config file: unspin.toml\n"), "{shown}");
    // Nearer, and beside a dot-file of the same folder: unspin.toml comes first.
    put(&p.path().join("sub/unspin.toml"), "suspects = \"never\"\n");
    put(
        &p.path().join("sub/.unspin.toml"),
        "suspects = \"always\"\n",
    );
    let o = unspin(p.path()).args(["config", "sub"]).output().unwrap();
    let shown = String::from_utf8(o.stdout).unwrap();
    assert!(
        shown.starts_with("# config file: sub/unspin.toml\n"),
        "{shown}"
    );
    assert!(shown.contains("suspects = \"never\"  "), "{shown}");
}

#[test]
fn standard_input_reads_the_current_folders_config() {
    let p = project("unspin.toml", "");
    let o = unspin(&p.path().join("sub"))
        .write_stdin(SPUN)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), FIXED, "{}", stderr(&o));
    let o = unspin(&p.path().join("sub"))
        .args(["--no-config", "--no-builtin"])
        .write_stdin(SPUN)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        SPUN,
        "no config, no dictionary"
    );
}

#[test]
fn a_file_that_is_not_toml_is_an_error_at_its_line() {
    let p = project("unspin.toml", "exclude = [\"a\",\n  oops]\n");
    let o = unspin(p.path()).arg("sub/a.txt").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with("unspin: config: unspin.toml:5: "), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn command_line_lists_add_to_the_files() {
    let p = project("unspin.toml", "exclude = [\"b.txt\"]\n");
    put(&p.path().join("sub/b.txt"), SPUN);
    put(&p.path().join("sub/c.txt"), SPUN);
    let o = unspin(p.path())
        .args(["--check", "--sort", "--exclude", "c.txt", "sub"])
        .output()
        .unwrap();
    let err = stderr(&o);
    let checked: Vec<&str> = err.lines().filter(|l| l.contains("needed")).collect();
    assert_eq!(
        checked,
        ["sub/a.txt: 2 repairs needed (spin score 333.3, spun)"],
        "{err}"
    );
}

//! `--files-from FILE|-` and `-0`: the paths come from a list instead of the command line.

use crate::common::{put, stderr, DICT, FIXED, SPUN};
use assert_cmd::Command;
use std::fs;

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    put(&dir.path().join("t.yaml"), DICT);
    put(&dir.path().join("a.txt"), SPUN);
    put(&dir.path().join("sub dir/b.txt"), SPUN);
    put(&dir.path().join("c.txt"), SPUN);
    dir
}

fn unspin(dir: &tempfile::TempDir) -> Command {
    let mut c = Command::cargo_bin("unspin").unwrap();
    c.current_dir(dir.path())
        .args(["--no-builtin", "--dict", "t.yaml", "--context", "never"]);
    c
}

#[test]
fn a_list_of_lines_names_the_files_to_work_on() {
    let dir = folder();
    put(&dir.path().join("list.txt"), "a.txt\nsub dir/b.txt\n\n");
    let o = unspin(&dir)
        .args(["-w", "--files-from", "list.txt"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |f: &str| fs::read_to_string(dir.path().join(f)).unwrap();
    assert_eq!(read("a.txt"), FIXED);
    assert_eq!(read("sub dir/b.txt"), FIXED);
    assert_eq!(read("c.txt"), SPUN, "not listed, not touched");
}

#[test]
fn a_nul_separated_list_on_standard_input_adds_to_named_paths() {
    let dir = folder();
    let o = unspin(&dir)
        .args(["--check", "-0", "--files-from", "-", "c.txt"])
        .write_stdin("sub dir/b.txt\0a.txt\0")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let named: Vec<&str> = err.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(named, ["c.txt", "sub dir/b.txt", "a.txt"], "{err}");
}

#[test]
fn an_empty_list_is_nothing_to_do_and_a_missing_one_an_error() {
    let dir = folder();
    let o = unspin(&dir)
        .args(["--files-from", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty() && o.stderr.is_empty(), "{}", stderr(&o));
    let o = unspin(&dir)
        .args(["--files-from", "nolist.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "unspin: --files-from nolist.txt: No such file or directory (os error 2)\n"
    );
    let o = unspin(&dir).args(["-0", "a.txt"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "-0 needs --files-from");
}

//! Regression tests pinned to the issue they come from (`r10_N`: issue 10, item N).

mod common;

use assert_cmd::Command;
use common::*;

fn unspin(t: &Tree) -> Command {
    let mut c = Command::cargo_bin("unspin").unwrap();
    c.current_dir(t.dir.path())
        .arg("--no-builtin")
        .arg("--dict")
        .arg(t.dict());
    c
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Backups are never input of a later run, whatever their suffix and the later run's flags.
#[test]
fn r10_1_backups_are_never_taken_by_later_runs() {
    let t = tree();
    let o = unspin(&t)
        .args(["-w", "--backup", ".orig", "--exclude", "ro.txt", "site/a"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let list = t.read("a/.unspin-backups");
    let later: [&[&str]; 4] = [
        &["-w", "site/a"],
        &["-w", "--hidden", "site/a"],
        &["-w", "--glob", "*.orig", "site/a"],
        &["-w", "--backup", ".bak", "--hidden", "site/a"],
    ];
    for args in later {
        let o = unspin(&t).args(args).output().unwrap();
        assert!(o.status.code() != Some(101), "{}", stderr(&o));
        assert_eq!(String::from_utf8(t.read("a/page.html.orig")).unwrap(), PAGE);
        assert_eq!(t.read("a/b/c/deep.txt.orig"), SPUN.as_bytes());
        assert_eq!(t.read("a/.unspin-backups"), list, "{args:?}");
        assert!(!t.path("a/page.html.orig.bak").exists());
    }
    let o = unspin(&t)
        .args(["--json", "--hidden", "site/a"])
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        !out.contains(".orig") && !out.contains(".unspin-backups"),
        "{out}"
    );
    // Named on the command line, a backup is refused, not repaired.
    let o = unspin(&t)
        .args(["-w", "site/a/page.html.orig"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a backup made by --backup"),
        "{}",
        stderr(&o)
    );
    assert_eq!(String::from_utf8(t.read("a/page.html.orig")).unwrap(), PAGE);
}

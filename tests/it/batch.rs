//! `unspin` over a generated folder tree: walking, every mode, HTML and Markdown, safety.

use crate::common::*;
use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn write_repairs_text_nodes_and_leaves_everything_else_byte_for_byte() {
    let t = tree();
    let untouched = [
        "ignored.txt",
        ".hidden.txt",
        "bin/image.dat",
        "latin1.txt",
        "ro.txt",
        "clean.txt",
        "empty.txt",
    ];
    let before: Vec<Vec<u8>> = untouched.iter().map(|f| t.read(f)).collect();
    let o = unspin(&t).args(["-w", "--sort", "site"]).output().unwrap();
    let err = stderr(&o);
    // The read-only file is an error, so the run says 2; everything else went on.
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("site/ro.txt: read-only file; not written"),
        "{err}"
    );
    assert_eq!(t.read("top.txt"), FIXED.as_bytes());
    assert_eq!(t.read("a/b/c/deep.txt"), FIXED.as_bytes());
    assert_eq!(
        t.read("a/crlf.txt"),
        b"Our intellectual property\r\nand trade\r\nsecrets.\r\n"
    );
    assert_eq!(
        String::from_utf8(t.read("a/page.html")).unwrap(),
        PAGE_FIXED
    );
    assert_eq!(
        String::from_utf8(t.read("a/notes.md")).unwrap(),
        NOTES_FIXED
    );
    for (f, b) in untouched.iter().zip(&before) {
        assert_eq!(&t.read(f), b, "{f} changed");
    }
    assert_eq!(
        fs::read_to_string(t.outside.path().join("outside.txt")).unwrap(),
        SPUN
    );
    assert!(fs::symlink_metadata(t.path("a/link-out.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(t.path("a/b/c/deep.txt"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o640
        );
    }
    assert!(
        listing(&t.root()).iter().all(|f| !f.contains(".unspin-")),
        "{:?}",
        listing(&t.root())
    );
    // 7 text files done (top, clean, deep, crlf, page, notes, empty; ignored and hidden not
    // walked), 5 written, binary + Latin-1 + link skipped, the read-only file an error.
    assert!(
        err.contains("7 files scanned, 5 repaired (12 edits), 3 skipped (1 binary, 1 not UTF-8, 1 symlinks), 1 error"),
        "{err}"
    );
    // A second run finds nothing left to do.
    let again = unspin(&t)
        .args(["--check", "site", "--exclude", "ro.txt"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

#[test]
fn a_unified_diff_of_a_folder_applies_with_git_apply_and_patch() {
    let t = tree();
    let o = unspin(&t)
        .args(["--diff", "--sort", "site"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let diff = stdout(&o);
    assert!(
        diff.contains("--- a/site/a/page.html\n+++ b/site/a/page.html\n"),
        "{diff}"
    );
    let patch_file = t.dir.path().join("fix.diff");
    // `#` explanation lines are comments to both tools; git wants the diff lines alone.
    fs::write(&patch_file, &diff).unwrap();
    let git = std::process::Command::new("git")
        .args(["apply", "-p1", "--check", "--unsafe-paths"])
        .arg(&patch_file)
        .current_dir(t.dir.path())
        .output()
        .unwrap();
    assert!(
        git.status.success(),
        "{}",
        String::from_utf8_lossy(&git.stderr)
    );
    let patch = std::process::Command::new("patch")
        .args(["-p1", "-s", "-i"])
        .arg(&patch_file)
        .current_dir(t.dir.path())
        .output()
        .unwrap();
    assert!(
        patch.status.success(),
        "{}",
        String::from_utf8_lossy(&patch.stdout)
    );
    assert_eq!(
        String::from_utf8(t.read("a/page.html")).unwrap(),
        PAGE_FIXED
    );
    assert_eq!(
        t.read("a/crlf.txt"),
        b"Our intellectual property\r\nand trade\r\nsecrets.\r\n"
    );
    assert_eq!(t.read("ro.txt"), FIXED.as_bytes());
}

#[test]
fn json_ends_with_the_summary_and_counts_skips() {
    let t = tree();
    let o = unspin(&t).args(["--json", "site"]).output().unwrap();
    let out = stdout(&o);
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let last = records.last().unwrap();
    assert_eq!(last["type"], "summary", "{out}");
    assert_eq!(last["files_scanned"], 8);
    assert_eq!(last["files_repaired"], 6);
    assert_eq!(last["edits"], 14);
    assert_eq!(last["skipped"]["binary"], 1);
    assert_eq!(last["skipped"]["not_utf8"], 1);
    assert_eq!(last["skipped"]["symlink"], 1);
    assert_eq!(last["errors"], 0);
    let edits = records.iter().filter(|r| r["type"] == "edit").count();
    assert_eq!(edits, 14);
    // HTML edits carry offsets and lines of the raw file.
    let html = records
        .iter()
        .find(|r| r["type"] == "edit" && r["path"] == "site/a/page.html" && r["to"] == "Chinese")
        .unwrap();
    assert_eq!(html["line"], 7);
    let start = html["start"].as_u64().unwrap() as usize;
    assert_eq!(
        &PAGE[start..start + "Chinese language".len()],
        "Chinese language"
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn sorted_output_is_the_same_every_time_and_never_interleaves() {
    let t = tree();
    for i in 0..40 {
        put(&t.path(&format!("many/f{i:02}.txt")), &SPUN.repeat(50));
    }
    let run = || {
        unspin(&t)
            .args(["--sort", "-j", "4", "site"])
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(stdout(&first), stdout(&run()));
    // Per-file lines come in the same order too (the summary's elapsed time aside).
    let lines = |o: &std::process::Output| {
        stderr(o)
            .lines()
            .filter(|l| !l.contains("files scanned"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(&first), lines(&run()));
    // Every file's text comes out whole: 40 blocks of 50 repaired lines each, uninterrupted.
    let out = stdout(&first);
    assert_eq!(out.matches(&FIXED.repeat(50)).count(), 40, "{}", out.len());
    // Unsorted, the same set of lines comes out, whole per file.
    let mut a: Vec<&str> = out.lines().collect();
    let unsorted = unspin(&t).args(["-j", "4", "site"]).output().unwrap();
    let u = stdout(&unsorted);
    let mut b: Vec<&str> = u.lines().collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(u.matches(&FIXED.repeat(50)).count(), 40);
}

#[test]
fn named_files_binary_is_an_error_and_exclude_still_applies() {
    let t = tree();
    let o = unspin(&t)
        .args(["site/bin/image.dat", "site/top.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unspin: site/bin/image.dat: binary data (NUL byte)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), FIXED);
    // A named file that --exclude matches is left out, also when named through its folder.
    let o = unspin(&t)
        .args([
            "--exclude",
            "*.dat",
            "--exclude",
            "c",
            "site/bin/image.dat",
            "site/a/b/c/deep.txt",
            "site/top.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), FIXED);
    // A named ignored or hidden file is taken.
    let o = unspin(&t)
        .args(["site/ignored.txt", "site/.hidden.txt"])
        .output()
        .unwrap();
    assert_eq!(stdout(&o), FIXED.repeat(2));
}

#[test]
fn glob_hidden_and_check() {
    let t = tree();
    let o = unspin(&t)
        .args(["--check", "--glob", "*.html", "site"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("site/a/page.html: 4 repairs needed"), "{err}");
    assert!(
        err.contains("1 file scanned, 1 repaired (4 edits)"),
        "{err}"
    );
    let o = unspin(&t)
        .args([
            "--json",
            "--hidden",
            "--glob",
            "*.txt",
            "--exclude",
            "a",
            "site",
        ])
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(out.contains("\"path\":\"site/.hidden.txt\""), "{out}");
    assert!(!out.contains("site/a/"), "{out}");
}

#[test]
fn type_html_treats_any_name_as_html_and_max_size_skips() {
    let t = tree();
    fs::write(t.path("page.txt"), PAGE).unwrap();
    let o = unspin(&t)
        .args(["--type", "html", "site/page.txt"])
        .output()
        .unwrap();
    assert_eq!(stdout(&o), PAGE_FIXED);
    let o = unspin(&t).args(["site/page.txt"]).output().unwrap();
    assert_ne!(
        stdout(&o),
        PAGE_FIXED,
        "as text, attributes are repaired too"
    );
    put(&t.path("big/big.txt"), &SPUN.repeat(100));
    let o = unspin(&t)
        .args(["--json", "--max-size", "1K", "site/big"])
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(out.contains("\"too_large\":1"), "{out}");
    assert!(out.contains("too large (4200 bytes > 1024)"), "{out}");
    assert_eq!(o.status.code(), Some(0));
    let o = unspin(&t)
        .args(["--max-size", "1K", "site/big/big.txt"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "a named file that is too large is an error"
    );
}

#[test]
fn backup_keeps_the_originals() {
    let t = tree();
    let o = unspin(&t)
        .args(["-w", "--backup", ".orig", "--exclude", "ro.txt", "site/a"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(String::from_utf8(t.read("a/page.html.orig")).unwrap(), PAGE);
    assert_eq!(
        String::from_utf8(t.read("a/page.html")).unwrap(),
        PAGE_FIXED
    );
    assert_eq!(t.read("a/b/c/deep.txt.orig"), SPUN.as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(t.path("a/b/c/deep.txt.orig"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o640
        );
    }
    assert!(!t.path("a/clean.txt.orig").exists());
    // A second run neither repairs the backups nor backs up the backups.
    let o = unspin(&t)
        .args(["-w", "--backup", ".orig", "site/a"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!t.path("a/page.html.orig.orig").exists());
    assert_eq!(String::from_utf8(t.read("a/page.html.orig")).unwrap(), PAGE);
}

#[cfg(unix)]
#[test]
fn follow_writes_link_targets_inside_the_roots_only() {
    let t = tree();
    std::os::unix::fs::symlink(t.path("top.txt"), t.path("a/link-in.txt")).unwrap();
    let o = unspin(&t)
        .args([
            "-w",
            "--follow",
            "--exclude",
            "ro.txt",
            "site/a",
            "site/top.txt",
        ])
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("site/a/link-out.txt: resolves to"), "{err}");
    assert!(
        err.contains("outside the given paths; not written"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(t.outside.path().join("outside.txt")).unwrap(),
        SPUN
    );
    assert!(fs::symlink_metadata(t.path("a/link-in.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::symlink_metadata(t.path("a/link-out.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(t.read("top.txt"), FIXED.as_bytes());
    // Without --follow, links are skipped and counted.
    let o = unspin(&t).args(["--check", "site/a"]).output().unwrap();
    assert!(stderr(&o).contains("2 symlinks"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn ctrl_c_or_sigterm_leaves_whole_files_and_no_temporary_files() {
    let t = tree();
    fs::remove_file(t.path("ro.txt")).unwrap();
    let body = SPUN.repeat(2000);
    for i in 0..300 {
        put(&t.path(&format!("bulk/f{i:03}.txt")), &body);
    }
    let bin = assert_cmd::cargo::cargo_bin("unspin");
    let mut interrupted = 0;
    for (k, delay_ms) in [30u64, 60, 100, 150, 250, 400, 120, 200]
        .into_iter()
        .enumerate()
    {
        // Ctrl-C (SIGINT) and SIGTERM alike.
        let sig = if k % 2 == 0 { 2 } else { 15 };
        let copy = t.dir.path().join(format!("copy{delay_ms}"));
        copy_dir(&t.root(), &copy);
        let mut child = std::process::Command::new(&bin)
            .args(["--no-builtin", "--dict"])
            .arg(t.dict())
            .args(["-w", "-j", "2"])
            .arg(&copy)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        signal(child.id(), sig);
        let status = child.wait().unwrap();
        // Before the handler is up (dictionary still loading) the signal ends the run at once,
        // which is safe too: nothing has been written yet.
        use std::os::unix::process::ExitStatusExt;
        assert!(
            matches!(status.code(), Some(130) | Some(0)) || status.signal() == Some(sig),
            "{status:?}"
        );
        interrupted += usize::from(status.code() == Some(130));
        let files = listing(&copy);
        assert!(
            files.iter().all(|f| !f.contains(".unspin-")),
            "temporary file left: {files:?}"
        );
        for i in 0..300 {
            let now = fs::read_to_string(copy.join(format!("bulk/f{i:03}.txt"))).unwrap();
            assert!(
                now == body || now == FIXED.repeat(2000),
                "bulk/f{i:03}.txt is neither old nor new"
            );
        }
    }
    assert!(
        interrupted > 0,
        "no run was interrupted; the test proved nothing"
    );
}

pub fn copy_dir(from: &Path, to: &Path) {
    for rel in listing(from) {
        let src = from.join(&rel);
        let dst = to.join(&rel);
        fs::create_dir_all(dst.parent().unwrap()).unwrap();
        let meta = fs::symlink_metadata(&src).unwrap();
        if meta.file_type().is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(fs::read_link(&src).unwrap(), &dst).unwrap();
        } else {
            fs::copy(&src, &dst).unwrap();
        }
    }
}

#[cfg(unix)]
fn signal(pid: u32, signal: i32) {
    let ok = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(ok.success());
}

#[test]
fn quiet_says_nothing_on_a_clean_tree_and_clean_files_get_a_line_only_with_verbose() {
    let t = tree();
    for (rel, text) in [
        ("clean/one.txt", &b"Nothing to see here.\n"[..]),
        ("clean/sub/two.md", b"# Intellectual property\n"),
        ("clean/empty.txt", b""),
        ("clean/image.dat", b"\0\x01"),
    ] {
        let p = t.dir.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    for mode in [&["--check"][..], &["-w"], &["--diff"], &["--diff=words"]] {
        let o = unspin(&t)
            .args(mode)
            .args(["-q", "clean"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{mode:?}: {}", stderr(&o));
        assert_eq!(
            (stdout(&o), stderr(&o)),
            (String::new(), String::new()),
            "{mode:?}"
        );
    }
    // Without -q: the folder's one summary line, no line per clean file; with -v, those too.
    let o = unspin(&t).args(["--check", "clean"]).output().unwrap();
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("3 files scanned, 0 repaired"), "{err}");
    let o = unspin(&t)
        .args(["--check", "-v", "clean"])
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("clean/one.txt: nothing to repair\n"),
        "{}",
        stderr(&o)
    );
    // On files to repair, -q --check names them (and the problems), nothing else.
    let o = unspin(&t)
        .args(["--check", "-q", "--sort", "site"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("site/top.txt: 2 repairs needed"), "{err}");
    assert!(
        err.lines().all(|l| l.contains(" needed (spin score")),
        "{err}"
    );
}

#[test]
fn legacy_encodings_are_decoded_repaired_and_written_back_in_kind() {
    let t = tree();
    let page = b"<html><head><meta charset=\"windows-1252\"></head>\n<p>Caf\xe9 \x93au lait\x94 and mental property.</p>\n";
    let fixed = b"<html><head><meta charset=\"windows-1252\"></head>\n<p>Caf\xe9 \x93au lait\x94 and intellectual property.</p>\n";
    fs::write(t.path("legacy.html"), page).unwrap();
    let utf16: Vec<u8> = "\u{feff}Our mental property.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(t.path("utf16.txt"), &utf16).unwrap();
    // Latin-1 text, read as named with --encoding; a repair Latin-1 cannot write is refused.
    fs::write(t.path("plain.txt"), b"Caf\xe9: mental property\n").unwrap();
    fs::write(t.path("far.txt"), b"Caf\xe9: commerce secrets\n").unwrap();
    let dict = t.dir.path().join("far.yaml");
    fs::write(&dict, "entries:\n  commerce secrets: \u{4e2d}\n").unwrap();
    let o = unspin(&t)
        .args(["-w", "site/legacy.html", "site/utf16.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(t.read("legacy.html"), fixed);
    let expected: Vec<u8> = "\u{feff}Our intellectual property.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(t.read("utf16.txt"), expected);
    let o = unspin(&t).args(["-w", "site/plain.txt"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = unspin(&t)
        .args(["-w", "--encoding", "latin1", "site/plain.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(t.read("plain.txt"), b"Caf\xe9: intellectual property\n");
    let o = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(t.dir.path())
        .args(["--no-builtin", "--dict"])
        .arg(&dict)
        .args(["-w", "--encoding", "latin1", "site/far.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "site/far.txt: the repair holds characters windows-1252 cannot write; not written"
        ),
        "{}",
        stderr(&o)
    );
    assert_eq!(t.read("far.txt"), b"Caf\xe9: commerce secrets\n");
}

#[test]
fn a_walked_file_that_is_not_text_is_skipped_and_says_so() {
    let t = tree();
    let o = unspin(&t).args(["-v", "--sort", "site"]).output().unwrap();
    let err = stderr(&o);
    assert!(
        err.contains("site/bin/image.dat: binary data (NUL byte), skipped"),
        "{err}"
    );
    assert!(!err.contains("unspin: site/bin/image.dat"), "{err}");
}

//! `unspin -i` driven through a pseudo-terminal: every key, undo within and across files,
//! quitting mid-file, folders, each change on a fresh screen in the text as it now stands, and
//! the terminal left in its normal mode.

#![cfg(unix)]

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const DICT: &str = "\
entries:
  mental property: intellectual property
  commerce secrets:
    to: trade secrets
    note: the spinner's word for trade
";

const PROMPT: &str = "Accept this change? [y,n,a,d,A,R,X,e,u,v,q,?] ";

/// What clears the screen before each change.
const CLEAR: &str = "\x1b[2J";

/// A folder with the test dictionary and `files` (name, content).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("d.yaml"), DICT).unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// `unspin -i FILES...` in `dir` on a pseudo-terminal, followed by `stty -a` so a test can see
/// the mode the terminal was left in.
fn spawn(dir: &Path, files: &[&str]) -> Session {
    let cmd = format!(
        "'{}' -i --color never --no-builtin --dict d.yaml {}; echo \"exit=$?\"; stty -a",
        env!("CARGO_BIN_EXE_unspin"),
        files.join(" ")
    );
    let mut c = Command::new("sh");
    c.current_dir(dir).args(["-c", &cmd]);
    let mut s = Session::spawn(c).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

/// Waits for the next question, about change `n` of `total` at `place` (path:line:col).
fn asked(s: &mut Session, place: &str, n: usize, total: usize) {
    s.expect(format!("{place}  (change {n} of {total}, file ").as_str())
        .unwrap();
    s.expect(PROMPT).unwrap();
}

/// Reads the rest of the session: the program's last words, its exit code and the terminal's
/// mode afterwards. Asserts the terminal is back in its normal (canonical, echoing) mode.
fn end(s: &mut Session) -> (String, i32) {
    let rest = String::from_utf8_lossy(s.expect(Eof).unwrap().as_bytes()).replace('\r', "");
    let code: i32 = rest
        .split("exit=")
        .nth(1)
        .unwrap_or_else(|| panic!("no exit code in {rest:?}"))
        .lines()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let stty = rest.split("exit=").nth(1).unwrap();
    // Raw mode clears these; the pseudo-terminal starts with them set (and echo off).
    for flag in ["icanon", "isig", "iexten", "opost", "icrnl"] {
        assert!(
            !stty.contains(&format!("-{flag}")),
            "terminal left raw ({flag}): {stty}"
        );
    }
    assert!(matches!(
        s.get_process().wait().unwrap(),
        WaitStatus::Exited(_, 0)
    ));
    (rest, code)
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

const THREE: &str = "Our mental property\r\nand commerce secrets,\r\nmore mental property.";

#[test]
fn y_n_undo_and_own_replacement_within_a_file() {
    let dir = folder(&[("a.txt", THREE)]);
    let mut s = spawn(dir.path(), &["a.txt"]);
    s.expect("a.txt:1:5  (change 1 of 3, file 1 of 1)").unwrap();
    s.expect("- 1 | Our [-mental property-]").unwrap();
    s.expect("+ 1 | Our {+intellectual property+}").unwrap();
    s.expect("  2 | and commerce secrets,").unwrap();
    s.expect("d:mental property (fingerprint)\r\n").unwrap();
    s.expect(PROMPT).unwrap();
    s.send("y").unwrap();
    asked(&mut s, "a.txt:2:5", 2, 3);
    s.send("n").unwrap();
    asked(&mut s, "a.txt:3:6", 3, 3);
    // Undo the n: change 2 is asked again; then type a replacement (clear, type, Enter).
    s.send("u").unwrap();
    s.expect("undone").unwrap();
    asked(&mut s, "a.txt:2:5", 2, 3);
    s.send("e").unwrap();
    s.expect("Replace \"commerce secrets\" with (Enter accepts, Esc goes back): trade secrets")
        .unwrap();
    s.send("\x15business secrets\r").unwrap();
    asked(&mut s, "a.txt:3:6", 3, 3);
    s.send("n").unwrap();
    s.expect("a.txt: 2 of 3 change(s) written").unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 0);
    assert_eq!(
        read(dir.path(), "a.txt"),
        "Our intellectual property\r\nand business secrets,\r\nmore mental property."
    );
}

#[test]
fn v_shows_the_dictionary_entry_and_note_and_a_replacement_may_be_any_text() {
    let dir = folder(&[("a.txt", "commerce secrets\n")]);
    let mut s = spawn(dir.path(), &["a.txt"]);
    s.expect("d:commerce secrets (fingerprint)\r\n").unwrap();
    s.expect(PROMPT).unwrap();
    s.send("v").unwrap();
    // The full reason: every condition (the context model's view too), source and note.
    s.expect("d:commerce secrets (fingerprint").unwrap();
    s.expect(") at d.yaml:3:3 -- the spinner's word for trade")
        .unwrap();
    s.expect(PROMPT).unwrap();
    // A replacement typed in non-ASCII letters.
    s.send("e").unwrap();
    s.send("\x15Geschäftsgeheimnisse\r").unwrap();
    end(&mut s);
    assert_eq!(read(dir.path(), "a.txt"), "Geschäftsgeheimnisse\n");
}

#[test]
fn a_accepts_and_d_skips_the_rest_of_a_file_only() {
    let dir = folder(&[("a.txt", THREE), ("b.txt", THREE)]);
    let mut s = spawn(dir.path(), &["a.txt", "b.txt"]);
    asked(&mut s, "a.txt:1:5", 1, 3);
    s.send("n").unwrap();
    asked(&mut s, "a.txt:2:5", 2, 3);
    s.send("a").unwrap();
    s.expect("a.txt: 2 of 3 change(s) written").unwrap();
    asked(&mut s, "b.txt:1:5", 1, 3);
    s.send("y").unwrap();
    asked(&mut s, "b.txt:2:5", 2, 3);
    s.send("d").unwrap();
    s.expect("b.txt: 1 of 3 change(s) written").unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 0);
    assert_eq!(
        read(dir.path(), "a.txt"),
        "Our mental property\r\nand trade secrets,\r\nmore intellectual property."
    );
    assert_eq!(
        read(dir.path(), "b.txt"),
        "Our intellectual property\r\nand commerce secrets,\r\nmore mental property."
    );
}

#[test]
fn capital_a_accepts_everything_from_here_on_in_every_file() {
    let dir = folder(&[
        ("a.txt", THREE),
        ("b.txt", THREE),
        ("c.txt", "nothing here\n"),
    ]);
    let mut s = spawn(dir.path(), &["a.txt", "c.txt", "b.txt"]);
    asked(&mut s, "a.txt:1:5", 1, 3);
    s.send("n").unwrap();
    asked(&mut s, "a.txt:2:5", 2, 3);
    s.send("A").unwrap();
    s.expect("a.txt: 2 of 3 change(s) written").unwrap();
    s.expect("b.txt: 3 of 3 change(s) written").unwrap();
    let (rest, code) = end(&mut s);
    assert_eq!(code, 0);
    assert!(!rest.contains(PROMPT), "nothing asked after A: {rest}");
    assert_eq!(
        read(dir.path(), "b.txt"),
        "Our intellectual property\r\nand trade secrets,\r\nmore intellectual property."
    );
    assert_eq!(read(dir.path(), "c.txt"), "nothing here\n");
}

#[test]
fn capital_r_and_x_decide_an_entry_everywhere() {
    let dir = folder(&[
        ("a.txt", THREE),
        ("b.txt", "commerce secrets, mental property"),
    ]);
    let mut s = spawn(dir.path(), &["a.txt", "b.txt"]);
    asked(&mut s, "a.txt:1:5", 1, 3);
    s.send("R").unwrap();
    asked(&mut s, "a.txt:2:5", 2, 3);
    s.send("X").unwrap();
    // Change 3 (mental property again) and all of b.txt are decided without a question.
    s.expect("a.txt: 2 of 3 change(s) written").unwrap();
    s.expect("b.txt: 1 of 2 change(s) written").unwrap();
    let (rest, code) = end(&mut s);
    assert_eq!(code, 0);
    assert!(!rest.contains(PROMPT), "{rest}");
    assert_eq!(
        read(dir.path(), "a.txt"),
        "Our intellectual property\r\nand commerce secrets,\r\nmore intellectual property."
    );
    assert_eq!(
        read(dir.path(), "b.txt"),
        "commerce secrets, intellectual property"
    );
}

#[test]
fn undo_crosses_into_an_unwritten_file_but_never_a_written_one() {
    let dir = folder(&[
        ("a.txt", "mental property\n"),
        ("b.txt", "commerce secrets\n"),
        ("c.txt", "mental property\n"),
    ]);
    let mut s = spawn(dir.path(), &["a.txt", "b.txt", "c.txt"]);
    asked(&mut s, "a.txt:1:1", 1, 1);
    s.send("n").unwrap();
    s.expect("a.txt: none of 1 change(s) accepted, left unchanged")
        .unwrap();
    asked(&mut s, "b.txt:1:1", 1, 1);
    // a.txt was not written: undo reopens it.
    s.send("u").unwrap();
    asked(&mut s, "a.txt:1:1", 1, 1);
    s.send("y").unwrap();
    s.expect("a.txt: 1 of 1 change(s) written").unwrap();
    asked(&mut s, "b.txt:1:1", 1, 1);
    s.send("y").unwrap();
    s.expect("b.txt: 1 of 1 change(s) written").unwrap();
    asked(&mut s, "c.txt:1:1", 1, 1);
    s.send("u").unwrap();
    s.expect("b.txt is already written: the decisions before it cannot be undone")
        .unwrap();
    s.expect(PROMPT).unwrap();
    s.send("n").unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 0);
    assert_eq!(read(dir.path(), "a.txt"), "intellectual property\n");
    assert_eq!(read(dir.path(), "b.txt"), "trade secrets\n");
    assert_eq!(read(dir.path(), "c.txt"), "mental property\n");
}

#[test]
fn nothing_to_undo_at_the_first_question() {
    let dir = folder(&[("a.txt", "mental property\n")]);
    let mut s = spawn(dir.path(), &["a.txt"]);
    asked(&mut s, "a.txt:1:1", 1, 1);
    s.send("u").unwrap();
    s.expect("nothing to undo").unwrap();
    s.expect(PROMPT).unwrap();
    s.send("y").unwrap();
    end(&mut s);
    assert_eq!(read(dir.path(), "a.txt"), "intellectual property\n");
}

/// Quits in the middle of b.txt by `key`: a.txt (finished) stays written, b.txt untouched.
fn quit_mid_file(key: &str) {
    let dir = folder(&[("a.txt", THREE), ("b.txt", THREE), ("c.txt", THREE)]);
    let mut s = spawn(dir.path(), &["a.txt", "b.txt", "c.txt"]);
    asked(&mut s, "a.txt:1:5", 1, 3);
    s.send("a").unwrap();
    asked(&mut s, "b.txt:1:5", 1, 3);
    s.send("y").unwrap();
    asked(&mut s, "b.txt:2:5", 2, 3);
    s.send(key).unwrap();
    s.expect("b.txt: review not finished, left unchanged")
        .unwrap();
    s.expect("quit: 1 file(s) written, 1 more not reviewed")
        .unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 130);
    assert_eq!(
        read(dir.path(), "a.txt"),
        "Our intellectual property\r\nand trade secrets,\r\nmore intellectual property."
    );
    assert_eq!(read(dir.path(), "b.txt"), THREE);
    assert_eq!(read(dir.path(), "c.txt"), THREE);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        4,
        "no temporary file left"
    );
}

#[test]
fn q_quits_mid_file() {
    quit_mid_file("q");
}

#[test]
fn ctrl_c_quits_mid_file() {
    quit_mid_file("\x03");
}

#[test]
fn help_unknown_keys_and_escaping_a_replacement() {
    let dir = folder(&[("a.txt", "mental property\n")]);
    let mut s = spawn(dir.path(), &["a.txt"]);
    asked(&mut s, "a.txt:1:1", 1, 1);
    s.send("?").unwrap();
    s.expect("X  reject this change and every later one made by the same entry")
        .unwrap();
    s.expect(PROMPT).unwrap();
    s.send("z").unwrap();
    s.expect("no key 'z' (press ? for help)").unwrap();
    s.expect(PROMPT).unwrap();
    s.send("e").unwrap();
    s.expect("Esc goes back): intellectual property").unwrap();
    s.send("\x7f\x7f\x7f").unwrap();
    s.send("\x1b").unwrap();
    s.expect(PROMPT).unwrap();
    s.send("y").unwrap();
    end(&mut s);
    assert_eq!(read(dir.path(), "a.txt"), "intellectual property\n");
}

#[cfg(target_os = "linux")]
#[test]
fn sigterm_at_a_question_quits_and_restores_the_terminal() {
    let dir = folder(&[("a.txt", THREE)]);
    let mut s = spawn(dir.path(), &["a.txt"]);
    asked(&mut s, "a.txt:1:5", 1, 3);
    // unspin is the only child of the shell the session started.
    let shell = s.get_process().pid();
    let children = fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
    let unspin = children.split_whitespace().next().expect("unspin runs");
    assert!(Command::new("kill")
        .args(["-TERM", unspin])
        .status()
        .unwrap()
        .success());
    s.expect("a.txt: review not finished, left unchanged")
        .unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 130);
    assert_eq!(read(dir.path(), "a.txt"), THREE);
}

#[test]
fn a_file_changed_during_its_review_is_not_written() {
    let dir = folder(&[("a.txt", "mental property\n")]);
    let mut s = spawn(dir.path(), &["a.txt"]);
    asked(&mut s, "a.txt:1:1", 1, 1);
    fs::write(dir.path().join("a.txt"), "mental property, edited\n").unwrap();
    s.send("y").unwrap();
    s.expect("a.txt: changed on disk during the review; not written")
        .unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 2);
    assert_eq!(read(dir.path(), "a.txt"), "mental property, edited\n");
}

#[test]
fn a_folder_is_reviewed_each_change_on_a_fresh_screen_in_the_text_as_it_now_stands() {
    let dir = folder(&[]);
    fs::create_dir(dir.path().join("docs")).unwrap();
    for (name, text) in [
        ("docs/a.txt", "mental property and mental property\n"),
        ("docs/b.txt", "commerce secrets\n"),
        ("docs/c.txt", "nothing to repair\n"),
    ] {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let mut s = spawn(dir.path(), &["--sort", "docs"]);
    s.expect(CLEAR).unwrap();
    s.expect("docs/a.txt:1:1  (change 1 of 2, file 1 of 3)")
        .unwrap();
    s.expect(PROMPT).unwrap();
    s.send("y").unwrap();
    // A fresh screen, and the accepted change already in the text shown.
    s.expect(CLEAR).unwrap();
    s.expect("docs/a.txt:1:27  (change 2 of 2, file 1 of 3)")
        .unwrap();
    s.expect("- 1 | intellectual property and [-mental property-]")
        .unwrap();
    s.expect(PROMPT).unwrap();
    s.send("y").unwrap();
    s.expect(CLEAR).unwrap();
    // What was just written heads the next screen.
    s.expect("docs/a.txt: 2 of 2 change(s) written").unwrap();
    s.expect("docs/b.txt:1:1  (change 1 of 1, file 2 of 3)")
        .unwrap();
    s.expect(PROMPT).unwrap();
    s.send("n").unwrap();
    let (rest, code) = end(&mut s);
    assert_eq!(code, 0);
    // Said again on the normal screen once the review is over.
    assert!(
        rest.contains("docs/a.txt: 2 of 2 change(s) written\ndocs/b.txt: none of 1 change(s) accepted, left unchanged\n"),
        "{rest}"
    );
    assert_eq!(
        read(dir.path(), "docs/a.txt"),
        "intellectual property and intellectual property\n"
    );
    assert_eq!(read(dir.path(), "docs/b.txt"), "commerce secrets\n");
}

#[test]
fn without_a_terminal_it_refuses_with_exit_2() {
    let dir = folder(&[("a.txt", "mental property\n")]);
    let out = Command::new(env!("CARGO_BIN_EXE_unspin"))
        .current_dir(dir.path())
        .args(["-i", "--no-builtin", "--dict", "d.yaml", "a.txt"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("unspin: --interactive needs a terminal on standard input"),
        "{err}"
    );
    assert_eq!(read(dir.path(), "a.txt"), "mental property\n");
}

#[test]
fn files_that_cannot_be_written_are_not_reviewed() {
    let dir = folder(&[
        ("ro.txt", "mental property\n"),
        ("a.txt", "mental property\n"),
    ]);
    let ro = dir.path().join("ro.txt");
    let mut perm = fs::metadata(&ro).unwrap().permissions();
    perm.set_readonly(true);
    fs::set_permissions(&ro, perm).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.path().join("link.txt")).unwrap();
    let mut s = spawn(dir.path(), &["ro.txt", "link.txt", "a.txt"]);
    s.expect("unspin: ro.txt: read-only file; not reviewed")
        .unwrap();
    s.expect("unspin: link.txt: is a symbolic link; not reviewed (name its target)")
        .unwrap();
    asked(&mut s, "a.txt:1:1", 1, 1);
    s.send("y").unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 2);
    assert_eq!(read(dir.path(), "ro.txt"), "mental property\n");
    assert_eq!(read(dir.path(), "a.txt"), "intellectual property\n");
}

#[test]
fn clean_files_ask_nothing() {
    let dir = folder(&[("clean.txt", "Our intellectual property.\n")]);
    let mut s = spawn(dir.path(), &["clean.txt"]);
    s.expect("nothing to repair").unwrap();
    let (rest, code) = end(&mut s);
    assert_eq!(code, 0);
    assert!(!rest.contains(PROMPT));
}

#[test]
fn a_page_in_a_legacy_encoding_is_reviewed_and_written_back_in_it() {
    let dir = folder(&[]);
    let page: &[u8] =
        b"<html><head><meta charset=\"windows-1252\"></head>\n<p>Caf\xe9 mental property</p>\n";
    fs::write(dir.path().join("p.html"), page).unwrap();
    let mut s = spawn(dir.path(), &["p.html"]);
    s.expect("p.html:2:9  (change 1 of 1, file 1 of 1)")
        .unwrap();
    s.expect("Caf\u{e9} [-mental property-]").unwrap();
    s.expect(PROMPT).unwrap();
    s.send("y").unwrap();
    s.expect("p.html: 1 of 1 change(s) written").unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 0);
    assert_eq!(
        fs::read(dir.path().join("p.html")).unwrap(),
        b"<html><head><meta charset=\"windows-1252\"></head>\n<p>Caf\xe9 intellectual property</p>\n"
    );
}

#[test]
fn a_line_every_page_repeats_is_left_alone_as_a_folder_run_leaves_it() {
    // A footer every page has, a small part of each page's prose (a page made mostly of
    // repeated lines is a copy of an article, and is read whole).
    let footer = "Footer: our mental property.\n";
    let body = "This page tells a story of its own, in words no other page shares, and goes on \
                for a while so that the footer is a small part of it.";
    let dir = folder(&[
        (
            "a.txt",
            &format!("Their commerce secrets leaked. {body}\n{footer}"),
        ),
        ("b.txt", &format!("A clean page. {body}\n{footer}")),
        ("c.txt", &format!("Another clean page. {body}\n{footer}")),
    ]);
    let mut s = spawn(dir.path(), &["a.txt", "b.txt", "c.txt"]);
    asked(&mut s, "a.txt:1:7", 1, 1);
    s.send("y").unwrap();
    s.expect("a.txt: 1 of 1 change(s) written").unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 0);
    assert_eq!(
        read(dir.path(), "a.txt"),
        format!("Their trade secrets leaked. {body}\n{footer}")
    );
    assert_eq!(
        read(dir.path(), "b.txt"),
        format!("A clean page. {body}\n{footer}")
    );
}

#[test]
fn a_file_below_min_score_is_not_reviewed() {
    let long = "One mental property in a page of many other words that are clean English, written \
                at length so that the spin score stays low, far below the bar the run sets.";
    let dir = folder(&[("a.txt", long), ("b.txt", "Our mental property.")]);
    let mut s = spawn(dir.path(), &["--min-score", "100", "a.txt", "b.txt"]);
    asked(&mut s, "b.txt:1:5", 1, 1);
    s.send("y").unwrap();
    s.expect("b.txt: 1 of 1 change(s) written").unwrap();
    let (_, code) = end(&mut s);
    assert_eq!(code, 0);
    assert_eq!(read(dir.path(), "a.txt"), long);
    assert_eq!(read(dir.path(), "b.txt"), "Our intellectual property.");
}

#[test]
fn a_folder_swapped_for_a_link_during_the_review_is_not_written_through() {
    let dir = folder(&[]);
    let away = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("tree/sub")).unwrap();
    fs::write(dir.path().join("tree/sub/a.txt"), "mental property\n").unwrap();
    fs::write(away.path().join("a.txt"), "mental property\n").unwrap();
    let mut s = spawn(dir.path(), &["tree"]);
    asked(&mut s, "tree/sub/a.txt:1:1", 1, 1);
    // While the change is on screen, the folder becomes a link to a place outside the tree,
    // holding a file with the same text.
    fs::rename(dir.path().join("tree/sub"), dir.path().join("tree/old")).unwrap();
    std::os::unix::fs::symlink(away.path(), dir.path().join("tree/sub")).unwrap();
    s.send("y").unwrap();
    let (rest, code) = end(&mut s);
    assert_eq!(code, 2, "{rest}");
    assert_eq!(read(away.path(), "a.txt"), "mental property\n");
    assert_eq!(read(dir.path(), "tree/old/a.txt"), "mental property\n");
}

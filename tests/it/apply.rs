//! `unspin --json` then `unspin apply`: the export carries content hashes, and apply writes
//! exactly the edits it is given, refusing stale files and edits that no longer fit.

use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Output;

const DICT: &str =
    "entries:\n  mental property: intellectual property\n  commerce secrets: trade secrets\n";
const A: &str = "Our mental property and commerce secrets.\r\nMore mental property.";
const B: &str = "Ünïcode commerce secrets\n";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("d.yaml"), DICT).unwrap();
    fs::write(dir.path().join("a.txt"), A).unwrap();
    fs::write(dir.path().join("b.txt"), B).unwrap();
    dir
}

fn unspin(dir: &Path, args: &[&str], stdin: &str) -> Output {
    assert_cmd::Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

/// The JSON Lines export of a.txt and b.txt.
fn export(dir: &Path) -> Vec<Value> {
    let out = unspin(
        dir,
        &[
            "--no-builtin",
            "--dict",
            "d.yaml",
            "--json",
            "a.txt",
            "b.txt",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

fn apply(dir: &Path, edits: &str) -> (i32, String) {
    fs::write(dir.join("edits.jsonl"), edits).unwrap();
    let out = unspin(dir, &["apply", "edits.jsonl"], "");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

fn edits_of(records: &[Value]) -> impl Iterator<Item = &Value> {
    records.iter().filter(|r| r["type"] == "edit")
}

#[test]
fn export_carries_the_content_hash_in_file_and_edit_records() {
    let dir = folder();
    let records = export(dir.path());
    let sha_a = unspin::fs::hash::sha256_hex(A.as_bytes());
    let sha_b = unspin::fs::hash::sha256_hex(B.as_bytes());
    let of = |path: &str, kind: &str| -> Vec<&Value> {
        records
            .iter()
            .filter(|r| r["path"] == path && r["type"] == kind)
            .collect()
    };
    assert_eq!(of("a.txt", "edit").len(), 3);
    assert!(of("a.txt", "edit")
        .iter()
        .chain(&of("a.txt", "file"))
        .all(|r| r["sha256"] == sha_a.as_str()));
    assert!(of("b.txt", "edit")
        .iter()
        .chain(&of("b.txt", "file"))
        .all(|r| r["sha256"] == sha_b.as_str()));
    // The fields that were there before are still there.
    let e = of("a.txt", "edit")[0];
    for field in [
        "line",
        "column",
        "start",
        "end",
        "from",
        "to",
        "rule",
        "dictionary",
        "class",
        "why",
        "source",
    ] {
        assert!(e.get(field).is_some(), "{field}");
    }
}

#[test]
fn applies_all_edits_as_repair_writes_them() {
    let dir = folder();
    let all = jsonl(&export(dir.path()));
    let (code, err) = apply(dir.path(), &all);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "a.txt: 3 edits applied\nb.txt: 1 edit applied\n");
    assert_eq!(
        read(dir.path(), "a.txt"),
        "Our intellectual property and trade secrets.\r\nMore intellectual property."
    );
    assert_eq!(read(dir.path(), "b.txt"), "Ünïcode trade secrets\n");
    // Applied again, the files no longer have the hash the edits carry.
    let (code, err) = apply(dir.path(), &all);
    assert_eq!(code, 2);
    assert!(
        err.contains("unspin: a.txt: not applied: changed since the export"),
        "{err}"
    );
}

#[test]
fn applies_a_filtered_subset_with_an_edited_replacement() {
    let dir = folder();
    let records = export(dir.path());
    // Keep only a.txt's "mental property" edits, and reword the second one.
    let mut kept: Vec<Value> = edits_of(&records)
        .filter(|r| r["path"] == "a.txt" && r["from"] == "mental property")
        .cloned()
        .collect();
    assert_eq!(kept.len(), 2);
    kept[1]["to"] = "brain property".into();
    let (code, err) = apply(dir.path(), &jsonl(&kept));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "a.txt: 2 edits applied\n");
    assert_eq!(
        read(dir.path(), "a.txt"),
        "Our intellectual property and commerce secrets.\r\nMore brain property."
    );
    assert_eq!(read(dir.path(), "b.txt"), B);
}

#[test]
fn reads_the_edits_from_standard_input() {
    let dir = folder();
    let b: Vec<Value> = edits_of(&export(dir.path()))
        .filter(|r| r["path"] == "b.txt")
        .cloned()
        .collect();
    let out = unspin(dir.path(), &["apply", "-"], &jsonl(&b));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(read(dir.path(), "b.txt"), "Ünïcode trade secrets\n");
    assert_eq!(read(dir.path(), "a.txt"), A);
}

#[test]
fn a_stale_file_is_refused_and_the_others_go_on() {
    let dir = folder();
    let all = jsonl(&export(dir.path()));
    let stale = format!("{A}\nA line added after the export.");
    fs::write(dir.path().join("a.txt"), &stale).unwrap();
    let (code, err) = apply(dir.path(), &all);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "unspin: a.txt: not applied: changed since the export (its sha256 is not the one the edits carry) in \
         edits.jsonl\nb.txt: 1 edit applied\n"
    );
    assert_eq!(read(dir.path(), "a.txt"), stale);
    assert_eq!(read(dir.path(), "b.txt"), "Ünïcode trade secrets\n");
}

#[test]
fn a_tampered_edit_refuses_its_whole_file() {
    let dir = folder();
    let mut records = export(dir.path());
    // Shift the range of a.txt's second edit by one byte: it no longer holds its `from`.
    let second = records
        .iter_mut()
        .filter(|r| r["type"] == "edit" && r["path"] == "a.txt")
        .nth(1)
        .unwrap();
    let start = second["start"].as_u64().unwrap();
    second["start"] = (start + 1).into();
    second["end"] = (second["end"].as_u64().unwrap() + 1).into();
    let (code, err) = apply(dir.path(), &jsonl(&records));
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!(
            "unspin: a.txt: not applied: the edit on line 2 expects \"commerce secrets\" at bytes {}..{}, but the \
             file has \"ommerce secrets.\"",
            start + 1,
            start + 17
        )),
        "{err}"
    );
    assert!(err.ends_with("b.txt: 1 edit applied\n"), "{err}");
    assert_eq!(
        read(dir.path(), "a.txt"),
        A,
        "no edit of a refused file is applied"
    );
}

#[test]
fn overlapping_edits_are_refused() {
    let dir = folder();
    let records = export(dir.path());
    let first = edits_of(&records).next().unwrap().clone();
    let (code, err) = apply(dir.path(), &jsonl(&[first.clone(), first]));
    assert_eq!(code, 2);
    assert!(
        err.contains("unspin: a.txt: not applied: the edits on lines 1 and 2 overlap"),
        "{err}"
    );
    assert_eq!(read(dir.path(), "a.txt"), A);
}

#[test]
fn a_line_that_is_not_json_is_an_error_naming_it_and_nothing_is_applied() {
    let dir = folder();
    let mut text = jsonl(&export(dir.path()));
    text.push_str("{\"type\": \"edit\", \"path\": \"a.txt\",\n");
    let bad_line = text.lines().count();
    let (code, err) = apply(dir.path(), &text);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!(
            "unspin: edits.jsonl: line {bad_line}: not valid JSON ("
        )),
        "{err}"
    );
    assert!(err.trim_end().ends_with("; nothing applied"), "{err}");
    assert_eq!(read(dir.path(), "a.txt"), A);
    assert_eq!(read(dir.path(), "b.txt"), B);

    let (code, err) = apply(
        dir.path(),
        "{\"type\":\"edit\",\"path\":\"a.txt\",\"start\":4,\"end\":19}\n",
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with("unspin: edits.jsonl: line 1: edit record: missing field `from`"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_an_error() {
    let dir = folder();
    let records = export(dir.path());
    fs::remove_file(dir.path().join("b.txt")).unwrap();
    let (code, err) = apply(dir.path(), &jsonl(&records));
    assert_eq!(code, 2);
    assert!(err.contains("unspin: b.txt: No such file"), "{err}");
    assert!(err.starts_with("a.txt: 3 edits applied\n"), "{err}");
}

#[test]
fn a_file_in_a_legacy_encoding_is_read_and_written_back_in_it() {
    let dir = folder();
    // A page that declares windows-1252, and plain text the export read with --encoding.
    let page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9 mental property</p></body></html>\n";
    fs::write(dir.path().join("p.html"), page).unwrap();
    fs::write(dir.path().join("l.txt"), b"na\xefve commerce secrets\n").unwrap();
    let args = [
        "--no-builtin",
        "--dict",
        "d.yaml",
        "--json",
        "--encoding",
        "latin1",
    ];
    let out = unspin(dir.path(), &[&args[..], &["p.html", "l.txt"]].concat(), "");
    assert_eq!(out.status.code(), Some(0));
    let edits = String::from_utf8(out.stdout).unwrap();
    fs::write(dir.path().join("edits.jsonl"), &edits).unwrap();
    // Without the encoding the export was read with, the plain text is refused, untouched;
    // the page declares its own.
    let out = unspin(dir.path(), &["apply", "edits.jsonl"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("l.txt: not applied: not UTF-8"));
    assert_eq!(
        fs::read(dir.path().join("l.txt")).unwrap(),
        b"na\xefve commerce secrets\n"
    );
    let html = fs::read(dir.path().join("p.html")).unwrap();
    let repaired = b"caf\xe9 intellectual property";
    assert!(html.windows(repaired.len()).any(|w| w == repaired));
    let out = unspin(
        dir.path(),
        &["apply", "--encoding", "latin1", "edits.jsonl"],
        "",
    );
    assert_eq!(out.status.code(), Some(2), "the page is stale now");
    assert_eq!(
        fs::read(dir.path().join("l.txt")).unwrap(),
        b"na\xefve trade secrets\n"
    );
}

//! `--jsonl-field`: JSON Lines records repaired field by field (issue 14).

use assert_cmd::Command;
use serde_json::Value;
use std::fs;

fn unspin() -> Command {
    Command::cargo_bin("unspin").unwrap()
}

const SPUN: &str = "fixtures/seeds/003_3d775348fe8cc8f0.txt";
const CLEAN: &str = "fixtures/seeds/001_c67f2317cc321f76.txt";

fn record(id: &str, text: &str) -> String {
    format!(
        r#"{{"id":{id},"text":{},"lang":"en"}}"#,
        serde_json::to_string(text).unwrap()
    )
}

#[test]
fn the_field_is_repaired_as_the_text_would_be_and_the_rest_kept_byte_for_byte() {
    let (spun, clean) = (
        fs::read_to_string(SPUN).unwrap(),
        fs::read_to_string(CLEAN).unwrap(),
    );
    let input = format!(
        "{}\n{}\n",
        record("12345678901234567890", &spun),
        record("2.50", &clean)
    );
    let out = unspin()
        .args(["--jsonl-field", "text"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    // Numbers as written, members in order, "unspin" last.
    assert!(
        lines[0].starts_with(r#"{"id":12345678901234567890,"text":""#),
        "{}",
        &lines[0][..60]
    );
    assert!(lines[1].starts_with(r#"{"id":2.50,"text":""#));
    let records: Vec<Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The same repair as of the text on its own.
    let alone = unspin().arg(SPUN).output().unwrap();
    assert_eq!(records[0]["text"], String::from_utf8(alone.stdout).unwrap());
    let edits = records[0]["unspin"]["edits"].as_array().unwrap();
    assert!(edits.len() > 100);
    assert_eq!(records[0]["unspin"]["spun"], true);
    // Each edit's offsets point at its `from` in the field as it was.
    for e in edits {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&spun[start..end], e["from"].as_str().unwrap());
        assert!(e["rule"].as_str().is_some() && e["why"].as_str().is_some());
    }
    // The clean record: its text untouched, no edits.
    assert_eq!(records[1]["text"], clean);
    assert_eq!(records[1]["unspin"]["edits"].as_array().unwrap().len(), 0);
    assert_eq!(records[1]["lang"], "en");
}

#[test]
fn bad_lines_are_numbered_and_kept_dropped_or_fatal() {
    let input = format!(
        "{}\nnot json\n{{\"id\":3}}\n\n{}\n",
        record("1", "a mental property case"),
        record("5", "the end")
    );
    let run = |how: &str| {
        let out = unspin()
            .args(["--jsonl-field", "text", "--bad-lines", how])
            .write_stdin(input.clone())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, out, err) = run("keep");
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(lines[1], "not json");
    assert_eq!(lines[2], r#"{"id":3}"#);
    assert_eq!(lines[3], "");
    assert!(err.contains("<stdin>:2: not a JSON object"), "{err}");
    assert!(err.contains("<stdin>:3: no string member"), "{err}");
    assert!(err.contains("2 records"), "{err}");
    let (code, out, _) = run("drop");
    assert_eq!((code, out.lines().count()), (Some(0), 3));
    let (code, out, err) = run("error");
    assert_eq!((code, out.lines().count()), (Some(2), 1));
    assert!(err.contains("<stdin>:2:"), "{err}");
}

#[test]
fn check_prints_nothing_and_says_whether_a_record_needs_repair() {
    let spun = fs::read_to_string(SPUN).unwrap();
    let out = unspin()
        .args(["--jsonl-field", "text", "--check"])
        .write_stdin(record("1", &spun) + "\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let clean = fs::read_to_string(CLEAN).unwrap();
    let out = unspin()
        .args(["--jsonl-field", "text", "--check"])
        .write_stdin(record("1", &clean) + "\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_line_over_the_size_limit_is_bad_and_the_next_one_still_read() {
    let long = record("1", &"word ".repeat(400));
    let input = format!("{long}\n{}\n", record("2", "mental property"));
    let out = unspin()
        .args([
            "--jsonl-field",
            "text",
            "--max-size",
            "1K",
            "--bad-lines",
            "drop",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.starts_with(r#"{"id":2,"#), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:1: line longer than --max-size"));
}

#[test]
fn write_and_diff_are_refused() {
    for flag in ["-w", "--diff", "--json"] {
        let out = unspin()
            .args(["--jsonl-field", "text", flag, "x.jsonl"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
    }
}

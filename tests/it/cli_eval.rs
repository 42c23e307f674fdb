//! `unspin eval` end to end: one pair, a folder with totals, JSON, and bad inputs.
//! The dictionary alone decides here (`--context never`): the model has its own tests.

use assert_cmd::Command;
use std::fs;

const ORIGINAL: &str = "The government signed an agreement on intellectual property.\n";
const SPUN: &str = "The authorities signed an settlement on mental property.\n";
const DICT: &str = "entries:\n  mental property: intellectual property\n  settlement: agreement\n  signed: inked\n";

fn unspin() -> Command {
    Command::cargo_bin("unspin").unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.original.txt"), ORIGINAL).unwrap();
    fs::write(dir.path().join("a.spun.txt"), SPUN).unwrap();
    fs::write(dir.path().join("b.original.txt"), "Clean text stays.\n").unwrap();
    fs::write(dir.path().join("b.spun.txt"), "Clean text stays.\n").unwrap();
    fs::write(dir.path().join("t.yaml"), DICT).unwrap();
    dir
}

/// `unspin eval` of pair "a" of `dir` with its dictionary `dict` alone (and `extra` options).
fn eval_a(dir: &tempfile::TempDir, dict: &str, extra: &[&str]) -> std::process::Output {
    let p = |n: &str| dir.path().join(n);
    unspin()
        .args(["eval", "--context", "never", "--no-builtin"])
        .args(extra)
        .arg("--dict")
        .arg(p(dict))
        .arg("--original")
        .arg(p("a.original.txt"))
        .arg("--spun")
        .arg(p("a.spun.txt"))
        .output()
        .unwrap()
}

#[test]
fn one_pair_reports_distance_and_verdicts_with_rule_of_wrong_edits() {
    let dir = folder();
    let out = eval_a(&dir, "t.yaml", &["-v"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "distance 3 -> 2 (33.3% removed); 3 edits: 2 correct, 1 wrong (33.3%; 1 in clean words); 1 spins missed"
        ),
        "{text}"
    );
    assert!(
        text.contains("wrong   ")
            && text.contains("\"signed\" -> \"inked\"")
            && text.contains("t:signed"),
        "{text}"
    );
    assert!(
        text.contains("missed  ") && text.contains("\"authorities\" (original \"government\")"),
        "{text}"
    );
}

#[test]
fn a_folder_gives_totals_and_json_gives_one_object() {
    let dir = folder();
    let out = unspin()
        .args([
            "eval",
            "--context",
            "never",
            "--no-builtin",
            "--json",
            "--dict",
        ])
        .arg(dir.path().join("t.yaml"))
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 2);
    assert_eq!(v["total"]["distance_before"], 3);
    assert_eq!(v["total"]["correct"], 2);
    assert_eq!(v["total"]["wrong"], 1);
    // "signed" is the original's own word: the wrong edit damaged clean words.
    assert_eq!(v["total"]["wrong_in_clean"], 1);
    assert_eq!(v["pairs"][0]["edits_judged"][0]["rule"], "t:signed");
    assert_eq!(v["pairs"][0]["edits_judged"][0]["in_clean"], true);
    let text = unspin()
        .args(["eval", "--context", "never", "--no-builtin", "--dict"])
        .arg(dir.path().join("t.yaml"))
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("total (2 pairs): distance 3 -> 2"),
        "{text}"
    );
}

#[test]
fn a_spin_repaired_to_other_words_is_wrong_but_not_in_clean_words() {
    let dir = folder();
    fs::write(
        dir.path().join("o.yaml"),
        "entries:\n  authorities: officials\n",
    )
    .unwrap();
    let out = eval_a(&dir, "o.yaml", &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    // "authorities" was spun from "government": "officials" is a wrong guess, not damage.
    assert!(
        text.contains("1 edits: 0 correct, 1 wrong (100.0%; 0 in clean words)"),
        "{text}"
    );
}

#[test]
fn by_rule_adds_up_each_rules_edits_worst_first() {
    let dir = folder();
    let run = |json: bool| {
        let mut cmd = unspin();
        cmd.args([
            "eval",
            "--context",
            "never",
            "--no-builtin",
            "--by-rule",
            "--dict",
        ])
        .arg(dir.path().join("t.yaml"))
        .arg(dir.path());
        if json {
            cmd.arg("--json");
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let text = run(false);
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("rule (source)"))
        .collect();
    // The one rule that damaged clean words comes first, with its dictionary line.
    assert!(
        table.len() == 4
            && table[1].contains("1       0     1        1  t:signed (")
            && table[1].contains("t.yaml:4:3"),
        "{text}"
    );
    assert!(
        table[2..]
            .iter()
            .all(|l| l.contains("1       1     0        0")),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&run(true)).unwrap();
    assert_eq!(v["rules"][0]["rule"], "t:signed");
    assert_eq!(v["rules"][0]["figures"]["wrong_in_clean"], 1);
    assert_eq!(v["rules"].as_array().unwrap().len(), 3);
}

#[test]
fn unpaired_and_unreadable_files_are_reported_and_the_rest_evaluated() {
    let dir = folder();
    fs::write(dir.path().join("c.spun.txt"), "no original").unwrap();
    fs::write(dir.path().join("d.original.txt"), b"bin\0ary").unwrap();
    fs::write(dir.path().join("d.spun.txt"), "text").unwrap();
    let out = unspin()
        .args(["eval", "--context", "never", "--no-builtin", "--dict"])
        .arg(dir.path().join("t.yaml"))
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("c.spun.txt: no c.original.txt"), "{err}");
    assert!(err.contains("d.original.txt: binary"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("a: distance 3 -> 2"), "{text}");
    assert!(
        text.contains("total (2 of 3 pairs): distance 3 -> 2"),
        "{text}"
    );
}

//! `--format sarif` and `--format github`: what code scanning and the Actions runner read. The
//! SARIF log is validated against the SARIF 2.1.0 JSON schema (`tests/data/`) with Python's
//! `jsonschema` when it is installed (`scripts/install-sources.sh` installs it; without it the
//! test says why it skips, or fails if `UNSPIN_REQUIRE_SOURCES=1`).

use crate::common::{put, DICT};
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

/// A folder with the test dictionary and three files: a spun one whose phrase follows an
/// emoji (two UTF-16 units) and runs over a line break, a clean one, and one with a comma in
/// its name.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    put(&d.join("t.yaml"), DICT);
    put(
        &d.join("docs/a.txt"),
        "\u{1F600} mental\nproperty; Chinese language\n",
    );
    put(&d.join("docs/clean.txt"), "Nothing here.\n");
    put(&d.join("docs/x,y.txt"), "commerce secrets\n");
    dir
}

fn unspin(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(dir)
        .args(["--no-builtin", "--dict", "t.yaml", "--context", "never"])
        .args(args)
        .output()
        .unwrap()
}

fn sarif(dir: &Path, args: &[&str]) -> (Value, Output) {
    let o = unspin(dir, &[&["--format", "sarif", "--sort"], args].concat());
    let log = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));
    (log, o)
}

#[test]
fn sarif_has_one_run_with_rules_results_places_and_fixes() {
    let dir = folder();
    let (log, o) = sarif(dir.path(), &["docs"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(run["tool"]["driver"]["name"], "unspin");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "t:chinese language",
            "t:commerce secrets",
            "t:mental property"
        ]
    );
    let help = rules[2]["help"]["text"].as_str().unwrap();
    assert!(help.contains("at t.yaml:3:3"), "{help}");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let first = &results[0];
    assert_eq!(first["ruleId"], "t:mental property");
    let place = &first["locations"][0]["physicalLocation"];
    assert_eq!(place["artifactLocation"]["uri"], "docs/a.txt");
    // After the emoji (2 UTF-16 units) and a space; over the line break, to the column after.
    assert_eq!(
        place["region"],
        serde_json::json!({"startLine": 1, "startColumn": 4, "endLine": 2, "endColumn": 9})
    );
    let change = &first["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "docs/a.txt");
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["deletedRegion"], place["region"]);
    // The replacement keeps the line break it replaces.
    assert_eq!(
        replacement["insertedContent"]["text"],
        "intellectual\nproperty"
    );
    let comma = &results[2]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(comma["uri"], "docs/x%2Cy.txt");
}

#[test]
fn sarif_with_an_error_or_nothing_to_say_is_still_a_log() {
    let dir = folder();
    let (log, o) = sarif(dir.path(), &["docs/clean.txt", "missing.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    let empty = Command::cargo_bin("unspin")
        .unwrap()
        .args(["--format", "sarif"])
        .write_stdin("")
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&empty.stdout).unwrap();
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn sarif_passes_the_2_1_0_schema() {
    let dir = folder();
    let (_, o) = sarif(dir.path(), &["docs", "missing.txt"]);
    let log_path = dir.path().join("log.sarif");
    std::fs::write(&log_path, &o.stdout).unwrap();
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let check = "import json, sys, jsonschema\n\
                 schema = json.load(open(sys.argv[1]))\n\
                 jsonschema.Draft7Validator.check_schema(schema)\n\
                 jsonschema.Draft7Validator(schema).validate(json.load(open(sys.argv[2])))\n";
    let run = std::process::Command::new("python3")
        .args(["-c", check])
        .arg(&schema)
        .arg(&log_path)
        .output();
    let missing = match &run {
        Err(e) => Some(e.to_string()),
        Ok(r) if String::from_utf8_lossy(&r.stderr).contains("No module named 'jsonschema'") => {
            Some("Python's jsonschema is not installed".into())
        }
        Ok(_) => None,
    };
    if let Some(why) = missing {
        let required = std::env::var("UNSPIN_REQUIRE_SOURCES").is_ok_and(|v| v == "1");
        assert!(!required, "UNSPIN_REQUIRE_SOURCES=1 but {why}");
        eprintln!("skipped: {why} (scripts/install-sources.sh installs it)");
        return;
    }
    let run = run.unwrap();
    assert!(
        run.status.success(),
        "the SARIF log does not pass the schema: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn github_annotations_escape_properties_and_messages() {
    let dir = folder();
    let o = unspin(
        dir.path(),
        &[
            "--format",
            "github",
            "docs/a.txt",
            "docs/x,y.txt",
            "gone.txt",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "::warning file=docs/a.txt,line=1,col=3,endLine=2,endColumn=9,title=unspin::\
         \"mental\\nproperty\" -> \"intellectual\\nproperty\" (t:mental property (fingerprint))\n\
         ::warning file=docs/a.txt,line=2,col=11,endColumn=27,title=unspin::\
         \"Chinese language\" -> \"Chinese\" (t:chinese language (fingerprint))\n\
         ::warning file=docs/x%2Cy.txt,line=1,col=1,endColumn=17,title=unspin::\
         \"commerce secrets\" -> \"trade secrets\" (t:commerce secrets (fingerprint))\n\
         ::error file=gone.txt,title=unspin::No such file or directory (os error 2)\n"
    );
}

#[test]
fn format_json_is_json() {
    let dir = folder();
    let a = unspin(dir.path(), &["--format", "json", "docs/a.txt"]);
    let b = unspin(dir.path(), &["--json", "docs/a.txt"]);
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}

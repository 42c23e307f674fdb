//! `unspin dict import` on small hand-made files in each format, malformed rows included:
//! each problem is reported with its line number, the rest imported, and the output passes
//! `dict check`.

use assert_cmd::Command;
use std::fs;
use unspin::curate::import::{import, Format, Imported};
use unspin::curate::newdict;
use unspin::dict::model::Class;
use unspin::quality::lint;
use unspin::{Dictionary, Engine};

/// Imports against an empty reference, so the format cases do not move with the built-in set
/// (conflicts with a reference have their own test).
fn run(format: Format, text: &str) -> Imported {
    run_against(format, text, "entries: {}\n")
}

fn run_against(format: Format, text: &str, reference: &str) -> Imported {
    let reference = Dictionary::from_yaml("ref", reference).unwrap();
    let reference = Engine::new(reference, lint::checking_options()).unwrap();
    import(format, "t", text, &reference)
}

/// The imported entries in force, loaded the way unspin loads any dictionary.
fn loaded(imported: &Imported) -> Dictionary {
    let yaml = newdict::to_yaml("t", &[], &imported.entries);
    let dict = Dictionary::from_yaml("t", &yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    let engine = Engine::new(
        Dictionary::from_yaml("t", &yaml).unwrap(),
        lint::checking_options(),
    )
    .unwrap();
    assert_eq!(lint::chains(&engine), vec![], "{yaml}");
    dict
}

fn lines(imported: &Imported) -> Vec<(usize, bool)> {
    imported
        .problems
        .iter()
        .map(|p| (p.line, p.skipped))
        .collect()
}

const PPS: &str = r#"Fingerprint - Tortured Phrase,Expected Text,Nb Retrieved Papers
counterfeit consciousness,artificial intelligence (AI),1200
"""irregular woodland"" AND ""classification""",random forest,85
"""bosom disease"" NOT ""cow""",breast cancer,12
profound learning,deep learning / DL,900
"""bosom malignancy""~3",breast cancer,4
"""a"" OR ""b""",c,1
sign to noise,signal to noise,many
counterfeit consciousness,artificial intelligence,3
only one field
"#;

#[test]
fn pps_rows_become_fingerprints_with_document_conditions() {
    let imported = run(Format::Pps, PPS);
    assert_eq!(
        lines(&imported),
        [
            (1, false),
            (6, true),
            (7, true),
            (8, false),
            (9, true),
            (10, true)
        ],
        "{:?}",
        imported.problems
    );
    assert!(imported.problems[0].message.contains("columns taken"));
    assert!(imported.problems[1].message.contains("proximity"));
    assert!(imported.problems[2].message.contains("OR"));
    assert!(imported.problems[3].message.contains("not a number"));
    assert!(imported.problems[4].message.contains("duplicate of line 2"));
    let dict = loaded(&imported);
    let rules = dict.rules();
    let got: Vec<(&str, &str)> = rules
        .iter()
        .map(|r| (r.key.as_str(), r.to.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("counterfeit consciousness", "artificial intelligence"),
            ("irregular woodland", "random forest"),
            ("bosom disease", "breast cancer"),
            ("profound learning", "deep learning"),
            ("sign to noise", "signal to noise"),
        ]
    );
    assert!(rules.iter().all(|r| r.class == Class::Fingerprint));
    assert_eq!(rules[1].context.document_has, ["classification"]);
    assert_eq!(rules[2].context.document_lacks, ["cow"]);
    assert!(rules[3].note.as_deref().unwrap().contains("also: DL"));
    // The AND condition holds only in a document that has the other phrase.
    let engine = Engine::new(dict, unspin::Options::default()).unwrap();
    assert_eq!(
        engine
            .repair("An irregular woodland classification model.")
            .edits
            .len(),
        1
    );
    assert_eq!(
        engine.repair("An irregular woodland at dawn.").edits.len(),
        0
    );
}

const CODESPELL: &str = "\
# comment
abandonned->abandoned
aline->align, a line, alien,
clas->class, disabled because of name clash in c++
no arrow here
->nothing
teh->the
abandonned->abandoned
beleive->believe,
english->English
";

#[test]
fn codespell_takes_single_fixes_with_reasons_and_skips_choices() {
    let imported = run(Format::Codespell, CODESPELL);
    assert_eq!(
        lines(&imported),
        [(3, true), (5, true), (6, true), (8, true), (10, false)],
        "{:?}",
        imported.problems
    );
    assert!(imported.problems[0]
        .message
        .contains("several candidates (align, a line, alien)"));
    assert!(imported.problems[1].message.contains("no `->`"));
    assert!(imported.problems[2].message.contains("empty"));
    assert!(imported.problems[3].message.contains("duplicate of line 2"));
    let dict = loaded(&imported);
    let got: Vec<(&str, &str)> = dict
        .rules()
        .iter()
        .map(|r| (r.key.as_str(), r.to.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("abandonned", "abandoned"),
            ("clas", "class"),
            ("teh", "the"),
            ("beleive", "believe"),
            ("english", "English")
        ]
    );
    assert_eq!(
        dict.rules()[1].note.as_deref(),
        Some("disabled because of name clash in c++")
    );
    // A fix of case only matches the key as written.
    assert_eq!(dict.rules()[4].case, unspin::dict::model::CaseMode::Exact);
}

const TSV: &str = "mental property\tintellectual property\nbad line without tab\nour on-line world\tcyberspace\na\tb\tc\nauthorities\tgovernment\nauthorities\tofficials\n\ngovernment\tregime\n";

#[test]
fn tsv_reports_malformed_rows_duplicates_conflicts_and_chains() {
    let imported = run_against(
        Format::Tsv,
        TSV,
        "entries:\n  mental property: intellectual property\n",
    );
    let skipped: Vec<usize> = imported
        .problems
        .iter()
        .filter(|p| p.skipped)
        .map(|p| p.line)
        .collect();
    assert_eq!(skipped, [2, 4, 6, 8], "{:?}", imported.problems);
    let message = |line: usize| {
        imported
            .problems
            .iter()
            .find(|p| p.line == line && p.skipped)
            .unwrap()
            .message
            .clone()
    };
    assert!(message(2).contains("found 1 field"));
    assert!(message(4).contains("found 3 field"));
    assert!(message(6).contains("conflicts with line 5"));
    assert!(message(8).contains("chain"), "{}", message(8));
    // The reference set already has "mental property": reported, not merged silently.
    assert!(imported
        .problems
        .iter()
        .any(|p| p.line == 1 && !p.skipped && p.message.contains("built-in entry")));
    // A common English word is imported as a suspect, with a warning.
    assert!(imported
        .problems
        .iter()
        .any(|p| p.line == 5 && p.message.contains("common English word")));
    let dict = loaded(&imported);
    assert_eq!(dict.rules().len(), 3);
    assert_eq!(dict.rules()[2].class, Class::Suspect);
}

#[test]
fn the_command_writes_a_dictionary_that_dict_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("tortured.csv");
    let output = dir.path().join("tortured.yaml");
    fs::write(&input, PPS).unwrap();
    let out = Command::cargo_bin("unspin")
        .unwrap()
        .args(["dict", "import", "--format", "pps"])
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("tortured.csv:6: ") && err.contains("tortured.csv:10: "),
        "{err}"
    );
    assert!(err.contains("5 entries imported"), "{err}");
    let check = Command::cargo_bin("unspin")
        .unwrap()
        .args(["dict", "check"])
        .arg(&output)
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    // And it repairs with the built-in set beside it.
    let fixed = Command::cargo_bin("unspin")
        .unwrap()
        .arg("--dict")
        .arg(&output)
        .write_stdin("We used profound learning.\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(fixed.stdout).unwrap(),
        "We used deep learning.\n"
    );
}

#[test]
fn the_lists_people_have_import_and_an_empty_import_fails() {
    let dir = tempfile::tempdir().unwrap();
    let import = |format: &str, name: &str, text: &str| {
        let input = dir.path().join(name);
        fs::write(&input, text).unwrap();
        Command::cargo_bin("unspin")
            .unwrap()
            .args(["dict", "import", "--format", format])
            .arg(&input)
            .output()
            .unwrap()
    };
    let out = import(
        "pps",
        "public.csv",
        "tortured_phrase,expected_phrase,num_papers\nprofound learning,deep learning,\"42,682\"\n",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("public.csv:1: columns taken: \"tortured_phrase\""),
        "{err}"
    );
    assert!(!err.contains("not a number"), "{err}");
    let yaml = String::from_utf8_lossy(&out.stdout);
    assert!(
        yaml.contains("42682 retrieved papers") && yaml.contains("to: deep learning"),
        "{yaml}"
    );
    let out = import(
        "torturedcheck",
        "tc.json",
        r#"{"version": "1", "lastUpdated": "2024-01-01", "source": "PPS", "license": "CC0",
            "phrases": [{"tortured": "profound learning", "correct": "deep learning"}]}"#,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("profound learning"));
    let out = import(
        "pps",
        "wrong.csv",
        "phrase,fix\nprofound learning,deep learning\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nothing imported; no dictionary written"),
        "{err}"
    );
}

//! `unspin learn` end to end: a folder of pairs merged with counts, `-o`, `--against`, and
//! flags against the dictionaries in use.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::process::Output;

fn unspin() -> Command {
    Command::cargo_bin("unspin").unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |n: &str, t: &str| fs::write(dir.path().join(n), t).unwrap();
    w(
        "a.original.txt",
        "The government protects intellectual property. It took a year.\n",
    );
    w(
        "a.spun.txt",
        "The authorities protects mental property. It took a yr.\n",
    );
    w("b.original.txt", "Each year the government reports.\n");
    w("b.spun.txt", "Each yr the authorities reports.\n");
    w("known.yaml", "entries:\n  yr: year\n");
    dir
}

/// `unspin learn --no-builtin DIR FLAG PATH`: the pairs of `dir` with one option naming a path.
fn learn_with(dir: &tempfile::TempDir, flag: &str, path: &Path) -> Output {
    unspin()
        .args(["learn", "--no-builtin"])
        .arg(dir.path())
        .arg(flag)
        .arg(path)
        .output()
        .unwrap()
}

#[test]
fn a_folder_of_pairs_gives_merged_candidates_that_pass_dict_check() {
    let dir = folder();
    let output = dir.path().join("learned.yaml");
    let out = unspin()
        .args(["learn", "--no-builtin"])
        .arg(dir.path())
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let yaml = fs::read_to_string(&output).unwrap();
    assert!(yaml.contains("# seen 2 times in 2 documents, e.g. \"The [authorities] protects mental property. It...\""), "{yaml}");
    assert!(
        yaml.contains("  authorities:\n    to: government\n    class: suspect\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains(
            "# seen 2 times in 2 documents, e.g. \"...property. It took a [yr].\"\n  yr: year\n"
        ),
        "{yaml}"
    );
    assert!(
        yaml.contains("  mental:\n    to: intellectual\n    class: suspect\n"),
        "{yaml}"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("3 candidates from 2 pair(s): 1 fingerprints, 2 suspects"),
        "{err}"
    );
    let check = unspin()
        .args(["dict", "check"])
        .arg(&output)
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
}

#[test]
fn against_shows_only_what_the_dictionaries_do_not_cover() {
    let dir = folder();
    let out = learn_with(&dir, "--against", &dir.path().join("known.yaml"));
    assert!(out.status.success(), "{out:?}");
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(!yaml.contains("yr"), "{yaml}");
    assert!(
        yaml.contains("authorities") && yaml.contains("mental"),
        "{yaml}"
    );
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("1 already covered by --against"));
}

#[test]
fn candidates_that_conflict_with_the_dictionaries_in_use_are_flagged() {
    let dir = folder();
    fs::write(
        dir.path().join("other.yaml"),
        "entries:\n  authorities: officials\n",
    )
    .unwrap();
    let out = unspin()
        .args(["learn", "--no-builtin", "--dict"])
        .arg(dir.path().join("other.yaml"))
        .arg("--original")
        .arg(dir.path().join("a.original.txt"))
        .arg("--spun")
        .arg(dir.path().join("a.spun.txt"))
        .output()
        .unwrap();
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(
        yaml.contains("# RISK: conflicts with other:authorities"),
        "{yaml}"
    );
    assert!(yaml.contains("which repairs it to \"officials\""), "{yaml}");
}

#[test]
fn seen_in_tells_where_a_candidate_recurs_and_ranks_it_first() {
    let dir = folder();
    let elsewhere = tempfile::tempdir().unwrap();
    let w = |n: &str, t: &str| fs::write(elsewhere.path().join(n), t).unwrap();
    w("01.txt", "It took a yr to build the lab.\n");
    w("02.txt", "Every yr the lab reports, and this yr too.\n");
    // Real English in a clean text: a suspect is not repaired there, so not seen.
    w("03.txt", "The authorities said the lab was safe.\n");
    w("notes.md", "a yr, in a file it does not read\n");
    w("04.txt", "");
    let out = learn_with(&dir, "--seen-in", elsewhere.path());
    assert!(out.status.success(), "{out:?}");
    let yaml = String::from_utf8(out.stdout).unwrap();
    let yr = yaml.find("  yr: year").unwrap();
    let authorities = yaml.find("  authorities:").unwrap();
    assert!(
        yr < authorities,
        "the candidate seen elsewhere comes first: {yaml}"
    );
    let seen = format!(
        "repaired 3 times in 2 of the texts of {} (01, 02), e.g. \"...It took a [yr] to build the lab....\"",
        elsewhere.path().display()
    );
    assert!(yaml[..yr].contains(&seen), "{yaml}");
    assert_eq!(yaml.matches("repaired ").count(), 1, "{yaml}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("1 repaired in 2 or more of the texts of"),
        "{err}"
    );
}

#[test]
fn seen_in_a_missing_folder_is_a_clear_error() {
    let dir = folder();
    let out = learn_with(&dir, "--seen-in", &dir.path().join("nowhere"));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("nowhere") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn seen_in_a_folder_holding_binary_data_is_a_clear_error() {
    let dir = folder();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("01.txt"), b"a yr\0\x01").unwrap();
    let out = learn_with(&dir, "--seen-in", elsewhere.path());
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("01.txt: binary data"), "{err}");
}

#[test]
fn reject_leaves_out_the_phrases_a_curator_listed() {
    let dir = folder();
    let rejects = dir.path().join("rejects.txt");
    fs::write(
        &rejects,
        "# seen standing for itself elsewhere\nMental   # \"mental health\"\n\n",
    )
    .unwrap();
    let out = learn_with(&dir, "--reject", &rejects);
    assert!(out.status.success(), "{out:?}");
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(!yaml.contains("  mental:"), "{yaml}");
    assert!(
        yaml.contains("  authorities:") && yaml.contains("  yr: year"),
        "{yaml}"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("; 1 rejected by --reject, not shown"), "{err}");
    let missing = learn_with(&dir, "--reject", &dir.path().join("nowhere.txt"));
    assert_eq!(missing.status.code(), Some(2), "{missing:?}");
}

#[test]
fn suspects_only_leaves_out_a_replacement_the_model_cannot_judge() {
    let dir = folder();
    fs::write(dir.path().join("c.original.txt"), "It cost 3 dollars.\n").unwrap();
    fs::write(dir.path().join("c.spun.txt"), "It cost three dollars.\n").unwrap();
    let out = unspin()
        .args(["learn", "--no-builtin", "--suspects-only"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(!yaml.contains("  three:"), "{yaml}");
    assert!(yaml.contains("  authorities:"), "{yaml}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("; 1 the model cannot judge (a replacement in digits)"),
        "{err}"
    );
}

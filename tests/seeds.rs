//! The seed articles: the spun Engadget mirror is visibly repaired; the four clean articles on
//! the same story come out byte-identical.

use assert_cmd::Command;
use std::fs;

const SPUN: &str = "fixtures/seeds/003_3d775348fe8cc8f0.txt";
const CLEAN: [&str; 4] = [
    "fixtures/seeds/000_0bee43191537417c.txt",
    "fixtures/seeds/001_c67f2317cc321f76.txt",
    "fixtures/seeds/002_90ec1c7b3b2bab42.txt",
    "fixtures/seeds/004_c6e59630acf81a66.txt",
];

fn unspin() -> Command {
    Command::cargo_bin("unspin").unwrap()
}

#[test]
fn clean_seeds_come_out_byte_identical() {
    for path in CLEAN {
        let out = unspin().arg(path).assert().success().get_output().clone();
        assert_eq!(out.stdout, fs::read(path).unwrap(), "{path} changed");
        unspin().args(["--check", path]).assert().code(0);
    }
}

#[test]
fn the_spun_seed_loses_its_fingerprints() {
    let out = unspin().arg(SPUN).assert().success().get_output().clone();
    let repaired = String::from_utf8(out.stdout).unwrap();
    for fingerprint in [
        "Chinese language President",
        "mental property",
        "secrets and techniques",
        "our on-line world",
        "as soon as once more",
        "Workplace of Personnel Administration",
        "Sponsored Content material",
        " yr.",
    ] {
        assert!(
            fs::read_to_string(SPUN).unwrap().contains(fingerprint),
            "fixture lacks {fingerprint:?}"
        );
        assert!(!repaired.contains(fingerprint), "{fingerprint:?} survived");
    }
    for original in [
        "Chinese President",
        "intellectual property",
        "cyberspace",
        "Office of Personnel Management",
    ] {
        assert!(repaired.contains(original), "{original:?} missing");
    }
    unspin().args(["--check", SPUN]).assert().code(1);
}

#[test]
fn a_second_run_over_the_repaired_seed_changes_nothing() {
    let once = unspin()
        .arg(SPUN)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    unspin().arg("--check").write_stdin(once).assert().code(0);
}

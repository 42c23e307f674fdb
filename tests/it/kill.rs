//! `kill -9` at random moments during `unspin -w` over a folder: every file must be, byte for
//! byte, either its old or its new version. Iterations: UNSPIN_KILL_ITERATIONS (default 20);
//! UNSPIN_KILL_SEED replays a run. Temporary files are unnamed while written (O_TMPFILE), so a
//! kill leaves one behind only if it lands between `linkat` and `renameat` (issue 10, item 4).
#![cfg(unix)]

use crate::common::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The folder: text and HTML files of many sizes, spun and clean, in nested folders.
fn build(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for i in 0..240 {
        let rel = format!(
            "d{}/e{}/f{i:03}.{}",
            i % 4,
            i % 3,
            if i % 3 == 0 { "html" } else { "txt" }
        );
        let reps = 1 + (i * 37) % 150;
        let body = match i % 5 {
            0 => "A clean line with nothing to repair.\n".repeat(reps),
            _ if i % 3 == 0 => PAGE.repeat(1 + reps / 10),
            _ => SPUN.repeat(reps),
        };
        put(&dir.join(&rel), &body);
        names.push(rel);
    }
    names
}

fn unspin(dict: &Path, dir: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("unspin"));
    c.args(["--no-builtin", "--dict"])
        .arg(dict)
        .args(["-w", "-j", "2"])
        .arg(dir);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

#[test]
fn every_file_is_old_or_new_whenever_the_run_is_killed() {
    let t = tempfile::tempdir().unwrap();
    let dict = t.path().join("t.yaml");
    fs::write(&dict, DICT).unwrap();
    let orig = t.path().join("orig");
    let names = build(&orig);
    let old: Vec<Vec<u8>> = names
        .iter()
        .map(|n| fs::read(orig.join(n)).unwrap())
        .collect();

    // The new versions, from a run left to finish; its length bounds the kill times.
    let done = t.path().join("done");
    copy_tree(&orig, &done, &names);
    let start = Instant::now();
    assert!(unspin(&dict, &done).status().unwrap().success());
    let full = start.elapsed();
    let new: Vec<Vec<u8>> = names
        .iter()
        .map(|n| fs::read(done.join(n)).unwrap())
        .collect();
    let changed = old.iter().zip(&new).filter(|(o, n)| o != n).count();
    assert!(
        changed > 100,
        "the folder must have many files to repair ({changed})"
    );

    let iterations = env("UNSPIN_KILL_ITERATIONS", 20);
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let seed = env("UNSPIN_KILL_SEED", clock.as_nanos() as u64);
    eprintln!("kill test: {iterations} iterations, seed {seed}, full run {full:?}");
    let mut rng = seed | 1;
    let (mut partial, mut leftovers, mut trials_left) = (0, 0, 0);
    for i in 0..iterations {
        let work = t.path().join(format!("work{i}"));
        copy_tree(&orig, &work, &names);
        // Kill anywhere from right at the start to just past the end of a full run.
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let at = Duration::from_micros(rng % (full.as_micros() as u64 * 6 / 5 + 1));
        let mut child = unspin(&dict, &work).spawn().unwrap();
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        let mut now_new = 0;
        for (k, n) in names.iter().enumerate() {
            let now = fs::read(work.join(n))
                .unwrap_or_else(|e| panic!("iteration {i} (seed {seed}): {n}: {e}"));
            assert!(
                now == old[k] || now == new[k],
                "iteration {i} (seed {seed}, kill at {at:?}): {n} is neither old nor new"
            );
            now_new += usize::from(now != old[k]);
        }
        partial += usize::from(now_new > 0 && now_new < changed);
        // A kill -9 may leave a temporary file only in the instant it has a name; it is never
        // an input.
        let left = listing(&work)
            .iter()
            .filter(|f| f.contains(".unspin-"))
            .count();
        leftovers += left;
        trials_left += usize::from(left > 0);
        if i % 5 == 0 {
            // The next run finishes the job from wherever the killed one stopped.
            assert!(unspin(&dict, &work).status().unwrap().success());
            for (k, n) in names.iter().enumerate() {
                assert!(
                    fs::read(work.join(n)).unwrap() == new[k],
                    "iteration {i}: {n} not repaired by the rerun"
                );
            }
        }
        fs::remove_dir_all(&work).unwrap();
    }
    eprintln!("kill test: {partial} of {iterations} kills landed mid-run; {leftovers} temporary files left by kill -9, in {trials_left} trials");
    // Named temporary files were left in 252 of 300 trials; unnamed ones only in the instant
    // between linkat and renameat (7 of 300 trials, seed 42).
    assert!(
        trials_left as u64 * 4 <= iterations,
        "{trials_left} of {iterations} kills left temporary files (seed {seed})"
    );
}

fn copy_tree(from: &Path, to: &Path, names: &[String]) {
    for n in names {
        fs::create_dir_all(to.join(n).parent().unwrap()).unwrap();
        fs::copy(from.join(n), to.join(n)).unwrap();
    }
}

//! Ctrl-C and SIGTERM during `--write`: instead of dying mid-write, the run stops starting new
//! files and new writes, lets the writes under way finish their rename (a temporary file that
//! is dropped unrenamed removes itself), then exits with status 130.

use std::sync::atomic::{AtomicBool, Ordering};

static STOP: AtomicBool = AtomicBool::new(false);

/// Exit status of an interrupted run (128 + SIGINT).
pub const INTERRUPTED: u8 = 130;

pub fn install() {
    // Fails only if a handler is already set, and then it is ours.
    let _ = ctrlc::set_handler(|| STOP.store(true, Ordering::SeqCst));
}

pub fn stopped() -> bool {
    STOP.load(Ordering::SeqCst)
}

//! The progress bar of a long run: on stderr, only when stderr is a terminal, and only once the
//! run has taken more than a second (short runs never flicker). Output printed while it is up
//! goes through `print`, which lifts the bar for a moment.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const DELAY: Duration = Duration::from_secs(1);

pub struct Bar {
    bar: ProgressBar,
    enabled: bool,
    shown: AtomicBool,
    start: Instant,
}

impl Bar {
    pub fn new(wanted: bool) -> Bar {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {human_pos}/{human_len} files {wide_bar} {elapsed_precise}",
        ) {
            bar.set_style(style);
        }
        Bar {
            bar,
            enabled: wanted && std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
            start: Instant::now(),
        }
    }

    /// One more file to do.
    pub fn found(&self) {
        self.bar.inc_length(1);
    }

    /// One file done.
    pub fn done(&self) {
        self.bar.inc(1);
        if self.enabled && self.start.elapsed() > DELAY && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(200));
        }
    }

    pub fn print(&self, out: &str, err: &str) {
        self.bar.suspend(|| super::repair::flush(out, err));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

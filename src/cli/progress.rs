//! The progress bar of a long run: on stderr, only when stderr is a terminal, and only once the
//! run has taken more than a second (short runs never flicker). While the walk goes on, the
//! total is unknown: a spinner counts the files done and found; once the walk ends the bar
//! knows its total (a total grown as the walk goes would always look nearly full). Output
//! printed while it is up goes through `print`, which lifts the bar for a moment.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const DELAY: Duration = Duration::from_secs(1);
const WALKING: &str = "{spinner} {human_pos} files done, {msg} found so far {elapsed_precise}";
const WALKED: &str = "{spinner} {human_pos}/{human_len} files {wide_bar} {elapsed_precise}";

pub struct Bar {
    bar: ProgressBar,
    enabled: bool,
    shown: AtomicBool,
    start: Instant,
    found: AtomicU64,
}

impl Bar {
    pub fn new(wanted: bool) -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(WALKING) {
            bar.set_style(style);
        }
        Bar {
            bar,
            enabled: wanted && std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
            start: Instant::now(),
            found: AtomicU64::new(0),
        }
    }

    /// One more file to do.
    pub fn found(&self) {
        let found = self.found.fetch_add(1, Ordering::Relaxed) + 1;
        self.bar.set_message(found.to_string());
    }

    /// The walk is over: the total is known.
    pub fn walked(&self) {
        self.bar.set_length(self.found.load(Ordering::Relaxed));
        if let Ok(style) = ProgressStyle::with_template(WALKED) {
            self.bar.set_style(style);
        }
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
        self.bar.suspend(|| super::one::flush(out, err));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_total_is_unknown_until_the_walk_ends() {
        let bar = Bar::new(false);
        bar.found();
        bar.found();
        bar.done();
        assert_eq!(bar.bar.length(), None);
        bar.found();
        bar.walked();
        assert_eq!(bar.bar.length(), Some(3));
        assert_eq!(bar.bar.position(), 1);
    }
}

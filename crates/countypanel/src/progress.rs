//! Progress on long work: a bar on a terminal, a line every few seconds in batch logs.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Reports files done out of a total.
pub struct Progress {
    bar: Option<ProgressBar>,
    total: usize,
    done: AtomicUsize,
    last_log: Mutex<Instant>,
    quiet: bool,
}

impl Progress {
    /// A progress reporter for `total` items.
    pub fn new(total: usize, quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::new(total as u64);
            b.set_style(
                ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} files {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            b.set_prefix("ingest");
            b
        });
        Self {
            bar,
            total,
            done: AtomicUsize::new(0),
            last_log: Mutex::new(Instant::now()),
            quiet,
        }
    }

    /// One more item done.
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(b) = &self.bar {
            b.inc(1);
        } else if !self.quiet
            && let Ok(mut last) = self.last_log.lock()
            && last.elapsed() >= Duration::from_secs(5)
        {
            eprintln!("ingest: {done}/{} files read", self.total);
            *last = Instant::now();
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

//! Reading a list of files in batches and writing their documents and facts as they come: memory
//! holds a few batches, not the whole input, and the output bytes do not depend on the number
//! of threads (the batch boundaries are set by the files alone).

use std::path::PathBuf;

use countypanel_core::CoreError;

use crate::{IngestSink, IngestSummary, Outcome, Reader};

/// Most bytes of input files read before their documents and facts are written.
pub const BATCH_BYTES: u64 = 8 << 20;
/// Most files read before their documents and facts are written.
pub const BATCH_FILES: usize = 4096;

/// The files in batches of bounded size, in order (a file larger than the bound is a batch of
/// its own). The boundaries depend on the files alone, so the output is the same whatever the
/// number of threads.
#[must_use]
pub fn batches(files: &[PathBuf]) -> Vec<&[PathBuf]> {
    use rayon::prelude::*;
    // A file that cannot be stat'ed is rejected by the reader; here it counts as empty. The
    // files are stat'ed in parallel (at 450,000 files, one thread took a second before the
    // first file was read); the sizes, and so the batches, are the same.
    let sizes: Vec<u64> = files
        .par_iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    let runs = bounded(&sizes, |&s| s);
    let mut out = Vec::with_capacity(runs.len());
    let mut from = 0;
    for run in runs {
        out.push(&files[from..from + run.len()]);
        from += run.len();
    }
    out
}

/// `items` cut into runs of at most [`BATCH_FILES`] items and about [`BATCH_BYTES`] bytes (the
/// run ends at the item that reaches it), `size` giving each item's bytes: the one batching rule
/// of ingest, also replayed by the merge of parts on the sizes the parts recorded.
pub fn bounded<T>(items: &[T], size: impl Fn(&T) -> u64) -> Vec<&[T]> {
    let mut out = Vec::new();
    let (mut from, mut bytes) = (0, 0u64);
    for (i, item) in items.iter().enumerate() {
        bytes += size(item);
        if bytes >= BATCH_BYTES || i + 1 - from >= BATCH_FILES || i + 1 == items.len() {
            out.push(&items[from..=i]);
            from = i + 1;
            bytes = 0;
        }
    }
    out
}

/// Reads the files batch by batch and streams each batch's outcomes to `sink`, so that memory
/// holds a few batches, not the whole input. With more than one worker thread, writing runs on
/// a thread of its own while the next batch is read.
///
/// # Errors
/// The first error of writing; a panic of the writer thread is an error too.
pub fn read_and_write(
    reader: &Reader<'_>,
    files: &[PathBuf],
    mut sink: IngestSink,
    tick: &(dyn Fn(&Outcome) + Sync),
) -> Result<IngestSummary, CoreError> {
    if rayon::current_num_threads() <= 1 {
        for batch in batches(files) {
            sink.push(&reader.read_all(batch, tick))?;
        }
        return sink.finish();
    }
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
        let writer = scope.spawn(move || -> Result<IngestSummary, CoreError> {
            for outcomes in rx {
                sink.push(&outcomes)?;
            }
            sink.finish()
        });
        for batch in batches(files) {
            if tx.send(reader.read_all(batch, tick)).is_err() {
                break; // the writer stopped on an error, reported by join below
            }
        }
        drop(tx);
        writer.join().unwrap_or_else(|_| {
            Err(CoreError::Table {
                table: "documents and facts".into(),
                message: "the writer of the staged tables panicked".into(),
            })
        })
    })
}

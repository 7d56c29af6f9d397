//! Saving off the UI thread: a writer thread owns the [`Store`], receives [`Batch`]es, writes
//! them in one transaction, and reports back. A write that fails keeps its batches and is
//! retried every [`RETRY_EVERY`] (and whenever a new batch arrives) until it succeeds, so a
//! change is never counted as saved before it is on disk.

use super::store::{Batch, Store, StoreError};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

/// How long a failed save waits before it is tried again.
pub const RETRY_EVERY: Duration = Duration::from_secs(2);

/// What the writer thread tells the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Report {
    /// Everything up to this generation is on disk.
    Saved {
        /// The workspace generation now on disk.
        generation: u64,
        /// When.
        at: SystemTime,
    },
    /// The last attempt failed; the batches are kept and retried.
    Failed {
        /// The newest generation waiting.
        generation: u64,
        /// Why (from the system, with the file's name).
        error: String,
    },
}

enum Job {
    Write(Batch),
    Stop,
}

/// The handle of the writer thread.
pub struct Saver {
    tx: Sender<Job>,
    rx: Receiver<Report>,
    handle: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Saver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Saver")
    }
}

impl Saver {
    /// Starts the writer for the workspace file at `path`. `store` is the connection already
    /// opened by the caller (when it could be); without one the thread opens the file on its
    /// first write, and again after each failure. `wake` is called after each report (the
    /// app asks for a frame there).
    pub fn spawn(path: PathBuf, store: Option<Store>, wake: Box<dyn Fn() + Send>) -> Saver {
        let (tx, jobs) = channel::<Job>();
        let (out, rx) = channel::<Report>();
        let handle = std::thread::Builder::new()
            .name("solieu-saver".into())
            .spawn(move || run(path, store, jobs, out, wake))
            .ok();
        Saver { tx, rx, handle }
    }

    /// Queues a batch (never blocks).
    pub fn send(&self, b: Batch) {
        let _ = self.tx.send(Job::Write(b));
    }

    /// The reports that arrived since the last call.
    pub fn reports(&self) -> Vec<Report> {
        let mut v = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(r) => v.push(r),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return v,
            }
        }
    }

    /// Waits up to `timeout` for the next report (quitting, tests).
    pub fn wait(&self, timeout: Duration) -> Option<Report> {
        self.rx.recv_timeout(timeout).ok()
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        let _ = self.tx.send(Job::Stop);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn run(
    path: PathBuf,
    mut store: Option<Store>,
    jobs: Receiver<Job>,
    out: Sender<Report>,
    wake: Box<dyn Fn() + Send>,
) {
    let mut queue: Vec<Batch> = Vec::new();
    let mut stopping = false;
    while !stopping {
        let first = if queue.is_empty() {
            jobs.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            jobs.recv_timeout(RETRY_EVERY)
        };
        match first {
            Ok(Job::Write(b)) => queue.push(b),
            Ok(Job::Stop) | Err(RecvTimeoutError::Disconnected) => stopping = true,
            Err(RecvTimeoutError::Timeout) => {}
        }
        // Everything already queued goes into the same transaction.
        loop {
            match jobs.try_recv() {
                Ok(Job::Write(b)) => queue.push(b),
                Ok(Job::Stop) | Err(TryRecvError::Disconnected) => {
                    stopping = true;
                    break;
                }
                Err(TryRecvError::Empty) => break,
            }
        }
        let Some(generation) = queue.last().map(|b| b.generation) else {
            continue;
        };
        let result = match store.as_mut() {
            Some(s) => s.write(&queue),
            None => Store::open(&path).and_then(|mut s| {
                let r = s.write(&queue);
                store = Some(s);
                r
            }),
        };
        let report = match result {
            Ok(()) => {
                queue.clear();
                Report::Saved {
                    generation,
                    at: SystemTime::now(),
                }
            }
            Err(e) => {
                // Open the file afresh next time (a drive that came back, a folder fixed).
                store = None;
                let error = match e {
                    StoreError::Io(m) | StoreError::Unreadable(m) => {
                        format!("{}: {m}", path.display())
                    }
                };
                Report::Failed { generation, error }
            }
        };
        if out.send(report).is_err() {
            return;
        }
        wake();
    }
}

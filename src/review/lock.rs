//! One writer per workspace: the window that opens a workspace first holds an exclusive lock
//! on `FILE.lock` (released by the system when the process ends, even killed); a second
//! process that opens the same workspace drops its paths into `FILE.inbox/` and waits for the
//! running window to take them. When no window takes them in time, the second process opens
//! the workspace read-only instead. Two writers never exist.
//!
//! Files rather than a socket: it works the same on Windows and Linux, needs no port, and the
//! folder of the workspace is the one thing both processes already share.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long a second process waits for the running window to take its paths.
pub const HANDOFF_WAIT: Duration = Duration::from_secs(5);
/// How often the running window looks into its inbox.
pub const INBOX_POLL: Duration = Duration::from_millis(250);

/// The lock file of a workspace.
pub fn lock_path(workspace: &Path) -> PathBuf {
    sibling(workspace, ".lock")
}

/// The folder where other processes leave paths for the window holding a workspace.
pub fn inbox_path(workspace: &Path) -> PathBuf {
    sibling(workspace, ".inbox")
}

fn sibling(workspace: &Path, suffix: &str) -> PathBuf {
    let mut name = workspace
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    workspace.with_file_name(name)
}

/// Held while this process is the workspace's writer.
#[derive(Debug)]
pub struct WriterLock {
    // The lock lives as long as the open file.
    _file: File,
    workspace: PathBuf,
}

/// Why the lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another process writes this workspace.
    Held,
    /// The lock file cannot be created (the folder is read-only or missing).
    Io(std::io::Error),
}

impl WriterLock {
    /// Takes the workspace's lock without waiting.
    pub fn acquire(workspace: &Path) -> Result<WriterLock, LockError> {
        if let Some(dir) = workspace.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(LockError::Io)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(workspace))
            .map_err(LockError::Io)?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock {
                _file: file,
                workspace: workspace.to_path_buf(),
            }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held),
            Err(TryLockError::Error(e)) => Err(LockError::Io(e)),
        }
    }

    /// The workspace this lock guards.
    pub fn workspace(&self) -> &Path {
        &self.workspace
    }

    /// Watches the inbox on a thread; each request's paths arrive on the returned watch and
    /// `wake` is called (the app asks for a frame). The thread ends with the watch.
    pub fn watch_inbox(&self, wake: Box<dyn Fn() + Send>) -> InboxWatch {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let inbox = inbox_path(&self.workspace);
        let stopped = Arc::clone(&stop);
        let _ = std::thread::Builder::new()
            .name("solieu-inbox".into())
            .spawn(move || {
                while !stopped.load(Ordering::Relaxed) {
                    for paths in take_requests(&inbox) {
                        if tx.send(paths).is_err() {
                            return;
                        }
                        wake();
                    }
                    std::thread::sleep(INBOX_POLL);
                }
            });
        InboxWatch { rx, stop }
    }
}

/// The requests other processes left for this window, as they arrive.
#[derive(Debug)]
pub struct InboxWatch {
    rx: Receiver<Vec<PathBuf>>,
    stop: Arc<AtomicBool>,
}

impl InboxWatch {
    /// The requests that arrived since the last call (each a list of paths; empty: show the
    /// window).
    pub fn take(&self) -> Vec<Vec<PathBuf>> {
        self.rx.try_iter().collect()
    }
}

impl Drop for InboxWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Takes (reads and deletes) the requests waiting in an inbox, oldest first. Each is the list
/// of paths one process asked to open (empty: just show the window).
pub fn take_requests(inbox: &Path) -> Vec<Vec<PathBuf>> {
    let Ok(dir) = std::fs::read_dir(inbox) else {
        return Vec::new();
    };
    let mut names: Vec<PathBuf> = dir
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        // Removed first: a request that cannot be removed would be taken again every poll.
        if std::fs::remove_file(&p).is_err() {
            continue;
        }
        if let Ok(paths) = serde_json::from_slice::<Vec<PathBuf>>(&bytes) {
            out.push(paths);
        }
    }
    out
}

/// Hands paths to the window holding the workspace: leaves a request in its inbox and waits up
/// to `wait` for it to be taken. True when it was (the caller exits); false when no window took
/// it (the request is withdrawn; the caller opens the workspace read-only).
pub fn hand_off(workspace: &Path, paths: &[PathBuf], wait: Duration) -> bool {
    let inbox = inbox_path(workspace);
    if std::fs::create_dir_all(&inbox).is_err() {
        return false;
    }
    // Absolute paths: the running window has its own working folder.
    let abs: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let Ok(bytes) = serde_json::to_vec(&abs) else {
        return false;
    };
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let request = inbox.join(format!("{stamp:032}-{}.json", std::process::id()));
    // Written whole before it appears under its name: the window never reads half a request.
    if crate::export::write_atomic(&request, &bytes).is_err() {
        return false;
    }
    let until = Instant::now() + wait;
    while Instant::now() < until {
        if !request.exists() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // Withdraw it; if it vanished meanwhile, the window took it after all.
    std::fs::remove_file(&request).is_err() && !request.exists()
}

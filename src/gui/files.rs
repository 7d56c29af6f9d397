//! Choosing files. The app asks a [`FileChooser`]; the real one runs an rfd dialog on a thread
//! (a dialog must never block the frame) and hands the answer back over a channel. Tests put
//! in a [`ScriptedChooser`]. When rfd shows no dialog at all (no desktop portal, no zenity:
//! it answers `None` at once), the app offers a path field instead.

use eframe::egui;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the officer is choosing a path for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Articles to open.
    OpenFiles,
    /// Web addresses to download and open (typed in the path field; no file dialog).
    OpenUrl,
    /// A folder of articles to open.
    OpenFolder,
    /// An annotated JSON to import.
    ImportJson,
    /// Where to export JSON (all articles, or the current one).
    ExportJson {
        /// Only the current article.
        current: bool,
    },
    /// Where to export CSV.
    ExportCsv,
    /// Where to export the comparison table as CSV.
    ExportCompareCsv,
    /// Where to export the comparison chart as PNG or SVG.
    ExportPng,
    /// Where to export the comparison as an Excel workbook.
    ExportXlsx,
    /// Where to create a new workspace file.
    NewWorkspace,
    /// A workspace file to open.
    OpenWorkspace,
}

/// The answer to a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The chosen paths.
    Paths(Vec<PathBuf>),
    /// The officer cancelled.
    Cancelled,
    /// No dialog could be shown: ask for a path in the window.
    Unavailable,
}

/// Something that can ask the officer for paths without blocking the frame.
pub trait FileChooser {
    /// Starts a request; the answer comes through [`FileChooser::poll`].
    fn request(&mut self, purpose: Purpose, suggested_name: &str, ctx: &egui::Context);
    /// The answer to the pending request, once there is one.
    fn poll(&mut self) -> Option<(Purpose, Answer)>;
}

/// rfd dialogs on a thread.
#[derive(Default)]
pub struct RfdChooser {
    pending: Option<mpsc::Receiver<(Purpose, Answer)>>,
}

impl FileChooser for RfdChooser {
    fn request(&mut self, purpose: Purpose, suggested_name: &str, ctx: &egui::Context) {
        if self.pending.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let name = suggested_name.to_string();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let d = rfd::FileDialog::new();
                let paths: Option<Vec<PathBuf>> = match purpose {
                    Purpose::OpenFiles => d
                        .add_filter(
                            "Bài viết (.txt, .html, .doc, .docx, .rtf, .pdf)",
                            &crate::load::ARTICLE_EXTENSIONS,
                        )
                        .pick_files(),
                    // Web addresses are typed in the path field, never chosen in a dialog.
                    Purpose::OpenUrl => None,
                    Purpose::OpenFolder => d.pick_folder().map(|p| vec![p]),
                    Purpose::ImportJson => {
                        d.add_filter("JSON", &["json"]).pick_file().map(|p| vec![p])
                    }
                    Purpose::ExportJson { .. } => d
                        .add_filter("JSON", &["json"])
                        .set_file_name(name)
                        .save_file()
                        .map(|p| vec![p]),
                    Purpose::ExportCsv | Purpose::ExportCompareCsv => d
                        .add_filter("CSV", &["csv"])
                        .set_file_name(name)
                        .save_file()
                        .map(|p| vec![p]),
                    Purpose::ExportXlsx => d
                        .add_filter("Excel", &["xlsx"])
                        .set_file_name(name)
                        .save_file()
                        .map(|p| vec![p]),
                    Purpose::ExportPng => d
                        .add_filter("PNG", &["png"])
                        .add_filter("SVG", &["svg"])
                        .set_file_name(name)
                        .save_file()
                        .map(|p| vec![p]),
                    Purpose::NewWorkspace => d
                        .add_filter("Không gian làm việc (.solieu)", &["solieu"])
                        .set_file_name(name)
                        .save_file()
                        .map(|p| vec![p]),
                    Purpose::OpenWorkspace => d
                        .add_filter("Không gian làm việc (.solieu)", &["solieu"])
                        .pick_file()
                        .map(|p| vec![p]),
                };
                let answer = match paths {
                    Some(p) if !p.is_empty() => Answer::Paths(p),
                    // An answer faster than a person can cancel: no dialog was shown.
                    _ if started.elapsed() < Duration::from_millis(400) => Answer::Unavailable,
                    _ => Answer::Cancelled,
                };
                let _ = tx.send((purpose, answer));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.pending = Some(rx),
            Err(_) => {
                // No thread, no dialog: the path field takes over.
                let (tx, rx) = mpsc::channel();
                let _ = tx.send((purpose, Answer::Unavailable));
                self.pending = Some(rx);
            }
        }
    }

    fn poll(&mut self) -> Option<(Purpose, Answer)> {
        let rx = self.pending.as_ref()?;
        match rx.try_recv() {
            Ok(a) => {
                self.pending = None;
                Some(a)
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }
}

/// Answers requests from a shared queue (tests keep a clone and push answers).
#[derive(Default, Debug, Clone)]
pub struct ScriptedChooser {
    answers: Arc<Mutex<VecDeque<Answer>>>,
    last: Arc<Mutex<Option<(Purpose, Answer)>>>,
    /// Every request made, in order.
    pub requests: Arc<Mutex<Vec<Purpose>>>,
}

impl ScriptedChooser {
    /// A chooser that gives these answers in turn (then `Unavailable`).
    pub fn new(answers: impl IntoIterator<Item = Answer>) -> Self {
        let c = ScriptedChooser::default();
        for a in answers {
            c.push(a);
        }
        c
    }

    /// Queues an answer.
    pub fn push(&self, a: Answer) {
        if let Ok(mut q) = self.answers.lock() {
            q.push_back(a);
        }
    }
}

impl FileChooser for ScriptedChooser {
    fn request(&mut self, purpose: Purpose, _suggested_name: &str, _ctx: &egui::Context) {
        let a = self
            .answers
            .lock()
            .ok()
            .and_then(|mut q| q.pop_front())
            .unwrap_or(Answer::Unavailable);
        if let Ok(mut r) = self.requests.lock() {
            r.push(purpose);
        }
        if let Ok(mut l) = self.last.lock() {
            *l = Some((purpose, a));
        }
    }

    fn poll(&mut self) -> Option<(Purpose, Answer)> {
        self.last.lock().ok().and_then(|mut l| l.take())
    }
}

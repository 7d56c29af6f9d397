//! The application: persisted settings, runtime state, the frame, and the workspace file it
//! writes through (off the UI thread). Its rooms, as in rerun's viewer: [`commands`] applies
//! what was asked, [`menus`] and the toolbar show the commands, [`dialogs`] holds the windows
//! over the workbench, [`status`] the status line.

mod commands;
mod dialogs;
mod menus;
mod status;

use super::command::Command;
use super::command::Tab;
use super::files::{Answer, FileChooser, Purpose};
use super::i18n::Lang;
use super::views::article_view::{self, ArticleView};
use super::views::compare_view::{CompareView, NewIndicator};
use super::views::editor::{EditorView, HeaderView};
use super::views::sidebar::Sidebar;
use crate::folders as places;
use crate::pipeline::Pipeline;
use crate::review::lock::{InboxWatch, LockError, WriterLock};
use crate::review::saver::{Report, Saver};
use crate::review::store::{Batch, Store, StoreError};
use crate::review::{Edit, Workspace, snapshot, store};
use eframe::egui;
use egui::{Button, Color32, RichText, Ui};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// The key of the settings in eframe's storage.
pub const SETTINGS_KEY: &str = "solieu-settings";
/// Changes reach the disk this long after the last one (at most).
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);
/// How many recent files are remembered.
const RECENT_MAX: usize = 10;
/// How long quitting waits for the writer thread before asking.
const QUIT_WAIT: Duration = Duration::from_secs(3);
pub(crate) use super::palette::{ERROR, WARN};

/// What persists between sessions besides the workspace (eframe storage): language, theme,
/// zoom, panel widths, recent files. The window size is persisted by eframe itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// The zoom factor.
    pub zoom: f32,
    /// The width of the workspace panel (left).
    pub left_width: f32,
    /// The width of the editor panel (right).
    pub right_width: f32,
    /// Recently opened files and folders (that opened), newest first.
    pub recent: Vec<PathBuf>,
    /// Recently opened workspaces, newest first.
    pub recent_workspaces: Vec<PathBuf>,
    /// Enter/Delete leave the selection on the figure just reviewed (off: they move on to the
    /// next unreviewed one).
    pub stay_after_review: bool,
    /// False until the bundled samples have been offered once.
    pub samples_shown: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Vi,
            dark: false,
            zoom: 1.0,
            left_width: 240.0,
            right_width: 340.0,
            recent: Vec::new(),
            recent_workspaces: Vec::new(),
            stay_after_review: false,
            samples_shown: false,
        }
    }
}

/// How the app is started.
pub struct AppOptions {
    /// Settings (from eframe storage, or defaults).
    pub settings: Settings,
    /// The data folder (the default workspace lives there); `None`: nowhere.
    pub data_dir: Option<PathBuf>,
    /// Paths from the command line.
    pub paths: Vec<PathBuf>,
    /// Open the bundled samples when the workspace is empty and they were never shown.
    pub open_samples: bool,
    /// How files are chosen.
    pub chooser: Box<dyn FileChooser>,
}

/// A message for the officer in the status line (errors also in a window).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// An error: shown in red, and in a window until the officer closes it.
    pub error: bool,
}

/// The path field offered when no file dialog can be shown.
#[derive(Debug, Clone)]
struct PathPrompt {
    purpose: Purpose,
    text: String,
    /// The field was given the keyboard focus once.
    focused: bool,
}

/// The workbench.
pub struct SolieuApp {
    /// Persisted settings.
    pub settings: Settings,
    /// The open articles and their annotations.
    pub ws: Workspace,
    /// The article text view.
    pub view: ArticleView,
    /// The figure editor and list.
    pub editor: EditorView,
    /// The article header (district, date, …).
    pub header: HeaderView,
    /// The workspace list.
    pub sidebar: Sidebar,
    /// The central panel's tab.
    pub tab: Tab,
    /// The comparison tab (and the cross-checks the editor shows).
    pub compare: CompareView,
    /// Where new indicators are saved (`$SOLIEU_CONFIG_DIR`, else the platform's config
    /// folder); tests point it at a temporary folder.
    pub catalogue_dir: Option<PathBuf>,
    /// The "Tạo chỉ số mới" form, when open.
    pub new_indicator: Option<NewIndicator>,
    /// The last message.
    pub message: Option<Message>,
    /// An error window is open.
    pub error_open: bool,
    chooser: Box<dyn FileChooser>,
    commands: Vec<Command>,
    /// The data folder (shown in About).
    data_dir: Option<PathBuf>,
    /// The workspace file; `None`: nothing is saved.
    ws_file: Option<PathBuf>,
    /// This window writes the workspace.
    lock: Option<WriterLock>,
    /// Paths other processes hand to this window.
    inbox: Option<InboxWatch>,
    /// The writer thread (none when read-only or without a file).
    saver: Option<Saver>,
    /// Another window writes this workspace.
    pub read_only: bool,
    /// The generation last handed to the writer thread.
    sent_generation: u64,
    /// The generation the writer thread reported on disk.
    saved_generation: u64,
    /// Why the last save failed (shown until a retry succeeds).
    pub save_error: Option<String>,
    change_seen: Option<Instant>,
    /// When the workspace was last written.
    pub last_save: Option<SystemTime>,
    last_save_clock: Option<String>,
    /// The frame's context, for the threads to ask for a frame.
    waker: std::sync::Arc<std::sync::Mutex<Option<egui::Context>>>,
    /// Quitting waits on the officer: unsaved changes could not be written.
    quit_prompt: bool,
    prompt: Option<PathPrompt>,
    shortcuts_open: bool,
    about_open: bool,
    style_applied: bool,
    quit_requested: bool,
    /// Web pages being downloaded and read on their own threads.
    downloads:
        Vec<std::sync::mpsc::Receiver<Result<crate::model::Article, crate::load::LoadError>>>,
}

impl SolieuApp {
    /// Builds the app on the default workspace of the data folder (see [`Self::with_workspace`]).
    pub fn new(opts: AppOptions) -> Self {
        Self::with_workspace(opts, None, false)
    }

    /// Builds the app: loads the workspace (`workspace`, else the default one in the data
    /// folder; read-only when another window writes it), then opens the given paths, or the
    /// bundled samples on a first run.
    pub fn with_workspace(opts: AppOptions, workspace: Option<PathBuf>, read_only: bool) -> Self {
        let catalogue_dir = crate::folders::config_dir();
        // The one pipeline, with the officer's catalogue: the window files figures as the CLI does.
        let (pipeline, cat_error) = match &catalogue_dir {
            Some(d) => Pipeline::with_user_catalogue_in(d),
            None => (Pipeline::builtin(), None),
        };
        let ws_file = workspace.or_else(|| opts.data_dir.as_deref().map(places::default_workspace));
        let mut app = SolieuApp {
            settings: opts.settings,
            ws: Workspace::with_pipeline(pipeline),
            view: ArticleView::default(),
            editor: EditorView::default(),
            header: HeaderView::default(),
            sidebar: Sidebar::default(),
            tab: Tab::from_env(),
            compare: CompareView::default(),
            catalogue_dir,
            new_indicator: None,
            message: None,
            error_open: false,
            chooser: opts.chooser,
            commands: Vec::new(),
            data_dir: opts.data_dir,
            ws_file: None,
            lock: None,
            inbox: None,
            saver: None,
            read_only: false,
            sent_generation: 0,
            saved_generation: 0,
            save_error: None,
            change_seen: None,
            last_save: None,
            last_save_clock: None,
            waker: Default::default(),
            quit_prompt: false,
            prompt: None,
            shortcuts_open: false,
            about_open: false,
            style_applied: false,
            quit_requested: false,
            downloads: Vec::new(),
        };
        if let Some(f) = ws_file {
            app.switch_workspace(&f, read_only);
        }
        // For screenshots and demos: `SOLIEU_START_INDICATOR=training_attendances`.
        if let Ok(id) = std::env::var("SOLIEU_START_INDICATOR")
            && !id.is_empty()
        {
            app.compare.set_indicator(Some(id));
        }
        if let Some(e) = cat_error {
            app.set_error(format!(
                "Không đọc được danh mục chỉ số của người dùng: {e}"
            ));
        }
        let mut app_paths = opts.paths;
        if app_paths.is_empty()
            && app.ws.entries.is_empty()
            && opts.open_samples
            && !app.settings.samples_shown
            && let Some(d) = samples_dir()
        {
            app_paths.push(d);
        }
        app.settings.samples_shown = true;
        if !app_paths.is_empty() {
            app.open(&app_paths);
        }
        app.view.scroll_to = app.ws.selected;
        app
    }

    /// Leaves the current workspace (its changes written first) and opens the one at `path`:
    /// as its writer when no other window writes it, else read-only. An unreadable file is set
    /// aside under a dated name and an empty workspace starts, with a message.
    pub fn switch_workspace(&mut self, path: &Path, read_only: bool) {
        if self.ws_file.is_some() && !self.flush(QUIT_WAIT) {
            let l = self.lang();
            self.set_error(
                l.t(
                    "Chưa lưu được thay đổi của không gian làm việc hiện tại nên chưa chuyển.",
                    "The current workspace's changes are not saved yet; not switching.",
                )
                .into(),
            );
            return;
        }
        self.saver = None;
        self.inbox = None;
        self.lock = None;
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut read_only = read_only;
        let mut notes: Vec<Message> = Vec::new();
        if !read_only {
            match WriterLock::acquire(&path) {
                Ok(lock) => self.lock = Some(lock),
                Err(LockError::Held) => {
                    read_only = true;
                    notes.push(Message {
                        text: format!(
                            "Không gian làm việc {} đang mở trong một cửa sổ khác: mở ở chế độ chỉ đọc.",
                            path.display()
                        ),
                        error: true,
                    });
                }
                // No lock file possible (a read-only folder): the writer thread reports and
                // retries; no other window can write there either.
                Err(LockError::Io(_)) => {}
            }
        }
        let pipeline = self.ws.pipeline.clone();
        let (ws, store, note) = load_workspace(&path, pipeline, read_only);
        notes.extend(note);
        self.ws = ws;
        self.read_only = read_only;
        self.sent_generation = 0;
        // What the load marked (a new file, a migration, re-anchored articles) is unsaved.
        self.saved_generation = if self.ws.pending.is_empty() {
            self.ws.generation
        } else {
            u64::MAX
        };
        self.save_error = None;
        self.change_seen = None;
        self.view = ArticleView::default();
        self.compare.invalidate();
        if !read_only {
            let w = std::sync::Arc::clone(&self.waker);
            let wake = move || {
                if let Ok(g) = w.lock()
                    && let Some(c) = g.as_ref()
                {
                    c.request_repaint();
                }
            };
            self.saver = Some(Saver::spawn(path.clone(), store, Box::new(wake.clone())));
            self.inbox = self.lock.as_ref().map(|l| l.watch_inbox(Box::new(wake)));
        }
        self.settings.recent_workspaces.retain(|r| r != &path);
        self.settings.recent_workspaces.insert(0, path.clone());
        self.settings.recent_workspaces.truncate(RECENT_MAX);
        self.ws_file = Some(path);
        for m in notes {
            if m.error {
                self.set_error(m.text);
            } else {
                self.set_info(m.text);
            }
        }
    }

    /// The text of the path field, while it is open.
    pub fn path_field(&self) -> Option<&str> {
        self.prompt.as_ref().map(|p| p.text.as_str())
    }

    /// The workspace file, when there is one.
    pub fn workspace_path(&self) -> Option<PathBuf> {
        self.ws_file.clone()
    }

    /// Queues a command (applied at the end of the frame).
    pub fn push(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// Hands what changed to the writer thread (never blocks).
    fn send_changes(&mut self) {
        if self.read_only {
            return;
        }
        let Some(saver) = &self.saver else {
            // Nowhere to save: nothing is kept, nothing waits.
            let _ = self.ws.take_pending();
            self.saved_generation = self.ws.generation;
            return;
        };
        if let Some(b) = Batch::take(&mut self.ws) {
            saver.send(b);
        } else {
            // Nothing to write, but the generation moved: the thread acknowledges it in turn.
            saver.send(Batch::empty(self.ws.generation));
        }
        self.sent_generation = self.ws.generation;
        self.change_seen = None;
    }

    /// Takes the writer thread's reports: what is on disk, or why not.
    fn poll_saves(&mut self) {
        let reports = match &self.saver {
            Some(s) => s.reports(),
            None => return,
        };
        for r in reports {
            self.on_report(r);
        }
    }

    fn on_report(&mut self, r: Report) {
        match r {
            Report::Saved { generation, at } => {
                self.saved_generation = generation;
                self.last_save = Some(at);
                self.last_save_clock = Some(status::clock(at));
                self.save_error = None;
            }
            Report::Failed { error, .. } => self.save_error = Some(error),
        }
    }

    /// Sends what changed and waits up to `wait` for it to reach the disk. True when nothing
    /// is left unsaved.
    pub fn flush(&mut self, wait: Duration) -> bool {
        if self.read_only {
            return !self.unsaved();
        }
        self.poll_saves();
        if self.unsaved() && self.sent_generation != self.ws.generation {
            self.send_changes();
        }
        let until = Instant::now() + wait;
        while self.unsaved() {
            let left = until.saturating_duration_since(Instant::now());
            let report = match &self.saver {
                Some(s) if !left.is_zero() => s.wait(left),
                _ => None,
            };
            match report {
                Some(r) => self.on_report(r),
                None => break,
            }
        }
        !self.unsaved()
    }

    /// Writes the workspace now and waits for it (tests, quitting); a failure stays in the
    /// status line and the change stays unsaved.
    pub fn save_now(&mut self) {
        self.flush(QUIT_WAIT);
    }

    /// True while the "unsaved changes" question is open.
    pub fn quit_prompt_open(&self) -> bool {
        self.quit_prompt
    }

    /// True while changes are not on disk.
    pub fn unsaved(&self) -> bool {
        self.saved_generation != self.ws.generation
    }

    fn lang(&self) -> Lang {
        self.settings.lang
    }

    fn set_info(&mut self, text: String) {
        self.message = Some(Message { text, error: false });
    }

    fn set_error(&mut self, text: String) {
        self.message = Some(Message { text, error: true });
        self.error_open = true;
    }

    fn open(&mut self, paths: &[PathBuf]) {
        let report = self.ws.open_paths(paths);
        for p in paths {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            // Recent files keep only what opened: a file, or a folder with an article.
            let opened = self
                .ws
                .entries
                .iter()
                .any(|e| e.article.is_some() && Path::new(&e.path).starts_with(&p));
            self.settings.recent.retain(|r| r != &p);
            if opened {
                self.settings.recent.insert(0, p);
            }
        }
        self.settings.recent.truncate(RECENT_MAX);
        let l = self.lang();
        let mut text = format!("{} {}", l.t("Đã mở", "Opened"), report.opened);
        text.push_str(l.t(" bài", " article(s)"));
        if report.unplaced > 0 {
            text.push_str(&format!(
                "; {} {}",
                report.unplaced,
                l.t("số liệu mất vị trí", "figure(s) lost their place")
            ));
        }
        for (file, open) in &report.duplicates {
            let name = |p: &str| {
                Path::new(p)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| p.to_string())
            };
            text.push_str(&format!(
                "; «{}» {} «{}»",
                name(file),
                l.t(
                    "trùng nội dung với bài đã mở",
                    "has the same text as the open article"
                ),
                name(open)
            ));
        }
        if report.failed.is_empty() {
            self.set_info(text);
        } else {
            text.push_str(&format!(
                "; {} {}: {}",
                report.failed.len(),
                l.t("tệp không mở được", "file(s) failed"),
                l.load_error(&report.failed.join("; "))
            ));
            self.message = Some(Message { text, error: true });
        }
        self.view.scroll_to = None;
    }

    /// Downloads a web address on a thread through the workspace's pipeline (timeouts and
    /// size limits are the loader's); the frame goes on and the article arrives when read.
    fn download(&mut self, url: String) {
        let l = self.lang();
        if !crate::load::is_web_address(&url) {
            self.set_error(format!(
                "«{url}» {}",
                l.t(
                    "không phải địa chỉ web (http:// hoặc https://)",
                    "is not a web address (http:// or https://)"
                )
            ));
            return;
        }
        let pipeline = self.ws.pipeline.clone();
        let waker = std::sync::Arc::clone(&self.waker);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(pipeline.open_url(&url));
            if let Ok(w) = waker.lock()
                && let Some(ctx) = w.as_ref()
            {
                ctx.request_repaint();
            }
        });
        self.downloads.push(rx);
        self.set_info(l.t("Đang tải trang…", "Downloading the page…").into());
    }

    /// Takes the downloaded articles that are ready into the workspace.
    fn poll_downloads(&mut self) {
        let mut ready = Vec::new();
        self.downloads.retain(|rx| match rx.try_recv() {
            Ok(r) => {
                ready.push(r);
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
        for r in ready {
            let l = self.lang();
            match r {
                Ok(article) => {
                    let title = article
                        .title
                        .clone()
                        .unwrap_or_else(|| article.path.clone());
                    let report = self.ws.add_downloaded(article);
                    if report.duplicates.is_empty() {
                        self.set_info(format!("{} «{title}»", l.t("Đã mở", "Opened")));
                    } else {
                        self.set_info(format!(
                            "«{title}» {}",
                            l.t(
                                "trùng nội dung với bài đã mở",
                                "has the same text as an open article"
                            )
                        ));
                    }
                    self.view.scroll_to = None;
                }
                Err(e) => self.set_error(format!(
                    "{}: {}",
                    l.t("Không tải được trang", "Cannot download the page"),
                    l.load_error(&e.to_string())
                )),
            }
        }
    }

    // ---- frame -------------------------------------------------------------------------

    /// One frame of the whole window (the eframe `App::ui` and the tests call this).
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.style_applied {
            self.style_applied = true;
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.apply_style(&ctx);
            if let Ok(mut w) = self.waker.lock() {
                *w = Some(ctx.clone());
            }
        }
        self.poll_chooser();
        self.poll_inbox(&ctx);
        self.poll_downloads();
        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::OpenPaths(dropped));
        }
        let typing = ctx.text_edit_focused() || self.prompt.is_some();
        let keys = Command::from_keys(&ctx, typing);
        self.commands.extend(keys);

        let lang = self.lang();
        let mut out = Vec::new();
        // Cheap when nothing changed: a stamp of entry keys and revisions.
        self.compare.refresh(&self.ws, self.ws.pipeline.catalogue());
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar(ui, &mut out);
            self.toolbar(ui, &mut out);
            if self.read_only {
                self.read_only_banner(ui);
            }
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_line(ui));
        // Side panels are bounded by the window (in points, so by the zoom too): at 200% on
        // 1280×800 the article keeps most of the width, at 300% the editor stays whole.
        let screen = ctx.content_rect().width();
        // Below 560 points (300% on 1280 pixels) the editor gets the larger share: correcting a
        // figure matters more than seeing the whole list.
        let right_share = if screen < 560.0 { 0.5 } else { 0.34 };
        let (left_max, right_max) = ((screen * 0.2).max(110.0), (screen * right_share).max(180.0));
        let left = egui::Panel::left("workspace")
            .resizable(true)
            .default_size(self.settings.left_width.min(left_max))
            .min_size(110.0_f32.min(left_max))
            .max_size(left_max)
            .show(ui, |ui| self.sidebar.ui(ui, &self.ws, lang, &mut out));
        let right = egui::Panel::right("editor")
            .resizable(true)
            .default_size(self.settings.right_width.min(right_max))
            .min_size(180.0_f32.min(right_max))
            .max_size(right_max)
            .show(ui, |ui| {
                let issues: Vec<String> = match (self.ws.current, self.ws.selected) {
                    (Some(k), Some(id)) => self
                        .compare
                        .issues_of(k, id)
                        .iter()
                        .map(|i| {
                            format!(
                                "{}: {}",
                                lang.t(i.kind.label_vi(), i.kind.label_en()),
                                lang.t(&i.message_vi, &i.message_en)
                            )
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                // Wider than the panel (high zoom): scroll sideways, never grow over the article.
                egui::ScrollArea::horizontal()
                    .id_salt("editor-wide")
                    .show(ui, |ui| {
                        self.editor.ui(
                            ui,
                            &self.ws,
                            self.ws.pipeline.catalogue(),
                            &issues,
                            lang,
                            &mut out,
                        );
                    });
            });
        self.settings.left_width = left.response.rect.width().round();
        self.settings.right_width = right.response.rect.width().round();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                for t in [Tab::Article, Tab::Compare] {
                    let c = Command::ShowTab(t);
                    if ui
                        .selectable_label(self.tab == t, RichText::new(t.label(lang)).strong())
                        .on_hover_text(c.shortcut_text(ui.ctx()))
                        .clicked()
                    {
                        out.push(c);
                    }
                }
            });
            ui.separator();
            if self.tab == Tab::Compare {
                self.compare
                    .ui(ui, self.ws.pipeline.catalogue(), lang, &mut out);
                return;
            }
            self.article_panel(ui, lang, &mut out);
        });
        self.dialogs(&ctx, &mut out);
        self.commands.extend(out);
        let cmds = std::mem::take(&mut self.commands);
        for c in cmds {
            self.apply(&ctx, c);
        }
        self.autosave(&ctx);
        if self.quit_requested {
            self.quit_requested = false;
            if self.may_close() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                // The question shows in the next frame, without waiting for an event.
                ctx.request_repaint();
            }
        }
    }

    /// True when the window may close now: everything is saved (waiting a little for the
    /// writer), or the officer already chose to leave without it. Otherwise the question
    /// opens and the close waits for the answer.
    fn may_close(&mut self) -> bool {
        if self.quit_prompt {
            return false;
        }
        if self.read_only {
            // Nothing here reaches the disk: edits made in this window are asked about.
            if !self.ws.can_undo() {
                return true;
            }
            self.quit_prompt = true;
            return false;
        }
        if self.flush(QUIT_WAIT) {
            return true;
        }
        self.quit_prompt = true;
        false
    }

    /// Leaves without saving (the officer answered the question).
    pub(crate) fn close_without_saving(&mut self, ctx: &egui::Context) {
        self.saved_generation = self.ws.generation;
        self.quit_prompt = false;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Opens what other processes handed over (a second start of the app on this workspace).
    fn poll_inbox(&mut self, ctx: &egui::Context) {
        let requests = match &self.inbox {
            Some(i) => i.take(),
            None => return,
        };
        for paths in requests {
            ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
            if !paths.is_empty() {
                self.commands.push(Command::OpenPaths(paths));
            }
        }
    }

    fn read_only_banner(&self, ui: &mut Ui) {
        let l = self.lang();
        egui::Frame::new()
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(l.t("CHỈ ĐỌC", "READ-ONLY")).strong().color(WARN));
                    ui.label(l.t(
                        "Không gian làm việc này đang mở trong một cửa sổ khác. Ở đây bạn chỉ xem được; thay đổi sẽ không được lưu.",
                        "This workspace is open in another window. Here you can only look; changes are not saved.",
                    ));
                });
            });
    }

    fn article_panel(&mut self, ui: &mut Ui, lang: Lang, out: &mut Vec<Command>) {
        match self.ws.current_entry() {
            Some(e) if e.article.is_some() => {
                // The header's fields keep their width; on a narrow centre (high zoom) they
                // scroll sideways instead of pushing the panel over the editor.
                egui::ScrollArea::horizontal()
                    .id_salt("article-header")
                    .show(ui, |ui| {
                        self.header.ui(ui, e, lang, out);
                    });
                article_view::legend(ui, lang);
                ui.separator();
                if let Some(id) = self.view.ui(ui, e, self.ws.selected, lang) {
                    out.push(Command::SelectFigure(id));
                }
            }
            Some(e) => {
                ui.heading(e.file_name());
                ui.colored_label(
                    Color32::from_rgb(0xc6, 0x28, 0x28),
                    format!(
                        "{}: {}",
                        lang.t("Không mở được", "Cannot open"),
                        lang.load_error(e.error.as_deref().unwrap_or_default())
                    ),
                );
            }
            None => {
                ui.vertical_centered(|ui| {
                    ui.add_space(40.0);
                    ui.heading(lang.t("Chưa có bài nào được mở", "No article open"));
                    ui.label(lang.t(
                        "Mở tệp (Ctrl+O), mở thư mục, hoặc kéo thả tệp vào cửa sổ.",
                        "Open files (Ctrl+O), a folder, or drop files onto the window.",
                    ));
                });
            }
        }
    }

    fn apply_style(&self, ctx: &egui::Context) {
        ctx.set_theme(if self.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        ctx.set_zoom_factor(self.settings.zoom.clamp(0.5, 3.0));
    }

    /// Hands changes to the writer thread at most [`AUTOSAVE_DELAY`] after the first one
    /// (a burst of keys makes one write), and takes its reports.
    fn autosave(&mut self, ctx: &egui::Context) {
        self.poll_saves();
        if self.read_only || self.sent_generation == self.ws.generation || !self.unsaved() {
            self.change_seen = None;
            return;
        }
        let seen = *self.change_seen.get_or_insert_with(Instant::now);
        let due = seen + AUTOSAVE_DELAY;
        let now = Instant::now();
        if now >= due {
            self.send_changes();
        } else {
            ctx.request_repaint_after(due - now);
        }
    }

    fn poll_chooser(&mut self) {
        let Some((purpose, answer)) = self.chooser.poll() else {
            return;
        };
        match answer {
            Answer::Paths(p) => self.chosen(purpose, p),
            Answer::Cancelled => {}
            Answer::Unavailable => {
                // A save prompt starts with the suggested name.
                let text = self.suggested_name(purpose);
                self.prompt = Some(PathPrompt {
                    purpose,
                    text,
                    focused: false,
                });
            }
        }
    }

    // ---- panels --------------------------------------------------------------------------
}

/// Reads the workspace at `path`: the store when the file exists; else the older
/// `workspace.json` beside it, migrated (marked to be written whole); else an empty workspace.
/// An unreadable file is set aside (never overwritten) and the message says where it went.
/// Returns the workspace, the open store (for the writer thread) and a message.
fn load_workspace(
    path: &Path,
    pipeline: Pipeline,
    read_only: bool,
) -> (Workspace, Option<Store>, Option<Message>) {
    let info = |text: String| Some(Message { text, error: false });
    let error = |text: String| Some(Message { text, error: true });
    if !path.exists() {
        let legacy = path.with_file_name(snapshot::LEGACY_FILE);
        let is_default = path
            .file_name()
            .is_some_and(|n| n == std::ffi::OsStr::new(crate::folders::DEFAULT_WORKSPACE_FILE));
        if is_default && let Ok(bytes) = std::fs::read(&legacy) {
            return match snapshot::from_bytes(&bytes, pipeline.clone()) {
                Ok(mut ws) => {
                    ws.touch_all();
                    let n = ws.entries.len();
                    (
                        ws,
                        None,
                        info(format!(
                            "Đã chuyển không gian làm việc cũ ({n} bài) sang tệp mới"
                        )),
                    )
                }
                Err(e) => (
                    Workspace::with_pipeline(pipeline),
                    None,
                    error(format!(
                        "Không đọc được không gian làm việc cũ {}: {e}",
                        legacy.display()
                    )),
                ),
            };
        }
        let mut ws = Workspace::with_pipeline(pipeline);
        if !read_only {
            ws.touch_all();
        }
        return (ws, None, None);
    }
    let opened = if read_only {
        Store::open_read_only(path)
    } else {
        Store::open(path)
    };
    let loaded = opened.and_then(|s| s.load(pipeline.clone()).map(|ws| (ws, s)));
    match loaded {
        Ok((ws, s)) => {
            // Articles, not entries: files that failed to load are listed, not counted.
            let n = ws.articles().count();
            let msg = (n > 0).then(|| format!("Đã khôi phục không gian làm việc: {n} bài"));
            (ws, (!read_only).then_some(s), msg.and_then(info))
        }
        Err(StoreError::Unreadable(e)) if !read_only => {
            let kept = match store::quarantine(path) {
                Ok(p) => format!("tệp được giữ lại với tên {}", p.display()),
                Err(x) => format!("không đổi tên được tệp ({x})"),
            };
            let mut ws = Workspace::with_pipeline(pipeline);
            ws.touch_all();
            (
                ws,
                None,
                error(format!(
                    "Không đọc được không gian làm việc {}: {e}; {kept}. Bắt đầu một không gian làm việc trống.",
                    path.display()
                )),
            )
        }
        Err(e) => (
            Workspace::with_pipeline(pipeline),
            None,
            error(format!(
                "Không mở được không gian làm việc {}: {e}",
                path.display()
            )),
        ),
    }
}

/// The bundled sample articles: `sample_articles/` in the current folder, else beside the
/// crate's sources.
pub fn samples_dir() -> Option<PathBuf> {
    let here = PathBuf::from("sample_articles");
    if here.is_dir() {
        return Some(here);
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    built.is_dir().then_some(built)
}

impl eframe::App for SolieuApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    /// Settings only; the workspace goes through the writer thread (never blocking here).
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        if self.unsaved() && self.sent_generation != self.ws.generation {
            self.send_changes();
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The close was confirmed (or nothing was unsaved); give the writer its last chance.
        self.flush(QUIT_WAIT);
    }
}

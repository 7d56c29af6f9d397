//! The application: persisted settings, runtime state, the panels, and the one place where
//! commands are applied (once per frame, after every view has had its say).

use super::article_view::{self, ArticleView};
use super::command::Command;
use super::compare_view::{self, CompareView, NewIndicator, PendingPng, Tab};
use super::editor::{EditorView, HeaderView};
use super::files::{Answer, FileChooser, Purpose};
use super::i18n::Lang;
use super::sidebar::Sidebar;
use super::workspace::{self, Edit, Workspace};
use crate::pipeline::Pipeline;
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
    /// Recently opened files and folders, newest first.
    pub recent: Vec<PathBuf>,
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
            samples_shown: false,
        }
    }
}

/// How the app is started.
pub struct AppOptions {
    /// Settings (from eframe storage, or defaults).
    pub settings: Settings,
    /// Where the workspace file lives; `None`: nowhere (nothing is saved).
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
    /// An error (shown in red, and in a window until dismissed).
    pub error: bool,
}

/// The path field offered when no file dialog can be shown.
#[derive(Debug, Clone)]
struct PathPrompt {
    purpose: Purpose,
    text: String,
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
    data_dir: Option<PathBuf>,
    saved_generation: u64,
    change_seen: Option<Instant>,
    /// When the workspace was last written (UTC).
    pub last_save: Option<SystemTime>,
    prompt: Option<PathPrompt>,
    shortcuts_open: bool,
    about_open: bool,
    style_applied: bool,
    quit_requested: bool,
}

impl SolieuApp {
    /// Builds the app: loads the workspace (if any), then opens the given paths, or the bundled
    /// samples on a first run.
    pub fn new(opts: AppOptions) -> Self {
        let mut message = None;
        let catalogue_dir = crate::indicators::config_dir();
        // The one pipeline, with the officer's catalogue: the window files figures as the CLI does.
        let (pipeline, cat_error) = match &catalogue_dir {
            Some(d) => Pipeline::with_user_catalogue_in(d),
            None => (Pipeline::builtin(), None),
        };
        let ws_path = opts
            .data_dir
            .as_ref()
            .map(|d| d.join(workspace::WORKSPACE_FILE));
        let mut ws = match ws_path
            .as_deref()
            .map(|p| Workspace::load(p, pipeline.clone()))
        {
            Some(Ok(Some(ws))) => {
                message = Some(Message {
                    text: format!("Đã khôi phục không gian làm việc: {} bài", ws.entries.len()),
                    error: false,
                });
                ws
            }
            Some(Err(e)) => {
                // Keep the unreadable file aside instead of overwriting it.
                if let Some(p) = &ws_path {
                    let _ = std::fs::rename(p, p.with_extension("json.unreadable"));
                }
                message = Some(Message {
                    text: format!("Không đọc được không gian làm việc đã lưu: {e}"),
                    error: true,
                });
                Workspace::with_pipeline(pipeline)
            }
            _ => Workspace::with_pipeline(pipeline),
        };
        let restored_generation = ws.generation;
        let mut settings = opts.settings;
        let mut app_paths = opts.paths;
        if app_paths.is_empty()
            && ws.entries.is_empty()
            && opts.open_samples
            && !settings.samples_shown
            && let Some(d) = samples_dir()
        {
            app_paths.push(d);
        }
        settings.samples_shown = true;
        let mut app = SolieuApp {
            settings,
            ws: Workspace::new(),
            view: ArticleView::default(),
            editor: EditorView::default(),
            header: HeaderView::default(),
            sidebar: Sidebar::default(),
            tab: Tab::from_env(),
            compare: CompareView::default(),
            catalogue_dir,
            new_indicator: None,
            message,
            error_open: false,
            chooser: opts.chooser,
            commands: Vec::new(),
            data_dir: opts.data_dir,
            saved_generation: restored_generation,
            change_seen: None,
            last_save: None,
            prompt: None,
            shortcuts_open: false,
            about_open: false,
            style_applied: false,
            quit_requested: false,
        };
        std::mem::swap(&mut app.ws, &mut ws);
        // For screenshots and demos: `SOLIEU_START_INDICATOR=training_attendances`.
        if let Ok(id) = std::env::var("SOLIEU_START_INDICATOR")
            && !id.is_empty()
        {
            app.compare.set_indicator(Some(id));
        }
        if let Some(e) = cat_error {
            app.message = Some(Message {
                text: format!("Không đọc được danh mục chỉ số của người dùng: {e}"),
                error: true,
            });
        }
        app.error_open = app.message.as_ref().is_some_and(|m| m.error);
        if !app_paths.is_empty() {
            app.open(&app_paths);
        }
        app.view.scroll_to = app.ws.selected;
        app
    }

    /// The workspace file, when there is a data folder.
    pub fn workspace_path(&self) -> Option<PathBuf> {
        self.data_dir
            .as_ref()
            .map(|d| d.join(workspace::WORKSPACE_FILE))
    }

    /// Queues a command (applied at the end of the frame).
    pub fn push(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// Writes the workspace now. Errors go to the status line.
    pub fn save_now(&mut self) {
        let Some(p) = self.workspace_path() else {
            self.saved_generation = self.ws.generation;
            return;
        };
        match self.ws.save(&p) {
            Ok(()) => {
                self.saved_generation = self.ws.generation;
                self.last_save = Some(SystemTime::now());
                self.change_seen = None;
            }
            Err(e) => {
                self.saved_generation = self.ws.generation;
                self.set_error(format!(
                    "Không lưu được không gian làm việc vào {}: {e}",
                    p.display()
                ));
            }
        }
    }

    /// True when a change has not reached the disk yet.
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
            self.settings.recent.retain(|r| r != &p);
            self.settings.recent.insert(0, p);
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
        if report.failed.is_empty() {
            self.set_info(text);
        } else {
            text.push_str(&format!(
                "; {} {}: {}",
                report.failed.len(),
                l.t("tệp không mở được", "file(s) failed"),
                report.failed.join("; ")
            ));
            self.message = Some(Message { text, error: true });
        }
        self.view.scroll_to = None;
    }

    // ---- frame -------------------------------------------------------------------------

    /// One frame of the whole window (the eframe `App::ui` and the tests call this).
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.style_applied {
            self.style_applied = true;
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.apply_style(&ctx);
        }
        self.poll_chooser();
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
        self.poll_png(&ctx);
        egui::Panel::top("menu").show(ui, |ui| {
            self.menu_bar(ui, &mut out);
            self.toolbar(ui, &mut out);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_line(ui));
        let left = egui::Panel::left("workspace")
            .resizable(true)
            .default_size(self.settings.left_width)
            .min_size(160.0)
            .show(ui, |ui| self.sidebar.ui(ui, &self.ws, lang, &mut out));
        let right = egui::Panel::right("editor")
            .resizable(true)
            .default_size(self.settings.right_width)
            .min_size(240.0)
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
                self.editor.ui(
                    ui,
                    &self.ws,
                    self.ws.pipeline.catalogue(),
                    &issues,
                    lang,
                    &mut out,
                );
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
            self.save_now();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            self.quit_requested = false;
        }
    }

    fn article_panel(&mut self, ui: &mut Ui, lang: Lang, out: &mut Vec<Command>) {
        match self.ws.current_entry() {
            Some(e) if e.article.is_some() => {
                self.header.ui(ui, e, lang, out);
                article_view::legend(ui, lang);
                ui.separator();
                self.view.ui(ui, e, self.ws.selected, lang, out);
            }
            Some(e) => {
                ui.heading(e.file_name());
                ui.colored_label(
                    Color32::from_rgb(0xc6, 0x28, 0x28),
                    format!(
                        "{}: {}",
                        lang.t("Không mở được", "Cannot open"),
                        e.error.clone().unwrap_or_default()
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

    fn autosave(&mut self, ctx: &egui::Context) {
        if !self.unsaved() {
            self.change_seen = None;
            return;
        }
        let seen = *self.change_seen.get_or_insert_with(Instant::now);
        let due = seen + AUTOSAVE_DELAY;
        let now = Instant::now();
        if now >= due {
            self.save_now();
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
                self.prompt = Some(PathPrompt {
                    purpose,
                    text: String::new(),
                });
            }
        }
    }

    /// Acts on paths chosen for a purpose (from a dialog or the path field).
    pub fn chosen(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        match purpose {
            Purpose::OpenFiles | Purpose::OpenFolder => self.open(&paths),
            Purpose::ImportJson => {
                for p in paths {
                    self.import(&p);
                }
            }
            Purpose::ExportJson { current } => {
                if let Some(p) = paths.first() {
                    let s = self.ws.export_json(current);
                    self.write_export(p, s.as_bytes());
                }
            }
            Purpose::ExportCsv => {
                if let Some(p) = paths.first() {
                    let b = self.ws.export_csv();
                    self.write_export(p, &b);
                }
            }
            Purpose::ExportCompareCsv => {
                if let Some(p) = paths.first() {
                    match self.compare.csv() {
                        Some(b) => self.write_export(p, &b),
                        None => self.set_error(
                            self.lang()
                                .t("Chưa chọn chỉ số để so sánh", "No indicator chosen")
                                .into(),
                        ),
                    }
                }
            }
            Purpose::ExportPng => {
                if let Some(p) = paths.first() {
                    // The screenshot is requested by the next frame that shows the chart.
                    self.tab = Tab::Compare;
                    self.compare.pending_png = Some(PendingPng {
                        path: p.clone(),
                        rx: None,
                    });
                }
            }
        }
    }

    fn write_export(&mut self, p: &Path, bytes: &[u8]) {
        let l = self.lang();
        match crate::export::write_atomic(p, bytes) {
            Ok(()) => self.set_info(format!("{} {}", l.t("Đã xuất", "Exported"), p.display())),
            Err(e) => self.set_error(format!(
                "{} {}: {e}",
                l.t("Không ghi được", "Cannot write"),
                p.display()
            )),
        }
    }

    fn import(&mut self, p: &Path) {
        let l = self.lang();
        let bytes = match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                self.set_error(format!(
                    "{} {}: {e}",
                    l.t("Không đọc được", "Cannot read"),
                    p.display()
                ));
                return;
            }
        };
        match self.ws.import_json(&bytes) {
            Ok(r) => self.set_info(format!(
                "{} {}: {} {}, {} {}",
                l.t("Đã nhập", "Imported"),
                p.display(),
                r.merged,
                l.t("bài gộp", "merged"),
                r.added,
                l.t("bài mới", "added")
            )),
            Err(e) => self.set_error(format!(
                "{} {}: {e}",
                l.t("Không nhập được", "Cannot import"),
                p.display()
            )),
        }
    }

    fn request_file(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let name = match purpose {
            Purpose::ExportJson { .. } => "solieu.json",
            Purpose::ExportCsv => "solieu.csv",
            Purpose::ExportCompareCsv => "so-sanh.csv",
            Purpose::ExportPng => "bieu-do.png",
            _ => "",
        };
        self.chooser.request(purpose, name, ctx);
        self.poll_chooser();
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, c: Command) {
        let key = self.ws.current;
        let sel = self.ws.selected;
        let result: Result<(), String> = match c {
            Command::OpenFiles => {
                self.request_file(ctx, Purpose::OpenFiles);
                Ok(())
            }
            Command::OpenFolder => {
                self.request_file(ctx, Purpose::OpenFolder);
                Ok(())
            }
            Command::OpenPathField => {
                self.prompt = Some(PathPrompt {
                    purpose: Purpose::OpenFiles,
                    text: String::new(),
                });
                Ok(())
            }
            Command::OpenPaths(p) => {
                self.open(&p);
                Ok(())
            }
            Command::ExportJsonAll => {
                self.request_file(ctx, Purpose::ExportJson { current: false });
                Ok(())
            }
            Command::ExportJsonCurrent => {
                self.request_file(ctx, Purpose::ExportJson { current: true });
                Ok(())
            }
            Command::ExportCsv => {
                self.request_file(ctx, Purpose::ExportCsv);
                Ok(())
            }
            Command::ImportJson => {
                self.request_file(ctx, Purpose::ImportJson);
                Ok(())
            }
            Command::CloseArticle => {
                if let Some(k) = key {
                    self.ws.close(k);
                }
                Ok(())
            }
            Command::Quit => {
                self.quit_requested = true;
                Ok(())
            }
            Command::Undo => {
                if self.ws.undo() {
                    self.view.scroll_to = self.ws.selected;
                }
                Ok(())
            }
            Command::Redo => {
                if self.ws.redo() {
                    self.view.scroll_to = self.ws.selected;
                }
                Ok(())
            }
            Command::Confirm | Command::Reject | Command::Revert => match (key, sel) {
                (Some(k), Some(id)) => {
                    let edit = match c {
                        Command::Confirm => Edit::Confirm,
                        Command::Reject => Edit::Reject,
                        _ => Edit::Revert,
                    };
                    self.ws.edit_figure(k, id, edit)
                }
                _ => Err(self
                    .lang()
                    .t("Chưa chọn số liệu nào", "No figure selected")
                    .into()),
            },
            Command::NextFigure | Command::PrevFigure => {
                self.ws.step_figure(c == Command::NextFigure);
                self.view.scroll_to = self.ws.selected;
                Ok(())
            }
            Command::NextUnreviewed => {
                if self.ws.next_unreviewed() {
                    self.view.scroll_to = self.ws.selected;
                    Ok(())
                } else {
                    self.set_info(
                        self.lang()
                            .t(
                                "Đã duyệt hết số liệu của bài này",
                                "Every figure is reviewed",
                            )
                            .into(),
                    );
                    Ok(())
                }
            }
            Command::AddFromSelection => match (key, self.view.selected_range()) {
                (Some(k), Some((s, e))) => self.ws.add_figure(k, s, e).map(|_| {
                    self.view.selection = None;
                }),
                _ => Err(self
                    .lang()
                    .t(
                        "Hãy bôi đen một đoạn văn bản trước",
                        "Select some text in the article first",
                    )
                    .into()),
            },
            Command::SpanFromSelection => match (key, sel, self.view.selected_range()) {
                (Some(k), Some(id), Some((s, e))) => {
                    self.ws.edit_figure(k, id, Edit::Span(s, e)).map(|_| {
                        self.view.selection = None;
                    })
                }
                _ => Err(self
                    .lang()
                    .t(
                        "Hãy chọn một số liệu và bôi đen vùng mới",
                        "Select a figure and the new span first",
                    )
                    .into()),
            },
            Command::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                self.apply_style(ctx);
                Ok(())
            }
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                self.settings.zoom = match c {
                    Command::ZoomIn => (self.settings.zoom * 1.1).min(3.0),
                    Command::ZoomOut => (self.settings.zoom / 1.1).max(0.5),
                    _ => 1.0,
                };
                self.apply_style(ctx);
                Ok(())
            }
            Command::SetLang(l) => {
                self.settings.lang = l;
                Ok(())
            }
            Command::Shortcuts => {
                self.shortcuts_open = !self.shortcuts_open;
                Ok(())
            }
            Command::About => {
                self.about_open = true;
                Ok(())
            }
            Command::SelectEntry(k) => {
                self.ws.select_entry(k);
                Ok(())
            }
            Command::SelectFigure(id) => {
                self.ws.select_figure(Some(id));
                self.view.scroll_to = Some(id);
                Ok(())
            }
            Command::EditFigure(k, id, edit) => self.ws.edit_figure(k, id, edit),
            Command::SetMeta(k, meta) => self.ws.set_meta(k, *meta),
            Command::SelectText(s, e) => {
                self.view.selection = Some((s, e));
                Ok(())
            }
            Command::ShowTab(t) => {
                self.tab = t;
                Ok(())
            }
            Command::GotoFigure(k, id) => {
                if self.ws.entry(k).is_some() {
                    self.ws.select_entry(k);
                    self.ws.select_figure(Some(id));
                    self.view.scroll_to = Some(id);
                    self.tab = Tab::Article;
                    Ok(())
                } else {
                    Err(self
                        .lang()
                        .t("Bài viết này đã đóng", "That article is closed")
                        .into())
                }
            }
            Command::ExportCompareCsv => {
                self.request_file(ctx, Purpose::ExportCompareCsv);
                Ok(())
            }
            Command::ExportChartPng => {
                self.request_file(ctx, Purpose::ExportPng);
                Ok(())
            }
            Command::NewIndicator(target) => {
                self.new_indicator = Some(NewIndicator {
                    percent: true,
                    unit: "%".into(),
                    target,
                    ..NewIndicator::default()
                });
                Ok(())
            }
            Command::CreateIndicator(ind, target) => self.create_indicator(*ind, target),
        };
        if let Err(e) = result {
            self.message = Some(Message {
                text: e,
                error: true,
            });
        }
    }

    /// Adds an indicator to the catalogue, saves the officer's catalogue, and gives the new
    /// indicator to a figure.
    fn create_indicator(
        &mut self,
        ind: crate::indicators::Indicator,
        target: Option<(u64, u64)>,
    ) -> Result<(), String> {
        let id = ind.id.clone();
        let catalogue = self.ws.pipeline.catalogue_mut();
        catalogue.add(ind).map_err(|e| e.to_string())?;
        let saved = match &self.catalogue_dir {
            Some(d) => catalogue.save_to_dir(d),
            None => catalogue.save(),
        };
        self.compare.invalidate();
        let l = self.lang();
        match saved {
            Ok(p) => self.set_info(format!(
                "{} {id} ({})",
                l.t("Đã tạo chỉ số", "Created indicator"),
                p.display()
            )),
            Err(e) => self.set_error(format!(
                "{}: {e}",
                l.t(
                    "Không lưu được danh mục chỉ số",
                    "Cannot save the catalogue"
                )
            )),
        }
        if let Some((k, fid)) = target
            && let Some(f) = self
                .ws
                .entry(k)
                .and_then(|e| e.article.as_ref())
                .and_then(|a| a.figures.iter().find(|f| f.id == fid))
        {
            let mut r = f.reading.clone();
            r.indicator = Some(id);
            let note = f.note.clone();
            self.ws
                .edit_figure(k, fid, super::command::edit_reading(r, note))?;
        }
        Ok(())
    }

    /// The chart export: asks for a screenshot once the chart has been drawn, then crops it to
    /// the chart and writes the PNG.
    fn poll_png(&mut self, ctx: &egui::Context) {
        let Some(pending) = &mut self.compare.pending_png else {
            return;
        };
        match &pending.rx {
            None => {
                if self.compare.plot_rect.is_some() {
                    let (tx, rx) = std::sync::mpsc::channel();
                    let c = ctx.clone();
                    ctx.request_screenshot(move |img| {
                        let _ = tx.send(img);
                        c.request_repaint();
                    });
                    pending.rx = Some(rx);
                }
                ctx.request_repaint();
            }
            Some(rx) => {
                let Ok(img) = rx.try_recv() else { return };
                let path = pending.path.clone();
                self.compare.pending_png = None;
                let l = self.lang();
                let region = self
                    .compare
                    .plot_rect
                    .and_then(|r| compare_view::crop_pixels(r, ctx.pixels_per_point(), img.size));
                let png = match region {
                    Some((o, sz)) => compare_view::png_of_region(&img, o, sz),
                    None => Err(l.t("không thấy biểu đồ", "no chart in view").into()),
                };
                match png {
                    Ok(b) => self.write_export(&path, &b),
                    Err(e) => self.set_error(format!(
                        "{} {}: {e}",
                        l.t("Không ghi được", "Cannot write"),
                        path.display()
                    )),
                }
            }
        }
    }

    // ---- panels --------------------------------------------------------------------------

    fn cmd_item(&self, ui: &mut Ui, c: Command, enabled: bool, out: &mut Vec<Command>) {
        let sc = c.shortcut_text(ui.ctx());
        let resp = ui.add_enabled(enabled, Button::new(c.label(self.lang())).shortcut_text(sc));
        if resp.clicked() {
            out.push(c);
            ui.close();
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let l = self.lang();
        let has_article = self.ws.current_article().is_some();
        let has_fig = self.ws.selected_figure().is_some();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(l.t("Tệp", "File"), |ui| {
                self.cmd_item(ui, Command::OpenFiles, true, out);
                self.cmd_item(ui, Command::OpenFolder, true, out);
                self.cmd_item(ui, Command::OpenPathField, true, out);
                ui.menu_button(l.t("Tệp gần đây", "Recent files"), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(l.t("(chưa có)", "(none)"));
                    }
                    for p in &self.settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            out.push(Command::OpenPaths(vec![p.clone()]));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                self.cmd_item(ui, Command::ExportJsonAll, true, out);
                self.cmd_item(ui, Command::ExportJsonCurrent, has_article, out);
                self.cmd_item(ui, Command::ExportCsv, true, out);
                let cmp = self.compare.comparison.is_some();
                self.cmd_item(ui, Command::ExportCompareCsv, cmp, out);
                self.cmd_item(ui, Command::ExportChartPng, cmp, out);
                self.cmd_item(ui, Command::ImportJson, true, out);
                ui.separator();
                self.cmd_item(ui, Command::CloseArticle, has_article, out);
                self.cmd_item(ui, Command::Quit, true, out);
            });
            ui.menu_button(l.t("Sửa", "Edit"), |ui| {
                self.cmd_item(ui, Command::Undo, self.ws.can_undo(), out);
                self.cmd_item(ui, Command::Redo, self.ws.can_redo(), out);
                ui.separator();
                self.cmd_item(ui, Command::Confirm, has_fig, out);
                self.cmd_item(ui, Command::Reject, has_fig, out);
                self.cmd_item(ui, Command::Revert, has_fig, out);
                ui.separator();
                self.cmd_item(ui, Command::NextFigure, has_article, out);
                self.cmd_item(ui, Command::PrevFigure, has_article, out);
                self.cmd_item(ui, Command::NextUnreviewed, has_article, out);
                ui.separator();
                self.cmd_item(ui, Command::AddFromSelection, has_article, out);
                self.cmd_item(ui, Command::SpanFromSelection, has_fig, out);
            });
            ui.menu_button(l.t("Xem", "View"), |ui| {
                self.cmd_item(
                    ui,
                    Command::ShowTab(Tab::Article),
                    self.tab != Tab::Article,
                    out,
                );
                self.cmd_item(
                    ui,
                    Command::ShowTab(Tab::Compare),
                    self.tab != Tab::Compare,
                    out,
                );
                ui.separator();
                self.cmd_item(ui, Command::ToggleTheme, true, out);
                self.cmd_item(ui, Command::ZoomIn, true, out);
                self.cmd_item(ui, Command::ZoomOut, true, out);
                self.cmd_item(ui, Command::ZoomReset, true, out);
                ui.separator();
                self.cmd_item(ui, Command::SetLang(Lang::Vi), l != Lang::Vi, out);
                self.cmd_item(ui, Command::SetLang(Lang::En), l != Lang::En, out);
            });
            ui.menu_button(l.t("Trợ giúp", "Help"), |ui| {
                self.cmd_item(ui, Command::Shortcuts, true, out);
                self.cmd_item(ui, Command::About, true, out);
            });
        });
    }

    fn toolbar(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        let l = self.lang();
        let has_article = self.ws.current_article().is_some();
        let has_fig = self.ws.selected_figure().is_some();
        ui.horizontal_wrapped(|ui| {
            let mut b = |ui: &mut Ui, c: Command, icon: &str, enabled: bool| {
                let tip = format!("{} ({})", c.label(l), c.shortcut_text(ui.ctx()));
                let text = if icon.is_empty() {
                    c.label(l)
                } else {
                    format!("{icon} {}", c.label(l))
                };
                if ui
                    .add_enabled(enabled, Button::new(text))
                    .on_hover_text(tip)
                    .clicked()
                {
                    out.push(c);
                }
            };
            b(ui, Command::OpenFiles, "", true);
            b(ui, Command::OpenFolder, "", true);
            ui.separator();
            b(ui, Command::Undo, "", self.ws.can_undo());
            b(ui, Command::Redo, "", self.ws.can_redo());
            ui.separator();
            b(ui, Command::Confirm, "", has_fig);
            b(ui, Command::Reject, "", has_fig);
            b(ui, Command::PrevFigure, "", has_article);
            b(ui, Command::NextFigure, "", has_article);
            b(ui, Command::NextUnreviewed, "", has_article);
            b(
                ui,
                Command::AddFromSelection,
                "+",
                self.view.selected_range().is_some(),
            );
            ui.separator();
            b(ui, Command::ExportJsonAll, "", true);
        });
    }

    fn status_line(&self, ui: &mut Ui) {
        let l = self.lang();
        ui.horizontal_wrapped(|ui| {
            if let Some(e) = self.ws.current_entry() {
                ui.label(&e.path);
                if let Some(a) = &e.article {
                    ui.separator();
                    ui.label(&a.encoding);
                    ui.separator();
                    let rejected = a
                        .figures
                        .iter()
                        .filter(|f| f.status == crate::model::Status::Rejected)
                        .count();
                    ui.label(format!(
                        "{} {} · {} {} · {} {}",
                        a.figures.len(),
                        l.t("số liệu", "figures"),
                        a.reviewed(),
                        l.t("đã duyệt", "reviewed"),
                        rejected,
                        l.t("đã loại", "rejected")
                    ));
                    if !a.unplaced.is_empty() {
                        ui.colored_label(
                            Color32::from_rgb(0xe6, 0x51, 0x00),
                            format!("{} {}", a.unplaced.len(), l.t("mất vị trí", "unplaced")),
                        );
                    }
                }
                ui.separator();
            }
            match self.last_save {
                Some(t) => ui.label(format!("{} {}", l.t("Đã lưu lúc", "Saved at"), clock(t))),
                None => ui.label(l.t("Chưa lưu lần nào", "Not saved yet")),
            };
            if let Some(m) = &self.message {
                ui.separator();
                if m.error {
                    ui.colored_label(Color32::from_rgb(0xc6, 0x28, 0x28), &m.text);
                } else {
                    ui.label(&m.text);
                }
            }
        });
    }

    fn dialogs(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let l = self.lang();
        if let Some(mut prompt) = self.prompt.take() {
            let mut keep = true;
            let mut go = false;
            egui::Window::new(l.t("Nhập đường dẫn", "Enter a path"))
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.label(match prompt.purpose {
                        Purpose::OpenFiles | Purpose::OpenFolder => l.t(
                            "Không mở được hộp thoại chọn tệp. Nhập đường dẫn tệp hoặc thư mục (nhiều đường dẫn cách nhau bởi ;):",
                            "No file dialog is available. Type the path of a file or folder (several separated by ;):",
                        ),
                        Purpose::ImportJson => l.t("Đường dẫn tệp JSON cần nhập:", "Path of the JSON to import:"),
                        Purpose::ExportJson { .. }
                        | Purpose::ExportCsv
                        | Purpose::ExportCompareCsv
                        | Purpose::ExportPng => {
                            l.t("Ghi ra tệp:", "Write to file:")
                        }
                    });
                    let lab = ui.label(l.t("Đường dẫn", "Path"));
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut prompt.text)
                            .desired_width(400.0)
                            .id_salt("path-field"),
                    )
                    .labelled_by(lab.id);
                    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        go = true;
                    }
                    ui.horizontal(|ui| {
                        if ui.button(l.t("Đồng ý", "OK")).clicked() {
                            go = true;
                        }
                        if ui.button(l.t("Hủy", "Cancel")).clicked() {
                            keep = false;
                        }
                    });
                });
            if go {
                let paths: Vec<PathBuf> = prompt
                    .text
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(PathBuf::from)
                    .collect();
                if !paths.is_empty() {
                    self.chosen(prompt.purpose, paths);
                }
                keep = false;
            }
            if keep {
                self.prompt = Some(prompt);
            }
        }
        if self.shortcuts_open {
            let mut open = true;
            egui::Window::new(l.t("Phím tắt", "Keyboard shortcuts"))
                .open(&mut open)
                .collapsible(false)
                .show(ctx, |ui| {
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for c in Command::LISTED {
                            let sc = c.shortcut_text(ctx);
                            if sc.is_empty() {
                                continue;
                            }
                            ui.label(c.label(l));
                            ui.label(RichText::new(sc).monospace());
                            ui.end_row();
                        }
                    });
                });
            self.shortcuts_open = open;
        }
        if self.about_open {
            let mut open = true;
            egui::Window::new(l.t("Giới thiệu", "About"))
                .open(&mut open)
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.heading(format!("Số liệu {}", env!("CARGO_PKG_VERSION")));
                    ui.label(l.t(
                        "Đọc các bài viết của huyện về đào tạo, bồi dưỡng cán bộ, tìm mọi số liệu, để cán bộ duyệt, sửa và xuất ra JSON/CSV.",
                        "Reads district articles about training officials, finds every figure, lets an officer review, correct and export them.",
                    ));
                    if let Some(p) = self.workspace_path() {
                        ui.label(format!(
                            "{} {}",
                            l.t("Không gian làm việc:", "Workspace file:"),
                            p.display()
                        ));
                    }
                });
            self.about_open = open;
        }
        if let Some(mut form) = self.new_indicator.take() {
            match form.ui(ctx, l) {
                Some(true) => {
                    let ind = form.indicator();
                    match ind.validate() {
                        Ok(()) if self.ws.pipeline.catalogue().get(&ind.id).is_none() => {
                            out.push(Command::CreateIndicator(Box::new(ind), form.target));
                        }
                        Ok(()) => {
                            form.error = Some(format!(
                                "{} “{}”",
                                l.t("Đã có chỉ số mã", "An indicator already has the id"),
                                ind.id
                            ));
                            self.new_indicator = Some(form);
                        }
                        Err(e) => {
                            form.error = Some(e.to_string());
                            self.new_indicator = Some(form);
                        }
                    }
                }
                Some(false) => {}
                None => self.new_indicator = Some(form),
            }
        }
        if self.error_open {
            let text = self
                .message
                .as_ref()
                .map(|m| m.text.clone())
                .unwrap_or_default();
            egui::Modal::new(egui::Id::unique("error-modal")).show(ctx, |ui| {
                ui.set_max_width(480.0);
                ui.heading(l.t("Có lỗi", "Error"));
                ui.label(text);
                if ui.button(l.t("Đóng", "Close")).clicked() {
                    self.error_open = false;
                }
            });
        }
    }
}

/// `HH:MM:SS` of a time in the local zone when its offset is fixed (Vietnam: UTC+7, no
/// summer time), else `HH:MM:SS UTC`.
fn clock(t: SystemTime) -> String {
    let s = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (s, suffix) = match local_offset() {
        Some(off) => (s + off, String::new()),
        None => (s, " UTC".to_string()),
    };
    let s = s.rem_euclid(86_400);
    format!("{:02}:{:02}:{:02}{suffix}", s / 3600, (s / 60) % 60, s % 60)
}

/// The local zone's offset from UTC in seconds, when it has no summer time: from `$TZ`, else
/// the POSIX rule at the end of `/etc/localtime` (`<+07>-7`, `UTC0`).
fn local_offset() -> Option<i64> {
    let rule = match std::env::var("TZ") {
        Ok(tz) if !tz.is_empty() && !tz.starts_with(':') && !tz.contains('/') => tz,
        _ => {
            let bytes = std::fs::read("/etc/localtime").ok()?;
            let text =
                String::from_utf8_lossy(bytes.get(bytes.len().saturating_sub(64)..)?).into_owned();
            text.trim_end_matches('\n').rsplit('\n').next()?.to_string()
        }
    };
    posix_offset(&rule)
}

/// The offset of a POSIX TZ rule without summer time (`<+07>-7` → +25200 s).
fn posix_offset(rule: &str) -> Option<i64> {
    let rest = match rule.strip_prefix('<') {
        Some(r) => &r[r.find('>')? + 1..],
        None => rule.trim_start_matches(|c: char| c.is_ascii_alphabetic()),
    };
    if rest.is_empty() || rest.contains(',') || rest.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let (sign, num) = match rest.as_bytes()[0] {
        b'-' => (1, &rest[1..]),
        b'+' => (-1, &rest[1..]),
        _ => (-1, rest),
    };
    let mut parts = num.split(':').map(|p| p.parse::<i64>().ok());
    let h = parts.next()??;
    let m = parts.next().flatten().unwrap_or(0);
    Some(sign * (h * 3600 + m * 60))
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

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        if self.unsaved() {
            self.save_now();
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.unsaved() {
            self.save_now();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::posix_offset;

    #[test]
    fn posix_zones() {
        assert_eq!(posix_offset("<+07>-7"), Some(7 * 3600));
        assert_eq!(posix_offset("UTC0"), Some(0));
        assert_eq!(posix_offset("IST-5:30"), Some(5 * 3600 + 1800));
        assert_eq!(posix_offset("EST5EDT,M3.2.0,M11.1.0"), None);
    }
}

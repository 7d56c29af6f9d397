//! The desktop workbench (eframe/egui): open articles, read them with every figure
//! highlighted, correct, annotate, undo, export, and never lose work.
//!
//! Layout of the code (egui-demo and rerun-viewer style):
//! - [`command`]: every user action is a [`command::Command`] with its labels and shortcuts;
//!   menus, toolbar buttons and keys share them; the app applies them once per frame.
//! - [`app`]: persisted [`app::Settings`] beside the runtime state and the frame, in rooms:
//!   commands, menus, dialogs, status line.
//! - [`views`]: one small view type per panel (article, editor, sidebar, the comparison tab);
//!   [`picker`]: the indicator picker widget the editor and the comparison share.
//! - [`files`]: file choosing behind a trait (rfd on a thread; scripted in tests).
//! - [`fonts`], [`i18n`], [`palette`]: the bundled fonts, the two interface languages, the
//!   colours of messages.
//!
//! What the officer reviews lives in [`crate::review`] (no UI there): the workspace, undo, the
//! store and its writer thread, the one-writer lock. The window opens one workspace file (the
//! default `workspace.solieu` in the data folder, or `--workspace FILE`), hands each change to
//! the writer thread within [`app::AUTOSAVE_DELAY`], and keeps its settings in `app.ron` in
//! the same data folder.

use eframe::egui;
pub mod app;
pub mod command;
pub mod files;
pub mod fonts;
pub mod i18n;
pub mod palette;
pub mod picker;
pub mod views;

use std::path::PathBuf;

/// Opens the window on the given paths (the bundled samples on a first run without any) and
/// workspace. When another window writes that workspace, the paths are handed to it and this
/// process ends; when no window takes them, this one opens the workspace read-only.
pub fn run(paths: Vec<PathBuf>, workspace: Option<PathBuf>) -> eframe::Result<()> {
    let started = std::time::Instant::now();
    let data_dir = crate::folders::data_dir();
    let ws_file = workspace
        .clone()
        .or_else(|| data_dir.as_deref().map(crate::folders::default_workspace));
    let mut read_only = false;
    if let Some(f) = &ws_file
        && let Err(crate::review::lock::LockError::Held) =
            crate::review::lock::WriterLock::acquire(f)
    {
        if crate::review::lock::hand_off(f, &paths, crate::review::lock::HANDOFF_WAIT) {
            eprintln!(
                "solieu: {} đang mở trong một cửa sổ khác; đã chuyển các tệp sang cửa sổ đó.",
                f.display()
            );
            return Ok(());
        }
        read_only = true;
    }
    // `SOLIEU_EXIT_AFTER_FIRST_FRAME=1`: print the time to the first frame and quit (scripts/perf.sh).
    let probe_first_frame = std::env::var_os("SOLIEU_EXIT_AFTER_FIRST_FRAME").is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Số liệu")
            .with_app_id("solieu")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: true,
        // Everything the app writes lives in the data folder ($SOLIEU_DATA_DIR), settings too.
        persistence_path: data_dir.as_deref().map(crate::folders::settings_file),
        ..Default::default()
    };
    eframe::run_native(
        "solieu",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let settings: app::Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, app::SETTINGS_KEY))
                .unwrap_or_default();
            let app = app::SolieuApp::with_workspace(
                app::AppOptions {
                    settings,
                    data_dir,
                    paths,
                    open_samples: true,
                    chooser: Box::new(files::RfdChooser::default()),
                },
                ws_file,
                read_only,
            );
            if probe_first_frame {
                Ok(Box::new(FirstFrameProbe { app, started }))
            } else {
                Ok(Box::new(app))
            }
        }),
    )
}

/// Wraps the app to report the time from start to the end of the first frame, then close.
struct FirstFrameProbe {
    app: app::SolieuApp,
    started: std::time::Instant,
}

impl eframe::App for FirstFrameProbe {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        eframe::App::ui(&mut self.app, ui, frame);
        eprintln!(
            "solieu: first frame after {:.1} ms",
            self.started.elapsed().as_secs_f64() * 1000.0
        );
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

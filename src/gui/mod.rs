//! The desktop workbench (eframe/egui): open articles, read them with every figure
//! highlighted, correct, annotate, undo, export, and never lose work.
//!
//! Layout of the code (egui-demo and rerun-viewer style):
//! - [`command`]: every user action is a [`command::Command`] with its labels and shortcuts;
//!   menus, toolbar buttons and keys share them; the app applies them once per frame.
//! - [`workspace`]: the UI-free state that is autosaved (open articles, selection, undo/redo,
//!   re-anchoring, import/merge, export).
//! - [`app`]: persisted [`app::Settings`] beside the runtime state, and the frame.
//! - [`article_view`], [`editor`], [`sidebar`], [`compare_view`]: one small view type per
//!   panel (the comparison tab: chart, table, overview, cross-checks).
//! - [`files`]: file choosing behind a trait (rfd on a thread; scripted in tests).
//!
//! The workspace is saved as `workspace.json` in the data folder ([`workspace::data_dir`]:
//! `$SOLIEU_DATA_DIR`, else `~/.local/share/solieu` on Linux), at most
//! [`app::AUTOSAVE_DELAY`] after each change, atomically (temp file, fsync, rename).

use eframe::egui;
pub mod app;
pub mod article_view;
pub mod command;
pub mod compare_view;
pub mod editor;
pub mod files;
pub mod fonts;
pub mod i18n;
pub mod sidebar;
pub mod workspace;

use std::path::PathBuf;

/// Opens the window on the given paths (the bundled samples on a first run without any).
pub fn run(paths: Vec<PathBuf>) -> eframe::Result<()> {
    let started = std::time::Instant::now();
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
            let app = app::SolieuApp::new(app::AppOptions {
                settings,
                data_dir: workspace::data_dir(),
                paths,
                open_samples: true,
                chooser: Box::new(files::RfdChooser::default()),
            });
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

//! The windows over the workbench: the path field, the shortcuts (F1), About, the new
//! indicator form, errors, and the question before quitting with unsaved changes.

use super::*;

impl SolieuApp {
    /// Esc closes the window on top (and only then is it taken from the views): the quit
    /// question, an error, the path field, the new indicator form, About, the shortcut list.
    fn close_top_window_on_escape(&mut self, ctx: &egui::Context) {
        let any = self.quit_prompt
            || self.error_open
            || self.prompt.is_some()
            || self.new_indicator.is_some()
            || self.about_open
            || self.shortcuts_open;
        if !any || !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            return;
        }
        if self.quit_prompt {
            self.quit_prompt = false;
        } else if self.error_open {
            self.error_open = false;
        } else if self.prompt.is_some() {
            self.prompt = None;
        } else if self.new_indicator.is_some() {
            self.new_indicator = None;
        } else if self.about_open {
            self.about_open = false;
        } else {
            self.shortcuts_open = false;
        }
    }

    pub(super) fn dialogs(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let l = self.lang();
        self.close_top_window_on_escape(ctx);
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
                        Purpose::OpenUrl => l.t(
                            "Địa chỉ web của bài (https://…; nhiều địa chỉ cách nhau bởi ;):",
                            "Web address of the article (https://…; several separated by ;):",
                        ),
                        Purpose::ExportJson { .. }
                        | Purpose::ExportCsv
                        | Purpose::ExportCompareCsv
                        | Purpose::ExportXlsx
                        | Purpose::ExportPng => {
                            l.t("Ghi ra tệp:", "Write to file:")
                        }
                        Purpose::NewWorkspace => l.t(
                            "Tệp không gian làm việc mới (.solieu):",
                            "New workspace file (.solieu):",
                        ),
                        Purpose::OpenWorkspace => l.t(
                            "Tệp không gian làm việc cần mở (.solieu):",
                            "Workspace file to open (.solieu):",
                        ),
                    });
                    let lab = ui.label(l.t("Đường dẫn", "Path"));
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut prompt.text)
                            .desired_width(400.0)
                            .id_salt("path-field"),
                    )
                    .labelled_by(lab.id);
                    // The field has the keyboard as soon as it shows (Ctrl+L, or a dialog that
                    // could not open): the officer types at once.
                    if !prompt.focused {
                        r.request_focus();
                        prompt.focused = true;
                    }
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
                    if let Some(d) = &self.data_dir {
                        ui.label(format!(
                            "{} {}",
                            l.t("Thư mục dữ liệu (cài đặt, không gian mặc định):", "Data folder (settings, default workspace):"),
                            d.display()
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
        if self.quit_prompt {
            self.quit_question(ctx);
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

    /// Asked when the window should close while changes are not on disk: try again, leave
    /// without them (said plainly), or stay.
    fn quit_question(&mut self, ctx: &egui::Context) {
        let l = self.lang();
        let reason = self.save_error.clone().unwrap_or_default();
        egui::Modal::new(egui::Id::unique("quit-unsaved")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(l.t("Còn thay đổi chưa lưu", "Unsaved changes"));
            if self.read_only {
                ui.label(l.t(
                    "Không gian làm việc này đang mở ở cửa sổ khác nên cửa sổ này chỉ đọc: \
                     các thay đổi ở đây không được lưu. Xuất JSON để giữ chúng, rồi nhập vào \
                     cửa sổ kia.",
                    "This workspace is open in another window, so this one is read-only: \
                     changes made here are not saved. Export JSON to keep them, then import \
                     it in the other window.",
                ));
            } else {
                ui.label(l.t(
                    "Chưa ghi được các thay đổi gần đây vào không gian làm việc.",
                    "The latest changes could not be written to the workspace.",
                ));
            }
            if !reason.is_empty() {
                ui.colored_label(ERROR, reason);
            }
            ui.horizontal_wrapped(|ui| {
                if self.read_only {
                    if ui.button(l.t("Xuất JSON…", "Export JSON…")).clicked() {
                        self.quit_prompt = false;
                        self.request_file(ctx, Purpose::ExportJson { current: false });
                    }
                } else if ui.button(l.t("Thử lưu lại", "Try again")).clicked() {
                    self.quit_prompt = false;
                    if self.flush(QUIT_WAIT) {
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    } else {
                        self.quit_prompt = true;
                    }
                }
                if ui
                    .button(l.t(
                        "Thoát và bỏ các thay đổi này",
                        "Quit and lose these changes",
                    ))
                    .clicked()
                {
                    self.close_without_saving(ctx);
                }
                if ui.button(l.t("Ở lại", "Stay")).clicked() {
                    self.quit_prompt = false;
                }
            });
        });
    }
}

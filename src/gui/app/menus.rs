//! The menu bar and the toolbar, both built from [`Command`]s so labels and shortcuts match
//! the F1 list.

use super::*;

impl SolieuApp {
    fn cmd_item(&self, ui: &mut Ui, c: Command, enabled: bool, out: &mut Vec<Command>) {
        let sc = c.shortcut_text(ui.ctx());
        let resp = ui.add_enabled(enabled, Button::new(c.label(self.lang())).shortcut_text(sc));
        if resp.clicked() {
            out.push(c);
            ui.close();
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let l = self.lang();
        let has_article = self.ws.current_article().is_some();
        let has_fig = self.ws.selected_figure().is_some();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(l.t("Tệp", "File"), |ui| {
                self.cmd_item(ui, Command::OpenFiles, true, out);
                self.cmd_item(ui, Command::OpenFolder, true, out);
                self.cmd_item(ui, Command::OpenPathField, true, out);
                self.cmd_item(ui, Command::OpenUrl, true, out);
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
                self.cmd_item(ui, Command::NewWorkspace, true, out);
                self.cmd_item(ui, Command::OpenWorkspace, true, out);
                ui.menu_button(
                    l.t("Không gian làm việc gần đây", "Recent workspaces"),
                    |ui| {
                        if self.settings.recent_workspaces.is_empty() {
                            ui.label(l.t("(chưa có)", "(none)"));
                        }
                        for p in &self.settings.recent_workspaces {
                            let here = self.ws_file.as_ref() == Some(p);
                            if ui
                                .add_enabled(!here, Button::new(p.display().to_string()))
                                .clicked()
                            {
                                out.push(Command::OpenWorkspacePath(p.clone()));
                                ui.close();
                            }
                        }
                    },
                );
                ui.separator();
                self.cmd_item(ui, Command::ExportJsonAll, true, out);
                self.cmd_item(ui, Command::ExportJsonCurrent, has_article, out);
                self.cmd_item(ui, Command::ExportCsv, true, out);
                let cmp = self.compare.comparison.is_some();
                self.cmd_item(ui, Command::ExportCompareCsv, cmp, out);
                self.cmd_item(ui, Command::ExportCompareXlsx, cmp, out);
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
                let offered = self.ws.offered_computed().is_some();
                self.cmd_item(ui, Command::AcceptComputed, offered, out);
                self.cmd_item(ui, Command::RejectComputed, offered, out);
                ui.separator();
                self.cmd_item(ui, Command::NextFigure, has_article, out);
                self.cmd_item(ui, Command::PrevFigure, has_article, out);
                self.cmd_item(ui, Command::NextUnreviewed, has_article, out);
                let mut stay = self.settings.stay_after_review;
                if ui
                    .checkbox(&mut stay, Command::ToggleStayAfterReview.label(l))
                    .clicked()
                {
                    out.push(Command::ToggleStayAfterReview);
                    ui.close();
                }
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
                let many = self.ws.entries.len() > 1;
                self.cmd_item(ui, Command::NextArticle, many, out);
                self.cmd_item(ui, Command::PrevArticle, many, out);
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

    pub(super) fn toolbar(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        let l = self.lang();
        let has_article = self.ws.current_article().is_some();
        let has_fig = self.ws.selected_figure().is_some();
        // One row that scrolls sideways when the zoom makes it too wide, never a wrapped pile.
        egui::ScrollArea::horizontal()
            .id_salt("toolbar")
            .show(ui, |ui| {
                ui.horizontal(|ui| {
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
                })
            });
    }
}

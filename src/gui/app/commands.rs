//! Applying commands: the one place where what a menu, a key, a button or a view asked for
//! changes the workspace or the window (once per frame, after every view has had its say).

use super::*;

impl SolieuApp {
    /// Acts on paths chosen for a purpose (from a dialog or the path field).
    pub fn chosen(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        match purpose {
            Purpose::NewWorkspace | Purpose::OpenWorkspace => {
                if let Some(p) = paths.first() {
                    let mut p = p.clone();
                    if purpose == Purpose::NewWorkspace && p.extension().is_none() {
                        p.set_extension(store::EXTENSION);
                    }
                    self.switch_workspace(&p, false);
                }
            }
            Purpose::OpenFiles | Purpose::OpenFolder => self.open(&paths),
            Purpose::OpenUrl => {
                for p in paths {
                    self.download(p.to_string_lossy().into_owned());
                }
            }
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
                    match self.compare.csv(self.ws.pipeline.catalogue()) {
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
                    // Drawn from the data at print size, whatever is on screen.
                    let l = self.lang();
                    match self
                        .compare
                        .export_chart(self.ws.pipeline.catalogue(), l, p)
                    {
                        Ok(()) => {
                            self.set_info(format!("{} {}", l.t("Đã xuất", "Exported"), p.display()))
                        }
                        Err(e) => self.set_error(e),
                    }
                }
            }
            Purpose::ExportXlsx => {
                if let Some(p) = paths.first() {
                    match self.compare.xlsx(self.ws.pipeline.catalogue()) {
                        Ok(b) => self.write_export(p, &b),
                        Err(e) => self.set_error(e),
                    }
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

    pub(super) fn request_file(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let name = self.suggested_name(purpose);
        self.chooser.request(purpose, &name, ctx);
        self.poll_chooser();
    }

    /// The file name an export or a new workspace is offered under:
    /// `so_lieu_<tỉnh hoặc huyện>_<ngày>.json`, the place written without marks.
    pub fn suggested_name(&self, purpose: Purpose) -> String {
        let current = matches!(purpose, Purpose::ExportJson { current: true });
        let place = export_place(&self.ws, current);
        let day = jiff::ZonedDateTime::now().strftime("%Y-%m-%d").to_string();
        let stem = match &place {
            Some(p) => format!("so_lieu_{p}_{day}"),
            None => format!("so_lieu_{day}"),
        };
        match purpose {
            Purpose::ExportJson { .. } => format!("{stem}.json"),
            Purpose::ExportCsv => format!("{stem}.csv"),
            Purpose::ExportCompareCsv => format!("so_sanh_{day}.csv"),
            Purpose::ExportPng => format!("bieu_do_{day}.png"),
            Purpose::ExportXlsx => format!("so_sanh_{day}.xlsx"),
            Purpose::NewWorkspace => match place {
                Some(p) => format!("{p}.{}", store::EXTENSION),
                None => format!("bao_cao_{day}.{}", store::EXTENSION),
            },
            _ => String::new(),
        }
    }

    /// Drops an information message that spoke of the article being left ("Đã duyệt hết …");
    /// errors stay until read.
    fn forget_info(&mut self) {
        if self.message.as_ref().is_some_and(|m| !m.error) {
            self.message = None;
        }
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
                    focused: false,
                });
                Ok(())
            }
            Command::ForgetPhrase(indicator, phrase) => {
                self.forget_phrase(&indicator, &phrase);
                Ok(())
            }
            Command::OpenUrl => {
                self.prompt = Some(PathPrompt {
                    purpose: Purpose::OpenUrl,
                    text: String::new(),
                    focused: false,
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
                    let moves = c != Command::Revert && !self.settings.stay_after_review;
                    self.ws.edit_figure(k, id, edit).map(|()| {
                        // Review flows: the next figure to decide comes up (in this article).
                        if moves && self.ws.next_unreviewed() {
                            self.view.scroll_to = self.ws.selected;
                        }
                    })
                }
                _ => Err(self
                    .lang()
                    .t("Chưa chọn số liệu nào", "No figure selected")
                    .into()),
            },
            Command::AcceptComputed | Command::RejectComputed => {
                match (key, self.ws.offered_computed().map(|c| c.id)) {
                    (Some(k), Some(id)) => {
                        self.ws.decide_computed(k, id, c == Command::AcceptComputed)
                    }
                    _ => Err(self
                        .lang()
                        .t(
                            "Số đang chọn không có số tính nào đang chờ",
                            "The selected figure has no computed fact waiting",
                        )
                        .into()),
                }
            }
            Command::DecideComputed(k, id, accept) => self.ws.decide_computed(k, id, accept),
            Command::NextFigure | Command::PrevFigure => {
                self.ws.step_figure(c == Command::NextFigure);
                self.view.scroll_to = self.ws.selected;
                Ok(())
            }
            Command::NextArticle | Command::PrevArticle => {
                self.forget_info();
                self.ws.step_entry(c == Command::NextArticle);
                self.view.scroll_to = None;
                self.tab = Tab::Article;
                Ok(())
            }
            Command::ToggleStayAfterReview => {
                self.settings.stay_after_review = !self.settings.stay_after_review;
                Ok(())
            }
            Command::NewWorkspace => {
                self.request_file(ctx, Purpose::NewWorkspace);
                Ok(())
            }
            Command::OpenWorkspace => {
                self.request_file(ctx, Purpose::OpenWorkspace);
                Ok(())
            }
            Command::OpenWorkspacePath(p) => {
                self.switch_workspace(&p, false);
                Ok(())
            }
            Command::NextUnreviewed => {
                if self.ws.next_unreviewed_anywhere() {
                    self.view.scroll_to = self.ws.selected;
                    Ok(())
                } else {
                    self.set_info(
                        self.lang()
                            .t(
                                "Đã duyệt hết số liệu của mọi bài đang mở",
                                "Every figure of every open article is reviewed",
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
                if self.ws.current != Some(k) {
                    self.forget_info();
                }
                self.ws.select_entry(k);
                Ok(())
            }
            Command::SelectFigure(id) => {
                self.ws.select_figure(Some(id));
                self.view.scroll_to = Some(id);
                Ok(())
            }
            Command::EditFigure(k, id, edit) => {
                let files = matches!(&edit, Edit::Reading(r, _) if r.indicator.is_some());
                let before = self.indicator_of(k, id);
                let edited = self.ws.edit_figure(k, id, edit);
                if edited.is_ok() && files && self.indicator_of(k, id) != before {
                    self.learn_from(k, id);
                }
                edited
            }
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
            Command::ExportCompareXlsx => {
                self.request_file(ctx, Purpose::ExportXlsx);
                Ok(())
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
                .edit_figure(k, fid, crate::gui::command::edit_reading(r, note))?;
            self.learn_from(k, fid);
        }
        Ok(())
    }

    /// Saves the officer's catalogue after a lesson changed it, then tells `done` (or why the
    /// catalogue could not be saved: the lesson stays for the session).
    fn save_lesson(&mut self, done: String) {
        let l = self.lang();
        let catalogue = self.ws.pipeline.catalogue();
        let saved = match &self.catalogue_dir {
            Some(d) => catalogue.save_to_dir(d),
            None => catalogue.save(),
        };
        self.compare.invalidate();
        match saved {
            Ok(_) => self.set_info(done),
            Err(e) => self.set_error(format!(
                "{}: {e}",
                l.t(
                    "Không lưu được danh mục chỉ số",
                    "Cannot save the catalogue"
                )
            )),
        }
    }

    /// Removes a learned phrase, saves the catalogue and files the unreviewed figures again.
    fn forget_phrase(&mut self, indicator: &str, phrase: &str) {
        let l = self.lang();
        match crate::indicators::forget(self.ws.pipeline.catalogue_mut(), indicator, phrase) {
            Ok(true) => {
                let moved = self.ws.refile_unreviewed();
                self.save_lesson(format!(
                    "{} «{phrase}»; {moved} {}",
                    l.t("Đã bỏ cụm", "Forgot the phrase"),
                    l.t(
                        "số liệu chưa duyệt được xếp lại",
                        "unreviewed figure(s) filed again"
                    )
                ));
            }
            Ok(false) => {}
            Err(e) => self.set_error(e.to_string()),
        }
    }

    /// The indicator a figure is filed under now.
    fn indicator_of(&self, key: u64, id: u64) -> Option<String> {
        self.ws
            .entry(key)
            .and_then(|e| e.article.as_ref())
            .and_then(|a| a.figures.iter().find(|f| f.id == id))
            .and_then(|f| f.reading.indicator.clone())
    }

    /// After the officer filed a figure: learn its cue, save the catalogue, and tell what
    /// followed. A catalogue that cannot be saved is reported; the lesson stays for the session.
    fn learn_from(&mut self, key: u64, id: u64) {
        let l = self.lang();
        match self.ws.learn_from(key, id) {
            Ok(Some((phrase, moved))) => self.save_lesson(format!(
                "{} «{phrase}»; {moved} {}",
                l.t("Đã học cụm", "Learned the phrase"),
                l.t(
                    "số liệu chưa duyệt được xếp lại",
                    "unreviewed figure(s) filed again"
                )
            )),
            Ok(None) => {}
            Err(e) => self.set_error(e),
        }
    }
}

/// The province the exported articles share, else their district, for a file name: lower
/// case, marks removed (`Chợ Đồn` → `cho_don`), words joined by `_`.
fn export_place(ws: &Workspace, only_current: bool) -> Option<String> {
    let articles: Vec<&crate::model::Article> = if only_current {
        ws.current_article().into_iter().collect()
    } else {
        ws.articles().collect()
    };
    let shared = |get: &dyn Fn(&crate::model::Article) -> Option<&String>| {
        let first = get(articles.first()?)?;
        articles
            .iter()
            .all(|a| get(a) == Some(first))
            .then(|| first.clone())
    };
    let place = if only_current {
        shared(&|a| a.district.as_ref()).or_else(|| shared(&|a| a.province.as_ref()))
    } else {
        shared(&|a| a.province.as_ref()).or_else(|| shared(&|a| a.district.as_ref()))
    }?;
    let slug: Vec<String> = crate::text::fold::unmarked(&place)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    (!slug.is_empty()).then(|| slug.join("_"))
}

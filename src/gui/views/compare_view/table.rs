//! The comparison table: one row per fact, sortable, conflicts and repeated mentions marked,
//! computed facts marked with their formula, and the review in place (confirm, reject, re-file).
//!
//! Its own room because it is the tab's second view of the same rows, with its own order and
//! its own actions.

use super::*;

impl CompareView {
    /// The table's rows in the chosen order (indices into the comparison's rows).
    pub fn sorted_rows(&self) -> Vec<usize> {
        let Some(c) = &self.comparison else {
            return Vec::new();
        };
        let mut idx: Vec<usize> = (0..c.rows.len()).collect();
        let r = |i: usize| &c.rows[i];
        match self.sort {
            SortBy::District => {}
            SortBy::Year => idx.sort_by_key(|&i| r(i).year),
            SortBy::Value => idx.sort_by(|&a, &b| {
                r(a).value
                    .unwrap_or(f64::MIN)
                    .total_cmp(&r(b).value.unwrap_or(f64::MIN))
            }),
            SortBy::Status => idx.sort_by_key(|&i| r(i).status.as_str()),
        }
        if self.descending {
            idx.reverse();
        }
        idx
    }

    pub(super) fn table(
        &mut self,
        ui: &mut Ui,
        cat: &Catalogue,
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        let order = self.sorted_rows();
        let Some(c) = &self.comparison else { return };
        let percent = is_percent(cat, &c.indicator);
        let mut sort = None;
        egui::Grid::new("compare-table")
            .striped(true)
            .num_columns(9)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for (col, label) in [
                    (Some(SortBy::District), lang.t("Huyện", "District")),
                    (None, lang.t("Đối tượng", "Population")),
                    (Some(SortBy::Year), lang.t("Năm", "Year")),
                    (Some(SortBy::Value), lang.t("Giá trị", "Value")),
                    (None, lang.t("Viết trong bài", "As written")),
                    (Some(SortBy::Status), lang.t("Trạng thái", "Status")),
                    (None, lang.t("Bài viết", "Article")),
                    (None, ""),
                    (None, lang.t("Duyệt", "Review")),
                ] {
                    match col {
                        Some(col) => {
                            let mark = if self.sort == col {
                                if self.descending { " v" } else { " ^" }
                            } else {
                                ""
                            };
                            if ui
                                .add(
                                    egui::Button::new(
                                        RichText::new(format!("{label}{mark}")).strong(),
                                    )
                                    .frame(false),
                                )
                                .on_hover_text(lang.t("Bấm để sắp xếp", "Click to sort"))
                                .clicked()
                            {
                                sort = Some(col);
                            }
                        }
                        None => {
                            ui.strong(label);
                        }
                    }
                }
                ui.end_row();
                for &i in &order {
                    let r = &c.rows[i];
                    let go = |ui: &mut Ui, text: RichText| {
                        ui.add(egui::Button::new(text).frame(false))
                            .on_hover_text(&r.sentence)
                            .clicked()
                    };
                    let mut clicked = go(ui, RichText::new(r.district.clone().unwrap_or_default()));
                    ui.label(r.population.map_or("", |p| population_name(p, lang)));
                    ui.label(r.year.map(|y| y.to_string()).unwrap_or_default());
                    let mut v = RichText::new(value_text(r, percent)).monospace();
                    if r.status == Status::Extracted {
                        v = v.weak();
                    }
                    if r.target {
                        v = v.italics();
                    }
                    clicked |= go(ui, v);
                    if r.computed.is_some() {
                        // Not written in the article: computed from its breakdown.
                        ui.label(format!("{} {}", lang.t("tính:", "computed:"), r.text))
                            .on_hover_text(lang.t(
                                "Số tính từ các mức của bài, đã được nhận",
                                "Computed from the article's breakdown, accepted",
                            ));
                    } else {
                        ui.label(format!("“{}”", r.text));
                    }
                    ui.label(lang.status(r.status));
                    ui.add_sized(
                        [260.0, 18.0],
                        egui::Label::new(r.title.clone().unwrap_or_else(|| r.path.clone()))
                            .truncate(),
                    )
                    .on_hover_text(&r.path);
                    ui.horizontal(|ui| {
                        if r.target {
                            ui.label(lang.t("chỉ tiêu", "target"));
                        }
                        if r.conflict {
                            ui.colored_label(CONFLICT, lang.t("xung đột", "conflict"));
                        }
                        if r.mentions > 1 {
                            ui.label(format!("×{}", r.mentions)).on_hover_text(lang.t(
                                "Bài nêu số này nhiều lần (tiêu đề, sapo, thân bài): tính một lần",
                                "The article repeats this figure (headline, lead, body): counted once",
                            ));
                        }
                    });
                    // Review in place: confirm, reject, or file under another indicator.
                    ui.horizontal(|ui| {
                        let key = self.keys.get(r.article).copied();
                        if let Some(id) = r.computed {
                            // An accepted computed fact: it can only be taken back.
                            let reject = ui.small_button(lang.t("Loại", "Reject")).on_hover_text(
                                lang.t("Bỏ số tính này", "Reject this computed fact"),
                            );
                            if reject.clicked()
                                && let Some(k) = key
                            {
                                out.push(Command::DecideComputed(k, id, false));
                            }
                            return;
                        }
                        let confirm = ui
                            .small_button(lang.t("Đúng", "OK"))
                            .on_hover_text(lang.t("Xác nhận số này", "Confirm this figure"));
                        let reject = ui
                            .small_button(lang.t("Loại", "Reject"))
                            .on_hover_text(lang.t("Loại bỏ số này", "Reject this figure"));
                        if let Some(k) = key {
                            if confirm.clicked() {
                                out.push(Command::EditFigure(k, r.figure, Edit::Confirm));
                            }
                            if reject.clicked() {
                                out.push(Command::EditFigure(k, r.figure, Edit::Reject));
                            }
                        }
                        ui.menu_button(lang.t("Chuyển chỉ số…", "Re-file…"), |ui| {
                            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                                for ind in cat.indicators() {
                                    let name = indicator_name(cat, &ind.id, lang);
                                    if ui.button(name).clicked()
                                        && let Some(k) = key
                                        && let Some(f) = self.figure_of(r)
                                    {
                                        let mut reading = f.reading.clone();
                                        reading.indicator = Some(ind.id.clone());
                                        out.push(Command::EditFigure(
                                            k,
                                            r.figure,
                                            crate::gui::command::edit_reading(reading, f.note.clone()),
                                        ));
                                        ui.close();
                                    }
                                }
                            });
                        });
                    });
                    ui.end_row();
                    if clicked && let Some(cmd) = self.goto(r.article, r.figure) {
                        out.push(cmd);
                    }
                }
            });
        if !c.missing_districts.is_empty() {
            ui.add_space(4.0);
            ui.label(format!(
                "{} {}",
                lang.t("Chưa có số liệu:", "No figure yet:"),
                c.missing_districts.join(", ")
            ));
        }
        if let Some(col) = sort {
            if self.sort == col {
                self.descending = !self.descending;
            } else {
                self.sort = col;
                self.descending = false;
            }
        }
    }
}

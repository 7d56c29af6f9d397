//! The right panel (the selected figure's editor and the article's figure list) and the
//! article header (district, province, date, title).
//!
//! Text fields keep drafts; a draft is applied when its field loses focus (Enter, Tab, a
//! click elsewhere). Invalid input shows an inline error and changes nothing.

use super::article_view::{describe, fmt_value, kind_color};
use super::compare_view::{self, CONFLICT, Picked};
use crate::extract::number::parse_user_value;
use crate::gui::command::{Command, edit_reading};
use crate::gui::i18n::Lang;
use crate::indicators::Catalogue;
use crate::model::{Computed, Figure, Kind, Population, Qualifier, Reading, Status};
use crate::review::{self, Edit, Entry, Meta, Workspace};
use eframe::egui;
use egui::{Color32, RichText, TextEdit, Ui};

use crate::gui::palette::ERROR;

/// Drafts of the selected figure's fields.
#[derive(Debug, Default, Clone)]
struct Drafts {
    value: String,
    value_to: String,
    date: String,
    unit: String,
    indicator: String,
    year: String,
    note: String,
    /// The value text as first shown (an untouched value keeps its exact number).
    shown_value: String,
    shown_value_to: String,
}

impl Drafts {
    fn of(f: &Figure) -> Self {
        let r = &f.reading;
        let value = r.value.map(|v| fmt_value(r.kind, v)).unwrap_or_default();
        let value_to = r.value_to.map(|v| fmt_value(r.kind, v)).unwrap_or_default();
        Drafts {
            shown_value: value.clone(),
            shown_value_to: value_to.clone(),
            value,
            value_to,
            date: r.date.clone().unwrap_or_default(),
            unit: r.unit.clone().unwrap_or_default(),
            indicator: r.indicator.clone().unwrap_or_default(),
            year: r.year.map(|y| y.to_string()).unwrap_or_default(),
            note: f.note.clone().unwrap_or_default(),
        }
    }

    /// The reading and note these drafts describe, over the figure's current reading.
    fn compose(&self, f: &Figure) -> Result<(Reading, Option<String>), String> {
        let mut r = f.reading.clone();
        let num = |s: &str, shown: &str, old: Option<f64>| -> Result<Option<f64>, String> {
            if s.trim() == shown.trim() {
                Ok(old)
            } else if s.trim().is_empty() {
                Ok(None)
            } else {
                parse_user_value(s).map(Some)
            }
        };
        r.value = num(&self.value, &self.shown_value, r.value)?;
        r.value_to = num(&self.value_to, &self.shown_value_to, r.value_to)?;
        let d = self.date.trim();
        r.date = if d.is_empty() {
            None
        } else {
            let iso = if d.starts_with("--") {
                d.to_string()
            } else {
                review::parse_date(d).ok_or_else(|| format!("“{d}” không phải là ngày"))?
            };
            review::check_date(&iso)?;
            Some(iso)
        };
        r.unit = non_empty(&self.unit);
        r.indicator = non_empty(&self.indicator);
        let y = self.year.trim();
        let year = if y.is_empty() {
            None
        } else {
            match y.parse::<i32>() {
                Ok(v) if crate::numbers::is_year(v) => Some(v),
                _ => {
                    return Err(format!(
                        "“{y}” không phải là năm ({}–{})",
                        crate::numbers::FIRST_YEAR,
                        crate::numbers::LAST_YEAR
                    ));
                }
            }
        };
        if year != r.year {
            // A year the officer types is the figure's own: it no longer follows the article.
            r.year = year;
            r.year_from_article = false;
        }
        Ok((r, non_empty(&self.note)))
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Filters of the figure list.
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only this status.
    pub status: Option<Status>,
    /// Indicator contains.
    pub indicator: String,
    /// Text or context contains.
    pub search: String,
}

impl ListFilter {
    fn keeps(&self, f: &Figure) -> bool {
        self.kind.is_none_or(|k| f.reading.kind == k)
            && self.status.is_none_or(|s| f.status == s)
            && (self.indicator.is_empty()
                || f.reading
                    .indicator
                    .as_deref()
                    .is_some_and(|i| i.contains(self.indicator.trim())))
            && (self.search.is_empty()
                || f.text.contains(self.search.trim())
                || f.context
                    .to_lowercase()
                    .contains(&self.search.trim().to_lowercase()))
    }
}

/// The editor of the selected figure and the figure list.
#[derive(Debug, Default)]
pub struct EditorView {
    /// `(entry, figure, revision)` the drafts were taken from.
    loaded: Option<(u64, u64, u64)>,
    drafts: Drafts,
    /// The inline error of the last attempt to apply the drafts.
    pub error: Option<String>,
    /// The figure list's filters.
    pub filter: ListFilter,
    /// Scroll the list to the selection on the next frame.
    last_selected: Option<u64>,
}

impl EditorView {
    /// Shows the editor and the list.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        catalogue: &Catalogue,
        issues: &[String],
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        let Some(entry) = ws.current_entry() else {
            ui.label(lang.t("Chưa có bài nào", "No article"));
            return;
        };
        let Some(article) = entry.article.as_ref() else {
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("editor-scroll")
            .max_height(ui.available_height() * 0.55)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.heading(lang.t("Số liệu đang chọn", "Selected figure"));
                match ws.selected_figure() {
                    Some(f) => {
                        self.figure_editor(ui, entry, f, catalogue, lang, out);
                        if !issues.is_empty() {
                            ui.separator();
                            ui.label(
                                RichText::new(lang.t("Kiểm tra chéo", "Cross-checks"))
                                    .strong()
                                    .color(CONFLICT),
                            );
                            for i in issues {
                                ui.colored_label(CONFLICT, i);
                            }
                        }
                    }
                    None => {
                        self.loaded = None;
                        ui.label(lang.t(
                            "Bấm vào một số trong bài, hoặc chọn trong danh sách bên dưới.",
                            "Click a figure in the text, or pick one in the list below.",
                        ));
                    }
                }
                if !article.computed.is_empty() {
                    ui.separator();
                    let waiting = article
                        .computed
                        .iter()
                        .filter(|c| !c.status.is_reviewed())
                        .count();
                    ui.collapsing(
                        format!(
                            "{} ({}, {} {})",
                            lang.t("Số tính từ các mức", "Computed facts"),
                            article.computed.len(),
                            waiting,
                            lang.t("chờ duyệt", "waiting")
                        ),
                        |ui| {
                            for c in &article.computed {
                                computed_ui(ui, entry.key, c, catalogue, lang, out);
                                if let Some(&first) = c.from.first()
                                    && ui
                                        .small_button(lang.t("Xem các mức", "Show the parts"))
                                        .clicked()
                                {
                                    out.push(Command::SelectFigure(first));
                                }
                            }
                        },
                    );
                }
                if !article.unplaced.is_empty() {
                    ui.separator();
                    ui.collapsing(
                        RichText::new(format!(
                            "{} ({})",
                            lang.t("Mất vị trí", "Lost their place"),
                            article.unplaced.len()
                        ))
                        .color(Color32::from_rgb(0xe6, 0x51, 0x00)),
                        |ui| {
                            ui.label(lang.t(
                                "Bài đã thay đổi; không tìm lại được các số liệu này:",
                                "The article changed; these figures could not be placed again:",
                            ));
                            for f in &article.unplaced {
                                ui.label(format!("“{}” — {}", f.text, describe(&f.reading, lang)));
                                ui.label(RichText::new(&f.context).small().weak());
                            }
                        },
                    );
                }
            });
        ui.separator();
        self.list(ui, entry, ws.selected, lang, out);
    }

    fn figure_editor(
        &mut self,
        ui: &mut Ui,
        entry: &Entry,
        f: &Figure,
        catalogue: &Catalogue,
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        let stamp = (entry.key, f.id, entry.revision);
        if self.loaded != Some(stamp) {
            let same_figure = self
                .loaded
                .is_some_and(|(k, id, _)| k == entry.key && id == f.id);
            if !(same_figure && self.error.is_some()) {
                self.drafts = Drafts::of(f);
                self.error = None;
            }
            self.loaded = Some(stamp);
        }
        let key = entry.key;
        let mut apply = false;
        let mut immediate: Option<Reading> = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(&f.text)
                    .size(20.0)
                    .strong()
                    .color(kind_color(f.reading.kind, ui.visuals().dark_mode)),
            );
            ui.label(format!("· {}", lang.status(f.status)));
            if let Some(p) = &f.place {
                ui.label(format!("· {} {p}", lang.t("Địa bàn:", "Place:")));
            }
        });
        // The decisions come first: they stay in view however many fields follow.
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(lang.t("Xác nhận số này", "Confirm this figure"))
                .on_hover_text("Enter")
                .clicked()
            {
                out.push(Command::Confirm);
            }
            if ui
                .button(lang.t("Loại bỏ số này", "Reject this figure"))
                .on_hover_text("Delete")
                .clicked()
            {
                out.push(Command::Reject);
            }
        });
        ui.label(RichText::new(&f.context).small().weak());
        // The facts this figure is a part of: a suggestion to accept (C) or reject (X).
        if let Some(article) = entry.article.as_ref() {
            for c in article.computed.iter().filter(|c| c.from.contains(&f.id)) {
                computed_ui(ui, key, c, catalogue, lang, out);
            }
        }
        if let Some(article) = entry.article.as_ref()
            && let Some(phrase) = crate::indicators::learned_phrase_for(catalogue, article, f.id)
            && let Some(ind) = f.reading.indicator.clone()
        {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!(
                    "{} «{phrase}»",
                    lang.t("Xếp theo cụm đã học", "Filed by the learned phrase")
                ));
                if ui
                    .button(Command::ForgetPhrase(String::new(), String::new()).label(lang))
                    .clicked()
                {
                    out.push(Command::ForgetPhrase(ind, phrase.clone()));
                }
            });
        }
        if let Some(m) = &f.extracted
            && f.status == Status::Corrected
        {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!(
                    "{} {}",
                    lang.t("Máy đọc:", "Machine read:"),
                    describe(m, lang)
                ));
                if ui
                    .button(lang.t("Trả về", "Revert"))
                    .on_hover_text(lang.t("Trả về cách máy đọc", "Back to the machine's reading"))
                    .clicked()
                {
                    out.push(Command::EditFigure(key, f.id, Edit::Revert));
                }
            });
        }
        egui::Grid::new("figure-fields")
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let field = |ui: &mut Ui, label: &str, text: &mut String, hint: &str| {
                    let l = ui.label(label);
                    let r = ui
                        .add(
                            TextEdit::singleline(text)
                                .hint_text(hint.to_string())
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    ui.end_row();
                    r.lost_focus()
                };
                apply |= field(
                    ui,
                    lang.t("Giá trị", "Value"),
                    &mut self.drafts.value,
                    "22.400 / 97,2",
                );
                apply |= field(
                    ui,
                    lang.t("Đến giá trị", "Value to"),
                    &mut self.drafts.value_to,
                    lang.t("(khoảng)", "(range)"),
                );
                ui.label(lang.t("Loại", "Kind"));
                let mut kind = f.reading.kind;
                egui::ComboBox::from_id_salt("kind")
                    .selected_text(lang.kind(kind))
                    .show_ui(ui, |ui| {
                        for k in Kind::ALL {
                            ui.selectable_value(&mut kind, k, lang.kind(k));
                        }
                    })
                    .response
                    .accessible_name(lang.t("Loại", "Kind"));
                ui.end_row();
                if kind != f.reading.kind {
                    let mut r = f.reading.clone();
                    r.kind = kind;
                    immediate = Some(r);
                }
                if f.reading.kind == Kind::Date || !self.drafts.date.is_empty() {
                    apply |= field(
                        ui,
                        lang.t("Ngày", "Date"),
                        &mut self.drafts.date,
                        "22/02/2019",
                    );
                }
                ui.label(lang.t("Từ chỉ mức", "Qualifier"));
                let mut q = f.reading.qualifier;
                egui::ComboBox::from_id_salt("qualifier")
                    .selected_text(q.map_or("—", |q| lang.qualifier(q)))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut q, None, "—");
                        for x in Qualifier::ALL {
                            ui.selectable_value(&mut q, Some(x), lang.qualifier(x));
                        }
                    })
                    .response
                    .accessible_name(lang.t("Từ chỉ mức", "Qualifier"));
                ui.end_row();
                if q != f.reading.qualifier {
                    let mut r = immediate.clone().unwrap_or_else(|| f.reading.clone());
                    r.qualifier = q;
                    immediate = Some(r);
                }
                apply |= field(
                    ui,
                    lang.t("Đơn vị", "Unit"),
                    &mut self.drafts.unit,
                    lang.t("cán bộ, lượt, …", "officials, …"),
                );
                ui.label(lang.t("Chỉ số", "Indicator"));
                let current = non_empty(&self.drafts.indicator);
                let opts = compare_view::PickerOptions {
                    id_salt: "indicator-picker",
                    label: lang.t("Chỉ số", "Indicator"),
                    clear: true,
                    create: true,
                };
                match compare_view::indicator_picker(ui, opts, catalogue, current.as_deref(), lang)
                {
                    Some(Picked::Id(id)) => {
                        self.drafts.indicator = id;
                        apply = true;
                    }
                    Some(Picked::Clear) => {
                        self.drafts.indicator.clear();
                        apply = true;
                    }
                    Some(Picked::Create) => out.push(Command::NewIndicator(Some((key, f.id)))),
                    None => {}
                }
                ui.end_row();
                ui.label(lang.t("Đối tượng", "Population"));
                let mut p = f.reading.population;
                let pop_name = |p: Population| lang.t(p.label_vi(), p.label_en());
                egui::ComboBox::from_id_salt("population")
                    .selected_text(p.map_or("—", pop_name))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut p, None, "—");
                        for x in Population::ALL {
                            ui.selectable_value(&mut p, Some(x), pop_name(x));
                        }
                    })
                    .response
                    .accessible_name(lang.t("Đối tượng", "Population"));
                ui.end_row();
                if p != f.reading.population {
                    let mut r = immediate.clone().unwrap_or_else(|| f.reading.clone());
                    r.population = p;
                    immediate = Some(r);
                }
                let year_hint = if f.reading.year_from_article {
                    lang.t("theo ngày đăng", "article's date")
                } else {
                    "2020"
                };
                apply |= field(ui, lang.t("Năm", "Year"), &mut self.drafts.year, year_hint);
                apply |= field(ui, lang.t("Ghi chú", "Note"), &mut self.drafts.note, "");
            });
        ui.horizontal_wrapped(|ui| {
            let mut flags = f.reading.clone();
            let mut changed = false;
            changed |= ui
                .checkbox(
                    &mut flags.change,
                    lang.t("Thay đổi (tăng/giảm)", "Change (rise/fall)"),
                )
                .changed();
            changed |= ui
                .checkbox(
                    &mut flags.boilerplate,
                    lang.t("Phần khung trang", "Page chrome"),
                )
                .changed();
            changed |= ui
                .checkbox(&mut flags.target, lang.t("Chỉ tiêu kế hoạch", "Target"))
                .changed();
            if changed {
                let mut r = immediate.clone().unwrap_or_else(|| f.reading.clone());
                r.change = flags.change;
                r.boilerplate = flags.boilerplate;
                r.target = flags.target;
                immediate = Some(r);
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(ERROR, format!("{} {e}", lang.t("Lỗi:", "Error:")));
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(lang.t("Áp dụng", "Apply")).clicked() {
                apply = true;
            }
            if ui
                .button(Command::SpanFromSelection.label(lang))
                .on_hover_text("S")
                .clicked()
            {
                out.push(Command::SpanFromSelection);
            }
        });
        if let Some(r) = immediate {
            // Immediate changes carry the drafts too, when they are valid.
            let (mut reading, note) = match self.drafts.compose(f) {
                Ok(x) => x,
                Err(_) => (f.reading.clone(), f.note.clone()),
            };
            reading.kind = r.kind;
            reading.qualifier = r.qualifier;
            reading.change = r.change;
            reading.boilerplate = r.boilerplate;
            reading.target = r.target;
            reading.population = r.population;
            out.push(Command::EditFigure(key, f.id, edit_reading(reading, note)));
        } else if apply {
            match self.drafts.compose(f) {
                Ok((reading, note)) => {
                    self.error = None;
                    out.push(Command::EditFigure(key, f.id, edit_reading(reading, note)));
                }
                Err(e) => self.error = Some(e),
            }
        }
    }

    fn list(
        &mut self,
        ui: &mut Ui,
        entry: &Entry,
        selected: Option<u64>,
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        let Some(article) = entry.article.as_ref() else {
            return;
        };
        ui.heading(format!(
            "{} ({}/{})",
            lang.t("Số liệu của bài", "Figures of the article"),
            article.reviewed(),
            article.figures.len()
        ));
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_id_salt("filter-kind")
                .selected_text(
                    self.filter
                        .kind
                        .map_or(lang.t("Mọi loại", "All kinds"), |k| lang.kind(k)),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut self.filter.kind,
                        None,
                        lang.t("Mọi loại", "All kinds"),
                    );
                    for k in Kind::ALL {
                        ui.selectable_value(&mut self.filter.kind, Some(k), lang.kind(k));
                    }
                })
                .response
                .accessible_name(lang.t("Lọc theo loại", "Filter by kind"));
            egui::ComboBox::from_id_salt("filter-status")
                .selected_text(
                    self.filter
                        .status
                        .map_or(lang.t("Mọi trạng thái", "All statuses"), |s| {
                            lang.status(s)
                        }),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut self.filter.status,
                        None,
                        lang.t("Mọi trạng thái", "All statuses"),
                    );
                    for s in Status::ALL {
                        ui.selectable_value(&mut self.filter.status, Some(s), lang.status(s));
                    }
                })
                .response
                .accessible_name(lang.t("Lọc theo trạng thái", "Filter by status"));
        });
        ui.horizontal(|ui| {
            let l = ui.label(lang.t("Tìm", "Search"));
            ui.add(
                TextEdit::singleline(&mut self.filter.search)
                    .desired_width(110.0)
                    .hint_text(lang.t("chữ, câu", "text")),
            )
            .labelled_by(l.id);
            let l = ui.label(lang.t("Chỉ tiêu", "Indicator"));
            ui.add(TextEdit::singleline(&mut self.filter.indicator).desired_width(80.0))
                .labelled_by(l.id);
        });
        let rows: Vec<usize> = article
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| self.filter.keeps(f))
            .map(|(i, _)| i)
            .collect();
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let jump = selected != self.last_selected;
        self.last_selected = selected;
        let mut sa = egui::ScrollArea::vertical()
            .id_salt(("figure-list", entry.key))
            .auto_shrink([false, false]);
        if jump
            && let Some(pos) = rows
                .iter()
                .position(|&i| Some(article.figures[i].id) == selected)
        {
            let spacing = ui.spacing().item_spacing.y;
            sa = sa.vertical_scroll_offset(((pos as f32) * (row_h + spacing) - 60.0).max(0.0));
        }
        let dark = ui.visuals().dark_mode;
        sa.show_rows(ui, row_h, rows.len(), |ui, range| {
            for &i in &rows[range] {
                let f = &article.figures[i];
                let mut text = RichText::new(format!(
                    "{} — {} · {}",
                    f.text,
                    describe(&f.reading, lang),
                    lang.status(f.status)
                ));
                if f.status == Status::Rejected {
                    text = text.strikethrough().weak();
                } else {
                    text = text.color(kind_color(f.reading.kind, dark));
                }
                let r = ui.add(
                    egui::Button::selectable(Some(f.id) == selected, text)
                        .truncate()
                        .min_size(egui::vec2(ui.available_width(), row_h)),
                );
                if r.clicked() {
                    out.push(Command::SelectFigure(f.id));
                }
            }
        });
    }
}

/// The article's header: headline, district, province, date; editable.
#[derive(Debug, Default)]
pub struct HeaderView {
    loaded: Option<(u64, u64)>,
    title: String,
    district: String,
    province: String,
    published: String,
    /// The inline error of the last attempt.
    pub error: Option<String>,
    /// Units a shared name in the text leaves open (label, district as written, province),
    /// computed once per revision of the entry.
    candidates: Vec<(String, String, String)>,
    /// What the officer types to find the district in the gazetteer.
    search: String,
}

impl HeaderView {
    /// Shows the header of an entry.
    pub fn ui(&mut self, ui: &mut Ui, entry: &Entry, lang: Lang, out: &mut Vec<Command>) {
        let Some(a) = entry.article.as_ref() else {
            return;
        };
        if self.loaded != Some((entry.key, entry.revision)) {
            let same = self.loaded.is_some_and(|(k, _)| k == entry.key);
            if !(same && self.error.is_some()) {
                self.title = a.title.clone().unwrap_or_default();
                self.district = a.district.clone().unwrap_or_default();
                self.province = a.province.clone().unwrap_or_default();
                self.published = a.published.as_deref().map(iso_to_vi).unwrap_or_default();
                self.error = None;
                self.candidates = if a.district.is_none() {
                    crate::extract::page::district_candidates(&a.text)
                        .into_iter()
                        .map(place_choice)
                        .collect()
                } else {
                    Vec::new()
                };
            }
            self.loaded = Some((entry.key, entry.revision));
        }
        let mut apply = false;
        let l = ui.label(lang.t("Tiêu đề", "Title"));
        apply |= ui
            .add(
                TextEdit::singleline(&mut self.title)
                    .font(egui::TextStyle::Heading)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id)
            .lost_focus();
        ui.horizontal_wrapped(|ui| {
            let f = |ui: &mut Ui, label: &str, s: &mut String, w: f32| {
                let l = ui.label(label);
                ui.add(TextEdit::singleline(s).desired_width(w))
                    .labelled_by(l.id)
                    .lost_focus()
            };
            apply |= f(ui, lang.t("Huyện", "District"), &mut self.district, 110.0);
            apply |= f(ui, lang.t("Tỉnh", "Province"), &mut self.province, 110.0);
            apply |= f(
                ui,
                lang.t("Ngày đăng", "Published"),
                &mut self.published,
                90.0,
            );
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(p) = &a.province_2025 {
                ui.label(
                    RichText::new(format!(
                        "{} {p}",
                        lang.t("Tỉnh từ 7/2025:", "Province since 7/2025:")
                    ))
                    .weak(),
                );
            }
            if let Some(site) = &a.site {
                ui.label(RichText::new(format!("{} {site}", lang.t("Nguồn:", "Source:"))).weak());
            }
            if a.published.is_none() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    lang.t(
                        "Chưa có ngày đăng: năm của số liệu sẽ theo ngày bạn nhập",
                        "No publication date: the figures' year follows the date you type",
                    ),
                );
            }
        });
        let mut picked: Option<(String, String, String)> = None;
        if a.district.is_none() && !super::article_view::places_note(ui, a, lang) {
            ui.horizontal_wrapped(|ui| {
                ui.label(lang.t("Bài chưa có huyện:", "No district yet:"));
                for c in &self.candidates {
                    if ui.button(&c.0).clicked() {
                        picked = Some(c.clone());
                    }
                }
                let l = ui.label(lang.t("Tìm trong danh mục", "Find in the gazetteer"));
                ui.add(TextEdit::singleline(&mut self.search).desired_width(160.0))
                    .labelled_by(l.id);
            });
            if self.search.trim().chars().count() >= 2 {
                let g = crate::places::gazetteer();
                ui.horizontal_wrapped(|ui| {
                    for d in g.search(&self.search).into_iter().take(8) {
                        if ui.button(g.label(d)).clicked() {
                            picked = Some(place_choice(d));
                        }
                    }
                });
            }
        }
        if let Some((_, district, province)) = picked {
            self.district = district;
            self.province = province;
            self.search.clear();
            apply = true;
        }
        if let Some(e) = &self.error {
            ui.colored_label(ERROR, format!("{} {e}", lang.t("Lỗi:", "Error:")));
        }
        if apply {
            let published = match self.published.trim() {
                "" => Ok(None),
                d => review::parse_date(d)
                    .ok_or_else(|| format!("“{d}” không phải là ngày"))
                    .and_then(|iso| review::check_date(&iso).map(|_| Some(iso))),
            };
            match published {
                Ok(published) => {
                    self.error = None;
                    out.push(Command::SetMeta(
                        entry.key,
                        Box::new(Meta {
                            title: non_empty(&self.title),
                            district: non_empty(&self.district),
                            province: non_empty(&self.province),
                            published,
                            note: a.note.clone(),
                        }),
                    ));
                }
                Err(e) => self.error = Some(e),
            }
        }
    }
}

/// `2019-02-22` → `22/02/2019`.
/// A gazetteer unit as the header offers it: its label, its name as articles write it, and its
/// province.
/// A computed fact as a suggestion: what it is, how it is computed, its status, and the
/// buttons to accept or reject it (keys C and X act on the one offered for the selected figure).
fn computed_ui(
    ui: &mut Ui,
    key: u64,
    c: &Computed,
    catalogue: &Catalogue,
    lang: Lang,
    out: &mut Vec<Command>,
) {
    let name = c
        .reading
        .indicator
        .as_deref()
        .map(|id| compare_view::indicator_name(catalogue, id, lang))
        .unwrap_or_default();
    let status = match c.status {
        Status::Confirmed => lang.t("đã nhận", "accepted"),
        Status::Rejected => lang.t("đã bỏ", "rejected"),
        _ => lang.t("gợi ý", "suggested"),
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(lang.t("Số tính", "Computed")).strong());
            ui.label(format!("· {name}"));
            if let Some(p) = c.reading.population {
                ui.label(format!("· {}", compare_view::population_name(p, lang)));
            }
            ui.label(format!("· {status}"));
        });
        ui.label(RichText::new(&c.formula).monospace());
        ui.horizontal_wrapped(|ui| {
            if c.status != Status::Confirmed
                && ui
                    .button(lang.t("Nhận số tính", "Accept"))
                    .on_hover_text("C")
                    .clicked()
            {
                out.push(Command::DecideComputed(key, c.id, true));
            }
            if c.status != Status::Rejected
                && ui
                    .button(lang.t("Bỏ số tính", "Reject"))
                    .on_hover_text("X")
                    .clicked()
            {
                out.push(Command::DecideComputed(key, c.id, false));
            }
        });
    });
}

fn place_choice(d: &crate::places::District) -> (String, String, String) {
    let g = crate::places::gazetteer();
    (
        g.label(d),
        crate::places::district_display(d, &d.name),
        g.province_of(d).map(|p| p.name.clone()).unwrap_or_default(),
    )
}

fn iso_to_vi(d: &str) -> String {
    let p: Vec<&str> = d.split('-').collect();
    match p.as_slice() {
        [y, m, dd] => format!("{dd}/{m}/{y}"),
        [y, m] => format!("{m}/{y}"),
        _ => d.to_string(),
    }
}

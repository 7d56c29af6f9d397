//! The indicator picker: a searchable combo over the catalogue (search ignores tone marks),
//! shared by the comparison tab and the figure editor, and the "Tạo chỉ số mới…" form.
//!
//! Its own room because it is a widget other views use, not part of the comparison.

use crate::gui::i18n::Lang;
use crate::gui::palette::ERROR as CONFLICT;
use crate::indicators::{Catalogue, Indicator, IndicatorKind};
use crate::text::fold::unmarked;
use eframe::egui;
use egui::{RichText, Ui};

/// The name shown for an indicator id (the id itself when it is not in the catalogue).
pub fn indicator_name(cat: &Catalogue, id: &str, lang: Lang) -> String {
    match cat.get(id) {
        Some(i) if lang == Lang::En && !i.name_en.is_empty() => i.name_en.clone(),
        Some(i) => i.name.clone(),
        None => id.to_string(),
    }
}

/// What the officer picked in an [`indicator_picker`].
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    /// An indicator id.
    Id(String),
    /// No indicator.
    Clear,
    /// "Tạo chỉ số mới…".
    Create,
}

/// True when an indicator matches a search (folded: `sau dai hoc` finds `sau đại học`).
pub fn matches(i: &Indicator, query: &str) -> bool {
    let q = unmarked(query.trim());
    q.is_empty()
        || unmarked(&i.name).contains(&q)
        || unmarked(&i.name_en).contains(&q)
        || i.id.contains(&q)
}

/// Where an [`indicator_picker`] is shown and what it offers.
#[derive(Debug, Clone, Copy)]
pub struct PickerOptions<'a> {
    /// The combo's id salt.
    pub id_salt: &'a str,
    /// Its accessible name.
    pub label: &'a str,
    /// Offer "—" (no indicator).
    pub clear: bool,
    /// Offer "Tạo chỉ số mới…".
    pub create: bool,
}

/// A searchable combo over the catalogue (Vietnamese names, search without tone marks).
pub fn indicator_picker(
    ui: &mut Ui,
    opts: PickerOptions<'_>,
    cat: &Catalogue,
    current: Option<&str>,
    lang: Lang,
) -> Option<Picked> {
    let PickerOptions {
        id_salt,
        label,
        clear: allow_clear,
        create: allow_create,
    } = opts;
    let search_id = ui.make_persistent_id((id_salt, "search"));
    let shown = current.map_or_else(
        || lang.t("(chọn chỉ số)", "(choose an indicator)").to_string(),
        |c| indicator_name(cat, c, lang),
    );
    let mut picked = None;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(RichText::new(shown))
        .width(ui.available_width().min(360.0))
        .height(360.0)
        .truncate()
        .show_ui(ui, |ui| {
            let mut q: String = ui.data_mut(|d| d.get_temp(search_id).unwrap_or_default());
            ui.horizontal(|ui| {
                let l = ui.label(lang.t("Tìm chỉ số", "Search indicators"));
                let r = ui
                    .add(egui::TextEdit::singleline(&mut q).desired_width(200.0))
                    .labelled_by(l.id);
                if !r.has_focus() && q.is_empty() {
                    r.request_focus();
                }
            });
            ui.data_mut(|d| d.insert_temp(search_id, q.clone()));
            if allow_clear && ui.selectable_label(current.is_none(), "—").clicked() {
                picked = Some(Picked::Clear);
            }
            for i in cat.indicators().iter().filter(|i| matches(i, &q)) {
                let name = indicator_name(cat, &i.id, lang);
                if ui
                    .selectable_label(current == Some(i.id.as_str()), name)
                    .on_hover_text(&i.id)
                    .clicked()
                {
                    picked = Some(Picked::Id(i.id.clone()));
                }
            }
            if allow_create {
                ui.separator();
                if ui
                    .button(lang.t("Tạo chỉ số mới…", "New indicator…"))
                    .clicked()
                {
                    picked = Some(Picked::Create);
                }
            }
        })
        .response
        .accessible_name(label);
    if picked.is_some() {
        ui.data_mut(|d| d.remove::<String>(search_id));
    }
    picked
}

/// The "Tạo chỉ số mới…" form.
#[derive(Debug, Clone, Default)]
pub struct NewIndicator {
    /// ASCII snake_case id.
    pub id: String,
    /// Vietnamese name.
    pub name: String,
    /// Percent (true) or count.
    pub percent: bool,
    /// Unit shown beside values.
    pub unit: String,
    /// The figure `(entry, figure)` to give the new indicator to.
    pub target: Option<(u64, u64)>,
    /// The last error.
    pub error: Option<String>,
}

impl NewIndicator {
    /// The indicator the form describes.
    pub fn indicator(&self) -> Indicator {
        let kind = if self.percent {
            IndicatorKind::Percent
        } else {
            IndicatorKind::Count
        };
        Indicator::new(self.id.trim(), self.name.trim(), kind, self.unit.trim())
    }

    /// Shows the form; returns `Some(true)` on "Tạo", `Some(false)` on "Hủy".
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Option<bool> {
        let mut done = None;
        egui::Window::new(lang.t("Tạo chỉ số mới", "New indicator"))
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("new-indicator")
                    .num_columns(2)
                    .show(ui, |ui| {
                        let field = |ui: &mut Ui, label: &str, s: &mut String, hint: &str| {
                            let l = ui.label(label);
                            ui.add(egui::TextEdit::singleline(s).hint_text(hint.to_string()))
                                .labelled_by(l.id);
                            ui.end_row();
                        };
                        field(ui, lang.t("Mã", "Id"), &mut self.id, "women_leaders");
                        field(ui, lang.t("Tên", "Name"), &mut self.name, "Tỷ lệ …");
                        ui.label(lang.t("Loại", "Kind"));
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.percent, true, lang.t("Tỷ lệ (%)", "Percent"));
                            ui.radio_value(&mut self.percent, false, lang.t("Số lượng", "Count"));
                        });
                        ui.end_row();
                        field(
                            ui,
                            lang.t("Đơn vị", "Unit"),
                            &mut self.unit,
                            "%, người, lượt",
                        );
                    });
                if let Some(e) = &self.error {
                    ui.colored_label(CONFLICT, e);
                }
                ui.horizontal(|ui| {
                    if ui.button(lang.t("Tạo", "Create")).clicked() {
                        done = Some(true);
                    }
                    if ui.button(lang.t("Hủy", "Cancel")).clicked() {
                        done = Some(false);
                    }
                });
            });
        done
    }
}

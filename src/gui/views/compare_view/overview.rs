//! Under the chart and the table: the district × indicator overview (each cell the latest
//! value, coloured per column) and the cross-checks, each issue linking to its figures.
//!
//! Its own room because both look at the whole workspace, not at the compared indicator.

use super::*;

impl CompareView {
    pub(super) fn overview_ui(
        &mut self,
        ui: &mut Ui,
        cat: &Catalogue,
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        let ov = self
            .overview
            .get_or_insert_with(|| compare::overview(&self.articles, cat));
        // Only the indicators some district has.
        let cols: Vec<usize> = (0..ov.indicators.len())
            .filter(|&j| ov.cells.iter().any(|row| row[j].is_some()))
            .collect();
        if ov.districts.is_empty() || cols.is_empty() {
            ui.label(lang.t("Chưa có số liệu.", "No figures yet."));
            return;
        }
        // Scale per column: percent 0–100, counts 0–max.
        let scale: Vec<f64> = cols
            .iter()
            .map(|&j| {
                if is_percent(cat, &ov.indicators[j]) {
                    100.0
                } else {
                    ov.cells
                        .iter()
                        .filter_map(|r| r[j].as_ref()?.value)
                        .fold(0.0, f64::max)
                        .max(1.0)
                }
            })
            .collect();
        let dark = ui.visuals().dark_mode;
        let mut go = None;
        egui::ScrollArea::horizontal()
            .id_salt("overview-scroll")
            .show(ui, |ui| {
                egui::Grid::new("overview-grid")
                    .striped(false)
                    .spacing([4.0, 4.0])
                    .show(ui, |ui| {
                        ui.strong(lang.t("Huyện", "District"));
                        for &j in &cols {
                            let id = &ov.indicators[j];
                            ui.add_sized(
                                [110.0, 40.0],
                                egui::Label::new(
                                    RichText::new(indicator_name(cat, id, lang)).small(),
                                )
                                .wrap(),
                            )
                            .on_hover_text(id);
                        }
                        ui.end_row();
                        for (di, d) in ov.districts.iter().enumerate() {
                            ui.label(d);
                            for (k, &j) in cols.iter().enumerate() {
                                let Some(cell) = &ov.cells[di][j] else {
                                    ui.label("");
                                    continue;
                                };
                                let pct = is_percent(cat, &ov.indicators[j]);
                                let t = cell.value.map_or(0.0, |v| (v / scale[k]).clamp(0.0, 1.0));
                                let base = if dark {
                                    Color32::from_rgb(0x20, 0x30, 0x40)
                                } else {
                                    Color32::from_rgb(0xf4, 0xf8, 0xfc)
                                };
                                let full = Color32::from_rgb(0x1e, 0x6f, 0xd9);
                                let fill = base.lerp_to_gamma(full, t as f32 * 0.8);
                                let mut text = String::new();
                                if let Some(q) = cell.qualifier {
                                    text.push_str(q.symbol());
                                    text.push(' ');
                                }
                                if let Some(v) = cell.value {
                                    text.push_str(&fmt_vi(v));
                                    if pct {
                                        text.push('%');
                                    }
                                }
                                let color = if t > 0.55 || dark {
                                    Color32::WHITE
                                } else {
                                    Color32::BLACK
                                };
                                let mut rt = RichText::new(text).monospace().color(color);
                                if cell.conflict {
                                    rt = rt.underline();
                                }
                                let r = ui
                                    .add_sized([110.0, 22.0], egui::Button::new(rt).fill(fill))
                                    .on_hover_text(format!(
                                        "{d} · {}{}",
                                        indicator_name(cat, &ov.indicators[j], lang),
                                        cell.year.map(|y| format!(" · {y}")).unwrap_or_default()
                                    ));
                                if r.clicked() {
                                    go = Some((cell.article, cell.figure));
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some((a, f)) = go
            && let Some(cmd) = self.goto(a, f)
        {
            out.push(cmd);
        }
    }

    pub(super) fn checks_ui(&mut self, ui: &mut Ui, lang: Lang, out: &mut Vec<Command>) {
        if self.issues.is_empty() {
            ui.label(lang.t("Không thấy điều gì bất thường.", "Nothing looks wrong."));
            return;
        }
        for (n, issue) in self.issues.iter().enumerate() {
            ui.push_id(("issue", n), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        CONFLICT,
                        lang.t(issue.kind.label_vi(), issue.kind.label_en()),
                    );
                    ui.label(lang.t(&issue.message_vi, &issue.message_en));
                });
                ui.horizontal_wrapped(|ui| {
                    for f in &issue.figures {
                        let (text, place) = self
                            .figure_text(f.article, f.figure)
                            .unwrap_or_else(|| (format!("#{}", f.figure), String::new()));
                        if ui
                            .link(format!("{text} ({place})"))
                            .on_hover_text(lang.t("Mở số liệu này", "Show this figure"))
                            .clicked()
                            && let Some(cmd) = self.goto(f.article, f.figure)
                        {
                            out.push(cmd);
                        }
                    }
                });
            });
            ui.separator();
        }
    }
}

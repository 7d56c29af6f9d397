//! The comparison chart on screen: grouped bars per district and year, targets as diamonds,
//! unreviewed figures lighter, the legend outside the plot, value labels that do not collide,
//! hover details and a click that opens the figure.
//!
//! Its own room because drawing the chart is one job of the tab; the data and the layout are
//! computed elsewhere.

use super::*;

/// A colour for each year (series), distinguishable in light and dark themes.
fn year_color(k: usize) -> Color32 {
    const P: [Color32; 8] = [
        Color32::from_rgb(0x1e, 0x6f, 0xd9),
        Color32::from_rgb(0xe0, 0x7b, 0x00),
        Color32::from_rgb(0x2e, 0x9d, 0x4f),
        Color32::from_rgb(0x8e, 0x44, 0xad),
        Color32::from_rgb(0x00, 0x97, 0xa7),
        Color32::from_rgb(0xc2, 0x18, 0x5b),
        Color32::from_rgb(0x6d, 0x4c, 0x41),
        Color32::from_rgb(0x54, 0x6e, 0x7a),
    ];
    P[k % P.len()]
}

/// A lighter version of a colour (unreviewed figures).
fn lighter(c: Color32) -> Color32 {
    let mix = |a: u8| (a as f32 * 0.45 + 255.0 * 0.55) as u8;
    Color32::from_rgb(mix(c.r()), mix(c.g()), mix(c.b()))
}

impl CompareView {
    pub(super) fn chart(
        &mut self,
        ui: &mut Ui,
        cat: &Catalogue,
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        let Some(c) = &self.comparison else { return };
        let percent = is_percent(cat, &c.indicator);
        let (groups, bars) = layout_lang(c, lang.t("(không rõ huyện)", "(no district)"), lang);
        if bars.is_empty() {
            ui.label(lang.t(
                "Chưa có số liệu nào cho chỉ số này.",
                "No figure for this indicator yet.",
            ));
            return;
        }
        let mut years: Vec<Option<i32>> = bars.iter().map(|b| b.year).collect();
        years.sort();
        years.dedup();
        let ymax = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
        let top = if percent { ymax.max(100.0) } else { ymax } * 1.12;
        let dark = ui.visuals().dark_mode;
        let text_color = if dark { Color32::WHITE } else { Color32::BLACK };
        let year_name = |y: Option<i32>| match y {
            Some(y) => format!("{} {y}", lang.t("Năm", "Year")),
            None => lang.t("Không rõ năm", "Year unknown").to_string(),
        };
        let rows = &c.rows;
        // Value labels, stacked where they would overlap (monospace 11 px: ~6.7 px a char).
        let labels: Vec<String> = bars
            .iter()
            .map(|b| value_text(&rows[b.row], percent))
            .collect();
        let widths: Vec<f32> = labels
            .iter()
            .map(|l| l.chars().count() as f32 * 6.7 + 4.0)
            .collect();
        let px_per_unit = (ui.available_width() - 80.0).max(100.0) / (groups.len() as f32 + 0.2);
        let levels = label_levels(&bars, &widths, px_per_unit);
        let max_level = levels.iter().copied().max().unwrap_or(0);
        // One label line in plot units (the plot is 300 px high).
        let line = top / 300.0 * 15.0;
        let top = top + max_level as f64 * line;
        let names = groups.clone();
        let plot = Plot::new("compare-chart")
            .height(300.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_x(false)
            .show_y(false)
            .include_x(-0.6)
            .include_x(groups.len() as f64 - 0.4)
            .include_y(0.0)
            .include_y(top)
            .x_axis_formatter(move |m, _| {
                let i = m.value.round();
                if (m.value - i).abs() < 1e-6 && i >= 0.0 {
                    names.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_axis_formatter(move |m, _| {
                let s = fmt_vi(m.value);
                if percent { format!("{s}%") } else { s }
            });
        // The title, axes and plot in one scope: its rect is what the PNG export crops to.
        let title = self.chart_title(cat, &c.indicator, lang);
        let has_target = |y: &Option<i32>| bars.iter().any(|b| b.year == *y && b.target);
        let legend: Vec<(String, Color32, bool)> = years
            .iter()
            .enumerate()
            .flat_map(|(k, y)| {
                let mut v = Vec::new();
                if bars.iter().any(|b| b.year == *y && !b.target) {
                    v.push((year_name(*y), year_color(k), false));
                }
                if has_target(y) {
                    let t = format!("{} ({})", year_name(*y), lang.t("chỉ tiêu", "target"));
                    v.push((t, year_color(k), true));
                }
                v
            })
            .collect();
        let scope = ui.scope(|ui| {
            ui.strong(title);
            // The legend stands outside the plot, so it never hides a bar.
            ui.horizontal_wrapped(|ui| {
                for (name, color, target) in &legend {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    if *target {
                        let c = rect.center();
                        let r = 6.0;
                        ui.painter().add(egui::Shape::convex_polygon(
                            vec![
                                c + egui::vec2(0.0, -r),
                                c + egui::vec2(r, 0.0),
                                c + egui::vec2(0.0, r),
                                c + egui::vec2(-r, 0.0),
                            ],
                            *color,
                            egui::Stroke::NONE,
                        ));
                    } else {
                        ui.painter().rect_filled(rect, 2.0, *color);
                    }
                    ui.label(name);
                    ui.add_space(8.0);
                }
            });
            plot.show(ui, |p| {
                for (k, y) in years.iter().enumerate() {
                    let color = year_color(k);
                    let series: Vec<Bar> = bars
                        .iter()
                        .filter(|b| b.year == *y && !b.target)
                        .map(|b| {
                            Bar::new(b.x, b.value)
                                .width(b.width * 0.95)
                                .fill(if b.light { lighter(color) } else { color })
                                .stroke(egui::Stroke::new(1.0, color))
                        })
                        .collect();
                    if !series.is_empty() {
                        p.bar_chart(
                            BarChart::new(year_name(*y), series)
                                .color(color)
                                .allow_hover(false),
                        );
                    }
                    let targets: Vec<[f64; 2]> = bars
                        .iter()
                        .filter(|b| b.year == *y && b.target)
                        .map(|b| [b.x, b.value])
                        .collect();
                    if !targets.is_empty() {
                        p.points(
                            Points::new(
                                format!("{} ({})", year_name(*y), lang.t("chỉ tiêu", "target")),
                                targets,
                            )
                            .shape(egui_plot::MarkerShape::Diamond)
                            .radius(7.0)
                            .filled(true)
                            .color(color)
                            .allow_hover(false),
                        );
                    }
                }
                for (b, (label, level)) in bars.iter().zip(labels.into_iter().zip(levels)) {
                    p.text(
                        Text::new(
                            "",
                            PlotPoint::new(b.x, b.value + level as f64 * line),
                            RichText::new(label).monospace().size(11.0),
                        )
                        .anchor(egui::Align2::CENTER_BOTTOM)
                        .color(text_color)
                        .allow_hover(false),
                    );
                }
            })
        });
        let resp = scope.inner;
        let t = &resp.transform;
        let tolerance = {
            let a = t.value_from_position(egui::pos2(0.0, 0.0)).y;
            let b = t.value_from_position(egui::pos2(0.0, 8.0)).y;
            (a - b).abs()
        };
        let under = |pos: egui::Pos2| {
            let v = t.value_from_position(pos);
            hit(&bars, v.x, v.y, tolerance)
        };
        if let Some(pos) = resp.response.hover_pos()
            && let Some(i) = under(pos)
        {
            let r = &rows[i];
            resp.response.clone().on_hover_ui_at_pointer(|ui| {
                ui.strong(r.district.clone().unwrap_or_default());
                ui.label(
                    RichText::new(format!("{} · “{}”", value_text(r, percent), r.text)).monospace(),
                );
                if let Some(y) = r.year {
                    ui.label(format!("{} {y}", lang.t("Năm", "Year")));
                }
                if r.target {
                    ui.label(lang.t("Chỉ tiêu kế hoạch", "Target"));
                }
                ui.label(lang.status(r.status));
                if let Some(t) = &r.title {
                    ui.label(RichText::new(t).italics());
                }
                ui.set_max_width(420.0);
                ui.label(RichText::new(&r.sentence).small());
            });
        }
        if resp.response.clicked()
            && let Some(pos) = resp.response.interact_pointer_pos()
            && let Some(i) = under(pos)
            && let Some(cmd) = self.goto(rows[i].article, rows[i].figure)
        {
            out.push(cmd);
        }
    }
}

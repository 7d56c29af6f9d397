//! The comparison tab ("So sánh"): one indicator across districts and years as grouped bars
//! and a sortable table, the district × indicator overview, and the cross-checks.
//!
//! The data come from the UI-free core ([`crate::compare`], [`crate::checks`]) and are
//! recomputed only when the workspace's articles change ([`CompareView::refresh`] compares a
//! cheap stamp of entry keys and revisions every frame). The bar layout and the hit test that
//! maps a click on the chart back to a figure are pure functions ([`layout`], [`hit`]), tested
//! without a window.
//!
//! Rooms: `layout` (bars, hit test, label stacking), `chart` (the plot on screen), `table`
//! (rows, sorting, review in place) and `overview` (district × indicator and the cross-checks);
//! the indicator picker is a widget of its own ([`crate::gui::picker`]). This file holds the
//! tab's state, its data and its controls.

use crate::checks::{self, Issue};
use crate::compare::{self, Comparison, Overview, Row};
use crate::gui::command::Command;
use crate::gui::i18n::Lang;
use crate::indicators::{Catalogue, IndicatorKind};
use crate::model::{Article, Population, Status};
use crate::numbers::vi as fmt_vi;
use crate::review::{Edit, Workspace};
use eframe::egui;
use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot, PlotPoint, Points, Text};

mod chart;
mod layout;
mod overview;
mod table;

pub use crate::gui::picker::{
    NewIndicator, Picked, PickerOptions, indicator_name, indicator_picker, matches,
};
pub use layout::{BarSpec, hit, label_levels, layout, layout_lang};

/// Red for conflicts: the colour of errors.
pub use crate::gui::palette::ERROR as CONFLICT;

/// A value as the officer writes it, with the qualifier's sign and the unit: `> 9%`, `≈ 900`.
pub fn value_text(r: &Row, percent: bool) -> String {
    let mut s = String::new();
    if let Some(q) = r.qualifier {
        s.push_str(q.symbol());
        s.push(' ');
    }
    if let Some(v) = r.value {
        s.push_str(&fmt_vi(v));
        if let Some(t) = r.value_to {
            s.push('–');
            s.push_str(&fmt_vi(t));
        }
        if percent {
            s.push('%');
        }
    }
    s
}

/// True when an indicator's values are percentages (or unknown but look like them).
fn is_percent(cat: &Catalogue, id: &str) -> bool {
    cat.get(id)
        .is_some_and(|i| i.kind == IndicatorKind::Percent)
}

/// The name shown for a population, in the UI's language.
pub fn population_name(p: Population, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => p.label_vi(),
        Lang::En => p.label_en(),
    }
}

// ---- the view ------------------------------------------------------------------------------

/// Columns of the comparison table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// District, then year (the core's order).
    #[default]
    District,
    /// Year.
    Year,
    /// Value.
    Value,
    /// Review status.
    Status,
}

/// The comparison tab's state and its cached data.
#[derive(Default)]
pub struct CompareView {
    /// The indicator compared.
    pub indicator: Option<String>,
    /// The population compared (`None`: all, grouped by population).
    pub population: Option<Population>,
    /// Table order.
    pub sort: SortBy,
    /// Descending order.
    pub descending: bool,
    stamp: Vec<(u64, u64)>,
    /// Entry key of each article index (articles are the workspace's loaded entries in order).
    pub keys: Vec<u64>,
    articles: Vec<Article>,
    /// The cross-check issues of the workspace.
    pub issues: Vec<Issue>,
    overview: Option<Overview>,
    /// The comparison of [`Self::indicator`].
    pub comparison: Option<Comparison>,
    /// How many times the data were recomputed (tests check it stays put).
    pub recomputed: u64,
}

impl CompareView {
    /// The chart's title: the indicator, and the population when one is chosen.
    fn chart_title(&self, cat: &Catalogue, indicator: &str, lang: Lang) -> String {
        match self.population {
            Some(p) => format!(
                "{} — {}",
                indicator_name(cat, indicator, lang),
                population_name(p, lang)
            ),
            None => indicator_name(cat, indicator, lang),
        }
    }

    /// Recomputes the comparison, overview and checks when the workspace's articles changed
    /// since the last call (a stamp of entry keys and revisions; nothing else is touched).
    pub fn refresh(&mut self, ws: &Workspace, cat: &Catalogue) {
        let stamp: Vec<(u64, u64)> = ws
            .entries
            .iter()
            .filter(|e| e.article.is_some())
            .map(|e| (e.key, e.revision))
            .collect();
        if stamp == self.stamp && self.recomputed > 0 {
            return;
        }
        self.stamp = stamp;
        self.keys = ws
            .entries
            .iter()
            .filter(|e| e.article.is_some())
            .map(|e| e.key)
            .collect();
        self.articles = ws.articles().cloned().collect();
        self.issues = checks::check(&self.articles);
        self.overview = None;
        self.comparison = None;
        self.recomputed += 1;
        self.recompute_comparison();
        let _ = cat;
    }

    /// Compares another indicator.
    pub fn set_indicator(&mut self, id: Option<String>) {
        if self.indicator != id {
            self.indicator = id;
            self.recompute_comparison();
        }
    }

    /// Compares another population (`None`: every population, grouped).
    pub fn set_population(&mut self, p: Option<Population>) {
        if self.population != p {
            self.population = p;
            self.recompute_comparison();
        }
    }

    /// The populations the compared indicator has figures for, in precedence order.
    pub fn populations(&self) -> Vec<Population> {
        let Some(id) = self.indicator.as_deref() else {
            return Vec::new();
        };
        let mut out: Vec<Population> = compare::table(&self.articles, id)
            .rows
            .iter()
            .filter_map(|r| r.population)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn recompute_comparison(&mut self) {
        self.comparison = self
            .indicator
            .as_deref()
            .map(|id| compare::table_for(&self.articles, id, self.population));
    }

    /// The chart's data, as the tab draws it (names in the UI's language, the population
    /// chosen), for printing with [`crate::chart`]; `None` when nothing is compared.
    pub fn chart_data(&self, cat: &Catalogue, lang: Lang) -> Option<crate::chart::ChartData> {
        let c = self.comparison.as_ref()?;
        let percent = is_percent(cat, &c.indicator);
        let (groups, bars) = layout_lang(c, lang.t("(không rõ huyện)", "(no district)"), lang);
        let mut years: Vec<Option<i32>> = bars.iter().map(|b| b.year).collect();
        years.sort();
        years.dedup();
        let year_name = |y: Option<i32>| match y {
            Some(y) => format!("{} {y}", lang.t("Năm", "Year")),
            None => lang.t("Không rõ năm", "Year unknown").to_string(),
        };
        let title = self.chart_title(cat, &c.indicator, lang);
        Some(crate::chart::ChartData {
            title,
            percent,
            groups,
            series: years.iter().map(|y| year_name(*y)).collect(),
            bars: bars
                .iter()
                .map(|b| crate::chart::ChartBar {
                    x: b.x,
                    width: b.width,
                    value: b.value,
                    series: years.iter().position(|y| *y == b.year).unwrap_or_default(),
                    target: b.target,
                    light: b.light,
                    label: value_text(&c.rows[b.row], percent),
                })
                .collect(),
        })
    }

    /// Writes the chart for print to `path`: SVG when it ends in `.svg`, else PNG. Drawn
    /// from the data, whatever is on screen (the chart may be scrolled out of view).
    pub fn export_chart(
        &self,
        cat: &Catalogue,
        lang: Lang,
        path: &std::path::Path,
    ) -> Result<(), String> {
        let data = self.chart_data(cat, lang).ok_or_else(|| {
            lang.t("Chưa chọn chỉ số để so sánh", "No indicator compared")
                .to_string()
        })?;
        let svg = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
        let bytes = if svg {
            crate::chart::svg(&data).map(String::into_bytes)
        } else {
            crate::chart::png(&data)
        }
        .map_err(|e| e.to_string())?;
        crate::export::write_atomic(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The comparison as an Excel workbook (every indicator with facts, overview, sources).
    pub fn xlsx(&self, cat: &Catalogue) -> Result<Vec<u8>, String> {
        crate::xlsx::workbook(&self.articles, cat, None).map_err(|e| e.to_string())
    }

    /// The figure behind a row, as the workspace holds it.
    fn figure_of(&self, r: &Row) -> Option<&crate::model::Figure> {
        self.articles
            .get(r.article)?
            .figures
            .iter()
            .find(|f| f.id == r.figure)
    }

    /// Forces a recomputation on the next [`Self::refresh`] (the catalogue changed).
    pub fn invalidate(&mut self) {
        self.stamp.clear();
        self.recomputed = 0;
    }

    /// The command that shows a figure given by article index.
    pub fn goto(&self, article: usize, figure: u64) -> Option<Command> {
        self.keys
            .get(article)
            .map(|&k| Command::GotoFigure(k, figure))
    }

    /// The issues that involve a figure of an entry.
    pub fn issues_of(&self, entry: u64, figure: u64) -> Vec<&Issue> {
        let Some(ai) = self.keys.iter().position(|&k| k == entry) else {
            return Vec::new();
        };
        self.issues
            .iter()
            .filter(|i| {
                i.figures
                    .iter()
                    .any(|f| f.article == ai && f.figure == figure)
            })
            .collect()
    }

    /// The text of a figure (for links in the cross-check list).
    pub fn figure_text(&self, article: usize, figure: u64) -> Option<(String, String)> {
        let a = self.articles.get(article)?;
        let f = a.figures.iter().find(|f| f.id == figure)?;
        let place = a
            .district
            .clone()
            .unwrap_or_else(|| a.title.clone().unwrap_or_default());
        Some((f.text.clone(), place))
    }

    /// The CSV of the current comparison.
    pub fn csv(&self, cat: &Catalogue) -> Option<Vec<u8>> {
        self.comparison.as_ref().map(|c| compare::to_csv(c, cat))
    }

    /// Shows the tab.
    pub fn ui(&mut self, ui: &mut Ui, cat: &Catalogue, lang: Lang, out: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.t("Chỉ số", "Indicator"));
            let opts = PickerOptions {
                id_salt: "compare-indicator",
                label: lang.t("Chỉ số so sánh", "Compared indicator"),
                clear: false,
                create: false,
            };
            if let Some(Picked::Id(id)) =
                indicator_picker(ui, opts, cat, self.indicator.as_deref(), lang)
            {
                self.set_indicator(Some(id));
            }
            ui.label(lang.t("Đối tượng", "Population"));
            let mut p = self.population;
            let pops = self.populations();
            egui::ComboBox::from_id_salt("compare-population")
                .selected_text(
                    p.map_or(lang.t("Tất cả (theo nhóm)", "All (grouped)"), |p| {
                        population_name(p, lang)
                    }),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut p,
                        None,
                        lang.t("Tất cả (theo nhóm)", "All (grouped)"),
                    );
                    for x in pops {
                        ui.selectable_value(&mut p, Some(x), population_name(x, lang));
                    }
                })
                .response
                .accessible_name(lang.t("Đối tượng so sánh", "Compared population"));
            self.set_population(p);
            let has = self.comparison.is_some();
            if ui
                .add_enabled(
                    has,
                    egui::Button::new(Command::ExportCompareCsv.label(lang)),
                )
                .clicked()
            {
                out.push(Command::ExportCompareCsv);
            }
            if ui
                .add_enabled(has, egui::Button::new(Command::ExportChartPng.label(lang)))
                .clicked()
            {
                out.push(Command::ExportChartPng);
            }
            if ui
                .add_enabled(
                    has,
                    egui::Button::new(Command::ExportCompareXlsx.label(lang)),
                )
                .clicked()
            {
                out.push(Command::ExportCompareXlsx);
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("compare-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.comparison.is_some() {
                    self.chart(ui, cat, lang, out);
                    self.table(ui, cat, lang, out);
                } else {
                    ui.label(lang.t(
                        "Chọn một chỉ số để so sánh các huyện.",
                        "Choose an indicator to compare the districts.",
                    ));
                }
                ui.add_space(8.0);
                egui::CollapsingHeader::new(
                    lang.t("Tổng quan huyện × chỉ số", "Overview: district × indicator"),
                )
                .id_salt("overview")
                .default_open(false)
                .show(ui, |ui| self.overview_ui(ui, cat, lang, out));
                egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    lang.t("Kiểm tra chéo", "Cross-checks"),
                    self.issues.len()
                ))
                .id_salt("cross-checks")
                .default_open(true)
                .show(ui, |ui| self.checks_ui(ui, lang, out));
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::Indicator;

    fn row(district: &str, year: Option<i32>, value: f64, target: bool, status: Status) -> Row {
        Row {
            district: Some(district.into()),
            year,
            value: Some(value),
            value_to: None,
            qualifier: None,
            text: fmt_vi(value),
            unit: None,
            status,
            article: 0,
            path: String::new(),
            figure: 0,
            title: None,
            sentence: String::new(),
            target,
            population: None,
            conflict: false,
            mentions: 1,
            computed: None,
        }
    }

    fn comparison() -> Comparison {
        Comparison {
            indicator: "x".into(),
            rows: vec![
                row("Chợ Đồn", Some(2020), 15.3, false, Status::Extracted),
                row("Phú Ninh", Some(2015), 9.3, false, Status::Confirmed),
                row("Phú Ninh", Some(2020), 9.0, false, Status::Extracted),
                row("Phú Ninh", Some(2025), 50.0, true, Status::Extracted),
            ],
            missing_districts: vec![],
        }
    }

    #[test]
    fn bars_are_grouped_by_district_and_hit_back() {
        let c = comparison();
        let (groups, bars) = layout(&c, "?");
        assert_eq!(groups, vec!["Chợ Đồn", "Phú Ninh"]);
        assert_eq!(bars.len(), 4);
        // Three slots in the widest group; the lone Chợ Đồn bar is centred on its tick.
        assert!((bars[0].x - 0.0).abs() < 1e-9);
        let w = bars[0].width;
        assert!((w - layout::GROUP_FILL / 3.0).abs() < 1e-9);
        let pn: Vec<&BarSpec> = bars.iter().filter(|b| b.x > 0.5).collect();
        assert!((pn[0].x - (1.0 - w)).abs() < 1e-9 && pn[0].row == 1);
        assert!(bars[0].light && !pn[0].light);
        // Inside a bar, above it, between bars.
        assert_eq!(hit(&bars, 0.0, 10.0, 1.0), Some(0));
        assert_eq!(hit(&bars, 0.0, 16.0, 1.0), None);
        assert_eq!(hit(&bars, 1.0 - w, 5.0, 1.0), Some(1));
        assert_eq!(hit(&bars, 1.0, 8.9, 1.0), Some(2));
        assert_eq!(hit(&bars, 0.5, 1.0, 1.0), None);
        // A target is a marker: only near its value.
        assert_eq!(hit(&bars, 1.0 + w, 49.5, 1.0), Some(3));
        assert_eq!(hit(&bars, 1.0 + w, 20.0, 1.0), None);
    }

    #[test]
    fn crowded_labels_are_stacked() {
        let (_, bars) = layout(&comparison(), "?");
        // Wide enough: every label on its bar.
        assert_eq!(label_levels(&bars, &[20.0; 4], 1000.0), vec![0; 4]);
        // Narrow: neighbours in the Phú Ninh group alternate.
        let levels = label_levels(&bars, &[60.0; 4], 150.0);
        assert_eq!(levels[0], 0);
        assert!(levels[1] != levels[2] && levels[2] != levels[3]);
    }

    #[test]
    fn values_are_written_the_vietnamese_way() {
        let mut r = row("A", None, 22400.0, false, Status::Confirmed);
        r.qualifier = Some(crate::model::Qualifier::MoreThan);
        assert_eq!(value_text(&r, false), "> 22.400");
        let r = row("A", None, 15.3, false, Status::Confirmed);
        assert_eq!(value_text(&r, true), "15,3%");
    }

    #[test]
    fn picker_search_ignores_tone_marks() {
        let i = Indicator::new(
            "degree_postgraduate",
            "Tỷ lệ có trình độ sau đại học",
            IndicatorKind::Percent,
            "%",
        );
        assert!(matches(&i, "sau dai hoc"));
        assert!(matches(&i, "Sau đại học"));
        assert!(!matches(&i, "ngoại ngữ"));
    }
}

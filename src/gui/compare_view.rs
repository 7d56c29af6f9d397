//! The comparison tab ("So sánh"): one indicator across districts and years as grouped bars
//! and a sortable table, the district × indicator overview, and the cross-checks.
//!
//! The data come from the UI-free core ([`crate::compare`], [`crate::checks`]) and are
//! recomputed only when the workspace's articles change ([`CompareView::refresh`] compares a
//! cheap stamp of entry keys and revisions every frame). The bar layout and the hit test that
//! maps a click on the chart back to a figure are pure functions ([`layout`], [`hit`]), tested
//! without a window.

use super::command::Command;
use super::i18n::Lang;
use crate::checks::{self, Issue};
use crate::compare::{self, Comparison, Overview, Row};
use crate::indicators::{Catalogue, Indicator, IndicatorKind};
use crate::model::{Article, Population, Status};
use crate::numbers::vi as fmt_vi;
use crate::review::{Edit, Workspace};
use crate::text::fold::unmarked;
use eframe::egui;
use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot, PlotPoint, Points, Text};

/// Red for conflicts and errors.
pub const CONFLICT: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);

// ---- pure layout ---------------------------------------------------------------------------

/// One bar (or target marker) of the chart, in plot coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSpec {
    /// Centre of the bar.
    pub x: f64,
    /// Width of the bar.
    pub width: f64,
    /// Height (the row's value).
    pub value: f64,
    /// Index of the row in [`Comparison::rows`].
    pub row: usize,
    /// The year (series).
    pub year: Option<i32>,
    /// A target: drawn as a marker, not a bar.
    pub target: bool,
    /// Not reviewed yet: drawn lighter.
    pub light: bool,
}

/// How much of a group's unit width the bars take.
const GROUP_FILL: f64 = 0.8;

/// Lays the rows out as grouped bars: a group per district at x = 0, 1, 2, … (in the rows'
/// order, which is the district order), one slot per figure inside the group, slots ordered by
/// year. Rows without a value get no bar. Returns the group labels and the bars.
pub fn layout(c: &Comparison, no_district: &str) -> (Vec<String>, Vec<BarSpec>) {
    layout_lang(c, no_district, Lang::Vi)
}

/// [`layout`], with the population's name (in the UI's language) beside the district when the
/// rows count several populations: commune-level and district-level shares are never one
/// group of bars.
pub fn layout_lang(c: &Comparison, no_district: &str, lang: Lang) -> (Vec<String>, Vec<BarSpec>) {
    let mut pops: Vec<Option<Population>> = c.rows.iter().map(|r| r.population).collect();
    pops.sort();
    pops.dedup();
    let by_population = pops.len() > 1;
    let mut groups: Vec<String> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, r) in c.rows.iter().enumerate() {
        if r.value.is_none() {
            continue;
        }
        let district = r
            .district
            .clone()
            .unwrap_or_else(|| no_district.to_string());
        let name = match r.population {
            Some(p) if by_population => format!("{district} · {}", population_name(p, lang)),
            _ => district,
        };
        let key = compare::district_key(&name);
        let g = match groups.iter().position(|d| compare::district_key(d) == key) {
            Some(g) => g,
            None => {
                groups.push(name);
                members.push(Vec::new());
                groups.len() - 1
            }
        };
        members[g].push(i);
    }
    let slots = members.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let width = GROUP_FILL / slots as f64;
    let mut bars = Vec::new();
    for (g, rows) in members.iter_mut().enumerate() {
        rows.sort_by_key(|&i| (c.rows[i].year, c.rows[i].target, i));
        let n = rows.len() as f64;
        for (k, &i) in rows.iter().enumerate() {
            let r = &c.rows[i];
            // Centre the group's slots around its tick.
            let x = g as f64 + (k as f64 - (n - 1.0) / 2.0) * width;
            bars.push(BarSpec {
                x,
                width,
                value: r.value.unwrap_or(0.0),
                row: i,
                year: r.year,
                target: r.target,
                light: r.status == Status::Extracted,
            });
        }
    }
    (groups, bars)
}

/// The row under a point of the plot: a bar when x is inside it and y between 0 and its value;
/// a target marker when x is inside its slot and y within `y_tolerance` of its value.
pub fn hit(bars: &[BarSpec], x: f64, y: f64, y_tolerance: f64) -> Option<usize> {
    bars.iter()
        .filter(|b| (x - b.x).abs() <= b.width / 2.0)
        .find(|b| {
            if b.target {
                (y - b.value).abs() <= y_tolerance
            } else {
                let (lo, hi) = if b.value >= 0.0 {
                    (0.0, b.value)
                } else {
                    (b.value, 0.0)
                };
                y >= lo && y <= hi
            }
        })
        .map(|b| b.row)
}

/// Stacks value labels that would overlap: for bars in x order and their labels' widths (in
/// pixels, at `px_per_unit` pixels per x unit), the level of each label (0 = just above its
/// bar, 1 = one line higher, …), greedily the lowest level where it fits.
pub fn label_levels(bars: &[BarSpec], widths: &[f32], px_per_unit: f32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bars.len()).collect();
    order.sort_by(|&a, &b| bars[a].x.total_cmp(&bars[b].x));
    let mut right: Vec<f32> = Vec::new();
    let mut levels = vec![0; bars.len()];
    for i in order {
        let centre = bars[i].x as f32 * px_per_unit;
        let (l, r) = (centre - widths[i] / 2.0, centre + widths[i] / 2.0);
        let level = right
            .iter()
            .position(|&edge| edge + 2.0 <= l)
            .unwrap_or(right.len());
        if level == right.len() {
            right.push(r);
        } else {
            right[level] = r;
        }
        levels[i] = level;
    }
    levels
}

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

/// The name shown for an indicator id (the id itself when it is not in the catalogue).
pub fn indicator_name(cat: &Catalogue, id: &str, lang: Lang) -> String {
    match cat.get(id) {
        Some(i) if lang == Lang::En && !i.name_en.is_empty() => i.name_en.clone(),
        Some(i) => i.name.clone(),
        None => id.to_string(),
    }
}

/// The name shown for a population, in the UI's language.
pub fn population_name(p: Population, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => p.label_vi(),
        Lang::En => p.label_en(),
    }
}

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

// ---- the picker ----------------------------------------------------------------------------

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
        let title = match self.population {
            Some(p) => format!(
                "{} — {}",
                indicator_name(cat, &c.indicator, lang),
                population_name(p, lang)
            ),
            None => indicator_name(cat, &c.indicator, lang),
        };
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

    fn chart(&mut self, ui: &mut Ui, cat: &Catalogue, lang: Lang, out: &mut Vec<Command>) {
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
        let title = match self.population {
            Some(p) => format!(
                "{} — {}",
                indicator_name(cat, &c.indicator, lang),
                population_name(p, lang)
            ),
            None => indicator_name(cat, &c.indicator, lang),
        };
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

    fn table(&mut self, ui: &mut Ui, cat: &Catalogue, lang: Lang, out: &mut Vec<Command>) {
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
                    ui.label(format!("“{}”", r.text));
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
                                            super::command::edit_reading(reading, f.note.clone()),
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

    fn overview_ui(&mut self, ui: &mut Ui, cat: &Catalogue, lang: Lang, out: &mut Vec<Command>) {
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

    fn checks_ui(&mut self, ui: &mut Ui, lang: Lang, out: &mut Vec<Command>) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!((w - GROUP_FILL / 3.0).abs() < 1e-9);
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

//! The left panel: the open articles with district, date and review progress; a filter box
//! and a sort order.

use crate::gui::command::Command;
use crate::gui::i18n::Lang;
use crate::review::{Entry, Workspace};
use eframe::egui;
use egui::Ui;

/// How the list is sorted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// As opened.
    #[default]
    Opened,
    /// By file name.
    Name,
    /// By district.
    District,
    /// By publication date.
    Date,
    /// Least reviewed first.
    Progress,
}

impl SortBy {
    const ALL: [SortBy; 5] = [
        SortBy::Opened,
        SortBy::Name,
        SortBy::District,
        SortBy::Date,
        SortBy::Progress,
    ];

    fn label(self, l: Lang) -> &'static str {
        match self {
            SortBy::Opened => l.t("Thứ tự mở", "Order opened"),
            SortBy::Name => l.t("Tên tệp", "File name"),
            SortBy::District => l.t("Huyện", "District"),
            SortBy::Date => l.t("Ngày đăng", "Date"),
            SortBy::Progress => l.t("Tiến độ duyệt", "Review progress"),
        }
    }
}

/// The workspace list.
#[derive(Debug, Default)]
pub struct Sidebar {
    /// The filter text (file name, district, title).
    pub filter: String,
    /// The sort order.
    pub sort: SortBy,
}

use crate::text::fold::unmarked;

/// True when an entry matches the filter (already [`unmarked`]): its file name, title,
/// district or province.
pub fn matches(e: &Entry, needle: &str) -> bool {
    needle.is_empty()
        || unmarked(&e.file_name()).contains(needle)
        || e.article.as_ref().is_some_and(|a| {
            [&a.district, &a.title, &a.province]
                .iter()
                .any(|s| s.as_deref().is_some_and(|s| unmarked(s).contains(needle)))
        })
}

fn progress(e: &Entry) -> f32 {
    e.article.as_ref().map_or(2.0, |a| {
        if a.figures.is_empty() {
            1.0
        } else {
            a.reviewed() as f32 / a.figures.len() as f32
        }
    })
}

impl Sidebar {
    /// Shows the list.
    pub fn ui(&mut self, ui: &mut Ui, ws: &Workspace, lang: Lang, out: &mut Vec<Command>) {
        ui.heading(lang.t("Các bài đang mở", "Open articles"));
        ui.horizontal(|ui| {
            let l = ui.label(lang.t("Lọc", "Filter"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(lang.t(
                        "tên bài, huyện, tệp… (gõ không dấu được)",
                        "title, district, file…",
                    ))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            ui.label(lang.t("Sắp xếp", "Sort"));
            egui::ComboBox::from_id_salt("sort")
                .selected_text(self.sort.label(lang))
                .show_ui(ui, |ui| {
                    for s in SortBy::ALL {
                        ui.selectable_value(&mut self.sort, s, s.label(lang));
                    }
                })
                .response
                .accessible_name(lang.t("Sắp xếp", "Sort"));
        });
        ui.separator();
        let needle = unmarked(self.filter.trim());
        let mut rows: Vec<&Entry> = ws.entries.iter().filter(|e| matches(e, &needle)).collect();
        match self.sort {
            SortBy::Opened => {}
            SortBy::Name => rows.sort_by_key(|e| e.file_name()),
            SortBy::District => {
                rows.sort_by_key(|e| e.article.as_ref().and_then(|a| a.district.clone()))
            }
            SortBy::Date => {
                rows.sort_by_key(|e| e.article.as_ref().and_then(|a| a.published.clone()))
            }
            SortBy::Progress => rows.sort_by(|a, b| progress(a).total_cmp(&progress(b))),
        }
        // Two lines per article at a fixed height, so only the rows in view are built: a
        // workspace of 10,000 articles costs a frame what one of 20 does.
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let row_h = 2.0 * line + 8.0;
        let gap = ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt("workspace-list")
            .auto_shrink([false, false])
            .show_rows(ui, row_h + gap, rows.len(), |ui, range| {
                for e in &rows[range] {
                    self.row(ui, ws, e, row_h, lang, out);
                }
            });
    }

    /// One article of the list: headline (or file name) over district · date · progress;
    /// the file name and path in the tooltip; a right click closes it.
    fn row(
        &self,
        ui: &mut Ui,
        ws: &Workspace,
        e: &Entry,
        row_h: f32,
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        let current = ws.current == Some(e.key);
        let (title, meta, color) = match &e.article {
            Some(a) => (
                // The headline says more than `000_9fb81c778de7861f.txt`.
                a.title.clone().unwrap_or_else(|| e.file_name()),
                format!(
                    "{} · {} · {}/{} {}",
                    a.district.as_deref().unwrap_or("—"),
                    a.published.as_deref().unwrap_or("—"),
                    a.reviewed(),
                    a.figures.len(),
                    lang.t("đã duyệt", "reviewed")
                ),
                (!a.unplaced.is_empty()).then_some(crate::gui::palette::WARN),
            ),
            None => (
                format!("{} {}", lang.t("Lỗi:", "Error:"), e.file_name()),
                lang.load_error(e.error.as_deref().unwrap_or("")),
                Some(crate::gui::palette::ERROR),
            ),
        };
        let width = ui.available_width();
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, row_h), egui::Sense::hover());
        let id = egui::Id::unique(("sidebar-entry", e.key));
        let resp = ui.interact(rect, id, egui::Sense::click());
        let visuals = ui.visuals();
        if current {
            ui.painter()
                .rect_filled(rect, 4.0, visuals.selection.bg_fill);
        } else if resp.hovered() {
            ui.painter()
                .rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let text_color = if current {
            visuals.selection.stroke.color
        } else {
            visuals.text_color()
        };
        let color = match color {
            Some(c) if !current => c,
            _ => text_color,
        };
        // Painted, not labels: the row is one accessible item, named below.
        let inner = rect.shrink2(egui::vec2(6.0, 4.0));
        let font = egui::TextStyle::Body.resolve(ui.style());
        let line = |text: &str| {
            let mut job = egui::text::LayoutJob::single_section(
                text.to_owned(),
                egui::TextFormat::simple(font.clone(), color),
            );
            job.wrap = egui::text::TextWrapping::truncate_at_width(inner.width());
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let (top, bottom) = (line(&title), line(&meta));
        let h = top.size().y;
        ui.painter().galley(inner.min, top, color);
        ui.painter()
            .galley(inner.min + egui::vec2(0.0, h), bottom, color);
        let label = format!("{title}, {meta}");
        resp.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::ListItem, true, current, &label)
        });
        let resp = resp.on_hover_text(format!("{}\n{}", e.file_name(), e.path));
        if resp.clicked() {
            out.push(Command::SelectEntry(e.key));
        }
        resp.context_menu(|ui| {
            if ui.button(lang.t("Đóng bài này", "Close")).clicked() {
                out.push(Command::SelectEntry(e.key));
                out.push(Command::CloseArticle);
                ui.close();
            }
        });
    }
}

//! The left panel: the open articles with district, date and review progress; a filter box
//! and a sort order.

use super::command::Command;
use super::i18n::Lang;
use super::workspace::{Entry, Workspace};
use eframe::egui;
use egui::{Color32, RichText, Ui};

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

/// A key for typing without marks: the extractor's fold (case, tone placement) with every
/// mark then dropped and `đ` read as `d`, so `cho don` finds `Chợ Đồn`.
// For the lead: a named variant of `extract::words::fold` belongs in the text toolkit.
pub fn unmarked(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    crate::extract::words::fold(s)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

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
        egui::ScrollArea::vertical()
            .id_salt("workspace-list")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for e in rows {
                    let current = ws.current == Some(e.key);
                    let text = match &e.article {
                        Some(a) => {
                            // The headline says more than `000_9fb81c778de7861f.txt`; the file
                            // name stays in the tooltip.
                            let title = a
                                .title
                                .as_deref()
                                .map(|t| crate::text::ellipsize(t, 70).into_owned())
                                .unwrap_or_else(|| e.file_name());
                            let mut t = RichText::new(format!(
                                "{title}\n{} · {} · {}/{} {}",
                                a.district.as_deref().unwrap_or("—"),
                                a.published.as_deref().unwrap_or("—"),
                                a.reviewed(),
                                a.figures.len(),
                                lang.t("đã duyệt", "reviewed")
                            ));
                            if !a.unplaced.is_empty() {
                                t = t.color(Color32::from_rgb(0xe6, 0x51, 0x00));
                            }
                            t
                        }
                        None => RichText::new(format!(
                            "{} {}\n{}",
                            lang.t("Lỗi:", "Error:"),
                            e.file_name(),
                            lang.load_error(e.error.as_deref().unwrap_or(""))
                        ))
                        .color(Color32::from_rgb(0xc6, 0x28, 0x28)),
                    };
                    let r = ui
                        .add(egui::Button::selectable(current, text).wrap())
                        .on_hover_text(format!("{}\n{}", e.file_name(), e.path));
                    if r.clicked() {
                        out.push(Command::SelectEntry(e.key));
                    }
                    r.context_menu(|ui| {
                        if ui.button(lang.t("Đóng bài này", "Close")).clicked() {
                            out.push(Command::SelectEntry(e.key));
                            out.push(Command::CloseArticle);
                            ui.close();
                        }
                    });
                }
            });
    }
}

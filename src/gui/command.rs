//! Every user action is a [`Command`]: its Vietnamese and English label and its shortcut live
//! here, so menus, toolbar buttons, the shortcut list and the keyboard all share them. Views push
//! commands; the app applies them once per frame (`app::SolieuApp::apply`).

use super::i18n::Lang;
use crate::indicators::Indicator;
use crate::model::Reading;
use crate::review::{Edit, Meta};
use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The central panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Tab {
    /// "Bài viết": the article text.
    #[default]
    Article,
    /// "So sánh": the comparison across districts.
    Compare,
}

impl Tab {
    /// The tab's label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tab::Article => lang.t("Bài viết", "Article"),
            Tab::Compare => lang.t("So sánh", "Compare"),
        }
    }

    /// The tab asked for by `$SOLIEU_START_TAB` (`compare`), for screenshots and demos.
    pub fn from_env() -> Tab {
        match std::env::var("SOLIEU_START_TAB").as_deref() {
            Ok("compare") | Ok("so-sanh") => Tab::Compare,
            _ => Tab::Article,
        }
    }
}

/// A user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Tệp → Mở tệp…
    OpenFiles,
    /// Tệp → Mở thư mục…
    OpenFolder,
    /// Tệp → Mở theo đường dẫn… (works without a file dialog).
    OpenPathField,
    /// Tệp → Mở địa chỉ web…: download a page and read it like a saved one.
    OpenUrl,
    /// Open these files and folders (drag and drop, recent files, the path field).
    OpenPaths(Vec<PathBuf>),
    /// Tệp → Xuất JSON (mọi bài)…
    ExportJsonAll,
    /// Tệp → Xuất JSON (bài này)…
    ExportJsonCurrent,
    /// Tệp → Xuất CSV…
    ExportCsv,
    /// Tệp → Nhập JSON…
    ImportJson,
    /// Close the current article (its annotations are kept and resumed on reopening).
    CloseArticle,
    /// Tệp → Không gian làm việc mới…
    NewWorkspace,
    /// Tệp → Mở không gian làm việc…
    OpenWorkspace,
    /// Open a workspace file (recent workspaces, tests).
    OpenWorkspacePath(PathBuf),
    /// Tệp → Thoát.
    Quit,
    /// Sửa → Hoàn tác.
    Undo,
    /// Sửa → Làm lại.
    Redo,
    /// Sửa → Xác nhận.
    Confirm,
    /// Sửa → Loại bỏ.
    Reject,
    /// Back to the machine's reading.
    Revert,
    /// Sửa → Số tiếp theo.
    NextFigure,
    /// Sửa → Số trước.
    PrevFigure,
    /// Sửa → Số chưa duyệt tiếp theo (into the next article when this one is done).
    NextUnreviewed,
    /// Xem → Bài tiếp theo.
    NextArticle,
    /// Xem → Bài trước.
    PrevArticle,
    /// Sửa → Ở lại số vừa duyệt (instead of moving to the next unreviewed figure).
    ToggleStayAfterReview,
    /// Sửa → Thêm số liệu từ vùng chọn.
    AddFromSelection,
    /// Sửa → Đổi vùng của số theo vùng chọn.
    SpanFromSelection,
    /// Xem → Giao diện sáng/tối.
    ToggleTheme,
    /// Xem → Phóng to.
    ZoomIn,
    /// Xem → Thu nhỏ.
    ZoomOut,
    /// Xem → Cỡ chữ mặc định.
    ZoomReset,
    /// Xem → Tiếng Việt / English.
    SetLang(Lang),
    /// Trợ giúp → Phím tắt.
    Shortcuts,
    /// Trợ giúp → Giới thiệu.
    About,
    /// Show an article (by workspace entry key).
    SelectEntry(u64),
    /// Select a figure of the current article (by id) and scroll it into view.
    SelectFigure(u64),
    /// Apply an edit to a figure of an article: `(entry, figure id, edit)`.
    EditFigure(u64, u64, Edit),
    /// Set an article's metadata.
    SetMeta(u64, Box<Meta>),
    /// Select a span of the current article (char offsets) as if dragged with the mouse.
    SelectText(usize, usize),
    /// Xem → Bài viết / So sánh.
    ShowTab(Tab),
    /// Show a figure: `(entry, figure id)`: the article view with the article open, the figure
    /// selected and scrolled into view (from the comparison tab).
    GotoFigure(u64, u64),
    /// So sánh → Xuất bảng CSV…
    ExportCompareCsv,
    /// So sánh → Xuất biểu đồ PNG…
    ExportChartPng,
    /// So sánh → Xuất Excel…: the workbook officers type by hand.
    ExportCompareXlsx,
    /// Open the "Tạo chỉ số mới" form; the new indicator goes to this `(entry, figure)`.
    NewIndicator(Option<(u64, u64)>),
    /// Add an indicator to the catalogue (saved in the config folder) and give it to a figure.
    CreateIndicator(Box<Indicator>, Option<(u64, u64)>),
    /// Remove a learned phrase `(indicator, phrase)` the officer disagrees with.
    ForgetPhrase(String, String),
    /// Sửa → Nhận số tính: accept the computed fact offered for the selected figure (the "or
    /// above" share its breakdown adds up to).
    AcceptComputed,
    /// Sửa → Bỏ số tính: reject it (it is not offered again).
    RejectComputed,
    /// Accept (`true`) or reject a computed fact: `(entry, computed id, accept)`.
    DecideComputed(u64, u64, bool),
}

impl Command {
    /// The commands shown in the shortcut list, in order.
    pub const LISTED: [Command; 32] = [
        Command::OpenFiles,
        Command::OpenFolder,
        Command::OpenPathField,
        Command::ExportJsonAll,
        Command::ExportCsv,
        Command::ImportJson,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Confirm,
        Command::Reject,
        Command::Revert,
        Command::AcceptComputed,
        Command::RejectComputed,
        Command::NextFigure,
        Command::PrevFigure,
        Command::NextUnreviewed,
        Command::NextArticle,
        Command::PrevArticle,
        Command::AddFromSelection,
        Command::SpanFromSelection,
        Command::ToggleTheme,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::Shortcuts,
        Command::CloseArticle,
        Command::ExportJsonCurrent,
        Command::ShowTab(Tab::Article),
        Command::ShowTab(Tab::Compare),
        Command::NewWorkspace,
        Command::OpenWorkspace,
    ];

    /// The label in menus and on buttons.
    pub fn label(&self, lang: Lang) -> String {
        let (vi, en) = match self {
            Command::OpenFiles => ("Mở tệp…", "Open files…"),
            Command::OpenFolder => ("Mở thư mục…", "Open folder…"),
            Command::OpenPathField => ("Mở theo đường dẫn…", "Open by path…"),
            Command::OpenUrl => ("Mở địa chỉ web…", "Open web address…"),
            Command::OpenPaths(_) => ("Mở", "Open"),
            Command::ExportJsonAll => ("Xuất JSON (mọi bài)…", "Export JSON (all articles)…"),
            Command::ExportJsonCurrent => ("Xuất JSON (bài này)…", "Export JSON (this article)…"),
            Command::ExportCsv => ("Xuất CSV…", "Export CSV…"),
            Command::ImportJson => ("Nhập JSON…", "Import JSON…"),
            Command::CloseArticle => ("Đóng bài này", "Close this article"),
            Command::NewWorkspace => ("Không gian làm việc mới…", "New workspace…"),
            Command::OpenWorkspace => ("Mở không gian làm việc…", "Open workspace…"),
            Command::OpenWorkspacePath(_) => ("Mở không gian làm việc", "Open workspace"),
            Command::Quit => ("Thoát", "Quit"),
            Command::Undo => ("Hoàn tác", "Undo"),
            Command::Redo => ("Làm lại", "Redo"),
            Command::Confirm => ("Xác nhận", "Confirm"),
            Command::Reject => ("Loại bỏ", "Reject"),
            Command::Revert => ("Trả về máy đọc", "Revert to machine reading"),
            Command::NextFigure => ("Số tiếp theo", "Next figure"),
            Command::PrevFigure => ("Số trước", "Previous figure"),
            Command::NextUnreviewed => ("Số chưa duyệt tiếp theo", "Next unreviewed figure"),
            Command::NextArticle => ("Bài tiếp theo", "Next article"),
            Command::PrevArticle => ("Bài trước", "Previous article"),
            Command::ToggleStayAfterReview => (
                "Ở lại số vừa duyệt (không tự chuyển)",
                "Stay on the reviewed figure (do not move on)",
            ),
            Command::AddFromSelection => ("Thêm số liệu từ vùng chọn", "Add figure from selection"),
            Command::SpanFromSelection => (
                "Đổi vùng của số theo vùng chọn",
                "Set figure span to selection",
            ),
            Command::ToggleTheme => ("Giao diện sáng/tối", "Light/dark theme"),
            Command::ZoomIn => ("Phóng to", "Zoom in"),
            Command::ZoomOut => ("Thu nhỏ", "Zoom out"),
            Command::ZoomReset => ("Cỡ chữ mặc định", "Reset zoom"),
            Command::SetLang(Lang::Vi) => ("Tiếng Việt", "Tiếng Việt"),
            Command::SetLang(Lang::En) => ("English", "English"),
            Command::Shortcuts => ("Phím tắt", "Keyboard shortcuts"),
            Command::About => ("Giới thiệu", "About"),
            Command::SelectEntry(_) => ("Chọn bài", "Select article"),
            Command::SelectFigure(_) => ("Chọn số liệu", "Select figure"),
            Command::EditFigure(..) => ("Sửa số liệu", "Edit figure"),
            Command::SetMeta(..) => ("Sửa thông tin bài", "Edit article details"),
            Command::SelectText(..) => ("Chọn văn bản", "Select text"),
            Command::ShowTab(Tab::Article) => ("Bài viết", "Article"),
            Command::ShowTab(Tab::Compare) => ("So sánh", "Compare"),
            Command::GotoFigure(..) => ("Mở số liệu", "Show figure"),
            Command::ExportCompareCsv => ("Xuất bảng CSV…", "Export table as CSV…"),
            Command::ExportChartPng => ("Xuất biểu đồ (PNG/SVG)…", "Export chart (PNG/SVG)…"),
            Command::ExportCompareXlsx => ("Xuất Excel…", "Export Excel workbook…"),
            Command::NewIndicator(_) => ("Tạo chỉ số mới…", "New indicator…"),
            Command::ForgetPhrase(..) => ("Bỏ cụm đã học", "Forget the learned phrase"),
            Command::CreateIndicator(..) => ("Tạo chỉ số", "Create indicator"),
            Command::AcceptComputed => ("Nhận số tính", "Accept the computed fact"),
            Command::RejectComputed => ("Bỏ số tính", "Reject the computed fact"),
            Command::DecideComputed(_, _, true) => ("Nhận", "Accept"),
            Command::DecideComputed(_, _, false) => ("Bỏ", "Reject"),
        };
        lang.t(vi, en).to_string()
    }

    /// The keyboard shortcuts (the first is shown in menus).
    pub fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        const fn k(m: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(m, key)
        }
        const CMD: Modifiers = Modifiers::COMMAND;
        const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        const NONE: Modifiers = Modifiers::NONE;
        match self {
            Command::OpenFiles => vec![k(CMD, Key::O)],
            Command::OpenFolder => vec![k(CMD_SHIFT, Key::O)],
            Command::OpenPathField => vec![k(CMD, Key::L)],
            Command::ExportJsonAll => vec![k(CMD, Key::E)],
            Command::ExportCsv => vec![k(CMD_SHIFT, Key::E)],
            Command::ImportJson => vec![k(CMD, Key::I)],
            Command::CloseArticle => vec![k(CMD, Key::W)],
            Command::Quit => vec![k(CMD, Key::Q)],
            Command::Undo => vec![k(CMD, Key::Z)],
            Command::Redo => vec![k(CMD_SHIFT, Key::Z), k(CMD, Key::Y)],
            Command::Confirm => vec![k(NONE, Key::Enter)],
            Command::Reject => vec![k(NONE, Key::Delete)],
            Command::Revert => vec![k(CMD, Key::R)],
            Command::AcceptComputed => vec![k(NONE, Key::C)],
            Command::RejectComputed => vec![k(NONE, Key::X)],
            Command::NextFigure => vec![k(NONE, Key::ArrowDown), k(NONE, Key::J)],
            Command::PrevFigure => vec![k(NONE, Key::ArrowUp), k(NONE, Key::K)],
            Command::NextUnreviewed => vec![k(NONE, Key::U)],
            Command::NextArticle => vec![k(NONE, Key::N), k(CMD, Key::PageDown)],
            Command::PrevArticle => vec![k(NONE, Key::P), k(CMD, Key::PageUp)],
            Command::AddFromSelection => vec![k(NONE, Key::Insert), k(NONE, Key::A)],
            Command::SpanFromSelection => vec![k(NONE, Key::S)],
            Command::ToggleTheme => vec![k(CMD, Key::T)],
            Command::ZoomIn => vec![k(CMD, Key::Plus), k(CMD, Key::Equals)],
            Command::ZoomOut => vec![k(CMD, Key::Minus)],
            Command::ZoomReset => vec![k(CMD, Key::Num0)],
            Command::Shortcuts => vec![k(NONE, Key::F1)],
            Command::ShowTab(Tab::Article) => vec![k(CMD, Key::Num1)],
            Command::ShowTab(Tab::Compare) => vec![k(CMD, Key::Num2)],
            _ => vec![],
        }
    }

    /// Every shortcut, written for the platform and joined by ` / ` (`Ctrl+Shift+Z / Ctrl+Y`).
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// True when a shortcut of this command has no modifier: it must not fire while the
    /// officer types in a field.
    fn plain(s: &KeyboardShortcut) -> bool {
        s.modifiers.is_none()
    }

    /// The commands whose shortcut was pressed this frame (consumed from the input).
    /// `typing`: a text field has the keyboard, so keys without modifiers are left to it.
    pub fn from_keys(ctx: &egui::Context, typing: bool) -> Vec<Command> {
        let mut out = Vec::new();
        // Shortcuts with more modifiers first: Ctrl+Shift+Z must not be read as Ctrl+Z.
        let mut all: Vec<(KeyboardShortcut, &Command)> = Self::LISTED
            .iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (s, c)))
            .collect();
        all.sort_by_key(|(s, _)| {
            std::cmp::Reverse(
                u8::from(s.modifiers.shift)
                    + u8::from(s.modifiers.alt)
                    + u8::from(s.modifiers.command),
            )
        });
        ctx.input_mut(|i| {
            for (s, c) in all {
                if typing && (Self::plain(&s) || matches!(c, Command::Undo | Command::Redo)) {
                    continue;
                }
                if i.consume_shortcut(&s) {
                    out.push(c.clone());
                }
            }
        });
        out
    }
}

/// A reading and note prepared by the editor.
pub fn edit_reading(reading: Reading, note: Option<String>) -> Edit {
    Edit::Reading(Box::new(reading), note)
}

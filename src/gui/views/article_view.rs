//! The article text, read-only, with every figure highlighted.
//!
//! Built to stay smooth on a 2 MB article with 10,000 figures: the text is split into
//! paragraphs (lines), each laid out on its own; only the paragraphs in the viewport are laid
//! out each frame (`ScrollArea::show_viewport` over cumulative heights, estimated until a
//! paragraph has been measured). `LayoutJob`s and heights are kept across frames (galleys are
//! not: egui drops a galley not used in a frame). An edit only rebuilds the jobs, lazily; the
//! selection, the hover and "added" outlines are painted around the galley, so they never
//! cause a relayout.

use crate::gui::i18n::Lang;
use crate::model::{Article, Figure, Kind, Status};
use crate::review::Entry;
use crate::text::CharIndex;
use eframe::egui;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{
    Color32, FontFamily, FontId, Galley, Id, Pos2, Rect, Sense, Stroke, Ui, WidgetInfo, vec2,
};
use std::ops::Range;
use std::sync::Arc;

/// The size of the article's text, in points (before zoom).
pub const TEXT_SIZE: f32 = 16.0;
/// Space between paragraphs.
const PARA_GAP: f32 = 6.0;

/// The colour of a kind (light theme, dark theme).
pub fn kind_color(kind: Kind, dark: bool) -> Color32 {
    let (l, d) = match kind {
        Kind::Percent => ((0xc6, 0x28, 0x28), (0xff, 0x8a, 0x80)),
        Kind::Count => ((0x15, 0x65, 0xc0), (0x82, 0xb1, 0xff)),
        Kind::Year => ((0x2e, 0x7d, 0x32), (0x81, 0xc7, 0x84)),
        Kind::YearRange => ((0x00, 0x70, 0x7a), (0x80, 0xde, 0xea)),
        Kind::Date => ((0x6a, 0x1b, 0x9a), (0xce, 0x93, 0xd8)),
        Kind::Ratio => ((0xb3, 0x40, 0x00), (0xff, 0xb7, 0x4d)),
        Kind::Ordinal => ((0x5d, 0x40, 0x37), (0xbc, 0xaa, 0xa4)),
        Kind::Money => ((0x6e, 0x6d, 0x10), (0xe6, 0xee, 0x9c)),
        Kind::Decimal => ((0xad, 0x14, 0x57), (0xf4, 0x8f, 0xb1)),
        Kind::Roman => ((0x28, 0x35, 0x93), (0x9f, 0xa8, 0xda)),
        Kind::Other => ((0x54, 0x6e, 0x7a), (0xb0, 0xbe, 0xc5)),
    };
    let (r, g, b) = if dark { d } else { l };
    Color32::from_rgb(r, g, b)
}

/// The text format of a figure: a colour per kind, a style per status. Every combination reads
/// at 4.5:1 or more on both themes (WCAG AA; checked by a test): tinted backgrounds carry the
/// theme's strongest text colour, solid ones white or black, and the kind colours are dark
/// enough on light panels and light enough on dark ones.
pub fn figure_format(f: &Figure, base: &TextFormat, dark: bool) -> TextFormat {
    let c = kind_color(f.reading.kind, dark);
    let mut t = base.clone();
    let strong = if dark { Color32::WHITE } else { Color32::BLACK };
    match f.status {
        Status::Extracted => {
            t.background = c.gamma_multiply(if dark { 0.22 } else { 0.18 });
            t.color = strong;
        }
        Status::Confirmed => {
            t.background = c;
            t.color = if dark { Color32::BLACK } else { Color32::WHITE };
        }
        Status::Corrected => {
            t.background = c.gamma_multiply(if dark { 0.3 } else { 0.35 });
            t.color = strong;
            t.underline = Stroke::new(2.0, c);
            t.italics = true;
        }
        Status::Rejected => {
            // Struck through and quieter than the text, still readable.
            let grey = if dark {
                Color32::from_gray(0xa0)
            } else {
                Color32::from_gray(0x6b)
            };
            t.color = grey;
            t.strikethrough = Stroke::new(1.5, grey);
        }
        Status::Added => {
            t.color = c;
        }
    }
    t
}

/// A line of the article.
#[derive(Debug, Clone)]
struct Para {
    char_start: usize,
    char_len: usize,
    byte_start: usize,
    byte_end: usize,
    /// Measured (or estimated) height, gap included.
    height: f32,
    measured: bool,
    job: Option<Arc<LayoutJob>>,
}

#[derive(Debug)]
struct Cache {
    entry: u64,
    text_len: usize,
    revision: u64,
    width: f32,
    dark: bool,
    paras: Vec<Para>,
    /// `tops[i]`: the top of paragraph `i`; `tops[n]`: the total height.
    tops: Vec<f32>,
}

impl Cache {
    fn new(entry: u64, text: &str) -> Self {
        let mut paras = Vec::new();
        let (mut cs, mut bs, mut chars) = (0usize, 0usize, 0usize);
        for (b, ch) in text.char_indices() {
            if ch == '\n' {
                paras.push(Para::new(cs, chars - cs, bs, b));
                cs = chars + 1;
                bs = b + 1;
            }
            chars += 1;
        }
        paras.push(Para::new(cs, chars - cs, bs, text.len()));
        Cache {
            entry,
            text_len: text.len(),
            revision: u64::MAX,
            width: 0.0,
            dark: false,
            paras,
            tops: Vec::new(),
        }
    }

    fn retop(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        for p in &self.paras {
            self.tops.push(y);
            y += p.height;
        }
        self.tops.push(y);
    }

    /// The paragraph holding a char offset.
    fn para_of(&self, ch: usize) -> usize {
        self.paras
            .partition_point(|p| p.char_start <= ch)
            .saturating_sub(1)
    }
}

impl Para {
    fn new(char_start: usize, char_len: usize, byte_start: usize, byte_end: usize) -> Self {
        Para {
            char_start,
            char_len,
            byte_start,
            byte_end,
            height: 0.0,
            measured: false,
            job: None,
        }
    }

    fn chars(&self) -> Range<usize> {
        self.char_start..self.char_start + self.char_len
    }
}

/// The indices of the figures that start in a char range (figures are sorted by start).
fn figures_in(figures: &[Figure], r: Range<usize>) -> Range<usize> {
    let a = figures.partition_point(|f| f.start < r.start);
    let b = figures.partition_point(|f| f.start < r.end.max(r.start + 1));
    a..b.max(a)
}

/// Lays out one paragraph: plain text, and a section per figure. Sections are byte ranges of
/// the paragraph; figure offsets are chars, mapped through one [`CharIndex`].
fn build_job(
    text: &str,
    p: &Para,
    figures: &[Figure],
    width: f32,
    dark: bool,
    text_color: Color32,
) -> LayoutJob {
    let s = &text[p.byte_start..p.byte_end];
    let idx = CharIndex::new(s);
    let base = TextFormat {
        font_id: FontId::new(TEXT_SIZE, FontFamily::Proportional),
        color: text_color,
        line_height: Some(TEXT_SIZE * 1.5),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut pos = 0;
    for f in &figures[figures_in(figures, p.chars())] {
        let b0 = idx.byte_of_char(f.start - p.char_start);
        let b1 = idx.byte_of_char(f.end.min(p.char_start + p.char_len) - p.char_start);
        if b0 < pos || b1 <= b0 {
            continue;
        }
        job.append(&s[pos..b0], 0.0, base.clone());
        job.append(&s[b0..b1], 0.0, figure_format(f, &base, dark));
        pos = b1;
    }
    job.append(&s[pos..], 0.0, base);
    job
}

/// The screen rectangles (one per row) of the chars `s..e` of a galley placed at `origin`.
pub fn span_rects(galley: &Galley, origin: Pos2, s: usize, e: usize) -> Vec<Rect> {
    let mut out = Vec::new();
    let mut c = 0;
    for row in &galley.rows {
        let n = row.char_count_including_newline().0;
        let (rs, re) = (c, c + n);
        if re > s && rs < e.max(s + 1) && rs <= s.max(rs) {
            let a = s.max(rs) - rs;
            let b = e.min(re) - rs;
            let x0 = row.pos.x + row.x_offset(a.into());
            let x1 = row.pos.x + row.x_offset(b.into());
            if x1 > x0 {
                out.push(Rect::from_min_max(
                    origin + vec2(x0, row.min_y()),
                    origin + vec2(x1, row.max_y()),
                ));
            }
        }
        c = re;
        if c >= e {
            break;
        }
    }
    out
}

/// The article view's state, kept across frames.
#[derive(Debug, Default)]
pub struct ArticleView {
    cache: Option<Cache>,
    /// The officer's text selection: `(anchor, cursor)` char offsets of the article text.
    pub selection: Option<(usize, usize)>,
    /// The paragraph a drag started in.
    drag_para: Option<usize>,
    /// The drag as the pointer made it (`(press, cursor)` char offsets), before snapping.
    drag_raw: Option<(usize, usize)>,
    /// Scroll this figure into view on the next frame.
    pub scroll_to: Option<u64>,
    /// The viewport of the last frame (content coordinates).
    viewport: Option<Rect>,
    /// How many paragraphs were laid out in the last frame (for tests and the benchmark).
    pub laid_out_last_frame: usize,
    /// Set the scroll offset on the next frame (the benchmark scrolls with it).
    pub set_offset: Option<f32>,
    /// The entry whose whole page is shown instead of its article text ("Xem toàn trang"):
    /// a web page read with the reader view keeps the page for the rare article it cuts.
    pub full_page: Option<u64>,
}

/// In the article's header: an article about several units says it has no single place and
/// names the units its figures are filed under. Returns true when it said so.
pub fn places_note(ui: &mut Ui, a: &Article, lang: Lang) -> bool {
    let places = crate::places::figure_places(a);
    if places.len() < 2 || a.district.is_some() {
        return false;
    }
    let scope = match &a.province {
        Some(p) => format!(" ({} {p})", lang.t("tỉnh", "province")),
        None => String::new(),
    };
    ui.label(format!(
        "{}{scope}: {}",
        lang.t(
            "Bài về nhiều địa bàn, không có một địa bàn chung; mỗi số liệu theo địa bàn câu của nó nêu",
            "An article about several places, no single place; each figure has the place its sentence names",
        ),
        places.join(", ")
    ));
    true
}

impl ArticleView {
    /// The selection as an ordered range, when it is not empty.
    pub fn selected_range(&self) -> Option<(usize, usize)> {
        let (a, b) = self.selection?;
        (a != b).then(|| (a.min(b), a.max(b)))
    }

    /// The total content height (estimated where not measured yet).
    pub fn content_height(&self) -> f32 {
        self.cache
            .as_ref()
            .and_then(|c| c.tops.last().copied())
            .unwrap_or(0.0)
    }

    /// Shows an article and keeps the text selection; returns the figure clicked, if any
    /// (the app turns it into a command: this view knows no commands, so no cycle).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        entry: &Entry,
        selected: Option<u64>,
        lang: Lang,
    ) -> Option<u64> {
        let article = entry.article.as_ref()?;
        if let Some(full) = article.full_text.as_deref() {
            let mut on = self.full_page == Some(entry.key);
            ui.horizontal_wrapped(|ui| {
                ui.toggle_value(&mut on, lang.t("Xem toàn trang", "Show the full page"))
                    .on_hover_text(lang.t(
                        "Cả trang web như đã tải về, với menu và liên kết mà chế độ đọc đã bỏ",
                        "The whole web page as downloaded, with the menus and links the reader view cut",
                    ));
                if on {
                    ui.label(egui::RichText::new(lang.t(
                        "Toàn trang, chỉ để xem: số liệu được đọc và duyệt trong bài",
                        "The whole page, to look at: figures are read and reviewed in the article",
                    )).weak());
                }
            });
            self.full_page = on.then_some(entry.key);
            if on {
                egui::ScrollArea::vertical()
                    .id_salt(("full page", entry.key))
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.add(
                            egui::Label::new(egui::RichText::new(full).size(TEXT_SIZE))
                                .selectable(true),
                        );
                    });
                return None;
            }
        }
        let mut clicked = None;
        let dark = ui.visuals().dark_mode;
        let text_color = ui.visuals().text_color();
        let width = (ui.available_width() - 16.0).max(100.0).floor();
        self.prepare(entry, article, width, dark);
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(("article", entry.key))
            .auto_shrink([false, false]);
        if let Some(id) = self.scroll_to.take()
            && let Some(y) = self.figure_offset(article, id)
        {
            let vp = self.viewport.unwrap_or(Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(0.0, 400.0),
            ));
            let (top, h) = (vp.top(), vp.height().max(100.0));
            if y < top + 20.0 || y > top + h - 40.0 {
                scroll = scroll.vertical_scroll_offset((y - h / 3.0).max(0.0));
            }
        }
        if let Some(y) = self.set_offset.take() {
            scroll = scroll.vertical_scroll_offset(y);
        }
        scroll.show_viewport(ui, |ui, viewport| {
            self.viewport = Some(viewport);
            self.paint_visible(
                ui,
                viewport,
                entry,
                article,
                selected,
                lang,
                text_color,
                &mut clicked,
            );
        });
        clicked
    }

    fn prepare(&mut self, entry: &Entry, article: &Article, width: f32, dark: bool) {
        let fresh = match &self.cache {
            Some(c) => c.entry != entry.key || c.text_len != article.text.len(),
            None => true,
        };
        if fresh {
            self.cache = Some(Cache::new(entry.key, &article.text));
            self.selection = None;
        }
        let Some(c) = self.cache.as_mut() else {
            return;
        };
        let relayout = c.width != width;
        if c.revision != entry.revision || c.dark != dark || relayout {
            for p in &mut c.paras {
                p.job = None;
                if relayout {
                    p.measured = false;
                }
            }
            c.revision = entry.revision;
            c.dark = dark;
        }
        if relayout || c.tops.is_empty() {
            c.width = width;
            // Estimate unmeasured heights from the number of characters.
            let per_row = (width / (TEXT_SIZE * 0.5)).max(1.0);
            for p in &mut c.paras {
                if !p.measured {
                    let rows = ((p.char_len as f32) / per_row).ceil().max(1.0);
                    p.height = rows * TEXT_SIZE * 1.5 + PARA_GAP;
                }
            }
            c.retop();
        }
    }

    /// The top of the paragraph holding a figure (content coordinates).
    fn figure_offset(&self, article: &Article, id: u64) -> Option<f32> {
        let c = self.cache.as_ref()?;
        let f = article.figures.iter().find(|f| f.id == id)?;
        let i = c.para_of(f.start);
        c.tops.get(i).copied()
    }

    #[allow(clippy::too_many_arguments)]
    fn paint_visible(
        &mut self,
        ui: &mut Ui,
        viewport: Rect,
        entry: &Entry,
        article: &Article,
        selected: Option<u64>,
        lang: Lang,
        text_color: Color32,
        clicked: &mut Option<u64>,
    ) {
        let Some(c) = self.cache.as_mut() else {
            return;
        };
        let total = c.tops.last().copied().unwrap_or(0.0);
        ui.set_height(total);
        ui.set_width(c.width);
        let origin = ui.max_rect().min;
        let first = c
            .tops
            .partition_point(|&t| t <= viewport.min.y)
            .saturating_sub(1);
        let mut i = first;
        let mut changed_heights = false;
        let dark = c.dark;
        let sel = self.selection.map(|(a, b)| (a.min(b), a.max(b)));
        let visuals = ui.visuals().clone();
        // Where the button went down: a drag is recognised a few pixels later, and the
        // selection must start at the pressed character, not there.
        let (press, alt) = ui.input(|inp| (inp.pointer.press_origin(), inp.modifiers.alt));
        let mut laid = 0;
        while i < c.paras.len() && c.tops[i] < viewport.max.y {
            let p = &mut c.paras[i];
            let job = match &p.job {
                Some(j) => j.clone(),
                None => {
                    let j = Arc::new(build_job(
                        &article.text,
                        p,
                        &article.figures,
                        c.width,
                        dark,
                        text_color,
                    ));
                    p.job = Some(j.clone());
                    j
                }
            };
            let galley = ui.fonts_mut(|f| f.layout_job((*job).clone()));
            laid += 1;
            let h = galley.size().y + PARA_GAP;
            if !p.measured || (p.height - h).abs() > 0.5 {
                changed_heights |= (p.height - h).abs() > 0.5;
                p.height = h;
                p.measured = true;
            }
            let pos = origin + vec2(0.0, c.tops[i]);
            let para_rect = Rect::from_min_size(pos, vec2(c.width, galley.size().y));
            let p = c.paras[i].clone();

            // Selection gestures on the paragraph (figures on top take the clicks).
            let pid = Id::unique(("para", entry.key, i));
            let presp = ui.interact(para_rect, pid, Sense::click_and_drag());
            let local = |pt: Pos2| -> usize {
                let cc: CCursor = galley.cursor_from_pos(pt - pos);
                p.char_start + cc.index.0.min(p.char_len)
            };
            if presp.drag_started()
                && let Some(pt) = press.or(presp.interact_pointer_pos())
            {
                let at = local(pt);
                self.drag_raw = Some((at, at));
                self.drag_para = Some(i);
            }
            if presp.dragged()
                && self.drag_para == Some(i)
                && let Some(pt) = presp.interact_pointer_pos()
                && let Some((a, _)) = self.drag_raw
            {
                let b = local(pt);
                self.drag_raw = Some((a, b));
                // Whole words and numbers, no spaces at the ends; Alt selects exactly.
                self.selection = Some(if alt {
                    (a.min(b), a.max(b))
                } else {
                    snap_selection(&article.text, a, b)
                });
            }
            if presp.drag_stopped() {
                self.drag_para = None;
                self.drag_raw = None;
            }
            if presp.clicked() {
                self.selection = None;
            }

            let figs = figures_in(&article.figures, p.chars());
            // The selected figure: a frame under the text.
            for f in &article.figures[figs.clone()] {
                if Some(f.id) == selected {
                    let (s, e) = local_span(f, &p);
                    for r in span_rects(&galley, pos, s, e) {
                        ui.painter().rect_filled(
                            r.expand(3.0),
                            3.0,
                            visuals.selection.bg_fill.gamma_multiply(0.6),
                        );
                    }
                }
            }
            ui.painter().galley(pos, galley.clone(), text_color);
            for f in &article.figures[figs] {
                let (s, e) = local_span(f, &p);
                let rects = span_rects(&galley, pos, s, e);
                let color = kind_color(f.reading.kind, dark);
                for (k, r) in rects.iter().enumerate() {
                    if f.status == Status::Added {
                        ui.painter().rect_stroke(
                            *r,
                            2.0,
                            Stroke::new(1.5, color),
                            egui::StrokeKind::Outside,
                        );
                    }
                    if Some(f.id) == selected {
                        ui.painter().rect_stroke(
                            r.expand(3.0),
                            3.0,
                            Stroke::new(2.0, visuals.selection.stroke.color),
                            egui::StrokeKind::Outside,
                        );
                    }
                    let id = Id::unique(("fig", entry.key, f.id, k));
                    let resp = ui.interact(*r, id, Sense::click());
                    let label = f.text.clone();
                    resp.widget_info(|| WidgetInfo::labeled(egui::Role::Link, true, &label));
                    if resp.hovered() {
                        ui.painter().rect_stroke(
                            *r,
                            2.0,
                            Stroke::new(1.0, color),
                            egui::StrokeKind::Outside,
                        );
                    }
                    let resp = resp
                        .on_hover_cursor(egui::CursorIcon::PointingHand)
                        .on_hover_ui(|ui| reading_tooltip(ui, f, lang));
                    if resp.clicked() {
                        *clicked = Some(f.id);
                    }
                }
            }
            // The selection over everything (figure highlights included), translucent so
            // the text stays readable, outlined so it shows on any highlight.
            if let Some((a, b)) = sel
                && a < p.char_start + p.char_len
                && b > p.char_start
            {
                let s = a.max(p.char_start) - p.char_start;
                let e = b.min(p.char_start + p.char_len) - p.char_start;
                for r in span_rects(&galley, pos, s, e) {
                    ui.painter().rect_filled(
                        r,
                        2.0,
                        visuals.selection.bg_fill.gamma_multiply(0.55),
                    );
                    ui.painter().rect_stroke(
                        r,
                        2.0,
                        visuals.selection.stroke,
                        egui::StrokeKind::Outside,
                    );
                }
            }
            i += 1;
        }
        self.laid_out_last_frame = laid;
        if changed_heights {
            c.retop();
            let total = c.tops.last().copied().unwrap_or(0.0);
            ui.set_height(total);
        }
    }
}

/// A selection made by dragging, as the officer meant it: widened to whole words and numbers
/// (`1.234,5` is one number, `Chợ` one word) and without spaces at either end. Char offsets in,
/// an ordered char range out.
pub fn snap_selection(text: &str, a: usize, b: usize) -> (usize, usize) {
    let (a, b) = (a.min(b), a.max(b));
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (mut s, mut e) = (a.min(n), b.min(n));
    // Trim first: a drag that starts in the space before a word selects from the word.
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s == e {
        return (s, e);
    }
    let inner = |i: usize| -> bool {
        // A char that belongs to the word or number around it: letters and digits, and
        // `.` `,` `/` between two digits.
        let c = chars[i];
        if crate::extract::words::is_word_char(c) {
            return true;
        }
        matches!(c, '.' | ',' | '/')
            && i > 0
            && i + 1 < n
            && chars[i - 1].is_ascii_digit()
            && chars[i + 1].is_ascii_digit()
    };
    while s > 0 && inner(s - 1) && inner(s) {
        s -= 1;
    }
    while e < n && inner(e) && inner(e - 1) {
        e += 1;
    }
    (s, e)
}

fn local_span(f: &Figure, p: &Para) -> (usize, usize) {
    let s = f.start.saturating_sub(p.char_start).min(p.char_len);
    let e = f.end.saturating_sub(p.char_start).min(p.char_len);
    (s, e)
}

/// Formats a value for its kind: years and ordinals without grouping (`2018`, not `2.018`).
pub fn fmt_value(kind: Kind, v: f64) -> String {
    match kind {
        Kind::Year | Kind::YearRange | Kind::Ordinal | Kind::Roman
            if v.fract() == 0.0 && v.abs() < 1e9 =>
        {
            format!("{}", v as i64)
        }
        _ => crate::numbers::vi(v),
    }
}

/// A one-line description of a reading: `≈ 22.400 cán bộ (Số lượng)`.
pub fn describe(f: &crate::model::Reading, lang: Lang) -> String {
    let mut s = String::new();
    if let Some(q) = f.qualifier {
        // Words, not signs: the bundled font has every letter but not every maths sign.
        s.push_str(lang.qualifier(q).split(" / ").next().unwrap_or(""));
        s.push(' ');
    }
    if let Some(d) = &f.date {
        s.push_str(d);
    } else if let Some(v) = f.value {
        s.push_str(&fmt_value(f.kind, v));
        if let Some(t) = f.value_to {
            s.push_str(" – ");
            s.push_str(&fmt_value(f.kind, t));
        }
        if f.kind == Kind::Percent {
            s.push('%');
        }
    } else {
        s.push('—');
    }
    if let Some(u) = &f.unit {
        // Money is valued in its currency (`4.000 tỷ đồng` = 4e12 đồng): the unit shown beside
        // the value drops the scale word the text wrote.
        let shown = match u.split_once(' ') {
            Some((w, rest))
                if f.kind == Kind::Money && crate::extract::rules::lexicon::scale(w).is_some() =>
            {
                rest
            }
            _ => u.as_str(),
        };
        s.push(' ');
        s.push_str(shown);
    }
    s.push_str(&format!(" ({})", lang.kind(f.kind)));
    if f.change {
        s.push_str(lang.t(" · thay đổi", " · change"));
    }
    if f.boilerplate {
        s.push_str(lang.t(" · phần khung trang", " · page chrome"));
    }
    s
}

fn reading_tooltip(ui: &mut Ui, f: &Figure, lang: Lang) {
    ui.label(egui::RichText::new(&f.text).strong());
    ui.label(describe(&f.reading, lang));
    ui.label(format!(
        "{}: {}",
        lang.t("Trạng thái", "Status"),
        lang.status(f.status)
    ));
    if let Some(ind) = &f.reading.indicator {
        ui.label(format!("{}: {ind}", lang.t("Chỉ tiêu", "Indicator")));
    }
    if let Some(n) = &f.note {
        ui.label(format!("{}: {n}", lang.t("Ghi chú", "Note")));
    }
}

/// The legend: one chip per kind, one sample per status.
pub fn legend(ui: &mut Ui, lang: Lang) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for k in Kind::ALL {
            let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, kind_color(k, dark));
            ui.label(lang.kind(k));
        }
    });
    ui.horizontal_wrapped(|ui| {
        // At the body size: the legend is read, not decoration.
        let base = TextFormat {
            font_id: egui::TextStyle::Body.resolve(ui.style()),
            color: ui.visuals().text_color(),
            ..Default::default()
        };
        for s in Status::ALL {
            let f = Figure {
                id: 0,
                start: 0,
                end: 0,
                text: String::new(),
                reading: crate::model::Reading::new(Kind::Count),
                confidence: 1.0,
                indicator_confidence: 0.0,
                context: String::new(),
                status: s,
                note: None,
                extracted: None,
                place: None,
            };
            let mut job = LayoutJob::default();
            job.append(lang.status(s), 0.0, figure_format(&f, &base, dark));
            let galley = ui.fonts_mut(|fo| fo.layout_job(job));
            let (r, _) = ui.allocate_exact_size(galley.size() + vec2(4.0, 2.0), Sense::hover());
            let at = r.min + vec2(2.0, 1.0);
            if s == Status::Added {
                ui.painter().rect_stroke(
                    Rect::from_min_size(at, galley.size()),
                    2.0,
                    Stroke::new(1.5, kind_color(Kind::Count, dark)),
                    egui::StrokeKind::Outside,
                );
            }
            ui.painter().galley(at, galley, Color32::GRAY);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_described_in_its_currency() {
        let mut r = crate::model::Reading::new(Kind::Money);
        r.value = Some(4e12);
        r.unit = Some("tỷ đồng".into());
        let d = describe(&r, Lang::Vi);
        assert!(d.contains("4.000.000.000.000 đồng"), "{d}");
        assert!(!d.contains("tỷ"), "{d}");
        r.unit = Some("đồng".into());
        r.value = Some(7000.0);
        assert!(describe(&r, Lang::Vi).contains("7.000 đồng"));
    }

    /// WCAG relative luminance of an opaque colour.
    fn luminance(c: Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// A premultiplied colour painted over an opaque one.
    fn over(top: Color32, under: Color32) -> Color32 {
        let a = f32::from(top.a()) / 255.0;
        let mix = |t: u8, u: u8| (f32::from(t) + f32::from(u) * (1.0 - a)).round().min(255.0) as u8;
        Color32::from_rgb(
            mix(top.r(), under.r()),
            mix(top.g(), under.g()),
            mix(top.b(), under.b()),
        )
    }

    #[test]
    fn every_highlight_reads_at_4_5_to_1_in_both_themes() {
        let mut bad = Vec::new();
        for dark in [false, true] {
            let v = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            let panel = v.panel_fill;
            let base = TextFormat {
                color: v.text_color(),
                ..Default::default()
            };
            for kind in Kind::ALL {
                for status in Status::ALL {
                    let mut f = Figure {
                        id: 0,
                        start: 0,
                        end: 1,
                        text: "1".into(),
                        reading: crate::model::Reading::new(kind),
                        confidence: 1.0,
                        indicator_confidence: 0.0,
                        context: String::new(),
                        status,
                        note: None,
                        extracted: None,
                        place: None,
                    };
                    f.reading.kind = kind;
                    let t = figure_format(&f, &base, dark);
                    let bg = over(t.background, panel);
                    let fg = over(t.color, bg);
                    let c = contrast(fg, bg);
                    if c < 4.5 {
                        bad.push(format!(
                            "{} {kind:?} {status:?}: {c:.2}:1",
                            if dark { "dark" } else { "light" }
                        ));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "below 4.5:1: {bad:#?}");
    }

    #[test]
    fn selections_snap_to_words_and_numbers_without_spaces() {
        let t = "Huyện Chợ Đồn có 1.234,5 cán bộ";
        let at = |w: &str| t[..t.find(w).unwrap_or(0)].chars().count();
        // From inside "Chợ" to inside "Đồn", with the space: both whole words.
        let (s, e) = snap_selection(t, at("hợ"), at("ồn"));
        assert_eq!(crate::text::slice_chars(t, s, e), Some("Chợ Đồn"));
        // Leading and trailing spaces go.
        let (s, e) = snap_selection(t, at(" có"), at("có") + 3);
        assert_eq!(crate::text::slice_chars(t, s, e), Some("có"));
        // A number with its separators is one piece.
        let (s, e) = snap_selection(t, at("234"), at("234") + 2);
        assert_eq!(crate::text::slice_chars(t, s, e), Some("1.234,5"));
        // Backwards drags are ordered.
        assert_eq!(
            snap_selection(t, at("Đồn") + 3, at("Đồn")),
            (at("Đồn"), at("Đồn") + 3)
        );
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(fmt_value(Kind::Year, 2018.0), "2018");
        assert_eq!(fmt_value(Kind::Count, 2018.0), "2.018");
    }

    #[test]
    fn paragraphs_map_chars_and_bytes() {
        let text = "Đình Lập\n\nCó 69 học viên";
        let c = Cache::new(1, text);
        assert_eq!(c.paras.len(), 3);
        let p = &c.paras[2];
        assert_eq!(&text[p.byte_start..p.byte_end], "Có 69 học viên");
        assert_eq!(p.char_start, 10);
        assert_eq!(c.para_of(13), 2);
        assert_eq!(c.para_of(8), 0);
    }
}

//! Frame time of the article view over a 2 MB article with more than 10,000 figures, stepping
//! the scroll offset every frame (an egui_kittest Harness, no GPU: layout and tessellation-free
//! painting, which is what the view itself costs).
//!
//! `cargo bench --bench frame` (release). The README states the median.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;
use solieu::gui::fonts;
use solieu::gui::i18n::Lang;
use solieu::gui::views::article_view::ArticleView;
use solieu::model::{Article, Figure, Kind, Reading, Status};
use solieu::review::Entry;
use std::path::Path;

/// A ~2 MB article made of the sample paragraphs, with a figure on every number.
pub fn big_article() -> Article {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let mut paras = String::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    for p in names {
        if let Ok(t) = std::fs::read_to_string(&p) {
            paras.push_str(&solieu::text::normalize(&t));
            paras.push('\n');
        }
    }
    let mut text = String::new();
    while text.len() < 2_000_000 {
        text.push_str(&paras);
    }
    let mut figures = Vec::new();
    let mut start: Option<usize> = None;
    let mut buf = String::new();
    let kinds = Kind::ALL;
    let statuses = Status::ALL;
    for (chars, ch) in text.chars().chain(std::iter::once(' ')).enumerate() {
        let digit = ch.is_ascii_digit() || (start.is_some() && matches!(ch, '.' | ','));
        match (digit, start) {
            (true, None) => {
                start = Some(chars);
                buf.clear();
                buf.push(ch);
            }
            (true, Some(_)) => buf.push(ch),
            (false, Some(s)) => {
                let t = buf.trim_end_matches(['.', ',']).to_string();
                let n = figures.len();
                figures.push(Figure {
                    id: n as u64 + 1,
                    start: s,
                    end: s + t.chars().count(),
                    text: t,
                    reading: Reading::new(kinds[n % kinds.len()]),
                    confidence: 1.0,
                    indicator_confidence: 0.0,
                    context: String::new(),
                    status: statuses[n % statuses.len()],
                    note: None,
                    extracted: None,
                    place: None,
                });
                start = None;
            }
            (false, None) => {}
        }
    }
    // Units are figures' neighbours in real articles; mark "cán bộ" too for density.
    let idx = solieu::text::CharIndex::new(&text);
    for (b, m) in text.match_indices("cán bộ") {
        let n = figures.len();
        let s = idx.char_of_byte(b);
        figures.push(Figure {
            id: n as u64 + 1,
            start: s,
            end: s + m.chars().count(),
            text: m.to_string(),
            reading: Reading::new(Kind::Other),
            confidence: 1.0,
            indicator_confidence: 0.0,
            context: String::new(),
            status: statuses[n % statuses.len()],
            note: None,
            extracted: None,
            place: None,
        });
    }
    figures.sort_by_key(|f| f.start);
    Article {
        path: "big.txt".into(),
        encoding: "utf-8".into(),
        text_sha256: solieu::text::sha256_hex(&text),
        title: None,
        district: None,
        province: None,
        province_2025: None,
        site: None,
        published: None,
        note: None,
        text,
        figures,
        unplaced: Vec::new(),
        computed: Vec::new(),
        full_text: None,
    }
}

struct State {
    view: ArticleView,
    entry: Entry,
    clicked: Option<u64>,
}

fn frame(c: &mut Criterion) {
    let article = big_article();
    assert!(article.text.len() >= 2_000_000);
    assert!(
        article.figures.len() >= 10_000,
        "{} figures",
        article.figures.len()
    );
    let entry = Entry {
        key: 1,
        path: article.path.clone(),
        article: Some(article),
        error: None,
        revision: 0,
    };
    let state = State {
        view: ArticleView::default(),
        entry,
        clicked: None,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .with_context_setup(fonts::install)
        .build_ui_state(
            |ui, s: &mut State| {
                egui::CentralPanel::default().show(ui, |ui| {
                    s.clicked = s.view.ui(ui, &s.entry, Some(5), Lang::Vi);
                });
            },
            state,
        );
    h.step();
    let total = h.state().view.content_height();
    let mut y = 0.0f32;
    c.bench_function(
        "article view frame while scrolling (2 MB, 10k+ figures)",
        |b| {
            b.iter(|| {
                y += 137.0;
                if y > total * 0.9 {
                    y = 0.0;
                }
                h.state_mut().view.set_offset = Some(y);
                h.step();
            })
        },
    );
}

criterion_group!(benches, frame);
criterion_main!(benches);

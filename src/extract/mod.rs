//! Extraction of figures and article metadata from normalized Vietnamese text.
//!
//! Three passes: [`page`] decides what each line is (article text, page chrome, a dateline),
//! and [`chrome`] finds the captions, breadcrumbs and share lines inside the body;
//! [`scan`] finds every number-like run; [`classify`] reads each run from the words around it.

pub mod around;
pub mod chrome;
pub mod classify;
pub mod draft;
pub mod number;
pub mod page;
pub mod rules;
pub mod scan;
pub mod words;

use crate::model::{Figure, Status};
use number::Style;
use page::LineRole;
use scan::Shape;

/// What the extractor finds about an article as a whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleMeta {
    /// The headline.
    pub title: Option<String>,
    /// The district, without its prefix.
    pub district: Option<String>,
    /// The province, when named or known from the district.
    pub province: Option<String>,
    /// The province after the July 2025 merger.
    pub province_2025: Option<String>,
    /// For an article published after the 2025 reform: the commune, ward or special zone it is
    /// about, with its prefix (`phường Việt Trì`).
    pub unit_2025: Option<String>,
    /// The publication date `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// Title, district, province and publication date of the text.
pub fn metadata(text: &str) -> ArticleMeta {
    meta_of(text, &page::lines(text))
}

fn meta_of(text: &str, lines: &[page::Line]) -> ArticleMeta {
    meta_from(
        text,
        lines,
        page::place(text, lines),
        page::published(text, lines),
    )
}

fn meta_from(
    text: &str,
    lines: &[page::Line],
    place: page::Place,
    published: Option<String>,
) -> ArticleMeta {
    ArticleMeta {
        title: page::title(text, lines),
        district: place.district,
        province: place.province,
        province_2025: place.province_2025,
        unit_2025: place.unit_2025,
        published,
    }
}

/// Every figure of the text, in order, with ids from 1.
pub fn extract(text: &str) -> Vec<Figure> {
    let mut lines = page::lines(text);
    let published = page::published(text, &lines);
    chrome::mark(text, &mut lines);
    figures_of(text, &lines, published.as_deref())
}

/// The metadata and the figures of an article, reading its lines once. An article about
/// several units has no district and each figure its own place ([`page::file_places`]).
pub fn extract_article(text: &str) -> (ArticleMeta, Vec<Figure>) {
    let lines = page::lines(text);
    let mut place = page::place(text, &lines);
    let published = page::published(text, &lines);
    // Captions, breadcrumbs and share lines in the body are chrome for the figures only.
    let mut body = lines.clone();
    chrome::mark(text, &mut body);
    let mut figures = figures_of(text, &body, published.as_deref());
    page::file_places(text, &lines, &mut place, &mut figures);
    (meta_from(text, &lines, place, published), figures)
}

fn figures_of(text: &str, lines: &[page::Line], published: Option<&str>) -> Vec<Figure> {
    let published_year = published.and_then(|d| d.get(..4).and_then(|y| y.parse().ok()));
    let raws = scan::scan(text);
    let ctx = draft::Ctx {
        text,
        style: article_style(text, &raws),
        lines,
        published_year,
    };
    let mut drafts = Vec::with_capacity(raws.len());
    let mut line_i = 0;
    let mut i = 0;
    while i < raws.len() {
        while line_i + 1 < lines.len() && lines[line_i].end < raws[i].start {
            line_i += 1;
        }
        let role = lines.get(line_i).map_or(LineRole::Body, |l| l.role);
        match classify::classify(&ctx, &raws, i, role) {
            Some((draft, consumed)) => {
                drafts.push(draft);
                i += 1 + consumed;
            }
            None => i += 1,
        }
    }
    let ruled = rules::run(text, &raws, lines, ctx.style);
    to_figures(text, rules::settle(drafts, ruled))
}

/// Which way the article groups digits, from its unambiguous numbers: `97,2` and `1.234.567`
/// are Vietnamese, `1,234,567` and `3.5` English. Page counters are left out (they are read
/// separately), and ties go to Vietnamese.
fn article_style(text: &str, raws: &[scan::Raw]) -> Style {
    let (mut vi, mut en) = (0u32, 0u32);
    for r in raws.iter().filter(|r| r.shape == Shape::Digits) {
        let s = &text[r.start..r.end];
        let groups: Vec<&str> = s.split(['.', ',']).collect();
        if groups.len() < 2 {
            continue;
        }
        let commas = s.matches(',').count();
        let dots = s.matches('.').count();
        let last = groups[groups.len() - 1];
        match (dots, commas) {
            (0, c) if c > 1 => en += 1,
            (d, 0) if d > 1 => vi += 1,
            (0, 1) if last.len() != 3 => vi += 1,
            (1, 0) if last.len() != 3 => en += 1,
            _ => {}
        }
    }
    if en > vi {
        Style::English
    } else {
        Style::Vietnamese
    }
}

/// Converts byte ranges to code-point offsets (in one pass, as drafts are in order) and adds
/// the sentence of each figure.
fn to_figures(text: &str, drafts: Vec<draft::Draft>) -> Vec<Figure> {
    let mut out = Vec::with_capacity(drafts.len());
    let mut byte = 0usize;
    let mut ch = 0usize;
    let mut advance = |to: usize| -> usize {
        ch += text[byte..to].chars().count();
        byte = to;
        ch
    };
    for (k, d) in drafts.into_iter().enumerate() {
        let start = advance(d.start);
        let end = advance(d.end);
        out.push(Figure {
            id: k as u64 + 1,
            start,
            end,
            text: text[d.start..d.end].to_string(),
            context: crate::text::clause_around(text, d.start, d.end),
            reading: d.reading,
            confidence: d.confidence,
            indicator_confidence: 0.0,
            status: Status::Extracted,
            note: None,
            extracted: None,
            place: None,
        });
    }
    out
}

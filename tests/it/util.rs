//! Helpers shared by the integration tests that build figures by hand (independent of the
//! extractor) or read the sample articles. Each test file uses some of them.
#![allow(dead_code)]

use solieu::indicators::{Catalogue, assign};
use solieu::load::load_file;
use solieu::model::{Article, Figure, Reading, Status};
use solieu::pipeline::Pipeline;
use solieu::text::clause_around as sentence;
use std::path::{Path, PathBuf};

/// The sample article whose file name starts with `prefix`.
pub fn sample_path(prefix: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    entries
        .into_iter()
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no sample {prefix}"))
}

/// A sample article through the real pipeline (loader, extractor, indicator assignment).
pub fn analyzed(prefix: &str) -> Article {
    let p = sample_path(prefix);
    let loaded = load_file(&p).unwrap_or_else(|e| panic!("{e}"));
    let mut a = Pipeline::builtin().analyze(&p.to_string_lossy(), loaded);
    assign(&mut a, &Catalogue::builtin());
    a
}

/// A figure for the byte range `b0..b1` of `text`, with code-point offsets and its sentence.
pub fn figure_at(text: &str, b0: usize, b1: usize, id: u64, reading: Reading) -> Figure {
    Figure {
        id,
        start: text[..b0].chars().count(),
        end: text[..b1].chars().count(),
        text: text[b0..b1].to_string(),
        reading,
        confidence: 1.0,
        indicator_confidence: 0.0,
        context: sentence(text, b0, b1),
        status: Status::Extracted,
        note: None,
        extracted: None,
        place: None,
    }
}

/// The byte offset of the `occ`-th occurrence of `s` in `text` that stands as a whole number
/// (no digit, separator or slash glued on either side); panics naming `path` when there is none.
pub fn whole_number_at(text: &str, s: &str, occ: usize, path: &str) -> usize {
    text.match_indices(s)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + s.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '/')
                && !after.is_some_and(|c| c.is_ascii_digit() || c == '/')
        })
        .nth(occ)
        .unwrap_or_else(|| panic!("{s} #{occ} not in {path}"))
}

/// An article read from `text` through the whole pipeline (extractor and assignment), with a
/// district and a publication date set as the officer would, then filed again.
pub fn read_text(text: &str, district: &str, published: Option<&str>) -> Article {
    let loaded = solieu::load::LoadedText {
        text: text.to_string(),
        encoding: "utf-8".into(),
        ..Default::default()
    };
    let mut a = Pipeline::builtin().analyze("huyen.txt", loaded);
    a.district = Some(district.to_string());
    a.published = published.map(str::to_string);
    assign(&mut a, &Catalogue::builtin());
    a
}

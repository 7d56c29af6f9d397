//! Keeping the officer's figures in place when a text changes: re-anchoring to a new version
//! of the file, and merging an imported copy of the same article.
//!
//! Figures are anchored by their text and their sentence, not by offsets alone, because a
//! district portal that fixes a typo above a figure moves every offset after it.

use super::history::Annotations;
use super::history::Meta;
use crate::load;
use crate::model::{Article, Computed, Figure};
use crate::pipeline::Pipeline;
use crate::text::{CharIndex, sha256_hex};
use std::collections::HashMap;
use std::path::Path;

/// A saved article against its file on disk now: unchanged, or re-anchored to the new text.
pub(crate) fn refresh(pipeline: &Pipeline, saved: Article) -> (Article, usize) {
    let Ok(loaded) = load::load_file(Path::new(&saved.path)) else {
        return (saved, 0);
    };
    if sha256_hex(&loaded.text) == saved.text_sha256 {
        return (saved, 0);
    }
    let fresh = pipeline.analyze(&saved.path, loaded);
    carry_over(saved, fresh)
}

/// Carries the officer's annotations from an old article over to a fresh analysis of its file.
/// Same text: the old article as it was. Changed text: the officer's metadata, reviewed figures
/// re-anchored (those that cannot be placed are `unplaced`), and fresh machine figures where the
/// officer had none. Returns the number of figures that lost their place.
pub fn carry_over(old: Article, fresh: Article) -> (Article, usize) {
    if old.text_sha256 == fresh.text_sha256 {
        let mut a = old;
        a.path = fresh.path;
        return (a, 0);
    }
    let mut a = fresh;
    a.title = old.title.clone().or(a.title);
    a.district = old.district.clone().or(a.district);
    a.province = old.province.clone().or(a.province);
    a.published = old.published.clone().or(a.published);
    a.note = old.note.clone();
    let (placed, mut lost) = reanchor(&old.figures, &a.text);
    lost.extend(old.unplaced.iter().cloned());
    // Keep the fresh machine figures that do not overlap a re-anchored one; renumber them
    // after the officer's ids so ids stay unique.
    let mut next = placed
        .iter()
        .chain(lost.iter())
        .map(|f| f.id)
        .chain(old.computed.iter().map(|c| c.id))
        .max()
        .unwrap_or(0)
        + 1;
    let mut figures = placed;
    let mut renumbered: HashMap<u64, u64> = HashMap::new();
    for mut f in std::mem::take(&mut a.figures) {
        if figures.iter().any(|g| g.start < f.end && f.start < g.end) {
            continue;
        }
        renumbered.insert(f.id, next);
        f.id = next;
        next += 1;
        figures.push(f);
    }
    figures.sort_by_key(|f| (f.start, f.end, f.id));
    // Computed facts: the officer's decisions whose parts are all still placed, then the fresh
    // offers whose parts were kept (renumbered like them).
    let placed_id = |id: &u64| figures.iter().any(|f| f.id == *id);
    let mut computed: Vec<Computed> = old
        .computed
        .iter()
        .filter(|c| c.status.is_reviewed() && c.from.iter().all(placed_id))
        .cloned()
        .collect();
    for mut c in std::mem::take(&mut a.computed) {
        let Some(from) = c
            .from
            .iter()
            .map(|id| renumbered.get(id).copied())
            .collect()
        else {
            continue;
        };
        c.from = from;
        if computed.iter().any(|o| o.same_as(&c)) {
            continue;
        }
        c.id = next;
        next += 1;
        computed.push(c);
    }
    a.figures = figures;
    a.computed = computed;
    let n = lost.len();
    a.unplaced = lost;
    (a, n)
}

/// Places figures in a new text by their text and context: where they were if the text there
/// is unchanged, else at the occurrence whose sentence matches their context (nearest to the
/// old place). Returns the placed figures and those that could not be placed.
pub fn reanchor(figures: &[Figure], text: &str) -> (Vec<Figure>, Vec<Figure>) {
    let index = CharIndex::new(text);
    let n = index.len_chars();
    let mut placed: Vec<Figure> = Vec::new();
    let mut lost = Vec::new();
    let free =
        |placed: &[Figure], s: usize, e: usize| !placed.iter().any(|g| g.start < e && s < g.end);
    for f in figures {
        // 1. Same place, same text, same sentence.
        if f.end <= n {
            let (b0, b1) = (index.byte_of_char(f.start), index.byte_of_char(f.end));
            if text.get(b0..b1) == Some(f.text.as_str())
                && (f.context.is_empty() || crate::text::clause_around(text, b0, b1) == f.context)
                && free(&placed, f.start, f.end)
            {
                placed.push(f.clone());
                continue;
            }
        }
        // 2. Every occurrence of the text whose sentence is the figure's context.
        let mut best: Option<(usize, usize)> = None;
        if !f.text.is_empty() {
            for (b0, _) in text.match_indices(f.text.as_str()) {
                let b1 = b0 + f.text.len();
                if !f.context.is_empty() && crate::text::clause_around(text, b0, b1) != f.context {
                    continue;
                }
                let s = index.char_of_byte(b0);
                let e = s + f.text.chars().count();
                if !free(&placed, s, e) {
                    continue;
                }
                let d = s.abs_diff(f.start);
                if best.is_none_or(|(bs, _)| d < bs.abs_diff(f.start)) {
                    best = Some((s, e));
                }
            }
        }
        match best {
            Some((s, e)) => {
                let mut g = f.clone();
                g.start = s;
                g.end = e;
                placed.push(g);
            }
            None => lost.push(f.clone()),
        }
    }
    placed.sort_by_key(|f| (f.start, f.end, f.id));
    (placed, lost)
}

/// Merges an imported article's annotations into an open one with the same text.
pub(crate) fn merge(ours: &Article, theirs: &Article) -> Annotations {
    let mut figures = ours.figures.clone();
    let mut next = ours.next_id().max(theirs.next_id());
    for t in &theirs.figures {
        match figures
            .iter_mut()
            .find(|f| f.start == t.start && f.end == t.end)
        {
            Some(f) => {
                if t.status.is_reviewed() && !f.status.is_reviewed() {
                    let id = f.id;
                    *f = t.clone();
                    f.id = id;
                }
            }
            None => {
                if figures.iter().any(|f| f.start < t.end && t.start < f.end) {
                    continue;
                }
                let mut f = t.clone();
                f.id = next;
                next += 1;
                figures.push(f);
            }
        }
    }
    figures.sort_by_key(|f| (f.start, f.end, f.id));
    // Their decisions on computed facts, where every part is a figure of ours (by span).
    let mut computed = ours.computed.clone();
    let ours_id = |id: &u64| {
        let t = theirs.figures.iter().find(|t| t.id == *id)?;
        figures
            .iter()
            .find(|f| f.start == t.start && f.end == t.end)
            .map(|f| f.id)
    };
    for t in theirs.computed.iter().filter(|t| t.status.is_reviewed()) {
        let Some(from) = t.from.iter().map(ours_id).collect::<Option<Vec<u64>>>() else {
            continue;
        };
        let mut c = t.clone();
        c.from = from;
        match computed.iter_mut().find(|o| o.same_as(&c)) {
            Some(o) => {
                if !o.status.is_reviewed() {
                    c.id = o.id;
                    *o = c;
                }
            }
            None => {
                c.id = next;
                next += 1;
                computed.push(c);
            }
        }
    }
    let mut meta = Meta::of(ours);
    let tm = Meta::of(theirs);
    meta.title = meta.title.or(tm.title);
    meta.district = meta.district.or(tm.district);
    meta.province = meta.province.or(tm.province);
    meta.published = meta.published.or(tm.published);
    meta.note = meta.note.or(tm.note);
    Annotations {
        meta,
        figures,
        unplaced: ours.unplaced.clone(),
        computed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Reading, Status};

    fn fig(id: u64, text: &str, all: &str, context: &str) -> Figure {
        let b = all.find(text).unwrap_or(0);
        let idx = CharIndex::new(all);
        let s = idx.char_of_byte(b);
        Figure {
            id,
            start: s,
            end: s + text.chars().count(),
            text: text.into(),
            reading: Reading::new(Kind::Count),
            confidence: 1.0,
            indicator_confidence: 0.0,
            context: context.into(),
            status: Status::Confirmed,
            note: None,
            extracted: None,
            place: None,
        }
    }

    #[test]
    fn reanchors_moved_figures_and_keeps_lost_ones() {
        let old = "Đình Lập có 69 học viên.\nNăm 2018 mở 20 lớp.";
        let f1 = fig(1, "69", old, "Đình Lập có 69 học viên.");
        let f2 = fig(2, "20", old, "Năm 2018 mở 20 lớp.");
        let new = "Tin mới.\nĐình Lập có 69 học viên.\nNăm 2018 mở 25 lớp.";
        let (placed, lost) = reanchor(&[f1, f2], new);
        assert_eq!(placed.len(), 1);
        assert_eq!(
            crate::text::slice_chars(new, placed[0].start, placed[0].end),
            Some("69")
        );
        assert_eq!(lost.len(), 1);
        assert_eq!(lost[0].id, 2);
    }
}

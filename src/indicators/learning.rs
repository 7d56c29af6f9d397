//! Learning from the officer: when a figure is filed by hand, the words of its clause that
//! decide it (its *cue*) become a learned phrase of the indicator in the user's catalogue, and
//! every unreviewed figure is filed again; reviewed figures never change. A lesson can be shown
//! beside the figure it filed, and forgotten.
//!
//! Its own room because it changes the catalogue from the review, where the assignment only
//! reads it.

use super::assignment::{COPULA_SET, PHRASE_END_SET, QUALIFIER_SET, assign};
use super::catalogue::Catalogue;
use super::indicator::CatalogueError;
use super::matcher::{listed, phrase_words, words};
use super::population::Group;
use crate::model::Article;
use crate::text::{clauses, sentences};

/// How many words a learned cue keeps: enough to name a measure (`sau đại học`, `thành thạo
/// máy vi tính`), few enough to recur in another district's wording.
const CUE_WORDS: usize = 6;
/// Words skipped at the head of a predicate: they say nothing of the measure.
const LIGHT_WORDS: &[&str] = &[
    "có", "đã", "được", "đều", "trong", "đạt", "trình", "độ", "là", "tham", "gia", "đi", "cho",
    "về", "các", "từ",
];

/// The cue of a figure: the words of its clause that say what it measures — the predicate
/// after its noun phrase (`85% cán bộ … cấp xã | thành thạo máy vi tính`), or, after a copula,
/// the words before it (`đạt chuẩn chuyên môn | là 97,2%`). At most [`CUE_WORDS`] words; `None` when
/// the clause says nothing beyond who is counted.
pub fn cue_of(article: &Article, figure_id: u64) -> Option<String> {
    let i = article.figures.iter().position(|f| f.id == figure_id)?;
    let (b0, b1) = article.figure_byte_spans().get(i).copied().flatten()?;
    let text = article.text.as_str();
    let sents = sentences(text);
    let s = sents
        .get(sents.partition_point(|&(_, e)| e <= b0))
        .copied()?;
    let cls = clauses(text, s);
    let c = cls.get(
        cls.partition_point(|&(_, e)| e < b0)
            .min(cls.len().saturating_sub(1)),
    )?;
    // Neighbouring figures bound the stretch.
    let others: Vec<(usize, usize)> = article
        .figure_byte_spans()
        .into_iter()
        .enumerate()
        .filter(|&(k, _)| k != i)
        .filter_map(|(_, sp)| sp)
        .filter(|&(a, b)| a >= c.0 && b <= c.1)
        .collect();
    let next = others
        .iter()
        .map(|&(a, _)| a)
        .filter(|&a| a >= b1)
        .min()
        .unwrap_or(c.1);
    let prev = others
        .iter()
        .map(|&(_, b)| b)
        .filter(|&b| b <= b0)
        .max()
        .unwrap_or(c.0);
    let after = words(text, b1, next);
    let before = words(text, prev, b0);
    let start = after.iter().position(|w| listed(&PHRASE_END_SET, &w.s));
    let digit = |w: &str| w.bytes().any(|c| c.is_ascii_digit());
    let pick: Vec<&str> = match start {
        Some(k) => after[k..]
            .iter()
            .map(|w| w.s.as_str())
            .skip_while(|w| LIGHT_WORDS.contains(w))
            .take_while(|w| !digit(w))
            .take(CUE_WORDS)
            .collect(),
        None => {
            let mut n = before.len();
            while n > 0
                && (listed(&QUALIFIER_SET, &before[n - 1].s)
                    || listed(&COPULA_SET, &before[n - 1].s))
            {
                n -= 1;
            }
            let run = before[..n]
                .iter()
                .rev()
                .take_while(|w| !digit(&w.s))
                .take(CUE_WORDS)
                .count();
            before[n - run..n].iter().map(|w| w.s.as_str()).collect()
        }
    };
    let cue = pick.join(" ");
    (pick.len() >= 2 && !Group::of(&pick).is_specific()).then_some(cue)
}

/// The officer filed figure `figure_id` under its current indicator: keeps its cue as a
/// learned phrase of that indicator in the user's catalogue (call [`Catalogue::save`] to keep
/// it on disk) and returns the phrase. Then [`reassign_unreviewed`] files the workspace's other
/// figures with it. `Ok(None)` when the figure has no indicator or no usable cue, or when the
/// catalogue already knows the phrase.
pub fn learn(
    catalogue: &mut Catalogue,
    article: &Article,
    figure_id: u64,
) -> Result<Option<String>, CatalogueError> {
    let Some(f) = article.figures.iter().find(|f| f.id == figure_id) else {
        return Ok(None);
    };
    let Some(id) = f.reading.indicator.as_deref() else {
        return Ok(None);
    };
    let Some(mut ind) = catalogue.get(id).cloned() else {
        return Ok(None);
    };
    let Some(cue) = cue_of(article, figure_id) else {
        return Ok(None);
    };
    let known = |list: &[String]| list.iter().any(|p| phrase_words(p).join(" ") == cue);
    if known(&ind.phrases) || known(&ind.learned) {
        return Ok(None);
    }
    ind.learned.push(cue.clone());
    catalogue.add(ind)?;
    Ok(Some(cue))
}

/// Removes a learned phrase of an indicator (the officer disagrees with what was learned).
/// True if it was there.
pub fn forget(
    catalogue: &mut Catalogue,
    indicator: &str,
    phrase: &str,
) -> Result<bool, CatalogueError> {
    let Some(mut ind) = catalogue.get(indicator).cloned() else {
        return Ok(false);
    };
    let before = ind.learned.len();
    ind.learned.retain(|p| p != phrase);
    if ind.learned.len() == before {
        return Ok(false);
    }
    catalogue.add(ind)?;
    Ok(true)
}

/// Files every unreviewed figure of the articles again with `catalogue` (after a lesson);
/// reviewed figures never change. Returns how many figures changed indicator.
pub fn reassign_unreviewed(articles: &mut [Article], catalogue: &Catalogue) -> usize {
    let mut changed = 0;
    for a in articles.iter_mut() {
        let before: Vec<Option<String>> = a
            .figures
            .iter()
            .map(|f| f.reading.indicator.clone())
            .collect();
        assign(a, catalogue);
        changed += a
            .figures
            .iter()
            .zip(before)
            .filter(|(f, b)| f.reading.indicator != *b)
            .count();
    }
    changed
}

/// The learned phrase of `indicator` that stands in the clause of figure `figure_id`, if any:
/// shown beside the figure so the officer sees which lesson filed it.
pub fn learned_phrase_for(
    catalogue: &Catalogue,
    article: &Article,
    figure_id: u64,
) -> Option<String> {
    let f = article.figures.iter().find(|f| f.id == figure_id)?;
    let ind = catalogue.get(f.reading.indicator.as_deref()?)?;
    let ctx = format!(" {} ", phrase_words(&f.context).join(" "));
    ind.learned
        .iter()
        .find(|p| ctx.contains(&format!(" {} ", phrase_words(p).join(" "))))
        .cloned()
}

//! The phrase matcher: the article's words folded (case, tone-mark placement, `lý`/`lí`) with
//! abbreviations expanded (`TCLLCT-HC` = trung cấp lý luận chính trị - hành chính), and every
//! catalogue phrase found among them.
//!
//! Its own room because it knows words, not grammar: the assignment asks it which indicator
//! phrases stand in a clause, and decides from where they stand.

use super::indicator::Indicator;
use std::collections::{HashMap, HashSet};

/// A folded word of the text, with its byte span (abbreviations expand to several words with
/// the span of the abbreviation).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub(super) s: String,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Abbreviations and their expansions (folded).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("llct", "lý luận chính trị"),
    ("tcllct", "trung cấp lý luận chính trị"),
    ("ccllct", "cao cấp lý luận chính trị"),
    ("scllct", "sơ cấp lý luận chính trị"),
    ("cnllct", "cử nhân lý luận chính trị"),
    ("tcct", "trung cấp chính trị"),
    ("ccct", "cao cấp chính trị"),
    ("cnct", "cử nhân chính trị"),
    ("hc", "hành chính"),
    ("cb", "cán bộ"),
    ("cbcc", "cán bộ công chức"),
    ("cbccvc", "cán bộ công chức viên chức"),
    ("ccvc", "công chức viên chức"),
    ("cc", "công chức"),
    ("vc", "viên chức"),
    ("đv", "đảng viên"),
    ("đh", "đại học"),
    ("sđh", "sau đại học"),
    ("cđ", "cao đẳng"),
    ("bd", "bồi dưỡng"),
    ("đt", "đào tạo"),
    ("đtbd", "đào tạo bồi dưỡng"),
    ("qlnn", "quản lý nhà nước"),
    ("cntt", "công nghệ thông tin"),
    ("ths", "thạc sĩ"),
    ("ts", "tiến sĩ"),
    ("ubnd", "ủy ban nhân dân"),
    ("bch", "ban chấp hành"),
    ("btv", "ban thường vụ"),
    ("htnv", "hoàn thành nhiệm vụ"),
    ("httnv", "hoàn thành tốt nhiệm vụ"),
    ("cvc", "chuyên viên chính"),
];

/// The folded word form used for matching.
fn norm_word(raw: &str) -> String {
    crate::text::fold::fold_yi(raw)
}

/// [`ABBREVIATIONS`] as a map, so each word costs one lookup.
static ABBREVIATION_MAP: std::sync::LazyLock<HashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

fn expansion(w: &str) -> Option<&'static str> {
    ABBREVIATION_MAP.get(w).copied()
}

/// The words of `text[from..to]`: alphanumeric runs, folded, abbreviations expanded;
/// punctuation is dropped (clauses are cut before this is called).
pub(super) fn words(text: &str, from: usize, to: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let Some(slice) = text.get(from..to) else {
        return out;
    };
    let mut push = |start: usize, end: usize| {
        let raw = &slice[start..end];
        let w = norm_word(raw);
        match expansion(&w) {
            Some(exp) => {
                for part in exp.split(' ') {
                    out.push(Word {
                        s: norm_word(part),
                        start: from + start,
                        end: from + end,
                    });
                }
            }
            None => out.push(Word {
                s: w,
                start: from + start,
                end: from + end,
            }),
        }
    };
    let mut ws: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        if crate::extract::words::is_word_char(c) {
            ws.get_or_insert(i);
        } else if let Some(s) = ws.take() {
            push(s, i);
        }
    }
    if let Some(s) = ws {
        push(s, slice.len());
    }
    out
}

/// The folded words of a catalogue phrase.
pub(super) fn phrase_words(p: &str) -> Vec<String> {
    words(p, 0, p.len()).into_iter().map(|w| w.s).collect()
}

/// Cue phrases as the sentence scans look for them: folded words joined and padded with a space
/// each side, so ` về xã ` matches whole words of a padded, folded stretch of text.
pub(super) fn padded_phrases(list: &[&str]) -> Vec<String> {
    list.iter()
        .map(|p| format!(" {} ", phrase_words(p).join(" ")))
        .collect()
}

/// How a phrase counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Role {
    Strong,
    Weak,
    Exclude,
    /// Decides the indicator when it names what the figure counts (see `Indicator::decisive`).
    Decisive,
}

#[derive(Debug, Clone)]
pub(super) struct Pattern {
    pub(super) words: Vec<String>,
    pub(super) indicator: usize,
    pub(super) role: Role,
}

/// Folded phrase words indexed by their first word.
#[derive(Debug, Clone, Default)]
pub(super) struct Matcher {
    pub(super) patterns: Vec<Pattern>,
    pub(super) by_first: HashMap<String, Vec<usize>>,
}

/// A phrase found in a run of words: `first..=last` are word indices.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) pattern: usize,
    pub(super) first: usize,
    pub(super) last: usize,
}

impl Matcher {
    pub(super) fn new(indicators: &[Indicator]) -> Self {
        let mut m = Matcher::default();
        for (k, ind) in indicators.iter().enumerate() {
            let lists = [
                (&ind.phrases, Role::Strong),
                (&ind.weak_phrases, Role::Weak),
                (&ind.exclude, Role::Exclude),
                (&ind.learned, Role::Strong),
                (&ind.decisive, Role::Decisive),
            ];
            for (list, role) in lists {
                for p in list {
                    let words = phrase_words(p);
                    let Some(first) = words.first().cloned() else {
                        continue;
                    };
                    m.by_first.entry(first).or_default().push(m.patterns.len());
                    m.patterns.push(Pattern {
                        words,
                        indicator: k,
                        role,
                    });
                }
            }
        }
        m
    }

    /// Every phrase in `ws`; a strong or weak hit inside a longer one (of any indicator) is
    /// dropped, so `đại học` inside `sau đại học` does not count.
    pub(super) fn find(&self, ws: &[Word]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for i in 0..ws.len() {
            let Some(cands) = self.by_first.get(&ws[i].s) else {
                continue;
            };
            for &p in cands {
                let pw = &self.patterns[p].words;
                if i + pw.len() <= ws.len()
                    && ws[i..i + pw.len()].iter().zip(pw).all(|(a, b)| a.s == *b)
                {
                    hits.push(Hit {
                        pattern: p,
                        first: i,
                        last: i + pw.len() - 1,
                    });
                }
            }
        }
        let positive = |h: &Hit| self.patterns[h.pattern].role != Role::Exclude;
        let strong = |h: &Hit| self.patterns[h.pattern].role == Role::Strong;
        let covered = |h: &Hit| {
            hits.iter().any(|o| {
                positive(o)
                    && o.first <= h.first
                    && h.last <= o.last
                    && (o.last - o.first) > (h.last - h.first)
            })
        };
        let keep: Vec<bool> = hits.iter().map(|h| !strong(h) || !covered(h)).collect();
        hits.into_iter()
            .zip(keep)
            .filter_map(|(h, k)| k.then_some(h))
            .collect()
    }
}

/// True when the folded word (or words) is one of the list's (folded the same way).
pub(super) fn listed(set: &HashSet<String>, w: &str) -> bool {
    !w.is_empty() && set.contains(w)
}

/// The folded forms of a word list.
pub(super) fn folded_set(list: &[&str]) -> HashSet<String> {
    list.iter().map(|x| phrase_words(x).join(" ")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_words_and_abbreviations() {
        let t = "TCLLCT-HC, thạc sỹ, Lí luận";
        let w: Vec<String> = words(t, 0, t.len()).into_iter().map(|w| w.s).collect();
        assert_eq!(
            w,
            [
                "trung", "cấp", "lí", "luận", "chính", "trị", "hành", "chính", "thạc", "sĩ", "lí",
                "luận"
            ]
        );
    }
}

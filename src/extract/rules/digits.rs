//! The rules for a run of digits (`22.400`, `97,2`, `2018`, `15`), read from the words around
//! it: what one run looks like to every rule ([`Digits`]) and what a rule returns ([`Out`]).
//!
//! Each rule lives in the file of its kind ([`super::codes`], [`super::dates`],
//! [`super::ranges`], [`super::percent`], [`super::times`], [`super::ordinals`],
//! [`super::money`], [`super::years`], [`super::counts`]); the classifier
//! ([`crate::extract::classify`]) holds the order they are tried in (`RULES`) and dispatches.
//! This file imports none of them, so the rules and their table form no circle.

use std::cell::OnceCell;

use crate::extract::around::{Around, unit_after};
use crate::extract::draft::Ctx;
use crate::extract::page::LineRole;
use crate::extract::scan::{Raw, char_at, char_before};
use crate::extract::words::{Tok, Word};
use crate::model::{Kind, Reading};

/// Scale words after digits (`1,2 triệu`).
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
];

/// A reading, how sure it is, the byte it ends at and how many following runs it swallowed
/// (ranges, long dates); `None` as the reading keeps the run as `other`.
pub type Out = (Option<Reading>, f32, usize, usize);

/// One run of digits and the facts about it that several rules read.
pub struct Digits<'c, 'a> {
    /// The article.
    pub ctx: &'c Ctx<'a>,
    /// Every run of the text.
    pub raws: &'c [Raw],
    /// Which run this is.
    pub i: usize,
    /// The words around it.
    pub a: &'c Around<'a>,
    /// Its line's role.
    pub role: LineRole,
    /// The run.
    pub raw: Raw,
    /// The run as written.
    pub s: &'a str,
    /// The folded word before it, `""` at the start of a paragraph.
    pub prev: &'c str,
    /// The character touching it before.
    pub before_c: Option<char>,
    /// The character touching it after.
    pub after_c: Option<char>,
    /// True for digits only (no `.`/`,` inside).
    pub plain_int: bool,
    /// Where a `%` after it ends (`97,2%`, `100 %`).
    pub pct_end: Option<usize>,
    scale: OnceCell<(f64, usize)>,
    unit: OnceCell<(Option<(String, usize)>, bool)>,
}

impl<'c, 'a> Digits<'c, 'a> {
    /// The run `raws[i]` of the article.
    pub fn new(
        ctx: &'c Ctx<'a>,
        raws: &'c [Raw],
        i: usize,
        a: &'c Around<'a>,
        role: LineRole,
    ) -> Self {
        let text = ctx.text;
        let raw = raws[i];
        let s = &text[raw.start..raw.end];
        Digits {
            ctx,
            raws,
            i,
            a,
            role,
            raw,
            s,
            prev: a.prev().unwrap_or(""),
            before_c: char_before(text, raw.start),
            after_c: char_at(text, raw.end),
            plain_int: s.bytes().all(|b| b.is_ascii_digit()),
            pct_end: crate::extract::scan::percent_end(text, raw.end),
            scale: OnceCell::new(),
            unit: OnceCell::new(),
        }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.ctx.text
    }

    /// The reading when the run ends where it is written.
    pub fn here(&self, r: Reading, confidence: f32) -> Option<Out> {
        Some((Some(r), confidence, self.raw.end, 0))
    }

    /// True for four digits that can be a year (1900–2100).
    pub fn as_year(&self) -> bool {
        self.plain_int
            && self.s.len() == 4
            && !self.s.starts_with('0')
            && self.s.parse::<u32>().is_ok_and(crate::numbers::is_year)
    }

    /// The scale word right after the digits (`1,2 triệu`): its factor and how many words it
    /// takes (0 without one).
    pub fn scale(&self) -> (f64, usize) {
        *self.scale.get_or_init(|| {
            SCALES
                .iter()
                .find(|(w, _)| self.a.af.first().is_some_and(|f| f == w))
                .map_or((1.0, 0), |(_, m)| (*m, 1))
        })
    }

    /// The counted noun after the number (and its scale), with how many words it takes, and
    /// whether it was borrowed from the next number (`từ 30 đến 45 tuổi`, `3 hoặc 4 lớp`).
    pub fn unit(&self) -> &(Option<(String, usize)>, bool) {
        self.unit.get_or_init(|| {
            let (_, scale_words) = self.scale();
            let a = self.a;
            let after_scale: &[Tok<'_>] = &a.after[scale_words..];
            let af_scale: &[Word<'_>] = &a.af[scale_words..];
            let unit = unit_after(after_scale, af_scale);
            if unit.is_some() || scale_words != 0 || !self.plain_int {
                return (unit, false);
            }
            // `từ 30 đến 45 tuổi`, `3 hoặc 4 lớp`: the first number counts what the second
            // counts.
            let text = self.text();
            if a.af
                .first()
                .is_some_and(|w| matches!(&**w, "đến" | "tới" | "hoặc"))
                && let Some(next) = self.raws.get(self.i + 1)
                && next.shape == crate::extract::scan::Shape::Digits
                && crate::extract::words::fold(text[self.raw.end..next.start].trim()) == *a.af[0]
            {
                let after2 = crate::extract::words::after(text, next.end);
                let af2 = crate::extract::words::folded(&after2);
                if let Some((u, _)) = unit_after(&after2, &af2) {
                    return (Some((u, 0)), true);
                }
            }
            (None, false)
        })
    }
}

/// A reading of one kind and value.
pub fn reading(kind: Kind, value: Option<f64>) -> Reading {
    let mut r = Reading::new(kind);
    r.value = value;
    r
}

/// The digits of a run as one whole number (`22.400` → 22400).
pub fn int_value(s: &str) -> Option<f64> {
    let d: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    d.parse().ok()
}

//! The second pass: what each raw token is (kind, value, qualifier, unit, change, boilerplate).
//! Only the dispatch lives here: a run of digits goes to the first of the digit rules
//! ([`rules::digits::RULES`], one file per kind of number) that reads it, a Roman numeral to
//! [`rules::roman`], a slashed run to [`rules::ratios`], a colon run to [`rules::times`]; the
//! words around a number are read by [`super::around`]. What every figure gets whatever its
//! kind (boilerplate on chrome lines and in web addresses, counters) is set here.

use super::around::{Around, in_url_or_file};
use super::number::{Style, parse_grouped};
use super::page::{Line, LineRole};
use super::rules::{
    self,
    digits::{self as digit_rules, Digits, int_value, reading},
};
use super::scan::{Raw, Shape};
use crate::model::{Kind, Reading};

/// A figure before offsets are converted to code points.
#[derive(Debug, Clone)]
pub struct Draft {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it says.
    pub reading: Reading,
    /// How sure the reading is.
    pub confidence: f32,
}

/// Everything the rules need about the article.
pub struct Ctx<'a> {
    /// The normalized text.
    pub text: &'a str,
    /// How the article groups digits.
    pub style: Style,
    /// The lines and their roles.
    pub lines: &'a [Line],
    /// The year of publication, when known.
    pub published_year: Option<i32>,
}

/// Classifies the raw token `raws[i]`; returns the draft and how many following raw tokens it
/// swallowed (ranges, long dates).
/// `None` for a word that only looks like a Roman numeral.
pub fn classify(ctx: &Ctx<'_>, raws: &[Raw], i: usize, role: LineRole) -> Option<(Draft, usize)> {
    let raw = raws[i];
    let text = ctx.text;
    let s = &text[raw.start..raw.end];
    let around = Around::new(text, raw.start, raw.end);
    let mut consumed = 0;
    let mut end = raw.end;
    let mut confidence = 0.95f32;

    let mut r = match raw.shape {
        Shape::Roman(v) => rules::roman::roman(s, v, &around),
        Shape::Colon => rules::times::colon(s),
        Shape::Slash => {
            let (r, c) = rules::ratios::slash(ctx, s, raw, &around);
            confidence = c;
            r
        }
        Shape::Digits => {
            let (r, c, e, n) = classify_digits(ctx, raws, i, &around, role);
            confidence = c;
            end = e;
            consumed = n;
            r
        }
    };
    let Some(mut rd) = r.take() else {
        if matches!(raw.shape, Shape::Roman(_)) {
            // Capital letters that only look like a Roman numeral.
            return None;
        }
        // Digits the rules do not understand: kept, as `other`, so nothing is silently lost.
        return Some((
            Draft {
                start: raw.start,
                end: raw.end,
                reading: reading(Kind::Other, int_value(s)),
                confidence: 0.5,
            },
            0,
        ));
    };
    if role == LineRole::Chrome
        || role == LineRole::Counter
        || in_url_or_file(text, raw.start, raw.end)
    {
        rd.boilerplate = true;
    }
    if role == LineRole::Counter && matches!(raw.shape, Shape::Digits) {
        rd.kind = Kind::Count;
        rd.unit = None;
        rd.qualifier = None;
        rd.value = parse_grouped(s, Style::English, false).map(|p| p.value);
        consumed = 0;
        end = raw.end;
    }
    Some((
        Draft {
            start: raw.start,
            end,
            reading: rd,
            confidence,
        },
        consumed,
    ))
}

/// A run of digits: the first of [`rules::digits::RULES`] that reads it; returns the reading,
/// the confidence, the end byte and the raw tokens swallowed.
fn classify_digits(
    ctx: &Ctx<'_>,
    raws: &[Raw],
    i: usize,
    a: &Around<'_>,
    role: LineRole,
) -> (Option<Reading>, f32, usize, usize) {
    let d = Digits::new(ctx, raws, i, a, role);
    let raw = raws[i];
    digit_rules::RULES
        .iter()
        .find_map(|rule| (rule.apply)(&d))
        .unwrap_or((Some(reading(Kind::Other, None)), 0.6, raw.end, 0))
}

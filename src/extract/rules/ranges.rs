//! Ranges written with a dash between two runs of digits: years (`2015-2020`, `nhiệm kỳ
//! 2020 – 2025`), percents (`60-70%`) and counts with their noun (`18-35 tuổi`). One figure,
//! `value`–`value_to`.

use super::digits::{Digits, Out, int_value, reading};
use crate::extract::around::{is_change, qualifier_after, qualifier_before, unit_after};
use crate::extract::number::parse_grouped;
use crate::extract::scan::Shape;
use crate::extract::words::{self, ends_with_phrase};
use crate::model::Kind;

/// Nouns of a span of years named before it (`nhiệm kỳ 2020-2025`): the range's unit.
const YEAR_SPAN_NOUNS: [&str; 5] = ["nhiệm kỳ", "khóa học", "giai đoạn", "niên khóa", "khóa"];

/// A dash (with at most a couple of spaces) between bytes `a` and `b`.
fn is_dash_between(text: &str, a: usize, b: usize) -> bool {
    let Some(between) = text.get(a..b) else {
        return false;
    };
    let t = between.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    matches!(t, "-" | "–" | "—" | "‐" | "−") && between.chars().count() <= 5
}

/// A year of four digits (1900–2100).
fn year4(s: &str) -> Option<u32> {
    s.parse::<u32>()
        .ok()
        .filter(|y| s.len() == 4 && crate::numbers::is_year(*y))
}

/// `2015-2020`, `60-70%`, `18-35 tuổi`.
pub fn range(d: &Digits<'_, '_>) -> Option<Out> {
    let text = d.text();
    let (a, s) = (d.a, d.s);
    let next = d.raws.get(d.i + 1)?;
    if next.shape != Shape::Digits
        || d.pct_end.is_some()
        || !is_dash_between(text, d.raw.end, next.start)
    {
        return None;
    }
    let s2 = &text[next.start..next.end];
    if let (Some(y1), Some(y2)) = (year4(s), year4(s2))
        && y2 > y1
        && y2 - y1 <= 100
    {
        let mut r = reading(Kind::YearRange, Some(f64::from(y1)));
        r.value_to = Some(f64::from(y2));
        r.unit = YEAR_SPAN_NOUNS
            .iter()
            .find(|u| ends_with_phrase(&a.bf, u))
            .map(|u| {
                let k = u.split(' ').count();
                a.before[a.before.len() - k..]
                    .iter()
                    .map(|t| t.s)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        r.qualifier = None;
        return Some((Some(r), 0.97, next.end, 1));
    }
    if let Some(pe) = crate::extract::scan::percent_end(text, next.end) {
        let v1 = parse_grouped(s, d.ctx.style, true);
        let v2 = parse_grouped(s2, d.ctx.style, true);
        if let (Some(v1), Some(v2)) = (v1, v2)
            && v2.value > v1.value
        {
            let mut r = reading(Kind::Percent, Some(v1.value));
            r.value_to = Some(v2.value);
            r.qualifier = qualifier_before(a);
            r.change = is_change(a, r.qualifier);
            return Some((Some(r), 0.9, pe, 1));
        }
    }
    let after2 = words::after(text, next.end);
    let af2 = words::folded(&after2);
    if let (Some(v1), Some(v2)) = (int_value(s), int_value(s2))
        && d.plain_int
        && v2 > v1
        && let Some((unit, n)) = unit_after(&after2, &af2)
    {
        let mut r = reading(Kind::Count, Some(v1));
        r.value_to = Some(v2);
        r.unit = Some(unit);
        r.qualifier = qualifier_before(a).or_else(|| qualifier_after(&af2, n));
        return Some((Some(r), 0.85, next.end, 1));
    }
    None
}

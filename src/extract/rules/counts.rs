//! What a run of digits is when no other rule claims it: a decimal (`2,5`) or a count
//! (`22.400 cán bộ, công chức`, `1,2 triệu`), with its counted noun, its bound (`hơn`,
//! `trở lên`) and whether it is a change (`tăng 15`). The count always reads: it is the
//! last rule.

use super::digits::{Digits, Out, reading};
use crate::extract::around::{is_change, qualifier_after, qualifier_before};
use crate::extract::number::parse_grouped;
use crate::extract::page::LineRole;
use crate::model::Kind;

/// `2,5`, `0,75 ha`: a decimal without a scale word after it.
pub fn decimal(d: &Digits<'_, '_>) -> Option<Out> {
    let p = parse_grouped(d.s, d.ctx.style, false)?;
    let (_, scale_words) = d.scale();
    if !(p.decimal && scale_words == 0) {
        return None;
    }
    let mut r = reading(Kind::Decimal, Some(p.value));
    r.unit = d.unit().0.as_ref().map(|u| u.0.clone());
    r.qualifier = qualifier_before(d.a);
    r.change = is_change(d.a, r.qualifier);
    d.here(r, p.confidence)
}

/// A count: the value (scaled by `nghìn`, `triệu` …), the counted noun, the bound.
pub fn count(d: &Digits<'_, '_>) -> Option<Out> {
    let p = parse_grouped(d.s, d.ctx.style, false)?;
    let (scale, scale_words) = d.scale();
    let (unit, shared_unit) = d.unit();
    let mut r = reading(Kind::Count, Some(p.value * scale));
    let unit_len = unit.as_ref().map_or(0, |u| u.1);
    r.unit = unit.as_ref().map(|u| u.0.clone());
    if d.role == LineRole::Counter {
        r.unit = None;
    }
    r.qualifier =
        qualifier_before(d.a).or_else(|| qualifier_after(&d.a.af, scale_words + unit_len));
    r.change = is_change(d.a, r.qualifier);
    let conf = if *shared_unit {
        p.confidence * 0.9
    } else if r.unit.is_some() {
        p.confidence
    } else {
        p.confidence * 0.85
    };
    d.here(r, conf)
}

//! Percents written with the sign: `97,2%`, `100 %` (a range `60-70%` is in
//! [`super::ranges`], `phần trăm` in words in [`super::numbers`]).

use super::digits::{Digits, Out, reading};
use crate::extract::around::{is_change, qualifier_after, qualifier_before};
use crate::extract::number::parse_grouped;
use crate::extract::words;
use crate::model::Kind;

/// `97,2%`: the percent, its bound (`hơn 90%`, `50% trở lên`) and whether it is a change.
pub fn percent(d: &Digits<'_, '_>) -> Option<Out> {
    let pe = d.pct_end?;
    let a = d.a;
    let p = parse_grouped(d.s, d.ctx.style, true);
    let mut r = reading(Kind::Percent, p.map(|p| p.value));
    r.qualifier = qualifier_before(a).or_else(|| {
        // `trở lên` / `trở xuống`: two items are all it reads.
        let pa = words::folded(&words::after_first(d.text(), pe, 2));
        qualifier_after(&pa, 0)
    });
    r.change = is_change(a, r.qualifier);
    let conf = p.map_or(0.5, |p| p.confidence);
    Some((Some(r), conf, pe, 0))
}

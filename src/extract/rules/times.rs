//! Times of day written with digits: `7h30`, `15h`, `15 giờ 30 (phút)`. They are `other`
//! figures (not quantities); the dev gold and the officer's table keep them apart.

use super::digits::{Digits, Out, reading};
use crate::extract::scan::Shape;
use crate::extract::words::starts_with_phrase;
use crate::model::{Kind, Reading};

/// `7h30`, `15h`: a time of day, minutes included.
pub fn glued_hour(d: &Digits<'_, '_>) -> Option<Out> {
    let glued = super::codes::glued_after(d);
    if glued != "h" && glued != "g" {
        return None;
    }
    let mut end = d.raw.end + 1;
    let mut swallowed = 0;
    if let Some(next) = d.raws.get(d.i + 1)
        && next.start == end
        && next.shape == Shape::Digits
    {
        end = next.end;
        swallowed = 1;
    }
    Some((Some(reading(Kind::Other, None)), 0.9, end, swallowed))
}

/// The hour of `15 giờ 30`.
pub fn hour(d: &Digits<'_, '_>) -> Option<Out> {
    let a = d.a;
    let time = d.plain_int
        && starts_with_phrase(&a.af, "giờ")
        && a.af
            .get(1)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    time.then(|| d.here(reading(Kind::Other, None), 0.85))?
}

/// … and its minutes: `15 giờ 30 (phút)`.
pub fn minutes(d: &Digits<'_, '_>) -> Option<Out> {
    let a = d.a;
    let time = d.plain_int
        && d.prev == "giờ"
        && super::digits::int_value(d.s).is_some_and(|m| m < 60.0)
        && a.bf.len() >= 2
        && a.bf[a.bf.len() - 2].parse::<u32>().is_ok_and(|h| h <= 24);
    time.then(|| d.here(reading(Kind::Other, None), 0.85))?
}

/// `07:30`: a time of day (value kept only when it is a valid hour and minute), or a score.
pub fn colon(s: &str) -> Option<Reading> {
    Some(reading(Kind::Other, None)).map(|mut r| {
        let mut parts = s.split(':');
        let h = parts.next().and_then(|p| p.parse::<u32>().ok());
        let m = parts.next().and_then(|p| p.parse::<u32>().ok());
        if !(h.is_some_and(|h| h < 24) && m.is_some_and(|m| m < 60)) {
            r.value = None;
        }
        r
    })
}

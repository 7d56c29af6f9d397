//! Ordinals written with digits: list enumerators (`(1)`, `1.` at the head of a line) and
//! the number after its noun (`khóa 5`, `đợt 2`, `lần thứ 3`, `Kỳ họp thứ 7`). Ordinals in
//! words (`thứ nhất`, `đầu tiên`) are in [`super::numbers`].

use super::digits::{Digits, Out, int_value, reading};
use crate::extract::scan::char_at;
use crate::model::Kind;

/// True when byte `pos` starts its line (only spaces before it).
fn line_start(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .rev()
        .take_while(|c| *c != '\n')
        .all(char::is_whitespace)
}

/// `(1)`, and `1.` / `1)` at the start of a line.
pub fn enumerator(d: &Digits<'_, '_>) -> Option<Out> {
    let text = d.text();
    let enumerator = d.s.len() <= 2
        && d.plain_int
        && ((d.before_c == Some('(') && d.after_c == Some(')'))
            || (line_start(text, d.raw.start)
                && matches!(d.after_c, Some('.' | ')'))
                && char_at(text, d.raw.end + 1).is_some_and(char::is_whitespace)));
    if !enumerator {
        return None;
    }
    d.here(reading(Kind::Ordinal, int_value(d.s)), 0.9)
}

/// `khóa 5`, `đợt 2`, `lần thứ 3`: the noun before it is its unit (not `thứ`).
pub fn after_noun(d: &Digits<'_, '_>) -> Option<Out> {
    let prev = d.prev;
    if !(d.plain_int && !d.as_year() && matches!(prev, "khóa" | "đợt" | "thứ" | "kì")) {
        return None;
    }
    let mut r = reading(Kind::Ordinal, int_value(d.s));
    r.unit =
        d.a.before
            .last()
            .filter(|_| prev != "thứ")
            .map(|t| t.s.to_string());
    d.here(r, 0.85)
}

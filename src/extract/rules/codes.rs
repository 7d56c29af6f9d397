//! Numbers that are codes, names and labels, not quantities: a time zone (`GMT+7`), digits
//! glued to a name (`H5N1`, `COVID-19`, `4G`; `K21` is course 21), document codes
//! (`35-CT/TW`), the number that names a document or a place (`Nghị quyết 26`, `Quận 1`,
//! `Điều 5`), phone numbers (`0214 3881 234`) and groupings no number has (`0251.3822.123`).
//! They are kept as `other`, so nothing is silently lost.

use super::digits::{Digits, Out, int_value, reading};
use crate::extract::around::{UNITS, unit_after};
use crate::extract::number::parse_grouped;
use crate::extract::scan::{char_at, char_before};
use crate::extract::words::{ends_with_phrase, fold};
use crate::model::Kind;

/// Words that make the next number the name or number of a document, place or code.
pub(crate) const NAME_BEFORE: &[&str] = &[
    "công nghiệp",
    "nghị quyết",
    "chỉ thị",
    "quyết định",
    "kết luận",
    "quy định",
    "hướng dẫn",
    "công văn",
    "thông tư",
    "nghị định",
    "thông báo",
    "tờ trình",
    "luật",
    "điều",
    "khoản",
    "trung ương",
    "quận",
    "phường",
    "khóm",
    "khu phố",
    "tổ dân phố",
    "số",
    "quốc lộ",
    "tỉnh lộ",
    "đường",
    "xóm",
    "đội",
    "chương",
    "mục",
    "đối tượng",
];

/// `GMT+7`, `UTC+07`: page chrome.
pub fn time_zone(d: &Digits<'_, '_>) -> Option<Out> {
    let text = d.text();
    let start = d.raw.start;
    let zone = d.before_c == Some('+')
        && text
            .as_bytes()
            .get(start.saturating_sub(4)..start - 1)
            .is_some_and(|h| h.eq_ignore_ascii_case(b"gmt") || h.eq_ignore_ascii_case(b"utc"));
    if !zone {
        return None;
    }
    let mut r = reading(Kind::Other, int_value(d.s));
    r.boilerplate = true;
    d.here(r, 0.95)
}

/// Glued to a name or code: `SARS-CoV-2`, `H5N1`, `COVID-19`; `lớp K21`: a lone capital K
/// before the digits abbreviates `khóa`, a course number.
pub fn glued_to_name(d: &Digits<'_, '_>) -> Option<Out> {
    let text = d.text();
    let start = d.raw.start;
    let glued_before = d.before_c.is_some_and(char::is_alphabetic)
        || (matches!(d.before_c, Some('-' | '_'))
            && char_before(text, start - 1).is_some_and(char::is_alphanumeric)
            && !char_before(text, start - 1).is_some_and(|c| c.is_ascii_digit()));
    if !glued_before {
        return None;
    }
    let course = d.before_c == Some('K')
        && d.plain_int
        && !char_before(text, start - 1).is_some_and(char::is_alphanumeric);
    let kind = if course { Kind::Ordinal } else { Kind::Other };
    d.here(reading(kind, int_value(d.s)), 0.9)
}

/// The letters glued after the digits (`4G` → `G`), `""` when none.
pub fn glued_after(d: &Digits<'_, '_>) -> String {
    if !d.after_c.is_some_and(char::is_alphabetic) {
        return String::new();
    }
    d.text()[d.raw.end..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect()
}

/// Letters glued after that are neither a counted noun nor a currency (`4G`, `3D`).
pub fn glued_letters(d: &Digits<'_, '_>) -> Option<Out> {
    let glued = glued_after(d);
    if glued.is_empty() {
        return None;
    }
    let lower = fold(&glued);
    if !UNITS.iter().any(|(u, _)| *u == lower)
        && super::lexicon::currency_after(&[lower.as_str()]).is_none()
    {
        return d.here(reading(Kind::Other, int_value(d.s)), 0.8);
    }
    None
}

/// A document code: `35-CT/TW`, `26/NQ-TW`.
pub fn document_code(d: &Digits<'_, '_>) -> Option<Out> {
    let code = matches!(d.after_c, Some('-' | '/'))
        && char_at(d.text(), d.raw.end + 1).is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
    code.then(|| d.here(reading(Kind::Other, int_value(d.s)), 0.9))?
}

/// Names and numbers of documents, places, codes: `Nghị quyết 26`, `Quận 1`, `Điều 5`.
pub fn name_number(d: &Digits<'_, '_>) -> Option<Out> {
    let a = d.a;
    let clause = a.clause_before();
    let named = (d.plain_int || d.prev == "nghiệp")
        && (NAME_BEFORE.iter().any(|p| ends_with_phrase(clause, p))
            || ends_with_phrase(&a.bf, "nghị quyết trung ương"))
        && !(d.prev == "số" && unit_after(&a.after, &a.af).is_some_and(|(u, _)| u != "năm"));
    if !named {
        return None;
    }
    let s = d.s;
    let v = parse_grouped(s, d.ctx.style, false).map_or_else(|| int_value(s), |p| Some(p.value));
    d.here(reading(Kind::Other, v), 0.85)
}

/// `0214 3881 234`: a leading zero on four digits or more is a phone number or a code.
pub fn leading_zero(d: &Digits<'_, '_>) -> Option<Out> {
    (d.plain_int && d.s.len() >= 4 && d.s.starts_with('0'))
        .then(|| d.here(reading(Kind::Other, None), 0.6))?
}

/// `0251.3822.123`: a grouping no number has is a phone number or another code.
pub fn unreadable(d: &Digits<'_, '_>) -> Option<Out> {
    parse_grouped(d.s, d.ctx.style, false)
        .is_none()
        .then(|| d.here(reading(Kind::Other, None), 0.6))?
}

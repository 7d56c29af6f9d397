//! Years written with digits: `năm 2018`, `Từ 2015 đến nay`, `2400 lượt` being a count
//! instead; and the year that is a deadline (`đến năm 2025`, `trước năm 2030`, `Năm 2025
//! phấn đấu …`), qualifier `up_to`.

use super::digits::{Digits, Out, int_value, reading};
use super::lexicon::TARGET_CUES;
use crate::extract::around::Around;
use crate::extract::draft::Ctx;
use crate::extract::words::{ends_with_phrase, fold};
use crate::model::{Kind, Qualifier};

/// Words before a 4-digit number that make it a year.
pub(crate) const YEAR_BEFORE: &[&str] = &[
    "năm", "từ", "đến", "tới", "đoạn", "kỳ", "cuối", "đầu", "giữa", "trong", "sau", "trước", "vào",
    "hết", "niên", "mùa", "tháng", "khóa", "nay", "tết", "qua",
];

/// `năm 2018`, `Từ 2015 đến nay`; but `2400 lượt` is a count.
pub fn year(d: &Digits<'_, '_>) -> Option<Out> {
    if !d.as_year() {
        return None;
    }
    let a = d.a;
    let year_word = YEAR_BEFORE.contains(&d.prev);
    let counted = d.unit().0.as_ref().is_some_and(|(u, _)| fold(u) != "năm")
        && !a
            .af
            .first()
            .is_some_and(|w| matches!(&**w, "đến" | "tới" | "và" | "là"));
    if !year_word && counted {
        return None;
    }
    let mut r = reading(Kind::Year, int_value(d.s));
    r.qualifier = year_qualifier(d.ctx, a, d.s.parse().unwrap_or(0));
    d.here(r, if year_word { 0.97 } else { 0.8 })
}

/// The words that bound a time from above: a year after them is the latest it may be
/// (`đến năm 2025`, `tới năm 2030`, `trước năm 2030`, `chậm nhất là năm 2025`).
const BY_WORDS: &[&str] = &[
    "đến",
    "tới",
    "trước",
    "chậm nhất",
    "chậm nhất là",
    "muộn nhất",
    "muộn nhất là",
    "hạn",
];

/// Words that pick the end of the year after a bound: `đến hết năm`, `đến cuối năm`.
const YEAR_END_WORDS: &[&str] = &["hết", "cuối"];

/// A year is a deadline, `up_to`, in two shapes of the grammar:
///
/// ```text
/// deadline := BY (hết | cuối)? năm? YEAR        -- in a sentence about a goal
///           | năm? YEAR ","? PLAN               -- the year opening its clause
/// ```
///
/// where BY is [`BY_WORDS`] and PLAN one of [`TARGET_CUES`]. A sentence is about a goal when
/// it says so ([`TARGET_CUES`]) or the year is after the article's. The end of a span (`từ năm 2016
/// đến năm 2020`: `từ` in the clause) and a past "as of" (`đến năm 2019 đã có …` in a 2023
/// article) are not deadlines.
fn year_qualifier(ctx: &Ctx<'_>, a: &Around<'_>, year: i32) -> Option<Qualifier> {
    let clause = a.clause_before();
    // `năm`, then `hết`/`cuối`, before the year.
    let mut k = clause.len();
    if k > 0 && clause[k - 1] == "năm" {
        k -= 1;
    }
    if k > 0 && YEAR_END_WORDS.contains(&&*clause[k - 1]) {
        k -= 1;
    }
    let head = &clause[..k];
    if head.is_empty() {
        // `Năm 2025 phấn đấu …`, `Năm 2025, mục tiêu …`.
        let after = a.af.iter().skip_while(|w| *w == ",");
        let after: Vec<&str> = after.take(3).map(|w| &**w).collect();
        let plan = TARGET_CUES
            .iter()
            .any(|p| crate::extract::words::starts_with_phrase(&after, p));
        return plan.then_some(Qualifier::UpTo);
    }
    let bounded = BY_WORDS.iter().any(|w| ends_with_phrase(head, w));
    if !bounded || clause.iter().any(|w| w == "từ") {
        return None;
    }
    let sentence = fold(&sentence_around(ctx.text, a));
    let target = TARGET_CUES.iter().any(|w| sentence.contains(w))
        || ctx.published_year.is_some_and(|p| year > p);
    target.then_some(Qualifier::UpTo)
}

fn sentence_around(text: &str, a: &Around<'_>) -> String {
    let from = a.before.first().map_or(0, |t| t.pos);
    let to = a.after.last().map_or(from, |t| t.pos + t.s.len());
    let (from, to) = (from.min(to), to.max(from));
    text.get(from..to).unwrap_or("").to_string()
}

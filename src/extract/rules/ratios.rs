//! Numbers joined by a slash: document numbers (`101/2017/NĐ-CP`), dates (`14/4/2023`,
//! `3/9/91`, `tháng 11/2023`), batches of a year (`đợt 1/2020`) and ratios (`16/172`, `1/3 số
//! xã`).

use super::codes::NAME_BEFORE;
use super::digits::reading;
use crate::extract::around::{Around, qualifier_before, unit_after};
use crate::extract::draft::Ctx;
use crate::extract::number::parse_grouped;
use crate::extract::scan::{Raw, char_at};
use crate::model::{Kind, Reading};
use crate::numbers::valid_date;

/// The slashed run `s`: its reading and how sure it is.
pub fn slash(ctx: &Ctx<'_>, s: &str, raw: Raw, a: &Around<'_>) -> (Option<Reading>, f32) {
    let parts: Vec<&str> = s.split('/').collect();
    let nums: Vec<Option<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    let prev = a.prev().unwrap_or("");
    let next_char = char_at(ctx.text, raw.end);
    // A document number: `101/2017/NĐ-CP`, `15/2019/TT-BNV`.
    let code_follows = next_char == Some('/')
        || (next_char == Some('-')
            && char_at(ctx.text, raw.end + 1).is_some_and(char::is_alphabetic));
    if code_follows || NAME_BEFORE.contains(&prev) && prev != "đội" {
        return (Some(reading(Kind::Other, nums[0].map(f64::from))), 0.9);
    }
    if parts.len() == 3 {
        if let (Some(d), Some(m), Some(y)) = (nums[0], nums[1], super::dates::full_year(parts[2]))
            && parts[0].len() <= 2
            && parts[1].len() <= 2
            && valid_date(y, m, d)
        {
            let mut r = reading(Kind::Date, None);
            r.date = Some(format!("{y:04}-{m:02}-{d:02}"));
            return (Some(r), 0.97);
        }
        return (Some(reading(Kind::Other, nums[0].map(f64::from))), 0.6);
    }
    if parts.len() != 2 {
        return (Some(reading(Kind::Other, nums[0].map(f64::from))), 0.5);
    }
    let (x, y) = match (nums[0], nums[1]) {
        (Some(x), Some(y)) => (x, y),
        _ => {
            // Decimal parts: `2,5/10` is a ratio of decimals.
            let x = parse_grouped(parts[0], ctx.style, true).map(|p| p.value);
            let y = parse_grouped(parts[1], ctx.style, true).map(|p| p.value);
            let mut r = reading(Kind::Ratio, None);
            if let (Some(x), Some(y)) = (x, y)
                && y != 0.0
            {
                r.value = Some(x / y);
            }
            return (Some(r), 0.7);
        }
    };
    let is_year = |v: u32| parts[1].len() == 4 && crate::numbers::is_year(v);
    // `đợt 1/2020`: batch 1 of the year.
    if matches!(prev, "đợt" | "khóa" | "lần" | "kỳ" | "lớp") && is_year(y) {
        return (Some(reading(Kind::Other, Some(f64::from(x)))), 0.9);
    }
    if is_year(y) && (1..=12).contains(&x) {
        let mut r = reading(Kind::Date, None);
        r.date = Some(format!("{y:04}-{x:02}"));
        return (Some(r), if prev == "tháng" { 0.97 } else { 0.85 });
    }
    let date_words = matches!(prev, "ngày" | "hôm" | "sáng" | "chiều" | "tối" | "đêm");
    let plausible_date = (1..=31).contains(&x) && (1..=12).contains(&y) && valid_date(2000, y, x);
    // `1/3 số xã`: a share of what follows `số`.
    let share_of = a.af.first().is_some_and(|w| w == "số")
        && a.after.get(1).is_some_and(|t| t.word)
        && !a
            .af
            .get(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let unit = if share_of {
        unit_after(&a.after[1..], &a.af[1..])
    } else {
        unit_after(&a.after, &a.af)
    };
    if plausible_date && !share_of && (date_words || unit.is_none()) {
        let mut r = reading(Kind::Date, None);
        r.date = Some(format!("--{y:02}-{x:02}"));
        return (Some(r), if date_words { 0.95 } else { 0.6 });
    }
    let mut r = reading(Kind::Ratio, (y != 0).then(|| f64::from(x) / f64::from(y)));
    r.unit = unit.map(|u| u.0);
    r.qualifier = qualifier_before(a);
    let conf = if plausible_date {
        0.6
    } else if x <= y {
        0.95
    } else {
        0.75
    };
    (Some(r), conf)
}

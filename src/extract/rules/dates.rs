//! Dates and periods as officials write them: `ngày 12 tháng 10 năm 2017`, `mồng 3 tháng ba`,
//! `tháng mười năm 2017`, `quý IV/2023`, `quý 4 năm 2018` (date `2018-Q4`), `từ ngày 3 đến
//! ngày 5 tháng 4 năm 2023`, `tuần đầu tiên của tháng 9 năm 2017` (the Monday it starts on, `2017-09-04`, unit `tuần`), and the
//! two-digit years of `3/9/91`.
//!
//! A date figure starts at its first number (the day, month or quarter), as the dev gold does,
//! and carries its value in `date`: `YYYY-MM-DD`, `YYYY-MM`, `--MM-DD` (no year written),
//! or `YYYY-Qn` (a quarter).

use super::lexicon;
use super::numbers::words_number;
use super::{Hit, Rule, Stream};
use crate::extract::scan::Shape;
use crate::model::{Kind, Reading};
use crate::numbers::valid_date;

/// The rules of this dimension.
pub const RULES: &[Rule] = &[
    Rule {
        name: "day month year (ngày 12 tháng 10 năm 2017, mồng 3 tháng ba)",
        apply: day_month_year,
    },
    Rule {
        name: "month year (tháng mười năm 2017)",
        apply: month_year,
    },
    Rule {
        name: "quarter (quý 4 năm 2018, quý IV/2023)",
        apply: quarter,
    },
    Rule {
        name: "week or first day of a month (tuần đầu tiên của tháng 9 năm 2017)",
        apply: week_or_day_of_month,
    },
    Rule {
        name: "date with stray spaces (12/ 10 /2017)",
        apply: spaced_slash_date,
    },
];

/// The year a written year stands for: four digits as they are; two digits by the usual
/// pivot (`17` → 2017, `91` → 1991: years up to 69 are this century's, as POSIX `%y` reads them).
pub fn full_year(s: &str) -> Option<i32> {
    let v: i32 = s.parse().ok()?;
    match s.len() {
        4 if crate::numbers::is_year(v) => Some(v),
        2 if v <= 68 => Some(2000 + v),
        2 => Some(1900 + v),
        _ => None,
    }
}

/// A small plain number at token `k` (digits or words, at most `max`) and the token after it.
fn small(s: &Stream<'_>, k: usize, max: u32) -> Option<(u32, usize)> {
    let t = s.toks.get(k)?;
    if t.num == Some(Shape::Digits) {
        let v: u32 = t.s.parse().ok()?;
        return (t.s.len() <= 2 && (1..=max).contains(&v)).then_some((v, k + 1));
    }
    let (v, e) = words_number(s, k)?;
    (v.fract() == 0.0 && v >= 1.0 && v <= f64::from(max)).then_some((v as u32, e))
}

/// A month after `tháng` at `k`: digits, `mười một`, `ba`, `giêng`, `chạp`, `tư`.
fn month(s: &Stream<'_>, k: usize) -> Option<(u32, usize)> {
    if let Some((v, e)) = small(s, k, 12) {
        return Some((v, e));
    }
    lexicon::month_word(s.w(k)).map(|m| (m, k + 1))
}

/// A year at `k` after `năm`, `của năm`, `/`, `-` or `,`: the year and the token after it.
fn year_after(s: &Stream<'_>, k: usize) -> Option<(i32, usize)> {
    let mut j = k;
    if s.w(j) == "," {
        j += 1;
    }
    if s.w(j) == "của" {
        j += 1;
    }
    let sep = s.toks.get(j)?;
    let glued_sep = matches!(sep.s, "/" | "-" | ".");
    if !(s.w(j) == "năm" || glued_sep) {
        return None;
    }
    let y = s.toks.get(j + 1)?;
    if y.num != Some(Shape::Digits) {
        return None;
    }
    let year = if glued_sep {
        full_year(y.s)?
    } else {
        full_year(y.s).filter(|_| y.s.len() == 4)?
    };
    Some((year, j + 2))
}

fn date_hit(from: usize, to: usize, date: String, confidence: f32) -> Hit {
    let mut h = Hit::new(from, to, Kind::Date, None, confidence);
    h.reading = Reading::new(Kind::Date);
    h.reading.date = Some(date);
    h
}

fn ymd(y: Option<i32>, m: u32, d: u32) -> Option<String> {
    match y {
        Some(y) => valid_date(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}")),
        None => valid_date(2000, m, d).then(|| format!("--{m:02}-{d:02}")),
    }
}

/// `D tháng M [năm Y]` from the day at `i`: the date and the token after it.
fn day_tail(s: &Stream<'_>, i: usize) -> Option<(u32, u32, Option<i32>, usize)> {
    let (d, e) = small(s, i, 31)?;
    if s.w(e) != "tháng" {
        return None;
    }
    let (m, e) = month(s, e + 1)?;
    match year_after(s, e) {
        Some((y, e)) => Some((d, m, Some(y), e)),
        None => Some((d, m, None, e)),
    }
}

fn day_month_year(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    let dated = lexicon::is_day_word(prev);
    // `từ ngày 3 đến ngày 5 tháng 4 năm 2023`: the first day takes the month and year of the
    // second.
    if dated
        && let Some((d0, e0)) = small(s, i, 31)
        && matches!(s.w(e0), "đến" | "tới" | "-" | "–")
    {
        let mut k = e0 + 1;
        if lexicon::is_day_word(s.w(k)) {
            k += 1;
        }
        if let Some((d1, m, y, e)) = day_tail(s, k)
            && d0 < d1
        {
            let first = ymd(y, m, d0)?;
            let second = ymd(y, m, d1)?;
            return Some(vec![
                date_hit(i, e0, first, 0.9),
                date_hit(k, e, second, 0.95),
            ]);
        }
    }
    let (d, m, y, e) = day_tail(s, i)?;
    // `3 tháng 3` alone is a duration ("three months"); a day word or a year makes it a date.
    if !dated && y.is_none() {
        return None;
    }
    Some(vec![date_hit(i, e, ymd(y, m, d)?, 0.95)])
}

fn month_year(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    if i == 0 || s.w(i - 1) != "tháng" {
        return None;
    }
    let (m, e) = month(s, i)?;
    let (y, e) = year_after(s, e)?;
    Some(vec![date_hit(i, e, format!("{y:04}-{m:02}"), 0.95)])
}

fn quarter(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    if i == 0 || s.w(i - 1) != "quý" {
        return None;
    }
    let t = &s.toks[i];
    let (q, e) = match t.num {
        Some(Shape::Roman(v)) => (v, i + 1),
        Some(Shape::Digits) => (t.s.parse().ok()?, i + 1),
        _ => match s.w(i) {
            "nhất" => (1, i + 1),
            "tư" => (4, i + 1),
            _ => small(s, i, 4)?,
        },
    };
    if !(1..=4).contains(&q) {
        return None;
    }
    let (y, e) = year_after(s, e)?;
    Some(vec![date_hit(i, e, format!("{y:04}-Q{q}"), 0.95)])
}

/// Days from 1970-01-01 (proleptic Gregorian), for weekdays.
fn days(y: i32, m: u32, d: u32) -> i64 {
    let (y, m) = if m <= 2 {
        (i64::from(y) - 1, i64::from(m) + 9)
    } else {
        (i64::from(y), i64::from(m) - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn week_or_day_of_month(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    let head = s.w(i);
    if !matches!(head, "tuần" | "đầu") {
        return None;
    }
    // `tuần đầu tiên`, `tuần thứ hai`, `tuần thứ 2`; `ngày đầu tiên`.
    let (n, mut k) = if head == "đầu" {
        if !(i > 0 && s.w(i - 1) == "ngày" && s.w(i + 1) == "tiên") {
            return None;
        }
        (1, i + 2)
    } else if s.w(i + 1) == "đầu" && s.w(i + 2) == "tiên" {
        (1, i + 3)
    } else if s.w(i + 1) == "thứ" {
        let w = s.w(i + 2);
        let n = match lexicon::ordinal_word(w) {
            Some(n) => u32::from(n),
            None => small(s, i + 2, 5)?.0,
        };
        (n, i + 3)
    } else {
        return None;
    };
    if s.w(k) == "của" {
        k += 1;
    }
    if s.w(k) != "tháng" {
        return None;
    }
    let (m, e) = month(s, k + 1)?;
    let year = year_after(s, e);
    let end = year.map_or(e, |(_, e)| e);
    if head == "đầu" {
        let date = ymd(year.map(|(y, _)| y), m, 1)?;
        return Some(vec![date_hit(i, end, date, 0.9)]);
    }
    let (y, _) = year?;
    // The n-th week of a month is the one starting on its n-th Monday.
    let first = days(y, m, 1);
    let weekday = (first + 3).rem_euclid(7); // 0 = Monday (1970-01-01 was a Thursday).
    let day = 1 + (7 - weekday) % 7 + 7 * (i64::from(n) - 1);
    let d = u32::try_from(day).ok()?;
    valid_date(y, m, d).then_some(())?;
    let mut h = date_hit(i, end, format!("{y:04}-{m:02}-{d:02}"), 0.85);
    h.reading.unit = Some("tuần".into());
    Some(vec![h])
}

/// `12/ 10 /2017`, `12 /10/2017`, `12/10 /2017`: a date typed with stray spaces around its
/// slashes (the scanner cuts it where the space is).
fn spaced_slash_date(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    let t = &s.toks;
    // The parts as digit strings, whichever pieces the scanner made of them.
    let mut parts: Vec<&str> = Vec::new();
    let mut k = i;
    let mut spaced = false;
    while parts.len() < 3 {
        let tok = t.get(k)?;
        match tok.num {
            Some(Shape::Digits) => parts.push(tok.s),
            Some(Shape::Slash) => parts.extend(tok.s.split('/')),
            _ => return None,
        }
        spaced |= k > i && !s.glued(k);
        k += 1;
        if parts.len() < 3 {
            if t.get(k).is_none_or(|x| x.s != "/") {
                return None;
            }
            spaced |= !s.glued(k);
            k += 1;
        }
    }
    let [d, m, y] = parts[..] else { return None };
    if !spaced || d.len() > 2 || m.len() > 2 || y.len() != 4 || k - i < 3 {
        return None;
    }
    let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, full_year(y)?);
    Some(vec![date_hit(i, k, ymd(Some(y), m, d)?, 0.85)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn dates(t: &str) -> Vec<(String, Option<String>)> {
        extract(t)
            .into_iter()
            .map(|f| (f.text, f.reading.date))
            .collect()
    }

    fn one(t: &str) -> String {
        let d = dates(t);
        assert_eq!(d.len(), 1, "{t}: {d:?}");
        d[0].1.clone().unwrap_or_default()
    }

    #[test]
    fn long_dates() {
        assert_eq!(one("ngày 12 tháng 10 năm 2017"), "2017-10-12");
        assert_eq!(one("12 tháng 10 năm 2017"), "2017-10-12");
        assert_eq!(one("ngày mồng 3 tháng 3 năm 2017"), "2017-03-03");
        assert_eq!(one("mồng 3 tháng ba"), "--03-03");
        assert_eq!(one("ngày 7 tháng ba"), "--03-07");
        assert_eq!(one("tháng mười năm 2017"), "2017-10");
        assert_eq!(one("ngày 20 tháng mười một năm 2022"), "2022-11-20");
    }

    #[test]
    fn quarters_weeks_and_spans() {
        assert_eq!(one("quý 4 năm 2018"), "2018-Q4");
        assert_eq!(one("quý 4 của năm 2018"), "2018-Q4");
        assert_eq!(one("trong quý IV/2023"), "2023-Q4");
        assert_eq!(one("quý tư năm 2020"), "2020-Q4");
        assert_eq!(one("tuần đầu tiên của tháng 9 năm 2017"), "2017-09-04");
        assert_eq!(one("ngày đầu tiên của tháng 3"), "--03-01");
        assert_eq!(
            dates("từ ngày 3 đến ngày 5 tháng 4 năm 2023"),
            [
                ("3".to_string(), Some("2023-04-03".to_string())),
                (
                    "5 tháng 4 năm 2023".to_string(),
                    Some("2023-04-05".to_string())
                )
            ]
        );
        assert_eq!(one("ký ngày 12/ 10 /2017"), "2017-10-12");
        assert_eq!(one("ký ngày 12 /10/2017"), "2017-10-12");
        assert_eq!(one("ký ngày 12/10 /2017"), "2017-10-12");
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(full_year("91"), Some(1991));
        assert_eq!(full_year("17"), Some(2017));
        assert_eq!(one("3/9/91"), "1991-09-03");
        assert_eq!(one("3/3/17"), "2017-03-03");
    }

    #[test]
    fn a_duration_is_not_a_date() {
        let d = dates("học 3 tháng 3 lớp");
        assert!(d.iter().all(|(_, d)| d.is_none()), "{d:?}");
    }

    #[test]
    fn weekdays_are_monday_based() {
        // 2017-09-01 was a Friday: the first Monday is the 4th.
        assert_eq!((days(2017, 9, 1) + 3).rem_euclid(7), 4);
    }
}

//! What an officer types or selects, read as data: a first reading for a selected span, and
//! dates as they are typed (`22/02/2019`) checked against the calendar.

use crate::extract::number::parse_user_value;
use crate::model::{Kind, Reading};

/// A first reading for a span the officer added: its kind from its shape, its value parsed.
pub fn guess_reading(span: &str) -> Reading {
    let t = span.trim();
    let kind = if t.ends_with('%') {
        Kind::Percent
    } else if let Some(d) = parse_date(t) {
        let mut r = Reading::new(Kind::Date);
        r.date = Some(d);
        return r;
    } else if t.len() == 4 && t.parse::<i32>().is_ok_and(crate::numbers::is_year) {
        Kind::Year
    } else if t.contains('/') {
        Kind::Ratio
    } else if crate::extract::number::roman_value(t).is_some() {
        Kind::Roman
    } else {
        Kind::Count
    };
    let mut r = Reading::new(kind);
    // Take the number part: the first run of digits and separators (a span may include words).
    r.value = parse_user_value(t).ok().or_else(|| {
        let num: String = t
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/'))
            .collect();
        parse_user_value(num.trim_end_matches(['.', ',', '/'])).ok()
    });
    if kind == Kind::Year {
        r.year = r.value.map(|v| v as i32);
    }
    r
}

/// Parses a date as an officer types it: `22/02/2019`, `2019-02-22`, `02/2019`, `2019-02`.
/// Returns `YYYY-MM-DD` / `YYYY-MM`; `None` when it is not a date shape.
pub fn parse_date(s: &str) -> Option<String> {
    if let Some(q) = quarter(s) {
        return Some(q);
    }
    let parts: Vec<&str> = s.trim().split(['/', '-', '.']).collect();
    if parts.is_empty()
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [d, m, y] if y.len() == 4 => Some(format!("{y}-{:02}-{:02}", num(m)?, num(d)?)),
        [y, m, d] if y.len() == 4 => Some(format!("{y}-{:02}-{:02}", num(m)?, num(d)?)),
        [m, y] if y.len() == 4 && m.len() <= 2 => Some(format!("{y}-{:02}", num(m)?)),
        [y, m] if y.len() == 4 && m.len() <= 2 => Some(format!("{y}-{:02}", num(m)?)),
        _ => None,
    }
}

/// A quarter as typed or stored (`2018-Q4`, `Q4/2018`, `quý 4/2018`) as `YYYY-Qn`, the form
/// the extractor writes for `quý IV/2018`.
fn quarter(s: &str) -> Option<String> {
    let t = s.trim().to_lowercase();
    let (year, q) = if let Some((y, q)) = t.split_once("-q") {
        (y.trim(), q.trim())
    } else {
        let (q, y) = t.split_once('/')?;
        let q = q.trim();
        let q = q
            .strip_prefix("quý")
            .or_else(|| q.strip_prefix("q"))?
            .trim();
        (y.trim(), q)
    };
    let q = match q {
        "1" | "i" => 1,
        "2" | "ii" => 2,
        "3" | "iii" => 3,
        "4" | "iv" => 4,
        _ => return None,
    };
    let y: i32 = year.parse().ok()?;
    (year.len() == 4 && crate::numbers::valid_date(y, 1, 1)).then(|| format!("{y}-Q{q}"))
}

/// Checks a stored date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn` or `--MM-DD`) is real.
pub fn check_date(d: &str) -> Result<(), String> {
    let bad = || Err(format!("Ngày “{d}” không hợp lệ"));
    if d.contains('Q') {
        return match quarter(d) {
            Some(q) if q == d => Ok(()),
            _ => bad(),
        };
    }
    let parts: Vec<&str> = d.split('-').collect();
    let (y, m, day) = match parts.as_slice() {
        [y, m, dd] => (
            y.parse::<i32>().ok(),
            m.parse::<u32>().ok(),
            dd.parse::<u32>().ok(),
        ),
        [y, m] => (y.parse().ok(), m.parse().ok(), Some(1)),
        ["", "", m, dd] => (Some(2000), m.parse().ok(), dd.parse().ok()),
        _ => return bad(),
    };
    match (y, m, day) {
        (Some(y), Some(m), Some(dd)) if crate::numbers::valid_date(y, m, dd) => Ok(()),
        _ => bad(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters() {
        assert_eq!(parse_date("2018-Q4").as_deref(), Some("2018-Q4"));
        assert_eq!(parse_date("quý IV/2023").as_deref(), Some("2023-Q4"));
        assert_eq!(parse_date("Q2/2021").as_deref(), Some("2021-Q2"));
        assert_eq!(parse_date("2018-Q5"), None);
        assert!(check_date("2018-Q4").is_ok());
        assert!(check_date("2018-Q0").is_err());
        assert!(check_date("18-Q1").is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("22/02/2019").as_deref(), Some("2019-02-22"));
        assert!(check_date("2019-02-31").is_err());
        assert!(check_date("2019-02-28").is_ok());
        assert!(check_date("--02-29").is_ok());
    }
}

//! Writing numbers and telling years and dates apart: the one Vietnamese number formatter
//! (`22.400`, `97,2`), the one plain formatter for files a spreadsheet reads (`22400`, `97.2`),
//! the one range of plausible years and the one calendar check. Reading numbers is grammar and
//! lives in `extract::number` (digits, Roman numerals, what an officer types) and
//! `extract::rules` (numbers in words).

/// The first and last year a figure or an article date can plausibly name.
pub const FIRST_YEAR: i32 = 1900;
/// See [`FIRST_YEAR`].
pub const LAST_YEAR: i32 = 2100;

/// Whether `y` (of any numeric type) is a plausible year, `FIRST_YEAR..=LAST_YEAR`.
pub fn is_year(y: impl Into<f64>) -> bool {
    let y = y.into();
    y.fract() == 0.0 && (f64::from(FIRST_YEAR)..=f64::from(LAST_YEAR)).contains(&y)
}

/// True for a real calendar date of a plausible year (leap years included).
pub fn valid_date(y: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    is_year(y) && d >= 1 && d <= days
}

/// A number as a spreadsheet or a program reads it: no grouping, `.` for decimals, no exponent,
/// no trailing `.0` (`22400`, `97.2`).
pub fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A number the Vietnamese way: `.` groups thousands, `,` marks decimals (`22.400`, `97,2`,
/// `-1.200.000`); empty for NaN and infinities.
pub fn vi(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = plain(v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if v < 0.0 {
        out.push('-');
    }
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `v` rounded to two decimals: how a message quotes a computed share or difference.
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(vi(22400.0), "22.400");
        assert_eq!(vi(97.2), "97,2");
        assert_eq!(vi(-1_200_000.0), "-1.200.000");
        assert_eq!(vi(0.5), "0,5");
        assert_eq!(vi(f64::NAN), "");
        assert_eq!(vi(22400.0), "22.400");
        assert_eq!(vi(97.2), "97,2");
        assert_eq!(vi(1902995.0), "1.902.995");
        assert_eq!(vi(-5.5), "-5,5");
        assert_eq!(vi(69.0), "69");
        assert_eq!(plain(22400.0), "22400");
        assert_eq!(plain(97.2), "97.2");
        assert_eq!(round2(57.199999), 57.2);
    }

    #[test]
    fn years_and_dates() {
        assert!(is_year(2023) && is_year(1900u32) && !is_year(1899) && !is_year(2023.5));
        assert!(valid_date(2024, 2, 29) && !valid_date(2023, 2, 29) && !valid_date(2023, 13, 1));
        assert!(!valid_date(1800, 1, 1));
    }
}

//! Reading the digits of a number: Vietnamese (`22.400`, `97,2`) and English (`1,902,995`)
//! separators, and Roman numerals.

/// How an article writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// `22.400` thousands, `97,2` decimals (vi-VN).
    #[default]
    Vietnamese,
    /// `1,902,995` thousands, `97.2` decimals.
    English,
}

/// A number read from its digits, with how sure the reading is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    /// The value.
    pub value: f64,
    /// True when the value has a decimal part as written.
    pub decimal: bool,
    /// 0..1: low when the separator could be read both ways (`1.234`, `22,377`).
    pub confidence: f32,
}

/// Reads a run of digits joined by `.` and `,` (no other characters). `style` decides a lone
/// separator followed by exactly three digits; `prefer_decimal` says the context wants a
/// fraction (a percentage) rather than thousands. Returns `None` for malformed groupings such as
/// `9,7,2`.
pub fn parse_grouped(s: &str, style: Style, prefer_decimal: bool) -> Option<Parsed> {
    let seps: Vec<(usize, u8)> = s
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'.' || *b == b',')
        .collect();
    let digits = |t: &str| -> String { t.chars().filter(|c| c.is_ascii_digit()).collect() };
    let int = |t: &str| -> Option<f64> { digits(t).parse::<f64>().ok() };
    if seps.is_empty() {
        return Some(Parsed {
            value: int(s)?,
            decimal: false,
            confidence: 1.0,
        });
    }
    let dots = seps.iter().filter(|(_, b)| *b == b'.').count();
    let commas = seps.len() - dots;
    let groups: Vec<&str> = s.split(['.', ',']).collect();
    if dots > 0 && commas > 0 {
        // Both: the last separator is the decimal mark, the others group thousands.
        let (last_i, last_b) = *seps.last()?;
        if seps[..seps.len() - 1].iter().any(|(_, b)| *b == last_b) {
            return None;
        }
        if !thousands_groups(&groups[..groups.len() - 1]) {
            return None;
        }
        let v: f64 = format!("{}.{}", digits(&s[..last_i]), &s[last_i + 1..])
            .parse()
            .ok()?;
        return Some(Parsed {
            value: v,
            decimal: true,
            confidence: 0.95,
        });
    }
    let sep = seps[0].1;
    if seps.len() > 1 {
        // Repeated separator: only thousands grouping makes sense.
        if !thousands_groups(&groups) {
            return None;
        }
        return Some(Parsed {
            value: int(s)?,
            decimal: false,
            confidence: if (sep == b'.') == (style == Style::Vietnamese) {
                0.98
            } else {
                0.9
            },
        });
    }
    let (left, right) = (groups[0], groups[1]);
    let as_decimal = || -> Option<f64> { format!("{left}.{right}").parse().ok() };
    if right.len() != 3 || left.len() > 3 || left.starts_with('0') {
        // Not a thousands group: a decimal mark (`97,2`, `3.5`).
        return Some(Parsed {
            value: as_decimal()?,
            decimal: true,
            confidence: if sep == b',' { 0.97 } else { 0.8 },
        });
    }
    // `1.234` / `22,377`: the article's style decides; a percentage wants a fraction.
    let thousands = match (sep, style) {
        (b'.', Style::Vietnamese) => true,
        (b',', Style::English) => true,
        (b',', Style::Vietnamese) => !prefer_decimal,
        _ => false,
    };
    if thousands {
        Some(Parsed {
            value: int(s)?,
            decimal: false,
            confidence: 0.7,
        })
    } else {
        Some(Parsed {
            value: as_decimal()?,
            decimal: true,
            confidence: 0.6,
        })
    }
}

fn thousands_groups(groups: &[&str]) -> bool {
    !groups.is_empty()
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// The value of a Roman numeral in canonical form (`XII` → 12), `None` otherwise.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let val = |c: u8| -> Option<i64> {
        match c {
            b'I' => Some(1),
            b'V' => Some(5),
            b'X' => Some(10),
            b'L' => Some(50),
            b'C' => Some(100),
            b'D' => Some(500),
            b'M' => Some(1000),
            _ => None,
        }
    };
    let b = s.as_bytes();
    let mut total: i64 = 0;
    for i in 0..b.len() {
        let v = val(b[i])?;
        let next = if i + 1 < b.len() { val(b[i + 1])? } else { 0 };
        if v < next {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok()?;
    // Subtraction may make a non-canonical string look valid (`IIX`): accept only the canonical
    // spelling of the value.
    (total > 0 && total < 4000 && to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const T: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in T {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Parses a number as an officer types it in the editor: `22.400`, `97,2`, `1,902,995`,
/// `16/172`, `XII`. Errors are Vietnamese messages.
pub fn parse_user_value(s: &str) -> Result<f64, String> {
    let t = s.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Err("Chưa nhập giá trị".into());
    }
    // A value is one number or one fraction `a/b`; each part is read without recursion, so a
    // pasted run of thousands of slashes is an error, not a stack overflow.
    let mut parts = t.splitn(3, '/');
    let first = parts.next().unwrap_or_default();
    match (parts.next(), parts.next()) {
        (None, _) => parse_user_number(first, s),
        (Some(b), None) => {
            let a = parse_user_number(first, s)?;
            let b = parse_user_number(b, s)?;
            if b == 0.0 {
                return Err("Mẫu số bằng 0".into());
            }
            Ok(a / b)
        }
        (Some(_), Some(_)) => Err(format!(
            "“{}” có nhiều hơn một dấu /",
            crate::text::ellipsize(s, 40)
        )),
    }
}

/// One number as typed: a Roman numeral, or digits with Vietnamese grouping, maybe negative.
fn parse_user_number(part: &str, whole: &str) -> Result<f64, String> {
    let t = part.trim();
    if let Some(v) = roman_value(t) {
        return Ok(f64::from(v));
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim()),
        None => (false, t),
    };
    let shown = crate::text::ellipsize(whole, 40);
    if body.is_empty()
        || !body
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
        || !body.as_bytes()[0].is_ascii_digit()
        || !body.as_bytes()[body.len() - 1].is_ascii_digit()
    {
        return Err(format!("“{shown}” không phải là một số"));
    }
    match parse_grouped(body, Style::Vietnamese, true) {
        Some(p) => Ok(if neg { -p.value } else { p.value }),
        None => Err(format!("“{shown}”: dấu phân cách không hợp lệ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_values_with_many_slashes_are_an_error_not_a_stack_overflow() {
        let long = vec!["1"; 20_000].join("/");
        assert!(parse_user_value(&long).is_err());
        assert_eq!(
            parse_user_value("16/172").map(|v| (v * 1000.0).round()),
            Ok(93.0)
        );
        assert_eq!(parse_user_value("-3/4"), Ok(-0.75));
        assert!(parse_user_value("1/0").is_err());
        assert_eq!(parse_user_value("XII"), Ok(12.0));
    }

    fn v(s: &str, style: Style) -> Option<f64> {
        parse_grouped(s, style, false).map(|p| p.value)
    }

    #[test]
    fn vietnamese_and_english_grouping() {
        assert_eq!(v("22.400", Style::Vietnamese), Some(22400.0));
        assert_eq!(v("97,2", Style::Vietnamese), Some(97.2));
        assert_eq!(v("97,53", Style::Vietnamese), Some(97.53));
        assert_eq!(v("1,902,995", Style::Vietnamese), Some(1902995.0));
        assert_eq!(v("1.902.995", Style::Vietnamese), Some(1902995.0));
        assert_eq!(v("22,377", Style::English), Some(22377.0));
        assert_eq!(v("1.234,5", Style::Vietnamese), Some(1234.5));
        assert_eq!(v("1,234.5", Style::Vietnamese), Some(1234.5));
        assert_eq!(v("01", Style::Vietnamese), Some(1.0));
        assert_eq!(v("9,7,2", Style::Vietnamese), None);
    }

    #[test]
    fn ambiguous_separators_have_low_confidence() {
        let p = parse_grouped("1.234", Style::Vietnamese, false);
        assert!(p.is_some_and(|p| p.value == 1234.0 && p.confidence < 0.8));
    }

    #[test]
    fn romans() {
        assert_eq!(roman_value("XII"), Some(12));
        assert_eq!(roman_value("XX"), Some(20));
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("IIX"), None);
        assert_eq!(roman_value("HC"), None);
    }

    #[test]
    fn user_values() {
        assert_eq!(parse_user_value("22.400"), Ok(22400.0));
        assert_eq!(parse_user_value("97,2"), Ok(97.2));
        assert_eq!(parse_user_value("97,2%"), Ok(97.2));
        assert!(parse_user_value("9,7,2").is_err());
        assert!(parse_user_value("abc").is_err());
        assert!(parse_user_value("").is_err());
        assert_eq!(parse_user_value("XII"), Ok(12.0));
    }
}

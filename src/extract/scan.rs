//! The first pass: every run of digits (with its inner `.`, `,`, `/`, `:`) and every Roman
//! numeral word, as byte ranges. Nothing is classified here.

use super::number::roman_value;

/// The shape of a raw token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Digits, possibly grouped by `.` and `,`.
    Digits,
    /// Digits joined by `/` (and maybe `.`/`,` inside the parts).
    Slash,
    /// Digits joined by `:` (times, scores).
    Colon,
    /// A Roman numeral word, with its value.
    Roman(u32),
}

/// A number-like run of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its shape.
    pub shape: Shape,
}

fn is_roman_letter(b: u8) -> bool {
    matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M')
}

/// The character ending just before byte `i`.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character starting at byte `i`.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Finds every raw token, in order, without overlaps.
pub fn scan(text: &str) -> Vec<Raw> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c.is_ascii_digit() {
            let start = i;
            let mut has_slash = false;
            let mut has_colon = false;
            while i < n && b[i].is_ascii_digit() {
                i += 1;
            }
            while i + 1 < n
                && matches!(b[i], b'.' | b',' | b'/' | b':')
                && b[i + 1].is_ascii_digit()
            {
                has_slash |= b[i] == b'/';
                has_colon |= b[i] == b':';
                i += 1;
                while i < n && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let shape = if has_slash {
                Shape::Slash
            } else if has_colon {
                Shape::Colon
            } else {
                Shape::Digits
            };
            out.push(Raw {
                start,
                end: i,
                shape,
            });
            continue;
        }
        if is_roman_letter(c) && !char_before(text, i).is_some_and(|p| p.is_alphanumeric()) {
            let start = i;
            let mut j = i;
            while j < n && is_roman_letter(b[j]) {
                j += 1;
            }
            let ends_word = !char_at(text, j).is_some_and(|p| p.is_alphanumeric());
            if ends_word && let Some(v) = roman_value(&text[start..j]) {
                out.push(Raw {
                    start,
                    end: j,
                    shape: Shape::Roman(v),
                });
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// Where a `%` right after byte `end` (or after one space) ends.
pub fn percent_end(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, '%')) => Some(end + 1),
        Some((_, c)) if c == ' ' || c == '\u{a0}' || c == '\u{202f}' => match chars.next() {
            Some((k, '%')) => Some(end + k + 1),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(t: &str) -> Vec<(&str, Shape)> {
        scan(t)
            .into_iter()
            .map(|r| (&t[r.start..r.end], r.shape))
            .collect()
    }

    #[test]
    fn finds_numbers_and_romans() {
        let t = "hơn 22.400 cán bộ, 97,2%, 16/172 khóa XII, lúc 07:30. Năm 2020.";
        assert_eq!(
            shapes(t),
            [
                ("22.400", Shape::Digits),
                ("97,2", Shape::Digits),
                ("16/172", Shape::Slash),
                ("XII", Shape::Roman(12)),
                ("07:30", Shape::Colon),
                ("2020", Shape::Digits),
            ]
        );
    }

    #[test]
    fn roman_only_as_whole_words() {
        assert!(scan("UBND HĐND MTTQ CN-TTCN TCLLCT-HC").is_empty());
        assert_eq!(scan("SARS-CoV-2").len(), 1);
    }
}

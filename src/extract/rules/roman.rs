//! Roman numerals: `khóa XII`, `Đại hội … lần thứ XX`, `Quý I`, `Hội nghị Trung ương IV`;
//! capitals that only look like one (`CC`, `MC`, `VI PHẠM` in a heading) are not figures.

use super::digits::reading;
use crate::extract::around::Around;
use crate::extract::words::{ends_with_phrase, is_all_caps};
use crate::model::{Kind, Reading};

/// Words before a Roman numeral that make it one (`khóa XII`, `lần thứ XX`, `Quý I`).
const ROMAN_BEFORE: &[&str] = &[
    "khóa", "thứ", "quý", "phần", "chương", "mục", "kỳ", "kỷ", "đoạn", "lần", "hội", "nghị",
    "ương", "tập", "số", "loại", "hạng", "cấp", "bậc", "vùng", "đợt", "lớp", "(", "kì",
];

/// Two-word nouns whose last word is in [`ROMAN_BEFORE`], named whole as a Roman's unit.
const ROMAN_TWO_WORD_NOUNS: &[&str] = &[
    "đại hội",
    "hội nghị",
    "trung ương",
    "thế kỷ",
    "học kỳ",
    "nhiệm kỳ",
    "giai đoạn",
];

/// Valid Roman numerals that are far more often abbreviations.
const ROMAN_ABBREVIATIONS: &[&str] = &[
    "CD", "CV", "DC", "MC", "MD", "DI", "LI", "MI", "CM", "DM", "ML", "MV", "LV", "CC", "CCC",
    "CL", "DL", "XL", "XXL", "MIX", "CIV", "DIV", "MCC",
];

/// The Roman numeral `s` of value `v`: its reading, `None` for a word that only looks like one.
pub fn roman(s: &str, v: u32, a: &Around<'_>) -> Option<Reading> {
    let prev = a.prev().unwrap_or("");
    let contextual = ROMAN_BEFORE.contains(&prev);
    if !contextual {
        if s.len() == 1 || ROMAN_ABBREVIATIONS.contains(&s) {
            return None;
        }
        // Inside a heading in capitals (`VI PHẠM`), a Roman-looking word is a syllable.
        let caps_prev = a.before.last().is_some_and(|t| t.word && is_all_caps(t.s));
        let caps_next = a.after.first().is_some_and(|t| t.word && is_all_caps(t.s));
        if caps_prev || caps_next {
            return None;
        }
    }
    let mut r = reading(Kind::Roman, Some(f64::from(v)));
    r.unit = if prev == "thứ" || prev == "lần" {
        // `Đại hội … lần thứ XX`: the event counted.
        let clause = a.clause_before();
        ["đại hội", "hội nghị", "kỳ họp"]
            .iter()
            .find_map(|ev| {
                let parts: Vec<&str> = ev.split(' ').collect();
                clause
                    .windows(parts.len())
                    .rposition(|w| w.iter().zip(&parts).all(|(x, y)| x == y))
                    .map(|k| {
                        let off = a.bf.len() - clause.len() + k;
                        a.before[off..off + parts.len()]
                            .iter()
                            .map(|t| t.s)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
            })
            .or(Some("lần".into()))
    } else if contextual && prev != "(" {
        // A two-word noun (`Đại hội XII`, `Hội nghị Trung ương IV`) is named whole.
        let two = a.bf.len() >= 2
            && a.before.len() >= 2
            && ROMAN_TWO_WORD_NOUNS
                .iter()
                .any(|n| ends_with_phrase(&a.bf, n));
        let take = if two { 2 } else { 1 };
        let from = a.before.len().saturating_sub(take);
        Some(
            a.before[from..]
                .iter()
                .map(|t| t.s)
                .collect::<Vec<_>>()
                .join(" "),
        )
    } else {
        None
    };
    Some(r)
}

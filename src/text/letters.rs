//! The Vietnamese letters as data: 12 vowels × 6 tones (in both cases) plus đ/Đ.
//!
//! Every legacy table in [`crate::load::legacy`], its syllable check and the tone placement of
//! [`super::fold`] are built from this one table, so a letter fixed here is fixed everywhere.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The 12 vowels, in the order used by every table of this module.
pub(crate) const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// Index of each vowel in [`VOWELS`], named for the tables in `legacy`.
pub(crate) mod v {
    pub const A: usize = 0;
    pub const A_BREVE: usize = 1;
    pub const A_CIRC: usize = 2;
    pub const E: usize = 3;
    pub const E_CIRC: usize = 4;
    pub const I: usize = 5;
    pub const O: usize = 6;
    pub const O_CIRC: usize = 7;
    pub const O_HORN: usize = 8;
    pub const U: usize = 9;
    pub const U_HORN: usize = 10;
    pub const Y: usize = 11;
}

/// Tone indices: 0 none (ngang), 1 grave (huyền), 2 hook (hỏi), 3 tilde (ngã), 4 acute (sắc),
/// 5 dot below (nặng). This is the order of the TCVN3 table.
pub(crate) const TONES: usize = 6;

/// Lowercase forms, one row per vowel of [`VOWELS`], one column per tone.
const LOWER: [&str; 12] = [
    "aàảãáạ",
    "ăằẳẵắặ",
    "âầẩẫấậ",
    "eèẻẽéẹ",
    "êềểễếệ",
    "iìỉĩíị",
    "oòỏõóọ",
    "ôồổỗốộ",
    "ơờởỡớợ",
    "uùủũúụ",
    "ưừửữứự",
    "yỳỷỹýỵ",
];

/// `[case][vowel][tone]`, case 0 lower, 1 upper.
static TABLE: LazyLock<[[[char; TONES]; 12]; 2]> = LazyLock::new(|| {
    let mut t = [[['?'; TONES]; 12]; 2];
    for (v, row) in LOWER.iter().enumerate() {
        for (tone, c) in row.chars().enumerate().take(TONES) {
            t[0][v][tone] = c;
            t[1][v][tone] = c.to_uppercase().next().unwrap_or(c);
        }
    }
    t
});

/// From a vowel letter to `(vowel index, tone, uppercase)`.
static ANALYZE: LazyLock<HashMap<char, (usize, usize, bool)>> = LazyLock::new(|| {
    let mut m = HashMap::with_capacity(2 * 12 * TONES);
    for (case, rows) in TABLE.iter().enumerate() {
        for (vi, row) in rows.iter().enumerate() {
            for (tone, &c) in row.iter().enumerate() {
                m.insert(c, (vi, tone, case == 1));
            }
        }
    }
    m
});

/// The vowel letter with the given vowel index, tone and case.
pub(crate) fn compose(vowel: usize, tone: usize, upper: bool) -> char {
    TABLE[usize::from(upper)][vowel % 12][tone % TONES]
}

/// `(vowel index, tone, uppercase)` of a Vietnamese vowel letter (NFC), `None` for any other
/// character (consonants, đ, foreign letters).
pub(crate) fn analyze(c: char) -> Option<(usize, usize, bool)> {
    ANALYZE.get(&c).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_144_distinct_vowel_letters() {
        assert_eq!(ANALYZE.len(), 144);
        assert_eq!(compose(v::E_CIRC, 5, false), 'ệ');
        assert_eq!(compose(v::E_CIRC, 5, true), 'Ệ');
        assert_eq!(compose(v::U_HORN, 4, true), 'Ứ');
        assert_eq!(analyze('Ỵ'), Some((v::Y, 5, true)));
        assert_eq!(analyze('đ'), None);
        for (i, &vowel) in VOWELS.iter().enumerate() {
            assert_eq!(compose(i, 0, false), vowel);
        }
    }

    #[test]
    fn tones_follow_the_documented_order() {
        // The combining marks of each tone, in the order of the table.
        let marks = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];
        use unicode_normalization::UnicodeNormalization;
        for (vi, &base) in VOWELS.iter().enumerate() {
            for (t, m) in marks.iter().enumerate() {
                let composed: String = [base, *m].iter().collect::<String>().nfc().collect();
                assert_eq!(composed, compose(vi, t + 1, false).to_string());
            }
        }
    }
}

//! Folding: the keys under which Vietnamese words are compared. One base, [`fold`] (lower case,
//! tone marks where the modern convention puts them), and named variants for the callers that
//! really need another key: [`unmarked`] for what an officer types without marks, [`spaced`] for
//! names written with stray spaces, [`fold_yi`] for the two spellings of `lý`/`lí`.

use super::letters::{self, v};
use unicode_normalization::UnicodeNormalization;

/// Lower case and "is a letter or digit" for U+00C0..U+1FFF (Latin-1 to Latin Extended
/// Additional, where every Vietnamese letter lives), looked up instead of searched.
static LATIN: std::sync::LazyLock<Vec<(char, bool)>> = std::sync::LazyLock::new(|| {
    (0xC0u32..0x2000)
        .map(|u| match char::from_u32(u) {
            Some(c) => (c.to_lowercase().next().unwrap_or(c), c.is_alphanumeric()),
            None => ('\u{FFFD}', false),
        })
        .collect()
});

/// True for a letter or digit (fast for ASCII and Vietnamese letters).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if (0xC0..0x2000).contains(&(c as u32)) {
        LATIN[c as usize - 0xC0].1
    } else {
        c.is_alphanumeric()
    }
}

/// The lower case of a character (one character; fast for ASCII and Vietnamese letters).
#[inline]
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if (0xC0..0x2000).contains(&(c as u32)) {
        LATIN[c as usize - 0xC0].0
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// A lower-case `a`, `e` or `y` with a tone mark, as `(vowel, tone)` of the letter table: the
/// vowels after which an old-style spelling puts the mark (`khoá`, `uỷ`).
fn movable_tone(c: char) -> Option<(usize, usize)> {
    // Toned letters are never ASCII: most letters after `o`/`u` skip the table lookup.
    if c.is_ascii() {
        return None;
    }
    letters::analyze(c)
        .filter(|&(vowel, tone, upper)| tone > 0 && !upper && matches!(vowel, v::A | v::E | v::Y))
        .map(|(vowel, tone, _)| (vowel, tone))
}

/// Lowercases and puts tone marks where the modern convention puts them (`khoá` → `khóa`,
/// `uỷ` → `ủy`, `hoà` → `hòa`), so that both spellings match one rule.
pub fn fold(s: &str) -> String {
    let mut lower = String::with_capacity(s.len());
    let mut needs_tone_fix = false;
    let mut prev = ' ';
    for c in s.chars() {
        let l = lower_char(c);
        needs_tone_fix |= (prev == 'o' || prev == 'u') && movable_tone(l).is_some();
        lower.push(l);
        prev = l;
    }
    if !needs_tone_fix {
        return lower;
    }
    let chars: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(lower.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == 'o' || c == 'u') && i + 1 < chars.len() {
            let next = chars[i + 1];
            // Only at the end of the syllable: "oá" + consonant ("hoán") keeps its mark.
            let at_end = chars.get(i + 2).is_none_or(|c| !c.is_alphabetic());
            // In `qu` the `u` is part of the consonant: `quý`, `quỹ` keep their mark on the `y`.
            let after_q = c == 'u' && i > 0 && chars[i - 1] == 'q';
            if at_end
                && !after_q
                && let Some((vowel, tone)) = movable_tone(next)
                && ((c == 'o' && vowel != v::Y) || (c == 'u' && vowel == v::Y))
            {
                out.push(letters::compose(
                    if c == 'o' { v::O } else { v::U },
                    tone,
                    false,
                ));
                out.push(letters::compose(vowel, 0, false));
                i += 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A folded word: borrowed from the text when folding changes nothing (the common case), so
/// looking at the words around a number allocates little.
pub type Word<'a> = std::borrow::Cow<'a, str>;

/// Folds a word, borrowing it when it is already folded.
pub fn fold_word(s: &str) -> Word<'_> {
    let mut prev = ' ';
    let unchanged = s.chars().all(|c| {
        let l = lower_char(c);
        let keep = l == c && !((prev == 'o' || prev == 'u') && movable_tone(l).is_some());
        prev = l;
        keep
    });
    if unchanged {
        Word::Borrowed(s)
    } else {
        Word::Owned(fold(s))
    }
}

/// [`fold`] without any mark, `đ` as `d`: the key of a search box, where officers often type
/// `chau thanh` for `Châu Thành`.
pub fn unmarked(s: &str) -> String {
    fold(s)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// [`fold`] with runs of white space as one space and none at the ends (`Đất  Đỏ` = `đất đỏ`):
/// the key of a name typed or copied by hand.
pub fn spaced(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`fold`] with a syllable whose only vowel is a final `y` spelled with `i` (`lý`/`lí`,
/// `sỹ`/`sĩ`, `kỹ`/`kĩ`, `quy`/`qui`), for a word: the key of the indicator phrases, which
/// officers spell both ways.
pub fn fold_yi(word: &str) -> String {
    let w = fold(word);
    let Some(last) = w.chars().last() else {
        return w;
    };
    let Some((v::Y, tone, false)) = letters::analyze(last) else {
        return w;
    };
    let init = &w[..w.len() - last.len_utf8()];
    let consonants = !init.is_empty() && init.chars().all(|c| "bcdđghklmnprstvx".contains(c));
    if consonants || init == "qu" {
        let mut out = init.to_string();
        out.push(letters::compose(v::I, tone, false));
        out
    } else {
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_old_tone_placement() {
        assert_eq!(fold("khoá"), "khóa");
        assert_eq!(fold("Uỷ"), "ủy");
        assert_eq!(fold("hoà"), "hòa");
        assert_eq!(fold("thuỷ"), "thủy");
        assert_eq!(fold("hoán"), "hoán");
        assert_eq!(fold("khóa"), "khóa");
        // `qu` is one consonant: its `u` never takes the mark.
        assert_eq!(fold("Quý"), "quý");
        assert_eq!(fold("quỹ"), "quỹ");
        assert_eq!(fold_word("quý"), "quý");
    }

    #[test]
    fn variants() {
        assert_eq!(unmarked("Châu Thành Đức"), "chau thanh duc");
        assert_eq!(unmarked("khoá"), "khoa");
        assert_eq!(spaced("  Đất   Đỏ "), "đất đỏ");
        assert_eq!(fold_yi("Lý"), "lí");
        assert_eq!(fold_yi("kỹ"), "kĩ");
        assert_eq!(fold_yi("quy"), "qui");
        assert_eq!(fold_yi("tuy"), "tuy");
        assert_eq!(fold_yi("Uỷ"), "ủy");
        assert_eq!(fold_yi("y"), "y");
    }
}

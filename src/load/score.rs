//! How Vietnamese a decoded text looks: the measure used to choose between candidate encodings
//! of a file that is not UTF-8.
//!
//! ASCII decodes the same in every candidate, so only the words holding a non-ASCII character
//! count: +1 for each that is a valid Vietnamese syllable, −1 for each that is not. Non-ASCII
//! symbols outside the usual typographic ones (`§`, `¸`, `µ`…, which is what a TCVN3 file looks
//! like when read as Windows-1258) cost 1, control characters and U+FFFD cost 2.

use crate::text::letters::{self, VOWELS};

/// Initial consonants, longest first where one is a prefix of another.
const INITIALS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Final consonants (the semivowel finals i/y/o/u are part of the vowel groups).
const FINALS: [&str; 8] = ["ch", "ng", "nh", "c", "m", "n", "p", "t"];

/// Vowel groups (without tone) that can form the middle of a syllable.
const NUCLEI: [&str; 57] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ôô", "ua", "uâ", "uê",
    "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo",
    "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "uêu",
];

/// True if the word is one Vietnamese syllable (any case, NFC), checked by shape: an optional
/// initial consonant, a vowel group, an optional final consonant, at most one tone.
pub(crate) fn is_vietnamese_syllable(word: &str) -> bool {
    let mut plain = String::with_capacity(word.len());
    let mut tones = 0;
    for c in word.chars() {
        if let Some((vi, tone, _)) = letters::analyze(c) {
            tones += usize::from(tone > 0);
            plain.push(VOWELS[vi]);
        } else if c == 'đ' || c == 'Đ' {
            plain.push('đ');
        } else if c.is_ascii_alphabetic() {
            plain.push(c.to_ascii_lowercase());
        } else {
            return false;
        }
    }
    if tones > 1 || plain.is_empty() {
        return false;
    }
    let initials = std::iter::once("").chain(INITIALS.iter().copied());
    for init in initials.filter(|i| plain.starts_with(i)) {
        let rest = &plain[init.len()..];
        for fin in std::iter::once("").chain(FINALS.iter().copied()) {
            if let Some(mid) = rest.strip_suffix(fin)
                && NUCLEI.contains(&mid)
            {
                return true;
            }
        }
    }
    false
}

/// Non-ASCII characters that are ordinary in Vietnamese text and cost nothing.
fn is_usual_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{A0}'
            | '\u{FEFF}'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '–'
            | '—'
            | '…'
            | '•'
            | '°'
            | '€'
            | '₫'
            | '±'
            | '‰'
            | '²'
            | '³'
    ) || ('\u{2000}'..='\u{200F}').contains(&c)
}

/// True for characters that never occur in text: controls other than tab, line ends and form
/// feed, and the replacement character.
pub(crate) fn is_bad_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')) || c == '\u{FFFD}'
}

/// Combining marks that survived NFC (a tone on a letter that cannot carry it).
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c) || ('\u{1AB0}'..='\u{1AFF}').contains(&c)
}

/// The plausibility of an NFC text as Vietnamese; higher is better (see the module docs).
pub(crate) fn score(text: &str) -> i64 {
    let mut total = 0i64;
    let mut word_start: Option<usize> = None;
    let mut word_non_ascii = false;
    let finish = |word: &str, non_ascii: bool, total: &mut i64| {
        if non_ascii {
            *total += if is_vietnamese_syllable(word) { 1 } else { -1 };
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() || is_combining(c) {
            if word_start.is_none() {
                word_start = Some(i);
                word_non_ascii = false;
            }
            word_non_ascii |= !c.is_ascii();
            continue;
        }
        if let Some(s) = word_start.take() {
            finish(&text[s..i], word_non_ascii, &mut total);
        }
        if c.is_ascii() && !is_bad_control(c) || is_usual_symbol(c) {
            continue;
        }
        total -= if is_bad_control(c) { 2 } else { 1 };
    }
    if let Some(s) = word_start {
        finish(&text[s..], word_non_ascii, &mut total);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in [
            "Việt",
            "người",
            "đường",
            "khuya",
            "khuỷu",
            "gì",
            "giữ",
            "giếng",
            "quyết",
            "nghiêng",
            "ĐẢNG",
            "Huyện",
            "ủy",
            "uỷ",
            "thuở",
            "ngoằn",
            "oanh",
            "yêu",
            "trường",
            "ưu",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
        for w in [
            "Viêịt",
            "µng",
            "ngöôøi",
            "Vieät",
            "café",
            "ñaø",
            "xyz",
            "ấá",
            "fố",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn scores_prefer_vietnamese() {
        let good = "Huyện Đất Đỏ chú trọng công tác đào tạo cán bộ";
        let tcvn_as_1258 = "HuyÖn §Êt §á chó träng c«ng t¸c ®µo t¹o c¸n bé";
        let vni_as_1258 = "Huyeän Ñaát Ñoû chuù troïng coâng taùc ñaøo taïo caùn boä";
        assert!(score(good) > 5);
        assert!(score(tcvn_as_1258) < 0);
        assert!(score(vni_as_1258) < 0);
        assert!(score("a\u{FFFD}b\u{1}") < 0);
    }
}

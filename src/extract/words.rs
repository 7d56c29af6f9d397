//! Words around a number: a tiny lexer over a bounded window of text, and the folding that lets
//! rules match `khoá`/`khóa`, `uỷ`/`ủy` and upper/lower case alike.

/// One lexical item near a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    /// The item as written.
    pub s: &'a str,
    /// Byte offset in the whole text.
    pub pos: usize,
    /// True for a word (letters, digits, and inner hyphens are separate items).
    pub word: bool,
}

/// How far (in bytes) rules look before and after a number.
pub const WINDOW_BEFORE: usize = 100;
/// See [`WINDOW_BEFORE`].
pub const WINDOW_AFTER: usize = 120;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

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

/// Splits `text[from..to]` into words and single punctuation characters; whitespace separates
/// and is dropped, except that a line break is kept as the item `"\n"`.
pub fn lex(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let from = ceil_boundary(text, from.min(text.len()));
    let to = floor_boundary(text, to.min(text.len()));
    let mut out = Vec::new();
    if from >= to {
        return out;
    }
    let slice = &text[from..to];
    let mut word_start: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(ws) = word_start.take() {
            out.push(Tok {
                s: &slice[ws..i],
                pos: from + ws,
                word: true,
            });
        }
        if c == '\n' {
            out.push(Tok {
                s: "\n",
                pos: from + i,
                word: false,
            });
        } else if !c.is_whitespace() && !is_invisible(c) {
            out.push(Tok {
                s: &slice[i..i + c.len_utf8()],
                pos: from + i,
                word: false,
            });
        }
    }
    if let Some(ws) = word_start {
        out.push(Tok {
            s: &slice[ws..],
            pos: from + ws,
            word: true,
        });
    }
    out
}

/// Zero-width and direction marks that do not separate anything visible.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// The items before byte `pos` (in text order), within [`WINDOW_BEFORE`] bytes and the same
/// paragraph.
pub fn before(text: &str, pos: usize) -> Vec<Tok<'_>> {
    let from = pos.saturating_sub(WINDOW_BEFORE);
    let mut toks = lex(text, from, pos);
    if from > 0
        && toks
            .first()
            .is_some_and(|t| t.word && t.pos == ceil_boundary(text, from))
    {
        // The first word may be cut by the window.
        toks.remove(0);
    }
    if let Some(nl) = toks.iter().rposition(|t| t.s == "\n") {
        toks.drain(..=nl);
    }
    toks
}

/// The items after byte `pos`, within [`WINDOW_AFTER`] bytes and the same paragraph.
pub fn after(text: &str, pos: usize) -> Vec<Tok<'_>> {
    let to = pos + WINDOW_AFTER;
    let mut toks = lex(text, pos, to);
    if to < text.len()
        && toks
            .last()
            .is_some_and(|t| t.word && t.pos + t.s.len() >= to)
    {
        toks.pop();
    }
    if let Some(nl) = toks.iter().position(|t| t.s == "\n") {
        toks.truncate(nl);
    }
    toks
}

/// Lowercases and puts tone marks where the modern convention puts them (`khoá` → `khóa`,
/// `uỷ` → `ủy`, `hoà` → `hòa`), so that both spellings match one rule.
pub fn fold(s: &str) -> String {
    let mut lower = String::with_capacity(s.len());
    let mut needs_tone_fix = false;
    let mut prev = ' ';
    for c in s.chars() {
        let l = lower_char(c);
        needs_tone_fix |= (prev == 'o' || prev == 'u') && split_tone(l).is_some();
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
                && let Some((base, mark)) = split_tone(next)
            {
                let moved = if c == 'o' && matches!(base, 'a' | 'e') {
                    Some(with_tone('o', mark))
                } else if c == 'u' && base == 'y' {
                    Some(with_tone('u', mark))
                } else {
                    None
                };
                if let Some(m) = moved {
                    out.push(m);
                    out.push(base);
                    i += 2;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Tone marks: 1 acute, 2 grave, 3 hook, 4 tilde, 5 dot.
fn split_tone(c: char) -> Option<(char, u8)> {
    Some(match c {
        'á' => ('a', 1),
        'à' => ('a', 2),
        'ả' => ('a', 3),
        'ã' => ('a', 4),
        'ạ' => ('a', 5),
        'é' => ('e', 1),
        'è' => ('e', 2),
        'ẻ' => ('e', 3),
        'ẽ' => ('e', 4),
        'ẹ' => ('e', 5),
        'ý' => ('y', 1),
        'ỳ' => ('y', 2),
        'ỷ' => ('y', 3),
        'ỹ' => ('y', 4),
        'ỵ' => ('y', 5),
        _ => return None,
    })
}

fn with_tone(v: char, mark: u8) -> char {
    match (v, mark) {
        ('o', 1) => 'ó',
        ('o', 2) => 'ò',
        ('o', 3) => 'ỏ',
        ('o', 4) => 'õ',
        ('o', 5) => 'ọ',
        ('u', 1) => 'ú',
        ('u', 2) => 'ù',
        ('u', 3) => 'ủ',
        ('u', 4) => 'ũ',
        ('u', 5) => 'ụ',
        _ => v,
    }
}

/// A folded word: borrowed from the text when folding changes nothing (the common case), so
/// looking at the words around a number allocates little.
pub type Word<'a> = std::borrow::Cow<'a, str>;

/// Folds a word, borrowing it when it is already folded.
pub fn fold_word(s: &str) -> Word<'_> {
    let mut prev = ' ';
    let unchanged = s.chars().all(|c| {
        let l = lower_char(c);
        let keep = l == c && !((prev == 'o' || prev == 'u') && split_tone(l).is_some());
        prev = l;
        keep
    });
    if unchanged {
        Word::Borrowed(s)
    } else {
        Word::Owned(fold(s))
    }
}

/// The folded words of a list of items (punctuation kept as is).
pub fn folded<'a>(toks: &[Tok<'a>]) -> Vec<Word<'a>> {
    toks.iter()
        .map(|t| {
            if t.word {
                fold_word(t.s)
            } else {
                Word::Borrowed(t.s)
            }
        })
        .collect()
}

/// True when `words` ends with the phrase (a space-separated folded phrase).
pub fn ends_with_phrase<S: AsRef<str>>(words: &[S], phrase: &str) -> bool {
    // Cheap filter first: most phrases fail on their last word.
    if !words.last().is_some_and(|w| phrase.ends_with(w.as_ref())) {
        return false;
    }
    let mut it = words.iter().rev();
    phrase
        .rsplit(' ')
        .all(|p| it.next().is_some_and(|w| w.as_ref() == p))
}

/// True when `words` starts with the phrase.
pub fn starts_with_phrase<S: AsRef<str>>(words: &[S], phrase: &str) -> bool {
    let mut it = words.iter();
    phrase
        .split(' ')
        .all(|p| it.next().is_some_and(|w| w.as_ref() == p))
}

/// How many items a phrase of `words` starting at `at` covers, if it is there.
pub fn phrase_at<S: AsRef<str>>(words: &[S], at: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for p in phrase.split(' ') {
        if words.get(at + n).is_none_or(|w| w.as_ref() != p) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// True when the word begins with an upper-case letter.
pub fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// True when every letter of the word is upper case (and it has at least one).
pub fn is_all_caps(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic()) && s.chars().all(|c| !c.is_lowercase())
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
    fn lexes_words_and_punctuation() {
        let t = "hơn 22.400 cán bộ, công chức";
        let toks = lex(t, 0, t.len());
        let s: Vec<&str> = toks.iter().map(|t| t.s).collect();
        assert_eq!(
            s,
            ["hơn", "22", ".", "400", "cán", "bộ", ",", "công", "chức"]
        );
    }

    #[test]
    fn windows_stop_at_paragraphs() {
        let t = "Tất cả\nĐang truy cập: 10";
        let pos = t.find("10").unwrap_or(0);
        let b: Vec<&str> = before(t, pos).iter().map(|t| t.s).collect();
        assert_eq!(b, ["Đang", "truy", "cập", ":"]);
    }
}

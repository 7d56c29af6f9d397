//! Words around a number: a tiny lexer over a bounded window of text, and the folding that lets
//! rules match `khoá`/`khóa`, `uỷ`/`ủy` and upper/lower case alike (the folding itself is
//! [`crate::text::fold`]).

pub use crate::text::fold::{Word, fold, fold_word, is_word_char, lower_char};

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

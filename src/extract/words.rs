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

/// The one lexer of the grammar: hands the items of `text[from..to]` in order to `emit` (words,
/// single punctuation characters, and `"\n"` for a line break; other white space and invisible
/// marks separate and are dropped) until it returns `false`. [`lex`] keeps every item,
/// [`after_first`] stops early; a callback rather than an iterator keeps the loop tight.
fn each_item<'a>(text: &'a str, from: usize, to: usize, mut emit: impl FnMut(Tok<'a>) -> bool) {
    let from = ceil_boundary(text, from.min(text.len()));
    let to = floor_boundary(text, to.min(text.len()));
    let Some(slice) = text.get(from..to) else {
        return;
    };
    let mut word_start: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(ws) = word_start.take()
            && !emit(Tok {
                s: &slice[ws..i],
                pos: from + ws,
                word: true,
            })
        {
            return;
        }
        let mark = if c == '\n' {
            "\n"
        } else if !c.is_whitespace() && !is_invisible(c) {
            &slice[i..i + c.len_utf8()]
        } else {
            continue;
        };
        if !emit(Tok {
            s: mark,
            pos: from + i,
            word: false,
        }) {
            return;
        }
    }
    if let Some(ws) = word_start {
        emit(Tok {
            s: &slice[ws..],
            pos: from + ws,
            word: true,
        });
    }
}

/// Splits `text[from..to]` into words and single punctuation characters; whitespace separates
/// and is dropped, except that a line break is kept as the item `"\n"`.
pub fn lex(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    // About one item per five bytes of Vietnamese text: one allocation, no regrowth.
    let mut out = Vec::with_capacity(to.saturating_sub(from) / 4 + 4);
    each_item(text, from, to, |t| {
        out.push(t);
        true
    });
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

/// The last `n` items of [`before`]`(text, pos)`, lexed backwards from `pos` and stopping
/// after `n`: the words just before a number cost what is kept, not the whole window.
pub fn before_last(text: &str, pos: usize, n: usize) -> Vec<Tok<'_>> {
    let pos = floor_boundary(text, pos.min(text.len()));
    let from = ceil_boundary(text, pos.saturating_sub(WINDOW_BEFORE));
    let mut out = Vec::with_capacity(n);
    if n == 0 || from >= pos {
        return out;
    }
    let slice = &text[from..pos];
    // End of the word being read (exclusive, in `slice`), while inside one.
    let mut word_end: Option<usize> = None;
    let mut stopped = false;
    for (i, c) in slice.char_indices().rev() {
        if is_word_char(c) {
            if word_end.is_none() {
                word_end = Some(i + c.len_utf8());
            }
            continue;
        }
        if let Some(we) = word_end.take() {
            out.push(Tok {
                s: &slice[i + c.len_utf8()..we],
                pos: from + i + c.len_utf8(),
                word: true,
            });
            if out.len() == n {
                stopped = true;
                break;
            }
        }
        if c == '\n' {
            stopped = true;
            break;
        }
        if !c.is_whitespace() && !is_invisible(c) {
            out.push(Tok {
                s: &slice[i..i + c.len_utf8()],
                pos: from + i,
                word: false,
            });
            if out.len() == n {
                stopped = true;
                break;
            }
        }
    }
    // A word reaching the window's start may be cut by it: dropped, as [`before`] does.
    if !stopped
        && let Some(we) = word_end
        && from == 0
    {
        out.push(Tok {
            s: &slice[..we],
            pos: from,
            word: true,
        });
    }
    out.reverse();
    out
}

/// The first `n` items of [`after`]`(text, pos)`, lexed forwards and stopping after `n`.
pub fn after_first(text: &str, pos: usize, n: usize) -> Vec<Tok<'_>> {
    let to = pos + WINDOW_AFTER;
    let to_b = floor_boundary(text, to.min(text.len()));
    // A word reaching the window's end may be cut by it: dropped, as [`after`] does.
    let cut = to < text.len() && to_b == to;
    let mut out = Vec::with_capacity(n);
    if n == 0 {
        return out;
    }
    each_item(text, pos, to, |t| {
        if t.s == "\n" || (cut && t.word && t.pos + t.s.len() == to_b) {
            return false;
        }
        out.push(t);
        out.len() < n
    });
    out
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
    fn bounded_windows_are_the_ends_of_the_full_ones() {
        let t = "Trong 12 tháng,\n các học viên đã học 1.200 tiết (Ảnh: TTXVN), 95% học viên đạt \
                 loại khá trở lên; huyện đã cử 22.400 cán bộ, công chức đi học lớp K21 và \
                 H5N1 ở Hà Nội.\nĐang truy cập: 10 người ở\u{200B}Quận 1 được 7h30.";
        for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
            for n in [0, 1, 3, 14, 16, 100] {
                let full = before(t, pos);
                let want = &full[full.len().saturating_sub(n)..];
                assert_eq!(before_last(t, pos, n), want, "before {pos} {n}");
                let full = after(t, pos);
                let want = &full[..full.len().min(n)];
                assert_eq!(after_first(t, pos, n), want, "after {pos} {n}");
            }
        }
    }

    #[test]
    fn windows_stop_at_paragraphs() {
        let t = "Tất cả\nĐang truy cập: 10";
        let pos = t.find("10").unwrap_or(0);
        let b: Vec<&str> = before(t, pos).iter().map(|t| t.s).collect();
        assert_eq!(b, ["Đang", "truy", "cập", ":"]);
    }
}

//! Text normalization and offsets: every offset in Số liệu counts Unicode code points of the
//! normalized text (NFC, LF line endings), end exclusive.

pub mod fold;
pub(crate) mod letters;
pub mod sentence;

pub use sentence::{clause_around, clauses, sentences};

use sha2::{Digest, Sha256};
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Normalizes to NFC and turns CRLF and lone CR line endings into LF.
pub fn normalize(s: &str) -> String {
    let lf = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    };
    match is_nfc_quick(lf.chars()) {
        unicode_normalization::IsNormalized::Yes => lf,
        _ => lf.nfc().collect(),
    }
}

/// At most `max` characters of `s`, with `…` when it was cut: messages quote what the officer
/// typed or what a file holds without printing megabytes of it.
pub fn ellipsize(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &s[..cut])),
    }
}

/// SHA-256 (lowercase hex) of the text's UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Maps byte offsets of a string to code-point offsets (and back), for offsets taken in
/// increasing order or at random: it keeps a sparse index of every 64th character.
pub struct CharIndex<'a> {
    text: &'a str,
    /// `(byte offset, char offset)` of every 64th character.
    marks: Vec<(usize, usize)>,
    len_chars: usize,
}

impl<'a> CharIndex<'a> {
    /// Builds the index in one pass over the text.
    pub fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / 64 + 1);
        let mut n = 0usize;
        for (b, _) in text.char_indices() {
            if n.is_multiple_of(64) {
                marks.push((b, n));
            }
            n += 1;
        }
        CharIndex {
            text,
            marks,
            len_chars: n,
        }
    }

    /// The number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// The code-point offset of a byte offset (which must be on a char boundary; otherwise the
    /// offset of the character containing it).
    pub fn char_of_byte(&self, byte: usize) -> usize {
        if byte >= self.text.len() {
            return self.len_chars;
        }
        let i = self.marks.partition_point(|&(b, _)| b <= byte) - 1;
        let (b0, c0) = self.marks[i];
        c0 + self.text[b0..]
            .char_indices()
            .take_while(|&(b, _)| b0 + b < byte)
            .count()
            - usize::from(!self.text.is_char_boundary(byte))
    }

    /// The byte offset of a code-point offset (the text's length past the end).
    pub fn byte_of_char(&self, ch: usize) -> usize {
        if ch >= self.len_chars {
            return self.text.len();
        }
        let (b0, c0) = self.marks[ch / 64];
        match self.text[b0..].char_indices().nth(ch - c0) {
            Some((b, _)) => b0 + b,
            None => self.text.len(),
        }
    }
}

/// The substring between two code-point offsets, or `None` when they fall outside the text
/// or are reversed.
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut it = text.char_indices().map(|(b, _)| b).chain(Some(text.len()));
    let b0 = it.nth(start)?;
    let b1 = if end == start {
        b0
    } else {
        it.nth(end - start - 1)?
    };
    Some(&text[b0..b1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_nfd_and_crlf() {
        let nfd = "Ho\u{300}a Bi\u{300}nh\r\nx\ry";
        assert_eq!(normalize(nfd), "Hòa Bình\nx\ny");
    }

    #[test]
    fn char_index_round_trips() {
        let text = "Đất Đỏ có 22.400 cán bộ; ".repeat(20);
        let idx = CharIndex::new(&text);
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of_byte(b), n);
            assert_eq!(idx.byte_of_char(n), b);
        }
        assert_eq!(idx.char_of_byte(text.len()), text.chars().count());
    }

    #[test]
    fn slices_by_chars() {
        assert_eq!(slice_chars("Đất Đỏ", 4, 6), Some("Đỏ"));
        assert_eq!(slice_chars("Đất Đỏ", 6, 6), Some(""));
        assert_eq!(slice_chars("Đất Đỏ", 4, 7), None);
        assert_eq!(slice_chars("Đất Đỏ", 5, 4), None);
    }
}

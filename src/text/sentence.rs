//! The one sentence and clause splitter. Every room that needs "the sentence of a figure" (its
//! context, the indicator grammar, the cross-checks) cuts text here, so a figure's context, the
//! clause its indicator is read from and the sentence a check quotes are the same text.
//!
//! A sentence ends at a line break, or at `.`, `!`, `?`, `…` followed by white space or the end of
//! the text (so `97,2%.` ends a sentence and `1.188` or `v.v.` inside words do not). A clause also
//! ends at `;` followed by white space or the end. Offsets are bytes of the normalized text.

/// Where a piece of text is cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// Line breaks and `.`, `!`, `?`, `…`.
    Sentence,
    /// What ends a sentence, and `;`.
    Clause,
}

/// If a terminator of `cut` begins at byte `i`, the byte just after it.
fn stop_at(text: &str, i: usize, cut: Cut) -> Option<usize> {
    let b = text.as_bytes();
    let (len, needs_space) = match b[i] {
        b'\n' => (1, false),
        b'.' | b'!' | b'?' => (1, true),
        b';' if cut == Cut::Clause => (1, true),
        0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => (3, true),
        _ => return None,
    };
    let e = i + len;
    let spaced = text
        .get(e..)
        .is_some_and(|rest| rest.chars().next().is_none_or(char::is_whitespace));
    (!needs_space || spaced).then_some(e)
}

/// Byte spans of the sentences of `text`, each with its terminator; line breaks end a sentence.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        match stop_at(text, i, Cut::Sentence) {
            Some(end) => {
                out.push((start, end));
                start = end;
                i = end;
            }
            None => i += 1,
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Byte spans of the clauses of the sentence `(s, e)`: cut at `;`, the `;` left out.
pub fn clauses(text: &str, (s, e): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = s;
    for (k, &c) in text.as_bytes()[s..e].iter().enumerate() {
        let i = s + k;
        if c == b';' && stop_at(text, i, Cut::Clause).is_some() {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, e));
    out
}

/// The clause around the byte range `start..end` (a figure's context): from the previous clause
/// end to the next, a line break not included; at most a few hundred bytes each way, cut at a space.
pub fn clause_around(text: &str, start: usize, end: usize) -> String {
    const MAX: usize = 400;
    let b = text.as_bytes();
    let lo = start.saturating_sub(MAX);
    let mut from = None;
    for i in (lo..start).rev() {
        if let Some(e) = stop_at(text, i, Cut::Clause)
            && e <= start
        {
            from = Some(e);
            break;
        }
    }
    let from = from.unwrap_or_else(|| {
        if lo == 0 {
            0
        } else {
            // Cut: start after the first space.
            b[lo..start]
                .iter()
                .position(|c| c.is_ascii_whitespace())
                .map_or(start, |k| lo + k + 1)
        }
    });
    let hi = (end + MAX).min(b.len());
    let mut to = None;
    for (i, &c) in b.iter().enumerate().take(hi).skip(end) {
        if c == b'\n' {
            to = Some(i);
            break;
        }
        if let Some(e) = stop_at(text, i, Cut::Clause) {
            to = Some(e);
            break;
        }
    }
    let mut to = to.unwrap_or_else(|| {
        if hi == b.len() {
            hi
        } else {
            b[end..hi]
                .iter()
                .rposition(|c| c.is_ascii_whitespace())
                .map_or(end, |k| end + k)
        }
    });
    let mut from = from;
    while from > 0 && !text.is_char_boundary(from) {
        from += 1;
    }
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    text.get(from.min(start)..to.max(end))
        .unwrap_or("")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_clauses() {
        let t = "Đạt 97,2%. Có 1.188 công chức; 45 người… Xong\nDòng mới";
        let s = sentences(t);
        let texts: Vec<&str> = s.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            texts,
            [
                "Đạt 97,2%.",
                " Có 1.188 công chức; 45 người…",
                " Xong\n",
                "Dòng mới"
            ]
        );
        let c = clauses(t, s[1]);
        assert_eq!(c.len(), 2);
        assert_eq!(&t[c[1].0..c[1].1], " 45 người…");
        let t = "Có 22.400 cán bộ. Đạt 97,2%; 60% khác\nDòng mới";
        let s = sentences(t);
        assert_eq!(s.len(), 3);
        assert_eq!(clauses(t, s[1]).len(), 2);
    }

    #[test]
    fn a_figure_context_is_its_clause() {
        let t = "Mở đầu. Năm 2023 có 45 học viên; 30 người đạt. Hết";
        let at = t.find("45").unwrap_or(0);
        assert_eq!(clause_around(t, at, at + 2), "Năm 2023 có 45 học viên;");
        let at = t.find("30").unwrap_or(0);
        assert_eq!(clause_around(t, at, at + 2), "30 người đạt.");
        // Decimal points and grouping dots inside numbers do not cut.
        let t = "Tỷ lệ 1.188 người.";
        assert_eq!(clause_around(t, 6, 11), "Tỷ lệ 1.188 người.");
    }

    #[test]
    fn long_text_is_cut_at_a_space() {
        let t = format!("{} 7 {}", "chữ ".repeat(300), "từ ".repeat(300));
        let at = t.find('7').unwrap_or(0);
        let c = clause_around(&t, at, at + 1);
        assert!(c.contains('7') && c.len() < 900, "{}", c.len());
    }
}

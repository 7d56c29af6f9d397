//! Invariants shared by the fuzz targets.

use solieu::model::Figure;

/// Asserts that every figure lies inside `text` (code-point offsets, end exclusive), that its
/// `text` is exactly that slice, that the figures are in order and do not overlap, and that
/// their ids are unique.
pub fn check_figures(text: &str, figures: &[Figure]) {
    let n = text.chars().count();
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(Some(text.len()))
        .collect();
    let mut prev_end = 0usize;
    let mut ids = std::collections::HashSet::new();
    for f in figures {
        assert!(
            f.start < f.end,
            "empty or reversed figure {}..{}",
            f.start,
            f.end
        );
        assert!(
            f.end <= n,
            "figure {}..{} past the end ({n} chars)",
            f.start,
            f.end
        );
        assert_eq!(
            &text[starts[f.start]..starts[f.end]],
            f.text,
            "figure text differs from text[{}..{}]",
            f.start,
            f.end
        );
        assert!(
            f.start >= prev_end,
            "figures overlap or are out of order at {}..{} (previous end {prev_end})",
            f.start,
            f.end
        );
        prev_end = f.end;
        assert!(ids.insert(f.id), "duplicate id {}", f.id);
    }
}

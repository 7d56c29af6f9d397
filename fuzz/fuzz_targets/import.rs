//! Importing annotated JSON: arbitrary bytes → `from_json`. Must not panic; an accepted
//! document never holds a figure whose offsets fall outside its article or whose text differs
//! from the slice, nor duplicate ids; and it survives a round trip through `to_json`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = solieu::export::from_json(data) else {
        return;
    };
    for art in &doc.articles {
        let n = art.text.chars().count();
        let mut ids = std::collections::HashSet::new();
        for f in art.figures.iter().chain(art.unplaced.iter()) {
            assert!(ids.insert(f.id), "duplicate id {} accepted", f.id);
        }
        for f in &art.figures {
            assert!(
                f.start < f.end && f.end <= n,
                "offsets {}..{} accepted ({n} chars)",
                f.start,
                f.end
            );
            assert_eq!(
                solieu::text::slice_chars(&art.text, f.start, f.end),
                Some(f.text.as_str()),
                "figure text differs from its slice"
            );
        }
    }
    let again = solieu::export::to_json(&doc);
    let back = solieu::export::from_json(again.as_bytes())
        .unwrap_or_else(|e| panic!("an accepted document is refused after a round trip: {e}"));
    assert_eq!(back.articles.len(), doc.articles.len());
});

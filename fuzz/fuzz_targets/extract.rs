//! Extraction: arbitrary UTF-8 → normalize → `extract_article`. Must not panic; every figure
//! lies inside the text, equals its slice, and figures are in order without overlap.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let text = solieu::text::normalize(s);
    let (_meta, figures) = solieu::extract::extract_article(&text);
    common::check_figures(&text, &figures);
    for (k, f) in figures.iter().enumerate() {
        assert_eq!(f.id, k as u64 + 1, "ids are not 1..n in order");
        if let Some(v) = f.reading.value {
            assert!(!v.is_nan(), "NaN value for {:?}", f.text);
        }
    }
});

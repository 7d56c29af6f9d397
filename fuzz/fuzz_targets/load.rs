//! Loading: arbitrary bytes → `decode_bytes` (as plain text and as a web page). Must not
//! panic; a success is normalized, non-blank text whose figures keep the invariants.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let is_html = data.first().is_some_and(|b| b & 1 == 1);
    if let Ok(loaded) = solieu::load::decode_bytes(data, is_html) {
        assert!(!loaded.encoding.is_empty());
        assert_eq!(
            solieu::text::normalize(&loaded.text),
            loaded.text,
            "not normalized"
        );
        assert!(!loaded.text.trim().is_empty(), "blank text accepted");
        let figures = solieu::extract::extract(&loaded.text);
        common::check_figures(&loaded.text, &figures);
    }
});

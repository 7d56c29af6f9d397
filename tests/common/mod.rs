//! Helpers shared by the integration tests that build figures by hand (independent of the
//! extractor).

use solieu::extract::sentence;
use solieu::model::{Figure, Reading, Status};

/// A figure for the byte range `b0..b1` of `text`, with code-point offsets and its sentence.
pub fn figure_at(text: &str, b0: usize, b1: usize, id: u64, reading: Reading) -> Figure {
    Figure {
        id,
        start: text[..b0].chars().count(),
        end: text[..b1].chars().count(),
        text: text[b0..b1].to_string(),
        reading,
        confidence: 1.0,
        indicator_confidence: 0.0,
        context: sentence(text, b0, b1),
        status: Status::Extracted,
        note: None,
        extracted: None,
    }
}

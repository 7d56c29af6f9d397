//! What every rule reads and writes: the article as the rules see it ([`Ctx`]) and a figure
//! before its offsets become code points ([`Draft`]). Its own room so that the classifier, the
//! digit rules and the phrase rules share these types without importing one another.

use super::number::Style;
use super::page::Line;
use crate::model::Reading;

/// A figure before offsets are converted to code points.
#[derive(Debug, Clone)]
pub struct Draft {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it says.
    pub reading: Reading,
    /// How sure the reading is.
    pub confidence: f32,
}

/// Everything the rules need about the article.
pub struct Ctx<'a> {
    /// The normalized text.
    pub text: &'a str,
    /// How the article groups digits.
    pub style: Style,
    /// The lines and their roles.
    pub lines: &'a [Line],
    /// The year of publication, when known.
    pub published_year: Option<i32>,
}

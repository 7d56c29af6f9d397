//! The interface language: Vietnamese first, English on request (Settings → Xem → English).

use serde::{Deserialize, Serialize};

/// The language of labels, menus, messages and tooltips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Picks the text of this language.
    pub fn t<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The name of a kind.
    pub fn kind(self, k: crate::model::Kind) -> &'static str {
        match self {
            Lang::Vi => k.label_vi(),
            Lang::En => k.label_en(),
        }
    }

    /// The name of a status.
    pub fn status(self, s: crate::model::Status) -> &'static str {
        match self {
            Lang::Vi => s.label_vi(),
            Lang::En => s.label_en(),
        }
    }

    /// The name of a qualifier.
    pub fn qualifier(self, q: crate::model::Qualifier) -> &'static str {
        match self {
            Lang::Vi => q.label_vi(),
            Lang::En => q.label_en(),
        }
    }
}

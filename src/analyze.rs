//! From a loaded file to an annotated [`Article`]: extraction of figures and article metadata,
//! then the indicator each figure measures.

use crate::extract;
use crate::indicators::{self, Catalogue};
use crate::load::LoadedText;
use crate::model::Article;
use crate::text::sha256_hex;

/// Extracts everything from one loaded article, with the built-in indicator catalogue.
pub fn analyze(path: &str, loaded: LoadedText) -> Article {
    analyze_with(path, loaded, Catalogue::builtin_shared())
}

/// Extracts everything from one loaded article and assigns indicators, years and targets from
/// `catalogue` (the GUI and the CLI pass the one loaded with the user's copy).
pub fn analyze_with(path: &str, loaded: LoadedText, catalogue: &Catalogue) -> Article {
    let (meta, figures) = extract::extract_article(&loaded.text);
    let mut article = Article {
        path: path.to_string(),
        encoding: loaded.encoding,
        text_sha256: sha256_hex(&loaded.text),
        title: meta.title,
        district: meta.district,
        province: meta.province,
        published: meta.published,
        note: None,
        figures,
        unplaced: Vec::new(),
        text: loaded.text,
    };
    indicators::assign(&mut article, catalogue);
    article
}

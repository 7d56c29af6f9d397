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
    // What the page marks as its headline and date beats what the text suggests.
    let info = loaded.info;
    let province_2025 = meta
        .province
        .as_deref()
        .and_then(|p| crate::places::gazetteer().province_2025_named(p))
        .map(|p| p.name.clone());
    let mut article = Article {
        path: path.to_string(),
        encoding: loaded.encoding,
        text_sha256: sha256_hex(&loaded.text),
        title: info.title.or(meta.title),
        district: meta.district,
        province: meta.province,
        province_2025,
        site: info.site,
        published: info.published.or(meta.published),
        note: None,
        figures,
        unplaced: Vec::new(),
        text: loaded.text,
    };
    indicators::assign(&mut article, catalogue);
    article
}

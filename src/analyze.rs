//! From a loaded file to an annotated [`Article`]: extraction of figures and article metadata.

use crate::extract;
use crate::load::LoadedText;
use crate::model::Article;
use crate::text::sha256_hex;

/// Extracts everything from one loaded article.
pub fn analyze(path: &str, loaded: LoadedText) -> Article {
    let (meta, figures) = extract::extract_article(&loaded.text);
    Article {
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
    }
}

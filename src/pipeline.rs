//! The one pipeline that turns a file into an annotated [`Article`]: load (any encoding and
//! format) → extract (figures and article metadata) → assign (indicator, year, target of each
//! figure, from the catalogue in use).
//!
//! The CLI, the GUI (open, re-read a changed file, import) and the tests all go through a
//! [`Pipeline`], so an indicator the officer created files figures the same way everywhere.

use crate::extract;
use crate::indicators::{self, Catalogue, CatalogueError};
use crate::load::{self, LoadError, LoadedText};
use crate::model::Article;
use crate::text::sha256_hex;
use std::path::Path;

/// Everything an article is read with. Cheap to share by reference across threads.
#[derive(Debug, Clone)]
pub struct Pipeline {
    catalogue: Catalogue,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::builtin()
    }
}

impl Pipeline {
    /// A pipeline over this catalogue.
    pub fn new(catalogue: Catalogue) -> Self {
        Pipeline { catalogue }
    }

    /// The built-in catalogue only: reproducible results for tests and benchmarks.
    pub fn builtin() -> Self {
        Pipeline::new(Catalogue::builtin_shared().clone())
    }

    /// The built-in catalogue overlaid by the officer's copy in the config folder, as the app
    /// and the CLI use it. A broken copy is returned as the error beside a working pipeline.
    pub fn with_user_catalogue() -> (Self, Option<CatalogueError>) {
        let (cat, err) = Catalogue::load();
        (Pipeline::new(cat), err)
    }

    /// The same, with the officer's copy read from `dir` (tests, `SOLIEU_CONFIG_DIR`).
    pub fn with_user_catalogue_in(dir: &Path) -> (Self, Option<CatalogueError>) {
        let (cat, err) = Catalogue::load_from_dir(dir);
        (Pipeline::new(cat), err)
    }

    /// The catalogue figures are filed against.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The catalogue, to add an indicator to it (the officer's own).
    pub fn catalogue_mut(&mut self) -> &mut Catalogue {
        &mut self.catalogue
    }

    /// Loads `path` and analyzes it; `name` is the path recorded in the article.
    pub fn open(&self, path: &Path, name: &str) -> Result<Article, LoadError> {
        load::load_file(path).map(|loaded| self.analyze(name, loaded))
    }

    /// Downloads a web address and analyzes the page like a saved one; the address is the
    /// article's path.
    pub fn open_url(&self, url: &str) -> Result<Article, LoadError> {
        load::load_url(url)
            .map(|loaded| self.analyze(url, loaded))
            .map_err(|e| LoadError {
                path: e.url.into(),
                reason: e.reason,
            })
    }

    /// Extracts everything from one loaded article and files every figure.
    pub fn analyze(&self, path: &str, loaded: LoadedText) -> Article {
        let (meta, figures) = extract::extract_article(&loaded.text);
        // What the page marks as its headline and date beats what the text suggests.
        let info = loaded.info;
        let mut article = Article {
            path: path.to_string(),
            encoding: loaded.encoding,
            text_sha256: sha256_hex(&loaded.text),
            title: info.title.or(meta.title),
            // After the 2025 reform the place is a commune or ward with its prefix.
            district: meta.district.or(meta.unit_2025),
            province: meta.province,
            province_2025: meta.province_2025,
            site: info.site,
            published: info.published.or(meta.published),
            note: None,
            figures,
            unplaced: Vec::new(),
            computed: Vec::new(),
            full_text: info.full_text,
            text: loaded.text,
        };
        self.assign(&mut article);
        article
    }

    /// Files the figures of an article that came from elsewhere (an imported JSON document):
    /// unreviewed figures follow this catalogue, reviewed ones keep what the officer chose.
    pub fn assign(&self, article: &mut Article) {
        indicators::assign(article, &self.catalogue);
    }
}

//! The indicator catalogue: what an officer compares districts on, its file format, and the
//! user's copy (the built-in list overlaid by the officer's own indicators and learned phrases).
//!
//! Its own room because it is file I/O and data, read by everything else: the matcher is built
//! from it, the assignment and the learning read and change it, the GUI shows it.

use super::indicator::{CatalogueError, Indicator};
use super::matcher::Matcher;
use crate::export::write_atomic;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The built-in catalogue.
pub const BUILTIN_JSON: &str = include_str!("../../assets/indicators.json");
/// The `format` tag of a catalogue file.
pub const FORMAT: &str = "solieu-indicators";
/// The file name of the user copy in the config folder.
pub const USER_FILE: &str = "indicators.json";

/// The catalogue file: `{"format": "solieu-indicators", "version": 1, "indicators": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueFile {
    /// Always [`FORMAT`].
    #[serde(default = "format_tag")]
    pub format: String,
    /// Schema version, 1.
    #[serde(default = "one")]
    pub version: u32,
    /// The indicators.
    pub indicators: Vec<Indicator>,
}

fn format_tag() -> String {
    FORMAT.to_string()
}

pub(super) fn one() -> u32 {
    1
}

/// Parses a catalogue file and validates every indicator (ids must be unique).
pub fn parse_catalogue(json: &str) -> Result<Vec<Indicator>, CatalogueError> {
    let file: CatalogueFile =
        serde_json::from_str(json).map_err(|e| CatalogueError::Parse(e.to_string()))?;
    if file.format != FORMAT {
        return Err(CatalogueError::Parse(format!(
            "format «{}», expected «{FORMAT}»",
            file.format
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for ind in &file.indicators {
        ind.validate()?;
        if !seen.insert(ind.id.as_str()) {
            return Err(CatalogueError::Invalid(format!(
                "mã chỉ tiêu «{}» bị trùng / duplicate indicator id «{}»",
                ind.id, ind.id
            )));
        }
    }
    Ok(file.indicators)
}

/// The indicators in use: the built-in list overlaid by the user's, with a phrase matcher.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub(super) base: Vec<Indicator>,
    pub(super) indicators: Vec<Indicator>,
    pub(super) user: Vec<Indicator>,
    pub(super) matcher: Matcher,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue::builtin()
    }
}

impl Catalogue {
    /// A catalogue of exactly these indicators (none of them counted as the user's).
    pub fn new(indicators: Vec<Indicator>) -> Self {
        Catalogue::with_user(indicators, Vec::new())
    }

    /// The built-in catalogue (`assets/indicators.json`).
    pub fn builtin() -> Self {
        // The asset is checked by the tests; an unreadable one yields an empty catalogue.
        Catalogue::new(builtin_indicators().unwrap_or_default())
    }

    /// The built-in catalogue, parsed once per process (for `analyze` without a catalogue).
    pub fn builtin_shared() -> &'static Catalogue {
        static BUILTIN: LazyLock<Catalogue> = LazyLock::new(Catalogue::builtin);
        &BUILTIN
    }

    /// `base` overlaid by `user`: a user indicator replaces the base one of the same id, and
    /// new ids are appended in the user's order.
    pub fn with_user(base: Vec<Indicator>, user: Vec<Indicator>) -> Self {
        let mut indicators = base.clone();
        for u in &user {
            match indicators.iter_mut().find(|i| i.id == u.id) {
                Some(slot) => *slot = u.clone(),
                None => indicators.push(u.clone()),
            }
        }
        let matcher = Matcher::new(&indicators);
        Catalogue {
            base,
            indicators,
            user,
            matcher,
        }
    }

    /// The built-in catalogue overlaid by the user copy in [`config_dir`]. A missing user copy
    /// is no error; an unreadable one is reported and ignored.
    pub fn load() -> (Self, Option<CatalogueError>) {
        match crate::folders::config_dir() {
            Some(dir) => Catalogue::load_from_dir(&dir),
            None => (Catalogue::builtin(), None),
        }
    }

    /// The built-in catalogue overlaid by `dir/indicators.json`, when it exists.
    pub fn load_from_dir(dir: &Path) -> (Self, Option<CatalogueError>) {
        let base = builtin_indicators().unwrap_or_default();
        let path = dir.join(USER_FILE);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Catalogue::new(base), None);
            }
            Err(e) => {
                let err = CatalogueError::Io(format!("{}: {e}", path.display()));
                return (Catalogue::new(base), Some(err));
            }
        };
        let parsed = String::from_utf8(bytes)
            .map_err(|_| CatalogueError::Parse(format!("{}: not UTF-8", path.display())))
            .and_then(|s| parse_catalogue(s.trim_start_matches('\u{feff}')));
        match parsed {
            Ok(user) => (Catalogue::with_user(base, user), None),
            Err(e) => (Catalogue::new(base), Some(e)),
        }
    }

    /// Every indicator, built-in ones first, in catalogue order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The user's indicators (overrides and additions), as saved in the user copy.
    pub fn user_indicators(&self) -> &[Indicator] {
        &self.user
    }

    /// The indicator of this id.
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Adds an indicator created (or edited) in the UI; it replaces one of the same id.
    /// Call [`Catalogue::save`] to keep it.
    pub fn add(&mut self, indicator: Indicator) -> Result<(), CatalogueError> {
        indicator.validate()?;
        let mut user = std::mem::take(&mut self.user);
        match user.iter_mut().find(|i| i.id == indicator.id) {
            Some(slot) => *slot = indicator,
            None => user.push(indicator),
        }
        *self = Catalogue::with_user(std::mem::take(&mut self.base), user);
        Ok(())
    }

    /// Drops the user's version of an indicator (a built-in one comes back). True if it had one.
    pub fn remove_user(&mut self, id: &str) -> bool {
        let before = self.user.len();
        let mut user = std::mem::take(&mut self.user);
        user.retain(|i| i.id != id);
        let removed = user.len() != before;
        *self = Catalogue::with_user(std::mem::take(&mut self.base), user);
        removed
    }

    /// The user copy as JSON (only the user's indicators).
    pub fn user_json(&self) -> String {
        let file = CatalogueFile {
            format: FORMAT.to_string(),
            version: 1,
            indicators: self.user.clone(),
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Writes the user copy atomically to `dir/indicators.json`, creating the folder.
    pub fn save_to_dir(&self, dir: &Path) -> Result<PathBuf, CatalogueError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| CatalogueError::Io(format!("{}: {e}", dir.display())))?;
        let path = dir.join(USER_FILE);
        write_atomic(&path, self.user_json().as_bytes())
            .map_err(|e| CatalogueError::Io(format!("{}: {e}", path.display())))?;
        Ok(path)
    }

    /// Writes the user copy atomically into [`config_dir`].
    pub fn save(&self) -> Result<PathBuf, CatalogueError> {
        let dir = crate::folders::config_dir().ok_or(CatalogueError::NoConfigDir)?;
        self.save_to_dir(&dir)
    }
}

/// The built-in indicators.
pub fn builtin_indicators() -> Result<Vec<Indicator>, CatalogueError> {
    parse_catalogue(BUILTIN_JSON)
}

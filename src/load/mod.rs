//! Loading article files: reading bytes, detecting the encoding, extracting the visible text of
//! saved web pages, and normalizing (NFC, LF).

use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The text of one file, decoded and normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedText {
    /// NFC text with LF line endings.
    pub text: String,
    /// The name of the encoding it was decoded from (`utf-8`, `utf-8-bom`, `utf-16le`, …).
    pub encoding: String,
}

/// Why a file could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong, in words for the officer.
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for LoadError {}

/// Reads and decodes one article file.
pub fn load_file(path: &Path) -> Result<LoadedText, LoadError> {
    let err = |reason: String| LoadError {
        path: path.to_path_buf(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| err(e.to_string()))?;
    if meta.is_dir() {
        return Err(err("is a folder, not a file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(format!(
            "file is larger than {} MB",
            MAX_FILE_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| err("not UTF-8".into()))?;
    Ok(LoadedText {
        text: crate::text::normalize(&text),
        encoding: "utf-8".into(),
    })
}

/// Expands the given paths: files as they are, folders into their `.txt`/`.html`/`.htm` files
/// (sorted). Paths that do not exist are returned as errors.
pub fn collect_paths(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in inputs {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(rd) => {
                    let mut v: Vec<PathBuf> = rd
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|f| f.is_file() && is_article_path(f))
                        .collect();
                    v.sort();
                    files.extend(v);
                }
                Err(e) => errors.push(LoadError {
                    path: p.clone(),
                    reason: e.to_string(),
                }),
            }
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

/// True for `.txt`, `.html` and `.htm` files (any case).
pub fn is_article_path(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .map(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "html" | "htm"))
        .unwrap_or(false)
}

//! The whole workspace as one JSON document: the format of `workspace.json` before the store
//! (read once to migrate it) and a plain snapshot for tests and support.
//!
//! Reading validates every article like an import does (offsets inside the text, `start <
//! end`, unique ids), so a damaged file is refused with a message instead of reaching a view.

use super::workspace::{SavedEntry, Workspace};
use crate::model::Article;
use crate::pipeline::Pipeline;
use serde::{Deserialize, Serialize};

/// The `format` tag of the JSON workspace.
pub const WORKSPACE_FORMAT: &str = "solieu-workspace";
/// The JSON workspace version this build writes and reads.
pub const WORKSPACE_VERSION: u32 = 1;
/// The name of the JSON workspace file older builds kept in the data folder.
pub const LEGACY_FILE: &str = "workspace.json";

#[derive(Serialize, Deserialize)]
struct WorkspaceFile {
    format: String,
    version: u32,
    #[serde(default)]
    entries: Vec<FileEntry>,
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    selected: Option<u64>,
    /// Annotations of articles the officer closed, resumed when they are opened again.
    #[serde(default)]
    closed: Vec<Article>,
}

#[derive(Serialize, Deserialize)]
struct FileEntry {
    path: String,
    #[serde(default)]
    article: Option<Article>,
    #[serde(default)]
    error: Option<String>,
}

/// Checks a saved article as an import would: every figure inside the text with `start <
/// end`, ids unique, numbers finite. The message names the article.
pub fn validate(a: &Article) -> Result<(), String> {
    crate::export::validate_figures(a).map_err(|e| format!("dữ liệu hỏng ({e})"))
}

/// The workspace as JSON bytes.
pub fn to_bytes(ws: &Workspace) -> Vec<u8> {
    let file = WorkspaceFile {
        format: WORKSPACE_FORMAT.into(),
        version: WORKSPACE_VERSION,
        entries: ws
            .entries
            .iter()
            .map(|e| FileEntry {
                path: e.path.clone(),
                article: e.article.clone(),
                error: e.error.clone(),
            })
            .collect(),
        current: ws.current_entry().map(|e| e.path.clone()),
        selected: ws.selected,
        closed: ws.closed.clone(),
    };
    // Plain data with string keys: serializing cannot fail.
    serde_json::to_vec(&file).unwrap_or_default()
}

/// Reads JSON workspace bytes (refused with a message when malformed, newer, or damaged).
pub fn from_bytes(bytes: &[u8], pipeline: Pipeline) -> Result<Workspace, String> {
    let file: WorkspaceFile =
        serde_json::from_slice(bytes).map_err(|e| format!("tệp không đọc được: {e}"))?;
    if file.format != WORKSPACE_FORMAT {
        return Err(format!(
            "không phải tệp không gian làm việc ({})",
            crate::text::ellipsize(&file.format, 60)
        ));
    }
    if file.version > WORKSPACE_VERSION {
        return Err(format!(
            "tệp do phiên bản mới hơn ghi (phiên bản {})",
            file.version
        ));
    }
    for a in file
        .entries
        .iter()
        .filter_map(|e| e.article.as_ref())
        .chain(file.closed.iter())
    {
        validate(a)?;
    }
    let saved = file
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| SavedEntry {
            key: i as u64 + 1,
            path: e.path,
            article: e.article,
            error: e.error,
        })
        .collect();
    Ok(Workspace::restore(
        pipeline,
        saved,
        file.closed,
        file.current,
        file.selected,
    ))
}

//! The workspace file: an SQLite database with one row per open article, one per closed
//! article kept for later, and the selection.
//!
//! Why SQLite (through `rusqlite` with the bundled library) rather than one JSON file or an
//! append-only journal: the JSON file was rewritten whole on every edit (48 MB and 0.157 s with
//! 4,600 articles); a journal needs its own framing, torn-tail recovery and compaction. SQLite
//! in WAL mode gives one transaction per save that writes only the changed rows, survives a
//! kill or a power cut at any moment (`synchronous = FULL`), and is one portable file the
//! officer can copy. Saving one edit then costs the same with 10 or 10,000 articles (see
//! `benches/save.rs`).
//!
//! Every article read back is validated like an import; a file that is not a workspace or
//! holds a damaged article is refused with a message ([`StoreError::Unreadable`]) and set aside
//! by [`quarantine`], never overwritten.

use super::snapshot::validate;
use super::workspace::{SavedEntry, Workspace};
use crate::model::Article;
use crate::pipeline::Pipeline;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// The `format` row of a workspace database.
pub const STORE_FORMAT: &str = "solieu-workspace-db";
/// The schema version this build writes and reads.
pub const STORE_VERSION: u32 = 1;
/// The extension of workspace files the officer names.
pub const EXTENSION: &str = "solieu";

/// Why a workspace file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The file exists but is not a workspace, is newer, or holds damaged data: it must be
    /// kept as it is (set aside) and the officer told.
    Unreadable(String),
    /// The file or its folder cannot be created or written now (permissions, a removed
    /// drive, a full disk): worth retrying.
    Io(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unreadable(m) | StoreError::Io(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for StoreError {}

fn classify(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            StoreError::Unreadable(format!("không phải tệp không gian làm việc ({e})"))
        }
        _ => StoreError::Io(e.to_string()),
    }
}

/// One row to write: an open entry in its final state, or its removal.
#[derive(Debug, Clone)]
enum Row {
    Put {
        path: String,
        pos: u64,
        article: Option<String>,
        error: Option<String>,
    },
    Delete(String),
}

/// What one save writes, serialized on the UI thread (only the changed articles) so the
/// writer thread never touches the workspace.
#[derive(Debug, Clone)]
pub struct Batch {
    /// The workspace generation this batch brings the file to.
    pub generation: u64,
    entries: Vec<Row>,
    /// Closed articles: `(path, Some(json))` to keep, `(path, None)` resumed (removed).
    closed: Vec<(String, Option<String>)>,
    /// Write the current entry and the selected figure too.
    selection: bool,
    current: Option<String>,
    selected: Option<u64>,
}

impl Batch {
    /// A batch that writes nothing: the writer acknowledges its generation in turn (the
    /// workspace moved without anything to keep, such as a re-read that changed nothing).
    pub fn empty(generation: u64) -> Batch {
        Batch {
            generation,
            entries: Vec::new(),
            closed: Vec::new(),
            selection: false,
            current: None,
            selected: None,
        }
    }

    /// Takes what changed in the workspace since the last batch; `None` when nothing did.
    pub fn take(ws: &mut Workspace) -> Option<Batch> {
        let pending = ws.take_pending();
        if pending.is_empty() {
            return None;
        }
        let json = |a: &Article| serde_json::to_string(a).unwrap_or_default();
        let entries = pending
            .entries
            .iter()
            .cloned()
            .map(|path| match ws.entry_by_path(&path) {
                Some(e) => Row::Put {
                    pos: e.key,
                    article: e.article.as_ref().map(json),
                    error: e.error.clone(),
                    path,
                },
                None => Row::Delete(path),
            })
            .collect();
        let closed = pending
            .closed
            .iter()
            .cloned()
            .map(|path| {
                let a = ws.closed_article(&path).map(json);
                (path, a)
            })
            .collect();
        Some(Batch {
            generation: ws.generation,
            entries,
            closed,
            selection: pending.selection,
            current: ws.current_entry().map(|e| e.path.clone()),
            selected: ws.selected,
        })
    }

    /// How many articles it writes (for tests and benchmarks).
    pub fn len(&self) -> usize {
        self.entries.len() + self.closed.len()
    }

    /// True when it writes no article (only the selection).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An open workspace database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the workspace file for writing, creating it (and its folder) when missing.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Io(format!("{}: {e}", dir.display())))?;
        }
        let conn = Connection::open(path).map_err(classify)?;
        Self::init(conn, path, true)
    }

    /// Opens an existing workspace file for reading only (a second window, or a copy).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(classify)?;
        Self::init(conn, path, false)
    }

    fn init(conn: Connection, path: &Path, write: bool) -> Result<Store, StoreError> {
        // A busy reader (the read-only window) must not fail a save at once.
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(classify)?;
        if write {
            // WAL: a commit appends the changed pages and syncs them; FULL: a commit that
            // returned survives a power cut, not only a killed process.
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(classify)?;
            conn.pragma_update(None, "synchronous", "FULL")
                .map_err(classify)?;
        }
        let has_info: bool = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'info'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map_err(classify)?
            > 0;
        if has_info {
            let format: Option<String> = conn
                .query_row("SELECT value FROM info WHERE key = 'format'", [], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(classify)?;
            if format.as_deref() != Some(STORE_FORMAT) {
                return Err(StoreError::Unreadable(
                    "không phải tệp không gian làm việc của Số liệu".into(),
                ));
            }
            let version: Option<String> = conn
                .query_row("SELECT value FROM info WHERE key = 'version'", [], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(classify)?;
            let v: u32 = version.and_then(|v| v.parse().ok()).unwrap_or(0);
            if v > STORE_VERSION {
                return Err(StoreError::Unreadable(format!(
                    "tệp do phiên bản mới hơn của Số liệu ghi (phiên bản {v}): hãy cập nhật chương trình"
                )));
            }
        } else {
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(classify)?;
            if tables > 0 {
                return Err(StoreError::Unreadable(
                    "tệp SQLite này không phải không gian làm việc của Số liệu".into(),
                ));
            }
            if !write {
                return Err(StoreError::Io("không gian làm việc còn trống".into()));
            }
            conn.execute_batch(&format!(
                "BEGIN;
                 CREATE TABLE info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 CREATE TABLE entries(path TEXT PRIMARY KEY, pos INTEGER NOT NULL,
                                      article TEXT, error TEXT);
                 CREATE TABLE closed(path TEXT PRIMARY KEY, article TEXT NOT NULL);
                 INSERT INTO info VALUES ('format', '{STORE_FORMAT}'), ('version', '{STORE_VERSION}');
                 COMMIT;"
            ))
            .map_err(classify)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the workspace. Every article is validated like an import: a damaged one refuses
    /// the whole file (it is kept as it is; the message names the article).
    pub fn load(&self, pipeline: Pipeline) -> Result<Workspace, StoreError> {
        let bad = |e: String| StoreError::Unreadable(e);
        let parse = |json: &str| -> Result<Article, StoreError> {
            let a: Article = serde_json::from_str(json)
                .map_err(|e| bad(format!("dữ liệu hỏng trong tệp: {e}")))?;
            validate(&a).map_err(bad)?;
            Ok(a)
        };
        let mut saved = Vec::new();
        {
            let mut st = self
                .conn
                .prepare("SELECT pos, path, article, error FROM entries ORDER BY pos")
                .map_err(classify)?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                })
                .map_err(classify)?;
            for row in rows {
                let (pos, path, article, error) = row.map_err(classify)?;
                saved.push(SavedEntry {
                    key: u64::try_from(pos).unwrap_or(0),
                    path,
                    article: article.as_deref().map(parse).transpose()?,
                    error,
                });
            }
        }
        let mut closed = Vec::new();
        {
            let mut st = self
                .conn
                .prepare("SELECT article FROM closed ORDER BY rowid")
                .map_err(classify)?;
            let rows = st
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(classify)?;
            for row in rows {
                closed.push(parse(&row.map_err(classify)?)?);
            }
        }
        let info = |k: &str| -> Result<Option<String>, StoreError> {
            self.conn
                .query_row("SELECT value FROM info WHERE key = ?1", [k], |r| r.get(0))
                .optional()
                .map_err(classify)
        };
        let current = info("current")?;
        let selected = info("selected")?.and_then(|s| s.parse().ok());
        Ok(Workspace::restore(
            pipeline, saved, closed, current, selected,
        ))
    }

    /// Writes batches in one transaction: all of them reach the file, or none.
    pub fn write(&mut self, batches: &[Batch]) -> Result<(), StoreError> {
        let tx = self.conn.transaction().map_err(classify)?;
        {
            let mut put = tx
                .prepare_cached(
                    "INSERT INTO entries(path, pos, article, error) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(path) DO UPDATE SET pos = ?2, article = ?3, error = ?4",
                )
                .map_err(classify)?;
            let mut del = tx
                .prepare_cached("DELETE FROM entries WHERE path = ?1")
                .map_err(classify)?;
            let mut keep = tx
                .prepare_cached(
                    "INSERT INTO closed(path, article) VALUES (?1, ?2)
                     ON CONFLICT(path) DO UPDATE SET article = ?2",
                )
                .map_err(classify)?;
            let mut resume = tx
                .prepare_cached("DELETE FROM closed WHERE path = ?1")
                .map_err(classify)?;
            let mut info = tx
                .prepare_cached(
                    "INSERT INTO info(key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = ?2",
                )
                .map_err(classify)?;
            let mut forget = tx
                .prepare_cached("DELETE FROM info WHERE key = ?1")
                .map_err(classify)?;
            for b in batches {
                for row in &b.entries {
                    match row {
                        Row::Put {
                            path,
                            pos,
                            article,
                            error,
                        } => put.execute(params![
                            path,
                            i64::try_from(*pos).unwrap_or(i64::MAX),
                            article,
                            error
                        ]),
                        Row::Delete(path) => del.execute([path]),
                    }
                    .map_err(classify)?;
                }
                for (path, article) in &b.closed {
                    match article {
                        Some(a) => keep.execute(params![path, a]),
                        None => resume.execute([path]),
                    }
                    .map_err(classify)?;
                }
            }
            if let Some(b) = batches.iter().rev().find(|b| b.selection) {
                match &b.current {
                    Some(c) => info.execute(params!["current", c]),
                    None => forget.execute(["current"]),
                }
                .map_err(classify)?;
                match b.selected {
                    Some(s) => info.execute(params!["selected", s.to_string()]),
                    None => forget.execute(["selected"]),
                }
                .map_err(classify)?;
            }
        }
        tx.commit().map_err(classify)
    }

    /// SQLite's own consistency check (`PRAGMA integrity_check`): `Ok` when the file is whole.
    pub fn check_integrity(&self) -> Result<(), String> {
        let r: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| e.to_string())?;
        if r == "ok" { Ok(()) } else { Err(r) }
    }
}

/// Sets an unreadable workspace file aside (`NAME.unreadable-YYYYMMDD-HHMMSS`, with its SQLite
/// side files) so a fresh one can start without destroying anything. Returns the new name.
pub fn quarantine(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = jiff::ZonedDateTime::now()
        .strftime("%Y%m%d-%H%M%S")
        .to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    let aside = path.with_file_name(format!("{name}.unreadable-{stamp}"));
    std::fs::rename(path, &aside)?;
    for side in ["-wal", "-shm"] {
        let from = path.with_file_name(format!("{name}{side}"));
        if from.exists() {
            let _ = std::fs::rename(
                &from,
                aside.with_file_name(format!("{name}.unreadable-{stamp}{side}")),
            );
        }
    }
    Ok(aside)
}

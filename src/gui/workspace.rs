//! The officer's workspace: the open articles, the selection, every annotation change with its
//! undo history, and the file that keeps all of it across sessions.
//!
//! No UI code lives here, so tests drive it directly as well as through the window. Every change
//! to annotations goes through [`Workspace::commit`], which records it for undo/redo, bumps the
//! article's revision (the article view re-lays out on that) and marks the workspace dirty (the
//! app writes it through to disk within a second).

use crate::export;
use crate::extract::number::parse_user_value;
use crate::load::{self, LoadError};
use crate::model::{Article, Document, Figure, Kind, Reading, Status};
use crate::pipeline::Pipeline;
use crate::text::{CharIndex, sha256_hex};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The `format` tag of the workspace file.
pub const WORKSPACE_FORMAT: &str = "solieu-workspace";
/// The workspace file version this build writes and reads.
pub const WORKSPACE_VERSION: u32 = 1;
/// The name of the workspace file in the data folder.
pub const WORKSPACE_FILE: &str = "workspace.json";
/// How many undo steps are kept.
pub const UNDO_LIMIT: usize = 500;

/// The data folder: `$SOLIEU_DATA_DIR` when set, else the platform's data folder
/// (`~/.local/share/solieu` on Linux, `%APPDATA%\solieu\solieu\data` on Windows,
/// `~/Library/Application Support/vn.solieu.solieu` on macOS).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("SOLIEU_DATA_DIR")
        && !d.is_empty()
    {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("vn", "solieu", "solieu").map(|p| p.data_dir().to_path_buf())
}

/// One article in the workspace list: loaded, or the reason it could not be.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable for the session; undo steps and views refer to entries by it.
    pub key: u64,
    /// The file, as an absolute path when it could be resolved.
    pub path: String,
    /// The article, when the file loaded.
    pub article: Option<Article>,
    /// Why it did not load (in the officer's words).
    pub error: Option<String>,
    /// Bumped on every change of the article's annotations (views cache on it).
    pub revision: u64,
}

impl Entry {
    /// The file name, for lists.
    pub fn file_name(&self) -> String {
        Path::new(&self.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.clone())
    }
}

/// What is known about an article as a whole (editable in its header).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The district.
    pub district: Option<String>,
    /// The province.
    pub province: Option<String>,
    /// The publication date `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The officer's note.
    pub note: Option<String>,
}

impl Meta {
    fn of(a: &Article) -> Self {
        Meta {
            title: a.title.clone(),
            district: a.district.clone(),
            province: a.province.clone(),
            published: a.published.clone(),
            note: a.note.clone(),
        }
    }

    fn put(&self, a: &mut Article) {
        a.title = self.title.clone();
        a.district = self.district.clone();
        a.province = self.province.clone();
        a.published = self.published.clone();
        a.note = self.note.clone();
    }
}

/// All annotations of an article (for bulk changes such as an import).
#[derive(Debug, Clone, PartialEq)]
struct Annotations {
    meta: Meta,
    figures: Vec<Figure>,
    unplaced: Vec<Figure>,
}

impl Annotations {
    fn of(a: &Article) -> Self {
        Annotations {
            meta: Meta::of(a),
            figures: a.figures.clone(),
            unplaced: a.unplaced.clone(),
        }
    }
}

/// One reversible change.
#[derive(Debug, Clone)]
enum Change {
    /// A figure (by id) goes from `before` to `after`; `None` means absent.
    Figure {
        entry: u64,
        id: u64,
        before: Option<Box<Figure>>,
        after: Option<Box<Figure>>,
    },
    /// The article's metadata.
    Meta {
        entry: u64,
        before: Box<Meta>,
        after: Box<Meta>,
    },
    /// Everything at once.
    All {
        entry: u64,
        before: Box<Annotations>,
        after: Box<Annotations>,
    },
}

/// One undo step: the changes and the selection to show after it is undone or redone.
#[derive(Debug, Clone)]
struct Step {
    changes: Vec<Change>,
    selection: Option<(u64, Option<u64>)>,
}

/// Which way a figure edit goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Accept the figure as it reads now.
    Confirm,
    /// Not a figure the officer wants.
    Reject,
    /// A new reading (and note) from the editor: the figure becomes `corrected`.
    Reading(Box<Reading>, Option<String>),
    /// Back to the machine's reading.
    Revert,
    /// A new span (char offsets).
    Span(usize, usize),
}

/// The result of opening paths.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct OpenReport {
    /// Articles now open (newly or already).
    pub opened: usize,
    /// Files that failed, with reasons.
    pub failed: Vec<String>,
    /// Figures that could not be placed again in changed files.
    pub unplaced: usize,
}

/// The result of importing a JSON document.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    /// Articles merged into an open one with the same text.
    pub merged: usize,
    /// Articles added to the workspace.
    pub added: usize,
}

/// The serialized workspace.
#[derive(Serialize, Deserialize)]
struct WorkspaceFile {
    format: String,
    version: u32,
    #[serde(default)]
    entries: Vec<SavedEntry>,
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    selected: Option<u64>,
    /// Annotations of articles the officer closed, resumed when they are opened again.
    #[serde(default)]
    closed: Vec<Article>,
}

#[derive(Serialize, Deserialize)]
struct SavedEntry {
    path: String,
    #[serde(default)]
    article: Option<Article>,
    #[serde(default)]
    error: Option<String>,
}

/// The open articles, the selection and the undo history.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The articles in the order they were opened.
    pub entries: Vec<Entry>,
    /// The entry shown in the centre.
    pub current: Option<u64>,
    /// The selected figure of the current article.
    pub selected: Option<u64>,
    /// Annotations of closed articles, resumed on reopening (by path or text hash).
    closed: Vec<Article>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_key: u64,
    /// Bumped on every change that should reach the disk (annotations, open list, selection).
    pub generation: u64,
    /// How articles are read and filed: the same pipeline as the CLI's, with the officer's
    /// catalogue.
    pub pipeline: Pipeline,
}

impl Workspace {
    /// An empty workspace reading with the built-in catalogue.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty workspace reading with `pipeline`.
    pub fn with_pipeline(pipeline: Pipeline) -> Self {
        Workspace {
            pipeline,
            ..Workspace::default()
        }
    }

    fn key(&mut self) -> u64 {
        self.next_key += 1;
        self.next_key
    }

    /// The entry with this key.
    pub fn entry(&self, key: u64) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    fn entry_mut(&mut self, key: u64) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.key == key)
    }

    /// The entry shown in the centre.
    pub fn current_entry(&self) -> Option<&Entry> {
        self.current.and_then(|k| self.entry(k))
    }

    /// The article shown in the centre.
    pub fn current_article(&self) -> Option<&Article> {
        self.current_entry().and_then(|e| e.article.as_ref())
    }

    /// The selected figure.
    pub fn selected_figure(&self) -> Option<&Figure> {
        let id = self.selected?;
        self.current_article()?.figures.iter().find(|f| f.id == id)
    }

    /// Shows an entry (and forgets the figure selection).
    pub fn select_entry(&mut self, key: u64) {
        if self.current != Some(key) && self.entry(key).is_some() {
            self.current = Some(key);
            self.selected = None;
            self.generation += 1;
        }
    }

    /// Selects a figure of the current article.
    pub fn select_figure(&mut self, id: Option<u64>) {
        if self.selected != id {
            self.selected = id;
            self.generation += 1;
        }
    }

    /// Opens files and folders (folders: every `.txt`, `.html`, `.htm`). Files that fail appear
    /// in the list with their error; an article opened before resumes its annotations. The last
    /// article opened becomes current.
    pub fn open_paths(&mut self, paths: &[PathBuf]) -> OpenReport {
        let (files, errors) = load::collect_paths(paths);
        let mut report = OpenReport::default();
        for e in errors {
            report.failed.push(e.to_string());
            self.add_failed(&e);
        }
        for file in files {
            let path = absolute(&file);
            if let Some(e) = self
                .entries
                .iter()
                .find(|e| e.path == path && e.article.is_some())
            {
                let k = e.key;
                self.select_entry(k);
                report.opened += 1;
                continue;
            }
            match self.pipeline.open(&file, &path) {
                Ok(fresh) => {
                    let (article, lost) = self.resume(fresh);
                    report.unplaced += lost;
                    report.opened += 1;
                    let key = self.key();
                    self.entries.retain(|e| e.path != path);
                    self.entries.push(Entry {
                        key,
                        path,
                        article: Some(article),
                        error: None,
                        revision: 0,
                    });
                    self.current = Some(key);
                    self.selected = None;
                }
                Err(e) => {
                    report.failed.push(e.to_string());
                    self.add_failed(&e);
                }
            }
        }
        self.generation += 1;
        report
    }

    fn add_failed(&mut self, e: &LoadError) {
        let path = absolute(&e.path);
        self.entries.retain(|x| x.path != path);
        let key = self.key();
        self.entries.push(Entry {
            key,
            path,
            article: None,
            error: Some(e.reason.clone()),
            revision: 0,
        });
        self.generation += 1;
    }

    /// Takes back the annotations of a closed article with the same path or text.
    fn resume(&mut self, fresh: Article) -> (Article, usize) {
        let pos = self
            .closed
            .iter()
            .position(|a| a.text_sha256 == fresh.text_sha256)
            .or_else(|| self.closed.iter().position(|a| a.path == fresh.path));
        match pos {
            Some(i) => {
                let old = self.closed.remove(i);
                carry_over(old, fresh)
            }
            None => (fresh, 0),
        }
    }

    /// Closes an entry; its annotations are kept and resumed when it is opened again.
    pub fn close(&mut self, key: u64) {
        let Some(i) = self.entries.iter().position(|e| e.key == key) else {
            return;
        };
        let e = self.entries.remove(i);
        if let Some(a) = e.article {
            self.closed.retain(|c| c.path != a.path);
            self.closed.push(a);
        }
        // Undo steps of a closed article cannot apply any more.
        let keep = |s: &Step| s.changes.iter().all(|c| change_entry(c) != key);
        self.undo.retain(keep);
        self.redo.retain(keep);
        if self.current == Some(key) {
            self.current = self
                .entries
                .get(i.min(self.entries.len().saturating_sub(1)))
                .map(|e| e.key);
            self.selected = None;
        }
        self.generation += 1;
    }

    // ---- changes -------------------------------------------------------------------------

    fn commit(&mut self, changes: Vec<Change>) {
        if changes.is_empty() {
            return;
        }
        for c in &changes {
            self.apply(c, true);
        }
        self.undo.push(Step {
            changes,
            selection: self.current.map(|k| (k, self.selected)),
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn apply(&mut self, c: &Change, forward: bool) {
        let key = change_entry(c);
        let Some(e) = self.entry_mut(key) else {
            return;
        };
        e.revision += 1;
        let Some(a) = e.article.as_mut() else {
            return;
        };
        match c {
            Change::Figure {
                id, before, after, ..
            } => {
                let target = if forward { after } else { before };
                a.figures.retain(|f| f.id != *id);
                if let Some(f) = target {
                    let at = a
                        .figures
                        .partition_point(|g| (g.start, g.end, g.id) < (f.start, f.end, f.id));
                    a.figures.insert(at, (**f).clone());
                }
            }
            Change::Meta { before, after, .. } => {
                if forward { after } else { before }.put(a);
            }
            Change::All { before, after, .. } => {
                let t = if forward { after } else { before };
                t.meta.put(a);
                a.figures = t.figures.clone();
                a.unplaced = t.unplaced.clone();
            }
        }
        self.generation += 1;
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last change; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for c in step.changes.iter().rev() {
            self.apply(c, false);
        }
        self.restore_selection(&step);
        self.redo.push(step);
        true
    }

    /// Redoes the last undone change; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for c in &step.changes {
            self.apply(c, true);
        }
        self.restore_selection(&step);
        self.undo.push(step);
        true
    }

    fn restore_selection(&mut self, step: &Step) {
        if let Some((k, id)) = step.selection
            && self.entry(k).is_some()
        {
            self.current = Some(k);
            self.selected = id;
        }
    }

    /// Applies an edit to a figure of an entry. Errors (in Vietnamese) change nothing.
    pub fn edit_figure(&mut self, key: u64, id: u64, edit: Edit) -> Result<(), String> {
        let a = self
            .entry(key)
            .and_then(|e| e.article.as_ref())
            .ok_or("Bài viết chưa được mở")?;
        let before = a
            .figures
            .iter()
            .find(|f| f.id == id)
            .cloned()
            .ok_or("Không tìm thấy số liệu")?;
        let mut f = before.clone();
        match edit {
            Edit::Confirm => {
                f.status = match f.status {
                    Status::Extracted | Status::Rejected if f.extracted.is_some() => {
                        Status::Corrected
                    }
                    Status::Extracted | Status::Rejected | Status::Confirmed => Status::Confirmed,
                    s => s,
                };
            }
            Edit::Reject => f.status = Status::Rejected,
            Edit::Reading(reading, note) => {
                if reading.kind == Kind::Date
                    && let Some(d) = &reading.date
                {
                    check_date(d)?;
                }
                for v in [reading.value, reading.value_to].into_iter().flatten() {
                    if !v.is_finite() {
                        return Err("Giá trị không hợp lệ".into());
                    }
                }
                if *reading == f.reading && note == f.note {
                    return Ok(());
                }
                if f.status != Status::Added {
                    if f.extracted.is_none() {
                        f.extracted = Some(f.reading.clone());
                    }
                    f.status = Status::Corrected;
                }
                f.reading = *reading;
                f.note = note;
            }
            Edit::Revert => {
                if let Some(r) = f.extracted.take() {
                    f.reading = r;
                }
                if f.status != Status::Added {
                    f.status = Status::Extracted;
                }
            }
            Edit::Span(start, end) => {
                let text = span_text(&a.text, start, end)?;
                check_overlap(a, start, end, Some(id))?;
                f.start = start;
                f.end = end;
                f.text = text.to_string();
                f.context = context_of(&a.text, start, end);
                if f.status != Status::Added {
                    if f.extracted.is_none() {
                        f.extracted = Some(f.reading.clone());
                    }
                    f.status = Status::Corrected;
                }
            }
        }
        if f == before {
            return Ok(());
        }
        self.commit(vec![Change::Figure {
            entry: key,
            id,
            before: Some(Box::new(before)),
            after: Some(Box::new(f)),
        }]);
        Ok(())
    }

    /// Adds a figure the machine missed over a span (char offsets) of an entry's text, its
    /// value parsed from the span. Returns the new figure's id.
    pub fn add_figure(&mut self, key: u64, start: usize, end: usize) -> Result<u64, String> {
        let a = self
            .entry(key)
            .and_then(|e| e.article.as_ref())
            .ok_or("Bài viết chưa được mở")?;
        let text = span_text(&a.text, start, end)?.to_string();
        check_overlap(a, start, end, None)?;
        let id = a.next_id();
        let reading = guess_reading(&text);
        let f = Figure {
            id,
            start,
            end,
            context: context_of(&a.text, start, end),
            text,
            reading,
            confidence: 1.0,
            indicator_confidence: 0.0,
            status: Status::Added,
            note: None,
            extracted: None,
        };
        self.commit(vec![Change::Figure {
            entry: key,
            id,
            before: None,
            after: Some(Box::new(f)),
        }]);
        self.select_figure(Some(id));
        Ok(id)
    }

    /// Changes an entry's metadata (an undoable step). Dates must be `YYYY-MM-DD` and real.
    pub fn set_meta(&mut self, key: u64, meta: Meta) -> Result<(), String> {
        let a = self
            .entry(key)
            .and_then(|e| e.article.as_ref())
            .ok_or("Bài viết chưa được mở")?;
        if let Some(d) = &meta.published {
            check_date(d)?;
        }
        let before = Meta::of(a);
        if before == meta {
            return Ok(());
        }
        self.commit(vec![Change::Meta {
            entry: key,
            before: Box::new(before),
            after: Box::new(meta),
        }]);
        Ok(())
    }

    // ---- navigation ----------------------------------------------------------------------

    /// Selects the next (or previous) figure of the current article; wraps around.
    pub fn step_figure(&mut self, forward: bool) {
        let Some(a) = self.current_article() else {
            return;
        };
        if a.figures.is_empty() {
            return;
        }
        let n = a.figures.len();
        let pos = self
            .selected
            .and_then(|id| a.figures.iter().position(|f| f.id == id));
        let i = match (pos, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let id = a.figures[i].id;
        self.select_figure(Some(id));
    }

    /// Selects the next figure not reviewed yet (after the selection, wrapping); false if none.
    pub fn next_unreviewed(&mut self) -> bool {
        let Some(a) = self.current_article() else {
            return false;
        };
        let n = a.figures.len();
        let start = self
            .selected
            .and_then(|id| a.figures.iter().position(|f| f.id == id))
            .map_or(0, |i| i + 1);
        let found = (0..n)
            .map(|k| &a.figures[(start + k) % n])
            .find(|f| !f.status.is_reviewed())
            .map(|f| f.id);
        match found {
            Some(id) => {
                self.select_figure(Some(id));
                true
            }
            None => false,
        }
    }

    /// Every indicator id used so far, sorted (suggestions for the editor).
    pub fn indicators(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .entries
            .iter()
            .filter_map(|e| e.article.as_ref())
            .flat_map(|a| a.figures.iter())
            .filter_map(|f| f.reading.indicator.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The loaded articles.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.entries.iter().filter_map(|e| e.article.as_ref())
    }

    // ---- export / import -----------------------------------------------------------------

    /// The annotated JSON of every article, or of the current one.
    pub fn export_json(&self, only_current: bool) -> String {
        let articles: Vec<Article> = if only_current {
            self.current_article().cloned().into_iter().collect()
        } else {
            self.articles().cloned().collect()
        };
        let mut s = export::to_json(&Document::new(articles));
        s.push('\n');
        s
    }

    /// The CSV of every article.
    pub fn export_csv(&self) -> Vec<u8> {
        let articles: Vec<Article> = self.articles().cloned().collect();
        export::to_csv(&articles)
    }

    /// Imports an annotated JSON document: an article whose text matches an open one (by
    /// `text_sha256`) is merged into it (the officer's reviewed figures win over unreviewed
    /// ones); others are added. A malformed or newer document changes nothing.
    pub fn import_json(&mut self, bytes: &[u8]) -> Result<ImportReport, String> {
        let doc = export::from_json(bytes).map_err(|e| e.to_string())?;
        let mut report = ImportReport::default();
        let mut changes = Vec::new();
        for mut incoming in doc.articles {
            // Unreviewed figures are filed as the CLI files them, with the officer's catalogue.
            self.pipeline.assign(&mut incoming);
            let target = self.entries.iter().find(|e| {
                e.article
                    .as_ref()
                    .is_some_and(|a| a.text_sha256 == incoming.text_sha256)
            });
            match target {
                Some(e) => {
                    let Some(a) = e.article.as_ref() else {
                        continue;
                    };
                    let before = Annotations::of(a);
                    let after = merge(a, &incoming);
                    if after != before {
                        changes.push(Change::All {
                            entry: e.key,
                            before: Box::new(before),
                            after: Box::new(after),
                        });
                    }
                    report.merged += 1;
                }
                None => {
                    let key = self.key();
                    let path = incoming.path.clone();
                    self.entries.retain(|e| e.path != path);
                    self.entries.push(Entry {
                        key,
                        path,
                        article: Some(incoming),
                        error: None,
                        revision: 0,
                    });
                    if self.current.is_none() {
                        self.current = Some(key);
                    }
                    report.added += 1;
                }
            }
        }
        self.commit(changes);
        self.generation += 1;
        Ok(report)
    }

    // ---- persistence ---------------------------------------------------------------------

    /// The workspace file's bytes (JSON).
    pub fn to_bytes(&self) -> Vec<u8> {
        let file = WorkspaceFile {
            format: WORKSPACE_FORMAT.into(),
            version: WORKSPACE_VERSION,
            entries: self
                .entries
                .iter()
                .map(|e| SavedEntry {
                    path: e.path.clone(),
                    article: e.article.clone(),
                    error: e.error.clone(),
                })
                .collect(),
            current: self.current_entry().map(|e| e.path.clone()),
            selected: self.selected,
            closed: self.closed.clone(),
        };
        serde_json::to_vec(&file).unwrap_or_default()
    }

    /// Writes the workspace file atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        export::write_atomic(path, &self.to_bytes())
    }

    /// Reads a workspace file. Articles whose file changed since are re-anchored (figures that
    /// cannot be placed go to `unplaced`); a file that is gone keeps its saved text.
    pub fn from_bytes(bytes: &[u8], pipeline: Pipeline) -> Result<Self, String> {
        let file: WorkspaceFile =
            serde_json::from_slice(bytes).map_err(|e| format!("tệp không đọc được: {e}"))?;
        if file.format != WORKSPACE_FORMAT {
            return Err(format!(
                "không phải tệp không gian làm việc ({})",
                file.format
            ));
        }
        if file.version > WORKSPACE_VERSION {
            return Err(format!(
                "tệp do phiên bản mới hơn ghi (phiên bản {})",
                file.version
            ));
        }
        let mut ws = Workspace {
            closed: file.closed,
            pipeline,
            ..Workspace::default()
        };
        for s in file.entries {
            let key = ws.key();
            let article = s.article.map(|saved| refresh(&ws.pipeline, saved).0);
            if file.current.as_deref() == Some(s.path.as_str()) {
                ws.current = Some(key);
            }
            ws.entries.push(Entry {
                key,
                path: s.path,
                article,
                error: s.error,
                revision: 0,
            });
        }
        if ws.current.is_none() {
            ws.current = ws.entries.first().map(|e| e.key);
        }
        ws.selected = file.selected.filter(|id| {
            ws.current_article()
                .is_some_and(|a| a.figures.iter().any(|f| f.id == *id))
        });
        Ok(ws)
    }

    /// Loads the workspace file; `Ok(None)` when there is none yet.
    pub fn load(path: &Path, pipeline: Pipeline) -> Result<Option<Self>, String> {
        match std::fs::read(path) {
            Ok(bytes) => Self::from_bytes(&bytes, pipeline).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }
}

fn change_entry(c: &Change) -> u64 {
    match c {
        Change::Figure { entry, .. } | Change::Meta { entry, .. } | Change::All { entry, .. } => {
            *entry
        }
    }
}

/// An absolute form of a path for identity (the path as given when it cannot be resolved).
fn absolute(p: &Path) -> String {
    std::fs::canonicalize(p)
        .or_else(|_| std::path::absolute(p))
        .unwrap_or_else(|_| p.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// A saved article against its file on disk now: unchanged, or re-anchored to the new text.
fn refresh(pipeline: &Pipeline, saved: Article) -> (Article, usize) {
    let Ok(loaded) = load::load_file(Path::new(&saved.path)) else {
        return (saved, 0);
    };
    if sha256_hex(&loaded.text) == saved.text_sha256 {
        return (saved, 0);
    }
    let fresh = pipeline.analyze(&saved.path, loaded);
    carry_over(saved, fresh)
}

/// Carries the officer's annotations from an old article over to a fresh analysis of its file.
/// Same text: the old article as it was. Changed text: the officer's metadata, reviewed figures
/// re-anchored (those that cannot be placed are `unplaced`), and fresh machine figures where the
/// officer had none. Returns the number of figures that lost their place.
pub fn carry_over(old: Article, fresh: Article) -> (Article, usize) {
    if old.text_sha256 == fresh.text_sha256 {
        let mut a = old;
        a.path = fresh.path;
        return (a, 0);
    }
    let mut a = fresh;
    a.title = old.title.clone().or(a.title);
    a.district = old.district.clone().or(a.district);
    a.province = old.province.clone().or(a.province);
    a.published = old.published.clone().or(a.published);
    a.note = old.note.clone();
    let (placed, mut lost) = reanchor(&old.figures, &a.text);
    lost.extend(old.unplaced.iter().cloned());
    // Keep the fresh machine figures that do not overlap a re-anchored one; renumber them
    // after the officer's ids so ids stay unique.
    let mut next = placed
        .iter()
        .chain(lost.iter())
        .map(|f| f.id)
        .max()
        .unwrap_or(0)
        + 1;
    let mut figures = placed;
    for mut f in std::mem::take(&mut a.figures) {
        if figures.iter().any(|g| g.start < f.end && f.start < g.end) {
            continue;
        }
        f.id = next;
        next += 1;
        figures.push(f);
    }
    figures.sort_by_key(|f| (f.start, f.end, f.id));
    a.figures = figures;
    let n = lost.len();
    a.unplaced = lost;
    (a, n)
}

/// Places figures in a new text by their text and context: where they were if the text there
/// is unchanged, else at the occurrence whose sentence matches their context (nearest to the
/// old place). Returns the placed figures and those that could not be placed.
pub fn reanchor(figures: &[Figure], text: &str) -> (Vec<Figure>, Vec<Figure>) {
    let index = CharIndex::new(text);
    let n = index.len_chars();
    let mut placed: Vec<Figure> = Vec::new();
    let mut lost = Vec::new();
    let free =
        |placed: &[Figure], s: usize, e: usize| !placed.iter().any(|g| g.start < e && s < g.end);
    for f in figures {
        // 1. Same place, same text, same sentence.
        if f.end <= n {
            let (b0, b1) = (index.byte_of_char(f.start), index.byte_of_char(f.end));
            if text.get(b0..b1) == Some(f.text.as_str())
                && (f.context.is_empty() || crate::extract::sentence(text, b0, b1) == f.context)
                && free(&placed, f.start, f.end)
            {
                placed.push(f.clone());
                continue;
            }
        }
        // 2. Every occurrence of the text whose sentence is the figure's context.
        let mut best: Option<(usize, usize)> = None;
        if !f.text.is_empty() {
            for (b0, _) in text.match_indices(f.text.as_str()) {
                let b1 = b0 + f.text.len();
                if !f.context.is_empty() && crate::extract::sentence(text, b0, b1) != f.context {
                    continue;
                }
                let s = index.char_of_byte(b0);
                let e = s + f.text.chars().count();
                if !free(&placed, s, e) {
                    continue;
                }
                let d = s.abs_diff(f.start);
                if best.is_none_or(|(bs, _)| d < bs.abs_diff(f.start)) {
                    best = Some((s, e));
                }
            }
        }
        match best {
            Some((s, e)) => {
                let mut g = f.clone();
                g.start = s;
                g.end = e;
                placed.push(g);
            }
            None => lost.push(f.clone()),
        }
    }
    placed.sort_by_key(|f| (f.start, f.end, f.id));
    (placed, lost)
}

/// Merges an imported article's annotations into an open one with the same text.
fn merge(ours: &Article, theirs: &Article) -> Annotations {
    let mut figures = ours.figures.clone();
    let mut next = ours.next_id().max(theirs.next_id());
    for t in &theirs.figures {
        match figures
            .iter_mut()
            .find(|f| f.start == t.start && f.end == t.end)
        {
            Some(f) => {
                if t.status.is_reviewed() && !f.status.is_reviewed() {
                    let id = f.id;
                    *f = t.clone();
                    f.id = id;
                }
            }
            None => {
                if figures.iter().any(|f| f.start < t.end && t.start < f.end) {
                    continue;
                }
                let mut f = t.clone();
                f.id = next;
                next += 1;
                figures.push(f);
            }
        }
    }
    figures.sort_by_key(|f| (f.start, f.end, f.id));
    let mut meta = Meta::of(ours);
    let tm = Meta::of(theirs);
    meta.title = meta.title.or(tm.title);
    meta.district = meta.district.or(tm.district);
    meta.province = meta.province.or(tm.province);
    meta.published = meta.published.or(tm.published);
    meta.note = meta.note.or(tm.note);
    Annotations {
        meta,
        figures,
        unplaced: ours.unplaced.clone(),
    }
}

fn span_text(text: &str, start: usize, end: usize) -> Result<&str, String> {
    if start >= end {
        return Err("Chưa chọn đoạn văn bản nào".into());
    }
    let s = crate::text::slice_chars(text, start, end).ok_or("Vùng chọn nằm ngoài văn bản")?;
    if s.contains('\n') {
        return Err("Vùng chọn không được qua nhiều dòng".into());
    }
    if s.trim().is_empty() {
        return Err("Vùng chọn chỉ có khoảng trắng".into());
    }
    Ok(s)
}

fn check_overlap(a: &Article, start: usize, end: usize, except: Option<u64>) -> Result<(), String> {
    match a
        .figures
        .iter()
        .find(|f| Some(f.id) != except && f.start < end && start < f.end)
    {
        Some(f) => Err(format!("Vùng chọn trùng với số liệu “{}”", f.text)),
        None => Ok(()),
    }
}

fn context_of(text: &str, start: usize, end: usize) -> String {
    let idx = CharIndex::new(text);
    crate::extract::sentence(text, idx.byte_of_char(start), idx.byte_of_char(end))
}

/// A first reading for a span the officer added: its kind from its shape, its value parsed.
pub fn guess_reading(span: &str) -> Reading {
    let t = span.trim();
    let kind = if t.ends_with('%') {
        Kind::Percent
    } else if let Some(d) = parse_date(t) {
        let mut r = Reading::new(Kind::Date);
        r.date = Some(d);
        return r;
    } else if t.len() == 4 && t.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y)) {
        Kind::Year
    } else if t.contains('/') {
        Kind::Ratio
    } else if crate::extract::number::roman_value(t).is_some() {
        Kind::Roman
    } else {
        Kind::Count
    };
    let mut r = Reading::new(kind);
    // Take the number part: the first run of digits and separators (a span may include words).
    r.value = parse_user_value(t).ok().or_else(|| {
        let num: String = t
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/'))
            .collect();
        parse_user_value(num.trim_end_matches(['.', ',', '/'])).ok()
    });
    if kind == Kind::Year {
        r.year = r.value.map(|v| v as i32);
    }
    r
}

/// Parses a date as an officer types it: `22/02/2019`, `2019-02-22`, `02/2019`, `2019-02`.
/// Returns `YYYY-MM-DD` / `YYYY-MM`; `None` when it is not a date shape.
pub fn parse_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.trim().split(['/', '-', '.']).collect();
    if parts.is_empty()
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [d, m, y] if y.len() == 4 => Some(format!("{y}-{:02}-{:02}", num(m)?, num(d)?)),
        [y, m, d] if y.len() == 4 => Some(format!("{y}-{:02}-{:02}", num(m)?, num(d)?)),
        [m, y] if y.len() == 4 && m.len() <= 2 => Some(format!("{y}-{:02}", num(m)?)),
        [y, m] if y.len() == 4 && m.len() <= 2 => Some(format!("{y}-{:02}", num(m)?)),
        _ => None,
    }
}

/// Checks a stored date (`YYYY-MM-DD`, `YYYY-MM` or `--MM-DD`) is real.
pub fn check_date(d: &str) -> Result<(), String> {
    let bad = || Err(format!("Ngày “{d}” không hợp lệ"));
    let parts: Vec<&str> = d.split('-').collect();
    let (y, m, day) = match parts.as_slice() {
        [y, m, dd] => (
            y.parse::<i32>().ok(),
            m.parse::<u32>().ok(),
            dd.parse::<u32>().ok(),
        ),
        [y, m] => (y.parse().ok(), m.parse().ok(), Some(1)),
        ["", "", m, dd] => (Some(2000), m.parse().ok(), dd.parse().ok()),
        _ => return bad(),
    };
    match (y, m, day) {
        (Some(y), Some(m), Some(dd)) if crate::extract::page::valid_date(y, m, dd) => Ok(()),
        _ => bad(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(id: u64, text: &str, all: &str, context: &str) -> Figure {
        let b = all.find(text).unwrap_or(0);
        let idx = CharIndex::new(all);
        let s = idx.char_of_byte(b);
        Figure {
            id,
            start: s,
            end: s + text.chars().count(),
            text: text.into(),
            reading: Reading::new(Kind::Count),
            confidence: 1.0,
            indicator_confidence: 0.0,
            context: context.into(),
            status: Status::Confirmed,
            note: None,
            extracted: None,
        }
    }

    #[test]
    fn reanchors_moved_figures_and_keeps_lost_ones() {
        let old = "Đình Lập có 69 học viên.\nNăm 2018 mở 20 lớp.";
        let f1 = fig(1, "69", old, "Đình Lập có 69 học viên.");
        let f2 = fig(2, "20", old, "Năm 2018 mở 20 lớp.");
        let new = "Tin mới.\nĐình Lập có 69 học viên.\nNăm 2018 mở 25 lớp.";
        let (placed, lost) = reanchor(&[f1, f2], new);
        assert_eq!(placed.len(), 1);
        assert_eq!(
            crate::text::slice_chars(new, placed[0].start, placed[0].end),
            Some("69")
        );
        assert_eq!(lost.len(), 1);
        assert_eq!(lost[0].id, 2);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("22/02/2019").as_deref(), Some("2019-02-22"));
        assert!(check_date("2019-02-31").is_err());
        assert!(check_date("2019-02-28").is_ok());
        assert!(check_date("--02-29").is_ok());
    }
}

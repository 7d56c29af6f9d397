//! The officer's workspace: the open articles, the selection, and every annotation change
//! (through [`Workspace::commit`], recorded for undo/redo in [`super::history`]).
//!
//! No UI code lives here, so tests drive it directly as well as through the window. Every change
//! bumps the entry's revision (the article view re-lays out on that), the workspace's generation
//! (the app knows something is unsaved) and marks what changed in [`Pending`], so the store
//! writes that and nothing else.

use super::anchor::{carry_over, merge, refresh};
use super::history::{Annotations, Change, History, Meta, Step};
use super::typed::{check_date, guess_reading};
use crate::export;
use crate::load::{self, LoadError};
use crate::model::{Article, Computed, Document, Figure, Kind, Reading, Status};
use crate::pipeline::Pipeline;
use crate::text::CharIndex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// An entry as a store keeps it.
#[derive(Debug, Clone)]
pub struct SavedEntry {
    /// Its place in the list (keys grow in the order entries were opened).
    pub key: u64,
    /// The file.
    pub path: String,
    /// The article with the officer's annotations, when the file loaded.
    pub article: Option<Article>,
    /// Why it did not load.
    pub error: Option<String>,
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
    /// Files whose text is already open under another path: (this file, the open one).
    pub duplicates: Vec<(String, String)>,
}

/// The result of importing a JSON document.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    /// Articles merged into an open one with the same text.
    pub merged: usize,
    /// Articles added to the workspace.
    pub added: usize,
}

/// What changed since the store last wrote: entries and closed articles by path (their final
/// state is read when the store takes them), and whether the selection moved. Saving one edit
/// therefore writes one article, whatever the size of the workspace.
#[derive(Debug, Default, Clone)]
pub struct Pending {
    /// Paths of open entries added, changed or removed.
    pub entries: BTreeSet<String>,
    /// Paths of closed articles added or resumed.
    pub closed: BTreeSet<String>,
    /// The current entry or the selected figure changed.
    pub selection: bool,
}

impl Pending {
    /// Nothing to write.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.closed.is_empty() && !self.selection
    }

    /// Adds what `other` marks (a failed write is merged back into the next one).
    pub fn merge(&mut self, other: Pending) {
        self.entries.extend(other.entries);
        self.closed.extend(other.closed);
        self.selection |= other.selection;
    }
}

/// The open articles, the selection and the undo history.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The articles in the order they were opened, which is the order of their keys (lookups
    /// rely on it: entries are added and removed by the workspace only).
    pub entries: Vec<Entry>,
    /// The entry shown in the centre.
    pub current: Option<u64>,
    /// The selected figure of the current article.
    pub selected: Option<u64>,
    /// Annotations of closed articles, resumed on reopening (by path or text hash).
    pub(crate) closed: Vec<Article>,
    history: History,
    pub(crate) next_key: u64,
    /// The key of each open path, so a save finds an entry by path without a scan.
    by_path: std::collections::HashMap<String, u64>,
    /// What changed since the store last took the changes.
    pub(crate) pending: Pending,
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

    /// A workspace from what a store or a snapshot kept: entries in their order (with the key
    /// they were saved under, which keeps that order), closed articles, the current path and
    /// the selected figure. Articles whose file changed since are re-anchored (figures that
    /// cannot be placed go to `unplaced`) and marked for the next save; a file that is gone
    /// keeps its saved text.
    pub fn restore(
        pipeline: Pipeline,
        saved: Vec<SavedEntry>,
        closed: Vec<Article>,
        current: Option<String>,
        selected: Option<u64>,
    ) -> Self {
        let mut ws = Workspace {
            closed,
            pipeline,
            ..Workspace::default()
        };
        for s in saved {
            let key = s.key.max(ws.next_key + 1);
            ws.next_key = key;
            let article = s.article.map(|a| {
                let before = a.text_sha256.clone();
                let (a, _) = refresh(&ws.pipeline, a);
                if a.text_sha256 != before {
                    ws.pending.entries.insert(s.path.clone());
                }
                a
            });
            if current.as_deref() == Some(s.path.as_str()) {
                ws.current = Some(key);
            }
            ws.put_entry(Entry {
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
        ws.selected = selected.filter(|id| {
            ws.current_article()
                .is_some_and(|a| a.figures.iter().any(|f| f.id == *id))
        });
        ws
    }

    /// An empty workspace reading with `pipeline`.
    pub fn with_pipeline(pipeline: Pipeline) -> Self {
        Workspace {
            pipeline,
            ..Workspace::default()
        }
    }

    /// Marks an entry (by path) for the next save.
    fn touch_path(&mut self, path: &str) {
        self.pending.entries.insert(path.to_string());
        self.generation += 1;
    }

    fn touch_selection(&mut self) {
        self.pending.selection = true;
        self.generation += 1;
    }

    /// Marks every entry and closed article for the next save (a new or migrated store).
    pub fn touch_all(&mut self) {
        let entries: Vec<String> = self.entries.iter().map(|e| e.path.clone()).collect();
        let closed: Vec<String> = self.closed.iter().map(|a| a.path.clone()).collect();
        self.pending.entries.extend(entries);
        self.pending.closed.extend(closed);
        self.pending.selection = true;
        self.generation += 1;
    }

    /// Takes what changed since the last call (the store writes it).
    pub fn take_pending(&mut self) -> Pending {
        std::mem::take(&mut self.pending)
    }

    /// The closed article kept for a path.
    pub fn closed_article(&self, path: &str) -> Option<&Article> {
        self.closed.iter().find(|a| a.path == path)
    }

    /// The open entry with this path.
    pub fn entry_by_path(&self, path: &str) -> Option<&Entry> {
        let e = self.entry(*self.by_path.get(path)?)?;
        (e.path == path).then_some(e)
    }

    /// Adds an entry (with a fresh key, so the list stays in key order), replacing any entry
    /// of the same path.
    fn put_entry(&mut self, e: Entry) {
        if self.by_path.insert(e.path.clone(), e.key).is_some() {
            self.entries.retain(|x| x.path != e.path);
        }
        self.entries.push(e);
    }

    fn key(&mut self) -> u64 {
        self.next_key += 1;
        self.next_key
    }

    /// The entry with this key.
    pub fn entry(&self, key: u64) -> Option<&Entry> {
        self.index_of(key).map(|i| &self.entries[i])
    }

    /// Where the entry with this key stands: entries are kept in the order of their keys (every
    /// entry gets a fresh, larger key when it is added, and removing keeps the order), so a
    /// binary search finds it; a workspace of 10,000 articles pays 14 steps, not 10,000.
    fn index_of(&self, key: u64) -> Option<usize> {
        self.entries.binary_search_by_key(&key, |e| e.key).ok()
    }

    fn entry_mut(&mut self, key: u64) -> Option<&mut Entry> {
        self.index_of(key).map(|i| &mut self.entries[i])
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
            self.touch_selection();
        }
    }

    /// Selects a figure of the current article.
    pub fn select_figure(&mut self, id: Option<u64>) {
        if self.selected != id {
            self.selected = id;
            self.touch_selection();
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
                Ok(fresh) => self.add_fresh(path, fresh, &mut report),
                Err(e) => {
                    report.failed.push(e.to_string());
                    self.add_failed(&e);
                }
            }
        }
        self.generation += 1;
        report
    }

    /// Adds an article just read (from a file or a web address) as `path`: the same text
    /// already open is selected instead and reported as a duplicate; annotations of a closed
    /// copy are resumed.
    fn add_fresh(&mut self, path: String, fresh: Article, report: &mut OpenReport) {
        // The same text under another name is the same article: opened once, so
        // its figures are never counted twice or compared with themselves.
        if let Some(e) = self.entries.iter().find(|e| {
            e.article
                .as_ref()
                .is_some_and(|a| a.text_sha256 == fresh.text_sha256)
        }) {
            let k = e.key;
            report.duplicates.push((path.clone(), e.path.clone()));
            self.select_entry(k);
            report.opened += 1;
            return;
        }
        let (article, lost) = self.resume(fresh);
        report.unplaced += lost;
        report.opened += 1;
        let key = self.key();
        self.touch_path(&path);
        self.put_entry(Entry {
            key,
            path,
            article: Some(article),
            error: None,
            revision: 0,
        });
        self.current = Some(key);
        self.selected = None;
        self.touch_selection();
    }

    /// Adds an article downloaded from a web address (the window reads it on a thread through
    /// the same pipeline).
    pub fn add_downloaded(&mut self, fresh: Article) -> OpenReport {
        let mut report = OpenReport::default();
        let path = fresh.path.clone();
        self.add_fresh(path, fresh, &mut report);
        self.generation += 1;
        report
    }

    fn add_failed(&mut self, e: &LoadError) {
        let path = absolute(&e.path);
        self.touch_path(&path);
        let key = self.key();
        self.put_entry(Entry {
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
                self.pending.closed.insert(old.path.clone());
                carry_over(old, fresh)
            }
            None => (fresh, 0),
        }
    }

    /// Closes an entry; its annotations are kept and resumed when it is opened again.
    pub fn close(&mut self, key: u64) {
        let Some(i) = self.index_of(key) else {
            return;
        };
        let e = self.entries.remove(i);
        self.by_path.remove(&e.path);
        self.touch_path(&e.path);
        if let Some(a) = e.article {
            self.closed.retain(|c| c.path != a.path);
            self.pending.closed.insert(a.path.clone());
            self.closed.push(a);
        }
        self.history.forget_entry(key);
        if self.current == Some(key) {
            self.current = self
                .entries
                .get(i.min(self.entries.len().saturating_sub(1)))
                .map(|e| e.key);
            self.selected = None;
        }
        self.touch_selection();
    }

    // ---- changes -------------------------------------------------------------------------

    fn commit(&mut self, changes: Vec<Change>) {
        if changes.is_empty() {
            return;
        }
        for c in &changes {
            self.apply(c, true);
        }
        self.history.record(Step {
            changes,
            selection: self.current.map(|k| (k, self.selected)),
        });
    }

    fn apply(&mut self, c: &Change, forward: bool) {
        let Some(e) = self.entry_mut(c.entry()) else {
            return;
        };
        e.revision += 1;
        let Some(a) = e.article.as_mut() else {
            return;
        };
        c.apply_to(a, forward);
        let path = e.path.clone();
        self.touch_path(&path);
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Undoes the last change; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.history.pop_undo() else {
            return false;
        };
        for c in step.changes.iter().rev() {
            self.apply(c, false);
        }
        self.restore_selection(&step);
        self.history.undone(step);
        true
    }

    /// Redoes the last undone change; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.history.pop_redo() else {
            return false;
        };
        for c in &step.changes {
            self.apply(c, true);
        }
        self.restore_selection(&step);
        self.history.redone(step);
        true
    }

    fn restore_selection(&mut self, step: &Step) {
        if let Some((k, id)) = step.selection
            && self.entry(k).is_some()
        {
            self.current = Some(k);
            self.selected = id;
            self.touch_selection();
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
        // The computed facts this figure is a part of follow its new reading.
        let computed = a
            .computed
            .iter()
            .any(|c| c.from.contains(&id))
            .then(|| {
                let mut again = a.clone();
                if let Some(g) = again.figures.iter_mut().find(|g| g.id == id) {
                    *g = f.clone();
                }
                crate::indicators::offer_computed(&mut again, self.pipeline.catalogue());
                (a.computed.clone(), again.computed)
            })
            .filter(|(b, a)| b != a);
        let mut changes = vec![Change::Figure {
            entry: key,
            id,
            before: Some(Box::new(before)),
            after: Some(Box::new(f)),
        }];
        if let Some((before, after)) = computed {
            changes.push(Change::Computed {
                entry: key,
                before,
                after,
            });
        }
        self.commit(changes);
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
            place: None,
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

    /// The officer filed figure `id` of entry `key` under its indicator: its cue becomes a
    /// learned phrase of that indicator in the catalogue, and every unreviewed figure of the
    /// workspace is filed again with it, as one undoable step (reviewed figures never change).
    /// Returns the phrase learned and how many figures changed indicator; the caller saves the
    /// catalogue.
    pub fn learn_from(&mut self, key: u64, id: u64) -> Result<Option<(String, usize)>, String> {
        let Some(article) = self.entry(key).and_then(|e| e.article.clone()) else {
            return Ok(None);
        };
        let learned = crate::indicators::learn(self.pipeline.catalogue_mut(), &article, id)
            .map_err(|e| e.to_string())?;
        let Some(phrase) = learned else {
            return Ok(None);
        };
        Ok(Some((phrase, self.refile_unreviewed())))
    }

    /// Files every unreviewed figure of the workspace again with the catalogue as it is now
    /// (after a lesson is learned or forgotten), as one undoable step; reviewed figures never
    /// change. Returns how many figures changed indicator.
    pub fn refile_unreviewed(&mut self) -> usize {
        let mut changes = Vec::new();
        let mut moved = 0;
        for e in &self.entries {
            let Some(a) = &e.article else { continue };
            let mut again = a.clone();
            let n = crate::indicators::reassign_unreviewed(
                std::slice::from_mut(&mut again),
                self.pipeline.catalogue(),
            );
            // (Computed facts follow the figures they are computed from.)
            if n > 0 || again.computed != a.computed {
                moved += n;
                changes.push(Change::All {
                    entry: e.key,
                    before: Box::new(Annotations::of(a)),
                    after: Box::new(Annotations::of(&again)),
                });
            }
        }
        self.commit(changes);
        moved
    }

    /// The computed facts the selected figure is a part of (offered ones first).
    pub fn computed_of_selected(&self) -> Vec<&Computed> {
        let (Some(a), Some(id)) = (self.current_article(), self.selected) else {
            return Vec::new();
        };
        let mut v: Vec<&Computed> = a.computed.iter().filter(|c| c.from.contains(&id)).collect();
        v.sort_by_key(|c| c.status.is_reviewed());
        v
    }

    /// The computed fact offered for the selected figure and not decided yet (what the
    /// accept / reject keys act on).
    pub fn offered_computed(&self) -> Option<&Computed> {
        self.computed_of_selected()
            .into_iter()
            .find(|c| !c.status.is_reviewed())
    }

    /// Accepts (`true`) or rejects (`false`) computed fact `id` of entry `key`, an undoable
    /// step. An accepted fact counts in comparisons; a rejected one is not offered again when
    /// the article is filed again. Errors (in Vietnamese) change nothing.
    pub fn decide_computed(&mut self, key: u64, id: u64, accept: bool) -> Result<(), String> {
        let a = self
            .entry(key)
            .and_then(|e| e.article.as_ref())
            .ok_or("Bài viết chưa được mở")?;
        let before = a.computed.clone();
        let mut after = before.clone();
        let c = after
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or("Không tìm thấy số tính")?;
        c.status = if accept {
            Status::Confirmed
        } else {
            Status::Rejected
        };
        if after == before {
            return Ok(());
        }
        self.commit(vec![Change::Computed {
            entry: key,
            before,
            after,
        }]);
        Ok(())
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

    /// Selects the next figure not reviewed yet: after the selection in this article, else
    /// the first one of the next article that has any (wrapping through the list, back to the
    /// start of this one). False when every figure everywhere is reviewed.
    pub fn next_unreviewed_anywhere(&mut self) -> bool {
        if self.next_unreviewed_after_selection() {
            return true;
        }
        let n = self.entries.len();
        let at = self.current.and_then(|k| self.index_of(k)).unwrap_or(0);
        for step in 1..=n {
            let e = &self.entries[(at + step) % n];
            let first = e
                .article
                .as_ref()
                .and_then(|a| a.figures.iter().find(|f| !f.status.is_reviewed()))
                .map(|f| f.id);
            if let Some(id) = first {
                let k = e.key;
                self.select_entry(k);
                self.select_figure(Some(id));
                return true;
            }
        }
        false
    }

    /// The next unreviewed figure after the selection in the current article, without wrapping.
    fn next_unreviewed_after_selection(&mut self) -> bool {
        let Some(a) = self.current_article() else {
            return false;
        };
        let from = self
            .selected
            .and_then(|id| a.figures.iter().position(|f| f.id == id))
            .map_or(0, |i| i + 1);
        let found = a.figures[from.min(a.figures.len())..]
            .iter()
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

    /// Shows the next (or previous) entry of the list, wrapping; false when there is none other.
    pub fn step_entry(&mut self, forward: bool) -> bool {
        let n = self.entries.len();
        if n < 2 {
            return false;
        }
        let at = self.current.and_then(|k| self.index_of(k));
        let i = match (at, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let k = self.entries[i].key;
        self.select_entry(k);
        true
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
                    self.touch_path(&path);
                    self.put_entry(Entry {
                        key,
                        path,
                        article: Some(incoming),
                        error: None,
                        revision: 0,
                    });
                    if self.current.is_none() {
                        self.current = Some(key);
                        self.touch_selection();
                    }
                    report.added += 1;
                }
            }
        }
        self.commit(changes);
        self.generation += 1;
        Ok(report)
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
    crate::text::clause_around(text, idx.byte_of_char(start), idx.byte_of_char(end))
}

//! Undo and redo: every annotation change is a reversible [`Change`] (the state before and
//! after), grouped into [`Step`]s that remember which figure to show when they are replayed.
//!
//! Inverse data rather than snapshots: an edit of one figure costs one figure twice, whatever
//! the size of the workspace.

use crate::model::{Article, Computed, Figure};

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
    /// The metadata of an article.
    pub fn of(a: &Article) -> Self {
        Meta {
            title: a.title.clone(),
            district: a.district.clone(),
            province: a.province.clone(),
            published: a.published.clone(),
            note: a.note.clone(),
        }
    }

    /// Writes the metadata into an article.
    pub fn put(&self, a: &mut Article) {
        a.title = self.title.clone();
        a.district = self.district.clone();
        a.province = self.province.clone();
        if let Some(p) = a.province.as_deref() {
            a.province_2025 = crate::places::province_2025_name(p);
        }
        a.published = self.published.clone();
        a.note = self.note.clone();
        // Facts with no year of their own follow the article's date (a link, not a copy).
        crate::indicators::follow_article_date(a);
    }
}

/// How many undo steps are kept.
pub const UNDO_LIMIT: usize = 500;

/// All annotations of an article (for bulk changes such as an import).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Annotations {
    pub(crate) meta: Meta,
    pub(crate) figures: Vec<Figure>,
    pub(crate) unplaced: Vec<Figure>,
    pub(crate) computed: Vec<Computed>,
}

impl Annotations {
    pub(crate) fn of(a: &Article) -> Self {
        Annotations {
            meta: Meta::of(a),
            figures: a.figures.clone(),
            unplaced: a.unplaced.clone(),
            computed: a.computed.clone(),
        }
    }
}

/// One reversible change of one entry (by key).
#[derive(Debug, Clone)]
pub(crate) enum Change {
    /// A figure (by id) goes from `before` to `after`; `None` means absent.
    Figure {
        entry: u64,
        id: u64,
        before: Option<Box<Figure>>,
        after: Option<Box<Figure>>,
    },
    /// The article's computed facts (one accepted or rejected, or offered anew after an edit
    /// of their parts): a few small items, kept whole.
    Computed {
        entry: u64,
        before: Vec<Computed>,
        after: Vec<Computed>,
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

impl Change {
    /// The entry the change applies to.
    pub(crate) fn entry(&self) -> u64 {
        match self {
            Change::Figure { entry, .. }
            | Change::Computed { entry, .. }
            | Change::Meta { entry, .. }
            | Change::All { entry, .. } => *entry,
        }
    }

    /// Puts the change (or its inverse) into an article.
    pub(crate) fn apply_to(&self, a: &mut Article, forward: bool) {
        match self {
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
            Change::Computed { before, after, .. } => {
                a.computed = if forward { after } else { before }.clone();
            }
            Change::Meta { before, after, .. } => {
                if forward { after } else { before }.put(a);
            }
            Change::All { before, after, .. } => {
                let t = if forward { after } else { before };
                t.meta.put(a);
                a.figures = t.figures.clone();
                a.unplaced = t.unplaced.clone();
                a.computed = t.computed.clone();
            }
        }
    }
}

/// One undo step: the changes and the selection to show after it is undone or redone.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub(crate) changes: Vec<Change>,
    pub(crate) selection: Option<(u64, Option<u64>)>,
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub(crate) struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a step just done; a new change forgets what could be redone.
    pub(crate) fn record(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub(crate) fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub(crate) fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The step to undo; the caller replays it backwards and hands it to [`History::undone`].
    pub(crate) fn pop_undo(&mut self) -> Option<Step> {
        self.undo.pop()
    }

    pub(crate) fn undone(&mut self, step: Step) {
        self.redo.push(step);
    }

    /// The step to redo; the caller replays it and hands it to [`History::redone`].
    pub(crate) fn pop_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    pub(crate) fn redone(&mut self, step: Step) {
        self.undo.push(step);
    }

    /// Forgets the steps of a closed entry: they cannot apply any more.
    pub(crate) fn forget_entry(&mut self, key: u64) {
        let keep = |s: &Step| s.changes.iter().all(|c| c.entry() != key);
        self.undo.retain(keep);
        self.redo.retain(keep);
    }
}

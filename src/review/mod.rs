//! The review of articles, without any UI: what the officer has open and has decided, and how
//! it is kept. The window drives it, and so do the tests.
//!
//! - [`workspace`]: the entries (articles or their load errors), the selection, every edit.
//! - [`history`]: undo and redo as inverse changes.
//! - [`anchor`]: keeping figures in place when a file changes, merging an imported copy.
//! - [`typed`]: what the officer types or selects, read as readings and dates.
//! - [`store`]: the workspace file (SQLite, one transaction per save, validated on load).
//! - [`saver`]: the writer thread, with retries, so saving never blocks a frame.
//! - [`lock`]: one writer per workspace; a second process hands its paths over.
//! - [`snapshot`]: the whole workspace as JSON (the older `workspace.json`, tests).

pub mod anchor;
pub mod history;
pub mod lock;
pub mod saver;
pub mod snapshot;
pub mod store;
pub mod typed;
pub mod workspace;

pub use anchor::{carry_over, reanchor};
pub use history::Meta;
pub use history::UNDO_LIMIT;
pub use typed::{check_date, guess_reading, parse_date};
pub use workspace::{Edit, Entry, ImportReport, OpenReport, Pending, SavedEntry, Workspace};

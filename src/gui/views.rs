//! The panels of the window, one view type each: they draw from the workspace and return what
//! the officer did as [`crate::gui::command::Command`]s; none of them changes the workspace.
//!
//! - [`article_view`]: the article text with every figure highlighted, and its header.
//! - [`editor`]: the selected figure's form, the article's list of figures, the header fields.
//! - [`sidebar`]: the open articles, filtered and sorted.
//! - [`compare_view`]: the comparison tab (chart, table, overview, cross-checks).

pub mod article_view;
pub mod compare_view;
pub mod editor;
pub mod sidebar;

//! The indicator catalogue and the assignment of figures to indicators.
//!
//! An *indicator* is what a figure measures across districts: "share of officials meeting the
//! professional standard", "learners in trung cấp LLCT classes", … The catalogue ships as
//! `assets/indicators.json` (embedded), and a user copy in the config folder overrides or
//! extends it by id; indicators created in the UI go to the user copy only, so updates of the
//! built-in list still reach the user.
//!
//! [`assign`] reads each percent, count and ratio from the words around it. Vietnamese lists put
//! several figures in one sentence ("97,2% cán bộ … đạt chuẩn chuyên môn; 60% … có trình độ
//! trung cấp LLCT trở lên"), so a figure is read from its own stretch of the clause: the words
//! after it up to the next figure (the noun phrase "N% cán bộ có trình độ …") or, after a
//! copula (`là`, `đạt`, `với`, …), the words before it back to the previous figure ("đạt chuẩn
//! chuyên môn là 97,2%"). Phrases are matched on folded words (case, tone-mark placement,
//! `lý`/`lí`), with abbreviations expanded (`TCLLCT-HC` = trung cấp lý luận chính trị - hành
//! chính). The same pass sets the year a figure refers to and whether it is a target.
//!
//! Beyond the phrases, [`assign`] reads the grammar of what a figure measures, so that an
//! officer can compare like with like on articles never seen (the facts conventions of the
//! eval set): a change (`tăng 39,4% so với …`, also the verbless rest of a `So với …` list) or
//! the total of a population (`Trong tổng số …`, a head count followed by `trong đó`) is no
//! value of an indicator; a bare level beside a higher level of the same ladder that adds up to
//! no more than 100% is one exact level of a breakdown, not the "or above" share; `N lớp` are
//! classes whatever they teach; a headline `Bế giảng lớp …` names the class of its `học viên`;
//! grade distributions are not class sizes. Who is counted (the *population*, see
//! `population.rs`) comes from the figure's noun phrase, the sentence's `Đối với …` frame or
//! the figure before it. The year comes from the clause, else a year heading the paragraph,
//! else the article's year — flagged `year_from_article` so it follows the article's date;
//! founding years, comparison baselines and the start of `từ … đến nay` never date a value.
//! [`learn`] keeps the cue of a figure the officer filed as a learned phrase.
//!
//! The rooms, one job each: `catalogue` (the indicators, their file and the user's copy),
//! `matcher` (folded words and the phrases found among them), `assignment` (the grammar of
//! what a figure measures and for whom), `population` (who a noun phrase counts), `years` (the
//! year of a fact and whether it is a target), `or_above` (the computed "or above" fact of a
//! complete breakdown) and `learning` (lessons from the officer's filing).

mod assignment;
mod catalogue;
mod indicator;
mod learning;
mod matcher;
mod or_above;
mod population;
mod years;

pub use assignment::{assign, offer_computed};
pub use catalogue::{
    BUILTIN_JSON, Catalogue, CatalogueFile, FORMAT, USER_FILE, builtin_indicators, parse_catalogue,
};
pub use indicator::{CatalogueError, Indicator, IndicatorKind};
pub use learning::{cue_of, forget, learn, learned_phrase_for, reassign_unreviewed};
pub use years::{article_year, follow_article_date};

/// Assignments less sure than this are left empty.
pub const MIN_CONFIDENCE: f32 = 0.3;

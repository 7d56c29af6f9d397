//! One indicator: what a figure can be a value of (its id, names, kind, phrases and level on a
//! ladder), and how indicator data is found wrong.
//!
//! Its own room because the catalogue (a list of them, with file I/O) and the matcher (their
//! phrases compiled) both read it, and neither should import the other for it.

use crate::model::Kind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of value an indicator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A share in percent; percent figures and ratios (`16/172`) measure it.
    Percent,
    /// A number of people, attendances or classes; count figures measure it.
    Count,
}

impl IndicatorKind {
    /// True when a figure of this kind can measure an indicator of this kind.
    pub fn accepts(self, kind: Kind) -> bool {
        match self {
            IndicatorKind::Percent => matches!(kind, Kind::Percent | Kind::Ratio),
            IndicatorKind::Count => kind == Kind::Count,
        }
    }

    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorKind::Percent => "percent",
            IndicatorKind::Count => "count",
        }
    }
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable id, ASCII snake_case (`standard_professional`).
    pub id: String,
    /// The Vietnamese name shown to the officer.
    pub name: String,
    /// The English name.
    #[serde(default)]
    pub name_en: String,
    /// Percent or count.
    pub kind: IndicatorKind,
    /// The unit shown beside values (`%`, `người`, `lượt`, `lớp`).
    #[serde(default)]
    pub unit: String,
    /// Phrases that signal the indicator, written naturally in Vietnamese; abbreviations
    /// (`LLCT`, `CBCC`, …) and either tone-mark placement are accepted.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Phrases that hint at the indicator but also occur elsewhere (`đạt chuẩn`, `bồi dưỡng`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weak_phrases: Vec<String>,
    /// Phrases that, near the figure, rule the indicator out (`có chứng chỉ` for learners).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Counted nouns that signal the indicator strongly (`lượt`, `lớp`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// When true, only counts of one of `units` can measure it (`20 lớp` → classes).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub require_unit: bool,
    /// Phrases that, in the noun phrase right after the figure, decide the indicator over a
    /// counted noun that fits another one: `hơn 896 lượt quần chúng … lớp đối tượng kết nạp
    /// đảng` counts party admissions although `lượt` is the unit of attendances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisive: Vec<String>,
    /// The ladder of levels a share indicator belongs to (`llct`, `degree`), with
    /// [`Indicator::level_rank`]: a bare level (`80% có trình độ trung cấp LLCT`) beside a
    /// higher level of the same ladder whose share adds up to no more than 100% is one exact
    /// level of a breakdown, not the "or above" share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_family: Option<String>,
    /// The rank on the ladder (1 = lowest).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub level_rank: u8,
    /// The names of this rung of the ladder (`cao cấp` for advanced political theory): in a
    /// list that names the measure once (`trung cấp LLCT chiếm 71%, cao cấp chiếm 9%`), a bare
    /// rung name files its figure under this rung of the measure the list is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub level_words: Vec<String>,
    /// Phrases the officer taught by filing figures (learned from corrections); they count
    /// like `phrases` and can be removed one by one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learned: Vec<String>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Indicator {
    /// A new indicator with no phrases (as the UI creates it).
    pub fn new(id: &str, name: &str, kind: IndicatorKind, unit: &str) -> Self {
        Indicator {
            id: id.to_string(),
            name: name.to_string(),
            name_en: String::new(),
            kind,
            unit: unit.to_string(),
            phrases: Vec::new(),
            weak_phrases: Vec::new(),
            exclude: Vec::new(),
            units: Vec::new(),
            require_unit: false,
            decisive: Vec::new(),
            level_family: None,
            level_rank: 0,
            level_words: Vec::new(),
            learned: Vec::new(),
        }
    }

    /// Checks what the catalogue relies on: an ASCII snake_case id and a name.
    pub fn validate(&self) -> Result<(), CatalogueError> {
        let id_ok = self
            .id
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase())
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !id_ok {
            return Err(CatalogueError::Invalid(format!(
                "mã chỉ tiêu «{}» phải là chữ thường ASCII, số và _ (snake_case) / \
                 indicator id «{}» must be ASCII snake_case",
                self.id, self.id
            )));
        }
        if self.name.trim().is_empty() {
            return Err(CatalogueError::Invalid(format!(
                "chỉ tiêu «{}» chưa có tên / indicator «{}» has no name",
                self.id, self.id
            )));
        }
        Ok(())
    }
}

/// Why a catalogue could not be read, checked or written.
#[derive(Debug, Clone, PartialEq)]
pub enum CatalogueError {
    /// The file is not a valid catalogue (JSON error).
    Parse(String),
    /// An indicator breaks a rule (id, name, duplicate).
    Invalid(String),
    /// Reading or writing the file failed.
    Io(String),
    /// No config folder could be determined.
    NoConfigDir,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueError::Parse(e) => {
                write!(
                    f,
                    "danh mục chỉ tiêu không đọc được / cannot parse the catalogue: {e}"
                )
            }
            CatalogueError::Invalid(e) => f.write_str(e),
            CatalogueError::Io(e) => write!(f, "lỗi tệp / file error: {e}"),
            CatalogueError::NoConfigDir => f.write_str(
                "không xác định được thư mục cấu hình / no config folder (set SOLIEU_CONFIG_DIR)",
            ),
        }
    }
}

impl std::error::Error for CatalogueError {}

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

use crate::export::write_atomic;
use crate::extract::words::fold;
use crate::model::{Article, Figure, Kind};
use crate::text::CharIndex;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The built-in catalogue.
pub const BUILTIN_JSON: &str = include_str!("../assets/indicators.json");
/// The `format` tag of a catalogue file.
pub const FORMAT: &str = "solieu-indicators";
/// The file name of the user copy in the config folder.
pub const USER_FILE: &str = "indicators.json";
/// The environment variable that overrides the config folder.
pub const CONFIG_DIR_ENV: &str = "SOLIEU_CONFIG_DIR";
/// Assignments less sure than this are left empty.
pub const MIN_CONFIDENCE: f32 = 0.3;

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

/// The catalogue file: `{"format": "solieu-indicators", "version": 1, "indicators": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueFile {
    /// Always [`FORMAT`].
    #[serde(default = "format_tag")]
    pub format: String,
    /// Schema version, 1.
    #[serde(default = "one")]
    pub version: u32,
    /// The indicators.
    pub indicators: Vec<Indicator>,
}

fn format_tag() -> String {
    FORMAT.to_string()
}

fn one() -> u32 {
    1
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

/// Parses a catalogue file and validates every indicator (ids must be unique).
pub fn parse_catalogue(json: &str) -> Result<Vec<Indicator>, CatalogueError> {
    let file: CatalogueFile =
        serde_json::from_str(json).map_err(|e| CatalogueError::Parse(e.to_string()))?;
    if file.format != FORMAT {
        return Err(CatalogueError::Parse(format!(
            "format «{}», expected «{FORMAT}»",
            file.format
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for ind in &file.indicators {
        ind.validate()?;
        if !seen.insert(ind.id.as_str()) {
            return Err(CatalogueError::Invalid(format!(
                "mã chỉ tiêu «{}» bị trùng / duplicate indicator id «{}»",
                ind.id, ind.id
            )));
        }
    }
    Ok(file.indicators)
}

/// The config folder: `$SOLIEU_CONFIG_DIR`, else the platform's config folder for Số liệu.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("vn", "solieu", "solieu").map(|p| p.config_dir().to_path_buf())
}

/// The indicators in use: the built-in list overlaid by the user's, with a phrase matcher.
#[derive(Debug, Clone)]
pub struct Catalogue {
    base: Vec<Indicator>,
    indicators: Vec<Indicator>,
    user: Vec<Indicator>,
    matcher: Matcher,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue::builtin()
    }
}

impl Catalogue {
    /// A catalogue of exactly these indicators (none of them counted as the user's).
    pub fn new(indicators: Vec<Indicator>) -> Self {
        Catalogue::with_user(indicators, Vec::new())
    }

    /// The built-in catalogue (`assets/indicators.json`).
    pub fn builtin() -> Self {
        // The asset is checked by the tests; an unreadable one yields an empty catalogue.
        Catalogue::new(builtin_indicators().unwrap_or_default())
    }

    /// The built-in catalogue, parsed once per process (for `analyze` without a catalogue).
    pub fn builtin_shared() -> &'static Catalogue {
        static BUILTIN: LazyLock<Catalogue> = LazyLock::new(Catalogue::builtin);
        &BUILTIN
    }

    /// `base` overlaid by `user`: a user indicator replaces the base one of the same id, and
    /// new ids are appended in the user's order.
    pub fn with_user(base: Vec<Indicator>, user: Vec<Indicator>) -> Self {
        let mut indicators = base.clone();
        for u in &user {
            match indicators.iter_mut().find(|i| i.id == u.id) {
                Some(slot) => *slot = u.clone(),
                None => indicators.push(u.clone()),
            }
        }
        let matcher = Matcher::new(&indicators);
        Catalogue {
            base,
            indicators,
            user,
            matcher,
        }
    }

    /// The built-in catalogue overlaid by the user copy in [`config_dir`]. A missing user copy
    /// is no error; an unreadable one is reported and ignored.
    pub fn load() -> (Self, Option<CatalogueError>) {
        match config_dir() {
            Some(dir) => Catalogue::load_from_dir(&dir),
            None => (Catalogue::builtin(), None),
        }
    }

    /// The built-in catalogue overlaid by `dir/indicators.json`, when it exists.
    pub fn load_from_dir(dir: &Path) -> (Self, Option<CatalogueError>) {
        let base = builtin_indicators().unwrap_or_default();
        let path = dir.join(USER_FILE);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Catalogue::new(base), None);
            }
            Err(e) => {
                let err = CatalogueError::Io(format!("{}: {e}", path.display()));
                return (Catalogue::new(base), Some(err));
            }
        };
        let parsed = String::from_utf8(bytes)
            .map_err(|_| CatalogueError::Parse(format!("{}: not UTF-8", path.display())))
            .and_then(|s| parse_catalogue(s.trim_start_matches('\u{feff}')));
        match parsed {
            Ok(user) => (Catalogue::with_user(base, user), None),
            Err(e) => (Catalogue::new(base), Some(e)),
        }
    }

    /// Every indicator, built-in ones first, in catalogue order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The user's indicators (overrides and additions), as saved in the user copy.
    pub fn user_indicators(&self) -> &[Indicator] {
        &self.user
    }

    /// The indicator of this id.
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Adds an indicator created (or edited) in the UI; it replaces one of the same id.
    /// Call [`Catalogue::save`] to keep it.
    pub fn add(&mut self, indicator: Indicator) -> Result<(), CatalogueError> {
        indicator.validate()?;
        let mut user = std::mem::take(&mut self.user);
        match user.iter_mut().find(|i| i.id == indicator.id) {
            Some(slot) => *slot = indicator,
            None => user.push(indicator),
        }
        *self = Catalogue::with_user(std::mem::take(&mut self.base), user);
        Ok(())
    }

    /// Drops the user's version of an indicator (a built-in one comes back). True if it had one.
    pub fn remove_user(&mut self, id: &str) -> bool {
        let before = self.user.len();
        let mut user = std::mem::take(&mut self.user);
        user.retain(|i| i.id != id);
        let removed = user.len() != before;
        *self = Catalogue::with_user(std::mem::take(&mut self.base), user);
        removed
    }

    /// The user copy as JSON (only the user's indicators).
    pub fn user_json(&self) -> String {
        let file = CatalogueFile {
            format: FORMAT.to_string(),
            version: 1,
            indicators: self.user.clone(),
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Writes the user copy atomically to `dir/indicators.json`, creating the folder.
    pub fn save_to_dir(&self, dir: &Path) -> Result<PathBuf, CatalogueError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| CatalogueError::Io(format!("{}: {e}", dir.display())))?;
        let path = dir.join(USER_FILE);
        write_atomic(&path, self.user_json().as_bytes())
            .map_err(|e| CatalogueError::Io(format!("{}: {e}", path.display())))?;
        Ok(path)
    }

    /// Writes the user copy atomically into [`config_dir`].
    pub fn save(&self) -> Result<PathBuf, CatalogueError> {
        let dir = config_dir().ok_or(CatalogueError::NoConfigDir)?;
        self.save_to_dir(&dir)
    }
}

/// The built-in indicators.
pub fn builtin_indicators() -> Result<Vec<Indicator>, CatalogueError> {
    parse_catalogue(BUILTIN_JSON)
}

// ---------------------------------------------------------------------------------------------
// Words and phrases

/// A folded word of the text, with its byte span (abbreviations expand to several words with
/// the span of the abbreviation).
#[derive(Debug, Clone, PartialEq)]
struct Word {
    s: String,
    start: usize,
    end: usize,
}

/// Abbreviations and their expansions (folded).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("llct", "lý luận chính trị"),
    ("tcllct", "trung cấp lý luận chính trị"),
    ("ccllct", "cao cấp lý luận chính trị"),
    ("scllct", "sơ cấp lý luận chính trị"),
    ("cnllct", "cử nhân lý luận chính trị"),
    ("tcct", "trung cấp chính trị"),
    ("ccct", "cao cấp chính trị"),
    ("cnct", "cử nhân chính trị"),
    ("hc", "hành chính"),
    ("cb", "cán bộ"),
    ("cbcc", "cán bộ công chức"),
    ("cbccvc", "cán bộ công chức viên chức"),
    ("ccvc", "công chức viên chức"),
    ("cc", "công chức"),
    ("vc", "viên chức"),
    ("đv", "đảng viên"),
    ("đh", "đại học"),
    ("sđh", "sau đại học"),
    ("cđ", "cao đẳng"),
    ("bd", "bồi dưỡng"),
    ("đt", "đào tạo"),
    ("đtbd", "đào tạo bồi dưỡng"),
    ("qlnn", "quản lý nhà nước"),
    ("cntt", "công nghệ thông tin"),
    ("ths", "thạc sĩ"),
    ("ts", "tiến sĩ"),
    ("ubnd", "ủy ban nhân dân"),
    ("bch", "ban chấp hành"),
    ("btv", "ban thường vụ"),
    ("htnv", "hoàn thành nhiệm vụ"),
    ("httnv", "hoàn thành tốt nhiệm vụ"),
    ("cvc", "chuyên viên chính"),
];

fn is_y_variant(c: char) -> Option<char> {
    Some(match c {
        'y' => 'i',
        'ý' => 'í',
        'ỳ' => 'ì',
        'ỷ' => 'ỉ',
        'ỹ' => 'ĩ',
        'ỵ' => 'ị',
        _ => return None,
    })
}

/// `lý`/`lí`, `sỹ`/`sĩ`, `kỹ`/`kĩ`, `quy`/`qui`: a syllable whose only vowel is a final `y`
/// is spelled with `i`, so both spellings match.
fn norm_y(w: &str) -> String {
    let chars: Vec<char> = w.chars().collect();
    let Some((&last, init)) = chars.split_last() else {
        return String::new();
    };
    let Some(i) = is_y_variant(last) else {
        return w.to_string();
    };
    let init_s: String = init.iter().collect();
    let consonants = |s: &str| !s.is_empty() && s.chars().all(|c| "bcdđghklmnprstvx".contains(c));
    let ok = consonants(&init_s) || init_s == "qu";
    if ok {
        let mut out = init_s;
        out.push(i);
        out
    } else {
        w.to_string()
    }
}

/// The folded word form used for matching.
fn norm_word(raw: &str) -> String {
    norm_y(&fold(raw))
}

/// [`ABBREVIATIONS`] as a map, so each word costs one lookup.
static ABBREVIATION_MAP: std::sync::LazyLock<HashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

fn expansion(w: &str) -> Option<&'static str> {
    ABBREVIATION_MAP.get(w).copied()
}

/// The words of `text[from..to]`: alphanumeric runs, folded, abbreviations expanded;
/// punctuation is dropped (clauses are cut before this is called).
fn words(text: &str, from: usize, to: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let Some(slice) = text.get(from..to) else {
        return out;
    };
    let mut push = |start: usize, end: usize| {
        let raw = &slice[start..end];
        let w = norm_word(raw);
        match expansion(&w) {
            Some(exp) => {
                for part in exp.split(' ') {
                    out.push(Word {
                        s: norm_word(part),
                        start: from + start,
                        end: from + end,
                    });
                }
            }
            None => out.push(Word {
                s: w,
                start: from + start,
                end: from + end,
            }),
        }
    };
    let mut ws: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        if crate::extract::words::is_word_char(c) {
            ws.get_or_insert(i);
        } else if let Some(s) = ws.take() {
            push(s, i);
        }
    }
    if let Some(s) = ws {
        push(s, slice.len());
    }
    out
}

/// The folded words of a catalogue phrase.
fn phrase_words(p: &str) -> Vec<String> {
    words(p, 0, p.len()).into_iter().map(|w| w.s).collect()
}

/// How a phrase counts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Strong,
    Weak,
    Exclude,
}

#[derive(Debug, Clone)]
struct Pattern {
    words: Vec<String>,
    indicator: usize,
    role: Role,
}

/// Folded phrase words indexed by their first word.
#[derive(Debug, Clone, Default)]
struct Matcher {
    patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
}

/// A phrase found in a run of words: `first..=last` are word indices.
#[derive(Debug, Clone, Copy)]
struct Hit {
    pattern: usize,
    first: usize,
    last: usize,
}

impl Matcher {
    fn new(indicators: &[Indicator]) -> Self {
        let mut m = Matcher::default();
        for (k, ind) in indicators.iter().enumerate() {
            let lists = [
                (&ind.phrases, Role::Strong),
                (&ind.weak_phrases, Role::Weak),
                (&ind.exclude, Role::Exclude),
            ];
            for (list, role) in lists {
                for p in list {
                    let words = phrase_words(p);
                    let Some(first) = words.first().cloned() else {
                        continue;
                    };
                    m.by_first.entry(first).or_default().push(m.patterns.len());
                    m.patterns.push(Pattern {
                        words,
                        indicator: k,
                        role,
                    });
                }
            }
        }
        m
    }

    /// Every phrase in `ws`; a strong or weak hit inside a longer one (of any indicator) is
    /// dropped, so `đại học` inside `sau đại học` does not count.
    fn find(&self, ws: &[Word]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for i in 0..ws.len() {
            let Some(cands) = self.by_first.get(&ws[i].s) else {
                continue;
            };
            for &p in cands {
                let pw = &self.patterns[p].words;
                if i + pw.len() <= ws.len()
                    && ws[i..i + pw.len()].iter().zip(pw).all(|(a, b)| a.s == *b)
                {
                    hits.push(Hit {
                        pattern: p,
                        first: i,
                        last: i + pw.len() - 1,
                    });
                }
            }
        }
        let positive = |h: &Hit| self.patterns[h.pattern].role != Role::Exclude;
        let strong = |h: &Hit| self.patterns[h.pattern].role == Role::Strong;
        let covered = |h: &Hit| {
            hits.iter().any(|o| {
                positive(o)
                    && o.first <= h.first
                    && h.last <= o.last
                    && (o.last - o.first) > (h.last - h.first)
            })
        };
        let keep: Vec<bool> = hits.iter().map(|h| !strong(h) || !covered(h)).collect();
        hits.into_iter()
            .zip(keep)
            .filter_map(|(h, k)| k.then_some(h))
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Sentences and clauses

/// Byte spans of the sentences: cut at line breaks and at `.`, `!`, `?`, `…` before a space.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let end = c == '\n'
            || (matches!(c, '.' | '!' | '?' | '…') && next.is_none_or(char::is_whitespace));
        if end {
            let e = i + c.len_utf8();
            if e > start {
                out.push((start, e));
            }
            start = e;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Byte spans of the clauses of a sentence: cut at `;`.
pub(crate) fn clauses(text: &str, (s, e): (usize, usize)) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = s;
    for (i, c) in text[s..e].char_indices() {
        if c == ';' {
            out.push((start, s + i));
            start = s + i + 1;
        }
    }
    out.push((start, e));
    out
}

// ---------------------------------------------------------------------------------------------
// Assignment

/// Words before a figure that make the words *before* it its description
/// (`đạt chuẩn chuyên môn là 97,2%`, `lớp sơ cấp … với 26 học viên`).
const COPULAS: &[&str] = &[
    "là",
    "đạt",
    "với",
    "chiếm",
    "bằng",
    "cho",
    "gồm",
    "khoảng",
    "được",
    "có tỷ lệ",
];
/// Qualifier words skipped when looking for a copula.
const QUALIFIER_WORDS: &[&str] = &[
    "hơn", "trên", "gần", "khoảng", "xấp", "xỉ", "từ", "tới", "đến", "ít", "nhất", "tối", "thiểu",
    "đa", "dưới", "vượt", "tỷ", "lệ", "tỉ", "đều", "con", "số",
];
/// Counted nouns that are not people, attendances or classes: such counts get no indicator
/// unless the indicator lists the noun in its `units`.
const NON_PEOPLE_UNITS: &[&str] = &[
    "năm",
    "tháng",
    "ngày",
    "tuần",
    "giờ",
    "phút",
    "xã",
    "phường",
    "thị",
    "huyện",
    "tỉnh",
    "đơn",
    "cơ",
    "chương",
    "nghị",
    "tiêu",
    "trường",
    "lần",
    "đợt",
    "khóa",
    "chi",
    "tổ",
    "thôn",
    "bản",
    "ấp",
    "khu",
    "tổ",
    "văn",
    "quyết",
    "kế",
    "đề",
    "hội",
    "cuộc",
    "buổi",
    "điểm",
    "tiết",
    "bài",
    "chuyên",
    "mô",
    "hộ",
    "ha",
    "km",
    "triệu",
    "tỷ",
    "nghìn",
    "ngàn",
    "phòng",
    "ban",
    "ngành",
    "tập",
    "cuốn",
    "trang",
    "máy",
];
const TARGET_CUES: &[&str] = &[
    "mục tiêu",
    "phấn đấu",
    "dự kiến",
    "định hướng",
    "chỉ tiêu đến",
    "đề ra đến",
    "kế hoạch đến",
    "sẽ có",
    "sẽ đạt",
];

/// True when the folded word (or words) is one of the list's (folded the same way).
fn listed(set: &HashSet<String>, w: &str) -> bool {
    !w.is_empty() && set.contains(w)
}

/// The folded forms of a word list.
fn folded_set(list: &[&str]) -> HashSet<String> {
    list.iter().map(|x| phrase_words(x).join(" ")).collect()
}

static COPULA_SET: LazyLock<HashSet<String>> = LazyLock::new(|| folded_set(COPULAS));
static QUALIFIER_SET: LazyLock<HashSet<String>> = LazyLock::new(|| folded_set(QUALIFIER_WORDS));
static NON_PEOPLE_SET: LazyLock<HashSet<String>> = LazyLock::new(|| folded_set(NON_PEOPLE_UNITS));

/// Distance in words → weight: a phrase next to the figure counts fully, one twenty words
/// away about half.
fn near(d: usize) -> f32 {
    1.0 / (1.0 + d as f32 / 20.0)
}

/// A relevant figure inside a sentence: its index and byte span.
#[derive(Debug, Clone, Copy)]
struct Placed {
    index: usize,
    start: usize,
    end: usize,
}

/// Sets `reading.indicator`, `indicator_confidence`, `reading.year` and `reading.target` of
/// every figure of the article. Percent, count and ratio figures (not page chrome) get an
/// indicator when the words around them name one clearly enough; the others get none.
/// Figures reviewed by the officer (confirmed, corrected, added) keep the indicator and the
/// year they have. Running it again gives the same result.
pub fn assign(article: &mut Article, catalogue: &Catalogue) {
    let text = article.text.as_str();
    let idx = CharIndex::new(text);
    let n_chars = idx.len_chars();
    let spans: Vec<Option<(usize, usize)>> = article
        .figures
        .iter()
        .map(|f| {
            (f.start <= f.end && f.end <= n_chars)
                .then(|| (idx.byte_of_char(f.start), idx.byte_of_char(f.end)))
        })
        .collect();
    let sents = sentences(text);
    let years = YearContext::new(article, &spans, &sents);

    let mut results: Vec<(Option<String>, f32, Option<i32>, bool)> =
        Vec::with_capacity(article.figures.len());
    for (i, f) in article.figures.iter().enumerate() {
        let Some((b0, b1)) = spans[i] else {
            results.push((None, 0.0, f.reading.year, f.reading.target));
            continue;
        };
        let (year, target) = years.year_of(text, &sents, b0, b1);
        results.push((None, 0.0, year, target));
    }

    // Indicators, sentence by sentence.
    let relevant = |f: &Figure| {
        matches!(f.reading.kind, Kind::Percent | Kind::Count | Kind::Ratio)
            && !f.reading.boilerplate
    };
    let mut by_sentence: HashMap<usize, Vec<Placed>> = HashMap::new();
    for (i, f) in article.figures.iter().enumerate() {
        let Some((b0, b1)) = spans[i] else { continue };
        if !relevant(f) {
            continue;
        }
        let s = sents.partition_point(|&(_, e)| e <= b0);
        if s < sents.len() {
            by_sentence.entry(s).or_default().push(Placed {
                index: i,
                start: b0,
                end: b1,
            });
        }
    }
    let mut own_hit = vec![false; article.figures.len()];
    for (s, mut placed) in by_sentence {
        placed.sort_by_key(|p| p.start);
        let cls = clauses(text, sents[s]);
        let cl_words: Vec<Vec<Word>> = cls.iter().map(|&(a, b)| words(text, a, b)).collect();
        let cl_hits: Vec<Vec<Hit>> = cl_words.iter().map(|w| catalogue.matcher.find(w)).collect();
        for (k, p) in placed.iter().enumerate() {
            let f = &article.figures[p.index];
            let c = cls
                .partition_point(|&(_, e)| e < p.start)
                .min(cls.len() - 1);
            let prev_end = placed[..k]
                .iter()
                .rev()
                .find(|q| q.end <= p.start && q.start >= cls[c].0)
                .map_or(cls[c].0, |q| q.end);
            let next_start = placed[k + 1..]
                .iter()
                .find(|q| q.start >= p.end && q.end <= cls[c].1)
                .map_or(cls[c].1, |q| q.start);
            let scope = Scope {
                text,
                figure: f,
                fig: (p.start, p.end),
                prev_end,
                next_start,
                words: &cl_words[c],
                hits: &cl_hits[c],
                next_clause: cl_words.get(c + 1).zip(cl_hits.get(c + 1)),
            };
            let scored = score(catalogue, &scope);
            own_hit[p.index] = scored.own_hit;
            if let Some((id, conf)) = scored.best {
                results[p.index].0 = Some(id);
                results[p.index].1 = conf;
            }
        }
        // A change right after a level refers to the same indicator
        // (`đạt chuẩn chuyên môn là 97,2%, tăng 39,4% so với …`).
        for k in 1..placed.len() {
            let (prev, cur) = (placed[k - 1], placed[k]);
            let fc = &article.figures[cur.index];
            let fp = &article.figures[prev.index];
            let gap = text.get(prev.end..cur.start).unwrap_or("");
            let close = gap.chars().count() <= 24 && !gap.contains(';');
            if fc.reading.change
                && !fp.reading.change
                && close
                && fc.reading.kind == fp.reading.kind
            {
                let (pid, pconf) = (results[prev.index].0.clone(), results[prev.index].1);
                if pid.is_some() && pconf >= results[cur.index].1 {
                    results[cur.index].0 = pid;
                    results[cur.index].1 = pconf * 0.9;
                }
            } else if results[cur.index].0.is_none()
                && !own_hit[cur.index]
                && results[prev.index].0.is_some()
                && fc.reading.kind == fp.reading.kind
                && !fc.reading.change
                && gap.chars().count() <= 80
                && !gap.contains(';')
                && (gap.contains(',') || fold(gap).split_whitespace().any(|w| w == "và"))
                && !fold(gap).contains("trong đó")
            {
                // "đối với 19 viên chức … và 56 công chức cấp xã": one predicate, listed counts.
                results[cur.index].0 = results[prev.index].0.clone();
                results[cur.index].1 = (results[prev.index].1 * 0.8).max(MIN_CONFIDENCE);
            }
        }
    }

    for (f, (id, conf, year, target)) in article.figures.iter_mut().zip(results) {
        // What the officer has reviewed stays as they left it.
        let reviewed = f.status.is_reviewed();
        if !(reviewed && f.reading.year.is_some()) {
            f.reading.year = year;
            f.reading.target = target;
        }
        if !(reviewed && f.reading.indicator.is_some()) {
            f.reading.indicator = id;
            f.indicator_confidence = conf;
        }
    }
}

struct Scope<'a> {
    text: &'a str,
    figure: &'a Figure,
    fig: (usize, usize),
    prev_end: usize,
    next_start: usize,
    words: &'a [Word],
    hits: &'a [Hit],
    next_clause: Option<(&'a Vec<Word>, &'a Vec<Hit>)>,
}

/// The counted noun of a count: its unit as read, else the word after it.
fn head_noun(scope: &Scope<'_>) -> Option<String> {
    if let Some(u) = scope.figure.reading.unit.as_deref() {
        let w = words(u, 0, u.len());
        if let Some(first) = w.into_iter().next() {
            return Some(first.s);
        }
    }
    scope
        .words
        .iter()
        .find(|w| w.start >= scope.fig.1)
        .filter(|w| w.start < scope.next_start)
        .map(|w| w.s.clone())
}

/// "Trong tổng số 1.188 công chức, …": the size of a population, not a measure of it.
fn total_of_population(scope: &Scope<'_>) -> bool {
    let ws: Vec<&str> = scope
        .words
        .iter()
        .filter(|w| w.end <= scope.fig.0 && w.start >= scope.prev_end)
        .map(|w| w.s.as_str())
        .collect();
    ws.ends_with(&["trong", "tổng", "số"]) || ws.ends_with(&["trong", "tổng"])
}

/// True when the words just before the figure are a copula (after skipping qualifiers), or a
/// colon stands right before it.
fn copula_before(scope: &Scope<'_>) -> bool {
    let before = scope.text.get(scope.prev_end..scope.fig.0).unwrap_or("");
    if before.trim_end().ends_with(':') {
        return true;
    }
    let ws: Vec<&Word> = scope
        .words
        .iter()
        .filter(|w| w.end <= scope.fig.0 && w.start >= scope.prev_end)
        .collect();
    let mut n = ws.len();
    while n > 0 && listed(&QUALIFIER_SET, &ws[n - 1].s) {
        n -= 1;
    }
    if n == 0 {
        return false;
    }
    let last = ws[n - 1].s.as_str();
    let two = if n >= 2 {
        format!("{} {}", ws[n - 2].s, last)
    } else {
        String::new()
    };
    listed(&COPULA_SET, last) || listed(&COPULA_SET, &two)
}

/// The best indicator for a figure and its confidence, if clear enough.
fn score(catalogue: &Catalogue, scope: &Scope<'_>) -> Scored {
    let mut out = Scored {
        best: None,
        own_hit: false,
    };
    out.best = best_indicator(catalogue, scope, &mut out.own_hit);
    out
}

/// What [`score`] found.
struct Scored {
    /// The indicator and its confidence.
    best: Option<(String, f32)>,
    /// True when a phrase of any indicator stands in the figure's own stretch of words.
    own_hit: bool,
}

fn best_indicator(
    catalogue: &Catalogue,
    scope: &Scope<'_>,
    own_hit: &mut bool,
) -> Option<(String, f32)> {
    let inds = catalogue.indicators();
    let kind = scope.figure.reading.kind;
    if total_of_population(scope) {
        return None;
    }
    let head = head_noun(scope);
    let has_unit = |ind: &Indicator| {
        kind == Kind::Count
            && head.as_deref().is_some_and(|h| {
                ind.units
                    .iter()
                    .any(|u| phrase_words(u).first().is_some_and(|f| f == h))
            })
    };
    let unit_fit: Vec<bool> = inds.iter().map(has_unit).collect();
    // "N lượt …" counts attendances: indicators of people count it only on strong evidence.
    let per_attendance = kind == Kind::Count && head.as_deref() == Some("lượt");
    let eligible: Vec<bool> = inds
        .iter()
        .zip(&unit_fit)
        .map(|(ind, &fit)| {
            if !ind.kind.accepts(kind) {
                return false;
            }
            if kind != Kind::Count {
                return true;
            }
            if ind.require_unit {
                return fit;
            }
            fit || head.as_deref().is_none_or(|h| !listed(&NON_PEOPLE_SET, h))
        })
        .collect();
    if !eligible.iter().any(|&e| e) {
        return None;
    }
    let backward_first = copula_before(scope);
    let (w_fwd, w_bwd) = if backward_first {
        (0.45, 1.0)
    } else {
        (1.0, 0.45)
    };
    let ws = scope.words;
    // Word indices of the figure's neighbourhood.
    let first_after = ws.partition_point(|w| w.start < scope.fig.1);
    let last_before = ws.partition_point(|w| w.end <= scope.fig.0); // one past
    let mut best = vec![0f32; inds.len()];
    let mut extra = vec![0f32; inds.len()];
    let mut excluded = vec![false; inds.len()];
    let add = |ind: usize, v: f32, best: &mut Vec<f32>, extra: &mut Vec<f32>| {
        if v > best[ind] {
            extra[ind] += best[ind];
            best[ind] = v;
        } else {
            extra[ind] += v;
        }
    };
    for h in scope.hits {
        let pat = &catalogue.matcher.patterns[h.pattern];
        let (hs, he) = (ws[h.first].start, ws[h.last].end);
        let (region_w, d) = if hs >= scope.fig.1 && he <= scope.next_start {
            (w_fwd, h.first.saturating_sub(first_after))
        } else if hs >= scope.prev_end && he <= scope.fig.0 {
            (w_bwd, last_before.saturating_sub(h.last + 1))
        } else if hs >= scope.fig.1 {
            (0.35, h.first.saturating_sub(first_after))
        } else {
            (0.35, last_before.saturating_sub(h.last + 1))
        };
        match pat.role {
            Role::Exclude => {
                if region_w >= 1.0 && d <= 4 {
                    excluded[pat.indicator] = true;
                }
            }
            Role::Strong | Role::Weak => {
                if region_w >= 1.0 && pat.role == Role::Strong {
                    *own_hit = true;
                }
                let role_w = if pat.role == Role::Strong { 1.0 } else { 0.4 };
                // The noun phrase right after the figure names what it counts.
                let adjacent = if region_w >= 1.0 && d <= 1 { 0.3 } else { 0.0 };
                let v = role_w * region_w * near(d) + adjacent * role_w;
                add(pat.indicator, v, &mut best, &mut extra);
            }
        }
    }
    let own_found = best.iter().zip(&eligible).any(|(&b, &e)| e && b >= 0.3);
    if !own_found && let Some((nws, nhits)) = scope.next_clause {
        // "… có 100% Ủy viên …; các Trưởng phòng … có trình độ cao cấp LLCT": the predicate
        // may follow in the next clause.
        for h in nhits.iter() {
            let pat = &catalogue.matcher.patterns[h.pattern];
            if pat.role == Role::Exclude {
                continue;
            }
            let role_w = if pat.role == Role::Strong { 1.0 } else { 0.4 };
            let v = 0.6 * role_w * near(h.first.min(nws.len()));
            add(pat.indicator, v, &mut best, &mut extra);
        }
    }
    let mut ranked: Vec<(usize, f32)> = (0..inds.len())
        .filter(|&k| eligible[k] && !excluded[k] && (best[k] > 0.0 || unit_fit[k]))
        .map(|k| {
            let base = best[k] + 0.1 * extra[k].min(1.0);
            let v = if unit_fit[k] {
                base + 0.6
            } else if per_attendance {
                base * 0.5
            } else {
                base
            };
            (k, v)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let &(top, s1) = ranked.first()?;
    let s2 = ranked.get(1).map_or(0.0, |r| r.1);
    let conf = s1.min(1.0) * (1.0 - 0.5 * (s2 / s1));
    (conf >= MIN_CONFIDENCE).then(|| (inds[top].id.clone(), (conf * 100.0).round() / 100.0))
}

// ---------------------------------------------------------------------------------------------
// Years

/// A year named in the text.
#[derive(Debug, Clone, Copy)]
struct YearMention {
    /// Byte span of the mention.
    start: usize,
    end: usize,
    /// The year it stands for (a range's end; for "đến nay" the article's year).
    year: Option<i32>,
    /// `đến năm 2025` with no `từ`: a deadline.
    deadline: bool,
    /// Named only as a term (`nhiệm kỳ 2015-2020`, `khóa học 2018 – 2019`): not a reference.
    term: bool,
}

struct YearContext {
    /// The article's own year: published, else the latest past year it names.
    article_year: Option<i32>,
    mentions: Vec<YearMention>,
}

fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    1970 + (secs as f64 / (365.2425 * 86400.0)) as i32
}

fn as_year(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        (1945..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

impl YearContext {
    fn new(article: &Article, spans: &[Option<(usize, usize)>], sents: &[(usize, usize)]) -> Self {
        let text = article.text.as_str();
        let mut chrome: Vec<(usize, usize)> = article
            .figures
            .iter()
            .zip(spans)
            .filter(|(f, _)| f.reading.boilerplate)
            .filter_map(|(_, s)| *s)
            .collect();
        chrome.sort_unstable();
        let mut mentions = Vec::new();
        for &(s, e) in sents {
            let ws = words(text, s, e);
            let mut i = 0;
            while i < ws.len() {
                let Some(y) = as_year(&ws[i].s) else {
                    i += 1;
                    continue;
                };
                let k = chrome.partition_point(|&(a, _)| a <= ws[i].start);
                if k > 0 && ws[i].end <= chrome[k - 1].1 {
                    i += 1;
                    continue;
                }
                let prev = |k: usize| i.checked_sub(k).map(|j| ws[j].s.as_str());
                let term = matches!(prev(1), Some("kì" | "khóa" | "học"))
                    || (prev(1) == Some("năm") && prev(2) == Some("học"));
                let from =
                    prev(1) == Some("từ") || (prev(1) == Some("năm") && prev(2) == Some("từ"));
                let to = matches!(prev(1), Some("đến" | "tới"))
                    || (prev(1) == Some("năm") && matches!(prev(2), Some("đến" | "tới")));
                // A range: "2015-2020", "2018 – 2019", "từ năm 2016 đến năm 2020", "từ 2015 đến nay".
                let mut j = i + 1;
                if ws
                    .get(j)
                    .is_some_and(|w| matches!(w.s.as_str(), "đến" | "tới"))
                {
                    j += 1;
                }
                if ws.get(j).is_some_and(|w| w.s == "năm") {
                    j += 1;
                }
                let gap = text
                    .get(ws[i].end..ws.get(j).map_or(ws[i].end, |w| w.start))
                    .unwrap_or("");
                let joined = gap
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
                    || j > i + 1;
                let mut m = YearMention {
                    start: ws[i].start,
                    end: ws[i].end,
                    year: Some(y),
                    deadline: to && !from,
                    term,
                };
                if joined && let Some(y2) = ws.get(j).and_then(|w| as_year(&w.s)) {
                    if y2 > y {
                        m.year = Some(y2);
                        m.end = ws[j].end;
                        m.deadline = false;
                        mentions.push(m);
                        i = j + 1;
                        continue;
                    }
                } else if from
                    && ws
                        .get(i + 1)
                        .is_some_and(|w| matches!(w.s.as_str(), "đến" | "tới"))
                    && ws.get(i + 2).is_some_and(|w| w.s == "nay")
                {
                    m.year = None; // up to the article's year
                    m.end = ws[i + 2].end;
                    mentions.push(m);
                    i += 3;
                    continue;
                }
                mentions.push(m);
                i += 1;
            }
        }
        let published = article
            .published
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i32>().ok());
        let now = current_year();
        let latest = mentions
            .iter()
            .filter(|m| !m.deadline)
            .filter_map(|m| {
                let y = m.year?;
                if m.term {
                    // A term's start year (its end may lie ahead).
                    let first = text
                        .get(m.start..m.start + 4)
                        .and_then(|s| s.parse::<i32>().ok());
                    first.filter(|&f| f <= now)
                } else {
                    (y <= now).then_some(y)
                }
            })
            .max();
        YearContext {
            article_year: published.or(latest),
            mentions,
        }
    }

    /// The year a figure at bytes `b0..b1` refers to, and whether it is a target.
    fn year_of(
        &self,
        text: &str,
        sents: &[(usize, usize)],
        b0: usize,
        b1: usize,
    ) -> (Option<i32>, bool) {
        let s = sents.partition_point(|&(_, e)| e <= b0);
        let Some(&(ss, se)) = sents.get(s) else {
            return (self.article_year, false);
        };
        let sentence = fold(text.get(ss..b0).unwrap_or(""));
        let cue = TARGET_CUES.iter().any(|c| sentence.contains(c));
        let from = self.mentions.partition_point(|m| m.start < ss);
        let in_sentence: Vec<&YearMention> = self.mentions[from..]
            .iter()
            .take_while(|m| m.start < se)
            .filter(|m| m.end <= se && !m.term)
            .collect();
        // "Đến nay", "hiện nay" between the last year and the figure: the article's year.
        let nay_after = |pos: usize| {
            let between = fold(text.get(pos..b0).unwrap_or(""));
            between.contains("đến nay")
                || between.contains("hiện nay")
                || between.contains("hiện có")
        };
        let before = in_sentence
            .iter()
            .filter(|m| m.end <= b0)
            .max_by_key(|m| m.end);
        let after = in_sentence
            .iter()
            .filter(|m| m.start >= b1)
            .filter(|m| !text.get(b1..m.start).unwrap_or("").contains(';'))
            .min_by_key(|m| m.start);
        let chosen = before.or(after);
        let deadline_target = chosen.is_some_and(|m| {
            m.deadline && m.year.zip(self.article_year).is_none_or(|(y, a)| y > a)
        });
        let target = cue || deadline_target;
        let year = match chosen {
            Some(m) if m.end <= b0 && nay_after(m.end) && !target => self.article_year,
            Some(m) => m.year.or(self.article_year),
            None => self.article_year,
        };
        (year, target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_words_and_abbreviations() {
        let t = "TCLLCT-HC, thạc sỹ, Lí luận";
        let w: Vec<String> = words(t, 0, t.len()).into_iter().map(|w| w.s).collect();
        assert_eq!(
            w,
            [
                "trung", "cấp", "lí", "luận", "chính", "trị", "hành", "chính", "thạc", "sĩ", "lí",
                "luận"
            ]
        );
    }

    #[test]
    fn sentences_and_clauses() {
        let t = "Có 22.400 cán bộ. Đạt 97,2%; 60% khác\nDòng mới";
        let s = sentences(t);
        assert_eq!(s.len(), 3);
        assert_eq!(clauses(t, s[1]).len(), 2);
    }
}

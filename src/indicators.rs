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

use crate::export::write_atomic;
use crate::extract::words::fold;
use crate::model::{Article, Figure, Kind, Population, Status};
use crate::text::{CharIndex, clauses, sentences};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

mod population;
use population::Group;

/// Assignments less sure than this are left empty.
pub const MIN_CONFIDENCE: f32 = 0.3;

/// The built-in catalogue.
pub const BUILTIN_JSON: &str = include_str!("../assets/indicators.json");
/// The `format` tag of a catalogue file.
pub const FORMAT: &str = "solieu-indicators";
/// The file name of the user copy in the config folder.
pub const USER_FILE: &str = "indicators.json";

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
        match crate::folders::config_dir() {
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
        let dir = crate::folders::config_dir().ok_or(CatalogueError::NoConfigDir)?;
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
    /// Decides the indicator when it names what the figure counts (see `Indicator::decisive`).
    Decisive,
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
                (&ind.learned, Role::Strong),
                (&ind.decisive, Role::Decisive),
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

/// What [`assign`] decides for one figure.
#[derive(Debug, Clone, Default)]
struct Filed {
    indicator: Option<String>,
    confidence: f32,
    year: Option<i32>,
    target: bool,
    year_from_article: bool,
    population: Option<Population>,
}

/// Sets `reading.indicator`, `indicator_confidence`, `reading.year`, `reading.target`,
/// `reading.population` and `reading.year_from_article` of every figure of the article.
/// Percent, count and ratio figures (not page chrome, not changes) get an indicator when the
/// words around them name one clearly enough; the others get none. Figures reviewed by the
/// officer (confirmed, corrected, added) keep the indicator, population and year they have.
/// Running it again gives the same result.
pub fn assign(article: &mut Article, catalogue: &Catalogue) {
    let text = article.text.as_str();
    let spans = byte_spans(article);
    let sents = sentences(text);
    let years = YearContext::new(article, &spans, &sents);

    let mut results: Vec<Filed> = Vec::with_capacity(article.figures.len());
    for (i, f) in article.figures.iter().enumerate() {
        let Some((b0, b1)) = spans[i] else {
            results.push(Filed {
                year: f.reading.year,
                target: f.reading.target,
                year_from_article: f.reading.year_from_article,
                ..Filed::default()
            });
            continue;
        };
        let (year, target, from_article) = years.year_of(text, &sents, b0, b1);
        results.push(Filed {
            year,
            target,
            year_from_article: from_article,
            ..Filed::default()
        });
    }
    let topic = topic_of(article, catalogue);

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
    let inds = catalogue.indicators();
    let mut own_hit = vec![false; article.figures.len()];
    let mut changed = vec![false; article.figures.len()];
    for (s, mut placed) in by_sentence {
        placed.sort_by_key(|p| p.start);
        let (ss, se) = sents[s];
        let sentence_folded = fold(text.get(ss..se).unwrap_or(""));
        let cls = clauses(text, sents[s]);
        let cl_words: Vec<Vec<Word>> = cls.iter().map(|&(a, b)| words(text, a, b)).collect();
        let cl_hits: Vec<Vec<Hit>> = cl_words.iter().map(|w| catalogue.matcher.find(w)).collect();
        let frame = frame_group(text, ss, placed.first().map_or(se, |p| p.start));
        let over_period = PERIOD_CUES.iter().any(|c| sentence_folded.contains(c));
        // Per placed figure: who its noun phrase names, whether it is a class's learners,
        // whether its stretch says "or above".
        let mut groups: Vec<Group> = Vec::with_capacity(placed.len());
        let mut class_learners = vec![false; placed.len()];
        let mut or_above = vec![false; placed.len()];
        let mut sent_down = vec![false; placed.len()];
        let mut sent_up = vec![false; placed.len()];
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
            // The next clause up to its first figure: the predicate of a subject that
            // ends its own clause ("100% Ủy viên BCH …; các Trưởng phòng … có trình độ …").
            let next_clause_head = cls.get(c + 1).map(|&(a, b)| {
                let bound = placed
                    .iter()
                    .find(|q| q.start >= a && q.start < b)
                    .map_or(b, |q| q.start);
                (a, bound)
            });
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
            let prev_changed = k > 0 && changed[placed[k - 1].index];
            let group = noun_phrase_group(&scope, next_clause_head, &cl_words);
            groups.push(group);
            let stretch = stretch_words(&scope);
            or_above[k] = OR_ABOVE_CUES.iter().any(|c| stretch.contains(c.as_str()));
            sent_down[k] = SENT_DOWN_CUES.iter().any(|c| stretch.contains(c.as_str()));
            sent_up[k] = SENT_UP_CUES.iter().any(|c| stretch.contains(c.as_str()));
            if is_change(&scope, &sentence_folded, prev_changed) {
                changed[p.index] = true;
                continue;
            }
            let scored = score(catalogue, &scope);
            own_hit[p.index] = scored.own_hit;
            let mut best = scored.best;
            let learners_noun = head_noun(&scope).as_deref() == Some("học");
            if best.is_none()
                && f.reading.kind == Kind::Count
                && learners_noun
                && let Some(t) = topic
            {
                // "Bế giảng lớp Trung cấp LLCT … 87 học viên": the headline names the class.
                best = Some((inds[t].id.clone(), 0.5));
            }
            // "15 học viên đạt loại giỏi": a grade distribution, not a class's size.
            if best
                .as_ref()
                .is_some_and(|(id, _)| id.starts_with("learners_"))
                && GRADE_CUES.iter().any(|c| stretch.contains(c.as_str()))
            {
                best = None;
            }
            if let Some((id, conf)) = best {
                class_learners[k] = id.starts_with("learners_")
                    && !over_period
                    && (learners_noun || sentence_folded.contains("lớp"));
                results[p.index].indicator = Some(id);
                results[p.index].confidence = conf;
            }
        }
        // "đối với 19 viên chức … và 56 công chức cấp xã": one predicate, listed counts.
        for k in 1..placed.len() {
            let (prev, cur) = (placed[k - 1], placed[k]);
            let fc = &article.figures[cur.index];
            let fp = &article.figures[prev.index];
            let gap = text.get(prev.end..cur.start).unwrap_or("");
            if results[cur.index].indicator.is_none()
                && !own_hit[cur.index]
                && !changed[cur.index]
                && !changed[prev.index]
                && results[prev.index].indicator.is_some()
                && fc.reading.kind == fp.reading.kind
                && gap.chars().count() <= 80
                && !gap.contains(';')
                && (gap.contains(',') || fold(gap).split_whitespace().any(|w| w == "và"))
                && !fold(gap).contains("trong đó")
            {
                results[cur.index].indicator = results[prev.index].indicator.clone();
                results[cur.index].confidence =
                    (results[prev.index].confidence * 0.8).max(MIN_CONFIDENCE);
            }
        }
        drop_exact_levels(article, catalogue, &placed, &or_above, &mut results);
        // Who is counted: the figure's own noun phrase, else the sentence's frame
        // ("Đối với cán bộ cơ sở, …"), else the figure before it in the sentence.
        let mut prev_pop: Option<Population> = None;
        for (k, p) in placed.iter().enumerate() {
            let g = groups[k];
            let pop = if class_learners[k] {
                Some(Population::HocVien)
            } else if sent_up[k] && !g.has_level() {
                // "điều động 3 đồng chí từ xã lên huyện": commune cadres.
                Some(Population::Xa)
            } else if sent_down[k] && !g.has_level() && g.names_anyone() {
                Some(Population::Huyen)
            } else if g.is_specific() {
                g.population(false)
            } else if frame.is_specific() {
                frame.population(false)
            } else if sent_down[k] {
                // "06 đồng chí được tăng cường, luân chuyển về các xã": district cadres.
                Some(Population::Huyen)
            } else if prev_pop.is_some_and(|p| p != Population::HocVien) {
                // (The learners of one class are that figure's own population.)
                prev_pop
            } else {
                g.population(false)
            };
            if results[p.index].indicator.is_some() {
                let pop = pop.unwrap_or(Population::Chung);
                results[p.index].population = Some(pop);
                prev_pop = Some(pop);
            } else if pop.is_some() && g.names_anyone() {
                prev_pop = pop;
            }
        }
    }

    for (f, r) in article.figures.iter_mut().zip(results) {
        // What the officer has reviewed stays as they left it.
        let reviewed = f.status.is_reviewed();
        if !(reviewed && f.reading.year.is_some()) {
            f.reading.year = r.year;
            f.reading.target = r.target;
            f.reading.year_from_article = r.year_from_article;
        }
        // A figure added by hand with no indicator yet is filed like the others.
        let keep = reviewed && (f.reading.indicator.is_some() || f.status != Status::Added);
        if !keep {
            f.reading.indicator = r.indicator;
            f.indicator_confidence = r.confidence;
            f.reading.population = r.population;
        } else if f.reading.population.is_none() {
            f.reading.population = r.population;
        }
        if f.reading.indicator.is_none() {
            f.reading.population = None;
        }
    }
}

/// The byte span of each figure in the article's text (`None` for offsets out of range).
fn byte_spans(article: &Article) -> Vec<Option<(usize, usize)>> {
    let idx = CharIndex::new(&article.text);
    let n_chars = idx.len_chars();
    article
        .figures
        .iter()
        .map(|f| {
            (f.start <= f.end && f.end <= n_chars)
                .then(|| (idx.byte_of_char(f.start), idx.byte_of_char(f.end)))
        })
        .collect()
}

/// The year of the article as the text gives it: its dateline, else the year it reports on
/// (an anniversary counted from a founding year, `gần 3 năm, từ 2015 đến nay`, the latest
/// past year it names). Facts with no year of their own take it.
pub fn article_year(article: &Article) -> Option<i32> {
    let spans = byte_spans(article);
    let sents = sentences(&article.text);
    YearContext::new(article, &spans, &sents).article_year
}

/// After the officer edits the article's date: every figure whose year is the article's
/// (`year_from_article`) takes the new article year — a link, not a copy. Figures with a year
/// of their own, or whose year the officer typed, do not move.
pub fn follow_article_date(article: &mut Article) {
    let year = article_year(article);
    for f in &mut article.figures {
        if f.reading.year_from_article && f.reading.indicator.is_some() {
            f.reading.year = year;
        }
    }
}

/// Sentence-level cues that a count covers a period (several classes), not one class.
const PERIOD_CUES: &[&str] = &[
    "đến nay",
    "giai đoạn",
    "nhiệm kỳ",
    "nhiệm kì",
    "hằng năm",
    "hàng năm",
    "mỗi năm",
    "những năm",
    "năm qua",
    "từ năm",
    "từ đầu",
];

/// Words of a figure's stretch that make a level "or above" (folded, padded with spaces).
static OR_ABOVE_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "trở lên",
        "đại học và sau đại học",
        "đại học và trên đại học",
    ]
    .iter()
    .map(|p| format!(" {} ", phrase_words(p).join(" ")))
    .collect()
});

/// Words that make a count of learners a grade or pass distribution (folded, padded).
static GRADE_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "loại giỏi",
        "loại khá",
        "loại xuất sắc",
        "loại trung bình",
        "xếp loại",
        "tốt nghiệp",
        "học viên nữ",
        "là nữ",
    ]
    .iter()
    .map(|p| format!(" {} ", phrase_words(p).join(" ")))
    .collect()
});

/// "luân chuyển về các xã": people sent down to the communes come from the district.
static SENT_DOWN_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "về các xã",
        "về xã",
        "về cơ sở",
        "xuống cơ sở",
        "xuống các xã",
    ]
    .iter()
    .map(|p| format!(" {} ", phrase_words(p).join(" ")))
    .collect()
});

/// "từ xã lên huyện": people brought up from the communes are commune cadres.
static SENT_UP_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    ["từ xã lên", "từ cơ sở lên", "từ các xã lên"]
        .iter()
        .map(|p| format!(" {} ", phrase_words(p).join(" ")))
        .collect()
});

/// The folded words of a figure's own stretch (the clause between its neighbours), padded
/// with spaces for phrase look-ups.
fn stretch_words(scope: &Scope<'_>) -> String {
    let ws: Vec<&str> = scope
        .words
        .iter()
        .filter(|w| w.start >= scope.prev_end && w.end <= scope.next_start)
        .map(|w| w.s.as_str())
        .collect();
    format!(" {} ", ws.join(" "))
}

/// Verbs and function words that end the noun phrase after a figure: `85% cán bộ … cấp xã |
/// thành thạo máy vi tính`.
const PHRASE_END: &[&str] = &[
    "có", "đạt", "được", "tham", "đi", "học", "hoàn", "đã", "đều", "chiếm", "thành", "tăng",
    "giảm", "đang", "trong", "bằng", "từ", "qua", "theo", "tại", "sử", "xếp", "về", "xuống",
];
static PHRASE_END_SET: LazyLock<HashSet<String>> = LazyLock::new(|| folded_set(PHRASE_END));

/// The group a figure's noun phrase names: the words after it up to its predicate (and into
/// the next clause when its own clause ends first); when that names nobody and a copula
/// stands before the figure (`số cán bộ lãnh đạo … đạt chuẩn chuyên môn là 97,2%`), the words
/// before it.
fn noun_phrase_group(
    scope: &Scope<'_>,
    next_clause_head: Option<(usize, usize)>,
    cl_words: &[Vec<Word>],
) -> Group {
    let mut phrase: Vec<&str> = Vec::new();
    let mut ended = false;
    for w in scope
        .words
        .iter()
        .filter(|w| w.start >= scope.fig.1 && w.end <= scope.next_start)
    {
        if listed(&PHRASE_END_SET, &w.s) {
            ended = true;
            break;
        }
        phrase.push(w.s.as_str());
    }
    let clause_end = scope.words.last().is_none_or(|w| w.end <= scope.next_start);
    if !ended
        && clause_end
        && let Some((a, b)) = next_clause_head
    {
        for w in cl_words
            .iter()
            .flatten()
            .filter(|w| w.start >= a && w.end <= b)
        {
            if listed(&PHRASE_END_SET, &w.s) {
                break;
            }
            phrase.push(w.s.as_str());
        }
    }
    let g = Group::of(&phrase);
    // "Đội ngũ cán bộ chủ chốt cấp huyện có 100% trình độ đại học": the subject stands
    // before the figure when nothing after it names anyone.
    let subject_has = have_before(scope);
    if g.is_specific() || (!copula_before(scope) && (g.names_anyone() || !subject_has)) {
        return g;
    }
    let mut before: Vec<&str> = scope
        .words
        .iter()
        .filter(|w| w.start >= scope.prev_end && w.end <= scope.fig.0)
        .map(|w| w.s.as_str())
        .collect();
    // The subject stands close before its predicate: the nearest words only.
    let keep = before.len().saturating_sub(12);
    before.drain(..keep);
    let b = Group::of(&before);
    if b.names_anyone() { b } else { g }
}

/// "X có 100% …": `có` (after qualifiers) right before the figure, so the words before it
/// are its subject.
fn have_before(scope: &Scope<'_>) -> bool {
    let before: Vec<&str> = scope
        .words
        .iter()
        .filter(|w| w.start >= scope.prev_end && w.end <= scope.fig.0)
        .map(|w| w.s.as_str())
        .collect();
    let mut n = before.len();
    while n > 0 && listed(&QUALIFIER_SET, before[n - 1]) {
        n -= 1;
    }
    n > 0 && before[n - 1] == "có"
}

/// "Đối với cán bộ cơ sở, …": the group a whole sentence is about — the words after `đối
/// với` near its start, up to a predicate or the sentence's first figure (`bound`).
fn frame_group(text: &str, s: usize, bound: usize) -> Group {
    let ws = words(text, s, bound.max(s));
    let start = ws
        .windows(2)
        .take(4)
        .position(|p| p[0].s == "đối" && p[1].s == "với");
    match start {
        Some(i) => {
            let rest: Vec<&str> = ws[i + 2..]
                .iter()
                .map(|w| w.s.as_str())
                .take_while(|w| !listed(&PHRASE_END_SET, w))
                .collect();
            Group::of(&rest)
        }
        None => Group::default(),
    }
}

/// True when the figure is a change, not a level: marked so by the extractor, `tăng` /
/// `giảm` right before it, or the next item of a list that began with `So với …, tăng …`
/// and names no new level.
fn is_change(scope: &Scope<'_>, sentence_folded: &str, prev_changed: bool) -> bool {
    if scope.figure.reading.change {
        return true;
    }
    let before: Vec<&str> = scope
        .words
        .iter()
        .filter(|w| w.start >= scope.prev_end && w.end <= scope.fig.0)
        .map(|w| w.s.as_str())
        .collect();
    let mut n = before.len();
    while n > 0 && listed(&QUALIFIER_SET, before[n - 1]) && !matches!(before[n - 1], "tăng") {
        n -= 1;
    }
    if n > 0 && matches!(before[n - 1], "tăng" | "giảm" | "thêm") {
        return true;
    }
    prev_changed
        && sentence_folded.trim_start().starts_with("so với")
        && !before
            .iter()
            .any(|w| matches!(*w, "là" | "đạt" | "chiếm" | "có"))
}

/// A bare level beside a higher level of the same ladder, for the same sentence, whose two
/// shares add up to no more than 100%, is one exact level of a breakdown (`gần 80% có trình
/// độ trung cấp LLCT và trên 10% có trình độ cao cấp`): not the "or above" share.
fn drop_exact_levels(
    article: &Article,
    catalogue: &Catalogue,
    placed: &[Placed],
    or_above: &[bool],
    results: &mut [Filed],
) {
    let ladder = |k: usize| -> Option<(&str, u8, f64)> {
        let f = &article.figures[placed[k].index];
        if f.reading.kind != Kind::Percent {
            return None;
        }
        let ind = catalogue.get(results[placed[k].index].indicator.as_deref()?)?;
        Some((
            ind.level_family.as_deref()?,
            ind.level_rank,
            f.reading.value?,
        ))
    };
    let mut drop = Vec::new();
    for k in 0..placed.len() {
        if or_above[k] {
            continue;
        }
        let Some((fam, rank, v)) = ladder(k) else {
            continue;
        };
        let higher = (0..placed.len()).filter(|&j| j != k).any(|j| {
            ladder(j)
                .is_some_and(|(fam2, rank2, v2)| fam2 == fam && rank2 > rank && v + v2 <= 100.5)
        });
        if higher {
            drop.push(placed[k].index);
        }
    }
    for i in drop {
        results[i].indicator = None;
        results[i].confidence = 0.0;
    }
}

/// The learners indicator a class report is about, from its headline (`Bế giảng lớp Trung cấp
/// lý luận chính trị khóa 25`): the `học viên` of the article are that class's learners.
fn topic_of(article: &Article, catalogue: &Catalogue) -> Option<usize> {
    let title = article.title.clone().or_else(|| {
        article
            .text
            .lines()
            .find(|l| !l.trim().is_empty())
            .map(str::to_string)
    })?;
    let ws = words(&title, 0, title.len());
    if !ws.iter().any(|w| w.s == "lớp" || w.s == "khóa") {
        return None;
    }
    let hits = catalogue.matcher.find(&ws);
    let inds = catalogue.indicators();
    hits.iter()
        .filter(|h| catalogue.matcher.patterns[h.pattern].role == Role::Strong)
        .map(|h| catalogue.matcher.patterns[h.pattern].indicator)
        .find(|&k| inds[k].id.starts_with("learners_") && inds[k].kind == IndicatorKind::Count)
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
    if ws.ends_with(&["trong", "tổng", "số"]) || ws.ends_with(&["trong", "tổng"]) {
        return true;
    }
    // "Toàn huyện hiện có 203 cán bộ, công chức cấp xã; trong đó 96,1% …": a head count
    // whose breakdown follows — its noun phrase has no predicate and `trong đó` comes next.
    let after: Vec<&Word> = scope
        .words
        .iter()
        .filter(|w| w.start >= scope.fig.1 && w.end <= scope.next_start)
        .collect();
    if let Some(k) = after.iter().position(|w| listed(&PHRASE_END_SET, &w.s)) {
        return after[k].s == "trong" && after.get(k + 1).is_some_and(|w| w.s == "đó");
    }
    let clause_end = scope.words.last().map_or(scope.next_start, |w| w.end);
    if scope.next_start < clause_end {
        return false;
    }
    let rest = scope.text.get(clause_end..).unwrap_or("");
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | ':'));
    let head: String = rest.chars().take(12).collect();
    fold(&head).starts_with("trong đó")
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
    // "2 lớp trung cấp lý luận chính trị": a count of a noun that only some indicators
    // count (classes) is one of theirs, whatever the class teaches.
    let unit_only = inds
        .iter()
        .zip(&unit_fit)
        .any(|(ind, &fit)| fit && ind.require_unit);
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
            if ind.require_unit || unit_only {
                return fit;
            }
            fit || head.as_deref().is_none_or(|h| !listed(&NON_PEOPLE_SET, h))
        })
        .collect();
    if !eligible.iter().any(|&e| e) {
        return None;
    }
    // A colon introduces the figure's own noun phrase unless the words before it name a
    // measure ("Huyện Tân Phú: 96,5% cán bộ … đạt chuẩn" vs "Đạt chuẩn chuyên môn: 97%").
    let colon = scope
        .text
        .get(scope.prev_end..scope.fig.0)
        .unwrap_or("")
        .trim_end()
        .ends_with(':');
    let named_before = scope.hits.iter().any(|h| {
        let (hs, he) = (scope.words[h.first].start, scope.words[h.last].end);
        hs >= scope.prev_end && he <= scope.fig.0
    });
    let backward_first = copula_before(scope) && (!colon || named_before);
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
    let mut decisive = vec![false; inds.len()];
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
            Role::Decisive => {
                if hs >= scope.fig.1 && he <= scope.next_start {
                    decisive[pat.indicator] = true;
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
    // The noun phrase after the figure names a specific audience or content: it decides.
    if let Some(&(k, v)) = ranked.iter().find(|&&(k, _)| decisive[k]) {
        *own_hit = true;
        return Some((
            inds[k].id.clone(),
            (v.clamp(0.6, 1.0) * 100.0).round() / 100.0,
        ));
    }
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
    /// In a sentence about a founding (`thành lập`, `tách ra`, `tái lập`): an anchor for
    /// anniversaries, never the year of a fact.
    founding: bool,
    /// `từ 2015 đến nay`: the start year (the mention itself stands for the article's year).
    since: Option<i32>,
    /// Byte start of its sentence.
    sentence: usize,
}

/// A length of time in years: `Sau 15 năm`, `Kỷ niệm 15 năm thành lập`, `Trong gần 3 năm`.
#[derive(Debug, Clone, Copy)]
struct Duration {
    /// Whole years, one less for `gần` (nearly).
    years: i32,
    /// Said of a founding (`kỷ niệm`, `sau`, `… năm thành lập`).
    anniversary: bool,
    /// Byte start of its sentence.
    sentence: usize,
}

/// Words of a sentence that make its years a founding (folded, padded).
static FOUNDING_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "thành lập",
        "tách ra",
        "tái lập",
        "chia tách",
        "ra đời",
        "tách huyện",
    ]
    .iter()
    .map(|p| format!(" {} ", phrase_words(p).join(" ")))
    .collect()
});

/// The durations in years of a sentence's words (`sentence` = its byte start).
fn durations_in(ws: &[Word], sentence: usize) -> Vec<Duration> {
    let mut out = Vec::new();
    for i in 0..ws.len().saturating_sub(1) {
        if ws[i + 1].s != "năm" {
            continue;
        }
        let Ok(n) = ws[i].s.parse::<i32>() else {
            continue;
        };
        if !(1..=100).contains(&n) {
            continue;
        }
        let prev = |k: usize| i.checked_sub(k).map(|j| ws[j].s.as_str());
        let nearly = matches!(prev(1), Some("gần")) || matches!(prev(1), Some("chưa"));
        let lead = if matches!(prev(1), Some("gần" | "hơn" | "chưa" | "đầy")) {
            prev(2)
        } else {
            prev(1)
        };
        let after = ws.get(i + 2).map(|w| w.s.as_str());
        let anniversary = matches!(lead, Some("sau" | "niệm"))
            || (after == Some("thành") && ws.get(i + 3).is_some_and(|w| w.s == "lập"));
        let span = matches!(lead, Some("trong" | "sau" | "niệm" | "qua")) || anniversary;
        if !span || after == Some("tới") {
            continue;
        }
        out.push(Duration {
            years: if nearly { n - 1 } else { n },
            anniversary,
            sentence,
        });
    }
    out
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
        let mut durations: Vec<Duration> = Vec::new();
        for &(s, e) in sents {
            let ws = words(text, s, e);
            let folded = format!(
                " {} ",
                ws.iter()
                    .map(|w| w.s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let founding = FOUNDING_CUES.iter().any(|c| folded.contains(c.as_str()));
            durations.extend(durations_in(&ws, s));
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
                // "so với năm 2016": the baseline of a comparison, not the year of a value.
                let baseline = (prev(1) == Some("với") && prev(2) == Some("so"))
                    || (prev(1) == Some("năm") && prev(2) == Some("với") && prev(3) == Some("so"));
                let term = matches!(prev(1), Some("kì" | "khóa" | "học"))
                    || (prev(1) == Some("năm") && prev(2) == Some("học"))
                    || baseline;
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
                    founding,
                    since: None,
                    sentence: s,
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
                    m.since = Some(y);
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
            .filter(|m| !m.deadline && !m.founding)
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
        // An anniversary (`Kỷ niệm 15 năm thành lập`, founded `cuối năm 2003`) or a stretch
        // counted from a start (`Trong gần 3 năm, từ 2015 đến nay`) dates the article.
        let founded = mentions
            .iter()
            .filter(|m| m.founding && !m.deadline)
            .filter_map(|m| m.year)
            .min();
        let anniversary = founded.and_then(|y| {
            durations
                .iter()
                .filter(|d| d.anniversary)
                .map(|d| y + d.years)
                .max()
        });
        let counted = mentions
            .iter()
            .filter_map(|m| {
                let from = m.since?;
                let d = durations
                    .iter()
                    .filter(|d| d.sentence == m.sentence)
                    .map(|d| d.years)
                    .max()?;
                Some(from + d)
            })
            .max();
        let reported = anniversary
            .into_iter()
            .chain(counted)
            .filter(|&y| y <= now)
            .max();
        let inferred = match (reported, latest) {
            (Some(r), Some(l)) => Some(r.max(l)),
            (r, l) => r.or(l),
        };
        YearContext {
            article_year: published.or(inferred),
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
    ) -> (Option<i32>, bool, bool) {
        let s = sents.partition_point(|&(_, e)| e <= b0);
        let Some(&(ss, se)) = sents.get(s) else {
            return (self.article_year, false, true);
        };
        let sentence = fold(text.get(ss..b0).unwrap_or(""));
        let cue = crate::extract::rules::lexicon::TARGET_CUES
            .iter()
            .any(|c| sentence.contains(c));
        let from = self.mentions.partition_point(|m| m.start < ss);
        let in_sentence: Vec<&YearMention> = self.mentions[from..]
            .iter()
            .take_while(|m| m.start < se)
            .filter(|m| m.end <= se && !m.term && !m.founding)
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
        let chosen: Option<&YearMention> = match chosen {
            Some(m) => Some(*m),
            None if nay_after(ss) => None,
            None => self.paragraph_frame(text, sents, ss),
        };
        match chosen {
            Some(m) if m.end <= b0 && nay_after(m.end) && !target => {
                (self.article_year, target, true)
            }
            Some(m) => match m.year {
                Some(y) => (Some(y), target, false),
                None => (self.article_year, target, true),
            },
            None => (self.article_year, target, true),
        }
    }

    /// The year that frames the rest of a paragraph: a year at the head of an earlier
    /// sentence of the same paragraph (`Năm 2021, huyện cử 35 cán bộ … . Trung tâm mở 24
    /// lớp …`), for a sentence that names none itself.
    fn paragraph_frame(
        &self,
        text: &str,
        sents: &[(usize, usize)],
        ss: usize,
    ) -> Option<&YearMention> {
        let para = text
            .get(..ss)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        self.mentions
            .iter()
            .filter(|m| m.start >= para && m.end <= ss)
            .filter(|m| !m.term && !m.founding && !m.deadline)
            .filter(|m| {
                let k = sents.partition_point(|&(_, e)| e <= m.start);
                let head = sents
                    .get(k)
                    .and_then(|&(a, _)| text.get(a..m.start))
                    .unwrap_or("");
                head.split_whitespace().count() <= 4
            })
            .max_by_key(|m| m.start)
    }
}

// ---------------------------------------------------------------------------------------------
// Learning from the officer

/// How many words a learned cue keeps: enough to name a measure (`sau đại học`, `thành thạo
/// máy vi tính`), few enough to recur in another district's wording.
const CUE_WORDS: usize = 6;
/// Words skipped at the head of a predicate: they say nothing of the measure.
const LIGHT_WORDS: &[&str] = &[
    "có", "đã", "được", "đều", "trong", "đạt", "trình", "độ", "là", "tham", "gia", "đi", "cho",
    "về", "các", "từ",
];

/// The cue of a figure: the words of its clause that say what it measures — the predicate
/// after its noun phrase (`85% cán bộ … cấp xã | thành thạo máy vi tính`), or, after a copula,
/// the words before it (`đạt chuẩn chuyên môn | là 97,2%`). At most [`CUE_WORDS`] words; `None` when
/// the clause says nothing beyond who is counted.
pub fn cue_of(article: &Article, figure_id: u64) -> Option<String> {
    let i = article.figures.iter().position(|f| f.id == figure_id)?;
    let (b0, b1) = byte_spans(article).get(i).copied().flatten()?;
    let text = article.text.as_str();
    let sents = sentences(text);
    let s = sents
        .get(sents.partition_point(|&(_, e)| e <= b0))
        .copied()?;
    let cls = clauses(text, s);
    let c = cls.get(
        cls.partition_point(|&(_, e)| e < b0)
            .min(cls.len().saturating_sub(1)),
    )?;
    // Neighbouring figures bound the stretch.
    let others: Vec<(usize, usize)> = byte_spans(article)
        .into_iter()
        .enumerate()
        .filter(|&(k, _)| k != i)
        .filter_map(|(_, sp)| sp)
        .filter(|&(a, b)| a >= c.0 && b <= c.1)
        .collect();
    let next = others
        .iter()
        .map(|&(a, _)| a)
        .filter(|&a| a >= b1)
        .min()
        .unwrap_or(c.1);
    let prev = others
        .iter()
        .map(|&(_, b)| b)
        .filter(|&b| b <= b0)
        .max()
        .unwrap_or(c.0);
    let after = words(text, b1, next);
    let before = words(text, prev, b0);
    let start = after.iter().position(|w| listed(&PHRASE_END_SET, &w.s));
    let digit = |w: &str| w.bytes().any(|c| c.is_ascii_digit());
    let pick: Vec<&str> = match start {
        Some(k) => after[k..]
            .iter()
            .map(|w| w.s.as_str())
            .skip_while(|w| LIGHT_WORDS.contains(w))
            .take_while(|w| !digit(w))
            .take(CUE_WORDS)
            .collect(),
        None => {
            let mut n = before.len();
            while n > 0
                && (listed(&QUALIFIER_SET, &before[n - 1].s)
                    || listed(&COPULA_SET, &before[n - 1].s))
            {
                n -= 1;
            }
            let run = before[..n]
                .iter()
                .rev()
                .take_while(|w| !digit(&w.s))
                .take(CUE_WORDS)
                .count();
            before[n - run..n].iter().map(|w| w.s.as_str()).collect()
        }
    };
    let cue = pick.join(" ");
    (pick.len() >= 2 && !Group::of(&pick).is_specific()).then_some(cue)
}

/// The officer filed figure `figure_id` under its current indicator: keeps its cue as a
/// learned phrase of that indicator in the user's catalogue (call [`Catalogue::save`] to keep
/// it on disk) and returns the phrase. Then [`reassign_unreviewed`] files the workspace's other
/// figures with it. `Ok(None)` when the figure has no indicator or no usable cue, or when the
/// catalogue already knows the phrase.
pub fn learn(
    catalogue: &mut Catalogue,
    article: &Article,
    figure_id: u64,
) -> Result<Option<String>, CatalogueError> {
    let Some(f) = article.figures.iter().find(|f| f.id == figure_id) else {
        return Ok(None);
    };
    let Some(id) = f.reading.indicator.as_deref() else {
        return Ok(None);
    };
    let Some(mut ind) = catalogue.get(id).cloned() else {
        return Ok(None);
    };
    let Some(cue) = cue_of(article, figure_id) else {
        return Ok(None);
    };
    let known = |list: &[String]| list.iter().any(|p| phrase_words(p).join(" ") == cue);
    if known(&ind.phrases) || known(&ind.learned) {
        return Ok(None);
    }
    ind.learned.push(cue.clone());
    catalogue.add(ind)?;
    Ok(Some(cue))
}

/// Removes a learned phrase of an indicator (the officer disagrees with what was learned).
/// True if it was there.
pub fn forget(
    catalogue: &mut Catalogue,
    indicator: &str,
    phrase: &str,
) -> Result<bool, CatalogueError> {
    let Some(mut ind) = catalogue.get(indicator).cloned() else {
        return Ok(false);
    };
    let before = ind.learned.len();
    ind.learned.retain(|p| p != phrase);
    if ind.learned.len() == before {
        return Ok(false);
    }
    catalogue.add(ind)?;
    Ok(true)
}

/// Files every unreviewed figure of the articles again with `catalogue` (after a lesson);
/// reviewed figures never change. Returns how many figures changed indicator.
pub fn reassign_unreviewed(articles: &mut [Article], catalogue: &Catalogue) -> usize {
    let mut changed = 0;
    for a in articles.iter_mut() {
        let before: Vec<Option<String>> = a
            .figures
            .iter()
            .map(|f| f.reading.indicator.clone())
            .collect();
        assign(a, catalogue);
        changed += a
            .figures
            .iter()
            .zip(before)
            .filter(|(f, b)| f.reading.indicator != *b)
            .count();
    }
    changed
}

/// The learned phrase of `indicator` that stands in the clause of figure `figure_id`, if any:
/// shown beside the figure so the officer sees which lesson filed it.
pub fn learned_phrase_for(
    catalogue: &Catalogue,
    article: &Article,
    figure_id: u64,
) -> Option<String> {
    let f = article.figures.iter().find(|f| f.id == figure_id)?;
    let ind = catalogue.get(f.reading.indicator.as_deref()?)?;
    let ctx = format!(" {} ", phrase_words(&f.context).join(" "));
    ind.learned
        .iter()
        .find(|p| ctx.contains(&format!(" {} ", phrase_words(p).join(" "))))
        .cloned()
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
}

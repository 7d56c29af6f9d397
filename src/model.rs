//! The annotation model: documents, articles, figures and their readings.
//!
//! This is the shape of the annotated JSON export (`"format": "solieu-annotations"`), shared by
//! the CLI, the GUI and the tests. Every offset counts Unicode code points of the article's
//! normalized text (NFC, LF line endings), end exclusive.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` tag of an annotated JSON document.
pub const FORMAT: &str = "solieu-annotations";
/// The newest document version this build reads and the one it writes.
pub const VERSION: u32 = 1;

/// What kind of number a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `97,2%`, `100 %`, `60-70%`.
    Percent,
    /// A number of things: `22.400 cán bộ`, `hơn 896 lượt`, `15 năm`.
    Count,
    /// `năm 2018`.
    Year,
    /// `2015-2020`, `2018 – 2019`.
    YearRange,
    /// `22/02/2019`, `22/02`, `02/2019`.
    Date,
    /// `16/172 đồng chí`.
    Ratio,
    /// Course, batch and list numbers: `khóa 5`, `đợt 2`, `(1)`.
    Ordinal,
    /// An amount of money: `5 triệu đồng`.
    Money,
    /// A number with a decimal part that is not a percentage.
    Decimal,
    /// A Roman numeral: `khóa XII`.
    Roman,
    /// Codes and names: `Nghị quyết 26`, `35-CT/TW`, `SARS-CoV-2`, `Quận 1`, times of day.
    Other,
}

impl Kind {
    /// Every kind, in the order menus show them.
    pub const ALL: [Kind; 11] = [
        Kind::Percent,
        Kind::Count,
        Kind::Year,
        Kind::YearRange,
        Kind::Date,
        Kind::Ratio,
        Kind::Ordinal,
        Kind::Money,
        Kind::Decimal,
        Kind::Roman,
        Kind::Other,
    ];

    /// The JSON / CSV name (`year_range`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Year => "year",
            Kind::YearRange => "year_range",
            Kind::Date => "date",
            Kind::Ratio => "ratio",
            Kind::Ordinal => "ordinal",
            Kind::Money => "money",
            Kind::Decimal => "decimal",
            Kind::Roman => "roman",
            Kind::Other => "other",
        }
    }

    /// The Vietnamese name shown to the officer.
    pub fn label_vi(self) -> &'static str {
        match self {
            Kind::Percent => "Tỷ lệ %",
            Kind::Count => "Số lượng",
            Kind::Year => "Năm",
            Kind::YearRange => "Khoảng năm",
            Kind::Date => "Ngày tháng",
            Kind::Ratio => "Tỷ số",
            Kind::Ordinal => "Số thứ tự",
            Kind::Money => "Tiền",
            Kind::Decimal => "Số thập phân",
            Kind::Roman => "Số La Mã",
            Kind::Other => "Khác",
        }
    }

    /// The English name shown when the interface is switched to English.
    pub fn label_en(self) -> &'static str {
        match self {
            Kind::Percent => "Percent",
            Kind::Count => "Count",
            Kind::Year => "Year",
            Kind::YearRange => "Year range",
            Kind::Date => "Date",
            Kind::Ratio => "Ratio",
            Kind::Ordinal => "Ordinal",
            Kind::Money => "Money",
            Kind::Decimal => "Decimal",
            Kind::Roman => "Roman numeral",
            Kind::Other => "Other",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that bounds a number instead of stating it exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// hơn, trên, vượt.
    MoreThan,
    /// gần, xấp xỉ.
    Nearly,
    /// khoảng.
    About,
    /// ít nhất, tối thiểu, … trở lên.
    AtLeast,
    /// tối đa, dưới, đến năm (as a deadline).
    UpTo,
}

impl Qualifier {
    /// Every qualifier, in menu order.
    pub const ALL: [Qualifier; 5] = [
        Qualifier::MoreThan,
        Qualifier::Nearly,
        Qualifier::About,
        Qualifier::AtLeast,
        Qualifier::UpTo,
    ];

    /// The JSON / CSV name (`more_than`).
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more_than",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
        }
    }

    /// The sign drawn beside a value on charts (`>`, `≈`, `≥`, `≤`).
    pub fn symbol(self) -> &'static str {
        match self {
            Qualifier::MoreThan => ">",
            Qualifier::Nearly => "≲",
            Qualifier::About => "≈",
            Qualifier::AtLeast => "≥",
            Qualifier::UpTo => "≤",
        }
    }

    /// The Vietnamese words the qualifier stands for.
    pub fn label_vi(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "hơn / trên",
            Qualifier::Nearly => "gần / xấp xỉ",
            Qualifier::About => "khoảng",
            Qualifier::AtLeast => "ít nhất / trở lên",
            Qualifier::UpTo => "tối đa / đến",
        }
    }

    /// The English meaning.
    pub fn label_en(self) -> &'static str {
        match self {
            Qualifier::MoreThan => "more than",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at least",
            Qualifier::UpTo => "up to",
        }
    }
}

/// Where a figure stands in the officer's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// As the machine read it; not reviewed yet.
    #[default]
    Extracted,
    /// Reviewed and accepted as read.
    Confirmed,
    /// Reviewed and changed; `Figure::extracted` keeps the machine's reading.
    Corrected,
    /// Not a figure the officer wants (kept, so the rejection survives re-extraction).
    Rejected,
    /// Added by hand: the machine missed it.
    Added,
}

impl Status {
    /// Every status, in menu order.
    pub const ALL: [Status; 5] = [
        Status::Extracted,
        Status::Confirmed,
        Status::Corrected,
        Status::Rejected,
        Status::Added,
    ];

    /// The JSON / CSV name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Extracted => "extracted",
            Status::Confirmed => "confirmed",
            Status::Corrected => "corrected",
            Status::Rejected => "rejected",
            Status::Added => "added",
        }
    }

    /// The Vietnamese name shown to the officer.
    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Extracted => "Máy đọc",
            Status::Confirmed => "Đã xác nhận",
            Status::Corrected => "Đã sửa",
            Status::Rejected => "Đã loại",
            Status::Added => "Thêm tay",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Status::Extracted => "Extracted",
            Status::Confirmed => "Confirmed",
            Status::Corrected => "Corrected",
            Status::Rejected => "Rejected",
            Status::Added => "Added",
        }
    }

    /// True once the officer has looked at the figure.
    pub fn is_reviewed(self) -> bool {
        self != Status::Extracted
    }
}

/// What a figure says: everything about it an officer may correct.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The kind of number.
    pub kind: Kind,
    /// The number (`22.400` → 22400, `97,2%` → 97.2, `16/172` → 0.0930…, `XII` → 12).
    pub value: Option<f64>,
    /// The upper end of a range (`2015-2020` → 2020, `60-70%` → 70).
    #[serde(default)]
    pub value_to: Option<f64>,
    /// For dates: `YYYY-MM-DD`, `YYYY-MM`, `--MM-DD` (no year written) or `YYYY-Qn` (a quarter,
    /// `quý 4 năm 2018`); a week is the date of its Monday.
    #[serde(default)]
    pub date: Option<String>,
    /// A bound on the number (hơn, gần, khoảng, …).
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// The counted noun after a count or ratio (`cán bộ`, `lượt`, …).
    #[serde(default)]
    pub unit: Option<String>,
    /// True for an increase or decrease relative to something (`tăng 39,4% so với …`).
    #[serde(default)]
    pub change: bool,
    /// True for page chrome: visit counters, links to other articles, repeated headings.
    #[serde(default)]
    pub boilerplate: bool,
    /// The id of the indicator (from the catalogue) the figure measures, null when unsure.
    #[serde(default)]
    pub indicator: Option<String>,
    /// The year the figure refers to (from its sentence, else the article's date).
    #[serde(default)]
    pub year: Option<i32>,
    /// True when the figure is a target (`đến năm 2025 có 100% …`), not an achieved value.
    #[serde(default)]
    pub target: bool,
    /// Who is counted (`xa`, `huyen`, `lanh_dao`, …), set with the indicator: two districts'
    /// shares compare only for the same population.
    #[serde(default)]
    pub population: Option<Population>,
    /// True when `year` is the article's year (no year of its own in its sentence: `đến nay`,
    /// `hiện nay`, nothing said): it follows the article's date when the officer edits it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_from_article: bool,
}

impl Reading {
    /// A reading of the given kind with nothing else known.
    pub fn new(kind: Kind) -> Self {
        Reading {
            kind,
            value: None,
            value_to: None,
            date: None,
            qualifier: None,
            unit: None,
            change: false,
            boilerplate: false,
            indicator: None,
            year: None,
            target: false,
            population: None,
            year_from_article: false,
        }
    }
}

/// Who a figure counts: the population an officer compares like with like on. When several
/// fit, the first in this order (the facts conventions): the learners of one class, committee
/// members, party members, leaders, commune level, district level, officials in general, others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    /// `hoc_vien`: the learners of one specific class or course.
    HocVien,
    /// `cap_uy`: members of party committees (cấp ủy viên, BCH, BTV) only.
    CapUy,
    /// `dang_vien`: party members (đảng viên mới, …).
    DangVien,
    /// `lanh_dao`: leaders, managers, key cadres of the district or of no stated level.
    LanhDao,
    /// `xa`: commune level (cấp xã, cơ sở), commune key posts included.
    Xa,
    /// `huyen`: district-level officials; viên chức.
    Huyen,
    /// `chung`: officials with no level stated, or several levels together.
    Chung,
    /// `khac`: others (quần chúng, candidates for admission, …).
    Khac,
}

impl Population {
    /// Every population, in precedence order (menus show them so).
    pub const ALL: [Population; 8] = [
        Population::HocVien,
        Population::CapUy,
        Population::DangVien,
        Population::LanhDao,
        Population::Xa,
        Population::Huyen,
        Population::Chung,
        Population::Khac,
    ];

    /// The JSON / CSV code (`lanh_dao`).
    pub fn as_str(self) -> &'static str {
        match self {
            Population::HocVien => "hoc_vien",
            Population::CapUy => "cap_uy",
            Population::DangVien => "dang_vien",
            Population::LanhDao => "lanh_dao",
            Population::Xa => "xa",
            Population::Huyen => "huyen",
            Population::Chung => "chung",
            Population::Khac => "khac",
        }
    }

    /// The Vietnamese name shown to the officer.
    pub fn label_vi(self) -> &'static str {
        match self {
            Population::HocVien => "Học viên của lớp",
            Population::CapUy => "Cấp ủy viên",
            Population::DangVien => "Đảng viên",
            Population::LanhDao => "Lãnh đạo, quản lý",
            Population::Xa => "Cấp xã",
            Population::Huyen => "Cấp huyện",
            Population::Chung => "CBCC chung",
            Population::Khac => "Khác",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Population::HocVien => "Learners of a class",
            Population::CapUy => "Party committee members",
            Population::DangVien => "Party members",
            Population::LanhDao => "Leaders, managers",
            Population::Xa => "Commune level",
            Population::Huyen => "District level",
            Population::Chung => "Officials (all levels)",
            Population::Khac => "Others",
        }
    }
}

/// One number found in (or added to) an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Unique within its article; stable across edits.
    pub id: u64,
    /// First code point of the figure in the article text.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The exact substring `text[start..end]`.
    pub text: String,
    /// The current reading (the machine's, or the officer's once corrected).
    #[serde(flatten)]
    pub reading: Reading,
    /// How sure the extractor is of its reading, 0..1.
    #[serde(default = "one")]
    pub confidence: f32,
    /// The confidence of the indicator assignment, 0..1 (0 when there is none).
    #[serde(default)]
    pub indicator_confidence: f32,
    /// The sentence the figure stands in.
    #[serde(default)]
    pub context: String,
    /// Review status.
    #[serde(default)]
    pub status: Status,
    /// The officer's note.
    #[serde(default)]
    pub note: Option<String>,
    /// When `status` is `corrected`: the machine's original reading.
    #[serde(default)]
    pub extracted: Option<Reading>,
    /// In an article about several units (districts, or communes and wards after July 2025):
    /// the unit its sentence, or the heading of its paragraph, names, written like
    /// [`Article::district`] (`Đình Lập`, `Quận 1`, `phường Việt Trì`). `None` in an article
    /// about one place (the article's place is the figure's) and for a province-wide figure.
    /// Read from the text, not corrected by the officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

fn one() -> f32 {
    1.0
}

/// A fact the machine derives from figures of the article instead of reading it: the "or
/// above" share of a level from a breakdown that gives every part of it (`55,2% đại học; 2%
/// trên đại học` → đại học trở lên 57,2%). It has no span of its own — its parts have — so it
/// lives beside the figures, not among them (highlighting, re-anchoring and the scorers see
/// only what the text says). It is offered (`extracted`) until the officer accepts it
/// (`confirmed`) or rejects it (`rejected`); only an accepted one counts in a comparison, and a
/// rejected one is not offered again when the article is filed again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Computed {
    /// Unique among the article's figures and computed facts.
    pub id: u64,
    /// The ids of the figures it is computed from, in text order.
    pub from: Vec<u64>,
    /// How it is computed, in the article's notation: `55,2% + 2% = 57,2%`.
    pub formula: String,
    /// What it says: a percent, its indicator, population, year and target flag.
    #[serde(flatten)]
    pub reading: Reading,
    /// Offered (`extracted`), accepted (`confirmed`) or rejected (`rejected`).
    #[serde(default)]
    pub status: Status,
}

impl Computed {
    /// True once the officer accepted it: only then does it count in a comparison.
    pub fn accepted(&self) -> bool {
        self.status == Status::Confirmed
    }

    /// The same derivation: the same indicator from the same parts (whatever their order).
    pub fn same_as(&self, other: &Computed) -> bool {
        let sorted = |v: &[u64]| {
            let mut v = v.to_vec();
            v.sort_unstable();
            v
        };
        self.reading.indicator == other.reading.indicator
            && sorted(&self.from) == sorted(&other.from)
    }
}

/// One article: its text, what is known about it, and its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file the article came from, as given.
    pub path: String,
    /// The encoding it was decoded from (`utf-8`, `utf-16le`, `windows-1258`, `tcvn3`, `vni`, …).
    pub encoding: String,
    /// SHA-256 (hex) of the normalized text's UTF-8 bytes; tells a later session the file changed.
    pub text_sha256: String,
    /// The headline.
    #[serde(default)]
    pub title: Option<String>,
    /// The district's name without its prefix (`Đất Đỏ`).
    #[serde(default)]
    pub district: Option<String>,
    /// The province, when the text names it.
    #[serde(default)]
    pub province: Option<String>,
    /// The province since the July 2025 merger (one of 34), from the gazetteer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_2025: Option<String>,
    /// The site a web page came from (`vnexpress.net`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// The publication date `YYYY-MM-DD`, when the article shows its own.
    #[serde(default)]
    pub published: Option<String>,
    /// The officer's note on the article.
    #[serde(default)]
    pub note: Option<String>,
    /// The normalized text (NFC, LF).
    pub text: String,
    /// The figures, in text order.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Figures that could not be placed again after the file changed ("mất vị trí").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Figure>,
    /// Facts computed from figures (an "or above" share from its breakdown), offered to the
    /// officer; see [`Computed`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub computed: Vec<Computed>,
    /// For a web page read with the reader view: the whole page's text (menus, related links,
    /// footers included), kept so the officer can see what the reader view cut. Figures are
    /// never read from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_text: Option<String>,
}

impl Article {
    /// The byte span of each figure in the text (`None` for offsets out of range): figures
    /// count code points, the grammar reads bytes.
    pub fn figure_byte_spans(&self) -> Vec<Option<(usize, usize)>> {
        let idx = crate::text::CharIndex::new(&self.text);
        let n_chars = idx.len_chars();
        self.figures
            .iter()
            .map(|f| {
                (f.start <= f.end && f.end <= n_chars)
                    .then(|| (idx.byte_of_char(f.start), idx.byte_of_char(f.end)))
            })
            .collect()
    }

    /// The next free figure id (computed facts share the ids' space).
    pub fn next_id(&self) -> u64 {
        self.figures
            .iter()
            .chain(self.unplaced.iter())
            .map(|f| f.id)
            .chain(self.computed.iter().map(|c| c.id))
            .max()
            .map_or(1, |m| m + 1)
    }

    /// The figure with this id (placed figures only).
    pub fn figure(&self, id: u64) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// How many figures the officer has reviewed.
    pub fn reviewed(&self) -> usize {
        self.figures
            .iter()
            .filter(|f| f.status.is_reviewed())
            .count()
    }
}

/// An annotated JSON document: a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`FORMAT`].
    pub format: String,
    /// The schema version, [`VERSION`] for what this build writes.
    pub version: u32,
    /// The program that wrote it (`solieu 0.1.0`).
    pub generator: String,
    /// The articles.
    pub articles: Vec<Article>,
}

impl Document {
    /// A document of these articles, stamped with this build's format, version and generator.
    pub fn new(articles: Vec<Article>) -> Self {
        Document {
            format: FORMAT.to_string(),
            version: VERSION,
            generator: generator(),
            articles,
        }
    }
}

/// `solieu <version>`.
pub fn generator() -> String {
    format!("solieu {}", env!("CARGO_PKG_VERSION"))
}

//! The second pass: what each raw token is (kind, value, qualifier, unit, change, boilerplate),
//! from the words around it. Runs of digits are read by the digit rules of
//! [`super::rules::digits`] (one file per kind of number); this file dispatches to them, reads
//! Roman numerals and slashed numbers, and holds what every rule reads around a number: the
//! words ([`Around`]), the counted noun, the qualifier and whether it is a change.

use super::number::{Style, parse_grouped};
use super::page::{Line, LineRole};
use super::rules::digits::{self as digit_rules, Digits, int_value, reading};
use super::scan::{Raw, Shape, char_at};
use super::words::{self, Tok, Word, ends_with_phrase, is_all_caps, starts_with_phrase};
use crate::model::{Kind, Qualifier, Reading};
use crate::numbers::valid_date;

/// A figure before offsets are converted to code points.
#[derive(Debug, Clone)]
pub struct Draft {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it says.
    pub reading: Reading,
    /// How sure the reading is.
    pub confidence: f32,
}

/// Everything the rules need about the article.
pub struct Ctx<'a> {
    /// The normalized text.
    pub text: &'a str,
    /// How the article groups digits.
    pub style: Style,
    /// The lines and their roles.
    pub lines: &'a [Line],
    /// The year of publication, when known.
    pub published_year: Option<i32>,
}

/// Counted nouns, longest first within a head word. Conjoinable person nouns are marked.
pub(crate) const UNITS: &[(&str, bool)] = &[
    ("cán bộ", true),
    ("công chức", true),
    ("viên chức", true),
    ("đảng viên mới", true),
    ("đảng viên", true),
    ("học viên", true),
    ("đồng chí", true),
    ("người lao động", true),
    ("người", true),
    ("quần chúng", true),
    ("hội viên", true),
    ("đoàn viên", true),
    ("giảng viên", true),
    ("báo cáo viên", true),
    ("học sinh", true),
    ("sinh viên", true),
    ("đại biểu", true),
    ("ủy viên", true),
    ("thành viên", true),
    ("lãnh đạo", true),
    ("công nhân", true),
    ("nhân viên", true),
    ("chiến sĩ", true),
    ("tiến sĩ", true),
    ("thạc sĩ", true),
    ("cử nhân", true),
    ("kỹ sư", true),
    ("bác sĩ", true),
    ("giáo viên", true),
    ("phó bí thư", true),
    ("bí thư", true),
    ("phó chủ tịch", true),
    ("chủ tịch", true),
    ("cá nhân", false),
    ("tập thể", false),
    ("lượt", false),
    ("lớp", false),
    ("khóa", false),
    ("năm", false),
    ("tháng", false),
    ("tuần", false),
    ("ngày", false),
    ("giờ", false),
    ("buổi", false),
    ("tiết", false),
    ("chương trình", false),
    ("chuyên đề", false),
    ("trường hợp", false),
    ("xã", false),
    ("phường", false),
    ("thị trấn", false),
    ("huyện", false),
    ("thôn", false),
    ("ấp", false),
    ("bản", false),
    ("tổ", false),
    ("hộ", false),
    ("khu dân cư", false),
    ("đơn vị", false),
    ("cơ quan", false),
    ("tổ chức cơ sở đảng", false),
    ("tổ chức", false),
    ("chi bộ", false),
    ("đảng bộ", false),
    ("hội nghị", false),
    ("cuộc", false),
    ("đợt", false),
    ("lần", false),
    ("đề án", false),
    ("dự án", false),
    ("nghị quyết", false),
    ("văn bản", false),
    ("chứng chỉ", false),
    ("bằng", false),
    ("trung tâm", false),
    ("trường", false),
    ("phòng", false),
    ("ban", false),
    ("ngành", false),
    ("chỉ tiêu", false),
    ("nhiệm vụ", false),
    ("tiêu chí", false),
    ("doanh nghiệp", false),
    ("công trình", false),
    ("tài liệu", false),
    ("bài", false),
    ("tuổi", false),
    ("km", false),
    ("ha", false),
    ("tấn", false),
    ("suất", false),
    ("vị trí", false),
    ("chức danh", false),
    ("biên chế", false),
];

/// [`UNITS`] by their first word, so a lookup tries only the few that can match.
static UNITS_BY_FIRST_WORD: std::sync::LazyLock<
    std::collections::HashMap<&'static str, Vec<(&'static str, bool)>>,
> = std::sync::LazyLock::new(|| {
    let mut m: std::collections::HashMap<&'static str, Vec<(&'static str, bool)>> =
        std::collections::HashMap::new();
    for &(u, person) in UNITS {
        let first = u.split(' ').next().unwrap_or(u);
        m.entry(first).or_default().push((u, person));
    }
    m
});

/// Words that never start a counted noun.
const NOT_UNITS: &[&str] = &[
    "có", "là", "được", "đã", "và", "với", "của", "cho", "trong", "tại", "trên", "dưới", "đến",
    "từ", "theo", "đạt", "gồm", "so", "thì", "mà", "này", "đó", "các", "những", "một", "như", "để",
    "về", "vào", "ra", "lên", "xuống", "còn", "sẽ", "đang", "chưa", "không", "rất", "hơn", "nữa",
    "tăng", "giảm", "trở", "bằng", "chiếm", "hoặc", "hay", "nhưng", "nên", "vì", "do", "khi",
    "nay", "qua", "tới", "thuộc", "tham", "học", "tổng", "số",
];

/// Words that make the next number the name or number of a document, place or code.
pub(crate) const NAME_BEFORE: &[&str] = &[
    "công nghiệp",
    "nghị quyết",
    "chỉ thị",
    "quyết định",
    "kết luận",
    "quy định",
    "hướng dẫn",
    "công văn",
    "thông tư",
    "nghị định",
    "thông báo",
    "tờ trình",
    "luật",
    "điều",
    "khoản",
    "trung ương",
    "quận",
    "phường",
    "khóm",
    "khu phố",
    "tổ dân phố",
    "số",
    "quốc lộ",
    "tỉnh lộ",
    "đường",
    "xóm",
    "đội",
    "chương",
    "mục",
    "đối tượng",
];

/// Words before a 4-digit number that make it a year.
pub(crate) const YEAR_BEFORE: &[&str] = &[
    "năm", "từ", "đến", "tới", "đoạn", "kỳ", "cuối", "đầu", "giữa", "trong", "sau", "trước", "vào",
    "hết", "niên", "mùa", "tháng", "khóa", "nay", "tết", "qua",
];

/// Words before a Roman numeral that make it one (`khóa XII`, `lần thứ XX`, `Quý I`).
const ROMAN_BEFORE: &[&str] = &[
    "khóa", "thứ", "quý", "phần", "chương", "mục", "kỳ", "kỷ", "đoạn", "lần", "hội", "nghị",
    "ương", "tập", "số", "loại", "hạng", "cấp", "bậc", "vùng", "đợt", "lớp", "(", "kì",
];

/// Two-word nouns whose last word is in [`ROMAN_BEFORE`], named whole as a Roman's unit.
const ROMAN_TWO_WORD_NOUNS: &[&str] = &[
    "đại hội",
    "hội nghị",
    "trung ương",
    "thế kỷ",
    "học kỳ",
    "nhiệm kỳ",
    "giai đoạn",
];

/// Valid Roman numerals that are far more often abbreviations.
const ROMAN_ABBREVIATIONS: &[&str] = &[
    "CD", "CV", "DC", "MC", "MD", "DI", "LI", "MI", "CM", "DM", "ML", "MV", "LV", "CC", "CCC",
    "CL", "DL", "XL", "XXL", "MIX", "CIV", "DIV", "MCC",
];

/// Words in a sentence that make `đến năm YYYY` a target.
pub(crate) const TARGET_WORDS: &[&str] = &[
    "mục tiêu",
    "phấn đấu",
    "chỉ tiêu",
    "kế hoạch",
    "định hướng",
    "dự kiến",
    "sẽ",
    "tầm nhìn",
    "đề ra",
];

pub(crate) const SCALES: &[(&str, f64)] = &[
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
];

/// The words around a token, raw and folded.
pub struct Around<'a> {
    pub(crate) before: Vec<Tok<'a>>,
    pub(crate) bf: Vec<Word<'a>>,
    pub(crate) after: Vec<Tok<'a>>,
    pub(crate) af: Vec<Word<'a>>,
}

impl<'a> Around<'a> {
    pub(crate) fn new(text: &'a str, start: usize, end: usize) -> Self {
        // Rules look at most a dozen items each way: only those are lexed and folded.
        let before = words::before_last(text, start, 14);
        let after = words::after_first(text, end, 16);
        let bf = words::folded(&before);
        let af = words::folded(&after);
        Around {
            before,
            bf,
            after,
            af,
        }
    }

    /// The folded word right before the number.
    pub(crate) fn prev(&self) -> Option<&str> {
        self.bf.last().map(|w| &**w)
    }

    /// The folded words before the token back to the start of its clause.
    pub(crate) fn clause_before(&self) -> &[Word<'a>] {
        let from = self
            .bf
            .iter()
            .rposition(|w| matches!(&**w, "," | ";" | "." | ":" | "(" | ")"))
            .map_or(0, |i| i + 1);
        &self.bf[from..]
    }
}

/// Classifies the raw token `raws[i]`; returns the draft and how many following raw tokens it
/// swallowed (ranges, long dates).
/// `None` for a word that only looks like a Roman numeral.
pub fn classify(ctx: &Ctx<'_>, raws: &[Raw], i: usize, role: LineRole) -> Option<(Draft, usize)> {
    let raw = raws[i];
    let text = ctx.text;
    let s = &text[raw.start..raw.end];
    let around = Around::new(text, raw.start, raw.end);
    let mut consumed = 0;
    let mut end = raw.end;
    let mut confidence = 0.95f32;

    let mut r = match raw.shape {
        Shape::Roman(v) => classify_roman(s, v, &around),
        Shape::Colon => other_time(s),
        Shape::Slash => {
            let (r, c) = classify_slash(ctx, s, raw, &around);
            confidence = c;
            r
        }
        Shape::Digits => {
            let (r, c, e, n) = classify_digits(ctx, raws, i, &around, role);
            confidence = c;
            end = e;
            consumed = n;
            r
        }
    };
    let Some(mut rd) = r.take() else {
        if matches!(raw.shape, Shape::Roman(_)) {
            // Capital letters that only look like a Roman numeral.
            return None;
        }
        // Digits the rules do not understand: kept, as `other`, so nothing is silently lost.
        return Some((
            Draft {
                start: raw.start,
                end: raw.end,
                reading: reading(Kind::Other, int_value(s)),
                confidence: 0.5,
            },
            0,
        ));
    };
    if role == LineRole::Chrome
        || role == LineRole::Counter
        || in_url_or_file(text, raw.start, raw.end)
    {
        rd.boilerplate = true;
    }
    if role == LineRole::Counter && matches!(raw.shape, Shape::Digits) {
        rd.kind = Kind::Count;
        rd.unit = None;
        rd.qualifier = None;
        rd.value = parse_grouped(s, Style::English, false).map(|p| p.value);
        consumed = 0;
        end = raw.end;
    }
    Some((
        Draft {
            start: raw.start,
            end,
            reading: rd,
            confidence,
        },
        consumed,
    ))
}

fn other_time(s: &str) -> Option<Reading> {
    Some(reading(Kind::Other, None)).map(|mut r| {
        let mut parts = s.split(':');
        let h = parts.next().and_then(|p| p.parse::<u32>().ok());
        let m = parts.next().and_then(|p| p.parse::<u32>().ok());
        if !(h.is_some_and(|h| h < 24) && m.is_some_and(|m| m < 60)) {
            r.value = None;
        }
        r
    })
}

fn classify_roman(s: &str, v: u32, a: &Around<'_>) -> Option<Reading> {
    let prev = a.prev().unwrap_or("");
    let contextual = ROMAN_BEFORE.contains(&prev);
    if !contextual {
        if s.len() == 1 || ROMAN_ABBREVIATIONS.contains(&s) {
            return None;
        }
        // Inside a heading in capitals (`VI PHẠM`), a Roman-looking word is a syllable.
        let caps_prev = a.before.last().is_some_and(|t| t.word && is_all_caps(t.s));
        let caps_next = a.after.first().is_some_and(|t| t.word && is_all_caps(t.s));
        if caps_prev || caps_next {
            return None;
        }
    }
    let mut r = reading(Kind::Roman, Some(f64::from(v)));
    r.unit = if prev == "thứ" || prev == "lần" {
        // `Đại hội … lần thứ XX`: the event counted.
        let clause = a.clause_before();
        ["đại hội", "hội nghị", "kỳ họp"]
            .iter()
            .find_map(|ev| {
                let parts: Vec<&str> = ev.split(' ').collect();
                clause
                    .windows(parts.len())
                    .rposition(|w| w.iter().zip(&parts).all(|(x, y)| x == y))
                    .map(|k| {
                        let off = a.bf.len() - clause.len() + k;
                        a.before[off..off + parts.len()]
                            .iter()
                            .map(|t| t.s)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
            })
            .or(Some("lần".into()))
    } else if contextual && prev != "(" {
        // A two-word noun (`Đại hội XII`, `Hội nghị Trung ương IV`) is named whole.
        let two = a.bf.len() >= 2
            && a.before.len() >= 2
            && ROMAN_TWO_WORD_NOUNS
                .iter()
                .any(|n| ends_with_phrase(&a.bf, n));
        let take = if two { 2 } else { 1 };
        let from = a.before.len().saturating_sub(take);
        Some(
            a.before[from..]
                .iter()
                .map(|t| t.s)
                .collect::<Vec<_>>()
                .join(" "),
        )
    } else {
        None
    };
    Some(r)
}

fn classify_slash(ctx: &Ctx<'_>, s: &str, raw: Raw, a: &Around<'_>) -> (Option<Reading>, f32) {
    let parts: Vec<&str> = s.split('/').collect();
    let nums: Vec<Option<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    let prev = a.prev().unwrap_or("");
    let next_char = char_at(ctx.text, raw.end);
    // A document number: `101/2017/NĐ-CP`, `15/2019/TT-BNV`.
    let code_follows = next_char == Some('/')
        || (next_char == Some('-')
            && char_at(ctx.text, raw.end + 1).is_some_and(char::is_alphabetic));
    if code_follows || NAME_BEFORE.contains(&prev) && prev != "đội" {
        return (Some(reading(Kind::Other, nums[0].map(f64::from))), 0.9);
    }
    if parts.len() == 3 {
        if let (Some(d), Some(m), Some(y)) =
            (nums[0], nums[1], super::rules::dates::full_year(parts[2]))
            && parts[0].len() <= 2
            && parts[1].len() <= 2
            && valid_date(y, m, d)
        {
            let mut r = reading(Kind::Date, None);
            r.date = Some(format!("{y:04}-{m:02}-{d:02}"));
            return (Some(r), 0.97);
        }
        return (Some(reading(Kind::Other, nums[0].map(f64::from))), 0.6);
    }
    if parts.len() != 2 {
        return (Some(reading(Kind::Other, nums[0].map(f64::from))), 0.5);
    }
    let (x, y) = match (nums[0], nums[1]) {
        (Some(x), Some(y)) => (x, y),
        _ => {
            // Decimal parts: `2,5/10` is a ratio of decimals.
            let x = parse_grouped(parts[0], ctx.style, true).map(|p| p.value);
            let y = parse_grouped(parts[1], ctx.style, true).map(|p| p.value);
            let mut r = reading(Kind::Ratio, None);
            if let (Some(x), Some(y)) = (x, y)
                && y != 0.0
            {
                r.value = Some(x / y);
            }
            return (Some(r), 0.7);
        }
    };
    let is_year = |v: u32| parts[1].len() == 4 && crate::numbers::is_year(v);
    // `đợt 1/2020`: batch 1 of the year.
    if matches!(prev, "đợt" | "khóa" | "lần" | "kỳ" | "lớp") && is_year(y) {
        return (Some(reading(Kind::Other, Some(f64::from(x)))), 0.9);
    }
    if is_year(y) && (1..=12).contains(&x) {
        let mut r = reading(Kind::Date, None);
        r.date = Some(format!("{y:04}-{x:02}"));
        return (Some(r), if prev == "tháng" { 0.97 } else { 0.85 });
    }
    let date_words = matches!(prev, "ngày" | "hôm" | "sáng" | "chiều" | "tối" | "đêm");
    let plausible_date = (1..=31).contains(&x) && (1..=12).contains(&y) && valid_date(2000, y, x);
    // `1/3 số xã`: a share of what follows `số`.
    let share_of = a.af.first().is_some_and(|w| w == "số")
        && a.after.get(1).is_some_and(|t| t.word)
        && !a
            .af
            .get(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let unit = if share_of {
        unit_after(&a.after[1..], &a.af[1..])
    } else {
        unit_after(&a.after, &a.af)
    };
    if plausible_date && !share_of && (date_words || unit.is_none()) {
        let mut r = reading(Kind::Date, None);
        r.date = Some(format!("--{y:02}-{x:02}"));
        return (Some(r), if date_words { 0.95 } else { 0.6 });
    }
    let mut r = reading(Kind::Ratio, (y != 0).then(|| f64::from(x) / f64::from(y)));
    r.unit = unit.map(|u| u.0);
    r.qualifier = qualifier_before(a);
    let conf = if plausible_date {
        0.6
    } else if x <= y {
        0.95
    } else {
        0.75
    };
    (Some(r), conf)
}

/// The counted noun after a number: its text as written and how many folded items it spans.
pub(crate) fn unit_after(after: &[Tok<'_>], af: &[Word<'_>]) -> Option<(String, usize)> {
    let first = af.first()?;
    if !after[0].word || first.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    // `120 CBCC`, `35 ĐV`, `250 ng.`: an abbreviation counts what it abbreviates.
    let w0 = after[0];
    let dotted = after
        .get(1)
        .is_some_and(|t| t.s == "." && t.pos == w0.pos + w0.s.len());
    if let Some(full) = super::rules::lexicon::counted_abbreviation(w0.s, dotted) {
        let n = if matches!(w0.s, "ng" | "Ng") { 2 } else { 1 };
        return Some((full.to_string(), n));
    }
    let matches_at = |k: usize| -> Option<(usize, bool)> {
        UNITS_BY_FIRST_WORD
            .get(af.get(k)?.as_ref())?
            .iter()
            .filter_map(|(u, person)| words::phrase_at(af, k, u).map(|n| (n, *person)))
            .max_by_key(|(n, _)| *n)
    };
    let join = |from: usize, to: usize| -> String {
        let mut out = String::new();
        for t in &after[from..to] {
            if t.word && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str(t.s);
            if t.s == "," {
                out.push(' ');
            }
        }
        out.trim().to_string()
    };
    let Some((n, person)) = matches_at(0) else {
        // An unknown noun: the first word, when it can be one.
        let w = &after[0];
        let lower_word = w.s.chars().next().is_some_and(|c| c.is_lowercase());
        if lower_word && !NOT_UNITS.contains(&&**first) && w.s.chars().all(char::is_alphabetic) {
            return Some((w.s.to_string(), 1));
        }
        return None;
    };
    if first == "lượt" {
        return Some((after[0].s.to_string(), 1));
    }
    let mut end = n;
    if person {
        // `22.400 cán bộ, công chức`: a conjoined group of people is what is counted.
        while end + 1 < af.len() && af[end] == "," {
            match matches_at(end + 1) {
                // … but not `2 tiến sĩ, thạc sĩ 45 người`, where the next noun has its own number.
                Some((m, true))
                    if !af
                        .get(end + 1 + m)
                        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())) =>
                {
                    end += 1 + m
                }
                _ => break,
            }
        }
    }
    Some((join(0, end), end))
}

/// The counted noun at the head of `words` (folded), from [`UNITS`] only: how many words it
/// takes. Numbers in words use this instead of [`unit_after`]'s guess, as `hai bên` (both
/// sides) is not a count of "bên".
pub(crate) fn known_unit_len(words: &[&str]) -> Option<usize> {
    UNITS_BY_FIRST_WORD
        .get(words.first()?)?
        .iter()
        .filter_map(|(u, _)| words::phrase_at(words, 0, u))
        .max()
}

/// The counted noun after a number when it is a known one (see [`known_unit_len`]), as
/// [`unit_after`] writes it.
pub(crate) fn known_unit_after(after: &[Tok<'_>], af: &[Word<'_>]) -> Option<(String, usize)> {
    let first: Vec<&str> = af.iter().take(5).map(|w| &**w).collect();
    known_unit_len(&first)?;
    unit_after(after, af)
}

/// `hơn`, `gần`, `khoảng`, … right before the number.
pub(crate) fn qualifier_before(a: &Around<'_>) -> Option<Qualifier> {
    let b = &a.bf;
    let q = |p: &str| ends_with_phrase(b, p);
    if q("trên dưới")
        || q("khoảng")
        || q("chừng")
        || q("ước")
        || q("ước tính")
        || q("ước đạt")
        || q("độ")
    {
        Some(Qualifier::About)
    } else if q("không dưới") || q("không ít hơn") || q("ít nhất") || q("tối thiểu") {
        Some(Qualifier::AtLeast)
    } else if q("không quá")
        || q("tối đa")
        || q("dưới")
        || q("chưa đến")
        || q("chưa tới")
        || q("chưa đầy")
    {
        Some(Qualifier::UpTo)
    } else if q("hơn") || q("trên") || q("vượt") {
        Some(Qualifier::MoreThan)
    } else if q("gần") || q("xấp xỉ") || q("gần như") {
        Some(Qualifier::Nearly)
    } else {
        None
    }
}

/// `trở lên` / `trở xuống` right after the number (or its `%`, or its counted noun).
pub(crate) fn qualifier_after(af: &[Word<'_>], skip: usize) -> Option<Qualifier> {
    let rest = af.get(skip..)?;
    if starts_with_phrase(rest, "trở lên") {
        Some(Qualifier::AtLeast)
    } else if starts_with_phrase(rest, "trở xuống") {
        Some(Qualifier::UpTo)
    } else {
        None
    }
}

/// `tăng 39,4% so với …`: an increase or decrease, not a level.
pub(crate) fn is_change(a: &Around<'_>, qualifier: Option<Qualifier>) -> bool {
    let b = &a.bf;
    let n = b.len();
    let skip = usize::from(qualifier.is_some() && n > 0);
    let at = |k: usize| -> Option<&str> { (n > skip + k).then(|| &*b[n - 1 - skip - k]) };
    let verb = |w: Option<&str>| matches!(w, Some("tăng" | "giảm"));
    if verb(at(0)) || (verb(at(1)) && matches!(at(0), Some("thêm" | "đi" | "gấp"))) {
        return true;
    }
    // `… so với cùng kỳ / năm trước / khi …` right after.
    let mut k = 0;
    while k < a.af.len() && k < 4 && !matches!(&*a.af[k], "," | ";" | "." | "so") {
        k += 1;
    }
    // `vượt 1,7% so với chỉ tiêu`: the excess over anything named is a change.
    let exceeds = b.last().is_some_and(|w| w == "vượt");
    a.af.get(k).is_some_and(|w| w == "so")
        && a.af.get(k + 1).is_some_and(|w| w == "với")
        && a.af.get(k + 2).is_some_and(|w| {
            exceeds
                || matches!(
                    &**w,
                    "cùng" | "năm" | "khi" | "đầu" | "trước" | "kỳ" | "nhiệm" | "giai" | "lúc"
                )
        })
}

pub(crate) fn in_url_or_file(text: &str, start: usize, end: usize) -> bool {
    // Only a bounded neighbourhood is searched, so a megabyte without spaces stays linear.
    let mut lo = start.saturating_sub(200);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (end + 200).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let from = text[lo..start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let to = text[end..hi]
        .find(char::is_whitespace)
        .map_or(hi, |i| end + i);
    let word = text[from..to].to_ascii_lowercase();
    word.contains("://")
        || word.contains("www.")
        || [
            ".jpg", ".jpeg", ".png", ".gif", ".webp", ".pdf", ".doc", ".html", ".htm", ".php",
        ]
        .iter()
        .any(|e| word.contains(e))
        || word.contains(".vn/")
        || word.contains(".com/")
}

/// A run of digits: the first of [`rules::digits::RULES`] that reads it; returns the reading,
/// the confidence, the end byte and the raw tokens swallowed.
fn classify_digits(
    ctx: &Ctx<'_>,
    raws: &[Raw],
    i: usize,
    a: &Around<'_>,
    role: LineRole,
) -> (Option<Reading>, f32, usize, usize) {
    let d = Digits::new(ctx, raws, i, a, role);
    let raw = raws[i];
    digit_rules::RULES
        .iter()
        .find_map(|rule| (rule.apply)(&d))
        .unwrap_or((Some(reading(Kind::Other, None)), 0.6, raw.end, 0))
}

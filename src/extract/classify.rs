//! The second pass: what each raw token is (kind, value, qualifier, unit, change, boilerplate),
//! from the words around it. The rules are the grammar of Vietnamese numbers in news text, not
//! rules for particular articles.

use super::number::{Style, parse_grouped};
use super::page::{Line, LineRole};
use super::scan::{Raw, Shape, char_at, char_before};
use super::words::{self, Tok, Word, ends_with_phrase, fold, is_all_caps, starts_with_phrase};
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
const UNITS: &[(&str, bool)] = &[
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
const NAME_BEFORE: &[&str] = &[
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
const YEAR_BEFORE: &[&str] = &[
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

const SCALES: &[(&str, f64)] = &[
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
];

/// The words around a token, raw and folded.
pub(crate) struct Around<'a> {
    pub(crate) before: Vec<Tok<'a>>,
    pub(crate) bf: Vec<Word<'a>>,
    pub(crate) after: Vec<Tok<'a>>,
    pub(crate) af: Vec<Word<'a>>,
}

impl<'a> Around<'a> {
    pub(crate) fn new(text: &'a str, start: usize, end: usize) -> Self {
        let mut before = words::before(text, start);
        let mut after = words::after(text, end);
        // Rules look at most a dozen items each way.
        if before.len() > 14 {
            before.drain(..before.len() - 14);
        }
        after.truncate(16);
        let bf = words::folded(&before);
        let af = words::folded(&after);
        Around {
            before,
            bf,
            after,
            af,
        }
    }

    fn prev(&self) -> Option<&str> {
        self.bf.last().map(|w| &**w)
    }

    /// The folded words before the token back to the start of its clause.
    fn clause_before(&self) -> &[Word<'a>] {
        let from = self
            .bf
            .iter()
            .rposition(|w| matches!(&**w, "," | ";" | "." | ":" | "(" | ")"))
            .map_or(0, |i| i + 1);
        &self.bf[from..]
    }
}

fn reading(kind: Kind, value: Option<f64>) -> Reading {
    let mut r = Reading::new(kind);
    r.value = value;
    r
}

fn int_value(s: &str) -> Option<f64> {
    let d: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    d.parse().ok()
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
fn unit_after(after: &[Tok<'_>], af: &[Word<'_>]) -> Option<(String, usize)> {
    let first = af.first()?;
    if !after[0].word || first.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
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

/// Returns the reading, the confidence, the end byte and the raw tokens swallowed.
fn classify_digits(
    ctx: &Ctx<'_>,
    raws: &[Raw],
    i: usize,
    a: &Around<'_>,
    role: LineRole,
) -> (Option<Reading>, f32, usize, usize) {
    let text = ctx.text;
    let raw = raws[i];
    let s = &text[raw.start..raw.end];
    let prev = a.prev().unwrap_or("");
    let before_c = char_before(text, raw.start);
    let after_c = char_at(text, raw.end);
    let plain_int = s.bytes().all(|b| b.is_ascii_digit());

    // Glued to a name or code: `SARS-CoV-2`, `H5N1`, `COVID-19`, `4G`, `7h30`.
    let glued_before = before_c.is_some_and(char::is_alphabetic)
        || (matches!(before_c, Some('-' | '_'))
            && char_before(text, raw.start - 1).is_some_and(char::is_alphanumeric)
            && !char_before(text, raw.start - 1).is_some_and(|c| c.is_ascii_digit()));
    // A time zone: `GMT+7`.
    if before_c == Some('+')
        && text
            .as_bytes()
            .get(raw.start.saturating_sub(4)..raw.start - 1)
            .is_some_and(|h| h.eq_ignore_ascii_case(b"gmt") || h.eq_ignore_ascii_case(b"utc"))
    {
        let mut r = reading(Kind::Other, int_value(s));
        r.boilerplate = true;
        return (Some(r), 0.95, raw.end, 0);
    }
    if glued_before {
        // `lớp K21`: a lone capital K before the digits abbreviates `khóa`, a course number.
        let course = before_c == Some('K')
            && plain_int
            && !char_before(text, raw.start - 1).is_some_and(char::is_alphanumeric);
        let kind = if course { Kind::Ordinal } else { Kind::Other };
        return (Some(reading(kind, int_value(s))), 0.9, raw.end, 0);
    }
    if let Some(c) = after_c
        && c.is_alphabetic()
    {
        let glued: String = text[raw.end..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if glued == "h" || glued == "g" {
            // `7h30`, `15h`: a time of day, minutes included.
            let mut end = raw.end + 1;
            let mut swallowed = 0;
            if let Some(next) = raws.get(i + 1)
                && next.start == end
                && next.shape == Shape::Digits
            {
                end = next.end;
                swallowed = 1;
            }
            return (Some(reading(Kind::Other, None)), 0.9, end, swallowed);
        }
        let lower = fold(&glued);
        if !UNITS.iter().any(|(u, _)| *u == lower)
            && super::rules::lexicon::currency_after(&[lower.as_str()]).is_none()
        {
            return (Some(reading(Kind::Other, int_value(s))), 0.8, raw.end, 0);
        }
    }
    // A code: `35-CT/TW`, `26/NQ-TW`.
    if matches!(after_c, Some('-' | '/'))
        && char_at(text, raw.end + 1).is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
    {
        return (Some(reading(Kind::Other, int_value(s))), 0.9, raw.end, 0);
    }

    // Percent sign after the number (`97,2%`, `100 %`).
    let pct_end = percent_end(text, raw.end);

    // Dates written with dots or hyphens: `25.3.2023`, `25-3-2023`.
    if let Some((date, end, swallowed)) = dotted_or_dashed_date(text, raws, i) {
        let mut r = reading(Kind::Date, None);
        r.date = Some(date);
        return (Some(r), 0.9, end, swallowed);
    }

    // Ranges: `2015-2020`, `2018 – 2019`, `60-70%`, `18-35 tuổi`.
    if let Some(next) = raws.get(i + 1)
        && next.shape == Shape::Digits
        && pct_end.is_none()
        && is_dash_between(text, raw.end, next.start)
    {
        let s2 = &text[next.start..next.end];
        let y1 = s
            .parse::<u32>()
            .ok()
            .filter(|y| s.len() == 4 && crate::numbers::is_year(*y));
        let y2 = s2
            .parse::<u32>()
            .ok()
            .filter(|y| s2.len() == 4 && crate::numbers::is_year(*y));
        if let (Some(y1), Some(y2)) = (y1, y2)
            && y2 > y1
            && y2 - y1 <= 100
        {
            let mut r = reading(Kind::YearRange, Some(f64::from(y1)));
            r.value_to = Some(f64::from(y2));
            r.unit = ["nhiệm kỳ", "khóa học", "giai đoạn", "niên khóa", "khóa"]
                .iter()
                .find(|u| ends_with_phrase(&a.bf, u))
                .map(|u| {
                    let k = u.split(' ').count();
                    a.before[a.before.len() - k..]
                        .iter()
                        .map(|t| t.s)
                        .collect::<Vec<_>>()
                        .join(" ")
                });
            r.qualifier = None;
            return (Some(r), 0.97, next.end, 1);
        }
        if let Some(pe) = percent_end(text, next.end) {
            let v1 = parse_grouped(s, ctx.style, true);
            let v2 = parse_grouped(s2, ctx.style, true);
            if let (Some(v1), Some(v2)) = (v1, v2)
                && v2.value > v1.value
            {
                let mut r = reading(Kind::Percent, Some(v1.value));
                r.value_to = Some(v2.value);
                r.qualifier = qualifier_before(a);
                r.change = is_change(a, r.qualifier);
                return (Some(r), 0.9, pe, 1);
            }
        }
        let after2 = words::after(text, next.end);
        let af2 = words::folded(&after2);
        if let (Some(v1), Some(v2)) = (int_value(s), int_value(s2))
            && plain_int
            && v2 > v1
            && let Some((unit, n)) = unit_after(&after2, &af2)
        {
            let mut r = reading(Kind::Count, Some(v1));
            r.value_to = Some(v2);
            r.unit = Some(unit);
            r.qualifier = qualifier_before(a).or_else(|| qualifier_after(&af2, n));
            return (Some(r), 0.85, next.end, 1);
        }
    }

    if let Some(pe) = pct_end {
        let p = parse_grouped(s, ctx.style, true);
        let mut r = reading(Kind::Percent, p.map(|p| p.value));
        r.qualifier = qualifier_before(a).or_else(|| {
            let pa = words::folded(&words::after(text, pe));
            qualifier_after(&pa, 0)
        });
        r.change = is_change(a, r.qualifier);
        let conf = p.map_or(0.5, |p| p.confidence);
        return (Some(r), conf, pe, 0);
    }

    // Time of day: `15 giờ 30`.
    if plain_int
        && starts_with_phrase(&a.af, "giờ")
        && a.af
            .get(1)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        return (Some(reading(Kind::Other, None)), 0.85, raw.end, 0);
    }

    // … and its minutes: `15 giờ 30 (phút)`.
    if plain_int
        && prev == "giờ"
        && int_value(s).is_some_and(|m| m < 60.0)
        && a.bf.len() >= 2
        && a.bf[a.bf.len() - 2].parse::<u32>().is_ok_and(|h| h <= 24)
    {
        return (Some(reading(Kind::Other, None)), 0.85, raw.end, 0);
    }

    // `từ ngày 12 đến 14/4/2023`: the first day of a span takes the month and year of the last.
    if plain_int
        && matches!(prev, "ngày" | "từ" | "(")
        && let Some(date) = day_before_date(text, raws, i, s)
    {
        let mut r = reading(Kind::Date, None);
        r.date = Some(date);
        return (Some(r), 0.9, raw.end, 0);
    }

    // `ngày 22 tháng 2 năm 2019`, `tháng 3 năm 2020`: one date.
    if plain_int && let Some((r, e, n)) = long_date(ctx, raws, i, a) {
        return (Some(r), 0.95, e, n);
    }

    // Names and numbers of documents, places, codes: `Nghị quyết 26`, `Quận 1`, `Điều 5`.
    let clause = a.clause_before();
    if (plain_int || prev == "nghiệp")
        && (NAME_BEFORE.iter().any(|p| ends_with_phrase(clause, p))
            || ends_with_phrase(&a.bf, "nghị quyết trung ương"))
        && !(prev == "số" && unit_after(&a.after, &a.af).is_some_and(|(u, _)| u != "năm"))
    {
        let v = parse_grouped(s, ctx.style, false).map_or_else(|| int_value(s), |p| Some(p.value));
        return (Some(reading(Kind::Other, v)), 0.85, raw.end, 0);
    }

    // List enumerators: `(1)`, and `1.` / `1)` at the start of a line.
    let enumerator = s.len() <= 2
        && plain_int
        && ((before_c == Some('(') && after_c == Some(')'))
            || (line_start(text, raw.start)
                && matches!(after_c, Some('.' | ')'))
                && char_at(text, raw.end + 1).is_some_and(char::is_whitespace)));
    if enumerator {
        return (Some(reading(Kind::Ordinal, int_value(s))), 0.9, raw.end, 0);
    }

    let as_year = plain_int
        && s.len() == 4
        && !s.starts_with('0')
        && s.parse::<u32>().is_ok_and(crate::numbers::is_year);

    // Ordinals: `khóa 5`, `đợt 2`, `lần thứ 3`, `Kỳ họp thứ 7`.
    if plain_int && !as_year && matches!(prev, "khóa" | "đợt" | "thứ" | "kì") {
        let mut r = reading(Kind::Ordinal, int_value(s));
        r.unit = a
            .before
            .last()
            .filter(|_| prev != "thứ")
            .map(|t| t.s.to_string());
        return (Some(r), 0.85, raw.end, 0);
    }

    // `1,2 triệu`: a scale word after the digits. Amounts with a currency (`5 triệu đồng`)
    // are read by the money rules (`rules::money`), which replace this reading.
    let (scale, scale_words) = SCALES
        .iter()
        .find(|(w, _)| a.af.first().is_some_and(|f| f == w))
        .map_or((1.0, 0), |(_, m)| (*m, 1));

    // `kinh phí 150 triệu`: a sum of money named before it, without the currency.
    let money_words = [
        "kinh phí",
        "ngân sách",
        "chi phí",
        "số tiền",
        "nguồn vốn",
        "tổng vốn",
    ];
    if scale_words == 1 && unit_after(&a.after[1..], &a.af[1..]).is_none() && {
        // The few words before it (`tổng kinh phí là hơn 2,5 tỷ`).
        let near = clause[clause.len().saturating_sub(5)..].join(" ");
        money_words.iter().any(|w| near.contains(w))
    } {
        let p = parse_grouped(s, ctx.style, true);
        let mut r = reading(Kind::Money, p.map(|p| p.value * scale));
        r.unit = Some(a.after[0].s.to_string());
        r.qualifier = qualifier_before(a);
        r.change = is_change(a, r.qualifier);
        return (Some(r), p.map_or(0.5, |p| p.confidence * 0.9), raw.end, 0);
    }

    let after_scale: Vec<Tok<'_>> = a.after[scale_words..].to_vec();
    let af_scale = &a.af[scale_words..];
    let mut unit = unit_after(&after_scale, af_scale);
    // `từ 30 đến 45 tuổi`, `3 hoặc 4 lớp`: the first number counts what the second counts.
    let mut shared_unit = false;
    if unit.is_none()
        && scale_words == 0
        && plain_int
        && a.af
            .first()
            .is_some_and(|w| matches!(&**w, "đến" | "tới" | "hoặc"))
        && let Some(next) = raws.get(i + 1)
        && next.shape == Shape::Digits
        && fold(text[raw.end..next.start].trim()) == *a.af[0]
    {
        let after2 = words::after(text, next.end);
        let af2 = words::folded(&after2);
        if let Some((u, _)) = unit_after(&after2, &af2) {
            unit = Some((u, 0));
            shared_unit = true;
        }
    }

    // Years: `năm 2018`, `Từ 2015 đến nay`; but `2400 lượt` is a count.
    if as_year {
        let year_word = YEAR_BEFORE.contains(&prev);
        let counted = unit.as_ref().is_some_and(|(u, _)| fold(u) != "năm")
            && !a
                .af
                .first()
                .is_some_and(|w| matches!(&**w, "đến" | "tới" | "và" | "là"));
        if year_word || !counted {
            let mut r = reading(Kind::Year, int_value(s));
            r.qualifier = year_qualifier(ctx, a, s.parse().unwrap_or(0));
            return (Some(r), if year_word { 0.97 } else { 0.8 }, raw.end, 0);
        }
    }

    // `0214 3881 234`: a leading zero on four digits or more is a phone number or a code.
    if plain_int && s.len() >= 4 && s.starts_with('0') {
        return (Some(reading(Kind::Other, None)), 0.6, raw.end, 0);
    }
    let p = parse_grouped(s, ctx.style, false);
    let Some(p) = p else {
        // `0251.3822.123`: a phone number or another code.
        return (Some(reading(Kind::Other, None)), 0.6, raw.end, 0);
    };
    if p.decimal && scale_words == 0 {
        let mut r = reading(Kind::Decimal, Some(p.value));
        r.unit = unit.map(|u| u.0);
        r.qualifier = qualifier_before(a);
        r.change = is_change(a, r.qualifier);
        return (Some(r), p.confidence, raw.end, 0);
    }
    let mut r = reading(Kind::Count, Some(p.value * scale));
    let unit_len = unit.as_ref().map_or(0, |u| u.1);
    r.unit = unit.map(|u| u.0);
    if role == LineRole::Counter {
        r.unit = None;
    }
    r.qualifier = qualifier_before(a).or_else(|| qualifier_after(&a.af, scale_words + unit_len));
    r.change = is_change(a, r.qualifier);
    let conf = if shared_unit {
        p.confidence * 0.9
    } else if r.unit.is_some() {
        p.confidence
    } else {
        p.confidence * 0.85
    };
    (Some(r), conf, raw.end, 0)
}

/// The date of day `day` (raw token `i`) when the next token, after `đến`/`-`, is a
/// `d/m` or `d/m/yyyy` date: `--MM-DD` or `YYYY-MM-DD`.
fn day_before_date(text: &str, raws: &[Raw], i: usize, day: &str) -> Option<String> {
    let next = raws.get(i + 1)?;
    let between = fold(text.get(raws[i].end..next.start)?.trim());
    if !matches!(between.as_str(), "đến" | "tới" | "-" | "–" | "và") || next.shape != Shape::Slash
    {
        return None;
    }
    let d0: u32 = day.parse().ok()?;
    let parts: Vec<u32> = text[next.start..next.end]
        .split('/')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts[..] {
        [d1, m] if d0 < d1 && valid_date(2000, m, d0) => Some(format!("--{m:02}-{d0:02}")),
        [d1, m, y] if d0 < d1 && crate::numbers::is_year(y) && valid_date(y as i32, m, d0) => {
            Some(format!("{y:04}-{m:02}-{d0:02}"))
        }
        _ => None,
    }
}

/// `d.m.yyyy` (one raw token) or `d-m-yyyy` (three tokens joined by bare hyphens) at raw
/// token `i`: the date, where it ends, and how many more tokens it takes.
fn dotted_or_dashed_date(text: &str, raws: &[Raw], i: usize) -> Option<(String, usize, usize)> {
    let raw = raws[i];
    let s = &text[raw.start..raw.end];
    let (parts, end, swallowed): (Vec<&str>, usize, usize) = if s.contains('.') {
        (s.split('.').collect(), raw.end, 0)
    } else {
        let (r1, r2) = (raws.get(i + 1)?, raws.get(i + 2)?);
        let bare_hyphen = |a: &Raw, b: &Raw| text.get(a.end..b.start) == Some("-");
        if !(bare_hyphen(&raw, r1) && bare_hyphen(r1, r2))
            || r1.shape != Shape::Digits
            || r2.shape != Shape::Digits
        {
            return None;
        }
        let part = |r: &Raw| &text[r.start..r.end];
        (vec![s, part(r1), part(r2)], r2.end, 2)
    };
    let [d, m, y] = parts[..] else {
        return None;
    };
    if d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    valid_date(y, m, d).then(|| (format!("{y:04}-{m:02}-{d:02}"), end, swallowed))
}

/// `ngày D tháng M năm Y` or `tháng M năm Y` starting at raw token `i`.
fn long_date(
    ctx: &Ctx<'_>,
    raws: &[Raw],
    i: usize,
    a: &Around<'_>,
) -> Option<(Reading, usize, usize)> {
    let text = ctx.text;
    let num = |k: usize| -> Option<(u32, &Raw)> {
        let r = raws.get(k)?;
        (r.shape == Shape::Digits)
            .then(|| text[r.start..r.end].parse::<u32>().ok())
            .flatten()
            .map(|v| (v, r))
    };
    let joined_by = |from: &Raw, to: &Raw, word: &str| -> bool {
        let between = fold(text[from.end..to.start].trim());
        between == word
    };
    let prev = a.prev()?;
    let (d0, _) = num(i)?;
    if prev == "ngày"
        && let (Some((m, rm)), Some(r0)) = (num(i + 1), raws.get(i))
        && joined_by(r0, rm, "tháng")
        && (1..=12).contains(&m)
    {
        if let Some((y, ry)) = num(i + 2)
            && joined_by(rm, ry, "năm")
            && valid_date(y as i32, m, d0)
        {
            let mut r = reading(Kind::Date, None);
            r.date = Some(format!("{y:04}-{m:02}-{d0:02}"));
            return Some((r, ry.end, 2));
        }
        if valid_date(2000, m, d0) {
            let mut r = reading(Kind::Date, None);
            r.date = Some(format!("--{m:02}-{d0:02}"));
            return Some((r, rm.end, 1));
        }
    }
    if prev == "tháng"
        && (1..=12).contains(&d0)
        && let (Some((y, ry)), Some(r0)) = (num(i + 1), raws.get(i))
        && joined_by(r0, ry, "năm")
        && crate::numbers::is_year(y)
    {
        let mut r = reading(Kind::Date, None);
        r.date = Some(format!("{y:04}-{d0:02}"));
        return Some((r, ry.end, 1));
    }
    None
}

/// `đến năm 2025` as a deadline is `up_to`; a range end (`từ năm 2016 đến năm 2020`) or an
/// "as of" date is not.
fn year_qualifier(ctx: &Ctx<'_>, a: &Around<'_>, year: i32) -> Option<Qualifier> {
    let clause = a.clause_before();
    let deadline = ends_with_phrase(clause, "đến năm")
        || ends_with_phrase(clause, "tới năm")
        || ends_with_phrase(clause, "đến hết năm")
        || ends_with_phrase(clause, "đến")
        || ends_with_phrase(clause, "tới");
    if !deadline || clause.iter().any(|w| w == "từ") {
        return None;
    }
    let sentence = fold(&sentence_around(ctx.text, a));
    let target = super::rules::lexicon::TARGET_CUES
        .iter()
        .any(|w| sentence.contains(w))
        || ctx.published_year.is_some_and(|p| year > p);
    target.then_some(Qualifier::UpTo)
}

fn sentence_around(text: &str, a: &Around<'_>) -> String {
    let from = a.before.first().map_or(0, |t| t.pos);
    let to = a.after.last().map_or(from, |t| t.pos + t.s.len());
    let (from, to) = (from.min(to), to.max(from));
    text.get(from..to).unwrap_or("").to_string()
}

fn percent_end(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, '%')) => Some(end + 1),
        Some((_, c)) if c == ' ' || c == '\u{a0}' || c == '\u{202f}' => match chars.next() {
            Some((k, '%')) => Some(end + k + 1),
            _ => None,
        },
        _ => None,
    }
}

fn is_dash_between(text: &str, a: usize, b: usize) -> bool {
    let Some(between) = text.get(a..b) else {
        return false;
    };
    let t = between.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
    matches!(t, "-" | "–" | "—" | "‐" | "−") && between.chars().count() <= 5
}

fn line_start(text: &str, pos: usize) -> bool {
    text[..pos]
        .chars()
        .rev()
        .take_while(|c| *c != '\n')
        .all(char::is_whitespace)
}

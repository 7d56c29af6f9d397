//! The words around a number and what they say about it, for every rule: the words
//! themselves ([`Around`]), the counted noun after it (from the list of nouns officials count,
//! their abbreviations, or a guess), the bound before or after it (`hơn`, `trở lên`), whether
//! it is a change (`tăng 15%`), and whether it sits in a web address or file name.

use super::words::{self, Tok, Word, ends_with_phrase, starts_with_phrase};
use crate::model::Qualifier;

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

/// Punctuation that ends a clause (see [`Around::clause_before`]).
fn ends_clause(s: &str) -> bool {
    matches!(s, "," | ";" | "." | ":" | "(" | ")")
}

/// The words around a token, raw and folded.
pub struct Around<'a> {
    pub(crate) before: Vec<Tok<'a>>,
    /// Folded back to the start of the clause; before it, as written: every rule reads the
    /// words before a number as phrases that end at it, and no phrase crosses punctuation.
    pub(crate) bf: Vec<Word<'a>>,
    pub(crate) after: Vec<Tok<'a>>,
    pub(crate) af: Vec<Word<'a>>,
}

impl<'a> Around<'a> {
    pub(crate) fn new(text: &'a str, start: usize, end: usize) -> Self {
        // Rules look at most a dozen items each way: only those are lexed and folded.
        let before = words::before_last(text, start, 14);
        let after = words::after_first(text, end, 16);
        let clause = before
            .iter()
            .rposition(|t| ends_clause(t.s))
            .map_or(0, |i| i + 1);
        let bf = before
            .iter()
            .enumerate()
            .map(|(k, t)| {
                if k >= clause && t.word {
                    words::fold_word(t.s)
                } else {
                    Word::Borrowed(t.s)
                }
            })
            .collect();
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
            .rposition(|w| ends_clause(w))
            .map_or(0, |i| i + 1);
        &self.bf[from..]
    }
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
        let mut n = if matches!(w0.s, "ng" | "Ng") { 2 } else { 1 };
        let mut unit = full.to_string();
        // `35 ĐV mới`: the abbreviation heads a longer counted noun (`đảng viên mới`).
        if let Some(next) = af.get(n)
            && after[n].word
            && UNITS.iter().any(|(u, _)| {
                u.strip_prefix(full)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| rest == &**next)
            })
        {
            unit = format!("{full} {}", after[n].s);
            n += 1;
        }
        // `320 CB, CC`: abbreviations of people joined by commas count them together.
        while af.get(n).is_some_and(|w| w == ",")
            && let Some(t) = after.get(n + 1)
            && let Some(more) = super::rules::lexicon::counted_abbreviation(t.s, false)
            && !af
                .get(n + 2)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        {
            unit = format!("{unit}, {more}");
            n += 2;
        }
        return Some((unit, n));
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
    // Every address and file-name mark holds a `.` or a `/`: most words have neither.
    if !text[from..to].bytes().any(|b| b == b'.' || b == b'/') {
        return false;
    }
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

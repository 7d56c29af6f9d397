//! The page as a whole: which lines are page chrome, the headline, the district, the province
//! and the publication date.

use super::words::{fold, is_all_caps, is_capitalized, lex};

/// What a line of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// Article text.
    Body,
    /// Page chrome: counters, links to other articles, repeated headings, footers.
    Chrome,
    /// A visit counter line (`Đang truy cập: 10`).
    Counter,
    /// The dateline at the top (`Thứ sáu, 22/02/2019`).
    Dateline,
    /// The headline (article text too).
    Title,
}

/// One line of the text with its byte range and role.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// First byte.
    pub start: usize,
    /// One past the last byte (before the `\n`).
    pub end: usize,
    /// Its role.
    pub role: LineRole,
}

const COUNTER_LABELS: [&str; 18] = [
    "lượt xem",
    "số lượt xem",
    "lượt đọc",
    "số lần xem",
    "đang truy cập",
    "đang online",
    "đang trực tuyến",
    "hôm nay",
    "hôm qua",
    "trong tuần",
    "tuần này",
    "trong tháng",
    "tháng này",
    "tất cả",
    "tổng truy cập",
    "lượt truy cập",
    "tổng lượt truy cập",
    "số lượt truy cập",
];

const LINK_PREFIXES: [&str; 12] = [
    "bài trước",
    "bài tiếp theo",
    "bài tiếp",
    "bài sau",
    "tin trước",
    "tin tiếp theo",
    "tin sau",
    "tin liên quan",
    "tin khác",
    "các tin khác",
    "bài viết liên quan",
    "tin cùng chuyên mục",
];

const FOOTER_MARKERS: [&str; 9] = [
    "điện thoại:",
    "đt:",
    "fax",
    "email:",
    "hotline",
    "bản quyền",
    "copyright",
    "giấy phép",
    "chịu trách nhiệm",
];

const WEEKDAYS: [&str; 8] = [
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
    "thứ 2",
];

const DATE_LABELS: [&str; 7] = [
    "ngày đăng",
    "đăng ngày",
    "ngày cập nhật",
    "cập nhật",
    "ngày xuất bản",
    "đăng lúc",
    "ngày viết",
];

/// Classifies every line of the text.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split('\n') {
        let end = start + part.len();
        out.push(Line {
            start,
            end,
            role: LineRole::Body,
        });
        start = end + 1;
    }
    let title = title_line(text, &out);
    let mut in_link_list = false;
    let mut in_counter = false;
    for i in 0..out.len() {
        let line = &text[out[i].start..out[i].end];
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '•' || c == '-');
        if trimmed.is_empty() {
            in_link_list = false;
            continue;
        }
        // Page chrome is short: long lines are article text, and only a line's head is folded.
        let short = trimmed.len() < 300;
        let lower = fold(head(trimmed, if short { 300 } else { 64 }));
        let before_title = title.is_some_and(|t| i < t);
        // A dateline also sits right under the headline.
        let just_after_title = title.is_some_and(|t| i > t && i <= t + 3);
        let role = if is_counter_line(&lower) || in_counter && short && has_digit(trimmed) {
            in_counter = true;
            LineRole::Counter
        } else if LINK_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            // A heading alone on its line opens a list of links to other articles.
            in_link_list = trimmed.chars().count() < 40;
            LineRole::Chrome
        } else if in_link_list && trimmed.chars().count() < 200 && !trimmed.ends_with('.') {
            LineRole::Chrome
        } else if short && is_doubled(trimmed) {
            in_counter = lower.contains("truy cập");
            LineRole::Chrome
        } else if (before_title || just_after_title) && is_dateline(&lower) {
            LineRole::Dateline
        } else if (before_title && short && is_breadcrumb(trimmed))
            || (before_title && is_site_banner(trimmed, &lower))
            || (short && (lower.contains("gmt+") || lower.contains("utc+")))
            || (!before_title && trimmed.chars().count() < 160 && is_footer(&lower))
        {
            LineRole::Chrome
        } else {
            if !short || trimmed.chars().count() > 60 {
                in_counter = false;
            }
            LineRole::Body
        };
        if role == LineRole::Body && short && lower.contains("thống kê truy cập") {
            in_counter = true;
        }
        out[i].role = role;
    }
    if let Some(t) = title
        && out[t].role == LineRole::Body
    {
        out[t].role = LineRole::Title;
    }
    out
}

/// The first `max` bytes of a string (at a character boundary).
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

fn is_counter_line(lower: &str) -> bool {
    COUNTER_LABELS.iter().any(|l| {
        lower
            .strip_prefix(l)
            .is_some_and(|rest| rest.trim_start().starts_with(':') || rest.trim().is_empty())
    })
}

/// Words that name the site itself in its banner (`UBND QUẬN 3 - CỔNG THÔNG TIN ĐIỆN TỬ`).
const SITE_MARKERS: [&str; 5] = [
    "cổng thông tin",
    "trang thông tin điện tử",
    "trang tin điện tử",
    "báo điện tử",
    "website",
];

/// The site's banner: a short line naming the portal, not a sentence.
fn is_site_banner(line: &str, lower: &str) -> bool {
    line.chars().count() < 120
        && !line.ends_with('.')
        && SITE_MARKERS.iter().any(|m| lower.contains(m))
}

/// `Trang chủ > Tin tức > …`
fn is_breadcrumb(line: &str) -> bool {
    line.contains(" > ") || line.contains(" » ")
}

fn is_footer(lower: &str) -> bool {
    FOOTER_MARKERS.iter().any(|m| lower.contains(m)) || lower.contains('©')
}

/// `X X`: a heading printed twice on one line (`Thống Kê Truy Cập Thống Kê Truy Cập`).
fn is_doubled(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let n = words.len();
    n >= 4 && n.is_multiple_of(2) && words[..n / 2] == words[n / 2..]
}

fn is_dateline(lower: &str) -> bool {
    lower.chars().count() < 80
        && has_digit(lower)
        && (WEEKDAYS.iter().any(|w| lower.starts_with(w))
            || DATE_LABELS.iter().any(|w| lower.starts_with(w))
            // `Ngày 25-3-2023 | 08:15`: a date with at most two words around it.
            || (lower
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
                <= 2
                && first_date(lower).is_some())
            || lower
                .chars()
                .all(|c| c.is_ascii_digit() || " /-:,|()".contains(c) || c == 'h'))
}

/// The index of the headline: the first line of several words that is not chrome, a dateline,
/// a lone word (`bannergis`) or a doubled heading.
fn title_line(text: &str, lines: &[Line]) -> Option<usize> {
    for (i, l) in lines.iter().enumerate().take(30) {
        let t = text[l.start..l.end].trim();
        if t.len() > 1200 {
            continue;
        }
        let words = t.split_whitespace().count();
        if words < 4 || t.chars().count() > 300 || is_doubled(t) {
            continue;
        }
        let lower = fold(head(t, 120));
        if is_dateline(&lower)
            || is_counter_line(&lower)
            || LINK_PREFIXES.iter().any(|p| lower.starts_with(p))
            || t.contains(" > ")
            || t.contains(" » ")
            || is_site_banner(t, &lower)
        {
            continue;
        }
        return Some(i);
    }
    None
}

/// The headline.
pub fn title(text: &str, lines: &[Line]) -> Option<String> {
    title_index(lines).map(|i| text[lines[i].start..lines[i].end].trim().to_string())
}

/// The index of the headline among lines classified by [`lines`].
fn title_index(lines: &[Line]) -> Option<usize> {
    lines.iter().position(|l| l.role == LineRole::Title)
}

/// The publication date from a dateline near the top, or a labelled date (`Ngày đăng:`).
pub fn published(text: &str, lines: &[Line]) -> Option<String> {
    for l in lines.iter().take(40) {
        let t = text[l.start..l.end].trim();
        if !has_digit(head(t, 200)) {
            continue;
        }
        let lower = fold(head(t, 80));
        let labelled = DATE_LABELS.iter().any(|w| lower.contains(w));
        if (l.role == LineRole::Dateline || labelled)
            && let Some(d) = first_date(t)
        {
            return Some(d);
        }
    }
    None
}

/// The first `d/m/yyyy` (or `d-m-yyyy`, `d.m.yyyy`) date in a string, as `YYYY-MM-DD`.
pub fn first_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let mut parts = Vec::new();
            let mut j = i;
            loop {
                let st = j;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                parts.push(&s[st..j]);
                if parts.len() < 3
                    && j + 1 < b.len()
                    && matches!(b[j], b'/' | b'-' | b'.')
                    && b[j + 1].is_ascii_digit()
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if parts.len() == 3
                && let (Ok(d), Ok(m), Ok(y)) = (
                    parts[0].parse::<u32>(),
                    parts[1].parse::<u32>(),
                    parts[2].parse::<i32>(),
                )
                && parts[2].len() == 4
                && valid_date(y, m, d)
            {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// True for a real calendar date (leap years included).
pub fn valid_date(y: i32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && d >= 1 && d <= days
}

/// Words after `huyện` that name an organization, not the district.
const NOT_NAMES: [&str; 12] = [
    "ủy",
    "đoàn",
    "hội",
    "đảng",
    "ban",
    "đội",
    "công",
    "tòa",
    "viện",
    "trường",
    "trung",
    "phòng",
];

/// How a district or province is introduced, as written (the text is NFC).
const DISTRICT_PREFIXES: [&str; 19] = [
    "TX.",
    "Tx.",
    "huyện",
    "Huyện",
    "HUYỆN",
    "thị xã",
    "Thị xã",
    "Thị Xã",
    "THỊ XÃ",
    "quận",
    "Quận",
    "QUẬN",
    "thành phố",
    "Thành phố",
    "Thành Phố",
    "THÀNH PHỐ",
    "TP.",
    "TP ",
    "Tp.",
];
const PROVINCE_PREFIXES: [&str; 3] = ["tỉnh", "Tỉnh", "TỈNH"];

static PREFIXES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(DISTRICT_PREFIXES.iter().chain(PROVINCE_PREFIXES.iter()))
            .ok()
    });

/// Votes for names after district and province prefixes in body lines (the headline counts
/// triple), in one pass over the text: `(district, province)`.
fn vote_names(text: &str, lines: &[Line]) -> (Option<String>, Option<String>) {
    let Some(ac) = PREFIXES.as_ref() else {
        return (None, None);
    };
    let title = title_index(lines);
    let mut votes: [Vec<(String, u32)>; 2] = [Vec::new(), Vec::new()];
    for m in ac.find_iter(text) {
        let is_province = m.pattern().as_usize() >= DISTRICT_PREFIXES.len();
        // The prefix must start a word.
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(super::words::is_word_char)
        {
            continue;
        }
        let li = lines.partition_point(|l| l.end < m.start());
        let Some(line) = lines.get(li) else { continue };
        if !matches!(line.role, LineRole::Body | LineRole::Title) {
            continue;
        }
        let weight = if Some(li) == title { 3 } else { 1 };
        let end = line.end.min(m.start() + 72);
        let prefixes: &[&str] = if is_province {
            &["tỉnh"]
        } else {
            &["huyện", "thị xã", "quận", "thành phố", "tp", "tx"]
        };
        if let Some(name) = names_after(text, m.start(), end, prefixes)
            .into_iter()
            .next()
        {
            let is_province = is_province || CENTRAL_CITIES.contains(&fold(&name).as_str());
            let v = &mut votes[usize::from(is_province)];
            match v.iter_mut().find(|(n, _)| *n == name) {
                Some(v) => v.1 += weight,
                None => v.push((name, weight)),
            }
        }
    }
    let [d, p] = votes;
    (winner(d), winner(p))
}

/// The first of the most voted names.
fn winner(votes: Vec<(String, u32)>) -> Option<String> {
    let best = votes.iter().map(|(_, v)| *v).max()?;
    votes.into_iter().find(|(_, v)| *v == best).map(|(n, _)| n)
}

/// The district and the province: the most frequent names after `huyện`, `thị xã`, `quận`,
/// `thành phố` (without the prefix) and after `tỉnh` or `thành phố` + a centrally-run city;
/// else the province written right after the district (`Bàu Bàng (Bình Dương)`).
pub fn district_and_province(text: &str, lines: &[Line]) -> (Option<String>, Option<String>) {
    let (district, province) = vote_names(text, lines);
    let province = province.or_else(|| district.as_deref().and_then(|d| province_after(text, d)));
    (district, province)
}

/// The 63 provinces and centrally-run cities (before the 2025 merger, which kept 34 of these
/// names), as written.
const PROVINCES: [&str; 63] = [
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
];

/// Cities that are provinces: `thành phố Hà Nội` names the province, not a district.
const CENTRAL_CITIES: [&str; 5] = ["hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ"];

/// A name folded for comparison: lower case, modern tone placement, no dashes or spaces.
fn name_key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The province right after the district's name: `Bàu Bàng (Bình Dương)`, `Đình Lập, Lạng Sơn`.
fn province_after(text: &str, district: &str) -> Option<String> {
    static KEYS: std::sync::LazyLock<Vec<(String, &'static str)>> =
        std::sync::LazyLock::new(|| PROVINCES.iter().map(|p| (name_key(p), *p)).collect());
    for (at, _) in text.match_indices(district).take(20) {
        let rest = &text[at + district.len()..];
        let rest = rest.trim_start_matches([' ', '\u{a0}']);
        let find = |candidate: &str| {
            let key = name_key(candidate);
            KEYS.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, name)| (*name).to_string())
        };
        if let Some(r) = rest.strip_prefix('(') {
            if let Some(name) = r.split(')').next().filter(|c| c.len() < 40).and_then(find) {
                return Some(name);
            }
        } else if let Some(r) = rest.strip_prefix(", ") {
            // The longest run of up to five words, up to the next punctuation, that is a province.
            let clause = r
                .split([',', '.', ';', ':', '\n', '(', ')'])
                .next()
                .unwrap_or("");
            let words: Vec<&str> = clause.split_whitespace().take(5).collect();
            if let Some(name) = (1..=words.len())
                .rev()
                .find_map(|k| find(&words[..k].join(" ")))
            {
                return Some(name);
            }
        }
    }
    None
}

/// The district: the most frequent name after `huyện`, `thị xã`, `quận`, `thành phố` (the
/// headline counts triple), without its prefix.
pub fn district(text: &str, lines: &[Line]) -> Option<String> {
    vote_names(text, lines).0
}

/// The province, after `tỉnh` (never `Tỉnh ủy`).
pub fn province(text: &str, lines: &[Line]) -> Option<String> {
    vote_names(text, lines).1
}

/// The capitalized name (1–3 words) after the folded prefix that starts `text[start..end]`.
fn names_after(text: &str, start: usize, end: usize, prefixes: &[&str]) -> Option<String> {
    let toks = lex(text, start, end);
    let folded: Vec<super::words::Word<'_>> =
        toks.iter().map(|t| super::words::fold_word(t.s)).collect();
    let line_caps = toks.iter().filter(|t| t.word).all(|t| is_all_caps(t.s));
    let matched = prefixes
        .iter()
        .find_map(|p| super::words::phrase_at(&folded, 0, p))?;
    let mut j = matched;
    if j < toks.len() && toks[j].s == "." {
        j += 1; // TP. Hồ Chí Minh
    }
    // `Huyện ủy Đình Lập`: the organization precedes the name.
    if j < toks.len() && matches!(&*folded[j], "ủy") {
        j += 1;
    }
    let mut name = Vec::new();
    let max = if line_caps { 2 } else { 3 };
    while j < toks.len() && toks[j].word && name.len() < max {
        let w = toks[j].s;
        let is_name =
            is_capitalized(w) || (name.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
        if !is_name || (name.is_empty() && NOT_NAMES.contains(&&*folded[j])) {
            break;
        }
        name.push(if is_all_caps(w) {
            title_case(w)
        } else {
            w.to_string()
        });
        j += 1;
    }
    (!name.is_empty()).then(|| name.join(" "))
}

fn title_case(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) => c
            .to_uppercase()
            .chain(cs.flat_map(|c| c.to_lowercase()))
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_district_in_various_forms() {
        let t = "HUYỆN ỦY PHÚ NINH CHÚ TRỌNG CÔNG TÁC\n\nĐảng bộ Huyện Phú Ninh lần thứ XX.";
        let l = lines(t);
        assert_eq!(district(t, &l).as_deref(), Some("Phú Ninh"));
        let t = "Đình Lập coi trọng đào tạo\n\nHuyện ủy Đình Lập luôn quan tâm.";
        assert_eq!(district(t, &lines(t)).as_deref(), Some("Đình Lập"));
        let t = "Thị xã Buôn Hồ tổ chức lớp học cho cán bộ.";
        assert_eq!(district(t, &lines(t)).as_deref(), Some("Buôn Hồ"));
    }

    #[test]
    fn dateline_and_dates() {
        let t = "Thứ sáu, 22/02/2019\n\nĐình Lập coi trọng đào tạo, bồi dưỡng cán bộ";
        let l = lines(t);
        assert_eq!(l[0].role, LineRole::Dateline);
        assert_eq!(published(t, &l).as_deref(), Some("2019-02-22"));
        assert_eq!(first_date("31/02/2019"), None);
    }

    #[test]
    fn chrome_lines() {
        let t = "Tiêu đề bài viết về cán bộ\nNội dung.\nThống Kê Truy Cập Thống Kê Truy Cập\nĐang truy cập: 10\nTất cả: 3200036\nBài trướcHĐND huyện khóa XX";
        let l = lines(t);
        assert_eq!(l[2].role, LineRole::Chrome);
        assert_eq!(l[3].role, LineRole::Counter);
        assert_eq!(l[4].role, LineRole::Counter);
        assert_eq!(l[5].role, LineRole::Chrome);
    }
}

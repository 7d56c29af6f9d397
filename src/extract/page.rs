//! The page as a whole: which lines are page chrome, the headline, the district, the province
//! and the publication date.

use super::words::{fold, is_all_caps, is_capitalized, lex};
use crate::model::Kind;
use crate::numbers::valid_date;

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

/// The headline: an official document's type and summary ([`document_title`]), else the
/// headline line.
pub fn title(text: &str, lines: &[Line]) -> Option<String> {
    document_title(text, lines).or_else(|| {
        title_index(lines).map(|i| text[lines[i].start..lines[i].end].trim().to_string())
    })
}

/// The kinds of official documents (tên loại văn bản), folded, longest first where one starts
/// another.
const DOCUMENT_TYPES: [&str; 20] = [
    "nghị định",
    "nghị quyết",
    "quyết định",
    "thông tư liên tịch",
    "thông tư",
    "chỉ thị",
    "quy định",
    "quy chế",
    "kế hoạch",
    "báo cáo",
    "thông báo",
    "hướng dẫn",
    "chương trình",
    "đề án",
    "tờ trình",
    "công văn",
    "pháp lệnh",
    "luật",
    "điều lệ",
    "công điện",
];

/// How an official document's heading block opens: the national motto (quốc hiệu, tiêu ngữ),
/// the number line (`Số: 991/QĐ-UBND`).
fn is_document_header(lower: &str) -> bool {
    let motto = lower.replace(['–', '—'], "-");
    motto.contains("cộng hòa xã hội chủ nghĩa")
        || motto.contains("độc lập - tự do")
        || lower.trim_start().starts_with("số:")
        || lower.trim_start().starts_with("số :")
}

/// The title of an official document as Vietnamese administrative documents are laid out
/// (agency and national motto at the top, then number and date, then the document type
/// `QUYẾT ĐỊNH` / `Nghị định của Chính phủ số …` with its summary, trích yếu, `Về việc …`,
/// `V/v …`, on the same line or the next ones, then `Căn cứ …`): the type line and its summary,
/// joined. The agency and motto lines are never the title. `None` when the text is not laid out
/// so: the type line must follow a heading line (agency, motto, number), or be the type word
/// alone in capitals.
pub fn document_title(text: &str, lines: &[Line]) -> Option<String> {
    let mut seen_header = false;
    for (i, l) in lines.iter().enumerate().take(40) {
        let t = text[l.start..l.end].trim();
        if t.is_empty() {
            continue;
        }
        if t.chars().count() > 300 {
            return None;
        }
        let lower = fold(t);
        if is_document_header(&lower) || is_agency_line(t, &lower) {
            seen_header = true;
        }
        let Some(ty) = DOCUMENT_TYPES.iter().find(|w| {
            lower
                .strip_prefix(*w)
                .is_some_and(|r| r.is_empty() || r.starts_with(|c: char| !c.is_alphanumeric()))
        }) else {
            continue;
        };
        let rest = lower[ty.len()..].trim_start();
        // `QUYẾT ĐỊNH:` opens the operative part; a sentence is not a heading.
        if t.ends_with([':', '.', ';']) || t.chars().count() > 200 {
            return None;
        }
        let bare = rest.is_empty();
        let heading = bare
            || ["của ", "số ", "về ", "v/v"]
                .iter()
                .any(|w| rest.starts_with(w))
            || is_all_caps_line(t);
        let laid_out = seen_header || (bare && is_all_caps_line(t));
        if !heading || !laid_out {
            return None;
        }
        let mut parts = vec![t.to_string()];
        // The summary: the next lines, up to a blank line (after a bare type word, the blank
        // lines before the summary are skipped), `Căn cứ …`, a note in brackets, a rule.
        let mut started = !bare;
        for l in &lines[i + 1..lines.len().min(i + 12)] {
            let t = text[l.start..l.end].trim();
            if t.is_empty() {
                if started {
                    break;
                }
                continue;
            }
            let lower = fold(t);
            // A summary is a few short lines; a long line is the body.
            let stop = !t.chars().any(char::is_alphabetic)
                || t.chars().count() > 250
                || parts.iter().map(|p| p.chars().count()).sum::<usize>() > 400
                || t.starts_with('(')
                || ["căn cứ", "chương", "điều", "phần"]
                    .iter()
                    .any(|w| lower.starts_with(w))
                || is_document_header(&lower);
            if stop {
                break;
            }
            parts.push(t.to_string());
            started = true;
        }
        let title = parts.join(" ");
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        return (parts.len() > 1 || !bare).then_some(title);
    }
    None
}

/// The agencies that issue documents, as their name starts (folded).
const AGENCIES: [&str; 16] = [
    "chính phủ",
    "quốc hội",
    "thủ tướng",
    "bộ ",
    "ủy ban",
    "ubnd",
    "hội đồng",
    "huyện ủy",
    "tỉnh ủy",
    "thành ủy",
    "đảng ủy",
    "ban ",
    "sở ",
    "tổng cục",
    "cục ",
    "văn phòng",
];

/// The issuing agency's line at the top of a document (`Chính phủ`, `ỦY BAN NHÂN DÂN`,
/// `BỘ NỘI VỤ`): short, no digits, no sentence.
fn is_agency_line(t: &str, lower: &str) -> bool {
    t.chars().count() < 80
        && !t.bytes().any(|b| b.is_ascii_digit())
        && !t.ends_with(['.', ':'])
        && AGENCIES
            .iter()
            .any(|a| lower.starts_with(a) || lower.trim_end() == a.trim_end())
}

/// True when every letter of the line is a capital (`QUYẾT ĐỊNH`).
fn is_all_caps_line(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
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
        if let Some(d) = place_dated(t) {
            return Some(d);
        }
    }
    None
}

/// The date of a place-and-date line, as official documents and many portals write it under
/// the headline: `Hà Nội, ngày 21 tháng 12 năm 2000`, `Tam Nông, ngày 12/03/2023` (also after
/// the document number on the same line, `Số: 256/2004/QĐ-UB   TP.Cần Thơ, ngày 01 tháng 7 năm
/// 2004`). The place is a few words without digits and the date ends the line; `Căn cứ Kết luận
/// số 06-KL/TU, ngày …` and `Theo đó, ngày 12/3/2023 huyện tổ chức …` are not.
fn place_dated(line: &str) -> Option<String> {
    let lower = fold(head(line, 200));
    let at = lower.find(", ngày").or_else(|| lower.find(",ngày"))?;
    // The place: what follows the last run of two spaces or a tab before the comma.
    let before = &lower[..at];
    let place = before
        .rsplit('\t')
        .next()
        .and_then(|p| p.rsplit("  ").next())
        .unwrap_or(before)
        .trim();
    let words = place.split_whitespace().count();
    if !(1..=5).contains(&words) || has_digit(place) {
        return None;
    }
    let after = &lower[at..];
    let after = &after[after.find("ngày")? + "ngày".len()..];
    // Day, month, year: three runs of digits joined by `tháng` and `năm`, or by `/`, `-`, `.`.
    let mut runs = Vec::new();
    let mut joints = Vec::new();
    let mut rest = after;
    while runs.len() < 3 {
        let start = rest.find(|c: char| c.is_ascii_digit())?;
        joints.push(rest[..start].trim().to_string());
        let len = rest[start..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len() - start);
        runs.push(rest[start..start + len].parse::<u32>().ok()?);
        rest = &rest[start + len..];
    }
    let words_joined = joints[1] == "tháng" && joints[2] == "năm";
    let signs_joined = joints[1] == joints[2] && matches!(joints[1].as_str(), "/" | "-" | ".");
    if !joints[0].trim_matches('…').trim_matches('.').is_empty() || !(words_joined || signs_joined)
    {
        return None;
    }
    // The date ends the line: `Theo đó, ngày 12/3/2023 huyện tổ chức …` dates an event.
    if rest.trim().chars().count() > 2 {
        return None;
    }
    let (d, m, y) = (runs[0], runs[1], i32::try_from(runs[2]).ok()?);
    valid_date(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
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

/// Words after `huyện` that name an organization of the district (`Huyện Đoàn Đoan Hùng`,
/// `Huyện ủy Đình Lập`): skipped once before the name.
const NOT_NAMES: [&str; 13] = [
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
    "ubnd",
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

/// The folded prefixes, with the gazetteer prefix each one stands for.
const FOLDED_PREFIXES: [(&str, &str); 7] = [
    ("huyện", "huyện"),
    ("thị xã", "thị xã"),
    ("quận", "quận"),
    ("thành phố", "thành phố"),
    ("tp", "thành phố"),
    ("tx", "thị xã"),
    ("tỉnh", "tỉnh"),
];

static PREFIXES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(DISTRICT_PREFIXES.iter().chain(PROVINCE_PREFIXES.iter()))
            .ok()
    });

/// Where the article is: a district-level unit of the gazetteer (or none), its province, and
/// the province it belongs to since the July 2025 merger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The district as the text writes it, without prefix (`Đình Lập`), except numbered urban
    /// districts (`Quận 1`). Always a unit of the gazetteer.
    pub district: Option<String>,
    /// The GSO code of that unit, when the name settles it.
    pub district_code: Option<u32>,
    /// The province: named by the text, or the district's.
    pub province: Option<String>,
    /// The province since the 2025 merger.
    pub province_2025: Option<String>,
    /// When the text names a district that several units share (`Châu Thành`) and no province
    /// settles it: the GSO codes of those units, for the officer to choose from.
    pub candidates: Vec<u32>,
    /// For an article published after the July 2025 reform: the commune, ward or special zone
    /// it is about, with its prefix (`phường Việt Trì`), when it names one more than any other.
    pub unit_2025: Option<String>,
    /// The province the text itself names most (`tỉnh Lạng Sơn`), whatever its district.
    pub text_province: Option<String>,
    /// Where the text names units, in text order: the districts before the reform, the
    /// communes, wards and special zones after it, and the whole province (`toàn tỉnh`,
    /// `tỉnh Lạng Sơn`). [`file_places`] gives each figure its own place from them.
    pub mentions: Vec<Mention>,
}

/// A place the text names, at a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// First byte of the name (its prefix included).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The unit as an article's place is written (`Đình Lập`, `Quận 1`, `phường Việt Trì`);
    /// `None` for the whole province.
    pub unit: Option<String>,
    /// The unit's province, when the name settles it: the province before the reform for a
    /// district, the 2025 province for a 2025 unit.
    pub province: Option<u32>,
}

/// Votes for names, keyed by their gazetteer key.
#[derive(Default)]
struct Votes {
    /// District name key → (votes, first spelling as written, the prefixes written before it).
    districts: Vec<(String, u32, String, Vec<&'static str>)>,
    /// Province code → votes.
    provinces: Vec<(u32, u32)>,
    /// Where each name was read.
    mentions: Vec<Mention>,
}

impl Votes {
    fn district(&mut self, k: String, written: &str, prefix: Option<&'static str>, weight: u32) {
        match self.districts.iter_mut().find(|d| d.0 == k) {
            Some(d) => {
                d.1 += weight;
                if let Some(p) = prefix.filter(|p| !d.3.contains(p)) {
                    d.3.push(p);
                }
            }
            None => {
                self.districts
                    .push((k, weight, written.to_string(), prefix.into_iter().collect()))
            }
        }
    }

    /// Records where a district-level unit is named: its place as articles write it and its
    /// province when every unit of that name (and prefix) is in one province.
    fn district_mention(
        &mut self,
        k: &str,
        written: &str,
        prefix: Option<&str>,
        start: usize,
        end: usize,
    ) {
        let g = crate::places::gazetteer();
        let mut units = g.districts_by_key(k);
        if let Some(p) = prefix
            && units.iter().any(|d| d.prefix == p)
        {
            units.retain(|d| d.prefix == p);
        }
        let Some(first) = units.first() else { return };
        let province = units
            .iter()
            .all(|d| d.province == first.province)
            .then_some(first.province);
        self.mentions.push(Mention {
            start,
            end,
            unit: Some(crate::places::district_display(first, written)),
            province,
        });
    }

    /// Records where the whole province is named.
    fn province_mention(&mut self, start: usize, end: usize) {
        self.mentions.push(Mention {
            start,
            end,
            unit: None,
            province: None,
        });
    }

    fn province(&mut self, code: u32, weight: u32) {
        match self.provinces.iter_mut().find(|p| p.0 == code) {
            Some(p) => p.1 += weight,
            None => self.provinces.push((code, weight)),
        }
    }

    fn province_votes(&self, code: u32) -> u32 {
        self.provinces
            .iter()
            .find(|p| p.0 == code)
            .map_or(0, |p| p.1)
    }
}

/// A name read from the words at `toks[j..]`: the longest run of up to four capitalized words
/// (dashes allowed between them, as in `Bà Rịa - Vũng Tàu`) that the gazetteer knows. Returns
/// the key, the text as written and how many items it covers.
fn gazetteer_name<'a>(
    text: &'a str,
    toks: &[super::words::Tok<'a>],
    j: usize,
    line_caps: bool,
    allow_number: bool,
    known: impl Fn(&str) -> bool,
) -> Option<(String, &'a str, usize)> {
    // The word items of the run, with their index in `toks`.
    let mut words: Vec<usize> = Vec::new();
    let mut k = j;
    while k < toks.len() && words.len() < 4 {
        let t = toks[k];
        if t.word {
            let first = words.is_empty();
            let number = t.s.bytes().all(|b| b.is_ascii_digit());
            let ok = if number {
                first && allow_number
            } else {
                line_caps || is_capitalized(t.s)
            };
            if !ok {
                break;
            }
            words.push(k);
            if number {
                break;
            }
            k += 1;
        } else if matches!(t.s, "-" | "–") && !words.is_empty() {
            k += 1;
        } else {
            break;
        }
    }
    for n in (1..=words.len()).rev() {
        let first = toks[words[0]].pos;
        let last = toks[words[n - 1]];
        let written = &text[first..last.pos + last.s.len()];
        let k = crate::places::key(written);
        if known(&k) {
            return Some((k, written, words[n - 1] + 1 - j));
        }
    }
    None
}

/// One pass over the prefixes of the text (`huyện`, `quận`, `thị xã`, `thành phố`, `TP.`,
/// `tỉnh`), reading the gazetteer unit written after each.
fn vote_prefixed(text: &str, lines: &[Line], votes: &mut Votes) {
    let Some(ac) = PREFIXES.as_ref() else { return };
    let g = crate::places::gazetteer();
    let title = title_index(lines);
    for m in ac.find_iter(text) {
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
        // A plural prefix heads a list of names: read further.
        let plural = is_plural_before(text, m.start());
        let reach = if plural { 400 } else { 96 };
        let toks = lex(text, m.start(), line.end.min(m.start() + reach));
        let folded: Vec<super::words::Word<'_>> =
            toks.iter().map(|t| super::words::fold_word(t.s)).collect();
        let Some((mut j, prefix)) = FOLDED_PREFIXES
            .iter()
            .find_map(|(p, unit)| super::words::phrase_at(&folded, 0, p).map(|j| (j, *unit)))
        else {
            continue;
        };
        // `TP. Hồ Chí Minh`: the dot of an abbreviation, never a full stop (`… huyện. Với`).
        if matches!(&*folded[0], "tp" | "tx") && toks.get(j).is_some_and(|t| t.s == ".") {
            j += 1;
        }
        let line_caps = toks.iter().filter(|t| t.word).all(|t| is_all_caps(t.s));
        // `Huyện ủy Đình Lập`, `Huyện Đoàn Đoan Hùng`: the organization comes first.
        let starts = [j, j + 1];
        let org_first = toks.get(j).is_some_and(|t| t.word)
            && folded.get(j).is_some_and(|w| NOT_NAMES.contains(&&**w));
        // `toàn tỉnh`: the whole province.
        if prefix == "tỉnh"
            && text[..m.start()]
                .trim_end()
                .rsplit(|c: char| !super::words::is_word_char(c))
                .next()
                .is_some_and(|w| fold(w) == "toàn")
        {
            votes.province_mention(m.start(), m.end());
        }
        for &at in starts.iter().take(if org_first { 2 } else { 1 }) {
            if prefix == "tỉnh" {
                if let Some((k, _, n)) = gazetteer_name(text, &toks, at, line_caps, false, |k| {
                    g.province_by_key(k).is_some()
                }) && let Some(p) = g.province_by_key(&k)
                {
                    votes.province(p.code, weight);
                    votes.province_mention(m.start(), end_of(&toks[at + n - 1]));
                    break;
                }
                continue;
            }
            // A district of that prefix, else (after `thành phố`) a centrally-run city.
            let found = gazetteer_name(text, &toks, at, line_caps, prefix == "quận", |k| {
                !g.districts_by_key(k).is_empty()
                    || (prefix == "thành phố" && is_central_city(g.province_by_key(k)))
            });
            if let Some((k, written, n)) = found {
                let districts = g.districts_by_key(&k);
                if districts.is_empty() {
                    if let Some(p) = g.province_by_key(&k) {
                        votes.province(p.code, weight);
                    }
                } else {
                    let end = end_of(&toks[at + n - 1]);
                    let as_written = |w: &str| {
                        if line_caps {
                            title_case_words(w)
                        } else {
                            w.to_string()
                        }
                    };
                    let written = as_written(written);
                    votes.district_mention(&k, &written, Some(prefix), m.start(), end);
                    votes.district(k, &written, Some(prefix), weight);
                    // The other names of the list are places the text names (not votes).
                    if plural {
                        let known = |k: &str| !g.districts_by_key(k).is_empty();
                        for (k, w, s, e) in
                            listed_names(text, &toks, &folded, at + n, line_caps, false, known)
                        {
                            votes.district_mention(&k, &as_written(w), Some(prefix), s, e);
                        }
                    }
                }
                break;
            }
        }
    }
}

/// True when a plural determiner stands before byte `at` (`các huyện`, `hai xã`, `3 phường`;
/// not a year, `năm 2023 huyện …`): the prefix there heads a list of names.
fn is_plural_before(text: &str, at: usize) -> bool {
    let Some(w) = text[..at]
        .trim_end()
        .rsplit(|c: char| !super::words::is_word_char(c))
        .next()
        .map(fold)
    else {
        return false;
    };
    matches!(
        w.as_str(),
        "các" | "những" | "hai" | "ba" | "bốn" | "năm" | "sáu" | "bảy" | "tám" | "chín" | "mười"
    ) || (matches!(w.len(), 1 | 2) && w.bytes().all(|b| b.is_ascii_digit()))
}

/// The further names of a list a plural prefix heads (`các huyện Đình Lập, Lộc Bình và Cao
/// Lộc`), from item `k`: names of the gazetteer separated by commas, `và`, `cùng`, dashes.
/// Returns each one's key, its text as written and its byte range.
fn listed_names<'a>(
    text: &'a str,
    toks: &[super::words::Tok<'a>],
    folded: &[super::words::Word<'_>],
    mut k: usize,
    line_caps: bool,
    allow_number: bool,
    known: impl Fn(&str) -> bool,
) -> Vec<(String, &'a str, usize, usize)> {
    let mut out = Vec::new();
    loop {
        let mut separated = false;
        while k < toks.len()
            && (matches!(toks[k].s, "," | ";" | "-" | "–")
                || matches!(folded.get(k).map(|w| &**w), Some("và" | "cùng" | "với")))
        {
            k += 1;
            separated = true;
        }
        if !separated {
            break;
        }
        match gazetteer_name(text, toks, k, line_caps, allow_number, &known) {
            Some((key, written, n)) => {
                out.push((key, written, toks[k].pos, end_of(&toks[k + n - 1])));
                k += n;
            }
            None => break,
        }
    }
    out
}

/// One past the last byte of a lexed item.
fn end_of(t: &super::words::Tok<'_>) -> usize {
    t.pos + t.s.len()
}

/// The GSO code of Hồ Chí Minh City.
const HO_CHI_MINH_CITY: u32 = 79;

fn is_central_city(p: Option<&crate::places::Province>) -> bool {
    p.is_some_and(|p| p.prefix == "thành phố")
}

/// Names written without a prefix (`Đình Lập coi trọng …`, `Bàu Bàng (Bình Dương)`): runs of
/// capitalized words that are a district or a province of the gazetteer. A province name wins
/// over the district-level city of the same name (`Lạng Sơn`). Only a district name of two words
/// or more counts: one capitalized word alone is too often something else.
fn vote_alone(text: &str, lines: &[Line], votes: &mut Votes) {
    let g = crate::places::gazetteer();
    let title = title_index(lines);
    for (li, line) in lines.iter().enumerate() {
        if !matches!(line.role, LineRole::Body | LineRole::Title) || line.start == line.end {
            continue;
        }
        let weight = if Some(li) == title { 3 } else { 1 };
        let toks = lex(text, line.start, line.end);
        let line_caps = toks.iter().filter(|t| t.word).all(|t| is_all_caps(t.s));
        let mut j = 0;
        while j < toks.len() {
            let t = toks[j];
            if !t.word || !(line_caps || is_capitalized(t.s)) {
                j += 1;
                continue;
            }
            let prev = j.checked_sub(1).map(|p| fold(toks[p].s));
            // After a prefix the name was read by `vote_prefixed`; after `xã`, `phường`,
            // `đường`… it is another kind of place.
            let after_prefix = prev.as_deref().is_some_and(|p| {
                matches!(
                    p,
                    "huyện"
                        | "quận"
                        | "xã"
                        | "phường"
                        | "trấn"
                        | "phố"
                        | "tp"
                        | "tx"
                        | "tỉnh"
                        | "đường"
                        | "ấp"
                        | "thôn"
                        | "bản"
                        | "làng"
                        | "ủy"
                        | "ông"
                        | "bà"
                )
            });
            // Inside a run of capitalized words (`Nguyễn Văn Yên`), a name does not start in
            // the middle; an acronym before it does not count (`UBND Châu Thành`).
            let inside_run = !line_caps
                && j.checked_sub(1).is_some_and(|p| {
                    toks[p].word && is_capitalized(toks[p].s) && !is_all_caps(toks[p].s)
                });
            if after_prefix || inside_run {
                j += 1;
                continue;
            }
            let found = gazetteer_name(text, &toks, j, line_caps, false, |k| {
                g.province_by_key(k).is_some() || !g.districts_by_key(k).is_empty()
            });
            // A name alone is a whole run of capitalized words: `Tân Sơn Nhất` (the airport)
            // is not `Tân Sơn` (the district). Lines in capitals cannot tell.
            let whole_run = |n: usize| {
                line_caps
                    || toks
                        .get(j + n)
                        .is_none_or(|t| !(t.word && is_capitalized(t.s)))
            };
            match found {
                Some((_, _, n)) if !whole_run(n) => {
                    // Skip the run: no name starts inside it either.
                    j += n;
                    while toks.get(j).is_some_and(|t| t.word && is_capitalized(t.s)) {
                        j += 1;
                    }
                }
                Some((k, written, n)) => {
                    if let Some(p) = g.province_by_key(&k) {
                        // `Hồ Chí Minh` alone is the President (`tư tưởng Hồ Chí Minh`); the
                        // city is written `TP. Hồ Chí Minh` and read by `vote_prefixed`.
                        if p.code != HO_CHI_MINH_CITY {
                            votes.province(p.code, weight);
                        }
                    } else if written.split_whitespace().count() >= 2 {
                        let (start, end) = (toks[j].pos, end_of(&toks[j + n - 1]));
                        let written = if line_caps {
                            title_case_words(written)
                        } else {
                            written.to_string()
                        };
                        votes.district_mention(&k, &written, None, start, end);
                        votes.district(k, &written, None, weight);
                    }
                    j += n;
                }
                None => j += 1,
            }
        }
    }
}

/// Where the article is: the district (a gazetteer unit read after its prefix, or its name
/// alone when no prefixed name is found), settled by the province the text names when several
/// units share the name; the province (the district's, else the one the text names most); and
/// the 2025 province.
pub fn place(text: &str, lines: &[Line]) -> Place {
    let g = crate::places::gazetteer();
    let mut votes = Votes::default();
    vote_prefixed(text, lines, &mut votes);
    let prefixed_district = !votes.districts.is_empty();
    // Names alone are read when no prefix names a district, and to settle a shared name by the
    // province written without `tỉnh` (`Châu Thành, An Giang`).
    let needs_alone = !prefixed_district
        || votes
            .districts
            .iter()
            .any(|d| g.districts_by_key(&d.0).len() > 1);
    // An article naming several units also names them alone in its lists (`Đình Lập 95%,
    // Lộc Bình 90%`): their mentions are read too, without changing the votes.
    let several = distinct_units(&votes.mentions) >= 2;
    if needs_alone || several {
        let mut alone = Votes::default();
        vote_alone(text, lines, &mut alone);
        votes.mentions.append(&mut alone.mentions);
        if needs_alone {
            for (code, v) in alone.provinces {
                votes.province(code, v);
            }
            if !prefixed_district {
                // A name alone counts when the headline or two lines of the body say it.
                votes.districts = alone.districts.into_iter().filter(|d| d.1 >= 2).collect();
            }
        }
    }
    let text_province = votes
        .provinces
        .iter()
        .map(|p| p.1)
        .max()
        .and_then(|m| votes.provinces.iter().find(|p| p.1 == m))
        .and_then(|p| g.province(p.0))
        .map(|p| p.name.clone());
    let mut out = Place {
        text_province,
        ..Place::default()
    };
    let best = votes
        .districts
        .iter()
        .map(|d| d.1)
        .max()
        .and_then(|m| votes.districts.iter().find(|d| d.1 == m));
    if let Some((k, _, written, prefixes)) = best {
        let mut units = g.districts_by_key(k);
        // `quận Hoàng Mai` (Hà Nội) is not `thị xã Hoàng Mai` (Nghệ An).
        let of_prefix: Vec<_> = units
            .iter()
            .copied()
            .filter(|d| prefixes.contains(&d.prefix.as_str()))
            .collect();
        if !of_prefix.is_empty() {
            units = of_prefix;
        }
        if units.len() > 1 {
            // The province the text names most among the units' provinces.
            let best_votes = units
                .iter()
                .map(|d| votes.province_votes(d.province))
                .max()
                .unwrap_or(0);
            if best_votes > 0 {
                units.retain(|d| votes.province_votes(d.province) == best_votes);
            }
        }
        let same_province = units.windows(2).all(|w| w[0].province == w[1].province);
        if let Some(first) = units.first()
            && same_province
        {
            out.district = Some(crate::places::district_display(first, written));
            if units.len() == 1 {
                out.district_code = Some(first.code);
            }
            out.province = g.province_of(first).map(|p| p.name.clone());
        } else {
            out.candidates = units.iter().map(|d| d.code).collect();
        }
    }
    if out.province.is_none() {
        out.province = out.text_province.clone();
    }
    out.province_2025 = out
        .province
        .as_deref()
        .and_then(|p| g.province_2025_named(p))
        .map(|p| p.name.clone());
    let after_reform = published(text, lines).is_some_and(|d| d.as_str() >= REFORM_DATE);
    let mut mentions = votes.mentions;
    if after_reform {
        // Districts are gone: an article's places are its communes, wards and special zones
        // (and the province).
        mentions.retain(|m| m.unit.is_none());
        if let Some((unit, province)) = unit_2025(text, lines, &mut mentions) {
            out.unit_2025 = Some(unit);
            out.province_2025 = Some(province);
        }
    }
    // In text order, none inside another (`TP. Buôn Ma Thuột` is one mention, not two).
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut reach = 0;
    mentions.retain(|m| {
        let keep = m.start >= reach;
        reach = reach.max(m.end);
        keep
    });
    out.mentions = mentions;
    out
}

/// Articles about several units: when the figures' sentences name two units or more and the
/// article is not about one of them, the article has no single place (its district, candidates
/// and 2025 unit are cleared, its province kept only when the text or every unit says it) and
/// each figure gets its own ([`Figure::place`](crate::model::Figure)). A headline naming one
/// unit keeps the article on it; one naming two, or the province (`tỉnh Lạng Sơn`, `toàn tỉnh`),
/// or none while no unit carries two thirds of the figures, makes it several.
pub fn file_places(
    text: &str,
    lines: &[Line],
    place: &mut Place,
    figures: &mut [crate::model::Figure],
) {
    if distinct_units(&place.mentions) < 2 || figures.is_empty() {
        return;
    }
    let idx = crate::text::CharIndex::new(text);
    let sentences = crate::text::sentences(text);
    let headings = headings(text, lines, &place.mentions);
    let places: Vec<Option<&Mention>> = figures
        .iter()
        .map(|f| {
            if f.reading.boilerplate {
                return None;
            }
            let b0 = idx.byte_of_char(f.start);
            let b1 = idx.byte_of_char(f.end);
            let li = lines.partition_point(|l| l.end < b0);
            let line = lines.get(li)?;
            if !matches!(line.role, LineRole::Body | LineRole::Title) {
                return None;
            }
            figure_place(
                text,
                line,
                &place.mentions,
                &headings,
                li,
                (b0, b1),
                sentence_of(&sentences, b0),
            )
        })
        .collect();
    let mut places = places;
    respectively(
        text,
        &sentences,
        &place.mentions,
        figures,
        &idx,
        &mut places,
    );
    // Which units the figures that measure something belong to, and how many each.
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (f, m) in figures.iter().zip(&places) {
        let substantive = is_substantive(f.reading.kind);
        if let Some(u) = m.and_then(|m| m.unit.as_deref())
            && substantive
        {
            let k = crate::places::key(u);
            match counts.iter_mut().find(|c| c.0 == k) {
                Some(c) => c.1 += 1,
                None => counts.push((k, 1)),
            }
        }
    }
    if counts.len() < 2 {
        return;
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let title = title_index(lines).and_then(|t| lines.get(t));
    let in_title = |m: &&Mention| title.is_some_and(|t| m.start >= t.start && m.end <= t.end);
    let title_units = distinct_units(
        &place
            .mentions
            .iter()
            .filter(in_title)
            .cloned()
            .collect::<Vec<_>>(),
    );
    let title_province = place
        .mentions
        .iter()
        .filter(in_title)
        .any(|m| m.unit.is_none());
    let total: usize = counts.iter().map(|c| c.1).sum();
    let several =
        title_units >= 2 || (title_units == 0 && (title_province || counts[0].1 * 3 < total * 2));
    if !several {
        return;
    }
    let g = crate::places::gazetteer();
    let mut provinces: Vec<Option<u32>> = Vec::new();
    for (f, m) in figures.iter_mut().zip(&places) {
        f.place = m.and_then(|m| m.unit.clone());
        if let Some(m) = m.filter(|m| m.unit.is_some())
            && !provinces.contains(&m.province)
        {
            provinces.push(m.province);
        }
    }
    let after_reform = published(text, lines).is_some_and(|d| d.as_str() >= REFORM_DATE);
    // The province every unit is in, else the one the text names.
    let common = match provinces.as_slice() {
        [Some(code)] => Some(*code),
        _ => None,
    };
    place.district = None;
    place.district_code = None;
    place.candidates.clear();
    place.unit_2025 = None;
    if after_reform {
        place.province = place.text_province.clone();
        place.province_2025 = common
            .and_then(|c| g.province_2025(c))
            .or_else(|| {
                place
                    .province
                    .as_deref()
                    .and_then(|p| g.province_2025_named(p))
            })
            .map(|p| p.name.clone());
    } else {
        place.province = common
            .and_then(|c| g.province(c))
            .map(|p| p.name.clone())
            .or_else(|| place.text_province.clone());
        place.province_2025 = place
            .province
            .as_deref()
            .and_then(|p| g.province_2025_named(p))
            .map(|p| p.name.clone());
    }
}

/// Figures that measure something (not years, dates, document numbers).
fn is_substantive(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Percent | Kind::Count | Kind::Ratio | Kind::Money | Kind::Decimal
    )
}

/// `các huyện Đình Lập, Lộc Bình và Cao Lộc lần lượt đạt 95%, 90% và 88%`: in a sentence that
/// says `lần lượt` or `tương ứng` (respectively), the figures after it go to the units listed
/// before it, in order, when there are as many of each.
fn respectively<'m>(
    text: &str,
    sentences: &[(usize, usize)],
    mentions: &'m [Mention],
    figures: &[crate::model::Figure],
    idx: &crate::text::CharIndex<'_>,
    places: &mut [Option<&'m Mention>],
) {
    let mut i = 0;
    while i < figures.len() {
        let f = &figures[i];
        let Some((s0, s1)) = sentence_of(sentences, idx.byte_of_char(f.start)) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < figures.len() && idx.byte_of_char(figures[j].start) < s1 {
            j += 1;
        }
        let sentence = &text[s0..s1];
        let kw = ["lần lượt", "Lần lượt", "tương ứng", "Tương ứng"]
            .iter()
            .filter_map(|w| sentence.find(w))
            .min()
            .map(|p| s0 + p);
        if let Some(kw) = kw {
            let mut listed: Vec<&Mention> = Vec::new();
            for m in within(mentions, s0, kw) {
                if m.unit.is_some() && listed.last().is_none_or(|l| l.unit != m.unit) {
                    listed.push(m);
                }
            }
            let targets: Vec<usize> = (i..j)
                .filter(|&t| {
                    idx.byte_of_char(figures[t].start) > kw
                        && is_substantive(figures[t].reading.kind)
                        && !figures[t].reading.boilerplate
                })
                .collect();
            if listed.len() >= 2 && targets.len() == listed.len() {
                for (t, m) in targets.into_iter().zip(listed) {
                    places[t] = Some(m);
                }
            }
        }
        i = j;
    }
}

/// The mention a paragraph heading makes: a short line that is one unit's name with at most a
/// list number and a few words around it (`2. Huyện Cao Lộc:`, `HUYỆN BÌNH GIA`, `Tại thị xã
/// Buôn Hồ`), no sentence. Returns `(line index, mention)` in text order.
fn headings<'m>(text: &str, lines: &[Line], mentions: &'m [Mention]) -> Vec<(usize, &'m Mention)> {
    let mut out = Vec::new();
    for (li, l) in lines.iter().enumerate() {
        if l.role != LineRole::Body {
            continue;
        }
        let in_line: Vec<&Mention> = within(mentions, l.start, l.end).iter().collect();
        let [m] = in_line.as_slice() else { continue };
        let line = text[l.start..l.end].trim();
        if line.chars().count() > 80 || line.ends_with(['.', ';', ',']) {
            continue;
        }
        let rest = format!("{} {}", &text[l.start..m.start], &text[m.end..l.end]);
        // A list number may open the line (`2.`, `II.`, `a)`); no other number.
        let words: Vec<&str> = rest
            .split(|c: char| !super::words::is_word_char(c))
            .filter(|w| !w.is_empty())
            .collect();
        let numbering = |i: usize, w: &str| {
            i == 0
                && (w.bytes().all(|b| b.is_ascii_digit())
                    || w.chars().all(|c| "IVXivx".contains(c))
                    || w.chars().count() == 1)
        };
        let content: Vec<&&str> = words
            .iter()
            .enumerate()
            .filter(|(i, w)| !numbering(*i, w))
            .map(|(_, w)| w)
            .collect();
        if content.len() <= 3
            && content
                .iter()
                .all(|w| !w.bytes().any(|b| b.is_ascii_digit()))
        {
            out.push((li, *m));
        }
    }
    out
}

/// The place of one figure (bytes `b0..b1` in `sentence`, on line `li`): the unit named last
/// before it in its sentence (`huyện A đạt 95%, huyện B 90%`), else the first after it in its
/// clause (`95% cán bộ huyện B`), else the last one earlier in its paragraph (`Huyện A có 300
/// cán bộ. Trong đó 95% …`), else its paragraph heading. A whole-province mention (`toàn tỉnh`)
/// is a place too: the figure then has none.
fn figure_place<'m>(
    text: &str,
    line: &Line,
    mentions: &'m [Mention],
    headings: &[(usize, &'m Mention)],
    li: usize,
    (b0, b1): (usize, usize),
    sentence: Option<(usize, usize)>,
) -> Option<&'m Mention> {
    let (s0, s1) = sentence.unwrap_or((line.start, line.end));
    let (s0, s1) = (s0.max(line.start), s1.min(line.end));
    let before = |from: usize, to: usize| within(mentions, from, to).last();
    if let Some(m) = before(s0, b0) {
        return Some(m);
    }
    let clause_end = crate::text::clauses(text, (s0, s1))
        .into_iter()
        .find(|c| c.0 <= b0 && b0 < c.1.max(c.0 + 1))
        .map_or(s1, |c| c.1);
    if let Some(m) = within(mentions, b1, clause_end).first() {
        return Some(m);
    }
    if let Some(m) = before(line.start, s0) {
        return Some(m);
    }
    headings
        .iter()
        .rev()
        .find(|(h, _)| *h < li)
        .map(|(_, m)| *m)
}

/// The mentions inside bytes `from..to` (mentions are sorted and do not overlap): found by
/// binary search, so placing every figure of a long text stays linear.
fn within(mentions: &[Mention], from: usize, to: usize) -> &[Mention] {
    let a = mentions.partition_point(|m| m.start < from);
    let b = mentions.partition_point(|m| m.end <= to);
    &mentions[a..b.max(a)]
}

/// The sentence (of the one splitter, [`crate::text::sentences`]) holding byte `b`.
fn sentence_of(sentences: &[(usize, usize)], b: usize) -> Option<(usize, usize)> {
    let i = sentences.partition_point(|s| s.1 <= b);
    sentences.get(i).copied().filter(|s| s.0 <= b)
}

/// How many different units the mentions name.
fn distinct_units(mentions: &[Mention]) -> usize {
    let mut seen: Vec<String> = Vec::new();
    for m in mentions {
        if let Some(u) = &m.unit {
            let k = crate::places::key(u);
            if !seen.contains(&k) {
                seen.push(k);
            }
        }
    }
    seen.len()
}

/// The day the communes, wards and special zones of the 34 provinces took office.
const REFORM_DATE: &str = "2025-07-01";

/// The 2025 commune, ward or special zone an article names most (after `xã`, `phường`, `đặc
/// khu`), with its prefix, and its province; none when two units are named as often (an article
/// about several units) or a shared name is not settled by a 2025 province the text names.
fn unit_2025(text: &str, lines: &[Line], mentions: &mut Vec<Mention>) -> Option<(String, String)> {
    static UNIT_PREFIXES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .build([
                    "xã",
                    "Xã",
                    "XÃ",
                    "phường",
                    "Phường",
                    "PHƯỜNG",
                    "đặc khu",
                    "Đặc khu",
                ])
                .ok()
        });
    let ac = UNIT_PREFIXES.as_ref()?;
    let g = crate::places::gazetteer();
    let mut votes: Vec<(String, &'static str, u32)> = Vec::new();
    for m in ac.find_iter(text) {
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
        let plural = is_plural_before(text, m.start());
        let reach = if plural { 400 } else { 80 };
        let toks = lex(text, m.start(), line.end.min(m.start() + reach));
        let folded: Vec<super::words::Word<'_>> =
            toks.iter().map(|t| super::words::fold_word(t.s)).collect();
        let Some((j, prefix)) = [("xã", "xã"), ("phường", "phường"), ("đặc khu", "đặc khu")]
            .iter()
            .find_map(|(p, u)| super::words::phrase_at(&folded, 0, p).map(|j| (j, *u)))
        else {
            continue;
        };
        let line_caps = toks.iter().filter(|t| t.word).all(|t| is_all_caps(t.s));
        if let Some((k, _, n)) =
            gazetteer_name(text, &toks, j, line_caps, prefix == "phường", |k| {
                g.units_2025_by_key(k).iter().any(|u| u.prefix == prefix)
            })
        {
            let mut named = vec![(k.clone(), m.start(), end_of(&toks[j + n - 1]))];
            // The other names of a list (`các phường Việt Trì, Phong Châu`) are places too.
            if plural {
                let known = |k: &str| g.units_2025_by_key(k).iter().any(|u| u.prefix == prefix);
                let listed = listed_names(text, &toks, &folded, j + n, line_caps, false, known);
                named.extend(listed.into_iter().map(|(k, _, s, e)| (k, s, e)));
            }
            for (k, start, end) in named {
                let units: Vec<_> = g
                    .units_2025_by_key(&k)
                    .into_iter()
                    .filter(|u| u.prefix == prefix)
                    .collect();
                if let Some(first) = units.first() {
                    mentions.push(Mention {
                        start,
                        end,
                        unit: Some(format!("{} {}", first.prefix, first.name)),
                        province: units
                            .iter()
                            .all(|u| u.province == first.province)
                            .then_some(first.province),
                    });
                }
            }
            match votes.iter_mut().find(|v| v.0 == k && v.1 == prefix) {
                Some(v) => v.2 += 1,
                None => votes.push((k, prefix, 1)),
            }
        }
    }
    votes.sort_by_key(|v| std::cmp::Reverse(v.2));
    let best = votes.first()?;
    if votes.get(1).is_some_and(|second| second.2 == best.2) {
        return None;
    }
    let mut units: Vec<_> = g
        .units_2025_by_key(&best.0)
        .into_iter()
        .filter(|u| u.prefix == best.1)
        .collect();
    if units.len() > 1 {
        // Settled by a 2025 province the text names.
        let folded_text = fold(text);
        units.retain(|u| {
            g.province_2025(u.province)
                .is_some_and(|p| folded_text.contains(&fold(&p.name)))
        });
    }
    match units.as_slice() {
        [u] => Some((
            format!("{} {}", u.prefix, u.name),
            g.province_2025(u.province)?.name.clone(),
        )),
        _ => None,
    }
}

/// `ĐÌNH LẬP` → `Đình Lập` (headlines in capitals).
fn title_case_words(s: &str) -> String {
    s.split(' ').map(title_case).collect::<Vec<_>>().join(" ")
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

/// The units an officer chooses from when the article's district is a name several units
/// share and no province settles it (`Châu Thành`): empty when the district is settled or the
/// text names none. UI-free: the article header calls it with the article's text.
pub fn district_candidates(text: &str) -> Vec<&'static crate::places::District> {
    let g = crate::places::gazetteer();
    place(text, &lines(text))
        .candidates
        .iter()
        .filter_map(|&c| g.districts.iter().find(|d| d.code == c && !d.former))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_of_a_shared_name() {
        let t = "Huyện Châu Thành mở lớp bồi dưỡng cán bộ\n\nHuyện Châu Thành có 12 lớp.";
        let c = district_candidates(t);
        assert_eq!(c.len(), 10);
        assert!(c.iter().all(|d| d.name == "Châu Thành"));
        assert!(district_candidates("Huyện Đình Lập mở lớp.").is_empty());
    }

    #[test]
    fn finds_district_in_various_forms() {
        let t = "HUYỆN ỦY PHÚ NINH CHÚ TRỌNG CÔNG TÁC\n\nĐảng bộ Huyện Phú Ninh lần thứ XX.";
        let l = lines(t);
        assert_eq!(place(t, &l).district.as_deref(), Some("Phú Ninh"));
        let t = "Đình Lập coi trọng đào tạo\n\nHuyện ủy Đình Lập luôn quan tâm.";
        assert_eq!(place(t, &lines(t)).district.as_deref(), Some("Đình Lập"));
        let t = "Thị xã Buôn Hồ tổ chức lớp học cho cán bộ.";
        assert_eq!(place(t, &lines(t)).district.as_deref(), Some("Buôn Hồ"));
    }

    fn place_of(t: &str) -> Place {
        place(t, &lines(t))
    }

    #[test]
    fn never_the_word_after_a_full_stop() {
        let t = "Tin tức hoạt động của địa phương\n\nCán bộ được cử đi học tại huyện. Với 26 lớp, \
                 toàn huyện. Trong năm có 120 lượt cán bộ.";
        let p = place_of(t);
        assert_eq!(p.district, None);
        assert!(p.candidates.is_empty());
        // A name not in the gazetteer is never a district either.
        let t = "Huyện Không Có mở lớp bồi dưỡng cho cán bộ xã.";
        assert_eq!(place_of(t).district, None);
    }

    #[test]
    fn shared_names_are_settled_by_the_province() {
        let t = "Huyện Châu Thành tổ chức lớp bồi dưỡng cán bộ\n\nNăm 2023, huyện Châu Thành \
                 (tỉnh Bến Tre) mở 12 lớp.";
        let p = place_of(t);
        assert_eq!(p.district.as_deref(), Some("Châu Thành"));
        assert_eq!(p.province.as_deref(), Some("Bến Tre"));
        assert_eq!(p.province_2025.as_deref(), Some("Vĩnh Long"));
        let g = crate::places::gazetteer();
        let code = p
            .district_code
            .and_then(|c| g.district(c))
            .map(|d| d.province);
        assert_eq!(
            code.and_then(|c| g.province(c)).map(|p| p.name.as_str()),
            Some("Bến Tre")
        );
        // Written without `tỉnh`.
        let t = "Huyện Phú Tân chú trọng đào tạo cán bộ\n\nPhú Tân, An Giang: 40 cán bộ học.";
        assert_eq!(place_of(t).province.as_deref(), Some("An Giang"));
        assert_eq!(place_of(t).district.as_deref(), Some("Phú Tân"));
        // No province: left for the officer, with the ten units offered.
        let t = "Huyện Châu Thành tổ chức lớp bồi dưỡng cán bộ\n\nHuyện Châu Thành mở 12 lớp.";
        let p = place_of(t);
        assert_eq!(p.district, None);
        assert_eq!(p.province, None);
        assert_eq!(p.candidates.len(), 10);
    }

    #[test]
    fn province_comes_from_the_district() {
        let t = "Đình Lập coi trọng đào tạo\n\nHuyện ủy Đình Lập luôn quan tâm.";
        let p = place_of(t);
        assert_eq!(p.province.as_deref(), Some("Lạng Sơn"));
        assert_eq!(p.province_2025.as_deref(), Some("Lạng Sơn"));
        let t = "Huyện Đồng Văn bồi dưỡng cán bộ\n\nHuyện Đồng Văn có 300 cán bộ.";
        let p = place_of(t);
        assert_eq!(p.province.as_deref(), Some("Hà Giang"));
        assert_eq!(p.province_2025.as_deref(), Some("Tuyên Quang"));
    }

    #[test]
    fn numbered_districts_keep_their_prefix() {
        let t = "Quận 1 tổ chức lớp bồi dưỡng cho cán bộ phường\n\nQuận 1 có 10 phường.";
        let p = place_of(t);
        assert_eq!(p.district.as_deref(), Some("Quận 1"));
        assert_eq!(p.province.as_deref(), Some("Hồ Chí Minh"));
        // A prefix shared by several kinds of unit is told apart by its word.
        let t = "Quận Hoàng Mai tổ chức lớp bồi dưỡng cho cán bộ phường.";
        assert_eq!(place_of(t).province.as_deref(), Some("Hà Nội"));
    }

    #[test]
    fn after_the_reform_the_place_is_a_2025_unit() {
        let t = "Thứ Hai, 15/09/2025\n\nPhường Việt Trì bồi dưỡng cán bộ\n\nNăm 2025, phường \
                 Việt Trì mở 8 lớp cho 400 cán bộ.";
        let p = place_of(t);
        assert_eq!(p.unit_2025.as_deref(), Some("phường Việt Trì"));
        assert_eq!(p.province_2025.as_deref(), Some("Phú Thọ"));
        // Before the reform the same words name no 2025 unit.
        let t = t.replace("15/09/2025", "15/09/2024");
        assert_eq!(place_of(&t).unit_2025, None);
        // Two units named as often: no single place.
        let t = "Thứ Hai, 15/09/2025\n\nPhường Việt Trì và phường Phong Châu bồi dưỡng cán bộ.";
        assert_eq!(place_of(t).unit_2025, None);
    }

    #[test]
    fn a_name_alone_is_a_whole_run() {
        let t = "Khởi công nhà ga sân bay Tân Sơn Nhất\n\nNhà ga sân bay Tân Sơn Nhất có 50 \
                 triệu hành khách. Tân Sơn Nhất là sân bay lớn.";
        assert_eq!(place_of(t).district, None);
        let t =
            "Đình Lập coi trọng đào tạo cán bộ\n\nĐình Lập có 26 lớp. Năm nay Đình Lập mở thêm.";
        assert_eq!(place_of(t).district.as_deref(), Some("Đình Lập"));
    }

    #[test]
    fn names_alone_and_people() {
        // The President is not the city; a person named like a district is not the district.
        let t = "Học tập và làm theo tư tưởng Hồ Chí Minh\n\nÔng Nguyễn Văn Yên phát biểu.";
        let p = place_of(t);
        assert_eq!(p.province, None);
        assert_eq!(p.district, None);
    }

    #[test]
    fn place_and_date_lines_date_the_text() {
        assert_eq!(
            place_dated("Hà nội, ngày 21 tháng 12 năm 2000").as_deref(),
            Some("2000-12-21")
        );
        assert_eq!(
            place_dated("  Số:  256 /2004/QĐ-UB  \t   TP.Cần Thơ, ngày  01 tháng  7 năm 2004")
                .as_deref(),
            Some("2004-07-01")
        );
        assert_eq!(
            place_dated("Đồng Xoài, ngày 14 tháng5 năm 2008").as_deref(),
            Some("2008-05-14")
        );
        assert_eq!(
            place_dated("Tam Nông, ngày 12/03/2023").as_deref(),
            Some("2023-03-12")
        );
        assert_eq!(
            place_dated("Căn cứ Kết luận số 06-KL/TU, ngày 19/5/2004 của Ban"),
            None
        );
        assert_eq!(place_dated("Hà Nội, ngày 31 tháng 2 năm 2000"), None);
        assert_eq!(
            place_dated("Theo đó, ngày 12/3/2023 huyện tổ chức hội nghị"),
            None
        );
        assert_eq!(
            place_dated("Theo báo cáo, ngày 12 tháng này có 30 người"),
            None
        );
        let t = "Huyện Tam Nông nâng cao chất lượng cán bộ\n\nTam Nông, ngày 12/03/2023\n\nNăm 2022 có 45 lớp.";
        assert_eq!(published(t, &lines(t)).as_deref(), Some("2023-03-12"));
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
    fn official_documents_are_titled_by_type_and_summary() {
        let t = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN TÂN LẠC\tĐộc lập - Tự \
                 do - Hạnh phúc\n\nSố: 15/KH-UBND\tTân Lạc, ngày 12 tháng 5 năm 2023\n\nKẾ HOẠCH\n\
                 Về việc bồi dưỡng cán bộ, công chức cấp xã\nnăm 2023\n\nCăn cứ Luật Cán bộ, công chức;";
        assert_eq!(
            title(t, &lines(t)).as_deref(),
            Some("KẾ HOẠCH Về việc bồi dưỡng cán bộ, công chức cấp xã năm 2023")
        );
        // `QUYẾT ĐỊNH:` opens the operative part, it is no title.
        let t = "ỦY BAN NHÂN DÂN TỈNH\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành quy chế.";
        assert_eq!(document_title(t, &lines(t)), None);
        // A news headline that starts like a document type keeps its line, not the body.
        let long = "Năm 2023, huyện Tân Lạc mở 12 lớp bồi dưỡng cho 350 lượt cán bộ, công chức \
                    cấp xã, trong đó 98,5% học viên hoàn thành chương trình, 40 học viên đạt loại \
                    giỏi, 200 học viên đạt loại khá và các học viên còn lại đều đạt yêu cầu.";
        let t = format!("Thứ Hai, 15/05/2023\nKế hoạch về bồi dưỡng cán bộ năm 2023\n{long}");
        assert_eq!(
            title(&t, &lines(&t)).as_deref(),
            Some("Kế hoạch về bồi dưỡng cán bộ năm 2023")
        );
        // A sentence that starts with a type word is no heading.
        let t = "Tin tức huyện\nQuyết định số 12 được ban hành ngày 5/5/2023.";
        assert_eq!(document_title(t, &lines(t)), None);
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

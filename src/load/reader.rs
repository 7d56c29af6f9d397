//! The reader view of a saved web page: the article, not the page.
//!
//! A news page is mostly chrome: menus, tickers of other headlines with their times, related
//! links, footers with hotlines. Their numbers must not become figures of the article. The body
//! is found by `dom_smoothie` (a port of Mozilla's Readability, what a browser's reader view
//! uses), not by rules of our own. Readability alone is not enough (measured on the nine pages
//! of `real-inputs/html`): it drops the lead (`sapo`), which holds figures, its title is the
//! `og:title` (CafeBiz's differs from the headline) and its date is found on fewer than half of
//! the pages. So the reader text is composed from the page's own signals:
//!
//! 1. the headline: the page's `h1` that best matches `og:title`/`<title>`, else `og:title`,
//!    else `<title>` without the site's name;
//! 2. the dateline the page prints (an element whose class names a date or time), if any;
//! 3. the lead: an element whose class names it (`sapo`, `description`, `short_intro`, `lead`),
//!    unless the body already holds it;
//! 4. the body: Readability's cleaned HTML, walked with paragraph breaks by the same walker as
//!    the whole page (`html::visible_text`), so neighbouring elements never glue together.
//!
//! The publication date comes from `article:published_time`, JSON-LD `datePublished`,
//! `itemprop=datePublished`/`pubdate`, `<time datetime>`, then the dateline. A page where
//! Readability finds no article (a list page, a portal's home) is read whole, as before.

use scraper::{ElementRef, Html, Selector};

use super::html;

/// What the reader view takes from a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The reader text: headline, dateline, lead and body, one paragraph per block.
    pub text: String,
    /// The visible text of the whole page (menus and footers included), for the rare article
    /// the reader view cuts.
    pub full_text: String,
    /// The headline.
    pub title: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The site's name (`og:site_name`, else the host name).
    pub site: Option<String>,
}

/// Bodies shorter than this (in characters) are not taken as the article: the page is read
/// whole instead.
const MIN_BODY_CHARS: usize = 200;

/// Reads a page. `url` is where it came from, when known (a download, or `og:url`).
pub fn read_page(html_text: &str, url: Option<&str>) -> Page {
    let full_text = html::visible_text(html_text);
    let doc = Html::parse_document(html_text);
    let meta = Meta::of(&doc);
    let title = headline(&doc, &meta);
    let dateline = dateline(&doc);
    let published = meta
        .published
        .clone()
        .or_else(|| dateline.as_deref().and_then(date_of))
        .or_else(|| time_element(&doc));
    let url = url.map(str::to_string).or_else(|| meta.url.clone());
    let site = meta
        .site
        .clone()
        .or_else(|| url.as_deref().and_then(host_of));
    let body = readable_body(html_text, url.as_deref());
    let text = match body {
        Some(body) => compose(
            title.as_deref(),
            dateline.as_deref(),
            lead(&doc).as_deref(),
            &body,
        ),
        None => full_text.clone(),
    };
    Page {
        text,
        full_text,
        title,
        published,
        site,
    }
}

/// Headline, dateline, lead and body, without repeating what the body already says.
fn compose(title: Option<&str>, dateline: Option<&str>, lead: Option<&str>, body: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let body_head: String = body.chars().take(2000).collect();
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .take(60)
            .collect::<String>()
            .to_lowercase()
    };
    let body_key = key_all(&body_head);
    let already = |s: &str| {
        let k = key(s);
        !k.is_empty() && body_key.contains(&k)
    };
    if let Some(t) = title.filter(|t| !already(t)) {
        parts.push(t);
    }
    if let Some(d) = dateline.filter(|d| !already(d)) {
        parts.push(d);
    }
    if let Some(l) = lead.filter(|l| !already(l)) {
        parts.push(l);
    }
    parts.push(body);
    parts.join("\n\n")
}

fn key_all(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// The article's body through Readability, as paragraphs; `None` when it finds no article.
fn readable_body(html_text: &str, url: Option<&str>) -> Option<String> {
    // A URL Readability refuses (not absolute) only loses link resolution: retry without it.
    // Classes are kept so that the furniture Readability leaves in can be told
    // (`html::article_text`).
    let cfg = || dom_smoothie::Config {
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let article = super::office::guard("Readability", || {
        let mut r = dom_smoothie::Readability::new(html_text, url, Some(cfg()))
            .or_else(|_| dom_smoothie::Readability::new(html_text, None, Some(cfg())))
            .map_err(|e| e.to_string())?;
        r.parse().map_err(|e| e.to_string())
    })
    .ok()?;
    let body = html::article_text(&article.content);
    (body.chars().filter(|c| !c.is_whitespace()).count() >= MIN_BODY_CHARS).then_some(body)
}

/// The page's metadata.
#[derive(Debug, Default)]
struct Meta {
    og_title: Option<String>,
    title: Option<String>,
    site: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

impl Meta {
    fn of(doc: &Html) -> Meta {
        let mut m = Meta::default();
        let mut published_candidates: Vec<(u8, String)> = Vec::new();
        if let Some(sel) = sel("meta") {
            for el in doc.select(&sel) {
                let v = el.value();
                let props: Vec<String> = [v.attr("property"), v.attr("name"), v.attr("itemprop")]
                    .into_iter()
                    .flatten()
                    .map(|s| s.trim().to_ascii_lowercase())
                    .collect();
                let Some(content) = v.attr("content").map(clean).filter(|c| !c.is_empty()) else {
                    continue;
                };
                let has = |p: &str| props.iter().any(|x| x == p);
                if has("og:title") && m.og_title.is_none() {
                    m.og_title = Some(content.clone());
                }
                if has("og:site_name") && m.site.is_none() {
                    m.site = Some(content.clone());
                }
                if has("application-name") && m.site.is_none() {
                    m.site = Some(content.clone());
                }
                if has("og:url") && m.url.is_none() {
                    m.url = Some(content.clone());
                }
                // The most specific label wins.
                let rank = if has("article:published_time") {
                    Some(0)
                } else if has("datepublished") {
                    Some(1)
                } else if has("pubdate") || has("publishdate") || has("publish-date") {
                    Some(2)
                } else if has("dc.date.issued") || has("dc.date") || has("date") {
                    Some(3)
                } else {
                    None
                };
                if let Some(r) = rank
                    && let Some(d) = iso_date(&content).or_else(|| date_of(&content))
                {
                    published_candidates.push((r, d));
                }
            }
        }
        if let Some(d) = json_ld_date(doc) {
            published_candidates.push((1, d));
        }
        published_candidates.sort_by_key(|(r, _)| *r);
        m.published = published_candidates.into_iter().next().map(|(_, d)| d);
        m.title = sel("title")
            .and_then(|s| doc.select(&s).next())
            .map(|t| clean(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty());
        if m.url.is_none() {
            m.url = sel("link[rel=canonical]")
                .and_then(|s| doc.select(&s).next())
                .and_then(|l| l.value().attr("href"))
                .map(str::to_string);
        }
        m
    }
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// Whitespace collapsed, trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an element with one space for any run of whitespace, and a space where two
/// inline elements meet without one (`<span>TP HCM</span>Nếu`), as `visible_text` does.
fn element_text(el: ElementRef<'_>) -> String {
    clean(&html::visible_text(&el.html()).replace("\n\n", " "))
}

/// `2025-10-22T19:25:52+07:00`, `2014-09-04 01:28 + 07:00` → `2025-10-22`.
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s.get(..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    crate::numbers::valid_date(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A Vietnamese-style date in a dateline (`Thứ tư, 22/10/2025, 19:25`).
fn date_of(s: &str) -> Option<String> {
    crate::extract::page::first_date(s)
}

/// `datePublished` anywhere in the page's JSON-LD blocks.
fn json_ld_date(doc: &Html) -> Option<String> {
    let s = sel("script[type=\"application/ld+json\"]")?;
    for block in doc.select(&s) {
        let raw: String = block.text().collect();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
            continue;
        };
        if let Some(d) = find_key(&v, "datePublished", 0).and_then(|d| iso_date(&d)) {
            return Some(d);
        }
    }
    None
}

fn find_key(v: &serde_json::Value, key: &str, depth: usize) -> Option<String> {
    if depth > 16 {
        return None;
    }
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(s)) = map.get(key) {
                return Some(s.clone());
            }
            map.values().find_map(|x| find_key(x, key, depth + 1))
        }
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_key(x, key, depth + 1)),
        _ => None,
    }
}

/// `<time datetime="…">` (the first one with a date).
fn time_element(doc: &Html) -> Option<String> {
    let s = sel("time")?;
    doc.select(&s).find_map(|t| {
        t.value()
            .attr("datetime")
            .and_then(iso_date)
            .or_else(|| date_of(&t.text().collect::<String>()))
    })
}

/// The class tokens of an element, lower case.
fn classes(el: &ElementRef<'_>) -> Vec<String> {
    el.value()
        .attr("class")
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect()
}

/// True when the element sits in a list of links or the page's frame (other articles'
/// headlines and leads live there).
fn in_chrome(el: &ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let name = a.value().name();
        matches!(name, "nav" | "footer" | "li" | "aside" | "header")
            && !classes(&a)
                .iter()
                .any(|c| c.contains("detail") || c.contains("article"))
    })
}

/// The headline: the `h1` closest to `og:title`/`<title>`, else those without the site name.
fn headline(doc: &Html, meta: &Meta) -> Option<String> {
    let reference = meta
        .og_title
        .as_deref()
        .or(meta.title.as_deref())
        .unwrap_or("");
    let ref_words = words(reference);
    let mut best: Option<(usize, String)> = None;
    let mut first_plain: Option<String> = None;
    let site_words = [
        "cổng thông tin",
        "trang thông tin",
        "báo điện tử",
        "trang chủ",
    ];
    if let Some(s) = sel("h1") {
        for h in doc.select(&s) {
            if in_chrome(&h) {
                continue;
            }
            let t = element_text(h);
            let n = t.split_whitespace().count();
            if !(3..=60).contains(&n) {
                continue;
            }
            let lower = t.to_lowercase();
            if first_plain.is_none() && !site_words.iter().any(|w| lower.contains(w)) {
                first_plain = Some(t.clone());
            }
            let w = words(&t);
            let shared = w.iter().filter(|x| ref_words.contains(x)).count();
            if shared > 0 && best.as_ref().is_none_or(|(b, _)| shared > *b) {
                best = Some((shared, t));
            }
        }
    }
    // An h1 sharing at least half of its words with the page's own title is the headline
    // (several h1: the one closest to it).
    if let Some((score, t)) = best
        && score * 2 >= words(&t).len().min(ref_words.len())
    {
        return Some(t);
    }
    // Portals give every page the same `<title>` (`Tin tức - Sự kiện | Cổng TTĐT …`): with no
    // `og:title`, the first h1 that is not the site's banner is the headline.
    if meta.og_title.is_none()
        && let Some(t) = first_plain
    {
        return Some(t);
    }
    meta.og_title
        .as_deref()
        .or(meta.title.as_deref())
        .map(|t| strip_site(t, meta.site.as_deref()))
        .filter(|t| !t.is_empty())
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// `Bộ Công an … ở Sa Pa - VnExpress` → `Bộ Công an … ở Sa Pa`: the last part after ` - `,
/// ` | ` or ` – ` is dropped when it names the site (or is much shorter than the rest).
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
            let tail_key = key_all(tail);
            let names_site = site.is_some_and(|s| {
                let s = key_all(s);
                !s.is_empty() && (s.contains(&tail_key) || tail_key.contains(&s))
            });
            let short = tail.split_whitespace().count() <= 4
                && head.split_whitespace().count() >= 3 * tail.split_whitespace().count();
            if !tail_key.is_empty() && (names_site || short) {
                return head.to_string();
            }
        }
    }
    title.trim().to_string()
}

/// The dateline the page prints near the headline: the first short element outside the
/// page's frame whose class names a date or time and whose text holds a date.
fn dateline(doc: &Html) -> Option<String> {
    let s = sel("[class]")?;
    doc.select(&s).find_map(|el| {
        let cls = classes(&el);
        let named = cls
            .iter()
            .any(|c| c.contains("date") || c.contains("time") || c.contains("publish"));
        if !named || in_chrome(&el) {
            return None;
        }
        let t = element_text(el);
        (t.chars().count() <= 100 && date_of(&t).is_some()).then_some(t)
    })
}

/// Class names of leads (standfirst, `sapo` in Vietnamese newsrooms).
const LEAD_CLASSES: [&str; 7] = [
    "sapo",
    "description",
    "short_intro",
    "lead",
    "summary",
    "chapeau",
    "excerpt",
];

/// The lead: the first element outside the page's frame whose class names it and whose text
/// reads like a sentence (40 characters or more).
fn lead(doc: &Html) -> Option<String> {
    let s = sel("[class]")?;
    doc.select(&s).find_map(|el| {
        let cls = classes(&el);
        let named = cls.iter().any(|c| {
            LEAD_CLASSES.contains(&c.as_str()) || c.contains("sapo") || c.ends_with("-lead")
        });
        if !named || in_chrome(&el) || el.value().name() == "meta" {
            return None;
        }
        let t = element_text(el);
        (t.chars().count() >= 40).then_some(t)
    })
}

/// `https://vnexpress.net/…` → `vnexpress.net`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (host.contains('.')).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_site_name() {
        assert_eq!(
            strip_site("Bộ Công an giám định xe khách ở Sa Pa - VnExpress", None),
            "Bộ Công an giám định xe khách ở Sa Pa"
        );
        assert_eq!(
            strip_site(
                "Tin tức | Cổng thông tin huyện Tân Lạc",
                Some("Cổng thông tin huyện Tân Lạc")
            ),
            "Tin tức"
        );
        assert_eq!(strip_site("Hà Nội - Hải Phòng", None), "Hà Nội - Hải Phòng");
    }

    #[test]
    fn dates_and_hosts() {
        assert_eq!(
            iso_date("2014-09-04 01:28 + 07:00").as_deref(),
            Some("2014-09-04")
        );
        assert_eq!(iso_date("2025-13-01"), None);
        assert_eq!(
            host_of("https://www.vnexpress.net/a-1.html").as_deref(),
            Some("vnexpress.net")
        );
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn composes_a_portal_page() {
        let body = "<p>Sáng 12/5, UBND huyện Tân Lạc tổ chức lớp bồi dưỡng cho 120 cán bộ, công \
                    chức cấp xã. Lớp học kéo dài 5 ngày với nhiều chuyên đề về kỹ năng lãnh đạo, \
                    quản lý và cải cách hành chính.</p><p>Đến nay toàn huyện có 97,2% cán bộ \
                    đạt chuẩn về trình độ chuyên môn và lý luận chính trị theo quy định.</p>";
        let page = format!(
            "<html><head><title>Tin tức - Sự kiện | Cổng TTĐT huyện Tân Lạc</title>\
             <meta property=\"article:published_time\" content=\"2023-05-15T08:30:00+07:00\">\
             </head><body><nav><ul><li><a href=\"/\">Trang chủ</a></li><li>Tin tức - Sự kiện</li>\
             </ul></nav><div class=\"ticker\"><a>16:27 Tin khác 4 tỷ đồng</a></div>\
             <div class=\"article\"><h1>Tân Lạc bồi dưỡng cán bộ, công chức cấp xã</h1>\
             <span class=\"post-date\">Thứ Hai, 15/05/2023 | 08:30</span>\
             <p class=\"sapo\"><span>TLO</span>Huyện mở lớp bồi dưỡng kiến thức cho cán bộ cấp xã.</p>\
             {body}</div><footer>Điện thoại: 0218.3.123.456 Lượt xem: 1.523</footer></body></html>"
        );
        let p = read_page(&page, None);
        assert_eq!(
            p.title.as_deref(),
            Some("Tân Lạc bồi dưỡng cán bộ, công chức cấp xã")
        );
        assert_eq!(p.published.as_deref(), Some("2023-05-15"));
        assert!(
            p.text
                .starts_with("Tân Lạc bồi dưỡng cán bộ, công chức cấp xã\n\n"),
            "{}",
            p.text
        );
        assert!(p.text.contains("TLO Huyện mở lớp"), "{}", p.text);
        assert!(p.text.contains("120 cán bộ"));
        for chrome in ["16:27", "1.523", "0218", "Trang chủ"] {
            assert!(!p.text.contains(chrome), "{chrome} in {}", p.text);
            assert!(
                p.full_text.contains(chrome),
                "{chrome} not kept in the full text"
            );
        }
    }
}

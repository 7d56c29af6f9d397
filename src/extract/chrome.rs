//! Page chrome inside the article body, as copied pages carry it in plain text: image
//! captions (`Quang cảnh hội nghị. (Ảnh: Minh Anh)`, `Ảnh: …`, `(Ảnh minh họa)`, a short line
//! under an image file), breadcrumbs after the headline (`Trang chủ > Tin tức > …`) and the
//! share/print lines (`Chia sẻ | In bài | Bình luận (2)`). They repeat the article's own words,
//! so their numbers look like figures; they are not the article's.
//!
//! [`super::page`] gives each line its role from its place in the page (before the headline,
//! counters, link lists, footers); this pass looks at the body lines it left as article text
//! and marks those whose *form* is chrome. Numbers on chrome lines become `boilerplate`.

use super::page::{Line, LineRole};
use super::words::{fold, lex};

/// Captions are short: a line longer than this is article text whatever it ends with.
const CAPTION_MAX: usize = 300;
/// A line under an image is its caption only when it is about one sentence long.
const UNDER_IMAGE_MAX: usize = 160;
/// Share and print lines are a handful of buttons.
const SHARE_MAX: usize = 120;

/// Marks the body lines of `text` that are captions, breadcrumbs or share lines as
/// [`LineRole::Chrome`].
pub fn mark(text: &str, lines: &mut [Line]) {
    let mut after_image = false;
    for line in lines.iter_mut() {
        let t = text[line.start..line.end].trim();
        if t.is_empty() {
            continue;
        }
        let image = is_image_marker(t);
        if line.role == LineRole::Body
            && (image
                || is_caption(t)
                || (after_image && t.len() < UNDER_IMAGE_MAX && sentences(t) <= 1)
                || is_breadcrumb(t)
                || is_share_line(t))
        {
            line.role = LineRole::Chrome;
        }
        after_image = image;
    }
}

/// The folded words and punctuation of a short string.
fn items(s: &str) -> Vec<String> {
    lex(s, 0, s.len()).iter().map(|t| fold(t.s)).collect()
}

/// How many sentences a line holds (terminators followed by more text, plus one).
fn sentences(t: &str) -> usize {
    let inner = t.trim_end_matches(['.', '!', '?', ')', '"', '”']);
    1 + inner.matches(". ").count() + inner.matches("! ").count() + inner.matches("? ").count()
}

/// A line that is an image itself: its file name (`hoi-nghi-2023.jpg`) or a placeholder
/// (`[Ảnh]`, `[image]`).
fn is_image_marker(t: &str) -> bool {
    // Most lines are sentences: only a word alone or a bracket is looked at closer.
    if t.contains(' ') && !t.starts_with('[') || t.len() > CAPTION_MAX {
        return false;
    }
    let lower = t.to_lowercase();
    let file = !t.contains(' ')
        && [".jpg", ".jpeg", ".png", ".gif", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e));
    file || matches!(
        lower.as_str(),
        "[ảnh]" | "[image]" | "[hình ảnh]" | "[photo]"
    )
}

/// The photo words as they are written (lower case, capitalized, capitals): a line without
/// one is no caption, and is not lexed.
const PHOTO_FORMS: [&str; 12] = [
    "ảnh", "Ảnh", "ẢNH", "hình", "Hình", "HÌNH", "clip", "Clip", "CLIP", "video", "Video", "VIDEO",
];

/// `ảnh` (photo), `hình` (picture) and the words of a photo credit.
fn is_photo_word(w: &str) -> bool {
    matches!(w, "ảnh" | "hình" | "clip" | "video")
}

/// A caption: it opens with a photo label (`Ảnh: …`, `Ảnh 2: …`, `(Ảnh minh họa)`) or ends
/// with a photo credit (`… (Ảnh: Minh Anh)`, `… - Ảnh: TTXVN`, `… (Ảnh minh họa)`), and is short.
fn is_caption(t: &str) -> bool {
    if t.len() > CAPTION_MAX || !PHOTO_FORMS.iter().any(|f| t.contains(f)) {
        return false;
    }
    let w = items(t);
    let at = |k: usize| w.get(k).map_or("", String::as_str);
    // `Ảnh:`, `Ảnh 2:`, `(Ảnh: …)`, `Ảnh minh họa`, `Hình ảnh:`.
    let open = usize::from(at(0) == "(");
    let label = |k: usize| {
        is_photo_word(at(k))
            && (at(k + 1) == ":"
                || (at(k + 1).bytes().all(|b| b.is_ascii_digit()) && at(k + 2) == ":")
                || (at(k + 1) == "minh" && at(k + 2) == "họa")
                || (at(k) == "hình" && at(k + 1) == "ảnh" && at(k + 2) == ":"))
    };
    if label(open) {
        return true;
    }
    // A credit at the end: the last `ảnh`/`hình` label, with at most a few words after it
    // (the photographer or the agency) and nothing that ends a sentence.
    let Some(k) = (0..w.len()).rev().find(|&k| label(k)) else {
        return false;
    };
    let tail = &w[k..];
    let words_after = tail
        .iter()
        .filter(|x| x.chars().any(char::is_alphanumeric))
        .count();
    let before = if k > 0 { at(k - 1) } else { "" };
    let opens_credit = matches!(before, "(" | "-" | "–" | "—" | "." | "|" | "/" | "[");
    // Nothing ends a sentence inside the credit (a final full stop may close it).
    let inner = &tail[..tail.len() - 1];
    opens_credit && words_after <= 8 && !inner.iter().any(|x| matches!(x.as_str(), "." | ";"))
}

/// `Trang chủ > Tin tức > Kinh tế`, `Tin tức » Hoạt động`, `Trang chủ / Tin tức`: short
/// segments joined by a path separator, none a sentence.
fn is_breadcrumb(t: &str) -> bool {
    if t.len() > CAPTION_MAX {
        return false;
    }
    let seps = [" > ", " » ", " › ", " >> "];
    let home = ["Trang chủ", "trang chủ", "TRANG CHỦ"]
        .iter()
        .any(|h| t.starts_with(h));
    if !home && !seps.iter().any(|sep| t.contains(sep)) {
        return false;
    }
    let mut segments: Vec<&str> = vec![t];
    for sep in seps {
        segments = segments.iter().flat_map(|s| s.split(sep)).collect();
    }
    if segments.len() < 2 {
        // `Trang chủ / Tin tức / …`
        let parts: Vec<&str> = t.split(" / ").collect();
        if !(home && parts.len() >= 2) {
            return false;
        }
        segments = parts;
    }
    (segments.len() >= 3 || home)
        && segments.iter().all(|s| {
            let s = s.trim();
            !s.is_empty() && s.split_whitespace().count() <= 8 && !s.ends_with('.')
        })
}

/// Words of share, print and comment buttons.
fn is_button_word(w: &str) -> bool {
    matches!(
        w,
        "chia"
            | "sẻ"
            | "in"
            | "bài"
            | "bản"
            | "gửi"
            | "email"
            | "e"
            | "mail"
            | "facebook"
            | "zalo"
            | "twitter"
            | "tweet"
            | "lưu"
            | "bình"
            | "luận"
            | "thích"
            | "like"
            | "share"
            | "print"
            | "cỡ"
            | "chữ"
            | "a"
            | "quay"
            | "lại"
            | "về"
            | "đầu"
            | "trang"
            | "sao"
            | "chép"
            | "liên"
            | "kết"
            | "copy"
            | "link"
            | "phản"
            | "hồi"
            | "theo"
            | "dõi"
            | "google"
            | "news"
            | "tin"
            | "này"
            | "và"
    )
}

/// Pieces of the clear button words as written (`Chia sẻ`, `In bài`, `Bản in`, `Bình luận`,
/// `Cỡ chữ`, the networks): a line without one is no share line, and is not lexed.
const SHARE_FORMS: [&str; 16] = [
    "sẻ", "SẺ", "bài", "BÀI", "in", "IN", "luận", "LUẬN", "chữ", "CHỮ", "ace", "alo", "witter",
    "mail", "hare", "rint",
];

/// A line of buttons: every word is a button word, and one of them is clearly a button
/// (`chia sẻ`, `in bài`, `bản in`, `bình luận`, a network's name).
fn is_share_line(t: &str) -> bool {
    if t.len() > SHARE_MAX || !SHARE_FORMS.iter().any(|f| t.contains(f)) {
        return false;
    }
    let w = items(t);
    let words: Vec<&str> = w
        .iter()
        .map(String::as_str)
        .filter(|x| x.chars().any(char::is_alphabetic))
        .collect();
    let strong = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    !words.is_empty()
        && words.iter().all(|x| is_button_word(x))
        && (strong("chia", "sẻ")
            || strong("in", "bài")
            || strong("bản", "in")
            || strong("bình", "luận")
            || strong("cỡ", "chữ")
            || words.iter().any(|x| {
                matches!(
                    *x,
                    "facebook" | "zalo" | "twitter" | "email" | "share" | "print"
                )
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        assert!(is_caption("Quang cảnh hội nghị. (Ảnh: Minh Anh)"));
        assert!(is_caption("Ảnh: Đồng chí Bí thư Huyện ủy phát biểu"));
        assert!(is_caption("Ảnh 2: Học viên lớp trung cấp"));
        assert!(is_caption("(Ảnh minh họa)"));
        assert!(is_caption(
            "Lãnh đạo huyện trao giấy khen cho 12 tập thể - Ảnh: TTXVN"
        ));
        assert!(!is_caption(
            "Huyện đã chụp ảnh lưu niệm với 120 học viên và trao giấy chứng nhận."
        ));
        assert!(!is_caption(
            "Năm 2023, huyện cử 35 cán bộ đi học lớp trung cấp."
        ));
    }

    #[test]
    fn breadcrumbs_and_buttons() {
        assert!(is_breadcrumb("Trang chủ > Tin tức > Xây dựng Đảng"));
        assert!(is_breadcrumb("Trang chủ / Tin tức sự kiện"));
        assert!(!is_breadcrumb("Tỷ lệ đạt > 90% so với kế hoạch năm."));
        assert!(is_share_line("Chia sẻ | In bài | Bình luận (2)"));
        assert!(is_share_line("Facebook Zalo Email"));
        assert!(!is_share_line("In 200 bản tài liệu"));
    }
}

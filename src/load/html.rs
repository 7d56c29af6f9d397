//! Saved web pages: recognizing them, reading their declared charset, and taking their visible
//! text through a real HTML parser (`scraper`, i.e. html5ever).

use scraper::{Html, Node};

/// How many bytes at the start of a page are searched for `<meta charset>` (browsers look at
/// 1024; saved pages sometimes put long comments first).
const PRESCAN_BYTES: usize = 4096;

/// Elements whose content is not shown: dropped with everything inside. `title` is dropped too:
/// the headline is the body's `h1`. `svg` holds icons, and its `<title>` is a tooltip.
const HIDDEN: [&str; 12] = [
    "head", "title", "script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
    "canvas", "select",
];

/// Elements that start and end a paragraph.
const BLOCKS: [&str; 44] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Table cells: separated by a tab inside their row's paragraph, so that neighbouring numbers
/// never run together.
const CELLS: [&str; 2] = ["td", "th"];

/// True if the bytes start like a web page: `<!DOCTYPE html`, `<html` or `<head`, after an
/// optional byte order mark, whitespace and comments (such as `<!-- saved from url=… -->`).
/// Works on any ASCII-compatible bytes; pass UTF-8 for decoded text.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for _ in 0..8 {
        rest = trim_ascii_start(rest);
        if let Some(after) = rest.strip_prefix(b"<!--") {
            match find(after, b"-->") {
                Some(end) => rest = &after[end + 3..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let starts = |prefix: &[u8]| {
        rest.len() >= prefix.len() && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    starts(b"<!doctype html") || starts(b"<html") || starts(b"<head")
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The charset label a page declares in `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, read from its first bytes with
/// the HTML parser (the bytes are read as Windows-1252, which keeps all ASCII markup intact).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let mut end = bytes.len().min(PRESCAN_BYTES);
    // Cut at a tag end so the parser does not see half an attribute.
    if end < bytes.len()
        && let Some(p) = bytes[..end].iter().rposition(|&b| b == b'>')
    {
        end = p + 1;
    }
    let (head, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes[..end]);
    let doc = Html::parse_document(&head);
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        if el.name() != "meta" {
            continue;
        }
        if let Some(cs) = el.attr("charset") {
            let cs = cs.trim();
            if !cs.is_empty() {
                return Some(cs.to_string());
            }
        }
        let is_content_type = el
            .attr("http-equiv")
            .is_some_and(|h| h.trim().eq_ignore_ascii_case("content-type"));
        if let (true, Some(content)) = (is_content_type, el.attr("content"))
            && let Some(cs) = charset_from_content(content)
        {
            return Some(cs);
        }
    }
    None
}

/// The value of `charset=` in a Content-Type value such as `text/html; charset=windows-1258`.
fn charset_from_content(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let value: String = rest
        .chars()
        .take_while(|c| !matches!(c, ';' | '"' | '\'' | ',') && !c.is_whitespace())
        .collect();
    (!value.is_empty()).then_some(value)
}

/// The visible text of a web page: one paragraph per block element (`p`, `div`, `li`, `h1`,
/// `tr`, `br`, …), paragraphs separated by a blank line, runs of whitespace inside a paragraph
/// collapsed to one space (and a space where two inline elements meet before a capital, as
/// in `<span>TP HCM</span>Nếu`), table cells separated by a tab. Hidden content is dropped:
/// `head`, `title`, `script`, `style`, `noscript`, `template` (and `svg`, `iframe`, `object`,
/// `embed`, `canvas`, `select`), and elements with the `hidden` attribute or an inline
/// `display: none`. Lines of `pre` become paragraphs. The result is not yet NFC-normalized.
pub fn visible_text(html: &str) -> String {
    walk(html, false)
}

/// Class or id words of the page furniture that Readability keeps inside an article
/// (`ul.breadcrumb` of VnExpress: its rule only knows `breadcrumbs`), share and related-links
/// boxes.
const FURNITURE: [&str; 5] = ["breadcrumb", "social", "share", "related", "relate-"];

/// [`visible_text`] of an article's HTML (Readability's output), without the furniture left in
/// it ([`FURNITURE`]).
pub(crate) fn article_text(html: &str) -> String {
    walk(html, true)
}

fn is_furniture(el: &scraper::node::Element) -> bool {
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .flat_map(str::split_whitespace)
        .any(|w| {
            let w = w.to_ascii_lowercase();
            FURNITURE.iter().any(|f| w.contains(f))
        })
}

fn walk(html: &str, skip_furniture: bool) -> String {
    let doc = Html::parse_document(html);
    let mut out = TextBuilder::default();
    let root = doc.tree.root();
    let mut node = root;
    // Depth-first walk without recursion: deeply nested pages must not overflow the stack.
    'walk: loop {
        let mut descend = true;
        match node.value() {
            Node::Text(t) => out.push_text(t),
            Node::Element(el) => {
                let name = el.name();
                out.boundary = true;
                if HIDDEN.contains(&name) || is_hidden(el) || (skip_furniture && is_furniture(el)) {
                    descend = false;
                } else if BLOCKS.contains(&name) {
                    out.break_paragraph();
                    if name == "pre" {
                        out.pre_depth += 1;
                    }
                } else if CELLS.contains(&name) {
                    out.separate_cell();
                }
            }
            _ => {}
        }
        if descend && let Some(child) = node.first_child() {
            node = child;
            continue;
        }
        // Close this node and the ancestors it was the last child of.
        loop {
            if let Node::Element(el) = node.value()
                && descend
            {
                out.boundary = true;
                let name = el.name();
                if BLOCKS.contains(&name) {
                    out.break_paragraph();
                    if name == "pre" {
                        out.pre_depth = out.pre_depth.saturating_sub(1);
                    }
                }
            }
            descend = true;
            if node == root {
                break 'walk;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                continue 'walk;
            }
            match node.parent() {
                Some(p) => node = p,
                None => break 'walk,
            }
        }
    }
    out.finish()
}

/// True for elements hidden by the `hidden` attribute or an inline `display: none`.
fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none")
    })
}

/// Accumulates paragraphs.
#[derive(Default)]
struct TextBuilder {
    paragraphs: Vec<String>,
    current: String,
    /// The separator to write before the next visible character: a space, or a tab between
    /// table cells.
    pending: Option<char>,
    /// Inside `pre`, line breaks are kept as paragraph breaks.
    pre_depth: usize,
    /// An element started or ended since the last character.
    boundary: bool,
}

impl TextBuilder {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' && self.pre_depth > 0 {
                self.break_paragraph();
            } else if c.is_whitespace() {
                if !self.current.is_empty() && self.pending.is_none() {
                    self.pending = Some(' ');
                }
            } else {
                if let Some(sep) = self.pending.take() {
                    self.current.push(sep);
                } else if self.boundary
                    && c.is_uppercase()
                    && self
                        .current
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)
                {
                    // Two inline elements that meet without a space, the second starting a
                    // word in capitals (`<span>TP HCM</span>Nếu`), are two words; a word split
                    // by markup (`<b>Hu</b>yện`) is not.
                    self.current.push(' ');
                }
                self.boundary = false;
                self.current.push(c);
            }
        }
    }

    fn separate_cell(&mut self) {
        if !self.current.is_empty() {
            self.pending = Some('\t');
        }
    }

    fn break_paragraph(&mut self) {
        self.pending = None;
        if !self.current.is_empty() {
            self.paragraphs.push(std::mem::take(&mut self.current));
        }
    }

    fn finish(mut self) -> String {
        self.break_paragraph();
        self.paragraphs.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_pages() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"\xEF\xBB\xBF<HTML lang=vi>"));
        assert!(looks_like_html(
            b"<!-- saved from url=(0040)http://x.vn/ -->\r\n<html>"
        ));
        assert!(!looks_like_html(b"Huyen <html> la"));
        assert!(!looks_like_html(b"<!-- never closed"));
    }

    #[test]
    fn reads_declared_charset() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"windows-1258\"></head>").as_deref(),
            Some("windows-1258")
        );
        assert_eq!(
            declared_charset(
                b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">"
            )
            .as_deref(),
            Some("utf-8")
        );
        assert_eq!(declared_charset(b"<html><body>charset=x</body>"), None);
    }

    #[test]
    fn takes_visible_text() {
        let page = "<html><head><title>T</title><style>p{}</style></head><body>\
            <h1>Tiêu   đề</h1><p>Một <b>22</b>.400\n người</p><script>var x=1;</script>\
            <div>A<br>B</div><table><tr><td>2018</td><td>120</td></tr></table>\
            <p hidden>no</p><p style=\"display: none\">no</p><noscript>no</noscript>\
            <template><p>no</p></template><pre>x  1\ny</pre></body></html>";
        assert_eq!(
            visible_text(page),
            "Tiêu đề\n\nMột 22.400 người\n\nA\n\nB\n\n2018\t120\n\nx 1\n\ny"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = "<div>".repeat(5_000) + "sâu" + &"</div>".repeat(5_000);
        assert_eq!(visible_text(&page), "sâu");
    }
}

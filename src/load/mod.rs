//! Loading article files: reading bytes, detecting the encoding, extracting the visible text of
//! saved web pages, and normalizing (NFC, LF).
//!
//! The order of the checks in [`decode_bytes`] is the design:
//!
//! 1. empty input and known binary formats (magic numbers) are refused;
//! 2. a byte order mark decides (UTF-8, UTF-16 LE/BE); UTF-16 without a mark is recognized by
//!    its NUL bytes;
//! 3. other bytes with many NULs or control bytes are refused as binary;
//! 4. a web page's declared charset is honoured (`<meta charset>`, `http-equiv`);
//! 5. valid UTF-8 takes the fast path: validate, normalize, done — no scoring;
//! 6. anything else is decoded with every candidate (Windows-1258, VNI, TCVN3, lossy UTF-8) and
//!    the one whose text looks most Vietnamese wins (see `score`). This never fails: a file
//!    mixing two encodings gets the one that fits most of it.
//!
//! Submodules: `legacy` holds the TCVN3/VNI tables and the encoders (re-exported here),
//! `letters` the Vietnamese letters they are built from, `detect` the sniffing, `score` the
//! Vietnamese-likeness measure, `html` the web page reader.

mod detect;
mod html;
mod legacy;
mod office;
mod reader;
mod score;
mod web;

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use detect::Decoding;

pub use html::visible_text;
pub use legacy::{
    decode_tcvn3, decode_viscii, decode_vni, encode_tcvn3, encode_vni, encode_windows_1258,
};
pub use reader::{Page, read_page};
pub use web::{FetchError, MAX_PAGE_BYTES, fetch_url, is_web_address, load_url};

/// Files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The text of one file, decoded and normalized.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadedText {
    /// NFC text with LF line endings.
    pub text: String,
    /// The name of the encoding it was decoded from: `utf-8`, `utf-8-bom`, `utf-16le`,
    /// `utf-16be`, `windows-1258`, `tcvn3`, `vni`, or a charset a web page declared (such as
    /// `windows-1252`). ` (no BOM)` is added for UTF-16 recognized without byte order mark, and
    /// ` (lossy)` when invalid bytes were replaced by U+FFFD (for example a multi-byte character
    /// cut at the end of the file).
    pub encoding: String,
    /// What the file itself says about the article beyond its text (a web page's headline,
    /// date and site; the format of a document). Empty for plain text.
    pub info: SourceInfo,
}

/// What a file says about its article beyond the text: a web page's metadata, the format.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceInfo {
    /// The format read: `text`, `web page`, `Word 97–2003 (.doc)`, `Word (.docx)`, `RTF`,
    /// `PDF`.
    pub format: String,
    /// The headline the page marks as such (`h1`, `og:title`).
    pub title: Option<String>,
    /// The publication date the page gives (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The site's name (`vnexpress.net`, `Báo điện tử Dân Trí`).
    pub site: Option<String>,
    /// For a web page read in reader view: the visible text of the whole page (NFC, LF), menus
    /// and footers included, for the article the reader view cuts.
    pub full_text: Option<String>,
}

/// Why a file could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong, in words for the officer.
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for LoadError {}

/// Reads and decodes one article file: plain text in any encoding, a saved web page (read in
/// reader view), Word (`.doc`, `.docx`), RTF or PDF — recognized by their content, the extension
/// only telling a web page without its `<html>`. This is the one loader: the CLI, the GUI and
/// web addresses ([`load_url`]) all go through [`decode_bytes`]. Never panics; every failure is
/// a [`LoadError`] naming the file and the reason (not found, a folder, permission denied,
/// empty, a format Số liệu does not read, a PDF without text layer, over 20 MB, …).
pub fn load_file(path: &Path) -> Result<LoadedText, LoadError> {
    let err = |reason: String| LoadError {
        path: path.to_path_buf(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| err(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(err("is a folder, not a file".into()));
    }
    if !meta.is_file() {
        return Err(err(
            "is not a regular file (a device, pipe or socket)".into()
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(too_large(meta.len())));
    }
    let bytes = read_limited(path).map_err(|e| err(io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // The file grew after its size was checked.
        return Err(err(too_large(bytes.len() as u64)));
    }
    decode_bytes(&bytes, is_html_path(path)).map_err(err)
}

/// Reads at most one byte more than [`MAX_FILE_BYTES`].
fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn too_large(len: u64) -> String {
    format!(
        "file is larger than {} MB ({:.1} MB)",
        MAX_FILE_BYTES >> 20,
        len as f64 / (1024.0 * 1024.0)
    )
}

/// Plain words for an I/O error.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "file not found".into(),
        io::ErrorKind::PermissionDenied => "permission denied (cannot read the file)".into(),
        io::ErrorKind::IsADirectory => "is a folder, not a file".into(),
        _ => format!("cannot read the file ({e})"),
    }
}

fn is_html_path(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Decodes the bytes of an article: documents (Word, RTF, PDF) by their content, text by its
/// detected encoding, web pages (`is_html`, or content starting like one) through the reader
/// view; normalizes to NFC with LF line endings. The error is the reason in plain words ("empty
/// file", "PNG image: Số liệu reads articles in …", …); [`load_file`] adds the file name. Never
/// panics, whatever the bytes.
pub fn decode_bytes(bytes: &[u8], is_html: bool) -> Result<LoadedText, String> {
    decode_source(bytes, is_html, None)
}

/// [`decode_bytes`] for a page downloaded from `url` (its links and site name resolve from it).
pub(crate) fn decode_source(
    bytes: &[u8],
    is_html: bool,
    url: Option<&str>,
) -> Result<LoadedText, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some(kind) = detect::binary_kind(bytes) {
        let read = match kind {
            "RTF document" => Some(("RTF", office::read_rtf(bytes))),
            "PDF document" => Some(("PDF", office::read_pdf(bytes))),
            "Word document (.docx)" => Some(("Word (.docx)", office::read_docx(bytes))),
            "old Microsoft Office document (.doc, .xls)" => {
                Some(("Word 97–2003 (.doc)", office::read_doc(bytes)))
            }
            _ => None,
        };
        return match read {
            Some((format, Ok((text, encoding)))) => document(format, &text, encoding),
            Some((_, Err(reason))) => Err(reason),
            None => Err(binary_reason(kind)),
        };
    }
    let (text, encoding) = decode_text(bytes, is_html)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    // A `.html` file without a single tag is plain text: keep its line structure.
    let is_html = (is_html && text.contains('<')) || html::looks_like_html(text.as_bytes());
    if !is_html {
        return document("text", text, encoding);
    }
    let page = reader::read_page(text, url);
    let full = crate::text::normalize(&page.full_text);
    let text = crate::text::normalize(&page.text);
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err("empty web page (no visible text)".into());
    }
    let norm = |s: Option<String>| s.map(|s| crate::text::normalize(&s));
    Ok(LoadedText {
        info: SourceInfo {
            format: "web page".into(),
            title: norm(page.title),
            published: page.published,
            site: norm(page.site),
            full_text: (full != text).then_some(full),
        },
        text,
        encoding,
    })
}

/// A decoded document or plain text, normalized; refused when there is no text in it.
fn document(format: &str, text: &str, encoding: String) -> Result<LoadedText, String> {
    let text = crate::text::normalize(text);
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err(if format == "text" {
            "empty file (only spaces or blank lines)".into()
        } else {
            format!("empty document ({format} without any text)")
        });
    }
    Ok(LoadedText {
        text,
        encoding,
        info: SourceInfo {
            format: format.into(),
            ..SourceInfo::default()
        },
    })
}

/// The formats [`load_file`] reads, for messages and open dialogs.
pub const READ_FORMATS: &str = ".txt, .html, .htm, .doc, .docx, .rtf, .pdf";

fn binary_reason(kind: &str) -> String {
    format!(
        "{kind}: not a format Số liệu reads (it reads {READ_FORMATS}; save the article in one \
         of them)"
    )
}

/// Steps 2–6 of the module docs: the decoded (not yet normalized) text and the encoding name.
fn decode_text(bytes: &[u8], is_html: bool) -> Result<(Cow<'_, str>, String), String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(match std::str::from_utf8(rest) {
            Ok(s) => (Cow::Borrowed(s), "utf-8-bom".into()),
            Err(_) => (String::from_utf8_lossy(rest), "utf-8-bom (lossy)".into()),
        });
    }
    let utf16 = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some((encoding_rs::UTF_16LE, rest, ""))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Some((encoding_rs::UTF_16BE, rest, ""))
    } else {
        detect::utf16_without_bom(bytes).map(|e| (e, bytes, " (no BOM)"))
    };
    if let Some((enc, rest, note)) = utf16 {
        let (text, had_errors) = enc.decode_without_bom_handling(rest);
        if detect::too_many_control_chars(&text) {
            return Err(binary_reason_generic());
        }
        let lossy = if had_errors { " (lossy)" } else { "" };
        let name = enc.name().to_ascii_lowercase();
        return Ok((text, format!("{name}{note}{lossy}")));
    }
    if detect::too_many_control_bytes(bytes) {
        return Err(binary_reason_generic());
    }
    let utf8 = std::str::from_utf8(bytes);
    // The declaration only matters for pure ASCII (to report it) and for bytes that are not
    // UTF-8; valid UTF-8 with non-ASCII text skips the prescan.
    let needs_declaration = utf8.map_or(true, |s| s.is_ascii());
    let declared = if needs_declaration && (is_html || html::looks_like_html(bytes)) {
        html::declared_charset(bytes).and_then(|l| Decoding::for_label(&l))
    } else {
        None
    };
    match (declared, utf8) {
        // Valid UTF-8 is UTF-8, whatever an old `<meta>` says: browsers re-save pages as UTF-8
        // and often keep the original declaration. (Legacy bytes are almost never valid UTF-8.)
        // Pure ASCII reads the same in any ASCII-compatible charset: report the declared one.
        (Some(d), Ok(s)) if s.is_ascii() && d.is_ascii_compatible() => {
            Ok((Cow::Borrowed(s), d.name()))
        }
        (_, Ok(s)) => Ok((Cow::Borrowed(s), "utf-8".into())),
        (None | Some(Decoding::Utf8Lossy), Err(e)) => {
            if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() {
                // Only the last character is cut short: a truncated UTF-8 file.
                Ok((String::from_utf8_lossy(bytes), "utf-8 (lossy)".into()))
            } else {
                Ok(decode_with(
                    bytes,
                    detect::best_decoding(bytes, &detect::UNDECLARED),
                ))
            }
        }
        // Pages in TCVN3 or VNI had to declare a Western charset (the fonts did the rest), so
        // a Western declaration is checked against them.
        (Some(Decoding::Standard(e)), Err(_)) if e == encoding_rs::WINDOWS_1252 => Ok(decode_with(
            bytes,
            detect::best_decoding(bytes, &detect::WESTERN),
        )),
        (Some(d), Err(_)) => {
            let (text, had_errors) = d.decode(bytes);
            if had_errors {
                // The declaration is wrong (a multi-byte charset that does not fit).
                Ok(decode_with(
                    bytes,
                    detect::best_decoding(bytes, &detect::UNDECLARED),
                ))
            } else {
                Ok((Cow::Owned(text), d.name()))
            }
        }
    }
}

fn binary_reason_generic() -> String {
    "binary file (many NUL or control bytes), not text".into()
}

fn decode_with(bytes: &[u8], d: Decoding) -> (Cow<'_, str>, String) {
    let (text, had_errors) = d.decode(bytes);
    let lossy = if had_errors { " (lossy)" } else { "" };
    (Cow::Owned(text), format!("{}{lossy}", d.name()))
}

/// Expands the given paths: files as they are, folders into their article files ([`READ_FORMATS`])
/// (sorted by path). Folders are not searched recursively: sub-folders are skipped. Paths that
/// do not exist, and folders that cannot be listed, are returned as errors.
pub fn collect_paths(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in inputs {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => match std::fs::read_dir(p) {
                Ok(rd) => {
                    let mut v: Vec<PathBuf> = rd
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|f| f.is_file() && is_article_path(f))
                        .collect();
                    v.sort();
                    files.extend(v);
                }
                Err(e) => errors.push(LoadError {
                    path: p.clone(),
                    reason: io_reason(&e).replace("the file", "the folder"),
                }),
            },
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push(LoadError {
                path: p.clone(),
                reason: io_reason(&e),
            }),
        }
    }
    (files, errors)
}

/// The extensions of the files [`load_file`] reads (lower case), for folders and open dialogs.
pub const ARTICLE_EXTENSIONS: [&str; 7] = ["txt", "html", "htm", "doc", "docx", "rtf", "pdf"];

/// True for article files ([`ARTICLE_EXTENSIONS`], any case).
pub fn is_article_path(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .map(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        .unwrap_or(false)
}

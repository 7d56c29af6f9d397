//! Opening a web address: download the page with `ureq` (timeouts, a size limit, redirects),
//! honour the charset the server declares, then read it like a saved file through the one
//! loader (`decode_source`): a page in reader view, or a document (a `.doc` or `.pdf` link).
//!
//! This is what the GUI's *Tệp → Mở địa chỉ web…* and `solieu extract URL` call: the function
//! blocks, so the GUI runs it on a thread.

use std::fmt;
use std::time::Duration;

use super::{LoadedText, MAX_FILE_BYTES, decode_source};

/// Pages larger than this are refused (the same limit as files).
pub const MAX_PAGE_BYTES: u64 = MAX_FILE_BYTES;

/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the whole download may take.
const TOTAL_TIMEOUT: Duration = Duration::from_secs(60);
/// Redirects followed (`http` → `https`, `www.`, short links).
const MAX_REDIRECTS: u32 = 5;

/// Why a web address could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchError {
    /// The address as given.
    pub url: String,
    /// What went wrong, in words for the officer.
    pub reason: String,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.reason)
    }
}

impl std::error::Error for FetchError {}

/// True for an `http://` or `https://` address (what `solieu extract` treats as a URL rather
/// than a path).
pub fn is_web_address(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// The bytes of a web address, the charset its server declares and whether it says the bytes
/// are a web page (an HTML or XML media type), after redirects.
pub fn fetch_url(url: &str) -> Result<(Vec<u8>, Option<String>, bool), FetchError> {
    let err = |reason: String| FetchError {
        url: url.to_string(),
        reason,
    };
    let url = url.trim();
    if !is_web_address(url) {
        return Err(err(
            "not a web address (it must start with http:// or https://)".into(),
        ));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(TOTAL_TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(true)
        .user_agent(concat!("solieu/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut resp = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .header("Accept-Language", "vi,en;q=0.5")
        .call()
        .map_err(|e| err(reason(&e)))?;
    let body = resp.body_mut();
    let charset = body.charset().map(str::to_string);
    let is_html = body
        .mime_type()
        .is_some_and(|m| m.contains("html") || m.contains("xml"));
    let bytes = body
        .with_config()
        .limit(MAX_PAGE_BYTES)
        .read_to_vec()
        .map_err(|e| err(reason(&e)))?;
    Ok((bytes, charset, is_html))
}

/// Downloads a web address and reads it like a file (reader view for a page). The returned
/// text's `info.site` falls back to the address's host.
pub fn load_url(url: &str) -> Result<LoadedText, FetchError> {
    let (bytes, charset, is_html) = fetch_url(url)?;
    // A charset only describes text: a `.pdf` or `.doc` link is read as it is.
    let bytes = if is_html {
        with_charset(bytes, charset.as_deref())
    } else {
        bytes
    };
    decode_source(&bytes, is_html, Some(url.trim())).map_err(|reason| FetchError {
        url: url.to_string(),
        reason,
    })
}

/// A page whose server declares a charset the page itself does not: the bytes are decoded
/// with it and handed on as UTF-8, so the loader's detection sees what the server meant.
fn with_charset(bytes: Vec<u8>, charset: Option<&str>) -> Vec<u8> {
    let Some(enc) = charset.and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()))
    else {
        return bytes;
    };
    if enc == encoding_rs::UTF_8 || std::str::from_utf8(&bytes).is_ok() {
        return bytes;
    }
    let (text, _, had_errors) = enc.decode(&bytes);
    if had_errors {
        // The declaration is wrong: let the loader's detection decide.
        return bytes;
    }
    text.into_owned().into_bytes()
}

/// Plain words for a download error.
fn reason(e: &ureq::Error) -> String {
    match e {
        ureq::Error::StatusCode(404) => "page not found (HTTP 404)".into(),
        ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
        ureq::Error::Timeout(_) => format!(
            "no answer in time (connect {} s, download {} s)",
            CONNECT_TIMEOUT.as_secs(),
            TOTAL_TIMEOUT.as_secs()
        ),
        ureq::Error::HostNotFound => "host not found (check the address and the connection)".into(),
        ureq::Error::ConnectionFailed => "cannot connect to the server".into(),
        ureq::Error::BodyExceedsLimit(_) => {
            format!("the page is larger than {} MB", MAX_PAGE_BYTES >> 20)
        }
        ureq::Error::TooManyRedirects => {
            format!("too many redirects (more than {MAX_REDIRECTS})")
        }
        other => format!("download failed ({other})"),
    }
}

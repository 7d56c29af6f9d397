//! Writing and reading annotated JSON, writing CSV, and atomic file writes.

use crate::model::{Article, Computed, Document, FORMAT, Figure, Reading, VERSION};
use crate::text::sha256_hex;
use std::fmt;
use std::io::Write;
use std::path::Path;

/// Why an annotated JSON document was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Not JSON, or not of the expected shape (the parser's message says where).
    Malformed(String),
    /// Not a Số liệu document.
    WrongFormat(String),
    /// Written by a newer Số liệu.
    NewerVersion(u32),
    /// A figure's offsets or text do not match its article.
    BadFigure {
        /// The article's path.
        article: String,
        /// The figure's id.
        id: u64,
        /// What is wrong.
        reason: String,
    },
    /// Two figures of one article share an id.
    DuplicateId {
        /// The article's path.
        article: String,
        /// The repeated id.
        id: u64,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Malformed(m) => write!(f, "not a valid annotation file: {m}"),
            ImportError::WrongFormat(s) => {
                write!(
                    f,
                    "not a Số liệu annotation file (format {s:?}, expected {FORMAT:?})"
                )
            }
            ImportError::NewerVersion(v) => write!(
                f,
                "written by a newer Số liệu (version {v}; this one reads up to {VERSION}): update the program"
            ),
            ImportError::BadFigure {
                article,
                id,
                reason,
            } => write!(f, "{article}: figure {id}: {reason}"),
            ImportError::DuplicateId { article, id } => {
                write!(f, "{article}: two figures have the id {id}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Serializes a document as pretty JSON.
pub fn to_json(doc: &Document) -> String {
    // Serializing plain data structures with string keys cannot fail.
    serde_json::to_string_pretty(doc).unwrap_or_default()
}

/// Parses and validates an annotated JSON document: format, version, and every figure's
/// offsets against its article's text. The text hash is recomputed when it is missing.
pub fn from_json(bytes: &[u8]) -> Result<Document, ImportError> {
    // Look at format and version first, so a newer document is reported as such even when its
    // shape has changed.
    let raw: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ImportError::Malformed(e.to_string()))?;
    match raw.get("format").and_then(|v| v.as_str()) {
        Some(FORMAT) => {}
        other => {
            // Quote at most 60 characters of whatever stands there.
            let shown = crate::text::ellipsize(other.unwrap_or("(missing)"), 60).into_owned();
            return Err(ImportError::WrongFormat(shown));
        }
    }
    if let Some(v) = raw.get("version").and_then(|v| v.as_u64())
        && v > u64::from(VERSION)
    {
        return Err(ImportError::NewerVersion(
            u32::try_from(v).unwrap_or(u32::MAX),
        ));
    }
    let mut doc: Document =
        serde_json::from_value(raw).map_err(|e| ImportError::Malformed(e.to_string()))?;
    for art in &mut doc.articles {
        art.text = crate::text::normalize(&art.text);
        if art.text_sha256.is_empty() {
            art.text_sha256 = sha256_hex(&art.text);
        }
        validate_figures(art)?;
    }
    Ok(doc)
}

/// Checks an article's figures against its text (offsets inside it, `start < end`, the text
/// at the offsets, unique ids, finite numbers): imports and the workspace store refuse what fails.
pub fn validate_figures(art: &Article) -> Result<(), ImportError> {
    let index = crate::text::CharIndex::new(&art.text);
    let n = index.len_chars();
    let mut ids = std::collections::HashSet::new();
    for f in art.figures.iter().chain(art.unplaced.iter()) {
        if !ids.insert(f.id) {
            return Err(ImportError::DuplicateId {
                article: art.path.clone(),
                id: f.id,
            });
        }
    }
    // Computed facts: their own ids, parts that are figures of the article, a finite value.
    for c in &art.computed {
        let bad = |reason: String| ImportError::BadFigure {
            article: art.path.clone(),
            id: c.id,
            reason,
        };
        if ids.contains(&c.id) || art.computed.iter().filter(|d| d.id == c.id).count() > 1 {
            return Err(ImportError::DuplicateId {
                article: art.path.clone(),
                id: c.id,
            });
        }
        if c.from.is_empty() || c.from.iter().any(|id| !ids.contains(id)) {
            return Err(bad(
                "this computed fact names a part that is no figure of the article".into(),
            ));
        }
        if [c.reading.value, c.reading.value_to]
            .iter()
            .any(|v| v.is_some_and(|v| !v.is_finite()))
        {
            return Err(bad("value is not a finite number".into()));
        }
    }
    for f in &art.unplaced {
        let finite = [f.reading.value, f.reading.value_to]
            .iter()
            .all(|v| v.is_none_or(f64::is_finite));
        if !finite
            || !(0.0..=1.0).contains(&f.confidence)
            || !(0.0..=1.0).contains(&f.indicator_confidence)
        {
            return Err(ImportError::BadFigure {
                article: art.path.clone(),
                id: f.id,
                reason: "a number of this unplaced figure is out of range".into(),
            });
        }
    }
    for f in &art.figures {
        let bad = |reason: String| ImportError::BadFigure {
            article: art.path.clone(),
            id: f.id,
            reason,
        };
        if f.start >= f.end || f.end > n {
            return Err(bad(format!(
                "offsets {}..{} fall outside the text ({} characters)",
                f.start, f.end, n
            )));
        }
        let s = &art.text[index.byte_of_char(f.start)..index.byte_of_char(f.end)];
        if s != f.text {
            return Err(bad(format!(
                "the text at {}..{} is {:?}, not {:?}",
                f.start, f.end, s, f.text
            )));
        }
        if let Some(v) = f.reading.value
            && !v.is_finite()
        {
            return Err(bad("value is not a finite number".into()));
        }
        if let Some(v) = f.reading.value_to
            && !v.is_finite()
        {
            return Err(bad("value_to is not a finite number".into()));
        }
        // A confidence out of f32's range reads as infinity and would be written back as
        // `null`, making the saved document unreadable (found by fuzzing).
        if !(0.0..=1.0).contains(&f.confidence) || !(0.0..=1.0).contains(&f.indicator_confidence) {
            return Err(bad(format!(
                "confidence {} is not between 0 and 1",
                f.confidence
            )));
        }
    }
    Ok(())
}

/// The CSV header, one column per field an officer compiles; `place` is the figure's unit
/// (its own in an article about several units, else the article's district); `computed` holds
/// a computed fact's formula.
pub const CSV_HEADER: [&str; 17] = [
    "article",
    "district",
    "province",
    "published",
    "text",
    "kind",
    "value",
    "value_to",
    "qualifier",
    "unit",
    "indicator",
    "population",
    "status",
    "note",
    "context",
    "place",
    "computed",
];

/// Writes one CSV row per figure (rejected ones included, with their status), then one per
/// computed fact (no text of its own; `computed` holds its formula), UTF-8 with BOM so
/// spreadsheet programs show Vietnamese.
pub fn to_csv(articles: &[Article]) -> Vec<u8> {
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // Writing to a Vec<u8> cannot fail.
        let _ = w.write_record(CSV_HEADER);
        for a in articles {
            for f in &a.figures {
                let _ = w.write_record(csv_row(a, f));
            }
            for c in &a.computed {
                let _ = w.write_record(computed_row(a, c));
            }
        }
        let _ = w.flush();
    }
    out
}

fn csv_row(a: &Article, f: &Figure) -> [String; 17] {
    reading_row(
        a,
        &f.reading,
        [f.text.clone(), f.status.as_str().to_string()],
        [
            opt(&f.note),
            f.context.clone(),
            // The figure's own unit in an article about several; else the article's district.
            opt(&f.place.clone().or_else(|| a.district.clone())),
            String::new(),
        ],
    )
}

fn computed_row(a: &Article, c: &Computed) -> [String; 17] {
    let first = c.from.first().and_then(|&id| a.figure(id));
    reading_row(
        a,
        &c.reading,
        [String::new(), c.status.as_str().to_string()],
        [
            String::new(),
            first.map(|f| f.context.clone()).unwrap_or_default(),
            opt(&first
                .and_then(|f| f.place.clone())
                .or_else(|| a.district.clone())),
            c.formula.clone(),
        ],
    )
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// A CSV row: the article, the reading, and what differs between figures and computed facts
/// (`[text, status]`, `[note, context, place, computed]`).
fn reading_row(
    a: &Article,
    r: &Reading,
    [text, status]: [String; 2],
    [note, context, place, computed]: [String; 4],
) -> [String; 17] {
    [
        a.path.clone(),
        opt(&a.district),
        opt(&a.province),
        opt(&a.published),
        text,
        r.kind.as_str().to_string(),
        r.value.map(crate::numbers::plain).unwrap_or_default(),
        r.value_to.map(crate::numbers::plain).unwrap_or_default(),
        r.qualifier
            .map(|q| q.as_str().to_string())
            .unwrap_or_default(),
        opt(&r.unit),
        opt(&r.indicator),
        r.population
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        status,
        note,
        context,
        place,
        computed,
    ]
}

/// Writes a file atomically: a temporary file in the same folder, fsync, rename, and an fsync
/// of the folder, so a crash leaves either the old or the new content, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".solieu-").suffix(".tmp");
    // Temporary files are private (0600); an exported file gets what any file the user creates
    // gets (0666 less the umask), so a colleague's account or a shared folder can read it.
    // (Windows: a new file takes the folder's ACL; nothing to do there.)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

//! Office documents and PDF: Word 97–2003 (`.doc`), Word 2007+ (`.docx`), RTF and PDF.
//!
//! Government documents arrive in these formats, many old ones typed in the TCVN3 (`.VnTime`)
//! or VNI fonts. Those fonts were font hacks over Western 8-bit text, so the containers hold
//! Western bytes (`\'e9` in RTF, the 8-bit pieces of a Word file) or the Latin-1 characters a
//! Western program read from them (`.docx`, PDF). Every reader here collects its text as
//! [`Segments`]: 8-bit runs and Unicode runs. The 8-bit runs are decoded together with the
//! decoding the whole document scores best with (the same scoring as a legacy `.txt`, see
//! `detect`), and Unicode runs that only hold Latin-1 letters are checked the same way, so
//! `Céng hoµ x· héi` comes back as `Cộng hoà xã hội` whatever the container.
//!
//! Tables keep each cell separate: cells end with a tab, rows with a line break, so a number's
//! row and column headers stay on its line and above it.
//!
//! The parsers of other crates are run under [`guard`]: a file that makes one of them panic is
//! reported as unreadable instead of stopping the program.

use std::io::{Cursor, Read};

use super::detect::{self, Decoding};

/// Text collected from a document: 8-bit runs (to be decoded) and Unicode runs.
#[derive(Debug, Default)]
pub(crate) struct Segments {
    parts: Vec<Part>,
}

#[derive(Debug)]
enum Part {
    Bytes(Vec<u8>),
    Text(String),
}

impl Segments {
    fn push_byte(&mut self, b: u8) {
        match self.parts.last_mut() {
            Some(Part::Bytes(v)) => v.push(b),
            _ => self.parts.push(Part::Bytes(vec![b])),
        }
    }

    fn push_str(&mut self, s: &str) {
        match self.parts.last_mut() {
            Some(Part::Text(t)) => t.push_str(s),
            _ => self.parts.push(Part::Text(s.to_string())),
        }
    }

    fn push_char(&mut self, c: char) {
        // ASCII reads the same in every candidate decoding: keep it with the bytes around it.
        if c.is_ascii() {
            self.push_byte(c as u8);
        } else {
            let mut buf = [0u8; 4];
            self.push_str(c.encode_utf8(&mut buf));
        }
    }

    /// The text and the name of the decoding of its 8-bit runs: the runs are scored together
    /// against `candidates` (the first wins ties).
    fn finish(self, candidates: &[Decoding]) -> (String, Decoding) {
        let all: Vec<u8> = self
            .parts
            .iter()
            .filter_map(|p| match p {
                Part::Bytes(b) => Some(b.as_slice()),
                Part::Text(_) => None,
            })
            .flatten()
            .copied()
            .collect();
        let decoding = if all.is_ascii() {
            candidates.first().copied().unwrap_or(Decoding::Utf8Lossy)
        } else {
            detect::best_decoding(&all, candidates)
        };
        let mut out = String::new();
        for p in self.parts {
            match p {
                Part::Bytes(b) => out.push_str(&decoding.decode(&b).0),
                Part::Text(t) => out.push_str(&t),
            }
        }
        (out, decoding)
    }
}

/// Text that a Western program read from a legacy Vietnamese font (`.docx`, PDF, the 16-bit
/// pieces of a `.doc`): its lines fit in Windows-1252. The bytes of those lines are scored
/// together like a legacy `.txt`, and decoded when a legacy decoding wins; lines with any real
/// Vietnamese letter (a document can mix both) are kept as they are; when such lines are the
/// larger part, the document is Unicode and nothing is decoded. Returns the text and the legacy
/// encoding's name, if one was used.
pub(crate) fn unhack_latin(text: String) -> (String, Option<String>) {
    if text.is_ascii() {
        return (text, None);
    }
    let encode = |line: &str| -> Option<Vec<u8>> {
        if line.is_ascii() {
            return None;
        }
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(line);
        (!unmappable).then(|| bytes.into_owned())
    };
    let latin: Vec<u8> = text
        .split('\n')
        .filter_map(encode)
        .flat_map(|mut b| {
            b.push(b'\n');
            b
        })
        .collect();
    // Lines with real Vietnamese letters outweighing them: the document is Unicode, and its
    // few Latin-only lines (`Cà Mau`) are Vietnamese already.
    let unicode: usize = text
        .split('\n')
        .filter(|l| !l.is_ascii() && encode(l).is_none())
        .map(str::len)
        .sum();
    if latin.is_empty() || unicode >= latin.len() {
        return (text, None);
    }
    let d = detect::best_decoding(&latin, &detect::WESTERN);
    if d == Decoding::Standard(encoding_rs::WINDOWS_1252) {
        return (text, None);
    }
    let out: Vec<String> = text
        .split('\n')
        .map(|line| match encode(line) {
            Some(bytes) => d.decode(&bytes).0,
            None => line.to_string(),
        })
        .collect();
    (out.join("\n"), Some(d.name()))
}

/// Runs a parser of another crate, turning a panic into an error.
pub(crate) fn guard<T>(what: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(_) => Err(format!(
            "{what}: the file is damaged or uses a form Số liệu cannot read"
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// RTF

/// Destinations whose text is not part of the document body.
const RTF_SKIP: [&str; 24] = [
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "pict",
    "object",
    "fldinst",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "latentstyles",
    "datastore",
    "themedata",
    "generator",
    "xmlnstbl",
];

/// Reads an RTF document: its body text, `\'hh` escapes as bytes of the document's code page,
/// `\uN` as Unicode (skipping its `\ucN` fallback characters), `\par`/`\line`/`\row` as line
/// breaks, `\tab`/`\cell` as tabs. Header, footer, font and style tables, pictures and field
/// instructions are left out (field results are kept). Returns the text and its encoding name.
pub(crate) fn read_rtf(bytes: &[u8]) -> Result<(String, String), String> {
    use rtf_parser::{ControlWord, Lexer, Property, Token};
    // RTF is 7-bit; raw 8-bit bytes (old writers) are carried as U+0080..U+00FF and turned back
    // into bytes below.
    // The lexer wants the document to end with its closing brace (files often end in NULs).
    let end = bytes
        .iter()
        .rposition(|&b| b == b'}')
        .map_or(bytes.len(), |e| e + 1);
    let src: String = bytes[..end].iter().map(|&b| char::from(b)).collect();
    let tokens = guard("RTF", || {
        Lexer::scan(&src).map_err(|e| format!("not a readable RTF document ({e})"))
    })?;
    let mut out = Segments::default();
    // Per group: skipped?, unicode fallback count.
    let mut stack: Vec<(bool, i32)> = vec![(false, 1)];
    let mut skip_fallback = 0i32;
    let mut starting_group = false;
    for tok in &tokens {
        let (skipping, uc) = stack.last().copied().unwrap_or((false, 1));
        match tok {
            Token::OpeningBracket => {
                stack.push((skipping, uc));
                starting_group = true;
                continue;
            }
            Token::ClosingBracket => {
                if stack.len() > 1 {
                    stack.pop();
                }
                skip_fallback = 0;
            }
            Token::IgnorableDestination => {
                if starting_group && let Some(top) = stack.last_mut() {
                    top.0 = true;
                }
            }
            Token::CRLF => {
                if !skipping {
                    out.push_byte(b'\n');
                }
            }
            Token::PlainText(t) => {
                if skipping {
                    continue;
                }
                let mut chars = t.chars();
                while skip_fallback > 0 && chars.next().is_some() {
                    skip_fallback -= 1;
                }
                for c in chars {
                    match c {
                        '\r' | '\n' => {}
                        c if (c as u32) < 0x100 => out.push_byte(c as u32 as u8),
                        c => out.push_char(c),
                    }
                }
            }
            Token::ControlSymbol((word, prop)) => {
                let value = match prop {
                    Property::Value(v) => Some(*v),
                    _ => None,
                };
                match word {
                    ControlWord::FontTable
                    | ControlWord::ColorTable
                    | ControlWord::StyleSheet
                    | ControlWord::FileTable => {
                        if let Some(top) = stack.last_mut() {
                            top.0 = true;
                        }
                    }
                    ControlWord::Unknown(name)
                        if starting_group && RTF_SKIP.contains(&name.trim_start_matches('\\')) =>
                    {
                        if let Some(top) = stack.last_mut() {
                            top.0 = true;
                        }
                    }
                    _ if skipping => {}
                    ControlWord::UnicodeIgnoreCount => {
                        if let Some(top) = stack.last_mut() {
                            top.1 = value.unwrap_or(1).clamp(0, 8);
                        }
                    }
                    ControlWord::Unicode => {
                        let v = value.unwrap_or(0);
                        if skip_fallback > 0 {
                            // A `\'hh` standing in for the previous `\uN`.
                            skip_fallback -= 1;
                        } else if (0..0x100).contains(&v) {
                            // `rtf-parser` reads `\'hh` and `\uN` into the same token; values
                            // under 256 come from `\'hh` in practice (writers use `\uN` for
                            // what the code page cannot hold), so they are bytes.
                            out.push_byte(v as u8);
                        } else {
                            let u = if v < 0 { v + 65_536 } else { v };
                            let c = u32::try_from(u)
                                .ok()
                                .and_then(char::from_u32)
                                .unwrap_or('\u{FFFD}');
                            out.push_char(c);
                            skip_fallback = uc;
                        }
                    }
                    ControlWord::Par | ControlWord::Line => out.push_byte(b'\n'),
                    ControlWord::Tab => out.push_byte(b'\t'),
                    ControlWord::Emdash => out.push_char('—'),
                    ControlWord::Endash => out.push_char('–'),
                    ControlWord::Bullet => out.push_char('•'),
                    ControlWord::LeftSingleQuote => out.push_char('‘'),
                    ControlWord::RightSingleQuote => out.push_char('’'),
                    ControlWord::LeftDoubleQuote => out.push_char('“'),
                    ControlWord::RightDoubleQuote => out.push_char('”'),
                    // The lexer keeps the backslash of words it does not know.
                    ControlWord::Unknown("\\cell" | "\\nestcell") => out.push_byte(b'\t'),
                    ControlWord::Unknown("\\row" | "\\nestrow" | "\\page" | "\\sect") => {
                        out.push_byte(b'\n')
                    }
                    _ => {}
                }
            }
            Token::Empty => {}
        }
        starting_group = false;
    }
    let (text, d) = out.finish(&detect::WESTERN);
    Ok((text, d.name()))
}

// ---------------------------------------------------------------------------------------------
// Word 97–2003

/// Reads the main text of a Word 97–2003 document (`WordDocument` stream of a compound file):
/// the pieces of its piece table, 8-bit pieces as bytes (decoded together, see the module
/// docs) and 16-bit pieces as UTF-16. Paragraph, line and page marks become line breaks, cell
/// marks tabs (a row mark after a cell a line break); field instructions are dropped and field
/// results kept.
pub(crate) fn read_doc(bytes: &[u8]) -> Result<(String, String), String> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("damaged Office compound file ({e})"))?;
    if !cfb.is_stream("/WordDocument") {
        let kind = if cfb.is_stream("/Workbook") || cfb.is_stream("/Book") {
            "Excel workbook (.xls)"
        } else if cfb.is_stream("/PowerPoint Document") {
            "PowerPoint presentation (.ppt)"
        } else if cfb.is_stream("/EncryptedPackage") {
            return Err(
                "encrypted (password-protected) Office document: open it in Word, \
                        remove the password and save it again"
                    .into(),
            );
        } else {
            "Office compound file"
        };
        return Err(format!(
            "{kind}: Số liệu reads articles in .doc, .docx, .rtf, .pdf, .html and .txt"
        ));
    }
    let word = read_stream(&mut cfb, "/WordDocument")?;
    let u16_at = |o: usize| word.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        word.get(o..o + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let damaged = || "damaged Word document (its header is cut short)".to_string();
    if u16_at(0) != Some(0xA5EC) {
        return Err("not a Word 97–2003 document (unknown Word header)".into());
    }
    let n_fib = u16_at(2).ok_or_else(damaged)?;
    if n_fib < 101 {
        return Err(
            "Word 6 or Word 95 document: save it as .docx or .doc (Word 97–2003) first".into(),
        );
    }
    let flags = u16_at(0x0A).ok_or_else(damaged)?;
    if flags & 0x0100 != 0 {
        return Err(
            "encrypted (password-protected) Word document: open it in Word, remove the \
                    password and save it again"
                .into(),
        );
    }
    let table_name = if flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let ccp_text = u32_at(0x004C).ok_or_else(damaged)? as usize;
    let fc_clx = u32_at(0x01A2).ok_or_else(damaged)? as usize;
    let lcb_clx = u32_at(0x01A6).ok_or_else(damaged)? as usize;
    let table = read_stream(&mut cfb, table_name)?;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or("damaged Word document (its piece table is outside the file)")?;
    let pieces = piece_table(clx).ok_or("damaged Word document (unreadable piece table)")?;

    // The characters of the main text, as (8-bit byte | UTF-16 unit).
    let mut chars: Vec<WordChar> = Vec::with_capacity(ccp_text);
    for p in pieces {
        if chars.len() >= ccp_text {
            break;
        }
        let n = (p.cp_end.saturating_sub(p.cp_start) as usize).min(ccp_text - chars.len());
        if p.compressed {
            let at = p.fc as usize;
            let b = word
                .get(at..at + n)
                .ok_or("damaged Word document (text outside the file)")?;
            chars.extend(b.iter().map(|&b| WordChar::Byte(b)));
        } else {
            let at = p.fc as usize;
            let b = word
                .get(at..at + 2 * n)
                .ok_or("damaged Word document (text outside the file)")?;
            chars.extend(
                b.chunks_exact(2)
                    .map(|u| WordChar::Unit(u16::from_le_bytes([u[0], u[1]]))),
            );
        }
    }
    let mut out = Segments::default();
    // Field nesting: true while in the instructions part of a field.
    let mut fields: Vec<bool> = Vec::new();
    let mut units: Vec<u16> = Vec::new();
    let flush_units = |units: &mut Vec<u16>, out: &mut Segments| {
        if !units.is_empty() {
            out.push_str(&String::from_utf16_lossy(units));
            units.clear();
        }
    };
    let mut prev_cell = false;
    for c in chars {
        let code = match c {
            WordChar::Byte(b) => u16::from(b),
            WordChar::Unit(u) => u,
        };
        match code {
            0x13 => {
                fields.push(true);
                continue;
            }
            0x14 => {
                if let Some(f) = fields.last_mut() {
                    *f = false;
                }
                continue;
            }
            0x15 => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        if fields.iter().any(|&instr| instr) {
            continue;
        }
        let is_cell = code == 0x07;
        match code {
            // Paragraph (0x0D), line (0x0B), page (0x0C) and column (0x0E) breaks.
            0x0B..=0x0E => {
                flush_units(&mut units, &mut out);
                out.push_byte(b'\n');
            }
            0x07 => {
                flush_units(&mut units, &mut out);
                // A cell mark right after a cell mark ends the row.
                out.push_byte(if prev_cell { b'\n' } else { b'\t' });
            }
            0x09 => {
                flush_units(&mut units, &mut out);
                out.push_byte(b'\t');
            }
            0x00..=0x1F => {}
            _ => match c {
                WordChar::Byte(b) => {
                    flush_units(&mut units, &mut out);
                    out.push_byte(b);
                }
                WordChar::Unit(u) => {
                    if u < 0x80 {
                        flush_units(&mut units, &mut out);
                        out.push_byte(u as u8);
                    } else {
                        units.push(u);
                    }
                }
            },
        }
        prev_cell = is_cell;
    }
    flush_units(&mut units, &mut out);
    let (text, d) = out.finish(&detect::WESTERN);
    // A document typed in a legacy font but stored as Unicode pieces (Word 2000+ saves its
    // 8-bit text as 16-bit when anything needs it) is checked as Latin text too.
    let (text, legacy) = unhack_latin(text);
    Ok((text, legacy.unwrap_or_else(|| d.name())))
}

#[derive(Clone, Copy)]
enum WordChar {
    Byte(u8),
    Unit(u16),
}

struct Piece {
    cp_start: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The pieces of a CLX: skip the property modifiers (`0x01`), read the `0x02` piece table.
fn piece_table(clx: &[u8]) -> Option<Vec<Piece>> {
    let mut i = 0;
    while *clx.get(i)? == 0x01 {
        let cb = u16::from_le_bytes([*clx.get(i + 1)?, *clx.get(i + 2)?]) as usize;
        i += 3 + cb;
    }
    if *clx.get(i)? != 0x02 {
        return None;
    }
    let lcb = u32::from_le_bytes(clx.get(i + 1..i + 5)?.try_into().ok()?) as usize;
    let plc = clx.get(i + 5..i + 5 + lcb)?;
    // (n + 1) CPs of 4 bytes and n descriptors of 8 bytes.
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return None;
    }
    let n = (plc.len() - 4) / 12;
    let cp = |k: usize| -> Option<u32> {
        Some(u32::from_le_bytes(
            plc.get(4 * k..4 * k + 4)?.try_into().ok()?,
        ))
    };
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let d = 4 * (n + 1) + 8 * k;
        let fc_raw = u32::from_le_bytes(plc.get(d + 2..d + 6)?.try_into().ok()?);
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = if compressed {
            (fc_raw & !0x4000_0000) / 2
        } else {
            fc_raw
        };
        out.push(Piece {
            cp_start: cp(k)?,
            cp_end: cp(k + 1)?,
            fc,
            compressed,
        });
    }
    Some(out)
}

fn read_stream(cfb: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, String> {
    let mut s = cfb
        .open_stream(name)
        .map_err(|e| format!("damaged Word document (no {name} stream: {e})"))?;
    let mut v = Vec::new();
    s.read_to_end(&mut v)
        .map_err(|e| format!("damaged Word document ({e})"))?;
    Ok(v)
}

// ---------------------------------------------------------------------------------------------
// Word 2007+

/// Reads a `.docx`: paragraphs in order, tables cell by cell (cells end with a tab, rows with a
/// line break), text of hyperlinks, insertions and content controls; deleted text is left out.
pub(crate) fn read_docx(bytes: &[u8]) -> Result<(String, String), String> {
    let docx = guard("Word document", || {
        docx_rs::read_docx(bytes).map_err(|e| format!("damaged Word document (.docx): {e}"))
    })?;
    let mut out = DocxText::default();
    for child in &docx.document.children {
        docx_block(child, &mut out);
    }
    let font_legacy = out.legacy.map(Decoding::name);
    let (text, legacy) = unhack_latin(out.s);
    Ok((
        text,
        legacy.or(font_legacy).unwrap_or_else(|| "utf-8".into()),
    ))
}

/// The text of a `.docx` being read, and the legacy font decoding used in it, if any.
#[derive(Default)]
struct DocxText {
    s: String,
    legacy: Option<Decoding>,
}

fn docx_block(child: &docx_rs::DocumentChild, out: &mut DocxText) {
    use docx_rs::DocumentChild as D;
    match child {
        D::Paragraph(p) => docx_paragraph(p, out),
        D::Table(t) => docx_table(t, out),
        D::StructuredDataTag(s) => docx_sdt(s, out),
        D::TableOfContents(t) => {
            for c in &t.before_contents {
                match c {
                    docx_rs::TocContent::Paragraph(p) => docx_paragraph(p, out),
                    docx_rs::TocContent::Table(t) => docx_table(t, out),
                }
            }
        }
        _ => {}
    }
}

fn docx_sdt(s: &docx_rs::StructuredDataTag, out: &mut DocxText) {
    use docx_rs::StructuredDataTagChild as S;
    for c in &s.children {
        match c {
            S::Run(r) => docx_run(r, out),
            S::Paragraph(p) => docx_paragraph(p, out),
            S::Table(t) => docx_table(t, out),
            S::StructuredDataTag(s) => docx_sdt(s, out),
            _ => {}
        }
    }
}

fn docx_paragraph(p: &docx_rs::Paragraph, out: &mut DocxText) {
    docx_paragraph_children(&p.children, out);
    out.s.push('\n');
}

fn docx_paragraph_children(children: &[docx_rs::ParagraphChild], out: &mut DocxText) {
    use docx_rs::ParagraphChild as P;
    for c in children {
        match c {
            P::Run(r) => docx_run(r, out),
            P::Hyperlink(h) => docx_paragraph_children(&h.children, out),
            P::Insert(i) => {
                for c in &i.children {
                    if let docx_rs::InsertChild::Run(r) = c {
                        docx_run(r, out);
                    }
                }
            }
            P::StructuredDataTag(s) => docx_sdt(s, out),
            _ => {}
        }
    }
}

/// The legacy encoding of a run's font: `.VnTime`, `.VnArial`… are TCVN3, `VNI-Times`… VNI.
/// (`docx-rs` keeps the font names private; its serialization shows them.)
fn legacy_font(r: &docx_rs::Run) -> Option<Decoding> {
    let fonts = serde_json::to_value(r.run_property.fonts.as_ref()?).ok()?;
    let name = fonts.get("ascii")?.as_str()?.trim().to_ascii_lowercase();
    if name.starts_with(".vn") {
        Some(Decoding::Tcvn3)
    } else if name.starts_with("vni") {
        Some(Decoding::Vni)
    } else {
        None
    }
}

fn docx_run(r: &docx_rs::Run, out: &mut DocxText) {
    use docx_rs::RunChild as R;
    let legacy = legacy_font(r);
    for c in &r.children {
        match c {
            R::Text(t) => match legacy {
                // The characters Word stores are the Western reading of the font's bytes.
                Some(d) => {
                    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&t.text);
                    if unmappable {
                        out.s.push_str(&t.text);
                    } else {
                        out.s.push_str(&d.decode(&bytes).0);
                        out.legacy = Some(d);
                    }
                }
                None => out.s.push_str(&t.text),
            },
            R::Tab(_) | R::PTab(_) => out.s.push('\t'),
            R::Break(_) | R::CarriageReturn(_) => out.s.push('\n'),
            R::Sym(s) => {
                if let Some(c) = u32::from_str_radix(&s.char, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .filter(|c| !c.is_control())
                {
                    out.s.push(c);
                }
            }
            _ => {}
        }
    }
}

fn docx_table(t: &docx_rs::Table, out: &mut DocxText) {
    for row in &t.rows {
        let docx_rs::TableChild::TableRow(row) = row;
        for cell in &row.cells {
            let docx_rs::TableRowChild::TableCell(cell) = cell;
            let mut text = DocxText::default();
            for c in &cell.children {
                match c {
                    docx_rs::TableCellContent::Paragraph(p) => {
                        if !text.s.is_empty() {
                            text.s.push(' ');
                        }
                        docx_paragraph_children(&p.children, &mut text);
                    }
                    docx_rs::TableCellContent::Table(t) => {
                        // A table inside a cell: its rows run on inside the cell.
                        let mut inner = DocxText::default();
                        docx_table(t, &mut inner);
                        text.s.push_str(inner.s.trim_end());
                        text.legacy = text.legacy.or(inner.legacy);
                    }
                    _ => {}
                }
            }
            // A cell's paragraphs stay on the row's line.
            out.s.push_str(&text.s.replace('\n', " "));
            out.s.push('\t');
            out.legacy = out.legacy.or(text.legacy);
        }
        out.s.push('\n');
    }
}

// ---------------------------------------------------------------------------------------------
// PDF

/// Reads the text layer of a PDF, page by page. A PDF without one (scanned pages) gets a clear
/// message, not an empty article.
pub(crate) fn read_pdf(bytes: &[u8]) -> Result<(String, String), String> {
    let pages = guard("PDF", || {
        pdf_extract::extract_text_from_mem_by_pages(bytes).map_err(|e| {
            let e = e.to_string();
            if e.to_ascii_lowercase().contains("encrypt") {
                "encrypted (password-protected) PDF: save a copy without password first".into()
            } else {
                format!("damaged or unreadable PDF ({e})")
            }
        })
    })?;
    let text = pages.join("\n\n");
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 20 {
        let n = pages.len();
        return Err(format!(
            "PDF with no text layer ({n} page{} of scanned images): Số liệu cannot read \
             pictures of text — ask for the original document, or run text recognition (OCR) \
             on it first",
            if n == 1 { "" } else { "s" }
        ));
    }
    let (text, legacy) = unhack_latin(text);
    Ok((text, legacy.unwrap_or_else(|| "utf-8".into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtf_tcvn3_escapes_paragraphs_and_cells() {
        let bytes = super::super::encode_tcvn3("Cộng hoà xã hội");
        let mut rtf = String::from(
            "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 .VnTime;}}{\\info{\\title x}}\\f0 ",
        );
        for b in bytes {
            if b >= 0x80 {
                rtf.push_str(&format!("\\'{b:02x}"));
            } else {
                rtf.push(char::from(b));
            }
        }
        rtf.push_str("\\par 12\\cell 34\\cell\\row {\\*\\generator x;}Tr\\u432\\'3fng}");
        let (text, enc) = read_rtf(rtf.as_bytes()).unwrap();
        assert_eq!(text, "Cộng hoà xã hội\n12\t34\t\nTrưng");
        assert_eq!(enc, "tcvn3");
    }

    #[test]
    fn latin_text_of_a_legacy_font_is_decoded() {
        let hack: String = super::super::encode_tcvn3("Huyện Đình Lập có 26 cán bộ")
            .iter()
            .map(|&b| {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&[b])
                    .0
                    .into_owned()
            })
            .collect();
        let (text, enc) = unhack_latin(hack);
        assert_eq!(text, "Huyện Đình Lập có 26 cán bộ");
        assert_eq!(enc.as_deref(), Some("tcvn3"));
        // A Unicode document's Latin-only lines stay as they are.
        let mixed = "Huyện Đầm Dơi, tỉnh Cà Mau\nCà Mau\nNăm 2023 có 120 cán bộ".to_string();
        assert_eq!(unhack_latin(mixed.clone()), (mixed, None));
        let (text, enc) = unhack_latin("Café au lait, s'il vous plaît".into());
        assert_eq!(text, "Café au lait, s'il vous plaît");
        assert_eq!(enc, None);
    }

    #[test]
    fn damaged_documents_are_errors() {
        assert!(read_doc(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 cut").is_err());
        assert!(read_docx(b"PK\x03\x04 cut").is_err());
        assert!(read_pdf(b"%PDF-1.4 cut").is_err());
        // Unbalanced groups and stray escapes are read without panicking.
        let _ = read_rtf(b"{\\rtf1 {unclosed \\'zz \\u-1\\u99999999");
    }
}

//! Sniffing bytes: binary files, byte order marks, UTF-16 without BOM, and choosing the
//! encoding of a file that is not UTF-8 by scoring candidate decodings.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::legacy;
use super::score;

/// How many bytes the cheap checks (UTF-16 sniffing, control bytes) look at.
const SNIFF_BYTES: usize = 64 * 1024;
/// Files up to this size are scored whole; larger ones through [`SAMPLE_WINDOWS`] windows.
const SCORE_WHOLE_BYTES: usize = 256 * 1024;
const SAMPLE_WINDOWS: usize = 8;
const SAMPLE_WINDOW_BYTES: usize = 32 * 1024;

/// One way to turn bytes into text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Decoding {
    /// UTF-8, with U+FFFD for invalid sequences.
    Utf8Lossy,
    /// A character set of `encoding_rs` (Windows-1258, or whatever a web page declares).
    Standard(&'static Encoding),
    /// TCVN3 (ABC).
    Tcvn3,
    /// VNI-Windows.
    Vni,
    /// VISCII (RFC 1456).
    Viscii,
}

impl Decoding {
    /// The name reported in `LoadedText::encoding`.
    pub(crate) fn name(self) -> String {
        match self {
            Decoding::Utf8Lossy => "utf-8".into(),
            Decoding::Standard(e) => e.name().to_ascii_lowercase(),
            Decoding::Tcvn3 => "tcvn3".into(),
            Decoding::Vni => "vni".into(),
            Decoding::Viscii => "viscii".into(),
        }
    }

    /// True if ASCII bytes decode to the same ASCII characters.
    pub(crate) fn is_ascii_compatible(self) -> bool {
        match self {
            Decoding::Standard(e) => e.is_ascii_compatible(),
            _ => true,
        }
    }

    /// Decodes all the bytes; the flag tells whether anything had to be replaced.
    pub(crate) fn decode(self, bytes: &[u8]) -> (String, bool) {
        match self {
            Decoding::Utf8Lossy => match String::from_utf8_lossy(bytes) {
                Cow::Borrowed(s) => (s.to_string(), false),
                Cow::Owned(s) => (s, true),
            },
            Decoding::Standard(e) => {
                let (s, had_errors) = e.decode_without_bom_handling(bytes);
                (s.into_owned(), had_errors)
            }
            Decoding::Tcvn3 => (legacy::decode_tcvn3(bytes), false),
            Decoding::Vni => (legacy::decode_vni(bytes), false),
            Decoding::Viscii => (legacy::decode_viscii(bytes), false),
        }
    }

    /// The decoding for a charset label (WHATWG labels through `encoding_rs`, plus common names
    /// of TCVN3 and VNI). UTF-16 labels give UTF-8, as browsers do for a declaration inside the
    /// page (a UTF-16 page is recognized by its bytes before this is asked).
    pub(crate) fn for_label(label: &str) -> Option<Decoding> {
        let l = label.trim().to_ascii_lowercase();
        match l.as_str() {
            "tcvn3" | "tcvn" | "tcvn5712" | "tcvn-5712" | "x-viet-tcvn" | "x-viet-tcvn5712"
            | "vn3" | "abc" => return Some(Decoding::Tcvn3),
            "vni" | "x-viet-vni" | "vni-windows" => return Some(Decoding::Vni),
            "viscii" | "csviscii" | "viscii1.1-1" => return Some(Decoding::Viscii),
            _ => {}
        }
        let e = Encoding::for_label(l.as_bytes())?;
        if e == encoding_rs::UTF_8 || e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
            Some(Decoding::Utf8Lossy)
        } else {
            Some(Decoding::Standard(e))
        }
    }
}

/// The kind of binary file the bytes start like, from their magic number.
pub(crate) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    let has = |magic: &[u8]| bytes.starts_with(magic);
    let kind = if has(b"\x89PNG\r\n\x1a\n") {
        "PNG image"
    } else if has(b"\xFF\xD8\xFF") {
        "JPEG image"
    } else if has(b"GIF87a") || has(b"GIF89a") {
        "GIF image"
    } else if bytes.len() >= 12 && has(b"RIFF") && &bytes[8..12] == b"WEBP" {
        "WebP image"
    } else if has(b"II*\0") || has(b"MM\0*") {
        "TIFF image"
    } else if has(b"%PDF-") {
        "PDF document"
    } else if has(b"PK\x03\x04") || has(b"PK\x05\x06") || has(b"PK\x07\x08") {
        zip_kind(bytes)
    } else if has(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        "old Microsoft Office document (.doc, .xls)"
    } else if has(b"{\\rtf") {
        "RTF document"
    } else if has(b"\x1F\x8B") {
        "gzip archive"
    } else if has(b"7z\xBC\xAF\x27\x1C") {
        "7-Zip archive"
    } else if has(b"Rar!\x1A\x07") {
        "RAR archive"
    } else if has(b"BZh") && bytes.get(3).is_some_and(|b| (b'1'..=b'9').contains(b)) {
        "bzip2 archive"
    } else if has(b"\xFD7zXZ\0") {
        "xz archive"
    } else if has(b"\x7FELF") {
        "program (ELF)"
    } else if has(b"MZ") && bytes.len() >= 64 && bytes[..64].contains(&0) {
        "Windows program (.exe)"
    } else if has(b"SQLite format 3\0") {
        "SQLite database"
    } else if has(b"OggS") {
        "Ogg audio/video"
    } else if (has(b"ID3") && bytes.get(3).is_some_and(|v| (2..=4).contains(v))) || has(b"\xFF\xFB")
    {
        "MP3 audio"
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        "MP4 video"
    } else if has(b"\0asm") {
        "WebAssembly module"
    } else {
        return None;
    };
    Some(kind)
}

/// Office files are ZIP archives; name the ones an officer is likely to drop in.
fn zip_kind(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let has = |s: &[u8]| head.windows(s.len()).any(|w| w == s);
    if has(b"word/") {
        "Word document (.docx)"
    } else if has(b"xl/") {
        "Excel workbook (.xlsx)"
    } else if has(b"ppt/") {
        "PowerPoint presentation (.pptx)"
    } else if has(b"opendocument.text") {
        "OpenDocument text (.odt)"
    } else if has(b"epub+zip") {
        "EPUB book"
    } else {
        "ZIP archive"
    }
}

/// The UTF-16 variant of text without byte order mark, recognized by its NUL bytes: ASCII
/// characters (spaces, digits, most letters of Vietnamese text) have a zero high byte, so one
/// parity of positions has many NULs and the other almost none.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // At least a quarter of the characters ASCII, and at most 1 % NUL characters.
    let many = |n: usize| n * 4 >= pairs;
    let few = |n: usize| n * 100 <= pairs;
    if many(odd) && few(even) {
        Some(encoding_rs::UTF_16LE)
    } else if many(even) && few(odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// True if the bytes hold too many NULs or control bytes to be text (checked after UTF-16,
/// whose NULs are explained).
pub(crate) fn too_many_control_bytes(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let (mut nul, mut control) = (0usize, 0usize);
    for &b in sample {
        nul += usize::from(b == 0);
        // Tab, LF, VT, FF, CR, SUB (old end-of-file mark) and ESC occur in real text files.
        control += usize::from(
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1A | 0x1B))
                || b == 0x7F,
        );
    }
    nul * 100 > sample.len() || control * 20 > sample.len()
}

/// Same check on decoded text (for UTF-16, whose bytes do not tell).
pub(crate) fn too_many_control_chars(text: &str) -> bool {
    let mut n = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(SNIFF_BYTES) {
        n += 1;
        bad += usize::from(score::is_bad_control(c) && c != '\u{FFFD}');
    }
    bad * 20 > n
}

/// The part of the bytes that is scored: all of a small file, else evenly spread windows cut
/// at spaces or line ends (which are character boundaries in every candidate encoding).
fn sample(bytes: &[u8]) -> Cow<'_, [u8]> {
    if bytes.len() <= SCORE_WHOLE_BYTES {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(SAMPLE_WINDOWS * (SAMPLE_WINDOW_BYTES + 1));
    let last_start = bytes.len() - SAMPLE_WINDOW_BYTES;
    let boundary = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    for k in 0..SAMPLE_WINDOWS {
        let mut start = last_start * k / (SAMPLE_WINDOWS - 1);
        let mut end = start + SAMPLE_WINDOW_BYTES;
        if k > 0
            && let Some(p) = bytes[start..end].iter().take(256).position(boundary)
        {
            start += p;
        }
        if let Some(p) = bytes[start..end].iter().rev().take(256).position(boundary) {
            end -= p;
        }
        out.extend_from_slice(&bytes[start..end]);
        out.push(b'\n');
    }
    Cow::Owned(out)
}

/// Chooses the decoding that makes the bytes look most like Vietnamese text. Candidates are
/// tried in order and the first of equal scores wins, so put the most likely first.
pub(crate) fn best_decoding(bytes: &[u8], candidates: &[Decoding]) -> Decoding {
    let sample = sample(bytes);
    let mut best: Option<(i64, Decoding)> = None;
    for &cand in candidates {
        let (text, _) = cand.decode(&sample);
        let s = score::score(&crate::text::normalize(&text));
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, cand));
        }
    }
    best.map_or(Decoding::Utf8Lossy, |(_, d)| d)
}

/// The candidates for a file that is not valid UTF-8 and declares nothing. VISCII is tried
/// after TCVN3: both put precomposed letters on single high bytes, and the score tells which
/// one gives Vietnamese syllables.
pub(crate) const UNDECLARED: [Decoding; 5] = [
    Decoding::Standard(encoding_rs::WINDOWS_1258),
    Decoding::Vni,
    Decoding::Tcvn3,
    Decoding::Viscii,
    Decoding::Utf8Lossy,
];

/// The candidates for 8-bit text that a container declares Western (an RTF `\ansicpg1252`, the
/// 8-bit pieces of a Word 97 file, a page declaring `windows-1252`): the legacy Vietnamese
/// fonts all had to live under that label.
pub(crate) const WESTERN: [Decoding; 5] = [
    Decoding::Standard(encoding_rs::WINDOWS_1252),
    Decoding::Vni,
    Decoding::Tcvn3,
    Decoding::Viscii,
    Decoding::Standard(encoding_rs::WINDOWS_1258),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n...."), Some("PNG image"));
        assert_eq!(binary_kind(b"%PDF-1.7"), Some("PDF document"));
        assert_eq!(
            binary_kind(b"PK\x03\x04....[Content_Types].xml....word/document.xml"),
            Some("Word document (.docx)")
        );
        assert_eq!(binary_kind(b"MZ is the start of this text"), None);
        assert_eq!(binary_kind(b"ID3 tags"), None);
        assert_eq!(binary_kind(b"ID3\x04\0\0"), Some("MP3 audio"));
        assert_eq!(binary_kind(b"Huy\xE1\xBB\x87n"), None);
    }

    #[test]
    fn utf16_sniffing() {
        let le: Vec<u8> = "Huyện Đất Đỏ có 22.400 cán bộ"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = "Huyện Đất Đỏ có 22.400 cán bộ"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(utf16_without_bom(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(utf16_without_bom(&be), Some(encoding_rs::UTF_16BE));
        assert_eq!(utf16_without_bom("Huyện Đất Đỏ".as_bytes()), None);
    }

    #[test]
    fn labels() {
        assert_eq!(
            Decoding::for_label(" Windows-1258 "),
            Some(Decoding::Standard(encoding_rs::WINDOWS_1258))
        );
        assert_eq!(Decoding::for_label("utf-16"), Some(Decoding::Utf8Lossy));
        assert_eq!(Decoding::for_label("VNI"), Some(Decoding::Vni));
        assert_eq!(Decoding::for_label("no-such"), None);
        assert_eq!(
            Decoding::Standard(encoding_rs::WINDOWS_1258).name(),
            "windows-1258"
        );
    }

    #[test]
    fn samples_large_files() {
        let big = "một hai ba ".repeat(60_000).into_bytes();
        let s = sample(&big);
        assert!(s.len() <= SAMPLE_WINDOWS * (SAMPLE_WINDOW_BYTES + 1));
        assert!(std::str::from_utf8(&s).is_ok());
    }
}

//! The legacy Vietnamese 8-bit encodings: TCVN3 (TCVN 5712:1993 VN3, "ABC", fonts `.VnTime`),
//! VNI-Windows (fonts `VNI-Times`), VISCII (RFC 1456) and Windows-1258.
//!
//! TCVN3 and VNI are not real character sets but font hacks: the file holds Windows-1252 bytes
//! and a special font draws Vietnamese glyphs in their place. The tables below map those bytes to
//! Unicode. Bytes a table does not use are read as Windows-1252, which is what a Windows
//! program showed for them (curly quotes, dashes, `°`).
//!
//! - **TCVN3** has one byte per letter. It only holds lowercase toned letters and the seven
//!   capitals `Ă Â Ê Ô Ơ Ư Đ` (0xA1–0xA7): capital toned letters were drawn by switching to the
//!   all-caps font `.VnTimeH` over the lowercase codes, so a decoder cannot tell them apart. The
//!   encoder writes capital toned letters as their lowercase code; the decoder restores them in
//!   words typed in capitals and otherwise reads them as lowercase.
//! - **VNI** writes a letter as an ASCII base letter followed by one mark byte that carries the
//!   vowel modifier and the tone together (`a` + 0xF9 `ù` = `á`, `e` + 0xE4 `ä` = `ệ`); the mark
//!   bytes of capitals are the lowercase ones minus 0x20. A few letters are single bytes: `ơ`
//!   0xF4, `ư` 0xF6, `đ` 0xF1, the toned `i` (`í` 0xED, `ì` 0xEC, `ỉ` 0xE6, `ĩ` 0xF3, `ị` 0xF2)
//!   and `ỵ` 0xEE.
//! - **Windows-1258** is decoded by `encoding_rs`; it writes tones as combining marks, so its
//!   output must be NFC-normalized (done by the caller).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::letters::{self, v};

/// TCVN3 codes of the toned vowels: one row per vowel (a ă â e ê i o ô ơ u ư y), columns in
/// tone order grave, hook, tilde, acute, dot below.
const TCVN3_TONED: [[u8; 5]; 12] = [
    [0xB5, 0xB6, 0xB7, 0xB8, 0xB9], // a: à ả ã á ạ
    [0xBB, 0xBC, 0xBD, 0xBE, 0xC6], // ă: ằ ẳ ẵ ắ ặ
    [0xC7, 0xC8, 0xC9, 0xCA, 0xCB], // â: ầ ẩ ẫ ấ ậ
    [0xCC, 0xCE, 0xCF, 0xD0, 0xD1], // e: è ẻ ẽ é ẹ
    [0xD2, 0xD3, 0xD4, 0xD5, 0xD6], // ê: ề ể ễ ế ệ
    [0xD7, 0xD8, 0xDC, 0xDD, 0xDE], // i: ì ỉ ĩ í ị
    [0xDF, 0xE1, 0xE2, 0xE3, 0xE4], // o: ò ỏ õ ó ọ
    [0xE5, 0xE6, 0xE7, 0xE8, 0xE9], // ô: ồ ổ ỗ ố ộ
    [0xEA, 0xEB, 0xEC, 0xED, 0xEE], // ơ: ờ ở ỡ ớ ợ
    [0xEF, 0xF1, 0xF2, 0xF3, 0xF4], // u: ù ủ ũ ú ụ
    [0xF5, 0xF6, 0xF7, 0xF8, 0xF9], // ư: ừ ử ữ ứ ự
    [0xFA, 0xFB, 0xFC, 0xFD, 0xFE], // y: ỳ ỷ ỹ ý ỵ
];

/// TCVN3 codes of the letters without tone that are not ASCII.
const TCVN3_PLAIN: [(char, u8); 14] = [
    ('Ă', 0xA1),
    ('Â', 0xA2),
    ('Ê', 0xA3),
    ('Ô', 0xA4),
    ('Ơ', 0xA5),
    ('Ư', 0xA6),
    ('Đ', 0xA7),
    ('ă', 0xA8),
    ('â', 0xA9),
    ('ê', 0xAA),
    ('ô', 0xAB),
    ('ơ', 0xAC),
    ('ư', 0xAD),
    ('đ', 0xAE),
];

/// VNI mark bytes (lowercase) for a plain vowel, by tone (none has no mark).
const VNI_TONE: [u8; 6] = [0, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF];
/// VNI mark bytes (lowercase) for circumflex + tone: â ầ ẩ ẫ ấ ậ.
const VNI_CIRC: [u8; 6] = [0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4];
/// VNI mark bytes (lowercase) for breve + tone: ă ằ ẳ ẵ ắ ặ.
const VNI_BREVE: [u8; 6] = [0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB];
/// VNI single bytes (lowercase) of the toned `i`: ì ỉ ĩ í ị (index = tone − 1).
const VNI_I: [u8; 5] = [0xEC, 0xE6, 0xF3, 0xED, 0xF2];
/// VNI single bytes (lowercase) for `ơ`, `ư`, `đ`, `ỵ`.
const VNI_O_HORN: u8 = 0xF4;
const VNI_U_HORN: u8 = 0xF6;
const VNI_D_BAR: u8 = 0xF1;
const VNI_Y_DOT: u8 = 0xEE;
/// Capital VNI bytes are the lowercase ones minus this.
const VNI_UPPER: u8 = 0x20;

/// How VNI writes one vowel letter: a base byte and an optional mark byte.
fn vni_bytes(vowel: usize, tone: usize, upper: bool) -> (u8, Option<u8>) {
    let up = |b: u8| if upper { b - VNI_UPPER } else { b };
    let ascii = |b: u8| if upper { b.to_ascii_uppercase() } else { b };
    let mark = |table: &[u8; 6]| match table[tone] {
        0 => None,
        m => Some(up(m)),
    };
    match vowel {
        v::I if tone == 0 => (ascii(b'i'), None),
        v::I => (up(VNI_I[tone - 1]), None),
        v::Y if tone == 5 => (up(VNI_Y_DOT), None),
        v::A => (ascii(b'a'), mark(&VNI_TONE)),
        v::A_BREVE => (ascii(b'a'), mark(&VNI_BREVE)),
        v::A_CIRC => (ascii(b'a'), mark(&VNI_CIRC)),
        v::E => (ascii(b'e'), mark(&VNI_TONE)),
        v::E_CIRC => (ascii(b'e'), mark(&VNI_CIRC)),
        v::O => (ascii(b'o'), mark(&VNI_TONE)),
        v::O_CIRC => (ascii(b'o'), mark(&VNI_CIRC)),
        v::O_HORN => (up(VNI_O_HORN), mark(&VNI_TONE)),
        v::U => (ascii(b'u'), mark(&VNI_TONE)),
        v::U_HORN => (up(VNI_U_HORN), mark(&VNI_TONE)),
        _ => (ascii(b'y'), mark(&VNI_TONE)),
    }
}

/// Windows-1252 reading of the bytes 0x80–0xFF, the fallback of both legacy tables.
static CP1252_HIGH: LazyLock<[char; 128]> = LazyLock::new(|| {
    let mut t = ['\u{FFFD}'; 128];
    for (i, slot) in t.iter_mut().enumerate() {
        let b = [0x80 + i as u8];
        let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&b);
        *slot = s.chars().next().unwrap_or('\u{FFFD}');
    }
    t
});

/// A single-byte table: byte → char, and char → byte for encoding.
struct ByteTable {
    decode: [char; 256],
    encode: HashMap<char, u8>,
}

/// Starts a table with ASCII and Windows-1252, without encodings for the high bytes (the
/// legacy table decides which of them stay free).
fn base_table() -> [char; 256] {
    let mut decode = ['\0'; 256];
    for (b, slot) in decode.iter_mut().enumerate().take(0x80) {
        *slot = char::from(b as u8);
    }
    decode[0x80..].copy_from_slice(&CP1252_HIGH[..]);
    decode
}

/// Adds encodings for the Windows-1252 characters whose byte the legacy table left free.
fn add_free_cp1252(encode: &mut HashMap<char, u8>, used: &[bool; 256]) {
    for (i, &c) in CP1252_HIGH.iter().enumerate() {
        let b = 0x80 + i as u8;
        if !used[usize::from(b)] && c != '\u{FFFD}' && !c.is_control() {
            encode.entry(c).or_insert(b);
        }
    }
}

static TCVN3: LazyLock<ByteTable> = LazyLock::new(|| {
    let mut decode = base_table();
    let mut encode = HashMap::new();
    let mut used = [false; 256];
    for b in 0..0x80u8 {
        encode.insert(char::from(b), b);
    }
    for (vi, row) in TCVN3_TONED.iter().enumerate() {
        for (t, &b) in row.iter().enumerate() {
            let lower = letters::compose(vi, t + 1, false);
            decode[usize::from(b)] = lower;
            used[usize::from(b)] = true;
            encode.insert(lower, b);
            // Capital toned letters have no code of their own (see the module docs).
            encode.insert(letters::compose(vi, t + 1, true), b);
        }
    }
    for &(c, b) in &TCVN3_PLAIN {
        decode[usize::from(b)] = c;
        used[usize::from(b)] = true;
        encode.insert(c, b);
    }
    add_free_cp1252(&mut encode, &used);
    ByteTable { decode, encode }
});

/// VNI: single-byte letters, and the letters made of a base byte and a mark byte.
struct VniTable {
    /// Byte → char for bytes read alone (ASCII, single-byte letters, else Windows-1252).
    single: [char; 256],
    /// `pair_slot[base]` is an index into `pairs` for bytes that can carry a mark, or `u8::MAX`.
    pair_slot: [u8; 256],
    /// `pairs[slot][mark]`: the letter made of that base and that mark.
    pairs: Vec<[Option<char>; 256]>,
    /// Bytes used by VNI letters (singles and marks), which the encoder must not use for
    /// anything else.
    used: [bool; 256],
}

static VNI: LazyLock<VniTable> = LazyLock::new(|| {
    let mut single = base_table();
    let mut pair_slot = [u8::MAX; 256];
    let mut pairs: Vec<[Option<char>; 256]> = Vec::new();
    let mut used = [false; 256];
    let mut add_pair = |base: u8, mark: u8, c: char, pairs: &mut Vec<[Option<char>; 256]>| {
        let slot = match pair_slot[usize::from(base)] {
            u8::MAX => {
                pairs.push([None; 256]);
                let s = (pairs.len() - 1) as u8;
                pair_slot[usize::from(base)] = s;
                s
            }
            s => s,
        };
        if let Some(row) = pairs.get_mut(usize::from(slot)) {
            row[usize::from(mark)].get_or_insert(c);
        }
    };
    for upper in [false, true] {
        for vi in 0..12 {
            for tone in 0..letters::TONES {
                let c = letters::compose(vi, tone, upper);
                match vni_bytes(vi, tone, upper) {
                    (b, None) => {
                        if b >= 0x80 {
                            single[usize::from(b)] = c;
                            used[usize::from(b)] = true;
                        }
                    }
                    (b, Some(m)) => {
                        add_pair(b, m, c, &mut pairs);
                        used[usize::from(m)] = true;
                        // Be lenient about the case of the mark: the letter takes the case of
                        // its base.
                        let other = if upper { m + VNI_UPPER } else { m - VNI_UPPER };
                        add_pair(b, other, c, &mut pairs);
                    }
                }
            }
        }
        // `y` + dot mark is sometimes typed instead of the single byte for `ỵ`.
        let (y, dot) = if upper { (b'Y', 0xCF) } else { (b'y', 0xEF) };
        add_pair(y, dot, letters::compose(v::Y, 5, upper), &mut pairs);
        add_pair(
            y,
            dot ^ VNI_UPPER,
            letters::compose(v::Y, 5, upper),
            &mut pairs,
        );
    }
    for (c, b) in [('đ', VNI_D_BAR), ('Đ', VNI_D_BAR - VNI_UPPER)] {
        single[usize::from(b)] = c;
        used[usize::from(b)] = true;
    }
    VniTable {
        single,
        pair_slot,
        pairs,
        used,
    }
});

/// Encoder side of VNI for the characters that are not Vietnamese letters: ASCII and the
/// Windows-1252 characters on bytes VNI leaves free.
static VNI_OTHER: LazyLock<HashMap<char, u8>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    add_free_cp1252(&mut m, &VNI.used);
    m
});

/// VISCII (RFC 1456) bytes 0x80–0xFF, as the RFC and glibc's `iconv` table them. VISCII is a real
/// character set, not a font hack: one byte per precomposed letter, upper and lower case.
const VISCII_HIGH: [char; 128] = [
    'Ạ', 'Ắ', 'Ằ', 'Ặ', 'Ấ', 'Ầ', 'Ẩ', 'Ậ', 'Ẽ', 'Ẹ', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ', 'Ố', 'Ồ', 'Ổ', 'Ỗ',
    'Ộ', 'Ợ', 'Ớ', 'Ờ', 'Ở', 'Ị', 'Ỏ', 'Ọ', 'Ỉ', 'Ủ', 'Ũ', 'Ụ', 'Ỳ', 'Õ', 'ắ', 'ằ', 'ặ', 'ấ', 'ầ',
    'ẩ', 'ậ', 'ẽ', 'ẹ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ố', 'ồ', 'ổ', 'ỗ', 'Ỡ', 'Ơ', 'ộ', 'ờ', 'ở', 'ị',
    'Ự', 'Ứ', 'Ừ', 'Ử', 'ơ', 'ớ', 'Ư', 'À', 'Á', 'Â', 'Ã', 'Ả', 'Ă', 'ẳ', 'ẵ', 'È', 'É', 'Ê', 'Ẻ',
    'Ì', 'Í', 'Ĩ', 'ỳ', 'Đ', 'ứ', 'Ò', 'Ó', 'Ô', 'ạ', 'ỷ', 'ừ', 'ử', 'Ù', 'Ú', 'ỹ', 'ỵ', 'Ý', 'ỡ',
    'ư', 'à', 'á', 'â', 'ã', 'ả', 'ă', 'ữ', 'ẫ', 'è', 'é', 'ê', 'ẻ', 'ì', 'í', 'ĩ', 'ỉ', 'đ', 'ự',
    'ò', 'ó', 'ô', 'õ', 'ỏ', 'ọ', 'ụ', 'ù', 'ú', 'ũ', 'ủ', 'ý', 'ợ', 'Ữ',
];

/// The six capitals VISCII puts on control codes (0x02 Ẳ, 0x05 Ẵ, 0x06 Ẫ, 0x14 Ỷ, 0x19 Ỹ, 0x1E Ỵ).
const VISCII_LOW: [(u8, char); 6] = [
    (0x02, 'Ẳ'),
    (0x05, 'Ẵ'),
    (0x06, 'Ẫ'),
    (0x14, 'Ỷ'),
    (0x19, 'Ỹ'),
    (0x1E, 'Ỵ'),
];

/// Decodes VISCII bytes. Never fails: every byte has a character.
pub fn decode_viscii(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b >= 0x80 {
                VISCII_HIGH[usize::from(b - 0x80)]
            } else {
                VISCII_LOW
                    .iter()
                    .find(|(code, _)| *code == b)
                    .map_or(char::from(b), |(_, c)| *c)
            }
        })
        .collect()
}

/// Decodes TCVN3 (ABC) bytes. Never fails: bytes outside the table are read as Windows-1252.
///
/// Capital toned letters share the codes of the lowercase ones. They are restored in words
/// typed in capitals: a word whose other letters are all capitals, with at least two of them
/// (`HUYÖN` → `HUYỆN`) or starting with the toned letter (`ñY` → `ỦY`); a word of one capital
/// and toned letters (`§á`) is in capitals when a neighbouring word is (`§ÊT §á` → `ĐẤT ĐỎ`,
/// but `§Êt §á` → `Đất Đỏ`). Elsewhere they come out lowercase (`Ủy` → `ủy`).
pub fn decode_tcvn3(bytes: &[u8]) -> String {
    let table = &TCVN3.decode;
    let chars: Vec<char> = bytes.iter().map(|&b| table[usize::from(b)]).collect();
    // Words as (start, end, case) in `chars`.
    let mut words: Vec<(usize, usize, WordCase)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let len = chars[i..].iter().take_while(|c| c.is_alphabetic()).count();
        if len == 0 {
            i += 1;
            continue;
        }
        words.push((i, i + len, word_case(&chars[i..i + len])));
        i += len;
    }
    let capitals = |k: Option<&(usize, usize, WordCase)>| {
        k.is_some_and(|&(_, _, case)| case == WordCase::Capitals)
    };
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut next_char = 0;
    for (k, &(start, end, case)) in words.iter().enumerate() {
        out.extend(&chars[next_char..start]);
        let upper = match case {
            WordCase::Capitals => true,
            WordCase::Maybe => {
                capitals(k.checked_sub(1).and_then(|p| words.get(p))) || capitals(words.get(k + 1))
            }
            WordCase::Other => false,
        };
        if upper {
            out.extend(chars[start..end].iter().flat_map(|c| c.to_uppercase()));
        } else {
            out.extend(&chars[start..end]);
        }
        next_char = end;
    }
    out.extend(&chars[next_char..]);
    out
}

/// Whether a TCVN3 word holding toned letters was typed in capitals (see [`decode_tcvn3`]).
#[derive(Debug, Clone, Copy, PartialEq)]
enum WordCase {
    Capitals,
    /// One capital then toned letters: capitals if a neighbour is.
    Maybe,
    Other,
}

fn word_case(word: &[char]) -> WordCase {
    let toned = |c: char| letters::analyze(c).is_some_and(|(_, tone, upper)| tone > 0 && !upper);
    let (mut tones, mut others, mut all_upper, mut vietnamese_capital) = (0, 0, true, false);
    for &c in word {
        if toned(c) {
            tones += 1;
        } else {
            others += 1;
            all_upper &= c.is_uppercase();
            vietnamese_capital |= !c.is_ascii() && c.is_uppercase();
        }
    }
    let first_toned = word.first().is_some_and(|&c| toned(c));
    match (tones, others) {
        (1.., 2..) if all_upper => WordCase::Capitals,
        (1.., 1) if all_upper && first_toned => WordCase::Capitals,
        (1.., 1) if all_upper => WordCase::Maybe,
        // A word without tones is evidence of capitals for its neighbours only if it holds a
        // Vietnamese capital (`VĂN`, `NHÂN`): acronyms (`UBND Sở`) are typed in capitals in
        // any text.
        (0, 2..) if all_upper && vietnamese_capital => WordCase::Capitals,
        _ => WordCase::Other,
    }
}

/// Encodes text as TCVN3 (ABC) bytes, for tests and for writing legacy files.
///
/// Vietnamese letters are expected in NFC. Capital toned letters are written with their
/// lowercase code, as `.VnTime` files do (the capital glyphs come from another font);
/// Windows-1252 characters whose byte TCVN3 leaves free (curly quotes, dashes, `°`) are kept;
/// any other character becomes `?`.
pub fn encode_tcvn3(text: &str) -> Vec<u8> {
    let table = &TCVN3.encode;
    text.chars()
        .map(|c| table.get(&c).copied().unwrap_or(b'?'))
        .collect()
}

/// Decodes VNI-Windows bytes. Never fails: a vowel followed by a mark byte becomes one letter,
/// other bytes are read alone (single-byte letters, else Windows-1252).
pub fn decode_vni(bytes: &[u8]) -> String {
    let t = &*VNI;
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let (Some(row), Some(&m)) = (
            t.pairs.get(usize::from(t.pair_slot[usize::from(b)])),
            bytes.get(i + 1),
        ) && let Some(c) = row[usize::from(m)]
        {
            out.push(c);
            i += 2;
            continue;
        }
        out.push(t.single[usize::from(b)]);
        i += 1;
    }
    out
}

/// Encodes text as VNI-Windows bytes, for tests and for writing legacy files.
///
/// Vietnamese letters are expected in NFC; all 134 round-trip through [`decode_vni`].
/// Windows-1252 characters whose byte VNI leaves free (curly quotes, dashes, `°`) are kept;
/// any other character becomes `?`.
pub fn encode_vni(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some((vi, tone, upper)) = letters::analyze(c) {
            let (b, m) = vni_bytes(vi, tone, upper);
            out.push(b);
            out.extend(m);
        } else if c == 'đ' {
            out.push(VNI_D_BAR);
        } else if c == 'Đ' {
            out.push(VNI_D_BAR - VNI_UPPER);
        } else {
            out.push(VNI_OTHER.get(&c).copied().unwrap_or(b'?'));
        }
    }
    out
}

/// The combining marks Windows-1258 uses for the five tones (grave, hook, tilde, acute, dot).
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// Encodes text as Windows-1258 bytes through `encoding_rs`, for tests and for writing legacy
/// files.
///
/// Windows-1258 has only some toned letters precomposed; the others are written as the letter
/// with its vowel modifier (`ê`, `ơ`, …) followed by a combining tone mark, the way Windows
/// writes them. Characters the code page lacks become `?`.
pub fn encode_windows_1258(text: &str) -> Vec<u8> {
    let enc = encoding_rs::WINDOWS_1258;
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    let mut encode_char = |c: char, out: &mut Vec<u8>| -> bool {
        let (bytes, _, unmappable) = enc.encode(c.encode_utf8(&mut buf));
        if !unmappable {
            out.extend_from_slice(&bytes);
        }
        !unmappable
    };
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        if encode_char(c, &mut out) {
            continue;
        }
        match letters::analyze(c) {
            Some((vi, tone, upper)) if tone > 0 => {
                let ok = encode_char(letters::compose(vi, 0, upper), &mut out)
                    && encode_char(TONE_MARKS[tone - 1], &mut out);
                if !ok {
                    out.push(b'?');
                }
            }
            _ => out.push(b'?'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_codes_are_distinct_and_cover_the_letters() {
        let mut seen = HashMap::new();
        for (vi, row) in TCVN3_TONED.iter().enumerate() {
            for (t, &b) in row.iter().enumerate() {
                assert!(seen.insert(b, (vi, t)).is_none(), "{b:#x} twice");
            }
        }
        for &(_, b) in &TCVN3_PLAIN {
            assert!(seen.insert(b, (99, 99)).is_none(), "{b:#x} twice");
        }
        assert_eq!(seen.len(), 60 + 14);
    }

    #[test]
    fn tcvn3_spot_checks() {
        let t = &TCVN3.decode;
        for (b, c) in [
            (0xB8, 'á'),
            (0xB5, 'à'),
            (0xB6, 'ả'),
            (0xB7, 'ã'),
            (0xB9, 'ạ'),
            (0xA8, 'ă'),
            (0xA9, 'â'),
            (0xAA, 'ê'),
            (0xAB, 'ô'),
            (0xAC, 'ơ'),
            (0xAD, 'ư'),
            (0xAE, 'đ'),
            (0xA7, 'Đ'),
            (0xA1, 'Ă'),
            (0xD6, 'ệ'),
            (0xFE, 'ỵ'),
        ] {
            assert_eq!(t[b], c, "{b:#x}");
        }
        // Text as it looks when a TCVN3 file is opened without its font.
        let bytes = encoding_rs::WINDOWS_1252
            .encode("ViÖt Nam, Hµ Néi, §¶ng bé, ®µo t¹o c¸n bé, tr\u{AD}êng")
            .0;
        assert_eq!(
            decode_tcvn3(&bytes),
            "Việt Nam, Hà Nội, Đảng bộ, đào tạo cán bộ, trường"
        );
    }

    #[test]
    fn tcvn3_restores_capitals_in_capital_words() {
        let text = "ỦY BAN NHÂN DÂN HUYỆN ĐẤT ĐỎ: Tỉnh, Tỉ, Ủy ban, Ở, Đất Đỏ, ĐỖ";
        assert_eq!(
            decode_tcvn3(&encode_tcvn3(text)),
            "ỦY BAN NHÂN DÂN HUYỆN ĐẤT ĐỎ: Tỉnh, Tỉ, ủy ban, ở, Đất Đỏ, Đỗ"
        );
        assert_eq!(decode_tcvn3(&encode_tcvn3("ĐỖ VĂN")), "ĐỖ VĂN");
        assert_eq!(
            decode_tcvn3(&encode_tcvn3("LSO- Để UBND Sở")),
            "LSO- Để UBND Sở"
        );
    }

    #[test]
    fn vni_spot_checks() {
        // Text as it looks when a VNI file is opened without its font.
        let bytes = encoding_rs::WINDOWS_1252
            .encode(
                "Vieät Nam, Ñaø Naüng, ngöôøi, lyù luaän chính trò, chæ, Myõ, Hueá, AÙO, ÑAÏI HOÏC",
            )
            .0;
        assert_eq!(
            decode_vni(&bytes),
            "Việt Nam, Đà Nẵng, người, lý luận chính trị, chỉ, Mỹ, Huế, ÁO, ĐẠI HỌC"
        );
        assert_eq!(
            encode_vni("ơ ư đ Đ ỵ Ỵ í"),
            b"\xF4 \xF6 \xF1 \xD1 \xEE \xCE \xED"
        );
        assert_eq!(encode_vni("ă â ê Ă"), b"a\xEA a\xE2 e\xE2 A\xCA");
    }

    #[test]
    fn vni_marks_and_singles_do_not_overlap() {
        let mut marks = [false; 256];
        for table in [&VNI_TONE, &VNI_CIRC, &VNI_BREVE] {
            for &m in table.iter().filter(|&&m| m != 0) {
                marks[usize::from(m)] = true;
                marks[usize::from(m - VNI_UPPER)] = true;
            }
        }
        let singles = VNI_I
            .iter()
            .chain(&[VNI_O_HORN, VNI_U_HORN, VNI_D_BAR, VNI_Y_DOT]);
        for &s in singles {
            assert!(!marks[usize::from(s)], "{s:#x}");
            assert!(!marks[usize::from(s - VNI_UPPER)], "{s:#x}");
        }
    }

    #[test]
    fn windows_1258_through_encoding_rs() {
        let bytes = encode_windows_1258("Việt Nam đạt");
        assert_eq!(bytes, b"Vi\xEA\xF2t Nam \xF0a\xF2t");
        let (s, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&bytes);
        assert_eq!(crate::text::normalize(&s), "Việt Nam đạt");
    }

    #[test]
    fn unknown_characters_become_question_marks() {
        assert_eq!(encode_tcvn3("a€文"), b"a\x80?");
        assert_eq!(encode_vni("文"), b"?");
        assert_eq!(encode_windows_1258("文"), b"?");
    }
}

//! Loading files: every encoding, web pages, bad input, folders.

use std::path::{Path, PathBuf};

use solieu::load::*;
use unicode_normalization::UnicodeNormalization;

const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/// No tone, grave, hook, tilde, acute, dot below.
const TONES: [&str; 6] = ["", "\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"];

/// The 134 Vietnamese letters that are not ASCII, built from 12 vowels × 6 tones in both cases
/// plus đ/Đ.
fn vietnamese_letters() -> Vec<char> {
    let mut out = Vec::new();
    for upper in [false, true] {
        for v in VOWELS {
            let base = if upper {
                v.to_uppercase().next().unwrap()
            } else {
                v
            };
            for tone in TONES {
                let s: String = format!("{base}{tone}").nfc().collect();
                assert_eq!(s.chars().count(), 1, "{s}");
                out.push(s.chars().next().unwrap());
            }
        }
        out.push(if upper { 'Đ' } else { 'đ' });
    }
    out.retain(|c| !c.is_ascii());
    out
}

/// True if `got` is `original` read back from TCVN3: equal, except that capital toned letters
/// (which TCVN3 cannot hold) may come back lowercase.
fn tcvn3_matches(got: &str, original: &str) -> bool {
    let capital_toned = |c: char| {
        let lower = c.to_lowercase().next().unwrap();
        c.is_uppercase()
            && lower.to_string().nfd().count() > 1
            && !matches!(lower, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
    };
    got.chars().count() == original.chars().count()
        && got
            .chars()
            .zip(original.chars())
            .all(|(g, o)| g == o || (capital_toned(o) && o.to_lowercase().next() == Some(g)))
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn paragraph() -> String {
    let p = std::fs::read_to_string(manifest().join("tests/fixtures/load/paragraph.txt")).unwrap();
    p.trim_end().to_string()
}

fn sample_articles() -> Vec<(PathBuf, String)> {
    let mut v: Vec<_> = std::fs::read_dir(manifest().join("sample_articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let t = std::fs::read_to_string(&p).unwrap();
            (p, solieu::text::normalize(&t))
        })
        .collect();
    v.sort();
    assert!(!v.is_empty());
    v
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn load(dir: &Path, name: &str, bytes: &[u8]) -> LoadedText {
    let p = write(dir, name, bytes);
    load_file(&p).unwrap_or_else(|e| panic!("{e}"))
}

fn load_err(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = write(dir, name, bytes);
    match load_file(&p) {
        Ok(t) => panic!("{name} loaded as {}: {:?}", t.encoding, t.text),
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains(name), "{msg} does not name the file");
            msg
        }
    }
}

#[test]
fn there_are_134_letters() {
    let letters = vietnamese_letters();
    assert_eq!(letters.len(), 134);
    let mut dedup = letters.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), 134);
}

#[test]
fn vni_round_trips_every_letter() {
    for c in vietnamese_letters() {
        let s = c.to_string();
        assert_eq!(decode_vni(&encode_vni(&s)), s, "{c}");
    }
    let all: String = vietnamese_letters().iter().collect();
    assert_eq!(decode_vni(&encode_vni(&all)), all);
}

#[test]
fn tcvn3_round_trips_every_letter_but_capital_tones() {
    let mut exact = 0;
    for c in vietnamese_letters() {
        let s = c.to_string();
        let back = decode_tcvn3(&encode_tcvn3(&s));
        assert!(tcvn3_matches(&back, &s), "{c} → {back}");
        exact += usize::from(back == s);
    }
    // 67 lowercase letters and the capitals Ă Â Ê Ô Ơ Ư Đ (a capital toned letter alone is
    // not a word in capitals).
    assert_eq!(exact, 67 + 7);
    let all: String = vietnamese_letters().iter().collect();
    assert!(tcvn3_matches(&decode_tcvn3(&encode_tcvn3(&all)), &all));
}

#[test]
fn windows_1258_round_trips_every_letter() {
    for c in vietnamese_letters() {
        let s = c.to_string();
        let bytes = encode_windows_1258(&s);
        assert!(!bytes.contains(&b'?'), "{c}");
        let (decoded, _, errors) = encoding_rs::WINDOWS_1258.decode(&bytes);
        assert!(!errors);
        assert_eq!(solieu::text::normalize(&decoded), s, "{c}");
    }
}

#[test]
fn detects_each_encoding_of_a_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let p = paragraph();
    let cases: [(&str, Vec<u8>, String); 6] = [
        ("utf-8", p.clone().into_bytes(), p.clone()),
        ("windows-1258", encode_windows_1258(&p), p.clone()),
        ("tcvn3", encode_tcvn3(&p), p.clone()),
        ("vni", encode_vni(&p), p.clone()),
        (
            "utf-16le",
            [&[0xFF, 0xFE][..], &utf16(&p, false)].concat(),
            p.clone(),
        ),
        (
            "utf-16be",
            [&[0xFE, 0xFF][..], &utf16(&p, true)].concat(),
            p.clone(),
        ),
    ];
    for (enc, bytes, expected) in cases {
        let got = load(dir.path(), &format!("{enc}.txt"), &bytes);
        assert_eq!(got.encoding, enc);
        assert_eq!(got.text, expected, "{enc}");
    }
}

#[test]
fn detects_legacy_encodings_of_every_sample_article() {
    for (path, text) in sample_articles() {
        for (enc, bytes, expected) in [
            ("windows-1258", encode_windows_1258(&text), text.clone()),
            ("tcvn3", encode_tcvn3(&text), text.clone()),
            ("vni", encode_vni(&text), text.clone()),
        ] {
            assert!(
                !bytes.contains(&b'?'),
                "{enc} cannot hold {}",
                path.display()
            );
            let got = decode_bytes(&bytes, false).unwrap();
            assert_eq!(got.encoding, enc, "{}", path.display());
            if enc == "tcvn3" {
                assert!(tcvn3_matches(&got.text, &expected), "{}", path.display());
            } else {
                assert_eq!(got.text, expected, "{enc} {}", path.display());
            }
        }
    }
}

#[test]
fn short_legacy_snippets_are_detected() {
    for s in ["Việt Nam", "Đảng bộ huyện", "đạt 97,2%", "ỦY BAN NHÂN DÂN"] {
        assert_eq!(decode_bytes(&encode_vni(s), false).unwrap().text, s);
        assert_eq!(
            decode_bytes(&encode_windows_1258(s), false).unwrap().text,
            s
        );
        // Words in capitals keep their capitals in TCVN3.
        assert_eq!(decode_bytes(&encode_tcvn3(s), false).unwrap().text, s);
    }
}

fn utf16(s: &str, be: bool) -> Vec<u8> {
    s.encode_utf16()
        .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
        .collect()
}

#[test]
fn utf16_without_bom_is_detected_and_reported() {
    let p = paragraph();
    let le = decode_bytes(&utf16(&p, false), false).unwrap();
    assert_eq!(le.encoding, "utf-16le (no BOM)");
    assert_eq!(le.text, p);
    let be = decode_bytes(&utf16(&p, true), false).unwrap();
    assert_eq!(be.encoding, "utf-16be (no BOM)");
    assert_eq!(be.text, p);
}

#[test]
fn utf8_bom_nfd_and_crlf_are_normalized() {
    let dir = tempfile::tempdir().unwrap();
    let nfd: String = "Huyện Đất Đỏ\r\ncó 22.400 cán bộ\rđạt 97,2%"
        .nfd()
        .collect();
    let got = load(dir.path(), "nfd.txt", nfd.as_bytes());
    assert_eq!(got.encoding, "utf-8");
    assert_eq!(got.text, "Huyện Đất Đỏ\ncó 22.400 cán bộ\nđạt 97,2%");

    let bom = [b"\xEF\xBB\xBF", "Đất Đỏ\r\n".as_bytes()].concat();
    let got = load(dir.path(), "bom.txt", &bom);
    assert_eq!(got.encoding, "utf-8-bom");
    assert_eq!(got.text, "Đất Đỏ\n");

    // Windows-1258 writes tones as combining marks: the result must still be NFC.
    let got = load(
        dir.path(),
        "cp.txt",
        &encode_windows_1258("Việt Nam\r\nthứ"),
    );
    assert_eq!(got.encoding, "windows-1258");
    assert_eq!(got.text, "Việt Nam\nthứ");
}

#[test]
fn truncated_utf8_is_lossy_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "Huyện Đất Đỏ có 22.400 cán bộ".as_bytes().to_vec();
    let full = bytes.len();
    bytes.truncate(full - 1); // cuts "ộ" (3 bytes) short
    let got = load(dir.path(), "cut.txt", &bytes);
    assert_eq!(got.encoding, "utf-8 (lossy)");
    assert!(got.text.ends_with("cán b\u{FFFD}"), "{:?}", got.text);
}

#[test]
fn mostly_utf8_with_a_bad_byte_stays_utf8() {
    let mut bytes = paragraph().into_bytes();
    bytes.extend_from_slice(b" \xFF ");
    bytes.extend_from_slice(paragraph().as_bytes());
    let got = decode_bytes(&bytes, false).unwrap();
    assert_eq!(got.encoding, "utf-8 (lossy)");
    assert!(got.text.starts_with(&paragraph()));
}

#[test]
fn mixed_encodings_choose_the_larger_part() {
    let p = paragraph();
    let mut bytes = encode_vni(&p);
    bytes.push(b'\n');
    bytes.extend(encode_vni(&p));
    bytes.push(b'\n');
    bytes.extend(encode_tcvn3("Đảng bộ huyện"));
    let got = decode_bytes(&bytes, false).unwrap();
    assert_eq!(got.encoding, "vni");
    assert!(got.text.starts_with(&p));
    // And every pair of encodings, in both orders, loads without panicking.
    let encoders: [fn(&str) -> Vec<u8>; 4] =
        [encode_vni, encode_tcvn3, encode_windows_1258, |s: &str| {
            s.as_bytes().to_vec()
        }];
    for a in encoders {
        for b in encoders {
            let bytes = [a(&p), b(&p)].concat();
            assert!(decode_bytes(&bytes, false).is_ok());
        }
    }
}

#[test]
fn html_visible_text_in_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let page = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Tiêu đề trang</title>
<style>body { font: 12px }</style><script>var n = "22.400";</script></head>
<body>
<header><nav>Trang chủ | Tin tức</nav></header>
<h1>Huyện   Đất Đỏ chú trọng
   công tác đào tạo</h1>
<p>Có <b>22.400</b> cán bộ, đạt <i>97,2</i>%.</p>
<div>Dòng một<br>Dòng hai</div>
<ul><li>Mục 1</li><li>Mục 2</li></ul>
<noscript>Bật JavaScript</noscript>
<script type="text/javascript">document.write("x")</script>
<footer>Lượt truy cập: 1,902,995</footer>
</body></html>"#;
    let got = load(dir.path(), "page.html", page.as_bytes());
    assert_eq!(got.encoding, "utf-8");
    assert_eq!(
        got.text,
        "Trang chủ | Tin tức\n\nHuyện Đất Đỏ chú trọng công tác đào tạo\n\n\
         Có 22.400 cán bộ, đạt 97,2%.\n\nDòng một\n\nDòng hai\n\nMục 1\n\nMục 2\n\n\
         Lượt truy cập: 1,902,995"
    );

    // Recognized by content too, whatever the extension.
    let got = load(dir.path(), "saved.txt", page.as_bytes());
    assert!(got.text.starts_with("Trang chủ"));

    // A `.html` file without a single tag is plain text.
    let got = load(dir.path(), "plain.html", "Dòng một\nDòng hai".as_bytes());
    assert_eq!(got.text, "Dòng một\nDòng hai");
}

#[test]
fn html_declared_charset_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let body = "<p>Huyện Đất Đỏ đạt 97,2%</p>";
    let page = |charset: &str, body: Vec<u8>| {
        [
            format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"></head><body>").into_bytes(),
            body,
            b"</body></html>".to_vec(),
        ]
        .concat()
    };
    let got = load(
        dir.path(),
        "cp.htm",
        &page("windows-1258", encode_windows_1258(body)),
    );
    assert_eq!(got.encoding, "windows-1258");
    assert_eq!(got.text, "Huyện Đất Đỏ đạt 97,2%");

    // TCVN3 and VNI pages declared a Western charset and relied on the font.
    let got = load(
        dir.path(),
        "tcvn.htm",
        &page("iso-8859-1", encode_tcvn3(body)),
    );
    assert_eq!(got.encoding, "tcvn3");
    assert_eq!(got.text, "Huyện Đất Đỏ đạt 97,2%");
    let got = load(dir.path(), "vni.htm", &page("iso-8859-1", encode_vni(body)));
    assert_eq!(got.encoding, "vni");

    // A page re-saved as UTF-8 that kept its old declaration.
    let got = load(
        dir.path(),
        "resaved.htm",
        &page("windows-1258", body.into()),
    );
    assert_eq!(got.encoding, "utf-8");
    assert_eq!(got.text, "Huyện Đất Đỏ đạt 97,2%");

    // UTF-16 web page.
    let html = format!("<html><body>{body}</body></html>");
    let bytes = [&[0xFF, 0xFE][..], &utf16(&html, false)].concat();
    let got = load(dir.path(), "u16.html", &bytes);
    assert_eq!(got.encoding, "utf-16le");
    assert_eq!(got.text, "Huyện Đất Đỏ đạt 97,2%");
}

#[test]
fn bad_input_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(load_err(d, "zero.txt", b"").contains("empty file"));
    assert!(load_err(d, "blank.txt", b" \r\n\t\n  ").contains("empty file"));
    assert!(load_err(d, "bom.txt", b"\xEF\xBB\xBF\n").contains("empty file"));
    assert!(load_err(d, "bom16.txt", b"\xFF\xFE \0\n\0").contains("empty file"));
    assert!(
        load_err(
            d,
            "empty.html",
            b"<html><head><title>x</title></head><body> </body></html>"
        )
        .contains("empty web page")
    );
    let png = load_err(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(
        png.contains("binary file (looks like PNG image), not text"),
        "{png}"
    );
    assert!(load_err(d, "photo.txt", b"\xFF\xD8\xFF\xE0\0\x10JFIF").contains("JPEG"));
    assert!(load_err(d, "anim.txt", b"GIF89a\x01\0\x01\0").contains("GIF"));
    assert!(load_err(d, "report.txt", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3").contains("PDF"));
    let docx = load_err(
        d,
        "report.html",
        b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml PK word/document.xml",
    );
    assert!(docx.contains("Word document"), "{docx}");
    assert!(load_err(d, "a.zip.txt", b"PK\x03\x04\x14\0\0\0").contains("ZIP"));
    let ctl: Vec<u8> = (0u8..=255).cycle().take(4000).collect();
    assert!(load_err(d, "random.txt", &ctl).contains("binary file"));
    let nul = [&b"abc"[..], &[0u8; 40], b"abc\x01\x02\x03\x04\x05"].concat();
    assert!(load_err(d, "nul.txt", &nul).contains("binary file"));
}

#[test]
fn folder_missing_and_large_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    let sub = d.join("articles.txt");
    std::fs::create_dir(&sub).unwrap();
    let e = load_file(&sub).unwrap_err();
    assert!(e.to_string().contains("is a folder, not a file"), "{e}");
    assert!(e.to_string().contains("articles.txt"));

    let missing = d.join("khong-co.txt");
    let e = load_file(&missing).unwrap_err();
    assert_eq!(e.reason, "file not found");
    assert!(e.to_string().contains("khong-co.txt"));

    // Over 20 MB: refused from its size, before reading (a sparse file costs nothing).
    let big = d.join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    let e = load_file(&big).unwrap_err();
    assert!(e.to_string().contains("file is larger than 20 MB"), "{e}");
    assert!(e.to_string().contains("big.txt"));
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.txt", "Đất Đỏ".as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions are not enforced, nothing to test.
        return;
    }
    let e = load_file(&p).unwrap_err();
    assert!(e.to_string().contains("permission denied"), "{e}");
    assert!(e.to_string().contains("secret.txt"));
}

#[test]
fn folders_expand_to_their_articles() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["b.html", "a.txt", "c.HTM", "d.pdf", "e.docx", "notes"] {
        write(d, name, b"x");
    }
    std::fs::create_dir(d.join("sub")).unwrap();
    write(&d.join("sub"), "deep.txt", b"x");
    let single = write(d, "z.md", b"x");
    let missing = d.join("missing.txt");
    let (files, errors) = collect_paths(&[d.to_path_buf(), single.clone(), missing.clone()]);
    assert_eq!(
        files,
        vec![d.join("a.txt"), d.join("b.html"), d.join("c.HTM"), single]
    );
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, missing);
    assert_eq!(errors[0].reason, "file not found");
    assert!(is_article_path(Path::new("x/Bai.TXT")));
    assert!(!is_article_path(Path::new("x/bai.pdf")));
    assert!(!is_article_path(Path::new("x/txt")));
}

#[test]
fn arbitrary_bytes_never_panic() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    runner
        .run(
            &(
                proptest::collection::vec(any::<u8>(), 0..600),
                any::<bool>(),
            ),
            |(bytes, html)| {
                let _ = decode_bytes(&bytes, html);
                Ok(())
            },
        )
        .unwrap();
    // Prefixes that steer into each branch, followed by junk.
    for prefix in [
        &b"\xEF\xBB\xBF"[..],
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"<!DOCTYPE html><meta charset=x-viet-vni>",
        b"<html><meta charset=shift_jis>",
        b"<html><meta charset=utf-16>",
    ] {
        for tail in [&b"\x80\xFF\0\xC3"[..], b"a\xE1\xBB", b"\xD8\x00\xDC", b""] {
            let _ = decode_bytes(&[prefix, tail].concat(), false);
        }
    }
}

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
        png.contains("PNG image: not a format Số liệu reads"),
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
    assert!(docx.contains("damaged Word document"), "{docx}");
    // A format the app does not read is named.
    let xlsx = load_err(
        d,
        "bang.xlsx",
        b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml PK xl/workbook.xml",
    );
    assert!(
        xlsx.contains("Excel workbook (.xlsx): not a format"),
        "{xlsx}"
    );
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
    for name in [
        "b.html", "a.txt", "c.HTM", "d.pdf", "e.docx", "f.xlsx", "notes",
    ] {
        write(d, name, b"x");
    }
    std::fs::create_dir(d.join("sub")).unwrap();
    write(&d.join("sub"), "deep.txt", b"x");
    let single = write(d, "z.md", b"x");
    let missing = d.join("missing.txt");
    let (files, errors) = collect_paths(&[d.to_path_buf(), single.clone(), missing.clone()]);
    assert_eq!(
        files,
        vec![
            d.join("a.txt"),
            d.join("b.html"),
            d.join("c.HTM"),
            d.join("d.pdf"),
            d.join("e.docx"),
            single
        ]
    );
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, missing);
    assert_eq!(errors[0].reason, "file not found");
    assert!(is_article_path(Path::new("x/Bai.TXT")));
    assert!(is_article_path(Path::new("x/bai.PDF")));
    assert!(!is_article_path(Path::new("x/bang.xlsx")));
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

// ---------------------------------------------------------------------------------------------
// Documents, web pages, web addresses, places.

/// `../shared` (the eval sets and real inputs), if this checkout has it.
fn shared(sub: &str) -> Option<PathBuf> {
    let p = manifest().join("..").join("shared").join(sub);
    if p.is_dir() {
        Some(p)
    } else {
        println!("note: {} is absent, test skipped", p.display());
        None
    }
}

fn fixture(name: &str) -> PathBuf {
    manifest().join("tests/fixtures/load").join(name)
}

/// Whitespace collapsed, NFC: the comparison the real-inputs README describes.
fn collapsed(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (collapsed(a), collapsed(b));
    similar::TextDiff::configure()
        .timeout(std::time::Duration::from_secs(60))
        .diff_chars(&a, &b)
        .ratio()
}

#[test]
fn docx_made_by_python_docx_reads_paragraphs_cells_and_legacy_fonts() {
    let got = load_file(&fixture("report.docx")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.info.format, "Word (.docx)");
    let lines: Vec<&str> = got.text.lines().collect();
    assert_eq!(
        lines[0],
        "Huyện Đình Lập: kết quả đào tạo, bồi dưỡng cán bộ năm 2023"
    );
    assert!(got.text.contains("97,2% cán bộ cấp xã"));
    // Each cell separate, each row on its line.
    assert!(
        lines.contains(&"Nội dung\tNăm 2022\tNăm 2023\t"),
        "{lines:?}"
    );
    assert!(lines.contains(&"Trung cấp lý luận chính trị\t45\t52\t"));
    // Typed with the TCVN3 font .VnTime.
    assert!(
        lines.contains(&"Cộng hoà xã hội chủ nghĩa Việt Nam: 22.400 cán bộ"),
        "{lines:?}"
    );
    assert_eq!(got.encoding, "tcvn3");
    let article = solieu::pipeline::Pipeline::builtin().analyze("report.docx", got);
    assert_eq!(article.district.as_deref(), Some("Đình Lập"));
    assert!(article.figures.iter().any(|f| f.text == "97,2%"));
}

#[test]
fn pdf_made_by_reportlab_reads_and_a_scan_is_refused() {
    let got = load_file(&fixture("report.pdf")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.info.format, "PDF");
    let text = collapsed(&got.text);
    assert!(
        text.starts_with("Huyện Đình Lập: kết quả đào tạo, bồi dưỡng cán bộ năm 2023"),
        "{text}"
    );
    assert!(text.contains("97,2% cán bộ cấp xã"), "{text}");
    assert!(text.contains("1.250 triệu đồng"), "{text}");
    let err = load_file(&fixture("scanned.pdf")).unwrap_err().to_string();
    assert!(
        err.contains("no text layer") && err.contains("1 page"),
        "{err}"
    );
}

#[test]
fn legacy_word_and_rtf_documents_read_like_their_transcripts() {
    let Some(dir) = shared("real-inputs/legacy") else {
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "doc" | "rtf") {
            continue;
        }
        let stem = p.file_stem().unwrap().to_str().unwrap();
        let truth = std::fs::read_to_string(dir.join(format!("{stem}.unicode.txt"))).unwrap();
        let got = load_file(&p).unwrap_or_else(|e| panic!("{e}"));
        let ratio = similarity(&got.text, &truth);
        println!("{stem}: {} {ratio:.4}", got.encoding);
        assert!(ratio >= 0.99, "{stem}: {ratio} ({})", got.encoding);
        checked += 1;
    }
    assert_eq!(checked, 5);
}

/// A government document's title is its type and summary (tên loại + trích yếu), as such
/// documents are laid out, never the agency or the national motto on its first lines.
#[test]
fn legacy_documents_are_titled_by_their_type_and_summary() {
    let Some(dir) = shared("real-inputs/legacy") else {
        return;
    };
    // (file, how the title starts, what it holds, how it ends), from the transcripts.
    let cases = [
        (
            "viparse_2003-A30.rtf",
            "Thông tư Bổ sung và sửa đổi",
            "Thông tư số 40/2000",
            "nguyên vật liệu",
        ),
        (
            "viparse_2004-NghiDinh114_2003.doc",
            "Nghị định của Chính phủ số 114/2003/NĐ-CP",
            "ngày 10/10/2003 về cán bộ, công chức",
            "thị trấn.",
        ),
        (
            "viparse_2005-QD-256.doc",
            "QUYẾT ĐỊNH",
            "V/v ban hành Chương trình Cải cách hành chính",
            "2004 - 2010",
        ),
        (
            "viparse_2006-quydinhkiemtra02.doc",
            "QUY ĐỊNH VỀ CHỨC NĂNG, NHIỆM VỤ",
            "CƠ CẤU TỔ CHỨC",
            "LIÊN NGÀNH 814",
        ),
        (
            "viparse_2008-23.QD-991-UBND.doc",
            "QUYẾT ĐỊNH Về việc phê duyệt Kế hoạch",
            "đất rừng và đất chuyển",
            "03 loại rừng",
        ),
    ];
    let pipeline = solieu::pipeline::Pipeline::builtin();
    for (file, starts, holds, ends) in cases {
        let a = pipeline
            .open(&dir.join(file), file)
            .unwrap_or_else(|e| panic!("{e}"));
        let title = collapsed(a.title.as_deref().unwrap_or(""));
        println!("{file}: {title}");
        assert!(
            title.starts_with(starts) && title.contains(holds) && title.ends_with(ends),
            "{file}: {title:?}"
        );
        let lower = title.to_lowercase();
        assert!(
            !lower.contains("độc lập") && !lower.contains("chủ nghĩa"),
            "{file}"
        );
    }
}

#[test]
fn legacy_text_files_of_real_inputs_decode_exactly() {
    let Some(dir) = shared("real-inputs/legacy") else {
        return;
    };
    for (file, truth, encoding) in [
        ("uchardet_vi_viscii.txt", "uchardet_vi_utf-8.txt", "viscii"),
        (
            "uchardet_vi_windows-1258.txt",
            "uchardet_vi_utf-8.txt",
            "windows-1258",
        ),
        (
            "libiconv_TCVN-snippet.txt",
            "libiconv_TCVN-snippet.UTF-8.txt",
            "tcvn3",
        ),
        (
            "libiconv_CP1258-snippet.txt",
            "libiconv_CP1258-snippet.UTF-8.txt",
            "windows-1258",
        ),
    ] {
        let got = load_file(&dir.join(file)).unwrap_or_else(|e| panic!("{e}"));
        let truth = std::fs::read_to_string(dir.join(truth)).unwrap();
        assert_eq!(got.encoding, encoding, "{file}");
        assert_eq!(
            got.text.trim_end(),
            solieu::text::normalize(&truth).trim_end(),
            "{file}"
        );
    }
}

#[test]
fn viscii_is_told_from_tcvn3() {
    // The VISCII byte of each character, from the decoder's own table.
    let mut code = std::collections::HashMap::new();
    for b in 0u8..=255 {
        if let Some(c) = decode_viscii(&[b]).chars().next() {
            code.entry(c).or_insert(b);
        }
    }
    let encode = |s: &str| -> Vec<u8> { s.chars().map(|c| code[&c]).collect() };
    let p = paragraph();
    let got = decode_bytes(&encode(&p), false).unwrap();
    assert_eq!(got.encoding, "viscii");
    assert_eq!(got.text, p);
    // And TCVN3 stays TCVN3.
    let got = decode_bytes(&encode_tcvn3(&p), false).unwrap();
    assert_eq!(got.encoding, "tcvn3");
}

/// What the real-inputs README says of each saved page: headline, lead, first body sentence,
/// date, numbers of the article, numbers of the page's chrome.
struct PageTruth {
    file: &'static str,
    title: &'static str,
    lead: &'static str,
    first: &'static str,
    date: Option<&'static str>,
    numbers: &'static [&'static str],
    chrome: &'static [&'static str],
}

const PAGES: [PageTruth; 9] = [
    PageTruth {
        file: "01_vnexpress_2025_lymphoma_fundus.html",
        title: "Đau bụng kéo dài, phát hiện ung thư lymphoma ruột non",
        lead: "Người đàn ông 63 tuổi đau bụng kéo dài",
        first: "Ngày 22/10, BS.CK2 Cao Thị Hồng",
        date: Some("2025-10-22"),
        numbers: &["sụt 2-3 kg", "khoảng 5,6 ca trên 100.000 dân mỗi năm"],
        chrome: &[],
    },
    PageTruth {
        file: "02_vnexpress_2022_cong_nhan_mat_viec.html",
        title: "Công nhân mất việc chật vật lo Tết",
        lead: "Nếu có ít tiền, chị Huyền sẽ nấu nồi thịt kho",
        first: "Chị Nguyễn Thị Huyền, 36 tuổi",
        date: Some("2022-01-25"),
        numbers: &[
            "phường Thạnh Lộc (quận 12)",
            "trả ngay 2,5 triệu đồng tiền phòng trọ",
        ],
        chrome: &[],
    },
    PageTruth {
        file: "03_cafebiz_2022_unikey.html",
        title: "Cha đẻ \"phần mềm quốc dân Việt Nam\" Unikey lộ diện: Rời bỏ vị trí Giám đốc AI sau 8 năm gắn bó, đầu quân sang MoMo",
        lead: "Phạm Kim Long - cha đẻ \"phần mềm quốc dân Việt Nam\" Unikey",
        first: "Xuất hiện trước báo giới, Hội đồng AI của MoMo",
        date: Some("2022-01-20"),
        numbers: &[
            "sinh viên năm cuối ĐH Bách Khoa Hà Nội năm 1994",
            "làm việc tại Cộng hòa Séc 10 năm",
        ],
        chrome: &["16:27", "0942.86.11.33"],
    },
    PageTruth {
        file: "04_vnexpress_2022_mo_lai_duong_bay.html",
        title: "Việt Nam dự kiến mở lại toàn bộ đường bay quốc tế từ 15/2",
        lead: "Cục Hàng không Việt Nam đã thông báo đến nhà chức trách các nước",
        first: "Ông Đinh Việt Sơn, Phó cục trưởng Hàng không Việt Nam",
        date: Some("2022-02-13"),
        numbers: &["mở cửa du lịch quốc tế trước 30/3"],
        chrome: &[],
    },
    PageTruth {
        file: "05_vnexpress_2014_sapa.html",
        title: "Bộ Công an giám định kỹ thuật xe khách tai nạn ở Sa Pa",
        lead: "Sáng nay, Tổ điều tra thuộc Bộ Công an có mặt",
        first: "Trao đổi với VnExpress về tiến trình điều tra",
        date: Some("2014-09-04"),
        numbers: &[
            "Nguyễn Ngọc Tân (18 tuổi, quê Phủ Lý, Hà Nam)",
            "14 bệnh nhân còn lại đang điều trị",
        ],
        chrome: &[
            "0123.888.0123",
            "0129.233.3555",
            "Copyright 1997",
            "12 người tử nạn",
        ],
    },
    PageTruth {
        file: "06_dantri_2022_cao_toc_tuyen_quang_phu_tho.html",
        title: "Cao tốc Tuyên Quang - Phú Thọ: Điều chỉnh đầu tư cần thêm hơn 4.000 tỷ đồng",
        lead: "(Dân trí) - Sau khi được điều chỉnh đầu tư",
        first: "Bộ Kế hoạch và Đầu tư mới đây có báo cáo",
        date: None,
        numbers: &[
            "Số này tăng thêm 4.087 tỷ đồng",
            "Quyết định số 610 ngày 13/7/2022",
        ],
        chrome: &[],
    },
    PageTruth {
        file: "07_dantri_2022_thanh_tra_xang_dau.html",
        title: "Thanh tra xăng dầu: Vạch ra một loạt sai phạm, có cả lỗi của nhà quản lý",
        lead: "(Dân trí) - Kết luận của Thanh tra Bộ Công Thương",
        first: "Thanh tra Bộ Công Thương vừa công bố kết luận thanh tra",
        date: None,
        numbers: &[
            "trong quý I và quý II/2021",
            "mức bình quân 1 tháng năm 2021",
        ],
        chrome: &[],
    },
    PageTruth {
        file: "08_dantri_2022_khoi_cong_nha_ga_t3.html",
        title: "Khởi công Nhà ga T3 sân bay Tân Sơn Nhất",
        lead: "(Dân trí) - Công trình Nhà ga T3 khi hoàn thành",
        first: "Chiều 24/12, dự án Xây dựng Nhà ga hành khách T3",
        date: None,
        numbers: &[
            "Tổng mức đầu tư là 10.990 tỷ đồng",
            "dự kiến thi công trong 24 tháng",
        ],
        chrome: &[],
    },
    PageTruth {
        file: "09_dantri_2022_nguoi_tot_viec_tot.html",
        title: "Truyền thông về người tốt, việc tốt là một sứ mệnh lớn lao của báo chí",
        lead: "(Dân trí) - Thứ trưởng Bộ Thông tin và Truyền thông Nguyễn Thanh Lâm",
        first: "Sáng 24/12, Ban Tuyên giáo Trung ương chủ trì",
        date: None,
        numbers: &["Quyết định số 1256/QĐ-TTG ngày 9/12/2022"],
        chrome: &[],
    },
];

#[test]
fn real_saved_pages_read_like_a_reader_view() {
    let Some(dir) = shared("real-inputs/html") else {
        return;
    };
    let mut failures = Vec::new();
    for t in &PAGES {
        let got = load_file(&dir.join(t.file)).unwrap_or_else(|e| panic!("{e}"));
        let article = solieu::pipeline::Pipeline::builtin().analyze(t.file, got.clone());
        let text = collapsed(&got.text);
        let paragraphs: Vec<String> = got.text.split("\n\n").map(collapsed).collect();
        let mut check = |ok: bool, what: String| {
            if !ok {
                failures.push(format!("{}: {what}", t.file));
            }
        };
        check(
            article.title.as_deref() == Some(t.title),
            format!("title {:?}", article.title),
        );
        check(
            paragraphs[0] == t.title,
            format!("first paragraph {:?}", paragraphs[0]),
        );
        // After the headline and a dateline, the article starts: lead or first sentence (the
        // lead may carry a location stamp before it, `TP HCM`).
        let start = paragraphs
            .iter()
            .skip(1)
            .find(|p| !(p.chars().count() < 100 && solieu::extract::page::first_date(p).is_some()))
            .cloned()
            .unwrap_or_default();
        let starts_with = |s: &str| start.find(s).is_some_and(|at| at <= 10);
        check(
            starts_with(t.lead) || starts_with(t.first),
            format!(
                "starts with {:?}",
                start.chars().take(120).collect::<String>()
            ),
        );
        check(
            article.published.as_deref() == t.date,
            format!("date {:?}", article.published),
        );
        for n in t.numbers {
            check(text.contains(n), format!("missing {n:?}"));
        }
        for c in t.chrome {
            // Figures are read from the text: chrome absent from it is no figure.
            check(!text.contains(c), format!("chrome {c:?} in the article"));
        }
        // The whole page stays available.
        check(
            got.info
                .full_text
                .as_deref()
                .is_some_and(|f| f.len() > got.text.len()),
            "no full page text".into(),
        );
        check(article.site.is_some(), "no site".into());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One answer of the test server: path, status, headers, body.
type Route = (&'static str, u16, Vec<(&'static str, String)>, Vec<u8>);

/// A one-thread HTTP server on 127.0.0.1 answering each path from `routes`; it serves `n`
/// requests and stops.
fn serve(routes: Vec<Route>, n: usize) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(n) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
            }
            let (status, headers, body) = routes
                .iter()
                .find(|r| r.0 == path)
                .map(|r| (r.1, r.2.clone(), r.3.clone()))
                .unwrap_or((404, vec![], b"not found".to_vec()));
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{addr}")
}

#[test]
fn web_addresses_are_downloaded_and_read_like_files() {
    let body = "<p>Sáng 12/5, UBND huyện Tân Lạc tổ chức lớp bồi dưỡng cho 120 cán bộ, công chức \
                cấp xã. Lớp học kéo dài 5 ngày với các chuyên đề về kỹ năng lãnh đạo, quản lý và \
                cải cách hành chính.</p><p>Đến nay toàn huyện có 97,2% cán bộ đạt chuẩn.</p>";
    let page = format!(
        "<html><head><title>Tin tức | Cổng TTĐT huyện Tân Lạc</title></head><body>\
         <nav><a>Trang chủ</a> <a>Lượt xem: 1.523</a></nav><div class=\"detail\">\
         <h1>Tân Lạc bồi dưỡng cán bộ, công chức cấp xã</h1>\
         <div class=\"date\">Thứ Hai, 15/05/2023 | 08:30</div>{body}</div></body></html>"
    );
    let base = serve(
        vec![
            // The server declares Windows-1258; the page does not.
            (
                "/tin.html",
                200,
                vec![("Content-Type", "text/html; charset=windows-1258".into())],
                encode_windows_1258(&page),
            ),
            ("/cu", 301, vec![("Location", "/tin.html".into())], vec![]),
        ],
        4,
    );
    let got = load_url(&format!("{base}/cu")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        got.text
            .starts_with("Tân Lạc bồi dưỡng cán bộ, công chức cấp xã\n\n"),
        "{}",
        got.text
    );
    assert!(got.text.contains("97,2% cán bộ"));
    assert!(!got.text.contains("1.523"));
    assert_eq!(got.info.published.as_deref(), Some("2023-05-15"));
    assert_eq!(got.info.site.as_deref(), Some("127.0.0.1"));
    let err = load_url(&format!("{base}/khong-co")).unwrap_err();
    assert!(err.reason.contains("404"), "{err}");
    assert!(
        load_url("ftp://x.vn/a")
            .unwrap_err()
            .reason
            .contains("http")
    );

    // `solieu extract URL`.
    let base = serve(
        vec![(
            "/tin.html",
            200,
            vec![("Content-Type", "text/html; charset=windows-1258".into())],
            encode_windows_1258(&page),
        )],
        1,
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_solieu"))
        .args(["extract", &format!("{base}/tin.html")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &doc["articles"][0];
    assert_eq!(a["district"], "Tân Lạc");
    assert_eq!(a["province"], "Hoà Bình");
    assert_eq!(a["province_2025"], "Phú Thọ");
    assert_eq!(a["published"], "2023-05-15");
    assert!(a["path"].as_str().unwrap().ends_with("/tin.html"));
}

#[test]
fn unreachable_addresses_get_a_message() {
    // A port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let err = load_url(&format!("http://127.0.0.1:{port}/")).unwrap_err();
    assert!(!err.reason.is_empty(), "{err}");
}

/// Every district the extractor returns is a unit of the gazetteer (or none).
fn assert_gazetteer_unit(name: &str, text: &str) {
    let meta = solieu::extract::metadata(text);
    if let Some(d) = &meta.district {
        let g = solieu::places::gazetteer();
        let bare = d
            .strip_prefix("Quận ")
            .filter(|n| n.chars().all(|c| c.is_ascii_digit()));
        assert!(
            !g.districts_named(bare.unwrap_or(d)).is_empty(),
            "{name}: district {d:?} is not in the gazetteer"
        );
    }
    if let Some(p) = &meta.province {
        assert!(
            solieu::places::gazetteer().province_named(p).is_some(),
            "{name}: province {p:?} is not in the gazetteer"
        );
    }
}

#[test]
fn every_district_returned_is_a_gazetteer_unit() {
    let mut n = 0;
    for (p, text) in sample_articles() {
        assert_gazetteer_unit(&p.display().to_string(), &text);
        n += 1;
    }
    if let Some(dir) = shared("eval/dev/articles") {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let text = solieu::text::normalize(&std::fs::read_to_string(&p).unwrap());
            assert_gazetteer_unit(&p.display().to_string(), &text);
            n += 1;
        }
    }
    if let Some(dir) = shared("real-inputs/html") {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "html") {
                let text = load_file(&p).unwrap().text;
                assert_gazetteer_unit(&p.display().to_string(), &text);
                n += 1;
            }
        }
    }
    // Sentences that used to give a word that is no district.
    for text in [
        "Tin hoạt động\n\nCán bộ về công tác tại huyện. Với 26 lớp học, toàn huyện. Năm qua \
         có 120 lượt.",
        "Quận 1 tổ chức lớp bồi dưỡng cho 200 cán bộ phường.",
        "Huyện Châu Thành mở 12 lớp bồi dưỡng cho cán bộ.",
        "HUYỆN ỦY ĐÌNH LẬP CHÚ TRỌNG ĐÀO TẠO CÁN BỘ",
    ] {
        assert_gazetteer_unit(text, text);
    }
    assert!(n >= 5);
    let t = "Tin hoạt động\n\nCán bộ về công tác tại huyện. Với 26 lớp học, toàn huyện. Năm qua \
             có 120 lượt.";
    assert_eq!(solieu::extract::metadata(t).district, None);
    let t = "Quận 1 tổ chức lớp bồi dưỡng cho 200 cán bộ phường.";
    assert_eq!(
        solieu::extract::metadata(t).district.as_deref(),
        Some("Quận 1")
    );
}

/// After the July 2025 reform an article's place is the ward or commune it names, with its
/// prefix and its 2025 province, through the one pipeline.
#[test]
fn a_post_reform_article_is_placed_in_its_ward() {
    let loaded = solieu::load::LoadedText {
        text: "Thứ Hai, 15/09/2025\n\nPhường Việt Trì bồi dưỡng cán bộ\n\nNăm 2025, phường Việt \
               Trì mở 8 lớp cho 400 cán bộ, công chức."
            .into(),
        encoding: "utf-8".into(),
        ..Default::default()
    };
    let a = solieu::pipeline::Pipeline::builtin().analyze("p.txt", loaded);
    assert_eq!(a.district.as_deref(), Some("phường Việt Trì"));
    assert_eq!(a.province_2025.as_deref(), Some("Phú Thọ"));
}

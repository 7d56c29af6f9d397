//! Annotated JSON (schema, round trip, refusals), CSV, and the `solieu extract` command line.

use solieu::export::{ImportError, from_json, to_csv, to_json};
use solieu::model::{Document, Status};
use std::path::{Path, PathBuf};
use std::process::Command;

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles")
}

fn sample_document() -> Document {
    let (files, errors) = solieu::load::collect_paths(&[samples_dir()]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(files.len(), 5);
    let articles = files
        .iter()
        .map(|p| {
            let loaded = solieu::load::load_file(p).unwrap_or_else(|e| panic!("{e}"));
            solieu::pipeline::Pipeline::builtin().analyze(&p.to_string_lossy(), loaded)
        })
        .collect();
    Document::new(articles)
}

fn schema() -> serde_json::Value {
    let s = include_str!("../../assets/solieu-annotations.schema.json");
    serde_json::from_str(s).unwrap_or_else(|e| panic!("schema is not JSON: {e}"))
}

#[test]
fn output_validates_against_the_schema() {
    let mut doc = sample_document();
    // Include every status and a corrected figure with the machine's reading.
    let f = &mut doc.articles[0].figures[5];
    f.extracted = Some(f.reading.clone());
    f.reading.value = Some(1.0);
    f.status = Status::Corrected;
    doc.articles[0].figures[6].status = Status::Rejected;
    doc.articles[0].note = Some("Ghi chú".into());
    let value: serde_json::Value =
        serde_json::from_str(&to_json(&doc)).unwrap_or_else(|e| panic!("{e}"));
    let validator = jsonschema::validator_for(&schema()).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn schema_rejects_a_wrong_document() {
    let validator = jsonschema::validator_for(&schema()).unwrap_or_else(|e| panic!("{e}"));
    let bad = serde_json::json!({"format": "solieu-annotations", "version": 1, "generator": "x",
        "articles": [{"path": "a", "encoding": "utf-8", "text_sha256": "zz", "text": "1",
        "figures": [{"id": 1, "start": 0, "end": 1, "text": "1", "kind": "number", "value": 1,
        "status": "extracted"}]}]});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn round_trip_gives_the_same_model() {
    let mut doc = sample_document();
    doc.articles[1].figures[0].note = Some("đã kiểm tra".into());
    doc.articles[1].figures[0].status = Status::Confirmed;
    let back = from_json(to_json(&doc).as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, doc);
}

fn tiny(figure: serde_json::Value, version: u32) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "format": "solieu-annotations", "version": version, "generator": "test",
        "articles": [{"path": "a.txt", "encoding": "utf-8", "text_sha256": "",
            "text": "Có 97,2% cán bộ", "figures": [figure]}]
    }))
    .unwrap_or_default()
}

#[test]
fn loading_refuses_bad_offsets_text_and_versions() {
    let good = serde_json::json!({"id": 1, "start": 3, "end": 8, "text": "97,2%",
        "kind": "percent", "value": 97.2});
    let doc = from_json(&tiny(good.clone(), 1)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.articles[0].figures[0].text, "97,2%");
    assert_eq!(doc.articles[0].text_sha256.len(), 64);

    let mut outside = good.clone();
    outside["end"] = 800.into();
    let e = from_json(&tiny(outside, 1)).err();
    assert!(matches!(e, Some(ImportError::BadFigure { .. })), "{e:?}");

    let mut differs = good.clone();
    differs["text"] = "97,3%".into();
    let e = from_json(&tiny(differs, 1)).err();
    assert!(matches!(e, Some(ImportError::BadFigure { .. })), "{e:?}");

    let e = from_json(&tiny(good.clone(), 2)).err();
    assert_eq!(e, Some(ImportError::NewerVersion(2)));
    assert!(e.is_some_and(|e| e.to_string().contains("newer")));

    let e = from_json(b"{\"format\": \"other\"}").err();
    assert!(matches!(e, Some(ImportError::WrongFormat(_))));
    let e = from_json(b"not json").err();
    assert!(matches!(e, Some(ImportError::Malformed(_))));
}

#[test]
fn csv_has_bom_header_and_one_row_per_figure() {
    let doc = sample_document();
    let bytes = to_csv(&doc.articles);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = r
        .headers()
        .map(|h| h.iter().map(String::from).collect())
        .unwrap_or_default();
    assert_eq!(header, solieu::export::CSV_HEADER);
    let rows: Vec<csv::StringRecord> = r.records().filter_map(Result::ok).collect();
    let figures: usize = doc.articles.iter().map(|a| a.figures.len()).sum();
    // Then one row per computed fact, its formula in `computed` and no text of its own.
    let computed: usize = doc.articles.iter().map(|a| a.computed.len()).sum();
    assert_eq!(rows.len(), figures + computed);
    let formulas: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|r| r.get(16).is_some_and(|c| !c.is_empty()))
        .collect();
    assert_eq!(formulas.len(), computed);
    assert!(
        formulas
            .iter()
            .all(|r| r.get(4) == Some("") && r.get(16).is_some_and(|c| c.contains(" = ")))
    );
    let row = rows
        .iter()
        .find(|r| r.get(4) == Some("22.400"))
        .unwrap_or_else(|| panic!("no 22.400 row"));
    assert_eq!(row.get(1), Some("Đất Đỏ"));
    assert_eq!(row.get(5), Some("count"));
    assert_eq!(row.get(6), Some("22400"));
    assert_eq!(row.get(8), Some("more_than"));
    assert_eq!(row.get(9), Some("cán bộ, công chức"));
}

fn solieu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_solieu"))
}

#[test]
fn cli_extracts_a_folder_to_json() {
    let out = solieu()
        .arg("extract")
        .arg(samples_dir())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = from_json(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.articles.len(), 5);
    let districts: Vec<_> = doc
        .articles
        .iter()
        .map(|a| a.district.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        districts,
        ["Đất Đỏ", "Đình Lập", "Phú Ninh", "Càng Long", "Chợ Đồn"]
    );
}

#[test]
fn cli_writes_csv_to_a_file_and_reports_bad_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let empty = dir.path().join("rong.txt");
    std::fs::write(&empty, b"").unwrap_or_else(|e| panic!("{e}"));
    let missing = dir.path().join("khong_co.txt");
    let out_csv = dir.path().join("bang.csv");
    let out = solieu()
        .args(["extract", "--format", "csv", "-o"])
        .arg(&out_csv)
        .arg(samples_dir().join("001_c6b0febf5c4e5fd2.txt"))
        .arg(&empty)
        .arg(&missing)
        .arg(dir.path()) // a folder given as input: its .txt files
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success(), "bad files must give a non-zero exit");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("rong.txt"), "{stderr}");
    assert!(stderr.contains("khong_co.txt"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let bytes = std::fs::read(&out_csv).unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("Đình Lập"));
    assert!(text.contains("TCLLCT"));
}

#[test]
fn cli_refuses_an_unwritable_output() {
    let out = solieu()
        .args(["extract", "-o", "/nonexistent-dir/x.json"])
        .arg(samples_dir().join("001_c6b0febf5c4e5fd2.txt"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot write"), "{stderr}");
}

// ----- the Excel workbook ---------------------------------------------------------------------

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

fn read_xlsx(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("not xlsx: {e}"))
}

fn cell(r: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn workbook_reads_back_with_numbers_as_numbers() {
    let doc = sample_document();
    let cat = solieu::indicators::Catalogue::builtin();
    let bytes = solieu::xlsx::workbook(&doc.articles, &cat, None).unwrap_or_else(|e| panic!("{e}"));
    let mut wb = read_xlsx(bytes);
    let names = wb.sheet_names();
    assert_eq!(
        names.first().map(String::as_str),
        Some(solieu::xlsx::OVERVIEW_SHEET)
    );
    assert_eq!(
        names.last().map(String::as_str),
        Some(solieu::xlsx::SOURCES_SHEET)
    );
    assert!(
        names.len() >= 8,
        "a sheet per indicator with facts: {names:?}"
    );
    assert!(names.iter().all(|n| n.chars().count() <= 31), "{names:?}");

    // Sources: one row per fact, the value a number, the sentence kept.
    let src = wb
        .worksheet_range(solieu::xlsx::SOURCES_SHEET)
        .unwrap_or_else(|e| panic!("{e}"));
    let header: Vec<String> = (0..solieu::xlsx::SOURCES_HEADER.len() as u32)
        .map(|c| cell(&src, 0, c).to_string())
        .collect();
    assert_eq!(header, solieu::xlsx::SOURCES_HEADER);
    let rows: Vec<u32> = (1..src.height() as u32).collect();
    assert!(rows.len() >= 30, "{} fact rows", rows.len());
    let chon_don_degree = rows.iter().find(|&&r| {
        cell(&src, r, 0) == Data::String("Chợ Đồn".into())
            && cell(&src, r, 6) == Data::String("98,5%".into())
    });
    let r = *chon_don_degree.unwrap_or_else(|| panic!("98,5% of Chợ Đồn missing"));
    assert_eq!(cell(&src, r, 5), Data::Float(98.5));
    assert_eq!(cell(&src, r, 4), Data::Float(2020.0));
    assert!(
        cell(&src, r, 2).to_string().contains("đại học"),
        "indicator by name"
    );
    assert_eq!(cell(&src, r, 3).to_string(), "CBCC chung");
    // Targets marked.
    assert!(
        rows.iter()
            .any(|&r| cell(&src, r, 8) == Data::String("chỉ tiêu".into()))
    );

    // An indicator sheet: districts down, years across, numbers as numbers.
    let sheet = names
        .iter()
        .find(|n| n.starts_with("Tỷ lệ có trình độ đại học"))
        .unwrap_or_else(|| panic!("no degree sheet in {names:?}"))
        .clone();
    let s = wb.worksheet_range(&sheet).unwrap_or_else(|e| panic!("{e}"));
    let head = 3u32;
    let year_col = (2..s.width() as u32)
        .find(|&c| cell(&s, head, c) == Data::String("2020".into()))
        .unwrap_or_else(|| panic!("no 2020 column"));
    let row = (head + 1..s.height() as u32)
        .find(|&r| cell(&s, r, 0) == Data::String("Chợ Đồn".into()))
        .unwrap_or_else(|| panic!("no Chợ Đồn row"));
    assert_eq!(cell(&s, row, year_col), Data::Float(98.5));

    // Overview: district × indicator.
    let ov = wb
        .worksheet_range(solieu::xlsx::OVERVIEW_SHEET)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cell(&ov, 0, 0).to_string(), "Huyện");
    assert!(ov.height() >= 6, "five districts");
}

#[test]
fn compare_xlsx_command_writes_the_workbook() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("so_sanh.xlsx");
    let st = Command::new(env!("CARGO_BIN_EXE_solieu"))
        .arg("compare")
        .arg("--xlsx")
        .arg(&out)
        .arg(samples_dir())
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(st.success());
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{e}"));
    let wb = read_xlsx(bytes);
    assert!(wb.sheet_names().len() >= 3);
    // Without --indicator or --xlsx the command refuses.
    let st = Command::new(env!("CARGO_BIN_EXE_solieu"))
        .arg("compare")
        .arg(samples_dir())
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!st.success());
}

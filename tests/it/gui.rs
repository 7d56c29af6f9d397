//! The workbench driven like an officer would, through egui_kittest (no GPU): the real app,
//! its own open path (a scripted file chooser instead of rfd), clicks on highlighted figures by
//! their label, typing, keys, undo/redo, export, autosave and restore.

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use solieu::gui::app::{AppOptions, Settings, SolieuApp};
use solieu::gui::files::{Answer, ScriptedChooser};
use solieu::gui::fonts;
use solieu::model::Status;
use std::path::{Path, PathBuf};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_articles")
        .join(name)
}

const SAMPLE: &str = "001_c6b0febf5c4e5fd2.txt";

fn app(data: &Path, chooser: &ScriptedChooser, paths: Vec<PathBuf>) -> SolieuApp {
    SolieuApp::new(AppOptions {
        settings: Settings::default(),
        data_dir: Some(data.to_path_buf()),
        paths,
        open_samples: false,
        chooser: Box::new(chooser.clone()),
    })
}

fn harness(app: SolieuApp) -> Harness<'static, SolieuApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut SolieuApp| app.show(ui), app)
}

/// Steps frames like the event loop would until the writer thread reports the workspace on
/// disk (at most 10 s: a slow disk, not a hang).
fn wait_saved(h: &mut Harness<'static, SolieuApp>) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        h.run();
        if !h.state().unsaved() || std::time::Instant::now() > until {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Opens the sample through File → Open with the chooser answering its path.
fn open_sample(h: &mut Harness<'static, SolieuApp>, chooser: &ScriptedChooser) {
    chooser.push(Answer::Paths(vec![sample(SAMPLE)]));
    h.get_by_label("Tệp").click();
    h.run();
    // The menu's item (the toolbar has a button with the same words).
    h.get_all_by_label_contains("Mở tệp…")
        .last()
        .expect("menu item")
        .click();
    h.run();
    assert!(
        h.state().ws.current_article().is_some(),
        "the sample opened"
    );
}

/// A figure of the current article whose text is unique in the article, so its label finds
/// exactly one span; falls back to an added one when the extractor found none.
fn some_unique_figure(h: &mut Harness<'static, SolieuApp>) -> (u64, String) {
    let a = h.state().ws.current_article().cloned().expect("article");
    for f in &a.figures {
        if a.figures.iter().filter(|g| g.text == f.text).count() == 1 && f.text.len() >= 2 {
            return (f.id, f.text.clone());
        }
    }
    // The extractor found nothing usable: add one by selecting "69" ourselves.
    let (s, e) = char_span(&a.text, "69");
    let key = h.state().ws.current.expect("current");
    let id = h.state_mut().ws.add_figure(key, s, e).expect("added");
    (id, "69".into())
}

fn char_span(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("needle in text");
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn figure(h: &Harness<'static, SolieuApp>, id: u64) -> solieu::model::Figure {
    h.state()
        .ws
        .current_article()
        .and_then(|a| a.figures.iter().find(|f| f.id == id).cloned())
        .expect("figure")
}

#[test]
fn review_a_figure_with_mouse_and_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![]));
    h.run();
    open_sample(&mut h, &chooser);
    let (id, label) = some_unique_figure(&mut h);
    h.run();

    // Click the highlighted figure by its label: it is selected and its fields shown.
    h.get_by_role_and_label(Role::Link, &label).click();
    h.run();
    assert_eq!(h.state().ws.selected, Some(id));

    // Type a new value in Vietnamese style and press Enter: the figure is corrected.
    let value = h.get_by_role_and_label(Role::TextInput, "Giá trị");
    value.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Giá trị")
        .type_text("22.400");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let f = figure(&h, id);
    assert_eq!(f.reading.value, Some(22400.0), "value typed as 22.400");
    assert_eq!(f.status, Status::Corrected);
    assert!(f.extracted.is_some() || f.status == Status::Added);
    // The machine's reading stays in view.
    assert!(h.query_by_label_contains("Máy đọc:").is_some());

    // Undo, redo.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let f = figure(&h, id);
    assert_ne!(f.reading.value, Some(22400.0), "undone");
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(figure(&h, id).reading.value, Some(22400.0), "redone");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(
        figure(&h, id).reading.value,
        Some(22400.0),
        "redone with Ctrl+Y"
    );

    // Revert, then confirm with the button.
    h.get_by_label("Trả về").click();
    h.run();
    assert_eq!(figure(&h, id).status, Status::Extracted);
    h.get_by_label("Xác nhận số này").click();
    h.run();
    assert_eq!(figure(&h, id).status, Status::Confirmed);

    // Next figure with the arrow key, reject it with Delete: the next unreviewed one comes up.
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let next = h.state().ws.selected.expect("a next figure");
    assert_ne!(next, id);
    h.key_press(egui::Key::Delete);
    h.run();
    assert_eq!(figure(&h, next).status, Status::Rejected);
    let moved = h.state().ws.selected;
    assert_ne!(moved, Some(next), "Delete moved on");
    if let Some(m) = moved {
        assert!(
            !figure(&h, m).status.is_reviewed(),
            "to an unreviewed figure"
        );
    }
    // Back to the first one by its label: Delete, then Enter from the keyboard.
    h.get_by_role_and_label(Role::Link, &label).click();
    h.run();
    assert_eq!(h.state().ws.selected, Some(id));
    h.key_press(egui::Key::Delete);
    h.run();
    assert_eq!(figure(&h, id).status, Status::Rejected);
    h.get_by_role_and_label(Role::Link, &label).click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(figure(&h, id).status, Status::Confirmed);
    // Next unreviewed skips reviewed ones.
    h.key_press(egui::Key::U);
    h.run();
    let u = h.state().ws.selected.expect("an unreviewed figure");
    assert!(!figure(&h, u).status.is_reviewed());
}

#[test]
fn invalid_input_shows_an_error_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    let (id, label) = some_unique_figure(&mut h);
    h.run();
    h.get_by_role_and_label(Role::Link, &label).click();
    h.run();
    let before = figure(&h, id);
    h.get_by_role_and_label(Role::TextInput, "Giá trị").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Giá trị")
        .type_text("9,7,2");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(figure(&h, id), before, "nothing changed");
    assert!(
        h.query_by_label_contains("dấu phân cách").is_some(),
        "inline error"
    );
    assert!(!h.state().ws.can_undo());

    // A date 31/02 in the header is refused too.
    let key = h.state().ws.current.expect("current");
    let meta_before = h
        .state()
        .ws
        .entry(key)
        .and_then(|e| e.article.clone())
        .map(|a| a.published);
    h.get_by_role_and_label(Role::TextInput, "Ngày đăng")
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Ngày đăng")
        .type_text("31/02/2019");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("“2019-02-31” không hợp lệ")
            .is_some(),
        "inline date error"
    );
    let meta_after = h
        .state()
        .ws
        .entry(key)
        .and_then(|e| e.article.clone())
        .map(|a| a.published);
    assert_eq!(meta_before, meta_after);
}

#[test]
fn add_a_figure_from_a_selection_and_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![]));
    h.run();
    open_sample(&mut h, &chooser);
    let text = h
        .state()
        .ws
        .current_article()
        .map(|a| a.text.clone())
        .expect("text");
    // A word the machine does not read as a figure: "LSO".
    let (s, e) = char_span(&text, "LSO");
    h.state_mut()
        .push(solieu::gui::command::Command::SelectText(s, e));
    h.run();
    h.get_by_label("+ Thêm số liệu từ vùng chọn").click();
    h.run();
    let a = h.state().ws.current_article().cloned().expect("article");
    let added = a
        .figures
        .iter()
        .find(|f| f.start == s && f.end == e)
        .expect("added figure");
    assert_eq!(added.status, Status::Added);
    assert_eq!(added.text, "LSO");
    assert_eq!(h.state().ws.selected, Some(added.id));

    // Export JSON through the app's own path, then read the file.
    let out = dir.path().join("xuat.json");
    chooser.push(Answer::Paths(vec![out.clone()]));
    h.get_by_label("Xuất JSON (mọi bài)…").click();
    h.run();
    let doc = solieu::export::from_json(&std::fs::read(&out).expect("exported")).expect("valid");
    assert_eq!(doc.articles.len(), 1);
    assert!(
        doc.articles[0]
            .figures
            .iter()
            .any(|f| f.text == "LSO" && f.status == Status::Added)
    );

    // An unwritable path: a message, nothing else changes.
    chooser.push(Answer::Paths(vec![dir.path().join("no/such/dir/x.json")]));
    h.get_by_label("Xuất JSON (mọi bài)…").click();
    h.run();
    assert!(h.state().message.as_ref().is_some_and(|m| m.error));
    assert!(h.query_by_label("Có lỗi").is_some(), "error window");
}

#[test]
fn autosave_then_a_fresh_app_restores_everything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    let (id, label) = some_unique_figure(&mut h);
    h.run();
    h.get_by_role_and_label(Role::Link, &label).click();
    h.run();
    h.key_press(egui::Key::Delete);
    h.run();
    wait_saved(&mut h);
    assert!(!h.state().unsaved(), "written through");
    assert!(dir.path().join("workspace.solieu").exists());
    // Delete moved on to the next unreviewed figure: that is the selection to restore.
    let selected = h.state().ws.selected;
    drop(h);

    let mut h2 = harness(app(dir.path(), &chooser, vec![]));
    h2.run();
    assert_eq!(h2.state().ws.selected, selected, "selection restored");
    assert_eq!(
        figure(&h2, id).status,
        Status::Rejected,
        "annotation restored"
    );
}

#[test]
fn a_bad_file_shows_its_error_and_the_rest_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("hong.txt");
    // A PNG image renamed `.txt`.
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let missing = dir.path().join("khong-co.txt");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(
        dir.path(),
        &chooser,
        vec![bad.clone(), sample(SAMPLE), missing],
    ));
    h.run();
    let ws = &h.state().ws;
    assert_eq!(ws.entries.len(), 3);
    assert_eq!(ws.entries.iter().filter(|e| e.article.is_some()).count(), 1);
    assert!(
        ws.entries
            .iter()
            .any(|e| e.error.is_some() && e.path.ends_with("hong.txt"))
    );
    assert!(
        h.query_by_label_contains("Lỗi: hong.txt").is_some(),
        "listed with its error"
    );
}

#[test]
fn no_file_dialog_offers_a_path_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default(); // answers Unavailable
    let mut h = harness(app(dir.path(), &chooser, vec![]));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Đường dẫn");
    field.focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Đường dẫn")
        .type_text(&sample(SAMPLE).to_string_lossy());
    h.run();
    h.get_by_label("Đồng ý").click();
    h.run();
    assert!(h.state().ws.current_article().is_some());
}

#[test]
fn import_merges_and_refuses_newer_versions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    let (id, _) = some_unique_figure(&mut h);
    // Someone else rejected the figure.
    let mut theirs = h.state().ws.current_article().cloned().expect("article");
    for f in &mut theirs.figures {
        if f.id == id {
            f.status = Status::Rejected;
        }
    }
    let doc = solieu::model::Document::new(vec![theirs]);
    let good = dir.path().join("ban-khac.json");
    std::fs::write(&good, solieu::export::to_json(&doc)).expect("write");
    chooser.push(Answer::Paths(vec![good]));
    h.state_mut()
        .push(solieu::gui::command::Command::ImportJson);
    h.run();
    assert_eq!(
        figure(&h, id).status,
        Status::Rejected,
        "merged by text hash"
    );
    assert_eq!(h.state().ws.entries.len(), 1);

    let mut newer = serde_json::to_value(&doc).expect("json");
    newer["version"] = serde_json::json!(99);
    let bad = dir.path().join("moi-hon.json");
    std::fs::write(&bad, newer.to_string()).expect("write");
    chooser.push(Answer::Paths(vec![bad]));
    let before = solieu::review::snapshot::to_bytes(&h.state().ws);
    h.state_mut()
        .push(solieu::gui::command::Command::ImportJson);
    h.run();
    assert!(
        h.state()
            .message
            .as_ref()
            .is_some_and(|m| m.error && m.text.contains("newer"))
    );
    assert_eq!(
        solieu::review::snapshot::to_bytes(&h.state().ws),
        before,
        "workspace unchanged"
    );
}

#[test]
fn shortcuts_window_opens_with_f1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    h.key_press(egui::Key::F1);
    h.run();
    assert!(h.query_all_by_label("Phím tắt").count() >= 1);
    // The toolbar button and the row of the shortcut list.
    assert!(h.query_all_by_label("Số chưa duyệt tiếp theo").count() >= 2);
    assert!(h.query_by_label_contains("F1").is_some());
}

/// Every Vietnamese letter (both cases, 134) and the combining marks lay out under the
/// panic-on-missing-glyph policy, with the app's fonts.
#[test]
fn every_vietnamese_letter_has_a_glyph() {
    let lower =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
    let upper: String = lower.chars().flat_map(char::to_uppercase).collect();
    let vowels_with_marks = lower
        .chars()
        .filter(|c| !c.is_ascii() || "aeiouy".contains(*c))
        .filter(|c| !matches!(c, 'đ'))
        .count();
    let all: String = format!("{lower}{upper}");
    assert_eq!(
        all.chars().filter(|c| !c.is_ascii()).count(),
        134,
        "134 letters with diacritics"
    );
    assert!(vowels_with_marks > 60);
    // Combining marks: grave, acute, hook above, tilde, dot below, breve, circumflex, horn.
    let combining = "a\u{300} a\u{301} a\u{309} a\u{303} a\u{323} a\u{306} a\u{302} o\u{31b}";
    let mut h = Harness::builder()
        .with_context_setup(fonts::install)
        .build_ui(move |ui| {
            ui.label(&all);
            ui.label(combining);
            ui.label(egui::RichText::new(&all).monospace());
            ui.label(egui::RichText::new(&all).family(egui::FontFamily::Name(fonts::BOLD.into())));
        });
    h.run();
}

#[test]
fn a_changed_file_is_reanchored_and_lost_figures_are_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bai.txt");
    std::fs::copy(sample(SAMPLE), &file).expect("copy");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![file.clone()]));
    h.run();
    let key = h.state().ws.current.expect("current");
    let a = h.state().ws.current_article().cloned().expect("article");
    // Two figures with text unique in the article, in different sentences.
    let unique: Vec<_> = a
        .figures
        .iter()
        .filter(|f| a.figures.iter().filter(|g| g.text == f.text).count() == 1)
        .filter(|f| a.text.matches(f.text.as_str()).count() == 1)
        .cloned()
        .collect();
    let kept = unique.first().cloned().expect("a unique figure");
    let lost = unique
        .iter()
        .find(|f| f.context != kept.context)
        .cloned()
        .expect("another unique figure");
    for f in [&kept, &lost] {
        h.state_mut()
            .ws
            .edit_figure(key, f.id, solieu::review::Edit::Confirm)
            .expect("confirm");
    }
    h.state_mut().save_now();
    drop(h);

    // The file changes: a line on top, and the sentence of `lost` rewritten.
    let text = std::fs::read_to_string(&file).expect("read");
    let text = format!("Tin cập nhật.\n{}", text.replacen(&lost.text, "một số", 1));
    std::fs::write(&file, text).expect("write");

    let mut h = harness(app(dir.path(), &chooser, vec![]));
    h.run();
    let a = h.state().ws.current_article().cloned().expect("restored");
    let k = a
        .figures
        .iter()
        .find(|f| f.id == kept.id)
        .expect("kept figure");
    assert_eq!(k.status, Status::Confirmed);
    assert_eq!(k.start, kept.start + "Tin cập nhật.\n".chars().count());
    assert!(
        a.unplaced.iter().any(|f| f.id == lost.id),
        "lost one listed"
    );
    assert!(
        h.query_by_label_contains("mất vị trí").is_some(),
        "shown to the officer"
    );
}

#[test]
fn a_big_article_is_laid_out_only_where_visible() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    let mut a = h.state().ws.current_article().cloned().expect("article");
    let one = a.text.clone();
    a.text = (0..200)
        .map(|_| one.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    a.figures.clear();
    a.text_sha256 = solieu::text::sha256_hex(&a.text);
    let e = h.state_mut().ws.entries.first_mut().expect("entry");
    e.article = Some(a);
    e.revision += 1;
    h.run();
    let n = h.state().view.laid_out_last_frame;
    assert!(n > 0 && n < 100, "{n} paragraphs laid out");
    assert!(h.state().view.content_height() > 50_000.0);
}

#[test]
fn drag_a_selection_with_the_mouse_then_add_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    let (id, label) = some_unique_figure(&mut h);
    h.run();
    let r = h.get_by_role_and_label(Role::Link, &label).rect();
    let before = figure(&h, id);
    // Drag over the words just left of the figure.
    let p0 = egui::pos2(r.left() - 60.0, r.center().y);
    let p1 = egui::pos2(r.left() - 4.0, r.center().y);
    h.hover_at(p0);
    h.step();
    h.drag_at(p0);
    h.step();
    h.hover_at(egui::pos2(r.left() - 30.0, r.center().y));
    h.step();
    h.hover_at(p1);
    h.step();
    h.drop_at(p1);
    h.run();
    let (s, e) = h.state().view.selected_range().expect("a selection");
    assert!(
        e <= before.start && s < e,
        "{s}..{e} before {}",
        before.start
    );
    h.key_press(egui::Key::A);
    h.run();
    let a = h.state().ws.current_article().cloned().expect("article");
    let added = a
        .figures
        .iter()
        .find(|f| f.status == Status::Added)
        .expect("an added figure");
    assert_eq!((added.start, added.end), (s, e));
    assert_eq!(
        Some(added.text.as_str()),
        solieu::text::slice_chars(&a.text, s, e)
    );
}

/// Not a test: writes a workspace with a few reviewed figures of every status into
/// `$SOLIEU_DEMO_DIR`, for the README screenshot (`cargo test --test gui -- --ignored demo`).
#[test]
#[ignore]
fn demo_workspace_for_the_screenshot() {
    let Some(dir) = std::env::var_os("SOLIEU_DEMO_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let chooser = ScriptedChooser::default();
    let mut app = app(
        &dir,
        &chooser,
        vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles")],
    );
    let key = app
        .ws
        .entries
        .iter()
        .find(|e| e.path.ends_with(SAMPLE))
        .map(|e| e.key)
        .expect("sample");
    app.ws.select_entry(key);
    let a = app.ws.current_article().cloned().expect("article");
    let ids: Vec<u64> = a.figures.iter().map(|f| f.id).collect();
    use solieu::review::Edit;
    for (i, id) in ids.iter().enumerate().skip(1).take(8) {
        let edit = match i % 4 {
            0 => Edit::Reject,
            2 => {
                let mut r = a.figures[i].reading.clone();
                r.unit = Some("học viên".into());
                r.value = r.value.map(|v| v + 1.0);
                Edit::Reading(Box::new(r), Some("Kiểm tra lại với báo cáo".into()))
            }
            _ => Edit::Confirm,
        };
        let _ = app.ws.edit_figure(key, *id, edit);
    }
    let (s, e) = char_span(&a.text, "LSO");
    let _ = app.ws.add_figure(key, s, e);
    app.ws.select_figure(ids.get(6).copied());
    app.save_now();
}

#[test]
fn undo_keeps_at_least_a_hundred_steps() {
    let mut ws = solieu::review::Workspace::new();
    ws.open_paths(&[sample(SAMPLE)]);
    let key = ws.current.expect("current");
    let a = ws.current_article().cloned().expect("article");
    let original = a.clone();
    let id = match a.figures.first() {
        Some(f) => f.id,
        None => {
            let (s, e) = char_span(&a.text, "69");
            ws.add_figure(key, s, e).expect("added")
        }
    };
    use solieu::review::Edit;
    for i in 0..150 {
        let edit = if i % 2 == 0 {
            Edit::Reject
        } else {
            Edit::Confirm
        };
        ws.edit_figure(key, id, edit).expect("edit");
    }
    let mut n = 0;
    while ws.undo() {
        n += 1;
    }
    assert!(n >= 150, "{n} steps");
    assert_eq!(ws.current_article(), Some(&original));
    while ws.redo() {}
    assert_eq!(
        ws.current_article()
            .and_then(|a| a.figures.iter().find(|f| f.id == id))
            .map(|f| f.status),
        Some(Status::Confirmed)
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_folder_opens_its_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![]));
    h.run();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let n = std::fs::read_dir(&folder).map(|d| d.count()).unwrap_or(0);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(folder)));
    h.run();
    assert_eq!(h.state().ws.entries.len(), n);
    assert!(h.state().ws.entries.iter().all(|e| e.article.is_some()));
}

// ---- keys that flow ----------------------------------------------------------------------

/// Two articles open, the first current, nothing selected.
fn two_articles(dir: &Path, chooser: &ScriptedChooser) -> Harness<'static, SolieuApp> {
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles"))
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
    names.sort();
    let paths: Vec<PathBuf> = names.into_iter().take(2).collect();
    assert_eq!(paths.len(), 2, "two samples");
    let mut h = harness(app(dir, chooser, paths));
    h.run();
    let first = h.state().ws.entries[0].key;
    h.state_mut()
        .push(solieu::gui::command::Command::SelectEntry(first));
    h.run();
    h
}

#[test]
fn enter_and_delete_move_to_the_next_unreviewed_figure_unless_told_to_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = two_articles(dir.path(), &chooser);
    h.key_press(egui::Key::U);
    h.run();
    let first = h.state().ws.selected.expect("an unreviewed figure");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(figure(&h, first).status, Status::Confirmed);
    let second = h.state().ws.selected.expect("moved on");
    assert_ne!(second, first);
    assert!(!figure(&h, second).status.is_reviewed());
    h.key_press(egui::Key::Delete);
    h.run();
    assert_eq!(figure(&h, second).status, Status::Rejected);
    assert_ne!(h.state().ws.selected, Some(second), "Delete moved on too");

    // The option to stay.
    h.state_mut()
        .push(solieu::gui::command::Command::ToggleStayAfterReview);
    h.run();
    assert!(h.state().settings.stay_after_review);
    let here = h.state().ws.selected.expect("a figure");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().ws.selected, Some(here), "stays");
    assert!(figure(&h, here).status.is_reviewed());
}

#[test]
fn u_continues_into_the_next_article_and_n_p_switch_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = two_articles(dir.path(), &chooser);
    let (k1, k2) = (h.state().ws.entries[0].key, h.state().ws.entries[1].key);
    // N and P (and Ctrl+PageDown/PageUp) go through the list.
    h.key_press(egui::Key::N);
    h.run();
    assert_eq!(h.state().ws.current, Some(k2));
    h.key_press(egui::Key::P);
    h.run();
    assert_eq!(h.state().ws.current, Some(k1));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageDown);
    h.run();
    assert_eq!(h.state().ws.current, Some(k2));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageUp);
    h.run();
    assert_eq!(h.state().ws.current, Some(k1));
    // Review every figure of the first article; U then opens the second one's first.
    let ids: Vec<u64> = h
        .state()
        .ws
        .current_article()
        .map(|a| a.figures.iter().map(|f| f.id).collect())
        .unwrap_or_default();
    for id in ids {
        let _ = h
            .state_mut()
            .ws
            .edit_figure(k1, id, solieu::review::Edit::Confirm);
    }
    h.key_press(egui::Key::U);
    h.run();
    assert_eq!(
        h.state().ws.current,
        Some(k2),
        "U went on to the next article"
    );
    let sel = h.state().ws.selected.expect("a figure there");
    assert!(!figure(&h, sel).status.is_reviewed());
}

#[test]
fn escape_closes_the_shortcut_list_and_f1_toggles_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    // With an article: the toolbar shows "Số chưa duyệt tiếp theo" once, the list once more.
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    h.key_press(egui::Key::F1);
    h.run();
    assert!(
        h.query_all_by_label("Số chưa duyệt tiếp theo").count() >= 2,
        "the list is open"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(
        h.query_all_by_label("Số chưa duyệt tiếp theo").count(),
        1,
        "Esc closed it"
    );
    h.key_press(egui::Key::F1);
    h.run();
    h.key_press(egui::Key::F1);
    h.run();
    assert_eq!(
        h.query_all_by_label("Số chưa duyệt tiếp theo").count(),
        1,
        "F1 closed it"
    );
    // Esc also closes the path field.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run();
    assert!(h.query_by_label("Nhập đường dẫn").is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Nhập đường dẫn").is_none());
}

#[test]
fn the_path_field_takes_the_keyboard_and_exports_suggest_a_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default(); // answers Unavailable
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run();
    h.run();
    // Typing goes straight into the field, without clicking it.
    h.input_mut().events.push(egui::Event::Text("abc".into()));
    h.run();
    assert_eq!(h.state().path_field(), Some("abc"));
    h.key_press(egui::Key::Escape);
    h.run();
    // Ctrl+E without a dialog: the field offers so_lieu_<place>_<date>.json.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let name = h.state().path_field().unwrap_or_default().to_string();
    let day = jiff::ZonedDateTime::now().strftime("%Y-%m-%d").to_string();
    assert!(name.starts_with("so_lieu_"), "{name}");
    assert!(name.ends_with(&format!("_{day}.json")), "{name}");
    let place = name
        .trim_start_matches("so_lieu_")
        .trim_end_matches(&format!("_{day}.json"));
    assert!(
        !place.is_empty()
            && place
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
        "{name}: the place without marks"
    );
}

#[test]
fn exported_files_get_normal_permissions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("x.json");
    solieu::export::write_atomic(&out, b"{}").expect("write");
    // What any file the user creates gets (0666 less the umask), not a temporary file's 0600.
    let plain = dir.path().join("plain.json");
    std::fs::write(&plain, b"{}").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&plain), "{:o}", mode(&out));
    }
}

// ---- reading ------------------------------------------------------------------------------

#[test]
fn the_sidebar_filter_needs_no_marks_and_shows_titles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let mut h = harness(app(dir.path(), &chooser, vec![folder]));
    h.run();
    let with_district: Vec<(String, Option<String>)> = h
        .state()
        .ws
        .articles()
        .filter_map(|a| a.district.clone().map(|d| (d, a.title.clone())))
        .collect();
    let (district, title) = with_district.first().cloned().expect("a district");
    let typed = solieu::text::fold::unmarked(&district);
    assert!(typed.is_ascii(), "{typed}");
    let hits: Vec<bool> = h
        .state()
        .ws
        .entries
        .iter()
        .map(|e| solieu::gui::views::sidebar::matches(e, &typed))
        .collect();
    assert!(hits.iter().any(|&x| x), "{typed} finds {district}");
    assert!(!solieu::gui::views::sidebar::matches(
        &h.state().ws.entries[0],
        "zzzz"
    ));
    // The list shows the headline (the file name is in the tooltip).
    if let Some(t) = title {
        let shown: String = t.chars().take(20).collect();
        assert!(
            h.query_by_label_contains(&shown).is_some(),
            "title {shown} shown"
        );
    }
}

// ---- nothing acknowledged is lost ---------------------------------------------------------

#[test]
fn a_failed_save_stays_unsaved_is_retried_and_quitting_asks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    // The workspace's folder cannot be created: a file stands where it should be (this
    // fails for root too, unlike a read-only folder).
    let blocker = dir.path().join("blocked");
    std::fs::write(&blocker, b"not a folder").expect("write");
    let ws_file = blocker.join("ws.solieu");
    let opts = solieu::gui::app::AppOptions {
        settings: Settings::default(),
        data_dir: Some(dir.path().to_path_buf()),
        paths: vec![sample(SAMPLE)],
        open_samples: false,
        chooser: Box::new(chooser.clone()),
    };
    let mut h = harness(SolieuApp::with_workspace(
        opts,
        Some(ws_file.clone()),
        false,
    ));
    h.run();
    let key = h.state().ws.current.expect("open");
    let id = h
        .state()
        .ws
        .current_article()
        .and_then(|a| a.figures.first())
        .map(|f| f.id)
        .expect("a figure");
    h.state_mut()
        .ws
        .edit_figure(key, id, solieu::review::Edit::Reject)
        .expect("edit");
    h.state_mut().save_now();
    assert!(h.state().unsaved(), "a failed save is not counted as saved");
    assert!(h.state().save_error.is_some(), "the failure is shown");
    h.run();
    assert!(
        h.query_by_label_contains("Chưa lưu được").is_some(),
        "in the status line"
    );
    // Quitting asks.
    h.state_mut().push(solieu::gui::command::Command::Quit);
    h.run();
    assert!(
        h.query_by_label("Còn thay đổi chưa lưu").is_some(),
        "quitting asks"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    // The folder becomes possible: the retry writes it without anything else done.
    std::fs::remove_file(&blocker).expect("remove");
    std::fs::create_dir_all(&blocker).expect("mkdir");
    wait_saved(&mut h);
    assert!(!h.state().unsaved(), "the retry saved it");
    assert!(h.state().save_error.is_none());
    drop(h);
    let s = solieu::review::store::Store::open(&ws_file).expect("store");
    let ws = s.load(solieu::pipeline::Pipeline::builtin()).expect("load");
    let f = ws
        .current_article()
        .and_then(|a| a.figures.iter().find(|f| f.id == id))
        .cloned()
        .expect("figure");
    assert_eq!(f.status, Status::Rejected);
}

#[cfg(unix)]
#[test]
fn a_read_only_workspace_folder_shows_the_error_and_keeps_the_change_unsaved() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let ro = dir.path().join("ro");
    std::fs::create_dir_all(&ro).expect("mkdir");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root writes anywhere: the folder is then not read-only for this process.
    if std::fs::write(ro.join("probe"), b"x").is_ok() {
        eprintln!("skipped: running as root, a read-only folder is writable");
        return;
    }
    let chooser = ScriptedChooser::default();
    let opts = solieu::gui::app::AppOptions {
        settings: Settings::default(),
        data_dir: Some(dir.path().to_path_buf()),
        paths: vec![sample(SAMPLE)],
        open_samples: false,
        chooser: Box::new(chooser.clone()),
    };
    let mut h = harness(SolieuApp::with_workspace(
        opts,
        Some(ro.join("ws.solieu")),
        false,
    ));
    h.run();
    h.state_mut().save_now();
    assert!(h.state().unsaved());
    assert!(h.state().save_error.is_some());
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn an_unreadable_workspace_is_kept_aside_and_the_app_starts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("workspace.solieu");
    std::fs::write(&file, b"this is not a database, but the officer's file").expect("write");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![]));
    h.run();
    let m = h.state().message.clone().expect("a message");
    assert!(m.error && m.text.contains("Không đọc được"), "{}", m.text);
    let kept: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".unreadable-"))
        .collect();
    assert_eq!(kept.len(), 1, "set aside under a dated name");
    assert_eq!(
        std::fs::read(&kept[0]).expect("read"),
        b"this is not a database, but the officer's file"
    );
}

#[test]
fn a_workspace_with_a_figure_ending_before_it_starts_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("workspace.solieu");
    {
        let mut ws = solieu::review::Workspace::new();
        ws.open_paths(&[sample(SAMPLE)]);
        ws.touch_all();
        let mut s = solieu::review::store::Store::open(&file).expect("store");
        let b = solieu::review::store::Batch::take(&mut ws).expect("batch");
        s.write(&[b]).expect("write");
    }
    // Damage one figure the way a bad copy or an old bug could: end < start.
    {
        let conn = rusqlite::Connection::open(&file).expect("sqlite");
        let json: String = conn
            .query_row("SELECT article FROM entries LIMIT 1", [], |r| r.get(0))
            .expect("row");
        let mut a: serde_json::Value = serde_json::from_str(&json).expect("json");
        a["figures"][0]["end"] = serde_json::json!(0);
        a["figures"][0]["start"] = serde_json::json!(5);
        conn.execute("UPDATE entries SET article = ?1", [a.to_string()])
            .expect("update");
    }
    let err = solieu::review::store::Store::open(&file)
        .expect("opens")
        .load(solieu::pipeline::Pipeline::builtin())
        .expect_err("refused");
    assert!(
        matches!(err, solieu::review::store::StoreError::Unreadable(_)),
        "{err}"
    );
    // The window starts with a message and keeps the file.
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![]));
    h.run();
    assert!(h.state().message.as_ref().is_some_and(|m| m.error));
    assert!(h.state().ws.entries.is_empty());
    assert!(
        std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().contains(".unreadable-"))
    );
}

// ---- one writer per workspace -------------------------------------------------------------

#[test]
fn a_second_process_hands_its_paths_to_the_window_holding_the_workspace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws_file = dir.path().join("report.solieu");
    // This process is the window: it holds the lock and watches its inbox.
    let lock = solieu::review::lock::WriterLock::acquire(&ws_file).expect("lock");
    let watch = lock.watch_inbox(Box::new(|| {}));
    // A second process starts on the same workspace with an article.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_solieu"))
        .arg("--workspace")
        .arg(&ws_file)
        .arg(sample(SAMPLE))
        .env("SOLIEU_DATA_DIR", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn solieu");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut got = Vec::new();
    while got.is_empty() && std::time::Instant::now() < until {
        got.extend(watch.take());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let status = child.wait().expect("wait");
    assert!(
        status.success(),
        "the second process ends after handing over: {status}"
    );
    assert_eq!(got.len(), 1, "one request");
    assert!(
        got[0].iter().any(|p| p.ends_with(SAMPLE)),
        "its article came over: {:?}",
        got[0]
    );
    // Never two writers: the lock is still ours alone.
    assert!(matches!(
        solieu::review::lock::WriterLock::acquire(&ws_file),
        Err(solieu::review::lock::LockError::Held)
    ));
    drop(lock);
    assert!(solieu::review::lock::WriterLock::acquire(&ws_file).is_ok());
}

#[test]
fn a_window_on_a_held_workspace_opens_it_read_only_with_a_banner() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws_file = dir.path().join("report.solieu");
    let _lock = solieu::review::lock::WriterLock::acquire(&ws_file).expect("lock");
    let chooser = ScriptedChooser::default();
    let opts = solieu::gui::app::AppOptions {
        settings: Settings::default(),
        data_dir: Some(dir.path().to_path_buf()),
        paths: vec![],
        open_samples: false,
        chooser: Box::new(chooser.clone()),
    };
    let mut h = harness(SolieuApp::with_workspace(opts, Some(ws_file), false));
    h.run();
    assert!(h.state().read_only);
    assert!(h.query_by_label("CHỈ ĐỌC").is_some(), "the banner");
    // After an edit here, quitting asks, says why, and offers to export the work.
    h.state_mut()
        .push(solieu::gui::command::Command::OpenPaths(vec![sample(
            SAMPLE,
        )]));
    h.run();
    let (id, _) = some_unique_figure(&mut h);
    let key = h.state().ws.current.expect("current");
    h.state_mut()
        .push(solieu::gui::command::Command::EditFigure(
            key,
            id,
            solieu::review::Edit::Reject,
        ));
    h.run();
    assert!(h.state().ws.can_undo(), "the edit was made");
    h.state_mut().push(solieu::gui::command::Command::Quit);
    h.run();
    assert!(h.state().quit_prompt_open(), "asked");
    assert!(
        h.query_by_label("Còn thay đổi chưa lưu").is_some(),
        "an edit in a read-only window is asked about on quit"
    );
    assert!(
        h.query_by_label("Xuất JSON…").is_some(),
        "offers to export it"
    );
}

#[test]
fn named_workspaces_keep_their_own_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    assert_eq!(h.state().ws.entries.len(), 1);
    let other = dir.path().join("tinh_bac_kan.solieu");
    h.state_mut()
        .push(solieu::gui::command::Command::OpenWorkspacePath(
            other.clone(),
        ));
    h.run();
    assert!(
        h.state().ws.entries.is_empty(),
        "a new workspace starts empty"
    );
    assert_eq!(h.state().workspace_path().as_deref(), Some(other.as_path()));
    let default = dir.path().join("workspace.solieu");
    h.state_mut()
        .push(solieu::gui::command::Command::OpenWorkspacePath(
            default.clone(),
        ));
    h.run();
    assert_eq!(
        h.state().ws.entries.len(),
        1,
        "the first one kept its article"
    );
    assert_eq!(h.state().settings.recent_workspaces.first(), Some(&default));
    assert!(h.state().settings.recent_workspaces.contains(&other));
}

#[test]
fn recent_files_keep_only_what_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let missing = dir.path().join("missing.txt");
    let mut h = harness(app(
        dir.path(),
        &chooser,
        vec![sample(SAMPLE), missing.clone()],
    ));
    h.run();
    let recent = &h.state().settings.recent;
    assert!(recent.iter().any(|p| p.ends_with(SAMPLE)));
    assert!(
        !recent.iter().any(|p| p.ends_with("missing.txt")),
        "{recent:?}"
    );
}

// ---- selecting text precisely ---------------------------------------------------------------

#[test]
fn a_drag_starts_at_the_pressed_character_even_on_a_figure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![sample(SAMPLE)]));
    h.run();
    let (id, label) = some_unique_figure(&mut h);
    h.run();
    let r = h.get_by_role_and_label(Role::Link, &label).rect();
    let f = figure(&h, id);
    // Alt: exactly what the pointer covered, so the start shows where the press was.
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::ALT));
    let p0 = egui::pos2(r.left() + 1.0, r.center().y);
    let p1 = egui::pos2(r.right() + 30.0, r.center().y);
    h.hover_at(p0);
    h.step();
    h.drag_at(p0);
    h.step();
    h.hover_at(egui::pos2(r.right() + 10.0, r.center().y));
    h.step();
    h.hover_at(p1);
    h.step();
    h.drop_at(p1);
    h.run();
    let (s, e) = h
        .state()
        .view
        .selected_range()
        .expect("a selection started on the figure");
    assert_eq!(s, f.start, "the first character is the pressed one");
    assert!(
        e >= f.end,
        "{s}..{e} covers the figure {}..{}",
        f.start,
        f.end
    );
    // Without Alt, the same drag ends on a whole word, without a trailing space.
    h.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    h.hover_at(p0);
    h.step();
    h.drag_at(p0);
    h.step();
    h.hover_at(p1);
    h.step();
    h.drop_at(p1);
    h.run();
    let (s, e) = h.state().view.selected_range().expect("a selection");
    let a = h.state().ws.current_article().cloned().expect("article");
    let text = solieu::text::slice_chars(&a.text, s, e).unwrap_or_default();
    assert_eq!(s, f.start);
    assert_eq!(text.trim(), text, "no spaces at the ends: {text:?}");
    let after = a.text.chars().nth(e);
    assert!(
        after.is_none_or(|c| !c.is_alphanumeric()),
        "ends at a word boundary: {text:?} then {after:?}"
    );
}

/// Tệp → Mở địa chỉ web…: the page is downloaded on a thread (from a server this test starts on
/// the loopback, never the internet), read like a saved page, and opens while frames go on.
#[test]
fn a_web_address_opens_through_the_menu() {
    use std::io::{Read, Write};
    let page = "<html><head><meta charset=\"utf-8\"><title>Cổng TTĐT huyện</title></head><body>\
        <h1>Huyện Tân Lạc bồi dưỡng 350 lượt cán bộ</h1><article><p>Năm 2022, huyện Tân Lạc mở \
        12 lớp bồi dưỡng cho 350 lượt cán bộ, công chức cấp xã; 98,5% học viên hoàn thành \
        chương trình.</p></article></body></html>";
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        if let Ok((mut s, _)) = listener.accept() {
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                page.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(page.as_bytes());
        }
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser, vec![]));
    h.run();
    h.get_by_label("Tệp").click();
    h.run();
    h.get_by_label_contains("Mở địa chỉ web…").click();
    h.run();
    let url = format!("http://{addr}/tin-tuc/bai-1.html");
    h.get_by_role_and_label(Role::TextInput, "Đường dẫn")
        .type_text(&url);
    h.run();
    h.get_by_label("Đồng ý").click();
    h.run();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while h.state().ws.current_article().is_none() && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run();
    }
    let a = h
        .state()
        .ws
        .current_article()
        .cloned()
        .expect("the page did not open");
    assert_eq!(a.path, url);
    assert_eq!(
        a.title.as_deref(),
        Some("Huyện Tân Lạc bồi dưỡng 350 lượt cán bộ")
    );
    assert_eq!(a.district.as_deref(), Some("Tân Lạc"));
    assert!(a.figures.iter().any(|f| f.text == "98,5%"));
}

#[test]
fn a_computed_fact_is_offered_beside_its_part_and_decided_with_keys_and_buttons() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("krong_pac.txt");
    std::fs::write(
        &file,
        "Huyện Krông Pắc\n\nVề trình độ chuyên môn, cán bộ, công chức cấp huyện có 55,2% trình \
         độ đại học; 2% trình độ trên đại học.\n",
    )
    .expect("write");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(&dir.path().join("data"), &chooser, vec![file]));
    h.run();
    let computed = |h: &Harness<'static, SolieuApp>| {
        h.state()
            .ws
            .current_article()
            .and_then(|a| a.computed.first().cloned())
            .expect("an offer")
    };
    let offer = computed(&h);
    assert_eq!(offer.status, Status::Extracted);
    // Selecting its first part shows it as a suggestion, formula and all.
    h.get_by_role_and_label(Role::Link, "55,2%").click();
    h.run();
    assert_eq!(h.state().ws.selected, Some(offer.from[0]));
    assert!(h.query_by_label_contains("55,2% + 2% = 57,2%").is_some());
    // C accepts it…
    h.key_press(egui::Key::C);
    h.run();
    assert_eq!(computed(&h).status, Status::Confirmed);
    // … the button rejects it, and undo takes that back.
    h.get_by_label("Bỏ số tính").click();
    h.run();
    assert_eq!(computed(&h).status, Status::Rejected);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(computed(&h).status, Status::Confirmed);
}

/// A web page read with the reader view keeps the whole page: "Xem toàn trang" shows what the
/// reader view cut (the menu), and turning it off brings back the article with its figures.
#[test]
fn the_full_page_toggle_shows_what_the_reader_view_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    let para = "Năm 2022, Ban Tổ chức Huyện ủy Tân Lạc phối hợp với Trung tâm Chính trị huyện \
        mở 12 lớp bồi dưỡng cho 350 lượt cán bộ, công chức cấp xã; 98,5% học viên hoàn thành \
        chương trình và được cấp chứng chỉ theo quy định của tỉnh.";
    let page = format!(
        "<html><head><meta charset=\"utf-8\"><title>Cổng TTĐT huyện Tân Lạc</title></head><body>\
         <nav><ul><li><a href=\"/a\">Trang chủ</a></li><li><a href=\"/b\">Chuyên mục Dân vận \
         khéo</a></li><li><a href=\"/c\">Thủ tục hành chính</a></li></ul></nav>\
         <article><h1>Huyện Tân Lạc bồi dưỡng 350 lượt cán bộ</h1><p>{para}</p><p>{para}</p>\
         <p>{para}</p></article><footer>Bản quyền thuộc UBND huyện Tân Lạc</footer>\
         </body></html>"
    );
    let path = dir.path().join("bai.html");
    std::fs::write(&path, page).expect("write page");
    let data = dir.path().join("data");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(&data, &chooser, vec![path]));
    h.run();
    let a = h
        .state()
        .ws
        .current_article()
        .cloned()
        .expect("the page opened");
    assert!(
        a.full_text
            .as_deref()
            .is_some_and(|t| t.contains("Chuyên mục Dân vận khéo")),
        "the whole page is kept"
    );
    assert!(
        !a.text.contains("Chuyên mục Dân vận khéo"),
        "the menu is cut"
    );
    assert!(
        h.query_by_label_contains("Chuyên mục Dân vận khéo")
            .is_none()
    );
    h.get_by_label("Xem toàn trang").click();
    h.run();
    assert!(
        h.query_by_label_contains("Chuyên mục Dân vận khéo")
            .is_some(),
        "the full page shows"
    );
    h.get_by_label("Xem toàn trang").click();
    h.run();
    assert!(
        h.query_by_label_contains("Chuyên mục Dân vận khéo")
            .is_none()
    );
    let after = h.state().ws.current_article().cloned().expect("article");
    assert_eq!(after.figures, a.figures, "figures stay on the article text");
}

/// An article about several districts says in its header that it has no single place.
#[test]
fn the_header_says_an_article_has_no_single_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tinh.txt");
    std::fs::write(
        &path,
        "Lạng Sơn: kết quả bồi dưỡng cán bộ năm 2023\n\nThứ Hai, 15/01/2024\n\nTỷ lệ cán bộ \
         cấp xã đạt chuẩn của huyện Đình Lập đạt 95%, huyện Lộc Bình 90%.\n",
    )
    .expect("write");
    let data = dir.path().join("data");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(&data, &chooser, vec![path]));
    h.run();
    assert!(
        h.query_by_label_contains("không có một địa bàn chung")
            .is_some(),
        "the header says so"
    );
    assert!(h.query_by_label_contains("Đình Lập, Lộc Bình").is_some());
}

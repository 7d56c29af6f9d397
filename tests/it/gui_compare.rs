//! The comparison tab ("So sánh") driven through egui_kittest like tests/gui.rs: the real app on
//! the bundled samples, the indicator picked by its Vietnamese name, the table read by label, a
//! row (and a bar, through the pure hit test) clicked back to its figure, the CSV export, the
//! cross-checks of a crafted conflicting workspace, and a new indicator from the editor.

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use solieu::gui::app::{AppOptions, Settings, SolieuApp};
use solieu::gui::command::Tab;
use solieu::gui::files::{Answer, ScriptedChooser};
use solieu::gui::fonts;
use solieu::gui::views::compare_view;
use solieu::review::{Edit, Meta};
use std::path::{Path, PathBuf};

const POSTGRADUATE: &str = "Tỷ lệ có trình độ sau đại học";

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles")
}

fn app(data: &Path, chooser: &ScriptedChooser) -> SolieuApp {
    let mut app = SolieuApp::new(AppOptions {
        settings: Settings::default(),
        data_dir: Some(data.to_path_buf()),
        paths: vec![samples()],
        open_samples: false,
        chooser: Box::new(chooser.clone()),
    });
    // Nothing may reach the officer's real config folder.
    app.catalogue_dir = Some(data.join("config"));
    app
}

fn harness(app: SolieuApp) -> Harness<'static, SolieuApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut SolieuApp| app.show(ui), app)
}

/// Switches to "So sánh" and picks the indicator by its Vietnamese name.
fn compare(h: &mut Harness<'static, SolieuApp>, name: &str) {
    h.get_by_label("So sánh").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Compare);
    h.get_by_label("Chỉ số so sánh").click();
    h.run();
    h.get_by_label(name).click();
    h.run();
}

fn selected_text(h: &Harness<'static, SolieuApp>) -> String {
    h.state()
        .ws
        .selected_figure()
        .map(|f| f.text.clone())
        .expect("a figure is selected")
}

fn type_into(h: &mut Harness<'static, SolieuApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn pick_an_indicator_read_the_table_and_click_back_to_the_figure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser));
    h.run();
    compare(&mut h, POSTGRADUATE);
    assert_eq!(
        h.state().compare.indicator.as_deref(),
        Some("degree_postgraduate")
    );
    // Chợ Đồn 15,3%; Phú Ninh 9,3% (from 16/172) and more than 9%.
    assert!(h.query_by_label("Chợ Đồn").is_some());
    assert!(h.query_by_label("15,3%").is_some());
    assert!(h.query_by_label("9,3%").is_some());
    assert!(h.query_by_label("> 9%").is_some());
    assert_eq!(h.query_all_by_label("Phú Ninh").count(), 2);
    assert!(
        h.query_by_label("Chưa có số liệu: Càng Long, Đất Đỏ, Đình Lập")
            .is_some()
    );

    // Sort by value (descending on the second click): Chợ Đồn first, then the reverse.
    h.get_by_label("Giá trị").click();
    h.run();
    let asc = h.state().compare.sorted_rows();
    h.get_by_label("Giá trị ^").click();
    h.run();
    let desc = h.state().compare.sorted_rows();
    assert_eq!(asc.iter().rev().copied().collect::<Vec<_>>(), desc);

    // Click a row: the article view shows that figure selected.
    h.get_by_label("15,3%").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Article);
    assert_eq!(selected_text(&h), "15,3%");
    assert!(
        h.state()
            .ws
            .current_entry()
            .is_some_and(|e| e.path.ends_with("004_a7ba4a489810e601.txt"))
    );
    assert_eq!(h.state().view.scroll_to, None, "scrolled into view");

    // Click a bar (the hit test over the chart's layout, then the command it gives).
    h.get_by_label("So sánh").click();
    h.run();
    let c = h.state().compare.comparison.clone().expect("comparison");
    let (groups, bars) = compare_view::layout(&c, "?");
    // Several populations: each group is a district and the population it counts.
    let pn = groups
        .iter()
        .position(|g| g == "Phú Ninh · Lãnh đạo, quản lý")
        .expect("group") as f64;
    let bar = bars
        .iter()
        .find(|b| (b.x - pn).abs() < 0.5 && c.rows[b.row].text == "16/172")
        .expect("the 16/172 bar");
    let row = compare_view::hit(&bars, bar.x, bar.value / 2.0, 1.0).expect("hit");
    let cmd = h
        .state()
        .compare
        .goto(c.rows[row].article, c.rows[row].figure)
        .expect("command");
    h.state_mut().push(cmd);
    h.run();
    assert_eq!(h.state().tab, Tab::Article);
    assert_eq!(selected_text(&h), "16/172");
}

#[test]
fn export_the_comparison_as_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser));
    h.run();
    compare(&mut h, POSTGRADUATE);
    let out = dir.path().join("so-sanh.csv");
    chooser.push(Answer::Paths(vec![out.clone()]));
    h.get_by_label("Xuất bảng CSV…").click();
    h.run();
    let csv = std::fs::read_to_string(&out).expect("csv written");
    assert!(csv.starts_with('\u{feff}'), "BOM for spreadsheets");
    // Ids and, beside them, the names the officer reads.
    assert!(csv.contains(",chung,CBCC chung,Chợ Đồn,2020,15.3,"));
    assert!(csv.contains(",lanh_dao,\"Lãnh đạo, quản lý\",Phú Ninh,2017,9.3,"));
    assert!(csv.contains(",,,Đình Lập,"));
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.starts_with("degree_postgraduate,") && l.contains("sau đại học")),
        "{csv}"
    );
    assert_eq!(csv.lines().filter(|l| l.ends_with(",true")).count(), 3);
}

#[test]
fn cross_checks_list_a_conflict_and_lead_to_its_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser));
    h.run();
    compare(&mut h, POSTGRADUATE);
    let before = h.state().compare.recomputed;
    h.run();
    h.run();
    assert_eq!(
        h.state().compare.recomputed,
        before,
        "no recompute per frame"
    );
    assert!(h.query_by_label("xung đột").is_none());

    // Craft a conflict: the Chợ Đồn article now speaks of Phú Ninh's leaders in 2017
    // (15,3% vs 9,3%; conflicts are only ever within one population).
    let (key, fig) = {
        let app = h.state();
        let e = app
            .ws
            .entries
            .iter()
            .find(|e| e.path.ends_with("004_a7ba4a489810e601.txt"))
            .expect("article");
        let f = e
            .article
            .as_ref()
            .and_then(|a| a.figures.iter().find(|f| f.text == "15,3%"))
            .expect("figure");
        (e.key, f.clone())
    };
    {
        let app = h.state_mut();
        let meta = Meta {
            district: Some("Phú Ninh".into()),
            ..Meta::default()
        };
        app.ws.set_meta(key, meta).expect("meta");
        let mut r = fig.reading.clone();
        r.year = Some(2017);
        r.population = Some(solieu::model::Population::LanhDao);
        app.ws
            .edit_figure(key, fig.id, Edit::Reading(Box::new(r), None))
            .expect("edit");
    }
    h.run();
    assert!(
        h.state().compare.recomputed > before,
        "recomputed on change"
    );
    assert!(h.query_all_by_label("xung đột").count() >= 2);
    let conflicts = h
        .state()
        .compare
        .issues
        .iter()
        .filter(|i| i.kind == solieu::checks::IssueKind::Conflict)
        .count();
    assert!(conflicts >= 1);
    assert!(h.query_by_label_contains("Kiểm tra chéo (").is_some());
    assert!(h.query_by_label("Số liệu mâu thuẫn giữa các bài").is_some());

    // The entry's link to the 16/172 figure opens it.
    h.get_by_label("16/172 (Phú Ninh)").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Article);
    assert_eq!(selected_text(&h), "16/172");
    // The editor shows the issue of the selected figure.
    assert!(
        h.query_by_label_contains("Số liệu mâu thuẫn giữa các bài:")
            .is_some()
    );
}

#[test]
fn create_an_indicator_from_the_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser));
    h.run();
    let (key, id) = {
        let app = h.state();
        let e = app.ws.current_entry().expect("entry");
        let f = e
            .article
            .as_ref()
            .and_then(|a| a.figures.first())
            .expect("figure");
        (e.key, f.id)
    };
    h.state_mut().ws.select_figure(Some(id));
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Chỉ số").click();
    h.run();
    // Search without tone marks.
    type_into(&mut h, "Tìm chỉ số", "sau dai hoc");
    assert!(h.query_by_label(POSTGRADUATE).is_some());
    assert!(h.query_by_label("Tỷ lệ cán bộ nữ").is_none());
    h.get_by_label("Tạo chỉ số mới…").click();
    h.run();
    assert!(h.state().new_indicator.is_some());
    type_into(&mut h, "Mã", "women_leaders");
    type_into(&mut h, "Tên", "Tỷ lệ nữ lãnh đạo");
    h.get_by_label("Tạo").click();
    h.run();
    let app = h.state();
    assert!(
        app.new_indicator.is_none(),
        "{:?} {:?}",
        app.message,
        app.new_indicator
    );
    assert!(app.ws.pipeline.catalogue().get("women_leaders").is_some());
    let saved = std::fs::read_to_string(dir.path().join("config").join("indicators.json"))
        .or_else(|_| {
            // Whatever name the catalogue uses, it is in the temporary config folder.
            let p = std::fs::read_dir(dir.path().join("config"))?
                .next()
                .expect("a file")?
                .path();
            std::fs::read_to_string(p)
        })
        .expect("saved");
    assert!(saved.contains("women_leaders"));
    let f = app
        .ws
        .entry(key)
        .and_then(|e| e.article.as_ref())
        .and_then(|a| a.figures.iter().find(|f| f.id == id))
        .expect("figure");
    assert_eq!(f.reading.indicator.as_deref(), Some("women_leaders"));
}

/// Prepares the workspace of `assets/screenshots/compare.png` in `$SOLIEU_DEMO_DIR`: the
/// samples with some training figures confirmed (drawn solid) and one rejected.
#[test]
#[ignore]
fn demo_workspace_for_the_compare_screenshot() {
    let Some(dir) = std::env::var_os("SOLIEU_DEMO_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let chooser = ScriptedChooser::default();
    let mut app = app(&dir, &chooser);
    let targets: Vec<(u64, u64, usize)> = app
        .ws
        .entries
        .iter()
        .filter_map(|e| Some((e.key, e.article.as_ref()?)))
        .flat_map(|(k, a)| {
            a.figures
                .iter()
                .filter(|f| f.reading.indicator.as_deref() == Some("training_attendances"))
                .enumerate()
                .map(move |(i, f)| (k, f.id, i))
        })
        .collect();
    for (k, id, i) in targets {
        let edit = if i % 3 == 2 {
            Edit::Reject
        } else {
            Edit::Confirm
        };
        if i % 2 == 0 {
            let _ = app.ws.edit_figure(k, id, edit);
        }
    }
    app.save_now();
}

#[test]
fn overview_cells_lead_to_their_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser));
    h.run();
    h.get_by_label("So sánh").click();
    h.run();
    h.get_by_label("Tổng quan huyện × chỉ số").click();
    h.run();
    // Chợ Đồn's postgraduate share is the only 15,3% of the overview.
    h.get_by_label("15,3%").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Article);
    assert_eq!(selected_text(&h), "15,3%");
}

#[test]
fn chart_exports_for_print_while_out_of_view_and_population_is_picked() {
    use solieu::gui::i18n::Lang;
    use solieu::model::Population;
    let dir = tempfile::tempdir().expect("tempdir");
    let chooser = ScriptedChooser::default();
    let mut h = harness(app(dir.path(), &chooser));
    h.run();
    compare(&mut h, POSTGRADUATE);
    // Pick a population: only its rows stay, the others' districts count as missing.
    let pops = h.state().compare.populations();
    assert!(pops.contains(&Population::LanhDao), "{pops:?}");
    h.state_mut()
        .compare
        .set_population(Some(Population::LanhDao));
    h.run();
    let rows = &h
        .state()
        .compare
        .comparison
        .as_ref()
        .expect("compared")
        .rows;
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r.population == Some(Population::LanhDao))
    );
    // Leave the tab: the chart is not on screen at all, and still exports at print size.
    h.state_mut().compare.set_population(None);
    h.run();
    h.get_by_label("15,3%").click();
    h.run();
    assert_eq!(h.state().tab, Tab::Article);
    let cat = h.state().ws.pipeline.catalogue().clone();
    let png = dir.path().join("bieu_do.png");
    h.state()
        .compare
        .export_chart(&cat, Lang::Vi, &png)
        .expect("png written");
    let img = image::load_from_memory(&std::fs::read(&png).expect("read png")).expect("a PNG");
    assert_eq!(
        (img.width(), img.height()),
        solieu::chart::PNG_SIZE,
        "print size, not a screen crop"
    );
    let rgb = img.to_rgb8();
    let (r, g, b) = solieu::chart::PALETTE[0];
    assert!(
        rgb.pixels().any(|p| p.0 == [r, g, b]),
        "bars drawn in the first year's colour"
    );
    let svg_path = dir.path().join("bieu_do.svg");
    h.state()
        .compare
        .export_chart(&cat, Lang::Vi, &svg_path)
        .expect("svg written");
    let svg = std::fs::read_to_string(&svg_path).expect("read svg");
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
    assert!(
        svg.contains(POSTGRADUATE),
        "the indicator's name, not its id"
    );
    assert!(svg.contains("Chợ Đồn"), "district names under the bars");
    assert!(!svg.contains("degree_postgraduate"));
}

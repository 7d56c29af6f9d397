//! Saving one edit with 10, 1,000 and 10,000 articles open: the change is taken from the
//! workspace and written to the store in one transaction (what the writer thread does), so
//! its cost should not grow with the workspace. Also the UI thread's share alone (taking the
//! change and serializing the one article), which is all a frame pays.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use solieu::review::store::{Batch, Store};
use solieu::review::{Edit, Workspace};
use std::path::{Path, PathBuf};

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// A workspace of `n` articles: the samples opened once, then copied under other paths.
fn workspace(n: usize) -> Workspace {
    let mut ws = Workspace::new();
    ws.open_paths(&samples());
    let base: Vec<_> = ws.articles().cloned().collect();
    let mut doc = Vec::with_capacity(n);
    for i in 0..n {
        let mut a = base[i % base.len()].clone();
        a.path = format!(
            "/bench/{i:05}_{}",
            a.path.rsplit('/').next().unwrap_or("a.txt")
        );
        // Distinct texts, so an import adds instead of merging.
        a.text_sha256 = format!("{i:064x}");
        doc.push(a);
    }
    let mut fresh = Workspace::new();
    let json = solieu::export::to_json(&solieu::model::Document::new(doc));
    let _ = fresh.import_json(json.as_bytes());
    fresh
}

fn save_one_edit(c: &mut Criterion) {
    let mut g = c.benchmark_group("save one edit");
    g.sample_size(30);
    for n in [10usize, 1_000, 10_000] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("ws.solieu");
        let mut ws = workspace(n);
        assert_eq!(ws.entries.len(), n);
        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
        ws.touch_all();
        if let Some(b) = Batch::take(&mut ws) {
            store.write(&[b]).unwrap_or_else(|e| panic!("{e}"));
        }
        let key = ws.entries[n / 2].key;
        let id = ws.entries[n / 2]
            .article
            .as_ref()
            .and_then(|a| a.figures.first())
            .map(|f| f.id)
            .unwrap_or_else(|| panic!("no figure"));
        let mut flip = false;
        let mut edit = |ws: &mut Workspace| {
            flip = !flip;
            let e = if flip { Edit::Reject } else { Edit::Confirm };
            ws.edit_figure(key, id, e).unwrap_or_else(|e| panic!("{e}"));
        };
        g.bench_with_input(
            BenchmarkId::new("UI thread: take and serialize", n),
            &n,
            |b, _| {
                b.iter(|| {
                    edit(&mut ws);
                    Batch::take(&mut ws)
                })
            },
        );
        g.bench_with_input(
            BenchmarkId::new("edit written and synced", n),
            &n,
            |b, _| {
                b.iter(|| {
                    edit(&mut ws);
                    if let Some(batch) = Batch::take(&mut ws) {
                        store.write(&[batch]).unwrap_or_else(|e| panic!("{e}"));
                    }
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, save_one_edit);
criterion_main!(benches);

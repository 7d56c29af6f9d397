//! Kill during save, twice:
//! - the real binary (`solieu extract … -o out.json`, which writes with `write_atomic`) 100
//!   times, alternating two input sets A and B whose outputs differ, SIGKILL after a random
//!   delay: the output is absent (only before the first complete save) or exactly one of the
//!   two complete outputs — parseable, never truncated, never mixed — and nothing else than
//!   `out.json` and `.solieu-*.tmp` leftovers is in the output folder;
//! - the workspace store: a child process edits a workspace without end through the writer
//!   thread the window uses and prints each edit the thread reports on disk; it is killed at a
//!   random moment, 100 times; after each kill the store passes SQLite's integrity check, loads
//!   (validated like an import), and holds every acknowledged edit.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: u64 = 100;

/// A small xorshift64, seeded per run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

fn samples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect();
    v.sort();
    v
}

/// Writes `copies` variants of each sample into `dir` (each copy's numbers shifted a little, so
/// the outputs differ).
fn make_set(dir: &Path, copies: usize) {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    for (name, text) in samples() {
        for k in 0..copies {
            let varied = format!(
                "{text}\nNăm 2021 có {} cán bộ, {},{}% đạt chuẩn.\n",
                100 + k,
                k % 100,
                k % 10
            );
            std::fs::write(dir.join(format!("{k:03}_{name}")), varied)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

fn extract_cmd(input: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_solieu"));
    c.arg("extract")
        .arg(input)
        .arg("-o")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Runs to completion and returns the output bytes and how long it took.
fn reference(input: &Path, out: &Path) -> (Vec<u8>, Duration) {
    let t = Instant::now();
    let status = extract_cmd(input, out)
        .status()
        .unwrap_or_else(|e| panic!("cannot run solieu: {e}"));
    let took = t.elapsed();
    assert!(status.success(), "reference run failed: {status}");
    let bytes = std::fs::read(out).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(out).unwrap_or_else(|e| panic!("{e}"));
    (bytes, took)
}

#[test]
fn sigkill_while_saving_leaves_a_complete_output_or_none() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    make_set(&a, 1);
    make_set(&b, 4);
    let out_dir = tmp.path().join("out");
    std::fs::create_dir_all(&out_dir).unwrap_or_else(|e| panic!("{e}"));
    let out = out_dir.join("out.json");

    let (full_a, took_a) = reference(&a, &out);
    let (full_b, took_b) = reference(&b, &out);
    assert_ne!(
        full_a, full_b,
        "the two input sets must give different outputs"
    );
    // Deterministic output, or the comparison below means nothing.
    assert_eq!(
        reference(&a, &out).0,
        full_a,
        "output of A is not deterministic"
    );
    for full in [&full_a, &full_b] {
        solieu::export::from_json(full).unwrap_or_else(|e| panic!("reference output refused: {e}"));
    }

    let mut ever_saved = false;
    let (mut absent, mut got_a, mut got_b, mut finished) = (0, 0, 0, 0);
    for i in 0..RUNS {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ (i + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let input: &PathBuf = if i % 2 == 0 { &a } else { &b };
        // Mostly late in the run, where the save happens: 40%..120% of its uninterrupted time.
        let took = if i % 2 == 0 { took_a } else { took_b };
        let ms = (took.as_millis() as u64).max(5);
        let delay = Duration::from_millis(ms * 4 / 10 + rng.next() % (ms * 8 / 10));
        let mut child = extract_cmd(input, &out)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run solieu: {e}"));
        std::thread::sleep(delay);
        if matches!(child.try_wait(), Ok(Some(_))) {
            finished += 1;
        }
        // SIGKILL on Unix (harmless when it has already exited).
        let _ = child.kill();
        let _ = child.wait();

        match std::fs::read(&out) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                assert!(
                    !ever_saved,
                    "run {i}: the output vanished after a complete save"
                );
                absent += 1;
            }
            Err(e) => panic!("run {i}: cannot read the output: {e}"),
            Ok(bytes) => {
                ever_saved = true;
                if bytes == full_a {
                    got_a += 1;
                } else if bytes == full_b {
                    got_b += 1;
                } else {
                    panic!(
                        "run {i} (killed after {delay:?}): the output ({} bytes) is neither A ({} bytes) nor B ({} bytes)",
                        bytes.len(),
                        full_a.len(),
                        full_b.len()
                    );
                }
                solieu::export::from_json(&bytes).unwrap_or_else(|e| panic!("run {i}: {e}"));
            }
        }
        for entry in std::fs::read_dir(&out_dir).unwrap_or_else(|e| panic!("{e}")) {
            let name = entry.unwrap_or_else(|e| panic!("{e}")).file_name();
            let name = name.to_string_lossy();
            assert!(
                name == "out.json" || (name.starts_with(".solieu-") && name.ends_with(".tmp")),
                "run {i}: unexpected file {name} next to the output"
            );
        }
    }
    let leftovers = std::fs::read_dir(&out_dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .count()
        .saturating_sub(usize::from(ever_saved));
    eprintln!(
        "kill during save: {RUNS} runs (A {took_a:?}, B {took_b:?} uninterrupted): \
         {absent} absent, {got_a} A, {got_b} B, {finished} finished before the kill, \
         {leftovers} temp files left"
    );
    assert!(
        got_a + got_b > 0,
        "no run ever saved: the delays are too short"
    );
}

// ---- the workspace store ------------------------------------------------------------------

/// How many articles the edited workspace holds.
const ARTICLES: usize = 4;

/// The child of [`sigkill_during_workspace_edits_loses_no_acknowledged_edit`]: opens the
/// workspace store in `$SOLIEU_KILL_STORE`, then edits without end, handing each edit to the
/// writer thread exactly as the window does and printing `ACK n` once the thread reports it on
/// disk. Does nothing when run on its own.
#[test]
#[ignore]
fn child_edits_a_workspace_until_killed() {
    use solieu::review::saver::{Report, Saver};
    use solieu::review::store::{Batch, Store};
    use std::io::Write;
    let Some(path) = std::env::var_os("SOLIEU_KILL_STORE") else {
        return;
    };
    let path = PathBuf::from(path);
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut ws = store
        .load(solieu::pipeline::Pipeline::builtin())
        .unwrap_or_else(|e| panic!("{e}"));
    if ws.entries.is_empty() {
        let dir = PathBuf::from(std::env::var_os("SOLIEU_KILL_INPUT").unwrap_or_default());
        ws.open_paths(&[dir]);
        ws.touch_all();
    }
    let saver = Saver::spawn(path, Some(store), Box::new(|| {}));
    if let Some(b) = Batch::take(&mut ws) {
        saver.send(b);
    }
    let start: u64 = std::env::var("SOLIEU_KILL_FROM")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for n in start.. {
        // Edit n: the note of one figure of one article says "edit n".
        let e = &ws.entries[(n as usize) % ws.entries.len()];
        let key = e.key;
        let Some(f) = e.article.as_ref().and_then(|a| a.figures.first()) else {
            panic!("an article without figures");
        };
        let (id, reading) = (f.id, f.reading.clone());
        ws.edit_figure(
            key,
            id,
            solieu::review::Edit::Reading(Box::new(reading), Some(format!("edit {n}"))),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let Some(b) = Batch::take(&mut ws) else {
            panic!("an edit with nothing to save");
        };
        let generation = b.generation;
        saver.send(b);
        loop {
            match saver.wait(Duration::from_secs(10)) {
                Some(Report::Saved { generation: g, .. }) if g >= generation => break,
                Some(Report::Saved { .. }) => {}
                other => panic!("save failed: {other:?}"),
            }
        }
        let _ = writeln!(out, "ACK {n}");
        let _ = out.flush();
    }
}

/// The edit number in a figure note (`edit 17` → 17).
fn edit_no(note: Option<&str>) -> Option<u64> {
    note?.strip_prefix("edit ")?.parse().ok()
}

#[test]
fn sigkill_during_workspace_edits_loses_no_acknowledged_edit() {
    use std::io::BufRead;
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = tmp.path().join("articles");
    std::fs::create_dir_all(&input).unwrap_or_else(|e| panic!("{e}"));
    for (name, text) in samples().into_iter().take(ARTICLES) {
        std::fs::write(input.join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
    let store = tmp.path().join("ws.solieu");
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let mut acked_total = 0u64;
    // The last acknowledged edit of each article (by path).
    let mut expect: std::collections::HashMap<String, u64> = Default::default();
    let mut next = 0u64;
    let mut runs_with_acks = 0;
    for i in 0..RUNS {
        let mut rng = XorShift(0xD1B5_4A32_D192_ED03 ^ (i + 1).wrapping_mul(0x9E37_79B9));
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "kill_during_save::child_edits_a_workspace_until_killed",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("SOLIEU_KILL_STORE", &store)
            .env("SOLIEU_KILL_INPUT", &input)
            .env("SOLIEU_KILL_FROM", next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run the child: {e}"));
        let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
        let reader = std::thread::spawn(move || {
            let mut acks = Vec::new();
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line
                    .strip_prefix("ACK ")
                    .and_then(|n| n.parse::<u64>().ok())
                {
                    acks.push(n);
                }
            }
            acks
        });
        // Kill at a random moment: during start-up, the first save, or the edits.
        std::thread::sleep(Duration::from_millis(20 + rng.next() % 400));
        let _ = child.kill();
        let _ = child.wait();
        let acks = reader.join().unwrap_or_default();
        if !acks.is_empty() {
            runs_with_acks += 1;
        }
        acked_total += acks.len() as u64;

        // Every acknowledged edit is there after the restart; nothing is half-written.
        let s = solieu::review::store::Store::open(&store)
            .unwrap_or_else(|e| panic!("run {i}: the store does not open: {e}"));
        s.check_integrity()
            .unwrap_or_else(|e| panic!("run {i}: integrity check: {e}"));
        let ws = s
            .load(solieu::pipeline::Pipeline::builtin())
            .unwrap_or_else(|e| panic!("run {i}: the store does not load: {e}"));
        drop(s);
        let n_entries = ws.entries.len();
        for &n in &acks {
            let path = &ws.entries[(n as usize) % n_entries.max(1)].path;
            let e = expect.entry(path.clone()).or_default();
            *e = (*e).max(n);
        }
        let mut newest = next;
        for e in &ws.entries {
            let note = e
                .article
                .as_ref()
                .and_then(|a| a.figures.first())
                .and_then(|f| edit_no(f.note.as_deref()));
            if let Some(&want) = expect.get(&e.path) {
                let got = note.unwrap_or_else(|| panic!("run {i}: edit {want} of {} lost", e.path));
                assert!(
                    got >= want,
                    "run {i}: {} has edit {got}, acknowledged {want}",
                    e.path
                );
            }
            if let Some(n) = note {
                newest = newest.max(n + 1);
            }
        }
        if !acks.is_empty() {
            assert_eq!(n_entries, ARTICLES, "run {i}: articles lost");
        }
        // The next child continues the numbering after everything saved so far.
        next = newest.max(acks.last().map_or(next, |n| n + 1));
    }
    eprintln!(
        "kill during workspace edits: {RUNS} runs, {acked_total} acknowledged edits, \
         {runs_with_acks} runs with at least one, none lost"
    );
    assert!(
        runs_with_acks > RUNS / 2,
        "too few runs reached an edit: {runs_with_acks}"
    );
}

//! Kill during save: runs the real binary (`solieu extract … -o out.json`, which writes with
//! `write_atomic`) 100 times, alternating two input sets A and B whose outputs differ, and sends
//! SIGKILL after a random delay. After every kill the output is absent (only before the first
//! complete save) or exactly one of the two complete outputs — parseable, never truncated,
//! never mixed — and nothing else than `out.json` and `.solieu-*.tmp` leftovers is in the
//! output folder.

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

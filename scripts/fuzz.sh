#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ (load, extract, import), one after another.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 600 s each, all three targets
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). Only a stable toolchain is needed:
# the script sets RUSTC_BOOTSTRAP=1 for the nightly-only flags cargo-fuzz passes. The crate
# forbids unsafe code, so the targets are built without a sanitizer (SANITIZER=address to
# change that) and with debug assertions (overflow checks). Seeds come from sample_articles/,
# tests/bad_inputs/ and tests/fixtures/ (and, for import, the CLI's JSON of the samples);
# crashes land in fuzz/artifacts/TARGET/. Logs: fuzz/logs/TARGET.log (last line = stats).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(extract import load)
sanitizer="${SANITIZER:-none}"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2
    exit 2
fi
export RUSTC_BOOTSTRAP=1

cd "$root/fuzz"
mkdir -p corpus/load corpus/extract corpus/import logs
# Seeds (copied only when missing, so a grown corpus is kept).
seed() { [ -e "corpus/$1/$(basename "$2")" ] || cp "$2" "corpus/$1/"; }
for f in "$root"/sample_articles/* "$root"/tests/fixtures/forms.txt "$root"/tests/bad_inputs/*.txt; do
    seed extract "$f"
    seed load "$f"
done
for f in "$root"/tests/bad_inputs/*.html "$root"/tests/fixtures/load/*; do
    [ -f "$f" ] && seed load "$f"
done
for f in "$root"/tests/bad_inputs/*.json; do seed import "$f"; done

cargo fuzz build -s "$sanitizer" -a
for t in "${targets[@]}"; do
    echo "== $t: ${secs}s" >&2
    start=$(date +%s)
    status=0
    cargo fuzz run -s "$sanitizer" -a "$t" "corpus/$t" -- \
        -max_total_time="$secs" -print_final_stats=1 \
        -max_len=65536 >"logs/$t.log" 2>&1 || status=$?
    end=$(date +%s)
    execs=$(grep -E '^stat::number_of_executed_units' "logs/$t.log" | tail -1 | awk '{print $2}')
    rate=$(grep -E '^stat::average_exec_per_sec' "logs/$t.log" | tail -1 | awk '{print $2}')
    echo "$t: $((end - start)) s, exit $status, ${execs:-?} execs, ${rate:-?} execs/s" | tee -a logs/summary.txt
    ls "artifacts/$t" 2>/dev/null | sed "s/^/  finding: /" || true
done

#!/usr/bin/env bash
# Batch extraction performance: `solieu extract` (release) over a generated folder of 1,000
# articles (copies of sample_articles/ with small variations), measured with /usr/bin/time -v.
# Prints wall time and peak RSS of each run and the median (min–max) of RUNS runs (default 5).
#
#   scripts/perf.sh [RUNS]
#
# Needs GNU time at /usr/bin/time (the shell's `time` keyword has no -v):
#   Debian/Ubuntu: sudo apt-get install time     Fedora: sudo dnf install time
# Builds the release binary first (`cargo build --release`), which takes several minutes cold.
# (Time from start to first GUI frame is measured separately.)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
n_articles=1000

if [ ! -x /usr/bin/time ]; then
    echo "GNU time is missing: sudo apt-get install time (Debian/Ubuntu) or dnf install time" >&2
    exit 2
fi

cd "$root"
[ -n "${PERF_NO_BUILD:-}" ] || cargo build --release --bin solieu >&2
bin="${CARGO_TARGET_DIR:-$root/target}/release/solieu"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/articles"
mapfile -t samples < <(ls "$root"/sample_articles/*.txt)
for ((i = 0; i < n_articles; i++)); do
    s="${samples[$((i % ${#samples[@]}))]}"
    {
        cat "$s"
        printf '\nNăm %d, huyện mở %d lớp cho %d.%03d lượt cán bộ; %d,%d%% đạt chuẩn.\n' \
            $((2015 + i % 10)) $((i % 40 + 1)) $((i % 9 + 1)) $((i % 1000)) $((i % 100)) $((i % 10))
    } >"$work/articles/$(printf '%04d' "$i")_$(basename "$s")"
done
echo "articles: $n_articles files, $(du -sh "$work/articles" | cut -f1)" >&2

walls=()
rsss=()
for ((r = 1; r <= runs; r++)); do
    /usr/bin/time -v "$bin" extract "$work/articles" -o "$work/out.json" 2>"$work/time.txt" >/dev/null
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; printf "%.3f", s }' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    echo "run $r: wall ${wall} s, peak RSS ${rss} KB" >&2
    walls+=("$wall")
    rsss+=("$rss")
done
echo "output: $(du -h "$work/out.json" | cut -f1)" >&2

stats() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %s (min %s – max %s)", m, v[1], v[NR] }'; }
echo "solieu extract, $n_articles articles, $runs runs, $(nproc) cores:"
echo "  wall time: $(stats "${walls[@]}") s"
echo "  peak RSS:  $(stats "${rsss[@]}") KB"

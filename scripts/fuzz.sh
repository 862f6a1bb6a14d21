#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (FEEL compiler/evaluator, DMN loader, feed entries,
# JWS tokens) and runs each for a bounded time, seeded from the DMN TCK models and from
# tests/fuzz/. Exits non-zero on any crash, leak or
# timeout. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
./scripts/install-deps.sh
dir=build-fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPROAKTIV_FUZZ=ON -DPROAKTIV_BENCH=OFF > "$dir.configure.log" 2>&1 || {
  cat "$dir.configure.log"; exit 1; }
cmake --build "$dir" -j "$(nproc)" --target feel_fuzz dmn_loader_fuzz feed_entry_fuzz \
  jws_fuzz

tck=../shared/dmn-tck/TestCases
seeds=$(mktemp -d /tmp/proaktiv-fuzz-seeds.XXXXXX)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds/feel" "$seeds/dmn" "$dir/corpus/feel" "$dir/corpus/dmn" "$dir/corpus/feed" \
  "$dir/corpus/jws"
# FEEL seeds: every distinct <text> of the TCK models; DMN seeds: the smaller TCK models.
python3 - "$tck" "$seeds/feel" <<'PY'
import glob, hashlib, html, re, sys
texts = set()
for path in glob.glob(sys.argv[1] + "/*/*/*.dmn"):
    for t in re.findall(r"<(?:\w+:)?text>(.*?)</(?:\w+:)?text>", open(path, encoding="utf-8").read(), re.S):
        texts.add(html.unescape(t).strip())
for t in texts:
    if t:
        open(f"{sys.argv[2]}/{hashlib.sha1(t.encode()).hexdigest()}", "w", encoding="utf-8").write(t)
print(f"fuzz: {len(texts)} FEEL seed expressions", file=sys.stderr)
PY
find "$tck" -name '*.dmn' -size -16k -exec cp {} "$seeds/dmn/" \;

run() {  # run TARGET CORPUS SEEDS MAX_LEN
  echo "== fuzz $1 for ${seconds} s"
  local log="$dir/fuzz-$(basename "$1").log" status=0
  "$dir/src/$1" -max_total_time="$seconds" -max_len="$4" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$dir/" "$2" "$3" > "$log" 2>&1 || status=$?
  grep -E "^(Done|stat::number_of_executed_units)" "$log" || true
  if [ "$status" -ne 0 ]; then
    grep -E -A30 "==[0-9]+==ERROR|deadly signal|Timeout|out-of-memory" "$log" | head -60
    echo "fuzz: $1 found a failure (exit $status); the input is saved under $dir"
    exit 1
  fi
}
run feel/feel_fuzz "$dir/corpus/feel" "$seeds/feel" 512
run dmn/dmn_loader_fuzz "$dir/corpus/dmn" "$seeds/dmn" 16384
run registry/feed_entry_fuzz "$dir/corpus/feed" tests/fuzz/feed_seeds 8192
run common/jws_fuzz "$dir/corpus/jws" tests/fuzz/jws_seeds 2048
echo "fuzz: no crashes"

#!/usr/bin/env bash
# HTTP server core: wrk against `proaktiv serve` on loopback (2 I/O threads, 2 blocking
# threads, access log on, to a file). Targets (design document): >= 30 000 requests/s on
# 2 cores and p99 <= 10 ms for GET /health (a blocking route: it hops to the database pool
# and runs a read on the thread's SQLite connection) and for a static asset (served from
# memory on the I/O thread).
#
# Usage: bench/http_server.sh            BUILD=build-bench to use another build directory;
#        DURATION=10s CONNECTIONS=32 bench/http_server.sh
# Needs $BUILD/proaktiv and wrk (apt package wrk). Traffic goes to 127.0.0.1 only; each wrk run
# stops by itself after DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
bin=./$build/proaktiv
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$bin" ] || { echo "$bin is missing: cmake --build $build --target proaktiv" >&2; exit 1; }

work=$(mktemp -d /tmp/proaktiv-http-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A small web app: index.html and one 4 KiB script.
mkdir -p "$work/web/assets"
echo '<!doctype html><title>proaktiv</title><script src="/assets/app.js"></script>' \
  > "$work/web/index.html"
head -c 4096 /dev/zero | tr '\0' 'x' | sed 's/^/console.log("/; s/$/");/' > "$work/web/assets/app.js"

"$bin" serve --db "$work/bench.db" --port 0 --static "$work/web" --io-threads 2 \
  --blocking-threads 2 --access-log "$work/access.log" > "$work/serve.out" 2>&1 &
server_pid=$!
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's|^proaktiv serving http://127.0.0.1:\([0-9]*\)/$|\1|p' "$work/serve.out")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.out" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start" >&2; cat "$work/serve.out" >&2; exit 1; }

# p99 in ms from wrk's latency distribution ("99%  1.23ms", units us/ms/s).
p99_ms() {
  awk '$1 == "99%" { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
                     if (u == "us") v /= 1000; else if (u == "s") v *= 1000; print v }' "$1"
}

# CPU seconds (user + system) the server has used so far.
server_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.4f", ($14 + $15) / hz }' "/proc/$server_pid/stat"
}

printf "%-22s %12s %10s %8s %16s\n" "GET (wrk -t1 -c$connections)" "requests/s" "p99 ms" "target" \
  "server CPU µs/req"
for target in /health /assets/app.js; do
  curl -sf "http://127.0.0.1:$port$target" > /dev/null 2>&1 || \
    { echo "GET $target failed" >&2; exit 1; }
  cpu_before=$(server_cpu)
  wrk -t1 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$target" \
    > "$work/wrk.txt"
  cpu_after=$(server_cpu)
  requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
  cpu_us=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$requests" \
    'BEGIN { printf "%.1f", (b - a) * 1e6 / n }')
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/wrk.txt")
  p99=$(p99_ms "$work/wrk.txt")
  errors=$(awk '/Non-2xx|Socket errors/' "$work/wrk.txt")
  verdict=$(awk -v r="$rps" -v p="$p99" 'BEGIN { print (r >= 30000 && p <= 10) ? "PASS" : "MISS" }')
  printf "%-22s %12s %10s %8s %16s\n" "$target" "$rps" "$p99" "$verdict" "$cpu_us"
  [ -z "$errors" ] || echo "  $errors"
done
echo "(targets: >= 30000 requests/s and p99 <= 10 ms on 2 cores; wrk shares the cores;"
echo " load average now: $(cut -d' ' -f1-3 /proc/loadavg) — other work on the machine lowers the rate)"

#!/usr/bin/env bash
# The portal read under load: wrk against GET /api/v1/me/offers of `proaktiv serve` (a citizen
# authenticated by a bearer ID token from the development issuer, verified and cached; the
# answer kept by the read cache while the database is unchanged — and, in a second row, with
# the cache off (--read-cache-mb 0), every request reading SQLite on the blocking pool and
# rendering the JSON), side by side with a peer: node's http server
# answering the same JSON body from memory with no authentication and no database — the floor
# for serving that response over HTTP on this machine. Both on 127.0.0.1, same wrk settings.
# Target (design document): >= 30 000 requests/s on 2 cores, p99 <= 10 ms.
#
# Usage: bench/http_offers.sh   (BUILD=build, KOMMUNE=1106, DURATION=10s, CONNECTIONS=32)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
bin=$(pwd)/$build/proaktiv
kommune=${KOMMUNE:-1106}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
port=18280
issuer_port=18281
peer_port=18282
uncached_port=18283
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps.sh)" >&2; exit 1; }
[[ -x $bin ]] || { echo "$bin is missing: scripts/build.sh $build" >&2; exit 1; }

work=$(mktemp -d /tmp/proaktiv-http-offers.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "preparing kommune $kommune (register and engine until 2026-02-10) …" >&2
"$bin" gen --kommune "$kommune" --from 2026-01-01 --to 2027-01-01 --seed 2026 --out "$work/gen" \
  > /dev/null 2>&1
cp "$work/gen/population.db" "$work/registry.db"
"$bin" run --db "$work/registry.db" --feed "$work/gen/feed.jsonl" --from 2026-01-01 \
  --until 2026-02-10 --explain 0 > /dev/null 2>&1
# The citizen with the most offers.
pid=$(sqlite3 "$work/registry.db" "SELECT p.id FROM offer_recipients r
  JOIN persons p ON p.key = r.person_key GROUP BY r.person_key ORDER BY count(*) DESC LIMIT 1;")

"$bin" dev-issuer --port $issuer_port --key-file "$work/key.pem" > "$work/issuer.log" 2>&1 &
pids+=($!)
"$bin" serve --db "$work/registry.db" --port $port --issuer "http://127.0.0.1:$issuer_port" \
  --client-id proaktiv-portal --today 2026-02-10 --access-log "$work/access.log" \
  > "$work/serve.log" 2>&1 &
pids+=($!)
"$bin" serve --db "$work/registry.db" --port $uncached_port --issuer "http://127.0.0.1:$issuer_port" \
  --client-id proaktiv-portal --today 2026-02-10 --access-log "$work/access-uncached.log" \
  --read-cache-mb 0 > "$work/serve-uncached.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 &&
    curl -fs "http://127.0.0.1:$uncached_port/health" > /dev/null 2>&1 &&
    curl -fs "http://127.0.0.1:$issuer_port/.well-known/openid-configuration" > /dev/null 2>&1 &&
    break
  sleep 0.2
done
token=$(curl -fs -X POST -H 'Content-Type: application/json' -d "{\"pid\":\"$pid\"}" \
  "http://127.0.0.1:$issuer_port/dev/token" | sed -n 's/.*"id_token":"\([^"]*\)".*/\1/p')
[[ -n $token ]] || { echo "no token from the development issuer" >&2; exit 1; }
url="http://127.0.0.1:$port/api/v1/me/offers"
curl -fs -H "Authorization: Bearer $token" "$url" > "$work/body.json"
offers=$(grep -o '"id":' "$work/body.json" | wc -l)
echo "the citizen has $offers offers; response $(wc -c < "$work/body.json") bytes" >&2

# The peer: the same bytes from memory.
cat > "$work/peer.mjs" <<JS
import http from 'node:http';
import fs from 'node:fs';
const body = fs.readFileSync('$work/body.json');
http.createServer((req, res) => {
  res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': body.length});
  res.end(body);
}).listen($peer_port, '127.0.0.1');
JS
node "$work/peer.mjs" &
pids+=($!)
sleep 0.5

run() {  # run NAME URL [header] → prints a row; sets rps
  local name=$1 url=$2 header=${3:-} out
  local args=(-t1 -c"$connections" -d"$duration" --latency)
  [[ -n $header ]] && args+=(-H "$header")
  wrk "${args[@]}" "$url" > /dev/null 2>&1  # warm-up
  out=$(wrk "${args[@]}" "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  local p99 errors
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  errors=$(awk '/Non-2xx/ {print $4}' <<< "$out")
  printf '%-44s %12s %10s %8s\n' "$name" "$rps" "$p99" "${errors:-0}"
}
printf '\n%-44s %12s %10s %8s\n' "" "requests/s" "p99" "non-2xx"
run "proaktiv: GET /api/v1/me/offers (bearer)" "$url" "Authorization: Bearer $token"
ours=$rps
run "proaktiv: the same, read cache off" "http://127.0.0.1:$uncached_port/api/v1/me/offers" \
  "Authorization: Bearer $token"
uncached=$rps
run "peer: node http, same body from memory" "http://127.0.0.1:$peer_port/"
peer=$rps
awk -v o="$ours" -v p="$peer" -v u="$uncached" 'BEGIN {
  printf "ratio proaktiv / peer: %.2f (cache off: %.2f)\n", o / p, u / p
  printf "target >= 30000 requests/s: %s (%.0f)\n", (o >= 30000 ? "PASS" : "MISS"), o
}'
echo "(wrk -t1 -c$connections -d$duration on the same 2 cores as the servers; see the p99 column for the <= 10 ms target)"

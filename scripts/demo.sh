#!/usr/bin/env bash
# The demo on the embedded default (SQLite): builds proaktiv, generates the synthetic
# population of one municipality with a year of population-register events, and runs a year of
# the municipality's life through the proactive engine: each day the register's events go into
# the registry exactly once, then the engine makes the offers that the events and dates call
# for (kindergarten place, school start, SFO, senior home visit, welcome, bereavement support).
# It prints the decisions per service, the offers per month with a chart, and a few offers with
# their message and explanation. Each day at 10:00 the outbox goes out through a real SMTP
# server, SMS and mailbox gateways on 127.0.0.1 and the print provider's daily batch of PDF
# letters, and what they received is shown. Then it runs December again to show that nothing is
# made or sent twice.
# Then it serves the citizen portal and the municipality admin on 127.0.0.1:8080 (with the
# development OpenID issuer on :8081) as of 10 February 2026, when the kindergarten offers are
# open: log in as one of the listed parents, open the offer and accept it. Ctrl-C stops it.
# Usage: scripts/demo.sh [KOMMUNENUMMER] (default 1103 Stavanger). SERVE=0 skips the portal;
# PORT (default 8080) moves it.
set -euo pipefail
cd "$(dirname "$0")/.."
kommune=${1:-1103}
./scripts/build.sh build
out=demo-out
rm -rf "$out"
mkdir -p "$out"

echo "== 1. Synthetic population and a year of register events for kommune $kommune"
./build/proaktiv gen --kommune "$kommune" --from 2026-01-01 --to 2027-01-01 --seed 2026 \
  --out "$out/gen"
echo "   the contact register (KRR) for the population:"
./build/proaktiv contacts load --db "$out/gen/population.db" "$out/gen/contacts.jsonl"

echo
echo "== 2. A year of the municipality's life: intake, the proactive engine and delivery, day by day"
echo "   (each day: the register's events, the engine's offers, then at 10:00 the outbox drained"
echo "   through a real SMTP server, SMS and digital-mailbox gateways on 127.0.0.1, and the print"
echo "   provider's batch of PDF letters)"
source scripts/demo-receivers.sh
trap 'kill "${receiver_pids[@]}" 2>/dev/null || true' EXIT
start_receivers "$out/receivers"
cp "$out/gen/population.db" "$out/registry.db"
./build/proaktiv run --db "$out/registry.db" --feed "$out/gen/feed.jsonl" \
  --from 2026-01-01 --until 2026-12-31 --chart "$out/offers-per-month.svg" --explain 4 \
  --deliver-config "$out/receivers/delivery.yaml" --delivery-chart "$out/delivered-per-month.svg"
kill "${receiver_pids[@]}" 2>/dev/null || true

echo
echo "== 2b. What the receivers got"
scripts/demo-delivery-report.py "$out/receivers" "$out/registry.db"

echo
echo "== 3. December again: every event is already applied and every offer already made"
./build/proaktiv run --db "$out/registry.db" --feed "$out/gen/feed.jsonl" \
  --from 2026-12-01 --until 2026-12-31 --explain 0 | head -9

echo
echo "Files: $out/gen (population.db, population.jsonl, feed.jsonl, contacts.jsonl, summary.json)"
echo "       $out/registry.db (registry, offers, date index; open it with sqlite3)"
echo "       $out/offers-per-month.svg, $out/delivered-per-month.svg (the charts)"
echo "       $out/receivers (smtp.jsonl, the gateways' logs, print/<day>/*.pdf and manifest.json)"

[[ ${SERVE:-1} == 0 ]] && exit 0

echo
echo "== 4. The citizen portal and the municipality admin, as of 2026-02-10"
./scripts/web.sh
port=${PORT:-8080}
issuer_port=$((port + 1))
today=2026-02-10
cp "$out/gen/population.db" "$out/portal.db"
./build/proaktiv run --db "$out/portal.db" --feed "$out/gen/feed.jsonl" \
  --from 2026-01-01 --until "$today" --explain 0 | tail -4
key_output=$(./build/proaktiv api-key new --name demo-admin --scope "admin:$kommune" --scope metrics)
admin_key=$(sed -n '2s/^ *//p' <<< "$key_output")
sed -n '4s/^ *//p' <<< "$key_output" > "$out/api-keys"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
./build/proaktiv dev-issuer --port "$issuer_port" --db "$out/portal.db" \
  --key-file "$out/dev-issuer-key.pem" --redirect-uri "http://127.0.0.1:$port/auth/callback" \
  > "$out/dev-issuer.log" 2>&1 &
pids+=($!)
./build/proaktiv serve --db "$out/portal.db" --port "$port" --static web/dist \
  --api-keys "$out/api-keys" --issuer "http://127.0.0.1:$issuer_port" \
  --client-id proaktiv-portal --today "$today" --access-log "$out/access.log" &
pids+=($!)
sleep 1
echo
echo "Citizen portal:  http://127.0.0.1:$port/   (log in: the development issuer lists test parents)"
echo "Admin:           http://127.0.0.1:$port/admin   API key: $admin_key"
echo "API:             docs/openapi.yaml; access log in $out/access.log. Ctrl-C stops the servers."
wait

#!/usr/bin/env bash
# The browser tests against the real stack, all on loopback: a generated kommune whose register
# and engine have run until the demo date (open kindergarten offers), the development OpenID
# issuer, and `proaktiv serve` with the built portal. Runs tests/e2e/run.mjs (every test,
# axe-core on every page) and, with --screenshots, saves docs/screenshots/*.png from it.
#
# Usage: tests/e2e/e2e.sh [--screenshots] [test filter]
# Environment: BUILD (default build), KOMMUNE (default 1106 Haugesund), PORT (serve, default
# 18080; the issuer gets PORT+1), TODAY (default 2026-02-10), KEEP=1 keeps the work folder.
# Issue 6/7 test data (see "Test data for consents, the access log and delivery" below):
# E2E_DELIVERY=0 skips `proaktiv deliver`, E2E_CONSENTS=0 skips the consumer and its requests.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
build=${BUILD:-build}
kommune=${KOMMUNE:-1106}
port=${PORT:-18080}
issuer_port=$((port + 1))
today=${TODAY:-2026-02-10}
screenshots=0
filter=()
for arg in "$@"; do
  case "$arg" in
    --screenshots) screenshots=1 ;;
    *) filter+=("$arg") ;;
  esac
done

[[ $build == /* ]] || build=$root/$build
bin=$build/proaktiv
[[ -x $bin ]] || { echo "e2e: missing $bin (scripts/build.sh $build)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "e2e: sqlite3 is missing (scripts/install-deps.sh)" >&2; exit 2; }
./scripts/web.sh --e2e

work=$(mktemp -d /tmp/proaktiv-e2e.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ ${KEEP:-0} == 1 ]]; then echo "e2e: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "e2e: kommune $kommune, register and engine until $today"
"$bin" gen --kommune "$kommune" --from 2026-01-01 --to 2027-01-01 --seed 2026 --out "$work/gen" \
  > "$work/gen.log" 2>&1
cp "$work/gen/population.db" "$work/registry.db"
"$bin" run --db "$work/registry.db" --feed "$work/gen/feed.jsonl" --from 2026-01-01 \
  --until "$today" --explain 0 > "$work/run.log" 2>&1

# Citizens who receive open offers: the first two kindergarten parents (accept; keyboard), and
# a parent of another open offer (decline). Identity numbers stay in this process's variables.
open_offer_recipients() {  # SERVICE_CONDITION → identity numbers, one per line
  sqlite3 "$work/registry.db" "SELECT p.id FROM offers o
      JOIN offer_recipients r ON r.offer_id = o.id JOIN persons p ON p.key = r.person_key
      WHERE o.state = 'proposed' AND o.kind = 'offer' AND $1
      GROUP BY p.key ORDER BY min(o.id) LIMIT 3;"
}
mapfile -t kindergarten < <(open_offer_recipients "o.service = 'kindergarten-place'")
mapfile -t others < <(open_offer_recipients "o.service <> 'kindergarten-place'")
if (( ${#kindergarten[@]} < 2 || ${#others[@]} < 1 )); then
  echo "e2e: kommune $kommune has too few open offers on $today" >&2
  exit 1
fi

# ---- Test data for consents, the access log and delivery (issues 6 and 7) -------------------
# Each step is guarded: when a command is missing or fails, the script says so and goes on, and
# the tests that need the data fail with a pointer to tests/e2e/README.md. Adjust here when the
# CLI differs.
consumer_org=${E2E_CONSUMER_ORG:-910000004}   # a mod-11-valid organisation number
consumer_name=${E2E_CONSUMER_NAME:-E2E Testbank ASA}
consent_purpose=${E2E_CONSENT_PURPOSE:-credit-assessment}
have_table() { [[ -n $(sqlite3 "$work/registry.db" "SELECT name FROM sqlite_master WHERE name = '$1';") ]]; }

# Delivery: drain the outbox once through file channels, so that messages have a status.
if [[ ${E2E_DELIVERY:-1} == 1 && -f config/delivery.yaml ]] && "$bin" deliver --help > /dev/null 2>&1; then
  sed -e "s|^templates: .*|templates: $root/services/_delivery/templates.yaml|" \
      -e "s#^\(  *\)\(mailbox\|sms\|email\|letter\): *{endpoint: \"\"#\1\2: {endpoint: \"file:$work/sent-\2.jsonl\"#" \
      config/delivery.yaml > "$work/delivery.yaml"
  "$bin" deliver --db "$work/registry.db" --config "$work/delivery.yaml" --today "$today" \
    > "$work/deliver.log" 2>&1 || echo "e2e: proaktiv deliver failed (see $work/deliver.log)" >&2
else
  echo "e2e: not running proaktiv deliver (E2E_DELIVERY=0 or no such command)" >&2
fi

# Consents: a registered data consumer (its Ed25519 key made here); the requests are made
# through the API once the server runs (below).
consumer_ok=0
if [[ ${E2E_CONSENTS:-1} == 1 ]]; then
  node tests/e2e/consent-setup.mjs keygen "$work/consumer-key.pem" > /dev/null
  if "$bin" consumer add --db "$work/registry.db" --org "$consumer_org" --name "$consumer_name" \
       --purposes "$consent_purpose" --public-key "$work/consumer-key.pub.pem" > "$work/consumer.log" 2>&1; then
    consumer_ok=1
  else
    echo "e2e: proaktiv consumer add failed; no consent requests (see $work/consumer.log)" >&2
  fi
fi

key_line=$("$bin" api-key new --name e2e-admin --scope "admin:$kommune")
admin_key=$(sed -n '2s/^ *//p' <<< "$key_line")
sed -n '4s/^ *//p' <<< "$key_line" > "$work/api-keys"
[[ -n $admin_key && -s $work/api-keys ]] || { echo "e2e: could not make an API key" >&2; exit 1; }

"$bin" dev-issuer --port "$issuer_port" --db "$work/registry.db" --key-file "$work/issuer-key.pem" \
  --redirect-uri "http://127.0.0.1:$port/auth/callback" > "$work/issuer.log" 2>&1 &
pids+=($!)
"$bin" serve --db "$work/registry.db" --port "$port" --static web/dist \
  --api-keys "$work/api-keys" --issuer "http://127.0.0.1:$issuer_port" \
  --client-id proaktiv-portal --today "$today" --access-log "$work/access.log" \
  > "$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" > /dev/null 2>&1 &&
    curl -fs "http://127.0.0.1:$issuer_port/.well-known/openid-configuration" > /dev/null 2>&1 &&
    break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$port/health" > /dev/null || {
  echo "e2e: the server did not start:" >&2
  cat "$work/serve.log" "$work/issuer.log" >&2
  exit 1
}

export BASE_URL=http://127.0.0.1:$port
export E2E_CITIZEN_PID=${kindergarten[0]} E2E_KEYBOARD_PID=${kindergarten[1]}
export E2E_DECLINE_PID=${others[0]} E2E_ADMIN_KEY=$admin_key E2E_KOMMUNE=$kommune

# Issue 7: three consent requests to the kindergarten parent (test 6 approves, rejects and
# withdraws; the keyboard test 9 answers the last); the access-log citizen is the one with the
# most entries, that parent first; the messages citizen one with messages in the outbox.
export E2E_CONSENT_PID=${kindergarten[0]}
if [[ $consumer_ok == 1 ]]; then
  node tests/e2e/consent-setup.mjs request --base "$BASE_URL" --key "$work/consumer-key.pem" \
    --org "$consumer_org" --person "$E2E_CONSENT_PID" --purpose "$consent_purpose" --count 3 \
    > "$work/consent-setup.log" 2>&1 || { echo "e2e: consent requests failed:" >&2; cat "$work/consent-setup.log" >&2; }
fi
if have_table audit_entries; then
  who=$(sqlite3 "$work/registry.db" "SELECT p.id FROM audit_entries a JOIN persons p ON p.key = a.subject_key
      WHERE a.entry IS NOT NULL GROUP BY p.key ORDER BY (p.id = '$E2E_CONSENT_PID') DESC, count(*) DESC LIMIT 1;")
  [[ -n $who ]] && export E2E_ACCESS_LOG_PID=$who
fi
if have_table outbox; then
  who=$(sqlite3 "$work/registry.db" "SELECT p.id FROM outbox o JOIN persons p ON p.key = o.person_key
      GROUP BY p.key ORDER BY (p.id = '$E2E_CITIZEN_PID') DESC, min(o.id) LIMIT 1;")
  [[ -n $who ]] && export E2E_MESSAGES_PID=$who
fi
status=0
if [[ $screenshots == 1 ]]; then
  node tests/e2e/screenshots.mjs || status=$?
fi
node tests/e2e/run.mjs "${filter[@]}" || status=$?
if [[ $status != 0 ]]; then
  echo "e2e: server log:" >&2
  tail -20 "$work/serve.log" >&2
fi
# The access log must never hold an identity number.
if grep -Eq '[0-9]{11}' "$work/access.log"; then
  echo "e2e: an 11-digit number appears in the access log" >&2
  status=1
fi
exit $status

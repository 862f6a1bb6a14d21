#!/usr/bin/env bash
# The demo's delivery path, end to end: `proaktiv run --deliver-config` over three weeks of a
# municipality, each day's messages sent at 10:00 through the real receivers of tests/receivers/
# (the SMTP server, the SMS and mailbox gateways) and the print batch, started on 127.0.0.1 by
# scripts/demo-receivers.sh exactly as the demo starts them. Checks that every message reached
# its receiver (none queued, failed or dead), that each receiver shows exactly the messages the
# outbox says it got, that a reserved citizen's letter is a PDF with its text, and that the
# delivery chart was written.
# Usage: run_delivers_test.sh PROAKTIV_BINARY (run from anywhere; uses the source tree's files)
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/proaktiv-run-delivers.XXXXXX)
source scripts/demo-receivers.sh
trap 'kill "${receiver_pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" gen --kommune 1106 --from 2026-01-01 --to 2026-02-01 --seed 11 --out "$work/gen" \
  > /dev/null 2>&1
"$bin" contacts load --db "$work/gen/population.db" "$work/gen/contacts.jsonl" > /dev/null 2>&1
start_receivers "$work/receivers"
"$bin" run --db "$work/gen/population.db" --feed "$work/gen/feed.jsonl" --from 2026-01-01 \
  --until 2026-01-21 --explain 0 --deliver-config "$work/receivers/delivery.yaml" \
  --delivery-chart "$work/delivered.svg" > "$work/run.log" 2>&1 || { cat "$work/run.log"; fail "run"; }
kill "${receiver_pids[@]}" 2>/dev/null || true
wait 2>/dev/null || true

db=$work/gen/population.db
count() { sqlite3 "$db" "SELECT count(*) FROM outbox WHERE $1;"; }
unfinished=$(count "status NOT IN ('sent', 'delivered', 'cancelled')")
[[ $unfinished == 0 ]] || fail "$unfinished messages neither reached nor cancelled: $(sqlite3 "$db" \
  "SELECT channel, status, last_error FROM outbox WHERE status NOT IN ('sent','delivered','cancelled') LIMIT 3;")"
declare -A reached
for channel in email sms mailbox letter; do
  reached[$channel]=$(count "channel = '$channel' AND status IN ('sent', 'delivered')")
  (( reached[$channel] > 0 )) || fail "no $channel message reached its receiver"
done

# What each receiver shows, by the key the outbox gave the message.
keys() { sqlite3 "$db" "SELECT idempotency_key FROM outbox WHERE channel = '$1' AND status IN ('sent','delivered') ORDER BY 1;"; }
diff <(keys email) <(/usr/bin/python3 tests/receivers/smtp_receiver.py --view "$work/receivers/smtp.jsonl" |
  /usr/bin/python3 -c 'import json,sys; [print(m["message_id"].strip("<>").split("@")[0]) for m in json.load(sys.stdin)]' | sort) \
  || fail "the SMTP server's mailbox view differs from the outbox's e-mails"
for gateway in sms mailbox; do
  diff <(keys "$gateway") <(/usr/bin/python3 -c 'import json,sys; [print(json.loads(l)["key"]) for l in open(sys.argv[1]) if l.strip()]' \
    "$work/receivers/$gateway-shown.jsonl" | sort) || fail "the $gateway gateway shows other messages than the outbox"
done
diff <(keys letter) <(/usr/bin/python3 -c '
import json, pathlib, sys
for manifest in pathlib.Path(sys.argv[1]).glob("20*/manifest.json"):
    for letter in json.loads(manifest.read_text())["letters"]:
        print(letter["key"])' "$work/receivers/print" | sort) || fail "the print batches differ from the outbox's letters"

# A reserved citizen's letter, as the print provider gets it.
letter=$(sqlite3 "$db" "SELECT provider_id FROM outbox WHERE channel = 'letter' AND route_reason = 'reserved' AND status = 'delivered' LIMIT 1;")
[[ -n $letter ]] || fail "no letter to a reserved citizen"
pdf="$work/receivers/print/${letter%%/*}/${letter#*/}.pdf"
text=$(pdftotext "$pdf" -) || fail "$pdf is not a PDF pdftotext can read"
grep -q "kommune" <<< "$text" || fail "the letter does not name its sender: $text"
grep -q "http://127.0.0.1:8080/offers/" <<< "$text" || fail "the letter has no link to the offer"

grep -q "<svg" "$work/delivered.svg" || fail "no delivery chart"
echo "run --deliver-config: e-mail ${reached[email]}, sms ${reached[sms]}, mailbox ${reached[mailbox]}, letters ${reached[letter]} reached their receivers, each shown once; a reserved citizen's letter read back from its PDF"

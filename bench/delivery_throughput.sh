#!/usr/bin/env bash
# Delivery throughput: messages per second through the outbox into the local receivers of
# tests/receivers/ (an SMTP server, an HTTP message gateway each for SMS and the digital
# mailbox, a print batch of PDF letters), with `proaktiv deliver --until-empty` and real
# endpoints — each message claimed in a committed batch, built from the registry and the
# contact register, sent (one thread per channel), and the pass's outcomes recorded in one
# transaction (SQLite, WAL, synchronous=FULL). Side by side with the peer: the bare adapters pushing messages into the
# same receivers from one thread with no outbox (delivery_channel_throughput), and the ratio.
#
# Usage: bench/delivery_throughput.sh [PEOPLE]   (default 5000; BUILD=build-dir, default build;
#        BARE=messages per bare adapter, default 2000)
# Builds proaktiv, delivery_outbox_seed and delivery_channel_throughput in BUILD first.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-5000}
build=${BUILD:-build}
bare=${BARE:-2000}
python=/usr/bin/python3
[[ -f $build/build.ninja || -f $build/Makefile ]] || { echo "configure $build first: scripts/build.sh $build" >&2; exit 1; }
cmake --build "$build" -j2 --target proaktiv delivery_outbox_seed delivery_channel_throughput >&2
bin=$build/proaktiv
seed_bin=$build/src/delivery/delivery_outbox_seed
bare_bin=$build/src/delivery/delivery_channel_throughput

work=$(mktemp -d /tmp/proaktiv-delivery-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

# start NAME ARGS…: a receiver whose first line of output is its port → $port
start() {
  local name=$1
  shift
  "$python" "$@" > "$work/$name.port" 2> "$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 100); do
    port=$(head -n1 "$work/$name.port" 2>/dev/null || true)
    [[ -n $port ]] && return 0
    sleep 0.1
  done
  echo "the $name receiver did not start: $(cat "$work/$name.err")" >&2
  exit 1
}

echo "seeding $people people …" >&2
"$seed_bin" --db "$work/seed.db" --people "$people" --seed 1 > "$work/seed.txt"
sqlite3 "$work/seed.db" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null  # one file to copy
count() { awk -v k="$1" '$1 == k { print $2 }' "$work/seed.txt"; }
total=$(count messages)

# config FILE DIR: a delivery configuration for the receivers
config() {
  cat > "$1" <<EOF
portal_base_url: "http://127.0.0.1:8080"
templates: $(pwd)/services/_delivery/templates.yaml
channels:
  mailbox: {endpoint: "http://127.0.0.1:$mailbox_port", rate_per_second: 0}
  sms:     {endpoint: "http://127.0.0.1:$sms_port", rate_per_second: 0}
  email:   {endpoint: "smtp://127.0.0.1:$smtp_port", rate_per_second: 0, options: {from: "post@bergen.kommune.no"}}
  letter:  {endpoint: "print:$2/print", rate_per_second: 0}
EOF
}

# deliver NAME CHANNEL…: a fresh copy of the seeded outbox, holding only the messages of
# CHANNEL…, through fresh receivers;
# prints the seconds `proaktiv deliver` took. Run in $(…): the receivers it starts are stopped
# before it returns.
deliver() {
  local name=$1
  shift
  local dir=$work/$name
  mkdir -p "$dir"
  start "$name-smtp" tests/receivers/smtp_receiver.py --log "$dir/smtp.jsonl"
  smtp_port=$port
  start "$name-sms" tests/receivers/gateway.py --log "$dir/sms.jsonl" \
    --shown "$dir/sms-shown.jsonl" --secret bench-secret-0123456789
  sms_port=$port
  start "$name-mailbox" tests/receivers/gateway.py --log "$dir/mailbox.jsonl" \
    --shown "$dir/mailbox-shown.jsonl" --secret bench-secret-0123456789
  mailbox_port=$port
  cp "$work/seed.db" "$dir/registry.db"
  local keep
  keep=$(printf "'%s'," "$@")
  sqlite3 "$dir/registry.db" "DELETE FROM outbox WHERE channel NOT IN (${keep%,});"
  config "$dir/delivery.yaml" "$dir"
  local t0 t1
  t0=$(now)
  "$bin" deliver --db "$dir/registry.db" --config "$dir/delivery.yaml" \
    --today 2026-03-02T10:00 --until-empty > "$dir/deliver.log" 2>&1
  t1=$(now)
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}

# reached NAME COUNT: fails unless COUNT messages of run NAME reached their receiver
reached() {
  local n
  n=$(sqlite3 "$work/$1/registry.db" "SELECT count(*) FROM outbox WHERE status IN ('sent', 'delivered');")
  [[ $n == "$2" ]] || {
    echo "$1: only $n of $2 messages reached their receiver:" >&2
    cat "$work/$1/deliver.log" >&2
    exit 1
  }
}

echo "delivering through all channels …" >&2
all_seconds=$(deliver all mailbox sms email letter)
reached all "$total"
declare -A seconds
for channel in email sms mailbox letter; do
  echo "delivering through $channel alone …" >&2
  seconds[$channel]=$(deliver "$channel" "$channel")
  reached "$channel" "$(count "$channel")"
done

echo "the bare adapters, $bare messages each …" >&2
bare_out=$("$bare_bin" "$bare")
bare_rate() { echo "$bare_out" | awk -v k="$1:" '$1 == k { print $(NF - 1) }'; }
declare -A peer=([email]=$(bare_rate smtp) [sms]=$(bare_rate gateway) [mailbox]=$(bare_rate gateway))

echo
printf "%-10s %8s %14s %16s %9s\n" "channel" "messages" "outbox msg/s" "bare msg/s" "ratio"
for channel in email sms mailbox letter; do
  n=$(count "$channel")
  r=$(rate "$n" "${seconds[$channel]}")
  if [[ -n ${peer[$channel]:-} ]]; then
    printf "%-10s %8s %14s %16s %9s\n" "$channel" "$n" "$r" "${peer[$channel]}" \
      "$(awk -v a="$r" -v b="${peer[$channel]}" 'BEGIN { printf "%.2f", a / b }')"
  else
    printf "%-10s %8s %14s %16s %9s\n" "$channel" "$n" "$r" "(no peer)" "-"
  fi
done
overall=$(rate "$total" "$all_seconds")
printf "%-10s %8s %14s\n" "all" "$total" "$overall"
# The peer for the same mix of e-mail, SMS and mailbox messages: their counts at the bare rates.
read -r outbox_digital bare_digital < <(awk -v e="$(count email)" -v s="$(count sms)" \
  -v m="$(count mailbox)" -v te="${seconds[email]}" -v ts="${seconds[sms]}" \
  -v tm="${seconds[mailbox]}" -v pe="${peer[email]}" -v pg="${peer[sms]}" 'BEGIN {
    n = e + s + m
    printf "%.0f %.0f\n", n / (te + ts + tm), n / (e / pe + s / pg + m / pg) }')
printf "%-10s %8s %14s %16s %9s\n" "digital" "$(($(count email) + $(count sms) + $(count mailbox)))" \
  "$outbox_digital" "$bare_digital" \
  "$(awk -v a="$outbox_digital" -v b="$bare_digital" 'BEGIN { printf "%.2f", a / b }')"
awk -v o="$outbox_digital" -v b="$bare_digital" -v all="$overall" -v t="$all_seconds" \
  -v n="$total" 'BEGIN {
  pace = o / b < 0.8 ? "the outbox, not the receivers, sets the pace" : "the receivers set the pace"
  printf "conclusion: %d messages through the outbox in %.1f s (%d/s, all four channels); the " \
         "digital channels run at %.2f× the bare adapters (%d vs %d messages/s): %s\n", n, t, all,
         o / b, o, b, pace }'

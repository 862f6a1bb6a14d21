#!/usr/bin/env bash
# The demo's receivers on loopback, sourced by scripts/demo.sh: a real SMTP server for e-mail
# and two HTTP JSON message gateways (SMS, digital mailbox), the ones the delivery tests use
# (tests/receivers/). start_receivers DIR starts them with their logs under DIR, waits until
# each accepts connections, and writes DIR/delivery.yaml, the delivery configuration that sends
# to them (letters go to the print batch in DIR/print). The caller kills "${receiver_pids[@]}".

receiver_pids=()

# start_receiver NAME LOGDIR ARGS...: runs a receiver (its port on the first line of
# LOGDIR/NAME.port) and sets receiver_port to that port.
start_receiver() {
  local name=$1 dir=$2
  shift 2
  /usr/bin/python3 "$@" > "$dir/$name.port" 2> "$dir/$name.err" &
  receiver_pids+=($!)
  for _ in $(seq 1 100); do
    if [[ -s "$dir/$name.port" ]]; then
      receiver_port=$(head -1 "$dir/$name.port")
      return 0
    fi
    sleep 0.1
  done
  echo "error: the $name receiver did not start; see $dir/$name.err" >&2
  return 1
}

start_receivers() {
  local dir=$1
  mkdir -p "$dir"
  local smtp sms mailbox
  start_receiver smtp "$dir" tests/receivers/smtp_receiver.py --log "$dir/smtp.jsonl"
  smtp=$receiver_port
  start_receiver sms "$dir" tests/receivers/gateway.py --log "$dir/sms-requests.jsonl" \
    --shown "$dir/sms-shown.jsonl" --secret demo-receipt-secret
  sms=$receiver_port
  start_receiver mailbox "$dir" tests/receivers/gateway.py --log "$dir/mailbox-requests.jsonl" \
    --shown "$dir/mailbox-shown.jsonl" --secret demo-receipt-secret
  mailbox=$receiver_port
  cat > "$dir/delivery.yaml" <<YAML
# Written by scripts/demo-receivers.sh: the demo's receivers on loopback.
portal_base_url: "http://127.0.0.1:8080"
templates: $PWD/services/_delivery/templates.yaml
channels:
  mailbox: {endpoint: "http://127.0.0.1:$mailbox", rate_per_second: 0}
  sms:     {endpoint: "http://127.0.0.1:$sms", rate_per_second: 0}
  email:   {endpoint: "smtp://127.0.0.1:$smtp", rate_per_second: 0,
            options: {from: "post@kommune.example", message_id_domain: "proaktiv.kommune.example"}}
  letter:  {endpoint: "print:$dir/print", rate_per_second: 0}
services:
  welcome-new-resident: {formal: false}
YAML
}

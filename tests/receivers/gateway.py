#!/usr/bin/python3
"""An HTTP JSON message gateway for proaktiv's SMS and digital-mailbox channel tests: the shape
an SMS gateway or a mailbox provider takes (Python standard library only).

    gateway.py --log FILE --shown FILE --secret S [--port 0] [--token T] [--fail-first N]
               [--fail-status 503] [--fail-receipts-to NUMBER,...] [--receipt-delay 0.05]

Listens on 127.0.0.1:PORT (0: a free port), threaded, and prints the port on stdout once ready.

POST /messages with a JSON object and an `Idempotency-Key` header:
  - every request is appended to --log as a JSON line ({"key", "auth", "body", "status"});
  - with --token, a request without `Authorization: Bearer T` or `X-API-Key: T` gets 401;
  - the first N requests (--fail-first) get --fail-status (e.g. 503 or 429) and nothing else;
  - a missing key, a body that is not a JSON object or one without "to" gets 400;
  - a new key is accepted: 202 {"id": "gw-<n>", "status": "accepted"}; the message is appended
    to --shown (what the recipient sees); after --receipt-delay seconds its delivery receipt is
    POSTed to the message's "callback_url" (when it has one):
        {"id": ..., "status": "delivered"|"failed", "time": <RFC 3339 UTC>,
         "idempotency_key": ..., "detail": ...}
    with `X-Receipt-Signature: sha256=<hex HMAC-SHA256 of the body with --secret>`; the receipt
    says "failed" when the message's "to" is in --fail-receipts-to. Receipt outcomes (the
    callback's HTTP status) are appended to --log as {"receipt_for": id, "callback_status": N};
  - a key seen before gets 200 with the first answer again and is NOT shown or receipted again.
GET /shown answers the shown messages as a JSON array.
"""

import argparse
import datetime
import hashlib
import hmac
import json
import socket
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Gateway:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.by_key = {}
        self.shown = []
        self.requests = 0
        self.fail_receipts_to = set(filter(None, (args.fail_receipts_to or "").split(",")))

    def log(self, record):
        with self.lock:
            with open(self.args.log, "a", encoding="utf-8") as f:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")

    def send_receipt(self, message, provider_id, key):
        status = "failed" if message.get("to") in self.fail_receipts_to else "delivered"
        receipt = {
            "id": provider_id,
            "status": status,
            "time": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "idempotency_key": key,
            "detail": "recipient unknown" if status == "failed" else "",
        }
        body = json.dumps(receipt).encode()
        signature = hmac.new(self.args.secret.encode(), body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(
            message["callback_url"],
            data=body,
            method="POST",
            headers={"Content-Type": "application/json",
                     "X-Receipt-Signature": "sha256=" + signature},
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                code = response.status
        except urllib.error.HTTPError as e:
            code = e.code
        except OSError as e:
            code = "error: " + str(e)
        self.log({"receipt_for": provider_id, "callback_status": code})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm holds the body
        # until the client's delayed ACK (40 ms per request).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):  # quiet
        pass

    def answer(self, status, obj):
        data = json.dumps(obj, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        gw = self.server.gateway
        if self.path == "/shown":
            with gw.lock:
                shown = list(gw.shown)
            self.answer(200, shown)
        else:
            self.answer(404, {"error": "not found"})

    def do_POST(self):
        gw = self.server.gateway
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        key = self.headers.get("Idempotency-Key", "")
        auth = self.headers.get("Authorization", "") or self.headers.get("X-API-Key", "")
        if self.path != "/messages":
            self.answer(404, {"error": "not found"})
            return
        with gw.lock:
            gw.requests += 1
            failing = gw.requests <= gw.args.fail_first
        status = None
        if failing:
            status = gw.args.fail_status
            body = {"error": "injected failure"}
        elif gw.args.token and auth not in ("Bearer " + gw.args.token, gw.args.token):
            status, body = 401, {"error": "unauthorised"}
        elif not key:
            status, body = 400, {"error": "Idempotency-Key is required"}
        else:
            try:
                message = json.loads(raw)
            except ValueError:
                message = None
            if not isinstance(message, dict) or not message.get("to"):
                status, body = 400, {"error": "body must be a JSON object with 'to'"}
        if status is None:
            with gw.lock:
                first = gw.by_key.get(key)
                if first is None:
                    provider_id = "gw-%d" % (len(gw.by_key) + 1)
                    first = {"id": provider_id, "status": "accepted"}
                    gw.by_key[key] = first
                    gw.shown.append({"id": provider_id, "key": key, "message": message})
                    with open(gw.args.shown, "a", encoding="utf-8") as f:
                        f.write(json.dumps({"id": provider_id, "key": key, "message": message},
                                           ensure_ascii=False) + "\n")
                    new = True
                else:
                    new = False
            status, body = (202 if new else 200), first
            if new and message.get("callback_url"):
                timer = threading.Timer(gw.args.receipt_delay, gw.send_receipt,
                                        (message, first["id"], key))
                timer.daemon = True
                timer.start()
        gw.log({"key": key, "auth": auth, "body": raw.decode("utf-8", "replace"),
                "status": status})
        self.answer(status, body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", required=True)
    parser.add_argument("--shown", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", default="")
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--fail-status", type=int, default=503)
    parser.add_argument("--fail-receipts-to", default="")
    parser.add_argument("--receipt-delay", type=float, default=0.05)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.gateway = Gateway(args)
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()

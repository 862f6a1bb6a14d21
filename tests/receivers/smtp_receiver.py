#!/usr/bin/python3
"""A real SMTP receiver for proaktiv's e-mail channel tests (Debian's python3-aiosmtpd).

Serve mode (the default):

    smtp_receiver.py --log FILE [--port 0] [--fail-first N] [--fail-code 451]

listens on 127.0.0.1:PORT (0: a free port), prints the port on stdout once it accepts
connections, and appends every message it accepts to FILE as one JSON line (the raw count: a
message sent twice is there twice):

    {"mail_from": ..., "rcpt_tos": [...], "message_id": ..., "subject": <decoded>,
     "from": ..., "to": ..., "date": ..., "content_type": ..., "body": <decoded text>,
     "raw": <the message as received>}

The first N messages (--fail-first) are refused at DATA with --fail-code (451: try again later;
550: permanent) and not logged. Runs until SIGTERM or SIGINT.

Mailbox view:

    smtp_receiver.py --view FILE

prints, as one JSON array, the messages of FILE the way a mail client shows them: a message
whose Message-ID was seen before is not shown again (first one wins).
"""

import argparse
import asyncio
import email
import email.policy
import json
import signal
import sys

from aiosmtpd.smtp import SMTP


class Handler:
    def __init__(self, log_path, fail_first, fail_code):
        self.log_path = log_path
        self.fail_left = fail_first
        self.fail_code = fail_code

    async def handle_DATA(self, server, session, envelope):
        if self.fail_left > 0:
            self.fail_left -= 1
            if self.fail_code >= 500:
                return f"{self.fail_code} 5.7.1 Refused by the test receiver"
            return f"{self.fail_code} 4.3.0 Try again later (test receiver)"
        raw = envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "message_id": str(message.get("Message-ID", "")),
            "subject": str(message.get("Subject", "")),
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "date": str(message.get("Date", "")),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset() or "",
            "transfer_encoding": str(message.get("Content-Transfer-Encoding", "")),
            # As a mail client shows it: the decoded text with plain line ends.
            "body": body.get_content().replace("\r\n", "\n") if body is not None else "",
            "raw": raw.decode("utf-8", errors="replace"),
        }
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
            log.flush()
        return "250 2.0.0 OK: queued"


def mailbox_view(log_path):
    seen = set()
    shown = []
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            record = json.loads(line)
            key = record.get("message_id") or None
            if key is not None and key in seen:
                continue
            if key is not None:
                seen.add(key)
            shown.append(record)
    json.dump(shown, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


async def serve(args):
    loop = asyncio.get_running_loop()
    handler = Handler(args.log, args.fail_first, args.fail_code)
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="receiver.test", enable_SMTPUTF8=True),
        host="127.0.0.1",
        port=args.port,
    )
    port = server.sockets[0].getsockname()[1]
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(port, flush=True)
    await stop.wait()
    server.close()
    await server.wait_closed()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", help="JSON lines file of received messages")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--fail-code", type=int, default=451)
    parser.add_argument("--view", help="print the mailbox view of this log and exit")
    args = parser.parse_args()
    if args.view:
        mailbox_view(args.view)
        return
    if not args.log:
        parser.error("--log is required in serve mode")
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()

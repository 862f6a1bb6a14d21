#!/usr/bin/python3
"""What the demo's receivers got (scripts/demo.sh, step 2): the e-mails the SMTP server
accepted, the calls the SMS and mailbox gateways answered, the letters in the print batches,
and one message of each kind as its recipient sees it, with the text of a PDF letter to a
citizen who has reserved themselves against digital contact.

    demo-delivery-report.py RECEIVER_DIR REGISTRY_DB
"""

import json
import os
import sqlite3
import subprocess
import sys


def lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def indent(text, prefix="     "):
    return "\n".join(prefix + line for line in text.strip().splitlines())


def main():
    directory, db = sys.argv[1], sys.argv[2]
    mails = lines(os.path.join(directory, "smtp.jsonl"))
    shown_mails = {m["message_id"] for m in mails}
    print(f"   SMTP server (127.0.0.1): {len(mails)} e-mails received, {len(shown_mails)} "
          "distinct Message-IDs (what a mail client shows)")
    for name in ("sms", "mailbox"):
        requests = [r for r in lines(os.path.join(directory, f"{name}-requests.jsonl"))
                    if "key" in r]
        shown = lines(os.path.join(directory, f"{name}-shown.jsonl"))
        print(f"   {name} gateway (127.0.0.1): {len(requests)} calls, {len(shown)} messages "
              "shown to recipients")
    print_root = os.path.join(directory, "print")
    days = sorted(d for d in os.listdir(print_root) if d[:2] == "20") if os.path.isdir(
        print_root) else []
    letters = 0
    for day in days:
        with open(os.path.join(print_root, day, "manifest.json"), encoding="utf-8") as f:
            letters += len(json.load(f)["letters"])
    print(f"   print provider: {letters} letters in {len(days)} daily batches under {print_root}")

    if mails:
        m = mails[0]
        print(f"\n   an e-mail as received: To: {m['to']}  Subject: {m['subject']}")
        print(indent(m["body"]))
    sms = lines(os.path.join(directory, "sms-shown.jsonl"))
    if sms:
        print("\n   an SMS as the gateway got it:")
        body = sms[0]["message"]
        print(indent(json.dumps({k: body.get(k) for k in ("to", "sender", "text")},
                                ensure_ascii=False)))

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        row = conn.execute(
            "SELECT provider_id FROM outbox WHERE channel = 'letter' AND route_reason = 'reserved'"
            " AND status = 'delivered' ORDER BY id LIMIT 1").fetchone()
    if row:
        day, key = row[0].split("/", 1)
        pdf = os.path.join(print_root, day, key + ".pdf")
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                              capture_output=True, text=True).stdout
        print(f"\n   a letter to a reserved citizen ({pdf}), as pdftotext reads it:")
        print(indent("\n".join(line for line in text.splitlines() if line.strip())[:1500]))


if __name__ == "__main__":
    main()

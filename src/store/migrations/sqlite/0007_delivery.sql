-- Delivery: the contact register (shaped like KRR) and the durable outbox.

-- One contact record per person (by the registry's person key; the identity number is not
-- kept here). Times are seconds since 1970-01-01 UTC; NULL when the register gave none.
CREATE TABLE contacts (
  person_key          INTEGER PRIMARY KEY,
  reserved            INTEGER NOT NULL,           -- reservasjon JA (1) / NEI (0)
  status              TEXT NOT NULL,              -- AKTIV, SLETTET, IKKE_REGISTRERT
  notification_status TEXT NOT NULL,              -- KAN_VARSLES, KAN_IKKE_VARSLES
  email               TEXT NOT NULL DEFAULT '',
  email_updated       INTEGER,
  email_verified      INTEGER,
  mobile              TEXT NOT NULL DEFAULT '',
  mobile_updated      INTEGER,
  mobile_verified     INTEGER,
  mailbox_address     TEXT NOT NULL DEFAULT '',
  mailbox_provider    TEXT NOT NULL DEFAULT '',   -- "digipost", "eboks" or the org. number
  language            TEXT NOT NULL DEFAULT 'nb', -- nb, nn, en, se
  loaded_at           INTEGER NOT NULL
);

-- One message to one person about one offer on one channel. Written in the same transaction
-- as the offer (or the change the citizen must be told); drained by the dispatcher.
-- status: queued (waiting for an attempt, first or retry), sending (claimed; an attempt is
-- under way or was cut off by a crash), sent (accepted by the receiver, awaiting its receipt),
-- delivered, failed (refused for good), dead (tries exhausted), cancelled (never sent: the
-- offer was closed or the message re-routed before its first attempt).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  offer_id        INTEGER NOT NULL REFERENCES offers (id),
  person_key      INTEGER NOT NULL,
  kommunenummer   TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('mailbox', 'sms', 'email', 'letter')),
  kind            TEXT NOT NULL CHECK (kind IN ('offer', 'reminder', 'change')),
  idempotency_key TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'delivered',
                                                  'failed', 'dead', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  provider_id     TEXT NOT NULL DEFAULT '',
  language        TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  formal          INTEGER NOT NULL,
  route_reason    TEXT NOT NULL,
  content         TEXT NOT NULL,  -- JSON: the template's placeholder values
  created_at      INTEGER NOT NULL,
  created_day     INTEGER NOT NULL,  -- days since 1970-01-01, Norwegian calendar
  updated_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  delivered_at    INTEGER,
  reminder_at     INTEGER           -- when an unopened formal message gets its second notice
);
-- The dispatcher's "due" query.
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
-- Messages cut off by a crash, found at start-up.
CREATE INDEX outbox_sending ON outbox (id) WHERE status = 'sending';
CREATE INDEX outbox_by_offer ON outbox (offer_id, person_key);
CREATE INDEX outbox_reminders ON outbox (reminder_at) WHERE reminder_at IS NOT NULL;
CREATE INDEX outbox_by_provider ON outbox (provider_id) WHERE provider_id <> '';
CREATE INDEX outbox_by_kommune_day ON outbox (kommunenummer, created_day);

-- The proactive engine's state: offers, the date index, opt-outs and the caseworker queue.

-- How many of an entry's changes corrected or annulled earlier facts: decisions that read
-- those facts must be re-made.
ALTER TABLE feed_events ADD COLUMN revisions INTEGER NOT NULL DEFAULT 0;

-- One offer (or notice) per service, subject and occurrence. `occurrence` names the cycle that
-- gave rise to it ("date:2026" for the date trigger due in 2026, "event:4711" for the feed
-- entry with that sequence number), so replays and restarts find the offer already made.
CREATE TABLE offers (
  id            INTEGER PRIMARY KEY,
  service       TEXT NOT NULL,
  subject_key   INTEGER NOT NULL,   -- persons.key of the person the offer is about
  occurrence    TEXT NOT NULL,
  kind          TEXT NOT NULL,      -- offer | notice
  state         TEXT NOT NULL,      -- proposed | sent | opened | accepted | declined | expired | withdrawn
  version       INTEGER NOT NULL,   -- 1, +1 for every re-decision that changed it
  kommunenummer TEXT NOT NULL,      -- whose rules decided it
  reason        TEXT NOT NULL,      -- the Reason code
  decided_day   INTEGER NOT NULL,   -- days since 1970-01-01 of the decision
  deadline_day  INTEGER,            -- the answer deadline, if any
  updated_day   INTEGER NOT NULL,
  decision      TEXT NOT NULL,      -- JSON: application, explanation, reason texts
  UNIQUE (service, subject_key, occurrence)
);
CREATE INDEX offers_by_subject ON offers (subject_key);
CREATE INDEX offers_open_by_deadline ON offers (deadline_day)
  WHERE state IN ('proposed', 'sent', 'opened');

-- Who receives an offer (the subject, or the holders of parental responsibility).
CREATE TABLE offer_recipients (
  offer_id   INTEGER NOT NULL REFERENCES offers (id),
  person_key INTEGER NOT NULL,
  PRIMARY KEY (person_key, offer_id)
) WITHOUT ROWID;

-- Every change of an offer's state or content, with its cause. `notify` is 1 when the citizen
-- must be told (an offer already sent was withdrawn or changed).
CREATE TABLE offer_transitions (
  id         INTEGER PRIMARY KEY,
  offer_id   INTEGER NOT NULL REFERENCES offers (id),
  from_state TEXT,                  -- NULL when the offer was made
  to_state   TEXT NOT NULL,
  version    INTEGER NOT NULL,
  day        INTEGER NOT NULL,
  cause      TEXT NOT NULL,
  notify     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX offer_transitions_by_offer ON offer_transitions (offer_id);

-- The date index: what falls due on which day. Entries are added whenever a person's data
-- change and checked again when due (a stale entry, whose date no longer follows from the
-- person's data, is dropped then), so a day costs work in proportion to what is due.
CREATE TABLE due_dates (
  due_day     INTEGER NOT NULL,
  person_key  INTEGER NOT NULL,
  service     TEXT NOT NULL,
  trigger_no  INTEGER NOT NULL,     -- index into the service's triggers
  occurrence  TEXT NOT NULL,        -- '' for date triggers; "event:N" for delayed events
  PRIMARY KEY (due_day, person_key, service, trigger_no, occurrence)
) WITHOUT ROWID;

-- A citizen's choice not to receive offers of a service.
CREATE TABLE opt_outs (
  person_key INTEGER NOT NULL,
  service    TEXT NOT NULL,
  day        INTEGER NOT NULL,
  PRIMARY KEY (person_key, service)
) WITHOUT ROWID;

-- Cases the engine must not handle automatically (guardianship, a child's death, nobody to
-- send to): a caseworker follows them up.
CREATE TABLE caseworker_tasks (
  id          INTEGER PRIMARY KEY,
  service     TEXT NOT NULL,
  subject_key INTEGER NOT NULL,
  occurrence  TEXT NOT NULL,
  reason      TEXT NOT NULL,
  kommunenummer TEXT NOT NULL,
  day         INTEGER NOT NULL,
  state       TEXT NOT NULL DEFAULT 'open',
  UNIQUE (service, subject_key, occurrence)
);

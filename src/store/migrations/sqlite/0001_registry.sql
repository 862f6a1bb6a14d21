-- The person registry and the feed consumer's bookkeeping.
CREATE TABLE persons (
  key           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL,      -- the identity number in use
  kommunenummer TEXT NOT NULL,      -- of the current residence ('' if none)
  birth_date    INTEGER,            -- days since 1970-01-01
  status        TEXT NOT NULL,      -- folkeregisterpersonstatus
  doc           BLOB NOT NULL       -- the person (registry/person_codec.h)
);

-- Every identity number a person has had, current or ceased.
CREATE TABLE identities (
  number     TEXT PRIMARY KEY,
  person_key INTEGER NOT NULL REFERENCES persons (key)
) WITHOUT ROWID;

-- Every feed entry received and what became of it. The changes of an applied entry live on in
-- the person's facts (each carries its sequence number); the entry itself is kept verbatim in
-- `body` only when it holds something the registry does not model (an unknown event type or
-- entity), so that nothing is dropped.
CREATE TABLE feed_events (
  id         INTEGER PRIMARY KEY,
  feed       TEXT NOT NULL,
  sequence   INTEGER NOT NULL,
  person_key INTEGER,
  event_type TEXT NOT NULL,
  timestamp  TEXT NOT NULL,
  status     TEXT NOT NULL,         -- applied | unknown_type
  body       TEXT,
  UNIQUE (feed, sequence)
);

CREATE TABLE feed_pointers (
  feed     TEXT PRIMARY KEY,
  sequence INTEGER NOT NULL
) WITHOUT ROWID;

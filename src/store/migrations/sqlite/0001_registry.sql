-- The person registry and the feed consumer's bookkeeping.
CREATE TABLE persons (
  key           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL,      -- the identity number in use
  kommunenummer TEXT NOT NULL,      -- of the current residence ('' if none)
  birth_date    INTEGER,            -- days since 1970-01-01
  status        TEXT NOT NULL,      -- folkeregisterpersonstatus
  doc           TEXT NOT NULL       -- the person document (JSON, register shape)
);
CREATE INDEX persons_by_kommune ON persons (kommunenummer);

-- Every identity number a person has had, current or ceased.
CREATE TABLE identities (
  number     TEXT PRIMARY KEY,
  person_key INTEGER NOT NULL REFERENCES persons (key)
) WITHOUT ROWID;

-- Every feed entry received, as received, with what became of it.
CREATE TABLE feed_events (
  feed       TEXT NOT NULL,
  sequence   INTEGER NOT NULL,
  person_key INTEGER,
  event_type TEXT NOT NULL,
  timestamp  TEXT NOT NULL,
  status     TEXT NOT NULL,         -- applied | unknown_type
  body       TEXT NOT NULL,
  PRIMARY KEY (feed, sequence)
) WITHOUT ROWID;

CREATE TABLE feed_pointers (
  feed     TEXT PRIMARY KEY,
  sequence INTEGER NOT NULL
) WITHOUT ROWID;

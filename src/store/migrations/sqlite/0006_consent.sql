-- Consent and the data API (src/consent): registered data consumers, consents with every
-- transition, and the client-assertion ids already used. Persons are named by their store key,
-- never by an identity number.

-- A data consumer (a bank, another agency): its organisation number is its OAuth client id,
-- its Ed25519 public key verifies its client assertions (RFC 7523), `purposes` (a JSON array
-- of catalog purpose ids) are what it may ask consent for.
CREATE TABLE consent_consumers (
  org_number    TEXT PRIMARY KEY CHECK (length(org_number) = 9),
  name          TEXT NOT NULL CHECK (name <> ''),
  purposes      TEXT NOT NULL,
  public_key    BLOB NOT NULL CHECK (length(public_key) = 32),
  registered_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- A consent request and, once answered, the consent. `items` is a JSON array of catalog field
-- ids; times are Unix milliseconds (UTC).
CREATE TABLE consents (
  id          TEXT PRIMARY KEY,
  person_key  INTEGER NOT NULL,
  consumer    TEXT NOT NULL REFERENCES consent_consumers (org_number),
  items       TEXT NOT NULL,
  purpose     TEXT NOT NULL,
  message_nb  TEXT NOT NULL DEFAULT '',
  message_nn  TEXT NOT NULL DEFAULT '',
  message_en  TEXT NOT NULL DEFAULT '',
  created_ms  INTEGER NOT NULL,
  valid_to_ms INTEGER NOT NULL,
  single_use  INTEGER NOT NULL CHECK (single_use IN (0, 1)),
  state       TEXT NOT NULL CHECK (state IN ('created', 'opened', 'accepted', 'rejected',
                                             'revoked', 'expired', 'used')),
  updated_ms  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX consents_by_person ON consents (person_key, created_ms);
CREATE INDEX consents_by_consumer ON consents (consumer);

-- Every transition of a consent: from (NULL at creation), to, who and when.
CREATE TABLE consent_events (
  id         INTEGER PRIMARY KEY,
  consent_id TEXT NOT NULL REFERENCES consents (id),
  from_state TEXT,
  to_state   TEXT NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('citizen', 'consumer', 'system')),
  actor_id   TEXT NOT NULL,
  time_ms    INTEGER NOT NULL
);
CREATE INDEX consent_events_by_consent ON consent_events (consent_id, id);

-- Client assertions' jti values, kept until the assertion expires: a replay is refused.
CREATE TABLE consent_assertion_ids (
  client_id  TEXT NOT NULL,
  jti        TEXT NOT NULL,
  expires_ms INTEGER NOT NULL,
  PRIMARY KEY (client_id, jti)
) WITHOUT ROWID;
CREATE INDEX consent_assertion_ids_by_expiry ON consent_assertion_ids (expires_ms);

-- What the portal and the admin add: citizens' preferences, answers' satisfaction, and
-- per-kommune service settings made by municipality staff at run time.

-- A citizen's chosen language for pages and messages (nb, nn or en).
CREATE TABLE citizen_preferences (
  person_key INTEGER PRIMARY KEY,
  language   TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
  day        INTEGER NOT NULL
);

-- Satisfaction with an offer, given with the answer (accept or decline): 1 (poor) to 5 (good).
-- One per (offer, person); the comment is free text from the citizen.
CREATE TABLE offer_feedback (
  offer_id     INTEGER NOT NULL REFERENCES offers (id),
  person_key   INTEGER NOT NULL,
  service      TEXT NOT NULL,
  kommunenummer TEXT NOT NULL,
  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  comment      TEXT NOT NULL DEFAULT '',
  day          INTEGER NOT NULL,
  PRIMARY KEY (offer_id, person_key)
) WITHOUT ROWID;
CREATE INDEX offer_feedback_by_kommune ON offer_feedback (kommunenummer, service);

-- A kommune's settings of a service made in the admin, over service.yaml's defaults and
-- overrides: enabled (NULL: as service.yaml says) and parameter values as a JSON object
-- (name → value in the parameter's yaml form; a missing name: as service.yaml says).
CREATE TABLE kommune_service_settings (
  kommunenummer TEXT NOT NULL,
  service       TEXT NOT NULL,
  enabled       INTEGER,
  parameters    TEXT NOT NULL DEFAULT '{}',
  updated_at    TEXT NOT NULL,  -- ISO 8601 UTC
  updated_by    TEXT NOT NULL,  -- the staff key's name
  PRIMARY KEY (kommunenummer, service)
) WITHOUT ROWID;

-- Every change of those settings, for the record.
CREATE TABLE kommune_service_settings_log (
  id            INTEGER PRIMARY KEY,
  kommunenummer TEXT NOT NULL,
  service       TEXT NOT NULL,
  enabled       INTEGER,
  parameters    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);

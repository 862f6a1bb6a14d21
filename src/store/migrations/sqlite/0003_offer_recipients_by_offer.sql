-- Finding an offer's recipients (and replacing them when an offer changes) by offer id; the
-- primary key serves the other direction, a citizen's offers.
CREATE INDEX IF NOT EXISTS offer_recipients_by_offer ON offer_recipients (offer_id);

#pragma once

// Test and bench support: a registry with an outbox to drain. FillOutbox stores `people`
// persons, a contact record for most of them and one open offer each, and queues the offer's
// messages exactly as the engine does (OutboxWriter::Enqueue in the offer's transaction, queued
// at the start of the decision day in Norway, so SMS come due at 09:00), so that the dispatcher
// routes them over all four channels:
//
//   ~30 %  a digital mailbox (digipost or eboks)                 → mailbox
//   ~35 %  e-mail and mobile, confirmed recently                 → sms + email
//   ~10 %  e-mail only, ~10 % mobile only                         → email, sms
//   ~10 %  reserved against digital contact (half with a mobile) → letter (+ an sms notice)
//   ~5 %   no contact record                                      → letter
// and every 12th person has a protected address (fortrolig or strengt fortrolig) and is
// reserved, so their letter carries the envelope-only flag.
//
// Everything (names, languages, the mix) follows from `seed`; the same options give the same
// database. Identity numbers are made up (11 digits, not valid fødselsnummer) and never printed.
// Uses the store from the calling thread; writes in transactions of 500 persons.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/civil_date.h"
#include "common/result.h"
#include "delivery/delivery_config.h"
#include "store/store.h"

namespace proaktiv::delivery::testing {

struct OutboxFixtureOptions {
  int people = 400;
  uint64_t seed = 1;
  // The day the offers are decided (and their messages queued, at 00:00 in Norway).
  CivilDate day = CivilDate::FromDays(20514);  // 2026-03-02
  std::string service = "kindergarten-place";
  std::string kommunenummer = "4601";  // Bergen
};

struct OutboxFixture {
  int64_t persons = 0;
  std::vector<int64_t> offer_ids;  // in the order made
  // The idempotency keys of the queued messages per channel name ("mailbox", "sms", "email",
  // "letter"), sorted.
  std::map<std::string, std::vector<std::string>> keys;

  int64_t messages() const;
};

// Fills `store` (which must hold no persons yet: keys start at 1) as described above;
// `config` gives the routing settings of the service (use DeliveryConfig::Defaults()).
Result<OutboxFixture> FillOutbox(store::RegistryStore& store, const DeliveryConfig& config,
                                 const OutboxFixtureOptions& options);

// Opens (creating) the SQLite database at `path` and fills it.
Result<OutboxFixture> FillOutboxFile(const std::string& path, const DeliveryConfig& config,
                                     const OutboxFixtureOptions& options);

}  // namespace proaktiv::delivery::testing

#pragma once

// The contact register, shaped like Digdir's Kontakt- og reservasjonsregisteret (KRR): one
// record per person with the reservation against digital contact (JA/NEI), the record's status,
// the notification status, e-mail and mobile with the times they were last updated and
// verified, the digital mailbox (address and provider) and the preferred language. `proaktiv
// gen` writes one JSON line per person to contacts.jsonl (synth/contacts.h; the shape of
// /work/shared/data/freg_feed_example.json "krr_lookup_example"); LoadContacts stores them by
// the registry's person key (store/contact_store.h), so no identity number is kept beside
// them. The dispatcher looks a person's record up when a message is queued and again when it
// is sent.
//
// Stateless functions; LoadContacts uses the store it is given from the calling thread only.

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/contact_store.h"
#include "store/store.h"

namespace proaktiv::delivery {

using ContactRecord = store::ContactRecord;

// One line of the register: the identity number it is about and the record (person_key 0).
struct KrrLine {
  std::string identity_number;
  ContactRecord record;
};

// Parses one JSON line. Errors name the field and its value (never the identity number).
// `loaded_at` is stored as the record's load time. Providers given by organisation number are
// named: 984661185 → "digipost", 996460320 → "eboks".
Result<KrrLine> ParseKrrLine(std::string_view line, int64_t loaded_at);

// A KRR time ("2023-06-29T10:14:52+02", "+02:00", "Z", or a bare date) as seconds since
// 1970-01-01 UTC.
Result<int64_t> ParseKrrTime(std::string_view text);

// Contact data confirmed (updated or verified, whichever is later) within the last 18 calendar
// months before `now` (seconds since 1970-01-01 UTC). Data without either time is stale.
bool ConfirmedWithin18Months(const std::optional<int64_t>& updated,
                             const std::optional<int64_t>& verified, int64_t now);

struct ContactLoadReport {
  int64_t lines = 0;
  int64_t loaded = 0;
  int64_t unknown_persons = 0;  // identity numbers the registry does not have
};

// Reads JSON lines from `in` and stores each record under the person key of its identity
// number, in transactions of `batch` lines. Blank lines are skipped; the first malformed line
// stops the load with an error naming its line number (what was stored before it stays).
// `progress` (optional) gets the number of lines read.
Result<ContactLoadReport> LoadContacts(store::RegistryStore& store, std::istream& in,
                                       int64_t loaded_at,
                                       const std::function<void(int64_t)>& progress = {},
                                       int batch = 50000);

}  // namespace proaktiv::delivery

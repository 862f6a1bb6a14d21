#pragma once

// Occurrences and the date index: which cycle of a service an offer belongs to, and when a
// person's date triggers fall due.
//
// An occurrence names the cycle that gave rise to an offer, so that one offer is made per
// (person, service, occurrence) however often the engine sees the same cause:
//   "date:2026"   a date trigger of the service due in 2026 (every date trigger is age-based,
//                 so a person has at most one due date per trigger and year); an event trigger
//                 with catch_up joins the occurrence of the date trigger it catches up with;
//   "event:4711"  an event trigger fired by the feed entry with sequence number 4711.
//
// Pure functions over the service definitions; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/civil_date.h"
#include "engine/service_bundle.h"
#include "registry/person.h"
#include "store/engine_store.h"

namespace proaktiv::engine {

std::string DateOccurrence(CivilDate due);
std::string EventOccurrence(int64_t sequence);

// The date-index entries of `person` (stored under `key`) for every date trigger of every
// service of `library`, due on or after `from`, under the parameters of the person's
// municipality. A person without a birth date has none.
std::vector<store::DueEntry> DateIndexEntries(const ServiceLibrary& library, int64_t key,
                                              const registry::Person& person, CivilDate from);

// The due date of date trigger `trigger_no` of `bundle` for `person` now (nullopt when the
// trigger is not a date trigger or the person has no birth date). An index entry whose day
// differs is stale: the person's data or the parameters changed after it was written.
std::optional<CivilDate> CurrentDueDate(const ServiceBundle& bundle, int trigger_no,
                                        const registry::Person& person);

// For a catch-up event on `today`: the latest due date of the service's date triggers in the
// year up to and including `today` (today - 364 … today); nullopt when none was due.
std::optional<CivilDate> RecentDueDate(const ServiceBundle& bundle, const registry::Person& person,
                                       CivilDate today);

// True when some date trigger of `bundle` is due for `person` in the year of `occurrence`
// ("date:YYYY"); always true for other occurrences.
bool DateOccurrenceHolds(const ServiceBundle& bundle, const registry::Person& person,
                         std::string_view occurrence);

}  // namespace proaktiv::engine

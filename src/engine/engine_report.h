#pragma once

// What the engine did: one record per decision it considered, and counts per service.
// Plain data; not thread-safe.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace proaktiv::engine {

enum class Outcome {
  kOffered,         // an offer was made
  kNoticed,         // a notice of a negative outcome was made
  kNotEligible,     // the rule said no (reason = the rule's reason code)
  kDisabled,        // the service is switched off in the person's municipality
  kHeld,            // the guard held it back (reason = the guard's)
  kCaseworker,      // routed to a caseworker (reason = why)
  kOptedOut,        // every recipient opted out of the service
  kAlreadyOffered,  // the occurrence already has an offer (a replay or a second trigger)
  kUpdated,         // a re-decision changed an open offer
  kUnchanged,       // a re-decision confirmed an open offer
  kWithdrawn,       // a re-decision withdrew an open offer
  kReinstated,      // a correction or annulment brought a withdrawn offer back
  kExpired,         // the deadline passed unanswered
};
std::string_view Name(Outcome outcome);

struct OutcomeRecord {
  int32_t day = 0;  // days since 1970-01-01
  std::string service;
  int64_t subject_key = 0;
  std::string occurrence;
  Outcome outcome = Outcome::kOffered;
  std::string reason;
  int64_t offer_id = 0;  // when an offer was made or changed
};

struct EngineReport {
  int64_t events = 0;     // feed events looked at
  int64_t due = 0;        // date-index entries that fell due
  int64_t stale = 0;      // of those, entries the person's current data no longer support
  int64_t redecided = 0;  // open offers decided again after a change
  std::map<std::string, std::map<Outcome, int64_t>> by_service;
  std::vector<OutcomeRecord> records;  // only when the engine keeps them
  bool keep_records = false;

  void Add(OutcomeRecord record);
  void Merge(const EngineReport& other);
  int64_t Count(std::string_view service, Outcome outcome) const;
};

}  // namespace proaktiv::engine

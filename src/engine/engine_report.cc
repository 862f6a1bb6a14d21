#include "engine/engine_report.h"

namespace proaktiv::engine {

std::string_view Name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kOffered:
      return "offered";
    case Outcome::kNoticed:
      return "noticed";
    case Outcome::kNotEligible:
      return "not-eligible";
    case Outcome::kDisabled:
      return "disabled";
    case Outcome::kHeld:
      return "held";
    case Outcome::kCaseworker:
      return "caseworker";
    case Outcome::kOptedOut:
      return "opted-out";
    case Outcome::kAlreadyOffered:
      return "already-offered";
    case Outcome::kUpdated:
      return "updated";
    case Outcome::kUnchanged:
      return "unchanged";
    case Outcome::kWithdrawn:
      return "withdrawn";
    case Outcome::kReinstated:
      return "reinstated";
    case Outcome::kExpired:
      return "expired";
  }
  return "unknown";
}

void EngineReport::Add(OutcomeRecord record) {
  ++by_service[record.service][record.outcome];
  if (keep_records) records.push_back(std::move(record));
}

void EngineReport::Merge(const EngineReport& other) {
  events += other.events;
  due += other.due;
  stale += other.stale;
  redecided += other.redecided;
  for (const auto& [service, counts] : other.by_service) {
    for (const auto& [outcome, n] : counts) by_service[service][outcome] += n;
  }
  if (keep_records) records.insert(records.end(), other.records.begin(), other.records.end());
}

int64_t EngineReport::Count(std::string_view service, Outcome outcome) const {
  auto it = by_service.find(std::string(service));
  if (it == by_service.end()) return 0;
  auto c = it->second.find(outcome);
  return c == it->second.end() ? 0 : c->second;
}

}  // namespace proaktiv::engine

#pragma once

// Storage for the admin's tables: kommune settings of services, and the uptake and satisfaction
// reports (0004_portal.sql). Lives in the registry's database and shares its transaction
// (RegistryStore::Begin/Commit); used by one thread at a time, like the RegistryStore that owns it.
//
// Settings are kept as the admin saved them: `enabled` (nullopt: as service.yaml says) and the
// parameter values as a JSON object (name → value; integer and boolean parameters as JSON
// numbers and booleans, month-day and string parameters as strings). The store does not
// validate them against service.yaml: engine/kommune_settings.h does, when they are saved and
// when the engine loads them.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "registry/person.h"

namespace proaktiv::store {

// A kommune's settings of one service (a row of kommune_service_settings or of its log).
struct ServiceSettingsRow {
  std::string kommunenummer;
  std::string service;
  std::optional<bool> enabled;
  std::string parameters_json = "{}";  // a JSON object
  std::string updated_at;              // ISO 8601 UTC, "2026-03-01T10:15:00Z"
  std::string updated_by;              // the staff key's name
};

// The uptake funnel of one service in one month of decision (see Uptake()).
struct UptakeCount {
  std::string service;
  std::string month;  // "2026-03"
  int64_t eligible = 0;
  int64_t offered = 0;
  int64_t delivered = 0;
  int64_t opened = 0;
  int64_t accepted = 0;
};

// The satisfaction answers of one service: counts[i] answers of i + 1 (1 … 5).
struct SatisfactionCounts {
  std::string service;
  std::array<int64_t, 5> counts{};
};

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;

  // Every kommune's settings of every service, by (kommunenummer, service).
  virtual Result<std::vector<ServiceSettingsRow>> AllSettings() = 0;
  // One kommune's settings, by service.
  virtual Result<std::vector<ServiceSettingsRow>> SettingsOf(std::string_view kommunenummer) = 0;
  // Replaces the settings of (row.kommunenummer, row.service) and appends the row to the log.
  // Run it inside Begin/Commit so that both writes land together.
  virtual Status PutSettings(const ServiceSettingsRow& row) = 0;
  // The log of (kommunenummer, service), oldest first.
  virtual Result<std::vector<ServiceSettingsRow>> SettingsLog(std::string_view kommunenummer,
                                                              std::string_view service) = 0;

  // The uptake funnel per service and month of decision (the month of offers.decided_day) of
  // the offers decided under `kommunenummer`'s rules (offers.kommunenummer), for `service` only
  // when not empty; ordered by service, then month. Only offers of kind "offer" count (a notice
  // is a negative decision). Each stage counts offers:
  //   eligible   every offer made (a positive decision), including those later withdrawn or
  //              expired; caseworker tasks are not decisions and do not count;
  //   offered    … except those withdrawn before they were sent;
  //   delivered  … that reached "sent" (or a later state: opened, accepted, declined);
  //   opened     … that reached "opened" or were answered (accepted or declined), since a
  //              citizen may answer without opening the offer in the portal;
  //   accepted   … that were accepted.
  // The stages are therefore monotone: eligible ≥ offered ≥ delivered ≥ opened ≥ accepted.
  virtual Result<std::vector<UptakeCount>> Uptake(std::string_view kommunenummer,
                                                  std::string_view service) = 0;

  // The satisfaction answers (offer_feedback) given in `kommunenummer`, per service, ordered
  // by service.
  virtual Result<std::vector<SatisfactionCounts>> Satisfaction(std::string_view kommunenummer) = 0;

  // Calls `visit` with (key, person) for every person whose current residence is in
  // `kommunenummer` (the persons table's kommunenummer column), in key order; stops when it
  // returns false. For the admin's dry run; the caller filters on status.
  virtual Status ForEachPersonIn(
      std::string_view kommunenummer,
      const std::function<bool(int64_t key, registry::Person&& person)>& visit) = 0;
};

}  // namespace proaktiv::store

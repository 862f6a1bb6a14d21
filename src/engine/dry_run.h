#pragma once

// The admin's dry run of a candidate DMN model: who in a kommune would the service find
// eligible today under the current model, and who under the candidate? Nothing is stored.
//
//   auto residents = engine::LoadResidents(store, "4601");                  // once per request
//   auto candidate = effective_bundle.WithDmn(xml, "uploaded eligibility.dmn");  // validated
//   auto result = engine::CompareModels(effective_bundle, **candidate, *residents, today, {});
//   result->gained;  // eligible only under the candidate: masked id, birth year, reason code
//
// Both models are run with engine::EligibilityScan (only `Eligible`, memoised, on several
// threads), each person under the effective parameters of the bundle given (pass the bundle of
// the effective library, engine/kommune_settings.h, so that the kommune's settings apply). The
// candidate's Reason is computed only for the persons listed (ServiceBundle::Decide). Persons are
// identified by their masked identity number (common/national_id.h) and birth year only.
//
// Thread-safety: Residents is immutable after LoadResidents and its lookup may be called from
// several threads; CompareModels uses `options.threads` threads of its own.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/civil_date.h"
#include "common/result.h"
#include "engine/field_extractor.h"
#include "engine/service_bundle.h"
#include "registry/person.h"
#include "store/store.h"

namespace proaktiv::engine {

// The residents of a kommune today, and their relatives living elsewhere.
struct Residents {
  Residents() = default;
  Residents(const Residents&) = delete;  // lookup() refers to this object
  Residents& operator=(const Residents&) = delete;

  std::string kommunenummer;
  // Persons whose current residence is the kommune, with status "bosatt" and no death, in
  // store key order.
  std::vector<registry::Person> persons;
  // Parents, children, spouses and holders of parental responsibility of those persons who do
  // not live in the kommune (read by identity number), so that the lookup finds them.
  std::vector<registry::Person> relatives;
  double read_seconds = 0;  // the time LoadResidents took

  // Finds a person of `persons` or `relatives` by any of their identity numbers.
  const PersonLookup& lookup() const { return lookup_; }

  // Adds the persons and relatives added since the last call to the index behind lookup().
  // Neither vector may grow afterwards except `relatives` before the next call (pointers into
  // them are kept).
  void Index();

 private:
  std::unordered_map<std::string, const registry::Person*> by_id_;
  size_t indexed_persons_ = 0;
  size_t indexed_relatives_ = 0;
  PersonLookup lookup_;
};

// Reads the residents of `kommunenummer` from `store` (one pass over the kommune's persons,
// then one lookup per relative living elsewhere).
Result<std::unique_ptr<Residents>> LoadResidents(store::RegistryStore& store,
                                                 std::string_view kommunenummer);

struct DryRunPerson {
  std::string masked_id;  // "130972*****"
  int birth_year = 0;     // 0 when unknown
  std::string reason;     // the candidate's Reason code ("" when it could not be decided)
};

struct DryRunResult {
  int64_t persons = 0;
  int64_t current_eligible = 0;
  int64_t candidate_eligible = 0;
  int64_t gained_count = 0;  // eligible under the candidate only (all, not just those listed)
  int64_t lost_count = 0;    // eligible under the current model only
  std::vector<DryRunPerson> gained;  // the first `max_listed` in key order
  std::vector<DryRunPerson> lost;
  int64_t evaluations = 0;  // DMN evaluations of both scans
  double scan_seconds = 0;  // both scans and the listed persons' reasons
};

struct DryRunOptions {
  size_t max_listed = 100;
  int threads = 2;
};

// Decides `Eligible` for every resident under `current` and under `candidate` (bundles of the
// same service) on `today`. Errors: a model whose `Eligible` is not a boolean for some person
// (FailedPrecondition naming the service and the person's position, never the number).
Result<DryRunResult> CompareModels(const ServiceBundle& current, const ServiceBundle& candidate,
                                   const Residents& residents, CivilDate today,
                                   const DryRunOptions& options = {});

}  // namespace proaktiv::engine

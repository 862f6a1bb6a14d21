#pragma once

// Runs the proactive engine over a period, day by day, on a registry store: each day, the feed
// lines dated that day (optional) go through intake, then the engine runs through the day
// (engine/offer_engine.h). Before the first day, a store the engine has never seen gets its
// date index; then `after_day`, when given. Shared by `proaktiv run` and `proaktiv simulate`.

#include <cstdint>
#include <functional>
#include <set>
#include <string>

#include "common/civil_date.h"
#include "common/progress.h"
#include "common/result.h"
#include "engine/engine_report.h"
#include "engine/service_bundle.h"
#include "store/store.h"

namespace proaktiv::cli {

struct PeriodRunOptions {
  CivilDate from;
  CivilDate until;        // inclusive
  std::string feed_file;  // optional: feed lines (JSON), in sequence order
  bool keep_records = false;
  std::set<std::string> kommuner;  // when not empty, only subjects living there
  // Optional: called after the engine has run through each day (delivery, in `run`).
  std::function<Status(CivilDate day)> after_day;
};

struct PeriodRunResult {
  engine::EngineReport report;
  int64_t index_entries = 0;  // written before the first day (0 when already indexed)
  int64_t feed_entries = 0;   // applied by intake during the run
  double intake_seconds = 0;
  double engine_seconds = 0;
  double after_day_seconds = 0;
};

Result<PeriodRunResult> RunPeriod(store::RegistryStore& store,
                                  const engine::ServiceLibrary& library,
                                  const PeriodRunOptions& options, Progress& progress);

}  // namespace proaktiv::cli

#pragma once

// Running the offer engine from the server after new register data arrived, one run at a time
// in the process: engine::OfferEngine::RunThrough writes offers in batched transactions, and
// two runs at once would only wait on each other's locks (and make the counts of offers made
// meaningless). Thread-safe: a process-wide mutex serialises the runs.

#include <cstdint>

#include "common/civil_date.h"
#include "common/result.h"
#include "engine/service_bundle.h"
#include "store/store.h"

namespace proaktiv::http::api {

struct EngineRunResult {
  int64_t offers_made = 0;  // offers and notices made by this run
  int64_t events = 0;       // feed events the run looked at
};

// Runs the engine on `store` (the calling thread's) through `day`.
Result<EngineRunResult> RunEngineThrough(store::RegistryStore& store,
                                         const engine::ServiceLibrary& library, CivilDate day);

}  // namespace proaktiv::http::api

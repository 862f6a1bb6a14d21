#include "http/api/engine_run.h"

#include <mutex>

#include "engine/offer_engine.h"

namespace proaktiv::http::api {
namespace {

std::mutex& EngineRunMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

Result<EngineRunResult> RunEngineThrough(store::RegistryStore& store,
                                         const engine::ServiceLibrary& library, CivilDate day) {
  std::lock_guard<std::mutex> lock(EngineRunMutex());
  engine::OfferEngine engine(store, library);
  PROAKTIV_ASSIGN_OR_RETURN(engine::EngineReport report, engine.RunThrough(day));
  EngineRunResult out;
  out.events = report.events;
  for (const auto& [service, counts] : report.by_service) {
    for (const auto& [outcome, n] : counts) {
      if (outcome == engine::Outcome::kOffered || outcome == engine::Outcome::kNoticed) {
        out.offers_made += n;
      }
    }
  }
  return out;
}

}  // namespace proaktiv::http::api

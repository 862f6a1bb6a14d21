#pragma once

// What `proaktiv run` and `proaktiv simulate` print about offers: decisions per service and
// outcome, offers per service and month (as a table and as an SVG chart), and a few offers
// with their message and explanation. Identity numbers are never printed.

#include <string>

#include "common/result.h"
#include "engine/engine_report.h"
#include "engine/service_bundle.h"
#include "store/store.h"

namespace proaktiv::cli {

void PrintOutcomeTable(const engine::EngineReport& report);

// Offers (kind offer, any state) per service and month of decision; the chart is written to
// `chart_file` when not empty.
Status PrintOffersPerMonth(store::EngineStore& offers, const std::string& chart_file,
                           const std::string& title);

// Up to `count` offers, one per service first, with the message in bokmål as the first
// recipient would get it, and the explanation.
Status PrintSampleOffers(store::RegistryStore& store, const engine::ServiceLibrary& library,
                         int count);

}  // namespace proaktiv::cli

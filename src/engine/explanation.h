#pragma once

// The explanation that goes with every decision: what was decided, on which input values, by
// which rules and decision-table rows, under which legal basis and parameters. It is stored
// with the offer (as JSON) and shown to the citizen and the caseworker.
//
//   {
//     "service": "kindergarten-place", "version": 1, "decided_on": "2026-01-18",
//     "kommunenummer": "1103",
//     "legal_basis": {"reference": "barnehageloven § 16", "url": "…"}, "sources": […],
//     "eligible": true, "reason": "turns-one-by-november",
//     "reason_text": {"nb": "…", "nn": "…", "en": "…"},
//     "parameters": {"intake_deadline": "03-01"},
//     "inputs": {"Child birth date": "2025-05-04", …},
//     "rules": [{"decision": "Assessment", "hit_policy": "FIRST", "row": 6, "rule_id": "…",
//                "description": "Turns 1 by …", "outputs": […],
//                "inputs": {"Child status": "bosatt", …}}]
//   }
//
// Inputs never hold an identity number: the field extractors give names and dates, and a
// protected address is null. Pure; thread-safe.

#include <boost/json.hpp>

#include "common/civil_date.h"
#include "engine/service_bundle.h"

namespace proaktiv::engine {

boost::json::object Explain(const ServiceBundle& bundle, const Decision& decision,
                            const KommuneParameters& params, CivilDate decided_on);

}  // namespace proaktiv::engine

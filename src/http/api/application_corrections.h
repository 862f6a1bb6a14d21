#pragma once

// What a citizen may correct in a pre-filled application when accepting an offer, and the
// check of their corrections.
//
// The rule: a top-level field of the application (the DMN `Application` context as stored with
// the offer) is editable when it describes the citizen's household in words the register may
// have wrong or that the citizen wants written otherwise — a text (a name) or a flat object of
// texts (an address) — and it is none of:
//   - what the rule computed or counts on: dates (any text that is an ISO date, and names
//     ending in _date or _deadline), years (_year), reasons (_reason), numbers, lists, the
//     service's deadline field (service.yaml `deadline.application_field`);
//   - what identifies or places the case: identity numbers (an 11-digit text, or a name with
//     the part id, fnr, dnr, pid, nummer, number or identity), `kommune`, `relation`;
//   - a field whose value is null (e.g. a protected address: it stays hidden and unset).
// So in the service library, child_name, name and address are editable; start dates, ages,
// grades, parents, deadlines and the municipality are not.
//
// A correction must keep the field's JSON type: a text stays a non-blank text (at most 500
// characters), an object stays an object whose keys are the original's, with texts or null.
// Pure functions; thread-safe.

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "engine/service_definition.h"
#include "http/api/api_error.h"

namespace proaktiv::http::api {

// The editable fields of `application` (an object; anything else has none), in its order.
std::vector<std::string> EditableFields(const boost::json::value& application,
                                        const engine::ServiceDefinition& service);

struct CorrectedApplication {
  boost::json::object application;     // the original with the corrections applied
  std::vector<std::string> corrected;  // the fields whose value changed, in the original's order
};

// Applies `corrections` (the Answer's `application`) to `application`. A 422 problem
// "invalid-application" names the first field that is not editable, unknown, or of the wrong
// type.
ApiResult<CorrectedApplication> ApplyCorrections(const boost::json::value& application,
                                                 const boost::json::value& corrections,
                                                 const engine::ServiceDefinition& service);

}  // namespace proaktiv::http::api

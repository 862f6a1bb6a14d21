#pragma once

// The JSON of an offer as the citizen sees it (docs/openapi.yaml: OfferSummary, OfferDetail),
// in one language, from the stored offer (decision_json: application, deadline, explanation,
// answer) and the service bundle's texts.
//
// The message and its subject line are rendered from the bundle's "offer" (or "notice")
// template with the placeholder values the stored decision holds: the application's entries,
// the parameters in force when it was decided (the explanation's), the deadline, the reason
// text, the citizen's name as recipient. A template that cannot be rendered (a service changed
// since) falls back to the service's name as the title and no message, rather than failing the
// page. editable_fields (application_corrections.h) are listed only while the offer can still
// be accepted.
//
// Not thread-safe (uses the request's PersonCache and store); one per request.

#include <string>

#include <boost/json.hpp>

#include "engine/person_cache.h"
#include "engine/service_bundle.h"
#include "http/api/citizen.h"
#include "store/engine_store.h"

namespace proaktiv::http::api {

class OfferViews {
 public:
  // `language` is nb, nn or en. All references must outlive the views.
  OfferViews(const engine::ServiceLibrary& library, engine::PersonCache& persons,
             store::EngineStore& engine, const Citizen& citizen, std::string language)
      : library_(library),
        persons_(persons),
        engine_(engine),
        citizen_(citizen),
        language_(std::move(language)) {}

  // OfferSummary. DataLoss when the stored decision is not JSON.
  Result<boost::json::object> Summary(const store::OfferRecord& offer);
  // OfferDetail: the summary, the message, reason, legal basis, application, editable fields,
  // explanation, history (the state changes, oldest first) and the answer (null until answered).
  Result<boost::json::object> Detail(const store::OfferRecord& offer);

 private:
  struct Texts {
    std::string title;
    std::string message;
  };
  Texts Render(const store::OfferRecord& offer, const boost::json::object& decision) const;
  boost::json::object SummaryOf(const store::OfferRecord& offer, const Texts& texts);

  const engine::ServiceLibrary& library_;
  engine::PersonCache& persons_;
  store::EngineStore& engine_;
  const Citizen& citizen_;
  std::string language_;
};

// Parses an offer's decision_json; DataLoss naming the offer when it is not a JSON object.
Result<boost::json::object> ParseDecision(const store::OfferRecord& offer);

}  // namespace proaktiv::http::api

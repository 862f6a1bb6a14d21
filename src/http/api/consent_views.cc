#include "http/api/consent_views.h"

#include <boost/json.hpp>

#include "consent/consent_state.h"
#include "consent/receipt.h"
#include "consent/time_text.h"

namespace proaktiv::http::api {
namespace {

std::string_view Group(std::string_view state) {
  auto parsed = consent::ParseConsentState(state);
  if (parsed && consent::IsPending(*parsed)) return "pending";
  if (parsed && *parsed == consent::ConsentState::kAccepted) return "active";
  return "past";
}

}  // namespace

boost::json::object ConsentJson(const store::ConsentRecord& c,
                                const std::optional<store::ConsumerRecord>& consumer,
                                const catalog::Catalog& catalog, std::string_view language,
                                const std::vector<store::ConsentEventRecord>* events) {
  boost::json::array items;
  for (const std::string& item : c.items) {
    const catalog::Field* field = catalog.FindField(item);
    items.push_back(boost::json::object{{"id", item},
                                        {"name", field ? field->description.In(language) : item}});
  }
  const catalog::Purpose* purpose = catalog.FindPurpose(c.purpose);
  boost::json::object out{
      {"id", c.id},
      {"state", c.state},
      {"group", Group(c.state)},
      {"consumer", boost::json::object{{"organisation_number", c.consumer},
                                       {"name", consumer ? consumer->name : c.consumer}}},
      {"purpose",
       boost::json::object{{"id", c.purpose},
                           {"name", purpose ? purpose->description.In(language) : c.purpose}}},
      {"items", std::move(items)},
      {"message", consent::MessageIn(c, language)},
      {"single_use", c.single_use},
      {"created_at", consent::FormatUtc(c.created_ms)},
      {"valid_to", consent::FormatUtc(c.valid_to_ms)},
      {"updated_at", consent::FormatUtc(c.updated_ms)}};
  if (events != nullptr) {
    boost::json::array history;
    for (const store::ConsentEventRecord& e : *events) {
      boost::json::object event{
          {"to", e.to_state}, {"by", e.actor_kind}, {"at", consent::FormatUtc(e.time_ms)}};
      if (e.from_state.empty()) {
        event["from"] = nullptr;
      } else {
        event["from"] = e.from_state;
      }
      history.push_back(std::move(event));
    }
    out["events"] = std::move(history);
  }
  return out;
}

}  // namespace proaktiv::http::api

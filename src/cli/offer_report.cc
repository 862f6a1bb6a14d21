#include "cli/offer_report.h"

#include <set>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "cli/per_month_report.h"
#include "dmn/json_values.h"
#include "engine/field_extractor.h"
#include "registry/kommune.h"

namespace proaktiv::cli {

void PrintOutcomeTable(const engine::EngineReport& report) {
  using engine::Outcome;
  const Outcome columns[] = {Outcome::kOffered,       Outcome::kNotEligible, Outcome::kCaseworker,
                             Outcome::kHeld,          Outcome::kOptedOut,    Outcome::kDisabled,
                             Outcome::kUpdated,       Outcome::kWithdrawn,   Outcome::kExpired,
                             Outcome::kAlreadyOffered};
  fmt::print("{:<22}", "service");
  for (Outcome c : columns) fmt::print(" {:>12}", engine::Name(c));
  fmt::print("\n");
  for (const auto& [service, counts] : report.by_service) {
    fmt::print("{:<22}", service);
    for (Outcome c : columns) {
      auto it = counts.find(c);
      fmt::print(" {:>12}", it == counts.end() ? 0 : it->second);
    }
    fmt::print("\n");
  }
}

Status PrintOffersPerMonth(store::EngineStore& offers, const std::string& chart_file,
                           const std::string& title) {
  PROAKTIV_ASSIGN_OR_RETURN(auto counts, offers.CountOffers());
  PerMonthCounts table{"offers per month (decided)", "service", title, "offers", {}};
  for (const auto& c : counts) {
    if (c.kind == store::OfferKind::kOffer) table.counts[c.service][c.month] += c.count;
  }
  return PrintPerMonth(table, chart_file);
}

Status PrintSampleOffers(store::RegistryStore& store, const engine::ServiceLibrary& library,
                         int count) {
  if (count <= 0) return {};
  std::vector<store::OfferRecord> samples;
  std::set<std::string> seen;
  PROAKTIV_RETURN_IF_ERROR(store.engine().ForEachOffer([&](const store::OfferRecord& o) {
    if (o.kind == store::OfferKind::kOffer && seen.insert(o.service).second) samples.push_back(o);
    return static_cast<int>(samples.size()) < count;
  }));
  for (const auto& brief : samples) {
    PROAKTIV_ASSIGN_OR_RETURN(auto found, store.engine().FindOfferById(brief.id));
    if (!found) continue;
    const store::OfferRecord* offer = &*found;
    const engine::ServiceBundle* bundle = library.Find(offer->service);
    if (bundle == nullptr || offer->recipients.empty()) continue;
    PROAKTIV_ASSIGN_OR_RETURN(auto recipient, store.FindPersonByKey(offer->recipients[0]));
    auto doc = boost::json::parse(offer->decision_json).as_object();
    const auto& ex = doc["explanation"].as_object();
    // Re-render the message from the stored decision as delivery will.
    engine::Decision d;
    d.reason = std::string(ex.at("reason").as_string());
    for (std::string_view lang : catalog::kLanguages) {
      *d.reason_text.Mutable(lang) = std::string(ex.at("reason_text").at(lang).as_string());
    }
    d.application = dmn::JsonToFeel(doc["application"], nullptr);
    if (offer->deadline_day) d.deadline = CivilDate::FromDays(*offer->deadline_day);
    const auto params = bundle->ParametersFor(offer->kommunenummer);
    const registry::Kommune* k = registry::FindKommune(offer->kommunenummer);
    PROAKTIV_ASSIGN_OR_RETURN(
        auto message,
        bundle->Render(d, "offer", "nb", recipient ? engine::FullName(recipient->person) : "",
                       params, k ? k->name : offer->kommunenummer));
    fmt::print("\n── offer {} · {} · {} · decided {} · {}\n", offer->id, offer->service,
               offer->occurrence, CivilDate::FromDays(offer->decided_day).ToString(),
               store::Name(offer->state));
    fmt::print("   {}\n   {}\n", message.subject, message.body);
    fmt::print("   why: {} ({})\n", ex.at("reason_text").at("en").as_string(),
               ex.at("legal_basis").at("reference").as_string());
    for (const auto& rule : ex.at("rules").as_array()) {
      const auto& r = rule.as_object();
      fmt::print("   rule: {} row {} — {}\n", r.at("decision").as_string(),
                 boost::json::serialize(r.at("row")), r.at("description").as_string());
    }
  }
  return {};
}

}  // namespace proaktiv::cli

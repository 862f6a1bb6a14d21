#include "consent/receipt.h"

#include <boost/json.hpp>

#include "common/national_id.h"
#include "consent/data_access.h"
#include "consent/time_text.h"

namespace proaktiv::consent {
namespace {

std::string FullName(const registry::Person& p) {
  const registry::PersonName* n = p.name.current();
  if (n == nullptr) return "";
  std::string out;
  for (const std::string* part : {&n->given, &n->middle, &n->family}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

std::string Masked(const registry::Person& p) {
  auto id = NationalId::Parse(p.id());
  return id ? id->Masked() : "";
}

}  // namespace

const std::string& MessageIn(const store::ConsentRecord& c, std::string_view language) {
  const std::string* wanted = language == "nn"   ? &c.message_nn
                              : language == "en" ? &c.message_en
                                                 : &c.message_nb;
  if (!wanted->empty()) return *wanted;
  for (const std::string* s : {&c.message_nb, &c.message_nn, &c.message_en}) {
    if (!s->empty()) return *s;
  }
  return c.message_nb;
}

boost::json::object ConsentReceipt(const store::ConsentRecord& c,
                                   const std::vector<store::ConsentEventRecord>& events,
                                   const registry::Person& subject, const ReceiptParties& parties,
                                   const catalog::Catalog& catalog, std::string_view language) {
  boost::json::array pii;
  std::string retention;
  for (const std::string& item : c.items) {
    const catalog::Field* field = catalog.FindField(item);
    const catalog::Dataset* dataset = field ? catalog.FindDataset(field->dataset) : nullptr;
    pii.push_back(
        boost::json::object{{"id", item},
                            {"description", field ? field->description.In(language) : item},
                            {"source", dataset ? dataset->name.In(language) : ""}});
  }
  const catalog::Purpose* purpose = catalog.FindPurpose(c.purpose);
  boost::json::object recipient{{"organisation_number", c.consumer},
                                {"name", parties.consumer ? parties.consumer->name : c.consumer}};
  boost::json::array history;
  for (const store::ConsentEventRecord& e : events) {
    history.push_back(
        boost::json::object{{"event_time", FormatUtc(e.time_ms)},
                            {"event_type", e.from_state.empty() ? "created" : e.to_state},
                            {"event_state", e.to_state},
                            {"event_by", e.actor_kind == "consumer"  ? e.actor_id
                                         : e.actor_kind == "citizen" ? "citizen"
                                                                     : "proaktiv"}});
  }
  return boost::json::object{
      {"schema", "ISO/IEC TS 27560:2023"},
      {"schema_version", "1.0"},
      {"record_id", c.id},
      {"language", language},
      {"pii_principal_id", Masked(subject)},
      {"pii_principal_name", FullName(subject)},
      {"pii_controllers",
       boost::json::array{boost::json::object{{"name", parties.controller_name}}}},
      {"recipient_third_parties", boost::json::array{std::move(recipient)}},
      {"purposes", boost::json::array{boost::json::object{
                       {"purpose_id", c.purpose},
                       {"purpose", purpose ? purpose->description.In(language) : c.purpose},
                       {"lawful_basis", kConsentLegalBasis},
                       {"lawful_basis_reference", "GDPR Art. 6(1)(a); personopplysningsloven § 1"},
                       {"pii_information", std::move(pii)},
                       {"processing", boost::json::array{"disclosure", "transfer"}},
                       {"withdrawal_method", "The citizen portal, My consents: revoke"}}}},
      {"notice", MessageIn(c, language)},
      {"duration", boost::json::object{{"from", FormatUtc(c.created_ms)},
                                       {"to", FormatUtc(c.valid_to_ms)},
                                       {"single_use", c.single_use}}},
      {"state", c.state},
      {"events", std::move(history)}};
}

}  // namespace proaktiv::consent

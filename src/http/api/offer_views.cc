#include "http/api/offer_views.h"

#include <map>

#include <fmt/format.h>

#include "common/civil_date.h"
#include "common/text_template.h"
#include "http/api/application_corrections.h"
#include "registry/kommune.h"

namespace proaktiv::http::api {
namespace {

std::string DayText(int32_t days) { return CivilDate::FromDays(days).ToString(); }

const boost::json::object* ObjectAt(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = o.if_contains(key);
  return v != nullptr && v->is_object() ? &v->get_object() : nullptr;
}

std::string StringAt(const boost::json::object* o, std::string_view key) {
  if (o == nullptr) return "";
  const boost::json::value* v = o->if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : "";
}

// A JSON value as text in a message, as the engine renders FEEL values: strings bare, lists
// joined with ", ", null empty.
std::string TextOf(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      return "";
    case boost::json::kind::string:
      return std::string(v.get_string());
    case boost::json::kind::bool_:
      return v.get_bool() ? "true" : "false";
    case boost::json::kind::int64:
      return std::to_string(v.get_int64());
    case boost::json::kind::uint64:
      return std::to_string(v.get_uint64());
    case boost::json::kind::double_:
      return fmt::format("{}", v.get_double());
    case boost::json::kind::array: {
      std::string out;
      for (const boost::json::value& item : v.get_array()) {
        if (!out.empty()) out += ", ";
        out += TextOf(item);
      }
      return out;
    }
    case boost::json::kind::object:
      return boost::json::serialize(v);
  }
  return "";
}

}  // namespace

Result<boost::json::object> ParseDecision(const store::OfferRecord& offer) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(offer.decision_json, ec);
  if (ec || !doc.is_object()) {
    return DataLoss(fmt::format("the stored decision of offer {} is not a JSON object", offer.id));
  }
  return std::move(doc.get_object());
}

OfferViews::Texts OfferViews::Render(const store::OfferRecord& offer,
                                     const boost::json::object& decision) const {
  const engine::ServiceBundle* bundle = library_.Find(offer.service);
  if (bundle == nullptr) return {offer.service, ""};
  const engine::ServiceDefinition& def = bundle->definition();
  Texts fallback{def.name.In(language_), ""};
  const engine::MessageTexts* texts = &def.offer;
  if (offer.kind == store::OfferKind::kNotice) {
    if (!def.notice) return fallback;
    texts = &*def.notice;
  }
  const boost::json::object* explanation = ObjectAt(decision, "explanation");
  const boost::json::object* parameters =
      explanation ? ObjectAt(*explanation, "parameters") : nullptr;
  const boost::json::object* application = ObjectAt(decision, "application");

  std::map<std::string, std::string, std::less<>> values;
  for (const engine::ParameterSpec& p : def.parameters) {
    const boost::json::value* v = parameters ? parameters->if_contains(p.name) : nullptr;
    values[p.name] = v != nullptr ? TextOf(*v) : p.default_value.ToString();
  }
  for (const std::string& name : def.placeholders) {
    const boost::json::value* v = application ? application->if_contains(name) : nullptr;
    values[name] = v != nullptr ? TextOf(*v) : "";
  }
  const boost::json::value* deadline = decision.if_contains("deadline");
  values["deadline"] = deadline != nullptr ? TextOf(*deadline) : "";
  values["recipient_name"] = engine::FullName(*citizen_.person);
  values["service_name"] = def.name.In(language_);
  const registry::Kommune* kommune = registry::FindKommune(offer.kommunenummer);
  values["kommune_name"] = kommune ? kommune->name : offer.kommunenummer;
  values["reason"] =
      StringAt(explanation ? ObjectAt(*explanation, "reason_text") : nullptr, language_);

  auto subject = RenderTemplate(texts->subject.In(language_), values);
  auto body = RenderTemplate(texts->body.In(language_), values);
  if (!subject || !body) return fallback;
  return {std::move(*subject), std::move(*body)};
}

boost::json::object OfferViews::SummaryOf(const store::OfferRecord& offer, const Texts& texts) {
  const engine::ServiceBundle* bundle = library_.Find(offer.service);
  boost::json::object out;
  out["id"] = offer.id;
  out["service"] = offer.service;
  out["service_name"] = bundle ? bundle->definition().name.In(language_) : offer.service;
  out["kind"] = store::Name(offer.kind);
  out["state"] = store::Name(offer.state);
  out["version"] = offer.version;
  boost::json::object subject;
  if (const store::StoredPerson* p = persons_.ByKey(offer.subject_key)) {
    subject["name"] = engine::FullName(p->person);
    subject["relation"] = RelationTo(citizen_, *p);
  } else {
    subject["name"] = "";
    subject["relation"] = "other";
  }
  out["subject"] = std::move(subject);
  out["decided_on"] = DayText(offer.decided_day);
  out["deadline"] = offer.deadline_day ? boost::json::value(DayText(*offer.deadline_day)) : nullptr;
  out["title"] = texts.title;
  return out;
}

Result<boost::json::object> OfferViews::Summary(const store::OfferRecord& offer) {
  PROAKTIV_ASSIGN_OR_RETURN(boost::json::object decision, ParseDecision(offer));
  boost::json::object out = SummaryOf(offer, Render(offer, decision));
  if (persons_.error()) return tl::unexpected(*persons_.error());
  return out;
}

Result<boost::json::object> OfferViews::Detail(const store::OfferRecord& offer) {
  PROAKTIV_ASSIGN_OR_RETURN(boost::json::object decision, ParseDecision(offer));
  Texts texts = Render(offer, decision);
  boost::json::object out = SummaryOf(offer, texts);
  if (persons_.error()) return tl::unexpected(*persons_.error());
  const engine::ServiceBundle* bundle = library_.Find(offer.service);
  const boost::json::object* explanation = ObjectAt(decision, "explanation");
  out["message"] = std::move(texts.message);
  out["reason"] =
      StringAt(explanation ? ObjectAt(*explanation, "reason_text") : nullptr, language_);
  const boost::json::object* legal = explanation ? ObjectAt(*explanation, "legal_basis") : nullptr;
  out["legal_reference"] =
      legal ? StringAt(legal, "reference") : (bundle ? bundle->definition().legal_reference : "");
  out["legal_url"] =
      legal ? StringAt(legal, "url") : (bundle ? bundle->definition().legal_url : "");
  boost::json::array editable;
  if (const boost::json::value* app = decision.if_contains("application");
      app != nullptr && app->is_object()) {
    const bool answerable = offer.kind == store::OfferKind::kOffer && store::IsOpen(offer.state);
    if (answerable && bundle != nullptr) {
      for (std::string& f : EditableFields(*app, bundle->definition())) {
        editable.emplace_back(std::move(f));
      }
    }
    out["application"] = *app;
  }
  out["editable_fields"] = std::move(editable);
  out["explanation"] = explanation ? boost::json::value(*explanation) : boost::json::object{};
  PROAKTIV_ASSIGN_OR_RETURN(auto transitions, engine_.Transitions(offer.id));
  boost::json::array history;
  for (const store::OfferTransition& t : transitions) {
    history.push_back(
        boost::json::object{{"from", t.from ? boost::json::value(store::Name(*t.from)) : nullptr},
                            {"to", store::Name(t.to)},
                            {"on", DayText(t.day)},
                            {"cause", t.cause}});
  }
  out["history"] = std::move(history);
  const boost::json::value* answer = decision.if_contains("answer");
  out["answer"] = answer != nullptr ? *answer : nullptr;
  return out;
}

}  // namespace proaktiv::http::api

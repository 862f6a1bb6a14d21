// ServiceBundle::Decide and message rendering (the loading half is service_bundle.cc).

#include <fmt/format.h>

#include <array>

#include "common/text_template.h"
#include "dmn/evaluation_trace.h"
#include "dmn/json_values.h"
#include "engine/service_bundle.h"

namespace proaktiv::engine {

namespace {

// A FEEL value as text in a message: strings bare, dates ISO, lists joined with ", ".
std::string TextOf(const feel::Value& v) {
  if (v.is(feel::ValueKind::kList)) {
    std::string out;
    for (const feel::Value& item : v.AsList()) {
      if (!out.empty()) out += ", ";
      out += TextOf(item);
    }
    return out;
  }
  if (v.is_null()) return "";
  return v.ToString();
}

// Every decision-table row that fired while deciding, with the values the table saw.
std::vector<FiredRule> RulesFired(const dmn::EvaluationTrace& trace) {
  std::vector<FiredRule> out;
  for (const dmn::DecisionTrace& decision : trace.decisions) {
    for (const dmn::TableTrace& table : decision.tables) {
      for (const dmn::TableRowTrace& row : table.matched_rows) {
        FiredRule r;
        r.decision = decision.name;
        r.hit_policy = table.hit_policy;
        r.row = row.index;
        r.rule_id = row.rule_id;
        r.description = row.description;
        for (size_t i = 0; i < row.outputs.size(); ++i) {
          std::string name = i < table.output_names.size() ? table.output_names[i] : "";
          r.outputs.emplace_back(std::move(name), row.outputs[i]);
        }
        r.inputs = table.inputs;
        out.push_back(std::move(r));
      }
    }
  }
  return out;
}

}  // namespace

Result<Decision> ServiceBundle::Decide(const registry::Person& person, const PersonLookup& lookup,
                                       const KommuneParameters& params, CivilDate today,
                                       const ContactInfo* contact) const {
  const ExtractionContext ctx{person, lookup, today, contact};
  Decision d;
  dmn::Inputs inputs;
  inputs.reserve(definition_.inputs.size());
  size_t field_index = 0;
  for (const auto& [name, source] : definition_.inputs) {
    feel::Value v;
    switch (source.kind) {
      case InputSource::Kind::kField:
        // field_inputs_ was filled in the same (sorted) order as definition_.inputs.
        v = field_inputs_[field_index++].second->extract(ctx);
        break;
      case InputSource::Kind::kParameter: {
        const ParameterValue* p = params.Find(source.name);
        if (p != nullptr) v = p->ToFeel();
        break;
      }
      case InputSource::Kind::kToday:
        v = feel::Value::FromDate(feel::Date{today.days()});
        break;
    }
    d.inputs.emplace_back(name, v);
    inputs.emplace_back(name, std::move(v));
  }

  auto fail = [&](std::string_view decision, const dmn::Outcome& out, std::string_view expected) {
    std::string notes;
    for (const std::string& m : out.messages) notes += "; " + m;
    return FailedPrecondition(fmt::format("service '{}': decision '{}' returned {}, expected {}{}",
                                          id(), decision, out.value.DebugString(), expected,
                                          notes));
  };

  // Eligible and Reason in one pass (they share the assessment), traced for the explanation.
  static const std::array<std::string, 2> kVerdict = {"Eligible", "Reason"};
  dmn::EvaluationTrace trace;
  PROAKTIV_ASSIGN_OR_RETURN(auto verdict, model_->EvaluateDecisions(kVerdict, inputs, &trace));
  dmn::Outcome& eligible = verdict[0];
  dmn::Outcome& reason = verdict[1];
  if (!eligible.value.is(feel::ValueKind::kBoolean)) return fail("Eligible", eligible, "a boolean");
  d.eligible = eligible.value.AsBoolean();
  d.rules = RulesFired(trace);
  if (!reason.value.is(feel::ValueKind::kString)) return fail("Reason", reason, "a string");
  d.reason = std::string(reason.value.AsString());
  auto code = definition_.reasons.find(d.reason);
  if (code == definition_.reasons.end()) {
    return FailedPrecondition(
        fmt::format("service '{}': reason '{}' is not listed under 'reasons'", id(), d.reason));
  }
  // The application is only needed for an offer, or for a notice on a negative outcome.
  dmn::Outcome app;
  if (d.eligible || definition_.notice_on_negative) {
    PROAKTIV_ASSIGN_OR_RETURN(app, model_->EvaluateDecision("Application", inputs));
  }
  if (!app.value.is_null() && !app.value.is(feel::ValueKind::kContext)) {
    return fail("Application", app, "a context");
  }
  if (d.eligible && app.value.is_null()) return fail("Application", app, "a context");
  d.application = app.value;
  d.application_json = dmn::FeelToJson(app.value);
  for (auto* out : {&eligible, &reason, &app}) {
    d.messages.insert(d.messages.end(), out->messages.begin(), out->messages.end());
  }

  const Deadline& deadline = definition_.deadline;
  if (!deadline.application_field.empty()) {
    if (d.application.is(feel::ValueKind::kContext)) {
      const feel::Value* v = d.application.AsContext().Find(deadline.application_field);
      if (v != nullptr && v->is(feel::ValueKind::kDate)) {
        d.deadline = CivilDate::FromDays(static_cast<int32_t>(v->AsDate().days));
      }
    }
  } else {
    d.deadline = today.AddDays(deadline.days_after_offer);
  }

  // The reason text, with the placeholders it may use.
  const auto values = PlaceholderValues(d, params);
  for (std::string_view lang : catalog::kLanguages) {
    auto text = RenderTemplate(code->second.In(lang), values);
    if (!text)
      return tl::unexpected(text.error().WithContext(fmt::format("reason '{}'", d.reason)));
    *d.reason_text.Mutable(lang) = std::move(*text);
  }
  return d;
}

std::map<std::string, std::string, std::less<>> ServiceBundle::PlaceholderValues(
    const Decision& decision, const KommuneParameters& params) const {
  std::map<std::string, std::string, std::less<>> values;
  for (const ParameterSpec& p : definition_.parameters) {
    const ParameterValue* v = params.Find(p.name);
    values[p.name] = (v ? *v : p.default_value).ToString();
  }
  for (const std::string& name : definition_.placeholders) {
    const feel::Value* v = decision.application.is(feel::ValueKind::kContext)
                               ? decision.application.AsContext().Find(name)
                               : nullptr;
    values[name] = v ? TextOf(*v) : "";
  }
  values["deadline"] = decision.deadline ? decision.deadline->ToString() : "";
  return values;
}

Result<RenderedMessage> ServiceBundle::Render(const Decision& decision, std::string_view kind,
                                              std::string_view language,
                                              std::string_view recipient_name,
                                              const KommuneParameters& params,
                                              std::string_view kommune_name) const {
  const MessageTexts* texts = nullptr;
  if (kind == "offer") {
    texts = &definition_.offer;
  } else if (kind == "notice" && definition_.notice) {
    texts = &*definition_.notice;
  } else {
    return NotFound(fmt::format("service '{}' has no message '{}'", id(), kind));
  }
  auto values = PlaceholderValues(decision, params);
  values["recipient_name"] = std::string(recipient_name);
  values["service_name"] = definition_.name.In(language);
  values["kommune_name"] = std::string(kommune_name);
  values["reason"] = decision.reason_text.In(language);
  RenderedMessage out;
  PROAKTIV_ASSIGN_OR_RETURN(out.subject, RenderTemplate(texts->subject.In(language), values));
  PROAKTIV_ASSIGN_OR_RETURN(out.body, RenderTemplate(texts->body.In(language), values));
  return out;
}

}  // namespace proaktiv::engine

#include "engine/service_definition.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "catalog/yaml_util.h"
#include "common/text_template.h"

namespace proaktiv::engine {

using catalog::LocalizedText;
using catalog::YamlError;

namespace {

constexpr std::string_view kBuiltinPlaceholders[] = {"recipient_name", "service_name",
                                                     "kommune_name", "deadline", "reason"};

Result<MessageTexts> ParseMessage(const std::string& file, const YAML::Node& messages,
                                  std::string_view kind) {
  const YAML::Node node = messages[std::string(kind)];
  if (!node.IsDefined())
    return YamlError(file, messages, fmt::format("missing message '{}'", kind));
  PROAKTIV_RETURN_IF_ERROR(
      catalog::CheckKeys(file, node, {"subject", "body"}, fmt::format("message '{}'", kind)));
  MessageTexts m;
  PROAKTIV_ASSIGN_OR_RETURN(m.subject,
                            catalog::ParseLocalizedText(file, node, "subject",
                                                        fmt::format("message '{}.subject'", kind)));
  PROAKTIV_ASSIGN_OR_RETURN(
      m.body,
      catalog::ParseLocalizedText(file, node, "body", fmt::format("message '{}.body'", kind)));
  return m;
}

// Checks every placeholder of `text` against `allowed`.
Status CheckText(const std::string& file, const LocalizedText& text, std::string_view what,
                 const std::set<std::string, std::less<>>& allowed) {
  for (std::string_view lang : catalog::kLanguages) {
    auto names = Placeholders(text.In(lang));
    if (!names) {
      return InvalidArgument(
          fmt::format("{}:{}: {} ({}): {}", file, text.line, what, lang, names.error().message));
    }
    for (const std::string& n : *names) {
      if (!allowed.contains(n)) {
        return InvalidArgument(fmt::format("{}:{}: {} ({}): unknown placeholder '{{{}}}'", file,
                                           text.line, what, lang, n));
      }
    }
  }
  return {};
}

Result<InputSource> ParseInput(const std::string& file, const YAML::Node& node) {
  InputSource s;
  s.line = catalog::LineOf(node);
  if (node.IsScalar()) {
    s.name = node.Scalar();
    return s;
  }
  if (node.IsMap() && node["parameter"].IsDefined()) {
    s.kind = InputSource::Kind::kParameter;
    PROAKTIV_ASSIGN_OR_RETURN(s.name, catalog::RequiredString(file, node, "parameter"));
    return s;
  }
  if (node.IsMap() && node["today"].IsDefined()) {
    s.kind = InputSource::Kind::kToday;
    return s;
  }
  return YamlError(file, node, "an input maps to a field id, {parameter: name} or {today: true}");
}

Status ParseAll(const std::string& file, const YAML::Node& root, ServiceDefinition* d) {
  PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(
      file, root,
      {"id", "version", "name", "description", "legal_basis", "sources", "purpose", "audience",
       "fields", "inputs", "placeholders", "reasons", "messages", "notice_on_negative", "deadline",
       "parameters", "kommuner", "triggers"},
      "service"));
  PROAKTIV_ASSIGN_OR_RETURN(d->id, catalog::RequiredString(file, root, "id"));
  if (root["version"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(
        ParameterValue v,
        ParseParameterValue(file, root["version"], ParameterType::kInteger, "version"));
    d->version = static_cast<int>(v.integer);
  }
  PROAKTIV_ASSIGN_OR_RETURN(d->name, catalog::ParseLocalizedText(file, root, "name", "name"));
  PROAKTIV_ASSIGN_OR_RETURN(d->description,
                            catalog::ParseLocalizedText(file, root, "description", "description"));
  const YAML::Node legal = root["legal_basis"];
  if (!legal.IsMap()) return YamlError(file, root, "missing 'legal_basis' {reference, url}");
  PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(file, legal, {"reference", "url"}, "legal_basis"));
  PROAKTIV_ASSIGN_OR_RETURN(d->legal_reference, catalog::RequiredString(file, legal, "reference"));
  PROAKTIV_ASSIGN_OR_RETURN(d->legal_url, catalog::OptionalString(file, legal, "url"));
  PROAKTIV_ASSIGN_OR_RETURN(d->sources, catalog::StringList(file, root, "sources", true));
  PROAKTIV_ASSIGN_OR_RETURN(d->purpose, catalog::RequiredString(file, root, "purpose"));
  d->purpose_line = catalog::LineOf(root["purpose"]);

  PROAKTIV_ASSIGN_OR_RETURN(std::string audience, catalog::RequiredString(file, root, "audience"));
  if (audience == "self") {
    d->audience = Audience::kSelf;
  } else if (audience == "parents-with-responsibility") {
    d->audience = Audience::kParentsWithResponsibility;
  } else {
    return YamlError(file, root["audience"],
                     fmt::format("unknown audience '{}' (expected self or "
                                 "parents-with-responsibility)",
                                 audience));
  }

  PROAKTIV_ASSIGN_OR_RETURN(d->fields, catalog::StringList(file, root, "fields", true));
  for (const YAML::Node& f : root["fields"]) d->field_lines.push_back(catalog::LineOf(f));

  const YAML::Node inputs = root["inputs"];
  if (!inputs.IsMap()) return YamlError(file, root, "missing 'inputs' (DMN input data → source)");
  d->inputs_line = catalog::LineOf(inputs);
  for (const auto& entry : inputs) {
    PROAKTIV_ASSIGN_OR_RETURN(InputSource s, ParseInput(file, entry.second));
    d->inputs.emplace(entry.first.Scalar(), std::move(s));
  }
  PROAKTIV_ASSIGN_OR_RETURN(d->placeholders, catalog::StringList(file, root, "placeholders"));

  PROAKTIV_ASSIGN_OR_RETURN(d->parameters, ParseParameterSpecs(file, root["parameters"]));
  PROAKTIV_ASSIGN_OR_RETURN(d->kommuner,
                            ParseKommuneOverrides(file, root["kommuner"], d->parameters));
  PROAKTIV_ASSIGN_OR_RETURN(d->triggers, ParseTriggers(file, root["triggers"], d->parameters));

  const YAML::Node reasons = root["reasons"];
  if (!reasons.IsMap()) return YamlError(file, root, "missing 'reasons' (code → texts)");
  for (const auto& entry : reasons) {
    const std::string code = entry.first.Scalar();
    PROAKTIV_ASSIGN_OR_RETURN(
        LocalizedText t,
        catalog::ParseLocalizedText(file, reasons, code, fmt::format("reason '{}'", code)));
    d->reasons.emplace(code, std::move(t));
  }

  const YAML::Node messages = root["messages"];
  if (!messages.IsMap()) return YamlError(file, root, "missing 'messages'");
  PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(file, messages, {"offer", "notice"}, "messages"));
  PROAKTIV_ASSIGN_OR_RETURN(d->offer, ParseMessage(file, messages, "offer"));
  if (root["notice_on_negative"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(ParameterValue v,
                              ParseParameterValue(file, root["notice_on_negative"],
                                                  ParameterType::kBoolean, "notice_on_negative"));
    d->notice_on_negative = v.boolean;
  }
  if (messages["notice"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(d->notice, ParseMessage(file, messages, "notice"));
  } else if (d->notice_on_negative) {
    return YamlError(file, messages, "notice_on_negative is true but message 'notice' is missing");
  }

  const YAML::Node deadline = root["deadline"];
  if (!deadline.IsMap()) {
    return YamlError(file, root,
                     "missing 'deadline' ({application_field: …} or {days_after_offer: N})");
  }
  PROAKTIV_RETURN_IF_ERROR(
      catalog::CheckKeys(file, deadline, {"application_field", "days_after_offer"}, "deadline"));
  PROAKTIV_ASSIGN_OR_RETURN(d->deadline.application_field,
                            catalog::OptionalString(file, deadline, "application_field"));
  if (deadline["days_after_offer"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(ParameterValue v,
                              ParseParameterValue(file, deadline["days_after_offer"],
                                                  ParameterType::kInteger, "days_after_offer"));
    d->deadline.days_after_offer = static_cast<int>(v.integer);
  }
  if (d->deadline.application_field.empty() == (d->deadline.days_after_offer <= 0)) {
    return YamlError(file, deadline,
                     "deadline needs exactly one of application_field or days_after_offer");
  }
  if (!d->deadline.application_field.empty() &&
      std::find(d->placeholders.begin(), d->placeholders.end(), d->deadline.application_field) ==
          d->placeholders.end()) {
    return YamlError(file, deadline,
                     fmt::format("deadline field '{}' is not among the declared placeholders",
                                 d->deadline.application_field));
  }

  // Placeholders in every text.
  std::set<std::string, std::less<>> allowed(d->placeholders.begin(), d->placeholders.end());
  for (const ParameterSpec& p : d->parameters) allowed.insert(p.name);
  for (std::string_view b : kBuiltinPlaceholders) allowed.emplace(b);
  std::set<std::string, std::less<>> in_reasons = allowed;
  in_reasons.erase("reason");
  for (const auto& [code, text] : d->reasons) {
    PROAKTIV_RETURN_IF_ERROR(CheckText(file, text, fmt::format("reason '{}'", code), in_reasons));
  }
  PROAKTIV_RETURN_IF_ERROR(CheckText(file, d->offer.subject, "message 'offer.subject'", allowed));
  PROAKTIV_RETURN_IF_ERROR(CheckText(file, d->offer.body, "message 'offer.body'", allowed));
  if (d->notice) {
    PROAKTIV_RETURN_IF_ERROR(
        CheckText(file, d->notice->subject, "message 'notice.subject'", allowed));
    PROAKTIV_RETURN_IF_ERROR(CheckText(file, d->notice->body, "message 'notice.body'", allowed));
  }
  return {};
}

}  // namespace

std::string_view AudienceName(Audience a) {
  return a == Audience::kSelf ? "self" : "parents-with-responsibility";
}

Result<ServiceDefinition> ParseServiceDefinition(const std::string& file) {
  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node root, catalog::LoadYamlFile(file));
  if (!root.IsMap()) return YamlError(file, root, "service.yaml must be a mapping");
  ServiceDefinition d;
  try {
    PROAKTIV_RETURN_IF_ERROR(ParseAll(file, root, &d));
  } catch (const YAML::Exception& e) {  // yaml-cpp throws on some malformed accesses
    return InvalidArgument(fmt::format("{}:{}: {}", file, e.mark.line + 1, e.msg));
  }
  return d;
}

}  // namespace proaktiv::engine

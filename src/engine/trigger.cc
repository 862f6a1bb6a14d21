#include "engine/trigger.h"

#include <algorithm>

#include <fmt/format.h>

#include "catalog/yaml_util.h"
#include "registry/event_type.h"

namespace proaktiv::engine {

using catalog::YamlError;

namespace {

// Parses `node` as a literal of `type` or {parameter: name} naming a parameter of that type.
Result<IntOrParameter> ParseIntOrParameter(const std::string& file, const YAML::Node& node,
                                           ParameterType type, std::string_view what,
                                           const std::vector<ParameterSpec>& specs) {
  IntOrParameter out;
  if (node.IsMap()) {
    PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(file, node, {"parameter"}, what));
    PROAKTIV_ASSIGN_OR_RETURN(out.parameter, catalog::RequiredString(file, node, "parameter"));
    auto spec = std::find_if(specs.begin(), specs.end(),
                             [&](const ParameterSpec& s) { return s.name == out.parameter; });
    if (spec == specs.end()) {
      return YamlError(file, node["parameter"],
                       fmt::format("{}: unknown parameter '{}'", what, out.parameter));
    }
    if (spec->type != type) {
      return YamlError(file, node["parameter"],
                       fmt::format("{}: parameter '{}' is a {}, expected a {}", what, out.parameter,
                                   ParameterTypeName(spec->type), ParameterTypeName(type)));
    }
    out.literal = spec->default_value;
    return out;
  }
  PROAKTIV_ASSIGN_OR_RETURN(out.literal, ParseParameterValue(file, node, type, what));
  return out;
}

Result<Subjects> ParseSubjects(const std::string& file, const YAML::Node& node) {
  if (!node.IsDefined()) return Subjects::kSelf;
  const std::string s = node.IsScalar() ? node.Scalar() : "";
  for (Subjects v : {Subjects::kSelf, Subjects::kParents, Subjects::kChildren, Subjects::kSpouse,
                     Subjects::kNextOfKin}) {
    if (SubjectsName(v) == s) return v;
  }
  return YamlError(file, node,
                   fmt::format("unknown subjects '{}' (expected self, parents, children, spouse "
                               "or next-of-kin)",
                               s));
}

Result<EventTrigger> ParseEvent(const std::string& file, const YAML::Node& node,
                                const std::vector<ParameterSpec>& specs) {
  PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(
      file, node, {"types", "subjects", "delay_days", "catch_up"}, "event trigger"));
  EventTrigger t;
  t.line = catalog::LineOf(node);
  PROAKTIV_ASSIGN_OR_RETURN(t.types, catalog::StringList(file, node, "types", true));
  if (t.types.empty()) return YamlError(file, node, "event trigger: 'types' is empty");
  for (size_t i = 0; i < t.types.size(); ++i) {
    if (registry::FindEventType(t.types[i]) == nullptr) {
      return YamlError(file, node["types"][i],
                       fmt::format("event trigger: unknown event type '{}' (see "
                                   "data/freg_hendelsestyper.csv)",
                                   t.types[i]));
    }
  }
  PROAKTIV_ASSIGN_OR_RETURN(t.subjects, ParseSubjects(file, node["subjects"]));
  t.delay_days.literal.type = ParameterType::kInteger;
  if (node["delay_days"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(t.delay_days,
                              ParseIntOrParameter(file, node["delay_days"], ParameterType::kInteger,
                                                  "delay_days", specs));
  }
  if (node["catch_up"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(
        ParameterValue v,
        ParseParameterValue(file, node["catch_up"], ParameterType::kBoolean, "catch_up"));
    t.catch_up = v.boolean;
  }
  return t;
}

Result<DateTrigger> ParseDate(const std::string& file, const YAML::Node& node,
                              const std::vector<ParameterSpec>& specs) {
  PROAKTIV_RETURN_IF_ERROR(
      catalog::CheckKeys(file, node, {"age", "age_by", "on", "offset_days"}, "date trigger"));
  DateTrigger t;
  t.line = catalog::LineOf(node);
  if (!node["age"].IsDefined()) return YamlError(file, node, "date trigger: missing 'age'");
  PROAKTIV_ASSIGN_OR_RETURN(
      t.age, ParseIntOrParameter(file, node["age"], ParameterType::kInteger, "age", specs));
  if (node["age_by"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(
        t.age_by,
        ParseIntOrParameter(file, node["age_by"], ParameterType::kMonthDay, "age_by", specs));
  }
  if (node["on"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(
        t.on, ParseIntOrParameter(file, node["on"], ParameterType::kMonthDay, "on", specs));
  }
  if (node["offset_days"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(
        ParameterValue v,
        ParseParameterValue(file, node["offset_days"], ParameterType::kInteger, "offset_days"));
    t.offset_days = static_cast<int>(v.integer);
  }
  return t;
}

}  // namespace

const ParameterValue& IntOrParameter::Resolve(const KommuneParameters& params) const {
  if (parameter.empty()) return literal;
  const ParameterValue* v = params.Find(parameter);
  return v != nullptr ? *v : literal;
}

std::string_view SubjectsName(Subjects s) {
  switch (s) {
    case Subjects::kSelf:
      return "self";
    case Subjects::kParents:
      return "parents";
    case Subjects::kChildren:
      return "children";
    case Subjects::kSpouse:
      return "spouse";
    case Subjects::kNextOfKin:
      return "next-of-kin";
  }
  return "self";
}

bool EventTrigger::Matches(std::string_view event_type) const {
  return std::find(types.begin(), types.end(), event_type) != types.end();
}

CivilDate DateTrigger::DueDate(CivilDate birth, const KommuneParameters& params) const {
  const int years = static_cast<int>(age.Resolve(params).integer);
  const CivilDate birthday = birth.AddYears(years);
  if (!on) return birthday.AddDays(offset_days);
  int year = birthday.year();
  if (age_by && birthday > age_by->Resolve(params).InYear(year)) ++year;
  return on->Resolve(params).InYear(year).AddDays(offset_days);
}

Result<std::vector<Trigger>> ParseTriggers(const std::string& file, const YAML::Node& node,
                                           const std::vector<ParameterSpec>& specs) {
  std::vector<Trigger> out;
  if (!node.IsDefined() || !node.IsSequence() || node.size() == 0) {
    return YamlError(file, node, "'triggers' must be a non-empty list");
  }
  for (const YAML::Node& item : node) {
    PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(file, item, {"event", "date"}, "trigger"));
    if (item.size() != 1) {
      return YamlError(file, item, "a trigger is either 'event' or 'date', not both");
    }
    Trigger t;
    if (item["event"].IsDefined()) {
      PROAKTIV_ASSIGN_OR_RETURN(t.event, ParseEvent(file, item["event"], specs));
    } else {
      PROAKTIV_ASSIGN_OR_RETURN(t.date, ParseDate(file, item["date"], specs));
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace proaktiv::engine

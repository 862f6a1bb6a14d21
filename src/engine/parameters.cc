#include "engine/parameters.h"

#include <charconv>

#include <fmt/format.h>

#include "catalog/yaml_util.h"
#include "registry/kommune.h"

namespace proaktiv::engine {

using catalog::YamlError;

std::string_view ParameterTypeName(ParameterType t) {
  switch (t) {
    case ParameterType::kInteger:
      return "integer";
    case ParameterType::kMonthDay:
      return "month-day";
    case ParameterType::kString:
      return "string";
    case ParameterType::kBoolean:
      return "boolean";
  }
  return "string";
}

feel::Value ParameterValue::ToFeel() const {
  switch (type) {
    case ParameterType::kInteger:
      return feel::Value::Int(integer);
    case ParameterType::kBoolean:
      return feel::Value::Boolean(boolean);
    case ParameterType::kMonthDay:
    case ParameterType::kString:
      return feel::Value::String(text);
  }
  return feel::Value();
}

std::string ParameterValue::ToString() const {
  switch (type) {
    case ParameterType::kInteger:
      return std::to_string(integer);
    case ParameterType::kBoolean:
      return boolean ? "true" : "false";
    default:
      return text;
  }
}

CivilDate ParameterValue::InYear(int year) const {
  const int month = static_cast<int>(integer / 100);
  int day = static_cast<int>(integer % 100);
  if (month >= 1 && month <= 12) day = std::min(day, DaysInMonth(year, month));
  auto d = CivilDate::FromYmd(year, month, day);
  return d ? *d : CivilDate();
}

const ParameterValue* KommuneParameters::Find(std::string_view name) const {
  auto it = values.find(name);
  return it == values.end() ? nullptr : &it->second;
}

Result<ParameterValue> ParseParameterValue(const std::string& file, const YAML::Node& node,
                                           ParameterType type, std::string_view name) {
  if (!node.IsScalar()) {
    return YamlError(file, node, fmt::format("parameter '{}' must be a single value", name));
  }
  const std::string& s = node.Scalar();
  ParameterValue v;
  v.type = type;
  auto bad = [&](std::string_view expected) {
    return YamlError(file, node, fmt::format("parameter '{}': '{}' is not {}", name, s, expected));
  };
  switch (type) {
    case ParameterType::kInteger: {
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v.integer);
      if (ec != std::errc() || ptr != s.data() + s.size()) return bad("an integer");
      break;
    }
    case ParameterType::kBoolean:
      if (s != "true" && s != "false") return bad("true or false");
      v.boolean = s == "true";
      break;
    case ParameterType::kMonthDay: {
      int month = 0, day = 0;
      if (s.size() != 5 || s[2] != '-' ||
          std::from_chars(s.data(), s.data() + 2, month).ec != std::errc() ||
          std::from_chars(s.data() + 3, s.data() + 5, day).ec != std::errc() ||
          !CivilDate::FromYmd(2000, month, day)) {  // 2000 is a leap year: 02-29 is allowed
        return bad("a month-day \"MM-DD\"");
      }
      v.integer = month * 100 + day;
      v.text = s;
      break;
    }
    case ParameterType::kString:
      v.text = s;
      break;
  }
  return v;
}

Result<std::vector<ParameterSpec>> ParseParameterSpecs(const std::string& file,
                                                       const YAML::Node& node) {
  std::vector<ParameterSpec> out;
  if (!node.IsDefined() || node.IsNull()) return out;
  if (!node.IsMap()) return YamlError(file, node, "'parameters' must be a mapping");
  for (const auto& entry : node) {
    ParameterSpec spec;
    spec.name = entry.first.Scalar();
    spec.line = catalog::LineOf(entry.first);
    const YAML::Node& body = entry.second;
    const std::string what = fmt::format("parameter '{}'", spec.name);
    PROAKTIV_RETURN_IF_ERROR(
        catalog::CheckKeys(file, body, {"type", "default", "description"}, what));
    PROAKTIV_ASSIGN_OR_RETURN(std::string type, catalog::RequiredString(file, body, "type"));
    if (type == "integer") {
      spec.type = ParameterType::kInteger;
    } else if (type == "month-day") {
      spec.type = ParameterType::kMonthDay;
    } else if (type == "string") {
      spec.type = ParameterType::kString;
    } else if (type == "boolean") {
      spec.type = ParameterType::kBoolean;
    } else {
      return YamlError(file, body["type"],
                       fmt::format("{}: unknown type '{}' (expected integer, month-day, string "
                                   "or boolean)",
                                   what, type));
    }
    if (!body["default"].IsDefined()) {
      return YamlError(file, body, fmt::format("{}: missing 'default'", what));
    }
    PROAKTIV_ASSIGN_OR_RETURN(spec.default_value,
                              ParseParameterValue(file, body["default"], spec.type, spec.name));
    PROAKTIV_ASSIGN_OR_RETURN(
        spec.description,
        catalog::ParseLocalizedText(file, body, "description", what + " description"));
    out.push_back(std::move(spec));
  }
  return out;
}

Result<std::vector<KommuneOverride>> ParseKommuneOverrides(
    const std::string& file, const YAML::Node& node, const std::vector<ParameterSpec>& specs) {
  std::vector<KommuneOverride> out;
  if (!node.IsDefined() || node.IsNull()) return out;
  if (!node.IsMap()) return YamlError(file, node, "'kommuner' must be a mapping");
  for (const auto& entry : node) {
    KommuneOverride o;
    o.kommunenummer = entry.first.Scalar();
    o.line = catalog::LineOf(entry.first);
    if (registry::FindKommune(o.kommunenummer) == nullptr) {
      return YamlError(file, entry.first,
                       fmt::format("unknown kommunenummer '{}' (not a municipality of 2024; "
                                   "quote numbers such as \"0301\")",
                                   o.kommunenummer));
    }
    if (!entry.second.IsMap()) {
      return YamlError(
          file, entry.second,
          fmt::format("kommune '{}' must map 'enabled' or parameters to values", o.kommunenummer));
    }
    for (const auto& setting : entry.second) {
      const std::string key = setting.first.Scalar();
      if (key == "enabled") {
        PROAKTIV_ASSIGN_OR_RETURN(
            ParameterValue v,
            ParseParameterValue(file, setting.second, ParameterType::kBoolean, "enabled"));
        o.enabled = v.boolean;
        continue;
      }
      const ParameterSpec* spec = nullptr;
      for (const ParameterSpec& s : specs) {
        if (s.name == key) spec = &s;
      }
      if (spec == nullptr) {
        return YamlError(file, setting.first,
                         fmt::format("kommune '{}': unknown parameter '{}'", o.kommunenummer, key));
      }
      PROAKTIV_ASSIGN_OR_RETURN(ParameterValue v,
                                ParseParameterValue(file, setting.second, spec->type, key));
      o.values.emplace(key, std::move(v));
    }
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace proaktiv::engine

#pragma once

// Per-municipality parameters of a service. A service declares each parameter with a type, a
// default and a description; a municipality may override values or switch the service off:
//
//   parameters:
//     intake_deadline:
//       type: month-day            # integer | month-day ("MM-DD") | string | boolean
//       default: "03-01"
//       description: {nb: …, nn: …, en: …}
//   kommuner:
//     "0301": {enabled: false}                 # Oslo has switched the service off
//     "4601": {intake_deadline: "03-15"}       # Bergen has a later deadline
//
// Values reach the DMN model as FEEL values: integer → number, month-day → string "MM-DD"
// (build a date with date(string(year) + "-" + deadline)), string → string, boolean → boolean.
// Plain data, immutable after loading; safe to share across threads.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "catalog/localized_text.h"
#include "common/civil_date.h"
#include "common/result.h"
#include "feel/value.h"

namespace proaktiv::engine {

enum class ParameterType { kInteger, kMonthDay, kString, kBoolean };

std::string_view ParameterTypeName(ParameterType t);

// One parameter value. `integer` holds kInteger values and the month*100+day of kMonthDay.
struct ParameterValue {
  ParameterType type = ParameterType::kString;
  int64_t integer = 0;
  bool boolean = false;
  std::string text;  // kString; the "MM-DD" text of kMonthDay

  feel::Value ToFeel() const;
  std::string ToString() const;  // as written in YAML
  // For kMonthDay: the date in `year` (29 February becomes 28 February in a common year).
  CivilDate InYear(int year) const;
};

struct ParameterSpec {
  std::string name;
  ParameterType type = ParameterType::kString;
  ParameterValue default_value;
  catalog::LocalizedText description;
  int line = 0;
};

// The parameters in force in one municipality.
struct KommuneParameters {
  std::string kommunenummer;
  bool enabled = true;
  std::map<std::string, ParameterValue, std::less<>> values;  // defaults + overrides

  // nullptr when the service has no such parameter.
  const ParameterValue* Find(std::string_view name) const;
};

// A municipality's settings as declared in `kommuner:`.
struct KommuneOverride {
  std::string kommunenummer;
  std::optional<bool> enabled;
  std::map<std::string, ParameterValue, std::less<>> values;
  int line = 0;
};

// Parses `node` as a value of `type`; errors name the file, line and parameter.
Result<ParameterValue> ParseParameterValue(const std::string& file, const YAML::Node& node,
                                           ParameterType type, std::string_view name);
// Parses the `parameters:` mapping.
Result<std::vector<ParameterSpec>> ParseParameterSpecs(const std::string& file,
                                                       const YAML::Node& node);
// Parses the `kommuner:` mapping against `specs`; unknown municipalities (not one of the 357
// kommuner of 2024) and unknown parameters are errors.
Result<std::vector<KommuneOverride>> ParseKommuneOverrides(const std::string& file,
                                                           const YAML::Node& node,
                                                           const std::vector<ParameterSpec>& specs);

}  // namespace proaktiv::engine

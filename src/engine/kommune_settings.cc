#include "engine/kommune_settings.h"

#include <limits>
#include <map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "engine/occurrence.h"

namespace proaktiv::engine {

namespace {

// The value as the error shows it: JSON, cut short when long.
std::string Shown(const boost::json::value& value) {
  std::string text = boost::json::serialize(value);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

std::string_view Expected(ParameterType type) {
  switch (type) {
    case ParameterType::kInteger:
      return "an integer";
    case ParameterType::kBoolean:
      return "true or false";
    case ParameterType::kMonthDay:
      return "a month-day \"MM-DD\"";
    case ParameterType::kString:
      return "a string";
  }
  return "a value";
}

}  // namespace

const ParameterSpec* FindParameter(const ServiceDefinition& definition, std::string_view name) {
  for (const ParameterSpec& p : definition.parameters) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

Result<ParameterValue> ParameterValueFromJson(const ParameterSpec& spec,
                                              const boost::json::value& value) {
  auto bad = [&]() {
    return InvalidArgument(
        fmt::format("parameter '{}': {} is not {}", spec.name, Shown(value), Expected(spec.type)));
  };
  ParameterValue out;
  out.type = spec.type;
  switch (spec.type) {
    case ParameterType::kInteger:
      if (value.is_int64()) {
        out.integer = value.get_int64();
      } else if (value.is_uint64() &&
                 value.get_uint64() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        out.integer = static_cast<int64_t>(value.get_uint64());
      } else {
        return bad();
      }
      return out;
    case ParameterType::kBoolean:
      if (!value.is_bool()) return bad();
      out.boolean = value.get_bool();
      return out;
    case ParameterType::kMonthDay:
    case ParameterType::kString: {
      if (!value.is_string()) return bad();
      // The same rules as service.yaml (engine/parameters.h), without its file and line.
      YAML::Node node(std::string(value.get_string()));
      auto parsed = ParseParameterValue("", node, spec.type, spec.name);
      if (!parsed) return bad();
      return parsed;
    }
  }
  return bad();
}

boost::json::value ParameterValueToJson(const ParameterValue& value) {
  switch (value.type) {
    case ParameterType::kInteger:
      return value.integer;
    case ParameterType::kBoolean:
      return value.boolean;
    case ParameterType::kMonthDay:
    case ParameterType::kString:
      return boost::json::string(value.text);
  }
  return nullptr;
}

namespace {

// Shared by the strict and the lenient parser: `problem` gets each parameter that does not fit
// and returns false to stop.
template <typename Problem>
Result<KommuneOverride> Parse(const ServiceDefinition& definition,
                              const store::ServiceSettingsRow& row, Problem&& problem) {
  KommuneOverride out;
  out.kommunenummer = row.kommunenummer;
  out.enabled = row.enabled;
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(row.parameters_json, ec);
  if (ec || !doc.is_object()) {
    return InvalidArgument(
        fmt::format("the parameters of service '{}' in kommune {} are not a "
                    "JSON object",
                    row.service, row.kommunenummer));
  }
  for (const auto& [name, value] : doc.as_object()) {
    const ParameterSpec* spec = FindParameter(definition, name);
    if (spec == nullptr) {
      Error e{ErrorCode::kInvalidArgument,
              fmt::format("service '{}' has no parameter '{}'", row.service, std::string(name))};
      if (!problem(e)) return tl::unexpected(std::move(e));
      continue;
    }
    auto parsed = ParameterValueFromJson(*spec, value);
    if (!parsed) {
      if (!problem(parsed.error())) return tl::unexpected(parsed.error());
      continue;
    }
    out.values[spec->name] = std::move(*parsed);
  }
  return out;
}

}  // namespace

Result<KommuneOverride> ParseSettings(const ServiceDefinition& definition,
                                      const store::ServiceSettingsRow& row) {
  return Parse(definition, row, [](const Error&) { return false; });
}

KommuneOverride ParseStoredSettings(const ServiceDefinition& definition,
                                    const store::ServiceSettingsRow& row,
                                    std::vector<std::string>& warnings) {
  auto note = [&](const Error& e) {
    warnings.push_back(
        fmt::format("kommune {}: ignoring a stored setting: {}", row.kommunenummer, e.message));
    return true;
  };
  auto parsed = Parse(definition, row, note);
  if (parsed) return std::move(*parsed);
  note(parsed.error());  // not an object: only `enabled` holds
  KommuneOverride out;
  out.kommunenummer = row.kommunenummer;
  out.enabled = row.enabled;
  return out;
}

ServiceLibrary ApplySettings(const ServiceLibrary& library,
                             const std::vector<store::ServiceSettingsRow>& rows,
                             std::vector<std::string>& warnings) {
  std::map<std::string, std::vector<KommuneOverride>, std::less<>> by_service;
  for (const store::ServiceSettingsRow& row : rows) {
    const ServiceBundle* bundle = library.Find(row.service);
    if (bundle == nullptr) {
      warnings.push_back(
          fmt::format("kommune {}: ignoring the settings of service '{}', which "
                      "the library does not have",
                      row.kommunenummer, row.service));
      continue;
    }
    by_service[row.service].push_back(ParseStoredSettings(bundle->definition(), row, warnings));
  }
  if (by_service.empty()) return library;
  std::vector<std::shared_ptr<const ServiceBundle>> bundles;
  for (const auto& bundle : library.bundles()) {
    auto it = by_service.find(bundle->id());
    bundles.push_back(it == by_service.end() ? bundle
                                             : bundle->WithKommuneOverrides(std::move(it->second)));
  }
  return ServiceLibrary::Of(std::move(bundles));
}

Result<ServiceLibrary> EffectiveLibrary(const ServiceLibrary& library,
                                        store::SettingsStore& settings) {
  PROAKTIV_ASSIGN_OR_RETURN(auto rows, settings.AllSettings());
  std::vector<std::string> warnings;
  ServiceLibrary out = ApplySettings(library, rows, warnings);
  for (const std::string& w : warnings) spdlog::warn("{}", w);
  return out;
}

Result<int64_t> ReindexKommune(store::RegistryStore& store, const ServiceLibrary& effective,
                               std::string_view service, std::string_view kommunenummer,
                               CivilDate from) {
  const ServiceBundle* bundle = effective.Find(service);
  if (bundle == nullptr) return NotFound(fmt::format("no service '{}'", service));
  bool has_date_trigger = false;
  for (const Trigger& t : bundle->definition().triggers) has_date_trigger |= t.date.has_value();
  if (!has_date_trigger) return 0;
  const ServiceLibrary one = effective.Only({std::string(service)}).value();
  // Collect first: the read cursor stays open while visiting.
  std::vector<store::DueEntry> entries;
  PROAKTIV_RETURN_IF_ERROR(
      store.settings().ForEachPersonIn(kommunenummer, [&](int64_t key, registry::Person&& person) {
        auto mine = DateIndexEntries(one, key, person, from);
        entries.insert(entries.end(), mine.begin(), mine.end());
        return true;
      }));
  for (const store::DueEntry& e : entries) PROAKTIV_RETURN_IF_ERROR(store.engine().AddDue(e));
  return static_cast<int64_t>(entries.size());
}

std::string_view Name(ParameterSource source) {
  switch (source) {
    case ParameterSource::kDefault:
      return "default";
    case ParameterSource::kServiceYaml:
      return "service.yaml";
    case ParameterSource::kKommune:
      return "kommune";
  }
  return "default";
}

ParameterSource SourceOf(const ServiceDefinition& definition, std::string_view kommunenummer,
                         std::string_view name, const KommuneOverride* stored) {
  if (stored != nullptr && stored->values.find(name) != stored->values.end()) {
    return ParameterSource::kKommune;
  }
  for (const KommuneOverride& o : definition.kommuner) {
    if (o.kommunenummer == kommunenummer && o.values.find(name) != o.values.end()) {
      return ParameterSource::kServiceYaml;
    }
  }
  return ParameterSource::kDefault;
}

}  // namespace proaktiv::engine

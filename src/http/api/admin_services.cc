// GET  /api/v1/admin/kommuner/{kommune}/services            (listKommuneServices)
// PUT  /api/v1/admin/kommuner/{kommune}/services/{service}  (putKommuneService)
//
// A service's settings in a kommune (schema ServiceSettings): whether it is enabled there and
// each parameter with its effective value, its declared default and where the value comes from
// ("default", "service.yaml" — the yaml's `kommuner:` override — or "kommune", a setting made
// here). PUT {enabled?, parameters?} merges into the stored settings: `enabled` true/false sets
// it, null goes back to service.yaml; each parameter value is checked against the declared type
// (422 "invalid-parameter" naming the parameter and the value; an unknown name is 422
// "unknown-parameter"), null goes back to service.yaml. Every save is logged with who and when
// (kommune_service_settings_log). After a parameter change the kommune's date-index entries of
// the service are rewritten (engine::ReindexKommune) so that a moved due date is found; the
// engine picks the settings up at its next run (engine/kommune_settings.h).

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/logging.h"
#include "engine/kommune_settings.h"
#include "http/api/admin_common.h"
#include "http/api/language.h"

namespace proaktiv::http::api {

namespace {

using engine::KommuneOverride;
using engine::ServiceBundle;
using store::ServiceSettingsRow;

// The ServiceSettings document of `bundle` in `kommune` with the stored row (may be null).
boost::json::object SettingsJson(const ServiceBundle& bundle, const std::string& kommune,
                                 const ServiceSettingsRow* row, const std::string& lang) {
  const engine::ServiceDefinition& def = bundle.definition();
  std::vector<std::string> warnings;
  std::optional<KommuneOverride> stored;
  if (row != nullptr) stored = engine::ParseStoredSettings(def, *row, warnings);
  engine::KommuneParameters params = bundle.ParametersFor(kommune);
  if (stored) {
    if (stored->enabled) params.enabled = *stored->enabled;
    for (const auto& [name, value] : stored->values) params.values[name] = value;
  }
  boost::json::object out;
  out["id"] = bundle.id();
  out["name"] = def.name.In(lang);
  out["enabled"] = params.enabled;
  boost::json::array parameters;
  for (const engine::ParameterSpec& spec : def.parameters) {
    boost::json::object p;
    p["name"] = spec.name;
    p["type"] = engine::ParameterTypeName(spec.type);
    const engine::ParameterValue* value = params.Find(spec.name);
    p["value"] = engine::ParameterValueToJson(value ? *value : spec.default_value);
    p["default"] = engine::ParameterValueToJson(spec.default_value);
    p["description"] = spec.description.In(lang);
    p["source"] =
        engine::Name(engine::SourceOf(def, kommune, spec.name, stored ? &*stored : nullptr));
    parameters.push_back(std::move(p));
  }
  out["parameters"] = std::move(parameters);
  if (row != nullptr) {
    out["updated_at"] = row->updated_at;
    out["updated_by"] = row->updated_by;
  }
  return out;
}

std::string NowUtc(const Clock& clock) {
  const auto now = std::chrono::floor<std::chrono::seconds>(clock.Now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

// Merges the PUT body into `row`; sets `parameters_changed` when a parameter value changed.
ApiStatus Merge(const engine::ServiceDefinition& def, const boost::json::object& body,
                ServiceSettingsRow& row, bool& parameters_changed) {
  for (const auto& [key, value] : body) {
    if (key != "enabled" && key != "parameters") {
      return Fail(422, "invalid-body",
                  fmt::format("unknown field '{}' (expected enabled, parameters)",
                              std::string(key).substr(0, 40)));
    }
  }
  if (const boost::json::value* enabled = body.if_contains("enabled")) {
    if (enabled->is_null()) {
      row.enabled.reset();
    } else if (enabled->is_bool()) {
      row.enabled = enabled->get_bool();
    } else {
      return Fail(422, "invalid-body", "'enabled' must be true, false or null");
    }
  }
  const boost::json::value* parameters = body.if_contains("parameters");
  if (parameters == nullptr || parameters->is_null()) return {};
  if (!parameters->is_object()) {
    return Fail(422, "invalid-body", "'parameters' must be an object of name → value");
  }
  boost::system::error_code ec;
  boost::json::value stored = boost::json::parse(row.parameters_json, ec);
  if (ec || !stored.is_object()) stored = boost::json::object();
  boost::json::object& values = stored.as_object();
  for (const auto& [name, value] : parameters->as_object()) {
    const engine::ParameterSpec* spec = engine::FindParameter(def, name);
    if (spec == nullptr) {
      return Fail(422, "unknown-parameter",
                  RedactIdentityNumbers(fmt::format("service '{}' has no parameter '{}'", def.id,
                                                    std::string(name).substr(0, 60))));
    }
    if (value.is_null()) {
      parameters_changed |= values.erase(name) > 0;
      continue;
    }
    auto parsed = engine::ParameterValueFromJson(*spec, value);
    if (!parsed) {
      return Fail(422, "invalid-parameter", RedactIdentityNumbers(parsed.error().message));
    }
    boost::json::value normalised = engine::ParameterValueToJson(*parsed);
    const boost::json::value* before = values.if_contains(name);
    parameters_changed |= before == nullptr || *before != normalised;
    values[name] = std::move(normalised);
  }
  row.parameters_json = boost::json::serialize(values);
  return {};
}

ApiResult<boost::json::object> List(const ApiContext& context, const Request& request,
                                    const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string kommune, CheckKommune(route));
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string lang, ChooseLanguage(request, std::nullopt));
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
  PROAKTIV_API_ASSIGN_OR_RETURN(auto rows, store->settings().SettingsOf(kommune));
  boost::json::array services;
  for (const auto& bundle : context.library().bundles()) {
    const ServiceSettingsRow* row = nullptr;
    for (const ServiceSettingsRow& r : rows) {
      if (r.service == bundle->id()) row = &r;
    }
    services.push_back(SettingsJson(*bundle, kommune, row, lang));
  }
  boost::json::object out;
  out["services"] = std::move(services);
  return out;
}

ApiResult<boost::json::object> Put(const ApiContext& context, const Request& request,
                                   const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string kommune, CheckKommune(route));
  PROAKTIV_API_ASSIGN_OR_RETURN(const ServiceBundle* bundle,
                                FindService(context.library(), route.Param("service")));
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string lang, ChooseLanguage(request, std::nullopt));
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(request.body, ec);
  if (ec || !body.is_object()) {
    return Fail(422, "invalid-body", "the body must be a JSON object {enabled?, parameters?}");
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
  store::SettingsStore& settings = store->settings();
  PROAKTIV_API_RETURN_IF_ERROR(store->Begin());
  auto saved = [&]() -> ApiResult<ServiceSettingsRow> {
    PROAKTIV_API_ASSIGN_OR_RETURN(auto rows, settings.SettingsOf(kommune));
    ServiceSettingsRow row{kommune, bundle->id(), std::nullopt, "{}", "", ""};
    for (const ServiceSettingsRow& r : rows) {
      if (r.service == bundle->id()) row = r;
    }
    bool parameters_changed = false;
    PROAKTIV_API_RETURN_IF_ERROR(
        Merge(bundle->definition(), body.as_object(), row, parameters_changed));
    row.updated_at = NowUtc(context.clock());
    row.updated_by = ChangedBy(route.principal);
    PROAKTIV_API_RETURN_IF_ERROR(settings.PutSettings(row));
    if (parameters_changed) {
      PROAKTIV_API_ASSIGN_OR_RETURN(auto all, settings.AllSettings());
      std::vector<std::string> warnings;
      const engine::ServiceLibrary effective =
          engine::ApplySettings(context.library(), all, warnings);
      PROAKTIV_API_RETURN_IF_ERROR(engine::ReindexKommune(*store, effective, bundle->id(), kommune,
                                                          context.clock().TodayInNorway()));
    }
    return row;
  }();
  if (!saved) {
    (void)store->Rollback();
    return tl::unexpected(saved.error());
  }
  PROAKTIV_API_RETURN_IF_ERROR(store->Commit());
  return SettingsJson(*bundle, kommune, &*saved, lang);
}

}  // namespace

Response ListKommuneServices(const ApiContext& context, const Request& request,
                             const RouteContext& route) {
  auto out = List(context, request, route);
  return out ? Response::Json(200, *out) : ToResponse(out.error());
}

Response PutKommuneService(const ApiContext& context, const Request& request,
                           const RouteContext& route) {
  auto out = Put(context, request, route);
  return out ? Response::Json(200, *out) : ToResponse(out.error());
}

}  // namespace proaktiv::http::api

#pragma once

// Kommune settings at run time: a municipality's staff switch a service on or off and set its
// parameters in the admin (src/http/api/admin_services.cc); the settings are stored in
// kommune_service_settings (store/settings_store.h) and win over service.yaml's defaults and
// `kommuner:` overrides.
//
// The engine's contract: OfferEngine (engine/offer_engine.h) reads every stored setting once
// when a run starts (RunThrough, IndexPopulation, SetOptOut) and works for the whole run with
// the *effective library*: each bundle with the settings appended to its `kommuner:` overrides,
// so ServiceBundle::ParametersFor — and with it OfferDecider, the triggers' due dates and
// EligibilityScan — gives the effective parameters. A setting saved during a run takes effect
// at the next run (settings change rarely; a run is at most a day's work). Date-index entries
// written before a change of a parameter that moves a due date are found stale when due and
// dropped, as after a change of service.yaml.
//
// Stored values are JSON (name → value): integer parameters as JSON integers, boolean as JSON
// booleans, month-day ("MM-DD") and string parameters as JSON strings. They are validated when
// saved (ParseSettings); a stored value that no longer fits service.yaml (a parameter renamed or
// retyped since) is left out when the engine loads the settings, with a warning, so that
// service.yaml's value applies.
//
// Pure functions over immutable bundles; thread-safe.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "common/result.h"
#include "engine/parameters.h"
#include "engine/service_bundle.h"
#include "store/settings_store.h"
#include "store/store.h"

namespace proaktiv::engine {

// The parameter `name` of `definition`; nullptr when it has none.
const ParameterSpec* FindParameter(const ServiceDefinition& definition, std::string_view name);

// `value` as a value of `spec`'s type. InvalidArgument names the parameter, the value and the
// expected type: "parameter 'intake_deadline': \"13-45\" is not a month-day \"MM-DD\"".
Result<ParameterValue> ParameterValueFromJson(const ParameterSpec& spec,
                                              const boost::json::value& value);
// The stored JSON form of `value` (see above).
boost::json::value ParameterValueToJson(const ParameterValue& value);

// A stored row of `bundle`'s settings as an override. Strict: an unknown parameter or a value
// of the wrong type is an InvalidArgument naming it; a `parameters_json` that is not a JSON
// object too.
Result<KommuneOverride> ParseSettings(const ServiceDefinition& definition,
                                      const store::ServiceSettingsRow& row);

// Lenient: like ParseSettings, but a parameter that does not fit is left out and described in
// `warnings` (never failing).
KommuneOverride ParseStoredSettings(const ServiceDefinition& definition,
                                    const store::ServiceSettingsRow& row,
                                    std::vector<std::string>& warnings);

// `library` with `rows` applied (see above): bundles without settings are shared, the others
// copied with the settings as overrides. Rows of services the library lacks are described in
// `warnings` and ignored.
ServiceLibrary ApplySettings(const ServiceLibrary& library,
                             const std::vector<store::ServiceSettingsRow>& rows,
                             std::vector<std::string>& warnings);

// The effective library: `library` with every setting in `settings` applied; warnings go to
// the process log.
Result<ServiceLibrary> EffectiveLibrary(const ServiceLibrary& library,
                                        store::SettingsStore& settings);

// After a kommune's parameters of `service` changed: writes the date-index entries due on or
// after `from` of that service for every person living in `kommunenummer`, under `effective`
// (the library with the new settings), so that a due date the change moved is found. Entries
// at the old dates are dropped as stale when they fall due. A due date moved to before `from`
// is not caught up. Runs inside the caller's transaction; returns the number of entries.
Result<int64_t> ReindexKommune(store::RegistryStore& store, const ServiceLibrary& effective,
                               std::string_view service, std::string_view kommunenummer,
                               CivilDate from);

// Where a parameter's effective value in a kommune comes from.
enum class ParameterSource { kDefault, kServiceYaml, kKommune };
std::string_view Name(ParameterSource source);  // "default", "service.yaml", "kommune"

// The source of `name`'s value in `kommunenummer` given the kommune's stored override (nullptr
// when it has none).
ParameterSource SourceOf(const ServiceDefinition& definition, std::string_view kommunenummer,
                         std::string_view name, const KommuneOverride* stored);

}  // namespace proaktiv::engine

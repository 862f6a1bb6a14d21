#pragma once

// A service bundle: a folder services/<id>/ with service.yaml (engine/service_definition.h)
// and eligibility.dmn, loaded, validated against the data catalog, and ready to decide.
//
//   auto catalog = catalog::Catalog::LoadFile("catalog/catalog.yaml");
//   auto library = engine::LoadLibrary("services", *catalog);        // every bundle
//   const engine::ServiceBundle& kg = *library->Find("kindergarten-place");
//   engine::KommuneParameters params = kg.ParametersFor(child.kommunenummer());
//   if (params.enabled) {
//     auto d = kg.Decide(child, lookup, params, today);   // Result<engine::Decision>
//     d->eligible; d->reason; d->application_json; d->inputs;
//   }
//
// LoadDir refuses a bundle, with file and line (or DMN element), when:
//   - service.yaml is malformed: unknown keys, a missing language, an unknown {placeholder},
//     an unknown parameter, event type or kommune, the id differs from the folder name;
//   - the purpose is not in the catalog, a declared field is not in the catalog, or — the
//     static purpose check — a declared field does not allow the service's purpose:
//     "service.yaml:12: field 'person.civil_status' may not be used for purpose
//     'kindergarten-offer'";
//   - eligibility.dmn does not load, has problems, lacks the decisions Eligible, Reason or
//     Application, has an input data that service.yaml does not map ("input data 'X' (id i1)
//     is not mapped to a declared field in service.yaml"), or a mapping names an input data
//     the model does not have, a field not in `fields`, or a field no extractor can read;
//   - a decision table output named "reason" has a literal code that `reasons` does not list.
//
// The DMN contract: decision `Eligible` (boolean), `Reason` (string, a code listed under
// `reasons`), `Application` (context: the pre-filled application; may be null when not
// eligible). The model reads only its input data, and those only from the mapped sources.
//
// Thread-safety: a loaded ServiceBundle is immutable; Decide may run on several threads.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "catalog/catalog.h"
#include "common/civil_date.h"
#include "common/result.h"
#include "dmn/dmn_model.h"
#include "engine/field_extractor.h"
#include "engine/service_definition.h"
#include "feel/value.h"
#include "registry/person.h"

namespace proaktiv::engine {

// A decision-table row that fired: which, why (its description), on which values.
struct FiredRule {
  std::string decision;  // the DRG decision whose logic holds the table
  std::string hit_policy;
  int row = 0;  // 1-based
  std::string rule_id;
  std::string description;
  std::vector<std::pair<std::string, feel::Value>> inputs;   // the table's input values
  std::vector<std::pair<std::string, feel::Value>> outputs;  // by output name
};

// The outcome of deciding a service for one person.
struct Decision {
  bool eligible = false;
  std::string reason;                  // the reason code ("turns-one-by-november")
  catalog::LocalizedText reason_text;  // its text, placeholders filled in
  feel::Value application;             // the Application context (null when none)
  std::optional<CivilDate> deadline;   // from the Application entry or today + days_after_offer
  boost::json::value application_json;
  // The DMN inputs as they were given, in input-name order (for the explanation).
  std::vector<std::pair<std::string, feel::Value>> inputs;
  std::vector<std::string> messages;  // DMN notes on nulls and coercions
  std::vector<FiredRule> rules;       // the rows that decided Eligible and Reason
};

// A message rendered in one language.
struct RenderedMessage {
  std::string subject;
  std::string body;
};

class ServiceBundle {
 public:
  // Loads services/<id>/ (the folder name is the id). See above for what is refused.
  static Result<std::shared_ptr<const ServiceBundle>> LoadDir(const std::string& dir,
                                                              const catalog::Catalog& catalog);

  const ServiceDefinition& definition() const { return definition_; }
  const std::string& id() const { return definition_.id; }
  const dmn::DmnModel& model() const { return *model_; }
  const std::string& dir() const { return dir_; }

  // The parameters in force in `kommunenummer`: defaults, then the municipality's overrides,
  // and whether the service is switched on there.
  KommuneParameters ParametersFor(std::string_view kommunenummer) const;

  // Decides the service for `person` on `today` under `params`. Related persons (parents,
  // children, spouse) are found through `lookup`; `contact` is optional. Errors: a decision
  // that is not of its contract type (e.g. Eligible null), or a reason code not declared.
  Result<Decision> Decide(const registry::Person& person, const PersonLookup& lookup,
                          const KommuneParameters& params, CivilDate today,
                          const ContactInfo* contact = nullptr) const;

  // Renders the "offer" or "notice" message of `decision` in `language` (nb, nn, en).
  Result<RenderedMessage> Render(const Decision& decision, std::string_view kind,
                                 std::string_view language, std::string_view recipient_name,
                                 const KommuneParameters& params,
                                 std::string_view kommune_name) const;

  // The values of the placeholders that come from the decision and the parameters.
  std::map<std::string, std::string, std::less<>> PlaceholderValues(
      const Decision& decision, const KommuneParameters& params) const;

  // A copy of this bundle with `overrides` applied after service.yaml's `kommuner:`, so that
  // they win in ParametersFor: kommune settings made at run time (engine/kommune_settings.h).
  // The copy shares the DMN model.
  std::shared_ptr<const ServiceBundle> WithKommuneOverrides(
      std::vector<KommuneOverride> overrides) const;

  // A candidate bundle: this one (same service.yaml, same overrides) with its DMN model read
  // from `dmn_xml` instead of eligibility.dmn; imports resolve among the bundle folder's other
  // *.dmn files. Refused with the same checks as LoadDir (an XML error with its line, DMN
  // problems with element kind, name and id, missing decisions, unmapped input data, undeclared
  // reason codes); errors name `source_name` as the DMN file.
  Result<std::shared_ptr<const ServiceBundle>> WithDmn(std::string_view dmn_xml,
                                                       const std::string& source_name) const;

 private:
  ServiceBundle() = default;

  std::string dir_;
  ServiceDefinition definition_;
  std::shared_ptr<const dmn::DmnModel> model_;
  // Input data name → extractor (for field inputs), resolved once at load time.
  std::vector<std::pair<std::string, const FieldExtractor*>> field_inputs_;
};

// All bundles of a service library folder, by id.
class ServiceLibrary {
 public:
  const ServiceBundle* Find(std::string_view id) const;
  const std::vector<std::shared_ptr<const ServiceBundle>>& bundles() const { return bundles_; }
  // A library of `bundles` (ids must be distinct), sorted by id.
  static ServiceLibrary Of(std::vector<std::shared_ptr<const ServiceBundle>> bundles);
  // The library restricted to `ids` (NotFound names an id the library does not have).
  Result<ServiceLibrary> Only(const std::vector<std::string>& ids) const;

 private:
  friend Result<ServiceLibrary> LoadLibrary(const std::string&, const catalog::Catalog&);
  std::vector<std::shared_ptr<const ServiceBundle>> bundles_;  // sorted by id
};

// Loads every sub-folder of `services_dir` that holds a service.yaml. The first bundle that
// fails stops loading; its error names the file.
Result<ServiceLibrary> LoadLibrary(const std::string& services_dir,
                                   const catalog::Catalog& catalog);

}  // namespace proaktiv::engine

#pragma once

// The declarative part of a service bundle: services/<id>/service.yaml parsed into plain data.
// The format (every key; unknown keys are refused):
//
//   id: kindergarten-place                 # must equal the folder name
//   version: 1
//   name: {nb: …, nn: …, en: …}
//   description: {nb: …, nn: …, en: …}
//   legal_basis:
//     reference: "barnehageloven § 16"     # shown with every explanation
//     url: "https://lovdata.no/lov/2005-06-17-64/§16"
//   sources: ["…", "…"]                    # laws, regulations, guidance the rule is built on
//   purpose: kindergarten-offer            # a catalog purpose
//   audience: parents-with-responsibility  # self | parents-with-responsibility
//   fields: [person.birth_date, …]         # catalog fields the service reads
//   inputs:                                # DMN input data name → source
//     Child birth date: person.birth_date  #   a declared field
//     Intake deadline: {parameter: intake_deadline}
//     Today: {today: true}                 #   the evaluation date
//   placeholders: [child_name, start_date] # Application entries usable in texts
//   reasons:                               # every Reason code the rule can return
//     turns-one-by-november: {nb: …, nn: …, en: …}
//   messages:
//     offer:  {subject: {nb,nn,en}, body: {nb,nn,en}}
//     notice: {subject: …, body: …}        # required when notice_on_negative is true
//   notice_on_negative: false
//   deadline: {application_field: application_deadline}   # or {days_after_offer: 30}
//   parameters: …                          # engine/parameters.h
//   kommuner: …                            # engine/parameters.h
//   triggers: …                            # engine/trigger.h
//
// Texts may use the placeholders {recipient_name}, {service_name}, {kommune_name}, {deadline},
// {reason} (the localized reason text; not inside reasons), every parameter name, and the
// declared `placeholders`. Plain data; immutable after loading.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "catalog/localized_text.h"
#include "common/result.h"
#include "engine/parameters.h"
#include "engine/trigger.h"

namespace proaktiv::engine {

enum class Audience { kSelf, kParentsWithResponsibility };
std::string_view AudienceName(Audience a);

// Where a DMN input data value comes from.
struct InputSource {
  enum class Kind { kField, kParameter, kToday };
  Kind kind = Kind::kField;
  std::string name;  // the field id or the parameter name
  int line = 0;
};

struct MessageTexts {
  catalog::LocalizedText subject;
  catalog::LocalizedText body;
};

struct Deadline {
  std::string application_field;  // the Application entry holding the deadline date, or
  int days_after_offer = 0;       // a number of days after the offer is made
};

struct ServiceDefinition {
  std::string id;
  int version = 1;
  catalog::LocalizedText name;
  catalog::LocalizedText description;
  std::string legal_reference;
  std::string legal_url;
  std::vector<std::string> sources;
  std::string purpose;
  int purpose_line = 0;
  Audience audience = Audience::kSelf;
  std::vector<std::string> fields;
  std::vector<int> field_lines;
  std::map<std::string, InputSource> inputs;  // by DMN input data name
  std::vector<std::string> placeholders;
  std::map<std::string, catalog::LocalizedText> reasons;  // by code
  MessageTexts offer;
  std::optional<MessageTexts> notice;
  bool notice_on_negative = false;
  Deadline deadline;
  std::vector<ParameterSpec> parameters;
  std::vector<KommuneOverride> kommuner;
  std::vector<Trigger> triggers;
  int inputs_line = 0;
};

// Parses `file` (a service.yaml). Checks structure, languages, placeholders, parameters,
// triggers and kommuner; the catalog and DMN checks are ServiceBundle's.
Result<ServiceDefinition> ParseServiceDefinition(const std::string& file);

}  // namespace proaktiv::engine

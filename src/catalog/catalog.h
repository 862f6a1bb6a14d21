#pragma once

// The data catalog: which personal data proaktiv holds, where each item comes from, on which
// legal basis, for which purposes it may be used and how long it is kept (DESIGN.md
// capability 2). It is read from catalog/catalog.yaml:
//
//   datasets:              # where data comes from
//     - id: population-register
//       name: {nb: …, nn: …, en: …}
//       source: "Folkeregisteret (Skatteetaten)"
//       legal_basis: "folkeregisterloven § 10-2"
//   purposes:              # why data may be used
//     - id: kindergarten-offer
//       description: {nb: …, nn: …, en: …}
//       legal_basis: "barnehageloven § 16"
//   fields:                # one stable id per data item
//     - id: person.birth_date
//       dataset: population-register
//       type: date          # FEEL type of the value: string, number, boolean, date, list, context
//       description: {nb: …, nn: …, en: …}
//       legal_basis: "folkeregisterloven § 10-2"
//       purposes: [kindergarten-offer, school-enrolment-offer]
//       retention: P3Y      # ISO 8601 period after the purpose is fulfilled
//
// Loading validates everything: unknown keys, duplicate ids, a field naming an unknown dataset
// or purpose, a missing language, a malformed retention. Errors read
// "catalog/catalog.yaml:42: field 'person.x': unknown purpose 'kindergarden-offer'".
//
// The purpose check (CheckPurpose) is what service bundles call at load time: a service may only
// read fields whose allowed purposes include the service's purpose.
//
// A Catalog is immutable after loading; share it by const reference across threads.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "catalog/localized_text.h"
#include "common/result.h"

namespace proaktiv::catalog {

struct Dataset {
  std::string id;
  LocalizedText name;
  std::string source;       // the register or system the data comes from
  std::string legal_basis;  // the law that lets the municipality receive it
  int line = 0;
};

struct Purpose {
  std::string id;
  LocalizedText description;
  std::string legal_basis;
  int line = 0;
};

struct Field {
  std::string id;  // stable, dotted: "person.residence.kommunenummer"
  std::string dataset;
  std::string type;  // FEEL kind of the value (see kFieldTypes)
  LocalizedText description;
  std::string legal_basis;
  std::vector<std::string> purposes;  // allowed purposes
  std::string retention;              // ISO 8601 period, e.g. "P3Y", "P18M"
  int line = 0;

  bool AllowsPurpose(std::string_view purpose) const;
};

// The value types a field may declare.
inline constexpr std::string_view kFieldTypes[] = {"string", "number", "boolean",
                                                   "date",   "list",   "context"};

class Catalog {
 public:
  // Loads and validates `path` (errors name the file and line).
  static Result<Catalog> LoadFile(const std::string& path);
  // Same, from text; `source` names it in errors.
  static Result<Catalog> LoadString(std::string_view yaml, const std::string& source);

  // nullptr when unknown.
  const Dataset* FindDataset(std::string_view id) const;
  const Purpose* FindPurpose(std::string_view id) const;
  const Field* FindField(std::string_view id) const;

  const std::vector<Dataset>& datasets() const { return datasets_; }
  const std::vector<Purpose>& purposes() const { return purposes_; }
  const std::vector<Field>& fields() const { return fields_; }
  // Where the catalog was loaded from (for messages).
  const std::string& source() const { return source_; }

  // OK when every field in `field_ids` exists and allows `purpose_id`. Otherwise the first
  // offending field: NotFound "unknown purpose 'x'", NotFound "unknown field 'x'", or
  // FailedPrecondition "field 'person.civil_status' may not be used for purpose
  // 'kindergarten-offer'".
  Status CheckPurpose(std::string_view purpose_id, std::span<const std::string> field_ids) const;

 private:
  static Result<Catalog> LoadFromNode(const YAML::Node& root, const std::string& path);

  std::string source_;
  std::vector<Dataset> datasets_;
  std::vector<Purpose> purposes_;
  std::vector<Field> fields_;
  std::map<std::string, size_t, std::less<>> dataset_index_;
  std::map<std::string, size_t, std::less<>> purpose_index_;
  std::map<std::string, size_t, std::less<>> field_index_;
};

// True for an ISO 8601 period of whole years, months, weeks or days ("P3Y", "P1Y6M", "P30D").
bool IsRetentionPeriod(std::string_view text);

}  // namespace proaktiv::catalog

#pragma once

// The memo keys of EligibilityScan::ScanAll (engine/eligibility_scan.h): the bytes that stand
// for what the closure of `Eligible` can observe of one person's field inputs, per input as
// engine/input_usage.h classifies it:
//   kValue       the kind and the exact value (null, boolean, number bits, string, date);
//                any other kind cannot be keyed; read through the extractor's `text` when it
//                has one (no allocation)
//   kProperties  the kind and the properties read (`.year`, `.month`); for a date they are
//                computed once per date and thread and stand in the key as a small number
//   kCount       the list's length (through the extractor's `count` when it has one)
//   kNullTest    the kind; a value not of the declared kind cannot be keyed
// Parameter and today inputs are not part of these keys (the caller adds the kommune's
// parameter class; today is fixed for a scan).
//
// Thread-safety: one ScanKeys per thread (it caches date properties).

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/civil_date.h"
#include "engine/eligibility_scan.h"
#include "engine/field_extractor.h"
#include "feel/feel.h"
#include "registry/person.h"

namespace proaktiv::engine {

class ScanKeys {
 public:
  // `inputs` must outlive this object.
  explicit ScanKeys(std::span<const EligibilityScan::Input> inputs);

  // Appends the part of the key for the field inputs with `finite` == !representatives.empty()
  // (the finite-class inputs, or all the others). False when a value cannot be keyed.
  bool Append(const registry::Person& person, const PersonLookup& lookup, CivilDate today,
              bool finite, std::string& key);

  template <typename T>
  static void AppendBytes(std::string& key, T v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    key.append(bytes, sizeof v);
  }

 private:
  struct DateEntry {
    int32_t days = INT32_MIN;  // empty
    uint32_t id = 0;           // of the properties' encoding
  };
  static constexpr size_t kDates = 1 << 16;  // more than 150 years of distinct dates

  // Appends the properties of `v` read by input `i`; false when they cannot be keyed.
  bool AppendProperties(size_t i, const feel::Value& v, std::string& key);

  std::span<const EligibilityScan::Input> inputs_;
  feel::EvalContext feel_context_;
  std::vector<std::vector<DateEntry>> dates_;                         // by input: by day
  std::vector<std::unordered_map<std::string, uint32_t>> encodings_;  // by input
  std::string scratch_;
};

}  // namespace proaktiv::engine

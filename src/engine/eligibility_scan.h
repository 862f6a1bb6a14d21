#pragma once

// The fast path for deciding one service over a whole population (a dry run, the bench in
// bench/eligibility_vs_postgres.cc): only the bundle's `Eligible` decision is evaluated, fed
// only with the DMN input data that `Eligible` requires.
//
//   auto scan = engine::EligibilityScan::Create(bundle);            // Result<EligibilityScan>
//   engine::EligibilityScan::Worker worker(*scan);                  // one per thread
//   auto ok = worker.Eligible(child, lookup, bundle.ParametersFor(k), today);  // Result<bool>
//   auto all = scan->ScanAll(persons, lookup, today, {.threads = 2});  // Result<ScanResult>
//
// At Create, engine/input_usage.h walks the model's definitions(): the informationRequirements
// of `Eligible`, transitively through required decisions, give the inputs to extract; every
// other input (names, addresses, the Application's data) is never extracted. When the walk
// cannot be trusted — a requirement points into an imported model, or at an id the model does
// not have — every mapped input is extracted, as Decide does.
//
// ScanAll memoises (unless told not to). The DMN is a pure function of its inputs, so persons
// whose inputs agree on everything the closure of `Eligible` can observe get the same answer;
// engine/scan_key.h makes that into a key (plus the kommune's parameter values; today is fixed
// for a scan). Inputs the closure only tests against a few constants — `Kommune` against null,
// `count(Parents with responsibility)` against 0 — have a finite set of classes, each with a
// representative value. The scan first keys a person by the other inputs only, and evaluates
// the DMN once per such prefix with every combination of representatives: when they all give
// the same answer, it is the answer for every person with that prefix, and their finite inputs
// are never extracted (most adults: no lookup of parents). Otherwise the finite inputs join the
// key. The DMN runs a few times per distinct key and thread; every other person costs the
// extraction of their key. No memo when the closure calls now() or today().
//
// The contract: Eligible(...) and ScanAll give exactly ServiceBundle::Decide(...).eligible for
// the same person, lookup, parameters and day, and fail (FailedPrecondition, naming the service)
// when `Eligible` is not a boolean, as Decide does. Reason, Application, texts and the deadline
// are not computed; use Decide for an offer.
//
// Ownership and thread-safety: an EligibilityScan refers to its bundle (which must outlive it)
// and is immutable after Create; share it between threads. A Worker holds one thread's reusable
// input vector: one Worker per thread. ScanAll makes its own workers. `lookup` must be callable
// from several threads at once when ScanAll runs on more than one.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/civil_date.h"
#include "common/result.h"
#include "dmn/dmn_model.h"
#include "engine/field_extractor.h"
#include "engine/input_usage.h"
#include "engine/parameters.h"
#include "engine/service_bundle.h"
#include "feel/value.h"
#include "registry/person.h"

namespace proaktiv::engine {

class EligibilityScan {
 public:
  // One DMN input data that Eligible reads, and where its value comes from.
  struct Input {
    static constexpr int kAnyKind = -1;  // no type, or Any
    static constexpr int kNoKind = -2;   // a type no value kind is named after

    std::string name;  // the DMN input data name
    InputSource::Kind kind = InputSource::Kind::kField;
    const FieldExtractor* extractor = nullptr;  // kField
    std::string parameter;                      // kParameter
    InputUse use = InputUse::kValue;            // what of its value the closure observes
    std::vector<std::string> properties;        // kProperties: the properties read
    int declared_kind = kAnyKind;               // a feel::ValueKind, kAnyKind or kNoKind
    // One value per class when the input has finite classes (see above); else empty.
    std::vector<feel::Value> representatives;
  };

  struct ScanOptions {
    int threads = 2;      // at least 1
    bool memoize = true;  // false: the DMN is evaluated for every person
  };

  struct ScanResult {
    std::vector<uint8_t> eligible;  // one byte per person: 1 eligible, 0 not
    int64_t evaluations = 0;        // DMN evaluations done (all threads)
  };

  // Walks the requirements of `Eligible` in bundle.model(). Errors: the model has no decision
  // `Eligible`, or a required input data is not mapped in service.yaml (neither can happen for
  // a bundle that LoadDir accepted).
  static Result<EligibilityScan> Create(const ServiceBundle& bundle);

  const ServiceBundle& bundle() const { return *bundle_; }
  // The inputs Eligible needs, in the model's input data order.
  const std::vector<Input>& inputs() const { return inputs_; }
  // False when the walk fell back to every mapped input (see above).
  bool pruned() const { return pruned_; }
  // False when ScanAll cannot reuse results (now() or today(), or a fallback walk).
  bool memoizable() const { return memoizable_; }

  // The parameters in force in `kommunenummer` (bundle().ParametersFor), computed once per
  // municipality at Create for the 357 kommuner and for "" (no residence); others on demand.
  KommuneParameters ParametersFor(std::string_view kommunenummer) const;

  // One thread's reusable state.
  class Worker {
   public:
    explicit Worker(const EligibilityScan& scan);

    // Decide(person, lookup, params, today).eligible, see the contract above.
    Result<bool> Eligible(const registry::Person& person, const PersonLookup& lookup,
                          const KommuneParameters& params, CivilDate today);

   private:
    friend class EligibilityScan;
    // Fills the inputs for `person` (with the parameter inputs' values, one per kParameter
    // input in order); leaves the finite-class inputs alone when `skip_finite`.
    void Fill(const registry::Person& person, const PersonLookup& lookup,
              std::span<const feel::Value> parameter_values, CivilDate today, bool skip_finite);
    // Evaluates Eligible on the inputs as filled.
    Result<bool> Run();

    const EligibilityScan* scan_;
    dmn::Inputs inputs_;  // names fixed, values replaced per person
    std::vector<feel::Value> parameter_values_;
  };

  // Eligible for every person in `persons`, each under the parameters of their residence
  // municipality, on `options.threads` threads. The first error stops the scan; it names the
  // person's position, never an identity number.
  Result<ScanResult> ScanAll(std::span<const registry::Person> persons, const PersonLookup& lookup,
                             CivilDate today, const ScanOptions& options) const;

 private:
  // Parameters and the parameter inputs' FEEL values of one municipality.
  struct KommuneEntry {
    KommuneParameters params;
    std::vector<feel::Value> values;
    uint32_t parameter_class = 0;  // the same for kommuner with the same values
  };

  EligibilityScan() = default;
  std::vector<feel::Value> ParameterValues(const KommuneParameters& params) const;
  KommuneEntry MakeEntry(std::string_view kommunenummer) const;
  // 1 or 0 when every combination of representatives gives that answer for `person`'s other
  // inputs; -1 otherwise. Counts its evaluations.
  int Determine(Worker& worker, const registry::Person& person, const PersonLookup& lookup,
                std::span<const feel::Value> parameter_values, CivilDate today,
                int64_t& evaluations) const;

  const ServiceBundle* bundle_ = nullptr;
  std::vector<Input> inputs_;
  bool pruned_ = true;
  bool memoizable_ = false;
  std::vector<size_t> finite_;  // the inputs with finite classes
  std::unordered_map<std::string, KommuneEntry> kommuner_;
};

}  // namespace proaktiv::engine

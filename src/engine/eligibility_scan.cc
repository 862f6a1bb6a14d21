#include "engine/eligibility_scan.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "engine/scan_key.h"
#include "registry/kommune.h"

namespace proaktiv::engine {

namespace {

constexpr std::string_view kEligible = "Eligible";
constexpr size_t kChunk = 8192;  // persons a thread takes at a time in ScanAll
constexpr uint32_t kNoClass = UINT32_MAX;
constexpr size_t kMaxCombinations = 64;  // of representatives, per prefix

// A person's facts live in separate allocations; fetching those the extractors usually read a
// few persons ahead hides most of the cache misses of a scan.
constexpr size_t kPrefetch = 4;
void Prefetch(const registry::Person& p) {
  __builtin_prefetch(p.identity_numbers.data());
  __builtin_prefetch(p.birth.facts.data());
  __builtin_prefetch(p.status.facts.data());
  __builtin_prefetch(p.residence.facts.data());
  __builtin_prefetch(p.responsibility.data());
}

int DeclaredKind(const std::string& type_ref) {
  if (type_ref.empty() || type_ref == "Any") return EligibilityScan::Input::kAnyKind;
  for (int k = 0; k <= static_cast<int>(feel::ValueKind::kFunction); ++k) {
    if (feel::KindName(static_cast<feel::ValueKind>(k)) == type_ref) return k;
  }
  return EligibilityScan::Input::kNoKind;
}

// One value per class of an input with finite classes (see the header); empty for others.
std::vector<feel::Value> Representatives(const EligibilityScan::Input& in,
                                         const ClosureAnalysis& closure, const std::string& id) {
  if (in.kind != InputSource::Kind::kField) return {};
  if (in.use == InputUse::kNullTest) {
    switch (in.declared_kind) {
      case EligibilityScan::Input::kAnyKind:
      case static_cast<int>(feel::ValueKind::kString):
        return {feel::Value(), feel::Value::String("")};
      case static_cast<int>(feel::ValueKind::kNumber):
        return {feel::Value(), feel::Value::Int(0)};
      case static_cast<int>(feel::ValueKind::kBoolean):
        return {feel::Value(), feel::Value::Boolean(false)};
      case static_cast<int>(feel::ValueKind::kDate):
        return {feel::Value(), feel::Value::FromDate(feel::Date{0})};
      default:
        return {};
    }
  }
  auto literals = closure.count_literals.find(id);
  if (in.use != InputUse::kCount || literals == closure.count_literals.end()) return {};
  // A list of n nulls for each literal n, and one longer than all of them for "none of them".
  std::vector<feel::Value> out;
  int64_t longest = -1;
  for (int64_t n : literals->second) {
    out.push_back(feel::Value::FromList(feel::List(static_cast<size_t>(n))));
    longest = std::max(longest, n);
  }
  out.push_back(feel::Value::FromList(feel::List(static_cast<size_t>(longest + 1))));
  return out;
}

// The parameter values as text, to tell kommuner with the same values apart from others.
std::string Signature(const std::vector<feel::Value>& values) {
  std::string s;
  for (const feel::Value& v : values) {
    s += feel::KindName(v.kind());
    s += ':';
    s += v.DebugString();
    s += '\n';
  }
  return s;
}

}  // namespace

Result<EligibilityScan> EligibilityScan::Create(const ServiceBundle& bundle) {
  const dmn::Definitions& defs = bundle.model().definitions();
  const ServiceDefinition& def = bundle.definition();
  auto root = std::find_if(defs.decisions.begin(), defs.decisions.end(),
                           [](const dmn::Decision& d) { return d.name == kEligible; });
  if (root == defs.decisions.end()) {
    return NotFound(fmt::format("service '{}': no decision '{}'", bundle.id(), kEligible));
  }
  EligibilityScan scan;
  scan.bundle_ = &bundle;
  const std::optional<ClosureAnalysis> closure = AnalyzeClosure(defs, *root);
  scan.pruned_ = closure.has_value();
  scan.memoizable_ = closure && closure->deterministic && closure->tokenized;
  for (const dmn::InputData& in : defs.input_data) {
    if (closure && !closure->input_ids.contains(in.id)) continue;
    auto source = def.inputs.find(in.name);
    if (source == def.inputs.end()) {
      return FailedPrecondition(fmt::format("service '{}': input data '{}' (id {}) is not mapped",
                                            bundle.id(), in.name, in.id));
    }
    Input input;
    input.name = in.name;
    input.kind = source->second.kind;
    input.use = closure ? closure->use.at(in.id) : InputUse::kValue;
    input.declared_kind = DeclaredKind(in.variable.type_ref);
    if (input.use == InputUse::kProperties) {
      const auto& props = closure->properties.at(in.id);
      input.properties.assign(props.begin(), props.end());
    }
    if (input.kind == InputSource::Kind::kField) {
      input.extractor = FindFieldExtractor(source->second.name);
      if (input.extractor == nullptr) {
        return FailedPrecondition(fmt::format("service '{}': input '{}': no extractor reads '{}'",
                                              bundle.id(), in.name, source->second.name));
      }
    } else if (input.kind == InputSource::Kind::kParameter) {
      input.parameter = source->second.name;
    }
    if (closure) input.representatives = Representatives(input, *closure, in.id);
    if (!input.representatives.empty()) scan.finite_.push_back(scan.inputs_.size());
    scan.inputs_.push_back(std::move(input));
  }
  std::vector<std::string> kommuner{""};
  for (const registry::Kommune& k : registry::AllKommuner()) kommuner.push_back(k.number);
  std::map<std::string, uint32_t> classes;
  for (const std::string& k : kommuner) {
    KommuneEntry e = scan.MakeEntry(k);
    auto [it, added] = classes.emplace(Signature(e.values), static_cast<uint32_t>(classes.size()));
    e.parameter_class = it->second;
    scan.kommuner_.emplace(k, std::move(e));
  }
  return scan;
}

std::vector<feel::Value> EligibilityScan::ParameterValues(const KommuneParameters& params) const {
  std::vector<feel::Value> values;
  for (const Input& in : inputs_) {
    if (in.kind != InputSource::Kind::kParameter) continue;
    const ParameterValue* p = params.Find(in.parameter);
    values.push_back(p != nullptr ? p->ToFeel() : feel::Value());
  }
  return values;
}

EligibilityScan::KommuneEntry EligibilityScan::MakeEntry(std::string_view kommunenummer) const {
  KommuneEntry e;
  e.params = bundle_->ParametersFor(kommunenummer);
  e.values = ParameterValues(e.params);
  e.parameter_class = kNoClass;  // Create numbers the table's; others are not memoised
  return e;
}

KommuneParameters EligibilityScan::ParametersFor(std::string_view kommunenummer) const {
  auto it = kommuner_.find(std::string(kommunenummer));
  return it != kommuner_.end() ? it->second.params : bundle_->ParametersFor(kommunenummer);
}

EligibilityScan::Worker::Worker(const EligibilityScan& scan) : scan_(&scan) {
  inputs_.reserve(scan.inputs_.size());
  for (const Input& in : scan.inputs_) inputs_.emplace_back(in.name, feel::Value());
}

Result<bool> EligibilityScan::Worker::Eligible(const registry::Person& person,
                                               const PersonLookup& lookup,
                                               const KommuneParameters& params, CivilDate today) {
  parameter_values_ = scan_->ParameterValues(params);
  Fill(person, lookup, parameter_values_, today, /*skip_finite=*/false);
  return Run();
}

void EligibilityScan::Worker::Fill(const registry::Person& person, const PersonLookup& lookup,
                                   std::span<const feel::Value> parameter_values, CivilDate today,
                                   bool skip_finite) {
  const ExtractionContext ctx{person, lookup, today, nullptr};
  size_t next_parameter = 0;
  for (size_t i = 0; i < scan_->inputs_.size(); ++i) {
    const Input& in = scan_->inputs_[i];
    feel::Value& v = inputs_[i].value;
    switch (in.kind) {
      case InputSource::Kind::kField:
        if (!skip_finite || in.representatives.empty()) v = in.extractor->extract(ctx);
        break;
      case InputSource::Kind::kParameter:
        v = parameter_values[next_parameter++];
        break;
      case InputSource::Kind::kToday:
        v = feel::Value::FromDate(feel::Date{today.days()});
        break;
    }
  }
}

Result<bool> EligibilityScan::Worker::Run() {
  PROAKTIV_ASSIGN_OR_RETURN(dmn::Outcome out,
                            scan_->bundle_->model().EvaluateDecision(kEligible, inputs_));
  if (!out.value.is(feel::ValueKind::kBoolean)) {
    std::string notes;
    for (const std::string& m : out.messages) notes += "; " + m;
    return FailedPrecondition(
        fmt::format("service '{}': decision 'Eligible' returned {}, expected a boolean{}",
                    scan_->bundle_->id(), out.value.DebugString(), notes));
  }
  return out.value.AsBoolean();
}

int EligibilityScan::Determine(Worker& worker, const registry::Person& person,
                               const PersonLookup& lookup,
                               std::span<const feel::Value> parameter_values, CivilDate today,
                               int64_t& evaluations) const {
  size_t combinations = 1;
  for (size_t i : finite_) {
    combinations *= inputs_[i].representatives.size();
    if (combinations > kMaxCombinations) return -1;
  }
  worker.Fill(person, lookup, parameter_values, today, /*skip_finite=*/true);
  int answer = -1;
  for (size_t c = 0; c < combinations; ++c) {
    size_t rest = c;
    for (size_t i : finite_) {
      const std::vector<feel::Value>& reps = inputs_[i].representatives;
      worker.inputs_[i].value = reps[rest % reps.size()];
      rest /= reps.size();
    }
    auto eligible = worker.Run();
    ++evaluations;
    if (!eligible) return -1;  // the person's own evaluation will tell
    if (answer < 0) answer = *eligible ? 1 : 0;
    if (answer != (*eligible ? 1 : 0)) return -1;
  }
  return answer;
}

Result<EligibilityScan::ScanResult> EligibilityScan::ScanAll(
    std::span<const registry::Person> persons, const PersonLookup& lookup, CivilDate today,
    const ScanOptions& options) const {
  ScanResult result;
  result.eligible.assign(persons.size(), 0);
  std::atomic<size_t> next{0};
  std::atomic<int64_t> evaluations{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::optional<Error> error;
  const bool memoize = options.memoize && memoizable_;

  auto run = [&] {
    Worker worker(*this);
    ScanKeys keys(inputs_);
    std::unordered_map<std::string, KommuneEntry> others;  // kommuner not in the table
    std::unordered_map<std::string, int8_t> prefixes;      // prefix key → 1, 0, -1: undecided
    std::unordered_map<std::string, uint8_t> memo;         // key → eligible
    std::string key;
    int64_t evaluated = 0;
    const KommuneEntry* entry = nullptr;  // of the previous person: persons come in kommune runs

    // The answer for `person`, from the memo when it can be keyed.
    auto decide = [&](const registry::Person& person) -> Result<bool> {
      bool keyed = false;
      key.clear();
      if (memoize && entry->parameter_class != kNoClass &&
          keys.Append(person, lookup, today, /*finite=*/false, key)) {
        ScanKeys::AppendBytes(key, entry->parameter_class);
        keyed = true;
        if (!finite_.empty()) {
          auto [prefix, added] = prefixes.try_emplace(key, -1);
          if (added) {
            prefix->second = static_cast<int8_t>(
                Determine(worker, person, lookup, entry->values, today, evaluated));
          }
          if (prefix->second >= 0) return prefix->second == 1;
          keyed = keys.Append(person, lookup, today, /*finite=*/true, key);
        }
        if (keyed) {
          if (auto hit = memo.find(key); hit != memo.end()) return hit->second != 0;
        }
      }
      worker.Fill(person, lookup, entry->values, today, /*skip_finite=*/false);
      auto eligible = worker.Run();
      ++evaluated;
      if (eligible && keyed) memo.emplace(key, *eligible ? 1 : 0);
      return eligible;
    };

    while (!failed.load(std::memory_order_relaxed)) {
      const size_t begin = next.fetch_add(kChunk);
      if (begin >= persons.size()) break;
      const size_t end = std::min(persons.size(), begin + kChunk);
      for (size_t i = begin; i < end; ++i) {
        if (i + kPrefetch < end) Prefetch(persons[i + kPrefetch]);
        const registry::Person& person = persons[i];
        const registry::Address* address = person.residence.current();
        const std::string_view kommune =
            address ? std::string_view(address->kommunenummer) : std::string_view();
        if (entry == nullptr || entry->params.kommunenummer != kommune) {
          const std::string k(kommune);
          if (auto it = kommuner_.find(k); it != kommuner_.end()) {
            entry = &it->second;
          } else {
            auto o = others.find(k);
            if (o == others.end()) o = others.emplace(k, MakeEntry(k)).first;
            entry = &o->second;  // elements of an unordered_map do not move
          }
        }
        auto eligible = decide(person);
        if (!eligible) {
          std::lock_guard lock(error_mutex);
          if (!error) {
            error = eligible.error().WithContext(fmt::format("person at position {}", i));
          }
          failed = true;
          break;
        }
        result.eligible[i] = *eligible ? 1 : 0;
      }
    }
    evaluations += evaluated;
  };

  const int n = std::max(1, options.threads);
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(run);
  run();
  for (std::thread& t : pool) t.join();
  if (error) return tl::unexpected(*error);
  result.evaluations = evaluations.load();
  return result;
}

}  // namespace proaktiv::engine

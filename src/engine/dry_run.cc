#include "engine/dry_run.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>

#include <fmt/format.h>

#include "common/national_id.h"
#include "engine/eligibility_scan.h"
#include "registry/kommune.h"

namespace proaktiv::engine {

namespace {

using Seconds = std::chrono::duration<double>;

bool IsResident(const registry::Person& p) {
  return !p.is_dead() && p.current_status() == registry::PersonStatus::kBosatt;
}

std::string Masked(std::string_view number) {
  auto id = NationalId::Parse(number);
  return id ? id->Masked() : MaskIdentity(number);
}

}  // namespace

void Residents::Index() {
  by_id_.reserve(persons.size() + relatives.size());
  auto add = [this](const std::vector<registry::Person>& group, size_t& done) {
    for (; done < group.size(); ++done) {
      for (const auto& fact : group[done].identity_numbers) {
        by_id_.emplace(fact.value.number, &group[done]);
      }
    }
  };
  add(persons, indexed_persons_);
  add(relatives, indexed_relatives_);
  lookup_ = [this](std::string_view number) -> const registry::Person* {
    auto it = by_id_.find(std::string(number));
    return it == by_id_.end() ? nullptr : it->second;
  };
}

Result<std::unique_ptr<Residents>> LoadResidents(store::RegistryStore& store,
                                                 std::string_view kommunenummer) {
  const auto start = std::chrono::steady_clock::now();
  auto out = std::make_unique<Residents>();
  out->kommunenummer = std::string(kommunenummer);
  if (const registry::Kommune* k = registry::FindKommune(kommunenummer)) {
    out->persons.reserve(static_cast<size_t>(k->population + k->population / 16));
  }
  PROAKTIV_RETURN_IF_ERROR(
      store.settings().ForEachPersonIn(kommunenummer, [&](int64_t, registry::Person&& p) {
        if (IsResident(p)) out->persons.push_back(std::move(p));
        return true;
      }));
  out->Index();
  // Relatives living elsewhere (or not resident): one lookup each.
  std::unordered_set<std::string> wanted;
  auto want = [&](const std::string& number) {
    if (!number.empty() && out->lookup()(number) == nullptr) wanted.insert(number);
  };
  for (const registry::Person& p : out->persons) {
    for (const auto& r : p.relations) want(r.value.related_id);
    for (const auto& r : p.responsibility) want(r.value.holder_id);
  }
  std::unordered_set<std::string> read;
  for (const std::string& number : wanted) {
    if (read.contains(number)) continue;  // another number of a relative already read
    PROAKTIV_ASSIGN_OR_RETURN(auto found, store.FindPerson(number));
    if (!found) continue;
    for (const auto& fact : found->person.identity_numbers) read.insert(fact.value.number);
    out->relatives.push_back(std::move(found->person));
  }
  if (!out->relatives.empty()) out->Index();
  out->read_seconds = Seconds(std::chrono::steady_clock::now() - start).count();
  return out;
}

Result<DryRunResult> CompareModels(const ServiceBundle& current, const ServiceBundle& candidate,
                                   const Residents& residents, CivilDate today,
                                   const DryRunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (current.id() != candidate.id()) {
    return InvalidArgument(
        fmt::format("the candidate is of service '{}', not '{}'", candidate.id(), current.id()));
  }
  const EligibilityScan::ScanOptions scan_options{.threads = std::max(1, options.threads),
                                                  .memoize = true};
  DryRunResult out;
  out.persons = static_cast<int64_t>(residents.persons.size());
  std::vector<uint8_t> before, after;
  for (const auto& [bundle, answers] :
       {std::pair{&current, &before}, std::pair{&candidate, &after}}) {
    PROAKTIV_ASSIGN_OR_RETURN(EligibilityScan scan, EligibilityScan::Create(*bundle));
    PROAKTIV_ASSIGN_OR_RETURN(
        auto scanned, scan.ScanAll(residents.persons, residents.lookup(), today, scan_options));
    *answers = std::move(scanned.eligible);
    out.evaluations += scanned.evaluations;
  }

  for (size_t i = 0; i < residents.persons.size(); ++i) {
    out.current_eligible += before[i];
    out.candidate_eligible += after[i];
    if (before[i] == after[i]) continue;
    const bool gained = after[i] != 0;
    (gained ? out.gained_count : out.lost_count) += 1;
    std::vector<DryRunPerson>& list = gained ? out.gained : out.lost;
    if (list.size() >= options.max_listed) continue;
    const registry::Person& p = residents.persons[i];
    DryRunPerson shown;
    shown.masked_id = Masked(p.id());
    if (auto birth = p.birth_date()) shown.birth_year = birth->year();
    auto decided =
        candidate.Decide(p, residents.lookup(), candidate.ParametersFor(p.kommunenummer()), today);
    if (decided) shown.reason = decided->reason;
    list.push_back(std::move(shown));
  }
  out.scan_seconds = Seconds(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace proaktiv::engine

#include "synth/baseline.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "synth/geography.h"
#include "synth/guardianship.h"
#include "synth/households.h"
#include "synth/person_builder.h"

namespace proaktiv::synth {

Result<std::vector<int>> ResolveKommuner(bool all, const std::vector<std::string>& numbers) {
  std::vector<int> out;
  if (all) {
    for (size_t i = 0; i < Kommuner().size(); ++i) out.push_back(static_cast<int>(i));
    return out;
  }
  if (numbers.empty()) return InvalidArgument("no kommune selected: give --all or --kommune");
  for (const std::string& n : numbers) {
    int k = KommuneIndex(n);
    if (k < 0) {
      return InvalidArgument(
          fmt::format("unknown kommune number '{}' (expected one of the 357 "
                      "four-digit numbers of 2024, e.g. 0301)",
                      n));
    }
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<Baseline> MakeBaseline(const std::vector<int>& kommuner, CivilDate reference, uint64_t seed,
                              int threads, const std::function<void(int64_t, int64_t)>& progress) {
  Baseline b;
  b.selected.assign(Kommuner().size(), 0);
  for (int k : kommuner) {
    b.selected[static_cast<size_t>(k)] = 1;
    b.selected_population += Kommuner()[static_cast<size_t>(k)].population;
  }
  // Largest first so that the threads finish together.
  std::vector<size_t> order(kommuner.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return Kommuner()[static_cast<size_t>(kommuner[x])].population >
           Kommuner()[static_cast<size_t>(kommuner[y])].population;
  });
  std::vector<Population> parts(kommuner.size());
  std::atomic<size_t> next{0};
  std::atomic<int64_t> done{0};
  std::mutex progress_mu;
  auto work = [&] {
    for (size_t j = next++; j < order.size(); j = next++) {
      int k = kommuner[order[j]];
      parts[order[j]] =
          GenerateKommune(seed, k, Kommuner()[static_cast<size_t>(k)].population, reference);
      AssignGuardianship(parts[order[j]], seed, k, reference);
      int64_t d = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        progress(d, static_cast<int64_t>(order.size()));
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < std::max(1, threads); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  size_t total = 0;
  for (const auto& p : parts) total += p.persons.size();
  b.pop.persons.reserve(total + total / 20);
  for (auto& part : parts) {
    const auto person_offset = static_cast<int32_t>(b.pop.persons.size());
    const auto household_offset = static_cast<int32_t>(b.pop.households.size());
    auto shift = [](int32_t v, int32_t by) { return v == kNone ? kNone : v + by; };
    for (SynthPerson p : part.persons) {
      p.household = shift(p.household, household_offset);
      p.mother = shift(p.mother, person_offset);
      p.father = shift(p.father, person_offset);
      p.partner = shift(p.partner, person_offset);
      p.next_in_household = shift(p.next_in_household, person_offset);
      p.civil_related = shift(p.civil_related, person_offset);
      b.pop.persons.push_back(p);
    }
    for (Household h : part.households) {
      h.first = shift(h.first, person_offset);
      b.pop.households.push_back(h);
    }
    part = Population{};
  }
  for (size_t i = 0; i < b.pop.persons.size(); ++i) {
    SynthPerson& p = b.pop.persons[i];
    PROAKTIV_ASSIGN_OR_RETURN(p.id,
                              b.ids.Next(p.birth_date(), p.female(), p.Has(PersonFlag::kDNumber)));
    const auto sequence = static_cast<int64_t>(i + 1);
    p.name_fact = FactRef{sequence, kNameFact};
    p.address_fact = FactRef{sequence, kAddressFact};
    p.Set(PersonFlag::kInSelection);
  }
  return b;
}

}  // namespace proaktiv::synth

#include "engine/occurrence.h"

#include <charconv>

#include <fmt/format.h>

namespace proaktiv::engine {

std::string DateOccurrence(CivilDate due) { return fmt::format("date:{}", due.year()); }

std::string EventOccurrence(int64_t sequence) { return fmt::format("event:{}", sequence); }

std::vector<store::DueEntry> DateIndexEntries(const ServiceLibrary& library, int64_t key,
                                              const registry::Person& person, CivilDate from) {
  std::vector<store::DueEntry> out;
  const auto birth = person.birth_date();
  if (!birth) return out;
  const std::string kommune = person.kommunenummer();
  for (const auto& bundle : library.bundles()) {
    const auto& triggers = bundle->definition().triggers;
    const KommuneParameters params = bundle->ParametersFor(kommune);
    for (size_t i = 0; i < triggers.size(); ++i) {
      if (!triggers[i].date) continue;
      CivilDate due = triggers[i].date->DueDate(*birth, params);
      if (due < from) continue;
      out.push_back(store::DueEntry{due.days(), key, bundle->id(), static_cast<int>(i), ""});
    }
  }
  return out;
}

std::optional<CivilDate> CurrentDueDate(const ServiceBundle& bundle, int trigger_no,
                                        const registry::Person& person) {
  const auto& triggers = bundle.definition().triggers;
  if (trigger_no < 0 || static_cast<size_t>(trigger_no) >= triggers.size()) return std::nullopt;
  const auto& trigger = triggers[static_cast<size_t>(trigger_no)];
  const auto birth = person.birth_date();
  if (!trigger.date || !birth) return std::nullopt;
  return trigger.date->DueDate(*birth, bundle.ParametersFor(person.kommunenummer()));
}

std::optional<CivilDate> RecentDueDate(const ServiceBundle& bundle, const registry::Person& person,
                                       CivilDate today) {
  std::optional<CivilDate> latest;
  const auto& triggers = bundle.definition().triggers;
  for (size_t i = 0; i < triggers.size(); ++i) {
    auto due = CurrentDueDate(bundle, static_cast<int>(i), person);
    if (!due || *due > today || *due <= today.AddDays(-365)) continue;
    if (!latest || *due > *latest) latest = due;
  }
  return latest;
}

bool DateOccurrenceHolds(const ServiceBundle& bundle, const registry::Person& person,
                         std::string_view occurrence) {
  constexpr std::string_view kPrefix = "date:";
  if (!occurrence.starts_with(kPrefix)) return true;
  int year = 0;
  std::string_view digits = occurrence.substr(kPrefix.size());
  std::from_chars(digits.data(), digits.data() + digits.size(), year);
  const auto& triggers = bundle.definition().triggers;
  for (size_t i = 0; i < triggers.size(); ++i) {
    auto due = CurrentDueDate(bundle, static_cast<int>(i), person);
    if (due && due->year() == year) return true;
  }
  return false;
}

}  // namespace proaktiv::engine

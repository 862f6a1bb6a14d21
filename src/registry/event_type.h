#pragma once

// The population register's event types (hendelsetype), from data/freg_hendelsestyper.csv.
// Immutable after first use; safe from any thread.

#include <span>
#include <string>
#include <string_view>

namespace proaktiv::registry {

struct EventType {
  std::string name;   // "personErDoed"
  std::string group;  // opprettelse, status, forstaaelse, enkeltopplysning, other
  std::string meaning;
  std::string life_event_use;  // how proaktiv uses it ("death; stop all offers")
};

std::span<const EventType> AllEventTypes();
// nullptr for a type the register's documentation does not list (kept and reported by intake).
const EventType* FindEventType(std::string_view name);

}  // namespace proaktiv::registry

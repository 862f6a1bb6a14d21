#pragma once

// The schedule of a period's life events: how many of each kind happen (Poisson draws around
// SSB's yearly national rates, listed in synth/event_simulator.h, scaled by the selection's share
// of Norway and the period's length) and when (a uniform day of the period, a time between 07:00
// and 19:00), in time order. Deterministic: it draws from `rng` only, in a fixed order.

#include <cstdint>
#include <vector>

#include "synth/event_simulator.h"
#include "synth/random.h"

namespace proaktiv::synth {

enum class LifeEventKind : uint8_t {
  kBirth,
  kStillbirth,
  kDeath,
  kMoveBetween,  // a household moves to another kommune
  kMoveIn,       // a household moves into the selection from outside it
  kMoveWithin,   // a household moves inside its kommune
  kMarriage,
  kDivorce,
  kCorrection,  // korrigere of a current address or name
  kAnnulment,   // annullere of an address or name registered earlier in the period
};

struct ScheduledLifeEvent {
  int32_t day;     // days since 1970-01-01
  int32_t millis;  // since midnight, Oslo time
  LifeEventKind kind;
};

// `household_size` (persons per household) turns the rates of persons moving into households
// moving; `outside_share` is the share of Norway's population outside the selection, where
// persons moving in come from.
std::vector<ScheduledLifeEvent> ScheduleLifeEvents(const SimulationOptions& options,
                                                   double household_size, double outside_share,
                                                   Rng& rng);

}  // namespace proaktiv::synth

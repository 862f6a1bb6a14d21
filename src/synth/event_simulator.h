#pragma once

// Simulates a period of life events on a population and writes them as feed entries.
//
// Yearly national rates (SSB, rounded): 52 000 births, 44 000 deaths, 250 000 persons moving
// between municipalities, 500 000 moving within one, 18 000 marriages, 9 000 divorces, about
// 180 stillbirths; scaled by the selection's share of Norway's 5 550 203 inhabitants and the
// period's length. On top: ~0.4 % corrections (korrigere of a current address or name) and
// ~0.1 % annulments (annullere of an address or name registered earlier in the period).
//
// Each entry is about one person and carries only that person's data: a birth is the child's
// personErOpprettet with its persondokument plus endringIFamilierelasjon and
// endringIForeldreansvar on each parent; a death is personErDoed on the deceased and
// endringISivilstand (enkeEllerEnkemann) on a surviving spouse; a household moving is one
// endringIBostedsadresse per member. A person moving out of the selection keeps status bosatt
// with the new address elsewhere and is not followed afterwards; a person moving in from
// outside arrives with a persondokument (the old address) and the new address as a change.
// Entries come in time order with increasing sequence numbers from `first_sequence`.
//
// Deterministic for (population, seed, options). Mutates `pop` and `ids`; single-threaded.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/civil_date.h"
#include "common/result.h"
#include "synth/identity_allocator.h"
#include "synth/population.h"

namespace proaktiv::synth {

struct SimulationOptions {
  CivilDate from;  // first day of the period
  CivilDate to;    // day after the period
  uint64_t seed = 1;
  std::vector<char> selected;       // per kommune index: 1 when in the selection
  int64_t selected_population = 0;  // for scaling the national rates
};

struct SimulationCounts {
  std::map<std::string, int64_t> entries_by_type;  // hendelsetype → entries
  std::map<std::string, int64_t> life_events;      // "births", "deaths", "moves_within", …
  int64_t entries = 0;
  int64_t last_sequence = 0;
};

// `sink` receives each JSON line (ending in '\n'); `progress` (may be empty) gets
// (events done, events planned) now and then.
Result<SimulationCounts> SimulateEvents(Population& pop, IdentityAllocator& ids,
                                        const SimulationOptions& options, int64_t first_sequence,
                                        const std::function<void(std::string_view)>& sink,
                                        const std::function<void(int64_t, int64_t)>& progress);

}  // namespace proaktiv::synth

#pragma once

// Guardianship (vergemål) in the synthetic population: a small share of adults have a
// guardian appointed by the statsforvalter for their personal and economic interests —
// 0.6 % at 18–66, 1.2 % at 67–79 and 2.5 % at 80 and over (about 0.8 % of all adults);
// D-number holders never. The office
// (embete) is the statsforvalter of the kommune's county at the baseline date and is kept
// when the person later moves. The guardian is not a person of the synthetic register (a
// professional guardian), so the fact has no motpartsPersonidentifikator.
//
// Deterministic for (seed, kommune), from its own random stream: adding guardianship changed
// no other byte of the generated files. Pure functions; safe from any thread.

#include <cstdint>
#include <string_view>

#include "common/civil_date.h"
#include "registry/person.h"
#include "synth/population.h"

namespace proaktiv::synth {

// Marks the adults of `part` (the persons of kommune index `kommune`, as GenerateKommune made
// them) who are under guardianship on `reference`.
void AssignGuardianship(Population& part, uint64_t seed, int kommune, CivilDate reference);

// The statsforvalter office serving a county, as the register names it
// ("statsforvalterenIOsloOgViken"); empty for an unknown county.
std::string_view EmbeteForCounty(std::string_view county);

// The register fact of a person marked by AssignGuardianship (p.guardianship != 0).
registry::Guardianship GuardianshipOf(const SynthPerson& p);

}  // namespace proaktiv::synth

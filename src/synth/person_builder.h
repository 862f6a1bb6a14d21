#pragma once

// Turns a compact person into the register document (registry::Person) and builds the JSON of
// single entity changes for feed entries.
//
// Fact ids are "<sequence>-<n>" where `sequence` is the feed entry that registers the document;
// the facts are numbered in a fixed order so that others can refer to them later:
//   1 identifikasjonsnummer, 2 navn, 3 kjoenn, 4 foedsel, 5 folkeregisterpersonstatus,
//   6 bostedsadresse, 7 adressebeskyttelse (only when graded), 8 sivilstand,
//   9… familierelasjon (parents, then children at home), then foreldreansvar, then
//   vergemaalEllerFremtidsfullmakt (only under guardianship).
// Stateless; safe from any thread as long as the population is not being changed.

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "registry/person.h"
#include "synth/population.h"

namespace proaktiv::synth {

inline constexpr uint16_t kNameFact = 2;
inline constexpr uint16_t kAddressFact = 6;
inline constexpr uint16_t kFirstFreeFact = 40;  // changes in the same entry number from here

// The document of `index`; every fact's `sequence` field is `fact_sequence` (0 for the
// baseline, the entry's sequence for documents inside the feed).
registry::Person BuildPerson(const Population& pop, int32_t index, int64_t sequence,
                             int64_t fact_sequence);

registry::PersonName NameOf(const SynthPerson& p);

}  // namespace proaktiv::synth

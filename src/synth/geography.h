#pragma once

// Plausible addresses inside a municipality: each kommune has its own street names (about one
// street per 300 inhabitants) and a block of postal codes inside its county's real range
// (Oslo 0150–1299, Vestland 5000–5999, Troms 9000–9499, …); the postal place is the kommune's
// name. Immutable tables built on first use; safe from any thread.

#include <cstdint>
#include <span>
#include <string>

#include "common/civil_date.h"
#include "registry/kommune.h"
#include "registry/person.h"
#include "synth/population.h"
#include "synth/random.h"

namespace proaktiv::synth {

// All municipalities (registry::AllKommuner()), indexed as SynthAddress::kommune.
std::span<const registry::Kommune> Kommuner();
// Index of a kommune number in Kommuner(), or -1.
int KommuneIndex(std::string_view number);

// A random address in kommune `kommune` with the given moving-in date.
SynthAddress RandomAddress(Rng& rng, int kommune, CivilDate moved_in);

// The register form of an address.
registry::Address ToRegistryAddress(const SynthAddress& a);

// True when written Norwegian in the kommune's county leans to nynorsk (Vestland, Møre og
// Romsdal): used for the language preference in the contact register.
double NynorskShare(int kommune);

}  // namespace proaktiv::synth

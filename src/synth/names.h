#pragma once

// Built-in lists of common Norwegian given names (by sex), family names and street-name
// parts. Immutable static data; safe from any thread. Indices into these lists are what the
// compact population stores.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace proaktiv::synth {

std::span<const std::string_view> GivenNames(bool female);
std::span<const std::string_view> FamilyNames();

// Street names are a prefix ("Bjørke") plus a suffix ("veien"): about 2 000 combinations.
int StreetNameCount();
// The street name with combination index `i` (0 <= i < StreetNameCount()).
std::string StreetName(int i);

}  // namespace proaktiv::synth

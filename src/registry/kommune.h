#pragma once

// The 357 municipalities of 2024 (number, name, county, population), built into the binary.
// The table is immutable after first use; safe from any thread.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace proaktiv::registry {

struct Kommune {
  std::string number;  // kommunenummer, four digits ("0301")
  std::string name;
  std::string county;
  int64_t population = 0;  // 1 January 2024
};

std::span<const Kommune> AllKommuner();
// nullptr when `number` is not a 2024 municipality.
const Kommune* FindKommune(std::string_view number);

}  // namespace proaktiv::registry

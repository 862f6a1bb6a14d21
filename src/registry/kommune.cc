#include "registry/kommune.h"

#include <charconv>
#include <vector>

#include "common/csv.h"
#include "registry/catalog_data.h"

namespace proaktiv::registry {
namespace {

const std::vector<Kommune>& Table() {
  static const std::vector<Kommune> table = [] {
    std::vector<Kommune> out;
    auto rows = proaktiv::ParseCsv(kKommunerCsv);
    for (size_t i = 1; i < rows.size(); ++i) {
      const auto& r = rows[i];
      Kommune k{r.at(0), r.at(1), r.at(2), 0};
      std::from_chars(r.at(3).data(), r.at(3).data() + r.at(3).size(), k.population);
      out.push_back(std::move(k));
    }
    return out;
  }();
  return table;
}

}  // namespace

std::span<const Kommune> AllKommuner() { return Table(); }

const Kommune* FindKommune(std::string_view number) {
  for (const auto& k : Table()) {
    if (k.number == number) return &k;
  }
  return nullptr;
}

}  // namespace proaktiv::registry

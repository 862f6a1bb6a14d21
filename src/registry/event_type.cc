#include "registry/event_type.h"

#include <vector>

#include "common/csv.h"
#include "registry/catalog_data.h"

namespace proaktiv::registry {
namespace {

const std::vector<EventType>& Table() {
  static const std::vector<EventType> table = [] {
    std::vector<EventType> out;
    auto rows = proaktiv::ParseCsv(kHendelsestyperCsv);
    for (size_t i = 1; i < rows.size(); ++i) {
      auto& r = rows[i];
      r.resize(4);
      out.push_back(EventType{r[0], r[1], r[2], r[3]});
    }
    return out;
  }();
  return table;
}

}  // namespace

std::span<const EventType> AllEventTypes() { return Table(); }

const EventType* FindEventType(std::string_view name) {
  for (const auto& t : Table()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace proaktiv::registry

#include "synth/geography.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "synth/names.h"

namespace proaktiv::synth {
namespace {

struct CountyRange {
  std::string_view county;
  int lo;
  int hi;  // exclusive
  double nynorsk;
};

constexpr std::array<CountyRange, 15> kCounties = {{
    {"Oslo", 150, 1300, 0.01},
    {"Akershus", 1300, 1500, 0.01},
    {"Østfold", 1500, 1900, 0.01},
    {"Innlandet", 2000, 3000, 0.08},
    {"Vestfold", 3100, 3300, 0.01},
    {"Buskerud", 3300, 3700, 0.05},
    {"Telemark", 3700, 4000, 0.10},
    {"Rogaland", 4000, 4400, 0.12},
    {"Agder", 4400, 5000, 0.06},
    {"Vestland", 5000, 6000, 0.45},
    {"Møre og Romsdal", 6000, 7000, 0.30},
    {"Trøndelag", 7000, 8000, 0.03},
    {"Nordland", 8000, 9000, 0.02},
    {"Troms", 9000, 9500, 0.01},
    {"Finnmark", 9500, 10000, 0.01},
}};

struct Geo {
  int postal_lo = 0;
  int postal_count = 1;
  int streets = 1;
  int street_offset = 0;
  double nynorsk = 0.02;
};

const std::vector<Geo>& Table() {
  static const std::vector<Geo> table = [] {
    auto all = registry::AllKommuner();
    std::vector<Geo> out(all.size());
    for (const CountyRange& c : kCounties) {
      std::vector<size_t> members;
      for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].county == c.county) members.push_back(i);
      }
      if (members.empty()) continue;
      int width = (c.hi - c.lo) / static_cast<int>(members.size());
      if (width < 1) width = 1;
      for (size_t j = 0; j < members.size(); ++j) {
        Geo& g = out[members[j]];
        int64_t pop = all[members[j]].population;
        g.postal_lo = c.lo + static_cast<int>(j) * width;
        g.postal_count = std::min<int>(width, 1 + static_cast<int>(pop / 5000));
        g.nynorsk = c.nynorsk;
      }
    }
    for (size_t i = 0; i < all.size(); ++i) {
      int64_t streets = 8 + all[i].population / 300;
      out[i].streets = static_cast<int>(std::min<int64_t>(streets, StreetNameCount()));
      out[i].street_offset = static_cast<int>((i * 7919) % static_cast<size_t>(StreetNameCount()));
    }
    return out;
  }();
  return table;
}

}  // namespace

std::span<const registry::Kommune> Kommuner() { return registry::AllKommuner(); }

int KommuneIndex(std::string_view number) {
  auto all = Kommuner();
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].number == number) return static_cast<int>(i);
  }
  return -1;
}

SynthAddress RandomAddress(Rng& rng, int kommune, CivilDate moved_in) {
  const Geo& g = Table()[static_cast<size_t>(kommune)];
  SynthAddress a;
  a.kommune = static_cast<uint16_t>(kommune);
  int j = static_cast<int>(rng.Below(static_cast<uint32_t>(g.streets)));
  // Stride 7 is coprime to the 2 000 combinations, so a kommune's streets are distinct.
  a.street = static_cast<uint16_t>((g.street_offset + j * 7) % StreetNameCount());
  a.postal = static_cast<uint16_t>(g.postal_lo + j % g.postal_count);
  a.house = static_cast<uint16_t>(1 + rng.Below(rng.Chance(0.7) ? 40 : 160));
  a.letter = rng.Chance(0.12) ? static_cast<uint8_t>(1 + rng.Below(4)) : 0;
  a.moved_in = moved_in.days();
  return a;
}

registry::Address ToRegistryAddress(const SynthAddress& a) {
  registry::Address out;
  out.street = StreetName(a.street);
  out.house_number = std::to_string(a.house);
  if (a.letter > 0) out.house_number += static_cast<char>('A' + a.letter - 1);
  char postal[5];
  postal[0] = static_cast<char>('0' + a.postal / 1000 % 10);
  postal[1] = static_cast<char>('0' + a.postal / 100 % 10);
  postal[2] = static_cast<char>('0' + a.postal / 10 % 10);
  postal[3] = static_cast<char>('0' + a.postal % 10);
  postal[4] = 0;
  out.postal_code = postal;
  const registry::Kommune& k = Kommuner()[a.kommune];
  out.postal_place = k.name;
  out.kommunenummer = k.number;
  out.moved_in = CivilDate::FromDays(a.moved_in);
  return out;
}

double NynorskShare(int kommune) { return Table()[static_cast<size_t>(kommune)].nynorsk; }

}  // namespace proaktiv::synth

#include "synth/age_pyramid.h"

#include <array>

namespace proaktiv::synth {
namespace {

// Persons (thousands) per five-year group 0–4 … 100–104, men and women, rounded from SSB.
constexpr std::array<double, 21> kMen = {136, 151, 163, 170, 182, 194, 203, 197, 192, 189, 195,
                                         184, 166, 149, 136, 104, 58,  29,  11,  2.4, 0.2};
constexpr std::array<double, 21> kWomen = {129, 143, 155, 161, 172, 184, 192, 186, 181, 181, 187,
                                           177, 163, 150, 142, 117, 74,  45,  22,  6.5, 0.8};

struct Table {
  std::array<double, 2 * (kMaxAge + 1)> cumulative{};  // men 0..105, then women 0..105
  double total = 0;
};

const Table& GetTable() {
  static const Table table = [] {
    Table t;
    double sum = 0;
    for (int s = 0; s < 2; ++s) {
      for (int age = 0; age <= kMaxAge; ++age) {
        sum += PyramidWeight(age, s == 1);
        t.cumulative[s * (kMaxAge + 1) + age] = sum;
      }
    }
    t.total = sum;
    return t;
  }();
  return table;
}

}  // namespace

double PyramidWeight(int age, bool female) {
  if (age < 0 || age > kMaxAge) return 0;
  const auto& groups = female ? kWomen : kMen;
  size_t g = static_cast<size_t>(age / 5);
  if (g >= groups.size()) g = groups.size() - 1;
  // Linear interpolation between group midpoints keeps the shape smooth across groups.
  double mid = g * 5 + 2;
  double here = groups[g] / 5.0;
  double pos = age - mid;
  size_t other = pos >= 0 ? (g + 1 < groups.size() ? g + 1 : g) : (g > 0 ? g - 1 : g);
  double there = groups[other] / 5.0;
  double w = here + (there - here) * (pos >= 0 ? pos : -pos) / 5.0;
  return w > 0 ? w : 0.001;
}

AgeSex SampleAgeSex(Rng& rng) {
  const Table& t = GetTable();
  double u = rng.Uniform() * t.total;
  size_t lo = 0;
  size_t hi = t.cumulative.size() - 1;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t.cumulative[mid] <= u) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return AgeSex{static_cast<int>(lo % (kMaxAge + 1)), lo > kMaxAge};
}

CivilDate BirthDateForAge(Rng& rng, int age, CivilDate reference) {
  // Born between (reference - age - 1 years, reference - age years].
  CivilDate latest = reference.AddYears(-age);
  CivilDate earliest = reference.AddYears(-age - 1).AddDays(1);
  int span = latest.days() - earliest.days() + 1;
  return earliest.AddDays(static_cast<int32_t>(rng.Below(static_cast<uint32_t>(span))));
}

}  // namespace proaktiv::synth

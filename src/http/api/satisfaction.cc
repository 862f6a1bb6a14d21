#include "http/api/satisfaction.h"

#include <cmath>

namespace proaktiv::http::api {

double StudentT975(int64_t df) {
  static constexpr double kTable[] = {
      12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851,
      2.364624252,  2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830,
      2.160368656,  2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040,
      2.093024054,  2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562,
      2.059538553,  2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456};
  if (df < 1) return NAN;
  if (df <= 30) return kTable[df - 1];
  // Cornish–Fisher: t = z + g1(z)/v + g2(z)/v² + g3(z)/v³ + g4(z)/v⁴ (Abramowitz & Stegun
  // 26.7.5), z the normal 0.975 quantile.
  const double z = 1.959963984540054;
  const double z2 = z * z;
  const double z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2;
  const double g1 = (z3 + z) / 4;
  const double g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const double g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const double g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  const double v = static_cast<double>(df);
  return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
}

SatisfactionSummary Summarize(const std::array<int64_t, 5>& counts) {
  SatisfactionSummary out;
  double sum = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    out.answers += counts[i];
    sum += static_cast<double>(counts[i]) * static_cast<double>(i + 1);
  }
  if (out.answers == 0) return out;
  const double n = static_cast<double>(out.answers);
  const double mean = sum / n;
  out.mean = mean;
  if (out.answers < 2) return out;
  double squares = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    const double d = static_cast<double>(i + 1) - mean;
    squares += static_cast<double>(counts[i]) * d * d;
  }
  const double sd = std::sqrt(squares / (n - 1));
  const double half = StudentT975(out.answers - 1) * sd / std::sqrt(n);
  out.ci95_low = mean - half;
  out.ci95_high = mean + half;
  return out;
}

}  // namespace proaktiv::http::api

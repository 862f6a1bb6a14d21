#pragma once

// Satisfaction statistics for the admin (getSatisfaction): from the count of answers 1 … 5 of a
// service, the mean and its 95 % confidence interval with Student's t on n − 1 degrees of
// freedom: mean ± t(0.975, n − 1) · s / √n, s the sample standard deviation. With fewer than two
// answers there is no interval (and with none no mean): those are absent (null in JSON). Pure
// functions; thread-safe.

#include <array>
#include <cstdint>
#include <optional>

namespace proaktiv::http::api {

// The 0.975 quantile of Student's t distribution with `df` ≥ 1 degrees of freedom (the factor of
// a two-sided 95 % interval): exact to 9 digits from a table for df ≤ 30, beyond that the
// Cornish–Fisher expansion around the normal quantile 1.959964 (error below 1e-7).
double StudentT975(int64_t df);

struct SatisfactionSummary {
  int64_t answers = 0;
  std::optional<double> mean;       // answers ≥ 1
  std::optional<double> ci95_low;   // answers ≥ 2
  std::optional<double> ci95_high;  // answers ≥ 2
};

// `counts[i]` answers of value i + 1.
SatisfactionSummary Summarize(const std::array<int64_t, 5>& counts);

}  // namespace proaktiv::http::api

#include "delivery/backoff.h"

#include <algorithm>

namespace proaktiv::delivery {

std::chrono::seconds BackoffDelay(const RetryPolicy& policy, int attempt, double u) {
  const int64_t base = std::max<int64_t>(1, policy.base_delay.count());
  const int64_t cap = std::max<int64_t>(base, policy.max_delay.count());
  int64_t d = base;
  for (int i = 1; i < attempt && d < cap; ++i) d *= 2;
  d = std::min(d, cap);
  u = std::clamp(u, 0.0, 1.0);
  const int64_t half = d / 2;
  return std::chrono::seconds(half + static_cast<int64_t>(u * static_cast<double>(d - half)));
}

}  // namespace proaktiv::delivery

#pragma once

// The dispatcher's retry policy: exponential back-off with jitter, and a dead-letter state
// after a number of tries. Stateless and thread-safe.

#include <chrono>

namespace proaktiv::delivery {

struct RetryPolicy {
  int max_tries = 6;  // attempts in all, the first included; then the message is dead
  std::chrono::seconds base_delay{60};
  std::chrono::seconds max_delay{6 * 3600};
};

// The wait after failed attempt number `attempt` (1 = the first): the nominal delay
// d = min(max_delay, base_delay · 2^(attempt−1)), jittered to d/2 + u·d/2 for u in [0, 1)
// ("equal jitter": never less than half, so retries spread out but still back off).
std::chrono::seconds BackoffDelay(const RetryPolicy& policy, int attempt, double u);

}  // namespace proaktiv::delivery

#pragma once

// A token bucket per channel: `rate` messages per second on average, bursts of up to `burst`.
// Time is passed in (from the dispatcher's Clock), so tests drive it. Not thread-safe: the
// dispatcher owns one per channel.

#include <chrono>

namespace proaktiv::delivery {

struct RateLimit {
  double per_second = 10;
  double burst = 20;
};

class TokenBucket {
 public:
  // Starts full at `now`. A rate of 0 or less means unlimited.
  TokenBucket(RateLimit limit, std::chrono::system_clock::time_point now);

  // Takes one token if there is one at `now`.
  bool TryTake(std::chrono::system_clock::time_point now);
  // How long until a token is available at `now` (zero when one is).
  std::chrono::system_clock::duration WaitTime(std::chrono::system_clock::time_point now);

 private:
  void Refill(std::chrono::system_clock::time_point now);

  RateLimit limit_;
  double tokens_;
  std::chrono::system_clock::time_point last_;
};

}  // namespace proaktiv::delivery

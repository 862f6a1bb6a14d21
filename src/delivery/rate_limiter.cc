#include "delivery/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace proaktiv::delivery {

TokenBucket::TokenBucket(RateLimit limit, std::chrono::system_clock::time_point now)
    : limit_(limit), tokens_(std::max(1.0, limit.burst)), last_(now) {
  limit_.burst = std::max(1.0, limit_.burst);
}

void TokenBucket::Refill(std::chrono::system_clock::time_point now) {
  if (now <= last_) return;
  const double elapsed = std::chrono::duration<double>(now - last_).count();
  tokens_ = std::min(limit_.burst, tokens_ + elapsed * limit_.per_second);
  last_ = now;
}

bool TokenBucket::TryTake(std::chrono::system_clock::time_point now) {
  if (limit_.per_second <= 0) return true;
  Refill(now);
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

std::chrono::system_clock::duration TokenBucket::WaitTime(
    std::chrono::system_clock::time_point now) {
  if (limit_.per_second <= 0) return {};
  Refill(now);
  if (tokens_ >= 1.0) return {};
  const double seconds = (1.0 - tokens_) / limit_.per_second;
  return std::chrono::duration_cast<std::chrono::system_clock::duration>(
      std::chrono::duration<double>(std::ceil(seconds * 1000.0) / 1000.0));
}

}  // namespace proaktiv::delivery

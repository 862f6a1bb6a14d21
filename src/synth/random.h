#pragma once

// The generator's only source of randomness: xoshiro256** (Blackman & Vigna, 2018) seeded
// through splitmix64. Both are fixed, fully specified algorithms, and every distribution here
// is computed by our own arithmetic (no <random> distributions, whose output differs between
// standard libraries), so the same seed gives the same bytes on every platform.
//
// A Rng is a value: copy it to fork a stream; not thread-safe. Independent streams come from
// Rng::Derive(seed, a, b), which mixes the seed with stream labels (kommune index, purpose).

#include <cmath>
#include <cstdint>

namespace proaktiv::synth {

// One step of splitmix64: advances `state` and returns a well-mixed 64-bit value.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t sm = seed;
    for (uint64_t& word : s_) word = SplitMix64(sm);
  }

  // A stream for (seed, a, b) independent of every other label pair.
  static Rng Derive(uint64_t seed, uint64_t a, uint64_t b = 0) {
    uint64_t sm = seed ^ 0x5851F42D4C957F2Dull;
    uint64_t mixed = SplitMix64(sm) ^ (a * 0xD1342543DE82EF95ull);
    sm = mixed;
    mixed = SplitMix64(sm) ^ (b * 0xA0761D6478BD642Full);
    return Rng(mixed);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) for n > 0 (Lemire's multiply-shift; the tiny bias is irrelevant here).
  uint32_t Below(uint32_t n) {
    return static_cast<uint32_t>(((Next() >> 32) * static_cast<uint64_t>(n)) >> 32);
  }
  // Uniform integer in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint32_t>(hi - lo + 1)));
  }
  // Uniform in [0, 1) with 53 bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Uniform() < p; }
  // Standard normal by Box–Muller (one value per call; the partner value is dropped).
  double Normal() {
    double u1 = Uniform();
    double u2 = Uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  // Poisson-distributed count: exact (Knuth) below 30, normal approximation above.
  int64_t Poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean < 30) {
      const double limit = std::exp(-mean);
      int64_t k = 0;
      double p = Uniform();
      while (p > limit) {
        ++k;
        p *= Uniform();
      }
      return k;
    }
    double x = std::floor(mean + std::sqrt(mean) * Normal() + 0.5);
    return x < 0 ? 0 : static_cast<int64_t>(x);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace proaktiv::synth

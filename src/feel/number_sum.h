#pragma once

// NumberSum: the sum of a sequence of Numbers, bit for bit the decimal128 that repeated
// Number::operator+ from Number() (zero, exponent 0) gives: same value, same exponent (scale:
// sum(1.50, 1) is 2.50), same rounding to 34 digits, same non-finite results. It is faster
// because IEEE 754 addition is exact whenever the exact sum fits in 34 digits at the smaller
// exponent of the two operands, and then returns exactly that coefficient and exponent. While
// that holds the running sum is kept as a 128-bit integer coefficient and an exponent, and an
// addend with the same exponent costs a few integer instructions. Every other step (the exact
// sum would need more than 34 digits, exponents too far apart to align in 34 digits, infinity,
// NaN, non-canonical encodings) goes through decimal128 addition of the running sum as it
// stands, and the integer path resumes from that result when it is a finite decimal.
// Thread-safety: a plain value type; use one instance per thread.

#include <cstdint>

#include "feel/number.h"

namespace proaktiv::feel {

class NumberSum {
 public:
  // Adds `n` to the running sum (as `sum = sum + n`).
  void Add(const Number& n) {
    uint64_t hi = n.hi();
    // The biased exponent field of the running sum is at most 12287, so a match also rules
    // out infinities, NaNs and the long-coefficient encoding (both top exponent bits set).
    if (exact_ && ((hi >> kExpShift) & kExpMask) == exp_) {
      I128 c = (static_cast<I128>(hi & kCoefHiMask) << 64) | n.lo();
      if (c <= kMaxCoef) {
        I128 s = coef_ + (hi >> 63 ? -c : c);
        if (static_cast<U128>(s + kMaxCoef) <= static_cast<U128>(2 * kMaxCoef)) {
          coef_ = s;
          return;
        }
      }
    }
    AddOther(n);
  }

  // The sum so far (Number() when nothing was added).
  Number Total() const;

 private:
  using I128 = __int128;
  using U128 = unsigned __int128;
  static constexpr int kExpShift = 49;  // the exponent field in the high word
  static constexpr uint64_t kExpMask = 0x3FFF;
  static constexpr uint64_t kCoefHiMask = (uint64_t{1} << kExpShift) - 1;
  static constexpr uint64_t kBias = 6176;
  // 10^34 - 1, the largest coefficient of a decimal128.
  static constexpr I128 kMaxCoef =
      static_cast<I128>(10000000000000000ULL) * 1000000000000000000ULL - 1;

  // Any addend the inline path does not take: aligns exponents in the integer when that is
  // exact, otherwise adds in decimal128.
  void AddOther(const Number& n);
  void AddDecimal(const Number& n);
  // Takes `n` as the running sum: in the integer when it is finite, canonical and not -0.
  void Load(const Number& n);

  bool exact_ = true;  // the running sum is coef_ × 10^(exp_ - kBias), else decimal_
  uint64_t exp_ = kBias;
  I128 coef_ = 0;
  Number decimal_;
};

}  // namespace proaktiv::feel

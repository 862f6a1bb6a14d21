#include "feel/number_sum.h"

namespace proaktiv::feel {
namespace {

using I128 = __int128;

constexpr int kDigits = 34;

// 10^0 .. 10^34.
constexpr auto kPow10 = [] {
  struct Table {
    I128 v[kDigits + 1];
  } t{};
  t.v[0] = 1;
  for (int i = 1; i <= kDigits; ++i) t.v[i] = t.v[i - 1] * 10;
  return t;
}();

I128 Abs(I128 v) { return v < 0 ? -v : v; }

// Scales `c` from exponent e + d down to exponent e (multiplies by 10^d) when the result keeps
// at most 34 digits; false otherwise.
bool Scale(I128& c, uint64_t d) {
  if (c == 0) return true;
  if (d > kDigits || Abs(c) >= kPow10.v[kDigits - d]) return false;
  c *= kPow10.v[d];
  return true;
}

}  // namespace

Number NumberSum::Total() const {
  if (!exact_) return decimal_;
  bool negative = coef_ < 0;
  U128 mag = static_cast<U128>(Abs(coef_));
  uint64_t hi =
      (negative ? uint64_t{1} << 63 : 0) | (exp_ << kExpShift) | static_cast<uint64_t>(mag >> 64);
  return Number::FromBits(static_cast<uint64_t>(mag), hi);
}

void NumberSum::AddOther(const Number& n) {
  uint64_t hi = n.hi();
  if (!exact_ || ((hi >> 61) & 3) == 3) return AddDecimal(n);  // not finite / long form
  I128 c = (static_cast<I128>(hi & kCoefHiMask) << 64) | n.lo();
  if (c > kMaxCoef) return AddDecimal(n);  // non-canonical: the library reads it as zero
  if (hi >> 63) c = -c;
  uint64_t e = (hi >> kExpShift) & kExpMask;
  // The exact sum, at the smaller exponent (IEEE 754's preferred exponent of a sum).
  I128 sum = coef_;
  if (e < exp_ ? !Scale(sum, exp_ - e) : !Scale(c, e - exp_)) return AddDecimal(n);
  sum += c;
  if (Abs(sum) > kMaxCoef) return AddDecimal(n);
  coef_ = sum;
  if (e < exp_) exp_ = e;
}

void NumberSum::AddDecimal(const Number& n) { Load(Total() + n); }

void NumberSum::Load(const Number& n) {
  uint64_t hi = n.hi();
  I128 c = (static_cast<I128>(hi & kCoefHiMask) << 64) | n.lo();
  bool negative = hi >> 63;
  // A zero coefficient in the integer means +0; a -0 (not reachable from +0 when rounding to
  // nearest, checked all the same) stays a decimal.
  exact_ = ((hi >> 61) & 3) != 3 && c <= kMaxCoef && !(negative && c == 0);
  if (!exact_) {
    decimal_ = n;
    return;
  }
  coef_ = negative ? -c : c;
  exp_ = (hi >> kExpShift) & kExpMask;
}

}  // namespace proaktiv::feel

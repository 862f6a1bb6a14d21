#include "feel/number.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" {
#include <bid_conf.h>
#include <bid_functions.h>
}

namespace proaktiv::feel {
namespace {

BID_UINT128 B(const Number& n) {
  BID_UINT128 r;
  r.w[0] = n.lo();
  r.w[1] = n.hi();
  return r;
}
Number N(BID_UINT128 b) { return Number::FromBits(b.w[0], b.w[1]); }

// The library takes the rounding mode and a status-flags pointer on every call; FEEL
// checks results (finite or not) rather than flags.
constexpr _IDEC_round kNearest = BID_ROUNDING_TO_NEAREST;
_IDEC_flags* F() {
  static thread_local _IDEC_flags flags = 0;
  return &flags;
}

// Splits the library's "+123E-2" form into sign, digits and exponent.
struct Parts {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

Parts Split(const Number& n) {
  char buf[64];
  __bid128_to_string(buf, B(n), F());
  Parts p;
  const char* s = buf;
  if (*s == '-') p.negative = true;
  if (*s == '-' || *s == '+') ++s;
  while (*s >= '0' && *s <= '9') p.digits.push_back(*s++);
  if (*s == 'E') p.exponent = std::atoi(s + 1);
  size_t nz = p.digits.find_first_not_of('0');
  p.digits = nz == std::string::npos ? "0" : p.digits.substr(nz);
  return p;
}

std::string Plain(const Parts& p, bool strip) {
  std::string digits = p.digits;
  int exp = p.exponent;
  if (strip && digits != "0") {
    while (exp < 0 && digits.size() > 1 && digits.back() == '0') {
      digits.pop_back();
      ++exp;
    }
  }
  if (digits == "0" && strip) return "0";
  std::string out;
  if (p.negative && digits != "0") out.push_back('-');
  if (exp >= 0) {
    out += digits;
    if (digits != "0") out.append(static_cast<size_t>(exp), '0');
  } else {
    size_t frac = static_cast<size_t>(-exp);
    if (digits.size() > frac) {
      out += digits.substr(0, digits.size() - frac);
      out.push_back('.');
      out += digits.substr(digits.size() - frac);
    } else {
      out += "0.";
      out.append(frac - digits.size(), '0');
      out += digits;
    }
  }
  return out;
}

Number Pow10(int32_t e) {
  BID_UINT128 one = __bid128_from_int32(1);
  return N(__bid128_scalbn(one, e, kNearest, F()));
}

}  // namespace

Number Number::FromInt(int64_t v) { return N(__bid128_from_int64(v)); }

Number Number::FromDouble(double v) {
  char buf[64];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  auto n = Parse(buf);
  return n ? *n : Number();
}

std::optional<Number> Number::Parse(std::string_view text) {
  // Validate the FEEL/XSD lexical form first; the library is lenient.
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++int_digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  std::string s(text);
  if (s[0] == '+') s.erase(0, 1);
  Number n = N(__bid128_from_string(s.data(), kNearest, F()));
  if (!n.IsFinite()) return std::nullopt;
  return n;
}

std::string Number::ToString() const {
  if (!IsFinite()) return "NaN";
  return Plain(Split(*this), true);
}

std::string Number::ToPlainString() const {
  if (!IsFinite()) return "NaN";
  return Plain(Split(*this), false);
}

bool Number::IsFinite() const { return __bid128_isFinite(B(*this)); }
bool Number::IsZero() const { return __bid128_isZero(B(*this)); }
bool Number::IsNegative() const { return !IsZero() && __bid128_isSigned(B(*this)); }

bool Number::IsInteger() const {
  if (!IsFinite()) return false;
  return __bid128_quiet_equal(__bid128_round_integral_zero(B(*this), F()), B(*this), F());
}

std::optional<int64_t> Number::ToInt64() const {
  if (!IsInteger()) return std::nullopt;
  if (*this > FromInt(INT64_MAX) || *this < FromInt(INT64_MIN)) return std::nullopt;
  return __bid128_to_int64_int(B(*this), F());
}

int64_t Number::TruncateToInt64() const {
  if (!IsFinite()) return 0;
  if (*this > FromInt(INT64_MAX)) return INT64_MAX;
  if (*this < FromInt(INT64_MIN)) return INT64_MIN;
  return __bid128_to_int64_int(B(*this), F());
}

double Number::ToDouble() const { return __bid128_to_binary64(B(*this), kNearest, F()); }

Number Number::operator+(const Number& o) const {
  return N(__bid128_add(B(*this), B(o), kNearest, F()));
}
Number Number::operator-(const Number& o) const {
  return N(__bid128_sub(B(*this), B(o), kNearest, F()));
}
Number Number::operator*(const Number& o) const {
  return N(__bid128_mul(B(*this), B(o), kNearest, F()));
}
Number Number::operator/(const Number& o) const {
  return N(__bid128_div(B(*this), B(o), kNearest, F()));
}
Number Number::operator-() const {
  if (IsZero()) return *this;
  return N(__bid128_negate(B(*this)));
}
Number Number::Abs() const { return N(__bid128_abs(B(*this))); }

Number Number::Modulo(const Number& d) const {
  Number q = *this / d;
  Number fl = N(__bid128_round_integral_negative(B(q), F()));
  return *this - d * fl;
}

Number Number::Pow(const Number& e) const {
  if (auto ei = e.ToInt64(); ei && *ei > -100000 && *ei < 100000) {
    int64_t k = *ei < 0 ? -*ei : *ei;
    Number result = FromInt(1), base = *this;
    while (k > 0) {
      if (k & 1) result = result * base;
      k >>= 1;
      if (k) base = base * base;
    }
    if (*ei < 0) result = FromInt(1) / result;
    return result;
  }
  return N(__bid128_pow(B(*this), B(e), kNearest, F()));
}

Number Number::Sqrt() const { return N(__bid128_sqrt(B(*this), kNearest, F())); }
Number Number::Ln() const { return N(__bid128_log(B(*this), kNearest, F())); }
Number Number::Exp() const { return N(__bid128_exp(B(*this), kNearest, F())); }

Number Number::Round(int32_t scale, RoundingMode mode) const {
  if (!IsFinite()) return *this;
  BID_UINT128 q = B(Pow10(-scale));
  auto quantize = [&](_IDEC_round r) { return N(__bid128_quantize(B(*this), q, r, F())); };
  Number trunc = quantize(BID_ROUNDING_TO_ZERO);
  if (!trunc.IsFinite()) return *this;  // more than 34 digits: nothing to round
  Number ulp = Pow10(-scale);
  auto away = [&]() {
    if (trunc == *this) return trunc;
    Number r = IsNegative() ? trunc - ulp : trunc + ulp;
    return N(__bid128_quantize(B(r), q, kNearest, F()));
  };
  switch (mode) {
    case RoundingMode::kHalfEven:
      return quantize(BID_ROUNDING_TO_NEAREST);
    case RoundingMode::kHalfUp:
      return quantize(BID_ROUNDING_TIES_AWAY);
    case RoundingMode::kHalfDown: {
      Number diff = (*this - trunc).Abs();
      Number half = ulp * *Parse("0.5");
      return diff > half ? away() : trunc;
    }
    case RoundingMode::kUp:
      return away();
    case RoundingMode::kDown:
      return trunc;
    case RoundingMode::kFloor:
      return quantize(BID_ROUNDING_DOWN);
    case RoundingMode::kCeiling:
      return quantize(BID_ROUNDING_UP);
  }
  return *this;
}

bool Number::operator==(const Number& o) const { return __bid128_quiet_equal(B(*this), B(o), F()); }

bool Number::operator<(const Number& o) const { return __bid128_quiet_less(B(*this), B(o), F()); }
bool Number::operator<=(const Number& o) const {
  return __bid128_quiet_less_equal(B(*this), B(o), F());
}
bool Number::operator>(const Number& o) const {
  return __bid128_quiet_greater(B(*this), B(o), F());
}
bool Number::operator>=(const Number& o) const {
  return __bid128_quiet_greater_equal(B(*this), B(o), F());
}

std::partial_ordering Number::operator<=>(const Number& o) const {
  if (__bid128_quiet_unordered(B(*this), B(o), F())) return std::partial_ordering::unordered;
  if (__bid128_quiet_less(B(*this), B(o), F())) return std::partial_ordering::less;
  if (__bid128_quiet_greater(B(*this), B(o), F())) return std::partial_ordering::greater;
  return std::partial_ordering::equivalent;
}

}  // namespace proaktiv::feel

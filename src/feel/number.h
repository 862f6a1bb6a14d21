#pragma once

// FEEL numbers: IEEE 754 decimal128 (34 significant digits, rounding half-even), held inline
// in 16 bytes so that numbers never touch the heap. All operations are pure functions of their
// arguments; a result that is not finite (division by zero, overflow, invalid operation) is
// reported by IsFinite() == false and the evaluator turns it into null.
// Thread-safety: values are immutable; operations use the library's thread-local rounding
// state only inside a call.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace proaktiv::feel {

// How Number::Round treats the digits that are dropped.
enum class RoundingMode { kHalfEven, kHalfUp, kHalfDown, kUp, kDown, kFloor, kCeiling };

class Number {
 public:
  Number() = default;  // zero
  static Number FromInt(int64_t v);
  static Number FromDouble(double v);  // shortest round-trip decimal form of v
  // Parses a FEEL numeric literal or a number() string: "-12.5", ".5", "1.2e-3", "1E+4".
  // Leading/trailing spaces are not accepted. Returns nullopt on anything else.
  static std::optional<Number> Parse(std::string_view text);

  // Canonical FEEL form: plain notation (no exponent), trailing fractional zeros removed,
  // "-0" printed as "0". Examples: 1.20 -> "1.2", 1E+3 -> "1000", 0.000123 -> "0.000123".
  std::string ToString() const;
  // As ToString() but keeps the scale (trailing zeros), like Java's toPlainString:
  // decimal(0.0, 1) -> "0.0".
  std::string ToPlainString() const;

  bool IsFinite() const;
  bool IsZero() const;
  bool IsNegative() const;  // strictly below zero
  bool IsInteger() const;
  // The value if it is an integer that fits in int64_t.
  std::optional<int64_t> ToInt64() const;
  // Truncates towards zero, saturating at the int64_t range; 0 for non-finite values.
  int64_t TruncateToInt64() const;
  double ToDouble() const;

  Number operator+(const Number& o) const;
  Number operator-(const Number& o) const;
  Number operator*(const Number& o) const;
  Number operator/(const Number& o) const;  // not finite when o is zero
  Number operator-() const;
  Number Abs() const;
  // FEEL modulo: result has the sign of the divisor (dividend - divisor*floor(dividend/divisor)).
  Number Modulo(const Number& divisor) const;
  Number Pow(const Number& exponent) const;  // exact for integer exponents within range
  Number Sqrt() const;
  Number Ln() const;
  Number Exp() const;
  // Rounds to `scale` digits after the decimal point (negative scale rounds to tens etc).
  Number Round(int32_t scale, RoundingMode mode) const;

  // Numeric comparison (1 == 1.0). Non-finite values compare unordered.
  bool operator==(const Number& o) const;
  std::partial_ordering operator<=>(const Number& o) const;
  // Single-call forms of the relational operators (false when unordered).
  bool operator<(const Number& o) const;
  bool operator<=(const Number& o) const;
  bool operator>(const Number& o) const;
  bool operator>=(const Number& o) const;

  // Raw decimal128 bits (low word first), for hashing and the library boundary.
  uint64_t lo() const { return lo_; }
  uint64_t hi() const { return hi_; }
  static Number FromBits(uint64_t lo, uint64_t hi) {
    Number n;
    n.lo_ = lo;
    n.hi_ = hi;
    return n;
  }

 private:
  // Positive zero with exponent 0 (0x3040 << 48 in the high word).
  uint64_t lo_ = 0;
  uint64_t hi_ = 0x3040000000000000ULL;
};

}  // namespace proaktiv::feel

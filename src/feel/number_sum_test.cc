#include "feel/number_sum.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "feel/feel.h"

namespace proaktiv::feel {
namespace {

using U128 = unsigned __int128;

constexpr U128 kTen34 = static_cast<U128>(10000000000000000ULL) * 1000000000000000000ULL;
constexpr uint64_t kInfHi = 0x7800000000000000ULL;
constexpr uint64_t kNaNHi = 0x7C00000000000000ULL;

// A decimal128 with the given sign, coefficient and unbiased exponent (BID encoding, short
// form; a coefficient of 10^34 or more is non-canonical and reads as zero).
Number Make(bool negative, U128 coef, int exponent) {
  uint64_t hi = (negative ? uint64_t{1} << 63 : 0) |
                (static_cast<uint64_t>(exponent + 6176) << 49) | static_cast<uint64_t>(coef >> 64);
  return Number::FromBits(static_cast<uint64_t>(coef), hi);
}

Number N(const char* s) { return *Number::Parse(s); }

std::string Bits(const Number& n) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(n.hi()),
                static_cast<unsigned long long>(n.lo()));
  return std::string(buf) + " (" + n.ToPlainString() + ")";
}

// The reference: repeated decimal128 addition from zero.
void ExpectSameAsRepeatedAdd(const std::vector<Number>& v) {
  Number want;
  NumberSum got;
  for (size_t i = 0; i < v.size(); ++i) {
    want = want + v[i];
    got.Add(v[i]);
    ASSERT_EQ(Bits(got.Total()), Bits(want)) << "after item " << i << ": " << Bits(v[i]);
  }
}

U128 RandomCoef(std::mt19937_64& rng, int max_digits) {
  int digits = std::uniform_int_distribution<int>(1, max_digits)(rng);
  U128 c = 0;
  for (int i = 0; i < digits; ++i) c = c * 10 + rng() % 10;
  return c;
}

TEST(NumberSumTest, EmptyIsZero) { EXPECT_EQ(Bits(NumberSum().Total()), Bits(Number())); }

TEST(NumberSumTest, RandomIntegers) {
  std::mt19937_64 rng(1);
  for (int round = 0; round < 200; ++round) {
    std::vector<Number> v;
    int64_t range = round % 2 ? 1000 : INT64_MAX;
    for (int i = 0; i < 100; ++i)
      v.push_back(Number::FromInt(std::uniform_int_distribution<int64_t>(-range, range)(rng)));
    ExpectSameAsRepeatedAdd(v);
  }
}

TEST(NumberSumTest, TwoDecimalPlacesAndIntegers) {
  std::mt19937_64 rng(2);
  for (int round = 0; round < 200; ++round) {
    std::vector<Number> v;
    for (int i = 0; i < 50; ++i) {
      std::string s = std::to_string(std::uniform_int_distribution<int64_t>(-99999, 99999)(rng));
      if (rng() % 4) s += "." + std::to_string(10 + rng() % 90);  // else an integer
      v.push_back(N(s.c_str()));
    }
    ExpectSameAsRepeatedAdd(v);
  }
  ExpectSameAsRepeatedAdd({N("1.50"), N("1"), N("-2.50"), N("0.00"), N("1E+2")});
}

TEST(NumberSumTest, MixedExponents) {
  std::mt19937_64 rng(3);
  for (int round = 0; round < 500; ++round) {
    std::vector<Number> v;
    int spread = round % 3 == 0 ? 6 : (round % 3 == 1 ? 40 : 6000);
    for (int i = 0; i < 30; ++i) {
      int e = std::uniform_int_distribution<int>(-spread, spread)(rng);
      v.push_back(Make(rng() % 2, RandomCoef(rng, round % 2 ? 34 : 10), e));
    }
    ExpectSameAsRepeatedAdd(v);
  }
}

TEST(NumberSumTest, HugeValuesRoundTo34Digits) {
  std::mt19937_64 rng(4);
  for (int round = 0; round < 300; ++round) {
    std::vector<Number> v;
    for (int i = 0; i < 40; ++i) {
      U128 c = kTen34 - 1 - RandomCoef(rng, 1 + round % 34);
      int e = round % 2 ? 0 : std::uniform_int_distribution<int>(-3, 3)(rng);
      // Large positive values, with some negatives and small values to cancel and resume.
      bool negative = rng() % 5 == 0;
      if (rng() % 3 == 0) c = RandomCoef(rng, 5);
      v.push_back(Make(negative, c, e));
    }
    ExpectSameAsRepeatedAdd(v);
  }
  ExpectSameAsRepeatedAdd({Make(false, kTen34 - 1, 0), Number::FromInt(1), Number::FromInt(-1),
                           Number::FromInt(5), N("0.5"), N("-1E+30")});
  // Near the largest exponent: rounding and overflow to infinity.
  ExpectSameAsRepeatedAdd({Make(false, kTen34 - 1, 6111), Make(false, kTen34 - 1, 6111)});
  ExpectSameAsRepeatedAdd({Make(true, 1, -6176), Make(false, 1, 6111), Make(true, 1, 6111)});
}

TEST(NumberSumTest, NegativesZerosAndCancellation) {
  ExpectSameAsRepeatedAdd({N("5"), N("-5"), N("-0"), N("-0.000"), N("0E+5"), N("-3.2")});
  ExpectSameAsRepeatedAdd({N("-0"), N("-0")});
  ExpectSameAsRepeatedAdd({N("-0E-3"), N("7"), N("-7.000")});
  ExpectSameAsRepeatedAdd({Make(true, 0, 100), Make(true, 0, -100), Make(false, 12, 90)});
  std::mt19937_64 rng(5);
  for (int round = 0; round < 200; ++round) {
    std::vector<Number> v;
    for (int i = 0; i < 40; ++i) {
      Number x = Make(rng() % 2, rng() % 3 ? RandomCoef(rng, 3) : 0, int(rng() % 7) - 3);
      v.push_back(x);
      if (rng() % 2) v.push_back(-x);
    }
    ExpectSameAsRepeatedAdd(v);
  }
}

TEST(NumberSumTest, NonFiniteAndNonCanonical) {
  Number inf = Number::FromBits(0, kInfHi), minus_inf = Number::FromBits(0, kInfHi | 1ULL << 63);
  Number nan = Number::FromBits(0, kNaNHi);
  ExpectSameAsRepeatedAdd({N("1"), inf, N("2")});
  ExpectSameAsRepeatedAdd({inf, minus_inf, N("2")});
  ExpectSameAsRepeatedAdd({N("1.5"), nan, N("2")});
  // Coefficient 10^34 (short form) and the long form (top exponent bits set): both read as 0.
  ExpectSameAsRepeatedAdd({N("1.5"), Make(false, kTen34, -3), N("2")});
  ExpectSameAsRepeatedAdd({N("1.5"), Number::FromBits(5, 0x6000000000000000ULL), N("2")});
  // A non-canonical coefficient that would fit after cancelling against the running sum.
  ExpectSameAsRepeatedAdd({Make(true, kTen34 / 2, 0), Make(false, kTen34 + 7, 0), N("1")});
  ExpectSameAsRepeatedAdd({Make(true, kTen34 / 2, 1), Make(false, kTen34 + 7, 1), N("1")});
  // The same once rounding has raised the running sum's exponent to 1 (then 5E+33 at 0).
  ExpectSameAsRepeatedAdd({Make(false, kTen34 - 1, 0), Make(false, kTen34 - 1, 0),
                           Make(true, kTen34 / 20 * 3, 1), Make(true, kTen34 + 7, 0), N("1")});
  EXPECT_FALSE(NumberSum().Total().IsNegative());
}

std::string Eval(std::string_view text) {
  auto v = EvaluateExpression(text, {});
  return v ? v->DebugString() : "ERROR";
}

TEST(NumberSumTest, Builtins) {
  EXPECT_EQ(Eval("sum([1.5, 2.25, -0.75])"), "3");
  EXPECT_EQ(Eval("sum(9999999999999999999999999999999999, 1)"),
            "10000000000000000000000000000000000");
  EXPECT_EQ(Eval("sum([1, null])"), "null");
  EXPECT_EQ(Eval("sum([1, \"2\"])"), "null");
  EXPECT_EQ(Eval("sum([])"), "null");
  EXPECT_EQ(Eval("mean([1.5, 2.5, 3])"), "2.333333333333333333333333333333333");
  EXPECT_EQ(Eval("mean([1, null])"), "null");
  EXPECT_EQ(Eval("stddev([2, 4, 4, 4, 5, 5, 7, 9])"), "2.138089935299395077476427847038028");
}

}  // namespace
}  // namespace proaktiv::feel

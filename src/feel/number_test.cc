#include "feel/number.h"

#include <gtest/gtest.h>

namespace proaktiv::feel {
namespace {

Number N(const char* s) { return *Number::Parse(s); }

TEST(NumberTest, ParseAndFormat) {
  EXPECT_EQ(N("1.20").ToString(), "1.2");
  EXPECT_EQ(N("1E+3").ToString(), "1000");
  EXPECT_EQ(N("0.000123").ToString(), "0.000123");
  EXPECT_EQ(N("-0").ToString(), "0");
  EXPECT_EQ(N("-12.5").ToString(), "-12.5");
  EXPECT_EQ(N("0.0").ToPlainString(), "0.0");
  EXPECT_FALSE(Number::Parse("abc"));
  EXPECT_FALSE(Number::Parse("1e"));
  EXPECT_FALSE(Number::Parse(""));
  EXPECT_EQ(Number::FromDouble(0.1).ToString(), "0.1");
}

TEST(NumberTest, ArithmeticIsDecimal) {
  EXPECT_EQ((N("0.1") + N("0.2")).ToString(), "0.3");
  EXPECT_TRUE(N("1") == N("1.000"));
  EXPECT_FALSE((N("1") / N("0")).IsFinite());
  EXPECT_EQ(N("-7").Modulo(N("3")).ToString(), "2");
  EXPECT_EQ(N("7").Modulo(N("-3")).ToString(), "-2");
  EXPECT_EQ(N("2").Pow(N("-2")).ToString(), "0.25");
  EXPECT_EQ(N("16").Sqrt().ToString(), "4");
}

TEST(NumberTest, Rounding) {
  EXPECT_EQ(N("2.5").Round(0, RoundingMode::kHalfEven).ToString(), "2");
  EXPECT_EQ(N("2.5").Round(0, RoundingMode::kHalfUp).ToString(), "3");
  EXPECT_EQ(N("-2.5").Round(0, RoundingMode::kHalfUp).ToString(), "-3");
  EXPECT_EQ(N("2.5").Round(0, RoundingMode::kHalfDown).ToString(), "2");
  EXPECT_EQ(N("2.51").Round(0, RoundingMode::kHalfDown).ToString(), "3");
  EXPECT_EQ(N("1.21").Round(1, RoundingMode::kUp).ToString(), "1.3");
  EXPECT_EQ(N("-1.29").Round(1, RoundingMode::kDown).ToString(), "-1.2");
  EXPECT_EQ(N("-1.21").Round(0, RoundingMode::kFloor).ToString(), "-2");
  EXPECT_EQ(N("1.21").Round(0, RoundingMode::kCeiling).ToString(), "2");
  EXPECT_EQ(N("125").Round(-1, RoundingMode::kHalfEven).ToString(), "120");
}

TEST(NumberTest, Integers) {
  EXPECT_EQ(N("42.0").ToInt64(), 42);
  EXPECT_FALSE(N("42.5").ToInt64());
  EXPECT_TRUE(N("-3").IsNegative());
}

}  // namespace
}  // namespace proaktiv::feel

// Student's t quantile against published values, and the summary of 1–5 answers.

#include "http/api/satisfaction.h"

#include <cmath>

#include <gtest/gtest.h>

namespace proaktiv::http::api {
namespace {

TEST(StudentT975, MatchesPublishedQuantiles) {
  // R: qt(0.975, df)
  const std::pair<int64_t, double> known[] = {
      {1, 12.706204736},  {2, 4.302652730},  {3, 3.182446305},  {5, 2.570581836},
      {10, 2.228138852},  {20, 2.085963447}, {29, 2.045229642}, {30, 2.042272456},
      {31, 2.039513446},  {40, 2.021075390}, {60, 2.000297822}, {120, 1.979930405},
      {1000, 1.962339081}};
  for (const auto& [df, t] : known) EXPECT_NEAR(StudentT975(df), t, 1e-7) << df;
  EXPECT_NEAR(StudentT975(1000000), 1.959966357, 1e-8);  // z + (z³ + z) / 4v
  // Decreasing in df, across the table's end too.
  for (int64_t df = 1; df < 200; ++df) EXPECT_GT(StudentT975(df), StudentT975(df + 1)) << df;
  EXPECT_TRUE(std::isnan(StudentT975(0)));
}

TEST(Summarize, MeanAndIntervalWithStudentsT) {
  // 1, 4, 4, 5: mean 3.5, s = √3, half-width t(0.975, 3) · √3 / 2.
  SatisfactionSummary s = Summarize({1, 0, 0, 2, 1});
  EXPECT_EQ(s.answers, 4);
  ASSERT_TRUE(s.mean && s.ci95_low && s.ci95_high);
  EXPECT_DOUBLE_EQ(*s.mean, 3.5);
  const double half = 3.182446305 * std::sqrt(3.0) / 2;
  EXPECT_NEAR(*s.ci95_low, 3.5 - half, 1e-9);
  EXPECT_NEAR(*s.ci95_high, 3.5 + half, 1e-9);

  // All answers equal: no spread, the interval is the mean.
  s = Summarize({0, 0, 0, 0, 7});
  EXPECT_DOUBLE_EQ(*s.ci95_low, 5.0);
  EXPECT_DOUBLE_EQ(*s.ci95_high, 5.0);

  // Large n: about mean ± 1.96 s / √n.
  s = Summarize({1000, 1000, 1000, 1000, 1000});
  EXPECT_DOUBLE_EQ(*s.mean, 3.0);
  const double sd = std::sqrt(10000.0 / 4999.0);
  EXPECT_NEAR(*s.ci95_high - 3.0, StudentT975(4999) * sd / std::sqrt(5000.0), 1e-12);
}

TEST(Summarize, NoIntervalBelowTwoAnswers) {
  SatisfactionSummary none = Summarize({0, 0, 0, 0, 0});
  EXPECT_EQ(none.answers, 0);
  EXPECT_FALSE(none.mean || none.ci95_low || none.ci95_high);
  SatisfactionSummary one = Summarize({0, 0, 1, 0, 0});
  EXPECT_EQ(one.answers, 1);
  EXPECT_DOUBLE_EQ(*one.mean, 3.0);
  EXPECT_FALSE(one.ci95_low || one.ci95_high);
}

}  // namespace
}  // namespace proaktiv::http::api

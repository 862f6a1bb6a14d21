#include "common/civil_date.h"

#include <gtest/gtest.h>

namespace proaktiv {
namespace {

TEST(CivilDateTest, RoundTripsThroughText) {
  auto d = CivilDate::Parse("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToString(), "2024-02-29");
  EXPECT_EQ(d->year(), 2024);
  EXPECT_EQ(d->month(), 2);
  EXPECT_EQ(d->day(), 29);
  EXPECT_EQ(CivilDate::Parse("1970-01-01")->days(), 0);
  EXPECT_EQ(CivilDate::Parse("2024-06-20T09:26:03+02:00")->ToString(), "2024-06-20");
}

TEST(CivilDateTest, RejectsWhatIsNotADate) {
  EXPECT_EQ(CivilDate::Parse("2023-02-29").error().message, "day 29 is not a date in 2023-02");
  EXPECT_EQ(CivilDate::Parse("2023-13-01").error().message, "month 13 is not a month");
  EXPECT_FALSE(CivilDate::Parse("2023-1-01"));
  EXPECT_FALSE(CivilDate::Parse("yesterday"));
}

TEST(CivilDateTest, AgesAndAnniversaries) {
  auto birth = *CivilDate::Parse("2020-02-29");
  EXPECT_EQ(birth.AddYears(1).ToString(), "2021-02-28");
  EXPECT_EQ(birth.AddYears(4).ToString(), "2024-02-29");
  EXPECT_EQ(CivilDate::Parse("2021-02-27")->YearsSince(birth), 0);
  EXPECT_EQ(CivilDate::Parse("2021-03-01")->YearsSince(birth), 1);
  EXPECT_EQ(CivilDate::Parse("2095-02-28")->YearsSince(birth), 74);
  EXPECT_EQ(CivilDate::Parse("2095-03-01")->YearsSince(birth), 75);
  EXPECT_LT(birth, birth.AddDays(1));
}

}  // namespace
}  // namespace proaktiv

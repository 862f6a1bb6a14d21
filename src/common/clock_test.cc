#include "common/clock.h"

#include <gtest/gtest.h>

namespace proaktiv {
namespace {

std::chrono::system_clock::time_point Utc(int y, int m, int d, int hour, int minute) {
  auto day = std::chrono::sys_days(std::chrono::year_month_day{
      std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
      std::chrono::day(static_cast<unsigned>(d))});
  return day + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

TEST(ClockTest, TheNorwegianDateChangesAtLocalMidnight) {
  FakeClock clock(Utc(2024, 6, 30, 21, 30));  // 23:30 in Oslo (CEST, UTC+2)
  EXPECT_EQ(clock.TodayInNorway().ToString(), "2024-06-30");
  clock.Advance(std::chrono::minutes(45));  // 00:15 in Oslo
  EXPECT_EQ(clock.TodayInNorway().ToString(), "2024-07-01");
  clock.Set(Utc(2024, 12, 31, 23, 0));  // 00:00 in Oslo (CET, UTC+1)
  EXPECT_EQ(clock.TodayInNorway().ToString(), "2025-01-01");
}

}  // namespace
}  // namespace proaktiv

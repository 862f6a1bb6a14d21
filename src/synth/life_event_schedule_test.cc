#include "synth/life_event_schedule.h"

#include <map>

#include <gtest/gtest.h>

namespace proaktiv::synth {
namespace {

SimulationOptions Year(int64_t population) {
  SimulationOptions options;
  options.from = *CivilDate::FromYmd(2024, 1, 1);
  options.to = *CivilDate::FromYmd(2025, 1, 1);
  options.selected_population = population;
  return options;
}

TEST(LifeEventScheduleTest, EventsFallInThePeriodInTimeOrderDuringTheDay) {
  const SimulationOptions options = Year(300000);
  Rng rng(7);
  const auto events = ScheduleLifeEvents(options, 2.2, 0.95, rng);
  ASSERT_FALSE(events.empty());
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_GE(events[i].day, options.from.days());
    EXPECT_LT(events[i].day, options.to.days());
    EXPECT_GE(events[i].millis, 7 * 3600000);
    EXPECT_LT(events[i].millis, 19 * 3600000);
    if (i > 0) {
      const auto& a = events[i - 1];
      const auto& b = events[i];
      EXPECT_TRUE(a.day < b.day || (a.day == b.day && a.millis <= b.millis)) << i;
    }
  }
}

TEST(LifeEventScheduleTest, CountsFollowTheNationalRatesScaledToTheSelection) {
  // All of Norway for a year: about 52 000 births, 44 000 deaths, 18 000 marriages; a Poisson
  // draw stays within a few percent of its mean at these sizes.
  Rng rng(1);
  const auto events = ScheduleLifeEvents(Year(5550203), 2.0, 0.0, rng);
  std::map<LifeEventKind, int64_t> n;
  for (const auto& e : events) ++n[e.kind];
  const double years = 366 / 365.25;  // 2024 is a leap year
  EXPECT_NEAR(n[LifeEventKind::kBirth], 52000 * years, 52000 * 0.03);
  EXPECT_NEAR(n[LifeEventKind::kDeath], 44000 * years, 44000 * 0.03);
  EXPECT_NEAR(n[LifeEventKind::kMarriage], 18000 * years, 18000 * 0.04);
  EXPECT_NEAR(n[LifeEventKind::kMoveWithin], 500000 / 2.0 * years, 250000 * 0.02);
  EXPECT_EQ(n[LifeEventKind::kMoveIn], 0);  // nobody lives outside the selection
}

TEST(LifeEventScheduleTest, AnEmptySelectionHasNoEventsAndTheSameSeedTheSameSchedule) {
  Rng empty_rng(3);
  EXPECT_TRUE(ScheduleLifeEvents(Year(0), 2.0, 1.0, empty_rng).empty());
  Rng a(11), b(11);
  const auto first = ScheduleLifeEvents(Year(20000), 2.0, 0.9, a);
  const auto second = ScheduleLifeEvents(Year(20000), 2.0, 0.9, b);
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].day, second[i].day);
    EXPECT_EQ(first[i].millis, second[i].millis);
    EXPECT_EQ(first[i].kind, second[i].kind);
  }
}

}  // namespace
}  // namespace proaktiv::synth

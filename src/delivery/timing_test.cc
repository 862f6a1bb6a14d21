// Time in delivery: the back-off schedule (doubling, capped, jittered within [d/2, d)), the
// per-channel token bucket, and the SMS hours in Norwegian time, summer time included.

#include <gtest/gtest.h>

#include "delivery/backoff.h"
#include "delivery/delivery_testing.h"
#include "delivery/rate_limiter.h"
#include "delivery/sms_window.h"

namespace proaktiv::delivery {
namespace {

using std::chrono::seconds;
using testing::At;

TEST(BackoffTest, DoublesUpToTheCapWithEqualJitter) {
  RetryPolicy p{6, seconds(60), seconds(600)};
  EXPECT_EQ(BackoffDelay(p, 1, 0.0), seconds(30));
  EXPECT_EQ(BackoffDelay(p, 1, 0.999), seconds(59));
  EXPECT_EQ(BackoffDelay(p, 2, 0.0), seconds(60));
  EXPECT_EQ(BackoffDelay(p, 3, 0.5), seconds(180));
  EXPECT_EQ(BackoffDelay(p, 4, 0.0), seconds(240));
  EXPECT_EQ(BackoffDelay(p, 5, 0.0), seconds(300));     // 960 capped at 600
  EXPECT_EQ(BackoffDelay(p, 40, 0.999), seconds(599));  // no overflow
  for (int attempt = 1; attempt < 8; ++attempt) {
    EXPECT_LE(BackoffDelay(p, attempt, 0.3), BackoffDelay(p, attempt + 1, 0.3));
  }
}

TEST(TokenBucketTest, BurstThenRate) {
  auto t = At("2026-03-02T10:00");
  TokenBucket b(RateLimit{2, 3}, t);
  EXPECT_TRUE(b.TryTake(t));
  EXPECT_TRUE(b.TryTake(t));
  EXPECT_TRUE(b.TryTake(t));
  EXPECT_FALSE(b.TryTake(t));
  EXPECT_EQ(b.WaitTime(t), std::chrono::milliseconds(500));
  EXPECT_FALSE(b.TryTake(t + std::chrono::milliseconds(400)));
  EXPECT_TRUE(b.TryTake(t + std::chrono::milliseconds(500)));
  EXPECT_FALSE(b.TryTake(t + std::chrono::milliseconds(500)));
  // Never more than the burst, however long it rested.
  auto later = t + std::chrono::hours(1);
  int taken = 0;
  while (b.TryTake(later)) ++taken;
  EXPECT_EQ(taken, 3);
}

TEST(TokenBucketTest, ZeroRateIsUnlimited) {
  auto t = At("2026-03-02T10:00");
  TokenBucket b(RateLimit{0, 1}, t);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(b.TryTake(t));
  EXPECT_EQ(b.WaitTime(t), std::chrono::system_clock::duration::zero());
}

TEST(SmsWindowTest, NineToFiveNorwegianTimeInWinter) {
  // Winter: Norway is UTC+1.
  EXPECT_FALSE(InSmsWindow(At("2026-01-15T07:59")));
  EXPECT_TRUE(InSmsWindow(At("2026-01-15T08:00")));
  EXPECT_TRUE(InSmsWindow(At("2026-01-15T15:59")));
  EXPECT_FALSE(InSmsWindow(At("2026-01-15T16:00")));
  EXPECT_EQ(NextSmsWindow(At("2026-01-15T12:00")), At("2026-01-15T12:00"));
  EXPECT_EQ(NextSmsWindow(At("2026-01-15T05:00")), At("2026-01-15T08:00"));
  EXPECT_EQ(NextSmsWindow(At("2026-01-15T16:00")), At("2026-01-16T08:00"));
  EXPECT_EQ(NextSmsWindow(At("2026-01-15T23:30")), At("2026-01-16T08:00"));  // 00:30 local
}

TEST(SmsWindowTest, SummerTimeAndTheNightTheClocksChange) {
  // Summer: UTC+2.
  EXPECT_TRUE(InSmsWindow(At("2026-06-15T07:00")));
  EXPECT_FALSE(InSmsWindow(At("2026-06-15T15:00")));
  // 2026-03-29 the clocks go forward at 02:00; 09:00 that day is 07:00 UTC.
  EXPECT_EQ(NextSmsWindow(At("2026-03-28T20:00")), At("2026-03-29T07:00"));
}

TEST(NorwegianDayTest, MidnightAndDayOf) {
  EXPECT_EQ(StartOfDayInNorway(*CivilDate::Parse("2026-01-15")), testing::Utc("2026-01-14T23:00"));
  EXPECT_EQ(StartOfDayInNorway(*CivilDate::Parse("2026-06-15")), testing::Utc("2026-06-14T22:00"));
  EXPECT_EQ(DayInNorway(testing::Utc("2026-06-14T22:30")).ToString(), "2026-06-15");
  EXPECT_EQ(DayInNorway(testing::Utc("2026-06-14T21:30")).ToString(), "2026-06-14");
}

}  // namespace
}  // namespace proaktiv::delivery

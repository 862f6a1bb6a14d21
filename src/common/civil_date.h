#pragma once

// A calendar date without time zone (proleptic Gregorian), stored as days since 1970-01-01.
// Cheap to copy and compare; the registry, the generator and the triggers use it.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv {

class CivilDate {
 public:
  constexpr CivilDate() = default;
  static constexpr CivilDate FromDays(int32_t days) { return CivilDate(days); }

  // Returns an error naming the part that is not a date ("day 32 is not a date in 1972-12").
  static Result<CivilDate> FromYmd(int year, int month, int day);
  // Parses "YYYY-MM-DD" (the first 10 characters of an ISO 8601 date or date-time).
  static Result<CivilDate> Parse(std::string_view text);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  std::chrono::year_month_day ymd() const;

  CivilDate AddDays(int32_t n) const { return CivilDate(days_ + n); }
  // Same month and day `n` years later; 29 February becomes 28 February in a common year.
  CivilDate AddYears(int n) const;
  // Whole years completed from `birth` to this date (the usual age rule).
  int YearsSince(CivilDate birth) const;

  std::string ToString() const;  // "YYYY-MM-DD"

  friend constexpr auto operator<=>(CivilDate, CivilDate) = default;

 private:
  explicit constexpr CivilDate(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

}  // namespace proaktiv

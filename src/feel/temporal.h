#pragma once

// FEEL temporal values: date, time, date and time, days-and-time duration and
// years-and-months duration, with parsing, formatting and the calendar/zone arithmetic the
// spec asks for. Zones are either a fixed offset or an IANA id resolved through the system
// tzdata (Howard Hinnant's date library). All types are plain values; functions are pure and
// thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}  // namespace date

namespace proaktiv::feel {

constexpr int64_t kNanosPerSecond = 1'000'000'000;
constexpr int64_t kNanosPerDay = 86'400 * kNanosPerSecond;

// A time zone attached to a time or date and time: none (local), a fixed UTC offset, or an
// IANA zone id such as "Europe/Oslo" ("Z" is an offset of 0).
struct Zone {
  enum class Kind : uint8_t { kNone, kOffset, kId };
  Kind kind = Kind::kNone;
  int32_t offset_seconds = 0;  // kOffset only
  std::string id;              // kId only
  bool operator==(const Zone&) const = default;
};

// A calendar date, proleptic Gregorian, as days since 1970-01-01. Years -999999999..999999999.
struct Date {
  int64_t days = 0;
  bool operator==(const Date&) const = default;
};

struct Time {
  int64_t nanos = 0;  // since local midnight, 0 <= nanos < kNanosPerDay
  Zone zone;
};

struct DateTime {
  int64_t days = 0;   // local date
  int64_t nanos = 0;  // local time of day
  Zone zone;
};

struct DayTimeDuration {
  __int128 nanos = 0;
  bool operator==(const DayTimeDuration&) const = default;
};

struct YearMonthDuration {
  int64_t months = 0;
  bool operator==(const YearMonthDuration&) const = default;
};

struct CivilFields {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

int64_t DaysFromCivil(int64_t y, int m, int d);
CivilFields CivilFromDays(int64_t days);
bool IsValidCivil(int64_t y, int m, int d);
int DaysInMonth(int64_t y, int m);
// ISO weekday: 1 = Monday .. 7 = Sunday.
int IsoWeekday(int64_t days);

// Parsers for the lexical forms of the spec (XML Schema based). Return nullopt on invalid text.
std::optional<Date> ParseDate(std::string_view s);  // "2018-12-10", "-0001-01-01"
std::optional<Time> ParseTime(
    std::string_view s);  // "10:30:00", "10:30:00.5+01:00", "...@Europe/Paris"
std::optional<DateTime> ParseDateTime(std::string_view s);  // "2018-12-10T10:30:00@Europe/Paris"
std::optional<DayTimeDuration> ParseDayTimeDuration(std::string_view s);      // "P1DT2H", "-PT0.5S"
std::optional<YearMonthDuration> ParseYearMonthDuration(std::string_view s);  // "P1Y2M"
// Validates a zone id against tzdata ("Z" and "+01:00" style offsets are also accepted).
std::optional<Zone> ParseZone(std::string_view s);

// FEEL string forms (as string() prints them).
std::string FormatDate(const Date& d);
std::string FormatTime(const Time& t);
std::string FormatDateTime(const DateTime& dt);
std::string FormatDayTimeDuration(const DayTimeDuration& d);
std::string FormatYearMonthDuration(const YearMonthDuration& d);
std::string FormatZone(const Zone& z);  // "Z", "+01:00", "@Europe/Paris", or ""

// The IANA zone `id` in the system's tzdata, or null when there is none by that id.
const date::time_zone* LocateZone(const std::string& id);

// The UTC offset in seconds that `zone` has at local date-time (days, nanos). For kId zones
// this consults tzdata; for kNone returns nullopt.
std::optional<int32_t> OffsetAt(const Zone& zone, int64_t days, int64_t nanos);
// Nanoseconds since the epoch in UTC for a zoned date and time; nullopt for local values.
std::optional<__int128> InstantNanos(const DateTime& dt);
// Seconds-of-day normalised to UTC for a time with an offset; nullopt for local/zone-id times.
std::optional<int64_t> TimeUtcNanos(const Time& t);

// The date and time in `zone` (offset or IANA id; kNone is taken as UTC) at the instant
// `utc_nanos` since the epoch.
DateTime AtInstant(__int128 utc_nanos, const Zone& zone);
// The IANA id of the system's local time zone ("UTC" if it cannot be determined).
std::string LocalZoneId();

// Calendar arithmetic (results normalised; day clamped to month end for month arithmetic).
Date AddMonths(const Date& d, int64_t months);
DateTime AddMonths(const DateTime& dt, int64_t months);
DateTime AddDuration(const DateTime& dt, const DayTimeDuration& d);
Time AddDuration(const Time& t, const DayTimeDuration& d);

}  // namespace proaktiv::feel

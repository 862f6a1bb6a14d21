#include "common/civil_date.h"

#include <fmt/format.h>

namespace proaktiv {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

int ParseDigits(std::string_view text, size_t pos, size_t count, bool* ok) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      *ok = false;
      return 0;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && IsLeapYear(y)) return 29;
  return kDays[m - 1];
}

Result<CivilDate> CivilDate::FromYmd(int y, int m, int d) {
  if (m < 1 || m > 12) return InvalidArgument(fmt::format("month {} is not a month", m));
  if (d < 1 || d > DaysInMonth(y, m)) {
    return InvalidArgument(fmt::format("day {} is not a date in {:04}-{:02}", d, y, m));
  }
  year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                     std::chrono::day(static_cast<unsigned>(d))};
  return CivilDate(static_cast<int32_t>(sys_days(ymd).time_since_epoch().count()));
}

Result<CivilDate> CivilDate::Parse(std::string_view text) {
  bool ok = text.size() >= 10 && text[4] == '-' && text[7] == '-';
  int y = 0, m = 0, d = 0;
  if (ok) {
    y = ParseDigits(text, 0, 4, &ok);
    m = ParseDigits(text, 5, 2, &ok);
    d = ParseDigits(text, 8, 2, &ok);
  }
  if (!ok) {
    return InvalidArgument(fmt::format("'{}' is not a date of the form YYYY-MM-DD", text));
  }
  return FromYmd(y, m, d);
}

year_month_day CivilDate::ymd() const { return year_month_day(sys_days(std::chrono::days(days_))); }
int CivilDate::year() const { return static_cast<int>(ymd().year()); }
int CivilDate::month() const { return static_cast<int>(static_cast<unsigned>(ymd().month())); }
int CivilDate::day() const { return static_cast<int>(static_cast<unsigned>(ymd().day())); }

CivilDate CivilDate::AddYears(int n) const {
  auto date = ymd();
  int y = static_cast<int>(date.year()) + n;
  int m = static_cast<int>(static_cast<unsigned>(date.month()));
  int d = std::min(static_cast<int>(static_cast<unsigned>(date.day())), DaysInMonth(y, m));
  return *FromYmd(y, m, d);
}

int CivilDate::YearsSince(CivilDate birth) const {
  auto now = ymd();
  auto born = birth.ymd();
  int years = static_cast<int>(now.year()) - static_cast<int>(born.year());
  if (std::pair(static_cast<unsigned>(now.month()), static_cast<unsigned>(now.day())) <
      std::pair(static_cast<unsigned>(born.month()), static_cast<unsigned>(born.day()))) {
    --years;
  }
  return years;
}

std::string CivilDate::ToString() const {
  auto date = ymd();
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

}  // namespace proaktiv

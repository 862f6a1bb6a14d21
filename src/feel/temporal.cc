#include "feel/temporal.h"

#include <date/tz.h>

#include <cstdio>
#include <exception>

namespace proaktiv::feel {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at s[i..].
bool Fixed(std::string_view s, size_t& i, size_t n, int& out) {
  if (i + n > s.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!IsDigit(s[i + k])) return false;
    v = v * 10 + (s[i + k] - '0');
  }
  i += n;
  out = v;
  return true;
}

// Parses "hh:mm:ss(.fff)?" into nanos; returns false on invalid syntax or values.
bool ParseClock(std::string_view s, size_t& i, int64_t& nanos) {
  int h, m, sec;
  if (!Fixed(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !Fixed(s, i, 2, m) || i >= s.size() ||
      s[i++] != ':' || !Fixed(s, i, 2, sec))
    return false;
  int64_t frac = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t start = i;
    int64_t scale = 100'000'000;
    while (i < s.size() && IsDigit(s[i])) {
      frac += (s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    if (i == start) return false;
  }
  if (h == 24 && m == 0 && sec == 0 && frac == 0) h = 0;
  if (h > 23 || m > 59 || sec > 59) return false;
  nanos = ((h * 60 + m) * 60 + sec) * kNanosPerSecond + frac;
  return true;
}

bool ParseZoneSuffix(std::string_view s, size_t& i, Zone& zone) {
  if (i == s.size()) return true;
  auto z = ParseZone(s.substr(i));
  if (!z) return false;
  zone = *z;
  i = s.size();
  return true;
}

std::string Pad2(int64_t v) {
  char b[24];
  std::snprintf(b, sizeof b, "%02d", static_cast<int>(v));
  return b;
}

std::string FormatClock(int64_t nanos) {
  int64_t secs = nanos / kNanosPerSecond, frac = nanos % kNanosPerSecond;
  std::string out = Pad2(secs / 3600) + ":" + Pad2(secs / 60 % 60) + ":" + Pad2(secs % 60);
  if (frac) {
    char b[16];
    std::snprintf(b, sizeof b, "%09lld", static_cast<long long>(frac));
    std::string f = b;
    while (f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

}  // namespace

const date::time_zone* LocateZone(const std::string& id) {
  try {
    return date::locate_zone(id);
  } catch (const std::exception&) {
    return nullptr;
  }
}

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilFields CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {y + (m <= 2), m, d};
}

int DaysInMonth(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2) {
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[m - 1];
}

bool IsValidCivil(int64_t y, int m, int d) {
  return y >= -999999999 && y <= 999999999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

int IsoWeekday(int64_t days) {
  int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday (ISO 4)
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

std::optional<Date> ParseDate(std::string_view s) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && s[i] == '-') neg = true, ++i;
  size_t start = i;
  int64_t y = 0;
  while (i < s.size() && IsDigit(s[i])) {
    y = y * 10 + (s[i] - '0');
    if (y > 999999999) return std::nullopt;
    ++i;
  }
  size_t ylen = i - start;
  if (ylen < 4 || (ylen > 4 && s[start] == '0')) return std::nullopt;
  int m, d;
  if (i >= s.size() || s[i++] != '-' || !Fixed(s, i, 2, m) || i >= s.size() || s[i++] != '-' ||
      !Fixed(s, i, 2, d) || i != s.size())
    return std::nullopt;
  if (neg) y = -y;
  if (!IsValidCivil(y, m, d)) return std::nullopt;
  return Date{DaysFromCivil(y, m, d)};
}

std::optional<Zone> ParseZone(std::string_view s) {
  Zone z;
  if (s.empty()) return z;
  if (s == "Z" || s == "z") {
    z.kind = Zone::Kind::kOffset;
    return z;
  }
  if (s[0] == '+' || s[0] == '-') {
    size_t i = 1;
    int h, m = 0, sec = 0;
    if (!Fixed(s, i, 2, h)) return std::nullopt;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!Fixed(s, i, 2, m)) return std::nullopt;
      if (i < s.size() && s[i] == ':') {
        ++i;
        if (!Fixed(s, i, 2, sec)) return std::nullopt;
      }
    }
    if (i != s.size() || h > 18 || m > 59 || sec > 59) return std::nullopt;
    z.kind = Zone::Kind::kOffset;
    z.offset_seconds = (h * 3600 + m * 60 + sec) * (s[0] == '-' ? -1 : 1);
    return z;
  }
  if (s[0] == '@') s.remove_prefix(1);
  std::string id(s);
  if (id.empty() || !LocateZone(id)) return std::nullopt;
  z.kind = Zone::Kind::kId;
  z.id = std::move(id);
  return z;
}

std::optional<Time> ParseTime(std::string_view s) {
  size_t i = 0;
  Time t;
  if (!ParseClock(s, i, t.nanos) || !ParseZoneSuffix(s, i, t.zone)) return std::nullopt;
  return t;
}

std::optional<DateTime> ParseDateTime(std::string_view s) {
  size_t t = s.find('T');
  if (t == std::string_view::npos) return std::nullopt;
  auto d = ParseDate(s.substr(0, t));
  auto tm = ParseTime(s.substr(t + 1));
  if (!d || !tm) return std::nullopt;
  // 24:00:00 is midnight at the end of the day.
  int64_t extra = s.substr(t + 1, 8) == "24:00:00" ? 1 : 0;
  return DateTime{d->days + extra, tm->nanos, tm->zone};
}

namespace {

// Parses an ISO 8601 duration into years, months, days, and nanos; flags which parts occur.
struct DurationParts {
  bool neg = false;
  int64_t years = 0, months = 0, days = 0;
  __int128 nanos = 0;
  bool has_ym = false, has_dt = false;
};

std::optional<DurationParts> ParseDurationParts(std::string_view s) {
  DurationParts p;
  size_t i = 0;
  if (i < s.size() && s[i] == '-') p.neg = true, ++i;
  if (i >= s.size() || s[i++] != 'P') return std::nullopt;
  bool in_time = false, any = false;
  const char* order = "YMDHMS";
  int last = -1;
  while (i < s.size()) {
    if (s[i] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++i;
      if (i == s.size()) return std::nullopt;
      continue;
    }
    size_t start = i;
    __int128 v = 0;
    while (i < s.size() && IsDigit(s[i])) {
      v = v * 10 + (s[i] - '0');
      if (v > (__int128)1e18) return std::nullopt;
      ++i;
    }
    if (i == start) return std::nullopt;
    __int128 frac = 0;
    bool has_frac = false;
    if (i < s.size() && s[i] == '.') {
      has_frac = true;
      ++i;
      int64_t scale = 100'000'000;
      size_t fs = i;
      while (i < s.size() && IsDigit(s[i])) {
        frac += (s[i] - '0') * scale;
        scale /= 10;
        ++i;
      }
      (void)fs;
    }
    if (i >= s.size()) return std::nullopt;
    char u = s[i++];
    int idx = -1;
    for (int k = in_time ? 3 : 0; k < (in_time ? 6 : 3); ++k)
      if (order[k] == u) idx = k;
    if (idx < 0 || idx <= last || (has_frac && idx != 5)) return std::nullopt;
    last = idx;
    any = true;
    switch (idx) {
      case 0:
        p.years = static_cast<int64_t>(v), p.has_ym = true;
        break;
      case 1:
        p.months = static_cast<int64_t>(v), p.has_ym = true;
        break;
      case 2:
        p.days = static_cast<int64_t>(v), p.has_dt = true;
        break;
      case 3:
        p.nanos += v * 3600 * kNanosPerSecond, p.has_dt = true;
        break;
      case 4:
        p.nanos += v * 60 * kNanosPerSecond, p.has_dt = true;
        break;
      case 5:
        p.nanos += v * kNanosPerSecond + frac, p.has_dt = true;
        break;
    }
  }
  if (!any) return std::nullopt;
  return p;
}

}  // namespace

std::optional<DayTimeDuration> ParseDayTimeDuration(std::string_view s) {
  auto p = ParseDurationParts(s);
  if (!p || p->has_ym) return std::nullopt;
  __int128 n = p->nanos + static_cast<__int128>(p->days) * kNanosPerDay;
  return DayTimeDuration{p->neg ? -n : n};
}

std::optional<YearMonthDuration> ParseYearMonthDuration(std::string_view s) {
  auto p = ParseDurationParts(s);
  if (!p || p->has_dt) return std::nullopt;
  int64_t m = p->years * 12 + p->months;
  return YearMonthDuration{p->neg ? -m : m};
}

std::string FormatDate(const Date& d) {
  CivilFields c = CivilFromDays(d.days);
  char b[40];
  int64_t y = c.year < 0 ? -c.year : c.year;
  std::snprintf(b, sizeof b, "%s%04lld-%02d-%02d", c.year < 0 ? "-" : "", static_cast<long long>(y),
                c.month, c.day);
  return b;
}

std::string FormatZone(const Zone& z) {
  switch (z.kind) {
    case Zone::Kind::kNone:
      return "";
    case Zone::Kind::kId:
      return "@" + z.id;
    case Zone::Kind::kOffset: {
      if (z.offset_seconds == 0) return "Z";
      int32_t o = z.offset_seconds < 0 ? -z.offset_seconds : z.offset_seconds;
      std::string s = (z.offset_seconds < 0 ? "-" : "+") + Pad2(o / 3600) + ":" + Pad2(o / 60 % 60);
      if (o % 60) s += ":" + Pad2(o % 60);
      return s;
    }
  }
  return "";
}

std::string FormatTime(const Time& t) { return FormatClock(t.nanos) + FormatZone(t.zone); }

std::string FormatDateTime(const DateTime& dt) {
  return FormatDate(Date{dt.days}) + "T" + FormatClock(dt.nanos) + FormatZone(dt.zone);
}

std::string FormatDayTimeDuration(const DayTimeDuration& d) {
  __int128 n = d.nanos < 0 ? -d.nanos : d.nanos;
  if (n == 0) return "PT0S";
  std::string out = d.nanos < 0 ? "-P" : "P";
  auto num = [](__int128 v) { return std::to_string(static_cast<long long>(v)); };
  __int128 days = n / kNanosPerDay, rest = n % kNanosPerDay;
  if (days) out += num(days) + "D";
  if (rest) {
    out += "T";
    int64_t secs = static_cast<int64_t>(rest / kNanosPerSecond);
    int64_t frac = static_cast<int64_t>(rest % kNanosPerSecond);
    if (secs / 3600) out += num(secs / 3600) + "H";
    if (secs / 60 % 60) out += num(secs / 60 % 60) + "M";
    if (secs % 60 || frac) {
      out += num(secs % 60);
      if (frac) {
        char b[16];
        std::snprintf(b, sizeof b, "%09lld", static_cast<long long>(frac));
        std::string f = b;
        while (f.back() == '0') f.pop_back();
        out += "." + f;
      }
      out += "S";
    }
  }
  return out;
}

std::string FormatYearMonthDuration(const YearMonthDuration& d) {
  int64_t m = d.months < 0 ? -d.months : d.months;
  if (m == 0) return "P0M";
  std::string out = d.months < 0 ? "-P" : "P";
  if (m / 12) out += std::to_string(m / 12) + "Y";
  if (m % 12) out += std::to_string(m % 12) + "M";
  return out;
}

}  // namespace proaktiv::feel

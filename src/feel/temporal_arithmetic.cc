// The zone and calendar arithmetic of feel/temporal.h; its lexical forms are in temporal.cc.
#include "feel/temporal.h"

#include <date/tz.h>

#include <exception>

namespace proaktiv::feel {

std::optional<int32_t> OffsetAt(const Zone& zone, int64_t days, int64_t nanos) {
  switch (zone.kind) {
    case Zone::Kind::kNone:
      return std::nullopt;
    case Zone::Kind::kOffset:
      return zone.offset_seconds;
    case Zone::Kind::kId: {
      const date::time_zone* tz = LocateZone(zone.id);
      if (!tz) return std::nullopt;
      // The date library covers years -32767..32767; clamp far dates to its range.
      int64_t clamped = days < -4000000 ? -4000000 : (days > 4000000 ? 4000000 : days);
      date::local_seconds ls{std::chrono::seconds(clamped * 86400 + nanos / kNanosPerSecond)};
      date::local_info info = tz->get_info(ls);
      return static_cast<int32_t>(info.first.offset.count());
    }
  }
  return std::nullopt;
}

std::optional<__int128> InstantNanos(const DateTime& dt) {
  auto off = OffsetAt(dt.zone, dt.days, dt.nanos);
  if (!off) return std::nullopt;
  return static_cast<__int128>(dt.days) * kNanosPerDay + dt.nanos -
         static_cast<__int128>(*off) * kNanosPerSecond;
}

std::optional<int64_t> TimeUtcNanos(const Time& t) {
  if (t.zone.kind != Zone::Kind::kOffset) return std::nullopt;
  int64_t n =
      (t.nanos - static_cast<int64_t>(t.zone.offset_seconds) * kNanosPerSecond) % kNanosPerDay;
  return n < 0 ? n + kNanosPerDay : n;
}

Date AddMonths(const Date& d, int64_t months) {
  CivilFields c = CivilFromDays(d.days);
  int64_t total = c.year * 12 + (c.month - 1) + months;
  int64_t y = total >= 0 ? total / 12 : -((-total + 11) / 12);
  int m = static_cast<int>(total - y * 12) + 1;
  int day = c.day;
  int dim = DaysInMonth(y, m);
  if (day > dim) day = dim;
  return Date{DaysFromCivil(y, m, day)};
}

DateTime AddMonths(const DateTime& dt, int64_t months) {
  DateTime r = dt;
  r.days = AddMonths(Date{dt.days}, months).days;
  return r;
}

DateTime AtInstant(__int128 t, const Zone& zone) {
  int32_t off = zone.kind == Zone::Kind::kOffset ? zone.offset_seconds : 0;
  if (zone.kind == Zone::Kind::kId) {
    if (const date::time_zone* tz = LocateZone(zone.id)) {
      __int128 secs = t / kNanosPerSecond;
      const __int128 kLimit = static_cast<__int128>(4000000) * 86400;
      if (secs > kLimit) secs = kLimit;
      if (secs < -kLimit) secs = -kLimit;
      date::sys_seconds ss{std::chrono::seconds(static_cast<int64_t>(secs))};
      off = static_cast<int32_t>(tz->get_info(ss).offset.count());
    }
  }
  __int128 local = t + static_cast<__int128>(off) * kNanosPerSecond;
  __int128 days = local / kNanosPerDay, nanos = local % kNanosPerDay;
  if (nanos < 0) nanos += kNanosPerDay, --days;
  return DateTime{static_cast<int64_t>(days), static_cast<int64_t>(nanos), zone};
}

std::string LocalZoneId() {
  try {
    return date::current_zone()->name();
  } catch (const std::exception&) {
    return "UTC";
  }
}

DateTime AddDuration(const DateTime& dt, const DayTimeDuration& d) {
  DateTime r = dt;
  if (dt.zone.kind == Zone::Kind::kId) {
    // Arithmetic on the instant, then back to local time in the zone.
    auto inst = InstantNanos(dt);
    if (inst) return AtInstant(*inst + d.nanos, dt.zone);
  }
  __int128 total = static_cast<__int128>(dt.days) * kNanosPerDay + dt.nanos + d.nanos;
  __int128 days = total / kNanosPerDay, nanos = total % kNanosPerDay;
  if (nanos < 0) nanos += kNanosPerDay, --days;
  r.days = static_cast<int64_t>(days);
  r.nanos = static_cast<int64_t>(nanos);
  return r;
}

Time AddDuration(const Time& t, const DayTimeDuration& d) {
  Time r = t;
  __int128 n = (static_cast<__int128>(t.nanos) + d.nanos) % kNanosPerDay;
  if (n < 0) n += kNanosPerDay;
  r.nanos = static_cast<int64_t>(n);
  return r;
}

}  // namespace proaktiv::feel

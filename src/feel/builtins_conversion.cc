// Conversion built-ins (spec 10.3.4.1): date, date and time, time, number, string, duration,
// years and months duration; and the boolean function not.

#include <string>

#include "feel/builtins.h"
#include "feel/ops.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

std::optional<int64_t> IntArg(const Value& v) {
  if (!v.is(K::kNumber)) return std::nullopt;
  return v.AsNumber().ToInt64();
}

Value DateFn(std::span<const Value> a, EvalContext& ctx) {
  if (a.size() == 1) {
    const Value& v = a[0];
    if (v.is(K::kString)) {
      if (auto d = ParseDate(v.AsString())) return Value::FromDate(*d);
      return ErrorResult(ctx, "date", "invalid date string '" + std::string(v.AsString()) + "'");
    }
    if (v.is(K::kDate)) return v;
    if (v.is(K::kDateTime)) return Value::FromDate(Date{v.AsDateTime().days});
    return ErrorResult(ctx, "date", "expects a string, date or date and time");
  }
  if (a.size() != 3) return ErrorResult(ctx, "date", "expects 1 or 3 arguments");
  auto y = IntArg(a[0]), m = IntArg(a[1]), d = IntArg(a[2]);
  if (!y || !m || !d || !IsValidCivil(*y, static_cast<int>(*m), static_cast<int>(*d)) || *m > 12 ||
      *d > 31)
    return ErrorResult(ctx, "date", "invalid year, month or day");
  return Value::FromDate(Date{DaysFromCivil(*y, static_cast<int>(*m), static_cast<int>(*d))});
}

Value DateTimeFn(std::span<const Value> a, EvalContext& ctx) {
  if (a.size() == 1) {
    const Value& v = a[0];
    if (v.is(K::kString)) {
      if (auto dt = ParseDateTime(v.AsString())) {
        return Value::FromDateTime(*dt);
      }
      if (auto d = ParseDate(v.AsString())) return Value::FromDateTime(DateTime{d->days, 0, {}});
      return ErrorResult(ctx, "date and time",
                         "invalid string '" + std::string(v.AsString()) + "'");
    }
    if (v.is(K::kDateTime)) return v;
    if (v.is(K::kDate)) return Value::FromDateTime(DateTime{v.AsDate().days, 0, {}});
    return ErrorResult(ctx, "date and time", "expects a string");
  }
  if (a.size() != 2) return ErrorResult(ctx, "date and time", "expects 1 or 2 arguments");
  Value r = DateTimeFromDateAndTime(a[0], a[1]);
  if (r.is_null()) return ErrorResult(ctx, "date and time", "expects a date and a time");
  return r;
}

Value TimeFn(std::span<const Value> a, EvalContext& ctx) {
  if (a.size() == 1) {
    const Value& v = a[0];
    if (v.is(K::kString)) {
      if (auto t = ParseTime(v.AsString())) return Value::FromTime(*t);
      return ErrorResult(ctx, "time", "invalid time string '" + std::string(v.AsString()) + "'");
    }
    if (v.is(K::kTime)) return v;
    if (v.is(K::kDateTime)) {
      DateTime dt = v.AsDateTime();
      return Value::FromTime(Time{dt.nanos, dt.zone});
    }
    if (v.is(K::kDate)) return Value::FromTime(Time{0, Zone{Zone::Kind::kOffset, 0, ""}});
    return ErrorResult(ctx, "time", "expects a string, time, date or date and time");
  }
  if (a.size() < 3 || a.size() > 4) return ErrorResult(ctx, "time", "expects 1, 3 or 4 arguments");
  auto h = IntArg(a[0]), m = IntArg(a[1]);
  if (!h || !m || !a[2].is(K::kNumber) || *h < 0 || *h > 23 || *m < 0 || *m > 59)
    return ErrorResult(ctx, "time", "invalid hour, minute or second");
  Number sec = a[2].AsNumber();
  if (sec < Number() || !(sec < Number::FromInt(60)))
    return ErrorResult(ctx, "time", "invalid second");
  int64_t nanos =
      (sec * Number::FromInt(kNanosPerSecond)).Round(0, RoundingMode::kDown).TruncateToInt64();
  Time t{(*h * 3600 + *m * 60) * kNanosPerSecond + nanos, {}};
  if (a.size() == 4 && !a[3].is_null()) {
    if (!a[3].is(K::kDayTimeDuration)) return ErrorResult(ctx, "time", "offset must be a duration");
    __int128 off = a[3].AsDayTimeDuration().nanos;
    if (off % kNanosPerSecond != 0 || off > 14 * 3600 * (__int128)kNanosPerSecond ||
        off < -14 * 3600 * (__int128)kNanosPerSecond)
      return ErrorResult(ctx, "time", "invalid offset");
    t.zone.kind = Zone::Kind::kOffset;
    t.zone.offset_seconds = static_cast<int32_t>(off / kNanosPerSecond);
  }
  return Value::FromTime(t);
}

Value NumberFn(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kString)) return ErrorResult(ctx, "number", "expects a string");
  std::string s(a[0].AsString());
  std::string group, dec = ".";
  if (a.size() > 1 && !a[1].is_null()) {
    if (!a[1].is(K::kString)) return ErrorResult(ctx, "number", "bad grouping separator");
    group = std::string(a[1].AsString());
    if (group != " " && group != "," && group != ".")
      return ErrorResult(ctx, "number", "bad grouping separator");
  }
  if (a.size() > 2 && !a[2].is_null()) {
    if (!a[2].is(K::kString)) return ErrorResult(ctx, "number", "bad decimal separator");
    dec = std::string(a[2].AsString());
    if (dec != "," && dec != ".") return ErrorResult(ctx, "number", "bad decimal separator");
  }
  if (!group.empty() && group == dec) return ErrorResult(ctx, "number", "separators are equal");
  std::string clean;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!group.empty() && s.compare(i, group.size(), group) == 0) continue;
    if (s.compare(i, dec.size(), dec) == 0) {
      clean += '.';
      continue;
    }
    clean += s[i];
  }
  auto n = Number::Parse(clean);
  if (!n) return ErrorResult(ctx, "number", "not a number: '" + s + "'");
  return Value::Num(*n);
}

Value StringFn(std::span<const Value> a, EvalContext&) {
  if (a[0].is_null()) return Value();
  return Value::String(a[0].ToString());
}

Value DurationFn(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kString)) return ErrorResult(ctx, "duration", "expects a string");
  if (auto ym = ParseYearMonthDuration(a[0].AsString())) return Value::FromDuration(*ym);
  if (auto dt = ParseDayTimeDuration(a[0].AsString())) return Value::FromDuration(*dt);
  return ErrorResult(ctx, "duration", "invalid duration '" + std::string(a[0].AsString()) + "'");
}

Value YmDurationFn(std::span<const Value> a, EvalContext& ctx) {
  auto parts = [](const Value& v, int64_t& y, int& m, int& d, int64_t& nanos, bool& ok) {
    ok = true;
    if (v.is(K::kDate)) {
      CivilFields c = CivilFromDays(v.AsDate().days);
      y = c.year, m = c.month, d = c.day, nanos = 0;
    } else if (v.is(K::kDateTime)) {
      DateTime dt = v.AsDateTime();
      CivilFields c = CivilFromDays(dt.days);
      y = c.year, m = c.month, d = c.day, nanos = dt.nanos;
    } else {
      ok = false;
    }
  };
  int64_t y1 = 0, y2 = 0, n1 = 0, n2 = 0;
  int m1 = 0, m2 = 0, d1 = 0, d2 = 0;
  bool ok1 = false, ok2 = false;
  parts(a[0], y1, m1, d1, n1, ok1);
  parts(a[1], y2, m2, d2, n2, ok2);
  if (!ok1 || !ok2) return ErrorResult(ctx, "years and months duration", "expects dates");
  int64_t months = (y2 - y1) * 12 + (m2 - m1);
  (void)n1;
  (void)n2;
  if (months > 0 && d2 < d1) --months;
  if (months < 0 && d2 > d1) ++months;
  return Value::FromDuration(YearMonthDuration{months});
}

Value NotFn(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kBoolean)) return ErrorResult(ctx, "not", "expects a boolean");
  return Value::Boolean(!a[0].AsBoolean());
}

}  // namespace

void RegisterConversionBuiltins(std::vector<BuiltinDef>& out) {
  out.push_back(
      {"date", {{{"from"}, 1, false, DateFn}, {{"year", "month", "day"}, 3, false, DateFn}}});
  out.push_back({"date and time",
                 {{{"from"}, 1, false, DateTimeFn}, {{"date", "time"}, 2, false, DateTimeFn}}});
  out.push_back(
      {"time",
       {{{"from"}, 1, false, TimeFn}, {{"hour", "minute", "second", "offset"}, 3, false, TimeFn}}});
  out.push_back(
      {"number", {{{"from", "grouping separator", "decimal separator"}, 1, false, NumberFn}}});
  out.push_back({"string", {{{"from"}, 1, false, StringFn}}});
  out.push_back({"duration", {{{"from"}, 1, false, DurationFn}}});
  out.push_back({"years and months duration", {{{"from", "to"}, 2, false, YmDurationFn}}});
  out.push_back({"not", {{{"negand"}, 1, false, NotFn}}});
}

}  // namespace proaktiv::feel

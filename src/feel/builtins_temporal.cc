// Temporal built-ins (spec 10.3.4.7): day of year, day name, month name, week of year,
// day of week, month of year, now, today; plus is (10.3.4.x) and range (string to range).

#include <chrono>
#include <optional>
#include <string>

#include "feel/builtins.h"
#include "feel/lexer.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

const char* kDayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                           "Friday", "Saturday", "Sunday"};
const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

std::optional<int64_t> Days(const Value& v) {
  if (v.is(K::kDate)) return v.AsDate().days;
  if (v.is(K::kDateTime)) return v.AsDateTime().days;
  return std::nullopt;
}

Value DayOfYear(std::span<const Value> a, EvalContext& ctx) {
  auto d = Days(a[0]);
  if (!d) return ErrorResult(ctx, "day of year", "expects a date");
  CivilFields c = CivilFromDays(*d);
  return Value::Int(*d - DaysFromCivil(c.year, 1, 1) + 1);
}

Value DayName(std::span<const Value> a, EvalContext& ctx) {
  auto d = Days(a[0]);
  if (!d) return ErrorResult(ctx, "day of week", "expects a date");
  return Value::String(kDayNames[IsoWeekday(*d) - 1]);
}

Value MonthName(std::span<const Value> a, EvalContext& ctx) {
  auto d = Days(a[0]);
  if (!d) return ErrorResult(ctx, "month of year", "expects a date");
  return Value::String(kMonthNames[CivilFromDays(*d).month - 1]);
}

Value WeekOfYear(std::span<const Value> a, EvalContext& ctx) {
  auto d = Days(a[0]);
  if (!d) return ErrorResult(ctx, "week of year", "expects a date");
  // ISO 8601: the week with the year's first Thursday is week 1.
  int64_t thursday = *d - IsoWeekday(*d) + 4;
  int64_t year = CivilFromDays(thursday).year;
  int64_t jan1 = DaysFromCivil(year, 1, 1);
  return Value::Int((thursday - jan1) / 7 + 1);
}

// The clock's current instant as a date and time in the context's zone, at millisecond
// precision.
std::optional<DateTime> LocalNow(EvalContext& ctx) {
  auto t = ctx.clock().Now();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  ns -= ((ns % 1'000'000) + 1'000'000) % 1'000'000;
  auto zone = ParseZone(ctx.time_zone().empty() ? LocalZoneId() : ctx.time_zone());
  if (!zone) return std::nullopt;
  return AtInstant(ns, *zone);
}

Value Now(std::span<const Value>, EvalContext& ctx) {
  auto dt = LocalNow(ctx);
  if (!dt) return ErrorResult(ctx, "now", "unknown time zone '" + ctx.time_zone() + "'");
  return Value::FromDateTime(*dt);
}

Value Today(std::span<const Value>, EvalContext& ctx) {
  auto dt = LocalNow(ctx);
  if (!dt) return ErrorResult(ctx, "today", "unknown time zone '" + ctx.time_zone() + "'");
  return Value::FromDate(Date{dt->days});
}

Value Is(std::span<const Value> a, EvalContext& ctx) {
  if (a.size() != 2) return ErrorResult(ctx, "is", "expects two values");
  if (a[0].kind() != a[1].kind()) return Value::Boolean(false);
  if (a[0].is(K::kTime)) {
    Time x = a[0].AsTime(), y = a[1].AsTime();
    return Value::Boolean(x.nanos == y.nanos && x.zone == y.zone);
  }
  if (a[0].is(K::kDateTime)) {
    DateTime x = a[0].AsDateTime(), y = a[1].AsDateTime();
    return Value::Boolean(x.days == y.days && x.nanos == y.nanos && x.zone == y.zone);
  }
  return Value::Boolean(FeelEquals(a[0], a[1]).IsTrue());
}

// An endpoint of range(): a literal (number, string, temporal @-literal, null) or a
// conversion call on a string literal.
bool LiteralEndpoint(const std::vector<Token>& t, size_t b, size_t e) {
  if (b >= e) return false;
  if (t[b].kind == Tok::kMinus && e - b == 2 && t[b + 1].kind == Tok::kNumber) return true;
  if (e - b == 1)
    return t[b].kind == Tok::kNumber || t[b].kind == Tok::kString ||
           (t[b].kind == Tok::kName && t[b].text == "null");
  if (e - b == 2) return t[b].kind == Tok::kAt && t[b + 1].kind == Tok::kString;
  if (t[e - 1].kind != Tok::kRParen || t[e - 2].kind != Tok::kString ||
      t[e - 3].kind != Tok::kLParen)
    return false;
  std::string name;
  for (size_t i = b; i < e - 3; ++i) {
    if (t[i].kind != Tok::kName) return false;
    name += (name.empty() ? "" : " ") + t[i].text;
  }
  return name == "date" || name == "time" || name == "date and time" || name == "duration";
}

Value RangeFn(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kString)) return ErrorResult(ctx, "range", "expects a string");
  auto toks = Tokenize(a[0].AsString());
  if (!toks || toks->size() < 2) return ErrorResult(ctx, "range", "invalid range string");
  const auto& t = *toks;
  size_t n = t.size() - 1;  // without kEnd
  bool ok;
  Tok first = t[0].kind;
  {
    size_t dots = 0;
    while (dots < n && t[dots].kind != Tok::kDotDot) ++dots;
    ok = (first == Tok::kLParen || first == Tok::kLBracket || first == Tok::kRBracket) &&
         dots < n && LiteralEndpoint(t, 1, dots) && LiteralEndpoint(t, dots + 1, n - 1);
  }
  if (!ok) return ErrorResult(ctx, "range", "invalid range string");
  auto v = EvaluateExpression(a[0].AsString(), {});
  if (!v || !v->is(K::kRange)) return ErrorResult(ctx, "range", "invalid range string");
  const Range& r = v->AsRange();
  if (r.op == Range::Op::kInterval && !r.low_unbounded && !r.high_unbounded) {
    if (r.low.is_null() && r.high.is_null()) return ErrorResult(ctx, "range", "null endpoints");
    if (!r.low.is_null() && !r.high.is_null()) {
      auto c = FeelCompare(r.low, r.high);
      if (!c || *c > 0) return ErrorResult(ctx, "range", "start after end");
    }
  }
  return *v;
}

}  // namespace

void RegisterTemporalBuiltins(std::vector<BuiltinDef>& out) {
  out.push_back({"day of year", {{{"date"}, 1, false, DayOfYear}}});
  out.push_back({"day of week", {{{"date"}, 1, false, DayName}}});
  out.push_back({"month of year", {{{"date"}, 1, false, MonthName}}});
  out.push_back({"week of year", {{{"date"}, 1, false, WeekOfYear}}});
  out.push_back({"now", {{{}, 0, false, Now}}});
  out.push_back({"today", {{{}, 0, false, Today}}});
  out.push_back({"is", {{{"value1", "value2"}, 2, false, Is}}});
  out.push_back({"range", {{{"from"}, 1, false, RangeFn}}});
}

}  // namespace proaktiv::feel

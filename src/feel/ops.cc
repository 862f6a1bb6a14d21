#include "feel/ops.h"

#include <string>

namespace proaktiv::feel {
namespace {

using K = ValueKind;

Value TypeError(EvalContext& ctx, const char* op, const Value& a, const Value& b) {
  ctx.AddMessage(std::string("cannot apply '") + op + "' to " + std::string(KindName(a.kind())) +
                 " and " + std::string(KindName(b.kind())));
  return Value();
}

DateTime DateAsDateTime(const Date& d) { return DateTime{d.days, 0, Zone{}}; }

Value DateTimeDiff(const DateTime& a, const DateTime& b, EvalContext& ctx) {
  bool al = a.zone.kind == Zone::Kind::kNone, bl = b.zone.kind == Zone::Kind::kNone;
  __int128 x, y;
  if (al && bl) {
    x = static_cast<__int128>(a.days) * kNanosPerDay + a.nanos;
    y = static_cast<__int128>(b.days) * kNanosPerDay + b.nanos;
  } else if (!al && !bl) {
    x = *InstantNanos(a);
    y = *InstantNanos(b);
  } else {
    ctx.AddMessage("cannot subtract a local date and time from a zoned one");
    return Value();
  }
  return Value::FromDuration(DayTimeDuration{x - y});
}

Value AddDayTime(const Value& t, const DayTimeDuration& d) {
  switch (t.kind()) {
    case K::kDate: {
      DateTime r = AddDuration(DateAsDateTime(t.AsDate()), d);
      return Value::FromDate(Date{r.days});
    }
    case K::kDateTime:
      return Value::FromDateTime(AddDuration(t.AsDateTime(), d));
    case K::kTime:
      return Value::FromTime(AddDuration(t.AsTime(), d));
    default:
      return Value();
  }
}

Value AddYearMonth(const Value& t, int64_t months) {
  switch (t.kind()) {
    case K::kDate:
      return Value::FromDate(AddMonths(t.AsDate(), months));
    case K::kDateTime:
      return Value::FromDateTime(AddMonths(t.AsDateTime(), months));
    default:
      return Value();
  }
}

bool IsTemporalPoint(const Value& v) {
  return v.is(K::kDate) || v.is(K::kDateTime) || v.is(K::kTime);
}

// duration * number, rounding to whole nanoseconds / months (half-even).
Value ScaleDuration(const Value& d, const Number& n, bool divide, EvalContext& ctx) {
  if (divide && n.IsZero()) {
    ctx.AddMessage("division by zero");
    return Value();
  }
  if (d.is(K::kYearMonthDuration)) {
    Number m = Number::FromInt(d.AsYearMonthDuration().months);
    Number r = divide ? m / n : m * n;
    return Value::FromDuration(
        YearMonthDuration{r.Round(0, RoundingMode::kDown).TruncateToInt64()});
  }
  __int128 nanos = d.AsDayTimeDuration().nanos;
  Number dn = *Number::Parse(std::to_string(static_cast<long long>(nanos / kNanosPerSecond))) *
                  Number::FromInt(kNanosPerSecond) +
              Number::FromInt(static_cast<int64_t>(nanos % kNanosPerSecond));
  Number r = (divide ? dn / n : dn * n).Round(0, RoundingMode::kHalfEven);
  Number secs = (r / Number::FromInt(kNanosPerSecond)).Round(0, RoundingMode::kDown);
  Number rest = r - secs * Number::FromInt(kNanosPerSecond);
  __int128 out =
      static_cast<__int128>(secs.TruncateToInt64()) * kNanosPerSecond + rest.TruncateToInt64();
  return Value::FromDuration(DayTimeDuration{out});
}

}  // namespace

Value Arith(ArithOp op, const Value& a, const Value& b, EvalContext& ctx) {
  static const char* kNames[] = {"+", "-", "*", "/", "**"};
  const char* name = kNames[static_cast<int>(op)];
  if (a.is_null() || b.is_null()) return TypeError(ctx, name, a, b);
  if (a.is(K::kNumber) && b.is(K::kNumber)) {
    const Number &x = a.AsNumber(), &y = b.AsNumber();
    switch (op) {
      case ArithOp::kAdd:
        return Value::Num(x + y);
      case ArithOp::kSub:
        return Value::Num(x - y);
      case ArithOp::kMul:
        return Value::Num(x * y);
      case ArithOp::kDiv:
        if (y.IsZero()) {
          ctx.AddMessage("division by zero");
          return Value();
        }
        return Value::Num(x / y);
      case ArithOp::kPow: {
        Value r = Value::Num(x.Pow(y));
        if (r.is_null()) ctx.AddMessage("'**' result is not a finite number");
        return r;
      }
    }
  }
  switch (op) {
    case ArithOp::kAdd:
      if (a.is(K::kString) && b.is(K::kString))
        return Value::String(std::string(a.AsString()) + std::string(b.AsString()));
      if (IsTemporalPoint(a) && b.is(K::kDayTimeDuration))
        return AddDayTime(a, b.AsDayTimeDuration());
      if (IsTemporalPoint(b) && a.is(K::kDayTimeDuration))
        return AddDayTime(b, a.AsDayTimeDuration());
      if ((a.is(K::kDate) || a.is(K::kDateTime)) && b.is(K::kYearMonthDuration))
        return AddYearMonth(a, b.AsYearMonthDuration().months);
      if ((b.is(K::kDate) || b.is(K::kDateTime)) && a.is(K::kYearMonthDuration))
        return AddYearMonth(b, a.AsYearMonthDuration().months);
      if (a.is(K::kDayTimeDuration) && b.is(K::kDayTimeDuration))
        return Value::FromDuration(
            DayTimeDuration{a.AsDayTimeDuration().nanos + b.AsDayTimeDuration().nanos});
      if (a.is(K::kYearMonthDuration) && b.is(K::kYearMonthDuration))
        return Value::FromDuration(
            YearMonthDuration{a.AsYearMonthDuration().months + b.AsYearMonthDuration().months});
      break;
    case ArithOp::kSub:
      if (IsTemporalPoint(a) && b.is(K::kDayTimeDuration))
        return AddDayTime(a, DayTimeDuration{-b.AsDayTimeDuration().nanos});
      if ((a.is(K::kDate) || a.is(K::kDateTime)) && b.is(K::kYearMonthDuration))
        return AddYearMonth(a, -b.AsYearMonthDuration().months);
      if (a.is(K::kDayTimeDuration) && b.is(K::kDayTimeDuration))
        return Value::FromDuration(
            DayTimeDuration{a.AsDayTimeDuration().nanos - b.AsDayTimeDuration().nanos});
      if (a.is(K::kYearMonthDuration) && b.is(K::kYearMonthDuration))
        return Value::FromDuration(
            YearMonthDuration{a.AsYearMonthDuration().months - b.AsYearMonthDuration().months});
      if ((a.is(K::kDate) || a.is(K::kDateTime)) && (b.is(K::kDate) || b.is(K::kDateTime))) {
        DateTime x = a.is(K::kDate) ? DateAsDateTime(a.AsDate()) : a.AsDateTime();
        DateTime y = b.is(K::kDate) ? DateAsDateTime(b.AsDate()) : b.AsDateTime();
        if (a.is(K::kDate) && y.zone.kind != Zone::Kind::kNone)
          x.zone = Zone{Zone::Kind::kOffset, 0, ""};
        if (b.is(K::kDate) && x.zone.kind != Zone::Kind::kNone)
          y.zone = Zone{Zone::Kind::kOffset, 0, ""};
        if (a.is(K::kDate) != b.is(K::kDate) &&
            (x.zone.kind == Zone::Kind::kNone || y.zone.kind == Zone::Kind::kNone)) {
          ctx.AddMessage("cannot subtract a date and a local date and time");
          return Value();
        }
        return DateTimeDiff(x, y, ctx);
      }
      if (a.is(K::kTime) && b.is(K::kTime)) {
        Time x = a.AsTime(), y = b.AsTime();
        if (x.zone.kind == Zone::Kind::kOffset && y.zone.kind == Zone::Kind::kOffset) {
          int64_t ux = x.nanos - static_cast<int64_t>(x.zone.offset_seconds) * kNanosPerSecond;
          int64_t uy = y.nanos - static_cast<int64_t>(y.zone.offset_seconds) * kNanosPerSecond;
          return Value::FromDuration(DayTimeDuration{ux - uy});
        }
        if (x.zone.kind == Zone::Kind::kNone && y.zone.kind == Zone::Kind::kNone)
          return Value::FromDuration(DayTimeDuration{x.nanos - y.nanos});
        if (x.zone == y.zone) return Value::FromDuration(DayTimeDuration{x.nanos - y.nanos});
        ctx.AddMessage("cannot subtract times with different kinds of zone");
        return Value();
      }
      break;
    case ArithOp::kMul:
      if ((a.is(K::kDayTimeDuration) || a.is(K::kYearMonthDuration)) && b.is(K::kNumber))
        return ScaleDuration(a, b.AsNumber(), false, ctx);
      if ((b.is(K::kDayTimeDuration) || b.is(K::kYearMonthDuration)) && a.is(K::kNumber))
        return ScaleDuration(b, a.AsNumber(), false, ctx);
      break;
    case ArithOp::kDiv:
      if ((a.is(K::kDayTimeDuration) || a.is(K::kYearMonthDuration)) && b.is(K::kNumber))
        return ScaleDuration(a, b.AsNumber(), true, ctx);
      if (a.is(K::kDayTimeDuration) && b.is(K::kDayTimeDuration)) {
        __int128 y = b.AsDayTimeDuration().nanos;
        if (y == 0) break;
        auto num = [](__int128 v) {
          bool neg = v < 0;
          unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;
          std::string s;
          do {
            s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
            u /= 10;
          } while (u);
          return *Number::Parse((neg ? "-" : "") + s);
        };
        return Value::Num(num(a.AsDayTimeDuration().nanos) / num(y));
      }
      if (a.is(K::kYearMonthDuration) && b.is(K::kYearMonthDuration)) {
        int64_t y = b.AsYearMonthDuration().months;
        if (y == 0) break;
        return Value::Num(Number::FromInt(a.AsYearMonthDuration().months) / Number::FromInt(y));
      }
      break;
    case ArithOp::kPow:
      break;
  }
  return TypeError(ctx, name, a, b);
}

Value Negate(const Value& a, EvalContext& ctx) {
  switch (a.kind()) {
    case K::kNumber:
      return Value::Num(-a.AsNumber());
    case K::kDayTimeDuration:
      return Value::FromDuration(DayTimeDuration{-a.AsDayTimeDuration().nanos});
    case K::kYearMonthDuration:
      return Value::FromDuration(YearMonthDuration{-a.AsYearMonthDuration().months});
    default:
      ctx.AddMessage("cannot negate " + std::string(KindName(a.kind())));
      return Value();
  }
}

Value Compare(CmpOp op, const Value& a, const Value& b, EvalContext& ctx) {
  if (op == CmpOp::kEq || op == CmpOp::kNe) {
    Value e = FeelEquals(a, b);
    if (e.is_null()) {
      ctx.AddMessage("cannot compare " + std::string(KindName(a.kind())) + " and " +
                     std::string(KindName(b.kind())));
      return e;
    }
    return op == CmpOp::kEq ? e : Value::Boolean(!e.AsBoolean());
  }
  auto c = FeelCompare(a, b);
  if (!c) {
    if (!a.is_null() && !b.is_null())
      ctx.AddMessage("cannot order " + std::string(KindName(a.kind())) + " and " +
                     std::string(KindName(b.kind())));
    return Value();
  }
  switch (op) {
    case CmpOp::kLt:
      return Value::Boolean(*c < 0);
    case CmpOp::kLe:
      return Value::Boolean(*c <= 0);
    case CmpOp::kGt:
      return Value::Boolean(*c > 0);
    case CmpOp::kGe:
      return Value::Boolean(*c >= 0);
    default:
      return Value();
  }
}

Value RangeContains(const Range& r, const Value& v) {
  if (r.op == Range::Op::kEqual) return FeelEquals(v, r.low);
  if (r.op == Range::Op::kNotEqual) {
    Value e = FeelEquals(v, r.low);
    return e.is_null() ? e : Value::Boolean(!e.AsBoolean());
  }
  if (v.is_null()) return Value();
  if (v.is(K::kNumber) && (r.low_unbounded || r.low.is(K::kNumber)) &&
      (r.high_unbounded || r.high.is(K::kNumber))) {
    // Fast path for numbers: one decimal128 comparison per bound; the full three-way
    // comparison only when a bound fails (to tell "outside" from "not comparable").
    const Number& x = v.AsNumber();
    if (!r.low_unbounded) {
      const Number& lo = r.low.AsNumber();
      if (!(r.low_closed ? lo <= x : lo < x))
        return FeelCompare(r.low, v) ? Value::Boolean(false) : Value();
    }
    if (!r.high_unbounded) {
      const Number& hi = r.high.AsNumber();
      if (!(r.high_closed ? x <= hi : x < hi))
        return FeelCompare(v, r.high) ? Value::Boolean(false) : Value();
    }
    return Value::Boolean(true);
  }
  if (!r.low_unbounded) {
    auto c = FeelCompare(r.low, v);
    if (!c) return Value();
    if (*c > 0 || (*c == 0 && !r.low_closed)) return Value::Boolean(false);
  }
  if (!r.high_unbounded) {
    auto c = FeelCompare(v, r.high);
    if (!c) return Value();
    if (*c > 0 || (*c == 0 && !r.high_closed)) return Value::Boolean(false);
  }
  return Value::Boolean(true);
}

Value MatchUnaryTest(const Value& input, const Value& test, bool uses_input) {
  if (test.is(K::kRange)) return RangeContains(test.AsRange(), input);
  if (test.is(K::kBoolean) && (uses_input || !input.is(K::kBoolean))) return test;
  if (test.is(K::kList) && !input.is(K::kList)) {
    bool saw_null = false;
    for (const Value& e : test.AsList()) {
      Value m = e.is(K::kRange) ? RangeContains(e.AsRange(), input) : FeelEquals(input, e);
      if (m.IsTrue()) return m;
      if (m.is_null()) saw_null = true;
    }
    (void)saw_null;
    return Value::Boolean(false);
  }
  Value e = FeelEquals(input, test);
  return e.is_null() ? Value::Boolean(false) : e;
}

Value DateTimeFromDateAndTime(const Value& date, const Value& time) {
  int64_t days;
  if (date.is(K::kDate)) {
    days = date.AsDate().days;
  } else if (date.is(K::kDateTime)) {
    days = date.AsDateTime().days;
  } else {
    return Value();
  }
  if (!time.is(K::kTime)) return Value();
  Time t = time.AsTime();
  return Value::FromDateTime(DateTime{days, t.nanos, t.zone});
}

}  // namespace proaktiv::feel

// FEEL's comparison and equality of values (feel/value.h): FeelCompare, FeelEquals, Equal.
#include "feel/value.h"

namespace proaktiv::feel {

namespace {

std::optional<int> Cmp128(__int128 a, __int128 b) { return a < b ? -1 : (a > b ? 1 : 0); }

// Times and date-times compare at millisecond precision (the TCK: 10:30:00.0001 equals
// 10:30:00.0002); the stored value keeps nanoseconds for arithmetic and rendering.
__int128 Millis(__int128 nanos) {
  constexpr __int128 kNanosPerMilli = 1000000;
  __int128 q = nanos / kNanosPerMilli;
  return (nanos % kNanosPerMilli < 0) ? q - 1 : q;  // floor
}

std::optional<int> CmpMillis(__int128 a, __int128 b) { return Cmp128(Millis(a), Millis(b)); }

// Compares two date-times: both local, or both with a known instant.
std::optional<int> CompareDateTime(const DateTime& a, const DateTime& b) {
  bool al = a.zone.kind == Zone::Kind::kNone, bl = b.zone.kind == Zone::Kind::kNone;
  if (al && bl) {
    return CmpMillis(static_cast<__int128>(a.days) * kNanosPerDay + a.nanos,
                     static_cast<__int128>(b.days) * kNanosPerDay + b.nanos);
  }
  if (al != bl) return std::nullopt;
  auto ia = InstantNanos(a), ib = InstantNanos(b);
  if (!ia || !ib) return std::nullopt;
  return CmpMillis(*ia, *ib);
}

std::optional<int> CompareTime(const Time& a, const Time& b) {
  auto ua = TimeUtcNanos(a), ub = TimeUtcNanos(b);
  if (ua && ub) return CmpMillis(*ua, *ub);
  if (a.zone.kind == Zone::Kind::kNone && b.zone.kind == Zone::Kind::kNone)
    return CmpMillis(a.nanos, b.nanos);
  if (a.zone.kind == Zone::Kind::kId && b.zone.kind == Zone::Kind::kId && a.zone.id == b.zone.id)
    return CmpMillis(a.nanos, b.nanos);
  return std::nullopt;
}

}  // namespace

std::optional<int> FeelCompare(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case ValueKind::kNumber: {
      auto c = a.AsNumber() <=> b.AsNumber();
      if (c == std::partial_ordering::less) return -1;
      if (c == std::partial_ordering::greater) return 1;
      if (c == std::partial_ordering::equivalent) return 0;
      return std::nullopt;
    }
    case ValueKind::kString: {
      int c = a.AsString().compare(b.AsString());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case ValueKind::kDate:
      return Cmp128(a.AsDate().days, b.AsDate().days);
    case ValueKind::kTime:
      return CompareTime(a.AsTime(), b.AsTime());
    case ValueKind::kDateTime:
      return CompareDateTime(a.AsDateTime(), b.AsDateTime());
    case ValueKind::kDayTimeDuration:
      return Cmp128(a.AsDayTimeDuration().nanos, b.AsDayTimeDuration().nanos);
    case ValueKind::kYearMonthDuration:
      return Cmp128(a.AsYearMonthDuration().months, b.AsYearMonthDuration().months);
    default:
      return std::nullopt;
  }
}

Value FeelEquals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Boolean(a.is_null() && b.is_null());
  if (a.kind() != b.kind()) return Value();
  switch (a.kind()) {
    case ValueKind::kBoolean:
      return Value::Boolean(a.AsBoolean() == b.AsBoolean());
    case ValueKind::kTime: {
      Time ta = a.AsTime(), tb = b.AsTime();
      if (ta.zone.kind == Zone::Kind::kId || tb.zone.kind == Zone::Kind::kId) {
        return Value::Boolean(Millis(ta.nanos) == Millis(tb.nanos) && ta.zone == tb.zone);
      }
      auto c = CompareTime(ta, tb);
      return Value::Boolean(c && *c == 0);
    }
    case ValueKind::kDateTime: {
      auto c = CompareDateTime(a.AsDateTime(), b.AsDateTime());
      return Value::Boolean(c && *c == 0);
    }
    case ValueKind::kList: {
      const List &la = a.AsList(), &lb = b.AsList();
      if (la.size() != lb.size()) return Value::Boolean(false);
      for (size_t i = 0; i < la.size(); ++i) {
        Value e = FeelEquals(la[i], lb[i]);
        if (!e.IsTrue()) return e.is_null() ? e : Value::Boolean(false);
      }
      return Value::Boolean(true);
    }
    case ValueKind::kContext: {
      const Context &ca = a.AsContext(), &cb = b.AsContext();
      if (ca.size() != cb.size()) return Value::Boolean(false);
      for (const auto& [k, v] : ca.entries()) {
        const Value* o = cb.Find(k);
        if (!o) return Value::Boolean(false);
        Value e = FeelEquals(v, *o);
        if (!e.IsTrue()) return e.is_null() ? e : Value::Boolean(false);
      }
      return Value::Boolean(true);
    }
    case ValueKind::kRange: {
      const Range &ra = a.AsRange(), &rb = b.AsRange();
      bool same = ra.op == rb.op && ra.low_closed == rb.low_closed &&
                  ra.high_closed == rb.high_closed && ra.low_unbounded == rb.low_unbounded &&
                  ra.high_unbounded == rb.high_unbounded && Equal(ra.low, rb.low) &&
                  Equal(ra.high, rb.high);
      return Value::Boolean(same);
    }
    case ValueKind::kFunction:
      return Value::Boolean(a.FunctionPtr() == b.FunctionPtr());
    default: {
      auto c = FeelCompare(a, b);
      if (!c) return Value();
      return Value::Boolean(*c == 0);
    }
  }
}

bool Equal(const Value& a, const Value& b) { return FeelEquals(a, b).IsTrue(); }
bool operator==(const Value& a, const Value& b) { return Equal(a, b); }

}  // namespace proaktiv::feel

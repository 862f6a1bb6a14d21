// Path expressions `v.name` (spec 10.3.2.x "path expressions" and the property table).

#include <string>

#include "feel/ops.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

Value OffsetValue(const Zone& z, int64_t days, int64_t nanos) {
  auto off = OffsetAt(z, days, nanos);
  if (!off) return Value();
  return Value::FromDuration(DayTimeDuration{static_cast<__int128>(*off) * kNanosPerSecond});
}

Value ZoneName(const Zone& z) {
  if (z.kind == Zone::Kind::kId) return Value::String(z.id);
  return Value();
}

Value ClockProperty(std::string_view name, int64_t nanos, bool& found) {
  int64_t secs = nanos / kNanosPerSecond;
  found = true;
  if (name == "hour") return Value::Int(secs / 3600);
  if (name == "minute") return Value::Int(secs / 60 % 60);
  if (name == "second") return Value::Int(secs % 60);
  found = false;
  return Value();
}

Value DateProperty(std::string_view name, int64_t days, bool& found) {
  CivilFields c = CivilFromDays(days);
  found = true;
  if (name == "year") return Value::Int(c.year);
  if (name == "month") return Value::Int(c.month);
  if (name == "day") return Value::Int(c.day);
  if (name == "weekday") return Value::Int(IsoWeekday(days));
  found = false;
  return Value();
}

}  // namespace

Value GetProperty(const Value& v, std::string_view name, EvalContext& ctx) {
  bool found = false;
  Value r;
  switch (v.kind()) {
    case K::kNull:
      ctx.AddMessage("cannot read '" + std::string(name) + "' of null");
      return Value();
    case K::kContext: {
      const Value* e = v.AsContext().Find(name);
      if (e) return *e;
      ctx.AddMessage("context has no entry '" + std::string(name) + "'");
      return Value();
    }
    case K::kList: {
      List out;
      out.reserve(v.AsList().size());
      for (const Value& e : v.AsList()) out.push_back(GetProperty(e, name, ctx));
      return Value::FromList(std::move(out));
    }
    case K::kDate:
      r = DateProperty(name, v.AsDate().days, found);
      break;
    case K::kDateTime: {
      DateTime dt = v.AsDateTime();
      r = DateProperty(name, dt.days, found);
      if (!found) r = ClockProperty(name, dt.nanos, found);
      if (!found && name == "time offset")
        found = true, r = OffsetValue(dt.zone, dt.days, dt.nanos);
      if (!found && name == "timezone") found = true, r = ZoneName(dt.zone);
      break;
    }
    case K::kTime: {
      Time t = v.AsTime();
      r = ClockProperty(name, t.nanos, found);
      if (!found && name == "time offset") {
        found = true;
        if (t.zone.kind == Zone::Kind::kOffset) r = OffsetValue(t.zone, 0, 0);
      }
      if (!found && name == "timezone") found = true, r = ZoneName(t.zone);
      break;
    }
    case K::kDayTimeDuration: {
      __int128 n = v.AsDayTimeDuration().nanos;
      __int128 secs = n / kNanosPerSecond;
      found = true;
      if (name == "days")
        r = Value::Int(static_cast<int64_t>(secs / 86400));
      else if (name == "hours")
        r = Value::Int(static_cast<int64_t>(secs / 3600 % 24));
      else if (name == "minutes")
        r = Value::Int(static_cast<int64_t>(secs / 60 % 60));
      else if (name == "seconds")
        r = Value::Int(static_cast<int64_t>(secs % 60));
      else
        found = false;
      break;
    }
    case K::kYearMonthDuration: {
      int64_t m = v.AsYearMonthDuration().months;
      found = true;
      if (name == "years")
        r = Value::Int(m / 12);
      else if (name == "months")
        r = Value::Int(m % 12);
      else
        found = false;
      break;
    }
    case K::kRange: {
      const Range& rg = v.AsRange();
      found = true;
      if (name == "start")
        r = rg.low_unbounded || rg.op != Range::Op::kInterval
                ? (rg.op != Range::Op::kInterval ? rg.low : Value())
                : rg.low;
      else if (name == "end")
        r = rg.op != Range::Op::kInterval ? rg.low : rg.high;
      else if (name == "start included")
        r = Value::Boolean(rg.op == Range::Op::kEqual || (!rg.low_unbounded && rg.low_closed));
      else if (name == "end included")
        r = Value::Boolean(rg.op == Range::Op::kEqual || (!rg.high_unbounded && rg.high_closed));
      else
        found = false;
      break;
    }
    default:
      break;
  }
  if (!found) {
    ctx.AddMessage("no property '" + std::string(name) + "' on " + std::string(KindName(v.kind())));
    return Value();
  }
  return r;
}

}  // namespace proaktiv::feel

// Numeric built-ins (spec 10.3.4.5).

#include "feel/builtins.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

bool Num(std::span<const Value> a, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (i >= a.size() || !a[i].is(K::kNumber)) return false;
  return true;
}

std::optional<int32_t> Scale(std::span<const Value> a, size_t i, bool optional) {
  if (i >= a.size()) {
    if (optional) return 0;
    return std::nullopt;
  }
  if (!a[i].is(K::kNumber)) return std::nullopt;
  int64_t s = a[i].AsNumber().Round(0, RoundingMode::kDown).TruncateToInt64();
  if (s < -6111 || s > 6176) return std::nullopt;
  return static_cast<int32_t>(s);
}

Value RoundWith(std::span<const Value> a, EvalContext& ctx, const char* name, RoundingMode mode,
                bool optional_scale) {
  auto scale = Scale(a, 1, optional_scale);
  if (!Num(a, 1) || !scale) return ErrorResult(ctx, name, "expects (number, scale)");
  return Value::Num(a[0].AsNumber().Round(*scale, mode));
}

Value Decimal(std::span<const Value> a, EvalContext& ctx) {
  return RoundWith(a, ctx, "decimal", RoundingMode::kHalfEven, false);
}
Value Floor(std::span<const Value> a, EvalContext& ctx) {
  return RoundWith(a, ctx, "floor", RoundingMode::kFloor, true);
}
Value Ceiling(std::span<const Value> a, EvalContext& ctx) {
  return RoundWith(a, ctx, "ceiling", RoundingMode::kCeiling, true);
}
Value RoundUp(std::span<const Value> a, EvalContext& ctx) {
  return RoundWith(a, ctx, "round up", RoundingMode::kUp, false);
}
Value RoundDown(std::span<const Value> a, EvalContext& ctx) {
  return RoundWith(a, ctx, "round down", RoundingMode::kDown, false);
}
Value RoundHalfUp(std::span<const Value> a, EvalContext& ctx) {
  return RoundWith(a, ctx, "round half up", RoundingMode::kHalfUp, false);
}
Value RoundHalfDown(std::span<const Value> a, EvalContext& ctx) {
  return RoundWith(a, ctx, "round half down", RoundingMode::kHalfDown, false);
}

Value Abs(std::span<const Value> a, EvalContext& ctx) {
  if (a[0].is(K::kNumber)) return Value::Num(a[0].AsNumber().Abs());
  if (a[0].is(K::kDayTimeDuration)) {
    __int128 n = a[0].AsDayTimeDuration().nanos;
    return Value::FromDuration(DayTimeDuration{n < 0 ? -n : n});
  }
  if (a[0].is(K::kYearMonthDuration)) {
    int64_t m = a[0].AsYearMonthDuration().months;
    return Value::FromDuration(YearMonthDuration{m < 0 ? -m : m});
  }
  return ErrorResult(ctx, "abs", "expects a number or duration");
}

Value Modulo(std::span<const Value> a, EvalContext& ctx) {
  if (!Num(a, 2) || a[1].AsNumber().IsZero())
    return ErrorResult(ctx, "modulo", "expects numbers, divisor not 0");
  return Value::Num(a[0].AsNumber().Modulo(a[1].AsNumber()));
}

Value Sqrt(std::span<const Value> a, EvalContext& ctx) {
  if (!Num(a, 1) || a[0].AsNumber().IsNegative())
    return ErrorResult(ctx, "sqrt", "expects a number >= 0");
  return Value::Num(a[0].AsNumber().Sqrt());
}

Value Log(std::span<const Value> a, EvalContext& ctx) {
  if (!Num(a, 1) || !(a[0].AsNumber() > Number()))
    return ErrorResult(ctx, "log", "expects a number > 0");
  return Value::Num(a[0].AsNumber().Ln());
}

Value Exp(std::span<const Value> a, EvalContext& ctx) {
  if (!Num(a, 1)) return ErrorResult(ctx, "exp", "expects a number");
  return Value::Num(a[0].AsNumber().Exp());
}

Value OddEven(std::span<const Value> a, EvalContext& ctx, bool odd) {
  if (!Num(a, 1) || !a[0].AsNumber().IsInteger())
    return ErrorResult(ctx, odd ? "odd" : "even", "expects an integer");
  bool is_odd = !a[0].AsNumber().Modulo(Number::FromInt(2)).IsZero();
  return Value::Boolean(is_odd == odd);
}
Value Odd(std::span<const Value> a, EvalContext& ctx) { return OddEven(a, ctx, true); }
Value Even(std::span<const Value> a, EvalContext& ctx) { return OddEven(a, ctx, false); }

}  // namespace

void RegisterNumericBuiltins(std::vector<BuiltinDef>& out) {
  out.push_back({"decimal", {{{"n", "scale"}, 2, false, Decimal}}});
  out.push_back({"floor", {{{"n", "scale"}, 1, false, Floor}}});
  out.push_back({"ceiling", {{{"n", "scale"}, 1, false, Ceiling}}});
  out.push_back({"round up", {{{"n", "scale"}, 2, false, RoundUp}}});
  out.push_back({"round down", {{{"n", "scale"}, 2, false, RoundDown}}});
  out.push_back({"round half up", {{{"n", "scale"}, 2, false, RoundHalfUp}}});
  out.push_back({"round half down", {{{"n", "scale"}, 2, false, RoundHalfDown}}});
  out.push_back({"abs", {{{"n"}, 1, false, Abs}}});
  out.push_back({"modulo", {{{"dividend", "divisor"}, 2, false, Modulo}}});
  out.push_back({"sqrt", {{{"number"}, 1, false, Sqrt}}});
  out.push_back({"log", {{{"number"}, 1, false, Log}}});
  out.push_back({"exp", {{{"number"}, 1, false, Exp}}});
  out.push_back({"odd", {{{"number"}, 1, false, Odd}}});
  out.push_back({"even", {{{"number"}, 1, false, Even}}});
}

}  // namespace proaktiv::feel

// sort(): the native path (comparison bodies sorted without calls) against the general path as
// it was before the native one existed (std::stable_sort of the values, invoking the function
// for every comparison): same values in the same order (tie order included, told apart by the
// numbers' scale and the date-times' zones), same null and messages on errors.

#include "feel/builtins_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "feel/feel.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

struct Outcome {
  Value value;
  std::vector<std::string> messages;
};

// The reference: the sort() implementation before the native path.
Outcome Reference(const List& items, const std::string& fn_text) {
  Outcome o;
  EvalContext ctx;
  List out = items;
  bool failed = false;
  if (fn_text.empty()) {
    std::stable_sort(out.begin(), out.end(), [&](const Value& x, const Value& y) {
      auto c = FeelCompare(x, y);
      if (!c) failed = true;
      return c && *c < 0;
    });
  } else {
    auto fn = EvaluateExpression(fn_text, {});
    EXPECT_TRUE(fn && fn->is(K::kFunction)) << fn_text;
    Arguments args;
    args.positional.resize(2);
    std::stable_sort(out.begin(), out.end(), [&](const Value& x, const Value& y) {
      if (failed) return false;
      args.positional[0] = x;
      args.positional[1] = y;
      Value r = Invoke(*fn, args, ctx);
      if (!r.is(K::kBoolean)) failed = true;
      return r.IsTrue();
    });
  }
  if (failed) {
    ctx.AddMessage("sort: items are not comparable");
  } else {
    o.value = Value::FromList(std::move(out));
  }
  o.messages = ctx.messages();
  return o;
}

// sort(xs, fn_text) (sort(xs) if fn_text is empty) through the engine.
Outcome Engine(const List& items, const std::string& fn_text) {
  Scope scope;
  Slot xs = scope.Define("xs");
  auto expr = CompileExpression(fn_text.empty() ? "sort(xs)" : "sort(xs, " + fn_text + ")", scope);
  EXPECT_TRUE(expr.has_value()) << fn_text;
  Frame frame(scope);
  frame.Set(xs, Value::FromList(items));
  Outcome o;
  o.value = expr->Evaluate(frame);
  o.messages = frame.context().messages();
  return o;
}

// Identity, finer than FEEL equality: 1 and 1.0 differ (decimal128 bits), and so do equal
// instants in different zones (their text).
bool Same(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  if (a.is(K::kNumber))
    return a.AsNumber().lo() == b.AsNumber().lo() && a.AsNumber().hi() == b.AsNumber().hi();
  if (a.is(K::kList)) {
    const List &x = a.AsList(), &y = b.AsList();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!Same(x[i], y[i])) return false;
    return true;
  }
  return a.DebugString() == b.DebugString();
}

const char* const kBodies[] = {"x < y", "x <= y", "x > y", "x >= y",
                               "y < x", "y <= x", "y > x", "y >= x"};

void ExpectSameAsReference(const List& items, const std::string& what) {
  std::vector<std::string> fns = {""};
  for (const char* body : kBodies) fns.push_back(std::string("function(x, y) ") + body);
  for (const std::string& fn : fns) {
    Outcome want = Reference(items, fn), got = Engine(items, fn);
    EXPECT_TRUE(Same(got.value, want.value))
        << what << ", " << (fn.empty() ? "no function" : fn) << "\n got " << got.value.DebugString()
        << "\nwant " << want.value.DebugString();
    EXPECT_EQ(got.messages, want.messages) << what << ", " << fn;
  }
}

// A decimal with `scale` fraction digits: Decimal(150, 2) is 1.50 (not 1.5).
Value Decimal(int64_t coefficient, int scale) {
  std::string digits = std::to_string(coefficient < 0 ? -coefficient : coefficient);
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale))
      digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return Value::Num(*Number::Parse((coefficient < 0 ? "-" : "") + digits));
}

Value Zoned(int64_t days, int64_t seconds, int32_t offset) {
  return Value::FromDateTime(
      DateTime{days, seconds * kNanosPerSecond, Zone{Zone::Kind::kOffset, offset, ""}});
}

TEST(SortTest, RandomNumbersWithTiesAndScales) {
  std::mt19937 rng(20240620);
  for (int round = 0; round < 40; ++round) {
    size_t n = std::uniform_int_distribution<size_t>(0, 300)(rng);
    int64_t range = round % 2 ? 5 : 2000;  // few distinct values: many ties
    List items;
    for (size_t i = 0; i < n; ++i) {
      int scale = std::uniform_int_distribution<int>(0, 3)(rng);
      int64_t v = std::uniform_int_distribution<int64_t>(-range, range)(rng);
      // Equal values at different scales (2, 2.0, 2.00) when round is odd.
      int64_t scaled = v;
      for (int k = 0; k < scale; ++k) scaled *= 10;
      items.push_back(Decimal(round % 2 ? scaled : v, scale));
    }
    ExpectSameAsReference(items, "numbers, round " + std::to_string(round));
  }
}

TEST(SortTest, NumbersAtExtremeScales) {
  List items;
  for (const char* t : {"1E+40", "1E-40", "0", "-0", "0.000", "3", "-1E+6000", "1E+6000",
                        "9999999999999999999999999999999999",
                        "-9.999999999999999999999999999999999", "1E-40", "10E+39"})
    items.push_back(Value::Num(*Number::Parse(t)));
  ExpectSameAsReference(items, "extreme scales");
  ExpectSameAsReference({Decimal(0, 0), Value::Num(-Number()), Decimal(0, 3)}, "zeros");
}

TEST(SortTest, Strings) {
  std::mt19937 rng(7);
  const char* const words[] = {"", "a", "ab", "abc", "b", "B", "æøå", "\xf0\x9f\x90\x8e", "a b"};
  for (int round = 0; round < 10; ++round) {
    List items;
    for (int i = 0; i < 60; ++i)
      items.push_back(Value::String(words[std::uniform_int_distribution<size_t>(0, 8)(rng)]));
    ExpectSameAsReference(items, "strings, round " + std::to_string(round));
  }
}

TEST(SortTest, TemporalsAndDurations) {
  std::mt19937 rng(11);
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  List dates, zoned, local, times, day_time, year_month;
  for (int i = 0; i < 80; ++i) {
    dates.push_back(Value::FromDate(Date{pick(-3, 3)}));
    // Equal instants written in different zones: 10:00Z and 11:00+01:00.
    int32_t offset = static_cast<int32_t>(pick(0, 2) * 3600);
    zoned.push_back(Zoned(pick(0, 1), 36000 + offset, offset));
    local.push_back(Value::FromDateTime(DateTime{pick(0, 1), pick(0, 3) * kNanosPerSecond, {}}));
    times.push_back(Value::FromTime(
        Time{(36000 + offset) * kNanosPerSecond, Zone{Zone::Kind::kOffset, offset, ""}}));
    day_time.push_back(Value::FromDuration(DayTimeDuration{pick(-3, 3) * kNanosPerSecond}));
    year_month.push_back(Value::FromDuration(YearMonthDuration{pick(-3, 3)}));
  }
  ExpectSameAsReference(dates, "dates");
  ExpectSameAsReference(zoned, "zoned date-times");
  ExpectSameAsReference(local, "local date-times");
  ExpectSameAsReference(times, "times");
  ExpectSameAsReference(day_time, "days and time durations");
  ExpectSameAsReference(year_month, "years and months durations");
  List mixed_zones = local;
  mixed_zones.insert(mixed_zones.begin() + 40, zoned[0]);  // local vs zoned: not comparable
  ExpectSameAsReference(mixed_zones, "local and zoned date-times");
}

TEST(SortTest, MixedKindsNullsAndOthers) {
  ExpectSameAsReference({}, "empty");
  ExpectSameAsReference({Value::Boolean(true)}, "one boolean");
  ExpectSameAsReference({Value::Int(2), Value::Int(1), Value::String("a")}, "number, string");
  ExpectSameAsReference({Value::Int(2), Value(), Value::Int(1)}, "a null");
  ExpectSameAsReference({Value(), Value()}, "nulls");
  ExpectSameAsReference({Value::Boolean(true), Value::Boolean(false)}, "booleans");
  ExpectSameAsReference({Value::FromDate(Date{3}), Zoned(0, 0, 0)}, "date, date-time");
  ExpectSameAsReference({Value::FromList({Value::Int(2)}), Value::FromList({Value::Int(1)})},
                        "lists");
}

// Bodies the native path must not take, and typed parameters: the general path's results.
TEST(SortTest, OtherFunctions) {
  List numbers = {Value::Int(3), Decimal(10, 1), Value::Int(2), Value::Int(1)};
  List strings = {Value::String("b"), Value::String("a")};
  for (const char* fn :
       {"function(x, y) x < y and true", "function(x, y) x = y", "function(x, y) x < 2",
        "function(x, y) y - x > 0", "function(x: number, y: number) x < y",
        "function(x: string, y: string) x < y", "function(x: list<number>, y) x < y",
        "function(x, y, z) x < y", "function(x) x < 1"}) {
    for (const List* items : {&numbers, &strings}) {
      Outcome want = Reference(*items, fn), got = Engine(*items, fn);
      EXPECT_TRUE(Same(got.value, want.value)) << fn << ": " << got.value.DebugString();
      EXPECT_EQ(got.messages, want.messages) << fn;
    }
  }
}

Value Fn(const std::string& text) { return *EvaluateExpression(text, {}); }

TEST(SortTest, RecognisesComparisonBodies) {
  List numbers = {Value::Int(1), Value::Int(2)};
  EXPECT_EQ(SortComparison(Fn("function(x, y) x < y").AsFunction(), numbers), CmpOp::kLt);
  EXPECT_EQ(SortComparison(Fn("function(a, b) a >= b").AsFunction(), numbers), CmpOp::kGe);
  EXPECT_EQ(SortComparison(Fn("function(x, y) y < x").AsFunction(), numbers), CmpOp::kGt);
  EXPECT_EQ(SortComparison(Fn("function(x, y) y <= x").AsFunction(), numbers), CmpOp::kGe);
  EXPECT_EQ(SortComparison(Fn("function(x, y) (x > y)").AsFunction(), numbers), CmpOp::kGt);
  EXPECT_EQ(SortComparison(Fn("function(x: number, y: number) x <= y").AsFunction(), numbers),
            CmpOp::kLe);
  for (const char* fn :
       {"function(x, y) x < y and true", "function(x, y) x = y", "function(x, y) x != y",
        "function(x, y) x < x", "function(x: string, y) x < y", "function(x, y, z) x < y",
        "function(x, y) x.a < y.a", "function(x, y) external {java: {}}"}) {
    auto f = EvaluateExpression(fn, {});
    if (f && f->is(K::kFunction)) {
      EXPECT_FALSE(SortComparison(f->AsFunction(), numbers)) << fn;
    }
  }
  EXPECT_FALSE(SortComparison(BuiltinFunction("max").AsFunction(), numbers));
}

TEST(SortTest, NativeSortDeclines) {
  EXPECT_FALSE(SortNatively({Value::Int(1), Value::String("a")}, CmpOp::kLt));
  EXPECT_FALSE(SortNatively({Value::Int(1), Value()}, CmpOp::kLt));
  EXPECT_FALSE(SortNatively({Value::Boolean(false), Value::Boolean(true)}, CmpOp::kLt));
  EXPECT_FALSE(SortNatively({Zoned(0, 0, 0), Value::FromDateTime(DateTime{0, 0, {}})}, CmpOp::kLt));
  auto sorted = SortNatively({Value::Int(2), Decimal(15, 1), Value::Int(1)}, CmpOp::kLt);
  ASSERT_TRUE(sorted);
  EXPECT_EQ(Value::FromList(*sorted).DebugString(), "[1, 1.5, 2]");
}

}  // namespace
}  // namespace proaktiv::feel

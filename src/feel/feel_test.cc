#include "feel/feel.h"

#include <gtest/gtest.h>

#include <chrono>

namespace proaktiv::feel {
namespace {

// Evaluates `text` without inputs and renders the result with quoted strings.
std::string Eval(std::string_view text) {
  auto v = EvaluateExpression(text, {});
  if (!v) return "ERROR";
  return v->DebugString();
}

TEST(FeelTest, ArithmeticAndPrecedence) {
  EXPECT_EQ(Eval("1 + 2 * 3"), "7");
  EXPECT_EQ(Eval("(1 + 2) * 3"), "9");
  EXPECT_EQ(Eval("10 / 4"), "2.5");
  EXPECT_EQ(Eval("1 / 3"), "0.3333333333333333333333333333333333");
  EXPECT_EQ(Eval("2 ** 10"), "1024");
  EXPECT_EQ(Eval("-3 ** 2"), "9");
  EXPECT_EQ(Eval("3 ** 4 ** 5"), "3486784401");
  EXPECT_EQ(Eval("1 / 0"), "null");
  EXPECT_EQ(Eval("1 + null"), "null");
  EXPECT_EQ(Eval("\"a\" + \"b\""), "\"ab\"");
  EXPECT_EQ(Eval("1.10 + 0.20"), "1.3");
  EXPECT_EQ(Eval("1.2e3"), "1200");
  EXPECT_EQ(Eval(".5 + 1"), "1.5");
}

TEST(FeelTest, ComparisonAndEquality) {
  EXPECT_EQ(Eval("1 = 1.0"), "true");
  EXPECT_EQ(Eval("1 = \"1\""), "null");
  EXPECT_EQ(Eval("null = null"), "true");
  EXPECT_EQ(Eval("1 = null"), "false");
  EXPECT_EQ(Eval("[1, [2]] = [1, [2]]"), "true");
  EXPECT_EQ(Eval("{a: 1, b: 2} = {b: 2, a: 1}"), "true");
  EXPECT_EQ(Eval("\"a\" < \"b\""), "true");
  EXPECT_EQ(Eval("1 < \"b\""), "null");
  EXPECT_EQ(Eval("5 between 1 and 10"), "true");
  EXPECT_EQ(Eval("date(\"2020-01-01\") < date(\"2020-01-02\")"), "true");
}

TEST(FeelTest, ThreeValuedLogic) {
  EXPECT_EQ(Eval("true and null"), "null");
  EXPECT_EQ(Eval("false and null"), "false");
  EXPECT_EQ(Eval("true or null"), "true");
  EXPECT_EQ(Eval("false or 1"), "null");
  EXPECT_EQ(Eval("not(true)"), "false");
}

TEST(FeelTest, IfForQuantifiers) {
  EXPECT_EQ(Eval("if 1 > 2 then \"a\" else \"b\""), "\"b\"");
  EXPECT_EQ(Eval("if null then 1 else 2"), "2");
  EXPECT_EQ(Eval("for x in [1, 2, 3] return x * 2"), "[2, 4, 6]");
  EXPECT_EQ(Eval("for x in 1..3 return x"), "[1, 2, 3]");
  EXPECT_EQ(Eval("for x in 3..1 return x"), "[3, 2, 1]");
  EXPECT_EQ(Eval("for x in [1, 2], y in [10, 20] return x + y"), "[11, 21, 12, 22]");
  EXPECT_EQ(Eval("for i in 1..4 return if i = 1 then 1 else i * partial[-1]"), "[1, 2, 6, 24]");
  EXPECT_EQ(Eval("some x in [1, 2, 3] satisfies x > 2"), "true");
  EXPECT_EQ(Eval("every x in [1, 2, 3] satisfies x > 2"), "false");
}

TEST(FeelTest, FiltersAndPaths) {
  EXPECT_EQ(Eval("[1, 2, 3, 4][item > 2]"), "[3, 4]");
  EXPECT_EQ(Eval("[1, 2, 3][1]"), "1");
  EXPECT_EQ(Eval("[1, 2, 3][-1]"), "3");
  EXPECT_EQ(Eval("[1, 2, 3][4]"), "null");
  EXPECT_EQ(Eval("[{a: 1}, {a: 2}][a > 1]"), "[{a: 2}]");
  EXPECT_EQ(Eval("[{a: 1}, {a: 2}].a"), "[1, 2]");
  EXPECT_EQ(Eval("{a: {b: 5}}.a.b"), "5");
  EXPECT_EQ(Eval("true[1]"), "true");
  EXPECT_EQ(Eval("[{item: 1}, {item: 2}][item >= 2]"), "[{item: 2}]");
  EXPECT_EQ(Eval("date(\"2018-12-10\").year"), "2018");
  EXPECT_EQ(Eval("duration(\"P1DT2H\").hours"), "2");
  EXPECT_EQ(Eval("[1..5).end included"), "false");
  EXPECT_EQ(Eval("time(\"10:30:00+05:00\").time offset"), "PT5H");
}

TEST(FeelTest, ContextsSeeEarlierEntries) {
  EXPECT_EQ(Eval("{a: 1, b: a + 1}"), "{a: 1, b: 2}");
  EXPECT_EQ(Eval("{\"first name\": \"x\", n: first name}.n"), "\"x\"");
  EXPECT_EQ(Eval("{a b: 1, c: a b + 1}.c"), "2");
  EXPECT_EQ(Eval("{a: 1, a: 2}"), "null");
}

TEST(FeelTest, FunctionsAndClosures) {
  EXPECT_EQ(Eval("(function(a, b) a + b)(1, 2)"), "3");
  EXPECT_EQ(Eval("{f: function(a, b) a - b, r: f(b: 1, a: 5)}.r"), "4");
  EXPECT_EQ(Eval("{y: 10, f: function(x) x + y}.f(1)"), "11");
  EXPECT_EQ(Eval("{mk: function(n) function(x) x * n, g: mk(3), r: g(4)}.r"), "12");
  EXPECT_EQ(Eval("{fact: function(n) if n <= 1 then 1 else n * fact(n - 1), r: fact(5)}.r"), "120");
  EXPECT_EQ(Eval("(function(a: number) a)(\"x\")"), "null");
  EXPECT_EQ(Eval("sort([3, 1, 2], function(x, y) x > y)"), "[3, 2, 1]");
}

// Arguments read in place (body without locals of its own, no conversion) and copied.
TEST(FeelTest, FunctionArgumentBinding) {
  EXPECT_EQ(Eval("(function(a: number, b: number) a * b)(3, 4)"), "12");
  EXPECT_EQ(Eval("(function(a: number) a + 1)([4])"), "5");
  EXPECT_EQ(Eval("(function(a: list<number>) count(a))(7)"), "1");
  EXPECT_EQ(Eval("(function(xs) for x in xs return x * 2)([1, 2])"), "[2, 4]");
  EXPECT_EQ(Eval("(function(x) x in [1..3])(2)"), "true");
  EXPECT_EQ(Eval("(function(xs) xs[item > 1])([1, 2, 3])"), "[2, 3]");
  EXPECT_EQ(Eval("(function(a) {b: a + 1, c: b * 2}.c)(1)"), "4");
  EXPECT_EQ(Eval("(function(a, b) a)(1)"), "null");
  EXPECT_EQ(Eval("list replace([2, 4, 7, 8], function(item, newItem) item < newItem, 5)"),
            "[5, 5, 7, 8]");
}

TEST(FeelTest, RangesAndIn) {
  EXPECT_EQ(Eval("5 in [1..10]"), "true");
  EXPECT_EQ(Eval("10 in [1..10)"), "false");
  EXPECT_EQ(Eval("10 in ]1..10]"), "true");
  EXPECT_EQ(Eval("5 in (< 3, > 4)"), "true");
  EXPECT_EQ(Eval("5 in [1, 2, 5]"), "true");
  EXPECT_EQ(Eval("5 in < 3"), "false");
  EXPECT_EQ(Eval("[1..10] = [1..10]"), "true");
  EXPECT_EQ(Eval("(< 10) = (< 10)"), "true");
  EXPECT_EQ(Eval("[1..10) = [1..10["), "true");
}

// Literal sub-expressions are folded at compile time; results and per-evaluation error
// messages must be the same as without folding.
TEST(FeelTest, ConstantFolding) {
  EXPECT_EQ(Eval("10 * @\"P1D\""), "P10D");
  EXPECT_EQ(Eval("5 in [1..10]"), "true");
  EXPECT_EQ(Eval("5 in (< 5, > 7)"), "false");
  EXPECT_EQ(Eval("11 in (-5..10]"), "false");
  EXPECT_EQ(Eval("sum([1, 2, 3])"), "6");
  EXPECT_EQ(Eval("sum(1, \"x\")"), "null");
  EXPECT_EQ(Eval("sort([3, 1, 2], function(x, y) x > y)"), "[3, 2, 1]");
  EXPECT_EQ(Eval("{f: function(n) if n = 0 then 1 else n * f(n - 1), r: f(5)}.r"), "120");
  Scope scope;
  for (const char* text : {"1 + \"a\"", "[1..\"a\"]"}) {
    auto e = CompileExpression(text, scope);
    ASSERT_TRUE(e) << text;
    for (int i = 0; i < 2; ++i) {
      Frame frame(scope);
      EXPECT_EQ(e->Evaluate(frame).DebugString(), "null") << text;
      EXPECT_FALSE(frame.context().messages().empty()) << text;
    }
  }
}

TEST(FeelTest, InstanceOf) {
  EXPECT_EQ(Eval("1 instance of number"), "true");
  EXPECT_EQ(Eval("[1, 2] instance of list<number>"), "true");
  EXPECT_EQ(Eval("[1, \"a\"] instance of list<number>"), "false");
  EXPECT_EQ(Eval("{a: 1} instance of context<a: number>"), "true");
  EXPECT_EQ(Eval("@\"2020-01-01T10:00:00\" instance of date and time"), "true");
  EXPECT_EQ(Eval("[1..2] instance of range<number>"), "true");
  EXPECT_EQ(Eval("null instance of Any"), "true");
  EXPECT_EQ(Eval("(function(a) a) instance of function<Any>->Any"), "true");
}

TEST(FeelTest, LexicalDetails) {
  EXPECT_EQ(Eval("\"a\\nb\" = \"a\nb\""), "true");
  EXPECT_EQ(Eval("\"\\u0041\""), "\"A\"");
  EXPECT_EQ(Eval("string length(\"\\U01F40E\")"), "1");
  EXPECT_EQ(Eval("1 + /* comment */ 2 // trailing"), "3");
  EXPECT_EQ(Eval("@\"2018-12-10\""), "2018-12-10");
  EXPECT_EQ(Eval("@\"foo\""), "null");
  EXPECT_EQ(Eval("1 +"), "ERROR");
  EXPECT_EQ(Eval("\"unterminated"), "ERROR");
}

TEST(FeelTest, NamesWithSpacesAndOperators) {
  Scope scope;
  Slot a = scope.Define("Applicant Age");
  Slot b = scope.Define("Loan-to-value");
  Slot c = scope.Define("a+b");
  auto e = CompileExpression("Applicant Age + Loan-to-value * a+b", scope);
  ASSERT_TRUE(e) << e.error().message;
  Frame f(scope);
  f.Set(a, Value::Int(1));
  f.Set(b, Value::Int(2));
  f.Set(c, Value::Int(3));
  EXPECT_EQ(e->Evaluate(f).DebugString(), "7");
}

TEST(FeelTest, ScopeFramesAndMessages) {
  Scope scope;
  Slot x = scope.Define("x");
  auto e = CompileExpression("x = 21", scope);
  ASSERT_TRUE(e);
  Frame f(scope);
  f.Set(x, Value::Int(21));
  EXPECT_TRUE(e->Evaluate(f).IsTrue());
  f.Set(x, Value::String("21"));
  EXPECT_TRUE(e->Evaluate(f).is_null());
  EXPECT_FALSE(f.context().messages().empty());
  auto unknown = CompileExpression("y + 1", scope);
  ASSERT_TRUE(unknown);
  EXPECT_TRUE(unknown->Evaluate(f).is_null());
}

TEST(FeelTest, NativeFunctions) {
  Scope scope;
  Slot s = scope.Define("Risk score");
  Frame f(scope);
  f.Set(s, Value::NativeFunction("Risk score", {"age", "income"},
                                 [](std::span<const Value> args, EvalContext&) {
                                   if (!args[0].is(ValueKind::kNumber)) return Value();
                                   return Value::Num(args[0].AsNumber() * Number::FromInt(2));
                                 }));
  auto e = CompileExpression("Risk score(21, 0) + Risk score(income: 1, age: 1)", scope);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->Evaluate(f).DebugString(), "44");
}

TEST(FeelTest, UnaryTests) {
  Scope scope;
  Frame f(scope);
  auto check = [&](std::string_view tests, Value input) {
    auto t = CompileUnaryTests(tests, scope);
    if (!t) return std::string("ERROR");
    return t->Evaluate(f, input).DebugString();
  };
  EXPECT_EQ(check("< 18", Value::Int(10)), "true");
  EXPECT_EQ(check("< 18", Value::Int(20)), "false");
  EXPECT_EQ(check("[18..65]", Value::Int(65)), "true");
  EXPECT_EQ(check("1, 2, 3", Value::Int(2)), "true");
  EXPECT_EQ(check("not(1, 2)", Value::Int(2)), "false");
  EXPECT_EQ(check("not(1, 2)", Value::Int(5)), "true");
  EXPECT_EQ(check("-", Value::Int(5)), "true");
  EXPECT_EQ(check("\"a\", \"b\"", Value::String("b")), "true");
  EXPECT_EQ(check("? > 5", Value::Int(6)), "true");
  EXPECT_EQ(check("false", Value::Boolean(false)), "true");
  EXPECT_EQ(check("count(?) > 1", Value::FromList({Value::Int(1), Value::Int(2)})), "true");
  EXPECT_EQ(check("null", Value()), "true");
  EXPECT_EQ(check(">= date(\"2020-01-01\")", Value::FromDate(*ParseDate("2021-01-01"))), "true");
}

TEST(FeelTest, InjectableClock) {
  FakeClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(86400 * 365)));
  Scope scope;
  auto e = CompileExpression("today()", scope);
  ASSERT_TRUE(e);
  Frame f(scope);
  f.context().set_clock(&clock);
  EXPECT_EQ(e->Evaluate(f).ToString(), "1971-01-01");
}

TEST(FeelTest, NowAndTodayInTheContextZone) {
  // 1970-12-31T23:30:00.123456Z is already 1971-01-01 in Oslo (UTC+1).
  FakeClock clock(std::chrono::system_clock::time_point(std::chrono::seconds(86400 * 365 - 1800) +
                                                        std::chrono::microseconds(123456)));
  Scope scope;
  auto today = CompileExpression("today()", scope);
  auto now = CompileExpression("string(now())", scope);
  ASSERT_TRUE(today && now);
  Frame f(scope);
  f.context().set_clock(&clock);
  f.context().set_time_zone("Europe/Oslo");
  EXPECT_EQ(today->Evaluate(f).ToString(), "1971-01-01");
  EXPECT_EQ(now->Evaluate(f).ToString(), "1971-01-01T00:30:00.123@Europe/Oslo");
  f.context().set_time_zone("Z");
  EXPECT_EQ(today->Evaluate(f).ToString(), "1970-12-31");
  EXPECT_EQ(now->Evaluate(f).ToString(), "1970-12-31T23:30:00.123Z");
  f.context().set_time_zone("-05:00");
  EXPECT_EQ(now->Evaluate(f).ToString(), "1970-12-31T18:30:00.123-05:00");
  f.context().set_time_zone("Nowhere/Special");
  EXPECT_EQ(today->Evaluate(f).ToString(), "null");
}

}  // namespace
}  // namespace proaktiv::feel

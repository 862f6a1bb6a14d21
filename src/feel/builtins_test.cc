#include <gtest/gtest.h>

#include "feel/feel.h"

namespace proaktiv::feel {
namespace {

std::string Eval(std::string_view text) {
  auto v = EvaluateExpression(text, {});
  return v ? v->DebugString() : "ERROR";
}

TEST(BuiltinsTest, Conversion) {
  EXPECT_EQ(Eval("date(2020, 2, 29)"), "2020-02-29");
  EXPECT_EQ(Eval("date(2021, 2, 29)"), "null");
  EXPECT_EQ(Eval("date(from: \"2020-01-01\")"), "2020-01-01");
  EXPECT_EQ(Eval("date and time(\"2020-01-01T10:00:00Z\")"), "2020-01-01T10:00:00Z");
  EXPECT_EQ(Eval("date and time(date(\"2020-01-01\"), time(\"10:00:00\"))"), "2020-01-01T10:00:00");
  EXPECT_EQ(Eval("time(10, 30, 0, duration(\"PT1H\"))"), "10:30:00+01:00");
  EXPECT_EQ(Eval("number(\"1 000,5\", \" \", \",\")"), "1000.5");
  EXPECT_EQ(Eval("number(\"abc\")"), "null");
  EXPECT_EQ(Eval("string(1.50)"), "\"1.5\"");
  EXPECT_EQ(Eval("string([1, \"a\"])"), "\"[1, \\\"a\\\"]\"");
  EXPECT_EQ(Eval("duration(\"P1Y2M\")"), "P1Y2M");
  EXPECT_EQ(Eval("years and months duration(date(\"2011-12-22\"), date(\"2013-08-24\"))"), "P1Y8M");
}

TEST(BuiltinsTest, Strings) {
  EXPECT_EQ(Eval("substring(\"foobar\", 3)"), "\"obar\"");
  EXPECT_EQ(Eval("substring(\"foobar\", -2, 1)"), "\"a\"");
  EXPECT_EQ(Eval("substring(string: \"foobar\", start position: 2, length: 2)"), "\"oo\"");
  EXPECT_EQ(Eval("substring(\"\\U01F40Eab\", 2)"), "\"ab\"");
  EXPECT_EQ(Eval("string length(\"abc\")"), "3");
  EXPECT_EQ(Eval("upper case(\"aBc\")"), "\"ABC\"");
  EXPECT_EQ(Eval("lower case(\"aBc\")"), "\"abc\"");
  EXPECT_EQ(Eval("substring before(\"foobar\", \"bar\")"), "\"foo\"");
  EXPECT_EQ(Eval("substring after(\"foobar\", \"ob\")"), "\"ar\"");
  EXPECT_EQ(Eval("contains(\"foobar\", \"of\")"), "false");
  EXPECT_EQ(Eval("starts with(\"foobar\", \"fo\")"), "true");
  EXPECT_EQ(Eval("ends with(\"foobar\", \"r\")"), "true");
  EXPECT_EQ(Eval("matches(\"foobar\", \"^fo*b\")"), "true");
  EXPECT_EQ(Eval("matches(\"FOO\", \"foo\", \"i\")"), "true");
  EXPECT_EQ(Eval("matches(\"a\", \"(\")"), "null");
  EXPECT_EQ(Eval("replace(\"abcd\", \"(ab)|(a)\", \"[1=$1][2=$2]\")"), "\"[1=ab][2=]cd\"");
  EXPECT_EQ(Eval("split(\"a;b;c\", \";\")"), "[\"a\", \"b\", \"c\"]");
  EXPECT_EQ(Eval("string join([\"a\", null, \"c\"], \"-\")"), "\"a-c\"");
  EXPECT_EQ(Eval("substring(1, 1)"), "null");
}

TEST(BuiltinsTest, Lists) {
  EXPECT_EQ(Eval("list contains([1, 2], 2)"), "true");
  EXPECT_EQ(Eval("count([1, 2, 3])"), "3");
  EXPECT_EQ(Eval("min(3, 1, 2)"), "1");
  EXPECT_EQ(Eval("max([3, 1, 2])"), "3");
  EXPECT_EQ(Eval("max([])"), "null");
  EXPECT_EQ(Eval("sum([1, 2, 3])"), "6");
  EXPECT_EQ(Eval("sum(list: [1, 2])"), "3");
  EXPECT_EQ(Eval("mean(1, 2, 3, 4)"), "2.5");
  EXPECT_EQ(Eval("median([3, 1, 2, 4])"), "2.5");
  EXPECT_EQ(Eval("mode([1, 2, 2, 3, 3])"), "[2, 3]");
  EXPECT_EQ(Eval("product(2, 3, 4)"), "24");
  EXPECT_EQ(Eval("all([true, null])"), "null");
  EXPECT_EQ(Eval("any([false, true])"), "true");
  EXPECT_EQ(Eval("sublist([1, 2, 3], 2, 1)"), "[2]");
  EXPECT_EQ(Eval("append([1], 2, 3)"), "[1, 2, 3]");
  EXPECT_EQ(Eval("concatenate([1], [2], [3])"), "[1, 2, 3]");
  EXPECT_EQ(Eval("insert before([1, 3], 2, 2)"), "[1, 2, 3]");
  EXPECT_EQ(Eval("remove([1, 2, 3], 2)"), "[1, 3]");
  EXPECT_EQ(Eval("reverse([1, 2, 3])"), "[3, 2, 1]");
  EXPECT_EQ(Eval("index of([1, 2, 1], 1)"), "[1, 3]");
  EXPECT_EQ(Eval("union([1, 2], [2, 3])"), "[1, 2, 3]");
  EXPECT_EQ(Eval("distinct values([1, 2, 1])"), "[1, 2]");
  EXPECT_EQ(Eval("flatten([1, [2, [3]]])"), "[1, 2, 3]");
  EXPECT_EQ(Eval("list replace([1, 2, 3], 2, 9)"), "[1, 9, 3]");
  EXPECT_EQ(Eval("list replace([1, 2, 3], function(item, newItem) item > 1, 0)"), "[1, 0, 0]");
  EXPECT_EQ(Eval("sort([3, 1, 2])"), "[1, 2, 3]");
  EXPECT_EQ(Eval("sort(list: [3, 1], precedes: function(a, b) a < b)"), "[1, 3]");
  EXPECT_EQ(Eval("stddev(2, 4, 7, 5)"), "2.081665999466132735282297706979931");
}

TEST(BuiltinsTest, Numeric) {
  EXPECT_EQ(Eval("decimal(1/3, 2)"), "0.33");
  EXPECT_EQ(Eval("decimal(2.5, 0)"), "2");
  EXPECT_EQ(Eval("floor(-1.5)"), "-2");
  EXPECT_EQ(Eval("ceiling(1.21, 1)"), "1.3");
  EXPECT_EQ(Eval("round up(-5.5, 0)"), "-6");
  EXPECT_EQ(Eval("round down(5.5, 0)"), "5");
  EXPECT_EQ(Eval("round half up(5.5, 0)"), "6");
  EXPECT_EQ(Eval("round half down(5.5, 0)"), "5");
  EXPECT_EQ(Eval("abs(-2)"), "2");
  EXPECT_EQ(Eval("abs(@\"-P1D\")"), "P1D");
  EXPECT_EQ(Eval("modulo(-12, 5)"), "3");
  EXPECT_EQ(Eval("modulo(12, 0)"), "null");
  EXPECT_EQ(Eval("sqrt(16)"), "4");
  EXPECT_EQ(Eval("sqrt(-1)"), "null");
  EXPECT_EQ(Eval("decimal(log(10), 4)"), "2.3026");
  EXPECT_EQ(Eval("decimal(exp(1), 4)"), "2.7183");
  EXPECT_EQ(Eval("odd(5)"), "true");
  EXPECT_EQ(Eval("even(5)"), "false");
  EXPECT_EQ(Eval("even(1.5)"), "null");
}

TEST(BuiltinsTest, Contexts) {
  EXPECT_EQ(Eval("get value({a: 1}, \"a\")"), "1");
  EXPECT_EQ(Eval("get entries({a: 1})"), "[{key: \"a\", value: 1}]");
  EXPECT_EQ(Eval("context([{key: \"a\", value: 1}])"), "{a: 1}");
  EXPECT_EQ(Eval("context put({a: 1}, \"b\", 2)"), "{a: 1, b: 2}");
  EXPECT_EQ(Eval("context put({a: {b: 1}}, [\"a\", \"b\"], 2)"), "{a: {b: 2}}");
  EXPECT_EQ(Eval("context merge([{a: 1}, {a: 2, b: 3}])"), "{a: 2, b: 3}");
}

TEST(BuiltinsTest, Ranges) {
  EXPECT_EQ(Eval("before(1, 10)"), "true");
  EXPECT_EQ(Eval("before([1..5], [5..10])"), "false");
  EXPECT_EQ(Eval("before([1..5), [5..10])"), "true");
  EXPECT_EQ(Eval("after(point: 11, range: [1..10])"), "true");
  EXPECT_EQ(Eval("meets([1..5], [5..10])"), "true");
  EXPECT_EQ(Eval("met by([5..10], [1..5])"), "true");
  EXPECT_EQ(Eval("overlaps([1..5], [3..8])"), "true");
  EXPECT_EQ(Eval("overlaps before([1..5], [3..8])"), "true");
  EXPECT_EQ(Eval("overlaps after([3..8], [1..5])"), "true");
  EXPECT_EQ(Eval("finishes(5, [1..5])"), "true");
  EXPECT_EQ(Eval("finished by([1..5], 5)"), "true");
  EXPECT_EQ(Eval("includes([1..10], 5)"), "true");
  EXPECT_EQ(Eval("during(5, [1..10])"), "true");
  EXPECT_EQ(Eval("starts(1, [1..5])"), "true");
  EXPECT_EQ(Eval("started by([1..5], [1..3])"), "true");
  EXPECT_EQ(Eval("coincides([1..5], [1..5])"), "true");
  EXPECT_EQ(Eval("range(\"[1..3)\") = [1..3)"), "true");
  EXPECT_EQ(Eval("range(\"[3..1]\")"), "null");
}

TEST(BuiltinsTest, Temporal) {
  EXPECT_EQ(Eval("day of year(date(\"2019-12-31\"))"), "365");
  EXPECT_EQ(Eval("day of week(date(\"2021-01-11\"))"), "\"Monday\"");
  EXPECT_EQ(Eval("month of year(date(\"2021-03-01\"))"), "\"March\"");
  EXPECT_EQ(Eval("week of year(date(\"2010-01-01\"))"), "53");
  EXPECT_EQ(Eval("is(@\"10:00:00Z\", @\"10:00:00+00:00\")"), "true");
  EXPECT_EQ(Eval("is(@\"10:00:00Z\", @\"11:00:00+01:00\")"), "false");
  EXPECT_EQ(Eval("now() instance of date and time"), "true");
  EXPECT_EQ(Eval("week of year(value: date(\"2010-01-01\"))"), "null");
}

}  // namespace
}  // namespace proaktiv::feel

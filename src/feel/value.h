#pragma once

// proaktiv::feel::Value: every FEEL value (null, boolean, number, string, date, time,
// date and time, days-and-time duration, years-and-months duration, list, context, range,
// function) in one small tagged object.
//
// Representation: booleans, numbers (decimal128), dates, times, date-times and durations are
// stored inline; strings, lists, contexts, ranges, functions and zone ids live in shared,
// immutable heap objects, so copying a Value is at most one reference-count increment.
// Values are immutable once built; a Value may be read from several threads at once.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "feel/number.h"
#include "feel/temporal.h"

namespace proaktiv::feel {

enum class ValueKind : uint8_t {
  kNull,
  kBoolean,
  kNumber,
  kString,
  kDate,
  kTime,
  kDateTime,
  kDayTimeDuration,
  kYearMonthDuration,
  kList,
  kContext,
  kRange,
  kFunction,
};

// "null", "boolean", "number", "string", "date", "time", "date and time",
// "days and time duration", "years and months duration", "list", "context", "range",
// "function".
std::string_view KindName(ValueKind kind);

class Value;
class Context;
struct Range;
class Function;
class EvalContext;  // feel.h: per-evaluation state (clock, messages)

using List = std::vector<Value>;

class Value {
 public:
  Value() = default;  // null
  static Value Null() { return Value(); }
  static Value Boolean(bool b);
  static Value Num(const Number& n);
  static Value Int(int64_t v) { return Num(Number::FromInt(v)); }
  static Value String(std::string s);  // UTF-8
  static Value FromDate(const Date& d);
  static Value FromTime(const Time& t);
  static Value FromDateTime(const DateTime& dt);
  static Value FromDuration(const DayTimeDuration& d);
  static Value FromDuration(const YearMonthDuration& d);
  static Value FromList(List items);
  static Value FromList(std::shared_ptr<const List> items);
  static Value FromContext(Context ctx);
  static Value FromContext(std::shared_ptr<const Context> ctx);
  static Value FromRange(Range r);
  static Value FromFunction(std::shared_ptr<const Function> f);
  // A function implemented by the embedder (e.g. a DMN business knowledge model). `params` are
  // the parameter names used for named invocation; the callable receives the arguments in
  // parameter order (missing ones are null) and must be thread-safe if the expression is
  // evaluated from several threads.
  static Value NativeFunction(std::string name, std::vector<std::string> params,
                              std::function<Value(std::span<const Value>, EvalContext&)> fn);

  ValueKind kind() const { return kind_; }
  bool is_null() const { return kind_ == ValueKind::kNull; }
  bool is(ValueKind k) const { return kind_ == k; }

  // Accessors: the caller checks kind() first (they assert in debug builds).
  bool AsBoolean() const { return p_.b; }
  const Number& AsNumber() const { return p_.num; }
  std::string_view AsString() const;
  Date AsDate() const;
  Time AsTime() const;
  DateTime AsDateTime() const;
  DayTimeDuration AsDayTimeDuration() const;
  YearMonthDuration AsYearMonthDuration() const;
  const List& AsList() const;
  const Context& AsContext() const;
  const Range& AsRange() const;
  const Function& AsFunction() const;
  std::shared_ptr<const Function> FunctionPtr() const;
  std::shared_ptr<const List> ListPtr() const;

  bool IsTrue() const { return kind_ == ValueKind::kBoolean && p_.b; }

  // The text FEEL's string() returns: strings unquoted at top level (quoted inside lists and
  // contexts), numbers canonical, dates "2018-12-10", durations "P1DT2H", lists "[1, 2]",
  // contexts "{a: 1}", ranges "[1..2)", null "null".
  std::string ToString() const;
  // Like ToString() but strings are always quoted (for messages and tests).
  std::string DebugString() const;

 private:
  struct Heap;
  friend struct ValueAccess;
  union Payload {
    bool b;
    Number num;
    int64_t i[2];
    Payload() : i{0, 0} {}
  };
  ValueKind kind_ = ValueKind::kNull;
  Zone::Kind zone_kind_ = Zone::Kind::kNone;
  int32_t offset_ = 0;  // zone offset seconds for temporal kinds
  Payload p_;
  std::shared_ptr<const void> heap_;  // string / list / context / range / function / zone id
};

// Context: ordered key/value entries, keys unique. Lookup is by exact key.
class Context {
 public:
  Context() = default;
  // Adds or replaces `key` (replacement keeps the original position).
  void Put(std::string key, Value v);
  const Value* Find(std::string_view key) const;
  const std::vector<std::pair<std::string, Value>>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<std::pair<std::string, Value>> entries_;
};

// A range (interval). An absent endpoint (unbounded) is represented by `*_unbounded`; the
// endpoint Value is then null. `< 5` is {unbounded, .. 5)}.
struct Range {
  // kInterval: the usual interval. kEqual / kNotEqual: the unary-test ranges `(=x)` and
  // `(!=x)` (low holds x), which contain exactly x / everything but x.
  enum class Op : uint8_t { kInterval, kEqual, kNotEqual };
  Op op = Op::kInterval;
  Value low, high;
  bool low_closed = true, high_closed = true;
  bool low_unbounded = false, high_unbounded = false;
};

// Arguments of a call: either positional, or named (name -> value, in call order).
struct Arguments {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> named;
  bool is_named = false;
};

// A callable FEEL value: a built-in, a FEEL function literal (closure) or a native embedder
// function. Implementations are immutable and thread-safe.
class Function {
 public:
  virtual ~Function() = default;
  // Name for messages ("substring", "anonymous function", the BKM name).
  virtual std::string name() const = 0;
  // Parameter names of the (first) signature, used for named calls and instance of checks.
  virtual const std::vector<std::string>& parameters() const = 0;
  // Invokes the function. On a FEEL error the implementation returns null and adds a message
  // to `ctx`.
  virtual Value Invoke(const Arguments& args, EvalContext& ctx) const = 0;
};

// FEEL equality (spec 10.3.2.2): returns true/false, or null when the operands are of
// non-comparable kinds (e.g. 1 = "1"); null = null is true, x = null is false. Times and
// date-times are compared at millisecond precision (FeelCompare too).
Value FeelEquals(const Value& a, const Value& b);
// Strict structural equality used for containers and tests: true iff FeelEquals is true.
bool Equal(const Value& a, const Value& b);
// FEEL ordering for <, <=, >, >=: -1/0/1, or nullopt when not comparable (different kinds,
// non-orderable kinds, or a local vs zoned date and time).
std::optional<int> FeelCompare(const Value& a, const Value& b);

bool operator==(const Value& a, const Value& b);  // Equal(a, b)

}  // namespace proaktiv::feel

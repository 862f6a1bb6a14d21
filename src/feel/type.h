#pragma once

// FEEL types (spec 10.3.2.9 type lattice): Any, Null, the built-in simple types, and the
// structured ones list<T>, context<k: T, ...>, range<T>, function<T, ...> -> T.
// Types are immutable and shared (TypePtr); safe to use from several threads.
//
// DMN maps item definitions onto these: a structure becomes a context type, a collection a
// list type, a typeRef a built-in type. Allowed values are not part of Type; DMN checks them
// with UnaryTests.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "feel/value.h"

namespace proaktiv::feel {

class Type;
using TypePtr = std::shared_ptr<const Type>;

class Type {
 public:
  enum class Kind {
    kAny,
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

  static TypePtr Any();
  static TypePtr Null();
  static TypePtr Simple(Kind kind);  // one of the built-in kinds above (not list/context/...)
  static TypePtr ListOf(TypePtr element);
  static TypePtr RangeOf(TypePtr element);
  static TypePtr ContextOf(std::vector<std::pair<std::string, TypePtr>> fields);
  static TypePtr FunctionOf(std::vector<TypePtr> params, TypePtr result);

  // Parses FEEL type syntax: "number", "date and time", "days and time duration",
  // "years and months duration", "list<number>", "context<a: number, b: string>",
  // "range<date>", "function<number, string> -> boolean", "Any", "Null". DMN 1.1 style
  // qualified names ("feel:number") and "dayTimeDuration"/"yearMonthDuration"/"dateTime" are
  // accepted as aliases. Unknown names are an error (DMN resolves item definitions itself).
  static Result<TypePtr> Parse(std::string_view text);

  // The type of a value: the most specific type (list<Any> for lists, context with the
  // value's own fields, etc.).
  static TypePtr Of(const Value& v);

  Kind kind() const { return kind_; }
  const TypePtr& element() const { return element_; }  // list / range
  const std::vector<std::pair<std::string, TypePtr>>& fields() const { return fields_; }
  const std::vector<TypePtr>& params() const { return params_; }
  const TypePtr& result() const { return element_; }  // function result type
  std::string ToString() const;

  Type(Kind kind) : kind_(kind) {}  // use the factories

 private:
  Kind kind_;
  TypePtr element_;
  std::vector<std::pair<std::string, TypePtr>> fields_;
  std::vector<TypePtr> params_;
};

// `value instance of type` (spec 10.3.2.9.x): null conforms only to Null and Any; a list
// conforms to list<T> if every element conforms; a context conforms to context<k: T...> if it
// has every listed key with a conforming value (extra keys allowed); functions by parameter
// contravariance and result covariance where known.
bool Conforms(const Value& v, const Type& type);

// Type equivalence and conformance between types (T conforms to S).
bool Equivalent(const Type& a, const Type& b);
bool TypeConforms(const Type& t, const Type& s);

}  // namespace proaktiv::feel

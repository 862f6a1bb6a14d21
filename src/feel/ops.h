#pragma once

// FEEL operator semantics shared by the evaluator and the built-ins (spec 10.3.2.x): the
// arithmetic table over numbers, strings, temporals and durations; comparison; range
// membership; unary-test matching; properties of values (`date.year`, `range.start`).
// Every function returns null and records a message on a type error.

#include <string_view>

#include "feel/feel.h"
#include "feel/value.h"

namespace proaktiv::feel {

enum class ArithOp { kAdd, kSub, kMul, kDiv, kPow };
enum class CmpOp { kEq, kNe, kLt, kLe, kGt, kGe };

Value Arith(ArithOp op, const Value& a, const Value& b, EvalContext& ctx);
Value Negate(const Value& a, EvalContext& ctx);
Value Compare(CmpOp op, const Value& a, const Value& b, EvalContext& ctx);

// Does `range` contain `v`? true/false, or null if not comparable.
Value RangeContains(const Range& range, const Value& v);

// Unary-test matching (10.3.2.x): `input` against the value `test` of a positive unary test:
// a range contains it; a list contains it (or a range in the list does); a boolean test that
// used `?` (or any boolean when the input is not boolean) is the result; otherwise equality.
Value MatchUnaryTest(const Value& input, const Value& test, bool uses_input);

// `v.name`: context entry, temporal/duration/range property; lists map element-wise.
Value GetProperty(const Value& v, std::string_view name, EvalContext& ctx);

// Temporal helpers for the built-ins.
Value DateTimeFromDateAndTime(const Value& date, const Value& time);

}  // namespace proaktiv::feel

#pragma once

// The native path of the sort() built-in (builtins_sort.cc), exposed for its tests: sorting
// without invoking the `precedes` function when that is a single comparison of its two
// parameters. Internal.

#include <optional>

#include "feel/ops.h"
#include "feel/value.h"

namespace proaktiv::feel {

// The comparison `f(x, y)` performs on the items of `items`, as `x op y` (op one of <, <=, >,
// >=), if `f` is a FEEL function literal `function(p, q) p op q` (or `q op p`, mirrored) whose
// parameter types, if any, every item conforms to, and a call would run now (the call-depth
// limit is not reached). nullopt otherwise.
std::optional<CmpOp> SortComparison(const Function& f, const List& items);

// `items` stable-sorted (std::stable_sort) by `precedes(x, y) = x op y` under FEEL's
// comparison, exactly as sort() with such a function gives it (tie order included), when all
// items are of one kind that FEEL orders and every pair compares; nullopt otherwise (the
// caller then runs the general path).
std::optional<List> SortNatively(const List& items, CmpOp op);

}  // namespace proaktiv::feel

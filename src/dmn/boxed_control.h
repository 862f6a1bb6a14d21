#pragma once

// Internal: the control-flow boxed expressions of DMN 1.5 — conditional, filter and iterator
// (for / some / every) — compiled into Nodes (see boxed_expression.h).
//
// Semantics: a conditional whose `if` is null takes `else`, a non-boolean `if` is an error;
// a filter keeps the items whose `match` is true and is an error when `match` gives a
// non-boolean (a literal `match` sees the entries of context items as names, as in a FEEL
// filter); `some` / `every` are errors when `satisfies` gives a non-boolean; `for` collects
// the `return` values. A non-list `in` is iterated as a singleton list; a null `in` gives null.

#include "dmn/boxed_expression.h"
#include "dmn/model.h"

namespace proaktiv::dmn {

NodePtr CompileConditional(const Conditional& cond, CompileEnv& env);
NodePtr CompileFilter(const Filter& filter, CompileEnv& env);
NodePtr CompileIterator(const Iterator& it, CompileEnv& env);

}  // namespace proaktiv::dmn

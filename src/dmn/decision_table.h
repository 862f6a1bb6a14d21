#pragma once

// Compiled decision tables (DMN 1.5 §8): input expressions, input entries as unary tests,
// output entries, input/output value lists, default output entries, and every hit policy with
// its aggregation.
//
// Semantics implemented:
//   - an input value outside the input's inputValues makes the table's result null (error);
//   - an output value outside the output's outputValues becomes null with a message;
//   - several outputs give a context keyed by output name per matched rule;
//   - UNIQUE: more than one match is an error (null); ANY: matches must agree, else null;
//     FIRST: first match in rule order; PRIORITY: the match whose outputs rank highest in the
//     outputValues lists; RULE ORDER: list in rule order; OUTPUT ORDER: list by priority;
//     COLLECT: list, or SUM / MIN / MAX / COUNT of the single output (COUNT of nothing is 0);
//   - with no match: the default output entries when the table has any (for every hit
//     policy), otherwise null for single-hit tables and SUM / MIN / MAX, 0 for COUNT, and an
//     empty list for the other multi-hit tables.
//
// Thread-safety: the compiled node is immutable.

#include "dmn/boxed_expression.h"
#include "dmn/model.h"

namespace proaktiv::dmn {

// Compiles `table` in `env`; problems (bad unary tests, unknown types) are recorded in env and
// the affected entries yield null.
NodePtr CompileDecisionTable(const DecisionTable& table, CompileEnv& env);

}  // namespace proaktiv::dmn

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

#include <vector>

#include "dmn/boxed_expression.h"
#include "dmn/evaluation_trace.h"
#include "dmn/model.h"

namespace proaktiv::dmn {

// Compiles `table` in `env`; problems (bad unary tests, unknown types) are recorded in env and
// the affected entries yield null.
NodePtr CompileDecisionTable(const DecisionTable& table, CompileEnv& env);

// For evaluation traces: while a TableTraceScope lives on a thread, every decision table
// evaluated on that thread appends its TableTrace to `sink` when it finishes (see
// evaluation_trace.h). Scopes nest, the innermost wins; a null sink stops recording. The sink
// is not owned and must outlive the scope. Without a scope a table pays one thread-local load.
class TableTraceScope {
 public:
  explicit TableTraceScope(std::vector<TableTrace>* sink);
  ~TableTraceScope();
  TableTraceScope(const TableTraceScope&) = delete;
  TableTraceScope& operator=(const TableTraceScope&) = delete;

 private:
  std::vector<TableTrace>* previous_;
};

}  // namespace proaktiv::dmn

#pragma once

// An evaluation trace: the raw material for explaining a decision to a citizen — which
// decisions were evaluated, on which input values, and which decision-table rules fired.
//
//   dmn::EvaluationTrace trace;
//   auto out = model->EvaluateDecision("Eligible", inputs, &trace);
//   const dmn::DecisionTrace* assessment = trace.Find("Assessment");
//   for (const dmn::TableRowTrace& row : assessment->Table()->matched_rows) {
//     std::cout << row.rule_id << ": " << row.description << "\n";
//   }
//
// Filled by DmnModel::EvaluateDecision(s) when given a non-null EvaluationTrace* (which it
// clears first). Plain data: the caller owns it; it is not shared with the model and may be
// read, copied or moved freely. Not thread-safe: one trace per evaluation call.
//
// What is recorded:
//   - every decision evaluated in the call, once, including required decisions, in the order
//     their evaluation finished (so requirements come before the decisions that use them);
//     decisions evaluated inside a decision service invoked from FEEL are not listed on their
//     own (their decision tables are, under the invoking decision, see DecisionTrace::tables);
//   - every decision table evaluated while a decision's logic ran: the decision's own
//     (top-level) table, tables nested in its boxed expressions (contexts, lists, invocations,
//     …) and tables of the business knowledge models and decision services it invoked;
//   - per table: its input values and the matched rules that make its result (see
//     TableTrace::matched_rows for which ones per hit policy).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "feel/feel.h"

namespace proaktiv::dmn {

// One matched rule of a decision table.
struct TableRowTrace {
  int index = 0;        // 1-based position of the rule in its table
  std::string rule_id;  // the rule's id attribute; empty when absent
  // The rule's <description> text; when it has none, its non-empty DMN 1.3+ annotation
  // entries joined with "; " (empty when neither).
  std::string description;
  // The rule's annotation entries as (annotation column name, text); the name is empty when the
  // table declares fewer <annotation> columns than the rule has entries.
  std::vector<std::pair<std::string, std::string>> annotations;
  // The rule's output values, one per table output (TableTrace::output_names), after coercion
  // to the output types and checks against the output values.
  std::vector<feel::Value> outputs;
};

// One evaluation of a decision table.
struct TableTrace {
  // Where the table is: "decision 'X' (id d1)" for a decision's top-level table, with a
  // position appended for tables nested in boxed expressions when the compiler tracks one
  // ("…: context entry 'y'"), "business knowledge model 'B' (id k1)" for a BKM's table.
  std::string where;
  // "UNIQUE", "ANY", "PRIORITY", "FIRST", "RULE ORDER", "OUTPUT ORDER" or "COLLECT".
  std::string hit_policy;
  std::string aggregation;  // "SUM", "MIN", "MAX" or "COUNT" for COLLECT with one; else empty
  // (input label, or its expression text when unlabelled; value), in column order. When an
  // input value is outside the input's inputValues, evaluation stops there: that input is the
  // last one listed, no rows are listed and the value is null.
  std::vector<std::pair<std::string, feel::Value>> inputs;
  std::vector<std::string> output_names;  // one per output (empty for a single unnamed one)
  // The matched rules whose outputs make the table's result, in rule order:
  //   UNIQUE: the matching rule (all matching rules when several match, an error: value null);
  //   ANY: every matching rule; FIRST: the first matching rule; PRIORITY: the winning rule;
  //   RULE ORDER, OUTPUT ORDER, COLLECT (with or without aggregation): every matching rule.
  // Empty when no rule matched.
  std::vector<TableRowTrace> matched_rows;
  bool default_output = false;  // no rule matched and the default output entries gave the value
  feel::Value value;            // the table's result (before coercion to the decision's type)
};

// One evaluated decision.
struct DecisionTrace {
  std::string name;
  std::string id;
  std::string description;  // the decision's <description> text; empty when none
  // The decision logic's kind: "decisionTable", "literalExpression", "context", "list",
  // "relation", "invocation", "functionDefinition", "conditional", "filter", "iterator";
  // empty when the decision has no logic.
  std::string kind;
  feel::Value value;  // the decision's result, after coercion to its type
  // Every decision table evaluated while this decision's logic ran, in the order the tables
  // finished (nested tables before the table whose evaluation invoked them). Tables of required
  // decisions are on those decisions' own traces.
  std::vector<TableTrace> tables;
  int table = -1;  // index in `tables` of the decision's top-level table; -1 when none

  // The decision's top-level decision table, or null when its logic is not a decision table.
  const TableTrace* Table() const { return table < 0 ? nullptr : &tables[table]; }
};

struct EvaluationTrace {
  // The evaluation's inputs in the order given, with the values used: coerced to the declared
  // type for input data of the model, as given otherwise (extra inputs, or undeclared names read
  // by models without inputData).
  std::vector<std::pair<std::string, feel::Value>> inputs;
  // Every decision evaluated, once each, in the order their evaluation finished.
  std::vector<DecisionTrace> decisions;

  // The trace of the decision named `name`, or null when it was not evaluated.
  const DecisionTrace* Find(std::string_view name) const;
};

}  // namespace proaktiv::dmn

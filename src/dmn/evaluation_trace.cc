// Evaluation traces (evaluation_trace.h): the traced path of DRG evaluation. Decision tables
// record themselves through TableTraceScope (decision_table.h).

#include "dmn/evaluation_trace.h"

#include <variant>

#include "dmn/decision_table.h"
#include "dmn/drg_graph.h"

namespace proaktiv::dmn {
namespace {

// The DMN element name of a boxed expression; "" for none.
const char* ExpressionKindName(const Expression* expr) {
  if (expr == nullptr) return "";
  struct Namer {
    const char* operator()(const LiteralExpression&) const { return "literalExpression"; }
    const char* operator()(const Context&) const { return "context"; }
    const char* operator()(const List&) const { return "list"; }
    const char* operator()(const Relation&) const { return "relation"; }
    const char* operator()(const Invocation&) const { return "invocation"; }
    const char* operator()(const FunctionDefinition&) const { return "functionDefinition"; }
    const char* operator()(const DecisionTable&) const { return "decisionTable"; }
    const char* operator()(const Conditional&) const { return "conditional"; }
    const char* operator()(const Filter&) const { return "filter"; }
    const char* operator()(const Iterator&) const { return "iterator"; }
  };
  return std::visit(Namer{}, expr->kind);
}

}  // namespace

const DecisionTrace* EvaluationTrace::Find(std::string_view name) const {
  for (const DecisionTrace& d : decisions) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

feel::Value DmnModel::Impl::EvaluateDecisionTraced(int index, State& state) const {
  // A requirement cycle re-enters a decision in progress: it yields null and is not recorded
  // a second time.
  if (state.in_progress[index]) return EvaluateDecisionBody(index, state);
  const DecisionInfo& info = decisions[index];
  const Decision& decision = *info.decision;
  DecisionTrace trace;
  trace.name = decision.name;
  trace.id = decision.id;
  trace.description = decision.description;
  trace.kind = ExpressionKindName(decision.expression.get());
  {
    TableTraceScope scope(&trace.tables);
    trace.value = EvaluateDecisionBody(index, state);
  }
  if (decision.expression && std::holds_alternative<DecisionTable>(decision.expression->kind)) {
    // The top-level table finishes after every table its evaluation invoked.
    for (int t = static_cast<int>(trace.tables.size()) - 1; t >= 0; --t) {
      if (trace.tables[t].where == info.where) {
        trace.table = t;
        break;
      }
    }
  }
  feel::Value value = trace.value;
  state.trace->decisions.push_back(std::move(trace));
  return value;
}

}  // namespace proaktiv::dmn

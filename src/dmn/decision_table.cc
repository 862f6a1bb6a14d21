#include "dmn/decision_table.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dmn/xml_util.h"

namespace proaktiv::dmn {
namespace {

using feel::Frame;
using feel::Value;

struct CompiledInput {
  NodePtr expression;
  std::optional<feel::UnaryTests> allowed;  // inputValues
  std::string label;
};

struct CompiledOutput {
  std::string name;
  DmnTypePtr type;
  std::optional<feel::UnaryTests> allowed;  // outputValues
  std::vector<Value> priorities;            // outputValues as a list, for PRIORITY / OUTPUT ORDER
  NodePtr default_entry;                    // null when none
};

struct CompiledRule {
  std::vector<std::optional<feel::UnaryTests>> inputs;  // nullopt matches anything ("-")
  std::vector<NodePtr> outputs;
  bool broken = false;  // an entry did not compile: the rule never matches
};

// What a trace shows of a rule (see TableRowTrace).
struct RuleNote {
  std::string id;  // as in the XML; empty when absent
  std::string description;
  std::vector<std::pair<std::string, std::string>> annotations;
};

// The sink of the innermost TableTraceScope of this thread; null when not tracing.
constinit thread_local std::vector<TableTrace>* g_trace_sink = nullptr;

class DecisionTableNode : public Node {
 public:
  HitPolicy hit_policy = HitPolicy::kUnique;
  Aggregation aggregation = Aggregation::kNone;
  std::string where;
  std::vector<CompiledInput> inputs;
  std::vector<CompiledOutput> outputs;
  std::vector<CompiledRule> rules;
  std::vector<std::string> rule_ids;
  std::vector<RuleNote> notes;  // one per rule
  bool has_default = false;     // some output has a default output entry

  Value Eval(Frame& frame) const override;

 private:
  // The table's result; records inputs and matched rows into `trace` when it is not null.
  Value Evaluate(Frame& frame, TableTrace* trace) const;
  // Appends matched rule `matched[m]`, with output cells `cells[m]`, to trace->matched_rows.
  void RecordRow(TableTrace* trace, const std::vector<size_t>& matched,
                 const std::vector<std::vector<Value>>& cells, size_t m) const;
  Value Fail(Frame& frame, const std::string& message) const {
    frame.context().AddMessage(where + ": " + message);
    return Value();
  }
  // The outputs of rule `r` (a value, or a context for several outputs).
  Value RuleResult(Frame& frame, size_t r, std::vector<Value>* cells) const;
  Value DefaultResult(Frame& frame) const;
  // Rank of a rule's output cells in the outputValues lists (lower ranks first).
  std::vector<size_t> Rank(const std::vector<Value>& cells) const;
  Value Aggregate(Frame& frame, const std::vector<Value>& results) const;
};

Value DecisionTableNode::RuleResult(Frame& frame, size_t r, std::vector<Value>* cells) const {
  cells->clear();
  for (size_t o = 0; o < outputs.size(); ++o) {
    const CompiledOutput& out = outputs[o];
    Value v = rules[r].outputs[o]->Eval(frame);
    if (out.type) {
      std::vector<std::string> messages;
      v = out.type->Coerce(v, &messages);
      for (const auto& m : messages) frame.context().AddMessage(where + ": " + m);
    }
    if (out.allowed && !v.is_null()) {
      if (!out.allowed->Evaluate(frame, v).IsTrue()) {
        frame.context().AddMessage(fmt::format("{}: rule {}: output {} is not in the output values",
                                               where, rule_ids[r], v.DebugString()));
        v = Value();
      }
    }
    cells->push_back(std::move(v));
  }
  if (outputs.size() == 1) return (*cells)[0];
  feel::Context ctx;
  for (size_t o = 0; o < outputs.size(); ++o) ctx.Put(outputs[o].name, (*cells)[o]);
  return Value::FromContext(std::move(ctx));
}

Value DecisionTableNode::DefaultResult(Frame& frame) const {
  bool any = false;
  for (const CompiledOutput& out : outputs) any = any || out.default_entry != nullptr;
  if (!any) return Value();
  if (outputs.size() == 1) return outputs[0].default_entry->Eval(frame);
  feel::Context ctx;
  for (const CompiledOutput& out : outputs) {
    ctx.Put(out.name, out.default_entry ? out.default_entry->Eval(frame) : Value());
  }
  return Value::FromContext(std::move(ctx));
}

std::vector<size_t> DecisionTableNode::Rank(const std::vector<Value>& cells) const {
  std::vector<size_t> rank;
  for (size_t o = 0; o < outputs.size(); ++o) {
    const std::vector<Value>& order = outputs[o].priorities;
    size_t i = 0;
    while (i < order.size() && !feel::Equal(order[i], cells[o])) ++i;
    rank.push_back(i);
  }
  return rank;
}

Value DecisionTableNode::Aggregate(Frame& frame, const std::vector<Value>& results) const {
  if (aggregation == Aggregation::kCount) return Value::Int(static_cast<int64_t>(results.size()));
  if (results.empty()) return Value();
  if (aggregation == Aggregation::kSum) {
    feel::Number sum;
    for (const Value& v : results) {
      if (!v.is(feel::ValueKind::kNumber)) return Fail(frame, "SUM over a non-number output");
      sum = sum + v.AsNumber();
    }
    return Value::Num(sum);
  }
  Value best = results[0];
  for (size_t i = 1; i < results.size(); ++i) {
    std::optional<int> c = feel::FeelCompare(results[i], best);
    if (!c) return Fail(frame, "MIN/MAX over outputs that cannot be compared");
    if ((aggregation == Aggregation::kMin && *c < 0) ||
        (aggregation == Aggregation::kMax && *c > 0)) {
      best = results[i];
    }
  }
  return best;
}

void DecisionTableNode::RecordRow(TableTrace* trace, const std::vector<size_t>& matched,
                                  const std::vector<std::vector<Value>>& cells, size_t m) const {
  size_t r = matched[m];
  TableRowTrace row;
  row.index = static_cast<int>(r) + 1;
  row.rule_id = notes[r].id;
  row.description = notes[r].description;
  row.annotations = notes[r].annotations;
  row.outputs = cells[m];
  trace->matched_rows.push_back(std::move(row));
}

Value DecisionTableNode::Eval(Frame& frame) const {
  std::vector<TableTrace>* sink = g_trace_sink;
  if (sink == nullptr) [[likely]] {
    return Evaluate(frame, nullptr);
  }
  TableTrace trace;
  trace.where = where;
  trace.hit_policy = HitPolicyName(hit_policy);
  trace.aggregation = AggregationName(aggregation);
  for (const CompiledOutput& out : outputs) trace.output_names.push_back(out.name);
  Value v = Evaluate(frame, &trace);
  trace.value = v;
  sink->push_back(std::move(trace));  // after Evaluate: tables it invoked come first
  return v;
}

Value DecisionTableNode::Evaluate(Frame& frame, TableTrace* trace) const {
  std::vector<Value> values;
  values.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    Value v = inputs[i].expression->Eval(frame);
    if (trace != nullptr) trace->inputs.emplace_back(inputs[i].label, v);
    if (inputs[i].allowed && !v.is_null() && !inputs[i].allowed->Evaluate(frame, v).IsTrue()) {
      return Fail(frame, fmt::format("input '{}' value {} is not in the input values",
                                     inputs[i].label, v.DebugString()));
    }
    values.push_back(std::move(v));
  }
  std::vector<size_t> matched;
  for (size_t r = 0; r < rules.size(); ++r) {
    bool hit = !rules[r].broken;
    for (size_t i = 0; i < inputs.size() && hit; ++i) {
      const auto& test = rules[r].inputs[i];
      if (test) hit = test->Evaluate(frame, values[i]).IsTrue();
    }
    if (hit) {
      matched.push_back(r);
      if (hit_policy == HitPolicy::kFirst) break;
    }
  }
  bool single = hit_policy == HitPolicy::kUnique || hit_policy == HitPolicy::kAny ||
                hit_policy == HitPolicy::kPriority || hit_policy == HitPolicy::kFirst;
  if (matched.empty()) {
    Value def = DefaultResult(frame);
    if (trace != nullptr) trace->default_output = has_default && (single || !def.is_null());
    if (single || !def.is_null()) return def;
    if (aggregation == Aggregation::kCount) return Value::Int(0);
    if (aggregation != Aggregation::kNone) return Value();
    return Value::FromList(feel::List{});
  }
  std::vector<Value> results;
  std::vector<std::vector<Value>> cells(matched.size());
  for (size_t m = 0; m < matched.size(); ++m) {
    results.push_back(RuleResult(frame, matched[m], &cells[m]));
  }
  if (trace != nullptr && hit_policy != HitPolicy::kPriority) {
    for (size_t m = 0; m < matched.size(); ++m) RecordRow(trace, matched, cells, m);
  }
  switch (hit_policy) {
    case HitPolicy::kUnique:
      if (matched.size() > 1) {
        return Fail(frame, fmt::format("hit policy UNIQUE but rules {} and {} both match",
                                       rule_ids[matched[0]], rule_ids[matched[1]]));
      }
      return results[0];
    case HitPolicy::kFirst:
      return results[0];
    case HitPolicy::kAny:
      for (size_t m = 1; m < results.size(); ++m) {
        if (!feel::Equal(results[m], results[0])) {
          return Fail(frame, fmt::format("hit policy ANY but rules {} and {} give different "
                                         "outputs",
                                         rule_ids[matched[0]], rule_ids[matched[m]]));
        }
      }
      return results[0];
    case HitPolicy::kPriority:
    case HitPolicy::kOutputOrder: {
      std::vector<size_t> order(matched.size());
      std::vector<std::vector<size_t>> ranks;
      for (size_t m = 0; m < matched.size(); ++m) {
        order[m] = m;
        ranks.push_back(Rank(cells[m]));
      }
      std::stable_sort(order.begin(), order.end(),
                       [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
      if (hit_policy == HitPolicy::kPriority) {
        if (trace != nullptr) RecordRow(trace, matched, cells, order[0]);
        return results[order[0]];
      }
      feel::List sorted;
      for (size_t m : order) sorted.push_back(results[m]);
      return Value::FromList(std::move(sorted));
    }
    case HitPolicy::kRuleOrder:
      return Value::FromList(std::move(results));
    case HitPolicy::kCollect:
      if (aggregation == Aggregation::kNone) return Value::FromList(std::move(results));
      if (outputs.size() != 1) return Fail(frame, "aggregation needs exactly one output");
      return Aggregate(frame, results);
  }
  return Value();
}

std::optional<feel::UnaryTests> CompileTests(const std::string& text, CompileEnv& env,
                                             const std::string& what) {
  auto tests = feel::CompileUnaryTests(text, env.scope);
  if (!tests) {
    env.Problem(fmt::format("{}: {}", what, tests.error().message));
    return std::nullopt;
  }
  for (const std::string& name : tests->unresolved_names()) env.UnknownName(name, what);
  return std::move(*tests);
}

RuleNote NoteOf(const DecisionRule& rule, const std::vector<std::string>& annotation_names) {
  RuleNote note;
  note.id = rule.id;
  note.description = rule.description;
  std::vector<std::string> texts;
  for (size_t a = 0; a < rule.annotation_entries.size(); ++a) {
    const std::string& text = rule.annotation_entries[a];
    note.annotations.emplace_back(a < annotation_names.size() ? annotation_names[a] : "", text);
    if (!text.empty()) texts.push_back(text);
  }
  if (note.description.empty()) note.description = fmt::format("{}", fmt::join(texts, "; "));
  return note;
}

}  // namespace

NodePtr CompileDecisionTable(const DecisionTable& table, CompileEnv& env) {
  auto node = std::make_shared<DecisionTableNode>();
  node->hit_policy = table.hit_policy;
  node->aggregation = table.aggregation;
  node->where = env.where.empty() ? "decision table" : env.where;
  for (size_t i = 0; i < table.inputs.size(); ++i) {
    const DecisionTableInput& in = table.inputs[i];
    CompiledInput compiled;
    compiled.label = in.label.empty() ? Trim(in.expression) : in.label;
    CompileEnv input_env =
        env.Nested(table.inputs.size() == 1 ? std::string("input expression")
                                            : fmt::format("input {} expression", i + 1));
    compiled.expression = CompileFeel(in.expression, input_env);
    if (!in.input_values.empty()) {
      compiled.allowed = CompileTests(in.input_values, env, fmt::format("input {} values", i + 1));
    }
    node->inputs.push_back(std::move(compiled));
  }
  for (size_t o = 0; o < table.outputs.size(); ++o) {
    const DecisionTableOutput& out = table.outputs[o];
    CompiledOutput compiled;
    compiled.name = out.name;
    compiled.type = ResolveType(out.type_ref, env);
    if (!out.output_values.empty()) {
      std::string what = fmt::format("output {} values", o + 1);
      compiled.allowed = CompileTests(out.output_values, env, what);
      auto list = feel::CompileExpression("[" + out.output_values + "]", feel::Scope());
      if (list) {
        Frame empty(size_t{0});
        Value v = list->Evaluate(empty);
        if (v.is(feel::ValueKind::kList)) compiled.priorities = v.AsList();
      }
    }
    if (!out.default_output_entry.empty()) {
      CompileEnv default_env = env.Nested(fmt::format("output {} default", o + 1));
      compiled.default_entry = CompileFeel(out.default_output_entry, default_env);
    }
    node->has_default = node->has_default || compiled.default_entry != nullptr;
    node->outputs.push_back(std::move(compiled));
  }
  for (const DecisionRule& rule : table.rules) {
    CompiledRule compiled;
    std::string rule_name = rule.id.empty() ? fmt::format("#{}", node->rules.size() + 1) : rule.id;
    for (size_t i = 0; i < rule.input_entries.size(); ++i) {
      const std::string& text = rule.input_entries[i];
      if (text.empty() || text == "-") {
        compiled.inputs.emplace_back();
        continue;
      }
      auto tests = CompileTests(text, env, fmt::format("rule {} input entry {}", rule_name, i + 1));
      if (!tests) compiled.broken = true;  // the problem is already recorded
      compiled.inputs.push_back(std::move(tests));
    }
    for (size_t o = 0; o < rule.output_entries.size(); ++o) {
      CompileEnv out_env = env.Nested(fmt::format("rule {} output entry {}", rule_name, o + 1));
      compiled.outputs.push_back(CompileFeel(rule.output_entries[o], out_env));
    }
    node->rules.push_back(std::move(compiled));
    node->rule_ids.push_back(rule_name);
    node->notes.push_back(NoteOf(rule, table.annotation_names));
  }
  return node;
}

TableTraceScope::TableTraceScope(std::vector<TableTrace>* sink) : previous_(g_trace_sink) {
  g_trace_sink = sink;
}

TableTraceScope::~TableTraceScope() { g_trace_sink = previous_; }

}  // namespace proaktiv::dmn

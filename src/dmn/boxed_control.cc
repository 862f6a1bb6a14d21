#include "dmn/boxed_control.h"

#include <fmt/format.h>

#include "dmn/slot_guard.h"

namespace proaktiv::dmn {
namespace {

using feel::Frame;
using feel::Slot;
using feel::Value;

class ConditionalNode : public Node {
 public:
  ConditionalNode(NodePtr c, NodePtr t, NodePtr e)
      : if_(std::move(c)), then_(std::move(t)), else_(std::move(e)) {}
  // A null condition takes the else branch (as FEEL's if); any other non-boolean is an error.
  Value Eval(Frame& frame) const override {
    Value c = if_->Eval(frame);
    if (!c.is_null() && !c.is(feel::ValueKind::kBoolean)) {
      frame.context().AddMessage("conditional: the if expression gave " + c.DebugString() +
                                 ", not a boolean");
      return Value();
    }
    return c.IsTrue() ? then_->Eval(frame) : else_->Eval(frame);
  }

 private:
  NodePtr if_, then_, else_;
};

// Items of a value for iteration: a list's elements, or the value itself as a singleton.
feel::List IterationItems(const Value& v) {
  if (v.is(feel::ValueKind::kList)) return v.AsList();
  return feel::List{v};
}

// A boxed filter whose match is general: `item` is bound per element; true keeps the element.
class FilterNode : public Node {
 public:
  FilterNode(NodePtr in, Slot in_slot, NodePtr match, Slot item_slot)
      : in_(std::move(in)), match_(std::move(match)), slots_{in_slot, item_slot} {}
  Value Eval(Frame& frame) const override {
    SlotGuard guard(frame, slots_);
    Value in = in_->Eval(frame);
    if (in.is_null()) return Value();
    frame.Set(slots_[0], in);
    feel::List out;
    for (const Value& item : IterationItems(in)) {
      frame.Set(slots_[1], item);
      Value keep = match_->Eval(frame);
      if (!keep.is_null() && !keep.is(feel::ValueKind::kBoolean)) {
        frame.context().AddMessage("filter: match gave " + keep.DebugString() + ", not a boolean");
        return Value();
      }
      if (keep.IsTrue()) out.push_back(item);
    }
    return Value::FromList(std::move(out));
  }

 private:
  NodePtr in_, match_;
  std::vector<Slot> slots_;
};

class IteratorNode : public Node {
 public:
  IteratorNode(IteratorKind kind, NodePtr in, Slot var, NodePtr body)
      : kind_(kind), in_(std::move(in)), body_(std::move(body)), slots_{var} {}
  Value Eval(Frame& frame) const override {
    SlotGuard guard(frame, slots_);
    Value in = in_->Eval(frame);
    if (in.is_null()) return Value();
    feel::List out;
    for (const Value& item : IterationItems(in)) {
      frame.Set(slots_[0], item);
      Value v = body_->Eval(frame);
      if (kind_ == IteratorKind::kFor) {
        out.push_back(std::move(v));
        continue;
      }
      if (!v.is(feel::ValueKind::kBoolean)) {
        frame.context().AddMessage(fmt::format("{}: satisfies gave {}, not a boolean",
                                               kind_ == IteratorKind::kSome ? "some" : "every",
                                               v.DebugString()));
        return Value();
      }
      if (kind_ == IteratorKind::kSome && v.IsTrue()) return Value::Boolean(true);
      if (kind_ == IteratorKind::kEvery && !v.IsTrue()) return Value::Boolean(false);
    }
    if (kind_ == IteratorKind::kSome) return Value::Boolean(false);
    if (kind_ == IteratorKind::kEvery) return Value::Boolean(true);
    return Value::FromList(std::move(out));
  }

 private:
  IteratorKind kind_;
  NodePtr in_, body_;
  std::vector<Slot> slots_;
};

const LiteralExpression* AsLiteral(const Expression* expr) {
  return expr ? std::get_if<LiteralExpression>(&expr->kind) : nullptr;
}

constexpr char kFilterMarker[] = "filter: match gave ";

// The boolean guard of a literal boxed filter: passes booleans and null through; anything else
// is reported (with kFilterMarker) and treated as false.
Value FilterCheckFunction() {
  static const Value fn = Value::NativeFunction(
      "__dmn_filter_check", {"match"}, [](std::span<const Value> args, feel::EvalContext& ctx) {
        Value v = args.empty() ? Value() : args[0];
        if (v.is_null() || v.is(feel::ValueKind::kBoolean)) return v;
        ctx.AddMessage(std::string(kFilterMarker) + v.DebugString() + ", not a boolean");
        return Value::Boolean(false);
      });
  return fn;
}

// A boxed filter whose match is a literal expression, compiled as the FEEL filter
// `input[check(match)]` so that the context entries of the items are names in `match`.
class LiteralFilterNode : public Node {
 public:
  LiteralFilterNode(NodePtr in, Slot in_slot, Slot check_slot, feel::Expression filter)
      : in_(std::move(in)), filter_(std::move(filter)), slots_{in_slot, check_slot} {}
  Value Eval(Frame& frame) const override {
    SlotGuard guard(frame, slots_);
    Value in = in_->Eval(frame);
    if (in.is_null()) return Value();
    frame.Set(slots_[0], std::move(in));
    frame.Set(slots_[1], FilterCheckFunction());
    size_t before = frame.context().messages().size();
    Value out = filter_.Evaluate(frame);
    const auto& messages = frame.context().messages();
    for (size_t i = before; i < messages.size(); ++i) {
      if (messages[i].starts_with(kFilterMarker)) return Value();
    }
    return out;
  }

 private:
  NodePtr in_;
  feel::Expression filter_;
  std::vector<Slot> slots_;
};

}  // namespace

NodePtr CompileFilter(const Filter& filter, CompileEnv& env) {
  NodePtr in = CompileBoxed(filter.in.get(), env);
  CompileEnv inner = env;
  Slot in_slot = inner.Define("__dmn_filter_input");
  if (const LiteralExpression* lit = AsLiteral(filter.match.get())) {
    Slot check_slot = inner.Define("__dmn_filter_check");
    auto expr = feel::CompileExpression(
        "__dmn_filter_input[__dmn_filter_check(" + lit->text + "\n)]", inner.scope);
    if (expr) {
      for (const std::string& name : expr->unresolved_names()) env.UnknownName(name, "filter");
      return std::make_shared<LiteralFilterNode>(std::move(in), in_slot, check_slot,
                                                 std::move(*expr));
    }
  }
  Slot item_slot = inner.Define("item");
  NodePtr match = CompileBoxed(filter.match.get(), inner);
  return std::make_shared<FilterNode>(std::move(in), in_slot, std::move(match), item_slot);
}

NodePtr CompileConditional(const Conditional& cond, CompileEnv& env) {
  return std::make_shared<ConditionalNode>(CompileBoxed(cond.if_expr.get(), env),
                                           CompileBoxed(cond.then_expr.get(), env),
                                           CompileBoxed(cond.else_expr.get(), env));
}

NodePtr CompileIterator(const Iterator& it, CompileEnv& env) {
  NodePtr in = CompileBoxed(it.in.get(), env);
  CompileEnv inner = env;
  Slot var = inner.Define(it.variable);
  NodePtr body = CompileBoxed(it.body.get(), inner);
  return std::make_shared<IteratorNode>(it.kind, std::move(in), var, std::move(body));
}

}  // namespace proaktiv::dmn

#include "dmn/boxed_expression.h"

#include <algorithm>

#include <fmt/format.h>

#include "dmn/boxed_control.h"
#include "dmn/decision_table.h"
#include "dmn/slot_guard.h"
#include "dmn/xml_util.h"

namespace proaktiv::dmn {
namespace {

using feel::Frame;
using feel::Slot;
using feel::Value;

class ErrorNodeImpl : public Node {
 public:
  explicit ErrorNodeImpl(std::string message) : message_(std::move(message)) {}
  Value Eval(Frame& frame) const override {
    frame.context().AddMessage(message_);
    return Value();
  }

 private:
  std::string message_;
};

class ConstantNode : public Node {
 public:
  explicit ConstantNode(Value v) : value_(std::move(v)) {}
  Value Eval(Frame&) const override { return value_; }

 private:
  Value value_;
};

class FeelNode : public Node {
 public:
  explicit FeelNode(feel::Expression expr) : expr_(std::move(expr)) {}
  Value Eval(Frame& frame) const override { return expr_.Evaluate(frame); }

 private:
  feel::Expression expr_;
};

class CoerceNodeImpl : public Node {
 public:
  CoerceNodeImpl(NodePtr node, DmnTypePtr type, std::string what)
      : node_(std::move(node)), type_(std::move(type)), what_(std::move(what)) {}
  Value Eval(Frame& frame) const override {
    Value v = node_->Eval(frame);
    std::vector<std::string> messages;
    Value out = type_->Coerce(v, &messages);
    for (const std::string& m : messages) frame.context().AddMessage(what_ + ": " + m);
    return out;
  }

 private:
  NodePtr node_;
  DmnTypePtr type_;
  std::string what_;
};

class ContextNode : public Node {
 public:
  struct Entry {
    std::string key;
    Slot slot;
    NodePtr value;
  };
  ContextNode(std::vector<Entry> entries, NodePtr result)
      : entries_(std::move(entries)), result_(std::move(result)) {
    for (const Entry& e : entries_) slots_.push_back(e.slot);
  }
  Value Eval(Frame& frame) const override {
    SlotGuard guard(frame, slots_);
    feel::Context ctx;
    for (const Entry& e : entries_) {
      Value v = e.value->Eval(frame);
      frame.Set(e.slot, v);
      ctx.Put(e.key, std::move(v));
    }
    if (result_) return result_->Eval(frame);
    return Value::FromContext(std::move(ctx));
  }

 private:
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  NodePtr result_;
};

class ListNode : public Node {
 public:
  explicit ListNode(std::vector<NodePtr> items) : items_(std::move(items)) {}
  Value Eval(Frame& frame) const override {
    feel::List out;
    out.reserve(items_.size());
    for (const NodePtr& item : items_) out.push_back(item->Eval(frame));
    return Value::FromList(std::move(out));
  }

 private:
  std::vector<NodePtr> items_;
};

class RelationNode : public Node {
 public:
  RelationNode(std::vector<std::string> columns, std::vector<std::vector<NodePtr>> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}
  Value Eval(Frame& frame) const override {
    feel::List out;
    for (const auto& row : rows_) {
      feel::Context ctx;
      for (size_t i = 0; i < columns_.size(); ++i) ctx.Put(columns_[i], row[i]->Eval(frame));
      out.push_back(Value::FromContext(std::move(ctx)));
    }
    return Value::FromList(std::move(out));
  }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<NodePtr>> rows_;
};

class InvocationNode : public Node {
 public:
  InvocationNode(NodePtr callee, std::vector<std::string> names, std::vector<NodePtr> values)
      : callee_(std::move(callee)), names_(std::move(names)), values_(std::move(values)) {}
  Value Eval(Frame& frame) const override {
    Value fn = callee_->Eval(frame);
    feel::Arguments args;
    args.is_named = true;
    for (size_t i = 0; i < names_.size(); ++i) {
      args.named.emplace_back(names_[i], values_[i] ? values_[i]->Eval(frame) : Value());
    }
    return feel::Invoke(fn, args, frame.context());
  }

 private:
  NodePtr callee_;
  std::vector<std::string> names_;
  std::vector<NodePtr> values_;
};

class FunctionNode : public Node {
 public:
  explicit FunctionNode(std::shared_ptr<const FunctionShape> shape) : shape_(std::move(shape)) {}
  Value Eval(Frame& frame) const override { return MakeClosure(shape_, frame); }

 private:
  std::shared_ptr<const FunctionShape> shape_;
};

const LiteralExpression* AsLiteral(const Expression* expr) {
  return expr ? std::get_if<LiteralExpression>(&expr->kind) : nullptr;
}

}  // namespace

void CompileEnv::Problem(const std::string& what) const {
  if (problems != nullptr) problems->push_back(where.empty() ? what : where + ": " + what);
}

void CompileEnv::UnknownName(const std::string& name, const std::string& what) const {
  Problem(fmt::format("{}unknown name '{}'", what.empty() ? "" : what + ": ", name));
  if (unresolved != nullptr &&
      std::find(unresolved->begin(), unresolved->end(), name) == unresolved->end()) {
    unresolved->push_back(name);
  }
}

feel::Slot CompileEnv::Define(const std::string& name, feel::TypePtr type) {
  Slot slot = scope.Define(name, std::move(type));
  if (max_slots && *max_slots < scope.size()) *max_slots = scope.size();
  return slot;
}

CompileEnv CompileEnv::Nested(const std::string& what) const {
  CompileEnv out = *this;
  out.where = where.empty() ? what : where + ": " + what;
  return out;
}

NodePtr ErrorNode(std::string message) {
  return std::make_shared<ErrorNodeImpl>(std::move(message));
}

NodePtr CoerceNode(NodePtr node, DmnTypePtr type, std::string what) {
  if (!type) return node;
  return std::make_shared<CoerceNodeImpl>(std::move(node), std::move(type), std::move(what));
}

DmnTypePtr ResolveType(const std::string& type_ref, CompileEnv& env) {
  auto type = env.types->Resolve(type_ref);
  if (!type) {
    env.Problem(type.error().message);
    return nullptr;
  }
  return *type;
}

NodePtr CompileFeel(const std::string& text, CompileEnv& env) {
  if (Trim(text).empty()) return std::make_shared<ConstantNode>(Value());
  auto expr = feel::CompileExpression(text, env.scope);
  if (!expr) {
    env.Problem(expr.error().message);
    return ErrorNode((env.where.empty() ? "" : env.where + ": ") + expr.error().message);
  }
  for (const std::string& name : expr->unresolved_names()) env.UnknownName(name);
  return std::make_shared<FeelNode>(std::move(*expr));
}

feel::Value MakeClosure(std::shared_ptr<const FunctionShape> shape, const feel::Frame& frame) {
  std::vector<Value> captured(frame.data(), frame.data() + frame.size());
  auto fn = [shape, captured = std::move(captured)](std::span<const Value> args,
                                                    feel::EvalContext& ctx) -> Value {
    size_t size = std::max(captured.size(), static_cast<size_t>(*shape->frame_size));
    Frame call(size);
    for (size_t i = 0; i < captured.size(); ++i) call.Set(static_cast<Slot>(i), captured[i]);
    std::vector<std::string> messages;
    for (size_t i = 0; i < shape->param_slots.size(); ++i) {
      Value arg = i < args.size() ? args[i] : Value();
      if (shape->param_types[i]) {
        Value coerced = shape->param_types[i]->Coerce(arg, &messages);
        if (coerced.is_null() && !arg.is_null()) {
          for (const std::string& m : messages) {
            ctx.AddMessage(fmt::format("{}: parameter '{}': {}", shape->name, shape->params[i], m));
          }
          return Value();
        }
        arg = std::move(coerced);
      }
      call.Set(shape->param_slots[i], std::move(arg));
    }
    Value out = shape->body->Eval(call);
    for (const std::string& m : call.context().messages()) ctx.AddMessage(m);
    if (shape->result_type) {
      out = shape->result_type->Coerce(out, &messages);
      for (const std::string& m : messages) ctx.AddMessage(shape->name + ": " + m);
    }
    return out;
  };
  return Value::NativeFunction(shape->name, shape->params, std::move(fn));
}

NodePtr CompileBoxed(const Expression* expr, CompileEnv& env) {
  if (expr == nullptr) return std::make_shared<ConstantNode>(Value());
  NodePtr node;
  if (const auto* lit = std::get_if<LiteralExpression>(&expr->kind)) {
    node = CompileFeel(lit->text, env);
  } else if (const auto* ctx = std::get_if<Context>(&expr->kind)) {
    CompileEnv inner = env;
    std::vector<ContextNode::Entry> entries;
    NodePtr result;
    for (const ContextEntry& entry : ctx->entries) {
      if (!entry.variable) {
        result = CompileBoxed(entry.value.get(), inner);
        continue;
      }
      const InformationItem& var = *entry.variable;
      CompileEnv entry_env = inner.Nested(fmt::format("context entry '{}'", var.name));
      NodePtr value = CompileBoxed(entry.value.get(), entry_env);
      DmnTypePtr type = ResolveType(var.type_ref, entry_env);
      value = CoerceNode(std::move(value), type, entry_env.where);
      Slot slot = inner.Define(var.name, type ? type->feel_type : nullptr);
      entries.push_back({var.name, slot, std::move(value)});
    }
    node = std::make_shared<ContextNode>(std::move(entries), std::move(result));
  } else if (const auto* list = std::get_if<List>(&expr->kind)) {
    std::vector<NodePtr> items;
    for (const ExpressionPtr& item : list->items) items.push_back(CompileBoxed(item.get(), env));
    node = std::make_shared<ListNode>(std::move(items));
  } else if (const auto* rel = std::get_if<Relation>(&expr->kind)) {
    std::vector<std::string> columns;
    for (const InformationItem& col : rel->columns) columns.push_back(col.name);
    std::vector<std::vector<NodePtr>> rows;
    for (const auto& row : rel->rows) {
      std::vector<NodePtr> cells;
      for (size_t i = 0; i < row.size(); ++i) {
        NodePtr cell = CompileBoxed(row[i].get(), env);
        DmnTypePtr type = ResolveType(rel->columns[i].type_ref, env);
        cells.push_back(CoerceNode(std::move(cell), type, "column " + columns[i]));
      }
      rows.push_back(std::move(cells));
    }
    node = std::make_shared<RelationNode>(std::move(columns), std::move(rows));
  } else if (const auto* inv = std::get_if<Invocation>(&expr->kind)) {
    NodePtr callee;
    const LiteralExpression* name = AsLiteral(inv->callee.get());
    if (name != nullptr && env.scope.Find(Trim(name->text)) < 0) {
      Value builtin = feel::BuiltinFunction(Trim(name->text));
      if (!builtin.is_null()) callee = std::make_shared<ConstantNode>(builtin);
    }
    if (!callee) callee = CompileBoxed(inv->callee.get(), env);
    std::vector<std::string> names;
    std::vector<NodePtr> values;
    for (const Binding& b : inv->bindings) {
      names.push_back(b.parameter.name);
      CompileEnv binding_env = env.Nested(fmt::format("binding '{}'", b.parameter.name));
      values.push_back(b.value ? CompileBoxed(b.value.get(), binding_env) : nullptr);
    }
    node = std::make_shared<InvocationNode>(std::move(callee), std::move(names), std::move(values));
  } else if (const auto* fn = std::get_if<FunctionDefinition>(&expr->kind)) {
    if (fn->kind != FunctionKind::kFeel) {
      std::string what = fn->kind == FunctionKind::kJava ? "Java" : "PMML";
      env.Problem(fmt::format("unsupported: external {} function definition", what));
      return ErrorNode(fmt::format("external {} functions are not supported", what));
    }
    CompileEnv inner = env;
    auto shape = std::make_shared<FunctionShape>();
    shape->name = env.where.empty() ? "function" : env.where;
    for (const InformationItem& p : fn->parameters) {
      shape->params.push_back(p.name);
      DmnTypePtr type = ResolveType(p.type_ref, inner);
      shape->param_types.push_back(type);
      shape->param_slots.push_back(inner.Define(p.name, type ? type->feel_type : nullptr));
    }
    shape->body = CompileBoxed(fn->body.get(), inner);
    shape->frame_size = env.max_slots;
    node = std::make_shared<FunctionNode>(std::move(shape));
    return node;  // the function's typeRef describes the function, not a value to coerce
  } else if (const auto* table = std::get_if<DecisionTable>(&expr->kind)) {
    node = CompileDecisionTable(*table, env);
  } else if (const auto* cond = std::get_if<Conditional>(&expr->kind)) {
    node = CompileConditional(*cond, env);
  } else if (const auto* filter = std::get_if<Filter>(&expr->kind)) {
    node = CompileFilter(*filter, env);
  } else if (const auto* it = std::get_if<Iterator>(&expr->kind)) {
    node = CompileIterator(*it, env);
  }
  if (!node) return ErrorNode("unsupported boxed expression");
  return node;
}

}  // namespace proaktiv::dmn

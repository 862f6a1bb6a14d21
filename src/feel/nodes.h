#pragma once

// Node types of the compiled tree (see ast.h). Internal.

#include <memory>
#include <string>
#include <vector>

#include "feel/ast.h"
#include "feel/builtins.h"
#include "feel/ops.h"
#include "feel/type.h"

namespace proaktiv::feel {

struct LiteralNode final : Node {
  explicit LiteralNode(Value v) : value(std::move(v)) {}
  Value Eval(Env&) const override { return value; }
  Value value;
};

struct GlobalNode final : Node {
  explicit GlobalNode(Slot s) : slot(s) {}
  Value Eval(Env& env) const override {
    return static_cast<size_t>(slot) < env.num_globals ? env.globals[slot] : Value();
  }
  Slot slot;
};

struct LocalNode final : Node {
  explicit LocalNode(int32_t s) : slot(s) {}
  Value Eval(Env& env) const override { return env.locals[slot]; }
  int32_t slot;
};

struct CaptureNode final : Node {
  explicit CaptureNode(int32_t i) : index(i) {}
  Value Eval(Env& env) const override { return env.captures[index]; }
  int32_t index;
};

struct SelfNode final : Node {
  Value Eval(Env& env) const override { return env.self ? *env.self : Value(); }
};

struct DynamicNameNode final : Node {
  explicit DynamicNameNode(std::string n) : name(std::move(n)) {}
  Value Eval(Env& env) const override;
  std::string name;
};

// Evaluates to null with a fixed message (e.g. an invalid @"..." literal).
struct ErrorNode final : Node {
  explicit ErrorNode(std::string m) : message(std::move(m)) {}
  Value Eval(Env& env) const override { return Fail(env, message); }
  std::string message;
};

// A name used inside a filter predicate: an entry of the current item (if the item is a
// context with that key) takes precedence over the statically resolved binding.
struct FilterNameNode final : Node {
  Value Eval(Env& env) const override;
  std::string name;
  NodePtr fallback;
};

struct NegNode final : Node {
  Value Eval(Env& env) const override;
  NodePtr operand;
};

struct ArithNode final : Node {
  Value Eval(Env& env) const override;
  ArithOp op;
  NodePtr lhs, rhs;
};

struct CmpNode final : Node {
  Value Eval(Env& env) const override;
  CmpOp op;
  NodePtr lhs, rhs;
};

struct LogicNode final : Node {
  Value Eval(Env& env) const override;
  bool is_and;
  NodePtr lhs, rhs;
};

struct IfNode final : Node {
  Value Eval(Env& env) const override;
  NodePtr cond, then_branch, else_branch;
};

struct BetweenNode final : Node {
  Value Eval(Env& env) const override;
  NodePtr value, low, high;
};

// `value in tests` and unary tests: the input is stored in `input_slot` (bound to `?`).
struct InNode final : Node {
  Value Eval(Env& env) const override;
  NodePtr value;  // null for unary tests (input already in the slot)
  int32_t input_slot = -1;
  std::vector<NodePtr> tests;
  std::vector<bool> uses_input;
  // Per test: the value of a literal test (LiteralNode in `tests`), else null.
  std::vector<const Value*> constants;
  bool negated = false;  // not(...)
  bool dash = false;     // "-": always true
};

struct InstanceOfNode final : Node {
  Value Eval(Env& env) const override;
  NodePtr value;
  TypePtr type;
};

struct ListNode final : Node {
  Value Eval(Env& env) const override;
  std::vector<NodePtr> items;
};

struct ContextNode final : Node {
  Value Eval(Env& env) const override;
  struct Entry {
    std::string key;
    int32_t slot;
    NodePtr value;
  };
  std::vector<Entry> entries;
  std::string duplicate_key;  // non-empty: the literal repeats this key (an error)
};

struct RangeNode final : Node {
  Value Eval(Env& env) const override;
  Range::Op op = Range::Op::kInterval;
  NodePtr low, high;  // null when unbounded
  bool low_closed = true, high_closed = true;
};

struct FilterNode final : Node {
  Value Eval(Env& env) const override;
  NodePtr base, predicate;
  int32_t item_slot;
};

struct PathNode final : Node {
  Value Eval(Env& env) const override;
  NodePtr base;
  std::string name;
};

struct CallNode final : Node {
  Value Eval(Env& env) const override;
  NodePtr callee;
  const BuiltinDef* builtin = nullptr;  // set when the callee is a built-in name
  std::vector<NodePtr> args;
  std::vector<std::string> names;  // non-empty for named calls
};

// Where a closure's captured value comes from, in the enclosing level.
struct CaptureSource {
  enum class Kind { kGlobal, kLocal, kCapture, kSelf } kind;
  int32_t index;
};

struct FunctionDef {
  std::vector<std::string> params;
  std::vector<TypePtr> param_types;  // null entries: untyped
  NodePtr body;
  int32_t num_locals = 0;
  std::vector<CaptureSource> captures;
  bool external = false;
  // The function has a name it can call itself by (a context entry `f: function(...)`);
  // otherwise the body cannot refer to the function itself.
  bool has_self_name = false;
};

struct FunctionNode final : Node {
  Value Eval(Env& env) const override;
  std::shared_ptr<FunctionDef> def;
};

// The definition of `f` if it is a function created by a FEEL function literal and a call of
// it now would run its body (the call-depth limit is not reached); otherwise null. Lets
// built-ins recognise simple bodies (sort's `function(x, y) x < y`) and skip the calls.
const FunctionDef* InvocableClosure(const Function& f);

struct ForNode final : Node {
  Value Eval(Env& env) const override;
  struct Iteration {
    int32_t slot;
    NodePtr domain, range_end;  // range_end for `a..b`
  };
  std::vector<Iteration> iterations;
  NodePtr body;
  int32_t partial_slot = -1;
  bool quantifier = false, every = false;  // some/every: body is the condition
};

// Runs a whole evaluation of `program` against globals.
Value RunProgram(const Program& program, const Value* globals, size_t num_globals, EvalContext& ctx,
                 const Value* input);

}  // namespace proaktiv::feel

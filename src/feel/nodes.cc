#include "feel/nodes.h"

#include <memory>
#include <utility>

namespace proaktiv::feel {

Value Fail(Env& env, std::string message) {
  env.ctx->AddMessage(std::move(message));
  return Value();
}

Value DynamicNameNode::Eval(Env& env) const {
  if (env.items) {
    for (auto it = env.items->rbegin(); it != env.items->rend(); ++it) {
      const Value* item = *it;
      if (item->is(ValueKind::kContext)) {
        if (const Value* v = item->AsContext().Find(name)) return *v;
      }
    }
  }
  return Fail(env, "unknown name '" + name + "'");
}

Value FilterNameNode::Eval(Env& env) const {
  if (env.items && !env.items->empty()) {
    const Value* item = env.items->back();
    if (item->is(ValueKind::kContext)) {
      if (const Value* v = item->AsContext().Find(name)) return *v;
    }
  }
  return fallback->Eval(env);
}

Value NegNode::Eval(Env& env) const { return Negate(operand->Eval(env), *env.ctx); }

Value ArithNode::Eval(Env& env) const {
  Value a = lhs->Eval(env);
  Value b = rhs->Eval(env);
  if (a.is(ValueKind::kNumber) && b.is(ValueKind::kNumber)) {
    if (op == ArithOp::kAdd) return Value::Num(a.AsNumber() + b.AsNumber());
    if (op == ArithOp::kSub) return Value::Num(a.AsNumber() - b.AsNumber());
    if (op == ArithOp::kMul) return Value::Num(a.AsNumber() * b.AsNumber());
  }
  return Arith(op, a, b, *env.ctx);
}

Value CmpNode::Eval(Env& env) const {
  Value a = lhs->Eval(env);
  Value b = rhs->Eval(env);
  if (a.is(ValueKind::kNumber) && b.is(ValueKind::kNumber)) {
    // Fast path: one library call per comparison.
    const Number &x = a.AsNumber(), &y = b.AsNumber();
    switch (op) {
      case CmpOp::kEq:
        return Value::Boolean(x == y);
      case CmpOp::kNe:
        return Value::Boolean(!(x == y));
      case CmpOp::kLt:
        return Value::Boolean(x < y);
      case CmpOp::kLe:
        return Value::Boolean(x <= y);
      case CmpOp::kGt:
        return Value::Boolean(x > y);
      case CmpOp::kGe:
        return Value::Boolean(x >= y);
    }
  }
  return Compare(op, a, b, *env.ctx);
}

Value LogicNode::Eval(Env& env) const {
  Value a = lhs->Eval(env);
  if (a.is(ValueKind::kBoolean) && a.AsBoolean() != is_and) return a;  // short circuit
  Value b = rhs->Eval(env);
  bool ab = a.is(ValueKind::kBoolean), bb = b.is(ValueKind::kBoolean);
  if (bb && b.AsBoolean() != is_and) return b;
  if (ab && bb) return Value::Boolean(is_and);
  return Value();
}

Value IfNode::Eval(Env& env) const {
  Value c = cond->Eval(env);
  return c.IsTrue() ? then_branch->Eval(env) : else_branch->Eval(env);
}

Value BetweenNode::Eval(Env& env) const {
  Value v = value->Eval(env), lo = low->Eval(env), hi = high->Eval(env);
  Value a = Compare(CmpOp::kGe, v, lo, *env.ctx);
  Value b = Compare(CmpOp::kLe, v, hi, *env.ctx);
  if (a.is(ValueKind::kBoolean) && !a.AsBoolean()) return a;
  if (b.is(ValueKind::kBoolean) && !b.AsBoolean()) return b;
  if (a.IsTrue() && b.IsTrue()) return a;
  return Value();
}

Value InNode::Eval(Env& env) const {
  if (dash) return Value::Boolean(true);
  Value input;
  if (value) {
    input = value->Eval(env);
    env.locals[input_slot] = input;
  } else {
    input = env.locals[input_slot];
  }
  bool saw_null = false, hit = false;
  for (size_t i = 0; i < tests.size() && !hit; ++i) {
    // Literal tests (folded at compile time) are matched in place, without a copy.
    Value m;
    if (const Value* c = constants[i]) {
      m = MatchUnaryTest(input, *c, uses_input[i]);
    } else {
      Value r = tests[i]->Eval(env);
      m = MatchUnaryTest(input, r, uses_input[i]);
    }
    if (m.IsTrue()) hit = true;
    if (m.is_null()) saw_null = true;
  }
  if (!hit && saw_null) return Value();
  return Value::Boolean(negated ? !hit : hit);
}

Value InstanceOfNode::Eval(Env& env) const {
  return Value::Boolean(Conforms(value->Eval(env), *type));
}

Value ListNode::Eval(Env& env) const {
  List out;
  out.reserve(items.size());
  for (const auto& n : items) out.push_back(n->Eval(env));
  return Value::FromList(std::move(out));
}

Value ContextNode::Eval(Env& env) const {
  if (!duplicate_key.empty()) return Fail(env, "duplicate context key '" + duplicate_key + "'");
  Context ctx;
  for (const auto& e : entries) {
    Value v = e.value->Eval(env);
    env.locals[e.slot] = v;
    ctx.Put(e.key, std::move(v));
  }
  return Value::FromContext(std::move(ctx));
}

Value RangeNode::Eval(Env& env) const {
  Range r;
  r.op = op;
  r.low_closed = low_closed;
  r.high_closed = high_closed;
  r.low_unbounded = !low;
  r.high_unbounded = !high;
  if (low) r.low = low->Eval(env);
  if (high) r.high = high->Eval(env);
  auto orderable = [](const Value& v) {
    switch (v.kind()) {
      case ValueKind::kNumber:
      case ValueKind::kString:
      case ValueKind::kDate:
      case ValueKind::kTime:
      case ValueKind::kDateTime:
      case ValueKind::kDayTimeDuration:
      case ValueKind::kYearMonthDuration:
        return true;
      default:
        return false;
    }
  };
  if (op == Range::Op::kInterval) {
    if ((!r.low.is_null() && !orderable(r.low)) || (!r.high.is_null() && !orderable(r.high)))
      return Fail(env, "range endpoints must be of an ordered type");
    if (low && high && !r.low.is_null() && !r.high.is_null() && !FeelCompare(r.low, r.high))
      return Fail(env, "range endpoints are not comparable");
    if (low && high && r.low.is_null() && r.high.is_null())
      return Fail(env, "range endpoints are both null");
  }
  return Value::FromRange(std::move(r));
}

namespace {

// Points env.items at `items` for its lifetime and restores the previous pointer on exit.
class ItemsGuard {
 public:
  ItemsGuard(Env& env, std::vector<const Value*>* items) : env_(env), saved_(env.items) {
    env_.items = items;
  }
  ~ItemsGuard() { env_.items = saved_; }
  ItemsGuard(const ItemsGuard&) = delete;
  ItemsGuard& operator=(const ItemsGuard&) = delete;

 private:
  Env& env_;
  std::vector<const Value*>* saved_;
};

}  // namespace

Value FilterNode::Eval(Env& env) const {
  Value b = base->Eval(env);
  if (b.is_null()) return Fail(env, "filter on null");
  List single;
  const List* items;
  if (b.is(ValueKind::kList)) {
    items = &b.AsList();
  } else {
    single.push_back(b);
    items = &single;
  }
  // The item stack lives in this frame when the filter is outermost; the guard restores
  // env.items on every exit so env never points at this dead local afterwards.
  std::vector<const Value*> local_items;
  std::vector<const Value*>* stack = env.items ? env.items : &local_items;
  ItemsGuard guard(env, stack);
  List out;
  for (size_t i = 0; i < items->size() || (i == 0 && items->empty()); ++i) {
    Value item = items->empty() ? Value() : (*items)[i];
    env.locals[item_slot] = item;
    stack->push_back(&item);
    Value p = predicate->Eval(env);
    stack->pop_back();
    if (i == 0 && p.is(ValueKind::kNumber)) {
      auto idx = p.AsNumber().ToInt64();
      if (!idx || *idx == 0) return Fail(env, "filter index out of range");
      int64_t n = static_cast<int64_t>(items->size());
      int64_t k = *idx > 0 ? *idx - 1 : n + *idx;
      if (k < 0 || k >= n) return Fail(env, "filter index out of range");
      return (*items)[static_cast<size_t>(k)];
    }
    if (items->empty()) break;
    if (p.IsTrue()) out.push_back(std::move(item));
  }
  return Value::FromList(std::move(out));
}

Value PathNode::Eval(Env& env) const { return GetProperty(base->Eval(env), name, *env.ctx); }

Value CallNode::Eval(Env& env) const {
  Arguments a;
  if (names.empty()) {
    a.positional.reserve(args.size());
    for (const auto& n : args) a.positional.push_back(n->Eval(env));
  } else {
    a.is_named = true;
    for (size_t i = 0; i < args.size(); ++i) a.named.emplace_back(names[i], args[i]->Eval(env));
  }
  if (builtin) return CallBuiltin(*builtin, a, *env.ctx);
  Value f = callee->Eval(env);
  return Invoke(f, a, *env.ctx);
}

namespace {

// Expands a for/quantifier domain into the values to iterate.
bool Domain(Env& env, const ForNode::Iteration& it, List& out) {
  Value d = it.domain->Eval(env);
  if (it.range_end) {
    Value e = it.range_end->Eval(env);
    if (!d.is(ValueKind::kNumber) || !e.is(ValueKind::kNumber)) return false;
    auto a = d.AsNumber().ToInt64();
    auto b = e.AsNumber().ToInt64();
    if (!a || !b) return false;
    int64_t from = *a, to = *b;
    int64_t step = from <= to ? 1 : -1;
    for (int64_t i = from;; i += step) {
      out.push_back(Value::Int(i));
      if (i == to) break;
    }
    return true;
  }
  if (d.is(ValueKind::kList)) {
    out = d.AsList();
    return true;
  }
  if (d.is(ValueKind::kRange)) {
    const Range& r = d.AsRange();
    if (r.low_unbounded || r.high_unbounded || !r.low.is(ValueKind::kNumber) ||
        !r.high.is(ValueKind::kNumber))
      return false;
    auto a = r.low.AsNumber().ToInt64(), b = r.high.AsNumber().ToInt64();
    if (!a || !b) return false;
    int64_t lo = *a + (r.low_closed ? 0 : 1), hi = *b - (r.high_closed ? 0 : 1);
    for (int64_t i = lo; i <= hi; ++i) out.push_back(Value::Int(i));
    return true;
  }
  if (d.is_null()) return false;
  out.push_back(d);
  return true;
}

}  // namespace

Value ForNode::Eval(Env& env) const {
  List results;
  bool saw_null = false;
  bool done = false;
  // Iterative nested loops over the iteration contexts.
  std::vector<List> domains(iterations.size());
  std::vector<size_t> pos(iterations.size(), 0);
  size_t level = 0;
  if (iterations.empty()) return Value();
  if (!Domain(env, iterations[0], domains[0])) return Fail(env, "invalid iteration domain");
  while (!done) {
    if (pos[level] >= domains[level].size()) {
      if (level == 0) break;
      --level;
      ++pos[level];
      continue;
    }
    env.locals[iterations[level].slot] = domains[level][pos[level]];
    if (level + 1 < iterations.size()) {
      ++level;
      domains[level].clear();
      pos[level] = 0;
      if (!Domain(env, iterations[level], domains[level]))
        return Fail(env, "invalid iteration domain");
      continue;
    }
    if (partial_slot >= 0) env.locals[partial_slot] = Value::FromList(results);
    Value r = body->Eval(env);
    if (quantifier) {
      if (r.is(ValueKind::kBoolean) && r.AsBoolean() != every) return r;
      if (!r.is(ValueKind::kBoolean)) saw_null = true;
    } else {
      results.push_back(std::move(r));
    }
    ++pos[level];
  }
  if (quantifier) return saw_null && false ? Value() : Value::Boolean(every);
  return Value::FromList(std::move(results));
}

Value RunProgram(const Program& program, const Value* globals, size_t num_globals, EvalContext& ctx,
                 const Value* input) {
  Env env;
  env.globals = globals;
  env.num_globals = num_globals;
  env.ctx = &ctx;
  if (program.num_locals == 0) return program.root->Eval(env);
  // Up to 16 locals live on the stack; only the slots the program uses are constructed.
  constexpr size_t kInline = 16;
  const size_t n = static_cast<size_t>(program.num_locals);
  alignas(Value) unsigned char inline_storage[kInline * sizeof(Value)];
  std::vector<Value> heap_locals;
  Value* locals;
  if (n > kInline) {
    heap_locals.resize(n);
    locals = heap_locals.data();
  } else {
    locals = reinterpret_cast<Value*>(inline_storage);
    std::uninitialized_default_construct_n(locals, n);
  }
  struct Destroy {
    Value* p;
    size_t n;
    ~Destroy() {
      if (p) std::destroy_n(p, n);
    }
  } destroy{n > kInline ? nullptr : locals, n};
  if (input && program.input_slot >= 0) locals[program.input_slot] = *input;
  env.locals = locals;
  return program.root->Eval(env);
}

}  // namespace proaktiv::feel

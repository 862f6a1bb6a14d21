// FEEL function values: closures created by function literals, their invocation (argument
// binding, parameter type conversion, recursion limit) and FunctionNode.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "feel/nodes.h"

namespace proaktiv::feel {

namespace {

// Spec 10.3.2.9.4: a singleton list given for a parameter of a non-list type T becomes its
// element; a T given for a list<T> parameter becomes a singleton list. Leaves `v` unchanged if
// neither applies.
void ConvertArgument(Value& v, const Type& t) {
  if (v.is(ValueKind::kList) && v.AsList().size() == 1 && t.kind() != Type::Kind::kList &&
      Conforms(v.AsList()[0], t)) {
    Value e = v.AsList()[0];
    v = std::move(e);
  } else if (t.kind() == Type::Kind::kList && !v.is(ValueKind::kList) && !v.is_null() &&
             t.element() && Conforms(v, *t.element())) {
    v = Value::FromList(List{v});
  }
}

class Closure final : public Function, public std::enable_shared_from_this<Closure> {
 public:
  Closure(std::shared_ptr<const FunctionDef> def, std::vector<Value> captures)
      : def_(std::move(def)), captures_(std::move(captures)) {}
  std::string name() const override { return "anonymous function"; }
  const std::vector<std::string>& parameters() const override { return def_->params; }
  Value Invoke(const Arguments& args, EvalContext& ctx) const override {
    if (call_depth_ >= kMaxCallDepth) {
      ctx.AddMessage("function calls nested too deeply (more than " +
                     std::to_string(kMaxCallDepth) + ")");
      return Value();
    }
    ++call_depth_;
    Value r = InvokeBody(args, ctx);
    --call_depth_;
    return r;
  }

 private:
  // FEEL function calls currently active on this thread; bounds recursion so that a runaway
  // recursive definition gives an error instead of overflowing the stack.
  static constexpr int kMaxCallDepth = 1000;
  static thread_local int call_depth_;

  Value InvokeBody(const Arguments& args, EvalContext& ctx) const {
    if (def_->external) {
      ctx.AddMessage("external functions are not supported");
      return Value();
    }
    // Small frames (the common case, e.g. a sort comparator) live on the stack.
    constexpr size_t kInlineLocals = 8;
    Value inline_locals[kInlineLocals];
    std::vector<Value> heap_locals;
    Value* locals = inline_locals;
    if (static_cast<size_t>(def_->num_locals) > kInlineLocals) {
      heap_locals.resize(static_cast<size_t>(def_->num_locals));
      locals = heap_locals.data();
    }
    const auto& params = def_->params;
    if (args.is_named) {
      for (const auto& [n, v] : args.named) {
        size_t k = 0;
        while (k < params.size() && params[k] != n) ++k;
        if (k == params.size()) {
          ctx.AddMessage("function has no parameter named '" + n + "'");
          return Value();
        }
        locals[k] = v;
      }
    } else {
      if (args.positional.size() != params.size()) {
        ctx.AddMessage("function expects " + std::to_string(params.size()) + " arguments, got " +
                       std::to_string(args.positional.size()));
        return Value();
      }
      for (size_t k = 0; k < params.size(); ++k) locals[k] = args.positional[k];
    }
    for (size_t k = 0; k < params.size(); ++k) {
      const TypePtr& t = def_->param_types[k];
      if (t && !Conforms(locals[k], *t)) ConvertArgument(locals[k], *t);
      if (t && !Conforms(locals[k], *t)) {
        ctx.AddMessage("argument '" + params[k] + "' does not conform to " + t->ToString());
        return Value();
      }
    }
    // The self value costs two atomic reference-count updates; only build it when the body
    // can refer to it.
    Value self = def_->has_self_name ? Value::FromFunction(shared_from_this()) : Value();
    std::vector<const Value*> items;
    Env env;
    env.locals = locals;
    env.captures = captures_.data();
    env.self = def_->has_self_name ? &self : nullptr;
    env.ctx = &ctx;
    env.items = &items;
    return def_->body->Eval(env);
  }

  std::shared_ptr<const FunctionDef> def_;
  std::vector<Value> captures_;
};

thread_local int Closure::call_depth_ = 0;

}  // namespace

Value FunctionNode::Eval(Env& env) const {
  std::vector<Value> caps;
  caps.reserve(def->captures.size());
  for (const CaptureSource& c : def->captures) {
    switch (c.kind) {
      case CaptureSource::Kind::kGlobal:
        caps.push_back(static_cast<size_t>(c.index) < env.num_globals ? env.globals[c.index]
                                                                      : Value());
        break;
      case CaptureSource::Kind::kLocal:
        caps.push_back(env.locals[c.index]);
        break;
      case CaptureSource::Kind::kCapture:
        caps.push_back(env.captures[c.index]);
        break;
      case CaptureSource::Kind::kSelf:
        caps.push_back(env.self ? *env.self : Value());
        break;
    }
  }
  return Value::FromFunction(std::make_shared<Closure>(def, std::move(caps)));
}

}  // namespace proaktiv::feel

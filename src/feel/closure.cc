// FEEL function values: closures created by function literals, their invocation (argument
// binding, parameter type conversion, recursion limit) and FunctionNode.

#include <algorithm>
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

// The local slots of one call, all null at first: on the stack for small frames (the common
// case, e.g. a sort comparator), with only the slots the function uses constructed.
class LocalFrame {
 public:
  explicit LocalFrame(size_t n) : inline_count_(n <= kInline ? n : 0) {
    if (n > kInline) {
      heap_ = std::make_unique<Value[]>(n);
      data_ = heap_.get();
    } else {
      data_ = reinterpret_cast<Value*>(inline_);
      std::uninitialized_default_construct_n(data_, n);
    }
  }
  ~LocalFrame() { std::destroy_n(data_, inline_count_); }
  LocalFrame(const LocalFrame&) = delete;
  LocalFrame& operator=(const LocalFrame&) = delete;
  Value* data() { return data_; }

 private:
  static constexpr size_t kInline = 8;
  size_t inline_count_;  // slots constructed in inline_
  Value* data_;
  std::unique_ptr<Value[]> heap_;
  alignas(Value) unsigned char inline_[kInline * sizeof(Value)];
};

class Closure final : public Function, public std::enable_shared_from_this<Closure> {
 public:
  Closure(std::shared_ptr<const FunctionDef> def, std::vector<Value> captures)
      : def_(std::move(def)), captures_(std::move(captures)) {}
  std::string name() const override { return "anonymous function"; }
  const FunctionDef* def() const { return def_.get(); }
  static bool CanCall() { return call_depth_ < kMaxCallDepth; }
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

  // Whether every argument conforms to its parameter's type (if any), needing no conversion.
  bool Conform(const std::vector<Value>& a) const {
    for (size_t k = 0; k < a.size(); ++k) {
      const TypePtr& t = def_->param_types[k];
      if (t && !Conforms(a[k], *t)) return false;
    }
    return true;
  }

  // Binds the arguments to the parameters' slots, converting them to the parameter types
  // (10.3.2.9.4). False, with a message, if they do not fit.
  bool Bind(const Arguments& args, Value* locals, EvalContext& ctx) const {
    const auto& params = def_->params;
    if (args.is_named) {
      for (const auto& [n, v] : args.named) {
        size_t k = 0;
        while (k < params.size() && params[k] != n) ++k;
        if (k == params.size()) {
          ctx.AddMessage("function has no parameter named '" + n + "'");
          return false;
        }
        locals[k] = v;
      }
    } else {
      if (args.positional.size() != params.size()) {
        ctx.AddMessage("function expects " + std::to_string(params.size()) + " arguments, got " +
                       std::to_string(args.positional.size()));
        return false;
      }
      for (size_t k = 0; k < params.size(); ++k) locals[k] = args.positional[k];
    }
    for (size_t k = 0; k < params.size(); ++k) {
      const TypePtr& t = def_->param_types[k];
      if (t && !Conforms(locals[k], *t)) ConvertArgument(locals[k], *t);
      if (t && !Conforms(locals[k], *t)) {
        ctx.AddMessage("argument '" + params[k] + "' does not conform to " + t->ToString());
        return false;
      }
    }
    return true;
  }

  Value InvokeBody(const Arguments& args, EvalContext& ctx) const {
    if (def_->external) {
      ctx.AddMessage("external functions are not supported");
      return Value();
    }
    const auto& params = def_->params;
    size_t num_locals = std::max(static_cast<size_t>(def_->num_locals), params.size());
    // Only nodes that own a local slot (for, some, every, filters, `in`, context literals;
    // their slots come after the parameters') write one, so a body with no slots besides the
    // parameters never writes: it then reads the caller's arguments in place, with no copies,
    // when they need no conversion. The const_cast below never leads to a write.
    bool in_place = !args.is_named && args.positional.size() == params.size() &&
                    num_locals == params.size() && Conform(args.positional);
    LocalFrame frame(in_place ? 0 : num_locals);
    Value* locals = in_place ? const_cast<Value*>(args.positional.data()) : frame.data();
    if (!in_place && !Bind(args, locals, ctx)) return Value();
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

const FunctionDef* InvocableClosure(const Function& f) {
  const auto* c = dynamic_cast<const Closure*>(&f);
  return c && Closure::CanCall() ? c->def() : nullptr;
}

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

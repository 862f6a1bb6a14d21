#include "feel/builtins.h"

#include <string>
#include <unordered_map>

namespace proaktiv::feel {
namespace {

class BuiltinFn final : public Function {
 public:
  explicit BuiltinFn(const BuiltinDef* def) : def_(def) {}
  std::string name() const override { return def_->name; }
  const std::vector<std::string>& parameters() const override { return def_->signatures[0].params; }
  Value Invoke(const Arguments& args, EvalContext& ctx) const override {
    return CallBuiltin(*def_, args, ctx);
  }

 private:
  const BuiltinDef* def_;
};

struct Registry {
  std::vector<BuiltinDef> defs;
  std::unordered_map<std::string, size_t> index;
  std::vector<Value> values;
};

const Registry& GetRegistry() {
  static const Registry* registry = [] {
    auto* r = new Registry;
    RegisterConversionBuiltins(r->defs);
    RegisterStringBuiltins(r->defs);
    RegisterListBuiltins(r->defs);
    RegisterSortBuiltins(r->defs);
    RegisterNumericBuiltins(r->defs);
    RegisterContextBuiltins(r->defs);
    RegisterRangeBuiltins(r->defs);
    RegisterTemporalBuiltins(r->defs);
    for (size_t i = 0; i < r->defs.size(); ++i) r->index.emplace(r->defs[i].name, i);
    for (const auto& d : r->defs)
      r->values.push_back(Value::FromFunction(std::make_shared<BuiltinFn>(&d)));
    return r;
  }();
  return *registry;
}

// True if parameter k of `sig` is declared with a list type or Any in the spec, so a list
// argument is passed as is. Every other parameter has a non-list type.
bool TakesListOrAny(const BuiltinDef& def, const Signature& sig, size_t k) {
  if (sig.variadic && k + 1 >= sig.params.size()) return true;
  if (k >= sig.params.size()) return true;
  const std::string& p = sig.params[k];
  static const char* const kListOrAny[] = {"list",    "keys",    "entries", "contexts", "item",
                                           "newItem", "element", "value",   "value1",   "value2"};
  for (const char* n : kListOrAny)
    if (p == n) return true;
  if (p == "match" && sig.params[0] == "list") return true;  // index of, list replace
  if (p == "from" && def.name == "string") return true;
  return false;
}

// Spec 10.3.2.9.4 "from singleton list": a singleton list given for a parameter of a non-list
// type is replaced by its element. Returns false (and leaves `args` alone) if nothing changes.
bool UnwrapSingletons(const BuiltinDef& def, const Signature& sig, std::span<const Value> args,
                      std::vector<Value>& out) {
  bool changed = false;
  for (size_t k = 0; k < args.size(); ++k) {
    const Value& a = args[k];
    if (a.is(ValueKind::kList) && a.AsList().size() == 1 && !TakesListOrAny(def, sig, k)) {
      if (!changed) out.assign(args.begin(), args.end());
      out[k] = a.AsList()[0];
      changed = true;
    }
  }
  return changed;
}

Value Run(const BuiltinDef& def, const Signature& sig, std::span<const Value> args,
          EvalContext& ctx) {
  std::vector<Value> unwrapped;
  if (UnwrapSingletons(def, sig, args, unwrapped)) return sig.impl(unwrapped, ctx);
  return sig.impl(args, ctx);
}

}  // namespace

const BuiltinDef* FindBuiltin(std::string_view name) {
  const Registry& r = GetRegistry();
  auto it = r.index.find(std::string(name));
  return it == r.index.end() ? nullptr : &r.defs[it->second];
}

const std::vector<BuiltinDef>& AllBuiltins() { return GetRegistry().defs; }

Value BuiltinValue(const BuiltinDef& def) {
  const Registry& r = GetRegistry();
  return r.values[static_cast<size_t>(&def - r.defs.data())];
}

Value CallBuiltin(const BuiltinDef& def, const Arguments& args, EvalContext& ctx) {
  for (const Signature& sig : def.signatures) {
    if (!args.is_named) {
      size_t n = args.positional.size();
      if (n < sig.required) continue;
      if (!sig.variadic && n > sig.params.size()) continue;
      return Run(def, sig, args.positional, ctx);
    }
    if (!sig.named_ok) continue;
    std::vector<Value> bound;
    std::vector<bool> given;
    bool fits = true;
    for (const auto& [name, v] : args.named) {
      size_t k = 0;
      while (k < sig.params.size() && sig.params[k] != name) ++k;
      if (k == sig.params.size()) {
        fits = false;
        break;
      }
      if (bound.size() <= k) bound.resize(k + 1), given.resize(k + 1);
      bound[k] = v;
      given[k] = true;
    }
    if (!fits) continue;
    for (size_t k = 0; k < sig.required; ++k)
      if (k >= given.size() || !given[k]) fits = false;
    if (!fits) continue;
    std::vector<Value> unwrapped;
    if (UnwrapSingletons(def, sig, bound, unwrapped)) bound = std::move(unwrapped);
    if (sig.variadic && bound.size() == sig.params.size() && bound.back().is(ValueKind::kList)) {
      // Named variadic parameter given as a list: spread it.
      List spread(bound.begin(), bound.end() - 1);
      for (const Value& e : bound.back().AsList()) spread.push_back(e);
      return sig.impl(spread, ctx);
    }
    return sig.impl(bound, ctx);
  }
  ctx.AddMessage(def.name + ": no signature matches the arguments");
  return Value();
}

Value ErrorResult(EvalContext& ctx, std::string_view fn, std::string_view what) {
  ctx.AddMessage(std::string(fn) + ": " + std::string(what));
  return Value();
}

const List* VarargList(std::span<const Value> args, List& storage) {
  if (args.size() == 1 && args[0].is(ValueKind::kList)) return &args[0].AsList();
  storage.assign(args.begin(), args.end());
  return &storage;
}

}  // namespace proaktiv::feel

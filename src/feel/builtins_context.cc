// Context built-ins (spec 10.3.4.8): get value, get entries, context, context put,
// context merge.

#include "feel/builtins.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

Value GetValue(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kContext) || !a[1].is(K::kString))
    return ErrorResult(ctx, "get value", "expects (context, string)");
  const Value* v = a[0].AsContext().Find(a[1].AsString());
  return v ? *v : Value();
}

Value GetEntries(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kContext)) return ErrorResult(ctx, "get entries", "expects a context");
  List out;
  for (const auto& [k, v] : a[0].AsContext().entries()) {
    Context e;
    e.Put("key", Value::String(k));
    e.Put("value", v);
    out.push_back(Value::FromContext(std::move(e)));
  }
  return Value::FromList(std::move(out));
}

Value MakeContext(std::span<const Value> a, EvalContext& ctx) {
  List storage;
  const List* l = VarargList(a, storage);
  Context out;
  for (const Value& e : *l) {
    if (!e.is(K::kContext)) return ErrorResult(ctx, "context", "entries must be contexts");
    const Value* k = e.AsContext().Find("key");
    const Value* v = e.AsContext().Find("value");
    if (!k || !v || !k->is(K::kString))
      return ErrorResult(ctx, "context", "entry needs key and value");
    if (out.Find(k->AsString())) return ErrorResult(ctx, "context", "duplicate key");
    out.Put(std::string(k->AsString()), *v);
  }
  return Value::FromContext(std::move(out));
}

Value PutPath(const Value& base, const List& keys, size_t i, const Value& v, bool& ok) {
  if (!base.is(K::kContext) || !keys[i].is(K::kString)) {
    ok = false;
    return Value();
  }
  Context c = base.AsContext();
  std::string key(keys[i].AsString());
  if (i + 1 == keys.size()) {
    c.Put(key, v);
  } else {
    const Value* inner = c.Find(key);
    Value nested = PutPath(inner ? *inner : Value::FromContext(Context()), keys, i + 1, v, ok);
    if (!ok) return Value();
    c.Put(key, nested);
  }
  return Value::FromContext(std::move(c));
}

Value ContextPutImpl(std::span<const Value> a, EvalContext& ctx, bool allow_list) {
  List keys;
  if (a[1].is(K::kString))
    keys.push_back(a[1]);
  else if (allow_list && a[1].is(K::kList) && !a[1].AsList().empty())
    keys = a[1].AsList();
  else
    return ErrorResult(ctx, "context put", "key must be a string (keys: a list of strings)");
  bool ok = true;
  Value r = PutPath(a[0], keys, 0, a.size() > 2 ? a[2] : Value(), ok);
  if (!ok) return ErrorResult(ctx, "context put", "expects a context and string keys");
  return r;
}

Value ContextPut(std::span<const Value> a, EvalContext& ctx) {
  return ContextPutImpl(a, ctx, false);
}
Value ContextPutKeys(std::span<const Value> a, EvalContext& ctx) {
  return ContextPutImpl(a, ctx, true);
}

Value ContextMerge(std::span<const Value> a, EvalContext& ctx) {
  List storage;
  const List* l = VarargList(a, storage);
  Context out;
  for (const Value& c : *l) {
    if (!c.is(K::kContext)) return ErrorResult(ctx, "context merge", "expects contexts");
    for (const auto& [k, v] : c.AsContext().entries()) out.Put(k, v);
  }
  return Value::FromContext(std::move(out));
}

}  // namespace

void RegisterContextBuiltins(std::vector<BuiltinDef>& out) {
  out.push_back({"get value",
                 {{{"m", "key"}, 2, false, GetValue}, {{"context", "key"}, 2, false, GetValue}}});
  out.push_back(
      {"get entries", {{{"m"}, 1, false, GetEntries}, {{"context"}, 1, false, GetEntries}}});
  out.push_back({"context", {{{"entries"}, 1, false, MakeContext}}});
  out.push_back({"context put",
                 {{{"context", "key", "value"}, 3, false, ContextPutKeys, false},
                  {{"context", "key", "value"}, 3, false, ContextPut},
                  {{"context", "keys", "value"}, 3, false, ContextPutKeys}}});
  out.push_back({"context merge", {{{"contexts"}, 1, false, ContextMerge}}});
}

}  // namespace proaktiv::feel

// List built-ins (spec 10.3.4.4); sort (10.3.4.6) is in builtins_sort.cc.

#include <algorithm>
#include <string>

#include "feel/builtins.h"
#include "feel/number_sum.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

std::optional<int64_t> Pos(const Value& v) {
  if (!v.is(K::kNumber)) return std::nullopt;
  return v.AsNumber().ToInt64();
}

// Resolves a 1-based (negative from the end) position to an index, or nullopt.
std::optional<size_t> Index(int64_t p, size_t n) {
  int64_t sn = static_cast<int64_t>(n);
  if (p > 0 && p <= sn) return static_cast<size_t>(p - 1);
  if (p < 0 && -p <= sn) return static_cast<size_t>(sn + p);
  return std::nullopt;
}

Value ListContains(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kList)) return ErrorResult(ctx, "list contains", "expects a list");
  for (const Value& e : a[0].AsList())
    if (FeelEquals(e, a[1]).IsTrue()) return Value::Boolean(true);
  return Value::Boolean(false);
}

Value Count(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kList)) return ErrorResult(ctx, "count", "expects a list");
  return Value::Int(static_cast<int64_t>(a[0].AsList().size()));
}

Value Extreme(std::span<const Value> a, EvalContext& ctx, bool want_max) {
  List storage;
  const List* l = VarargList(a, storage);
  if (l->empty()) return Value();
  Value best = (*l)[0];
  for (const Value& e : *l) {
    auto c = FeelCompare(e, best);
    if (!c) return ErrorResult(ctx, want_max ? "max" : "min", "items are not comparable");
    if (want_max ? *c > 0 : *c < 0) best = e;
  }
  return best;
}
Value Min(std::span<const Value> a, EvalContext& ctx) { return Extreme(a, ctx, false); }
Value Max(std::span<const Value> a, EvalContext& ctx) { return Extreme(a, ctx, true); }

bool Numbers(const List& l) {
  for (const Value& e : l)
    if (!e.is(K::kNumber)) return false;
  return true;
}

// The sum of a list of numbers (the caller checked the kinds), as repeated + would give it.
Number SumNumbers(const List& l) {
  NumberSum s;
  for (const Value& e : l) s.Add(e.AsNumber());
  return s.Total();
}

Value Sum(std::span<const Value> a, EvalContext& ctx) {
  List storage;
  const List* l = VarargList(a, storage);
  if (l->empty()) return Value();
  // One pass, checking the kinds on the way.
  NumberSum s;
  for (const Value& e : *l) {
    if (!e.is(K::kNumber)) return ErrorResult(ctx, "sum", "expects numbers");
    s.Add(e.AsNumber());
  }
  return Value::Num(s.Total());
}

Value Product(std::span<const Value> a, EvalContext& ctx) {
  List storage;
  const List* l = VarargList(a, storage);
  if (!Numbers(*l) || l->empty()) return ErrorResult(ctx, "product", "expects numbers");
  Number s = Number::FromInt(1);
  for (const Value& e : *l) s = s * e.AsNumber();
  return Value::Num(s);
}

Value Mean(std::span<const Value> a, EvalContext& ctx) {
  List storage;
  const List* l = VarargList(a, storage);
  if (!Numbers(*l) || l->empty()) return ErrorResult(ctx, "mean", "expects numbers");
  return Value::Num(SumNumbers(*l) / Number::FromInt(static_cast<int64_t>(l->size())));
}

std::vector<Number> SortedNumbers(const List& l) {
  std::vector<Number> v;
  for (const Value& e : l) v.push_back(e.AsNumber());
  std::sort(v.begin(), v.end(), [](const Number& x, const Number& y) { return x < y; });
  return v;
}

Value Median(std::span<const Value> a, EvalContext& ctx) {
  List storage;
  const List* l = VarargList(a, storage);
  if (!Numbers(*l)) return ErrorResult(ctx, "median", "expects numbers");
  if (l->empty()) return Value();
  auto v = SortedNumbers(*l);
  size_t n = v.size();
  if (n % 2) return Value::Num(v[n / 2]);
  return Value::Num((v[n / 2 - 1] + v[n / 2]) / Number::FromInt(2));
}

Value Stddev(std::span<const Value> a, EvalContext& ctx) {
  List storage;
  const List* l = VarargList(a, storage);
  if (!Numbers(*l) || l->size() < 2) return ErrorResult(ctx, "stddev", "expects 2 or more numbers");
  Number n = Number::FromInt(static_cast<int64_t>(l->size()));
  Number mean = SumNumbers(*l) / n, sq;
  for (const Value& e : *l) sq = sq + (e.AsNumber() - mean) * (e.AsNumber() - mean);
  return Value::Num((sq / (n - Number::FromInt(1))).Sqrt());
}

Value Mode(std::span<const Value> a, EvalContext& ctx) {
  List storage;
  const List* l = VarargList(a, storage);
  if (!Numbers(*l)) return ErrorResult(ctx, "mode", "expects numbers");
  auto v = SortedNumbers(*l);
  List out;
  size_t best = 0;
  for (size_t i = 0; i < v.size();) {
    size_t j = i;
    while (j < v.size() && v[j] == v[i]) ++j;
    if (j - i > best) best = j - i, out.clear();
    if (j - i == best) out.push_back(Value::Num(v[i]));
    i = j;
  }
  return Value::FromList(std::move(out));
}

Value AllAny(std::span<const Value> a, EvalContext& ctx, bool all) {
  // A single null argument is not a list of booleans (TCK 0059/0060: an error, not a null
  // element as in all([null])).
  if (a.size() == 1 && a[0].is_null())
    return ErrorResult(ctx, all ? "all" : "any", "expects a list of booleans, got null");
  List storage;
  const List* l = VarargList(a, storage);
  bool saw_null = false;
  for (const Value& e : *l) {
    if (!e.is(K::kBoolean)) {
      if (!e.is_null()) return ErrorResult(ctx, all ? "all" : "any", "expects booleans");
      saw_null = true;
      continue;
    }
    if (e.AsBoolean() != all) return e;
  }
  return saw_null ? Value() : Value::Boolean(all);
}
Value All(std::span<const Value> a, EvalContext& ctx) { return AllAny(a, ctx, true); }
Value Any(std::span<const Value> a, EvalContext& ctx) { return AllAny(a, ctx, false); }

Value Sublist(std::span<const Value> a, EvalContext& ctx) {
  auto start = Pos(a[1]);
  if (!a[0].is(K::kList) || !start) return ErrorResult(ctx, "sublist", "expects (list, number)");
  const List& l = a[0].AsList();
  auto idx = Index(*start, l.size());
  if (!idx) return ErrorResult(ctx, "sublist", "start position out of range");
  size_t len = l.size() - *idx;
  if (a.size() > 2) {
    auto n = Pos(a[2]);
    if (!n || *n < 0 || static_cast<size_t>(*n) > len)
      return ErrorResult(ctx, "sublist", "bad length");
    len = static_cast<size_t>(*n);
  }
  return Value::FromList(
      List(l.begin() + static_cast<long>(*idx), l.begin() + static_cast<long>(*idx + len)));
}

Value Append(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kList)) return ErrorResult(ctx, "append", "expects a list");
  List out = a[0].AsList();
  out.insert(out.end(), a.begin() + 1, a.end());
  return Value::FromList(std::move(out));
}

Value Concatenate(std::span<const Value> a, EvalContext& ctx) {
  List out;
  for (const Value& l : a) {
    if (!l.is(K::kList)) return ErrorResult(ctx, "concatenate", "expects lists");
    out.insert(out.end(), l.AsList().begin(), l.AsList().end());
  }
  return Value::FromList(std::move(out));
}

Value InsertBefore(std::span<const Value> a, EvalContext& ctx) {
  auto p = Pos(a[1]);
  if (!a[0].is(K::kList) || !p)
    return ErrorResult(ctx, "insert before", "expects (list, number, item)");
  List out = a[0].AsList();
  auto idx = Index(*p, out.size());
  if (!idx) return ErrorResult(ctx, "insert before", "position out of range");
  out.insert(out.begin() + static_cast<long>(*idx), a[2]);
  return Value::FromList(std::move(out));
}

Value Remove(std::span<const Value> a, EvalContext& ctx) {
  auto p = Pos(a[1]);
  if (!a[0].is(K::kList) || !p) return ErrorResult(ctx, "remove", "expects (list, number)");
  List out = a[0].AsList();
  auto idx = Index(*p, out.size());
  if (!idx) return ErrorResult(ctx, "remove", "position out of range");
  out.erase(out.begin() + static_cast<long>(*idx));
  return Value::FromList(std::move(out));
}

Value Reverse(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kList)) return ErrorResult(ctx, "reverse", "expects a list");
  List out(a[0].AsList().rbegin(), a[0].AsList().rend());
  return Value::FromList(std::move(out));
}

Value IndexOf(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kList)) return ErrorResult(ctx, "index of", "expects a list");
  List out;
  const List& l = a[0].AsList();
  for (size_t i = 0; i < l.size(); ++i)
    if (FeelEquals(l[i], a[1]).IsTrue()) out.push_back(Value::Int(static_cast<int64_t>(i + 1)));
  return Value::FromList(std::move(out));
}

void AddDistinct(List& out, const Value& v) {
  for (const Value& e : out)
    if (FeelEquals(e, v).IsTrue()) return;
  out.push_back(v);
}

Value Union(std::span<const Value> a, EvalContext& ctx) {
  List out;
  for (const Value& l : a) {
    if (!l.is(K::kList)) return ErrorResult(ctx, "union", "expects lists");
    for (const Value& e : l.AsList()) AddDistinct(out, e);
  }
  return Value::FromList(std::move(out));
}

Value DistinctValues(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kList)) return ErrorResult(ctx, "distinct values", "expects a list");
  List out;
  for (const Value& e : a[0].AsList()) AddDistinct(out, e);
  return Value::FromList(std::move(out));
}

void FlattenInto(const Value& v, List& out) {
  if (v.is(K::kList)) {
    for (const Value& e : v.AsList()) FlattenInto(e, out);
  } else {
    out.push_back(v);
  }
}

Value Flatten(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kList)) return ErrorResult(ctx, "flatten", "expects a list");
  List out;
  FlattenInto(a[0], out);
  return Value::FromList(std::move(out));
}

Value ListReplace(std::span<const Value> a, EvalContext& ctx) {
  if (a[0].is_null()) return ErrorResult(ctx, "list replace", "expects a list");
  List out = a[0].is(K::kList) ? a[0].AsList() : List{a[0]};
  if (a[1].is(K::kFunction)) {
    // One argument buffer for all calls: no allocation per item.
    Arguments args;
    args.positional = {Value(), a[2]};
    for (Value& e : out) {
      args.positional[0] = e;
      Value m = a[1].AsFunction().Invoke(args, ctx);
      if (!m.is(K::kBoolean))
        return ErrorResult(ctx, "list replace", "match must return a boolean");
      if (m.AsBoolean()) e = a[2];
    }
    return Value::FromList(std::move(out));
  }
  if (!a[1].is(K::kNumber)) return ErrorResult(ctx, "list replace", "position must be a number");
  std::optional<int64_t> p = a[1].AsNumber().TruncateToInt64();
  auto idx = Index(*p, out.size());
  if (!idx) return ErrorResult(ctx, "list replace", "position out of range");
  out[*idx] = a[2];
  return Value::FromList(std::move(out));
}

}  // namespace

void RegisterListBuiltins(std::vector<BuiltinDef>& out) {
  out.push_back({"list contains", {{{"list", "element"}, 2, false, ListContains}}});
  out.push_back({"count", {{{"list"}, 1, false, Count}}});
  out.push_back({"min", {{{"list"}, 1, true, Min}}});
  out.push_back({"max", {{{"list"}, 1, true, Max}}});
  out.push_back({"sum", {{{"list"}, 1, true, Sum}}});
  out.push_back({"product", {{{"list"}, 1, true, Product}}});
  out.push_back({"mean", {{{"list"}, 1, true, Mean}}});
  out.push_back({"median", {{{"list"}, 1, true, Median}}});
  out.push_back({"stddev", {{{"list"}, 1, true, Stddev}}});
  out.push_back({"mode", {{{"list"}, 1, true, Mode}}});
  out.push_back({"all", {{{"list"}, 1, true, All}}});
  out.push_back({"any", {{{"list"}, 1, true, Any}}});
  out.push_back({"sublist", {{{"list", "start position", "length"}, 2, false, Sublist}}});
  out.push_back({"append", {{{"list", "item"}, 1, true, Append}}});
  out.push_back({"concatenate", {{{"list"}, 0, true, Concatenate}}});
  out.push_back({"insert before", {{{"list", "position", "newItem"}, 3, false, InsertBefore}}});
  out.push_back({"remove", {{{"list", "position"}, 2, false, Remove}}});
  out.push_back({"reverse", {{{"list"}, 1, false, Reverse}}});
  out.push_back({"index of", {{{"list", "match"}, 2, false, IndexOf}}});
  out.push_back({"union", {{{"list"}, 0, true, Union}}});
  out.push_back({"distinct values", {{{"list"}, 1, false, DistinctValues}}});
  out.push_back({"flatten", {{{"list"}, 1, false, Flatten}}});
  out.push_back({"list replace",
                 {{{"list", "position", "newItem"}, 3, false, ListReplace},
                  {{"list", "match", "newItem"}, 3, false, ListReplace}}});
}

}  // namespace proaktiv::feel

// The sort() built-in (spec 10.3.4.6): sort(list, precedes) is a stable sort (std::stable_sort)
// of the list by the function `precedes`, or by FEEL's `<` when precedes is absent; an item
// pair that precedes cannot order (a non-boolean result) makes the whole result null.
//
// General path: std::stable_sort of item pointers, invoking `precedes` for each comparison.
//
// Native path, when it applies: `precedes` is absent or a FEEL function literal whose body is
// one ordering comparison of its two parameters (`function(x, y) x < y`, `y >= x`, ... with
// <, <=, >, >=; parameter types, if any, that every item conforms to), and the items are of
// one kind. The items are then sorted as (key, position) pairs, with the key compared in C++:
// numbers as 128-bit integers scaled to a common exponent, dates, durations as integers,
// strings as bytes (as FEEL compares them), times, date-times and numbers of too different
// scales by FeelCompare. Every comparison gives the boolean the function would have returned,
// and std::stable_sort takes the same steps for the same comparison results whatever it sorts,
// so the output is the general path's, tie order included (also for the non-strict <= and >=,
// which are no strict weak orders). An item pair FeelCompare cannot order (e.g. a local and a
// zoned date-time) abandons the native sort and reruns the general path, which reports it as
// before. Everything else (mixed kinds, nulls, other bodies, native or built-in functions, a
// closure at the call-depth limit) takes the general path.

#include "feel/builtins_sort.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "feel/builtins.h"
#include "feel/nodes.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;
using I128 = __int128;

// ---- native path

template <typename Key>
struct Keyed {
  Key key;
  uint32_t pos;  // in the input list
};

// Three-way comparison results; kIncomparable: FeelCompare gave nullopt.
constexpr int kIncomparable = 2;

template <CmpOp op>
bool Holds(int c) {
  if constexpr (op == CmpOp::kLt) return c < 0;
  if constexpr (op == CmpOp::kLe) return c <= 0;
  if constexpr (op == CmpOp::kGt) return c > 0;
  return c >= 0;
}

// Stable-sorts `v` by `x op y` over the keys' three-way comparison `cmp`. False if `cmp`
// found an incomparable pair (the order of `v` is then unspecified).
template <typename Key, typename Cmp>
bool SortKeyed(std::vector<Keyed<Key>>& v, CmpOp op, Cmp cmp) {
  bool failed = false;
  auto run = [&]<CmpOp kOp>() {
    std::stable_sort(v.begin(), v.end(), [&](const Keyed<Key>& a, const Keyed<Key>& b) {
      int c = cmp(a.key, b.key);
      if (c == kIncomparable) failed = true;
      return !failed && Holds<kOp>(c);
    });
  };
  switch (op) {
    case CmpOp::kLt:
      run.template operator()<CmpOp::kLt>();
      break;
    case CmpOp::kLe:
      run.template operator()<CmpOp::kLe>();
      break;
    case CmpOp::kGt:
      run.template operator()<CmpOp::kGt>();
      break;
    default:
      run.template operator()<CmpOp::kGe>();
      break;
  }
  return !failed;
}

// 10^0 .. 10^38 and, for each, the largest magnitude that can be multiplied by it in an I128.
struct Pow10Table {
  I128 pow[39];
  I128 limit[39];
};
constexpr Pow10Table kPow10 = [] {
  Pow10Table t{};
  constexpr I128 kMax = static_cast<I128>(~static_cast<unsigned __int128>(0) >> 1);
  t.pow[0] = 1;
  for (int i = 0; i < 39; ++i) {
    if (i > 0) t.pow[i] = t.pow[i - 1] * 10;
    t.limit[i] = kMax / t.pow[i];
  }
  return t;
}();

// Keys for a list of numbers: the values as integers at the smallest exponent of the list,
// exactly (so integer order is numeric order, and 1 = 1.0). False if an item is not finite or
// not canonical, or the exponents are too far apart for 128 bits.
bool NumberKeys(const List& items, std::vector<Keyed<I128>>& out) {
  std::vector<int> exps;
  exps.reserve(items.size());
  out.reserve(items.size());
  int min_exp = INT32_MAX;
  for (uint32_t i = 0; i < items.size(); ++i) {
    const Number& n = items[i].AsNumber();
    uint64_t hi = n.hi();
    if (((hi >> 61) & 3) == 3) return false;  // infinity, NaN or the long (non-canonical) form
    I128 c = (static_cast<I128>(hi & ((uint64_t{1} << 49) - 1)) << 64) | n.lo();
    if (c >= kPow10.pow[34]) return false;  // non-canonical
    int e = static_cast<int>((hi >> 49) & 0x3FFF);
    out.push_back({hi >> 63 ? -c : c, i});
    exps.push_back(e);
    min_exp = std::min(min_exp, e);
  }
  for (size_t i = 0; i < out.size(); ++i) {
    int d = exps[i] - min_exp;
    if (d == 0 || out[i].key == 0) continue;
    I128 c = out[i].key;
    if (d > 38 || (c < 0 ? -c : c) > kPow10.limit[d]) return false;
    out[i].key = c * kPow10.pow[d];
  }
  return true;
}

// Integer keys for dates and durations; false for other kinds.
bool IntegerKeys(const List& items, K kind, std::vector<Keyed<I128>>& out) {
  if (kind == K::kNumber) return NumberKeys(items, out);
  if (kind != K::kDate && kind != K::kDayTimeDuration && kind != K::kYearMonthDuration)
    return false;
  out.reserve(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) {
    const Value& e = items[i];
    I128 key = kind == K::kDate              ? e.AsDate().days
               : kind == K::kDayTimeDuration ? e.AsDayTimeDuration().nanos
                                             : e.AsYearMonthDuration().months;
    out.push_back({key, i});
  }
  return true;
}

template <typename Key>
List Gather(const List& items, const std::vector<Keyed<Key>>& sorted) {
  List out;
  out.reserve(items.size());
  for (const Keyed<Key>& k : sorted) out.push_back(items[k.pos]);
  return out;
}

}  // namespace

std::optional<CmpOp> SortComparison(const Function& f, const List& items) {
  const FunctionDef* def = InvocableClosure(f);
  if (!def || def->external || def->params.size() != 2) return std::nullopt;
  for (const TypePtr& t : def->param_types) {
    if (!t) continue;
    for (const Value& e : items)
      if (!Conforms(e, *t)) return std::nullopt;  // the call would convert or reject it
  }
  const auto* cmp = dynamic_cast<const CmpNode*>(def->body.get());
  if (!cmp || cmp->op == CmpOp::kEq || cmp->op == CmpOp::kNe) return std::nullopt;
  const auto* lhs = dynamic_cast<const LocalNode*>(cmp->lhs.get());
  const auto* rhs = dynamic_cast<const LocalNode*>(cmp->rhs.get());
  if (!lhs || !rhs) return std::nullopt;
  if (lhs->slot == 0 && rhs->slot == 1) return cmp->op;
  if (lhs->slot != 1 || rhs->slot != 0) return std::nullopt;
  switch (cmp->op) {  // `y < x` is `x > y`
    case CmpOp::kLt:
      return CmpOp::kGt;
    case CmpOp::kLe:
      return CmpOp::kGe;
    case CmpOp::kGt:
      return CmpOp::kLt;
    default:
      return CmpOp::kLe;
  }
}

std::optional<List> SortNatively(const List& items, CmpOp op) {
  if (items.empty() || items.size() > UINT32_MAX) return std::nullopt;
  K kind = items[0].kind();
  for (const Value& e : items)
    if (!e.is(kind)) return std::nullopt;
  if (kind == K::kString) {
    std::vector<Keyed<std::string_view>> v;
    v.reserve(items.size());
    for (uint32_t i = 0; i < items.size(); ++i) v.push_back({items[i].AsString(), i});
    SortKeyed(v, op, [](std::string_view a, std::string_view b) {
      int c = a.compare(b);
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    });
    return Gather(items, v);
  }
  if (std::vector<Keyed<I128>> v; IntegerKeys(items, kind, v)) {
    SortKeyed(v, op, [](I128 a, I128 b) { return a < b ? -1 : (b < a ? 1 : 0); });
    return Gather(items, v);
  }
  if (kind != K::kNumber && kind != K::kTime && kind != K::kDateTime) return std::nullopt;
  std::vector<Keyed<const Value*>> v;
  v.reserve(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) v.push_back({&items[i], i});
  bool ok = SortKeyed(v, op, [](const Value* a, const Value* b) {
    std::optional<int> c = FeelCompare(*a, *b);
    return c ? *c : kIncomparable;
  });
  if (!ok) return std::nullopt;
  return Gather(items, v);
}

namespace {

// ---- general path

Value SortByFunction(const List& items, const Function& f, EvalContext& ctx) {
  std::vector<const Value*> order;
  order.reserve(items.size());
  for (const Value& e : items) order.push_back(&e);
  bool failed = false;
  // One argument buffer for all comparisons: no allocation per call.
  Arguments args;
  args.positional.resize(2);
  std::stable_sort(order.begin(), order.end(), [&](const Value* x, const Value* y) {
    if (failed) return false;
    args.positional[0] = *x;
    args.positional[1] = *y;
    Value r = f.Invoke(args, ctx);
    if (!r.is(K::kBoolean)) failed = true;
    return r.IsTrue();
  });
  if (failed) return ErrorResult(ctx, "sort", "items are not comparable");
  List out;
  out.reserve(items.size());
  for (const Value* e : order) out.push_back(*e);
  return Value::FromList(std::move(out));
}

Value SortByFeelOrder(const List& items, EvalContext& ctx) {
  List out = items;
  bool failed = false;
  std::stable_sort(out.begin(), out.end(), [&](const Value& x, const Value& y) {
    auto c = FeelCompare(x, y);
    if (!c) failed = true;
    return c && *c < 0;
  });
  if (failed) return ErrorResult(ctx, "sort", "items are not comparable");
  return Value::FromList(std::move(out));
}

Value Sort(std::span<const Value> a, EvalContext& ctx) {
  if (!a[0].is(K::kList)) return ErrorResult(ctx, "sort", "expects a list");
  const List& items = a[0].AsList();
  if (a.size() > 1 && !a[1].is_null()) {
    if (!a[1].is(K::kFunction)) return ErrorResult(ctx, "sort", "precedes must be a function");
    const Function& f = a[1].AsFunction();
    if (std::optional<CmpOp> op = SortComparison(f, items)) {
      if (std::optional<List> sorted = SortNatively(items, *op))
        return Value::FromList(std::move(*sorted));
    }
    return SortByFunction(items, f, ctx);
  }
  if (std::optional<List> sorted = SortNatively(items, CmpOp::kLt))
    return Value::FromList(std::move(*sorted));
  return SortByFeelOrder(items, ctx);
}

}  // namespace

void RegisterSortBuiltins(std::vector<BuiltinDef>& out) {
  out.push_back({"sort", {{{"list", "precedes"}, 1, false, Sort}}});
}

}  // namespace proaktiv::feel

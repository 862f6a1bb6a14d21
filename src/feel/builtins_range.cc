// Range built-ins (spec 10.3.4.9, interval algebra): before, after, meets, met by, overlaps,
// overlaps before, overlaps after, finishes, finished by, includes, during, starts,
// started by, coincides. A point is treated as the degenerate range [p..p].

#include <string>

#include "feel/builtins.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

struct End {
  Value v;
  bool incl = true;
  int inf = 0;  // -1: -infinity, +1: +infinity
};
struct Iv {
  End s, e;
  bool point = false;
};

bool ToIv(const Value& v, Iv& out) {
  if (v.is_null()) return false;
  if (v.is(K::kRange)) {
    const Range& r = v.AsRange();
    if (r.op != Range::Op::kInterval) {
      if (r.op == Range::Op::kNotEqual) return false;
      out.s = {r.low, true, 0};
      out.e = {r.low, true, 0};
      return true;
    }
    out.s = {r.low, r.low_closed, r.low_unbounded ? -1 : 0};
    out.e = {r.high, r.high_closed, r.high_unbounded ? 1 : 0};
    if (!r.low_unbounded && r.low.is_null()) return false;
    if (!r.high_unbounded && r.high.is_null()) return false;
    return true;
  }
  out.s = {v, true, 0};
  out.e = {v, true, 0};
  out.point = true;
  return true;
}

// Compares endpoint values; sets ok=false if not comparable.
int Cmp(const End& a, const End& b, bool& ok) {
  if (a.inf || b.inf) return a.inf == b.inf ? 0 : (a.inf < b.inf ? -1 : 1);
  auto c = FeelCompare(a.v, b.v);
  if (!c) {
    ok = false;
    return 0;
  }
  return *c;
}

using Rel = bool (*)(const Iv& a, const Iv& b, bool& ok);

bool Before(const Iv& a, const Iv& b, bool& ok) {
  int c = Cmp(a.e, b.s, ok);
  return c < 0 || (c == 0 && (!a.e.incl || !b.s.incl));
}
bool After(const Iv& a, const Iv& b, bool& ok) { return Before(b, a, ok); }
bool Meets(const Iv& a, const Iv& b, bool& ok) {
  return a.e.incl && b.s.incl && Cmp(a.e, b.s, ok) == 0;
}
bool MetBy(const Iv& a, const Iv& b, bool& ok) { return Meets(b, a, ok); }
bool Overlaps(const Iv& a, const Iv& b, bool& ok) {
  int c1 = Cmp(a.e, b.s, ok), c2 = Cmp(a.s, b.e, ok);
  return (c1 > 0 || (c1 == 0 && a.e.incl && b.s.incl)) &&
         (c2 < 0 || (c2 == 0 && a.s.incl && b.e.incl));
}
bool OverlapsBefore(const Iv& a, const Iv& b, bool& ok) {
  int ss = Cmp(a.s, b.s, ok), es = Cmp(a.e, b.s, ok), ee = Cmp(a.e, b.e, ok);
  return (ss < 0 || (ss == 0 && a.s.incl && !b.s.incl)) &&
         (es > 0 || (es == 0 && a.e.incl && b.s.incl)) &&
         (ee < 0 || (ee == 0 && (!a.e.incl || b.e.incl)));
}
bool OverlapsAfter(const Iv& a, const Iv& b, bool& ok) { return OverlapsBefore(b, a, ok); }
bool Finishes(const Iv& a, const Iv& b, bool& ok) {
  if (a.point) return b.e.incl && Cmp(b.e, a.s, ok) == 0;
  int ss = Cmp(a.s, b.s, ok);
  return a.e.incl == b.e.incl && Cmp(a.e, b.e, ok) == 0 &&
         (ss > 0 || (ss == 0 && (!a.s.incl || b.s.incl)));
}
bool FinishedBy(const Iv& a, const Iv& b, bool& ok) { return Finishes(b, a, ok); }
bool Includes(const Iv& a, const Iv& b, bool& ok) {
  if (b.point) {
    int s = Cmp(a.s, b.s, ok), e = Cmp(a.e, b.s, ok);
    return (s < 0 && e > 0) || (s == 0 && a.s.incl) || (e == 0 && a.e.incl);
  }
  int ss = Cmp(a.s, b.s, ok), ee = Cmp(a.e, b.e, ok);
  return (ss < 0 || (ss == 0 && (a.s.incl || !b.s.incl))) &&
         (ee > 0 || (ee == 0 && (a.e.incl || !b.e.incl)));
}
bool During(const Iv& a, const Iv& b, bool& ok) { return Includes(b, a, ok); }
bool Starts(const Iv& a, const Iv& b, bool& ok) {
  if (a.point) return b.s.incl && Cmp(b.s, a.s, ok) == 0;
  int ee = Cmp(a.e, b.e, ok);
  return Cmp(a.s, b.s, ok) == 0 && a.s.incl == b.s.incl &&
         (ee < 0 || (ee == 0 && (!a.e.incl || b.e.incl)));
}
bool StartedBy(const Iv& a, const Iv& b, bool& ok) { return Starts(b, a, ok); }
bool Coincides(const Iv& a, const Iv& b, bool& ok) {
  return Cmp(a.s, b.s, ok) == 0 && a.s.incl == b.s.incl && Cmp(a.e, b.e, ok) == 0 &&
         a.e.incl == b.e.incl;
}

template <Rel rel>
Value Apply(std::span<const Value> args, EvalContext& ctx) {
  Iv a, b;
  if (args.size() != 2 || !ToIv(args[0], a) || !ToIv(args[1], b))
    return ErrorResult(ctx, "range function", "expects points or ranges");
  bool ok = true;
  bool r = rel(a, b, ok);
  if (!ok) return ErrorResult(ctx, "range function", "arguments are not comparable");
  return Value::Boolean(r);
}

void Add(std::vector<BuiltinDef>& out, const char* name, BuiltinImpl impl,
         std::vector<std::vector<std::string>> names) {
  BuiltinDef d{name, {}};
  for (auto& n : names) d.signatures.push_back({std::move(n), 2, false, impl});
  out.push_back(std::move(d));
}

}  // namespace

void RegisterRangeBuiltins(std::vector<BuiltinDef>& out) {
  const std::vector<std::vector<std::string>> all = {
      {"point1", "point2"}, {"point", "range"}, {"range", "point"}, {"range1", "range2"}};
  const std::vector<std::vector<std::string>> ranges = {{"range1", "range2"}};
  Add(out, "before", Apply<Before>, all);
  Add(out, "after", Apply<After>, all);
  Add(out, "meets", Apply<Meets>, ranges);
  Add(out, "met by", Apply<MetBy>, ranges);
  Add(out, "overlaps", Apply<Overlaps>, ranges);
  Add(out, "overlaps before", Apply<OverlapsBefore>, ranges);
  Add(out, "overlaps after", Apply<OverlapsAfter>, ranges);
  Add(out, "finishes", Apply<Finishes>, {{"point", "range"}, {"range1", "range2"}});
  Add(out, "finished by", Apply<FinishedBy>, {{"range", "point"}, {"range1", "range2"}});
  Add(out, "includes", Apply<Includes>, {{"range", "point"}, {"range1", "range2"}});
  Add(out, "during", Apply<During>, {{"point", "range"}, {"range1", "range2"}});
  Add(out, "starts", Apply<Starts>, {{"point", "range"}, {"range1", "range2"}});
  Add(out, "started by", Apply<StartedBy>, {{"range", "point"}, {"range1", "range2"}});
  Add(out, "coincides", Apply<Coincides>, {{"point1", "point2"}, {"range1", "range2"}});
}

}  // namespace proaktiv::feel

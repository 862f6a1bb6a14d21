// Speed of the FEEL/DMN engine (DESIGN.md "Performance targets"): time per compile ("parse/…")
// and per evaluation ("eval/…") of a few representative expressions, and of a 20-rule decision
// table (load + compile the model; EvaluateDecision). bench/feelin/bench.mjs runs the same
// expressions, with the same inputs and the same ids, through feelin; bench/feel_vs_feelin.sh
// prints both side by side.
//
// Every case's result is checked once before timing (exit status 1 on a wrong result), so the
// figures are for evaluations that do the real work. Inputs are set in the Frame once; an
// evaluation is one Expression::Evaluate (or UnaryTests::Evaluate) call on that frame.
//
//   build/bench/feel_bench [--benchmark_filter=eval/] [--benchmark_format=json] …

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "dmn/dmn_model.h"
#include "feel/feel.h"

namespace proaktiv {
namespace {

using feel::Value;

struct Case {
  std::string id;  // shared with bench/feelin/bench.mjs
  std::string text;
  std::vector<std::pair<std::string, Value>> inputs;
  bool unary = false;  // unary tests: `unary_input` is `?`
  Value unary_input;
  std::string expected;  // Value::ToString() of the result; empty: any non-null value
};

constexpr int kListSize = 1000;

// 1 000 numbers in a scrambled order (0..1008, distinct); bench.mjs builds the same list.
Value Numbers() {
  feel::List items;
  for (int64_t i = 0; i < kListSize; ++i) items.push_back(Value::Int(i * 7919 % 1009));
  return Value::FromList(std::move(items));
}

int64_t NumbersSum() {
  int64_t sum = 0;
  for (int64_t i = 0; i < kListSize; ++i) sum += i * 7919 % 1009;
  return sum;
}

// {k1: 1, k2: 2, …, k100: 100}
std::string ContextLiteral100() {
  std::string text = "{";
  for (int i = 1; i <= 100; ++i) {
    text += (i > 1 ? ", k" : "k") + std::to_string(i) + ": " + std::to_string(i);
  }
  return text + "}";
}

Value Context100() {
  feel::Context ctx;
  for (int i = 1; i <= 100; ++i) ctx.Put("k" + std::to_string(i), Value::Int(i));
  return Value::FromContext(std::move(ctx));
}

std::vector<Case> Cases() {
  std::vector<Case> cases;
  cases.push_back({"x_eq_21", "x = 21", {{"x", Value::Int(21)}}, false, {}, "true"});
  cases.push_back({"if_adult",
                   "if age >= 18 then \"adult\" else \"minor\"",
                   {{"age", Value::Int(42)}},
                   false,
                   {},
                   "adult"});
  cases.push_back({"context_literal_100", ContextLiteral100() + ".k100", {}, false, {}, "100"});
  cases.push_back({"context_input_100", "ctx.k100", {{"ctx", Context100()}}, false, {}, "100"});
  cases.push_back({"sum_1000",
                   "sum(numbers)",
                   {{"numbers", Numbers()}},
                   false,
                   {},
                   std::to_string(NumbersSum())});
  cases.push_back({"sort_1000",
                   "sort(numbers, function(x, y) x < y)[1000]",
                   {{"numbers", Numbers()}},
                   false,
                   {},
                   "1008"});
  cases.push_back({"date_plus_duration",
                   "date(\"2024-02-29\") + duration(\"P1Y\")",
                   {},
                   false,
                   {},
                   "2025-02-28"});
  cases.push_back({"datetime_minus_datetime",
                   "date and time(\"2024-06-20T09:26:03@Europe/Oslo\") - "
                   "date and time(\"2024-01-01T00:00:00Z\")",
                   {},
                   false,
                   {},
                   "P171DT7H26M3S"});
  cases.push_back({"unary_tests", "< 18, [65..100]", {}, true, Value::Int(70), "true"});
  return cases;
}

struct Compiled {
  feel::Scope scope;
  feel::Expression expr;
  feel::UnaryTests tests;
};

bool Compile(const Case& c, Compiled* out) {
  for (const auto& [name, value] : c.inputs) out->scope.Define(name);
  if (c.unary) {
    auto tests = feel::CompileUnaryTests(c.text, out->scope);
    if (!tests) return false;
    out->tests = *tests;
  } else {
    auto expr = feel::CompileExpression(c.text, out->scope);
    if (!expr) return false;
    out->expr = *expr;
  }
  return true;
}

void SetInputs(const Case& c, const feel::Scope& scope, feel::Frame* frame) {
  for (const auto& [name, value] : c.inputs) frame->Set(scope.Find(name), value);
}

void BM_Parse(benchmark::State& state, const Case& c) {
  feel::Scope scope;
  for (const auto& [name, value] : c.inputs) scope.Define(name);
  for (auto _ : state) {
    if (c.unary) {
      auto tests = feel::CompileUnaryTests(c.text, scope);
      benchmark::DoNotOptimize(tests);
    } else {
      auto expr = feel::CompileExpression(c.text, scope);
      benchmark::DoNotOptimize(expr);
    }
  }
}

void BM_Eval(benchmark::State& state, const Case& c) {
  Compiled compiled;
  if (!Compile(c, &compiled)) {
    state.SkipWithError("compile error");
    return;
  }
  feel::Frame frame(compiled.scope);
  SetInputs(c, compiled.scope, &frame);
  for (auto _ : state) {
    Value v =
        c.unary ? compiled.tests.Evaluate(frame, c.unary_input) : compiled.expr.Evaluate(frame);
    benchmark::DoNotOptimize(v);
  }
}

// Checks every case's result once; prints what is wrong.
bool CheckCases(const std::vector<Case>& cases) {
  bool ok = true;
  for (const Case& c : cases) {
    Compiled compiled;
    if (!Compile(c, &compiled)) {
      std::fprintf(stderr, "%s: compile error\n", c.id.c_str());
      ok = false;
      continue;
    }
    feel::Frame frame(compiled.scope);
    SetInputs(c, compiled.scope, &frame);
    Value v =
        c.unary ? compiled.tests.Evaluate(frame, c.unary_input) : compiled.expr.Evaluate(frame);
    bool good = c.expected.empty() ? !v.is_null() : v.ToString() == c.expected;
    if (!good) {
      std::fprintf(stderr, "%s: got %s, expected %s\n", c.id.c_str(), v.DebugString().c_str(),
                   c.expected.c_str());
      for (const std::string& m : frame.context().messages()) {
        std::fprintf(stderr, "  %s\n", m.c_str());
      }
      ok = false;
    }
  }
  return ok;
}

// The 20-rule decision table of bench/data/decision_table_20.dmn.
const char kTableFile[] = PROAKTIV_BENCH_DATA_DIR "/decision_table_20.dmn";

dmn::Inputs TableInputs() { return {{"Age", Value::Int(45)}, {"Income", Value::Int(72000)}}; }

bool CheckTable() {
  auto model = dmn::DmnModel::LoadFile(kTableFile);
  if (!model) {
    std::fprintf(stderr, "decision_table_20: %s\n", model.error().ToString().c_str());
    return false;
  }
  for (const std::string& p : (*model)->problems()) std::fprintf(stderr, "  %s\n", p.c_str());
  auto out = (*model)->EvaluateDecision("Band", TableInputs());
  if (!out || out->value.ToString() != "C3") {
    std::fprintf(stderr, "decision_table_20: expected \"C3\", got %s\n",
                 out ? out->value.DebugString().c_str() : out.error().ToString().c_str());
    return false;
  }
  return (*model)->problems().empty();
}

// Load = read the file, parse the XML, compile every FEEL text of the model.
void BM_TableLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto model = dmn::DmnModel::LoadFile(kTableFile);
    benchmark::DoNotOptimize(model);
  }
}

void BM_TableEval(benchmark::State& state) {
  auto model = dmn::DmnModel::LoadFile(kTableFile);
  if (!model) {
    state.SkipWithError("load error");
    return;
  }
  dmn::Inputs inputs = TableInputs();
  for (auto _ : state) {
    auto out = (*model)->EvaluateDecision("Band", inputs);
    benchmark::DoNotOptimize(out);
  }
}

}  // namespace
}  // namespace proaktiv

int main(int argc, char** argv) {
  using namespace proaktiv;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  static const std::vector<Case> cases = Cases();
  if (!CheckCases(cases) || !CheckTable()) return 1;
  for (const Case& c : cases) {
    benchmark::RegisterBenchmark(("parse/" + c.id).c_str(), BM_Parse, c);
    benchmark::RegisterBenchmark(("eval/" + c.id).c_str(), BM_Eval, c);
  }
  benchmark::RegisterBenchmark("parse/decision_table_20", BM_TableLoad);
  benchmark::RegisterBenchmark("eval/decision_table_20", BM_TableEval);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

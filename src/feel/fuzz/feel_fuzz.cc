// libFuzzer target for the FEEL compiler and evaluator. Each input is compiled as an
// expression and as unary tests against a small scope; what compiles is evaluated, except
// inputs that can legitimately run for a long time (iterations, ranges used as domains,
// exponentiation), which are only compiled.
//
// Build: CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DPROAKTIV_FUZZ=ON
//        -DPROAKTIV_BENCH=OFF && cmake --build build-fuzz --target feel_fuzz
// Run:   build-fuzz/src/feel/feel_fuzz -max_total_time=60 -max_len=512 CORPUS_DIR SEED_DIR
// Seeds: one file per distinct <text> of the TCK models (../shared/dmn-tck/TestCases/*/*/*.dmn,
//        XML-unescaped; about 3 100 expressions).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feel/feel.h"

namespace {

bool MayRunLong(std::string_view text) {
  for (std::string_view w : {"for", "some", "every", "..", "**", "function", "sort", "repeat"})
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace proaktiv::feel;
  if (size > 4096) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Scope scope;
  Slot age = scope.Define("Applicant Age");
  Slot person = scope.Define("Person", Type::ContextOf({{"name", Type::Simple(Type::Kind::kString)},
                                                        {"Monthly Income", Type::Any()}}));
  Slot list = scope.Define("items");
  Frame frame(scope);
  frame.Set(age, Value::Int(42));
  Context c;
  c.Put("name", Value::String("Ann"));
  c.Put("Monthly Income", Value::Int(1000));
  frame.Set(person, Value::FromContext(std::move(c)));
  frame.Set(list, Value::FromList({Value::Int(1), Value::String("a"), Value()}));
  bool eval = !MayRunLong(text);

  auto expr = CompileExpression(text, scope);
  if (expr) {
    (void)expr->unresolved_names();
    if (eval) (void)expr->Evaluate(frame).DebugString();
  }
  auto tests = CompileUnaryTests(text, scope);
  if (tests && eval) (void)tests->Evaluate(frame, Value::Int(5)).DebugString();
  return 0;
}

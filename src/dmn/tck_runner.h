#pragma once

// Runs DMN TCK test cases: every folder below a root that holds test files (`*-test-*.xml`)
// together with its model files (`*.dmn`, imports resolved among them).
//
// One result per test case (the TCK's granularity): SUCCESS when every result node matches,
// ERROR otherwise (the detail says which node and why), IGNORED when the case exercises an
// unsupported feature (external Java / PMML functions). A result node with errorResult="true"
// passes when the value is null (or matches its expected value) and the engine reported an
// error message. Cases with at least one such node are counted as error-expecting.
//
// Not thread-safe per call; independent calls may run concurrently.

#include <string>
#include <vector>

#include "common/result.h"

namespace proaktiv::dmn {

enum class TckOutcome { kSuccess, kError, kIgnored };

// "SUCCESS", "ERROR", "IGNORED".
const char* TckOutcomeName(TckOutcome outcome);

struct TckCaseResult {
  std::string folder;     // folder of the test file, relative to the root's parent
  std::string test_file;  // test file name without ".xml"
  std::string case_id;
  TckOutcome outcome = TckOutcome::kError;
  std::string detail;
  bool expects_error = false;
  // With timing on (TckRunOptions::timing_repeats > 0): the evaluation time of the case in
  // nanoseconds (all its result nodes, inputs already converted, model already loaded), the
  // median over the repeats. -1 when not measured (timing off, IGNORED, model failed to load).
  double eval_ns = -1;
};

struct TckSummary {
  std::vector<TckCaseResult> cases;
  int positive_passed = 0, positive_failed = 0;
  int error_passed = 0, error_failed = 0;
  int ignored = 0;
  int passed() const { return positive_passed + error_passed; }
  int failed() const { return positive_failed + error_failed; }
};

struct TckRunOptions {
  // 0: no timing. N > 0: after checking a case, evaluate it again in N timed batches (each batch
  // repeats the case until it lasts about 20 µs) and record the median time per evaluation in
  // TckCaseResult::eval_ns. Outcomes are those of the first, untimed evaluation.
  int timing_repeats = 0;
};

// Runs every test file below `root` (a folder) in path order. Errors only when `root` cannot
// be read; broken models and test files become ERROR cases.
Result<TckSummary> RunTckFolder(const std::string& root);
Result<TckSummary> RunTckFolder(const std::string& root, const TckRunOptions& options);

// The TCK results CSV: one line per case, five quoted columns
// (folder, test file, case id, SUCCESS|ERROR|IGNORED, detail).
std::string TckResultsCsv(const TckSummary& summary);

// Two lines: "positive: N passed, N failed; error-expecting: N passed, N failed" and the final
// "N passed, N failed" (with ", N skipped" when cases were IGNORED).
std::string TckSummaryText(const TckSummary& summary);

// Per-case evaluation times: one line per measured case, four columns (folder, test file,
// case id quoted; nanoseconds per evaluation).
std::string TckTimingCsv(const TckSummary& summary);

// Percentile (nearest rank, 0 < p <= 100) of the measured eval_ns values; -1 if none.
double TckTimingPercentile(const TckSummary& summary, double p);

// "evaluation time over N cases: p50 X µs, p90 X µs, p99 X µs, max X µs" (one line), or an
// empty string when nothing was measured.
std::string TckTimingText(const TckSummary& summary);

}  // namespace proaktiv::dmn

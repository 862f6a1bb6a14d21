#include "dmn/tck_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "dmn/dmn_model.h"
#include "dmn/tck_file.h"
#include "dmn/tck_values.h"

namespace proaktiv::dmn {
namespace {

namespace fs = std::filesystem;

bool IsTestFile(const fs::path& p) {
  return p.extension() == ".xml" && p.filename().string().find("-test-") != std::string::npos;
}

std::string JoinMessages(const std::vector<std::string>& messages) {
  std::string out;
  for (size_t i = 0; i < messages.size() && i < 3; ++i) {
    out += (i == 0 ? " [" : "; ") + messages[i];
  }
  if (!out.empty()) out += "]";
  return out;
}

// Evaluates one result node of `c`.
Result<Outcome> EvaluateNode(const DmnModel& model, const TckTestCase& c, const TckResultNode& r,
                             const Inputs& inputs) {
  if (c.type == "decisionService") {
    std::string service = c.invocable_name.empty() ? r.name : c.invocable_name;
    PROAKTIV_ASSIGN_OR_RETURN(Outcome out, model.EvaluateDecisionService(service, inputs));
    // Several output decisions give a context; the result node names one of them.
    if (out.value.is(feel::ValueKind::kContext) && r.name != service) {
      if (const feel::Value* v = out.value.AsContext().Find(r.name)) out.value = *v;
    }
    return out;
  }
  if (c.type == "bkm" || r.type == "bkm") return model.InvokeBkm(r.name, inputs);
  return model.EvaluateDecision(r.name, inputs);
}

// Evaluates every result node of `c` once, discarding the outcomes (for timing).
void EvaluateCaseOnly(const DmnModel& model, const TckTestCase& c, const Inputs& inputs) {
  for (const TckResultNode& r : c.results) {
    auto out = EvaluateNode(model, c, r, inputs);
    if (!out) return;
  }
}

// Median nanoseconds per evaluation of `c`, over `repeats` batches of about 20 µs each.
double TimeCase(const DmnModel& model, const TckTestCase& c, const Inputs& inputs, int repeats) {
  using Clock = std::chrono::steady_clock;
  auto elapsed_ns = [](Clock::time_point from) {
    return std::chrono::duration<double, std::nano>(Clock::now() - from).count();
  };
  EvaluateCaseOnly(model, c, inputs);  // warm-up
  Clock::time_point start = Clock::now();
  EvaluateCaseOnly(model, c, inputs);
  double once = std::max(elapsed_ns(start), 1.0);
  int batch = static_cast<int>(std::clamp(20000.0 / once, 1.0, 10000.0));
  std::vector<double> per_eval;
  per_eval.reserve(static_cast<size_t>(repeats));
  for (int i = 0; i < repeats; ++i) {
    start = Clock::now();
    for (int j = 0; j < batch; ++j) EvaluateCaseOnly(model, c, inputs);
    per_eval.push_back(elapsed_ns(start) / batch);
  }
  std::sort(per_eval.begin(), per_eval.end());
  return per_eval[per_eval.size() / 2];
}

TckCaseResult CheckCase(const DmnModel& model, const TckTestCase& c, const Inputs& inputs) {
  TckCaseResult result;
  result.case_id = c.id;
  for (const TckResultNode& r : c.results) result.expects_error |= r.error_result;
  for (const TckResultNode& r : c.results) {
    std::string target =
        c.type == "decisionService" && !c.invocable_name.empty() ? c.invocable_name : r.name;
    if (model.UsesUnsupported(target)) {
      result.outcome = TckOutcome::kIgnored;
      result.detail = fmt::format("'{}' uses an external (Java/PMML) function", target);
      return result;
    }
  }
  for (const TckResultNode& r : c.results) {
    auto out = EvaluateNode(model, c, r, inputs);
    if (!out) {
      result.detail = fmt::format("{}: {}", r.name, out.error().message);
      return result;
    }
    std::string why;
    if (r.error_result) {
      bool value_ok = r.expected ? TckMatches(*r.expected, out->value, &why) : out->value.is_null();
      if (!value_ok || out->messages.empty()) {
        result.detail = fmt::format("{}: expected an error, got {}{}", r.name,
                                    out->value.DebugString(), why.empty() ? "" : " (" + why + ")");
        return result;
      }
      continue;
    }
    if (!r.expected) continue;
    if (!TckMatches(*r.expected, out->value, &why)) {
      result.detail = fmt::format("{}: {}{}", r.name, why, JoinMessages(out->messages));
      return result;
    }
  }
  result.outcome = TckOutcome::kSuccess;
  return result;
}

TckCaseResult RunCase(const DmnModel& model, const TckTestCase& c, int timing_repeats) {
  Inputs inputs;
  for (const TckInputNode& in : c.inputs) {
    inputs.push_back({in.name, TckToFeel(in.value), in.ns});
  }
  TckCaseResult result = CheckCase(model, c, inputs);
  if (timing_repeats > 0 && result.outcome != TckOutcome::kIgnored) {
    result.eval_ns = TimeCase(model, c, inputs, timing_repeats);
  }
  return result;
}

// Runs the test files of one folder.
void RunFolder(const fs::path& dir, const std::string& folder_label,
               const std::vector<fs::path>& test_files, const TckRunOptions& options,
               TckSummary* summary) {
  std::map<std::string, Result<std::shared_ptr<const DmnModel>>> models;
  for (const fs::path& test_path : test_files) {
    std::string test_name = test_path.stem().string();
    auto add_error = [&](const std::string& id, const std::string& detail, bool expects_error) {
      summary->cases.push_back(
          {folder_label, test_name, id, TckOutcome::kError, detail, expects_error});
    };
    auto file = LoadTckTestFile(test_path.string());
    if (!file) {
      add_error("", file.error().message, false);
      continue;
    }
    std::string model_name = file->model_name;
    if (model_name.empty()) {
      size_t cut = test_name.find("-test-");
      model_name = test_name.substr(0, cut) + ".dmn";
    }
    std::string model_path = (dir / model_name).string();
    auto it = models.find(model_path);
    if (it == models.end()) it = models.emplace(model_path, DmnModel::LoadFile(model_path)).first;
    for (const TckTestCase& c : file->cases) {
      bool expects_error = false;
      for (const TckResultNode& r : c.results) expects_error |= r.error_result;
      if (!it->second) {
        add_error(c.id, it->second.error().message, expects_error);
        continue;
      }
      TckCaseResult result = RunCase(**it->second, c, options.timing_repeats);
      result.folder = folder_label;
      result.test_file = test_name;
      summary->cases.push_back(std::move(result));
    }
  }
}

std::string CsvField(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"')
      out += "\"\"";
    else if (ch == '\n' || ch == '\r')
      out += ' ';
    else
      out += ch;
  }
  return out + "\"";
}

}  // namespace

const char* TckOutcomeName(TckOutcome outcome) {
  switch (outcome) {
    case TckOutcome::kSuccess:
      return "SUCCESS";
    case TckOutcome::kError:
      return "ERROR";
    case TckOutcome::kIgnored:
      return "IGNORED";
  }
  return "ERROR";
}

Result<TckSummary> RunTckFolder(const std::string& root) {
  return RunTckFolder(root, TckRunOptions{});
}

Result<TckSummary> RunTckFolder(const std::string& root, const TckRunOptions& options) {
  std::error_code ec;
  fs::path root_path = fs::path(root).lexically_normal();
  if (root_path.filename().empty()) root_path = root_path.parent_path();
  if (!fs::is_directory(root_path, ec)) {
    return NotFound(fmt::format("TCK folder '{}' does not exist", root));
  }
  std::map<fs::path, std::vector<fs::path>> by_folder;
  for (auto it = fs::recursive_directory_iterator(root_path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && IsTestFile(it->path())) {
      by_folder[it->path().parent_path()].push_back(it->path());
    }
  }
  if (ec) return Unavailable(fmt::format("reading '{}': {}", root, ec.message()));
  TckSummary summary;
  fs::path base = root_path.parent_path();
  for (auto& [dir, files] : by_folder) {
    std::sort(files.begin(), files.end());
    RunFolder(dir, dir.lexically_relative(base).generic_string(), files, options, &summary);
  }
  for (const TckCaseResult& c : summary.cases) {
    switch (c.outcome) {
      case TckOutcome::kSuccess:
        ++(c.expects_error ? summary.error_passed : summary.positive_passed);
        break;
      case TckOutcome::kError:
        ++(c.expects_error ? summary.error_failed : summary.positive_failed);
        break;
      case TckOutcome::kIgnored:
        ++summary.ignored;
        break;
    }
  }
  return summary;
}

std::string TckResultsCsv(const TckSummary& summary) {
  std::string out;
  for (const TckCaseResult& c : summary.cases) {
    out +=
        fmt::format("{},{},{},{},{}\n", CsvField(c.folder), CsvField(c.test_file),
                    CsvField(c.case_id), CsvField(TckOutcomeName(c.outcome)), CsvField(c.detail));
  }
  return out;
}

std::string TckSummaryText(const TckSummary& summary) {
  std::string out = fmt::format(
      "positive: {} passed, {} failed; error-expecting: {} passed, {} failed\n",
      summary.positive_passed, summary.positive_failed, summary.error_passed, summary.error_failed);
  out += fmt::format("{} passed, {} failed", summary.passed(), summary.failed());
  if (summary.ignored > 0) out += fmt::format(", {} skipped", summary.ignored);
  return out + "\n";
}

std::string TckTimingCsv(const TckSummary& summary) {
  std::string out;
  for (const TckCaseResult& c : summary.cases) {
    if (c.eval_ns < 0) continue;
    out += fmt::format("{},{},{},{:.1f}\n", CsvField(c.folder), CsvField(c.test_file),
                       CsvField(c.case_id), c.eval_ns);
  }
  return out;
}

double TckTimingPercentile(const TckSummary& summary, double p) {
  std::vector<double> ns;
  for (const TckCaseResult& c : summary.cases) {
    if (c.eval_ns >= 0) ns.push_back(c.eval_ns);
  }
  if (ns.empty() || p <= 0 || p > 100) return -1;
  std::sort(ns.begin(), ns.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(ns.size())));
  return ns[std::max<size_t>(rank, 1) - 1];
}

std::string TckTimingText(const TckSummary& summary) {
  size_t n = 0;
  for (const TckCaseResult& c : summary.cases) n += c.eval_ns >= 0 ? 1 : 0;
  if (n == 0) return "";
  return fmt::format(
      "evaluation time over {} cases: p50 {:.2f} µs, p90 {:.2f} µs, p99 {:.2f} µs, "
      "max {:.2f} µs\n",
      n, TckTimingPercentile(summary, 50) / 1000, TckTimingPercentile(summary, 90) / 1000,
      TckTimingPercentile(summary, 99) / 1000, TckTimingPercentile(summary, 100) / 1000);
}

}  // namespace proaktiv::dmn

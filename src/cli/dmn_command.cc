#include "cli/dmn_command.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "dmn/dmn_model.h"
#include "dmn/json_values.h"
#include "dmn/tck_runner.h"

namespace proaktiv::cli {
namespace {

struct EvalOptions {
  std::string model;
  std::string decision;
  std::string service;
  std::string input;
};

struct TckOptions {
  std::string dir;
  std::string csv;
  int min_passed = -1;
  std::string timing;  // per-case evaluation times CSV; empty: no timing
  int timing_repeats = 7;
};

// Reads a JSON object of input values; errors name the file.
Result<dmn::Inputs> ReadInputs(const std::string& path, const dmn::DmnModel& model) {
  dmn::Inputs inputs;
  if (path.empty()) return inputs;
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return NotFound(fmt::format("cannot open input file '{}'", path));
    text << in.rdbuf();
  }
  boost::system::error_code ec;
  boost::json::value json = boost::json::parse(text.str(), ec);
  if (ec) return InvalidArgument(fmt::format("{}: invalid JSON: {}", path, ec.message()));
  if (!json.is_object()) {
    return InvalidArgument(fmt::format("{}: expected a JSON object of input values", path));
  }
  for (const auto& entry : json.get_object()) {
    std::string name(entry.key());
    dmn::DmnTypePtr type = model.InputType(name);
    inputs.push_back({name, dmn::JsonToFeel(entry.value(), type.get()), ""});
  }
  return inputs;
}

int RunEval(const EvalOptions& opts) {
  auto model = dmn::DmnModel::LoadFile(opts.model);
  if (!model) {
    std::cerr << model.error().ToString() << "\n";
    return 2;
  }
  for (const std::string& p : (*model)->problems()) std::cerr << "warning: " << p << "\n";
  auto inputs = ReadInputs(opts.input, **model);
  if (!inputs) {
    std::cerr << inputs.error().ToString() << "\n";
    return 2;
  }
  auto outcome = opts.service.empty() ? (*model)->EvaluateDecision(opts.decision, *inputs)
                                      : (*model)->EvaluateDecisionService(opts.service, *inputs);
  if (!outcome) {
    std::cerr << outcome.error().ToString() << "\n";
    return 1;
  }
  for (const std::string& m : outcome->messages) std::cerr << "note: " << m << "\n";
  std::cout << dmn::FeelToJsonText(outcome->value) << "\n";
  return 0;
}

int RunCheck(const std::string& path) {
  auto model = dmn::DmnModel::LoadFile(path);
  if (!model) {
    std::cerr << model.error().ToString() << "\n";
    return 1;
  }
  const auto& defs = (*model)->definitions();
  for (const std::string& p : (*model)->problems()) std::cout << p << "\n";
  for (const std::string& n : (*model)->notes()) std::cout << "note: " << n << "\n";
  std::cout << fmt::format(
      "{}: DMN {}, {} decisions, {} input data, {} business knowledge models, "
      "{} decision services, {} item definitions: {} problem(s)\n",
      path, dmn::DmnVersionName(defs.version), defs.decisions.size(), defs.input_data.size(),
      defs.bkms.size(), defs.decision_services.size(), defs.item_definitions.size(),
      (*model)->problems().size());
  return (*model)->problems().empty() ? 0 : 1;
}

int RunTck(const TckOptions& opts) {
  dmn::TckRunOptions run_options;
  if (!opts.timing.empty()) run_options.timing_repeats = opts.timing_repeats;
  auto summary = dmn::RunTckFolder(opts.dir, run_options);
  if (!summary) {
    std::cerr << summary.error().ToString() << "\n";
    return 2;
  }
  if (!opts.csv.empty()) {
    std::ofstream out(opts.csv, std::ios::binary);
    out << dmn::TckResultsCsv(*summary);
    if (!out) {
      std::cerr << fmt::format("cannot write '{}'\n", opts.csv);
      return 2;
    }
  }
  if (!opts.timing.empty()) {
    std::ofstream out(opts.timing, std::ios::binary);
    out << dmn::TckTimingCsv(*summary);
    if (!out) {
      std::cerr << fmt::format("cannot write '{}'\n", opts.timing);
      return 2;
    }
  }
  for (const auto& c : summary->cases) {
    if (c.outcome == dmn::TckOutcome::kError) {
      std::cerr << fmt::format("FAIL {}/{} {}: {}\n", c.folder, c.test_file, c.case_id, c.detail);
    }
  }
  std::cout << dmn::TckSummaryText(*summary);
  std::cout << dmn::TckTimingText(*summary);
  if (opts.min_passed >= 0 && summary->passed() < opts.min_passed) return 1;
  return 0;
}

// CLI11 reports a non-zero exit code through this exception; main's CLI11_PARSE turns it
// into the process exit status.
void ExitWith(int code) {
  if (code != 0) throw CLI::RuntimeError(code);
}

}  // namespace

void RegisterDmnCommands(CLI::App& app) {
  CLI::App* dmn = app.add_subcommand("dmn", "DMN decision models: evaluate, check, run the TCK");
  dmn->require_subcommand(1);

  auto eval_opts = std::make_shared<EvalOptions>();
  CLI::App* eval = dmn->add_subcommand("eval", "Evaluate a decision and print it as JSON");
  eval->add_option("model", eval_opts->model, "DMN file")->required();
  auto* decision = eval->add_option("--decision", eval_opts->decision, "Decision name");
  auto* service = eval->add_option("--service", eval_opts->service, "Decision service name");
  decision->excludes(service);
  eval->add_option("--input", eval_opts->input,
                   "JSON object of input values by input data name (\"-\" reads stdin)");
  eval->callback([eval_opts, decision, service] {
    if (decision->count() == 0 && service->count() == 0) {
      throw CLI::ValidationError("--decision", "give --decision NAME or --service NAME");
    }
    ExitWith(RunEval(*eval_opts));
  });

  auto check_path = std::make_shared<std::string>();
  CLI::App* check = dmn->add_subcommand("check", "Validate a model and report every problem");
  check->add_option("model", *check_path, "DMN file")->required();
  check->callback([check_path] { ExitWith(RunCheck(*check_path)); });

  auto tck_opts = std::make_shared<TckOptions>();
  CLI::App* tck = dmn->add_subcommand("tck", "Run a DMN TCK TestCases folder recursively");
  tck->add_option("dir", tck_opts->dir, "TestCases folder")->required();
  tck->add_option("--csv", tck_opts->csv, "Write the TCK results CSV here");
  tck->add_option("--min-passed", tck_opts->min_passed,
                  "Exit 1 when fewer than this many cases pass");
  tck->add_option("--timing", tck_opts->timing,
                  "Time each case's evaluation (model loaded once), write the times (ns) as CSV "
                  "here and print p50/p90/p99");
  tck->add_option("--timing-repeats", tck_opts->timing_repeats,
                  "Timed batches per case; the median is kept (default 7)")
      ->check(CLI::Range(1, 1000));
  tck->callback([tck_opts] { ExitWith(RunTck(*tck_opts)); });
}

}  // namespace proaktiv::cli

#include "cli/gen_command.h"

#include <chrono>
#include <memory>

#include <fmt/format.h>

#include "synth/generator.h"

namespace proaktiv::cli {
namespace {

struct GenArgs {
  bool all = false;
  std::vector<std::string> kommuner;
  std::string from;
  std::string to;
  uint64_t seed = 1;
  std::string out;
  bool no_db = false;
  int threads = 2;
};

int Run(const GenArgs& args) {
  synth::GenerateOptions options;
  options.all = args.all;
  options.kommuner = args.kommuner;
  options.seed = args.seed;
  options.out_dir = args.out;
  options.write_db = !args.no_db;
  options.threads = args.threads;
  if (args.all == !args.kommuner.empty()) {
    fmt::print(stderr, "error: give either --all or --kommune NNNN[,NNNN…]\n");
    return 2;
  }
  auto from = args.from.empty() ? CivilDate::FromYmd(2024, 1, 1) : CivilDate::Parse(args.from);
  if (!from) {
    fmt::print(stderr, "error: --from '{}': {}\n", args.from, from.error().message);
    return 2;
  }
  options.from = *from;
  auto to = args.to.empty() ? Result<CivilDate>(from->AddYears(1)) : CivilDate::Parse(args.to);
  if (!to) {
    fmt::print(stderr, "error: --to '{}': {}\n", args.to, to.error().message);
    return 2;
  }
  options.to = *to;
  auto start = std::chrono::steady_clock::now();
  Progress progress(true);
  auto result = synth::Generate(options, progress);
  if (!result) {
    fmt::print(stderr, "error: {}\n", result.error().message);
    return 2;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("generated {} persons in {} households and {} feed entries in {:.1f} s into {}\n",
             result->persons, result->households, result->feed_entries, seconds, args.out);
  fmt::print("{}\n", result->summary_json);
  return 0;
}

}  // namespace

void RegisterGenCommand(CLI::App& app) {
  auto args = std::make_shared<GenArgs>();
  CLI::App* cmd = app.add_subcommand(
      "gen", "Generate a synthetic population and a period of life events (deterministic)");
  auto* all = cmd->add_flag("--all", args->all, "all 357 municipalities (5.55 million persons)");
  auto* kommune = cmd->add_option("--kommune", args->kommuner, "kommune numbers, e.g. 0301,4601")
                      ->delimiter(',');
  all->excludes(kommune);
  cmd->add_option("--from", args->from, "first day of the period (default 2024-01-01)");
  cmd->add_option("--to", args->to, "day after the period (default: --from plus one year)");
  cmd->add_option("--seed", args->seed, "random seed (default 1)");
  cmd->add_option("--out", args->out, "output directory")->required();
  cmd->add_flag("--no-db", args->no_db, "skip population.db");
  cmd->add_option("--threads", args->threads, "threads for household generation (default 2)");
  cmd->callback([args] {
    int code = Run(*args);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace proaktiv::cli

#include "cli/ingest_command.h"

#include <chrono>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "common/progress.h"
#include "intake/feed_consumer.h"
#include "store/store.h"

namespace proaktiv::cli {
namespace {

struct IngestArgs {
  std::string db;
  std::vector<std::string> files;
  size_t batch = 50000;
  std::string feed = "freg";
};

void PrintReport(const std::string& file, const intake::IntakeReport& r, double seconds) {
  fmt::print("{}: {} entries applied, {} already applied (skipped), in {:.2f} s ({:.0f}/s)\n", file,
             r.applied, r.replayed, seconds, seconds > 0 ? r.applied / seconds : 0.0);
  fmt::print(
      "  new persons {}, moves between kommuner {}, moves within {}, corrections {}, "
      "annulments {}, sequence gaps {}, last sequence {}\n",
      r.created, r.moves_between, r.moves_within, r.corrections, r.annulments, r.gaps,
      r.last_sequence);
  for (const auto& [type, n] : r.by_type) fmt::print("  {:<45} {:>9}\n", type, n);
  for (const auto& [type, n] : r.unknown_types) {
    fmt::print("  kept, but not a known event type: {} ({})\n", type, n);
  }
  for (const auto& [entity, n] : r.unknown_entities) {
    fmt::print("  kept, but not a modelled entity: {} ({})\n", entity, n);
  }
}

int Run(const IngestArgs& args) {
  auto store = store::OpenSqliteStore(args.db);
  if (!store) {
    fmt::print(stderr, "error: {}\n", store.error().message);
    return 2;
  }
  for (const std::string& file : args.files) {
    std::ifstream in(file);
    if (!in) {
      fmt::print(stderr, "error: cannot read feed file '{}'\n", file);
      return 2;
    }
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    Progress progress;
    int64_t total = ec ? 0 : static_cast<int64_t>(size);
    intake::FeedConsumer consumer(**store, intake::IntakeOptions{args.feed, args.batch});
    auto start = std::chrono::steady_clock::now();
    auto report = consumer.Consume(
        in, [&](const intake::IntakeProgress& p) { progress.Report("ingest", p.bytes, total); });
    progress.Finish();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!report) {
      fmt::print(stderr, "error: {}: {}\n", file, report.error().ToString());
      return 2;
    }
    PrintReport(file, *report, seconds);
    if (report->error) {
      fmt::print(stderr,
                 "error: {}: {}\n  intake stopped there; the {} entries before it are stored. "
                 "Fix the entry and run ingest again: applied entries are skipped.\n",
                 file, report->error->message, report->applied);
      return 1;
    }
  }
  auto counts = (*store)->Counts();
  if (counts) {
    fmt::print("registry {}: {} persons", args.db, counts->persons);
    for (const auto& [status, n] : counts->by_status) fmt::print(", {} {}", n, status);
    fmt::print("; {} events stored\n", counts->events);
  }
  return 0;
}

}  // namespace

void RegisterIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Apply population-register feed files to a store");
  cmd->add_option("--db", args->db, "SQLite database file (created if missing)")->required();
  cmd->add_option("--batch", args->batch, "Entries per transaction")->check(CLI::PositiveNumber);
  cmd->add_option("--feed", args->feed, "Name of the feed whose pointer is kept");
  cmd->add_option("files", args->files, "Feed files (JSON lines), applied in order")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->callback([args] {
    int status = Run(*args);
    if (status != 0) throw CLI::RuntimeError(status);
  });
}

}  // namespace proaktiv::cli

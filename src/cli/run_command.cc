#include "cli/run_command.h"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "cli/audit_command.h"
#include "cli/delivery_run.h"
#include "cli/offer_report.h"
#include "cli/period_run.h"
#include "common/national_id.h"
#include "registry/kommune.h"

namespace proaktiv::cli {
namespace {

struct RunArgs {
  std::string db;
  std::string feed;
  std::string from;
  std::string until;
  std::string library = "services";
  std::vector<std::string> services;  // when not empty, only these
  std::vector<std::string> kommuner;  // when not empty, only subjects living there
  std::string catalog = "catalog/catalog.yaml";
  std::string compare_library;
  std::string chart;
  std::string deliver_config;  // when set, the outbox is delivered each simulated day
  std::string delivery_chart;
  int explain = 3;
};

int Fail(const Error& e) {
  fmt::print(stderr, "error: {}\n", e.ToString());
  return 2;
}

struct Loaded {
  catalog::Catalog catalog;
  engine::ServiceLibrary library;
};

Result<Loaded> LoadServices(const std::string& catalog_file, const std::string& dir,
                            const std::vector<std::string>& only) {
  PROAKTIV_ASSIGN_OR_RETURN(auto catalog, catalog::Catalog::LoadFile(catalog_file));
  PROAKTIV_ASSIGN_OR_RETURN(auto library, engine::LoadLibrary(dir, catalog));
  if (!only.empty()) {
    PROAKTIV_ASSIGN_OR_RETURN(library, library.Only(only));
  }
  return Loaded{std::move(catalog), std::move(library)};
}

Result<PeriodRunOptions> Period(const RunArgs& args) {
  PeriodRunOptions options;
  PROAKTIV_ASSIGN_OR_RETURN(options.from, CivilDate::Parse(args.from));
  PROAKTIV_ASSIGN_OR_RETURN(options.until, CivilDate::Parse(args.until));
  if (options.until < options.from) {
    return InvalidArgument(fmt::format("--until {} is before --from {}", args.until, args.from));
  }
  options.feed_file = args.feed;
  for (const std::string& k : args.kommuner) {
    if (registry::FindKommune(k) == nullptr) {
      return InvalidArgument(fmt::format("--kommune {}: not one of the 357 kommuner", k));
    }
    options.kommuner.insert(k);
  }
  return options;
}

// With `deliver_config`, the outbox is drained at 10:00 each simulated day and the delivery
// summary printed at the end.
Result<PeriodRunResult> RunOn(const std::string& db, const engine::ServiceLibrary& library,
                              PeriodRunOptions options, const std::string& deliver_config = "",
                              const std::string& delivery_chart = "") {
  PROAKTIV_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(db));
  std::unique_ptr<DeliveryRun> delivery;
  if (!deliver_config.empty()) {
    PROAKTIV_ASSIGN_OR_RETURN(delivery, DeliveryRun::OpenSimulated(*store, deliver_config));
    options.after_day = [&delivery](CivilDate day) -> Status {
      return delivery->RunDay(day).map([](const auto&) {});
    };
  }
  Progress progress;
  auto result = RunPeriod(*store, library, options, progress);
  progress.Finish();
  if (result && delivery) {
    fmt::print("delivery, each day at 10:00 ({:.1f} s):\n", result->after_day_seconds);
    PrintDeliverySummary(delivery->total(), *store, options.until);
    PROAKTIV_RETURN_IF_ERROR(
        PrintDeliveredPerMonth(*store, options.from, options.until, delivery_chart));
  }
  return result;
}

void PrintTimes(const PeriodRunResult& r) {
  fmt::print(
      "engine: {} feed events, {} date-index entries due ({} stale), {} re-decisions; "
      "intake {:.1f} s, engine {:.1f} s",
      r.report.events, r.report.due, r.report.stale, r.report.redecided, r.intake_seconds,
      r.engine_seconds);
  if (r.index_entries > 0) fmt::print(" (date index: {} entries)", r.index_entries);
  if (r.engine_seconds > 0) {
    fmt::print("; {:.0f} events/s",
               static_cast<double>(r.report.events) / (r.engine_seconds + r.intake_seconds));
  }
  fmt::print("\n");
}

int Run(const RunArgs& args) {
  auto period = Period(args);
  if (!period) return Fail(period.error());
  auto loaded = LoadServices(args.catalog, args.library, args.services);
  if (!loaded) return Fail(loaded.error());
  auto result = RunOn(args.db, loaded->library, *period, args.deliver_config, args.delivery_chart);
  if (!result) return Fail(result.error());
  PrintTimes(*result);
  PrintOutcomeTable(result->report);
  auto store = store::OpenSqliteStore(args.db);
  if (!store) return Fail(store.error());
  if (auto s = WriteAuditCheckpoint(**store, args.db); !s) return Fail(s.error());
  if (auto s = PrintOffersPerMonth((*store)->engine(), args.chart,
                                   fmt::format("Offers per month, {} – {}", args.from, args.until));
      !s) {
    return Fail(s.error());
  }
  if (auto s = PrintSampleOffers(**store, loaded->library, args.explain); !s)
    return Fail(s.error());
  return 0;
}

// Offers of kind offer, by (service, subject, occurrence) → reason, from a store.
using OfferKey = std::tuple<std::string, int64_t, std::string>;
Result<std::map<OfferKey, std::string>> OffersOf(const std::string& db) {
  PROAKTIV_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(db));
  std::map<OfferKey, std::string> out;
  PROAKTIV_RETURN_IF_ERROR((*store).engine().ForEachOffer([&](const store::OfferRecord& o) {
    if (o.kind == store::OfferKind::kOffer && o.state != store::OfferState::kWithdrawn) {
      out[{o.service, o.subject_key, o.occurrence}] = o.reason;
    }
    return true;
  }));
  return out;
}

Status CopyDatabase(const std::string& from, const std::string& to) {
  // Checkpoint the source's WAL first so that the copy holds every committed page.
  PROAKTIV_ASSIGN_OR_RETURN(auto source, store::OpenSqliteStore(from));
  source.reset();  // closing the last connection checkpoints the WAL
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(to + suffix, ec);
  std::filesystem::copy_file(from, to, ec);
  if (ec) return Unavailable(fmt::format("cannot copy '{}' to '{}': {}", from, to, ec.message()));
  if (std::filesystem::exists(from + "-wal"))
    std::filesystem::copy_file(from + "-wal", to + "-wal", ec);
  return {};
}

void PrintDiff(const std::map<OfferKey, std::string>& base,
               const std::map<OfferKey, std::string>& changed) {
  std::map<std::string, std::pair<int64_t, int64_t>> per_service;  // gains, losses
  std::vector<std::string> examples;
  for (const auto& [key, reason] : changed) {
    if (base.count(key)) continue;
    ++per_service[std::get<0>(key)].first;
    if (examples.size() < 10) {
      examples.push_back(fmt::format("  + {} person {} {} ({})", std::get<0>(key), std::get<1>(key),
                                     std::get<2>(key), reason));
    }
  }
  for (const auto& [key, reason] : base) {
    if (changed.count(key)) continue;
    ++per_service[std::get<0>(key)].second;
    if (examples.size() < 20) {
      examples.push_back(fmt::format("  - {} person {} {} ({})", std::get<0>(key), std::get<1>(key),
                                     std::get<2>(key), reason));
    }
  }
  fmt::print("\ncompared with the changed rules ({} offers before, {} after):\n", base.size(),
             changed.size());
  fmt::print("{:<22} {:>8} {:>8}\n", "service", "gain", "lose");
  for (const auto& [service, gl] : per_service) {
    fmt::print("{:<22} {:>8} {:>8}\n", service, gl.first, gl.second);
  }
  if (per_service.empty()) fmt::print("  no difference\n");
  for (const auto& e : examples) fmt::print("{}\n", e);
  if (!examples.empty())
    fmt::print("  (persons by registry key; identity numbers are not shown)\n");
}

int Simulate(const RunArgs& args) {
  auto period = Period(args);
  if (!period) return Fail(period.error());
  auto loaded = LoadServices(args.catalog, args.library, args.services);
  if (!loaded) return Fail(loaded.error());
  const auto scratch =
      std::filesystem::temp_directory_path() / fmt::format("proaktiv-simulate-{}", ::getpid());
  std::filesystem::create_directories(scratch);
  auto cleanup = [&] { std::filesystem::remove_all(scratch); };
  const std::string base_db = (scratch / "base.db").string();
  if (auto s = CopyDatabase(args.db, base_db); !s) {
    cleanup();
    return Fail(s.error());
  }
  fmt::print("dry run on a copy of {} ({} – {})\n", args.db, args.from, args.until);
  auto result = RunOn(base_db, loaded->library, *period);
  if (!result) {
    cleanup();
    return Fail(result.error());
  }
  PrintTimes(*result);
  PrintOutcomeTable(result->report);
  {
    auto store = store::OpenSqliteStore(base_db);
    if (store) {
      (void)PrintOffersPerMonth(
          (*store)->engine(), args.chart,
          fmt::format("Simulated offers per month, {} – {}", args.from, args.until));
      (void)PrintSampleOffers(**store, loaded->library, args.explain);
    }
  }
  if (!args.compare_library.empty()) {
    auto other = LoadServices(args.catalog, args.compare_library, args.services);
    const std::string other_db = (scratch / "changed.db").string();
    if (!other || !CopyDatabase(args.db, other_db)) {
      cleanup();
      return Fail(other ? Error{ErrorCode::kUnavailable, "cannot copy the database"}
                        : other.error());
    }
    fmt::print("\nthe same period with the services of {}\n", args.compare_library);
    auto changed = RunOn(other_db, other->library, *period);
    if (!changed) {
      cleanup();
      return Fail(changed.error());
    }
    PrintOutcomeTable(changed->report);
    auto a = OffersOf(base_db);
    auto b = OffersOf(other_db);
    if (!a || !b) {
      cleanup();
      return Fail(a ? b.error() : a.error());
    }
    PrintDiff(*a, *b);
  }
  cleanup();
  return 0;
}

void AddCommon(CLI::App* cmd, RunArgs& args) {
  cmd->add_option("--db", args.db, "the registry (SQLite file)")->required();
  cmd->add_option("--from", args.from, "first day (YYYY-MM-DD)")->required();
  cmd->add_option("--until,--to", args.until, "last day, inclusive (YYYY-MM-DD)")->required();
  cmd->add_option("--feed", args.feed, "feed lines to ingest day by day (JSON lines)");
  cmd->add_option("--library", args.library, "service library folder (default services)");
  cmd->add_option("--services", args.services, "only these services (ids)")->delimiter(',');
  cmd->add_option("--kommune", args.kommuner, "only persons living in these kommuner")
      ->delimiter(',');
  cmd->add_option("--catalog", args.catalog, "data catalog (default catalog/catalog.yaml)");
  cmd->add_option("--chart", args.chart, "write the offers-per-month chart here (SVG)");
  cmd->add_option("--explain", args.explain, "offers to print with explanation (default 3)");
}

}  // namespace

void RegisterRunCommands(CLI::App& app) {
  auto run_args = std::make_shared<RunArgs>();
  auto* run = app.add_subcommand("run", "run the proactive engine over a period");
  AddCommon(run, *run_args);
  run->add_option("--deliver-config", run_args->deliver_config,
                  "deliver the outbox at 10:00 each day through this delivery configuration")
      ->check(CLI::ExistingFile);
  run->add_option("--delivery-chart", run_args->delivery_chart,
                  "with --deliver-config: write the messages-per-month chart here (SVG)");
  run->callback([run_args] { std::exit(Run(*run_args)); });

  auto sim_args = std::make_shared<RunArgs>();
  auto* sim = app.add_subcommand("simulate", "dry-run services over a population, with a chart");
  AddCommon(sim, *sim_args);
  sim->add_option("--compare-library", sim_args->compare_library,
                  "a changed service library: who gains and who loses an offer");
  sim->callback([sim_args] { std::exit(Simulate(*sim_args)); });
}

}  // namespace proaktiv::cli

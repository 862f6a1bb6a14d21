#include "cli/deliver_command.h"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "common/clock.h"
#include "common/progress.h"
#include "delivery/channel_factory.h"
#include "delivery/dispatcher.h"
#include "delivery/sms_window.h"
#include "store/store.h"

namespace proaktiv::cli {
namespace {

struct DeliverArgs {
  std::string db;
  std::string config = "config/delivery.yaml";
  bool once = false;
  bool until_empty = false;
  std::string today;
  int batch = 200;
};

void PrintSummary(const delivery::DispatchReport& r, store::RegistryStore& store, int64_t today) {
  fmt::print(
      "messages handled: {} attempts, {} deferred, {} re-routed, {} reminders queued, "
      "{} recovered after a crash\n",
      r.attempts, r.deferred, r.rerouted, r.reminders, r.recovered);
  for (const auto& [channel, statuses] : r.by_channel) {
    fmt::print("  {:<8}", channel);
    for (const auto& [status, n] : statuses) fmt::print(" {} {}", status, n);
    fmt::print("\n");
  }
  auto counts = store.outbox().CountByDay("", 0, static_cast<int32_t>(today + 366));
  if (!counts) return;
  std::map<std::string, std::map<std::string, int64_t>> all;
  for (const auto& c : *counts) all[c.channel][std::string(store::Name(c.status))] += c.count;
  fmt::print("outbox now:\n");
  for (const auto& [channel, statuses] : all) {
    fmt::print("  {:<8}", channel);
    for (const auto& [status, n] : statuses) fmt::print(" {} {}", status, n);
    fmt::print("\n");
  }
}

// --today: "YYYY-MM-DD" starts at the current time of day on that date; "YYYY-MM-DDTHH:MM"
// at that time of day in Norway (whole hours after midnight, so on the two days a year the
// clocks change it is an hour off).
Result<std::chrono::system_clock::time_point> ParseStart(const std::string& text) {
  PROAKTIV_ASSIGN_OR_RETURN(CivilDate day, CivilDate::Parse(text.substr(0, 10)));
  if (text.size() == 10) {
    const auto shift = std::chrono::days(day.days() - SystemClock().TodayInNorway().days());
    return std::chrono::system_clock::now() + shift;
  }
  int hour = -1;
  int minute = -1;
  char tail = 0;
  if (text.size() != 16 || text[10] != 'T' ||
      std::sscanf(text.c_str() + 11, "%2d:%2d%c", &hour, &minute, &tail) != 2 || hour > 23 ||
      minute > 59 || hour < 0 || minute < 0) {
    return InvalidArgument("expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (Norwegian time)");
  }
  return std::chrono::system_clock::time_point(
      std::chrono::seconds(delivery::StartOfDayInNorway(day) + hour * 3600 + minute * 60));
}

int Run(const DeliverArgs& args) {
  auto config = delivery::DeliveryConfig::LoadFile(args.config);
  if (!config) {
    fmt::print(stderr, "error: {}\n", config.error().message);
    return 2;
  }
  auto templates = delivery::Templates::LoadFile(config->templates_path);
  if (!templates) {
    fmt::print(stderr, "error: {}\n", templates.error().message);
    return 2;
  }
  std::unique_ptr<Clock> clock = std::make_unique<SystemClock>();
  if (!args.today.empty()) {
    auto start = ParseStart(args.today);
    if (!start) {
      fmt::print(stderr, "error: --today '{}': {}\n", args.today, start.error().message);
      return 2;
    }
    clock = std::make_unique<ShiftedClock>(*start - std::chrono::system_clock::now());
  }
  auto store = store::OpenSqliteStore(args.db);
  if (!store) {
    fmt::print(stderr, "error: {}\n", store.error().message);
    return 2;
  }
  std::vector<std::string> unconfigured;
  auto channels = delivery::MakeChannels(*config, *clock, &unconfigured);
  if (!channels) {
    fmt::print(stderr, "error: {}: {}\n", args.config, channels.error().message);
    return 2;
  }
  for (const std::string& note : unconfigured) {
    fmt::print(stderr, "warning: {}; its messages stay queued\n", note);
  }
  delivery::Dispatcher dispatcher(**store, *config, *templates, std::move(*channels), *clock,
                                  static_cast<uint64_t>(clock->Now().time_since_epoch().count()));
  delivery::DispatchReport total;
  auto recovered = dispatcher.Recover();
  if (!recovered) {
    fmt::print(stderr, "error: {}\n", recovered.error().ToString());
    return 1;
  }
  total.Merge(*recovered);
  Progress progress;
  Result<delivery::DispatchReport> run;
  if (args.once) {
    run = dispatcher.RunOnce(args.batch);
  } else {
    run = dispatcher.RunUntilIdle(args.batch, std::chrono::seconds(5), {},
                                  [&](const delivery::DispatchReport& r) {
                                    progress.Report("messages", r.attempts + r.deferred, 0);
                                  });
  }
  progress.Finish();
  if (!run) {
    fmt::print(stderr, "error: {}\n", run.error().ToString());
    return 1;
  }
  total.Merge(*run);
  PrintSummary(total, **store, clock->TodayInNorway().days());
  return 0;
}

}  // namespace

void RegisterDeliverCommand(CLI::App& app) {
  auto args = std::make_shared<DeliverArgs>();
  CLI::App* cmd = app.add_subcommand("deliver", "Drain the delivery outbox through the channels");
  cmd->add_option("--db", args->db, "SQLite database file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--config", args->config, "Delivery configuration (YAML)")
      ->check(CLI::ExistingFile);
  auto once = cmd->add_flag("--once", args->once, "One pass over the messages due now");
  auto until = cmd->add_flag("--until-empty", args->until_empty,
                             "Passes until nothing is due now (the default)");
  once->excludes(until);
  cmd->add_option("--today", args->today,
                  "Run as of this date (YYYY-MM-DD: at the current time of day) or moment "
                  "(YYYY-MM-DDTHH:MM, Norwegian time); time runs on from there");
  cmd->add_option("--batch", args->batch, "Messages per pass")->check(CLI::PositiveNumber);
  cmd->callback([args] {
    int status = Run(*args);
    if (status != 0) throw CLI::RuntimeError(status);
  });
}

}  // namespace proaktiv::cli

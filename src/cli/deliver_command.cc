#include "cli/deliver_command.h"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "cli/delivery_run.h"
#include "common/clock.h"
#include "common/progress.h"
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
  auto run = DeliveryRun::Open(**store, args.config, std::move(clock));
  if (!run) {
    fmt::print(stderr, "error: {}\n", run.error().ToString());
    return 2;
  }
  Progress progress;
  Result<delivery::DispatchReport> pass;
  if (args.once) {
    pass = (*run)->RunOnce(args.batch);
  } else {
    pass = (*run)->RunUntilIdle(args.batch, [&](const delivery::DispatchReport& r) {
      progress.Report("messages", r.attempts + r.deferred, 0);
    });
  }
  progress.Finish();
  if (!pass) {
    fmt::print(stderr, "error: {}\n", pass.error().ToString());
    return 1;
  }
  PrintDeliverySummary((*run)->total(), **store, (*run)->clock().TodayInNorway());
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

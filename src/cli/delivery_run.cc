#include "cli/delivery_run.h"

#include <map>

#include <fmt/format.h>

#include "cli/per_month_report.h"

#include "delivery/channel_factory.h"
#include "delivery/sms_window.h"

namespace proaktiv::cli {

Result<std::unique_ptr<DeliveryRun>> DeliveryRun::Open(store::RegistryStore& store,
                                                       const std::string& config_path,
                                                       std::unique_ptr<Clock> clock) {
  std::unique_ptr<DeliveryRun> run(new DeliveryRun());
  run->store_ = &store;
  run->clock_ = std::move(clock);
  PROAKTIV_ASSIGN_OR_RETURN(run->config_, delivery::DeliveryConfig::LoadFile(config_path));
  PROAKTIV_ASSIGN_OR_RETURN(run->templates_,
                            delivery::Templates::LoadFile(run->config_.templates_path));
  std::vector<std::string> unconfigured;
  auto channels = delivery::MakeChannels(run->config_, *run->clock_, &unconfigured);
  if (!channels) {
    return tl::unexpected(channels.error().WithContext(config_path));
  }
  for (const std::string& note : unconfigured) {
    fmt::print(stderr, "warning: {}; its messages stay queued\n", note);
  }
  run->dispatcher_ = std::make_unique<delivery::Dispatcher>(
      store, run->config_, *run->templates_, std::move(*channels), *run->clock_,
      static_cast<uint64_t>(run->clock_->Now().time_since_epoch().count()));
  PROAKTIV_ASSIGN_OR_RETURN(auto recovered, run->dispatcher_->Recover());
  run->total_.Merge(recovered);
  return run;
}

Result<std::unique_ptr<DeliveryRun>> DeliveryRun::OpenSimulated(store::RegistryStore& store,
                                                                const std::string& config_path) {
  auto clock = std::make_unique<FakeClock>(std::chrono::system_clock::now());
  FakeClock* simulated = clock.get();
  PROAKTIV_ASSIGN_OR_RETURN(auto run, Open(store, config_path, std::move(clock)));
  run->simulated_ = simulated;
  return run;
}

Result<delivery::DispatchReport> DeliveryRun::RunOnce(int batch) {
  PROAKTIV_ASSIGN_OR_RETURN(auto report, dispatcher_->RunOnce(batch));
  total_.Merge(report);
  return report;
}

Result<delivery::DispatchReport> DeliveryRun::RunUntilIdle(
    int batch, const std::function<void(const delivery::DispatchReport&)>& progress) {
  PROAKTIV_ASSIGN_OR_RETURN(
      auto report, dispatcher_->RunUntilIdle(batch, std::chrono::seconds(5), {}, progress));
  total_.Merge(report);
  return report;
}

Result<delivery::DispatchReport> DeliveryRun::RunDay(CivilDate day, int batch) {
  FakeClock* fake = simulated_;
  if (fake == nullptr) return Internal("DeliveryRun::RunDay needs a run opened simulated");
  fake->Set(std::chrono::system_clock::time_point(
      std::chrono::seconds(delivery::StartOfDayInNorway(day) + 10 * 3600)));
  PROAKTIV_ASSIGN_OR_RETURN(
      auto report,
      dispatcher_->RunUntilIdle(batch, std::chrono::seconds(5),
                                [fake](std::chrono::seconds wait) { fake->Advance(wait); }));
  total_.Merge(report);
  return report;
}

void PrintDeliverySummary(const delivery::DispatchReport& r, store::RegistryStore& store,
                          CivilDate today) {
  fmt::print(
      "messages handled: {} attempts, {} deferred, {} re-routed, {} reminders queued, "
      "{} recovered after a crash\n",
      r.attempts, r.deferred, r.rerouted, r.reminders, r.recovered);
  auto counts = store.outbox().CountByDay("", 0, static_cast<int32_t>(today.days() + 366));
  if (!counts) {
    fmt::print(stderr, "error: {}\n", counts.error().message);
    return;
  }
  std::map<std::string, std::map<std::string, int64_t>> all;
  for (const auto& c : *counts) all[c.channel][std::string(store::Name(c.status))] += c.count;
  fmt::print("outbox now, messages per channel and status:\n");
  for (const auto& [channel, statuses] : all) {
    fmt::print("  {:<8}", channel);
    for (const auto& [status, n] : statuses) fmt::print(" {} {}", status, n);
    fmt::print("\n");
  }
}

Status PrintDeliveredPerMonth(store::RegistryStore& store, CivilDate from, CivilDate until,
                              const std::string& chart_file) {
  PROAKTIV_ASSIGN_OR_RETURN(auto counts, store.outbox().CountByDay("", from.days(), until.days()));
  PerMonthCounts table{"messages that reached their recipients, per month",
                       "channel",
                       fmt::format("Messages delivered per month and channel, {} – {}",
                                   from.ToString(), until.ToString()),
                       "messages",
                       {}};
  for (const auto& c : counts) {
    if (!store::Reached(c.status)) continue;
    table.counts[c.channel][CivilDate::FromDays(c.day).ToString().substr(0, 7)] += c.count;
  }
  return PrintPerMonth(table, chart_file);
}

}  // namespace proaktiv::cli

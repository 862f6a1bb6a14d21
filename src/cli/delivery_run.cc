#include "cli/delivery_run.h"

#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "common/svg_chart.h"

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
  auto* fake = dynamic_cast<FakeClock*>(clock_.get());
  if (fake == nullptr) return Internal("DeliveryRun::RunDay needs a simulated clock");
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
  std::set<std::string> months;
  std::map<std::string, std::map<std::string, int64_t>> by_channel;  // channel → month → n
  for (const auto& c : counts) {
    if (!store::Reached(c.status)) continue;
    const std::string month = CivilDate::FromDays(c.day).ToString().substr(0, 7);
    months.insert(month);
    by_channel[c.channel][month] += c.count;
  }
  fmt::print("\nmessages that reached their recipients, per month:\n{:<10}", "channel");
  for (const auto& m : months) fmt::print(" {:>8}", m);
  fmt::print(" {:>9}\n", "total");
  ChartSpec chart;
  chart.title = fmt::format("Messages delivered per month and channel, {} – {}", from.ToString(),
                            until.ToString());
  chart.y_label = "messages";
  chart.kind = ChartSpec::Kind::kStackedBar;
  chart.categories.assign(months.begin(), months.end());
  for (const auto& [channel, per_month] : by_channel) {
    fmt::print("{:<10}", channel);
    ChartSeries series{channel, {}};
    int64_t total = 0;
    for (const auto& m : months) {
      auto it = per_month.find(m);
      const int64_t n = it == per_month.end() ? 0 : it->second;
      total += n;
      series.values.push_back(static_cast<double>(n));
      fmt::print(" {:>8}", n);
    }
    fmt::print(" {:>9}\n", total);
    chart.series.push_back(std::move(series));
  }
  if (chart_file.empty() || chart.categories.empty()) return {};
  PROAKTIV_ASSIGN_OR_RETURN(std::string svg, RenderSvgChart(chart));
  std::ofstream out(chart_file);
  if (!(out << svg)) return Unavailable(fmt::format("cannot write chart '{}'", chart_file));
  fmt::print("chart: {}\n", chart_file);
  return {};
}

}  // namespace proaktiv::cli

#pragma once

// Delivery as the CLI runs it: the configuration, templates and channels loaded once, then the
// dispatcher (delivery/dispatcher.h) draining the outbox of one store. `proaktiv deliver` runs
// it once on the real (or shifted) clock; `proaktiv run --deliver-config` runs it at 10:00
// Norwegian time of each simulated day, so that offers reach their recipients on the day they
// are made and reminders fall due as the year goes on.
//
// Not thread-safe; used from the thread that uses the store. The store must outlive it.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/civil_date.h"
#include "common/clock.h"
#include "common/result.h"
#include "delivery/delivery_config.h"
#include "delivery/dispatcher.h"
#include "delivery/templates.h"
#include "store/store.h"

namespace proaktiv::cli {

class DeliveryRun {
 public:
  // Loads `config_path` and its templates and builds the channels on `clock` (owned). A channel
  // without an endpoint is noted on stderr and its messages stay queued; a configuration error
  // is an error naming the file. Queues messages a crash left in 'sending' again.
  static Result<std::unique_ptr<DeliveryRun>> Open(store::RegistryStore& store,
                                                   const std::string& config_path,
                                                   std::unique_ptr<Clock> clock);
  // The same on a simulated clock, which RunDay sets to each day.
  static Result<std::unique_ptr<DeliveryRun>> OpenSimulated(store::RegistryStore& store,
                                                            const std::string& config_path);

  // One pass of at most `batch` messages.
  Result<delivery::DispatchReport> RunOnce(int batch);
  // Passes until nothing is due now (see Dispatcher::RunUntilIdle); the running total goes to
  // `progress` after each pass.
  Result<delivery::DispatchReport> RunUntilIdle(
      int batch, const std::function<void(const delivery::DispatchReport&)>& progress = {});
  // At 10:00 Norwegian time of `day` on the simulated clock (OpenSimulated only), passes until
  // idle; waits for rate limits move the simulated clock on.
  Result<delivery::DispatchReport> RunDay(CivilDate day, int batch = 500);

  const delivery::DispatchReport& total() const { return total_; }
  const Clock& clock() const { return *clock_; }

 private:
  DeliveryRun() = default;

  store::RegistryStore* store_ = nullptr;
  std::unique_ptr<Clock> clock_;
  FakeClock* simulated_ = nullptr;  // clock_, when opened simulated
  delivery::DeliveryConfig config_;
  std::optional<delivery::Templates> templates_;
  std::unique_ptr<delivery::Dispatcher> dispatcher_;
  delivery::DispatchReport total_;
};

// The pass's figures and the outbox's status counts per channel, on stdout.
void PrintDeliverySummary(const delivery::DispatchReport& report, store::RegistryStore& store,
                          CivilDate today);

// The messages that reached their recipients (sent or delivered) per month of their creation and
// channel, from `from` to `until`, as a table on stdout and, when `chart_file` is not empty, a
// stacked-bar SVG chart there.
Status PrintDeliveredPerMonth(store::RegistryStore& store, CivilDate from, CivilDate until,
                              const std::string& chart_file);

}  // namespace proaktiv::cli

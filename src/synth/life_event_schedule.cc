#include "synth/life_event_schedule.h"

#include <algorithm>
#include <utility>

namespace proaktiv::synth {
namespace {

constexpr double kNorway = 5550203.0;

}  // namespace

std::vector<ScheduledLifeEvent> ScheduleLifeEvents(const SimulationOptions& options,
                                                   double household_size, double outside_share,
                                                   Rng& rng) {
  const double years = (options.to.days() - options.from.days()) / 365.25;
  const double scale = static_cast<double>(options.selected_population) / kNorway * years;
  const double entries = scale * (52000 * 5 + 44000 * 1.5 + 750000 + 18000 * 2.4 + 9000 * 3);
  const std::vector<std::pair<LifeEventKind, double>> means = {
      {LifeEventKind::kBirth, 52000 * scale},
      {LifeEventKind::kStillbirth, 180 * scale},
      {LifeEventKind::kDeath, 44000 * scale},
      {LifeEventKind::kMoveBetween, 250000 * scale / household_size},
      {LifeEventKind::kMoveIn, 250000 * scale * outside_share / household_size},
      {LifeEventKind::kMoveWithin, 500000 * scale / household_size},
      {LifeEventKind::kMarriage, 18000 * scale},
      {LifeEventKind::kDivorce, 9000 * scale},
      {LifeEventKind::kCorrection, 0.004 * entries},
      {LifeEventKind::kAnnulment, 0.001 * entries},
  };
  std::vector<ScheduledLifeEvent> events;
  const int32_t span = std::max(1, options.to.days() - options.from.days());
  for (const auto& [kind, mean] : means) {
    const int64_t n = rng.Poisson(mean);
    for (int64_t i = 0; i < n; ++i) {
      const int32_t day =
          options.from.days() + static_cast<int32_t>(rng.Below(static_cast<uint32_t>(span)));
      const int32_t millis = 7 * 3600000 + static_cast<int32_t>(rng.Below(12 * 3600000));
      events.push_back(ScheduledLifeEvent{day, millis, kind});
    }
  }
  std::sort(events.begin(), events.end(),
            [](const ScheduledLifeEvent& a, const ScheduledLifeEvent& b) {
              if (a.day != b.day) return a.day < b.day;
              if (a.millis != b.millis) return a.millis < b.millis;
              return a.kind < b.kind;
            });
  return events;
}

}  // namespace proaktiv::synth

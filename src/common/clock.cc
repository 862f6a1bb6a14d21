#include "common/clock.h"

#include <date/tz.h>

namespace proaktiv {

CivilDate Clock::TodayInNorway() const {
  static const date::time_zone* oslo = date::locate_zone("Europe/Oslo");
  auto local = oslo->to_local(Now());
  auto days = std::chrono::floor<std::chrono::days>(local.time_since_epoch());
  return CivilDate::FromDays(static_cast<int32_t>(days.count()));
}

}  // namespace proaktiv

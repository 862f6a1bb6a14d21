#pragma once

// SMS notices go out between 09:00 and 17:00 Norwegian time (Europe/Oslo, summer time
// included); outside those hours they wait for the next window. Stateless and thread-safe.

#include <chrono>
#include <cstdint>

#include "common/civil_date.h"

namespace proaktiv::delivery {

// True when `t` falls in [09:00, 17:00) local time in Norway.
bool InSmsWindow(std::chrono::system_clock::time_point t);

// `t` itself inside the window; otherwise the next 09:00 in Norway (today's when before 09:00,
// tomorrow's when 17:00 or later).
std::chrono::system_clock::time_point NextSmsWindow(std::chrono::system_clock::time_point t);

// 00:00 of `day` in Norway, in seconds since 1970-01-01 UTC.
int64_t StartOfDayInNorway(CivilDate day);
// The Norwegian calendar day of `seconds` since 1970-01-01 UTC.
CivilDate DayInNorway(int64_t seconds);

}  // namespace proaktiv::delivery

#include "delivery/sms_window.h"

#include <date/tz.h>

namespace proaktiv::delivery {
namespace {

constexpr auto kOpens = std::chrono::hours(9);
constexpr auto kCloses = std::chrono::hours(17);

const date::time_zone* Oslo() {
  static const date::time_zone* zone = date::locate_zone("Europe/Oslo");
  return zone;
}

}  // namespace

bool InSmsWindow(std::chrono::system_clock::time_point t) {
  auto local = Oslo()->to_local(t);
  auto since_midnight = local - std::chrono::floor<std::chrono::days>(local);
  return since_midnight >= kOpens && since_midnight < kCloses;
}

std::chrono::system_clock::time_point NextSmsWindow(std::chrono::system_clock::time_point t) {
  if (InSmsWindow(t)) return t;
  auto local = Oslo()->to_local(t);
  auto midnight = std::chrono::floor<std::chrono::days>(local);
  auto opens = midnight + kOpens;
  if (local >= opens) opens += std::chrono::days(1);
  // 09:00 exists on every day in Norway (the clocks change at 02:00 and 03:00).
  return Oslo()->to_sys(date::local_seconds(std::chrono::floor<std::chrono::seconds>(opens)));
}

int64_t StartOfDayInNorway(CivilDate day) {
  const date::local_seconds midnight{std::chrono::seconds(int64_t{day.days()} * 86400)};
  // Midnight exists on every day in Norway; `earliest` settles the impossible ambiguity.
  return Oslo()->to_sys(midnight, date::choose::earliest).time_since_epoch().count();
}

CivilDate DayInNorway(int64_t seconds) {
  auto local = Oslo()->to_local(date::sys_seconds(std::chrono::seconds(seconds)));
  auto days = std::chrono::floor<std::chrono::days>(local).time_since_epoch().count();
  return CivilDate::FromDays(static_cast<int32_t>(days));
}

}  // namespace proaktiv::delivery

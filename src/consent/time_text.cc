#include "consent/time_text.h"

#include <fmt/format.h>

#include "common/civil_date.h"

namespace proaktiv::consent {
namespace {

constexpr int64_t kDayMs = 86'400'000;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool Digits(std::string_view s, size_t at, size_t n, int* out) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string FormatUtc(int64_t unix_ms) {
  const int64_t day = FloorDiv(unix_ms, kDayMs);
  const int64_t in_day = (unix_ms - day * kDayMs) / 1000;
  const CivilDate date = CivilDate::FromDays(static_cast<int32_t>(day));
  return fmt::format("{}T{:02}:{:02}:{:02}Z", date.ToString(), in_day / 3600, in_day / 60 % 60,
                     in_day % 60);
}

Result<int64_t> ParseUtc(std::string_view text, std::string_view field) {
  auto bad = [&] {
    return InvalidArgument(fmt::format("{} '{}' is not a date-time like 2026-03-01T12:00:00Z",
                                       field, text.substr(0, 40)));
  };
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return bad();
  auto date = CivilDate::Parse(text.substr(0, 10));
  if (!date) return bad();
  int hour = 0, minute = 0, second = 0;
  if (!Digits(text, 11, 2, &hour) || !Digits(text, 14, 2, &minute) ||
      !Digits(text, 17, 2, &second) || hour > 23 || minute > 59 || second > 59) {
    return bad();
  }
  size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start) return bad();
  }
  int64_t offset_minutes = 0;
  const std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    offset_minutes = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh = 0, om = 0;
    if (!Digits(zone, 1, 2, &oh) || !Digits(zone, 4, 2, &om) || oh > 23 || om > 59) return bad();
    offset_minutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return bad();
  }
  return int64_t{date->days()} * kDayMs +
         ((hour * 60 + minute - offset_minutes) * 60 + second) * int64_t{1000};
}

}  // namespace proaktiv::consent

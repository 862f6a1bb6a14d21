#pragma once

// Times as consent documents write them: RFC 3339 in UTC ("2026-03-01T12:00:00Z"), and Unix
// milliseconds inside. Pure functions; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace proaktiv::consent {

// "YYYY-MM-DDTHH:MM:SSZ" (seconds; milliseconds are dropped).
std::string FormatUtc(int64_t unix_ms);
// Parses "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)"; the error names `field` and the
// value.
Result<int64_t> ParseUtc(std::string_view text, std::string_view field);

}  // namespace proaktiv::consent

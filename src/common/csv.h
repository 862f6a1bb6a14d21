#pragma once

// Splits CSV text (RFC 4180: fields may be double-quoted, "" inside quotes is a quote) into rows.

#include <string>
#include <string_view>
#include <vector>

namespace proaktiv {

std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

}  // namespace proaktiv

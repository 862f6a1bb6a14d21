#pragma once

// Counts per series and month, printed as a table (a row per series, a column per month, and
// the total) and, when asked, drawn as a stacked-bar SVG chart. Shared by the offers and the
// delivery reports of `proaktiv run`.

#include <cstdint>
#include <map>
#include <string>

#include "common/result.h"

namespace proaktiv::cli {

struct PerMonthCounts {
  std::string heading;      // the line above the table, e.g. "offers per month (decided)"
  std::string series_name;  // the first column's heading, e.g. "service"
  std::string title;        // the chart's title
  std::string y_label;      // the chart's y axis, e.g. "offers"
  std::map<std::string, std::map<std::string, int64_t>> counts;  // series → "YYYY-MM" → n
};

// Prints the table on stdout; writes the chart to `chart_file` unless it is empty or there is
// no month to draw. Unavailable when the chart cannot be written.
Status PrintPerMonth(const PerMonthCounts& table, const std::string& chart_file);

}  // namespace proaktiv::cli

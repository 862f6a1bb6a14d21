#include "cli/per_month_report.h"

#include <fstream>
#include <set>

#include <fmt/format.h>

#include "common/svg_chart.h"

namespace proaktiv::cli {

Status PrintPerMonth(const PerMonthCounts& table, const std::string& chart_file) {
  std::set<std::string> months;
  for (const auto& [series, per_month] : table.counts) {
    for (const auto& [month, n] : per_month) months.insert(month);
  }
  fmt::print("\n{}:\n{:<22}", table.heading, table.series_name);
  for (const auto& m : months) fmt::print(" {:>8}", m);
  fmt::print(" {:>9}\n", "total");
  ChartSpec chart;
  chart.title = table.title;
  chart.y_label = table.y_label;
  chart.kind = ChartSpec::Kind::kStackedBar;
  chart.categories.assign(months.begin(), months.end());
  for (const auto& [name, per_month] : table.counts) {
    fmt::print("{:<22}", name);
    ChartSeries series{name, {}};
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

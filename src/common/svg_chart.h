#pragma once

// Small, dependency-free SVG charts for reports: grouped bars, stacked bars and lines, e.g. offers
// per month per service from a simulation.
//
// The output is a standalone SVG document that browsers, report tools and screen readers accept:
// an XML declaration, <svg role="img"> with <title> and <desc>, a y axis with "nice" ticks,
// category labels (rotated and thinned when crowded), a legend, the Okabe–Ito colour-blind-safe
// palette, and a "series, category: value" <title> tooltip on every bar and point. All caller text
// is XML-escaped. Rendering is deterministic: the same ChartSpec always yields the same bytes
// (fixed precision, no locale, no clock), so golden tests can compare output.
//
// All functions here are pure and thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace proaktiv {

// One line, or one colour of bars: values[i] belongs to ChartSpec::categories[i].
struct ChartSeries {
  std::string name;  // shown in the legend and the tooltips
  std::vector<double> values;
};

struct ChartSpec {
  enum class Kind {
    kGroupedBar,  // one bar per series side by side in each category; values may be negative
    kStackedBar,  // series stacked in order on one bar per category; values must be >= 0
    kLine,        // one polyline per series through the category centres; values may be negative
  };

  std::string title;                    // drawn above the plot and used as the SVG <title>
  std::string y_label;                  // drawn rotated beside the y axis; may be empty
  std::vector<std::string> categories;  // x-axis labels in order, e.g. "2026-01"; at least one
  std::vector<ChartSeries> series;      // drawn and listed in the legend in this order; the
                                        // palette has 8 colours, later series reuse them
  Kind kind = Kind::kGroupedBar;
  int width = 900;   // pixels, 200..10000
  int height = 420;  // pixels, 150..10000
};

// The y-axis scale: ticks at min, min + step, ..., max; min and max are multiples of step.
struct AxisScale {
  double min = 0;
  double max = 1;
  double step = 1;
  int decimals = 0;  // digits after the decimal point in tick labels
};

// Chooses a scale covering [lo, hi] widened to include 0. The step is the smallest of
// 1, 2, 2.5, 5 × 10^n giving at most 6 intervals, where 2.5 × 10^n is only used for steps >= 25
// (so labels need no extra digit). When `integral` (all data are whole numbers) the step is at
// least 1. An empty range becomes [0, 1]. E.g. (0, 7) → 0..8 step 2; (0, 1234) → 0..1250 step 250.
// Requires finite lo <= hi.
AxisScale ChooseAxisScale(double lo, double hi, bool integral);

// Formats `value` with exactly `decimals` (0..6) digits after the point, grouping the integer
// digits in threes with a thin space (U+2009): (12345.5, 1) → "12 345.5". Never prints "-0".
std::string FormatChartNumber(double value, int decimals);

// Escapes & < > " ' for use in XML text and attribute values. Bytes that are not valid UTF-8
// and characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) become
// U+FFFD, so the result is always well-formed.
std::string XmlEscape(std::string_view text);

// Renders `spec` as a standalone SVG document. An empty series list gives axes and a "no data"
// note. Errors (kInvalidArgument, naming the series, category and value): width or height out
// of range, no categories, a series whose length differs from the number of categories, a
// non-finite value, a value beyond ±1e15, a negative value in a stacked bar, or a size too small
// to leave room for the plot.
Result<std::string> RenderSvgChart(const ChartSpec& spec);

}  // namespace proaktiv

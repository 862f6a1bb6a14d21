#include "common/svg_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include <fmt/format.h>

namespace proaktiv {
namespace {

// Okabe & Ito (2008), ordered so that the first colours contrast well on white.
constexpr std::array<std::string_view, 8> kPalette = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                                      "#56B4E9", "#CC79A7", "#F0E442", "#000000"};
constexpr std::string_view kThinSpace = "\xE2\x80\x89";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kSpecial = "&<>\"'";
constexpr std::array<std::string_view, 5> kEntities = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
constexpr double kMaxMagnitude = 1e15;  // whole numbers stay exact in a double up to ~9e15
constexpr int kMaxIntervals = 6;
constexpr double kCharWidth = 7.2;  // rough advance of a 12 px sans-serif glyph, layout only
constexpr double kPad = 10;
constexpr double kLegendRow = 18;

// Length of the valid UTF-8 sequence (allowed in XML) starting at s[i], or 0 if there is none.
size_t Utf8Length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  const unsigned c = b(0), c1 = b(1);
  size_t len = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
  } else {
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
  }
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
      (c == 0xF4 && c1 > 0x8F)) {
    return 0;  // overlong form, surrogate or beyond U+10FFFF
  }
  if (c == 0xEF && c1 == 0xBF && b(2) >= 0xBE) return 0;  // U+FFFE, U+FFFF
  return len;
}

// Number of code points, for estimating text width.
size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

double TextWidth(std::string_view s) { return static_cast<double>(CodePoints(s)) * kCharWidth; }

// The first `max_chars` code points of s, with an ellipsis when something was cut.
std::string Truncate(std::string_view s, size_t max_chars) {
  if (CodePoints(s) <= max_chars) return std::string(s);
  size_t kept = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((s[i] & 0xC0) != 0x80 && kept++ == max_chars - 1) break;
  }
  return std::string(s.substr(0, i)) + std::string(kEllipsis);
}

// A coordinate with one decimal, never "-0.0".
std::string C(double v) { return fmt::format("{:.1f}", std::abs(v) < 0.05 ? 0.0 : v); }

bool IsWhole(double v) { return v == std::floor(v); }

std::string FormatValue(double v) { return FormatChartNumber(v, IsWhole(v) ? 0 : 2); }

std::string_view KindName(ChartSpec::Kind kind) {
  switch (kind) {
    case ChartSpec::Kind::kGroupedBar:
      return "Grouped bar chart";
    case ChartSpec::Kind::kStackedBar:
      return "Stacked bar chart";
    case ChartSpec::Kind::kLine:
      return "Line chart";
  }
  return "Chart";
}

Status Validate(const ChartSpec& spec) {
  if (spec.width < 200 || spec.width > 10000) {
    return InvalidArgument(fmt::format("chart width {} is outside 200..10000", spec.width));
  }
  if (spec.height < 150 || spec.height > 10000) {
    return InvalidArgument(fmt::format("chart height {} is outside 150..10000", spec.height));
  }
  if (spec.categories.empty()) {
    return InvalidArgument(fmt::format("chart \"{}\" has no categories", spec.title));
  }
  for (const ChartSeries& s : spec.series) {
    if (s.values.size() != spec.categories.size()) {
      return InvalidArgument(fmt::format("series \"{}\" has {} values but there are {} categories",
                                         s.name, s.values.size(), spec.categories.size()));
    }
    for (size_t i = 0; i < s.values.size(); ++i) {
      const double v = s.values[i];
      const auto where = [&] {
        return fmt::format("series \"{}\", category \"{}\": value {}", s.name, spec.categories[i],
                           v);
      };
      if (!std::isfinite(v)) return InvalidArgument(where() + " is not finite");
      if (std::abs(v) > kMaxMagnitude) return InvalidArgument(where() + " is beyond ±1e15");
      if (spec.kind == ChartSpec::Kind::kStackedBar && v < 0) {
        return InvalidArgument(where() + " is negative; stacked bars need values >= 0");
      }
    }
  }
  return {};
}

}  // namespace

AxisScale ChooseAxisScale(double lo, double hi, bool integral) {
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi - lo <= 0) hi = 1;
  double magnitude = std::pow(10.0, std::floor(std::log10((hi - lo) / kMaxIntervals)));
  // Four decades always suffice: a step of 10 × the span gives at most 2 intervals.
  for (int decade = 0; decade < 4; ++decade, magnitude *= 10) {
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
      const double step = m * magnitude;
      if ((m == 2.5 && step < 25) || (integral && step < 1)) continue;
      const double kmin = std::floor(lo / step + 1e-9), kmax = std::ceil(hi / step - 1e-9);
      if (kmax - kmin > kMaxIntervals) continue;
      const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
      return AxisScale{kmin * step, kmax * step, step, decimals};
    }
  }
  return AxisScale{lo, hi, hi - lo, 2};  // unreachable for finite input
}

std::string FormatChartNumber(double value, int decimals) {
  std::string s = fmt::format("{:.{}f}", value, std::clamp(decimals, 0, 6));
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  if (s.find_first_not_of("0.") == std::string::npos) negative = false;
  size_t int_end = s.find('.');
  if (int_end == std::string::npos) int_end = s.size();
  std::string out = negative ? "-" : "";
  for (size_t i = 0; i < int_end; ++i) {
    if (i > 0 && (int_end - i) % 3 == 0) out += kThinSpace;
    out += s[i];
  }
  out += s.substr(int_end);
  return out;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t len = Utf8Length(text, i);
      out += len == 0 ? kReplacement : text.substr(i, len);
      i += len == 0 ? 1 : len;
      continue;
    }
    if (const size_t k = kSpecial.find(static_cast<char>(c)); k != std::string_view::npos) {
      out += kEntities[k];
    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += kReplacement;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

Result<std::string> RenderSvgChart(const ChartSpec& spec) {
  PROAKTIV_RETURN_IF_ERROR(Validate(spec));
  using Kind = ChartSpec::Kind;
  const size_t n = spec.categories.size();
  const bool stacked = spec.kind == Kind::kStackedBar;

  // Data range; stacked bars scale to the category totals.
  double lo = 0, hi = 0;
  bool integral = true;
  std::vector<double> totals(n, 0.0);
  for (const ChartSeries& s : spec.series) {
    for (size_t i = 0; i < n; ++i) {
      const double v = s.values[i];
      totals[i] += v;
      lo = std::min(lo, v);
      hi = std::max(hi, stacked ? totals[i] : v);
      integral = integral && IsWhole(v);
    }
  }
  const AxisScale scale = ChooseAxisScale(lo, hi, integral);
  const int intervals = static_cast<int>(std::lround((scale.max - scale.min) / scale.step));
  std::vector<std::string> tick_labels;
  double tick_label_width = 0;
  for (int k = 0; k <= intervals; ++k) {
    tick_labels.push_back(FormatChartNumber(scale.min + k * scale.step, scale.decimals));
    tick_label_width = std::max(tick_label_width, TextWidth(tick_labels.back()));
  }

  // Layout: title, legend rows, plot, category labels below (rotated -45° when they do not fit
  // their band, then cut to the bottom margin; the left margin grows so the first one fits).
  const double width = spec.width, height = spec.height;
  double left = kPad + (spec.y_label.empty() ? 0 : 20) + tick_label_width + 8;
  const double right = width - 20;
  double band = (right - left) / static_cast<double>(n);
  double label_width = 0;
  for (const std::string& c : spec.categories) label_width = std::max(label_width, TextWidth(c));
  const bool rotate = label_width + 6 > band;
  double bottom = 28;
  size_t label_chars = SIZE_MAX, label_every = 1;
  if (rotate) {
    bottom = std::min(26 + label_width * 0.71, height / 3);
    label_chars = static_cast<size_t>(std::max(1.0, (bottom - 26) / 0.71 / kCharWidth));
    const double reach = std::min(bottom - 26, width / 4) - band / 2 + 16;
    left = std::max(left, reach);
    band = (right - left) / static_cast<double>(n);
    label_every = static_cast<size_t>(std::ceil(17 / band));
  }
  double cursor = spec.title.empty() ? kPad : 38;
  std::vector<std::pair<double, double>> legend_at;  // x, y of each swatch
  double legend_x = left;
  int legend_rows = spec.series.empty() ? 0 : 1;
  for (const ChartSeries& s : spec.series) {
    const double item = 12 + 5 + TextWidth(s.name) + 18;
    if (legend_x + item > right && legend_x > left) {
      legend_x = left;
      ++legend_rows;
    }
    legend_at.emplace_back(legend_x, cursor + (legend_rows - 1) * kLegendRow);
    legend_x += item;
  }
  const double plot_top = cursor + legend_rows * kLegendRow + 14;
  const double plot_bottom = height - bottom;
  if (plot_bottom - plot_top < 40) {
    return InvalidArgument(fmt::format(
        "chart height {} leaves no room for the plot with {} legend rows; raise the height",
        spec.height, legend_rows));
  }
  const auto y_of = [&](double v) {
    return plot_bottom - (v - scale.min) / (scale.max - scale.min) * (plot_bottom - plot_top);
  };
  const auto colour = [](size_t s) { return kPalette[s % kPalette.size()]; };

  std::string out;
  auto o = std::back_inserter(out);
  fmt::format_to(o,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                 "viewBox=\"0 0 {0} {1}\" role=\"img\" font-family=\"system-ui, sans-serif\" "
                 "font-size=\"12\" fill=\"#333\">\n",
                 spec.width, spec.height);
  fmt::format_to(o, "<title>{}</title>\n", XmlEscape(spec.title.empty() ? "Chart" : spec.title));
  std::string desc = fmt::format("{} of {} series", KindName(spec.kind), spec.series.size());
  for (size_t s = 0; s < spec.series.size(); ++s) {
    desc += (s == 0 ? " (" : ", ") + spec.series[s].name;
    if (s + 1 == spec.series.size()) desc += ")";
  }
  desc += fmt::format(" over {} categories from {} to {}", n, spec.categories.front(),
                      spec.categories.back());
  if (!spec.y_label.empty()) desc += "; y axis: " + spec.y_label;
  desc += fmt::format(", {} to {}.", tick_labels.front(), tick_labels.back());
  fmt::format_to(o, "<desc>{}</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n",
                 XmlEscape(desc));
  if (!spec.title.empty()) {
    fmt::format_to(o,
                   "<text class=\"chart-title\" x=\"{}\" y=\"26\" font-size=\"16\" "
                   "font-weight=\"bold\">{}</text>\n",
                   C(kPad), XmlEscape(spec.title));
  }

  out += "<g class=\"legend\">\n";
  for (size_t s = 0; s < spec.series.size(); ++s) {
    const auto [x, y] = legend_at[s];
    if (spec.kind == Kind::kLine) {
      fmt::format_to(o,
                     "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
                     "stroke-width=\"3\"/>\n",
                     C(x), C(y + 6), C(x + 12), C(y + 6), colour(s));
    } else {
      fmt::format_to(o, "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", C(x),
                     C(y), colour(s));
    }
    fmt::format_to(o, "<text x=\"{}\" y=\"{}\">{}</text>\n", C(x + 17), C(y + 10),
                   XmlEscape(spec.series[s].name));
  }
  out += "</g>\n<g class=\"y-axis\">\n";
  for (int k = 0; k <= intervals; ++k) {
    const double y = y_of(scale.min + k * scale.step);
    fmt::format_to(o, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ddd\"/>\n", C(left),
                   C(y), C(right), C(y));
    fmt::format_to(o,
                   "<text class=\"y-tick\" x=\"{}\" y=\"{}\" dy=\"0.32em\" "
                   "text-anchor=\"end\">{}</text>\n",
                   C(left - 6), C(y), XmlEscape(tick_labels[static_cast<size_t>(k)]));
  }
  if (!spec.y_label.empty()) {
    const double x = kPad + 10, y = (plot_top + plot_bottom) / 2;
    fmt::format_to(o,
                   "<text class=\"y-label\" x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" "
                   "transform=\"rotate(-90 {0} {1})\">{2}</text>\n",
                   C(x), C(y), XmlEscape(spec.y_label));
  }
  out += "</g>\n<g class=\"x-axis\">\n";
  for (size_t i = 0; i < n; i += label_every) {
    const double x = left + (static_cast<double>(i) + 0.5) * band, y = plot_bottom + 16;
    const std::string& label = spec.categories[i];
    const std::string shown = Truncate(label, label_chars);
    const std::string full = shown == label ? "" : "<title>" + XmlEscape(label) + "</title>";
    if (rotate) {
      fmt::format_to(o,
                     "<text class=\"x-tick\" x=\"{0}\" y=\"{1}\" text-anchor=\"end\" "
                     "transform=\"rotate(-45 {0} {1})\">{2}{3}</text>\n",
                     C(x + 4), C(y - 4), full, XmlEscape(shown));
    } else {
      fmt::format_to(o,
                     "<text class=\"x-tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     C(x), C(y), XmlEscape(shown));
    }
  }
  out += "</g>\n";

  std::vector<double> base(n, 0.0);  // stacked bars: top of the previous series
  const double zero = y_of(0);
  for (size_t s = 0; s < spec.series.size(); ++s) {
    const ChartSeries& series = spec.series[s];
    fmt::format_to(o, "<g class=\"series\" fill=\"{}\">\n", colour(s));
    std::string points, circles;  // lines: circles go after the polyline, on top of it
    for (size_t i = 0; i < n; ++i) {
      const double v = series.values[i];
      const std::string tip =
          XmlEscape(series.name + ", " + spec.categories[i] + ": " + FormatValue(v));
      const double band_x = left + static_cast<double>(i) * band;
      if (spec.kind == Kind::kLine) {
        const double x = band_x + band / 2, y = y_of(v);
        points += (i == 0 ? "" : " ") + C(x) + "," + C(y);
        fmt::format_to(std::back_inserter(circles),
                       "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"3.5\"><title>{}</title>"
                       "</circle>\n",
                       C(x), C(y), tip);
        continue;
      }
      double x, w, y0, y1;
      if (stacked) {
        x = band_x + band * 0.15, w = band * 0.7;
        y0 = y_of(base[i]), y1 = y_of(base[i] + v);
        base[i] += v;
      } else {
        const double slot = band * 0.8 / static_cast<double>(spec.series.size());
        x = band_x + band * 0.1 + static_cast<double>(s) * slot, w = slot * 0.92;
        y0 = zero, y1 = y_of(v);
      }
      fmt::format_to(o,
                     "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">"
                     "<title>{}</title></rect>\n",
                     C(x), C(std::min(y0, y1)), C(w), C(std::abs(y0 - y1)), tip);
    }
    if (spec.kind == Kind::kLine) {
      fmt::format_to(o,
                     "<polyline class=\"line\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" "
                     "points=\"{}\"/>\n{}",
                     colour(s), points, circles);
    }
    out += "</g>\n";
  }
  if (spec.series.empty()) {
    fmt::format_to(o,
                   "<text class=\"no-data\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
                   "fill=\"#666\">no data</text>\n",
                   C((left + right) / 2), C((plot_top + plot_bottom) / 2));
  }
  fmt::format_to(o,
                 "<g class=\"axes\" stroke=\"#333\"><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" "
                 "y2=\"{2}\"/><line x1=\"{0}\" y1=\"{3}\" x2=\"{4}\" y2=\"{3}\"/></g>\n</svg>\n",
                 C(left), C(plot_top), C(plot_bottom), C(zero), C(right));
  return out;
}

}  // namespace proaktiv

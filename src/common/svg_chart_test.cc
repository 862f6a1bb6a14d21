#include "common/svg_chart.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace proaktiv {
namespace {

using Kind = ChartSpec::Kind;

const std::string kThin = "\xE2\x80\x89";
const std::string kFffd = "\xEF\xBF\xBD";

ChartSpec OffersSpec(Kind kind) {
  ChartSpec spec;
  spec.title = "Offers per month";
  spec.y_label = "offers";
  spec.categories = {"2026-01", "2026-02", "2026-03"};
  spec.series = {{"Child benefit", {5, 7, 3}}, {"Pension", {1, 0, 2}}};
  spec.kind = kind;
  return spec;
}

// Renders `spec`, which must succeed, and parses the result into `doc`, which must succeed.
std::string RenderAndParse(const ChartSpec& spec, pugi::xml_document& doc) {
  Result<std::string> svg = RenderSvgChart(spec);
  EXPECT_TRUE(svg) << svg.error().ToString();
  if (!svg) return "";
  const pugi::xml_parse_result parsed = doc.load_string(svg->c_str());
  EXPECT_TRUE(parsed) << parsed.description() << " at " << parsed.offset << "\n" << *svg;
  return *svg;
}

// Text of every element with class `cls`, in document order.
std::vector<std::string> Texts(const pugi::xml_document& doc, const std::string& cls) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& n : doc.select_nodes(("//*[@class='" + cls + "']").c_str())) {
    out.push_back(n.node().child_value());
  }
  return out;
}

// The <title> tooltip of every element with class `cls`.
std::vector<std::string> Tooltips(const pugi::xml_document& doc, const std::string& cls) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& n : doc.select_nodes(("//*[@class='" + cls + "']").c_str())) {
    out.push_back(n.node().child("title").child_value());
  }
  return out;
}

TEST(SvgChartTest, ChoosesNiceTicks) {
  AxisScale s = ChooseAxisScale(0, 7, true);
  EXPECT_EQ(s.min, 0);
  EXPECT_EQ(s.max, 8);
  EXPECT_EQ(s.step, 2);
  s = ChooseAxisScale(0, 1234, true);
  EXPECT_EQ(s.max, 1250);
  EXPECT_EQ(s.step, 250);
  s = ChooseAxisScale(0, 100, true);
  EXPECT_EQ(s.max, 100);
  EXPECT_EQ(s.step, 20);
  s = ChooseAxisScale(0, 1e6, true);
  EXPECT_EQ(s.max, 1e6);
  EXPECT_EQ(s.step, 2e5);
  s = ChooseAxisScale(0, 3, true);  // whole numbers never get fractional ticks
  EXPECT_EQ(s.max, 3);
  EXPECT_EQ(s.step, 1);
  s = ChooseAxisScale(0, 0, true);
  EXPECT_EQ(s.max, 1);
  EXPECT_EQ(s.step, 1);
  s = ChooseAxisScale(-3, 7, true);
  EXPECT_EQ(s.min, -4);
  EXPECT_EQ(s.max, 8);
  EXPECT_EQ(s.step, 2);
  s = ChooseAxisScale(0.05, 0.35, false);  // widened to include 0
  EXPECT_EQ(s.min, 0);
  EXPECT_NEAR(s.max, 0.4, 1e-12);
  EXPECT_NEAR(s.step, 0.1, 1e-12);
  EXPECT_EQ(s.decimals, 1);
  EXPECT_EQ(ChooseAxisScale(0, 0.12, false).decimals, 2);
}

TEST(SvgChartTest, FormatsNumbersWithThinSpaceGrouping) {
  EXPECT_EQ(FormatChartNumber(0, 0), "0");
  EXPECT_EQ(FormatChartNumber(999, 0), "999");
  EXPECT_EQ(FormatChartNumber(1234, 0), "1" + kThin + "234");
  EXPECT_EQ(FormatChartNumber(12345.5, 1), "12" + kThin + "345.5");
  EXPECT_EQ(FormatChartNumber(-1234567, 0), "-1" + kThin + "234" + kThin + "567");
  EXPECT_EQ(FormatChartNumber(-0.001, 2), "0.00");
  EXPECT_EQ(FormatChartNumber(-0.0, 0), "0");
  EXPECT_EQ(FormatChartNumber(2.0 / 3.0, 2), "0.67");
}

TEST(SvgChartTest, EscapesXmlAndRepairsText) {
  EXPECT_EQ(XmlEscape("a&b<c>\"d'e"), "a&amp;b&lt;c&gt;&quot;d&apos;e");
  EXPECT_EQ(XmlEscape("Tromsø, æ\u2009€ 😀"), "Tromsø, æ\u2009€ 😀");
  EXPECT_EQ(XmlEscape("tab\tnew\nline"), "tab\tnew\nline");
  EXPECT_EQ(XmlEscape(std::string("a\x01z")), "a" + kFffd + "z");
  EXPECT_EQ(XmlEscape("\xff"), kFffd);
  EXPECT_EQ(XmlEscape("\xC3"), kFffd);                          // cut-off sequence
  EXPECT_EQ(XmlEscape("\xC0\xAF"), kFffd + kFffd);              // overlong '/'
  EXPECT_EQ(XmlEscape("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // surrogate
  EXPECT_EQ(XmlEscape("\xEF\xBF\xBE"), kFffd + kFffd + kFffd);  // U+FFFE
}

TEST(SvgChartTest, GroupedBarsAreWellFormedAndAccessible) {
  pugi::xml_document doc;
  RenderAndParse(OffersSpec(Kind::kGroupedBar), doc);
  const pugi::xml_node svg = doc.child("svg");
  ASSERT_TRUE(svg);
  EXPECT_STREQ(svg.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_STREQ(svg.attribute("role").value(), "img");
  EXPECT_STREQ(svg.attribute("viewBox").value(), "0 0 900 420");
  EXPECT_STREQ(svg.first_child().name(), "title");
  EXPECT_STREQ(svg.child_value("title"), "Offers per month");
  EXPECT_EQ(std::string(svg.child_value("desc")),
            "Grouped bar chart of 2 series (Child benefit, Pension) over 3 categories from "
            "2026-01 to 2026-03; y axis: offers, 0 to 8.");
  EXPECT_EQ(Tooltips(doc, "bar"),
            (std::vector<std::string>{"Child benefit, 2026-01: 5", "Child benefit, 2026-02: 7",
                                      "Child benefit, 2026-03: 3", "Pension, 2026-01: 1",
                                      "Pension, 2026-02: 0", "Pension, 2026-03: 2"}));
  EXPECT_EQ(Texts(doc, "y-tick"), (std::vector<std::string>{"0", "2", "4", "6", "8"}));
  EXPECT_EQ(Texts(doc, "x-tick"), OffersSpec(Kind::kGroupedBar).categories);
  EXPECT_EQ(Texts(doc, "y-label"), std::vector<std::string>{"offers"});
  EXPECT_EQ(doc.select_nodes("//g[@class='legend']/text").size(), 2u);
  // Okabe–Ito colours, one per series.
  EXPECT_EQ(doc.select_nodes("//g[@class='series'][@fill='#0072B2']").size(), 1u);
  EXPECT_EQ(doc.select_nodes("//g[@class='series'][@fill='#E69F00']").size(), 1u);
}

TEST(SvgChartTest, EscapesAllCallerText) {
  ChartSpec spec = OffersSpec(Kind::kLine);
  spec.title = "Offers <&> \"all\" 'services'";
  spec.y_label = "a<b";
  spec.categories = {"<b>", "Q&A", "it's"};
  spec.series[0].name = "O'Brien & \"Co\" \x02";
  pugi::xml_document doc;
  const std::string svg = RenderAndParse(spec, doc);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_STREQ(doc.child("svg").child_value("title"), "Offers <&> \"all\" 'services'");
  EXPECT_EQ(Texts(doc, "x-tick"), spec.categories);
  EXPECT_EQ(Tooltips(doc, "point")[1], "O'Brien & \"Co\" " + kFffd + ", Q&A: 7");
}

TEST(SvgChartTest, LargeValuesGetGroupedTickLabels) {
  ChartSpec spec = OffersSpec(Kind::kGroupedBar);
  spec.series = {{"Child benefit", {1234, 800, 12}}};
  pugi::xml_document doc;
  RenderAndParse(spec, doc);
  EXPECT_EQ(Texts(doc, "y-tick"),
            (std::vector<std::string>{"0", "250", "500", "750", "1" + kThin + "000",
                                      "1" + kThin + "250"}));
  EXPECT_EQ(Tooltips(doc, "bar")[0], "Child benefit, 2026-01: 1" + kThin + "234");
}

TEST(SvgChartTest, StackedBarsScaleToTotals) {
  ChartSpec spec = OffersSpec(Kind::kStackedBar);
  spec.series = {{"A", {6, 2, 0}}, {"B", {6, 1, 0.5}}};
  pugi::xml_document doc;
  RenderAndParse(spec, doc);
  EXPECT_EQ(Texts(doc, "y-tick").back(), "12");
  // The two segments of the first category span exactly the axis from 0 to 12.
  const auto tick_y = [&](const char* label) {
    const std::string xpath = std::string("//*[@class='y-tick'][text()='") + label + "']";
    return doc.select_node(xpath.c_str()).node().attribute("y").as_double();
  };
  const pugi::xpath_node_set bars = doc.select_nodes("//*[@class='bar']");
  ASSERT_EQ(bars.size(), 6u);
  const double a = bars[0].node().attribute("height").as_double();
  const double b = bars[3].node().attribute("height").as_double();
  EXPECT_NEAR(a, b, 0.11);
  EXPECT_NEAR(a + b, tick_y("0") - tick_y("12"), 0.2);
  EXPECT_NEAR(bars[3].node().attribute("y").as_double(), tick_y("12"), 0.1);
  EXPECT_EQ(Tooltips(doc, "bar")[5], "B, 2026-03: 0.50");

  spec.kind = Kind::kGroupedBar;
  pugi::xml_document grouped;
  RenderAndParse(spec, grouped);
  EXPECT_EQ(Texts(grouped, "y-tick").back(), "6");
}

TEST(SvgChartTest, GroupedBarsAndLinesAllowNegativeValues) {
  ChartSpec spec = OffersSpec(Kind::kLine);
  spec.series = {{"Change", {-3, 7, 0}}};
  pugi::xml_document doc;
  RenderAndParse(spec, doc);
  EXPECT_EQ(Texts(doc, "y-tick"), (std::vector<std::string>{"-4", "-2", "0", "2", "4", "6", "8"}));
  EXPECT_EQ(doc.select_nodes("//polyline[@class='line']").size(), 1u);
  EXPECT_EQ(Tooltips(doc, "point"),
            (std::vector<std::string>{"Change, 2026-01: -3", "Change, 2026-02: 7",
                                      "Change, 2026-03: 0"}));
  spec.kind = Kind::kGroupedBar;
  pugi::xml_document bars;
  RenderAndParse(spec, bars);
  for (const pugi::xpath_node& bar : bars.select_nodes("//*[@class='bar']")) {
    EXPECT_GE(bar.node().attribute("height").as_double(), 0);
  }
}

TEST(SvgChartTest, ReportsBadInputAsValues) {
  ChartSpec spec = OffersSpec(Kind::kStackedBar);
  spec.series[1].values = {1, 2};
  Result<std::string> r = RenderSvgChart(spec);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message, "series \"Pension\" has 2 values but there are 3 categories");

  spec = OffersSpec(Kind::kStackedBar);
  spec.series[1].values[2] = -1;
  EXPECT_EQ(RenderSvgChart(spec).error().message,
            "series \"Pension\", category \"2026-03\": value -1 is negative; stacked bars need "
            "values >= 0");
  spec.kind = Kind::kGroupedBar;
  EXPECT_TRUE(RenderSvgChart(spec));

  spec.series[0].values[1] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(RenderSvgChart(spec).error().message,
            "series \"Child benefit\", category \"2026-02\": value nan is not finite");
  spec.series[0].values[1] = -std::numeric_limits<double>::infinity();
  EXPECT_EQ(RenderSvgChart(spec).error().message,
            "series \"Child benefit\", category \"2026-02\": value -inf is not finite");
  spec.series[0].values[1] = 2e15;
  EXPECT_FALSE(RenderSvgChart(spec));

  spec = OffersSpec(Kind::kLine);
  spec.categories.clear();
  spec.series.clear();
  EXPECT_EQ(RenderSvgChart(spec).error().message, "chart \"Offers per month\" has no categories");

  spec = OffersSpec(Kind::kLine);
  spec.width = 100;
  EXPECT_EQ(RenderSvgChart(spec).error().message, "chart width 100 is outside 200..10000");
  spec.width = 900;
  spec.height = 150;
  spec.series.assign(40, ChartSeries{"a rather long series name", {1, 2, 3}});
  EXPECT_EQ(RenderSvgChart(spec).error().code, ErrorCode::kInvalidArgument);
}

TEST(SvgChartTest, NoSeriesGivesANoDataChart) {
  ChartSpec spec = OffersSpec(Kind::kGroupedBar);
  spec.series.clear();
  pugi::xml_document doc;
  RenderAndParse(spec, doc);
  EXPECT_EQ(Texts(doc, "no-data"), std::vector<std::string>{"no data"});
  EXPECT_EQ(Texts(doc, "y-tick"), (std::vector<std::string>{"0", "1"}));
  EXPECT_TRUE(doc.select_nodes("//*[@class='bar']").empty());
}

TEST(SvgChartTest, CrowdedCategoryLabelsAreRotatedThinnedAndCut) {
  ChartSpec spec = OffersSpec(Kind::kStackedBar);
  spec.categories.clear();
  spec.series = {{"A", {}}};
  for (int i = 0; i < 60; ++i) {
    spec.categories.push_back("Municipality number " + std::to_string(i) +
                              " with a very long name indeed, longer than the margin");
    spec.series[0].values.push_back(i);
  }
  pugi::xml_document doc;
  RenderAndParse(spec, doc);
  const pugi::xpath_node_set ticks = doc.select_nodes("//*[@class='x-tick']");
  EXPECT_GT(ticks.size(), 10u);
  EXPECT_LT(ticks.size(), 60u);
  const pugi::xml_node first = ticks[0].node();
  EXPECT_NE(std::string(first.attribute("transform").value()).find("rotate(-45"),
            std::string::npos);
  EXPECT_EQ(std::string(first.child_value("title")), spec.categories[0]);  // full text on hover
  EXPECT_NE(std::string(first.child_value()).find("\xE2\x80\xA6"), std::string::npos);
  EXPECT_EQ(doc.select_nodes("//*[@class='bar']").size(), 60u);  // every bar is still drawn
}

TEST(SvgChartTest, OutputIsDeterministic) {
  for (Kind kind : {Kind::kGroupedBar, Kind::kStackedBar, Kind::kLine}) {
    ChartSpec spec = OffersSpec(kind);
    spec.series.push_back({"Fractions", {0.1, 1.0 / 3.0, 2.675}});
    const Result<std::string> a = RenderSvgChart(spec);
    const Result<std::string> b = RenderSvgChart(OffersSpec(kind));
    const Result<std::string> c = RenderSvgChart(spec);
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(*a, *c);
    EXPECT_NE(*a, *b);
    EXPECT_EQ(a->find("-0.0"), std::string::npos);
    EXPECT_EQ(a->find("nan"), std::string::npos);
    EXPECT_EQ(a->rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0), 0u);
  }
}

}  // namespace
}  // namespace proaktiv

#include "feel/temporal.h"

#include <gtest/gtest.h>

#include "feel/feel.h"

namespace proaktiv::feel {
namespace {

std::string Eval(std::string_view text) {
  auto v = EvaluateExpression(text, {});
  return v ? v->DebugString() : "ERROR";
}

TEST(TemporalTest, ParseAndFormat) {
  EXPECT_EQ(FormatDate(*ParseDate("2018-12-10")), "2018-12-10");
  EXPECT_EQ(FormatDate(*ParseDate("-0001-01-01")), "-0001-01-01");
  EXPECT_FALSE(ParseDate("2018-02-30"));
  EXPECT_FALSE(ParseDate("18-02-10"));
  EXPECT_EQ(FormatTime(*ParseTime("10:30:00.5+01:00")), "10:30:00.5+01:00");
  EXPECT_EQ(FormatTime(*ParseTime("10:30:00Z")), "10:30:00Z");
  EXPECT_EQ(FormatDateTime(*ParseDateTime("2018-12-10T10:30:00@Europe/Paris")),
            "2018-12-10T10:30:00@Europe/Paris");
  EXPECT_FALSE(ParseTime("25:00:00"));
  EXPECT_FALSE(ParseZone("Mars/Olympus"));
  EXPECT_EQ(FormatDayTimeDuration(*ParseDayTimeDuration("PT36H")), "P1DT12H");
  EXPECT_EQ(FormatDayTimeDuration(*ParseDayTimeDuration("-PT0.5S")), "-PT0.5S");
  EXPECT_EQ(FormatYearMonthDuration(*ParseYearMonthDuration("P14M")), "P1Y2M");
  EXPECT_FALSE(ParseDayTimeDuration("P1Y"));
  EXPECT_FALSE(ParseYearMonthDuration("P1D"));
}

TEST(TemporalTest, Arithmetic) {
  EXPECT_EQ(Eval("date(\"2021-01-31\") + duration(\"P1M\")"), "2021-02-28");
  EXPECT_EQ(Eval("date(\"2021-01-02\") - date(\"2021-01-01\")"), "P1D");
  EXPECT_EQ(Eval("@\"2021-01-01T24:00:00\" + @\"PT1S\""), "2021-01-02T00:00:01");
  EXPECT_EQ(Eval("@\"10:00:00\" + @\"PT3H\""), "13:00:00");
  EXPECT_EQ(Eval("@\"P1Y\" / @\"P6M\""), "2");
  EXPECT_EQ(Eval("@\"PT1H\" * 26"), "P1DT2H");
  EXPECT_EQ(Eval("@\"2021-03-28T01:30:00@Europe/Oslo\" + @\"PT1H\""),
            "2021-03-28T03:30:00@Europe/Oslo");
  EXPECT_EQ(Eval("@\"2021-01-02T10:10:10+01:00\" - @\"2021-01-01\""), "P1DT9H10M10S");
  EXPECT_EQ(Eval("@\"2021-01-01T00:00:00\" - @\"2021-01-02\""), "null");
  EXPECT_EQ(Eval("@\"2021-01-01\" + @\"P1D\" * 365"), "2022-01-01");
}

TEST(TemporalTest, ZonesCompareByInstant) {
  EXPECT_EQ(Eval("@\"2018-10-08T00:00:00+02:00\" = @\"2018-10-08T00:00:00@Europe/Paris\""), "true");
  EXPECT_EQ(Eval("@\"2018-12-08T00:00:00\" = @\"2018-12-08T00:00:00@Asia/Dhaka\""), "false");
  EXPECT_EQ(Eval("@\"2018-12-08T00:00:00\" < @\"2018-12-08T00:00:00Z\""), "null");
  EXPECT_EQ(Eval("time(\"10:30:00+01:00\") = time(\"09:30:00Z\")"), "true");
}

TEST(TemporalTest, CalendarHelpers) {
  EXPECT_EQ(IsoWeekday(0), 4);  // 1970-01-01 was a Thursday
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  CivilFields c = CivilFromDays(DaysFromCivil(-5, 3, 1));
  EXPECT_EQ(c.year, -5);
  EXPECT_EQ(c.month, 3);
}

}  // namespace
}  // namespace proaktiv::feel

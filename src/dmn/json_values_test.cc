#include "dmn/json_values.h"

#include <gtest/gtest.h>

namespace proaktiv::dmn {
namespace {

using feel::Value;

TEST(JsonValuesTest, FeelToJson) {
  feel::Context ctx;
  ctx.Put("n", Value::Int(42));
  ctx.Put("half", Value::Num(*feel::Number::Parse("0.5")));
  ctx.Put("exact", Value::Num(*feel::Number::Parse("1.12345678901234567890123")));
  ctx.Put("s", Value::String("æøå"));
  ctx.Put("d", Value::FromDate(*feel::ParseDate("2024-05-01")));
  ctx.Put("p", Value::FromDuration(*feel::ParseYearMonthDuration("P1Y2M")));
  ctx.Put("l", Value::FromList({Value(), Value::Boolean(true)}));
  EXPECT_EQ(FeelToJsonText(Value::FromContext(ctx)),
            R"({"n":42,"half":0.5,"exact":"1.12345678901234567890123","s":"æøå",)"
            R"("d":"2024-05-01","p":"P1Y2M","l":[null,true]})");
}

TEST(JsonValuesTest, JsonToFeelUsesDeclaredTypes) {
  auto date_type = std::make_shared<DmnType>();
  date_type->name = "date";
  date_type->feel_type = feel::Type::Simple(feel::Type::Kind::kDate);
  DmnType person;
  person.name = "tPerson";
  person.components.emplace_back("born", date_type);
  boost::json::value json = boost::json::parse(R"({"born": "2020-02-29", "name": "Ola"})");
  EXPECT_EQ(JsonToFeel(json, &person).DebugString(), "{born: 2020-02-29, name: \"Ola\"}");
  EXPECT_EQ(JsonToFeel(json, nullptr).DebugString(), "{born: \"2020-02-29\", name: \"Ola\"}");
  EXPECT_EQ(JsonToFeel(boost::json::parse("[1, 2.5, null]"), nullptr).DebugString(),
            "[1, 2.5, null]");
}

}  // namespace
}  // namespace proaktiv::dmn

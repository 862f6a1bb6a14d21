#include "engine/trigger.h"

#include <gtest/gtest.h>

#include "catalog/yaml_util.h"

namespace proaktiv::engine {
namespace {

CivilDate D(const char* iso) { return *CivilDate::Parse(iso); }

std::vector<ParameterSpec> Specs() {
  auto node = catalog::LoadYamlString(R"(
deadline: {type: month-day, default: "03-01", description: {nb: a, nn: b, en: c}}
visit_age: {type: integer, default: 75, description: {nb: a, nn: b, en: c}}
)",
                                      "p.yaml");
  auto specs = ParseParameterSpecs("p.yaml", *node);
  EXPECT_TRUE(specs) << specs.error().ToString();
  return *specs;
}

Result<std::vector<Trigger>> Parse(const char* yaml) {
  auto node = catalog::LoadYamlString(yaml, "t.yaml");
  if (!node) return tl::unexpected(node.error());
  return ParseTriggers("t.yaml", *node, Specs());
}

KommuneParameters Params(int64_t visit_age) {
  KommuneParameters p;
  for (const ParameterSpec& s : Specs()) p.values[s.name] = s.default_value;
  p.values["visit_age"].integer = visit_age;
  return p;
}

TEST(Trigger, DateTriggers) {
  auto t = Parse(R"(
- date: {age: {parameter: visit_age}}
- date: {age: 5, on: "09-01"}
- date: {age: 1, age_by: "11-30", on: {parameter: deadline}, offset_days: -42}
)");
  ASSERT_TRUE(t) << t.error().ToString();
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ((*t)[0].date->DueDate(D("1950-02-28"), Params(75)).ToString(), "2025-02-28");
  EXPECT_EQ((*t)[0].date->DueDate(D("1952-02-29"), Params(73)).ToString(), "2025-02-28");
  EXPECT_EQ((*t)[1].date->DueDate(D("2020-12-31"), Params(75)).ToString(), "2025-09-01");
  EXPECT_EQ((*t)[2].date->DueDate(D("2024-11-30"), Params(75)).ToString(), "2025-01-18");
  EXPECT_EQ((*t)[2].date->DueDate(D("2024-12-01"), Params(75)).ToString(), "2026-01-18");
}

TEST(Trigger, EventTriggers) {
  auto t = Parse(R"(
- event: {types: [personErDoed], subjects: next-of-kin, delay_days: 14}
)");
  ASSERT_TRUE(t) << t.error().ToString();
  const EventTrigger& e = *(*t)[0].event;
  EXPECT_TRUE(e.Matches("personErDoed"));
  EXPECT_FALSE(e.Matches("endringINavn"));
  EXPECT_EQ(e.subjects, Subjects::kNextOfKin);
  EXPECT_EQ(e.delay_days.Resolve(Params(75)).integer, 14);
}

TEST(Trigger, ErrorsNameFileAndLine) {
  auto bad_type = Parse("- event: {types: [doedsfall]}\n");
  ASSERT_FALSE(bad_type);
  EXPECT_EQ(bad_type.error().message,
            "t.yaml:1: event trigger: unknown event type 'doedsfall' (see "
            "data/freg_hendelsestyper.csv)");
  auto wrong_kind = Parse("- date: {age: {parameter: deadline}}\n");
  ASSERT_FALSE(wrong_kind);
  EXPECT_EQ(wrong_kind.error().message,
            "t.yaml:1: age: parameter 'deadline' is a month-day, expected a integer");
  auto both = Parse("- date: {age: 1}\n  event: {types: [personErDoed]}\n");
  EXPECT_FALSE(both);
  auto empty = Parse("[]\n");
  EXPECT_FALSE(empty);
  auto subjects = Parse("- event: {types: [personErDoed], subjects: cousins}\n");
  ASSERT_FALSE(subjects);
  EXPECT_NE(subjects.error().message.find("unknown subjects 'cousins'"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::engine

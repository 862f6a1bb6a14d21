#include "http/api/application_corrections.h"

#include <gtest/gtest.h>

namespace proaktiv::http::api {
namespace {

boost::json::value Kindergarten() {
  return boost::json::parse(R"({
    "child_name": "Ola Nordmann", "child_birth_date": "2025-05-04",
    "parents": ["Kari Nordmann"],
    "address": {"street": "Storgata", "house_number": "1", "postal_code": "0155",
                "postal_place": "OSLO", "kommunenummer": "4601"},
    "kommune": "Bergen", "intake_year": 2026, "start_date": "2026-08-01",
    "application_deadline": "2026-03-01", "guardian_fnr": "Kari", "visit_reason": "age",
    "note": "13097248022", "protected": null})");
}

engine::ServiceDefinition Service() {
  engine::ServiceDefinition def;
  def.id = "kindergarten-place";
  def.deadline.application_field = "application_deadline";
  return def;
}

TEST(ApplicationCorrectionsTest, OnlyTextsAndAddressesThatAreNotComputedOrIdentifying) {
  EXPECT_EQ(EditableFields(Kindergarten(), Service()),
            (std::vector<std::string>{"child_name", "address"}));
  EXPECT_TRUE(EditableFields(nullptr, Service()).empty());
  EXPECT_TRUE(EditableFields(boost::json::array{}, Service()).empty());
}

TEST(ApplicationCorrectionsTest, AppliesCorrectionsKeepingTheRest) {
  auto r = ApplyCorrections(
      Kindergarten(), boost::json::parse(R"({"address": {"street": "Nygata", "house_number": null},
                             "child_name": "Ola Nordmann"})"),
      Service());
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->application.at("address").at("street").as_string(), "Nygata");
  EXPECT_TRUE(r->application.at("address").at("house_number").is_null());
  EXPECT_EQ(r->application.at("address").at("postal_code").as_string(), "0155");
  EXPECT_EQ(r->application.at("start_date").as_string(), "2026-08-01");
  EXPECT_EQ(r->corrected, (std::vector<std::string>{"address"})) << "child_name did not change";
}

TEST(ApplicationCorrectionsTest, RefusalsNameTheField) {
  struct Case {
    const char* corrections;
    const char* detail;
  };
  for (const Case& c : {
           Case{R"({"start_date": "2027-01-01"})", "application.start_date cannot be corrected"},
           Case{R"({"intake_year": 2027})", "application.intake_year cannot be corrected"},
           Case{R"({"parents": []})", "application.parents cannot be corrected"},
           Case{R"({"note": "x"})", "application.note cannot be corrected"},
           Case{R"({"guardian_fnr": "x"})", "application.guardian_fnr cannot be corrected"},
           Case{R"({"protected": "x"})", "application.protected cannot be corrected"},
           Case{R"({"unknown": "x"})", "application.unknown cannot be corrected"},
           Case{R"({"child_name": ["Ola"]})", "application.child_name must be a text"},
           Case{R"({"child_name": ""})", "application.child_name must not be blank"},
           Case{R"({"address": null})", "application.address must be an object"},
           Case{R"({"address": {"city": "Bergen"}})", "application.address.city is not a part"},
           Case{R"({"address": {"street": true}})", "application.address.street must be a text"},
       }) {
    auto r = ApplyCorrections(Kindergarten(), boost::json::parse(c.corrections), Service());
    ASSERT_FALSE(r) << c.corrections;
    EXPECT_EQ(r.error().status, 422);
    EXPECT_EQ(r.error().code, "invalid-application");
    EXPECT_NE(r.error().detail.find(c.detail), std::string::npos) << r.error().detail;
  }
  auto listed =
      ApplyCorrections(Kindergarten(), boost::json::parse(R"({"kommune": "Oslo"})"), Service());
  ASSERT_FALSE(listed);
  EXPECT_NE(listed.error().detail.find("you may correct are: child_name, address"),
            std::string::npos)
      << listed.error().detail;
  auto too_long = ApplyCorrections(
      Kindergarten(), boost::json::object{{"child_name", std::string(501, 'a')}}, Service());
  EXPECT_FALSE(too_long);
  auto not_object = ApplyCorrections(Kindergarten(), boost::json::array{}, Service());
  EXPECT_FALSE(not_object);
}

}  // namespace
}  // namespace proaktiv::http::api

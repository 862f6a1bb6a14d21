// The six services of services/: each loads from the real library and decides correctly for
// constructed persons.

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "engine/service_bundle.h"
#include "engine/test_persons.h"
#include "engine/testing/library_fixture.h"

namespace proaktiv::engine {
namespace {

using registry::RelationRole;
using testing::D;
using testing::Family;
using testing::MakePerson;

class LibraryTest : public testing::LibraryFixture {
 protected:
  const ServiceBundle& Service(const char* id) {
    const ServiceBundle* b = library_->Find(id);
    EXPECT_NE(b, nullptr) << id;
    return *b;
  }

  Decision DecideFor(const char* service, const registry::Person& p, const Family& f,
                     const char* today) {
    const ServiceBundle& b = Service(service);
    auto d = b.Decide(p, f.Lookup(), b.ParametersFor(p.kommunenummer()), D(today));
    EXPECT_TRUE(d) << d.error().ToString();
    return d ? *d : Decision{};
  }
};

// A family in Oslo: mother, father, and a child born on `birth`.
Family FamilyWithChild(const char* birth, const char* kommune = "0301") {
  Family f;
  f.Add(MakePerson("01018012345", "1980-01-01", kommune, "Kari"));
  f.Add(MakePerson("02028012345", "1980-02-02", kommune, "Ola"));
  f.Add(MakePerson("10102312345", birth, kommune, "Emma"));
  f.ParentOf("01018012345", "10102312345", RelationRole::kMor);
  f.ParentOf("02028012345", "10102312345", RelationRole::kFar);
  return f;
}

TEST_F(LibraryTest, AllSixServicesLoad) {
  EXPECT_EQ(library_->bundles().size(), 6u);
  for (const char* id : {"kindergarten-place", "school-start", "sfo", "senior-home-visit",
                         "welcome-new-resident", "bereavement-support"}) {
    EXPECT_NE(library_->Find(id), nullptr) << id;
  }
}

// Every decision-table row says in words what it decides: explanations quote it.
TEST_F(LibraryTest, EveryRuleHasADescription) {
  for (const auto& bundle : library_->bundles()) {
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file((bundle->dir() + "/eligibility.dmn").c_str())) << bundle->id();
    for (const auto& rule : doc.select_nodes("//*[local-name()='rule']")) {
      std::string text = rule.node().child("description").text().get();
      EXPECT_FALSE(text.empty()) << bundle->id() << ": rule " << rule.node().attribute("id").value()
                                 << " has no description";
    }
  }
}

TEST_F(LibraryTest, KindergartenChildTurningOneByNovember) {
  Family f = FamilyWithChild("2024-05-10");
  Decision d = DecideFor("kindergarten-place", f["10102312345"], f, "2025-01-15");
  EXPECT_TRUE(d.eligible);
  EXPECT_EQ(d.reason, "turns-one-by-november");
  EXPECT_EQ(d.reason_text.en,
            "Emma Nordmann turns one by the end of November 2025 and has a right to a "
            "kindergarten place from 2025-08-01.");
  ASSERT_TRUE(d.deadline);
  EXPECT_EQ(d.deadline->ToString(), "2025-03-01");
  EXPECT_EQ(
      boost::json::serialize(d.application_json),
      R"({"child_name":"Emma Nordmann","child_birth_date":"2024-05-10",)"
      R"("parents":["Kari Nordmann","Ola Nordmann"],"address":{"street":"Storgata",)"
      R"("house_number":"1","postal_code":"0155","postal_place":"OSLO","kommunenummer":"0301"},)"
      R"("kommune":"Oslo","intake_year":2025,"start_date":"2025-08-01",)"
      R"("application_deadline":"2025-03-01"})");
}

TEST_F(LibraryTest, KindergartenBornInDecemberWaitsAYearAndSeptemberStartsOnBirthdayMonth) {
  Family dec = FamilyWithChild("2024-12-03");
  Decision d = DecideFor("kindergarten-place", dec["10102312345"], dec, "2025-01-15");
  EXPECT_TRUE(d.eligible);
  EXPECT_EQ(d.application.AsContext().Find("intake_year")->ToString(), "2026");

  Family sep = FamilyWithChild("2024-09-20");
  Decision s = DecideFor("kindergarten-place", sep["10102312345"], sep, "2025-01-15");
  EXPECT_EQ(s.application.AsContext().Find("start_date")->ToString(), "2025-09-01");
}

TEST_F(LibraryTest, KindergartenNotEligible) {
  Family f = FamilyWithChild("2024-05-10");
  testing::Die(f["10102312345"], "2024-07-01");
  EXPECT_EQ(DecideFor("kindergarten-place", f["10102312345"], f, "2025-01-15").reason,
            "child-deceased");

  Family g = FamilyWithChild("2019-03-01");
  Decision d = DecideFor("kindergarten-place", g["10102312345"], g, "2025-01-15");
  EXPECT_FALSE(d.eligible);
  EXPECT_EQ(d.reason, "school-age");

  Family h = FamilyWithChild("2024-05-10");
  h["10102312345"].status.facts.push_back(
      testing::F(registry::StatusFact{registry::PersonStatus::kUtflyttet}));
  EXPECT_EQ(DecideFor("kindergarten-place", h["10102312345"], h, "2025-01-15").reason,
            "not-resident");
}

TEST_F(LibraryTest, KindergartenDeadlinePerKommune) {
  Family f = FamilyWithChild("2024-05-10", "5001");  // Trondheim: 15 February
  Decision d = DecideFor("kindergarten-place", f["10102312345"], f, "2025-01-15");
  ASSERT_TRUE(d.deadline);
  EXPECT_EQ(d.deadline->ToString(), "2025-02-15");
  // After Trondheim's deadline the next intake is the year after.
  Decision late = DecideFor("kindergarten-place", f["10102312345"], f, "2025-02-20");
  EXPECT_TRUE(late.eligible);
  EXPECT_EQ(late.deadline->ToString(), "2026-02-15");
}

TEST_F(LibraryTest, SchoolStart) {
  Family f = FamilyWithChild("2020-04-01");
  Decision d = DecideFor("school-start", f["10102312345"], f, "2025-09-01");
  EXPECT_TRUE(d.eligible);
  EXPECT_EQ(d.reason, "starts-next-year");
  EXPECT_EQ(d.application.AsContext().Find("school_year")->ToString(), "2026/2027");
  EXPECT_EQ(d.application.AsContext().Find("school_start_date")->ToString(), "2026-08-18");  // Oslo

  EXPECT_EQ(DecideFor("school-start", f["10102312345"], f, "2024-09-01").reason, "too-young");
  EXPECT_EQ(DecideFor("school-start", f["10102312345"], f, "2026-03-01").reason,
            "starts-this-year");
  EXPECT_EQ(DecideFor("school-start", f["10102312345"], f, "2026-09-01").reason, "already-started");
}

TEST_F(LibraryTest, Sfo) {
  Family f = FamilyWithChild("2020-04-01", "4601");
  Decision d = DecideFor("sfo", f["10102312345"], f, "2025-09-01");
  EXPECT_TRUE(d.eligible);
  EXPECT_EQ(d.application.AsContext().Find("grade")->ToString(), "1");
  EXPECT_EQ(d.application.AsContext().Find("free_hours")->ToString(), "12");
  Decision g4 = DecideFor("sfo", f["10102312345"], f, "2029-05-01");  // grade 4 from 2029
  EXPECT_TRUE(g4.eligible);
  EXPECT_EQ(g4.application.AsContext().Find("free_hours")->ToString(), "0");  // Bergen: up to 3
  EXPECT_EQ(DecideFor("sfo", f["10102312345"], f, "2029-09-01").reason, "above-grade-4");
  EXPECT_EQ(DecideFor("sfo", f["10102312345"], f, "2024-09-01").reason, "too-young");
}

TEST_F(LibraryTest, SeniorHomeVisitByAgeAndAfterWidowhood) {
  Family f;
  registry::Person& p = f.Add(MakePerson("05054912345", "1949-05-05", "1103", "Astrid"));
  // Stavanger visits at 80; in Bergen or elsewhere the age differs.
  EXPECT_EQ(DecideFor("senior-home-visit", p, f, "2025-06-01").reason, "too-young");
  Decision at80 = DecideFor("senior-home-visit", p, f, "2029-05-05");
  EXPECT_TRUE(at80.eligible);
  EXPECT_EQ(at80.reason_text.nb, "Du har fylt 80 år.");

  p.civil_status.facts.push_back(testing::F(
      registry::CivilStatusFact{registry::CivilStatus::kEnkeEllerEnkemann, D("2025-03-01"), "x"}));
  Decision widowed = DecideFor("senior-home-visit", p, f, "2025-06-01");
  EXPECT_TRUE(widowed.eligible);
  EXPECT_EQ(widowed.reason, "recently-widowed");
  EXPECT_EQ(DecideFor("senior-home-visit", p, f, "2026-06-01").reason, "too-young");
}

TEST_F(LibraryTest, SeniorHomeVisitSwitchedOffInOslo) {
  const ServiceBundle& b = Service("senior-home-visit");
  EXPECT_FALSE(b.ParametersFor("0301").enabled);
  EXPECT_TRUE(b.ParametersFor("4601").enabled);
  EXPECT_EQ(b.ParametersFor("4601").Find("senior_visit_age")->integer, 78);
  EXPECT_EQ(b.ParametersFor("3401").Find("senior_visit_age")->integer, 75);
}

TEST_F(LibraryTest, WelcomeAfterMoveWithSuggestionsForTheHousehold) {
  Family f = FamilyWithChild("2022-03-01", "0301");
  registry::Person& mother = f["01018012345"];
  testing::Move(mother, "4601", "2025-05-20");
  Decision d = DecideFor("welcome-new-resident", mother, f, "2025-06-01");
  EXPECT_TRUE(d.eligible);
  EXPECT_EQ(d.reason, "moved-into-kommune");
  EXPECT_EQ(boost::json::serialize(d.application_json.at("suggested_services")),
            R"(["kindergarten-place"])");
  auto msg = Service("welcome-new-resident")
                 .Render(d, "offer", "en", "Kari Nordmann",
                         Service("welcome-new-resident").ParametersFor("4601"), "Bergen");
  ASSERT_TRUE(msg) << msg.error().ToString();
  EXPECT_EQ(msg->subject, "Welcome to Bergen!");
  EXPECT_EQ(msg->body,
            "Hello Kari Nordmann! You moved here on 2025-05-20. Here are services that may fit "
            "your household: kindergarten-place.");

  EXPECT_EQ(DecideFor("welcome-new-resident", mother, f, "2025-09-01").reason, "no-recent-move");
  testing::Move(mother, "4601", "2025-06-10");  // within Bergen
  EXPECT_EQ(DecideFor("welcome-new-resident", mother, f, "2025-06-20").reason,
            "moved-within-kommune");
  EXPECT_EQ(DecideFor("welcome-new-resident", f["10102312345"], f, "2025-06-01").reason, "minor");
}

TEST_F(LibraryTest, BereavementToNextOfKinNeverToTheDeceased) {
  Family f;
  f.Add(MakePerson("03034512345", "1945-03-03", "4601", "Per"));
  f.Add(MakePerson("04044712345", "1947-04-04", "4601", "Liv"));
  testing::Relate(f["03034512345"], f["04044712345"], RelationRole::kEktefelleEllerPartner);
  testing::Relate(f["04044712345"], f["03034512345"], RelationRole::kEktefelleEllerPartner);
  testing::Die(f["03034512345"], "2025-04-01");

  Decision widow = DecideFor("bereavement-support", f["04044712345"], f, "2025-04-15");
  EXPECT_TRUE(widow.eligible);
  EXPECT_EQ(widow.reason, "recent-death-in-family");
  EXPECT_EQ(widow.application.AsContext().Find("relation")->ToString(), "ektefelleEllerPartner");

  Decision deceased = DecideFor("bereavement-support", f["03034512345"], f, "2025-04-15");
  EXPECT_FALSE(deceased.eligible);
  EXPECT_EQ(deceased.reason, "deceased");
  EXPECT_EQ(DecideFor("bereavement-support", f["04044712345"], f, "2025-09-01").reason,
            "no-recent-death");
}

TEST_F(LibraryTest, TriggersDueDates) {
  const ServiceBundle& kg = Service("kindergarten-place");
  const auto& date = kg.definition().triggers[0].date;
  ASSERT_TRUE(date);
  EXPECT_EQ(date->DueDate(D("2024-05-10"), kg.ParametersFor("0301")).ToString(), "2025-01-18");
  EXPECT_EQ(date->DueDate(D("2024-12-03"), kg.ParametersFor("0301")).ToString(), "2026-01-18");
  EXPECT_EQ(date->DueDate(D("2024-05-10"), kg.ParametersFor("5001")).ToString(), "2025-01-04");

  const ServiceBundle& senior = Service("senior-home-visit");
  EXPECT_EQ(senior.definition()
                .triggers[0]
                .date->DueDate(D("1950-02-10"), senior.ParametersFor("4601"))
                .ToString(),
            "2028-02-10");
  const ServiceBundle& school = Service("school-start");
  EXPECT_EQ(school.definition()
                .triggers[0]
                .date->DueDate(D("2020-11-30"), school.ParametersFor("0301"))
                .ToString(),
            "2025-09-01");
  const auto& grief = Service("bereavement-support").definition().triggers[0].event;
  ASSERT_TRUE(grief);
  EXPECT_TRUE(grief->Matches("personErDoed"));
  EXPECT_EQ(grief->subjects, Subjects::kNextOfKin);
  EXPECT_EQ(grief->delay_days.Resolve(Service("bereavement-support").ParametersFor("4601")).integer,
            14);
}

}  // namespace
}  // namespace proaktiv::engine

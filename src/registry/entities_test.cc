#include "registry/entities.h"

#include <gtest/gtest.h>

#include "registry/testing/feed_builder.h"

namespace proaktiv::registry {
namespace {

using testing::Address;
using testing::PersonDoc;

constexpr const char* kKari = "13097248022";

Person Kari() { return *PersonFromJson(PersonDoc(kKari, "1972-09-13", "0301")); }

TEST(EntitiesTest, DocumentRoundTrips) {
  Person p = Kari();
  EXPECT_EQ(p.id(), kKari);
  EXPECT_EQ(p.kommunenummer(), "0301");
  EXPECT_EQ(p.birth_date()->ToString(), "1972-09-13");
  EXPECT_EQ(p.current_status(), PersonStatus::kBosatt);
  auto again = PersonFromJson(PersonToJson(p));
  ASSERT_TRUE(again);
  EXPECT_EQ(boost::json::serialize(PersonToJson(*again)), boost::json::serialize(PersonToJson(p)));
  EXPECT_EQ(again->residence.facts[0].fact_id, std::string("a-") + kKari);
}

TEST(EntitiesTest, DocumentErrorsNameEntityAndField) {
  auto doc = PersonDoc(kKari, "1972-09-13", "0301");
  doc["bostedsadresse"].as_array()[0].as_object()["kommunenummer"] = "30";
  EXPECT_EQ(PersonFromJson(doc).error().message,
            "person document: bostedsadresse: field 'kommunenummer': '30' is not four digits");
  doc = PersonDoc(kKari, "1972-09-13", "0301");
  doc["foedsel"].as_array()[0].as_object()["foedselsdato"] = "1972-02-30";
  EXPECT_EQ(PersonFromJson(doc).error().message,
            "person document: foedsel: field 'foedselsdato': day 30 is not a date in 1972-02");
  doc = PersonDoc(kKari, "1972-09-13", "0301");
  doc["hobby"] = boost::json::array{};
  EXPECT_EQ(PersonFromJson(doc).error().message, "person document: unknown entity 'hobby'");
  doc = PersonDoc(kKari, "1972-09-13", "0301");
  doc["folkeregisterpersonstatus"].as_array()[0].as_object()["status"] = "levende";
  EXPECT_NE(PersonFromJson(doc).error().message.find("status 'levende' is not one of bosatt"),
            std::string::npos);
}

TEST(EntitiesTest, RegisterCorrectAnnulCease) {
  Person p = Kari();
  EntityChange move{"bostedsadresse", Change::kRegister, "a2", "",
                    Address("4601", "Bryggen", "2024-05-01")};
  ASSERT_TRUE(ApplyEntityChange(p, move, 10));
  EXPECT_EQ(p.kommunenummer(), "4601");
  EXPECT_EQ(p.residence.facts.size(), 2u);

  EntityChange fix{"bostedsadresse", Change::kCorrect, "a3", "a2",
                   Address("4601", "Bryggen", "2024-04-01")};
  ASSERT_TRUE(ApplyEntityChange(p, fix, 11));
  EXPECT_EQ(p.residence.current()->moved_in.ToString(), "2024-04-01");
  EXPECT_EQ(p.residence.facts.back().fact_id, "a3");
  EXPECT_EQ(p.residence.facts.back().sequence, 11);

  EntityChange annul{"bostedsadresse", Change::kAnnul, "", "a3", {}};
  ASSERT_TRUE(ApplyEntityChange(p, annul, 12));
  EXPECT_EQ(p.kommunenummer(), "0301");  // back to the address before the annulled move

  auto missing = ApplyEntityChange(p, annul, 13);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "annullere bostedsadresse: no fact 'a3' to annullere");

  EntityChange child{"familierelasjon",
                     Change::kRegister,
                     "r1",
                     "",
                     {{"relatertPersonsIdentifikator", "10915596784"},
                      {"relatertPersonsRolle", "barn"},
                      {"minRolleForPerson", "mor"}}};
  ASSERT_TRUE(ApplyEntityChange(p, child, 14));
  EXPECT_EQ(p.RelatedIds(RelationRole::kBarn), std::vector<std::string>{"10915596784"});
  ASSERT_TRUE(ApplyEntityChange(p, {"familierelasjon", Change::kCease, "", "r1", {}}, 15));
  EXPECT_TRUE(p.RelatedIds(RelationRole::kBarn).empty());
}

TEST(EntitiesTest, NewIdentityNumberCeasesTheOldOne) {
  Person p = Kari();
  EntityChange renumber{"identifikasjonsnummer",
                        Change::kRegister,
                        "i2",
                        "",
                        {{"foedselsEllerDNummer", "10915596784"}, {"status", "iBruk"}}};
  ASSERT_TRUE(ApplyEntityChange(p, renumber, 5));
  EXPECT_EQ(p.id(), "10915596784");
  EXPECT_FALSE(p.identity_numbers[0].value.in_use);
}

TEST(EntitiesTest, BadChangeLeavesThePersonUnchanged) {
  Person p = Kari();
  std::string before = boost::json::serialize(PersonToJson(p));
  EntityChange bad{"bostedsadresse", Change::kRegister, "a9", "", {{"adressenavn", "X"}}};
  auto status = ApplyEntityChange(p, bad, 3);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "registrereNy bostedsadresse: field 'postnummer' is missing");
  EXPECT_EQ(boost::json::serialize(PersonToJson(p)), before);
}

}  // namespace
}  // namespace proaktiv::registry

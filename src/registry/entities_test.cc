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

boost::json::object Verge(const std::string& type) {
  return {{"type", type},
          {"embete", "statsforvalterenIOsloOgViken"},
          {"vergeEllerFullmektig",
           {{"motpartsPersonidentifikator", "10915596784"},
            {"navn", {{"fornavn", "Ola"}, {"etternavn", "Nordmann"}}},
            {"omfang", "personligeOgOekonomiskeInteresser"},
            {"omfangetErInnenPersonligOmraade", true}}}};
}

TEST(EntitiesTest, GuardianshipInTheDocument) {
  auto doc = PersonDoc(kKari, "1972-09-13", "0301");
  boost::json::object verge = Verge("voksen");
  verge["metadata"] = testing::Meta("v1");
  // Values the register may add later are kept as text.
  boost::json::object future{
      {"type", "nyTypeFraRegisteret"},
      {"vergeEllerFullmektig",
       {{"omfang", "nyttOmfang"}, {"omfangetErInnenPersonligOmraade", false}}},
      {"metadata", testing::Meta("v2")}};
  doc["vergemaalEllerFremtidsfullmakt"] = boost::json::array{verge, future};
  auto p = PersonFromJson(doc);
  ASSERT_TRUE(p) << p.error().message;
  ASSERT_EQ(p->guardianship.size(), 2u);
  const Guardianship& g = p->guardianship[0].value;
  EXPECT_EQ(p->guardianship[0].fact_id, "v1");
  EXPECT_EQ(g.type, "voksen");
  EXPECT_EQ(g.embete, "statsforvalterenIOsloOgViken");
  EXPECT_EQ(g.guardian_id, "10915596784");
  EXPECT_EQ(g.guardian_name.given, "Ola");
  EXPECT_EQ(g.guardian_name.family, "Nordmann");
  EXPECT_EQ(g.scope, "personligeOgOekonomiskeInteresser");
  EXPECT_TRUE(g.scope_within_personal);
  EXPECT_EQ(p->guardianship[1].value.type, "nyTypeFraRegisteret");
  EXPECT_EQ(p->guardianship[1].value.scope, "nyttOmfang");
  EXPECT_TRUE(p->guardianship[1].value.guardian_id.empty());
  EXPECT_TRUE(p->UnderGuardianship());
  // The document is written back in the register's shape, field for field.
  auto out = PersonToJson(*p);
  EXPECT_EQ(boost::json::serialize(out.at("vergemaalEllerFremtidsfullmakt")),
            boost::json::serialize(doc.at("vergemaalEllerFremtidsfullmakt")));
  auto again = PersonFromJson(out);
  ASSERT_TRUE(again);
  EXPECT_EQ(boost::json::serialize(PersonToJson(*again)), boost::json::serialize(out));
  EXPECT_FALSE(Kari().UnderGuardianship());
}

TEST(EntitiesTest, GuardianshipErrorsNameTheField) {
  Person p = Kari();
  boost::json::object bad = Verge("voksen");
  bad["vergeEllerFullmektig"].as_object()["omfangetErInnenPersonligOmraade"] = "ja";
  auto status =
      ApplyEntityChange(p, {"vergemaalEllerFremtidsfullmakt", Change::kRegister, "v1", "", bad}, 3);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message,
            "registrereNy vergemaalEllerFremtidsfullmakt: vergeEllerFullmektig: field "
            "'omfangetErInnenPersonligOmraade': expected a boolean, got string");
  bad = Verge("voksen");
  bad["vergeEllerFullmektig"].as_object()["navn"] = "Ola Nordmann";
  status =
      ApplyEntityChange(p, {"vergemaalEllerFremtidsfullmakt", Change::kRegister, "v1", "", bad}, 3);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message,
            "registrereNy vergemaalEllerFremtidsfullmakt: vergeEllerFullmektig: field 'navn': "
            "expected an object, got string");
  bad = Verge("voksen");
  bad["type"] = 1;
  status =
      ApplyEntityChange(p, {"vergemaalEllerFremtidsfullmakt", Change::kRegister, "v1", "", bad}, 3);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message,
            "registrereNy vergemaalEllerFremtidsfullmakt: field 'type': expected a string, got "
            "number");
  EXPECT_TRUE(p.guardianship.empty());
}

TEST(EntitiesTest, GuardianshipRegisterCorrectCeaseAnnul) {
  Person p = Kari();
  const std::string entity = "vergemaalEllerFremtidsfullmakt";
  ASSERT_TRUE(ApplyEntityChange(p, {entity, Change::kRegister, "v1", "", Verge("voksen")}, 10));
  EXPECT_TRUE(p.UnderGuardianship());
  ASSERT_TRUE(ApplyEntityChange(
      p, {entity, Change::kCorrect, "v2", "v1", Verge("forvaltningUtenforVergemaal")}, 11));
  ASSERT_EQ(p.guardianship.size(), 1u);
  EXPECT_EQ(p.guardianship[0].fact_id, "v2");
  EXPECT_EQ(p.guardianship[0].sequence, 11);
  EXPECT_FALSE(p.UnderGuardianship());
  ASSERT_TRUE(ApplyEntityChange(
      p, {entity, Change::kRegister, "v3", "", Verge("stadfestetFremtidsfullmakt")}, 12));
  EXPECT_TRUE(p.UnderGuardianship());
  ASSERT_TRUE(ApplyEntityChange(p, {entity, Change::kCease, "", "v3", {}}, 13));
  EXPECT_FALSE(p.UnderGuardianship());
  ASSERT_EQ(p.guardianship.size(), 1u);
  ASSERT_TRUE(ApplyEntityChange(p, {entity, Change::kAnnul, "", "v2", {}}, 14));
  EXPECT_TRUE(p.guardianship.empty());
  auto missing = ApplyEntityChange(p, {entity, Change::kCease, "", "v3", {}}, 15);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "opphoere vergemaalEllerFremtidsfullmakt: no fact 'v3' to opphoere");
}

TEST(EntitiesTest, WhichGuardianshipsRepresentThePerson) {
  for (const char* type :
       {"voksen", "mindreaarig", "midlertidigForVoksen", "midlertidigForMindreaarig",
        "ensligMindreaarigAsylsoeker", "stadfestetFremtidsfullmakt", "nyTypeFraRegisteret", ""}) {
    EXPECT_TRUE(RepresentsPerson(Guardianship{type, "", "", {}, "", false})) << type;
  }
  EXPECT_FALSE(
      RepresentsPerson(Guardianship{"forvaltningUtenforVergemaal", "", "", {}, "", false}));
}

}  // namespace
}  // namespace proaktiv::registry

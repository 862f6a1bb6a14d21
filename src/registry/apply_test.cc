#include "registry/apply.h"

#include <gtest/gtest.h>

#include "registry/testing/feed_builder.h"

namespace proaktiv::registry {
namespace {

using testing::Address;
using testing::Change;
using testing::Entry;
using testing::PersonDoc;

FeedEntry Parse(const std::string& line) { return *ParseFeedEntry(line); }

TEST(ApplyTest, CreatesFromPersonDocumentThenChanges) {
  auto birth = Parse(Entry(1, "10915596784", "personErOpprettet",
                           {{"persondokument", PersonDoc("10915596784", "1955-11-10", "0301")}}));
  auto created = ApplyFeedEntry(std::nullopt, birth);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_TRUE(created->created);
  EXPECT_EQ(created->kommune_after, "0301");

  auto move =
      Parse(Entry(2, "10915596784", "endringIBostedsadresse",
                  {{"egenskapshendelse",
                    boost::json::array{Change("bostedsadresse", "registrereNy", "a2", "",
                                              Address("4601", "Bryggen", "2024-06-01"))}}}));
  auto moved = ApplyFeedEntry(created->person, move);
  ASSERT_TRUE(moved);
  EXPECT_FALSE(moved->created);
  EXPECT_EQ(moved->kommune_before, "0301");
  EXPECT_EQ(moved->kommune_after, "4601");
}

TEST(ApplyTest, UnknownPersonWithoutDocumentIsAnError) {
  auto e = Parse(Entry(3, "10915596784", "personErDoed"));
  auto out = ApplyFeedEntry(std::nullopt, e);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().message,
            "no person 109155***** in the registry, and the entry carries no persondokument");
}

TEST(ApplyTest, KeepsUnknownTypesAndEntities) {
  Person p = *PersonFromJson(PersonDoc("10915596784", "1955-11-10", "0301"));
  auto e = Parse(Entry(
      4, "10915596784", "endringIHobby",
      {{"egenskapshendelse",
        boost::json::array{Change("hobby", "registrereNy", "h1", "", {{"navn", "fiske"}})}}}));
  auto out = ApplyFeedEntry(p, e);
  ASSERT_TRUE(out);
  EXPECT_FALSE(out->known_event_type);
  EXPECT_EQ(out->unknown_entities, std::vector<std::string>{"hobby"});
}

TEST(ApplyTest, CountsCorrectionsAndAnnulments) {
  Person p = *PersonFromJson(PersonDoc("10915596784", "1955-11-10", "0301"));
  auto e = Parse(
      Entry(5, "10915596784", "endringIBostedsadresse",
            {{"egenskapshendelse", boost::json::array{
                                       Change("bostedsadresse", "korrigere", "a9", "a-10915596784",
                                              Address("0301", "Karl Johans gate", "1990-01-01")),
                                   }}}));
  auto out = ApplyFeedEntry(p, e);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->corrections, 1);
  EXPECT_EQ(out->person.residence.current()->street, "Karl Johans gate");
  auto annul =
      Parse(Entry(6, "10915596784", "endringIBostedsadresse",
                  {{"egenskapshendelse",
                    boost::json::array{Change("bostedsadresse", "annullere", "", "a9")}}}));
  auto after = ApplyFeedEntry(out->person, annul);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->annulments, 1);
  EXPECT_TRUE(after->person.residence.empty());
  EXPECT_EQ(after->kommune_after, "");
}

TEST(ApplyTest, GuardianshipIsRegisteredAndCeased) {
  Person p = *PersonFromJson(PersonDoc("10915596784", "1955-11-10", "0301"));
  boost::json::object verge{
      {"type", "voksen"},
      {"embete", "statsforvalterenIOsloOgViken"},
      {"vergeEllerFullmektig",
       {{"omfang", "oekonomiskeInteresser"}, {"omfangetErInnenPersonligOmraade", false}}}};
  auto e = Parse(
      Entry(7, "10915596784", "endringIVergemaal",
            {{"egenskapshendelse", boost::json::array{Change("vergemaalEllerFremtidsfullmakt",
                                                             "registrereNy", "v1", "", verge)}}}));
  auto out = ApplyFeedEntry(p, e);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_TRUE(out->known_event_type);
  EXPECT_TRUE(out->unknown_entities.empty());
  ASSERT_EQ(out->person.guardianship.size(), 1u);
  EXPECT_EQ(out->person.guardianship[0].sequence, 7);
  EXPECT_EQ(out->person.guardianship[0].value.scope, "oekonomiskeInteresser");
  EXPECT_TRUE(out->person.UnderGuardianship());

  auto end = Parse(Entry(
      8, "10915596784", "endringIVergemaal",
      {{"egenskapshendelse",
        boost::json::array{Change("vergemaalEllerFremtidsfullmakt", "opphoere", "", "v1")}}}));
  auto after = ApplyFeedEntry(out->person, end);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_FALSE(after->person.UnderGuardianship());
  EXPECT_TRUE(after->person.guardianship.empty());
}

}  // namespace
}  // namespace proaktiv::registry

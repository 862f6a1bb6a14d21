#include "registry/feed_entry.h"

#include <gtest/gtest.h>

#include "registry/testing/feed_builder.h"

namespace proaktiv::registry {
namespace {

using testing::Change;
using testing::Entry;

TEST(FeedEntryTest, ReadsTheRegisterShape) {
  auto e = ParseFeedEntry(
      R"({"sekvensnummer": 1001, "hendelse": {"folkeregisteridentifikator": "10915596784",)"
      R"( "hendelsetype": "endringIBostedsadresse", "hendelsesdokument": "55591b51",)"
      R"( "persondokument": "8f475708", "ajourholdstidspunkt": "2024-06-20T09:26:03.689+02:00"}})");
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->sequence, 1001);
  EXPECT_EQ(e->person_id, "10915596784");
  EXPECT_EQ(e->event_type, "endringIBostedsadresse");
  EXPECT_FALSE(e->person_document);  // a reference only
  EXPECT_TRUE(e->changes.empty());
}

TEST(FeedEntryTest, ReadsInlineChanges) {
  auto line = Entry(
      7, "13097248022", "endringISivilstand",
      {{"egenskapshendelse", boost::json::array{Change("sivilstand", "annullere", "", "s1")}}});
  auto e = ParseFeedEntry(line);
  ASSERT_TRUE(e) << e.error().message;
  ASSERT_EQ(e->changes.size(), 1u);
  EXPECT_EQ(e->changes[0].change, registry::Change::kAnnul);
  EXPECT_EQ(e->changes[0].target_id, "s1");
}

TEST(FeedEntryTest, ErrorsNameTheSequenceAndTheField) {
  EXPECT_EQ(ParseFeedEntry("{").error().message.rfind("not valid JSON", 0), 0u);
  EXPECT_EQ(ParseFeedEntry(R"({"hendelse": {}})").error().message,
            "field 'sekvensnummer' is missing");
  EXPECT_EQ(ParseFeedEntry(R"({"sekvensnummer": "9"})").error().message,
            "field 'sekvensnummer': expected an integer, got string");
  EXPECT_EQ(ParseFeedEntry(R"({"sekvensnummer": 9})").error().message,
            "entry 9: field 'hendelse' is missing");
  auto bad_id = ParseFeedEntry(Entry(10, "13097248023", "personErDoed"));
  EXPECT_EQ(bad_id.error().message,
            "entry 10: hendelse: folkeregisteridentifikator: control digit 2 is wrong");
  auto no_target = ParseFeedEntry(
      Entry(11, "13097248022", "endringINavn",
            {{"egenskapshendelse", boost::json::array{Change("navn", "korrigere", "n2", "")}}}));
  EXPECT_EQ(no_target.error().message,
            "entry 11: hendelse: egenskapshendelse[0]: korrigere needs "
            "'gjelderOpplysningsidentifikator'");
  auto bad_change = ParseFeedEntry(
      Entry(12, "13097248022", "endringINavn",
            {{"egenskapshendelse", boost::json::array{Change("navn", "slette", "n2", "")}}}));
  EXPECT_NE(bad_change.error().message.find("entitetsendring 'slette' is not one of"),
            std::string::npos);
  auto bad_time = ParseFeedEntry(
      R"({"sekvensnummer": 13, "hendelse": {"folkeregisteridentifikator": "13097248022",)"
      R"( "hendelsetype": "personErDoed", "ajourholdstidspunkt": "igår"}})");
  EXPECT_EQ(bad_time.error().message,
            "entry 13: hendelse: field 'ajourholdstidspunkt': 'igår' is not a date of the form "
            "YYYY-MM-DD");
  // An identity number in a field that an error quotes (here the entity's name) is masked.
  auto number_as_entity = ParseFeedEntry(
      Entry(14, "13097248022", "endringINavn",
            {{"egenskapshendelse",
              boost::json::array{Change("x20914695016", "registrereNy", "n", "")}}}));
  ASSERT_FALSE(number_as_entity);
  EXPECT_EQ(number_as_entity.error().message.find("20914695016"), std::string::npos);
  EXPECT_NE(number_as_entity.error().message.find("x209146*****"), std::string::npos)
      << number_as_entity.error().message;
  for (const auto& line : {std::string("{"), Entry(10, "13097248023", "personErDoed")}) {
    auto e = ParseFeedEntry(line);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().message.find("13097248023"), std::string::npos);
  }
}

}  // namespace
}  // namespace proaktiv::registry

#include "intake/feed_consumer.h"

#include <sstream>

#include <gtest/gtest.h>

#include "registry/testing/feed_builder.h"

namespace proaktiv::intake {
namespace {

using registry::testing::Address;
using registry::testing::Change;
using registry::testing::Entry;
using registry::testing::PersonDoc;

constexpr const char* kAda = "10915596784";
constexpr const char* kBo = "20914695016";

std::string Created(int64_t seq, const std::string& id, const std::string& kommune) {
  return Entry(seq, id, "personErOpprettet",
               {{"persondokument", PersonDoc(id, "1955-11-10", kommune)}});
}

std::string Move(int64_t seq, const std::string& id, const std::string& fact,
                 const std::string& kommune) {
  return Entry(seq, id, "endringIBostedsadresse",
               {{"egenskapshendelse",
                 boost::json::array{Change("bostedsadresse", "registrereNy", fact, "",
                                           Address(kommune, "Bryggen", "2024-06-01"))}}});
}

std::string Lines(std::initializer_list<std::string> lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

class FeedConsumerTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = std::move(*store::OpenSqliteStore(":memory:")); }

  IntakeReport Consume(const std::string& text, size_t batch = 2) {
    std::istringstream in(text);
    FeedConsumer consumer(*store_, IntakeOptions{"freg", batch});
    auto report = consumer.Consume(in);
    EXPECT_TRUE(report) << report.error().message;
    return *report;
  }
  std::string KommuneOf(const std::string& id) {
    auto p = store_->FindPerson(id);
    return p && *p ? (*p)->person.kommunenummer() : "?";
  }

  std::unique_ptr<store::RegistryStore> store_;
};

const std::string kPage =
    Lines({Created(1, kAda, "0301"), Created(2, kBo, "0301"), Move(3, kAda, "m3", "4601"),
           Move(4, kBo, "m4", "1103"), Move(5, kAda, "m5", "0301")});

TEST_F(FeedConsumerTest, AppliesAPageAndReportsIt) {
  IntakeReport r = Consume(kPage);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.applied, 5);
  EXPECT_EQ(r.created, 2);
  EXPECT_EQ(r.moves_between, 3);
  EXPECT_EQ(r.last_sequence, 5);
  EXPECT_EQ(KommuneOf(kAda), "0301");
  EXPECT_EQ(KommuneOf(kBo), "1103");
  EXPECT_EQ(*store_->GetPointer("freg"), 5);
}

TEST_F(FeedConsumerTest, ReplayingAPageAppliesNothingTwice) {
  Consume(kPage);
  IntakeReport again = Consume(kPage);
  EXPECT_FALSE(again.error);
  EXPECT_EQ(again.applied, 0);
  EXPECT_EQ(again.replayed, 5);
  auto p = store_->FindPerson(kAda);
  EXPECT_EQ((*p)->person.residence.facts.size(), 3u);  // not 5
  EXPECT_EQ(store_->Counts()->events, 5);
}

TEST_F(FeedConsumerTest, RestartMidPageContinuesWhereItStopped) {
  // The first run saw only part of the page (as after a crash); the pointer says where it was.
  Consume(Lines({Created(1, kAda, "0301"), Created(2, kBo, "0301"), Move(3, kAda, "m3", "4601")}));
  IntakeReport rest = Consume(kPage);
  EXPECT_EQ(rest.replayed, 3);
  EXPECT_EQ(rest.applied, 2);
  EXPECT_EQ(KommuneOf(kAda), "0301");
  EXPECT_EQ(KommuneOf(kBo), "1103");
  EXPECT_EQ((*store_->FindPerson(kAda))->person.residence.facts.size(), 3u);
}

TEST_F(FeedConsumerTest, MalformedEntryStopsWithItsSequenceAndKeepsWhatCameBefore) {
  std::string text = Lines(
      {Created(1, kAda, "0301"), Created(2, kBo, "0301"), Move(3, kAda, "m3", "4601"),
       R"({"sekvensnummer": 4, "hendelse": {"hendelsetype": "x"}})", Move(5, kBo, "m5", "1103")});
  IntakeReport r = Consume(text);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "entry 4: hendelse: field 'folkeregisteridentifikator' is missing");
  EXPECT_EQ(r.applied, 3);
  EXPECT_EQ(*store_->GetPointer("freg"), 3);
  EXPECT_EQ(KommuneOf(kAda), "4601");
  EXPECT_EQ(KommuneOf(kBo), "0301");

  auto broken = Consume("{\"sekvensnummer\": 6, \"hendelse\": [1,\n");
  ASSERT_TRUE(broken.error);
  EXPECT_EQ(broken.error->message.rfind("entry 6: not valid JSON", 0), 0u) << broken.error->message;
}

TEST_F(FeedConsumerTest, OutOfOrderEntryIsAnError) {
  std::string text =
      Lines({Created(1, kAda, "0301"), Created(3, kBo, "0301"), Move(2, kAda, "m2", "4601")});
  IntakeReport r = Consume(text);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "entry 2: out of order: it arrives after entry 3");
  EXPECT_EQ(r.applied, 2);
  EXPECT_EQ(r.gaps, 1);
  EXPECT_EQ(KommuneOf(kAda), "0301");
}

TEST_F(FeedConsumerTest, CorrectionsAndAnnulmentsChangeThePerson) {
  std::string text =
      Lines({Created(1, kAda, "0301"), Move(2, kAda, "m2", "4601"),
             Entry(3, kAda, "endringIBostedsadresse",
                   {{"egenskapshendelse",
                     boost::json::array{Change("bostedsadresse", "korrigere", "m3", "m2",
                                               Address("1103", "Kirkegata", "2024-06-01"))}}}),
             Entry(4, kAda, "endringIBostedsadresse",
                   {{"egenskapshendelse",
                     boost::json::array{Change("bostedsadresse", "annullere", "", "m3")}}})});
  IntakeReport r = Consume(text, 1);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.corrections, 1);
  EXPECT_EQ(r.annulments, 1);
  EXPECT_EQ(KommuneOf(kAda), "0301");

  IntakeReport bad = Consume(
      Lines({Entry(5, kAda, "endringIBostedsadresse",
                   {{"egenskapshendelse",
                     boost::json::array{Change("bostedsadresse", "annullere", "", "m3")}}})}));
  ASSERT_TRUE(bad.error);
  EXPECT_EQ(bad.error->message, "entry 5: annullere bostedsadresse: no fact 'm3' to annullere");
}

TEST_F(FeedConsumerTest, UnknownTypesAreKeptAndReported) {
  std::string text = Lines({Created(1, kAda, "0301"), Entry(2, kAda, "endringIHobby")});
  IntakeReport r = Consume(text);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.unknown_types["endringIHobby"], 1);
  EXPECT_TRUE(*store_->HasEvent("freg", 2));
}

TEST_F(FeedConsumerTest, EventAboutUnknownPersonIsAnErrorWithoutTheNumber) {
  IntakeReport r = Consume(Lines({Entry(1, kAda, "personErDoed")}));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message,
            "entry 1: no person 109155***** in the registry, and the entry carries no "
            "persondokument");
}

}  // namespace
}  // namespace proaktiv::intake

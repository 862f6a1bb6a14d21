// The KRR lines `proaktiv gen` writes: the shared example parses, providers are named, times
// with offsets are read, bad values are errors naming the field (never the identity number),
// the 18-month rule counts calendar months, and the loader stores by person key.

#include "delivery/contact_register.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "delivery/delivery_testing.h"

namespace proaktiv::delivery {
namespace {

using testing::Utc;

TEST(ContactRegisterTest, TheSharedExampleParses) {
  std::ifstream in(std::string(PROAKTIV_SHARED_DIR) + "/data/freg_feed_example.json");
  ASSERT_TRUE(in) << "freg_feed_example.json";
  std::stringstream text;
  text << in.rdbuf();
  auto doc = boost::json::parse(text.str());
  const auto& person = doc.at("krr_lookup_example").at("personer").at(0);
  auto line = ParseKrrLine(boost::json::serialize(person), 42);
  ASSERT_TRUE(line) << line.error().message;
  EXPECT_EQ(line->identity_number, "20914695016");
  const ContactRecord& r = line->record;
  EXPECT_FALSE(r.reserved);
  EXPECT_EQ(r.status, "AKTIV");
  EXPECT_EQ(r.notification_status, "KAN_VARSLES");
  EXPECT_EQ(r.email, "NULLstillt@default.digdir.no");
  EXPECT_EQ(r.email_updated, Utc("2023-06-29T08:14") + 52);  // +02: two hours ahead of UTC
  EXPECT_EQ(r.mobile, "+4799999999");
  EXPECT_EQ(r.mailbox_address, "ola.nordmann#9YDT");
  EXPECT_EQ(r.mailbox_provider, "digipost");
  EXPECT_EQ(r.language, "nb");
  EXPECT_EQ(r.loaded_at, 42);
}

TEST(ContactRegisterTest, TimesWithAndWithoutOffsets) {
  EXPECT_EQ(*ParseKrrTime("2023-06-29T10:14:52+02"), Utc("2023-06-29T08:14") + 52);
  EXPECT_EQ(*ParseKrrTime("2023-06-29T10:14:52+02:00"), Utc("2023-06-29T08:14") + 52);
  EXPECT_EQ(*ParseKrrTime("2023-06-29T10:14:52Z"), Utc("2023-06-29T10:14") + 52);
  EXPECT_EQ(*ParseKrrTime("2023-06-29T10:14:52.123-01:00"), Utc("2023-06-29T11:14") + 52);
  EXPECT_EQ(*ParseKrrTime("2023-06-29"), Utc("2023-06-29T00:00"));
  EXPECT_FALSE(ParseKrrTime("2023-06-29T25:00:00+02"));
  EXPECT_FALSE(ParseKrrTime("yesterday"));
}

TEST(ContactRegisterTest, BadValuesNameTheFieldButNotTheNumber) {
  const std::string base =
      R"({"personidentifikator":"20914695016","status":"AKTIV","reservasjon":"KANSKJE"})";
  auto bad = ParseKrrLine(base, 0);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("reservasjon"), std::string::npos);
  EXPECT_NE(bad.error().message.find("KANSKJE"), std::string::npos);
  EXPECT_EQ(bad.error().message.find("20914695016"), std::string::npos);
  auto time =
      ParseKrrLine(R"({"personidentifikator":"20914695016","status":"AKTIV","kontaktinformasjon":)"
                   R"({"epostadresse":"a@b.no","epostadresse_oppdatert":"i går"}})",
                   0);
  ASSERT_FALSE(time);
  EXPECT_NE(time.error().message.find("epostadresse_oppdatert"), std::string::npos);
  EXPECT_FALSE(ParseKrrLine(R"({"status":"AKTIV"})", 0));
  EXPECT_FALSE(ParseKrrLine(R"({"personidentifikator":"20914695016","status":"X"})", 0));
  EXPECT_FALSE(ParseKrrLine("not json", 0));
  auto sami =
      ParseKrrLine(R"({"personidentifikator":"20914695016","status":"AKTIV","spraak":"se"})", 0);
  ASSERT_TRUE(sami) << sami.error().message;
  EXPECT_EQ(sami->record.language, "se");
  EXPECT_EQ(sami->record.notification_status, "KAN_IKKE_VARSLES");
}

TEST(ContactRegisterTest, EighteenCalendarMonths) {
  const int64_t now = Utc("2026-08-31T12:00");
  // 18 months before 31 August 2026 is 28 February 2025 (no 31 February).
  EXPECT_TRUE(ConfirmedWithin18Months(Utc("2025-02-28T12:00"), std::nullopt, now));
  EXPECT_FALSE(ConfirmedWithin18Months(Utc("2025-02-28T11:59"), std::nullopt, now));
  EXPECT_TRUE(ConfirmedWithin18Months(Utc("2020-01-01T00:00"), Utc("2026-01-01T00:00"), now));
  EXPECT_FALSE(ConfirmedWithin18Months(std::nullopt, std::nullopt, now));
}

TEST(ContactRegisterTest, LoadStoresByPersonKeyAndCountsStrangers) {
  auto store = store::OpenSqliteStore(":memory:");
  ASSERT_TRUE(store) << store.error().message;
  auto key = (*store)->PutPerson(0, testing::MakePerson("20914695016", "Ola"));
  ASSERT_TRUE(key) << key.error().message;
  std::istringstream in(
      R"({"personidentifikator":"20914695016","status":"AKTIV","reservasjon":"JA","spraak":"nn"})"
      "\n\n"
      R"({"personidentifikator":"01010112345","status":"AKTIV"})"
      "\n");
  int64_t last_progress = 0;
  auto report = LoadContacts(
      **store, in, 7, [&](int64_t n) { last_progress = n; }, 1);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->lines, 3);
  EXPECT_EQ(report->loaded, 1);
  EXPECT_EQ(report->unknown_persons, 1);
  EXPECT_EQ(last_progress, 3);
  auto found = (*store)->contacts().FindContact(*key);
  ASSERT_TRUE(found && *found);
  EXPECT_TRUE((*found)->reserved);
  EXPECT_EQ((*found)->language, "nn");
}

TEST(ContactRegisterTest, AMalformedLineStopsTheLoadWithItsNumber) {
  auto store = store::OpenSqliteStore(":memory:");
  ASSERT_TRUE(store);
  std::istringstream in("{\"personidentifikator\":\"01010112345\",\"status\":\"AKTIV\"}\n{oops\n");
  auto report = LoadContacts(**store, in, 0);
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::delivery

// Kommune settings: values are checked against the parameter's type, stored settings win over
// service.yaml, and the engine decides with them: a kommune that switches a service off gets no
// offers, one that moves its intake deadline gets offers at the new date with the new deadline.

#include "engine/kommune_settings.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "engine/offer_engine.h"
#include "engine/test_persons.h"
#include "engine/testing/library_fixture.h"

namespace proaktiv::engine {
namespace {

using testing::D;

class KommuneSettingsTest : public testing::StoreFixture {
 protected:
  static const ParameterSpec& Spec(const std::string& service, const std::string& name) {
    return *FindParameter(library_->Find(service)->definition(), name);
  }
  static store::ServiceSettingsRow Row(const std::string& kommune, const std::string& service,
                                       std::optional<bool> enabled, std::string json) {
    return store::ServiceSettingsRow{
        kommune, service, enabled, std::move(json), "2026-01-01T00:00:00Z", "test"};
  }
  void Put(const store::ServiceSettingsRow& row) {
    ASSERT_TRUE(store_->Begin());
    ASSERT_TRUE(store_->settings().PutSettings(row));
    ASSERT_TRUE(store_->Commit());
  }
  const store::OfferRecord* OfferOf(const std::vector<store::OfferRecord>& offers,
                                    const std::string& service) {
    for (const auto& o : offers) {
      if (o.service == service) return &o;
    }
    return nullptr;
  }
};

TEST_F(KommuneSettingsTest, ValuesAreCheckedAgainstTheDeclaredType) {
  const ParameterSpec& deadline = Spec("kindergarten-place", "intake_deadline");
  auto ok = ParameterValueFromJson(deadline, boost::json::value("04-15"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->integer, 415);
  EXPECT_EQ(ok->text, "04-15");
  EXPECT_EQ(ParameterValueToJson(*ok), boost::json::value("04-15"));

  auto bad = ParameterValueFromJson(deadline, boost::json::value("13-45"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "parameter 'intake_deadline': \"13-45\" is not a month-day \"MM-DD\"");
  EXPECT_FALSE(ParameterValueFromJson(deadline, boost::json::value(415)));

  const ParameterSpec& age = Spec("senior-home-visit", "senior_visit_age");
  auto seventy = ParameterValueFromJson(age, boost::json::value(70));
  ASSERT_TRUE(seventy);
  EXPECT_EQ(seventy->integer, 70);
  EXPECT_EQ(ParameterValueToJson(*seventy), boost::json::value(70));
  auto text = ParameterValueFromJson(age, boost::json::value("70"));
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().message, "parameter 'senior_visit_age': \"70\" is not an integer");
  EXPECT_FALSE(ParameterValueFromJson(age, boost::json::value(70.5)));
  EXPECT_FALSE(ParameterValueFromJson(age, boost::json::value(true)));
}

TEST_F(KommuneSettingsTest, UnknownParametersAreRefusedWhenSavedAndSkippedWhenLoaded) {
  const ServiceDefinition& def = library_->Find("senior-home-visit")->definition();
  auto row = Row("3201", "senior-home-visit", false, R"({"senior_visit_age":70,"colour":"red"})");
  auto strict = ParseSettings(def, row);
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error().message, "service 'senior-home-visit' has no parameter 'colour'");

  std::vector<std::string> warnings;
  KommuneOverride lenient = ParseStoredSettings(def, row, warnings);
  EXPECT_EQ(lenient.enabled, std::optional<bool>(false));
  ASSERT_EQ(lenient.values.size(), 1u);
  EXPECT_EQ(lenient.values.at("senior_visit_age").integer, 70);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("colour"), std::string::npos);
}

TEST_F(KommuneSettingsTest, StoredSettingsWinOverServiceYaml) {
  std::vector<std::string> warnings;
  ServiceLibrary effective = ApplySettings(
      *library_,
      {Row("0301", "senior-home-visit", true, R"({"senior_visit_age":72})"),  // yaml: off
       Row("4601", "senior-home-visit", std::nullopt, "{}"),                  // yaml: 78
       Row("4601", "kindergarten-place", false, R"({"intake_deadline":"04-15"})"),
       Row("4601", "no-such-service", false, "{}")},
      warnings);
  EXPECT_EQ(warnings.size(), 1u);
  const ServiceBundle& senior = *effective.Find("senior-home-visit");
  EXPECT_TRUE(senior.ParametersFor("0301").enabled);
  EXPECT_EQ(senior.ParametersFor("0301").Find("senior_visit_age")->integer, 72);
  EXPECT_EQ(senior.ParametersFor("4601").Find("senior_visit_age")->integer, 78);
  EXPECT_EQ(senior.ParametersFor("3201").Find("senior_visit_age")->integer, 75);
  const ServiceBundle& kg = *effective.Find("kindergarten-place");
  EXPECT_FALSE(kg.ParametersFor("4601").enabled);
  EXPECT_EQ(kg.ParametersFor("4601").Find("intake_deadline")->text, "04-15");
  EXPECT_EQ(effective.Find("sfo"), library_->Find("sfo"));  // shared, not copied
  // The library itself is unchanged.
  EXPECT_FALSE(library_->Find("senior-home-visit")->ParametersFor("0301").enabled);

  const ServiceDefinition& def = library_->Find("senior-home-visit")->definition();
  KommuneOverride stored;
  stored.values["senior_visit_age"] = ParameterValue{ParameterType::kInteger, 72, false, ""};
  EXPECT_EQ(SourceOf(def, "0301", "senior_visit_age", &stored), ParameterSource::kKommune);
  EXPECT_EQ(SourceOf(def, "4601", "senior_visit_age", nullptr), ParameterSource::kServiceYaml);
  EXPECT_EQ(SourceOf(def, "3201", "senior_visit_age", nullptr), ParameterSource::kDefault);
}

TEST_F(KommuneSettingsTest, WithoutSettingsTheEngineFollowsServiceYaml) {
  ASSERT_NO_FATAL_FAILURE(PutHousehold());
  OfferEngine engine(*store_, *library_);
  ASSERT_TRUE(engine.IndexPopulation(D("2026-01-01")));
  auto report = engine.RunThrough(D("2026-03-20"));
  ASSERT_TRUE(report) << report.error().ToString();
  auto offers = Offers();
  const auto* senior = OfferOf(offers, "senior-home-visit");
  ASSERT_NE(senior, nullptr);
  EXPECT_EQ(senior->decided_day, D("2026-03-10").days());
  const auto* kg = OfferOf(offers, "kindergarten-place");
  ASSERT_NE(kg, nullptr);
  EXPECT_EQ(kg->decided_day, D("2026-01-18").days());  // six weeks before 1 March
  EXPECT_EQ(kg->deadline_day, D("2026-03-01").days());
}

TEST_F(KommuneSettingsTest, AKommuneSwitchingAServiceOffGetsNoOffers) {
  ASSERT_NO_FATAL_FAILURE(PutHousehold());
  Put(Row("3201", "senior-home-visit", false, "{}"));
  OfferEngine engine(*store_, *library_);
  ASSERT_TRUE(engine.IndexPopulation(D("2026-01-01")));
  auto report = engine.RunThrough(D("2026-03-20"));
  ASSERT_TRUE(report) << report.error().ToString();
  auto offers = Offers();
  EXPECT_EQ(OfferOf(offers, "senior-home-visit"), nullptr);
  EXPECT_NE(OfferOf(offers, "kindergarten-place"), nullptr);
  EXPECT_EQ(report->Count("senior-home-visit", Outcome::kDisabled), 1);
}

TEST_F(KommuneSettingsTest, AKommuneMovingItsDeadlineGetsOffersAtTheNewDate) {
  ASSERT_NO_FATAL_FAILURE(PutHousehold());
  OfferEngine engine(*store_, *library_);
  // Indexed under service.yaml's 1 March, then the kommune moves its deadline to 15 April.
  ASSERT_TRUE(engine.IndexPopulation(D("2026-01-01")));
  Put(Row("3201", "kindergarten-place", std::nullopt, R"({"intake_deadline":"04-15"})"));
  std::vector<std::string> warnings;
  ServiceLibrary effective = ApplySettings(*library_, *store_->settings().AllSettings(), warnings);
  ASSERT_TRUE(store_->Begin());
  auto written = ReindexKommune(*store_, effective, "kindergarten-place", "3201", D("2026-01-01"));
  ASSERT_TRUE(written) << written.error().ToString();
  EXPECT_EQ(*written, 1);
  ASSERT_TRUE(store_->Commit());

  auto report = engine.RunThrough(D("2026-02-28"));
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_EQ(OfferOf(Offers(), "kindergarten-place"), nullptr);  // 18 January is stale now
  report = engine.RunThrough(D("2026-03-20"));
  ASSERT_TRUE(report) << report.error().ToString();
  auto offers = Offers();
  const auto* kg = OfferOf(offers, "kindergarten-place");
  ASSERT_NE(kg, nullptr);
  EXPECT_EQ(kg->decided_day, D("2026-03-04").days());  // six weeks before 15 April
  EXPECT_EQ(kg->deadline_day, D("2026-04-15").days());
}

}  // namespace
}  // namespace proaktiv::engine

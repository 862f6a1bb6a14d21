// Preferences through the router: language and opt-outs are stored per citizen, bad input is
// refused before anything is stored.

#include "http/api/preferences.h"

#include <gtest/gtest.h>

#include "http/api/citizen_api_testing.h"

namespace proaktiv::http::api {
namespace {

using store::OfferState;

class PreferencesTest : public testing::CitizenApiTest {};

TEST_F(PreferencesTest, ListEveryServiceAndStoreChoices) {
  Response r = Get("/api/v1/me/preferences", Citizen(kari_), {{"accept-language", "en-GB"}});
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::object prefs = Json(r).as_object();
  EXPECT_EQ(prefs.at("language").as_string(), "en");
  ASSERT_EQ(prefs.at("services").as_array().size(), library_->bundles().size());
  for (const auto& s : prefs.at("services").as_array()) {
    EXPECT_FALSE(s.at("opted_out").as_bool());
    EXPECT_EQ(s.at("name").as_string(),
              library_->Find(s.at("id").as_string())->definition().name.en);
  }

  // A GET's answer sent back with changes is a valid PUT.
  prefs["language"] = "nn";
  prefs["services"].as_array()[0].as_object()["opted_out"] = true;
  const std::string first(prefs["services"].as_array()[0].at("id").as_string());
  Response put =
      Call(Method::kPut, "/api/v1/me/preferences", Citizen(kari_), boost::json::serialize(prefs));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Json(put).at("language").as_string(), "nn");
  EXPECT_EQ(**store_->portal().Language(keys_[kari_]), "nn");
  EXPECT_TRUE(*store_->engine().IsOptedOut(keys_[kari_], first));

  Response again = Get("/api/v1/me/preferences", Citizen(kari_), {{"accept-language", "en"}});
  boost::json::object now = Json(again).as_object();
  EXPECT_EQ(now.at("language").as_string(), "nn");
  EXPECT_TRUE(now.at("services").at(0).at("opted_out").as_bool());
  // ?lang= changes the names shown, not the preference.
  boost::json::object in_en =
      Json(Get("/api/v1/me/preferences?lang=en", Citizen(kari_))).as_object();
  EXPECT_EQ(in_en.at("language").as_string(), "nn");
  EXPECT_EQ(in_en.at("services").at(0).at("name").as_string(),
            library_->Find(first)->definition().name.en);

  // Opting in again.
  Response back = Call(Method::kPut, "/api/v1/me/preferences", Citizen(kari_),
                       R"({"services": [{"id": ")" + first + R"(", "opted_out": false}]})");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_FALSE(*store_->engine().IsOptedOut(keys_[kari_], first));

  // Siv's preferences are her own.
  EXPECT_FALSE(*store_->portal().Language(keys_[siv_]));
  Response siv = Get("/api/v1/me/preferences", Citizen(siv_));
  EXPECT_EQ(Json(siv).at("language").as_string(), "nb");
  EXPECT_FALSE(*store_->engine().IsOptedOut(keys_[siv_], first));
}

TEST_F(PreferencesTest, BadOnesAreRefusedAndNothingIsStored) {
  struct Case {
    const char* body;
    const char* names;
  };
  for (const Case& c : {
           Case{R"({"language": "de"})", "'de'"},
           Case{R"({"language": "nn", "services": [{"id": "no-such-service", "opted_out": true}]})",
                "'no-such-service'"},
           Case{R"({"services": [{"id": "kindergarten-place", "opted_out": "yes"}]})", "opted_out"},
           Case{R"({"services": [{"opted_out": true}]})", "services[0].id"},
           Case{R"({"services": {}})", "services"},
           Case{R"({"colour": "blue"})", "'colour'"},
           Case{"", "JSON"},
       }) {
    Response r = Call(Method::kPut, "/api/v1/me/preferences", Citizen(kari_), c.body);
    EXPECT_EQ(r.status, 422) << c.body;
    EXPECT_EQ(Code(r), "invalid-body");
    EXPECT_NE(r.body.find(c.names), std::string::npos) << r.body;
  }
  EXPECT_FALSE(*store_->portal().Language(keys_[kari_]));
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kProposed);
}

}  // namespace
}  // namespace proaktiv::http::api

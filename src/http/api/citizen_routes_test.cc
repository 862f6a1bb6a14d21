// The citizen's offers through the router, on a real SQLite file with the real service library:
// list, show (delivers and opens), accept with corrections, decline — and, for every route,
// that another citizen's offer is out of reach.

#include "http/api/citizen_routes.h"

#include <gtest/gtest.h>

#include "http/api/citizen_api_testing.h"

namespace proaktiv::http::api {
namespace {

using store::OfferState;

class CitizenRoutesTest : public testing::CitizenApiTest {};

TEST_F(CitizenRoutesTest, RoutesAreForCitizensOnTheBlockingPoolNamedAsInTheContract) {
  const std::map<std::string, std::string> names = {
      {"/api/v1/me/offers", "listMyOffers"},
      {"/api/v1/me/offers/{id}", "getMyOffer"},
      {"/api/v1/me/offers/{id}/accept", "acceptMyOffer"},
      {"/api/v1/me/offers/{id}/decline", "declineMyOffer"},
      {"/api/v1/me/data", "getMyData"},
  };
  int citizen_routes = 0;
  for (const Route& route : router_.routes()) {
    if (route.pattern.rfind("/api/v1/me/", 0) != 0) continue;
    ++citizen_routes;
    EXPECT_EQ(route.options.access, Access::kCitizen) << route.pattern;
    EXPECT_TRUE(route.options.blocking) << route.pattern;
    if (auto it = names.find(route.pattern); it != names.end()) {
      EXPECT_EQ(route.options.name, it->second);
    }
  }
  EXPECT_EQ(citizen_routes, 7);
}

TEST_F(CitizenRoutesTest, ListsTheOffersTheCitizenReceives) {
  Response r = Get("/api/v1/me/offers", Citizen(kari_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  boost::json::array offers = Json(r).at("offers").as_array();
  ASSERT_EQ(offers.size(), 1u);
  const boost::json::object& o = offers[0].as_object();
  EXPECT_EQ(o.at("id").as_int64(), kari_offer_);
  EXPECT_EQ(o.at("service").as_string(), "kindergarten-place");
  EXPECT_EQ(o.at("kind").as_string(), "offer");
  EXPECT_EQ(o.at("state").as_string(), "proposed");
  EXPECT_EQ(o.at("version").as_int64(), 1);
  EXPECT_EQ(o.at("subject").at("name").as_string(), "Ola Nordmann");
  EXPECT_EQ(o.at("subject").at("relation").as_string(), "child");
  EXPECT_EQ(o.at("decided_on").as_string(), "2026-01-18");
  EXPECT_EQ(o.at("deadline").as_string(), "2026-03-01");
  EXPECT_FALSE(o.at("title").as_string().empty());
  EXPECT_EQ(r.body.find(kari_), std::string::npos) << "no identity numbers in answers";
  EXPECT_EQ(r.body.find(ola_), std::string::npos);
  // Listing does not deliver.
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kProposed);
}

TEST_F(CitizenRoutesTest, ListingShowsNoOtherCitizensOffers) {
  for (const std::string& pid : {kari_, siv_}) {
    boost::json::array offers =
        Json(Get("/api/v1/me/offers", Citizen(pid))).at("offers").as_array();
    ASSERT_EQ(offers.size(), 1u);
    EXPECT_EQ(offers[0].at("id").as_int64(), pid == kari_ ? kari_offer_ : siv_offer_);
  }
  // Ola is the subject of Kari's offer, not a recipient: he sees nothing.
  EXPECT_TRUE(Json(Get("/api/v1/me/offers", Citizen(ola_))).at("offers").as_array().empty());
}

TEST_F(CitizenRoutesTest, RepeatedListingsComeFromTheCacheUntilTheDatabaseChanges) {
  auto state_in_list = [&] {
    Response r = Get("/api/v1/me/offers", Citizen(kari_));
    EXPECT_EQ(r.status, 200) << r.body;
    return std::string(Json(r).at("offers").at(0).at("state").as_string());
  };
  EXPECT_EQ(state_in_list(), "proposed");
  const int64_t hits = read_cache_->stats().hits;
  EXPECT_EQ(state_in_list(), "proposed");
  EXPECT_EQ(read_cache_->stats().hits, hits + 1);
  // Another citizen's listing is never answered from Kari's entry.
  EXPECT_EQ(Json(Get("/api/v1/me/offers", Citizen(siv_))).at("offers").at(0).at("id").as_int64(),
            siv_offer_);

  // Showing the offer opens it (a write through the API's own connection) ...
  ASSERT_EQ(Get("/api/v1/me/offers/" + std::to_string(kari_offer_), Citizen(kari_)).status, 200);
  EXPECT_EQ(state_in_list(), "opened");
  // ... and a change by another connection (the engine, another process) is seen as well.
  auto offer = store_->engine().FindOfferById(kari_offer_);
  ASSERT_TRUE(offer && *offer);
  store::OfferRecord withdrawn = **offer;
  withdrawn.state = OfferState::kWithdrawn;
  ASSERT_TRUE(store_->engine().UpdateOffer(
      withdrawn, store::OfferTransition{kari_offer_, OfferState::kOpened, OfferState::kWithdrawn,
                                        withdrawn.version, withdrawn.updated_day, "test", false}));
  EXPECT_EQ(state_in_list(), "withdrawn");
}

TEST_F(CitizenRoutesTest, TextsFollowTheChosenLanguage) {
  auto name_in = [&](const std::string& target,
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
    Response r = Get(target, Citizen(kari_), std::move(headers));
    EXPECT_EQ(r.status, 200) << r.body;
    return std::string(Json(r).at("offers").at(0).at("service_name").as_string());
  };
  const auto& name = library_->Find("kindergarten-place")->definition().name;
  EXPECT_EQ(name_in("/api/v1/me/offers"), name.nb);
  EXPECT_EQ(name_in("/api/v1/me/offers?lang=en"), name.en);
  EXPECT_EQ(name_in("/api/v1/me/offers", {{"accept-language", "nn-NO, en;q=0.5"}}), name.nn);
  EXPECT_EQ(name_in("/api/v1/me/offers", {{"accept-language", "de, en-GB;q=0.8"}}), name.en);
  // A stored preference wins over the header; ?lang= over both.
  ASSERT_TRUE(store_->portal().SetLanguage(keys_[kari_], "nn", 20473));
  EXPECT_EQ(name_in("/api/v1/me/offers", {{"accept-language", "en"}}), name.nn);
  EXPECT_EQ(name_in("/api/v1/me/offers?lang=nb", {{"accept-language", "en"}}), name.nb);

  Response bad = Get("/api/v1/me/offers?lang=de", Citizen(kari_));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Code(bad), "invalid-parameter");
}

TEST_F(CitizenRoutesTest, UnknownPersonIsNotFoundWithoutTheNumber) {
  const std::string stranger = testing::MakeId("1970-01-01", 9);
  for (const char* target : {"/api/v1/me/offers", "/api/v1/me/data", "/api/v1/me/preferences"}) {
    Response r = Get(target, Citizen(stranger));
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.content_type, "application/problem+json");
    EXPECT_EQ(Code(r), "unknown-person");
    EXPECT_EQ(r.body.find(stranger), std::string::npos);
    EXPECT_EQ(r.body.find(stranger.substr(0, 6)), std::string::npos);
  }
}

TEST_F(CitizenRoutesTest, ShowingDeliversAndOpensOnceAndExplains) {
  Response r = Get(OfferPath(kari_offer_), Citizen(kari_));
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::object o = Json(r).as_object();
  EXPECT_EQ(o.at("state").as_string(), "opened");
  EXPECT_FALSE(o.at("message").as_string().empty());
  EXPECT_NE(o.at("message").as_string().find("Kari"), std::string::npos) << o.at("message");
  EXPECT_FALSE(o.at("reason").as_string().empty());
  EXPECT_FALSE(o.at("legal_reference").as_string().empty());
  EXPECT_TRUE(o.at("application").is_object());
  EXPECT_EQ(o.at("application").at("child_name").as_string(), "Ola Nordmann");
  EXPECT_TRUE(o.at("explanation").at("rules").is_array());
  EXPECT_TRUE(o.at("answer").is_null());
  const boost::json::array& editable = o.at("editable_fields").as_array();
  EXPECT_NE(std::find(editable.begin(), editable.end(), boost::json::value("address")),
            editable.end());
  EXPECT_EQ(std::find(editable.begin(), editable.end(), boost::json::value("start_date")),
            editable.end());
  const boost::json::array& history = o.at("history").as_array();
  ASSERT_EQ(history.size(), 3u);
  EXPECT_TRUE(history[0].at("from").is_null());
  EXPECT_EQ(history[1].at("to").as_string(), "sent");
  EXPECT_EQ(history[1].at("cause").as_string(), "portal");
  EXPECT_EQ(history[2].at("to").as_string(), "opened");
  EXPECT_EQ(history[2].at("on").as_string(), "2026-01-20");
  EXPECT_EQ(r.body.find(kari_), std::string::npos);

  // Again: nothing changes.
  Response again = Get(OfferPath(kari_offer_), Citizen(kari_));
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(Json(again).at("history").as_array().size(), 3u);
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kOpened);
}

TEST_F(CitizenRoutesTest, ShowingASentOfferOpensIt) {
  engine::OfferEngine engine(*store_, *library_);
  ASSERT_TRUE(
      engine.Record(kari_offer_, OfferState::kSent, engine::testing::D("2026-01-19"), "delivery"));
  Response r = Get(OfferPath(kari_offer_), Citizen(kari_));
  ASSERT_EQ(r.status, 200) << r.body;
  const boost::json::array history = Json(r).at("history").as_array();
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].at("cause").as_string(), "delivery");
  EXPECT_EQ(history[2].at("from").as_string(), "sent");
  EXPECT_EQ(history[2].at("cause").as_string(), "portal");
}

TEST_F(CitizenRoutesTest, AnotherCitizensOfferIsAnsweredLikeANonexistentOne) {
  Response mine_unknown = Get(OfferPath(999999), Citizen(siv_));
  EXPECT_EQ(mine_unknown.status, 404);
  const std::string expected_code = Code(mine_unknown);
  for (const std::string suffix : {"", "/accept", "/decline"}) {
    Response r = suffix.empty() ? Get(OfferPath(kari_offer_), Citizen(siv_))
                                : Post(OfferPath(kari_offer_, suffix), siv_, "{}");
    EXPECT_EQ(r.status, 404) << suffix;
    EXPECT_EQ(Code(r), expected_code) << suffix;
    // The same sentence as for an id that does not exist, but for the number.
    std::string detail(Json(r).at("detail").as_string());
    std::string unknown_detail(Json(mine_unknown).at("detail").as_string());
    EXPECT_EQ(detail.replace(detail.find(std::to_string(kari_offer_)),
                             std::to_string(kari_offer_).size(), "999999"),
              unknown_detail);
  }
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kProposed) << "untouched";
  // The subject of the offer is no recipient either.
  EXPECT_EQ(Get(OfferPath(kari_offer_), Citizen(ola_)).status, 404);
  for (const char* bad : {"abc", "0", "-1", "1x", "99999999999999999999"}) {
    EXPECT_EQ(Get(std::string("/api/v1/me/offers/") + bad, Citizen(kari_)).status, 404) << bad;
  }
}

TEST_F(CitizenRoutesTest, AcceptingWithCorrectionsKeepsTheCorrectedApplicationAndFeedback) {
  Response r = Post(OfferPath(kari_offer_, "/accept"), kari_,
                    R"({"application": {"address": {"street": "Nygata", "house_number": "7"}},
                        "satisfaction": 5, "comment": "Takk!"})");
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::object o = Json(r).as_object();
  EXPECT_EQ(o.at("state").as_string(), "accepted");
  const boost::json::object& answer = o.at("answer").as_object();
  EXPECT_EQ(answer.at("decision").as_string(), "accepted");
  EXPECT_EQ(answer.at("on").as_string(), "2026-01-20");
  EXPECT_EQ(answer.at("application").at("address").at("street").as_string(), "Nygata");
  EXPECT_EQ(answer.at("application").at("address").at("postal_code").as_string(), "0155");
  EXPECT_EQ(answer.at("application").at("child_name").as_string(), "Ola Nordmann");
  EXPECT_EQ(answer.at("corrected"), (boost::json::array{"address"}));
  EXPECT_EQ(answer.at("comment").as_string(), "Takk!");
  // The pre-filled application stays as the engine made it.
  EXPECT_EQ(o.at("application").at("address").at("street").as_string(), "Storgata");
  EXPECT_TRUE(o.at("editable_fields").as_array().empty());
  const boost::json::array& history = o.at("history").as_array();
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].at("to").as_string(), "sent");
  EXPECT_EQ(history[2].at("from").as_string(), "sent");
  EXPECT_EQ(history[2].at("to").as_string(), "accepted");

  auto feedback = store_->portal().Feedback(kari_offer_, keys_[kari_]);
  ASSERT_TRUE(feedback && *feedback);
  EXPECT_EQ((*feedback)->satisfaction, 5);
  EXPECT_EQ((*feedback)->comment, "Takk!");
  EXPECT_EQ((*feedback)->kommunenummer, "4601");

  Response twice = Post(OfferPath(kari_offer_, "/accept"), kari_, "{}");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(Code(twice), "already-answered");
  Response decline = Post(OfferPath(kari_offer_, "/decline"), kari_, "");
  EXPECT_EQ(decline.status, 409);
  EXPECT_EQ(Code(decline), "already-answered");
}

TEST_F(CitizenRoutesTest, AcceptingAnOpenedOfferWithoutABody) {
  ASSERT_EQ(Get(OfferPath(kari_offer_), Citizen(kari_)).status, 200);
  Response r = Post(OfferPath(kari_offer_, "/accept"), kari_, "");
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::object o = Json(r).as_object();
  EXPECT_EQ(o.at("state").as_string(), "accepted");
  EXPECT_EQ(o.at("answer").at("application"), o.at("application"));
  EXPECT_EQ(o.at("history").as_array().size(), 4u);
  EXPECT_FALSE(*store_->portal().Feedback(kari_offer_, keys_[kari_]));
}

TEST_F(CitizenRoutesTest, CorrectionsOutsideTheEditableFieldsAreRefused) {
  struct Case {
    const char* body;
    const char* names;
  };
  for (const Case& c : {
           Case{R"({"application": {"start_date": "2027-01-01"}})", "application.start_date"},
           Case{R"({"application": {"kommune": "Oslo"}})", "application.kommune"},
           Case{R"({"application": {"nonsense": 1}})", "application.nonsense"},
           Case{R"({"application": {"child_name": 5}})", "application.child_name"},
           Case{R"({"application": {"child_name": "  "}})", "application.child_name"},
           Case{R"({"application": {"address": "Nygata 1"}})", "application.address"},
           Case{R"({"application": {"address": {"floor": "2"}}})", "application.address.floor"},
           Case{R"({"application": {"address": {"street": 7}}})", "application.address.street"},
       }) {
    Response r = Post(OfferPath(kari_offer_, "/accept"), kari_, c.body);
    EXPECT_EQ(r.status, 422) << c.body;
    EXPECT_EQ(Code(r), "invalid-application") << c.body;
    EXPECT_NE(r.body.find(c.names), std::string::npos) << r.body;
  }
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kProposed) << "nothing applied";
}

TEST_F(CitizenRoutesTest, MalformedAnswersAreRefused) {
  for (const char* body : {"not json", "[1]", R"({"satisfaction": 0})", R"({"satisfaction": 6})",
                           R"({"satisfaction": 4.5})", R"({"comment": 5})", R"({"mood": "ok"})"}) {
    Response r = Post(OfferPath(kari_offer_, "/accept"), kari_, body);
    EXPECT_EQ(r.status, 422) << body;
    EXPECT_EQ(Code(r), "invalid-body") << body;
  }
  const std::string long_comment(2001, 'x');
  Response r =
      Post(OfferPath(kari_offer_, "/decline"), kari_, R"({"comment": ")" + long_comment + R"("})");
  EXPECT_EQ(r.status, 422);
  std::string ok_comment;
  for (int i = 0; i < 2000; ++i) ok_comment += "\xC3\xA6";  // 2000 × 'æ' is 2000 characters
  Response decline_with_application =
      Post(OfferPath(kari_offer_, "/decline"), kari_, R"({"application": {}})");
  EXPECT_EQ(decline_with_application.status, 422);
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kProposed);
  Response ok = Post(OfferPath(kari_offer_, "/decline"), kari_,
                     R"({"satisfaction": 2, "comment": ")" + ok_comment + R"("})");
  EXPECT_EQ(ok.status, 200) << ok.body.substr(0, 300);
}

TEST_F(CitizenRoutesTest, DecliningKeepsTheDeclineAndFeedback) {
  Response r = Post(OfferPath(siv_offer_, "/decline"), siv_, R"({"satisfaction": 3})");
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::object o = Json(r).as_object();
  EXPECT_EQ(o.at("state").as_string(), "declined");
  EXPECT_EQ(o.at("answer").at("decision").as_string(), "declined");
  EXPECT_FALSE(o.at("answer").as_object().contains("application"));
  EXPECT_EQ((*store_->portal().Feedback(siv_offer_, keys_[siv_]))->satisfaction, 3);
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kProposed) << "Kari's offer untouched";
  Response accept = Post(OfferPath(siv_offer_, "/accept"), siv_, "{}");
  EXPECT_EQ(accept.status, 409);
  EXPECT_EQ(Code(accept), "already-answered");
}

TEST_F(CitizenRoutesTest, WithdrawnAndExpiredOffersCannotBeAnswered) {
  // Opting out withdraws the open offer.
  Response put = Call(Method::kPut, "/api/v1/me/preferences", Citizen(kari_),
                      R"({"services": [{"id": "kindergarten-place", "opted_out": true}]})");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kWithdrawn);
  Response r = Post(OfferPath(kari_offer_, "/accept"), kari_, "{}");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(Code(r), "offer-withdrawn");
  EXPECT_NE(Json(r).at("detail").as_string().find("withdrawn"), std::string::npos);
  // Showing a withdrawn offer changes nothing.
  Response shown = Get(OfferPath(kari_offer_), Citizen(kari_));
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(Json(shown).at("state").as_string(), "withdrawn");
  EXPECT_EQ(StateOf(kari_offer_), OfferState::kWithdrawn);

  // Siv's offer expires after its deadline (2026-03-01).
  RunEngine("2026-03-05");
  EXPECT_EQ(StateOf(siv_offer_), OfferState::kExpired);
  Response late = Post(OfferPath(siv_offer_, "/decline"), siv_, "{}");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(Code(late), "offer-expired");
}

TEST_F(CitizenRoutesTest, AnswersArePrivate) {
  for (const char* target : {"/api/v1/me/offers", "/api/v1/me/data", "/api/v1/me/preferences"}) {
    Response r = Get(target, Citizen(kari_));
    bool no_store = false;
    for (const auto& [name, value] : r.headers)
      no_store |= name == "Cache-Control" && value == "no-store";
    EXPECT_TRUE(no_store) << target;
  }
}

}  // namespace
}  // namespace proaktiv::http::api

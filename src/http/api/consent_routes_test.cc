// The citizen's consents through the router on a real SQLite file: the list groups pending,
// active and past; open, accept, reject and revoke move the consent and say why when they may
// not; the receipt is a download with the ISO/IEC TS 27560 fields — and for every route,
// another citizen's consent is out of reach.

#include <gtest/gtest.h>

#include "http/api/consent_api_testing.h"

namespace proaktiv::http::api {
namespace {

class ConsentRoutesTest : public testing::ConsentApiTest {
 protected:
  std::string Path(const std::string& id, const std::string& suffix = "") {
    return "/api/v1/me/consents/" + id + suffix;
  }
};

TEST_F(ConsentRoutesTest, RoutesAreGuardedAndNamed) {
  int citizen = 0, open = 0;
  for (const Route& route : router_.routes()) {
    EXPECT_FALSE(route.options.name.empty()) << route.pattern;
    if (route.pattern.starts_with("/api/v1/me/")) {
      ++citizen;
      EXPECT_EQ(route.options.access, Access::kCitizen) << route.pattern;
      EXPECT_TRUE(route.options.blocking) << route.pattern;
    } else {
      ++open;  // consumers and the data API check proaktiv's own token themselves
      EXPECT_EQ(route.options.access, Access::kPublic) << route.pattern;
    }
  }
  EXPECT_EQ(citizen, 7);
  EXPECT_EQ(open, 5);
}

TEST_F(ConsentRoutesTest, ListsPendingActiveAndPastInTheCitizensLanguage) {
  store::ConsentRecord pending = MakeConsent(kari_, testing::kBankA, /*accept=*/false);
  clock_.Advance(std::chrono::minutes(1));
  store::ConsentRecord active = MakeConsent(kari_, testing::kBankB);
  MakeConsent(siv_, testing::kBankA, /*accept=*/false);
  Response r = AsCitizen(Method::kGet, "/api/v1/me/consents?lang=en", kari_);
  ASSERT_EQ(r.status, 200) << r.body;
  const boost::json::array list = Json(r).at("consents").as_array();
  ASSERT_EQ(list.size(), 2u) << "Siv's request is not in Kari's list";
  EXPECT_EQ(list[0].at("id"), boost::json::value(active.id));
  EXPECT_EQ(list[0].at("group"), "active");
  EXPECT_EQ(list[1].at("group"), "pending");
  EXPECT_EQ(list[1].at("consumer").at("name"), "Bank 937846231");
  EXPECT_EQ(list[1].at("purpose").at("name"),
            boost::json::value(catalog_->FindPurpose("credit-assessment")->description.en));
  EXPECT_EQ(list[1].at("items").at(0).at("name"),
            boost::json::value(catalog_->FindField("person.name")->description.en));
  EXPECT_EQ(list[1].at("message"), "Vi trenger opplysningene til lånesøknaden din.");
  EXPECT_EQ(r.body.find(kari_), std::string::npos);
  EXPECT_NE(std::find(r.headers.begin(), r.headers.end(),
                      std::pair<std::string, std::string>{"Cache-Control", "no-store"}),
            r.headers.end());
  EXPECT_EQ(
      Json(AsCitizen(Method::kGet, "/api/v1/me/consents", ola_)).at("consents").as_array().size(),
      0u);
}

TEST_F(ConsentRoutesTest, OpenAcceptRevokeAndWhatMayNotBeDone) {
  store::ConsentRecord c = MakeConsent(kari_, testing::kBankA, /*accept=*/false);
  Response opened = AsCitizen(Method::kPost, Path(c.id, "/open"), kari_);
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(Json(opened).at("state"), "opened");
  Response accepted = AsCitizen(Method::kPost, Path(c.id, "/accept"), kari_);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(Json(accepted).at("state"), "accepted");
  Response reject = AsCitizen(Method::kPost, Path(c.id, "/reject"), kari_);
  EXPECT_EQ(reject.status, 409);
  EXPECT_EQ(Code(reject), "conflict");
  EXPECT_NE(reject.body.find("a consent that is accepted cannot be rejected"), std::string::npos);
  Response revoked = AsCitizen(Method::kPost, Path(c.id, "/revoke"), kari_);
  ASSERT_EQ(revoked.status, 200);
  const boost::json::object detail = Json(revoked).as_object();
  EXPECT_EQ(detail.at("state"), "revoked");
  EXPECT_EQ(detail.at("group"), "past");
  const boost::json::array& events = detail.at("events").as_array();
  ASSERT_EQ(events.size(), 4u);
  EXPECT_TRUE(events[0].at("from").is_null());
  EXPECT_EQ(events[0].at("by"), "consumer");
  EXPECT_EQ(events[3].at("from"), "accepted");
  EXPECT_EQ(events[3].at("to"), "revoked");
  EXPECT_EQ(events[3].at("by"), "citizen");
  EXPECT_EQ(AsCitizen(Method::kPost, Path(c.id, "/accept"), kari_).status, 409);
}

TEST_F(ConsentRoutesTest, AnotherCitizensConsentIsOutOfReachOnEveryRoute) {
  store::ConsentRecord c = MakeConsent(kari_, testing::kBankA, /*accept=*/false);
  for (const char* suffix : {"", "/receipt"}) {
    Response r = AsCitizen(Method::kGet, Path(c.id, suffix), siv_);
    EXPECT_EQ(r.status, 404) << suffix;
    EXPECT_EQ(Code(r), "not-found");
  }
  for (const char* action : {"/open", "/accept", "/reject", "/revoke"}) {
    Response r = AsCitizen(Method::kPost, Path(c.id, action), siv_);
    EXPECT_EQ(r.status, 404) << action;
  }
  // Exactly like a consent that does not exist.
  Response unknown = AsCitizen(Method::kGet, Path("00000000000000000000000000000000"), kari_);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Json(unknown).at("detail"),
            Json(AsCitizen(Method::kGet, Path(c.id), siv_)).at("detail"));
  EXPECT_EQ((*store_->consent().FindConsent(c.id))->state, "created");
  // Someone the register does not know.
  Response stranger =
      AsCitizen(Method::kGet, "/api/v1/me/consents", consent::testing::MakeId("1970-01-01", 9));
  EXPECT_EQ(stranger.status, 404);
  EXPECT_EQ(Code(stranger), "unknown-person");
}

TEST_F(ConsentRoutesTest, ReceiptIsADownload) {
  store::ConsentRecord c = MakeConsent(kari_);
  Response r = AsCitizen(Method::kGet, Path(c.id, "/receipt?lang=nn"), kari_);
  ASSERT_EQ(r.status, 200) << r.body;
  bool attachment = false;
  for (const auto& [name, value] : r.headers) {
    if (name == "Content-Disposition") {
      attachment = value == "attachment; filename=\"consent-receipt-" + c.id + ".json\"";
    }
  }
  EXPECT_TRUE(attachment);
  const boost::json::object receipt = Json(r).as_object();
  EXPECT_EQ(receipt.at("record_id"), boost::json::value(c.id));
  EXPECT_EQ(receipt.at("language"), "nn");
  EXPECT_EQ(receipt.at("pii_controllers").at(0).at("name"), "Bergen kommune");
  EXPECT_EQ(receipt.at("purposes").at(0).at("purpose"),
            boost::json::value(catalog_->FindPurpose("credit-assessment")->description.nn));
  EXPECT_EQ(receipt.at("events").as_array().size(), 2u);
  EXPECT_EQ(r.body.find(kari_), std::string::npos);
}

TEST_F(ConsentRoutesTest, ExpiredRequestsShowAsPastAndCannotBeAccepted) {
  store::ConsentRecord c = MakeConsent(kari_, testing::kBankA, /*accept=*/false);
  clock_.Advance(std::chrono::days(8));
  Response accept = AsCitizen(Method::kPost, Path(c.id, "/accept"), kari_);
  EXPECT_EQ(accept.status, 409);
  EXPECT_NE(accept.body.find("expired"), std::string::npos);
  Response list = AsCitizen(Method::kGet, "/api/v1/me/consents", kari_);
  EXPECT_EQ(Json(list).at("consents").at(0).at("state"), "expired");
  EXPECT_EQ(Json(list).at("consents").at(0).at("group"), "past");
}

}  // namespace
}  // namespace proaktiv::http::api

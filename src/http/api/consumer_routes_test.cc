// Consumers and the data API through the router, as a bank would use them: a client assertion
// at /oauth/token, a consent request, the citizen's answer, a data token, the fetch — then
// revocation with a live token, expiry, single use, an item not covered, another consumer, a
// forged token and a token used for another person. Every refusal says why.

#include <gtest/gtest.h>

#include "consent/jws.h"
#include "consent/time_text.h"
#include "http/api/consent_api_testing.h"

namespace proaktiv::http::api {
namespace {

using testing::kBankA;
using testing::kBankB;

class ConsumerRoutesTest : public testing::ConsentApiTest {
 protected:
  std::string RequestBody(const std::string& person, bool single_use = false) {
    return R"({"person":")" + person +
           R"(","items":["person.name","person.residence.address"],)"
           R"("purpose":"credit-assessment","valid_to":")" +
           consent::FormatUtc(NowMs() + 7 * 86'400'000LL) + R"(","single_use":)" +
           (single_use ? "true" : "false") +
           R"(,"message":{"nb":"Lånesøknad","en":"Loan application"}})";
  }
  // Bank A asks Kari (through the API); Kari accepts (through the API); returns the id.
  std::string AskAndAccept(const std::string& person, bool single_use = false) {
    Response created = AsConsumer(Method::kPost, "/api/v1/consumer/consent-requests",
                                  ScopeToken(bank_a_key_, kBankA), RequestBody(person, single_use));
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string id(Json(created).at("id").as_string());
    EXPECT_EQ(AsCitizen(Method::kPost, "/api/v1/me/consents/" + id + "/accept", person).status,
              200);
    return id;
  }
};

TEST_F(ConsumerRoutesTest, AskAcceptFetch) {
  const std::string scope = ScopeToken(bank_a_key_, kBankA);
  Response created =
      AsConsumer(Method::kPost, "/api/v1/consumer/consent-requests", scope, RequestBody(kari_));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id(Json(created).at("id").as_string());
  EXPECT_EQ(Json(created).at("state"), "created");
  EXPECT_EQ(created.body.find(kari_), std::string::npos);
  // No data token before the citizen accepts.
  Response early =
      TokenCall(bank_a_key_, kBankA,
                "authorization_details=" +
                    FormEncode(R"([{"type":"proaktiv_consent","consent_id":")" + id + R"("}])"));
  EXPECT_EQ(early.status, 400);
  EXPECT_EQ(Json(early).at("error"), "invalid_authorization_details");

  ASSERT_EQ(AsCitizen(Method::kPost, "/api/v1/me/consents/" + id + "/accept", kari_).status, 200);
  Response status = AsConsumer(Method::kGet, "/api/v1/consumer/consent-requests/" + id, scope);
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(Json(status).at("state"), "accepted");

  const std::string token = DataToken(bank_a_key_, kBankA, id);
  Response data = FetchData(token, kari_);
  ASSERT_EQ(data.status, 200) << data.body;
  const boost::json::value body = Json(data);
  EXPECT_EQ(body.at("consent_id"), boost::json::value(id));
  EXPECT_EQ(body.at("items").at("person.name").at("full"), "Kari Nordmann");
  EXPECT_EQ(body.at("items").at("person.residence.address").at("postal_code"), "0155");
  EXPECT_EQ(data.body.find(kari_), std::string::npos);
  ASSERT_EQ(recorder_.records.size(), 1u);
  EXPECT_EQ(recorder_.records[0].reference, "consent:" + id);
  // One item of the two.
  Response one = FetchData(token, kari_, "?items=person.name");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(Json(one).at("items").as_object().size(), 1u);
}

TEST_F(ConsumerRoutesTest, RevocationStopsALiveTokenAtOnce) {
  const std::string id = AskAndAccept(kari_);
  const std::string token = DataToken(bank_a_key_, kBankA, id);
  ASSERT_EQ(FetchData(token, kari_).status, 200);
  ASSERT_EQ(AsCitizen(Method::kPost, "/api/v1/me/consents/" + id + "/revoke", kari_).status, 200);
  Response after = FetchData(token, kari_);
  EXPECT_EQ(after.status, 403);
  EXPECT_EQ(Code(after), "revoked");
}

TEST_F(ConsumerRoutesTest, ExpiryAndSingleUse) {
  const std::string id = AskAndAccept(kari_);
  const std::string token = DataToken(bank_a_key_, kBankA, id);
  clock_.Advance(std::chrono::days(8));
  // The token itself has expired too; a token minted for the moment shows the consent's reason.
  EXPECT_EQ(Code(FetchData(token, kari_)), "invalid-token");
  consent::AccessClaims late = TokenFor(**store_->consent().FindConsent(id));
  Response expired = FetchData(tokens_.Issue(late), kari_);
  EXPECT_EQ(expired.status, 403);
  EXPECT_EQ(Code(expired), "expired");

  const std::string once = AskAndAccept(siv_, /*single_use=*/true);
  const std::string once_token = DataToken(bank_a_key_, kBankA, once);
  EXPECT_EQ(FetchData(once_token, siv_).status, 200);
  Response second = FetchData(once_token, siv_);
  EXPECT_EQ(second.status, 403);
  EXPECT_EQ(Code(second), "used");
}

TEST_F(ConsumerRoutesTest, RefusalsSayWhy) {
  const std::string id = AskAndAccept(kari_);
  const std::string token = DataToken(bank_a_key_, kBankA, id);
  Response item = FetchData(token, kari_, "?items=person.birth_date");
  EXPECT_EQ(item.status, 403);
  EXPECT_EQ(Code(item), "item-not-covered");
  // The token names Kari's consent; the call names Siv.
  Response person = FetchData(token, siv_);
  EXPECT_EQ(Code(person), "wrong-person");
  EXPECT_EQ(person.body.find(siv_), std::string::npos);
  Response nobody = AsConsumer(Method::kGet, "/api/v1/data", token);
  EXPECT_EQ(nobody.status, 400);
  EXPECT_EQ(Code(nobody), "missing-person");
  // A token the bank signed itself.
  consent::AccessClaims claims = TokenFor(**store_->consent().FindConsent(id));
  const std::string forged = consent::SignJws(
      *[&] {
        auto jws = consent::ParseJws(tokens_.Issue(claims));
        return std::optional<boost::json::object>(jws->payload);
      }(),
      bank_a_key_, "at+jwt", tokens_.kid());
  Response fake = FetchData(forged, kari_);
  EXPECT_EQ(fake.status, 401);
  EXPECT_EQ(Code(fake), "invalid-token");
  bool challenge = false;
  for (const auto& [name, value] : fake.headers) challenge |= name == "WWW-Authenticate";
  EXPECT_TRUE(challenge);
  // A consent-requests token is not a data token; no token at all.
  EXPECT_EQ(Code(FetchData(ScopeToken(bank_a_key_, kBankA), kari_)), "invalid-token");
  EXPECT_EQ(Call(Method::kGet, "/api/v1/data", Principal{}, "", {{"person-id", kari_}}).status,
            401);
  EXPECT_TRUE(recorder_.records.empty());
}

TEST_F(ConsumerRoutesTest, AnotherConsumerGetsNothing) {
  const std::string id = AskAndAccept(kari_);
  // Bank B cannot see bank A's request …
  Response status = AsConsumer(Method::kGet, "/api/v1/consumer/consent-requests/" + id,
                               ScopeToken(bank_b_key_, kBankB));
  EXPECT_EQ(status.status, 404);
  // … nor get a token for it …
  Response token =
      TokenCall(bank_b_key_, kBankB,
                "authorization_details=" +
                    FormEncode(R"([{"type":"proaktiv_consent","consent_id":")" + id + R"("}])"));
  EXPECT_EQ(token.status, 400);
  EXPECT_EQ(Json(token).at("error"), "invalid_authorization_details");
  // … nor pass for bank A with its own key …
  Response impostor = TokenCall(bank_b_key_, kBankA, "scope=consent-requests");
  EXPECT_EQ(impostor.status, 401);
  EXPECT_EQ(Json(impostor).at("error"), "invalid_client");
  // … and a token issued to bank B for bank A's consent is refused by the data API.
  Response data =
      FetchData(tokens_.Issue(TokenFor(**store_->consent().FindConsent(id), kBankB)), kari_);
  EXPECT_EQ(data.status, 403);
  EXPECT_EQ(Code(data), "wrong-consumer");
}

TEST_F(ConsumerRoutesTest, ConsentRequestsNeedTheScopeAndValidBodies) {
  const std::string id = AskAndAccept(kari_);
  Response with_data_token = AsConsumer(Method::kPost, "/api/v1/consumer/consent-requests",
                                        DataToken(bank_a_key_, kBankA, id), RequestBody(siv_));
  EXPECT_EQ(with_data_token.status, 403);
  EXPECT_EQ(Code(with_data_token), "insufficient-scope");
  EXPECT_EQ(Call(Method::kPost, "/api/v1/consumer/consent-requests", Principal{}, RequestBody(siv_))
                .status,
            401);
  const std::string scope = ScopeToken(bank_a_key_, kBankA);
  std::string wrong_purpose = RequestBody(siv_);
  wrong_purpose.replace(wrong_purpose.find("credit-assessment"), 17, "kindergarten-offer");
  Response refused =
      AsConsumer(Method::kPost, "/api/v1/consumer/consent-requests", scope, wrong_purpose);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Code(refused), "not-allowed");
  Response stranger = AsConsumer(Method::kPost, "/api/v1/consumer/consent-requests", scope,
                                 RequestBody(consent::testing::MakeId("1970-01-01", 9)));
  EXPECT_EQ(stranger.status, 422);
  EXPECT_EQ(Code(stranger), "unknown-person");
}

TEST_F(ConsumerRoutesTest, TokenEndpointSpeaksOAuthAndJwksPublishesTheKey) {
  Response form = Call(Method::kPost, "/oauth/token", Principal{}, "{}",
                       {{"content-type", "application/json"}});
  EXPECT_EQ(form.status, 400);
  EXPECT_EQ(Json(form).at("error"), "invalid_request");
  Response ok = TokenCall(bank_a_key_, kBankA, "scope=consent-requests");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json(ok).at("token_type"), "Bearer");
  EXPECT_EQ(Json(ok).at("expires_in"), 300);
  Response jwks = Call(Method::kGet, "/api/v1/consent/jwks.json", Principal{});
  ASSERT_EQ(jwks.status, 200);
  EXPECT_EQ(jwks.content_type, "application/jwk-set+json");
  auto jws = consent::ParseJws(std::string(Json(ok).at("access_token").as_string()));
  EXPECT_EQ(Json(jwks).at("keys").at(0).at("kid"), boost::json::value(jws->kid));
}

}  // namespace
}  // namespace proaktiv::http::api

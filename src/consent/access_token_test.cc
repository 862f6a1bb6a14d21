// proaktiv's access tokens and consumers' client assertions: what verifies, and each reason a
// token or an assertion is refused.

#include "consent/access_token.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "consent/client_assertion.h"
#include "consent/consent_testing.h"
#include "consent/jws.h"

namespace proaktiv::consent {
namespace {

class AccessTokenTest : public testing::ConsentFixture {
 protected:
  AccessClaims Claims() {
    AccessClaims c;
    c.consumer = testing::kBankA;
    c.consent_id = "c1";
    c.items = {"person.name"};
    c.issued_at = NowS();
    c.expires_at = NowS() + 300;
    c.jti = "j1";
    return c;
  }
  ConsumerLookup Lookup() {
    return [this](std::string_view org) { return store_->consent().FindConsumer(org); };
  }
};

TEST_F(AccessTokenTest, IssuedTokensVerifyUntilTheyExpire) {
  const std::string token = tokens_.Issue(Claims());
  auto claims = tokens_.Verify(token, NowS());
  ASSERT_TRUE(claims) << claims.error().message;
  EXPECT_EQ(claims->consumer, testing::kBankA);
  EXPECT_EQ(claims->consent_id, "c1");
  EXPECT_EQ(claims->items, std::vector<std::string>{"person.name"});
  // The RFC 9396 shape.
  auto jws = ParseJws(token);
  const auto& detail = jws->payload.at("authorization_details").at(0);
  EXPECT_EQ(detail.at("type"), "proaktiv_consent");
  EXPECT_EQ(detail.at("consent_id"), "c1");
  EXPECT_EQ(detail.at("locations").at(0), "http://127.0.0.1:8080/api/v1/data");
  EXPECT_EQ(jws->typ, "at+jwt");
  EXPECT_EQ(jws->kid, tokens_.kid());

  auto expired = tokens_.Verify(token, NowS() + 300);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().message, "the token expired");
  // Signed by anyone else: refused, even with our kid.
  Issuer same_url(testing::kBaseUrl);
  TokenIssuer other(KeyPair::Generate(), same_url);
  auto forged = tokens_.Verify(other.Issue(Claims()), NowS());
  ASSERT_FALSE(forged);
  // Issued for another base URL.
  Issuer elsewhere("http://10.0.0.1");
  EXPECT_FALSE(TokenIssuer(KeyPair::Generate(), elsewhere).Verify(token, NowS()));
  // A client assertion is not an access token.
  auto assertion = tokens_.Verify(
      MakeClientAssertion(bank_a_key_, testing::kBankA, issuer_.token_endpoint(), NowS()), NowS());
  ASSERT_FALSE(assertion);
  EXPECT_NE(assertion.error().message.find("typ at+jwt"), std::string::npos);
  // The JWKS publishes the key that verifies.
  const boost::json::object jwks = tokens_.Jwks();
  EXPECT_EQ(jwks.at("keys").at(0).at("kid"), boost::json::value(tokens_.kid()));
  EXPECT_EQ(jwks.at("keys").at(0).at("crv"), "Ed25519");
  EXPECT_FALSE(jwks.at("keys").at(0).as_object().contains("d"));
}

TEST_F(AccessTokenTest, ClientAssertionsVerifyWithTheRegisteredKey) {
  const std::string endpoint = issuer_.token_endpoint();
  auto ok =
      VerifyClientAssertion(MakeClientAssertion(bank_a_key_, testing::kBankA, endpoint, NowS()),
                            testing::kBankA, endpoint, NowS(), Lookup());
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->consumer.org_number, testing::kBankA);
  EXPECT_EQ(ok->jti.size(), 32u);

  auto refused = [&](const std::string& assertion, const std::string& why,
                     std::string_view client_id = "") {
    auto r = VerifyClientAssertion(assertion, client_id, endpoint, NowS(), Lookup());
    ASSERT_FALSE(r) << why;
    EXPECT_NE(r.error().message.find(why), std::string::npos) << r.error().message;
  };
  // Bank B's key claiming to be bank A.
  refused(MakeClientAssertion(bank_b_key_, testing::kBankA, endpoint, NowS()),
          "does not match the registered key");
  refused(MakeClientAssertion(bank_a_key_, "123456785", endpoint, NowS()),
          "is not a registered consumer");
  refused(MakeClientAssertion(bank_a_key_, testing::kBankA, "http://evil/oauth/token", NowS()),
          "audience");
  refused(MakeClientAssertion(bank_a_key_, testing::kBankA, endpoint, NowS() - 400), "expired");
  refused(MakeClientAssertion(bank_a_key_, testing::kBankA, endpoint, NowS(), 3600), "too long");
  refused(MakeClientAssertion(bank_a_key_, testing::kBankA, endpoint, NowS()), "differ",
          testing::kBankB);
  const boost::json::object no_jti{
      {"iss", testing::kBankA}, {"sub", testing::kBankA}, {"aud", endpoint}, {"exp", NowS() + 60}};
  refused(SignJws(no_jti, bank_a_key_, "JWT", ""), "jti");
  const boost::json::object other_sub{{"iss", testing::kBankA},
                                      {"sub", testing::kBankB},
                                      {"aud", endpoint},
                                      {"exp", NowS() + 60},
                                      {"jti", "x"}};
  refused(SignJws(other_sub, bank_a_key_, "JWT", ""), "iss and sub");
}

}  // namespace
}  // namespace proaktiv::consent

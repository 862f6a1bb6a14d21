// The whole life of a consent on a real SQLite file: created, opened, accepted, a token from the
// token endpoint, a fetch (with its audit record), then each way it ends — revoked while a token
// is live, expired (fake clock), used up (single use) — and each refusal: item not covered,
// another consumer's token, another person. Every transition is recorded with who and when,
// and the receipt carries the ISO/IEC TS 27560 fields.

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "consent/client_assertion.h"
#include "consent/consent_testing.h"
#include "consent/data_access.h"
#include "consent/receipt.h"
#include "consent/token_grant.h"

namespace proaktiv::consent {
namespace {

class ConsentLifecycleTest : public testing::ConsentFixture {
 protected:
  FetchOutcome Fetch(const AccessClaims& token, const std::string& person,
                     std::vector<std::string> items = {}) {
    DataAccess access(*store_, clock_, recorder_);
    auto out = access.Fetch(token, person, std::move(items));
    EXPECT_TRUE(out) << out.error().message;
    return out ? *out : tl::unexpected(Refused{});
  }
  static std::string Reason(const FetchOutcome& o) {
    return o ? "fetched" : std::string(Code(o.error().reason));
  }
  std::string State(const std::string& id) { return (*store_->consent().FindConsent(id))->state; }

  tl::expected<TokenGrant, OAuthError> Grant(const KeyPair& key, const char* client,
                                             const std::string& details) {
    TokenRequest r;
    r.grant_type = "client_credentials";
    r.client_assertion_type = std::string(kJwtBearerAssertionType);
    r.client_assertion = MakeClientAssertion(key, client, issuer_.token_endpoint(), NowS());
    r.authorization_details = details;
    return GrantToken(r, *store_, tokens_, clock_);
  }
  static std::string Details(const std::string& id) {
    return R"([{"type":"proaktiv_consent","consent_id":")" + id + R"("}])";
  }
};

TEST_F(ConsentLifecycleTest, AcceptedConsentYieldsATokenAndTheData) {
  ConsentService service(*store_, clock_);
  store::ConsentRecord consent = MakeConsent(kari_, testing::kBankA, /*accept=*/false);
  EXPECT_EQ(consent.state, "created");
  clock_.Advance(std::chrono::minutes(5));
  ASSERT_TRUE(service.Act(keys_[kari_], consent.id, CitizenAction::kOpen));
  clock_.Advance(std::chrono::minutes(5));
  ASSERT_TRUE(service.Act(keys_[kari_], consent.id, CitizenAction::kAccept));

  auto grant = Grant(bank_a_key_, testing::kBankA, Details(consent.id));
  ASSERT_TRUE(grant) << grant.error().description;
  EXPECT_EQ(grant->expires_in, kAccessTokenSeconds);
  auto token = tokens_.Verify(grant->access_token, NowS());
  ASSERT_TRUE(token) << token.error().message;
  EXPECT_EQ(token->items, consent.items);

  FetchOutcome out = Fetch(*token, kari_);
  ASSERT_TRUE(out) << out.error().detail;
  const boost::json::object& items = out->data.at("items").as_object();
  EXPECT_EQ(items.at("person.name").at("full"), "Kari Nordmann");
  EXPECT_EQ(items.at("person.residence.address").at("street"), "Storgata");
  EXPECT_EQ(out->data.at("purpose"), "credit-assessment");
  EXPECT_EQ(boost::json::serialize(out->data).find(kari_), std::string::npos);
  EXPECT_EQ(State(consent.id), "accepted") << "repeated use stays accepted";

  ASSERT_EQ(recorder_.records.size(), 1u);
  const audit::AccessRecord& r = recorder_.records[0];
  EXPECT_EQ(r.actor_kind, audit::ActorKind::kConsumer);
  EXPECT_EQ(r.actor_id, testing::kBankA);
  EXPECT_EQ(r.actor_name, "Bank 937846231");
  EXPECT_EQ(r.subject_key, keys_[kari_]);
  EXPECT_EQ(r.items, consent.items);
  EXPECT_EQ(r.legal_basis, "consent");
  EXPECT_EQ(r.reference, "consent:" + consent.id);
  EXPECT_EQ(r.time_unix_ms, NowMs());

  auto events = *store_->consent().Events(consent.id);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].actor_kind, "consumer");
  EXPECT_EQ(events[0].actor_id, testing::kBankA);
  EXPECT_EQ(events[1].to_state, "opened");
  EXPECT_EQ(events[1].actor_kind, "citizen");
  EXPECT_EQ(events[1].actor_id, std::to_string(keys_[kari_]));
  EXPECT_EQ(events[2].to_state, "accepted");
  EXPECT_EQ(events[2].time_ms, events[1].time_ms + 300'000);
}

TEST_F(ConsentLifecycleTest, RevokingStopsATokenAlreadyIssued) {
  store::ConsentRecord consent = MakeConsent(kari_);
  const AccessClaims token = TokenFor(consent);
  EXPECT_TRUE(Fetch(token, kari_));
  ConsentService service(*store_, clock_);
  ASSERT_TRUE(service.Act(keys_[kari_], consent.id, CitizenAction::kRevoke));
  FetchOutcome after = Fetch(token, kari_);
  EXPECT_EQ(Reason(after), "revoked");
  EXPECT_NE(after.error().detail.find("revoked"), std::string::npos);
  EXPECT_EQ(recorder_.records.size(), 1u);
  // No new token either.
  auto grant = Grant(bank_a_key_, testing::kBankA, Details(consent.id));
  ASSERT_FALSE(grant);
  EXPECT_EQ(grant.error().error, "invalid_authorization_details");
  EXPECT_NE(grant.error().description.find("(revoked)"), std::string::npos);
  // And it cannot be accepted again.
  auto again = service.Act(keys_[kari_], consent.id, CitizenAction::kAccept);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(ConsentLifecycleTest, ExpiresAtValidTo) {
  store::ConsentRecord consent = MakeConsent(kari_);
  const AccessClaims token = TokenFor(consent);
  clock_.Advance(std::chrono::days(8));
  EXPECT_EQ(Reason(Fetch(token, kari_)), "expired");
  EXPECT_EQ(State(consent.id), "expired");
  auto events = *store_->consent().Events(consent.id);
  EXPECT_EQ(events.back().to_state, "expired");
  EXPECT_EQ(events.back().actor_kind, "system");
  EXPECT_EQ(events.back().time_ms, consent.valid_to_ms);
  EXPECT_TRUE(recorder_.records.empty());
  // A pending request expires too, seen from the citizen's list.
  store::ConsentRecord pending = MakeConsent(siv_, testing::kBankA, /*accept=*/false);
  clock_.Advance(std::chrono::days(8));
  ConsentService service(*store_, clock_);
  auto mine = service.ForPerson(keys_[siv_]);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->front().state, "expired");
}

TEST_F(ConsentLifecycleTest, SingleUseIsUsedUpByOneFetch) {
  store::ConsentRecord consent = MakeConsent(kari_, testing::kBankA, true, /*single_use=*/true);
  const AccessClaims token = TokenFor(consent);
  EXPECT_TRUE(Fetch(token, kari_, {"person.name"}));
  EXPECT_EQ(State(consent.id), "used");
  EXPECT_EQ(Reason(Fetch(token, kari_, {"person.residence.address"})), "used");
  EXPECT_EQ(store_->consent().Events(consent.id)->back().actor_kind, "system");
}

TEST_F(ConsentLifecycleTest, NothingLeavesWithoutItsAuditRecord) {
  store::ConsentRecord consent = MakeConsent(kari_, testing::kBankA, true, /*single_use=*/true);
  recorder_.fail = true;
  DataAccess access(*store_, clock_, recorder_);
  EXPECT_FALSE(access.Fetch(TokenFor(consent), kari_, {}));
  EXPECT_EQ(State(consent.id), "accepted") << "the failed fetch did not use the consent up";
  recorder_.fail = false;
  EXPECT_TRUE(Fetch(TokenFor(consent), kari_));
}

TEST_F(ConsentLifecycleTest, RefusesItemsPersonsAndConsumersNotCovered) {
  store::ConsentRecord consent = MakeConsent(kari_);
  const AccessClaims token = TokenFor(consent);
  EXPECT_EQ(Reason(Fetch(token, kari_, {"person.birth_date"})), "item-not-covered");
  // A token narrowed to one item does not reach the consent's other item.
  AccessClaims narrow = token;
  narrow.items = {"person.name"};
  EXPECT_EQ(Reason(Fetch(narrow, kari_, {"person.residence.address"})), "item-not-covered");
  EXPECT_EQ(Reason(Fetch(token, siv_)), "wrong-person");
  EXPECT_EQ(Reason(Fetch(token, testing::MakeId("1970-01-01", 9))), "wrong-person");
  EXPECT_EQ(Reason(Fetch(TokenFor(consent, testing::kBankB), kari_)), "wrong-consumer");
  AccessClaims unknown = token;
  unknown.consent_id = "0000";
  EXPECT_EQ(Reason(Fetch(unknown, kari_)), "unknown-consent");
  AccessClaims scope_only = token;
  scope_only.consent_id.clear();
  EXPECT_EQ(Reason(Fetch(scope_only, kari_)), "invalid-token");
  EXPECT_TRUE(recorder_.records.empty());
  // Not accepted yet.
  store::ConsentRecord pending = MakeConsent(siv_, testing::kBankA, /*accept=*/false);
  EXPECT_EQ(Reason(Fetch(TokenFor(pending), siv_)), "not-accepted");
}

TEST_F(ConsentLifecycleTest, CitizensActOnlyOnTheirOwnConsents) {
  store::ConsentRecord consent = MakeConsent(kari_, testing::kBankA, /*accept=*/false);
  ConsentService service(*store_, clock_);
  auto other = service.Act(keys_[siv_], consent.id, CitizenAction::kAccept);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(State(consent.id), "created");
}

TEST_F(ConsentLifecycleTest, TokenEndpointRefusals) {
  store::ConsentRecord consent = MakeConsent(kari_);
  // Bank B cannot get a token for bank A's consent.
  auto other = Grant(bank_b_key_, testing::kBankB, Details(consent.id));
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().error, "invalid_authorization_details");
  // A replayed assertion.
  TokenRequest r;
  r.grant_type = "client_credentials";
  r.client_assertion_type = std::string(kJwtBearerAssertionType);
  r.client_assertion =
      MakeClientAssertion(bank_a_key_, testing::kBankA, issuer_.token_endpoint(), NowS());
  r.scope = "consent-requests";
  auto first = GrantToken(r, *store_, tokens_, clock_);
  ASSERT_TRUE(first) << first.error().description;
  EXPECT_EQ(tokens_.Verify(first->access_token, NowS())->scope, "consent-requests");
  auto replay = GrantToken(r, *store_, tokens_, clock_);
  ASSERT_FALSE(replay);
  EXPECT_EQ(replay.error().status, 401);
  EXPECT_EQ(replay.error().error, "invalid_client");
  // Items beyond the consent; another grant type; neither details nor scope.
  auto beyond = Grant(bank_a_key_, testing::kBankA,
                      R"([{"type":"proaktiv_consent","consent_id":")" + consent.id +
                          R"(","items":["person.birth_date"]}])");
  ASSERT_FALSE(beyond);
  EXPECT_NE(beyond.error().description.find("not covered"), std::string::npos);
  TokenRequest password = r;
  password.grant_type = "password";
  EXPECT_EQ(GrantToken(password, *store_, tokens_, clock_).error().error, "unsupported_grant_type");
  TokenRequest neither = r;
  neither.scope.clear();
  EXPECT_EQ(GrantToken(neither, *store_, tokens_, clock_).error().error, "invalid_request");
  // A token never outlives its consent.
  clock_.Advance(std::chrono::days(7) - std::chrono::minutes(1));
  auto late = Grant(bank_a_key_, testing::kBankA, Details(consent.id));
  ASSERT_TRUE(late) << late.error().description;
  EXPECT_EQ(late->expires_in, 60);
}

TEST_F(ConsentLifecycleTest, ReceiptHasTheIso27560Fields) {
  store::ConsentRecord consent = MakeConsent(kari_);
  ConsentService service(*store_, clock_);
  ASSERT_TRUE(service.Act(keys_[kari_], consent.id, CitizenAction::kRevoke));
  consent = **store_->consent().FindConsent(consent.id);
  auto consumer = *store_->consent().FindConsumer(testing::kBankA);
  const auto person = **store_->FindPerson(kari_);
  const boost::json::object receipt =
      ConsentReceipt(consent, *store_->consent().Events(consent.id), person.person,
                     ReceiptParties{"Bergen kommune", &*consumer}, *catalog_, "en");
  for (const char* field : {"schema_version", "record_id", "pii_principal_id", "pii_controllers",
                            "recipient_third_parties", "purposes", "duration", "events"}) {
    EXPECT_TRUE(receipt.contains(field)) << field;
  }
  EXPECT_EQ(receipt.at("record_id"), boost::json::value(consent.id));
  EXPECT_EQ(receipt.at("pii_principal_name"), "Kari Nordmann");
  EXPECT_EQ(receipt.at("pii_principal_id"), boost::json::value(kari_.substr(0, 6) + "*****"));
  EXPECT_EQ(receipt.at("pii_controllers").at(0).at("name"), "Bergen kommune");
  EXPECT_EQ(receipt.at("recipient_third_parties").at(0).at("organisation_number"), testing::kBankA);
  const auto& purpose = receipt.at("purposes").at(0);
  EXPECT_EQ(purpose.at("lawful_basis"), "consent");
  EXPECT_EQ(purpose.at("pii_information").as_array().size(), 2u);
  EXPECT_EQ(purpose.at("pii_information").at(0).at("id"), "person.name");
  EXPECT_EQ(receipt.at("events").as_array().size(), 3u);
  EXPECT_EQ(receipt.at("events").at(2).at("event_type"), "revoked");
  EXPECT_EQ(receipt.at("state"), "revoked");
  EXPECT_EQ(boost::json::serialize(receipt).find(kari_), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::consent

// Consent requests: the JSON shape, and the checks against the consumer's registered purposes
// and the catalog (items that allow the purpose, valid-to in the coming year); errors name the
// field and never the identity number.

#include "consent/consent_request.h"

#include <gtest/gtest.h>

#include "consent/consent_testing.h"
#include "consent/time_text.h"

namespace proaktiv::consent {
namespace {

class ConsentRequestTest : public testing::ConsentFixture {
 protected:
  std::string Body(const std::string& extra = "",
                   const std::string& items = R"(["person.name","person.children"])") {
    return R"({"person":")" + kari_ + R"(","items":)" + items +
           R"(,"purpose":"credit-assessment","valid_to":"2026-02-01T00:00:00Z",)"
           R"("message":{"nb":"Lånesøknad","en":"Loan application"})" +
           extra + "}";
  }
  store::ConsumerRecord BankA() { return **store_->consent().FindConsumer(testing::kBankA); }
};

TEST_F(ConsentRequestTest, ParsesAndChecks) {
  auto r = ParseConsentRequest(Body(R"(,"single_use":true)"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->person_id, kari_);
  EXPECT_EQ(r->items, (std::vector<std::string>{"person.name", "person.children"}));
  EXPECT_TRUE(r->single_use);
  EXPECT_EQ(r->message_en, "Loan application");
  EXPECT_EQ(r->message_nn, "");
  EXPECT_EQ(r->valid_to_ms, *ParseUtc("2026-02-01T00:00:00Z", "t"));
  EXPECT_TRUE(CheckConsentRequest(*r, BankA(), *catalog_, NowMs()));
}

TEST_F(ConsentRequestTest, RefusesBadShapes) {
  auto expect_error = [&](const std::string& body, const std::string& part) {
    auto r = ParseConsentRequest(body);
    ASSERT_FALSE(r) << body;
    EXPECT_NE(r.error().message.find(part), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.find(kari_), std::string::npos);
  };
  expect_error("[]", "not a JSON object");
  expect_error(Body(R"(,"extra":1)"), "'extra' is not a field");
  expect_error(Body("", "[]"), "'items'");
  expect_error(Body("", R"(["person.name","person.name"])"), "named twice");
  expect_error(Body(R"(,"single_use":"yes")"), "'single_use'");
  std::string wrong_id = Body();
  wrong_id.replace(wrong_id.find(kari_), 11, "12345678901");
  expect_error(wrong_id, "'person' is not a valid identity number");
  std::string bad_time = Body();
  bad_time.replace(bad_time.find("2026-02-01T00:00:00Z"), 20, "2026-02-01");
  expect_error(bad_time, "'valid_to' '2026-02-01' is not a date-time");
}

TEST_F(ConsentRequestTest, ChecksPurposeItemsAndValidity) {
  auto check = [&](ConsentRequest r) {
    return CheckConsentRequest(r, BankA(), *catalog_, NowMs());
  };
  ConsentRequest ok = AskFor(kari_);
  EXPECT_TRUE(check(ok));

  ConsentRequest unregistered = ok;
  unregistered.purpose = "kindergarten-offer";
  auto refused = check(unregistered);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "'purpose': consumer 937846231 is not registered for 'kindergarten-offer'");

  ConsentRequest not_allowed = ok;
  not_allowed.items = {"person.sex"};
  refused = check(not_allowed);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "'items': 'person.sex' may not be used for purpose 'credit-assessment'");

  ConsentRequest unknown = ok;
  unknown.items = {"tax.income"};
  EXPECT_FALSE(check(unknown));

  ConsentRequest past = ok;
  past.valid_to_ms = NowMs() - 1;
  EXPECT_FALSE(check(past));
  ConsentRequest too_long = ok;
  too_long.valid_to_ms = NowMs() + kMaxValidityMs + 1;
  EXPECT_FALSE(check(too_long));
}

TEST(TimeText, FormatsAndParsesUtc) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(*ParseUtc("2026-01-20T12:00:00Z", "t"), 1768910400000);
  EXPECT_EQ(*ParseUtc("2026-01-20T13:00:00.5+01:00", "t"), 1768910400000);
  EXPECT_EQ(FormatUtc(1768910400999), "2026-01-20T12:00:00Z");
  EXPECT_FALSE(ParseUtc("2026-01-20T25:00:00Z", "t"));
  EXPECT_FALSE(ParseUtc("2026-01-20 12:00:00Z", "t"));
}

}  // namespace
}  // namespace proaktiv::consent

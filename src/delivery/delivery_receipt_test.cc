// Receipt bodies, their errors and their signatures.

#include "delivery/delivery_receipt.h"

#include <gtest/gtest.h>

namespace proaktiv::delivery {
namespace {

TEST(DeliveryReceipt, ParsesADeliveredAndAFailedReceipt) {
  auto delivered = ParseDeliveryReceipt(
      R"({"id":"gw-7","status":"delivered","time":"2025-03-12T09:30:05Z","extra":1})");
  ASSERT_TRUE(delivered) << delivered.error().message;
  EXPECT_EQ(delivered->provider_id, "gw-7");
  EXPECT_TRUE(delivered->delivered);
  EXPECT_EQ(delivered->time, "2025-03-12T09:30:05Z");
  auto failed = ParseDeliveryReceipt(
      R"({"id":"gw-8","status":"failed","detail":"unknown number","idempotency_key":"k"})");
  ASSERT_TRUE(failed);
  EXPECT_FALSE(failed->delivered);
  EXPECT_EQ(failed->detail, "unknown number");
  EXPECT_EQ(failed->idempotency_key, "k");
}

TEST(DeliveryReceipt, ErrorsNameTheMember) {
  struct Case {
    const char* body;
    const char* expected;
  };
  for (const Case& c :
       {Case{"not json", "not JSON"}, Case{"[1]", "JSON object"},
        Case{R"({"status":"delivered"})", "receipt id is missing"},
        Case{R"({"id":7,"status":"delivered"})", "receipt id must be a string"},
        Case{R"({"id":"a"})", "receipt status is missing"},
        Case{R"({"id":"a","status":"lost"})", "status 'lost' is not"},
        Case{R"({"id":"a","status":"failed","detail":5})", "receipt detail must be a string"}}) {
    auto parsed = ParseDeliveryReceipt(c.body);
    ASSERT_FALSE(parsed) << c.body;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(parsed.error().message.find(c.expected), std::string::npos)
        << c.body << ": " << parsed.error().message;
  }
}

TEST(DeliveryReceipt, SignatureIsHmacSha256InHex) {
  // RFC 4231 test case 2.
  EXPECT_EQ(SignReceipt("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  const std::string body = R"({"id":"gw-1","status":"delivered"})";
  const std::string signature = SignReceipt("secret-one", body);
  EXPECT_TRUE(VerifyReceiptSignature("secret-one", body, signature));
  EXPECT_FALSE(VerifyReceiptSignature("secret-two", body, signature));
  EXPECT_FALSE(VerifyReceiptSignature("secret-one", body + " ", signature));
  EXPECT_FALSE(VerifyReceiptSignature("secret-one", body, ""));
  EXPECT_FALSE(VerifyReceiptSignature("", body, SignReceipt("", body)));
}

TEST(DeliveryReceipt, OnlyTheGatewayChannelsSendReceipts) {
  EXPECT_EQ(ReceiptChannel("sms").value(), ChannelKind::kSms);
  EXPECT_EQ(ReceiptChannel("mailbox").value(), ChannelKind::kDigitalMailbox);
  auto email = ReceiptChannel("email");
  ASSERT_FALSE(email);
  EXPECT_EQ(email.error().code, ErrorCode::kNotFound);
  EXPECT_NE(email.error().message.find("'email'"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::delivery

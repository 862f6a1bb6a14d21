// The receipts route through the router: a signed receipt reaches the callback; a wrong secret,
// a missing signature, another channel's secret or a logged-in citizen without a signature are
// refused; bad bodies get errors naming the member.

#include "http/api/delivery_receipt_routes.h"

#include <filesystem>
#include <fstream>
#include <vector>

#include <gtest/gtest.h>

#include "delivery/delivery_receipt.h"

namespace proaktiv::http::api {
namespace {

using delivery::ChannelKind;

struct Recorded {
  ChannelKind channel;
  std::string provider_id;
  bool delivered;
  std::string detail;
};

class DeliveryReceiptRoutesTest : public ::testing::Test {
 protected:
  DeliveryReceiptRoutesTest() {
    context_.secrets = {{ChannelKind::kSms, "sms-secret-0123456789"},
                        {ChannelKind::kDigitalMailbox, "mailbox-secret-0123456789"}};
    context_.on_receipt = [this](ChannelKind channel, std::string id, bool delivered,
                                 std::string detail) -> Status {
      const std::string_view provider_id = id;
      if (provider_id == "unknown") return NotFound("no message with provider id 'unknown'");
      if (provider_id == "later") return Unavailable("outbox busy");
      recorded_.push_back({channel, std::move(id), delivered, std::move(detail)});
      return {};
    };
    RegisterDeliveryReceiptRoutes(router_, context_);
  }

  Response Post(const std::string& path, const std::string& body, const std::string& signature,
                const Principal& principal = Principal{}) {
    Request request;
    request.method = Method::kPost;
    request.path = path;
    request.body = body;
    if (!signature.empty()) request.headers.emplace_back("x-receipt-signature", signature);
    Router::Match match = router_.Find(Method::kPost, request.path);
    EXPECT_NE(match.route, nullptr) << path;
    if (match.route == nullptr) {
      Response none;
      none.status = 404;
      return none;
    }
    return match.route->handler(request, RouteContext{principal, match.params});
  }

  DeliveryReceiptContext context_;
  Router router_;
  std::vector<Recorded> recorded_;
};

constexpr char kDelivered[] = R"({"id":"gw-1","status":"delivered","time":"2025-03-12T09:30:05Z"})";

TEST_F(DeliveryReceiptRoutesTest, IsPublicBlockingAndNamedAsInTheContract) {
  ASSERT_EQ(router_.routes().size(), 1u);
  const Route& route = router_.routes()[0];
  EXPECT_EQ(route.pattern, "/api/v1/delivery/receipts/{channel}");
  EXPECT_EQ(route.options.access, Access::kPublic);  // the signature is the authentication
  EXPECT_TRUE(route.options.blocking);
  EXPECT_EQ(route.options.name, "postDeliveryReceipt");
}

TEST_F(DeliveryReceiptRoutesTest, ASignedReceiptReachesTheCallback) {
  Response r = Post("/api/v1/delivery/receipts/sms", kDelivered,
                    delivery::SignReceipt("sms-secret-0123456789", kDelivered));
  EXPECT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(recorded_.size(), 1u);
  EXPECT_EQ(recorded_[0].channel, ChannelKind::kSms);
  EXPECT_EQ(recorded_[0].provider_id, "gw-1");
  EXPECT_TRUE(recorded_[0].delivered);

  const std::string failed = R"({"id":"gw-2","status":"failed","detail":"no such mailbox"})";
  r = Post("/api/v1/delivery/receipts/mailbox", failed,
           delivery::SignReceipt("mailbox-secret-0123456789", failed));
  EXPECT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(recorded_.size(), 2u);
  EXPECT_EQ(recorded_[1].channel, ChannelKind::kDigitalMailbox);
  EXPECT_FALSE(recorded_[1].delivered);
  EXPECT_EQ(recorded_[1].detail, "no such mailbox");
}

TEST_F(DeliveryReceiptRoutesTest, TheWrongIdentityIsRefused) {
  const std::string path = "/api/v1/delivery/receipts/sms";
  // A wrong secret, none, another channel's, a signature for another body.
  for (const std::string& signature :
       {delivery::SignReceipt("wrong-secret-0123456789", kDelivered), std::string(),
        delivery::SignReceipt("mailbox-secret-0123456789", kDelivered),
        delivery::SignReceipt("sms-secret-0123456789", R"({"id":"gw-9","status":"failed"})"),
        std::string("sha256=") + std::string(64, '0')}) {
    Response r = Post(path, kDelivered, signature);
    EXPECT_EQ(r.status, 401) << signature;
    EXPECT_NE(r.body.find("bad-signature"), std::string::npos);
  }
  // A logged-in citizen or a staff key is no gateway either.
  Principal citizen;
  citizen.kind = Principal::Kind::kCitizen;
  citizen.pid = "01010112345";
  EXPECT_EQ(Post(path, kDelivered, "", citizen).status, 401);
  Principal staff;
  staff.kind = Principal::Kind::kStaff;
  staff.scopes = {"admin:*", "intake"};
  EXPECT_EQ(Post(path, kDelivered, "", staff).status, 401);
  EXPECT_TRUE(recorded_.empty());

  // A channel without a configured secret refuses everything.
  context_.secrets.erase(ChannelKind::kSms);
  EXPECT_EQ(Post(path, kDelivered, delivery::SignReceipt("", kDelivered)).status, 401);
  EXPECT_TRUE(recorded_.empty());
}

TEST_F(DeliveryReceiptRoutesTest, BadChannelsAndBodiesAreNamed) {
  Response r = Post("/api/v1/delivery/receipts/email", kDelivered,
                    delivery::SignReceipt("sms-secret-0123456789", kDelivered));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("'email'"), std::string::npos) << r.body;

  const std::string bad = R"({"id":"gw-1","status":"lost"})";
  r = Post("/api/v1/delivery/receipts/sms", bad,
           delivery::SignReceipt("sms-secret-0123456789", bad));
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("status 'lost'"), std::string::npos) << r.body;
  EXPECT_TRUE(recorded_.empty());
}

TEST_F(DeliveryReceiptRoutesTest, TheCallbacksErrorsBecomeProblems) {
  for (const auto& [id, status] : {std::pair<std::string, int>{"unknown", 404}, {"later", 503}}) {
    const std::string body = R"({"id":")" + id + R"(","status":"delivered"})";
    Response r = Post("/api/v1/delivery/receipts/sms", body,
                      delivery::SignReceipt("sms-secret-0123456789", body));
    EXPECT_EQ(r.status, status) << r.body;
  }
  context_.on_receipt = nullptr;  // as `serve` has it until delivery is wired
  Response r = Post("/api/v1/delivery/receipts/sms", kDelivered,
                    delivery::SignReceipt("sms-secret-0123456789", kDelivered));
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("delivery not configured"), std::string::npos) << r.body;
}

TEST(ReceiptSecretFile, ReadsTheSecretAndRefusesAShortOne) {
  const auto directory = std::filesystem::temp_directory_path();
  const std::string good = (directory / "proaktiv-receipt-secret-good").string();
  const std::string short_one = (directory / "proaktiv-receipt-secret-short").string();
  std::ofstream(good) << "a-long-enough-shared-secret\n";
  std::ofstream(short_one) << "short\n";
  auto secret = ReadReceiptSecretFile(good);
  ASSERT_TRUE(secret) << secret.error().message;
  EXPECT_EQ(*secret, "a-long-enough-shared-secret");
  auto refused = ReadReceiptSecretFile(short_one);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("at least 16"), std::string::npos);
  EXPECT_FALSE(ReadReceiptSecretFile(good + ".missing"));
}

}  // namespace
}  // namespace proaktiv::http::api

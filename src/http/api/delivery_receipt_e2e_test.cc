// Delivery receipts end to end over loopback: the SMS channel posts to the real gateway process
// (tests/receivers/gateway.py), which calls back the receipts route served by a real
// http::server::Server with its signed receipt.

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "delivery/gateway_channel.h"
#include "delivery/testing/receiver_process.h"
#include "http/api/delivery_receipt_routes.h"
#include "http/server/server.h"

namespace proaktiv::http::api {
namespace {

using delivery::ChannelKind;
using delivery::testing::kPython;
using delivery::testing::ReceiverProcess;
using delivery::testing::ReceiverScript;

constexpr char kSecret[] = "shared-receipt-secret-0123456789";

struct Anonymous final : Authenticator {
  Result<Principal> Authenticate(const Request&) const override { return Principal{}; }
};

class DeliveryReceiptEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_.secrets = {{ChannelKind::kSms, kSecret}};
    context_.on_receipt = [this](ChannelKind, std::string id, bool delivered,
                                 std::string) -> Status {
      std::lock_guard lock(mutex_);
      receipts_.emplace_back(std::move(id), delivered);
      changed_.notify_all();
      return {};
    };
    RegisterDeliveryReceiptRoutes(router_, context_);
    server::ServerOptions options;
    options.access_log = false;
    options.port = 0;
    server_ = std::make_unique<server::Server>(options, router_, anonymous_);
    auto port = server_->Start();
    ASSERT_TRUE(port) << port.error().message;
    callback_url_ = "http://127.0.0.1:" + std::to_string(*port) + "/api/v1/delivery/receipts/sms";
  }

  void TearDown() override {
    if (server_) server_->Stop();
  }

  std::unique_ptr<delivery::GatewayChannel> StartGateway(const std::string& secret) {
    directory_ = delivery::testing::MakeTempDirectory("proaktiv-receipts");
    auto gateway = ReceiverProcess::Start(
        {kPython, ReceiverScript("gateway.py"), "--log", directory_ + "/requests.jsonl", "--shown",
         directory_ + "/shown.jsonl", "--secret", secret, "--fail-receipts-to", "+4790000000"});
    EXPECT_TRUE(gateway) << gateway.error().message;
    if (!gateway) return nullptr;
    gateway_ = std::move(*gateway);
    auto channel = delivery::GatewayChannel::Create(
        delivery::GatewayConfig{.kind = ChannelKind::kSms,
                                .base_url = "http://127.0.0.1:" + std::to_string(gateway_->port()),
                                .callback_url = callback_url_});
    EXPECT_TRUE(channel) << channel.error().message;
    return channel ? std::move(*channel) : nullptr;
  }

  static delivery::OutgoingMessage Sms(std::string key, std::string to) {
    delivery::OutgoingMessage m;
    m.message_id = 1;
    m.idempotency_key = std::move(key);
    m.channel = ChannelKind::kSms;
    m.language = "nb";
    m.to = std::move(to);
    m.kommune_name = "Bærum kommune";
    m.body = "Du har fått et tilbud.";
    m.link = "https://baerum.proaktiv.no/t/A1";
    return m;
  }

  // The gateway's log lines about receipts it sent ({"receipt_for", "callback_status"}), once
  // there are `count` of them (waiting up to 20 s for the gateway's timers).
  std::vector<boost::json::object> ReceiptAttempts(size_t count) {
    std::vector<boost::json::object> attempts;
    for (int i = 0; i < 400 && attempts.size() < count; ++i) {
      if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      attempts.clear();
      for (const auto& line : delivery::testing::ReadLines(directory_ + "/requests.jsonl")) {
        auto object = boost::json::parse(line).as_object();
        if (object.contains("receipt_for")) attempts.push_back(object);
      }
    }
    return attempts;
  }

  DeliveryReceiptContext context_;
  Router router_;
  Anonymous anonymous_;
  std::unique_ptr<server::Server> server_;
  std::string callback_url_, directory_;
  std::unique_ptr<ReceiverProcess> gateway_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::pair<std::string, bool>> receipts_;
};

TEST_F(DeliveryReceiptEndToEndTest, ReceiptsOfDeliveredAndFailedMessagesArriveSigned) {
  auto sms = StartGateway(kSecret);
  ASSERT_TRUE(sms);
  auto first = sms->Send(Sms("offer-1.sms.initial", "+4791234567"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->awaiting_receipt);
  auto second = sms->Send(Sms("offer-2.sms.initial", "+4790000000"));
  ASSERT_TRUE(second) << second.error().message;
  // Sent again after a crash: no second message, so no second receipt.
  ASSERT_TRUE(sms->Send(Sms("offer-1.sms.initial", "+4791234567")));

  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, std::chrono::seconds(20), [this] { return receipts_.size() >= 2; });
  ASSERT_EQ(receipts_.size(), 2u);
  std::map<std::string, bool> by_id(receipts_.begin(), receipts_.end());
  EXPECT_TRUE(by_id.at(first->provider_id));
  EXPECT_FALSE(by_id.at(second->provider_id));
  lock.unlock();
  const auto attempts = ReceiptAttempts(2);
  ASSERT_EQ(attempts.size(), 2u);
  for (const auto& a : attempts) EXPECT_EQ(a.at("callback_status").as_int64(), 200);
}

TEST_F(DeliveryReceiptEndToEndTest, AGatewayWithTheWrongSecretIsRefused) {
  auto sms = StartGateway("not-the-shared-secret-987654321");
  ASSERT_TRUE(sms);
  ASSERT_TRUE(sms->Send(Sms("offer-3.sms.initial", "+4791234567")));
  const auto attempts = ReceiptAttempts(1);
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].at("callback_status").as_int64(), 401);
  std::lock_guard lock(mutex_);
  EXPECT_TRUE(receipts_.empty());
}

}  // namespace
}  // namespace proaktiv::http::api

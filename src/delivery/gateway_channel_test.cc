// The SMS and digital-mailbox channels against a real HTTP JSON gateway
// (tests/receivers/gateway.py) on a free loopback port. Receipts through the real route are in
// http/api/delivery_receipt_e2e_test.cc.

#include "delivery/gateway_channel.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "delivery/testing/receiver_process.h"

namespace proaktiv::delivery {
namespace {

using testing::kPython;
using testing::ReceiverProcess;
using testing::ReceiverScript;

class GatewayChannelTest : public ::testing::Test {
 protected:
  void StartGateway(std::vector<std::string> options = {}) {
    directory_ = testing::MakeTempDirectory("proaktiv-gateway");
    log_ = directory_ + "/requests.jsonl";
    shown_ = directory_ + "/shown.jsonl";
    std::vector<std::string> argv = {
        kPython,    ReceiverScript("gateway.py"), "--log",   log_,           "--shown", shown_,
        "--secret", "receipt-secret-0123456789",  "--token", "gateway-token"};
    argv.insert(argv.end(), options.begin(), options.end());
    auto gateway = ReceiverProcess::Start(argv);
    ASSERT_TRUE(gateway) << gateway.error().message;
    gateway_ = std::move(*gateway);
  }

  std::unique_ptr<GatewayChannel> Channel(ChannelKind kind, GatewayAuth auth = GatewayAuth::kBearer,
                                          std::string credential = "gateway-token") {
    auto channel = GatewayChannel::Create(
        GatewayConfig{.kind = kind,
                      .base_url = "http://127.0.0.1:" + std::to_string(gateway_->port()) + "/",
                      .sender = kind == ChannelKind::kSms ? "Baerum" : "",
                      .auth = auth,
                      .credential = std::move(credential),
                      .timeout = std::chrono::seconds(10)});
    EXPECT_TRUE(channel) << channel.error().message;
    return channel ? std::move(*channel) : nullptr;
  }

  static OutgoingMessage Sms(std::string key = "offer-21.sms.initial") {
    OutgoingMessage m;
    m.message_id = 21;
    m.idempotency_key = std::move(key);
    m.channel = ChannelKind::kSms;
    m.language = "nn";
    m.to = "+4791234567";
    m.kommune_name = "Bærum kommune";
    m.body = "Barnet ditt kan få barnehageplass. Svar her:";
    m.link = "https://baerum.proaktiv.no/t/Q9";
    return m;
  }

  std::vector<boost::json::object> Lines(const std::string& path) const {
    std::vector<boost::json::object> out;
    for (const std::string& line : testing::ReadLines(path)) {
      out.push_back(boost::json::parse(line).as_object());
    }
    return out;
  }

  std::string directory_, log_, shown_;
  std::unique_ptr<ReceiverProcess> gateway_;
};

TEST_F(GatewayChannelTest, PostsTheSmsWithKeyAndTokenAndGetsTheGatewaysId) {
  StartGateway();
  auto sms = Channel(ChannelKind::kSms);
  ASSERT_TRUE(sms);
  auto receipt = sms->Send(Sms());
  ASSERT_TRUE(receipt) << receipt.error().message;
  EXPECT_EQ(receipt->provider_id, "gw-1");
  EXPECT_FALSE(receipt->awaiting_receipt);  // no callback_url configured

  const auto requests = Lines(log_);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].at("key").as_string(), "offer-21.sms.initial");
  EXPECT_EQ(requests[0].at("auth").as_string(), "Bearer gateway-token");
  const auto shown = Lines(shown_);
  ASSERT_EQ(shown.size(), 1u);
  const auto& body = shown[0].at("message").as_object();
  EXPECT_EQ(body.at("to").as_string(), "+4791234567");
  EXPECT_EQ(body.at("text").as_string(),
            "Barnet ditt kan få barnehageplass. Svar her:\nhttps://baerum.proaktiv.no/t/Q9");
  EXPECT_EQ(body.at("sender").as_string(), "Baerum");
  EXPECT_EQ(body.at("language").as_string(), "nn");
  EXPECT_EQ(body.at("link").as_string(), "https://baerum.proaktiv.no/t/Q9");
  EXPECT_EQ(body.at("reference").as_string(), "offer-21.sms.initial");
}

TEST_F(GatewayChannelTest, SentAgainWithTheSameKeyTheRecipientSeesItOnce) {
  StartGateway();
  auto sms = Channel(ChannelKind::kSms);
  ASSERT_TRUE(sms);
  auto first = sms->Send(Sms());
  auto again = sms->Send(Sms());  // after a crash between send and record
  auto other = sms->Send(Sms("offer-21.sms.reminder"));
  ASSERT_TRUE(first && again && other);
  EXPECT_EQ(again->provider_id, first->provider_id);
  EXPECT_NE(other->provider_id, first->provider_id);
  EXPECT_EQ(Lines(log_).size(), 3u);
  EXPECT_EQ(Lines(shown_).size(), 2u);
}

TEST_F(GatewayChannelTest, TooManyRequestsIsUnavailableAndTheRetryGoesThrough) {
  StartGateway({"--fail-first", "1", "--fail-status", "429"});
  auto sms = Channel(ChannelKind::kSms);
  ASSERT_TRUE(sms);
  auto throttled = sms->Send(Sms());
  ASSERT_FALSE(throttled);
  EXPECT_EQ(throttled.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(throttled.error().message.find("status 429"), std::string::npos)
      << throttled.error().message;
  auto retry = sms->Send(Sms());
  ASSERT_TRUE(retry) << retry.error().message;
  EXPECT_EQ(Lines(shown_).size(), 1u);
}

TEST_F(GatewayChannelTest, AServerErrorIsUnavailable) {
  StartGateway({"--fail-first", "1", "--fail-status", "503"});
  auto sms = Channel(ChannelKind::kSms);
  ASSERT_TRUE(sms);
  auto failed = sms->Send(Sms());
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kUnavailable);
}

TEST_F(GatewayChannelTest, ARefusedCredentialIsInvalidArgumentAndNamesNoSecret) {
  StartGateway();
  auto sms = Channel(ChannelKind::kSms, GatewayAuth::kBearer, "wrong-token");
  ASSERT_TRUE(sms);
  auto refused = sms->Send(Sms());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("status 401"), std::string::npos);
  EXPECT_EQ(refused.error().message.find("wrong-token"), std::string::npos);
  EXPECT_TRUE(Lines(shown_).empty());
}

TEST_F(GatewayChannelTest, TheMailboxMessageCarriesSubjectBodyAndProviderWithAnApiKey) {
  StartGateway();
  auto mailbox = Channel(ChannelKind::kDigitalMailbox, GatewayAuth::kApiKey);
  ASSERT_TRUE(mailbox);
  OutgoingMessage message = Sms("offer-22.mailbox.initial");
  message.channel = ChannelKind::kDigitalMailbox;
  message.to = "kari.nordmann";
  message.mailbox_provider = "digipost";
  message.subject = "Tilbod om barnehageplass";
  message.body = "Hei Kari,\n\nBarnet ditt kan få plass.";
  auto receipt = mailbox->Send(message);
  ASSERT_TRUE(receipt) << receipt.error().message;
  const auto requests = Lines(log_);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].at("auth").as_string(), "gateway-token");  // as X-API-Key
  const auto shown = Lines(shown_);
  ASSERT_EQ(shown.size(), 1u);
  const auto& body = shown[0].at("message").as_object();
  EXPECT_EQ(body.at("provider").as_string(), "digipost");
  EXPECT_EQ(body.at("subject").as_string(), "Tilbod om barnehageplass");
  EXPECT_EQ(body.at("body").as_string(), "Hei Kari,\n\nBarnet ditt kan få plass.");
  EXPECT_EQ(body.at("sender").as_string(), "Bærum kommune");
  EXPECT_FALSE(body.contains("text"));
}

TEST_F(GatewayChannelTest, NoGatewayIsUnavailableAndBadConfigurationIsRefused) {
  auto channel = GatewayChannel::Create(
      GatewayConfig{.kind = ChannelKind::kSms, .base_url = "http://127.0.0.1:1"});
  ASSERT_TRUE(channel);
  auto sent = (*channel)->Send(Sms());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable);

  EXPECT_FALSE(GatewayChannel::Create(
      GatewayConfig{.kind = ChannelKind::kEmail, .base_url = "http://127.0.0.1:1"}));
  auto bad_url = GatewayChannel::Create(GatewayConfig{.kind = ChannelKind::kSms, .base_url = "x"});
  ASSERT_FALSE(bad_url);
  EXPECT_NE(bad_url.error().message.find("base_url 'x'"), std::string::npos);
  EXPECT_FALSE(GatewayChannel::Create(GatewayConfig{
      .kind = ChannelKind::kSms, .base_url = "http://h", .auth = GatewayAuth::kBearer}));
  OutgoingMessage no_recipient = Sms();
  no_recipient.to = "";
  auto refused = (*channel)->Send(no_recipient);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace proaktiv::delivery

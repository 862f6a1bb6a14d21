// The channel factory: which adapter each endpoint gives, and the errors that name a wrong
// endpoint or option. The adapters themselves are tested against real receivers in their own
// tests; here one factory-built e-mail channel sends to the real SMTP receiver.

#include "delivery/channel_factory.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "delivery/file_channel.h"
#include "delivery/gateway_channel.h"
#include "delivery/letter_channel.h"
#include "delivery/outbox_writer.h"
#include "delivery/smtp_channel.h"
#include "delivery/testing/receiver_process.h"

namespace proaktiv::delivery {
namespace {

using testing::MakeTempDirectory;

class ChannelFactoryTest : public ::testing::Test {
 protected:
  ChannelConfig Config(std::string endpoint, std::map<std::string, std::string> options = {}) {
    ChannelConfig c;
    c.endpoint = std::move(endpoint);
    c.options = std::move(options);
    return c;
  }
  // Offer 7 to person 3, keyed as the outbox keys it.
  static OutgoingMessage Message(ChannelKind channel, store::MessageKind kind, int version) {
    OutgoingMessage m;
    m.idempotency_key = IdempotencyKey(7, 3, channel, kind, version);
    m.channel = channel;
    m.language = "nb";
    m.kommune_name = "Bergen kommune";
    m.subject = "Barnehageplass";
    m.body = "Barnet ditt kan få barnehageplass.";
    m.link = "http://127.0.0.1:8080/offers/7";
    return m;
  }
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = directory_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }

  FakeClock clock_{std::chrono::system_clock::time_point(std::chrono::hours(24 * 20500))};
  std::string directory_ = MakeTempDirectory("proaktiv-factory");
};

TEST_F(ChannelFactoryTest, EachEndpointGivesItsAdapter) {
  auto email =
      MakeChannel(ChannelKind::kEmail,
                  Config("smtp://127.0.0.1:2525", {{"from", "post@bergen.kommune.no"}}), clock_);
  ASSERT_TRUE(email) << email.error().message;
  EXPECT_NE(dynamic_cast<SmtpChannel*>(email->get()), nullptr);

  auto sms = MakeChannel(ChannelKind::kSms, Config("http://127.0.0.1:9090/sms"), clock_);
  ASSERT_TRUE(sms) << sms.error().message;
  EXPECT_NE(dynamic_cast<GatewayChannel*>(sms->get()), nullptr);
  EXPECT_EQ((*sms)->kind(), ChannelKind::kSms);

  auto mailbox =
      MakeChannel(ChannelKind::kDigitalMailbox,
                  Config("https://mailbox.example/v1",
                         {{"auth", "bearer"}, {"credential_file", WriteFile("token", "t0k\n")}}),
                  clock_);
  ASSERT_TRUE(mailbox) << mailbox.error().message;
  EXPECT_EQ((*mailbox)->kind(), ChannelKind::kDigitalMailbox);

  auto letter = MakeChannel(ChannelKind::kLetter, Config("print:" + directory_ + "/print"), clock_);
  ASSERT_TRUE(letter) << letter.error().message;
  EXPECT_NE(dynamic_cast<LetterChannel*>(letter->get()), nullptr);
  EXPECT_TRUE(std::filesystem::is_directory(directory_ + "/print"));

  auto file = MakeChannel(ChannelKind::kSms, Config("file:" + directory_ + "/sms.jsonl"), clock_);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_NE(dynamic_cast<FileChannel*>(file->get()), nullptr);
}

TEST_F(ChannelFactoryTest, ErrorsNameTheChannelAndWhatIsWrong) {
  auto Message = [&](ChannelKind kind, ChannelConfig config) {
    auto made = MakeChannel(kind, config, clock_);
    EXPECT_FALSE(made);
    return made ? std::string() : made.error().message;
  };
  EXPECT_EQ(Message(ChannelKind::kEmail, Config("smtp://127.0.0.1:25")),
            "channels.email.options.from: the sender address is required");
  EXPECT_EQ(Message(ChannelKind::kEmail, Config("http://127.0.0.1:25")),
            "channels.email.endpoint 'http://127.0.0.1:25': expected smtp://, smtps:// or file:");
  EXPECT_EQ(Message(ChannelKind::kSms, Config("smtp://127.0.0.1:25")),
            "channels.sms.endpoint 'smtp://127.0.0.1:25': expected http://, https:// or file:");
  EXPECT_EQ(Message(ChannelKind::kLetter, Config("/var/print")),
            "channels.letter.endpoint '/var/print': expected print:<directory> or file:");
  EXPECT_EQ(Message(ChannelKind::kSms, Config("http://gw", {{"sendr", "Bergen"}})),
            "channels.sms.options.sendr: unknown option (known: sender, callback_url, auth, "
            "api_key_header, credential_file, ca_file)");
  EXPECT_EQ(Message(ChannelKind::kSms, Config("http://gw", {{"auth", "basic"}})),
            "channels.sms.options.auth: must be 'none', 'bearer' or 'api-key'");
  EXPECT_EQ(Message(ChannelKind::kSms,
                    Config("http://gw", {{"auth", "bearer"}, {"credential_file", "/nonexistent"}})),
            "channels.sms.options.credential_file: cannot read '/nonexistent'");
  EXPECT_EQ(
      Message(ChannelKind::kEmail, Config("smtp://h", {{"from", "a@b.no"}, {"starttls", "yes"}})),
      "channels.email.options.starttls: must be 'required' or 'optional'");
  // The adapter's own check, prefixed with the channel.
  const std::string bearer = Message(ChannelKind::kSms, Config("http://gw", {{"auth", "bearer"}}));
  EXPECT_TRUE(bearer.starts_with("channels.sms: ")) << bearer;
  const std::string logo = Message(
      ChannelKind::kLetter, Config("print:" + directory_, {{"logo", WriteFile("x.png", "no")}}));
  EXPECT_TRUE(logo.starts_with("channels.letter: ")) << logo;
  EXPECT_NE(logo.find("logo"), std::string::npos) << logo;
}

TEST_F(ChannelFactoryTest, ChannelsWithoutAnEndpointAreNotedAndTheRestBuilt) {
  DeliveryConfig config = DeliveryConfig::Defaults();
  config.channels[ChannelKind::kEmail].endpoint = "file:" + directory_ + "/email.jsonl";
  config.channels[ChannelKind::kLetter].enabled = false;
  std::vector<std::string> unconfigured;
  auto channels = MakeChannels(config, clock_, &unconfigured);
  ASSERT_TRUE(channels) << channels.error().message;
  EXPECT_EQ(channels->size(), 1u);
  EXPECT_TRUE(channels->contains(ChannelKind::kEmail));
  EXPECT_EQ(unconfigured, (std::vector<std::string>{"channel mailbox has no endpoint",
                                                    "channel sms has no endpoint"}));

  config.channels[ChannelKind::kSms].endpoint = "ftp://gw";
  auto wrong = MakeChannels(config, clock_, &unconfigured);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidArgument);
}

// The outbox's keys (outbox_writer.h) as every receiver's de-duplication field: the SMTP
// Message-ID here, the print batch's file name below.
TEST_F(ChannelFactoryTest, AFactoryBuiltEmailChannelReachesARealSmtpServer) {
  const std::string log = directory_ + "/smtp.jsonl";
  auto smtp = testing::ReceiverProcess::Start(
      {testing::kPython, testing::ReceiverScript("smtp_receiver.py"), "--log", log});
  ASSERT_TRUE(smtp) << smtp.error().message;
  auto email =
      MakeChannel(ChannelKind::kEmail,
                  Config("smtp://127.0.0.1:" + std::to_string((*smtp)->port()),
                         {{"from", "post@bergen.kommune.no"}, {"from_name", "Bergen kommune"}}),
                  clock_);
  ASSERT_TRUE(email) << email.error().message;
  OutgoingMessage m = Message(ChannelKind::kEmail, store::MessageKind::kChange, 2);
  m.to = "kari@eksempel.no";
  auto sent = (*email)->Send(m);
  ASSERT_TRUE(sent) << sent.error().message;
  const auto lines = testing::ReadLines(log);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("<proaktiv.o7.p3.email.change.v2@bergen.kommune.no>"), std::string::npos);
  EXPECT_NE(lines[0].find("kari@eksempel.no"), std::string::npos);
}

TEST_F(ChannelFactoryTest, AFactoryBuiltLetterChannelTakesTheOutboxKeys) {
  auto letter = MakeChannel(ChannelKind::kLetter, Config("print:" + directory_ + "/print"), clock_);
  ASSERT_TRUE(letter) << letter.error().message;
  OutgoingMessage m = Message(ChannelKind::kLetter, store::MessageKind::kOffer, 1);
  m.address = PostalAddress{"Kari Nordmann", "Storgata 1", "5003", "BERGEN", false};
  auto sent = (*letter)->Send(m);
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_TRUE(sent->provider_id.ends_with("/proaktiv.o7.p3.letter.offer")) << sent->provider_id;
}

}  // namespace
}  // namespace proaktiv::delivery

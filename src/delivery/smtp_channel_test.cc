// The e-mail channel against a real SMTP server (tests/receivers/smtp_receiver.py, aiosmtpd)
// on a free loopback port: what arrives, retries after refusals, and that a message sent twice
// with the same key shows once in a mail client's view.

#include "delivery/smtp_channel.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "delivery/testing/receiver_process.h"

namespace proaktiv::delivery {
namespace {

using testing::kPython;
using testing::ReceiverProcess;
using testing::ReceiverScript;

class SmtpChannelTest : public ::testing::Test {
 protected:
  void StartReceiver(std::vector<std::string> options = {}) {
    directory_ = testing::MakeTempDirectory("proaktiv-smtp");
    log_ = directory_ + "/received.jsonl";
    std::vector<std::string> argv = {kPython, ReceiverScript("smtp_receiver.py"), "--log", log_};
    argv.insert(argv.end(), options.begin(), options.end());
    auto receiver = ReceiverProcess::Start(argv);
    ASSERT_TRUE(receiver) << receiver.error().message;
    receiver_ = std::move(*receiver);
    auto channel = SmtpChannel::Create(
        SmtpConfig{.url = "smtp://127.0.0.1:" + std::to_string(receiver_->port()),
                   .from_address = "post@baerum.kommune.no",
                   .timeout = std::chrono::seconds(10)},
        clock_);
    ASSERT_TRUE(channel) << channel.error().message;
    channel_ = std::move(*channel);
  }

  static OutgoingMessage Message(std::string key = "offer-17.email.initial") {
    OutgoingMessage m;
    m.message_id = 17;
    m.idempotency_key = std::move(key);
    m.channel = ChannelKind::kEmail;
    m.language = "nb";
    m.to = "kari.nordmann@example.no";
    m.kommune_name = "Bærum kommune";
    m.subject = "Tilbud om barnehageplass – svar før 1. mai (æøå ÆØÅ)";
    m.body =
        "Hei Kari,\n\nBarnet ditt kan få plass i Østerås barnehage.\n"
        "Svar innen fristen.\n";
    m.link = "https://baerum.proaktiv.no/t/Xy7kQ2";
    return m;
  }

  std::vector<boost::json::object> Received() const {
    std::vector<boost::json::object> out;
    for (const std::string& line : testing::ReadLines(log_)) {
      out.push_back(boost::json::parse(line).as_object());
    }
    return out;
  }

  std::vector<boost::json::object> MailboxView() const {
    auto text =
        testing::RunForOutput({kPython, ReceiverScript("smtp_receiver.py"), "--view", log_});
    EXPECT_TRUE(text) << text.error().message;
    std::vector<boost::json::object> out;
    if (!text) return out;
    const boost::json::value view = boost::json::parse(*text);
    for (const auto& m : view.as_array()) out.push_back(m.as_object());
    return out;
  }

  FakeClock clock_{std::chrono::system_clock::from_time_t(1741771800)};
  std::string directory_, log_;
  std::unique_ptr<ReceiverProcess> receiver_;
  std::unique_ptr<SmtpChannel> channel_;
};

TEST_F(SmtpChannelTest, TheReceiverGetsAProperMessageWithTheSubjectInUtf8) {
  StartReceiver();
  const OutgoingMessage message = Message();
  auto receipt = channel_->Send(message);
  ASSERT_TRUE(receipt) << receipt.error().message;
  EXPECT_EQ(receipt->provider_id, "offer-17.email.initial@baerum.kommune.no");
  EXPECT_FALSE(receipt->awaiting_receipt);

  const auto received = Received();
  ASSERT_EQ(received.size(), 1u);
  const auto& m = received[0];
  EXPECT_EQ(m.at("mail_from").as_string(), "post@baerum.kommune.no");
  ASSERT_EQ(m.at("rcpt_tos").as_array().size(), 1u);
  EXPECT_EQ(m.at("rcpt_tos").as_array()[0].as_string(), "kari.nordmann@example.no");
  EXPECT_EQ(m.at("subject").as_string(), message.subject);
  EXPECT_EQ(m.at("from").as_string(), "Bærum kommune <post@baerum.kommune.no>");
  EXPECT_EQ(m.at("to").as_string(), "kari.nordmann@example.no");
  EXPECT_EQ(m.at("message_id").as_string(), "<offer-17.email.initial@baerum.kommune.no>");
  EXPECT_EQ(m.at("date").as_string(), "Wed, 12 Mar 2025 09:30:00 +0000");
  EXPECT_EQ(m.at("content_type").as_string(), "text/plain");
  EXPECT_EQ(m.at("charset").as_string(), "utf-8");
  EXPECT_EQ(m.at("transfer_encoding").as_string(), "quoted-printable");
  const std::string body(m.at("body").as_string());
  EXPECT_NE(body.find("Barnet ditt kan få plass i Østerås barnehage."), std::string::npos) << body;
  EXPECT_NE(body.find("\nhttps://baerum.proaktiv.no/t/Xy7kQ2\n"), std::string::npos) << body;
}

TEST_F(SmtpChannelTest, ATemporaryRefusalIsUnavailableAndTheRetryArrivesOnce) {
  StartReceiver({"--fail-first", "1", "--fail-code", "451"});
  auto first = channel_->Send(Message());
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::kUnavailable) << first.error().message;
  EXPECT_NE(first.error().message.find("451"), std::string::npos) << first.error().message;
  EXPECT_TRUE(Received().empty());

  auto retry = channel_->Send(Message());
  ASSERT_TRUE(retry) << retry.error().message;
  EXPECT_EQ(Received().size(), 1u);
  EXPECT_EQ(MailboxView().size(), 1u);
}

TEST_F(SmtpChannelTest, APermanentRefusalIsInvalidArgument) {
  StartReceiver({"--fail-first", "1", "--fail-code", "550"});
  auto refused = channel_->Send(Message());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument) << refused.error().message;
  EXPECT_NE(refused.error().message.find("550"), std::string::npos) << refused.error().message;
}

TEST_F(SmtpChannelTest, SentAgainAfterACrashTheMailboxShowsItOnce) {
  StartReceiver();
  // The dispatcher sent, crashed before recording, and sends again with the same key.
  ASSERT_TRUE(channel_->Send(Message("offer-17.email.initial")));
  ASSERT_TRUE(channel_->Send(Message("offer-17.email.initial")));
  // A reminder is another message (another attempt kind, another key).
  ASSERT_TRUE(channel_->Send(Message("offer-17.email.reminder")));

  EXPECT_EQ(Received().size(), 3u);  // the wire carried it twice …
  const auto shown = MailboxView();  // … the mail client shows it once
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[0].at("message_id").as_string(), "<offer-17.email.initial@baerum.kommune.no>");
  EXPECT_EQ(shown[1].at("message_id").as_string(), "<offer-17.email.reminder@baerum.kommune.no>");
}

TEST_F(SmtpChannelTest, ConnectionRefusedIsUnavailable) {
  // A port that was free a moment ago: nothing listens there.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t length = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
  ::close(fd);
  auto channel = SmtpChannel::Create(
      SmtpConfig{.url = "smtp://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)),
                 .from_address = "post@baerum.kommune.no"},
      clock_);
  ASSERT_TRUE(channel);
  auto sent = (*channel)->Send(Message());
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable) << sent.error().message;
}

TEST_F(SmtpChannelTest, RejectsABadConfigurationAndABadRecipientBeforeConnecting) {
  auto bad_url = SmtpChannel::Create(
      SmtpConfig{.url = "http://127.0.0.1:25", .from_address = "post@baerum.kommune.no"}, clock_);
  ASSERT_FALSE(bad_url);
  EXPECT_NE(bad_url.error().message.find("url"), std::string::npos);
  auto bad_from =
      SmtpChannel::Create(SmtpConfig{.url = "smtp://127.0.0.1:25", .from_address = "post"}, clock_);
  ASSERT_FALSE(bad_from);
  EXPECT_NE(bad_from.error().message.find("from_address"), std::string::npos);

  auto channel = SmtpChannel::Create(
      SmtpConfig{.url = "smtp://127.0.0.1:1", .from_address = "post@baerum.kommune.no"}, clock_);
  ASSERT_TRUE(channel);
  OutgoingMessage message = Message();
  message.to = "not an address";
  auto sent = (*channel)->Send(message);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace proaktiv::delivery

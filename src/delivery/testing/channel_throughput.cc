// How many messages per second the SMTP and gateway adapters push into the local receivers of
// tests/receivers/ (one channel, one thread, each message with its own key), e.g.
//
//   build/src/delivery/delivery_channel_throughput 2000
//
// prints "smtp: N messages in S s = R messages/s" and the same for the gateway. A figure, not a
// test: it asserts nothing about speed.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "common/clock.h"
#include "delivery/gateway_channel.h"
#include "delivery/smtp_channel.h"
#include "delivery/testing/receiver_process.h"

namespace proaktiv::delivery {
namespace {

OutgoingMessage Message(ChannelKind channel, int i) {
  OutgoingMessage m;
  m.message_id = i;
  m.idempotency_key = "offer-" + std::to_string(i) + ".bench";
  m.channel = channel;
  m.language = "nb";
  m.to = channel == ChannelKind::kEmail ? "kari@example.no" : "+4791234567";
  m.kommune_name = "Bærum kommune";
  m.subject = "Tilbud om barnehageplass – svar før 1. mai";
  m.body = "Hei Kari,\n\nBarnet ditt kan få plass i Østerås barnehage.\n";
  m.link = "https://baerum.proaktiv.no/t/Xy7kQ2";
  return m;
}

int Measure(const char* name, Channel& channel, ChannelKind kind, int count) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) {
    auto sent = channel.Send(Message(kind, i));
    if (!sent) {
      std::fprintf(stderr, "%s: message %d: %s\n", name, i, sent.error().message.c_str());
      return 1;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: %d messages in %.2f s = %.0f messages/s\n", name, count, seconds,
              count / seconds);
  return 0;
}

int Run(int count) {
  const std::string directory = testing::MakeTempDirectory("proaktiv-throughput");
  auto smtp = testing::ReceiverProcess::Start({testing::kPython,
                                               testing::ReceiverScript("smtp_receiver.py"), "--log",
                                               directory + "/smtp.jsonl"});
  auto gateway = testing::ReceiverProcess::Start(
      {testing::kPython, testing::ReceiverScript("gateway.py"), "--log",
       directory + "/gateway.jsonl", "--shown", directory + "/shown.jsonl", "--secret",
       "throughput-secret-0123456789"});
  if (!smtp || !gateway) {
    std::fprintf(stderr, "cannot start the receivers: %s\n",
                 (!smtp ? smtp.error() : gateway.error()).message.c_str());
    return 1;
  }
  SystemClock clock;
  auto email = SmtpChannel::Create({.url = "smtp://127.0.0.1:" + std::to_string((*smtp)->port()),
                                    .from_address = "post@baerum.kommune.no"},
                                   clock);
  auto sms = GatewayChannel::Create(
      {.kind = ChannelKind::kSms,
       .base_url = "http://127.0.0.1:" + std::to_string((*gateway)->port())});
  if (!email || !sms) return 1;
  int failed = Measure("smtp", **email, ChannelKind::kEmail, count);
  failed |= Measure("gateway", **sms, ChannelKind::kSms, count);
  std::filesystem::remove_all(directory);
  return failed;
}

}  // namespace
}  // namespace proaktiv::delivery

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 1000;
  return proaktiv::delivery::Run(count > 0 ? count : 1000);
}

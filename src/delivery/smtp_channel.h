#pragma once

// The e-mail channel: one RFC 5322 message (delivery/email_message.h) per Send, handed to an
// SMTP server with libcurl (smtp:// with optional STARTTLS, or smtps://).
//
// Exactly-once effect: the Message-ID is `<idempotency key>@<message_id_domain>`, so the same
// message sent again after a crash between send and record carries the same Message-ID and a
// mail client shows it once. The receipt's provider_id is that Message-ID; SMTP acceptance is
// final (awaiting_receipt = false).
//
// Errors of one attempt:
//   kUnavailable      connection refused, timeout, TLS failure, a 4xx reply (try later)
//   kInvalidArgument  a 5xx reply (address or message refused for good), or a message that
//                     cannot be an e-mail (no address, a malformed address or key)
// Messages name the server's reply and never the message body.
//
// Thread-safety: Send is serialised by a mutex (one libcurl easy handle per channel, reused so
// the connection to the server is kept between messages). The Clock must outlive the channel.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "delivery/channel.h"
#include "delivery/curl_easy.h"

namespace proaktiv::delivery {

struct SmtpConfig {
  std::string url{};  // "smtp://127.0.0.1:2525", "smtp://relay.kommune.no:587", "smtps://…"
  std::string from_address{};       // the kommune's sender address (envelope and From header)
  std::string from_name{};          // display name; "" uses the message's kommune_name
  std::string message_id_domain{};  // right side of the Message-ID; "" = the domain of from_address
  bool require_starttls = false;    // smtp:// upgraded with STARTTLS, refusing a server without it
  std::string username{};           // AUTH when not empty
  std::string password{};
  std::string ca_file{};  // extra CA bundle for TLS; "" = the system store
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{30000};  // the whole transaction
};

class SmtpChannel final : public Channel {
 public:
  // kInvalidArgument naming the field when url is not smtp:// or smtps:// or from_address is
  // not a plain address.
  static Result<std::unique_ptr<SmtpChannel>> Create(SmtpConfig config, const Clock& clock);

  ChannelKind kind() const override { return ChannelKind::kEmail; }
  Result<SendReceipt> Send(const OutgoingMessage& message) override;

  // The Message-ID (without angle brackets) this channel gives `idempotency_key`.
  std::string MessageIdFor(const std::string& idempotency_key) const;

 private:
  SmtpChannel(SmtpConfig config, const Clock& clock, CurlEasy easy);

  SmtpConfig config_;
  const Clock* clock_;
  std::mutex mutex_;
  CurlEasy easy_;  // guarded by mutex_
};

}  // namespace proaktiv::delivery

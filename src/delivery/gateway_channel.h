#pragma once

// The SMS and digital-mailbox channels: one adapter for HTTP JSON message gateways (the shape
// an SMS gateway or a mailbox provider's API takes), configured per channel.
//
//   POST {base_url}/messages
//   Idempotency-Key: <the message's idempotency key>
//   Authorization: Bearer <credential>        (or <api_key_header>: <credential>)
//   Content-Type: application/json
//
//   SMS:     {"to", "text", "sender", "language", "link", "callback_url", "reference"}
//            ("text" is the body with the link on its own line unless the body holds it)
//   mailbox: {"to", "provider", "subject", "body", "sender", "language", "link",
//             "callback_url", "reference"}
//
// A 2xx answer must be a JSON object with the gateway's id for the message in "id"; the receipt
// then awaits the gateway's delivery receipt (a signed callback to callback_url, see
// delivery/delivery_receipt.h). Exactly-once effect: the gateway de-duplicates by
// Idempotency-Key, so a message sent again after a crash between send and record gets the first
// answer back and is not shown twice.
//
// Errors of one attempt:
//   kUnavailable      connection refused, timeout, 408, 429, 5xx, a 2xx without an id (sent
//                     again with the same key, the gateway answers the first id)
//   kInvalidArgument  any other 4xx (the message will not be accepted as it is), a message
//                     without a recipient
// Messages name the URL (never the credential) and the gateway's status and, cut short, its
// answer.
//
// Thread-safety: Send is serialised by a mutex (one libcurl easy handle per channel, reused so
// the connection is kept alive).

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "common/result.h"
#include "delivery/channel.h"
#include "delivery/curl_easy.h"

namespace proaktiv::delivery {

enum class GatewayAuth { kNone, kBearer, kApiKey };

struct GatewayConfig {
  ChannelKind kind = ChannelKind::kSms;  // kSms or kDigitalMailbox
  std::string base_url{};                // "https://sms.example.no/v1"; POST {base_url}/messages
  std::string sender{};        // SMS sender id or the mailbox sender's name; "" = kommune_name
  std::string callback_url{};  // where the gateway posts receipts; "" sends none
  GatewayAuth auth = GatewayAuth::kNone;
  std::string api_key_header = "X-API-Key";  // for kApiKey
  std::string credential{};                  // the bearer token or API key
  std::string ca_file{};                     // extra CA bundle for https; "" = the system store
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{15000};
};

class GatewayChannel final : public Channel {
 public:
  // kInvalidArgument naming the field when kind is not kSms or kDigitalMailbox, base_url is not
  // http(s)://, or auth needs a credential that is empty.
  static Result<std::unique_ptr<GatewayChannel>> Create(GatewayConfig config);

  ChannelKind kind() const override { return config_.kind; }
  Result<SendReceipt> Send(const OutgoingMessage& message) override;

  // The JSON body Send posts for `message` (exposed for tests).
  std::string RequestBody(const OutgoingMessage& message) const;

 private:
  GatewayChannel(GatewayConfig config, CurlEasy easy);

  GatewayConfig config_;
  std::string messages_url_;
  std::mutex mutex_;
  CurlEasy easy_;  // guarded by mutex_
};

}  // namespace proaktiv::delivery

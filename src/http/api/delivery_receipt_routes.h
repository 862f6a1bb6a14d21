#pragma once

// Delivery receipts from the message gateways (docs/openapi.yaml):
//
//   POST /api/v1/delivery/receipts/{channel}     channel: "sms" or "mailbox"
//
// The gateway is the caller, so the route is public and authenticated by the body's signature:
// `X-Receipt-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with the channel's shared
// secret (delivery/delivery_receipt.h has the body's shape). Answers:
//   200 {"recorded": true}
//   401 "bad-signature"   no secret configured for the channel, no signature, or a wrong one
//   404 "not-found"       a channel that sends no receipts
//   422 "invalid-body"    the receipt is not the documented JSON; the detail names the member
//   and whatever the callback's error maps to (api_error.h: NotFound 404 for an unknown
//   provider id, Unavailable 503 so that the gateway tries again, …).
// A receipt may arrive more than once (gateways retry); the callback must be idempotent.
//
// `context` must outlive `router`. The handler is thread-safe when the callback is; it runs on
// the blocking pool (the callback writes to the outbox store).

#include <functional>
#include <map>
#include <string>

#include "common/result.h"
#include "delivery/channel.h"
#include "http/router.h"

namespace proaktiv::http::api {

// Called once per verified receipt: the channel, the gateway's id for the message, whether it
// was delivered, and the gateway's detail text (may be empty).
using ReceiptCallback = std::function<Status(delivery::ChannelKind channel, std::string provider_id,
                                             bool delivered, std::string detail)>;

struct DeliveryReceiptContext {
  // The shared secret per channel; a channel without one refuses every receipt (401).
  std::map<delivery::ChannelKind, std::string> secrets{};
  ReceiptCallback on_receipt{};
};

void RegisterDeliveryReceiptRoutes(Router& router, const DeliveryReceiptContext& context);

// A shared secret from a file: its contents without trailing white space. kInvalidArgument
// naming the path when it cannot be read or holds fewer than 16 characters.
Result<std::string> ReadReceiptSecretFile(const std::string& path);

}  // namespace proaktiv::http::api

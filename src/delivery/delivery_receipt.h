#pragma once

// Delivery receipts from the message gateways (SMS, digital mailbox): the callback a gateway
// POSTs to /api/v1/delivery/receipts/{channel} once it knows whether a message arrived.
//
//   X-Receipt-Signature: sha256=<lower-case hex HMAC-SHA256 of the raw body, shared secret>
//   {"id": "<the gateway's id for the message>", "status": "delivered" | "failed",
//    "time": "2025-03-12T09:30:05Z", "detail": "…", "idempotency_key": "…"}
//
// "id" and "status" are required; "time", "detail" and "idempotency_key" are optional strings.
// Unknown members are ignored (gateways add their own).
//
// Stateless functions; thread-safe.

#include <string>
#include <string_view>

#include "common/result.h"
#include "delivery/channel.h"

namespace proaktiv::delivery {

inline constexpr std::string_view kReceiptSignatureHeader = "x-receipt-signature";  // lower case

struct DeliveryReceipt {
  std::string provider_id{};
  bool delivered = false;
  std::string time{};
  std::string detail{};
  std::string idempotency_key{};
};

// kInvalidArgument naming the member and what was wrong ("status 'lost' is not 'delivered' or
// 'failed'"); the body itself is never repeated.
Result<DeliveryReceipt> ParseDeliveryReceipt(std::string_view json);

// The channels that send receipts, by the name in the route: "sms", "mailbox". Any other name
// is kNotFound naming it.
Result<ChannelKind> ReceiptChannel(std::string_view name);

// "sha256=" + hex HMAC-SHA256(secret, body).
std::string SignReceipt(std::string_view secret, std::string_view body);

// True when `signature` (the header's value) is SignReceipt(secret, body), compared in constant
// time; false for an empty secret, whatever the signature.
bool VerifyReceiptSignature(std::string_view secret, std::string_view body,
                            std::string_view signature);

}  // namespace proaktiv::delivery

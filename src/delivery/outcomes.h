#pragma once

// What happens to an outbox message after an attempt or a receipt, shared by the dispatcher
// (dispatcher.h) and the receipts route that gateways call back:
//   - reached (the receiver took it): status sent (awaiting a receipt) or delivered; a formal
//     offer message gets its reminder time (reminder_after, default 7 days); the offer moves
//     proposed → sent, the first time any of its messages reaches anyone;
//   - a failure that may pass (kUnavailable and anything but kInvalidArgument): queued again
//     after the back-off, or dead when the tries are used up;
//   - a failure that will not pass (kInvalidArgument): failed;
//   - a failed or dead message that was the recipient's only way to learn of an offer or a
//     change falls back to a paper letter (never lost), unless it was a letter or a reminder.
// Functions work inside the caller's transaction unless they say otherwise; they use the store
// from the calling thread only.

#include <chrono>
#include <cstdint>
#include <string>

#include "common/result.h"
#include "delivery/channel.h"
#include "delivery/delivery_config.h"
#include "store/store.h"

namespace proaktiv::delivery {

// Records `receipt` for `message` (status sending) at `now` (seconds since 1970-01-01 UTC).
// A message already final (a receipt that came back before this record) keeps its status.
Status RecordReached(store::RegistryStore& store, const DeliveryConfig& config,
                     store::OutboxMessage& message, const SendReceipt& receipt, int64_t now);

// Records the failed attempt `error`; `backoff` is the wait before the next try.
Status RecordFailure(store::RegistryStore& store, const DeliveryConfig& config,
                     store::OutboxMessage& message, const Error& error,
                     std::chrono::seconds backoff, int64_t now);

// Queues the fallback letter for `message` (failed or dead) when the rules above call for it;
// true when one was queued.
Result<bool> FallBackToLetter(store::RegistryStore& store, const DeliveryConfig& config,
                              const store::OutboxMessage& message, int64_t now);

// A gateway's word on a message, found by our message id or by the provider's id on `channel`.
struct DeliveryReceipt {
  int64_t message_id = 0;  // 0: look up by provider_id
  std::string channel;     // with provider_id
  std::string provider_id;
  bool delivered = false;  // false: the receiver could not deliver it
  std::string error;       // the receiver's reason when not delivered
};

// Marks the message delivered, or failed (with the fallback letter), in its own transaction.
// NotFound for an unknown message; a message already delivered, failed, dead or cancelled is
// returned unchanged (receipts may be repeated). Returns the message as stored.
Result<store::OutboxMessage> ApplyReceipt(store::RegistryStore& store, const DeliveryConfig& config,
                                          const DeliveryReceipt& receipt, int64_t now);

}  // namespace proaktiv::delivery

#pragma once

// Storage for the delivery outbox (migrations/sqlite/0007_delivery.sql): one row per message
// to one person about one offer on one channel. It lives in the registry's database and shares
// its transaction (RegistryStore::Begin/Commit), so the engine writes an offer and its messages
// together; the dispatcher (delivery/dispatcher.h) drains it. Used by one thread at a time,
// like the RegistryStore that owns it.
//
// Channels are stored by name ("mailbox", "sms", "email", "letter": delivery::Name(ChannelKind))
// because the store sits below the delivery library. Times are seconds since 1970-01-01 UTC.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace proaktiv::store {

enum class MessageKind { kOffer, kReminder, kChange };
// queued: waiting for an attempt (first or retry); sending: claimed, an attempt under way (or
// cut off by a crash); sent: accepted by the receiver, awaiting its receipt; delivered; failed:
// refused for good; dead: tries exhausted; cancelled: never sent (the offer was closed or the
// message re-routed before its first attempt).
enum class MessageStatus { kQueued, kSending, kSent, kDelivered, kFailed, kDead, kCancelled };

std::string_view Name(MessageKind kind);
std::string_view Name(MessageStatus status);
Result<MessageKind> ParseMessageKind(std::string_view s);
Result<MessageStatus> ParseMessageStatus(std::string_view s);
// Sent and delivered: the receiver has the message.
bool Reached(MessageStatus status);
// Delivered, failed, dead, cancelled: nothing more will happen to the message.
bool IsFinal(MessageStatus status);

struct OutboxMessage {
  int64_t id = 0;  // 0 until enqueued
  int64_t offer_id = 0;
  int64_t person_key = 0;
  std::string kommunenummer;  // the offer's, for the admin's counts
  std::string channel;
  MessageKind kind = MessageKind::kOffer;
  std::string idempotency_key;  // UNIQUE
  MessageStatus status = MessageStatus::kQueued;
  int attempts = 0;
  int64_t next_attempt_at = 0;
  std::string last_error;
  std::string provider_id;
  std::string language;  // nb, nn, en
  bool formal = true;
  std::string route_reason;
  std::string content_json;  // the template's placeholder values
  int64_t created_at = 0;
  int32_t created_day = 0;  // days since 1970-01-01 in the Norwegian calendar
  int64_t updated_at = 0;
  std::optional<int64_t> sent_at;
  std::optional<int64_t> delivered_at;
  std::optional<int64_t> reminder_at;
};

// Messages per kommune, day of creation, channel and current status.
struct DeliveryCount {
  int32_t day = 0;
  std::string channel;
  MessageStatus status = MessageStatus::kQueued;
  int64_t count = 0;
};

class OutboxStore {
 public:
  virtual ~OutboxStore() = default;

  // Inserts `message` (its id is ignored); returns the new id, or nullopt when a message with
  // the same idempotency key exists (that one is kept unchanged: enqueueing is idempotent).
  virtual Result<std::optional<int64_t>> Enqueue(const OutboxMessage& message) = 0;
  virtual Result<std::optional<OutboxMessage>> FindMessage(int64_t id) = 0;
  // The message the receiver knows by `provider_id` on `channel`.
  virtual Result<std::optional<OutboxMessage>> FindByProviderId(std::string_view channel,
                                                                std::string_view provider_id) = 0;
  // Writes the mutable fields (status, attempts, next_attempt_at, last_error, provider_id,
  // updated_at, sent_at, delivered_at, reminder_at) of message `message.id`.
  virtual Status UpdateMessage(const OutboxMessage& message) = 0;

  // Queued messages with next_attempt_at <= `now`, earliest first, at most `limit`.
  virtual Result<std::vector<OutboxMessage>> Due(int64_t now, int limit) = 0;
  // The earliest next_attempt_at of a queued message; nullopt when none is queued.
  virtual Result<std::optional<int64_t>> NextDueAt() = 0;
  // Messages in 'sending' (left by a crash when no dispatcher runs), in id order.
  virtual Result<std::vector<OutboxMessage>> InFlight() = 0;
  // Messages whose reminder_at <= `now`, earliest first, at most `limit`.
  virtual Result<std::vector<OutboxMessage>> RemindersDue(int64_t now, int limit) = 0;
  // The messages of an offer (to every recipient), in id order.
  virtual Result<std::vector<OutboxMessage>> MessagesOf(int64_t offer_id) = 0;

  // Counts per day, channel and status of the messages of `kommunenummer` (every kommune when
  // empty) created on days [from_day, to_day], ordered by day, channel, status.
  virtual Result<std::vector<DeliveryCount>> CountByDay(std::string_view kommunenummer,
                                                        int32_t from_day, int32_t to_day) = 0;
};

}  // namespace proaktiv::store

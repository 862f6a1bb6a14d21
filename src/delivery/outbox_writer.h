#pragma once

// Queues the messages of an offer in the outbox, inside the caller's transaction: the engine
// calls it right after it stores an offer (kind offer) or a change the citizen must be told
// (kind change, OfferTransition::notify), so the offer and its messages commit together or not
// at all; the dispatcher calls it for reminders and re-routed messages.
//
// For each recipient: the contact register is read, routing.h picks the channels and the
// language, and one row per channel is written with the template's placeholder values (the
// service's own message rendered now, in the chosen language, by `render`). Each row's
// idempotency key is derived from (offer, recipient, channel, kind[, version for changes]), so
// queueing the same message twice writes one row, and the receivers see the same key on every
// retry. An SMS is first tried at the next 09:00–17:00 window (sms_window.h).
//
// Not thread-safe; uses the store from the calling thread (one writer per store).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/localized_text.h"
#include "common/result.h"
#include "delivery/delivery_config.h"
#include "delivery/routing.h"
#include "registry/person.h"
#include "store/store.h"

namespace proaktiv::delivery {

struct ServiceText {
  std::string subject;
  std::string body;
};

struct MessageRecipient {
  int64_t person_key = 0;
  const registry::Person* person = nullptr;  // not owned
};

// Renders the service's own message for one recipient in one language (nb, nn, en).
using ServiceRenderer =
    std::function<Result<ServiceText>(std::string_view language, const registry::Person& person)>;

// The idempotency key of a message: "proaktiv.o<offer>.p<person>.<channel>.<kind>", with
// ".v<version>" for a change (each version of an offer is told once). Letters, digits and
// single dots only, so that every receiver's de-duplication field takes it as it is: an
// RFC 5322 Message-ID's left side, an HTTP header, a file name in the print batch.
std::string IdempotencyKey(int64_t offer_id, int64_t person_key, ChannelKind channel,
                           store::MessageKind kind, int version);

class OutboxWriter {
 public:
  // `store` and `config` must outlive the writer.
  OutboxWriter(store::RegistryStore& store, const DeliveryConfig& config)
      : store_(store), config_(config) {}

  // Queues `kind` of `offer` (stored, with its id) for every recipient. `service_name` is the
  // service's name in the three languages; `render` (may be empty: subject and body stay
  // empty) gives the service's own message. `now` (seconds since 1970-01-01 UTC) is the
  // queueing time. Returns the number of rows written (rows already there are kept).
  Result<int> Enqueue(const store::OfferRecord& offer, store::MessageKind kind,
                      const catalog::LocalizedText& service_name,
                      const std::vector<MessageRecipient>& recipients,
                      const ServiceRenderer& render, int64_t now);

  // Queues one message of `kind` for `person_key` on each of `channels`, in `language`, with
  // the placeholder values `content_json` (taken from an earlier message: reminders,
  // re-routing, fallback letters). Returns the number of rows written.
  Result<int> EnqueueCopy(const store::OfferRecord& offer, store::MessageKind kind,
                          int64_t person_key, const std::vector<ChannelKind>& channels,
                          const std::string& reason, bool formal, const std::string& language,
                          const std::string& content_json, int64_t now);

 private:
  store::RegistryStore& store_;
  const DeliveryConfig& config_;
};

}  // namespace proaktiv::delivery

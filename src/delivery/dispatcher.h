#pragma once

// The dispatcher drains the outbox (store/outbox_store.h) through the channels.
//
//   Dispatcher d(*store, config, templates, std::move(channels), clock);
//   d.Recover();                  // once at start-up
//   auto report = d.RunUntilIdle();
//
// One pass (RunOnce):
//   1. reminders: a formal offer message that reached its recipient reminder_after ago (7 days)
//      while the offer is still 'sent' (not opened, answered or withdrawn) gets one reminder on
//      the same channel (idempotency key kind "reminder": one per message);
//   2. claim, in one committed transaction: due queued messages, earliest first. An SMS outside
//      09:00–17:00 Norwegian time waits for the next window, a message whose channel has no
//      adapter or whose channel's token bucket is empty waits too; none of these counts as a
//      try. The rest are marked 'sending' (tries + 1) and committed BEFORE any channel is called;
//   3. each claimed message, outside any transaction: the offer is re-read (an offer or
//      reminder message whose offer is no longer open is cancelled), the contact register is
//      read again and, before the first try, the message is re-routed if the register changed
//      (this row cancelled, rows for the new channels queued; a fallback letter is never
//      re-routed); the rest are sent, one thread per channel, each channel making one attempt
//      per message;
//   4. every outcome of the pass is recorded (outcomes.h) in one transaction.
// A crash between the channel calls and the record leaves the pass in 'sending'. Recover()
// puts such messages back in the queue with the SAME idempotency key, so the receiver, which
// de-duplicates on it, never shows the message twice. Only one dispatcher may drain a database
// at a time (SQLite; leases will share the work on PostgreSQL).
//
// Time comes from `clock`; jitter from a generator seeded with `seed`. Not thread-safe: one
// dispatcher per store, run from one thread (it starts the channels' sending threads itself
// and uses the store from the calling thread only). Channels must allow Send from a thread
// other than the one that made them.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "delivery/channel.h"
#include "delivery/delivery_config.h"
#include "delivery/rate_limiter.h"
#include "delivery/routing.h"
#include "delivery/templates.h"
#include "store/store.h"

namespace proaktiv::delivery {

using ChannelMap = std::map<ChannelKind, std::unique_ptr<Channel>>;

struct DispatchReport {
  int64_t recovered = 0;  // left in 'sending' by a crash, queued again
  int64_t reminders = 0;  // reminders queued
  int64_t attempts = 0;   // channel calls
  int64_t deferred = 0;   // SMS hours, rate limits, channels without an adapter
  int64_t rerouted = 0;
  // The status each attempted or cancelled message ended the pass in, per channel:
  // "sms" → {"delivered" → 3, "queued" → 1 (to be retried), …}.
  std::map<std::string, std::map<std::string, int64_t>> by_channel;

  void Merge(const DispatchReport& other);
};

class Dispatcher {
 public:
  // `store`, `config`, `templates` and `clock` must outlive the dispatcher.
  Dispatcher(store::RegistryStore& store, const DeliveryConfig& config, const Templates& templates,
             ChannelMap channels, const Clock& clock, uint64_t seed = 1);

  // Queues every message left in 'sending' again, due now, keeping its key and tries.
  Result<DispatchReport> Recover();
  // One pass of at most `batch` messages (see above).
  Result<DispatchReport> RunOnce(int batch = 200);
  // Passes until nothing is due now and nothing comes due within `max_wait` (rate limits);
  // later messages (SMS hours, back-off) stay queued. `sleep` waits (tests advance a fake
  // clock); `progress` (optional) gets the running total after each pass.
  Result<DispatchReport> RunUntilIdle(
      int batch = 200, std::chrono::seconds max_wait = std::chrono::seconds(5),
      const std::function<void(std::chrono::seconds)>& sleep = {},
      const std::function<void(const DispatchReport&)>& progress = {});

 private:
  int64_t Now() const;
  Result<int64_t> QueueReminders(int batch);
  Result<std::vector<store::OutboxMessage>> Claim(int batch, DispatchReport& report);
  // A claimed message on its way through a pass: settled without a try (cancelled, re-routed,
  // failed), or built and then sent.
  struct Prepared {
    store::OutboxMessage message;
    ChannelKind kind = ChannelKind::kEmail;
    std::optional<OutgoingMessage> outgoing;   // to send
    Result<SendReceipt> sent = SendReceipt{};  // the attempt's outcome (or why it was not made)
    std::optional<int64_t> sent_at;
    std::optional<Route> reroute;  // with the offer the new rows are for
    std::optional<store::OfferRecord> offer;
  };
  // Reads the offer, person and contact record and decides; no writes.
  Prepared Prepare(store::OutboxMessage m, DispatchReport& report);
  // Sends every built message, one thread per channel.
  void SendAll(std::vector<Prepared>& prepared);
  // Records the outcome, inside the caller's transaction.
  Status Record(Prepared& p, DispatchReport& report);

  store::RegistryStore& store_;
  const DeliveryConfig& config_;
  const Templates& templates_;
  ChannelMap channels_;
  const Clock& clock_;
  std::mt19937_64 rng_;
  std::map<ChannelKind, TokenBucket> buckets_;
};

}  // namespace proaktiv::delivery

#include "delivery/dispatcher.h"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "delivery/backoff.h"
#include "delivery/message_builder.h"
#include "delivery/outbox_writer.h"
#include "delivery/outcomes.h"
#include "delivery/routing.h"
#include "delivery/sms_window.h"

namespace proaktiv::delivery {
namespace {

using store::MessageStatus;
using store::OutboxMessage;

int64_t SecondsOf(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

void Count(DispatchReport& report, const OutboxMessage& m) {
  ++report.by_channel[m.channel][std::string(store::Name(m.status))];
}

}  // namespace

void DispatchReport::Merge(const DispatchReport& o) {
  recovered += o.recovered;
  reminders += o.reminders;
  attempts += o.attempts;
  deferred += o.deferred;
  rerouted += o.rerouted;
  for (const auto& [channel, statuses] : o.by_channel) {
    for (const auto& [status, n] : statuses) by_channel[channel][status] += n;
  }
}

Dispatcher::Dispatcher(store::RegistryStore& store, const DeliveryConfig& config,
                       const Templates& templates, ChannelMap channels, const Clock& clock,
                       uint64_t seed)
    : store_(store),
      config_(config),
      templates_(templates),
      channels_(std::move(channels)),
      clock_(clock),
      rng_(seed) {
  for (const auto& [kind, channel] : config_.channels) {
    buckets_.emplace(kind, TokenBucket(channel.rate, clock_.Now()));
  }
}

int64_t Dispatcher::Now() const { return SecondsOf(clock_.Now()); }

Result<DispatchReport> Dispatcher::Recover() {
  DispatchReport report;
  const int64_t now = Now();
  PROAKTIV_RETURN_IF_ERROR(store::InTransaction(store_, [&]() -> Status {
    PROAKTIV_ASSIGN_OR_RETURN(auto in_flight, store_.outbox().InFlight());
    for (OutboxMessage& m : in_flight) {
      m.status = MessageStatus::kQueued;
      m.next_attempt_at = now;
      m.updated_at = now;
      if (m.last_error.empty()) m.last_error = "interrupted; retried with the same key";
      PROAKTIV_RETURN_IF_ERROR(store_.outbox().UpdateMessage(m));
      ++report.recovered;
    }
    return {};
  }));
  return report;
}

Result<int64_t> Dispatcher::QueueReminders(int batch) {
  const int64_t now = Now();
  int64_t queued = 0;
  PROAKTIV_RETURN_IF_ERROR(store::InTransaction(store_, [&]() -> Status {
    PROAKTIV_ASSIGN_OR_RETURN(auto due, store_.outbox().RemindersDue(now, batch));
    OutboxWriter writer(store_, config_);
    for (OutboxMessage& m : due) {
      m.reminder_at.reset();
      m.updated_at = now;
      PROAKTIV_RETURN_IF_ERROR(store_.outbox().UpdateMessage(m));
      PROAKTIV_ASSIGN_OR_RETURN(auto offer, store_.engine().FindOfferById(m.offer_id));
      // Opened, answered, expired or withdrawn offers need no reminder.
      if (!offer || offer->state != store::OfferState::kSent) continue;
      PROAKTIV_ASSIGN_OR_RETURN(ChannelKind channel, ParseChannelKind(m.channel));
      PROAKTIV_ASSIGN_OR_RETURN(
          int n, writer.EnqueueCopy(*offer, store::MessageKind::kReminder, m.person_key, {channel},
                                    "unopened", m.formal, m.language, m.content_json, now));
      queued += n;
    }
    return {};
  }));
  return queued;
}

Result<std::vector<OutboxMessage>> Dispatcher::Claim(int batch, DispatchReport& report) {
  std::vector<OutboxMessage> claimed;
  const auto now_tp = clock_.Now();
  const int64_t now = SecondsOf(now_tp);
  PROAKTIV_RETURN_IF_ERROR(store::InTransaction(store_, [&]() -> Status {
    PROAKTIV_ASSIGN_OR_RETURN(auto due, store_.outbox().Due(now, batch));
    for (OutboxMessage& m : due) {
      PROAKTIV_ASSIGN_OR_RETURN(ChannelKind kind, ParseChannelKind(m.channel));
      std::optional<int64_t> wait_until;
      if (kind == ChannelKind::kSms && !InSmsWindow(now_tp)) {
        wait_until = SecondsOf(NextSmsWindow(now_tp));
      } else if (!channels_.count(kind)) {
        m.last_error = fmt::format("channel {} not configured", m.channel);
        wait_until = now + config_.retry.base_delay.count();
      } else if (auto it = buckets_.find(kind);
                 it != buckets_.end() && !it->second.TryTake(now_tp)) {
        auto wait = std::chrono::ceil<std::chrono::seconds>(it->second.WaitTime(now_tp));
        wait_until = now + std::max<int64_t>(1, wait.count());
      }
      m.updated_at = now;
      if (wait_until) {
        m.next_attempt_at = *wait_until;
        ++report.deferred;
      } else {
        m.status = MessageStatus::kSending;
        ++m.attempts;
        claimed.push_back(m);
      }
      PROAKTIV_RETURN_IF_ERROR(store_.outbox().UpdateMessage(m));
    }
    return {};
  }));
  return claimed;
}

Dispatcher::Prepared Dispatcher::Prepare(OutboxMessage m, DispatchReport& report) {
  Prepared p;
  const int64_t now = Now();
  auto settle = [&](MessageStatus status, std::string why) {
    m.status = status;
    m.last_error = std::move(why);
    m.updated_at = now;
    p.message = std::move(m);
    return std::move(p);
  };
  auto kind = ParseChannelKind(m.channel);
  if (!kind) return settle(MessageStatus::kFailed, kind.error().message);
  p.kind = *kind;
  auto offer = store_.engine().FindOfferById(m.offer_id);
  auto person = store_.FindPersonByKey(m.person_key);
  auto contact = store_.contacts().FindContact(m.person_key);
  if (!offer || !person || !contact) {
    // The store could not be read: the attempt fails and is retried after the back-off.
    const Error& e = !offer ? offer.error() : !person ? person.error() : contact.error();
    p.message = std::move(m);
    p.sent = tl::unexpected(Error{ErrorCode::kUnavailable, e.message});
    return p;
  }
  if (!*offer) return settle(MessageStatus::kCancelled, "the offer no longer exists");
  if (m.kind != store::MessageKind::kChange && !store::IsOpen((*offer)->state)) {
    return settle(MessageStatus::kCancelled, fmt::format("the offer is {}", Name((*offer)->state)));
  }
  if (!*person) return settle(MessageStatus::kFailed, "the recipient is not in the registry");
  // Before the first try: has the contact register changed the route? (Not for a fallback
  // letter, which exists because the routed channel failed.)
  if (m.attempts == 1 && !m.route_reason.starts_with("fallback-")) {
    Route route = RouteMessage(*contact, (*person)->person, config_.ForService((*offer)->service),
                               m.kind, now);
    if (std::find(route.channels.begin(), route.channels.end(), p.kind) == route.channels.end()) {
      ++report.rerouted;
      p.offer = std::move(**offer);
      p.reroute = std::move(route);
      return settle(MessageStatus::kCancelled, fmt::format("re-routed: {}", p.reroute->reason));
    }
  }
  auto outgoing = BuildMessage(m, p.kind, (*person)->person, *contact, templates_, config_);
  if (outgoing) {
    p.outgoing = std::move(*outgoing);
  } else {
    p.sent = tl::unexpected(outgoing.error());
  }
  p.message = std::move(m);
  return p;
}

void Dispatcher::SendAll(std::vector<Prepared>& prepared) {
  std::map<ChannelKind, std::vector<Prepared*>> by_channel;
  for (Prepared& p : prepared) {
    if (p.outgoing) by_channel[p.kind].push_back(&p);
  }
  auto send = [this](ChannelKind kind, const std::vector<Prepared*>& work) {
    Channel& channel = *channels_.at(kind);
    for (Prepared* p : work) {
      p->sent = channel.Send(*p->outgoing);
      p->sent_at = Now();
    }
  };
  // One thread per channel: the channels are independent and each keeps its own connection.
  std::vector<std::thread> threads;
  for (const auto& [kind, work] : by_channel) {
    if (threads.size() + 1 == by_channel.size()) {
      send(kind, work);  // the last one on this thread
    } else {
      threads.emplace_back(send, kind, std::cref(work));
    }
  }
  for (std::thread& t : threads) t.join();
}

Status Dispatcher::Record(Prepared& p, DispatchReport& report) {
  store::OutboxMessage& m = p.message;
  if (p.outgoing) ++report.attempts;
  if (p.reroute) {
    PROAKTIV_RETURN_IF_ERROR(store_.outbox().UpdateMessage(m));
    OutboxWriter writer(store_, config_);
    PROAKTIV_RETURN_IF_ERROR(writer.EnqueueCopy(*p.offer, m.kind, m.person_key, p.reroute->channels,
                                                p.reroute->reason, p.reroute->formal, m.language,
                                                m.content_json, m.updated_at));
  } else if (!p.sent) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto backoff = BackoffDelay(config_.retry, m.attempts, unit(rng_));
    PROAKTIV_RETURN_IF_ERROR(
        RecordFailure(store_, config_, m, p.sent.error(), backoff, p.sent_at.value_or(Now())));
  } else if (p.outgoing) {
    PROAKTIV_RETURN_IF_ERROR(RecordReached(store_, config_, m, *p.sent, *p.sent_at));
  } else {
    PROAKTIV_RETURN_IF_ERROR(store_.outbox().UpdateMessage(m));  // settled without a try
  }
  Count(report, m);
  return {};
}

Result<DispatchReport> Dispatcher::RunOnce(int batch) {
  DispatchReport report;
  PROAKTIV_ASSIGN_OR_RETURN(report.reminders, QueueReminders(batch));
  PROAKTIV_ASSIGN_OR_RETURN(auto claimed, Claim(batch, report));
  if (claimed.empty()) return report;
  std::vector<Prepared> prepared;
  prepared.reserve(claimed.size());
  for (OutboxMessage& m : claimed) prepared.push_back(Prepare(std::move(m), report));
  SendAll(prepared);
  // Every outcome of the pass in one transaction. A crash before it commits leaves the whole
  // pass in 'sending', and Recover() queues it again with the same keys.
  PROAKTIV_RETURN_IF_ERROR(store::InTransaction(store_, [&]() -> Status {
    for (Prepared& p : prepared) {
      const int64_t id = p.message.id;
      auto done = Record(p, report);
      if (!done)
        return tl::unexpected(done.error().WithContext(fmt::format("outbox message {}", id)));
    }
    return {};
  }));
  return report;
}

Result<DispatchReport> Dispatcher::RunUntilIdle(
    int batch, std::chrono::seconds max_wait,
    const std::function<void(std::chrono::seconds)>& sleep,
    const std::function<void(const DispatchReport&)>& progress) {
  DispatchReport total;
  for (;;) {
    PROAKTIV_ASSIGN_OR_RETURN(DispatchReport pass, RunOnce(batch));
    total.Merge(pass);
    if (progress) progress(total);
    const bool busy =
        pass.attempts > 0 || pass.reminders > 0 || pass.rerouted > 0 || !pass.by_channel.empty();
    if (busy) continue;
    PROAKTIV_ASSIGN_OR_RETURN(auto next, store_.outbox().NextDueAt());
    const int64_t now = Now();
    if (!next || *next > now + max_wait.count()) return total;
    const auto wait = std::chrono::seconds(std::max<int64_t>(0, *next - now));
    if (sleep) {
      sleep(wait);
    } else {
      std::this_thread::sleep_for(wait);
    }
  }
}

}  // namespace proaktiv::delivery

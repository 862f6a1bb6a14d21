#include "delivery/outcomes.h"

#include <fmt/format.h>

#include "delivery/outbox_writer.h"
#include "delivery/sms_window.h"

namespace proaktiv::delivery {
namespace {

// The offer moves proposed → sent when a first message reaches its recipient.
Status MarkOfferSent(store::RegistryStore& store, const store::OutboxMessage& m, int64_t now) {
  PROAKTIV_ASSIGN_OR_RETURN(auto offer, store.engine().FindOfferById(m.offer_id));
  if (!offer || offer->state != store::OfferState::kProposed) return {};
  const int32_t day = DayInNorway(now).days();
  offer->state = store::OfferState::kSent;
  offer->updated_day = day;
  return store.engine().UpdateOffer(
      *offer, store::OfferTransition{offer->id, store::OfferState::kProposed,
                                     store::OfferState::kSent, offer->version, day,
                                     fmt::format("delivered by {}", m.channel), false});
}

}  // namespace

Status RecordReached(store::RegistryStore& store, const DeliveryConfig& config,
                     store::OutboxMessage& m, const SendReceipt& receipt, int64_t now) {
  PROAKTIV_ASSIGN_OR_RETURN(auto current, store.outbox().FindMessage(m.id));
  if (!current) return NotFound(fmt::format("no outbox message {}", m.id));
  if (store::IsFinal(current->status)) {  // a receipt was faster than this record
    m = std::move(*current);
    if (m.provider_id.empty()) m.provider_id = receipt.provider_id;
    if (!m.sent_at) m.sent_at = now;
  } else {
    m.status =
        receipt.awaiting_receipt ? store::MessageStatus::kSent : store::MessageStatus::kDelivered;
    m.provider_id = receipt.provider_id;
    m.sent_at = now;
    if (!receipt.awaiting_receipt) m.delivered_at = now;
    m.last_error.clear();
    if (m.formal && m.kind == store::MessageKind::kOffer) {
      m.reminder_at = now + config.reminder_after.count();
    }
  }
  m.updated_at = now;
  PROAKTIV_RETURN_IF_ERROR(store.outbox().UpdateMessage(m));
  return MarkOfferSent(store, m, now);
}

Status RecordFailure(store::RegistryStore& store, const DeliveryConfig& config,
                     store::OutboxMessage& m, const Error& error, std::chrono::seconds backoff,
                     int64_t now) {
  m.last_error = error.message.substr(0, 500);
  m.updated_at = now;
  if (error.code == ErrorCode::kInvalidArgument) {
    m.status = store::MessageStatus::kFailed;
  } else if (m.attempts >= config.retry.max_tries) {
    m.status = store::MessageStatus::kDead;
  } else {
    m.status = store::MessageStatus::kQueued;
    m.next_attempt_at = now + backoff.count();
  }
  PROAKTIV_RETURN_IF_ERROR(store.outbox().UpdateMessage(m));
  if (m.status == store::MessageStatus::kQueued) return {};
  return FallBackToLetter(store, config, m, now).map([](bool) {});
}

Result<bool> FallBackToLetter(store::RegistryStore& store, const DeliveryConfig& config,
                              const store::OutboxMessage& m, int64_t now) {
  if (m.channel == Name(ChannelKind::kLetter) || m.kind == store::MessageKind::kReminder) {
    return false;
  }
  PROAKTIV_ASSIGN_OR_RETURN(auto offer, store.engine().FindOfferById(m.offer_id));
  if (!offer) return false;
  if (m.kind == store::MessageKind::kOffer && !store::IsOpen(offer->state)) return false;
  PROAKTIV_ASSIGN_OR_RETURN(auto siblings, store.outbox().MessagesOf(m.offer_id));
  for (const store::OutboxMessage& s : siblings) {
    if (s.id == m.id || s.person_key != m.person_key || s.kind != m.kind) continue;
    // Another channel reached the recipient or may still do so.
    if (store::Reached(s.status) || !store::IsFinal(s.status)) return false;
  }
  OutboxWriter writer(store, config);
  PROAKTIV_ASSIGN_OR_RETURN(
      int n,
      writer.EnqueueCopy(*offer, m.kind, m.person_key, {ChannelKind::kLetter},
                         fmt::format("fallback-after-{}-{}", m.channel, store::Name(m.status)),
                         m.formal, m.language, m.content_json, now));
  return n > 0;
}

Result<store::OutboxMessage> ApplyReceipt(store::RegistryStore& store, const DeliveryConfig& config,
                                          const DeliveryReceipt& receipt, int64_t now) {
  PROAKTIV_RETURN_IF_ERROR(store.Begin());
  auto done = [&]() -> Result<store::OutboxMessage> {
    std::optional<store::OutboxMessage> found;
    if (receipt.message_id != 0) {
      PROAKTIV_ASSIGN_OR_RETURN(found, store.outbox().FindMessage(receipt.message_id));
    } else {
      PROAKTIV_ASSIGN_OR_RETURN(
          found, store.outbox().FindByProviderId(receipt.channel, receipt.provider_id));
    }
    if (!found) {
      return NotFound(receipt.message_id != 0
                          ? fmt::format("no outbox message {}", receipt.message_id)
                          : fmt::format("no {} message with provider id '{}'", receipt.channel,
                                        receipt.provider_id));
    }
    store::OutboxMessage m = std::move(*found);
    if (store::IsFinal(m.status)) return m;
    m.updated_at = now;
    if (!receipt.provider_id.empty() && m.provider_id.empty()) m.provider_id = receipt.provider_id;
    if (receipt.delivered) {
      m.status = store::MessageStatus::kDelivered;
      m.delivered_at = now;
      if (!m.sent_at) m.sent_at = now;
      if (m.formal && m.kind == store::MessageKind::kOffer && !m.reminder_at) {
        m.reminder_at = now + config.reminder_after.count();
      }
      PROAKTIV_RETURN_IF_ERROR(store.outbox().UpdateMessage(m));
      PROAKTIV_RETURN_IF_ERROR(MarkOfferSent(store, m, now));
      return m;
    }
    m.status = store::MessageStatus::kFailed;
    m.last_error =
        receipt.error.empty() ? "the receiver could not deliver it" : receipt.error.substr(0, 500);
    m.reminder_at.reset();
    PROAKTIV_RETURN_IF_ERROR(store.outbox().UpdateMessage(m));
    PROAKTIV_RETURN_IF_ERROR(FallBackToLetter(store, config, m, now));
    return m;
  }();
  if (!done) {
    (void)store.Rollback();
    return done;
  }
  PROAKTIV_RETURN_IF_ERROR(store.Commit());
  return done;
}

}  // namespace proaktiv::delivery

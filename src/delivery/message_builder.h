#pragma once

// Builds the OutgoingMessage a channel sends from an outbox row, at send time: the template of
// the row's kind for its channel, in the row's language, filled with the placeholder values the
// row carries and the link to the offer; the address from the contact register as it is now
// (e-mail, mobile, digital mailbox) or, for a letter, from the population register. A protected
// address (fortrolig, strengt fortrolig) goes only into the envelope data, flagged, never into
// the text (no template placeholder can carry an address). Stateless; thread-safe.

#include <optional>

#include "common/result.h"
#include "delivery/channel.h"
#include "delivery/delivery_config.h"
#include "delivery/templates.h"
#include "registry/person.h"
#include "store/contact_store.h"
#include "store/outbox_store.h"

namespace proaktiv::delivery {

// InvalidArgument when the recipient has no address for the channel any more (e-mail or mobile
// removed from the register, no residence address for a letter).
Result<OutgoingMessage> BuildMessage(const store::OutboxMessage& row, ChannelKind channel,
                                     const registry::Person& person,
                                     const std::optional<store::ContactRecord>& contact,
                                     const Templates& templates, const DeliveryConfig& config);

}  // namespace proaktiv::delivery

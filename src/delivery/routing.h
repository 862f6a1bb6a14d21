#pragma once

// Channel routing: which channels carry one message to one person, and why. A pure function of
// the person's contact record (contact_register.h), the person (for address protection), the
// service's delivery settings, the message kind and the time; the dispatcher calls it when a
// message is queued and again when it is sent.
//
// The rules, in order:
//   1. no contact record, or a record not AKTIV → a paper letter;
//   2. reserved against digital contact (reservasjon JA) → a paper letter; when the service
//      allows (notice_when_reserved), a service notice by SMS and/or e-mail goes out too, from
//      contact data that may be used (rule 4);
//   3. a digital mailbox → the mailbox (the provider notifies the citizen);
//   4. otherwise SMS and/or e-mail notices with a link, when notification is allowed
//      (varslingsstatus KAN_VARSLES) and, for a formal message, the number or address was
//      updated or verified within the last 18 months (stale data is not used for formal
//      notices); the service may switch either channel off;
//   5. nothing usable → a paper letter.
// The message is written in the citizen's language (nb, nn, en; Northern Sami "se" falls back
// to bokmål until the templates have it). A letter to a person with a protected address
// (fortrolig, strengt fortrolig) carries the flag that keeps the address to the envelope data
// the print provider needs. SMS hours (09–17 Norwegian time) are the dispatcher's concern
// (sms_window.h), not routing's.
//
// Stateless and thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "delivery/channel.h"
#include "registry/person.h"
#include "store/contact_store.h"
#include "store/outbox_store.h"

namespace proaktiv::delivery {

// A service's delivery settings (config/delivery.yaml "services").
struct ServiceDeliverySettings {
  bool formal = true;                // its messages are formal notices (enkeltvedtak-like)
  bool notice_when_reserved = true;  // a reserved citizen still gets an SMS/e-mail notice
  bool sms = true;
  bool email = true;

  bool operator==(const ServiceDeliverySettings&) const = default;
};

struct Route {
  std::vector<ChannelKind> channels;  // in order of preference; never empty
  std::string language;               // nb, nn, en
  std::string reason;                 // "digital-mailbox", "reserved", "contact-data-stale", …
  bool formal = true;
  bool protected_address = false;  // letters: the address goes on the envelope data only
};

Route RouteMessage(const std::optional<store::ContactRecord>& contact,
                   const registry::Person& person, const ServiceDeliverySettings& service,
                   store::MessageKind kind, int64_t now);

// nb, nn or en for a KRR language (se and anything unknown → nb).
std::string MessageLanguage(std::string_view krr_language);

}  // namespace proaktiv::delivery

#include "delivery/message_builder.h"

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::delivery {
namespace {

PostalAddress EnvelopeOf(const registry::Person& person, const std::string& name) {
  PostalAddress a;
  a.name = name;
  a.protected_address = person.current_protection() != registry::AddressProtection::kUgradert;
  if (const registry::Address* r = person.residence.current()) {
    a.street = r->house_number.empty() ? r->street : r->street + " " + r->house_number;
    a.postal_code = r->postal_code;
    a.city = r->postal_place;
  }
  return a;
}

}  // namespace

Result<OutgoingMessage> BuildMessage(const store::OutboxMessage& row, ChannelKind channel,
                                     const registry::Person& person,
                                     const std::optional<store::ContactRecord>& contact,
                                     const Templates& templates, const DeliveryConfig& config) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(row.content_json, ec);
  if (ec || !doc.is_object()) {
    return DataLoss(fmt::format("the content of outbox message {} is not a JSON object", row.id));
  }
  TemplateValues values;
  for (const auto& [key, value] : doc.get_object()) {
    if (value.is_string()) values[std::string(key)] = std::string(value.get_string());
  }
  for (const char* key : {"name", "service", "kommune", "deadline", "subject", "body"}) {
    values.try_emplace(key, "");
  }
  const std::string link = config.OfferLink(row.offer_id);
  values["link"] = link;
  PROAKTIV_ASSIGN_OR_RETURN(RenderedText text,
                            templates.Render(row.kind, channel, row.language, values));
  OutgoingMessage m;
  m.message_id = row.id;
  m.idempotency_key = row.idempotency_key;
  m.channel = channel;
  m.language = row.language;
  // The sender as its name is written: "Bergen kommune".
  m.kommune_name =
      values["kommune"].ends_with(" kommune") ? values["kommune"] : values["kommune"] + " kommune";
  m.subject = std::move(text.subject);
  m.body = std::move(text.body);
  m.link = link;
  auto missing = [&](std::string_view what) {
    return InvalidArgument(
        fmt::format("outbox message {}: the recipient has no {} any more", row.id, what));
  };
  switch (channel) {
    case ChannelKind::kEmail:
      if (!contact || contact->email.empty()) return missing("e-mail address");
      m.to = contact->email;
      break;
    case ChannelKind::kSms:
      if (!contact || contact->mobile.empty()) return missing("mobile number");
      m.to = contact->mobile;
      break;
    case ChannelKind::kDigitalMailbox:
      if (!contact || contact->mailbox_address.empty()) return missing("digital mailbox");
      m.to = contact->mailbox_address;
      m.mailbox_provider = contact->mailbox_provider;
      break;
    case ChannelKind::kLetter:
      m.address = EnvelopeOf(person, values["name"]);
      if (!m.address.protected_address && m.address.postal_code.empty()) {
        return missing("postal address");
      }
      break;
  }
  return m;
}

}  // namespace proaktiv::delivery

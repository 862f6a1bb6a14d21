#include "delivery/routing.h"

#include "delivery/contact_register.h"

namespace proaktiv::delivery {
namespace {

// SMS and e-mail notices that may go out to `c` (rule 4 of the header).
std::vector<ChannelKind> Notices(const store::ContactRecord& c,
                                 const ServiceDeliverySettings& service, bool formal, int64_t now,
                                 bool& stale) {
  std::vector<ChannelKind> out;
  if (c.notification_status != "KAN_VARSLES") return out;
  auto usable = [&](const std::string& value, const std::optional<int64_t>& updated,
                    const std::optional<int64_t>& verified) {
    if (value.empty()) return false;
    if (!formal || ConfirmedWithin18Months(updated, verified, now)) return true;
    stale = true;
    return false;
  };
  if (service.sms && usable(c.mobile, c.mobile_updated, c.mobile_verified)) {
    out.push_back(ChannelKind::kSms);
  }
  if (service.email && usable(c.email, c.email_updated, c.email_verified)) {
    out.push_back(ChannelKind::kEmail);
  }
  return out;
}

}  // namespace

std::string MessageLanguage(std::string_view krr_language) {
  if (krr_language == "nn" || krr_language == "en") return std::string(krr_language);
  return "nb";
}

Route RouteMessage(const std::optional<store::ContactRecord>& contact,
                   const registry::Person& person, const ServiceDeliverySettings& service,
                   store::MessageKind /*kind*/, int64_t now) {
  Route route;
  route.formal = service.formal;
  route.protected_address = person.current_protection() != registry::AddressProtection::kUgradert;
  auto letter = [&](std::string reason) {
    route.channels.insert(route.channels.begin(), ChannelKind::kLetter);
    route.reason = std::move(reason);
    return route;
  };
  if (!contact) {
    route.language = "nb";
    return letter("no-contact-record");
  }
  route.language = MessageLanguage(contact->language);
  if (contact->status != "AKTIV") return letter("contact-record-not-active");
  bool stale = false;
  if (contact->reserved) {
    if (service.notice_when_reserved) {
      route.channels = Notices(*contact, service, route.formal, now, stale);
    }
    return letter("reserved");
  }
  if (!contact->mailbox_address.empty() && !contact->mailbox_provider.empty()) {
    route.channels = {ChannelKind::kDigitalMailbox};
    route.reason = "digital-mailbox";
    return route;
  }
  route.channels = Notices(*contact, service, route.formal, now, stale);
  if (!route.channels.empty()) {
    route.reason = "notice";
    return route;
  }
  if (contact->notification_status != "KAN_VARSLES") return letter("cannot-notify");
  return letter(stale ? "contact-data-stale" : "no-digital-contact");
}

}  // namespace proaktiv::delivery

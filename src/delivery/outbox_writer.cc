#include "delivery/outbox_writer.h"

#include <chrono>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "delivery/sms_window.h"
#include "registry/kommune.h"

namespace proaktiv::delivery {
namespace {

std::string FullName(const registry::Person& p) {
  const registry::PersonName* n = p.name.current();
  if (n == nullptr) return "";
  std::string out = n->given;
  for (const std::string* part : {&n->middle, &n->family}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

}  // namespace

std::string IdempotencyKey(int64_t offer_id, int64_t person_key, ChannelKind channel,
                           store::MessageKind kind, int version) {
  std::string key =
      fmt::format("proaktiv.o{}.p{}.{}.{}", offer_id, person_key, Name(channel), store::Name(kind));
  if (kind == store::MessageKind::kChange) key += fmt::format(".v{}", version);
  return key;
}

Result<int> OutboxWriter::EnqueueCopy(const store::OfferRecord& offer, store::MessageKind kind,
                                      int64_t person_key, const std::vector<ChannelKind>& channels,
                                      const std::string& reason, bool formal,
                                      const std::string& language, const std::string& content_json,
                                      int64_t now) {
  int written = 0;
  for (ChannelKind channel : channels) {
    store::OutboxMessage m;
    m.offer_id = offer.id;
    m.person_key = person_key;
    m.kommunenummer = offer.kommunenummer;
    m.channel = Name(channel);
    m.kind = kind;
    m.idempotency_key = IdempotencyKey(offer.id, person_key, channel, kind, offer.version);
    m.status = store::MessageStatus::kQueued;
    m.next_attempt_at = now;
    if (channel == ChannelKind::kSms) {
      using namespace std::chrono;
      m.next_attempt_at =
          duration_cast<seconds>(
              NextSmsWindow(system_clock::time_point(seconds(now))).time_since_epoch())
              .count();
    }
    m.language = language;
    m.formal = formal;
    m.route_reason = reason;
    m.content_json = content_json;
    m.created_at = now;
    m.created_day = DayInNorway(now).days();
    m.updated_at = now;
    PROAKTIV_ASSIGN_OR_RETURN(auto id, store_.outbox().Enqueue(m));
    if (id) ++written;
  }
  return written;
}

Result<int> OutboxWriter::Enqueue(const store::OfferRecord& offer, store::MessageKind kind,
                                  const catalog::LocalizedText& service_name,
                                  const std::vector<MessageRecipient>& recipients,
                                  const ServiceRenderer& render, int64_t now) {
  const registry::Kommune* kommune = registry::FindKommune(offer.kommunenummer);
  const std::string kommune_name = kommune ? kommune->name : offer.kommunenummer;
  const ServiceDeliverySettings& settings = config_.ForService(offer.service);
  int written = 0;
  for (const MessageRecipient& r : recipients) {
    if (r.person == nullptr || r.person_key == 0) continue;
    PROAKTIV_ASSIGN_OR_RETURN(auto contact, store_.contacts().FindContact(r.person_key));
    const Route route = RouteMessage(contact, *r.person, settings, kind, now);
    boost::json::object content;
    content["name"] = FullName(*r.person);
    content["service"] = service_name.In(route.language);
    content["kommune"] = kommune_name;
    content["deadline"] =
        offer.deadline_day ? CivilDate::FromDays(*offer.deadline_day).ToString() : "";
    ServiceText text;
    if (render) {
      auto rendered = render(route.language, *r.person);
      if (!rendered) {
        return tl::unexpected(
            rendered.error().WithContext(fmt::format("message of offer {}", offer.id)));
      }
      text = std::move(*rendered);
    }
    content["subject"] = text.subject;
    content["body"] = text.body;
    PROAKTIV_ASSIGN_OR_RETURN(
        int n, EnqueueCopy(offer, kind, r.person_key, route.channels, route.reason, route.formal,
                           route.language, boost::json::serialize(content), now));
    written += n;
  }
  return written;
}

}  // namespace proaktiv::delivery
